import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In } from 'typeorm';
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

  /** A pending application of this account or of this ID number, whoever made it. */
  findOpenFor(userId: string, idNumberIndex: string): Promise<MembershipApplicationEntity | null> {
    return this.tx
      .manager()
      .createQueryBuilder(MembershipApplicationEntity, 'a')
      .where(new Brackets((w) => w.where('a.openUserId = :userId', { userId }).orWhere('a.openIdNumberIndex = :idx', { idx: idNumberIndex })))
      .getOne();
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
