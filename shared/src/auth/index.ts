export const ROLES = ['member', 'officer', 'claim_reviewer', 'claim_payer', 'venue_staff', 'hardship_reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '职工',
  officer: '基层工会干部',
  claim_reviewer: '互助理赔审核员',
  claim_payer: '互助金付款员',
  venue_staff: '场馆工作人员',
  hardship_reviewer: '帮扶审批员',
  admin: '管理员',
};

/** Roles that see the 工作台 (staff workbench) tab. */
export const STAFF_ROLES: readonly Role[] = ['officer', 'claim_reviewer', 'claim_payer', 'venue_staff', 'hardship_reviewer', 'admin'];

export interface DevLoginRequest {
  phone: string;
}
export interface WechatLoginRequest {
  code: string;
}
export interface SmsCodeRequest {
  phone: string;
}
/** The same for a known and an unknown phone, so the answer tells nobody who has an account. */
export interface SmsCodeResponse {
  expiresInSeconds: number;
  resendAfterSeconds: number;
}
export interface SmsLoginRequest {
  phone: string;
  code: string;
}
export interface LogoutRequest {
  refreshToken: string;
}
export interface HealthResponse {
  status: 'ok';
  db: 'mysql' | 'sqlite';
  /** Demo mode: the seeded demo accounts can log in without a code (dev-login). */
  demo: boolean;
}
export interface RefreshRequest {
  refreshToken: string;
}
export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  user: { id: string; roles: Role[] };
}

export interface MembershipSummary {
  memberNo: string;
  orgId: string;
  orgName: string;
  status: string;
  joinedAt: string;
}

export interface MeResponse {
  id: string;
  name: string;
  phoneMasked: string;
  roles: Role[];
  /** The organisation a scoped role (officer, venue staff) acts for. */
  staffOrg: { id: string; name: string } | null;
  membership: MembershipSummary | null;
}

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
