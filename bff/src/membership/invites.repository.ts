import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../common/transaction-runner';
import { MembershipInviteEntity } from './entities/membership-invite.entity';

@Injectable()
export class InvitesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  findByToken(token: string): Promise<MembershipInviteEntity | null> {
    return this.tx.manager().findOneBy(MembershipInviteEntity, { token });
  }

  findInOrg(orgId: string, id: string): Promise<MembershipInviteEntity | null> {
    return this.tx.manager().findOneBy(MembershipInviteEntity, { id, orgId });
  }

  listForOrg(orgId: string, p: { skip: number; limit: number }): Promise<[MembershipInviteEntity[], number]> {
    return this.tx.manager().findAndCount(MembershipInviteEntity, { where: { orgId }, order: { createdAt: 'DESC', id: 'DESC' }, skip: p.skip, take: p.limit });
  }

  /**
   * Takes one use of the invite if it still admits applications at `now`: one conditional UPDATE,
   * so concurrent applications can never take more uses than `maxUses`. false = nothing taken.
   */
  async takeUse(em: EntityManager, id: string, now: Date): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(MembershipInviteEntity)
      .set({ usedCount: () => 'usedCount + 1' })
      .where('id = :id AND revokedAt IS NULL AND expiresAt > :now AND (maxUses IS NULL OR usedCount < maxUses)', { id, now })
      .execute();
    return res.affected === 1;
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.tx.run((em) =>
      em.createQueryBuilder().update(MembershipInviteEntity).set({ revokedAt: now }).where('id = :id AND revokedAt IS NULL', { id }).execute(),
    );
  }
}
