import { addDays } from '../common/dates';
import type { StoredDocumentResponse } from '../files';
import type { PayoutLine, PayoutResult, PayoutRule } from './payout';

/** Document types of a claim (API.md), in the order the checklist shows them. */
export const CLAIM_DOCUMENT_TYPES = ['id_card_front', 'id_card_back', 'discharge_summary', 'settlement', 'invoice', 'expense_list', 'other'] as const;
export type ClaimDocumentType = (typeof CLAIM_DOCUMENT_TYPES)[number];

export const REQUIRED_CLAIM_DOCUMENTS: readonly ClaimDocumentType[] = ['id_card_front', 'id_card_back', 'discharge_summary', 'settlement', 'invoice'];

/** What each paper is called and what it looks like, in plain words for step 2. */
export const CLAIM_DOCUMENT_INFO: Record<ClaimDocumentType, { label: string; hint: string; required: boolean }> = {
  id_card_front: { label: '身份证人像面', hint: '有照片和姓名、身份证号码的那一面', required: true },
  id_card_back: { label: '身份证国徽面', hint: '有国徽和"签发机关""有效期限"的那一面', required: true },
  discharge_summary: { label: '出院小结', hint: '医院出院时给的，写着入院情况、诊断和出院医嘱的那张纸，盖有医院章', required: true },
  settlement: { label: '住院结算单', hint: '出院结账时打印的费用结算单，上面有"统筹支付""个人自付"等金额', required: true },
  invoice: { label: '医疗发票', hint: '医疗收费票据，右上角有票据代码和票据号码；有几张拍几张', required: true },
  expense_list: { label: '费用清单', hint: '住院期间的费用明细清单，逐项列出药品和检查（可不传）', required: false },
  other: { label: '其他材料', hint: '诊断证明、转院证明等其他材料（可不传）', required: false },
};

/** Missing required types, in checklist order. */
export function missingClaimDocuments(present: readonly string[], required: readonly ClaimDocumentType[] = REQUIRED_CLAIM_DOCUMENTS): ClaimDocumentType[] {
  return required.filter((t) => !present.includes(t));
}

/** A claim's lifecycle (DESIGN.md §2). */
export const CLAIM_STATUSES = ['draft', 'submitted', 'in_review', 'need_documents', 'resubmitted', 'approved', 'rejected', 'paid'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  in_review: '审核中',
  need_documents: '待补材料',
  resubmitted: '已补交',
  approved: '已通过',
  rejected: '未通过',
  paid: '已打款',
};

/** The worker may change fields and photos only in these. */
export const EDITABLE_CLAIM_STATUSES: readonly ClaimStatus[] = ['draft', 'need_documents'];
/** A reviewer may decide in these. */
export const DECIDABLE_CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'in_review', 'resubmitted'];
/** Claims holding their invoices: everything submitted and not rejected. */
export const LIVE_CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'in_review', 'need_documents', 'resubmitted', 'approved', 'paid'];

export const CLAIM_DECISIONS = ['approve', 'reject', 'request_documents'] as const;
export type ClaimDecision = (typeof CLAIM_DECISIONS)[number];

/** The coded reasons a reviewer picks from, as the worker reads them on the timeline. */
export const CLAIM_REASONS = {
  /** Approving less than the rule computes. */
  approve: {
    partly_not_covered: '部分费用不属于互助保障范围',
    cost_unverified: '部分费用无法与票据核对一致',
    other: '其他原因',
  },
  reject: {
    not_covered: '本次住院不属于互助保障范围',
    materials_false: '材料与实际情况不符',
    duplicate_claim: '已经申请过同一次住院',
    outside_period: '不在保障期内或已超过申请期限',
    other: '其他原因',
  },
  request_documents: {
    unclear: '照片看不清，请重新拍摄',
    incomplete: '材料不完整，请补充',
    mismatch: '材料与填写的信息不一致，请核对',
    other: '其他原因',
  },
} as const;

export type ClaimReasonCode<D extends ClaimDecision = ClaimDecision> = keyof (typeof CLAIM_REASONS)[D] & string;

export function claimReasonLabel(decision: ClaimDecision, code: string | null | undefined): string | null {
  if (!code) return null;
  return (CLAIM_REASONS[decision] as Record<string, string>)[code] ?? null;
}

