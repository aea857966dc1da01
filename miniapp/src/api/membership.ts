import Taro from '@tarojs/taro'
import {
  DEFAULT_PAGE_LIMIT,
  type ApplicationCreatedResponse,
  type ApplicationResponse,
  type ApplicationStatus,
  type ApproveApplicationResponse,
  type CardResponse,
  type CreateApplicationRequest,
  type CreateInviteRequest,
  type InvitePreviewResponse,
  type InviteResponse,
  type InviteWithQrResponse,
  type MemberDetailResponse,
  type MemberListResponse,
  type MembershipSettings,
  type Paged,
  type RejectApplicationResponse,
  type VerifyCardResponse,
  type WithdrawApplicationResponse
} from '@unionhome/shared'
import { ApiError, apiUrl, authHeader, request, withSession } from './request'

/** Join by QR, the membership card, and the officer's invites, applications and register. */

// ── worker ──────────────────────────────────────────────────────────────────────────────────
export function fetchInvitePreview(token: string): Promise<InvitePreviewResponse> {
  return request<InvitePreviewResponse>(`/invites/${encodeURIComponent(token)}`, { auth: false })
}

/** Keep `idempotencyKey` for the whole form: a retry after a lost answer never makes two applications. */
export function submitApplication(body: CreateApplicationRequest, idempotencyKey: string): Promise<ApplicationCreatedResponse> {
  return request<ApplicationCreatedResponse>('/membership-applications', { method: 'POST', data: body, idempotencyKey })
}

export function fetchMyApplications(limit = 5): Promise<Paged<ApplicationResponse>> {
  return request<Paged<ApplicationResponse>>('/me/membership-applications', { query: { limit } })
}

/** The applicant takes back their own pending application. */
export function withdrawApplication(id: string): Promise<WithdrawApplicationResponse> {
  return request<WithdrawApplicationResponse>(`/membership-applications/${id}/withdraw`, { method: 'POST' })
}

export function fetchCard(): Promise<CardResponse> {
  return request<CardResponse>('/me/card')
}

// ── officer and venue staff ─────────────────────────────────────────────────────────────────
/** A walk-in card check: is the person showing this card QR a member, and of which union. */
export function verifyCard(token: string): Promise<VerifyCardResponse> {
  return request<VerifyCardResponse>('/cards/verify', { method: 'POST', data: { token } })
}

// ── officer ─────────────────────────────────────────────────────────────────────────────────
export function createInvite(orgId: string, body: CreateInviteRequest, idempotencyKey: string): Promise<InviteWithQrResponse> {
  return request<InviteWithQrResponse>(`/orgs/${orgId}/invites`, { method: 'POST', data: body, idempotencyKey })
}

export function fetchInvites(orgId: string, page = 1, limit = DEFAULT_PAGE_LIMIT): Promise<Paged<InviteResponse>> {
  return request<Paged<InviteResponse>>(`/orgs/${orgId}/invites`, { query: { page, limit } })
}

export function fetchInvite(orgId: string, inviteId: string): Promise<InviteWithQrResponse> {
  return request<InviteWithQrResponse>(`/orgs/${orgId}/invites/${inviteId}`)
}

export function revokeInvite(orgId: string, inviteId: string): Promise<InviteResponse> {
  return request<InviteResponse>(`/orgs/${orgId}/invites/${inviteId}/revoke`, { method: 'POST' })
}

export function fetchApplications(orgId: string, status: ApplicationStatus, page = 1, limit = DEFAULT_PAGE_LIMIT): Promise<Paged<ApplicationResponse>> {
  return request<Paged<ApplicationResponse>>(`/orgs/${orgId}/membership-applications`, { query: { status, page, limit } })
}

export function approveApplication(id: string): Promise<ApproveApplicationResponse> {
  return request<ApproveApplicationResponse>(`/membership-applications/${id}/approve`, { method: 'POST' })
}

export function rejectApplication(id: string, reason: string): Promise<RejectApplicationResponse> {
  return request<RejectApplicationResponse>(`/membership-applications/${id}/reject`, { method: 'POST', data: { reason } })
}

export function fetchMembershipSettings(orgId: string): Promise<MembershipSettings> {
  return request<MembershipSettings>(`/orgs/${orgId}/membership-settings`)
}

export function saveMembershipSettings(orgId: string, settings: MembershipSettings): Promise<MembershipSettings> {
  return request<MembershipSettings>(`/orgs/${orgId}/membership-settings`, { method: 'PUT', data: settings })
}

export interface MemberQuery {
  q?: string
  status?: 'active' | 'left'
}

export function fetchMembers(orgId: string, query: MemberQuery, page = 1, limit = DEFAULT_PAGE_LIMIT): Promise<MemberListResponse> {
  return request<MemberListResponse>(`/orgs/${orgId}/members`, { query: { ...query, q: query.q || undefined, page, limit } })
}

export function fetchMember(orgId: string, membershipId: string): Promise<MemberDetailResponse> {
  return request<MemberDetailResponse>(`/orgs/${orgId}/members/${membershipId}`)
}

function failed(statusCode: number, data: unknown): ApiError {
  let body: unknown = data
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data)
    } catch {
      body = null
    }
  }
  return new ApiError(statusCode, body as Record<string, unknown> | null)
}

/**
 * The member register as a CSV file. H5: the browser saves it (a download link on a Blob).
 * WeChat: the file is downloaded and offered for sending to a chat, where it opens on a computer
 * (the mini-program's document viewer does not open CSV).
 */
export async function downloadMembersCsv(orgId: string, query: MemberQuery, fileName: string): Promise<void> {
  const url = apiUrl(`/orgs/${orgId}/members/export`, { q: query.q || undefined, status: query.status })
  if (process.env.TARO_ENV === 'h5') {
    const res = await withSession(async (token) => {
      try {
        const r = await Taro.request({ url, method: 'GET', header: authHeader(token), dataType: 'text', responseType: 'text' })
        return { statusCode: r.statusCode, data: r.data as unknown }
      } catch {
        throw ApiError.network()
      }
    })
    if (res.statusCode !== 200) throw failed(res.statusCode, res.data)
    const blob = new Blob([String(res.data)], { type: 'text/csv;charset=utf-8' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    return
  }
  const res = await withSession(async (token) => {
    try {
      return await Taro.downloadFile({ url, header: authHeader(token) })
    } catch {
      throw ApiError.network()
    }
  })
  if (res.statusCode !== 200) throw failed(res.statusCode, null)
  await Taro.shareFileMessage({ filePath: res.tempFilePath, fileName })
}
