import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  addDays,
  AID_TYPE_LABELS,
  recheckDueDate,
  type HardshipApplicationSummary,
  type HardshipArchiveEntry,
  type HardshipStatus,
  type HardshipTransitionResponse,
  type Paged,
} from '@unionhome/shared';
import { conflict, forbidden, invalid, notFound } from '../common/app-exception';
import { AuditService } from '../common/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { paged } from '../common/paging';
import { TransactionRunner } from '../common/transaction-runner';
import { MessagesService } from '../messages/messages.service';
import { HardshipArchiveQueryDto, HardshipDecisionDto, HardshipQueueQueryDto, HardshipReviewDto } from './dto/hardship-review.dto';
import { HardshipApplicationEntity } from './entities/hardship-application.entity';
import { HardshipAccess } from './hardship-access';
import { caseLink, HARDSHIP_SUBJECT, HardshipApplicationsService } from './hardship-applications.service';
import { toArchiveEntry, toTransition } from './hardship.mapper';
import { HardshipRepository, PageWindow } from './hardship.repository';

/** 'KN-330602-2026-00001': 困难 (KN), the region, the year of the decision, the number within them. */
export function formatArchiveNo(regionCode: string, year: string, n: number): string {
  return `KN-${regionCode}-${year}-${String(n).padStart(5, '0')}`;
}

/**
 * The staff side: the first check by the officer of the case's union (pass, or return with a
 * reason), the decision by the hardship reviewer (approve with aid types → archive number and a
 * re-check date one year on, or reject with a reason), the queues and the archive.
 * Each transition is a locked read plus a status check in one transaction, so two staff acting
 * at once produce one transition and one 409.
 */