/** Member tags that can earn a plan's bonus points. */
export const MEMBER_TAG_LABELS: Record<string, string> = {
  hardship: '困难职工',
  model_worker: '劳模',
};

export interface ClaimInvoice {
  /** 票据代码 (may be empty on an all-electronic invoice, which has only a number). */
  code: string;
  /** 票据号码 */
  number: string;
  amount: number;
}

/**
 * The one identity of an invoice across all members and years: code and number without spaces,
 * upper case. An invoice backs at most one live claim (the 深圳 case).
 */
export function invoiceKey(inv: Pick<ClaimInvoice, 'code' | 'number'>): string {
  const norm = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();
  return `${norm(inv.code)}|${norm(inv.number)}`;
}

export const INVOICE_CODE_PATTERN = /^[0-9A-Za-z]{0,20}$/;
export const INVOICE_NUMBER_PATTERN = /^[0-9A-Za-z]{1,20}$/;
export const MAX_INVOICES_PER_CLAIM = 20;
export const MAX_DOCUMENTS_PER_CLAIM = 30;

// ---- plans and coverage ----

/** A plan's payout rule as the API carries it: the same fields the payout function reads. */
export type PlanRuleFields = PayoutRule;

export interface PlanResponse extends PlanRuleFields {
  id: string;
  code: string;
  name: string;
  description: string;
  /** Yearly premium in fen. */
  premium: number;
  periodStart: string;
  periodEnd: string;
  waitingPeriodDays: number;
  /** A claim is accepted up to this many days after discharge. */
  claimDeadlineDays: number;
  active: boolean;
}

export interface CreatePlanRequest extends PlanRuleFields {
  code: string;
  name: string;
  description?: string;
  premium: number;
  periodStart: string;
  periodEnd: string;
  waitingPeriodDays: number;
  claimDeadlineDays: number;
  active?: boolean;
}

export type UpdatePlanRequest = Partial<Omit<CreatePlanRequest, 'code'>>;

export interface CoverageResponse {
  planId: string;
  planCode: string;
  planName: string;
  periodStart: string;
  periodEnd: string;
  /** Claims count for admissions from this date (after the waiting period). */
  waitingEndsOn: string;
  annualCap: number | null;
  /** Approved this plan year (paid, or approved and waiting for payment). */
  paidThisYear: number;
  remaining: number | null;
  claimDeadlineDays: number;
}

export interface EnrolmentCandidate {
  userId: string;
  name: string;
  memberNo: string;
  phoneMasked: string;
  orgName: string;
  enrolled: boolean;
}

export interface EnrolRequest {
  userIds: string[];
  /** Default: today or the plan's start, whichever is later. */
  coverageStart?: string;
  /** For members who were covered without a break: no new waiting period. */
  waiveWaitingPeriod?: boolean;
}

export interface EnrolResponse {
  enrolled: string[];
  alreadyEnrolled: string[];
  /** Not an active member the caller may enrol. */
  skipped: string[];
}

// ---- claims ----

export interface CreateClaimRequest {
  planId: string;
  hospital: string;
  admissionDate: string;
  dischargeDate: string;
  totalAmount: number;
  insurancePaid: number;
  otherReimbursed?: number;
  invoices: ClaimInvoice[];
}

export type UpdateClaimRequest = Partial<CreateClaimRequest>;

export interface SubmitClaimRequest {
  declaration: true;
}

export interface ClaimEstimateResponse {
  eligibleAmount: number;
  payout: number;
  /** Left this plan year before this claim; null when the plan has no annual cap. */
  annualRemaining: number | null;
  annualRemainingAfter: number | null;
  limitedBy: PayoutResult['limitedBy'];
  breakdown: PayoutLine[];
}

export interface ClaimDocumentResponse extends StoredDocumentResponse {
  type: ClaimDocumentType;
  /** Replaced after the reviewer asked for new papers; kept for the history. */
  removed: boolean;
}

export type ClaimActor = 'member' | 'reviewer' | 'system';

export interface ClaimTimelineEntry {
  status: ClaimStatus;
  at: string;
  by: ClaimActor;
  /** The reason as the worker reads it (coded reason + the reviewer's note). */
  reason?: string;
  reasonCode?: string;
  note?: string;
  amount?: number;
  documentTypes?: ClaimDocumentType[];
  reference?: string;
}

