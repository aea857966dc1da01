import { randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import {
  ID_NUMBER_CONSENT,
  INVITE_EXPIRES_HOURS,
  INVITE_TOKEN_ALPHABET,
  INVITE_TOKEN_LENGTH,
  InvitePreviewResponse,
  InviteResponse,
  InviteWithQrResponse,
  MEMBERSHIP_NOTICE,
  Paged,
  inviteStatus,
  normalizeInviteCode,
} from '@unionhome/shared';
import { AppException, notFound, unprocessable } from '../common/app-exception';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { paged } from '../common/paging';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { OrgEntity } from '../orgs/entities/org.entity';
import { OrgsRepository } from '../orgs/orgs.repository';
import { CreateInviteDto } from './dto/invite.dto';
import { MembershipInviteEntity } from './entities/membership-invite.entity';
import { InvitesRepository } from './invites.repository';
import { toInviteResponse } from './membership.mapper';
import { OfficerScope } from './officer-scope';

/** 20 characters of Crockford base32: 100 random bits (a byte's low 5 bits are uniform). */
export function newInviteToken(): string {
  return Array.from(randomBytes(INVITE_TOKEN_LENGTH), (b) => INVITE_TOKEN_ALPHABET[b & 31]).join('');
}

/** Why an invite no longer admits applications: 410, each with its own code and words. */
export function inviteGone(invite: MembershipInviteEntity, now: Date): AppException | null {
  const status = inviteStatus(invite, now);
  if (status === 'revoked') return new AppException('INVITE_REVOKED', HttpStatus.GONE);
  if (status === 'expired') return new AppException('INVITE_EXPIRED', HttpStatus.GONE);
  if (status === 'used_up') return new AppException('INVITE_USED_UP', HttpStatus.GONE);
  return null;
}

@Injectable()
export class InvitesService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly orgs: OrgsRepository,
    private readonly scope: OfficerScope,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, orgId: string, dto: CreateInviteDto, baseUrl: string): Promise<InviteWithQrResponse> {
    const org = await this.scope.org(user, orgId);
    if (org.type !== 'grassroots') throw unprocessable('ORG_NOT_GRASSROOTS');
    if (!org.active) throw unprocessable('ORG_INACTIVE');
    const now = this.clock.now();
    const hours = dto.expiresInHours ?? INVITE_EXPIRES_HOURS.default;
    const invite: MembershipInviteEntity = {
      id: newId(),
      orgId: org.id,
      token: newInviteToken(),
      createdBy: user.id,
      expiresAt: new Date(now.getTime() + hours * 3_600_000),
      maxUses: dto.maxUses ?? null,
      usedCount: 0,
      revokedAt: null,
      createdAt: now,
    };
    try {
      await this.tx.run((em) => em.insert(MembershipInviteEntity, invite));
    } catch (err) {
      // 100 random bits do not collide in practice; if they ever do, one more draw settles it.
      if (!isUniqueViolation(err)) throw err;
      invite.token = newInviteToken();
      await this.tx.run((em) => em.insert(MembershipInviteEntity, invite));
    }
    return this.withQr(toInviteResponse(invite, org.name, baseUrl, now));
  }

  async list(user: AuthUser, orgId: string, p: { page: number; limit: number; skip: number }, baseUrl: string): Promise<Paged<InviteResponse>> {
    const org = await this.scope.org(user, orgId);
    const [rows, total] = await this.invites.listForOrg(org.id, p);
    const now = this.clock.now();
    return paged(rows.map((i) => toInviteResponse(i, org.name, baseUrl, now)), total, p);
  }

  async get(user: AuthUser, orgId: string, inviteId: string, baseUrl: string): Promise<InviteWithQrResponse> {
    const { org, invite } = await this.inScope(user, orgId, inviteId);
    return this.withQr(toInviteResponse(invite, org.name, baseUrl, this.clock.now()));
  }

  /** Revoking twice is harmless: the first revocation time stays. */
  async revoke(user: AuthUser, orgId: string, inviteId: string, baseUrl: string): Promise<InviteResponse> {
    const { org, invite } = await this.inScope(user, orgId, inviteId);
    await this.invites.revoke(invite.id, this.clock.now());
    const fresh = (await this.invites.findInOrg(org.id, invite.id))!;
    return toInviteResponse(fresh, org.name, baseUrl, this.clock.now());
  }

  /** What the join page shows; anyone may look (the code itself is the secret). */
  async preview(rawToken: string): Promise<InvitePreviewResponse> {
    const { invite, org } = await this.openInvite(rawToken);
    return {
      org: { id: org.id, name: org.name },
      notice: MEMBERSHIP_NOTICE,
      idNumberConsent: ID_NUMBER_CONSENT,
      expiresAt: invite.expiresAt.toISOString(),
    };
  }

  /** The invite behind a code, if it still admits applications: else 404 or 410. */
  async openInvite(rawToken: string): Promise<{ invite: MembershipInviteEntity; org: OrgEntity }> {
    const token = normalizeInviteCode(rawToken);
    const invite = token ? await this.invites.findByToken(token) : null;
    const org = invite ? await this.orgs.findById(invite.orgId) : null;
    if (!invite || !org) throw notFound('INVITE_NOT_FOUND');
    // A deactivated union takes no one new; its existing members are not touched.
    if (!org.active) throw new AppException('ORG_INACTIVE', HttpStatus.GONE);
    const gone = inviteGone(invite, this.clock.now());
    if (gone) throw gone;
    return { invite, org };
  }

  private async inScope(user: AuthUser, orgId: string, inviteId: string): Promise<{ org: OrgEntity; invite: MembershipInviteEntity }> {
    const org = await this.scope.org(user, orgId);
    const invite = await this.invites.findInOrg(org.id, inviteId);
    if (!invite) throw notFound('INVITE_NOT_FOUND');
    return { org, invite };
  }

  private async withQr(invite: InviteResponse): Promise<InviteWithQrResponse> {
    // Big enough to print on A4 and to scan from a phone screen across a table.
    const qrPng = await toDataURL(invite.url, { errorCorrectionLevel: 'M', margin: 2, width: 640 });
    return { ...invite, qrPng };
  }
}
