import Taro from '@tarojs/taro'
import type { LoginResponse } from '@unionhome/shared'
import { clearSession, getAccessToken, getSession, saveRefreshed } from '@/store/session'
import { goLogin } from '@/utils/navigation'
import { ApiError, errorText } from './api-error'

export { ApiError, errorText, isApiError, NETWORK_ERROR_MESSAGE } from './api-error'

/** '' in H5 means the page's own origin; see config/index.ts for the defaults per platform. */
export const API_BASE = `${process.env.TARO_APP_API ?? ''}/api/v1`

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: HttpMethod
  /** JSON body (POST, PUT, PATCH). */
  data?: unknown
  /** Query string; null and undefined values are left out. */
  query?: Record<string, QueryValue>
  /** Sent as `Idempotency-Key`: repeat it on a retry so a double tap never creates two things. */
  idempotencyKey?: string
  /** false for calls that must not carry or refresh a token (login itself). Default true. */
  auth?: boolean
  header?: Record<string, string>
}

interface RawResponse {
  statusCode: number
  data: unknown
}

export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

/** A fresh key for one logical submission (keep it across retries of that submission). */
export function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}-${rand()}${rand()}`
}

export function authHeader(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/**
 * A 429 whose `Retry-After` is at most this (seconds) is a crowd's moment and is asked again; a longer
 * one, or none, is a rule the person should read (e.g. a new SMS code only after 60 s) and is shown at once.
 */
const MAX_RETRY_AFTER_SECONDS = 10
/** A crowd's 429 is asked again this many times before it is shown. */
const TOO_MANY_RETRIES = 2

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Milliseconds to wait before asking again (the BFF's `Retry-After` plus a little jitter, so a crowd spreads out), or null: do not. */
function retryDelayMs(header: Record<string, unknown> | undefined): number | null {
  const seconds = Number(header && (header['Retry-After'] ?? header['retry-after']))
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_RETRY_AFTER_SECONDS) return null
  return seconds * 1000 + Math.floor(Math.random() * 500)
}

async function sendOnce(path: string, options: RequestOptions, token: string | null): Promise<RawResponse & { header?: Record<string, unknown> }> {
  const header: Record<string, string> = { ...options.header, ...authHeader(token) }
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey
  const method = options.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'DELETE' && options.data !== undefined
  if (hasBody) header['Content-Type'] = 'application/json'
  try {
    const res = await Taro.request({
      url: apiUrl(path, options.query),
      method,
      header,
      data: hasBody ? (options.data as Record<string, unknown>) : undefined,
      dataType: 'json'
    })
    return { statusCode: res.statusCode, data: res.data, header: res.header as Record<string, unknown> | undefined }
  } catch {
    // Taro.request only rejects when there was no HTTP answer at all.
    throw ApiError.network()
  }
}

/**
 * One call, asked again after a 429 (the BFF did nothing with it: safe to repeat, POSTs too) once
 * the `Retry-After` has passed, so a crowd at 08:00 waits a moment instead of seeing an error.
 */
async function send(path: string, options: RequestOptions, token: string | null): Promise<RawResponse> {
  for (let attempt = 0; ; attempt++) {
    const res = await sendOnce(path, options, token)
    const wait = res.statusCode === 429 && attempt < TOO_MANY_RETRIES ? retryDelayMs(res.header) : null
    if (wait === null) return { statusCode: res.statusCode, data: res.data }
    await sleep(wait)
  }
}

/** One refresh at a time: every request that met a 401 meanwhile waits for the same answer. */
let refreshing: Promise<string | null> | null = null

/**
 * Trades the refresh token for a new pair. Resolves to the new access token, or null when the
 * BFF refused the token (401/400: the session is over). Anything else — no answer, a 429 that
 * outlasted the retries, a 5xx — rejects: the session may still be good and is kept.
 */
export function refreshAccessToken(): Promise<string | null> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = getSession()?.refreshToken
      if (!refreshToken) return null
      const res = await send('/auth/refresh', { method: 'POST', data: { refreshToken } }, null)
      const pair = res.data as Partial<LoginResponse> | null
      if (res.statusCode >= 200 && res.statusCode < 300 && pair?.accessToken && pair.refreshToken) {
        saveRefreshed({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: pair.user })
        return pair.accessToken
      }
      if (res.statusCode === 401 || res.statusCode === 400) return null
      throw new ApiError(res.statusCode, res.data as Record<string, unknown> | null)
    })().finally(() => {
      refreshing = null
    })
  }
  return refreshing
}

function endSession(): void {
  clearSession()
  goLogin()
}

/**
 * Runs one call with the session's token. On a 401 it refreshes once (or reuses a refresh another
 * call already finished) and repeats the call; if the session cannot be renewed it is cleared and
 * the person is sent to log in. Exported for upload.ts, which differs only in how it sends.
 */
export async function withSession<R extends { statusCode: number }>(
  attempt: (token: string | null) => Promise<R>
): Promise<R> {
  const sentToken = getAccessToken()
  const first = await attempt(sentToken)
  if (first.statusCode !== 401) return first

  const current = getAccessToken()
  // Another call refreshed while this one was in flight: just use the newer token.
  const token = current && current !== sentToken ? current : await refreshAccessToken()
  if (!token) {
    endSession()
    return first
  }
  const second = await attempt(token)
  if (second.statusCode === 401) endSession()
  return second
}

function unwrap<T>(res: RawResponse): T {
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
  throw new ApiError(res.statusCode, res.data as Record<string, unknown> | null)
}

/** The one way the mini-app calls the BFF. Resolves to the JSON body; throws ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  if (options.auth === false) return unwrap<T>(await send(path, options, null))
  return unwrap<T>(await withSession((token) => send(path, options, token)))
}

/** A short toast with the Chinese text for the error. Aborted calls stay silent. */
export function showError(err: unknown): void {
  if (err instanceof ApiError && err.isAborted) return
  Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 })
}
