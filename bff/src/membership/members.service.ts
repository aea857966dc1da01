import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { MemberDetailResponse, MemberListItem, MemberListResponse, MembershipSettings } from '@unionhome/shared';
import { notFound, unprocessable } from '../common/app-exception';
import { AuditService } from '../common/audit.service';
import { AuthUser } from '../common/auth-user';
import { PiiCipher } from '../common/pii-cipher';
import { TransactionRunner } from '../common/transaction-runner';
import { OrgEntity } from '../orgs/entities/org.entity';
import { UserEntity } from '../users/entities/user.entity';
import { ApplicationsRepository } from './applications.repository';
import { MembershipStatus } from './entities/membership.entity';
import { membersCsv } from './members-csv';
import { MemberFilter, MemberRow, MembersRepository } from './members.repository';
import { toMemberListItem } from './membership.mapper';
import { OfficerScope } from './officer-scope';

const EXPORT_BATCH = 500;

/** The officer's member register: list, search, totals, one member's record, CSV export, settings. */
@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    private readonly applications: ApplicationsRepository,
    private readonly scope: OfficerScope,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(user: AuthUser, orgId: string, q: { q?: string; status?: MembershipStatus }, p: { page: number; limit: number; skip: number }): Promise<MemberListResponse> {
    const { ids } = await this.scope.orgIds(user, orgId);
    const filter: MemberFilter = { orgIds: ids, status: q.status ?? 'active', q: q.q || undefined };
    const [[rows, total], counts, pendingApplications] = await Promise.all([
      this.members.search(filter, p),
      this.members.countByStatus(ids),
      this.applications.countPending(ids),
    ]);
    return { data: await this.present(rows), total, page: p.page, limit: p.limit, totals: { ...counts, pendingApplications } };
  }

  /** Every member matching the filter, masked, as CSV. One audit row names the export. */
  async exportCsv(user: AuthUser, orgId: string, q: { q?: string; status?: MembershipStatus }): Promise<{ csv: string; orgName: string }> {
    const { org, ids } = await this.scope.orgIds(user, orgId);
    const filter: MemberFilter = { orgIds: ids, status: q.status ?? 'active', q: q.q || undefined };
    const all: MemberListItem[] = [];
    for (let skip = 0; ; skip += EXPORT_BATCH) {
      const [rows] = await this.members.search(filter, { skip, limit: EXPORT_BATCH });
      all.push(...(await this.present(rows)));
      if (rows.length < EXPORT_BATCH) break;
    }
    await this.audit.record(user.id, 'member.export', 'org', org.id, `${all.length} rows`);
    return { csv: membersCsv(all), orgName: org.name };
  }

  /** One member's full record; the read is audited (who read whose record, when). */
  async detail(user: AuthUser, orgId: string, membershipId: string): Promise<MemberDetailResponse> {
    const { ids } = await this.scope.orgIds(user, orgId);
    const m = await this.members.findById(membershipId);
    if (!m || !ids.includes(m.orgId)) throw notFound();
    const m2 = this.tx.manager();
    const [person, org, applicationPhone] = await Promise.all([
      m2.findOneByOrFail(UserEntity, { id: m.userId }),
      m2.findOneByOrFail(OrgEntity, { id: m.orgId }),
      this.members.applicationPhone(m.id),
    ]);
    await this.audit.record(user.id, 'member.read', 'membership', m.id);
    const phone = applicationPhone ?? person.phone ?? '';
    const row: MemberRow = { ...m, name: person.name, idNumberCipher: person.idNumberCipher, phone };
    return {
      ...toMemberListItem(row, { orgName: org.name, idNumber: this.decrypt(person.idNumberCipher) }),
      phone,
      leftAt: m.leftAt ? m.leftAt.toISOString() : null,
    };
  }

  async settings(user: AuthUser, orgId: string): Promise<MembershipSettings> {
    const org = await this.scope.org(user, orgId);
    return { autoApprove: org.autoApprove };
  }

  async updateSettings(user: AuthUser, orgId: string, settings: MembershipSettings): Promise<MembershipSettings> {
    const org = await this.scope.org(user, orgId);
    if (org.type !== 'grassroots') throw unprocessable('ORG_NOT_GRASSROOTS');
    await this.tx.run(async (em) => {
      await em.update(OrgEntity, { id: org.id }, { autoApprove: settings.autoApprove });
      await this.audit.record(user.id, 'org.auto_approve', 'org', org.id, settings.autoApprove ? 'on' : 'off');
    });
    return { autoApprove: settings.autoApprove };
  }

  private decrypt(cipher: string | null): string | null {
    return cipher ? this.cipher.decrypt(cipher) : null;
  }

  private async present(rows: MemberRow[]): Promise<MemberListItem[]> {
    const orgIds = [...new Set(rows.map((r) => r.orgId))];
    const orgs = orgIds.length ? await this.tx.manager().findBy(OrgEntity, { id: In(orgIds) }) : [];
    return rows.map((r) => toMemberListItem(r, { orgName: orgs.find((o) => o.id === r.orgId)?.name ?? '', idNumber: this.decrypt(r.idNumberCipher) }));
  }
}
