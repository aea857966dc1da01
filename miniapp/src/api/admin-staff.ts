import { DEFAULT_PAGE_LIMIT, type CreateStaffGrantRequest, type GrantableRole, type OrgResponse, type OrgType, type Paged, type StaffGrantResponse } from '@unionhome/shared'
import { request } from './request'

/** API.md "Modes, set-up and administration": staff grants (admin), and the organisations to grant for. */

export interface StaffFilter {
  role?: GrantableRole
  /** That organisation and the ones below it. */
  orgId?: string
}

export function fetchStaff(filter: StaffFilter = {}, page = 1, limit = DEFAULT_PAGE_LIMIT): Promise<Paged<StaffGrantResponse>> {
  return request<Paged<StaffGrantResponse>>('/admin/staff', { query: { role: filter.role, orgId: filter.orgId, page, limit } })
}

export function grantStaff(body: CreateStaffGrantRequest, idempotencyKey: string): Promise<StaffGrantResponse> {
  return request<StaffGrantResponse>('/admin/staff', { method: 'POST', data: body, idempotencyKey })
}

export async function revokeStaff(grantId: string): Promise<void> {
  await request<unknown>(`/admin/staff/${grantId}`, { method: 'DELETE' })
}

/** The organisations to pick from (the BFF answers at most 200, in tree order); `type` narrows them. */
export function fetchOrgs(filter: { type?: OrgType; code?: string } = {}): Promise<OrgResponse[]> {
  return request<OrgResponse[]>('/orgs', { query: { type: filter.type, code: filter.code } })
}
