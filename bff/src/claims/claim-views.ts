import { Injectable } from '@nestjs/common';
import { ClaimResponse, ClaimSummaryResponse, maskIdNumber, maskPhone, PayoutResult, ReviewClaimResponse, ReviewClaimSummaryResponse } from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { AuditService } from '../common/audit.service';
import { PiiCipher } from '../common/pii-cipher';
import { FilesService } from '../files/files.service';
import { estimateClaim, toClaimResponse, toClaimSummary } from './claim.mapper';
import { ClaimsRepository } from './claims.repository';
import { ClaimEntity } from './entities/claim.entity';
import { EnrolmentEntity } from './entities/enrolment.entity';
import { PlanEntity } from './entities/plan.entity';

export const CLAIM_OWNER_TYPE = 'claim';

/** Builds what the worker and the reviewer read about claims (one place for both views). */
@Injectable()
export class ClaimViews {
  constructor(private readonly repo: ClaimsRepository, private readonly files: FilesService, private readonly cipher: PiiCipher, private readonly audit: AuditService) {}

  /** The plan, enrolment and member tags a claim's estimate needs. */
  async context(claim: ClaimEntity): Promise<{ plan: PlanEntity; enrolment: EnrolmentEntity; tags: string[] }> {
    const [plan, enrolment, user] = await Promise.all([this.repo.findPlan(claim.planId), this.repo.findEnrolmentById(claim.enrolmentId), this.repo.findUser(claim.userId)]);
    if (!plan || !enrolment) throw notFound('CLAIM_NOT_FOUND');
    return { plan, enrolment, tags: user?.tags ?? [] };
  }

  async estimate(claim: ClaimEntity): Promise<PayoutResult> {
    const { plan, enrolment, tags } = await this.context(claim);
    return estimateClaim(claim, plan, enrolment, tags);
  }

  async ownerView(claim: ClaimEntity): Promise<ClaimResponse> {
    const [{ plan, enrolment, tags }, docs, events] = await Promise.all([
      this.context(claim),
      this.files.listFor(CLAIM_OWNER_TYPE, claim.id),
      this.repo.eventsOf(claim.id),
    ]);
    return toClaimResponse(claim, plan, docs, events, estimateClaim(claim, plan, enrolment, tags));
  }

  /** The reviewer's view: replaced photos kept for the history, the member's masked details; audited. */
  async reviewerView(claim: ClaimEntity, reviewerId: string): Promise<ReviewClaimResponse> {
    const [{ plan, enrolment, tags }, docs, events, members] = await Promise.all([
      this.context(claim),
      this.files.listFor(CLAIM_OWNER_TYPE, claim.id, { includeRemoved: true }),
      this.repo.eventsOf(claim.id),
      this.repo.memberInfo([claim.userId]),
    ]);
    const info = members.get(claim.userId);
    await this.audit.record(reviewerId, 'claim.view', 'claim', claim.id);
    const idNumber = info?.user.idNumberCipher ? this.cipher.decrypt(info.user.idNumberCipher) : null;
    return {
      ...toClaimResponse(claim, plan, docs, events, estimateClaim(claim, plan, enrolment, tags)),
      member: {
        id: claim.userId,
        name: info?.user.name ?? '',
        memberNo: info?.membership?.memberNo ?? null,
        orgName: info?.org?.name ?? null,
        phoneMasked: info?.user.phone ? maskPhone(info.user.phone) : '',
        idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
        tags: info?.user.tags ?? [],
      },
    };
  }

  /** List rows: drafts show the current estimate, submitted claims the one the worker was shown. */
  async summaries(claims: ClaimEntity[]): Promise<ClaimSummaryResponse[]> {
    const plans = await this.repo.plansByIds(claims.map((c) => c.planId));
    return Promise.all(
      claims.map(async (c) => {
        const plan = plans.find((p) => p.id === c.planId);
        // Only drafts need a fresh estimate (and its reads); they are looked up side by side.
        const estimate = c.submittedEstimate ?? (plan ? (await this.estimate(c)).payout : 0);
        return toClaimSummary(c, plan, estimate);
      }),
    );
  }

  async reviewSummaries(claims: ClaimEntity[]): Promise<ReviewClaimSummaryResponse[]> {
    const [rows, members] = await Promise.all([this.summaries(claims), this.repo.memberInfo(claims.map((c) => c.userId))]);
    return rows.map((r, i) => {
      const info = members.get(claims[i].userId);
      return { ...r, memberName: info?.user.name ?? '', memberNo: info?.membership?.memberNo ?? null, orgName: info?.org?.name ?? null };
    });
  }
}
