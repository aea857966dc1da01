import {
  CLAIM_STATUSES,
  claimReasonLabel,
  ClaimDecision,
  ClaimDocumentResponse,
  ClaimDocumentType,
  ClaimEstimateResponse,
  ClaimResponse,
  ClaimStatus,
  ClaimSummaryResponse,
  ClaimTimelineEntry,
  computePayout,
  CoverageResponse,
  EDITABLE_CLAIM_STATUSES,
  missingClaimDocuments,
  PayoutResult,
  PayoutRule,
  PlanResponse,
  REQUIRED_CLAIM_DOCUMENTS,
  StoredDocumentResponse,
} from '@unionhome/shared';
import type { StoredDocument } from '../files/files.service';
import { ClaimEventEntity } from './entities/claim-event.entity';
import { ClaimEntity } from './entities/claim.entity';
import { EnrolmentEntity } from './entities/enrolment.entity';
import { PlanEntity } from './entities/plan.entity';

/** Pure mappers from entities to the shared response types (entities never leave the BFF). */

export function planRule(plan: PlanEntity): PayoutRule {
  return {
    deductible: plan.deductible,
    tiers: plan.tiers,
    bonusBp: plan.bonusBp,
    bonusTags: plan.bonusTags,
    perClaimCap: plan.perClaimCap,
    annualCap: plan.annualCap,
  };
}

/**
 * The shared payout rule applied to one claim. The annual amount already used excludes this
 * claim's own approval, so an approved claim's estimate still reads as it did when approved.
 */
export function estimateClaim(claim: Pick<ClaimEntity, 'status' | 'approvedAmount' | 'totalAmount' | 'insurancePaid' | 'otherReimbursed'>, plan: PlanEntity, enrolment: EnrolmentEntity, tags: string[] | null): PayoutResult {
  const own = claim.status === 'approved' || claim.status === 'paid' ? claim.approvedAmount ?? 0 : 0;
  return computePayout(planRule(plan), {
    totalAmount: claim.totalAmount,
    insurancePaid: claim.insurancePaid,
    otherReimbursed: claim.otherReimbursed,
    memberTags: tags ?? [],
    annualUsed: Math.max(0, enrolment.usedAmount - own),
  });
}

export function toEstimateResponse(r: PayoutResult): ClaimEstimateResponse {
  return {
    eligibleAmount: r.eligibleAmount,
    payout: r.payout,
    annualRemaining: r.annualRemaining,
    annualRemainingAfter: r.annualRemainingAfter,
    limitedBy: r.limitedBy,
    breakdown: r.breakdown,
  };
}

export function toPlanResponse(p: PlanEntity): PlanResponse {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    description: p.description,
    premium: p.premium,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    waitingPeriodDays: p.waitingPeriodDays,
    claimDeadlineDays: p.claimDeadlineDays,
    deductible: p.deductible,
    tiers: p.tiers,
    bonusBp: p.bonusBp,
    bonusTags: p.bonusTags,
    perClaimCap: p.perClaimCap,
    annualCap: p.annualCap,
    active: p.active,
  };
}

export function toCoverageResponse(e: EnrolmentEntity, p: PlanEntity): CoverageResponse {
  return {
    planId: p.id,
    planCode: p.code,
    planName: p.name,
    periodStart: e.coverageStart,
    periodEnd: e.coverageEnd,
    waitingEndsOn: e.waitingEndsOn,
    annualCap: p.annualCap,
    paidThisYear: e.usedAmount,
    remaining: p.annualCap === null ? null : Math.max(0, p.annualCap - e.usedAmount),
    claimDeadlineDays: p.claimDeadlineDays,
  };
}

export function toStoredDocumentResponse(d: StoredDocument): StoredDocumentResponse {
  return { id: d.id, type: d.docType, width: d.width, height: d.height, bytes: d.bytes, duplicate: d.duplicate, createdAt: d.createdAt.toISOString() };
}

export function toClaimDocumentResponse(d: StoredDocument): ClaimDocumentResponse {
  return { ...toStoredDocumentResponse(d), type: d.docType as ClaimDocumentType, removed: d.removedAt !== null };
}

const DECISION_OF: Partial<Record<ClaimStatus, ClaimDecision>> = { approved: 'approve', rejected: 'reject', need_documents: 'request_documents' };

/** The reason as the worker reads it: the coded reason's text, then the reviewer's note. */
export function reasonText(status: ClaimStatus, reasonCode: string | null, note: string | null): string | undefined {
  const decision = DECISION_OF[status];
  const label = decision ? claimReasonLabel(decision, reasonCode) : null;
  const text = [label, note?.trim()].filter(Boolean).join('：');
  return text || undefined;
}

export function toTimelineEntry(e: ClaimEventEntity): ClaimTimelineEntry {
  const entry: ClaimTimelineEntry = { status: e.status, at: e.createdAt.toISOString(), by: e.actorRole };
  const reason = reasonText(e.status, e.reasonCode, e.note);
  if (reason) entry.reason = reason;
  if (e.reasonCode) entry.reasonCode = e.reasonCode;
  if (e.note) entry.note = e.note;
  if (e.amount !== null) entry.amount = e.amount;
  if (e.documentTypes?.length) entry.documentTypes = e.documentTypes;
  if (e.reference) entry.reference = e.reference;
  return entry;
}

export function toClaimSummary(c: ClaimEntity, plan: PlanEntity | undefined, estimatePayout: number): ClaimSummaryResponse {
  return {
    id: c.id,
    status: c.status,
    planId: c.planId,
    planName: plan?.name ?? '',
    hospital: c.hospital,
    admissionDate: c.admissionDate,
    dischargeDate: c.dischargeDate,
    totalAmount: c.totalAmount,
    estimatePayout,
    approvedAmount: c.approvedAmount,
    submittedAt: c.submittedAt ? c.submittedAt.toISOString() : null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toClaimResponse(
  c: ClaimEntity,
  plan: PlanEntity,
  docs: StoredDocument[],
  events: ClaimEventEntity[],
  estimate: PayoutResult,
): ClaimResponse {
  const live = docs.filter((d) => d.removedAt === null);
  return {
    ...toClaimSummary(c, plan, c.submittedEstimate ?? estimate.payout),
    insurancePaid: c.insurancePaid,
    otherReimbursed: c.otherReimbursed,
    invoices: c.invoices,
    requiredDocuments: [...REQUIRED_CLAIM_DOCUMENTS],
    missingDocuments: missingClaimDocuments(live.map((d) => d.docType)),
    requestedDocuments: c.status === 'need_documents' ? c.requestedDocuments ?? [] : [],
    documents: docs.map(toClaimDocumentResponse),
    estimate: toEstimateResponse(estimate),
    paidAt: c.paidAt ? c.paidAt.toISOString() : null,
    paidReference: c.paidReference,
    editable: EDITABLE_CLAIM_STATUSES.includes(c.status),
    createdAt: c.createdAt.toISOString(),
    timeline: events.map(toTimelineEntry),
  };
}

export const isClaimStatus = (s: string): s is ClaimStatus => (CLAIM_STATUSES as readonly string[]).includes(s);
