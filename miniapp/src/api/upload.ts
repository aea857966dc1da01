import Taro from '@tarojs/taro'
import { ApiError } from './api-error'
import { apiUrl, authHeader, withSession, type QueryValue } from './request'

export interface UploadOptions {
  /** API path, e.g. `/claims/${id}/documents`. */
  path: string
  /** A local file path from Taro.chooseMedia / chooseImage (a blob: URL in H5). */
  filePath: string
  /** The multipart field that carries the file. Default 'file'. */
  name?: string
  /** Other multipart fields, e.g. { type: 'invoice' }. */
  formData?: Record<string, string>
  query?: Record<string, QueryValue>
  /** Progress in percent (0–100) of the current attempt. */
  onProgress?: (percent: number) => void
}

export interface Upload<T> {
  promise: Promise<T>
  /** Stops the upload; `promise` then rejects with an ApiError whose `isAborted` is true. */
  abort: () => void
}

interface UploadResult {
  statusCode: number
  data: unknown
}

type UploadTask = Promise<Taro.uploadFile.SuccessCallbackResult> & {
  abort?: () => void
  onProgressUpdate?: (cb: (res: { progress: number }) => void) => void
}

/**
 * Uploads one file (wx.uploadFile sends one per request) with the same session handling as
 * request(): token, one refresh on 401, ApiError on failure. The body comes back as text, so
 * it is parsed here.
 */
export function upload<T>(options: UploadOptions): Upload<T> {
  let task: UploadTask | null = null
  let aborted = false

  const attempt = async (token: string | null): Promise<UploadResult> => {
    if (aborted) throw ApiError.aborted()
    task = Taro.uploadFile({
      url: apiUrl(options.path, options.query),
      filePath: options.filePath,
      name: options.name ?? 'file',
      formData: options.formData,
      header: authHeader(token)
    }) as UploadTask
    if (options.onProgress) task.onProgressUpdate?.((res) => options.onProgress!(res.progress))
    try {
      const res = await task
      return { statusCode: res.statusCode, data: parseBody(res.data) }
    } catch {
      throw aborted ? ApiError.aborted() : ApiError.network()
    } finally {
      task = null
    }
  }

  const promise = withSession(attempt).then((res) => {
    if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
    throw new ApiError(res.statusCode, res.data as Record<string, unknown> | null)
  })

  return {
    promise,
    abort: () => {
      aborted = true
      task?.abort?.()
    }
  }
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}
