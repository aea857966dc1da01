import type { StoredDocumentResponse } from '../files';
import type { IncomeTestResult } from './income-test';

/** The six situations of DESIGN.md §5, exactly these; the API speaks the codes, people read the labels. */
export const HARDSHIP_SITUATIONS = ['major_illness', 'education_burden', 'disability', 'unemployment', 'disaster', 'accident'] as const;
export type HardshipSituation = (typeof HARDSHIP_SITUATIONS)[number];

export const SITUATION_LABELS: Record<HardshipSituation, string> = {
  major_illness: '重大疾病支出',
  education_burden: '子女上学负担重',
  disability: '残疾失能无工作',
  unemployment: '下岗失业收入低',
  disaster: '遭遇灾害陷困境',
  accident: '突发事故生活难',
};

/** One plain sentence each, for someone who is not at ease with forms. */
export const SITUATION_EXPLANATIONS: Record<HardshipSituation, string> = {
  major_illness: '家里有人得了重病，看病花钱多，日常生活难以维持。',
  education_burden: '孩子上学的学费、生活费太高，家里负担不起。',
  disability: '因为残疾或失去劳动能力，没有工作，也没有稳定收入。',
  unemployment: '下岗或失业了，现在没有收入或收入很低。',
  disaster: '遇到水灾、火灾、台风等灾害，家里损失严重，生活陷入困难。',
  accident: '遇到车祸、工伤等意外事故，家里的生活一下子变得困难。',
};

/** Aid the hardship reviewer can grant with an approval (DESIGN.md §5). */
export const AID_TYPES = ['living', 'medical', 'education', 'employment', 'legal'] as const;
export type AidType = (typeof AID_TYPES)[number];

export const AID_TYPE_LABELS: Record<AidType, string> = {
  living: '生活救助',
  medical: '医疗救助',
  education: '助学救助',
  employment: '职业培训和职业介绍',
  legal: '法律援助',
};

/**
 * draft → submitted → (returned ⇄ submitted) → checked (初审通过) → approved | rejected.
 * The officer does the first check (pass / return), the hardship reviewer decides.
 */
export const HARDSHIP_STATUSES = ['draft', 'submitted', 'returned', 'checked', 'approved', 'rejected'] as const;
export type HardshipStatus = (typeof HARDSHIP_STATUSES)[number];

export const HARDSHIP_STATUS_LABELS: Record<HardshipStatus, string> = {
  draft: '草稿，还没有提交',
  submitted: '已提交，等待工会初审',
  returned: '已退回，请修改后重新提交',
  checked: '初审通过，等待审批',
  approved: '已批准，已建立困难职工档案',
  rejected: '未批准',
};

/** An application in one of these counts as open: a person has at most one (enforced by the database). */
export const OPEN_HARDSHIP_STATUSES: readonly HardshipStatus[] = ['draft', 'submitted', 'returned', 'checked'];
/** Only the applicant edits, and only in these. */
export const EDITABLE_HARDSHIP_STATUSES: readonly HardshipStatus[] = ['draft', 'returned'];
/** Staff never see a draft: it is the applicant's unfinished work. */
export const STAFF_HARDSHIP_STATUSES = ['submitted', 'returned', 'checked', 'approved', 'rejected'] as const;
export type StaffHardshipStatus = (typeof STAFF_HARDSHIP_STATUSES)[number];

export function isOpenHardshipStatus(status: HardshipStatus): boolean {
  return OPEN_HARDSHIP_STATUSES.includes(status);
}

export function isEditableHardshipStatus(status: HardshipStatus): boolean {
  return EDITABLE_HARDSHIP_STATUSES.includes(status);
}

/** Attachments (through the photo pipeline), with what each one is in plain words. */
export const HARDSHIP_DOCUMENT_TYPES = [
  'medical_record',
  'medical_bill',
  'disability_certificate',
  'unemployment_proof',
  'enrollment_proof',
  'incident_proof',
  'income_proof',
  'other',
] as const;
export type HardshipDocumentType = (typeof HARDSHIP_DOCUMENT_TYPES)[number];

export const HARDSHIP_DOCUMENT_LABELS: Record<HardshipDocumentType, string> = {
  medical_record: '病历或诊断证明',
  medical_bill: '医疗费用票据',
  disability_certificate: '残疾证',
  unemployment_proof: '失业或下岗证明',
  enrollment_proof: '入学通知或学费票据',
  incident_proof: '受灾或事故证明',
  income_proof: '收入证明',
  other: '其他材料',
};

/** What helps the first check most for each situation (a suggestion shown on the upload step, not a requirement). */
export const SUGGESTED_DOCUMENTS: Record<HardshipSituation, readonly HardshipDocumentType[]> = {
  major_illness: ['medical_record', 'medical_bill'],
  education_burden: ['enrollment_proof'],
  disability: ['disability_certificate'],
  unemployment: ['unemployment_proof'],
  disaster: ['incident_proof'],
  accident: ['incident_proof', 'medical_bill'],
};

export const HOUSEHOLD_MIN = 1;
export const HOUSEHOLD_MAX = 20;
export const DESCRIPTION_MAX = 500;
export const REASON_MAX = 200;

