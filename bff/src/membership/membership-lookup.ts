import { Injectable } from '@nestjs/common';
import type { MembershipSummary } from '@unionhome/shared';
import { TransactionRunner } from '../common/transaction-runner';
import { OrgEntity } from '../orgs/entities/org.entity';
import { MembershipEntity } from './entities/membership.entity';

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
