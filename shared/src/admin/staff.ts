import type { Role } from '../auth';
import type { OrgType } from '../orgs';

/**
 * Staff grants (API.md "Modes, set-up and administration"): an admin grants a role to a person by
 * phone, for people who have never logged in too. `member` is not granted: it comes from joining.
 */
export const GRANTABLE_ROLES = ['officer', 'claim_reviewer', 'claim_payer', 'venue_staff', 'hardship_reviewer', 'admin'] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/**
 * The roles held for one organisation, and which kinds of organisation each may be held for:
 * an officer acts for a union (and its subtree), venue staff for a workers' cultural palace.
 */
export const ROLE_ORG_TYPES: Partial<Record<GrantableRole, readonly OrgType[]>> = {
  officer: ['city', 'district', 'street', 'industry', 'grassroots'],
  venue_staff: ['palace'],
};

export function isGrantableRole(value: unknown): value is GrantableRole {
  return typeof value === 'string' && (GRANTABLE_ROLES as readonly string[]).includes(value);
}

export function roleNeedsOrg(role: GrantableRole): boolean {
  return ROLE_ORG_TYPES[role] !== undefined;
}

/** Why `orgType` cannot carry `role` (null: it can). Shared so the page and the BFF say the same. */
export function roleOrgProblem(role: GrantableRole, orgType: OrgType): string | null {
  const allowed = ROLE_ORG_TYPES[role];
  if (!allowed || allowed.includes(orgType)) return null;
  return role === 'venue_staff' ? '场馆工作人员只能授予工人文化宫' : '工会干部只能授予工会组织（不能是文化宫）';
}

/** One role held by one person (for one organisation when the role is scoped). */
export interface StaffGrantResponse {
  id: string;
  userId: string;
  /** '' when the person has not given a name yet. */
  name: string;
  phoneMasked: string;
  role: GrantableRole;
  orgId?: string;
  orgName?: string;
}

export interface CreateStaffGrantRequest {
  phone: string;
  /** Recorded for a person seen for the first time (or one without a name yet). */
  name?: string;
  role: GrantableRole;
  /** Required for officer and venue_staff (ROLE_ORG_TYPES), refused for the others. */
  orgId?: string;
}

/** `GET /admin/staff?role=&orgId=&page=&limit=`; `orgId` covers that organisation and its subtree. */
export interface StaffGrantQuery {
  role?: GrantableRole;
  orgId?: string;
  page?: number;
  limit?: number;
}
