import { DEFAULT_PAGE_LIMIT, type AuditEntry, type AuditQuery, type AuditVerifyResponse, type Paged } from '@unionhome/shared'
import { request } from './request'

/** The audit log (admin): search it, and check that no entry was changed or removed. */

export type AuditFilter = Omit<AuditQuery, 'page' | 'limit'>

export function fetchAuditLog(filter: AuditFilter, page = 1, limit = DEFAULT_PAGE_LIMIT): Promise<Paged<AuditEntry>> {
  return request<Paged<AuditEntry>>('/admin/audit', { query: { ...filter, page, limit } })
}

export function verifyAuditLog(): Promise<AuditVerifyResponse> {
  return request<AuditVerifyResponse>('/admin/audit/verify')
}
