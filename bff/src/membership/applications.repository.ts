import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { ApplicationStatus } from '@unionhome/shared';
import { TransactionRunner } from '../common/transaction-runner';
import { MembershipApplicationEntity } from './entities/membership-application.entity';

type Page = { skip: number; limit: number };

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  findById(id: string): Promise<MembershipApplicationEntity | null> {
    return this.tx.manager().findOneBy(MembershipApplicationEntity, { id });
  }

  /** This account's pending application, if any. */
  findOpenFor(userId: string): Promise<MembershipApplicationEntity | null> {
    return this.tx.manager().findOneBy(MembershipApplicationEntity, { openUserId: userId });
  }

  /** Pending applications giving this ID number, by accounts other than `exceptUserId`. */
  countOpenWithIdNumber(idNumberIndex: string, exceptUserId: string): Promise<number> {
    return this.tx
      .manager()
      .createQueryBuilder(MembershipApplicationEntity, 'a')
      .where('a.openIdNumberIndex = :idx', { idx: idNumberIndex })
      .andWhere('a.userId <> :userId', { userId: exceptUserId })
      .getCount();
  }

  /** Applications made with this invite since `since` (the per-invite limit). */
  countForInviteSince(inviteId: string, since: Date): Promise<number> {
    return this.tx.manager().createQueryBuilder(MembershipApplicationEntity, 'a').where('a.inviteId = :inviteId', { inviteId }).andWhere('a.createdAt >= :since', { since }).getCount();
  }

  listForOrgs(orgIds: string[], status: ApplicationStatus | undefined, p: Page): Promise<[MembershipApplicationEntity[], number]> {
    // The review queue reads oldest first; decided ones newest first.
    return this.tx.manager().findAndCount(MembershipApplicationEntity, {
      where: { orgId: In(orgIds), ...(status ? { status } : {}) },
      order: status === 'pending' ? { createdAt: 'ASC', id: 'ASC' } : { createdAt: 'DESC', id: 'DESC' },
      skip: p.skip,
      take: p.limit,
    });
  }

  listForUser(userId: string, p: Page): Promise<[MembershipApplicationEntity[], number]> {
    return this.tx.manager().findAndCount(MembershipApplicationEntity, { where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, skip: p.skip, take: p.limit });
  }

  countPending(orgIds: string[]): Promise<number> {
    return this.tx.manager().countBy(MembershipApplicationEntity, { orgId: In(orgIds), status: 'pending' });
  }

  /**
   * Moves a pending application to its decision; false when it was no longer pending (someone
   * decided it first). Closing it frees the open-application keys for a later application.
   */
  async decide(em: EntityManager, id: string, change: Partial<MembershipApplicationEntity>): Promise<boolean> {
    const res = await em.update(MembershipApplicationEntity, { id, status: 'pending' }, { ...change, openUserId: null, openIdNumberIndex: null });
    return res.affected === 1;
  }
}
