import Taro from '@tarojs/taro'
import {
  DEFAULT_PAGE_LIMIT,
  filePath,
  type CreateHardshipApplicationRequest,
  type FileSize,
  type HardshipApplicationResponse,
  type HardshipApplicationSaved,
  type HardshipApplicationSummary,
  type HardshipArchiveEntry,
  type HardshipDecisionRequest,
  type HardshipDocumentType,
  type HardshipReviewRequest,
  type HardshipStatus,
  type HardshipTransitionResponse,
  type OrgResponse,
  type Paged,
  type RegionResponse,
  type StaffHardshipStatus,
  type StoredDocumentResponse,
  type UpdateHardshipApplicationRequest,
  type UpsertRegionRequest
} from '@unionhome/shared'
import { ApiError } from './api-error'
import { apiUrl, authHeader, request, withSession } from './request'
import { upload, type Upload } from './upload'

/** API.md "Hardship applications", plus the staff lists and the regions' minimum living standards. */

export function createApplication(body: CreateHardshipApplicationRequest, idempotencyKey: string): Promise<HardshipApplicationSaved> {
  return request<HardshipApplicationSaved>('/hardship-applications', { method: 'POST', data: body, idempotencyKey })
}

export function updateApplication(id: string, body: UpdateHardshipApplicationRequest): Promise<HardshipApplicationSaved> {
  return request<HardshipApplicationSaved>(`/hardship-applications/${id}`, { method: 'PATCH', data: body })
}

export function submitApplication(id: string, idempotencyKey: string): Promise<{ id: string; status: HardshipStatus }> {
  return request(`/hardship-applications/${id}/submit`, { method: 'POST', data: { assetCheckConsent: true }, idempotencyKey })
}

export function fetchApplication(id: string): Promise<HardshipApplicationResponse> {
  return request<HardshipApplicationResponse>(`/hardship-applications/${id}`)
}

export function fetchMyApplications(page = 1, limit = DEFAULT_PAGE_LIMIT): Promise<Paged<HardshipApplicationSummary>> {
  return request<Paged<HardshipApplicationSummary>>('/hardship-applications', { query: { page, limit } })
}

export function uploadDocument(id: string, type: HardshipDocumentType, localPath: string, onProgress?: (percent: number) => void): Upload<StoredDocumentResponse> {
  return upload<StoredDocumentResponse>({ path: `/hardship-applications/${id}/documents`, filePath: localPath, formData: { type }, onProgress })
}

export function removeDocument(id: string, documentId: string): Promise<{ ok: true }> {
  return request(`/hardship-applications/${id}/documents/${documentId}`, { method: 'DELETE' })
}

export interface QueueFilter {
  status?: StaffHardshipStatus
  regionCode?: string
  page?: number
  limit?: number
}

export function fetchQueue(f: QueueFilter): Promise<Paged<HardshipApplicationSummary>> {
  return request<Paged<HardshipApplicationSummary>>('/review/hardship-applications', {
    query: { status: f.status, regionCode: f.regionCode, page: f.page ?? 1, limit: f.limit ?? DEFAULT_PAGE_LIMIT }
  })
}

export function reviewApplication(id: string, body: HardshipReviewRequest): Promise<HardshipTransitionResponse> {
  return request<HardshipTransitionResponse>(`/hardship-applications/${id}/review`, { method: 'POST', data: body })
}

export function decideApplication(id: string, body: HardshipDecisionRequest): Promise<HardshipTransitionResponse> {
  return request<HardshipTransitionResponse>(`/hardship-applications/${id}/decision`, { method: 'POST', data: body })
}

export function fetchArchive(f: { dueWithinDays?: number; page?: number; limit?: number }): Promise<Paged<HardshipArchiveEntry>> {
  return request<Paged<HardshipArchiveEntry>>('/hardship-archive', { query: { dueWithinDays: f.dueWithinDays, page: f.page ?? 1, limit: f.limit ?? DEFAULT_PAGE_LIMIT } })
}

export function fetchRegions(): Promise<RegionResponse[]> {
  return request<RegionResponse[]>('/regions', { auth: false })
}

export function fetchRegion(code: string): Promise<RegionResponse> {
  return request<RegionResponse>(`/regions/${code}`, { auth: false })
}

export function saveRegion(code: string, body: UpsertRegionRequest): Promise<RegionResponse> {
  return request<RegionResponse>(`/regions/${code}`, { method: 'PUT', data: body })
}

/** The grassroots unions of a region: who a non-member can ask to do the first check. */
export function fetchGrassrootsUnions(regionCode: string): Promise<OrgResponse[]> {
  return request<OrgResponse[]>('/orgs', { query: { type: 'grassroots', regionCode }, auth: false })
}

/**
 * A stored photo as a local path the <Image> can show. Photos are served only with the session's
 * token (GET /files/{id} checks who may see them), which an <img src> cannot send, so the bytes
 * are fetched with Taro.downloadFile and shown from its temporary file (a blob: URL in H5).
 */
export async function downloadDocument(documentId: string, size: FileSize = 'thumb'): Promise<string> {
  const res = await withSession(async (token) => {
    try {
      const r = await Taro.downloadFile({ url: apiUrl(filePath(documentId, size)), header: authHeader(token) })
      return { statusCode: r.statusCode, tempFilePath: r.tempFilePath }
    } catch {
      throw ApiError.network()
    }
  })
  if (res.statusCode < 200 || res.statusCode >= 300) throw new ApiError(res.statusCode, null)
  return res.tempFilePath
}
