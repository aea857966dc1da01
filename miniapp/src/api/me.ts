import { DEFAULT_PAGE_LIMIT, type MeResponse, type MessageResponse, type Paged } from '@unionhome/shared'
import { request } from './request'

export function fetchMe(): Promise<MeResponse> {
  return request<MeResponse>('/me')
}

export async function fetchMessages(page = 1, limit = DEFAULT_PAGE_LIMIT): Promise<Paged<MessageResponse>> {
  const res = await request<Paged<MessageResponse> | MessageResponse[]>('/me/messages', { query: { page, limit } })
  // API.md fixes only the items; accept a bare array too, as one page holding everything.
  return Array.isArray(res) ? { data: res, total: res.length, page: 1, limit: res.length } : res
}
