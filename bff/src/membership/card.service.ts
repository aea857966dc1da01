import { Injectable } from '@nestjs/common';
import { CARD_CHECK_MESSAGES, CardResponse, VerifyCardResponse, maskName } from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { TransactionRunner } from '../common/transaction-runner';
import { OrgEntity } from '../orgs/entities/org.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CardTokenService } from './card-token.service';
import { MembershipEntity } from './entities/membership.entity';
import { MembershipLookup } from './membership-lookup';

/** The membership card: what the member shows, and what staff learn when they scan it. */
@Injectable()
export class CardService {
  constructor(private readonly memberships: MembershipLookup, private readonly tokens: CardTokenService, private readonly tx: TransactionRunner) {}

  async card(userId: string): Promise<CardResponse> {
    const m = await this.memberships.findActive(userId);
    if (!m) throw notFound('NOT_A_MEMBER');
    const [person, org] = await Promise.all([
      this.tx.manager().findOneByOrFail(UserEntity, { id: userId }),
      this.tx.manager().findOneByOrFail(OrgEntity, { id: m.orgId }),
    ]);
    const qr = this.tokens.issue(m.id);
    return { memberNo: m.memberNo, name: person.name, orgName: org.name, joinedAt: m.joinedAt, status: m.status, qr: { token: qr.token, expiresAt: qr.expiresAt.toISOString() } };
  }

  /** A valid signature is not enough: the membership must still be active (a member who left has no card). */
  async verify(token: string): Promise<VerifyCardResponse> {
    const check = this.tokens.verify(token);
    if (!check.ok) return { valid: false, reason: check.reason, message: CARD_CHECK_MESSAGES[check.reason] };
    const m = await this.tx.manager().findOneBy(MembershipEntity, { id: check.membershipId });
    if (!m || m.status !== 'active') return { valid: false, reason: 'INVALID', message: CARD_CHECK_MESSAGES.ENDED };
    const [person, org] = await Promise.all([
      this.tx.manager().findOneBy(UserEntity, { id: m.userId }),
      this.tx.manager().findOneBy(OrgEntity, { id: m.orgId }),
    ]);
    return { valid: true, memberNo: m.memberNo, nameMasked: maskName(person?.name ?? ''), orgName: org?.name ?? '', status: m.status };
  }
}
