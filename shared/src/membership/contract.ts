import type { Paged } from '../common/paging';
import type { InviteStatus } from './invite';
import type { VersionedText } from './notice';

/** HTTP contract of joining by QR and the membership card (API.md "Organisations, join by QR, card"). */

// ── invites ────────────────────────────────────────────────────────────────────────────────
export interface CreateInviteRequest {
  /** 1–720; default 72. */
  expiresInHours?: number;
  /** How many applications the code admits; absent = no limit. */
  maxUses?: number;
}

export interface InviteResponse {
  id: string;
  orgId: string;
  orgName: string;
  /** ≤ 32 characters (WeChat `scene`). */
  token: string;
  expiresAt: string;
  maxUses: number | null;
  /** Applications made with this code so far. */
  usedCount: number;
  status: InviteStatus;
  revokedAt: string | null;
  createdAt: string;
  /** Mini-program path: `pages/join/index?scene=<token>`. */
  path: string;
  /** The H5 join link the QR code encodes. */
  url: string;
}

/** Create and detail answers carry the QR code itself. */
export interface InviteWithQrResponse extends InviteResponse {
  qrPng: string;
}

/** `GET /invites/{token}`: what the join page shows before the worker applies. */
export interface InvitePreviewResponse {
  org: { id: string; name: string };
  notice: VersionedText;
  idNumberConsent: VersionedText;
  expiresAt: string;
}

// ── applications ───────────────────────────────────────────────────────────────────────────
export const APPLICATION_KINDS = ['join', 'transfer'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = { join: '入会', transfer: '转会' };

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过', withdrawn: '已撤回' };

export interface CreateApplicationRequest {
  inviteToken: string;
  name: string;
  idNumber: string;
  phone: string;
  employer: string;
  jobType?: string;
  /** The version of the rights-and-duties notice the worker read and accepted. */
  noticeVersion: string;
  /** The separate consent to processing the ID number. */
  consent: true;
}

export interface ApplicationCreatedResponse {
  id: string;
  status: 'pending' | 'approved';
  kind: ApplicationKind;
  orgName: string;
  /** Set when the union approves at once (auto-approve). */
  memberNo: string | null;
}

/** An application as staff and the applicant see it: ID number and phone masked. */
export interface ApplicationResponse {
  id: string;
  orgId: string;
  orgName: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  employer: string;
  jobType: string;
  /** For a transfer: the union the worker leaves. */
  fromOrgName: string | null;
  memberNo: string | null;
  rejectReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** Staff views only (never the applicant's own): whether the ID number is already held or contested. */
  idNumberCheck?: IdNumberCheck;
}

/**
 * What the officer needs to decide a contested ID number without anyone's full number: the
 * applicant is told nothing (the application is simply pending), the officer sees this.
 */
export interface IdNumberCheck {
  /** Another account already holds this ID number (an approval would be refused). */
  heldByOtherAccount: boolean;
  /**
   * Held: whether this application's phone, or the applicant's login phone, is the phone of the
   * account that holds the number — the real person on a new account, or a stranger. Null when not held.
   */
  phoneMatchesHolder: boolean | null;
  /** Other pending applications (any union) giving the same ID number. */
  otherPendingApplications: number;
}

export interface RejectApplicationRequest {
  reason: string;
}

export interface ApproveApplicationResponse {
  status: 'approved';
  memberNo: string;
}

export interface RejectApplicationResponse {
  status: 'rejected';
}

export interface WithdrawApplicationResponse {
  status: 'withdrawn';
}

// ── the union's own settings and members ───────────────────────────────────────────────────
export interface MembershipSettings {
  /** Join applications to this union are approved at once. */
  autoApprove: boolean;
}

export interface MemberListItem {
  id: string;
  memberNo: string;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  employer: string;
  jobType: string;
  joinedAt: string;
  status: string;
  orgName: string;
}

export interface MemberTotals {
  active: number;
  left: number;
  pendingApplications: number;
}

export interface MemberListResponse extends Paged<MemberListItem> {
  totals: MemberTotals;
}

/** One member's full record (every staff read is audited). */
export interface MemberDetailResponse extends MemberListItem {
  /** The full phone number, so the union can call the member. */
  phone: string;
  leftAt: string | null;
}

// ── card ───────────────────────────────────────────────────────────────────────────────────
export interface CardResponse {
  memberNo: string;
  name: string;
  orgName: string;
  joinedAt: string;
  status: string;
  /** Signed, valid for 60 s; the card page asks for a new one every 30 s. */
  qr: { token: string; expiresAt: string };
}

export interface VerifyCardRequest {
  token: string;
}

export type VerifyCardResponse =
  | { valid: true; memberNo: string; nameMasked: string; orgName: string; status: string }
  | { valid: false; reason: 'EXPIRED' | 'INVALID'; message: string };

export const CARD_REFRESH_SECONDS = 30;

/** What staff read when a scanned card does not check out. */
export const CARD_CHECK_MESSAGES = {
  EXPIRED: '二维码已过期，请会员刷新会员卡后重新出示',
  INVALID: '不是有效的会员卡二维码',
  ENDED: '该会员卡已失效（会员已退会或已转会）',
  USED: '这个二维码已经核验过一次，不能重复使用，请会员刷新会员卡后重新出示',
} as const;

export const MEMBERSHIP_STATUS_LABELS: Record<string, string> = { active: '正常', left: '已退会' };
