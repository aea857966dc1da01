import {
  ApplicationResponse,
  InviteResponse,
  MemberListItem,
  inviteStatus,
  joinPagePath,
  joinPageUrl,
  maskIdNumber,
  maskPhone,
} from '@unionhome/shared';
import { MembershipApplicationEntity } from './entities/membership-application.entity';
import { MembershipInviteEntity } from './entities/membership-invite.entity';
import type { MemberRow } from './members.repository';

/** Pure mappers to the shared response types. ID numbers arrive decrypted and leave masked only. */

export function toInviteResponse(i: MembershipInviteEntity, orgName: string, baseUrl: string, now: Date): InviteResponse {
  return {
    id: i.id,
    orgId: i.orgId,
    orgName,
    token: i.token,
    expiresAt: i.expiresAt.toISOString(),
    maxUses: i.maxUses,
    usedCount: i.usedCount,
    status: inviteStatus(i, now),
    revokedAt: i.revokedAt ? i.revokedAt.toISOString() : null,
    createdAt: i.createdAt.toISOString(),
    path: joinPagePath(i.token),
    url: joinPageUrl(baseUrl, i.token),
  };
}

export function toApplicationResponse(
  a: MembershipApplicationEntity,
  ctx: { orgName: string; fromOrgName: string | null; idNumber: string | null },
): ApplicationResponse {
  return {
    id: a.id,
    orgId: a.orgId,
    orgName: ctx.orgName,
    kind: a.kind,
    status: a.status,
    name: a.name,
    idNumberMasked: ctx.idNumber ? maskIdNumber(ctx.idNumber) : '',
    phoneMasked: maskPhone(a.phone),
    employer: a.employer,
    jobType: a.jobType,
    fromOrgName: ctx.fromOrgName,
    memberNo: a.memberNo,
    rejectReason: a.rejectReason,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
  };
}

export function toMemberListItem(r: MemberRow, ctx: { orgName: string; idNumber: string | null }): MemberListItem {
  return {
    id: r.id,
    memberNo: r.memberNo,
    name: r.name,
    idNumberMasked: ctx.idNumber ? maskIdNumber(ctx.idNumber) : '',
    phoneMasked: r.phone ? maskPhone(r.phone) : '',
    employer: r.employer,
    jobType: r.jobType,
    joinedAt: r.joinedAt,
    status: r.status,
    orgName: ctx.orgName,
  };
}
