import { ERROR_MESSAGES, errorMessage, type ApiErrorBody } from '@unionhome/shared'

/** What a person reads when the request never got an answer (no signal, server down, timeout). */
export const NETWORK_ERROR_MESSAGE = '网络不太好，请稍后重试'

/** Codes the mini-app gives failures that have no HTTP response. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  aborted: 'ABORTED'
} as const

/**
 * Every failed call to the BFF ends as one of these, so pages handle one error type.
 * `status` is the HTTP status, or 0 when there was no response at all.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>
  readonly details: Record<string, unknown>

  constructor(status: number, body: Partial<ApiErrorBody> | null | undefined) {
    const code = typeof body?.code === 'string' && body.code ? body.code : fallbackCode(status)
    super(typeof body?.message === 'string' && body.message ? body.message : errorMessage(code))
    this.name = 'ApiError'
    this.status = status
    this.code = code
    const fields: unknown = body?.fields
    const details: unknown = body?.details
    this.fields = isRecord(fields) ? (fields as Record<string, string>) : {}
    this.details = isRecord(details) ? details : {}
    // Keeps `instanceof` working when the class is compiled down to ES5 functions.
    Object.setPrototypeOf(this, ApiError.prototype)
  }

  static network(): ApiError {
    return new ApiError(0, { code: CLIENT_ERROR_CODES.network, message: NETWORK_ERROR_MESSAGE })
  }

  static aborted(): ApiError {
    return new ApiError(0, { code: CLIENT_ERROR_CODES.aborted, message: '已取消' })
  }

  get isNetwork(): boolean {
    return this.code === CLIENT_ERROR_CODES.network
  }

  get isAborted(): boolean {
    return this.code === CLIENT_ERROR_CODES.aborted
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError
}

/**
 * The one Chinese sentence to show for any error: the shared text for a known code (so the
 * wording never depends on which side produced it), the server's own message for a code the
 * mini-app does not know yet, and the first field problem for a validation failure.
 */
export function errorText(err: unknown): string {
  if (!isApiError(err)) return ERROR_MESSAGES.INTERNAL_ERROR
  if (err.isNetwork) return NETWORK_ERROR_MESSAGE
  const firstField = Object.values(err.fields)[0]
  if (err.code === 'VALIDATION_FAILED' && firstField) return firstField
  if (err.code in ERROR_MESSAGES) return errorMessage(err.code)
  return err.message || ERROR_MESSAGES.INTERNAL_ERROR
}

function fallbackCode(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 409) return 'CONFLICT'
  if (status === 413) return 'PAYLOAD_TOO_LARGE'
  if (status === 429) return 'TOO_MANY_REQUESTS'
  return 'INTERNAL_ERROR'
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
