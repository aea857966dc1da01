import type { AdminOrgResponse, CreateOrgRequest, OrgImportError, OrgImportResult, UpdateOrgRequest } from '@unionhome/shared'
import { isApiError } from './api-error'
import { request } from './request'
import { upload, type Upload } from './upload'

/** API.md "Modes, set-up and administration": the union tree (admin). */

/** The whole tree, inactive orgs included, parents before children. */
export function fetchAdminOrgs(): Promise<AdminOrgResponse[]> {
  return request<AdminOrgResponse[]>('/admin/orgs')
}

export function createOrg(body: CreateOrgRequest, idempotencyKey: string): Promise<AdminOrgResponse> {
  return request<AdminOrgResponse>('/admin/orgs', { method: 'POST', data: body, idempotencyKey })
}

export function updateOrg(id: string, patch: UpdateOrgRequest): Promise<AdminOrgResponse> {
  return request<AdminOrgResponse>(`/admin/orgs/${id}`, { method: 'PATCH', data: patch })
}

/** Uploads the CSV (a local file path; a blob: URL in H5). All rows or none. */
export function importOrgs(filePath: string): Upload<OrgImportResult> {
  return upload<OrgImportResult>({ path: '/admin/orgs/import', filePath, name: 'file' })
}

/** The line-numbered problems of a refused import (422 ORG_IMPORT_FAILED); [] for any other error. */
export function importErrors(err: unknown): OrgImportError[] {
  if (!isApiError(err) || err.code !== 'ORG_IMPORT_FAILED') return []
  const list = err.details.errors
  return Array.isArray(list) ? (list as OrgImportError[]) : []
}
