import { Injectable } from '@nestjs/common';
import {
  isGrantableRole,
  maskPhone,
  PHONE_PATTERN,
  ROLE_LABELS,
  roleNeedsOrg,
  roleOrgProblem,
  type GrantableRole,
  type Paged,
  type StaffGrantResponse,
} from '@unionhome/shared';
import { conflict, invalid, notFound } from '../../common/app-exception';
import { AuditService } from '../../common/audit.service';
import { Clock } from '../../common/clock';
import { paged } from '../../common/paging';
import { TransactionRunner } from '../../common/transaction-runner';
import { OrgEntity } from '../../orgs/entities/org.entity';
import { OrgsRepository } from '../../orgs/orgs.repository';
import { UsersRepository } from '../../users/users.repository';
import { withTxRetry } from '../../common/tx-retry';
import { GrantRow, StaffRepository } from './staff.repository';

/** The actor recorded in the audit log for grants made with `npm run admin` (nobody is logged in there). */
export const CLI_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

export interface GrantInput {
  phone: string;
  name?: string;
  role: string;
  orgId?: string;
}

export interface GrantOutcome {
  grant: StaffGrantResponse;
  /** false: the person already held exactly this grant, nothing changed. */
  created: boolean;
  /** The phone was new: the person was created with this grant. */
  newUser: boolean;
  org: OrgEntity | null;
}

export function toStaffGrantResponse(r: GrantRow): StaffGrantResponse {
  return {
    id: r.id,
    userId: r.userId,
    name: r.name ?? '',
    phoneMasked: maskPhone(r.phone ?? ''),
    role: r.role,
    ...(r.orgId ? { orgId: r.orgId } : {}),
    ...(r.orgId && r.orgName ? { orgName: r.orgName } : {}),
  };
}

/**
 * Granting and revoking staff roles: the one place for it, used by /admin/staff and by the
 * bootstrap command (`npm run admin -- grant`). Every change raises the grantee's authVersion in the
 * same transaction, so their live access tokens stop at the next request and the refreshed token
 * carries the roles as they are now; and every change is audited.
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly repo: StaffRepository,
    private readonly orgs: OrgsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(filter: { role?: GrantableRole; orgId?: string }, page: { page: number; limit: number; skip: number }): Promise<Paged<StaffGrantResponse>> {
    const orgIds = filter.orgId ? await this.orgScope(filter.orgId) : undefined;
    const { rows, total } = await this.repo.list({ role: filter.role, orgIds }, page);
    return paged(rows.map(toStaffGrantResponse), total, page);
  }

  /** Idempotent: granting what the person already holds returns that grant and changes nothing. */
  async grant(actorId: string, input: GrantInput): Promise<GrantOutcome> {
    const { phone, name, role } = this.checkInput(input);
    const org = await this.checkOrg(role, input.orgId);
    const orgId = org?.id ?? null;
    const { user, created: newUser } = await this.repo.findOrCreateUserByPhone(phone, name, this.clock.now());
    const outcome = await withTxRetry(() =>
      this.tx.run(async (em) => {
        await this.repo.lockUser(em, user.id);
        if (name) await this.repo.setNameIfEmpty(em, user.id, name);
        const held = await this.repo.grantsOf(em, user.id, role);
        const same = held.find((g) => (g.orgId ?? null) === orgId);
        if (same) return { id: same.id, created: false };
        // A token names one organisation per role (officer → its union): a second one would be ambiguous.
        if (held.length) throw conflict('ROLE_HELD_FOR_OTHER_ORG', undefined, { grantId: held[0].id, orgId: held[0].orgId });
        const grant = await this.repo.insertGrant(em, { userId: user.id, role, orgId });
        await this.users.bumpAuthVersion(user.id);
        await this.audit.record(actorId, 'staff.grant', 'user_role', grant.id, grantDetail(user.id, role, orgId));
        return { id: grant.id, created: true };
      }),
    );
    const row = await this.repo.findRow(outcome.id);
    if (!row) throw notFound('GRANT_NOT_FOUND');
    return { grant: toStaffGrantResponse(row), created: outcome.created, newUser, org };
  }

  /** The last admin grant stays (409 LAST_ADMIN), also when two admins revoke each other at once. */
  async revoke(actorId: string, grantId: string): Promise<void> {
    const first = await this.repo.findGrantById(grantId);
    if (!first || !isGrantableRole(first.role)) throw notFound('GRANT_NOT_FOUND');
    await withTxRetry(() =>
      this.tx.run(async (em) => {
        // Same lock order as a grant (the person first, then the admin grants), so the two never deadlock.
        await this.repo.lockUser(em, first.userId);
        if (first.role === 'admin') {
          const admins = await this.repo.lockAdminGrantIds(em);
          if (!admins.includes(grantId)) throw notFound('GRANT_NOT_FOUND');
          if (admins.length <= 1) throw conflict('LAST_ADMIN');
        }
        const grant = await this.repo.findGrantById(grantId, em);
        if (!grant) throw notFound('GRANT_NOT_FOUND');
        await this.repo.deleteGrant(em, grantId);
        await this.users.bumpAuthVersion(grant.userId);
        await this.audit.record(actorId, 'staff.revoke', 'user_role', grantId, grantDetail(grant.userId, grant.role as GrantableRole, grant.orgId));
      }),
    );
  }

  /** Ids of an organisation and its subtree; an unknown one simply has no staff. */
  private async orgScope(orgId: string): Promise<string[]> {
    const org = await this.orgs.findById(orgId);
    return org ? this.orgs.subtreeIds(org.id) : [];
  }

  /** The DTO checks the same for HTTP; the command line reaches the service without one. */
  private checkInput(input: GrantInput): { phone: string; name: string; role: GrantableRole } {
    const fields: Record<string, string> = {};
    const phone = typeof input.phone === 'string' ? input.phone.trim() : '';
    if (!PHONE_PATTERN.test(phone)) fields.phone = '手机号码应为11位数字';
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (Array.from(name).length > 50) fields.name = '不能超过50个字';
    if (!isGrantableRole(input.role)) fields.role = '不在可选范围内';
    if (Object.keys(fields).length) throw invalid(fields);
    return { phone, name, role: input.role as GrantableRole };
  }

  private async checkOrg(role: GrantableRole, orgId: string | undefined): Promise<OrgEntity | null> {
    if (!roleNeedsOrg(role)) {
      if (orgId) throw invalid({ orgId: `${ROLE_LABELS[role]}不按组织授予，请不要选择组织` });
      return null;
    }
    if (!orgId) throw invalid({ orgId: role === 'venue_staff' ? '请选择所在的工人文化宫' : '请选择所在的工会组织' });
    const org = await this.orgs.findById(orgId);
    if (!org) throw invalid({ orgId: '没有找到该组织' });
    if (!org.active) throw invalid({ orgId: '该组织已停用，请先在“工会组织”里启用' });
    const problem = roleOrgProblem(role, org.type);
    if (problem) throw invalid({ orgId: problem });
    return org;
  }
}

function grantDetail(userId: string, role: GrantableRole, orgId: string | null): string {
  return `user=${userId} role=${role}${orgId ? ` org=${orgId}` : ''}`;
}
