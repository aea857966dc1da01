import { Injectable } from '@nestjs/common';
import {
  CLAIM_REASONS,
  ClaimDecisionRequest,
  ClaimStatus,
  ClaimStatusResponse,
  DECIDABLE_CLAIM_STATUSES,
  formatFen,
  isLocalDate,
  localDate,
  localDateTime,
  MarkClaimPaidRequest,
  Paged,
  ReviewClaimSummaryResponse,
  addDays,
} from '@unionhome/shared';
import { conflict, invalid, notFound, unprocessable } from '../common/app-exception';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { paged } from '../common/paging';
import { FilesService } from '../files/files.service';
import { estimateClaim } from './claim.mapper';
import { CLAIM_OWNER_TYPE, ClaimViews } from './claim-views';
import { ClaimWorkflow } from './claim-workflow';
import { ClaimsRepository, PageParams } from './claims.repository';
import { ReviewQueueQueryDto } from './dto/review.dto';
import { ClaimEntity } from './entities/claim.entity';

/** What the queue shows by default: claims waiting for a reviewer. */
const WAITING_FOR_REVIEW: ClaimStatus[] = ['submitted', 'in_review', 'resubmitted'];

/** The claim reviewer's side: the queue, taking a claim, deciding, and recording the payment. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly repo: ClaimsRepository,
    private readonly views: ClaimViews,
    private readonly workflow: ClaimWorkflow,
    private readonly files: FilesService,
    private readonly clock: Clock,
  ) {}

  async queue(q: ReviewQueueQueryDto, p: PageParams): Promise<Paged<ReviewClaimSummaryResponse>> {
    const statuses = !q.status || q.status === 'waiting' ? WAITING_FOR_REVIEW : [q.status];
    if (q.submittedFrom && q.submittedTo && q.submittedTo < q.submittedFrom) throw invalid({ submittedTo: '结束日期不能早于开始日期' });
    const [rows, total] = await this.repo.reviewQueue(
      {
        statuses,
        planId: q.planId,
        q: q.q?.trim() || undefined,
        submittedFrom: q.submittedFrom ? localDateTime(q.submittedFrom) : undefined,
        submittedBefore: q.submittedTo ? localDateTime(addDays(q.submittedTo, 1)) : undefined,
      },
      p,
    );
    return paged(await this.views.reviewSummaries(rows), total, p);
  }

  private async submitted(id: string): Promise<ClaimEntity> {
    const claim = await this.repo.findClaim(id);
    // Drafts are the worker's own business: to a reviewer they do not exist.
    if (!claim || claim.status === 'draft') throw notFound('CLAIM_NOT_FOUND');
    return claim;
  }

  /** 开始审核: submitted or resubmitted → in_review, so the worker sees someone has it. */
  async startReview(reviewer: AuthUser, id: string): Promise<ClaimStatusResponse> {
    const claim = await this.submitted(id);
    await this.workflow.run((em, notices) =>
      this.workflow.move(em, notices, claim, ['submitted', 'resubmitted'], 'in_review', { actorId: reviewer.id, actorRole: 'reviewer' }, { reviewerId: reviewer.id }),
    );
    return { id, status: 'in_review' };
  }

  async decide(reviewer: AuthUser, id: string, dto: ClaimDecisionRequest): Promise<ClaimStatusResponse> {
    const claim = await this.submitted(id);
    checkDecision(dto);
    if (!DECIDABLE_CLAIM_STATUSES.includes(claim.status)) throw conflict('CLAIM_STATUS_CONFLICT');
    const base = { actorId: reviewer.id, actorRole: 'reviewer' as const, reasonCode: dto.reasonCode ?? null, note: dto.note ?? null };
    const now = this.clock.now();

    if (dto.decision === 'reject') {
      await this.workflow.run(async (em, notices) => {
        await this.workflow.move(em, notices, claim, DECIDABLE_CLAIM_STATUSES, 'rejected', base, { decidedAt: now, reviewerId: reviewer.id });
        // A rejected claim lets go of its invoices: they may back a corrected claim.
        await this.repo.releaseInvoices(em, claim.id);
      });
      return { id, status: 'rejected', approvedAmount: null };
    }

    if (dto.decision === 'request_documents') {
      const asked = dto.documentTypes ?? [];
      await this.workflow.run(async (em, notices) => {
        // What is there now does not count as the new papers asked for.
        const current = (await this.files.listFor(CLAIM_OWNER_TYPE, claim.id)).filter((d) => (asked as string[]).includes(d.docType)).map((d) => d.id);
        await this.workflow.move(em, notices, claim, DECIDABLE_CLAIM_STATUSES, 'need_documents', { ...base, documentTypes: asked }, {
          requestedDocuments: asked,
          requestedAt: now,
          documentsAtRequest: current,
          reviewerId: reviewer.id,
        });
      });
      return { id, status: 'need_documents', approvedAmount: null };
    }

    // approve: the member's cover row is locked first, so the annual remaining read here is the
    // one the approval spends; a second approval for the same member waits and then reads ours.
    const approved = await this.workflow.run(async (em, notices) => {
      const enrolment = await this.repo.lockEnrolmentForApproval(em, claim.enrolmentId);
      const current = await this.repo.findClaim(id, em);
      if (!enrolment || !current) throw notFound('CLAIM_NOT_FOUND');
      if (!DECIDABLE_CLAIM_STATUSES.includes(current.status)) throw conflict('CLAIM_STATUS_CONFLICT');
      const { plan, tags } = await this.views.context(current);
      const computed = estimateClaim(current, plan, enrolment, tags).payout;
      const amount = dto.amount ?? computed;
      if (amount > computed) {
        throw unprocessable('AMOUNT_EXCEEDS_RULE', `按规则最多可核定${formatFen(computed)}`, { computed });
      }
      if (amount < computed && !dto.reasonCode) throw invalid({ reasonCode: '核定金额低于计算金额时，请选择原因' });
      if (!(await this.repo.addToUsedAmount(em, enrolment.id, enrolment.usedAmount, amount))) {
        // The lock makes this unreachable on MySQL and SQLite alike; never pay past the cap on a surprise.
        throw conflict('CLAIM_STATUS_CONFLICT');
      }
      await this.workflow.move(em, notices, current, DECIDABLE_CLAIM_STATUSES, 'approved', { ...base, amount }, {
        approvedAmount: amount,
        decidedAt: now,
        reviewerId: reviewer.id,
      });
      return amount;
    });
    return { id, status: 'approved', approvedAmount: approved };
  }

  async markPaid(reviewer: AuthUser, id: string, dto: MarkClaimPaidRequest): Promise<ClaimStatusResponse> {
    const claim = await this.submitted(id);
    const paidAt = isLocalDate(dto.paidAt) ? localDateTime(dto.paidAt, 12) : new Date(dto.paidAt);
    if (Number.isNaN(paidAt.getTime())) throw invalid({ paidAt: '日期格式应为 年-月-日' });
    if (localDate(paidAt) > this.clock.today()) throw invalid({ paidAt: '打款日期不能晚于今天' });
    if (claim.status !== 'approved') throw conflict('CLAIM_STATUS_CONFLICT', '只有已通过的申请才能登记打款');
    if (claim.decidedAt && localDate(paidAt) < localDate(claim.decidedAt)) throw invalid({ paidAt: '打款日期不能早于审核通过的日期' });
    const reference = dto.reference.trim();
    if (!reference) throw invalid({ reference: '请填写打款流水号' });
    await this.workflow.run((em, notices) =>
      this.workflow.move(em, notices, claim, ['approved'], 'paid', { actorId: reviewer.id, actorRole: 'reviewer', amount: claim.approvedAmount, reference }, { paidAt, paidReference: reference }),
    );
    return { id, status: 'paid', approvedAmount: claim.approvedAmount };
  }
}

/** The reason rules of each decision (API.md: a coded reason; 'other' needs words). */
function checkDecision(dto: ClaimDecisionRequest): void {
  const reasons = CLAIM_REASONS[dto.decision] as Record<string, string>;
  if (dto.reasonCode !== undefined && !(dto.reasonCode in reasons)) throw invalid({ reasonCode: '不在可选范围内' });
  if (dto.reasonCode === 'other' && !dto.note?.trim()) throw invalid({ note: '选择"其他原因"时，请写明原因' });
  if (dto.decision !== 'approve' && dto.amount !== undefined) throw invalid({ amount: '只有通过时才能填写核定金额' });
  if (dto.decision !== 'request_documents' && dto.documentTypes !== undefined) throw invalid({ documentTypes: '只有要求补充材料时才能选择材料' });
  if (dto.decision === 'reject' && !dto.reasonCode) throw invalid({ reasonCode: '请选择不通过的原因' });
  if (dto.decision === 'request_documents') {
    if (!dto.documentTypes?.length) throw invalid({ documentTypes: '请选择需要补充的材料' });
    if (!dto.reasonCode) throw invalid({ reasonCode: '请选择需要补充材料的原因' });
  }
}