/** Relations offered as one-tap choices; any short text is accepted. */
export const HOUSEHOLD_RELATIONS = ['本人', '配偶', '子女', '父母', '兄弟姐妹', '祖父母', '孙子女', '其他'] as const;

// ---- HTTP contract (API.md "Hardship applications") ----

export interface HardshipHouseholdMember {
  relation: string;
  name: string;
  idNumber: string;
  /** Monthly income, fen. */
  monthlyIncome: number;
}

/**
 * `POST /hardship-applications`. A draft may be saved before the household is known (step 1 of the
 * form); submission then requires every part. `orgId`: the union that does the first check — a
 * member's own union by default, required for a non-member (a grassroots union of the region).
 */
export interface CreateHardshipApplicationRequest {
  situation: HardshipSituation;
  regionCode: string;
  orgId?: string;
  description?: string;
  household?: HardshipHouseholdMember[];
  monthlyNecessaryExpenses?: number;
  assetCheckConsent?: boolean;
}

/** `PATCH /hardship-applications/{id}`: the same fields, each optional. */
export type UpdateHardshipApplicationRequest = Partial<CreateHardshipApplicationRequest>;

/** `POST /hardship-applications/{id}/submit`: consent may be given with the submission itself. */
export interface SubmitHardshipApplicationRequest {
  assetCheckConsent?: boolean;
}

/** The answer to create and update: the draft and where its income test stands. */
export interface HardshipApplicationSaved {
  id: string;
  status: HardshipStatus;
  /** null while the household has not been entered. */
  perCapitaIncome: number | null;
  minimumLiving: number;
  belowMinimum: boolean | null;
}

export interface HardshipTimelineEntry {
  status: HardshipStatus;
  at: string;
  /** Who acted, as a role: the person sees "工会初审" rather than a staff member's name. */
  by: 'applicant' | 'officer' | 'hardship_reviewer';
  reason: string | null;
}

/** `GET /hardship-applications/{id}`. Staff get ID numbers masked (and every such read is audited). */
export interface HardshipApplicationResponse {
  id: string;
  status: HardshipStatus;
  situation: HardshipSituation;
  regionCode: string;
  regionName: string;
  orgId: string;
  orgName: string;
  description: string;
  household: HardshipHouseholdMember[];
  monthlyNecessaryExpenses: number;
  assetCheckConsent: boolean;
  perCapitaIncome: number | null;
  minimumLiving: number;
  belowMinimum: boolean | null;
  incomeTest: IncomeTestResult | null;
  /** Attachments through the photo pipeline; the bytes are at `filePath(id)`. */
  documents: StoredDocumentResponse[];
  timeline: HardshipTimelineEntry[];
  aidTypes: AidType[];
  archiveNo: string | null;
  recheckDue: string | null;
  /** Who applied; for staff only (the applicant knows). */
  applicant: { name: string; phoneMasked: string } | null;
  /** 'applicant': the caller's own case (editable while draft or returned); 'staff': a reviewer's view. */
  view: 'applicant' | 'staff';
  editable: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
}

/** A row of the applicant's list and of the staff queues (no ID numbers, staff see masked names). */
export interface HardshipApplicationSummary {
  id: string;
  status: HardshipStatus;
  situation: HardshipSituation;
  regionCode: string;
  regionName: string;
  orgName: string;
  applicantName: string;
  householdSize: number;
  perCapitaIncome: number | null;
  minimumLiving: number;
  belowMinimum: boolean | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  archiveNo: string | null;
  recheckDue: string | null;
}

/** `GET /hardship-archive`: approved cases (困难职工档案) with their re-check dates. */
export interface HardshipArchiveEntry {
  id: string;
  archiveNo: string;
  applicantName: string;
  situation: HardshipSituation;
  regionCode: string;
  regionName: string;
  orgName: string;
  aidTypes: AidType[];
  decidedAt: string;
  recheckDue: string;
  /** Days from today to the re-check date; negative when it is overdue. */
  daysUntilRecheck: number;
}

export const REVIEW_DECISIONS = ['pass', 'return'] as const;
export type HardshipReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const FINAL_DECISIONS = ['approve', 'reject'] as const;
export type HardshipFinalDecision = (typeof FINAL_DECISIONS)[number];

/** `POST /hardship-applications/{id}/review` (officer, first check); a return needs a reason. */
export interface HardshipReviewRequest {
  decision: HardshipReviewDecision;
  reason?: string;
}

/** `POST /hardship-applications/{id}/decision` (hardship reviewer); approve needs aid types, reject a reason. */
export interface HardshipDecisionRequest {
  decision: HardshipFinalDecision;
  reason?: string;
  aidTypes?: AidType[];
}

export interface HardshipTransitionResponse {
  id: string;
  status: HardshipStatus;
  reason: string | null;
  aidTypes: AidType[];
  archiveNo: string | null;
  recheckDue: string | null;
}

/** Regions and their monthly minimum living standard (低保标准), `GET/PUT /regions`. */
export interface RegionResponse {
  code: string;
  name: string;
  minimumLiving: number;
  updatedAt: string;
}

export interface UpsertRegionRequest {
  name: string;
  minimumLiving: number;
}

export const REGION_CODE_PATTERN = /^\d{6}$/;