@Injectable()
export class HardshipReviewService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly repo: HardshipRepository,
    private readonly access: HardshipAccess,
    private readonly applications: HardshipApplicationsService,
  ) {}

  async review(user: AuthUser, id: string, dto: HardshipReviewDto): Promise<HardshipTransitionResponse> {
    const reason = dto.reason?.trim() || null;
    if (dto.decision === 'return' && !reason) throw invalid({ reason: '退回时请写明需要修改或补充的内容' });
    return this.tx.run(async (em) => {
      const app = await this.repo.lockById(em, id);
      if (!app || !(await this.access.mayFirstCheck(user, app))) throw notFound('HARDSHIP_APPLICATION_NOT_FOUND');
      if (app.applicantId === user.id) throw forbidden('FORBIDDEN', '不能审核自己的申请');
      if (app.status !== 'submitted') throw conflict('HARDSHIP_WRONG_STATUS');
      const status: HardshipStatus = dto.decision === 'pass' ? 'checked' : 'returned';
      await this.move(em, app, status, user, 'officer', reason, {});
      await this.messages.send(
        app.applicantId,
        status === 'checked'
          ? { title: '困难帮扶申请初审通过', body: '工会已完成初审，您的申请已报送帮扶中心审批，结果会通过消息告诉您。', link: caseLink(id) }
          : { title: '困难帮扶申请被退回修改', body: `工会初审意见：${reason}。请按意见修改或补充后重新提交。`, link: caseLink(id) },
        em,
      );
      await this.audit.record(user.id, `hardship.review.${dto.decision}`, HARDSHIP_SUBJECT, id);
      return toTransition(app, reason);
    });
  }

  async decide(user: AuthUser, id: string, dto: HardshipDecisionDto): Promise<HardshipTransitionResponse> {
    const reason = dto.reason?.trim() || null;
    const aidTypes = dto.aidTypes ?? [];
    if (dto.decision === 'approve' && aidTypes.length === 0) throw invalid({ aidTypes: '批准时请至少选择一种帮扶类型' });
    if (dto.decision === 'reject' && !reason) throw invalid({ reason: '不批准时请写明原因' });
    if (dto.decision === 'reject' && aidTypes.length) throw invalid({ aidTypes: '不批准时不能选择帮扶类型' });

    const found = await this.repo.findById(id);
    if (!found || !(await this.access.staffMaySee(user, found))) throw notFound('HARDSHIP_APPLICATION_NOT_FOUND');
    const today = this.clock.today();
    const scope = `${found.regionCode}-${today.slice(0, 4)}`;
    if (dto.decision === 'approve') await this.repo.ensureArchiveCounter(scope);

    return this.tx.run(async (em) => {
      const app = await this.repo.lockById(em, id);
      if (!app) throw notFound('HARDSHIP_APPLICATION_NOT_FOUND');
      if (app.applicantId === user.id) throw forbidden('FORBIDDEN', '不能审批自己的申请');
      if (app.status !== 'checked') throw conflict('HARDSHIP_WRONG_STATUS');
      const now = this.clock.now();
      if (dto.decision === 'approve') {
        const archiveNo = formatArchiveNo(app.regionCode, today.slice(0, 4), await this.repo.takeArchiveNumber(em, scope));
        const recheckDue = recheckDueDate(today);
        await this.move(em, app, 'approved', user, 'hardship_reviewer', reason, { aidTypes, archiveNo, recheckDue, decidedAt: now, openApplicantId: null });
        await this.messages.send(
          app.applicantId,
          {
            title: '困难帮扶申请已批准',
            body: `您的申请已批准，困难职工档案编号 ${archiveNo}。帮扶类型：${aidTypes.map((t) => AID_TYPE_LABELS[t]).join('、')}。工会将在 ${recheckDue} 前后进行复核。`,
            link: caseLink(id),
          },
          em,
        );
      } else {
        await this.move(em, app, 'rejected', user, 'hardship_reviewer', reason, { decidedAt: now, openApplicantId: null });
        await this.messages.send(
          app.applicantId,
          { title: '困难帮扶申请未获批准', body: `审批意见：${reason}。如有疑问，可以联系负责初审的工会。`, link: caseLink(id) },
          em,
        );
      }
      await this.audit.record(user.id, `hardship.decision.${dto.decision}`, HARDSHIP_SUBJECT, id);
      return toTransition(app, reason);
    });
  }

  async queue(user: AuthUser, q: HardshipQueueQueryDto, p: PageWindow): Promise<Paged<HardshipApplicationSummary>> {
    const scope = await this.access.staffScope(user);
    const [rows, total] = await this.repo.listForStaff(scope, { status: q.status, regionCode: q.regionCode }, p);
    return paged(await this.applications.summaries(rows, 'staff'), total, p);
  }

  async archive(q: HardshipArchiveQueryDto, p: PageWindow): Promise<Paged<HardshipArchiveEntry>> {
    const today = this.clock.today();
    const dueBy = q.dueWithinDays !== undefined ? addDays(today, q.dueWithinDays) : undefined;
    const [rows, total] = await this.repo.listArchive({ dueBy, regionCode: q.regionCode }, p);
    const [regions, orgs, users] = await Promise.all([
      this.repo.regionsByCode(rows.map((r) => r.regionCode)),
      this.repo.orgsById(rows.map((r) => r.orgId)),
      this.repo.usersById(rows.map((r) => r.applicantId)),
    ]);
    const data = rows.map((r) =>
      toArchiveEntry(r, this.applications.open(r), { today, regionName: regions.get(r.regionCode)?.name ?? '', orgName: orgs.get(r.orgId)?.name ?? '', applicant: users.get(r.applicantId) }),
    );
    return paged(data, total, p);
  }

  /** Writes the new status (and whatever goes with it) and its timeline entry; `app` is updated in place. */
  private async move(
    em: EntityManager,
    app: HardshipApplicationEntity,
    status: HardshipStatus,
    user: AuthUser,
    role: 'officer' | 'hardship_reviewer',
    reason: string | null,
    extra: Partial<HardshipApplicationEntity>,
  ): Promise<void> {
    const changes: Partial<HardshipApplicationEntity> = { ...extra, status, updatedAt: this.clock.now() };
    const res = await em.update(HardshipApplicationEntity, { id: app.id, status: app.status }, changes);
    if (!res.affected) throw conflict('HARDSHIP_WRONG_STATUS');
    Object.assign(app, changes);
    await this.repo.appendEvent(em, this.applications.event(app.id, status, user.id, role, reason));
  }
}
