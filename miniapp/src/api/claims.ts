import {
  DEFAULT_PAGE_LIMIT,
  filePath,
  type ClaimDecisionRequest,
  type ClaimDocumentType,
  type ClaimEstimateResponse,
  type ClaimResponse,
  type ClaimStatus,
  type ClaimStatusResponse,
  type ClaimSummaryResponse,
  type CoverageResponse,
  type CreateClaimRequest,
  type CreatePlanRequest,
  type EnrolmentCandidate,
  type EnrolRequest,
  type EnrolResponse,
  type FileSize,
  type MarkClaimPaidRequest,
  type Paged,
  type PlanResponse,
  type ReviewClaimResponse,
  type ReviewClaimSummaryResponse,
  type StoredDocumentResponse,
  type UpdateClaimRequest,
  type UpdatePlanRequest
} from '@unionhome/shared'
import { request, apiUrl } from './request'
import { upload, type Upload } from './upload'

/** API.md "Mutual-aid claims": plans, coverage, the worker's three steps, review and enrolment. */

// ----- plans and coverage -----

export function fetchPlans(all = false): Promise<PlanResponse[]> {
  return request<PlanResponse[]>('/mutual-aid/plans', { query: all ? { all: 'true' } : undefined })
}

export function fetchPlan(id: string): Promise<PlanResponse> {
  return request<PlanResponse>(`/mutual-aid/plans/${id}`)
}

export function createPlan(body: CreatePlanRequest, idempotencyKey: string): Promise<PlanResponse> {
  return request<PlanResponse>('/mutual-aid/plans', { method: 'POST', data: body, idempotencyKey })
}

export function updatePlan(id: string, body: UpdatePlanRequest): Promise<PlanResponse> {
  return request<PlanResponse>(`/mutual-aid/plans/${id}`, { method: 'PATCH', data: body })
}

export function fetchCoverage(): Promise<CoverageResponse[]> {
  return request<CoverageResponse[]>('/me/coverage')
}

export function fetchCandidates(planId: string, query: { q?: string; enrolled?: boolean; page?: number; limit?: number } = {}): Promise<Paged<EnrolmentCandidate>> {
  return request<Paged<EnrolmentCandidate>>(`/mutual-aid/plans/${planId}/candidates`, {
    query: { q: query.q || undefined, enrolled: query.enrolled === undefined ? undefined : String(query.enrolled), page: query.page ?? 1, limit: query.limit ?? 100 }
  })
}

export function enrolMembers(planId: string, body: EnrolRequest, idempotencyKey: string): Promise<EnrolResponse> {
  return request<EnrolResponse>(`/mutual-aid/plans/${planId}/enrolments`, { method: 'POST', data: body, idempotencyKey })
}

// ----- the worker's claim -----

export function fetchMyClaims(status?: ClaimStatus, page = 1, limit = DEFAULT_PAGE_LIMIT): Promise<Paged<ClaimSummaryResponse>> {
  return request<Paged<ClaimSummaryResponse>>('/claims', { query: { status, page, limit } })
}

export function fetchClaim(id: string): Promise<ClaimResponse> {
  return request<ClaimResponse>(`/claims/${id}`)
}

/** Keep the key until the draft exists: a double tap on 下一步 never makes two drafts. */
export function createClaim(body: CreateClaimRequest, idempotencyKey: string): Promise<ClaimResponse> {
  return request<ClaimResponse>('/claims', { method: 'POST', data: body, idempotencyKey })
}

export function updateClaim(id: string, body: UpdateClaimRequest): Promise<ClaimResponse> {
  return request<ClaimResponse>(`/claims/${id}`, { method: 'PATCH', data: body })
}

/** One photo, one request (that is how wx.uploadFile works); progress in percent. */
export function uploadClaimDocument(claimId: string, type: ClaimDocumentType, filePathOnPhone: string, onProgress?: (percent: number) => void): Upload<StoredDocumentResponse> {
  return upload<StoredDocumentResponse>({ path: `/claims/${claimId}/documents`, filePath: filePathOnPhone, formData: { type }, onProgress })
}

export function deleteClaimDocument(claimId: string, documentId: string): Promise<void> {
  return request<void>(`/claims/${claimId}/documents/${documentId}`, { method: 'DELETE' })
}

export function fetchEstimate(id: string): Promise<ClaimEstimateResponse> {
  return request<ClaimEstimateResponse>(`/claims/${id}/estimate`)
}

/** Keep the key for retries of the same submission: a double tap or a retry never submits twice. */
export function submitClaim(id: string, idempotencyKey: string): Promise<ClaimStatusResponse> {
  return request<ClaimStatusResponse>(`/claims/${id}/submit`, { method: 'POST', data: { declaration: true }, idempotencyKey })
}

// ----- WeChat subscribe messages -----

export interface SubscriptionsResponse {
  templates: { claim_status: string | null }
  remaining: { claim_status: number }
}

export function fetchSubscriptions(): Promise<SubscriptionsResponse> {
  return request<SubscriptionsResponse>('/me/notification-subscriptions')
}

export function recordSubscription(accepted: boolean): Promise<{ topic: string; remaining: number }> {
  return request('/me/notification-subscriptions', { method: 'POST', data: { topic: 'claim_status', accepted } })
}

// ----- claim reviewer -----

export function fetchReviewQueue(query: { status?: string; q?: string; page?: number; limit?: number } = {}): Promise<Paged<ReviewClaimSummaryResponse>> {
  return request<Paged<ReviewClaimSummaryResponse>>('/review/claims', { query: { status: query.status, q: query.q || undefined, page: query.page ?? 1, limit: query.limit ?? 50 } })
}

export function fetchReviewClaim(id: string): Promise<ReviewClaimResponse> {
  return request<ReviewClaimResponse>(`/review/claims/${id}`)
}

export function startReview(id: string): Promise<ClaimStatusResponse> {
  return request<ClaimStatusResponse>(`/claims/${id}/start-review`, { method: 'POST' })
}

export function decideClaim(id: string, body: ClaimDecisionRequest): Promise<ClaimStatusResponse> {
  return request<ClaimStatusResponse>(`/claims/${id}/decision`, { method: 'POST', data: body })
}

export function markClaimPaid(id: string, body: MarkClaimPaidRequest): Promise<ClaimStatusResponse> {
  return request<ClaimStatusResponse>(`/claims/${id}/paid`, { method: 'POST', data: body })
}

// ----- photos -----

/** The full URL of a stored photo; it needs the Authorization header (see AuthImage). */
export function fileUrl(documentId: string, size: FileSize = 'thumb'): string {
  return apiUrl(filePath(documentId, size).replace(/\?.*$/, ''), size === 'thumb' ? { size: 'thumb' } : undefined)
}
