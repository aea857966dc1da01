import { Injectable } from '@nestjs/common';
import type { MembershipSummary } from '@unionhome/shared';
import { TransactionRunner } from '../common/transaction-runner';
import { OrgEntity } from '../orgs/entities/org.entity';
import { MembershipEntity } from './entities/membership.entity';

/**
 * "The person (one `?`) is an active member", as an SQL condition for the hot plain-SQL reads of
 * other domains (the booking decision): the same test as findActive, by the same unique index.
 */
export const ACTIVE_MEMBERSHIP_EXISTS_SQL = 'EXISTS (SELECT 1 FROM memberships m WHERE m.activeUserId = ?)';

/** Read side of memberships that other domains need (me, card, venues, claims). */
@Injectable()
export class MembershipLookup {
  constructor(private readonly tx: TransactionRunner) {}

  findActive(userId: string): Promise<MembershipEntity | null> {
    return this.tx.manager().findOneBy(MembershipEntity, { activeUserId: userId });
  }

  async summary(userId: string): Promise<MembershipSummary | null> {
    const m = await this.findActive(userId);
    if (!m) return null;
    const org = await this.tx.manager().findOneBy(OrgEntity, { id: m.orgId });
    return { memberNo: m.memberNo, orgId: m.orgId, orgName: org?.name ?? '', status: m.status, joinedAt: m.joinedAt };
  }
}