export interface ClaimSummaryResponse {
  id: string;
  status: ClaimStatus;
  planId: string;
  planName: string;
  hospital: string;
  admissionDate: string;
  dischargeDate: string;
  totalAmount: number;
  /** The estimate at submission (drafts: the current estimate). */
  estimatePayout: number;
  approvedAmount: number | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface ClaimResponse extends ClaimSummaryResponse {
  insurancePaid: number;
  otherReimbursed: number;
  invoices: ClaimInvoice[];
  requiredDocuments: ClaimDocumentType[];
  missingDocuments: ClaimDocumentType[];
  /** What the reviewer asked for (status need_documents). */
  requestedDocuments: ClaimDocumentType[];
  documents: ClaimDocumentResponse[];
  estimate: ClaimEstimateResponse;
  paidAt: string | null;
  paidReference: string | null;
  editable: boolean;
  createdAt: string;
  timeline: ClaimTimelineEntry[];
}

export interface ReviewClaimSummaryResponse extends ClaimSummaryResponse {
  memberName: string;
  memberNo: string | null;
  orgName: string | null;
}

export interface ReviewClaimResponse extends ClaimResponse {
  member: { id: string; name: string; memberNo: string | null; orgName: string | null; phoneMasked: string; idNumberMasked: string | null; tags: string[] };
}

export interface ClaimDecisionRequest {
  decision: ClaimDecision;
  reasonCode?: string;
  note?: string;
  amount?: number;
  documentTypes?: ClaimDocumentType[];
}

export interface MarkClaimPaidRequest {
  /** YYYY-MM-DD or an ISO 8601 instant. */
  paidAt: string;
  reference: string;
}

export interface ClaimStatusResponse {
  id: string;
  status: ClaimStatus;
  approvedAmount?: number | null;
}

export const REVIEW_QUEUE_STATUSES: readonly ClaimStatus[] = ['submitted', 'in_review', 'resubmitted', 'need_documents', 'approved', 'rejected', 'paid'];

// ---- the date rules of a claim (DESIGN.md §2 invariants) ----

export interface ClaimDates {
  admissionDate: string;
  dischargeDate: string;
}

export interface CoverageWindow {
  coverageStart: string;
  coverageEnd: string;
  /** Admissions from this date on count (the waiting period ends the day before). */
  waitingEndsOn: string;
  claimDeadlineDays: number;
}

export type ClaimDateProblem =
  | { kind: 'field'; field: 'admissionDate' | 'dischargeDate'; message: string }
  | { kind: 'rule'; code: 'OUTSIDE_COVERAGE' | 'IN_WAITING_PERIOD' | 'CLAIM_DEADLINE_PASSED'; message: string };

/**
 * The first problem with a claim's dates, or null. Field problems (order, future) are input
 * mistakes (400); rule problems are the plan's rules (422), with the reason in plain words.
 * Dates are YYYY-MM-DD, so plain string comparison orders them.
 */
export function checkClaimDates(d: ClaimDates, w: CoverageWindow, today: string): ClaimDateProblem | null {
  if (d.admissionDate > today) return { kind: 'field', field: 'admissionDate', message: '入院日期不能晚于今天' };
  if (d.dischargeDate > today) return { kind: 'field', field: 'dischargeDate', message: '出院日期不能晚于今天' };
  if (d.dischargeDate < d.admissionDate) return { kind: 'field', field: 'dischargeDate', message: '出院日期不能早于入院日期' };
  if (d.admissionDate < w.coverageStart || d.admissionDate > w.coverageEnd) {
    return { kind: 'rule', code: 'OUTSIDE_COVERAGE', message: `入院日期${d.admissionDate}不在保障期内（${w.coverageStart}至${w.coverageEnd}）` };
  }
  if (d.admissionDate < w.waitingEndsOn) {
    return { kind: 'rule', code: 'IN_WAITING_PERIOD', message: `入院日期${d.admissionDate}还在等待期内，${w.waitingEndsOn}及以后入院的才能申请` };
  }
  const deadline = addDays(d.dischargeDate, w.claimDeadlineDays);
  if (today > deadline) {
    return { kind: 'rule', code: 'CLAIM_DEADLINE_PASSED', message: `出院后${w.claimDeadlineDays}天内可以申请，本次申请截止到${deadline}，已经超过了` };
  }
  return null;
}

