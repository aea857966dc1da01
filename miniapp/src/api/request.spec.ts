import Taro from '@tarojs/taro'
import type { LoginResponse } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../test/mocks/taro'
import { getSession, reloadSession, saveLogin } from '@/store/session'
import { ApiError, errorText, newIdempotencyKey, request, showError } from './request'
import { upload } from './upload'

const requestMock = Taro.request as unknown as jest.Mock
const uploadMock = Taro.uploadFile as unknown as jest.Mock

interface Call {
  url: string
  method?: string
  header: Record<string, string>
  data?: unknown
}

function login(accessToken = 'old-access', refreshToken = 'old-refresh'): void {
  const res: LoginResponse = { accessToken, refreshToken, user: { id: 'u1', roles: ['member'] } }
  saveLogin(res)
}

/** Answers Taro.request by URL; a function answer sees the call (e.g. to look at the token). */
function serve(routes: Record<string, (call: Call) => { statusCode: number; data: unknown }>): void {
  requestMock.mockImplementation(async (call: Call) => {
    const path = call.url.split('?')[0]
    const route = routes[path]
    if (!route) throw new Error(`unexpected request ${call.url}`)
    return route(call)
  })
}

const bearer = (call: Call) => call.header.Authorization

/** The ApiError a call rejects with (fails the test if it resolves). */
function failure(p: Promise<unknown>): Promise<ApiError> {
  return p.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (e: ApiError) => e
  )
}

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  setCurrentPage('/pages/mine/index')
})

describe('request', () => {
  it('sends the access token to /api/v1 and resolves to the JSON body', async () => {
    login('tok-1')
    serve({ '/api/v1/me': () => ({ statusCode: 200, data: { id: 'u1', name: '张伟' } }) })

    await expect(request('/me')).resolves.toEqual({ id: 'u1', name: '张伟' })

    const call: Call = requestMock.mock.calls[0][0]
    expect(call.url).toBe('/api/v1/me')
    expect(call.method).toBe('GET')
    expect(bearer(call)).toBe('Bearer tok-1')
  })

  it('puts query values in the URL and leaves out empty ones', async () => {
    serve({ '/api/v1/orgs': () => ({ statusCode: 200, data: [] }) })
    await request('/orgs', { query: { code: 'DEMO GRASSROOTS', page: 1, limit: undefined, type: null } })
    expect(requestMock.mock.calls[0][0].url).toBe('/api/v1/orgs?code=DEMO%20GRASSROOTS&page=1')
  })

  it('sends no Authorization header when nobody is logged in', async () => {
    serve({ '/api/v1/health': () => ({ statusCode: 200, data: { status: 'ok' } }) })
    await request('/health')
    expect(bearer(requestMock.mock.calls[0][0])).toBeUndefined()
  })

  it('on 401 refreshes once, stores the new pair and repeats the call with the new token', async () => {
    login('old-access', 'old-refresh')
    serve({
      '/api/v1/me': (call) =>
        bearer(call) === 'Bearer new-access'
          ? { statusCode: 200, data: { id: 'u1' } }
          : { statusCode: 401, data: { code: 'TOKEN_INVALID', message: '登录已失效' } },
      '/api/v1/auth/refresh': () => ({
        statusCode: 200,
        data: { accessToken: 'new-access', refreshToken: 'new-refresh', user: { id: 'u1', roles: ['member'] } }
      })
    })

    await expect(request('/me')).resolves.toEqual({ id: 'u1' })

    const urls = requestMock.mock.calls.map(([c]) => c.url)
    expect(urls).toEqual(['/api/v1/me', '/api/v1/auth/refresh', '/api/v1/me'])
    const refreshCall: Call = requestMock.mock.calls[1][0]
    expect(refreshCall.method).toBe('POST')
    expect(refreshCall.data).toEqual({ refreshToken: 'old-refresh' })
    expect(bearer(refreshCall)).toBeUndefined()
    expect(getSession()).toMatchObject({ accessToken: 'new-access', refreshToken: 'new-refresh' })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('keeps the user and cached profile when the refresh answer is only the token pair', async () => {
    login('old-access')
    serve({
      '/api/v1/me': (call) => (bearer(call) === 'Bearer a2' ? { statusCode: 200, data: {} } : { statusCode: 401, data: null }),
      '/api/v1/auth/refresh': () => ({ statusCode: 200, data: { accessToken: 'a2', refreshToken: 'r2' } })
    })
    await request('/me')
    expect(getSession()).toMatchObject({ accessToken: 'a2', refreshToken: 'r2', user: { id: 'u1', roles: ['member'] } })
  })

  it('shares one refresh between calls that meet a 401 at the same time', async () => {
    login('old-access')
    let release!: () => void
    const refreshAnswered = new Promise<void>((r) => (release = r))
    requestMock.mockImplementation(async (call: Call) => {
      if (call.url === '/api/v1/auth/refresh') {
        await refreshAnswered
        return { statusCode: 200, data: { accessToken: 'new-access', refreshToken: 'r2', user: { id: 'u1', roles: [] } } }
      }
      return bearer(call) === 'Bearer new-access' ? { statusCode: 200, data: call.url } : { statusCode: 401, data: null }
    })

    const all = Promise.all([request('/me'), request('/me/messages'), request('/me/card')])
    await new Promise((r) => setTimeout(r, 0))
    release()

    await expect(all).resolves.toEqual(['/api/v1/me', '/api/v1/me/messages', '/api/v1/me/card'])
    const refreshes = requestMock.mock.calls.filter(([c]) => c.url === '/api/v1/auth/refresh')
    expect(refreshes).toHaveLength(1)
  })

  it('when the refresh is refused, clears the session and sends the person to log in', async () => {
    login()
    setCurrentPage('/pages/messages/index')
    serve({
      '/api/v1/me/messages': () => ({ statusCode: 401, data: { code: 'TOKEN_INVALID', message: '登录已失效' } }),
      '/api/v1/auth/refresh': () => ({ statusCode: 401, data: { code: 'REFRESH_TOKEN_INVALID', message: '登录已过期' } })
    })

    const err = await failure(request('/me/messages'))

    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(401)
    expect(getSession()).toBeNull()
    expect(Taro.getStorageSync('uh.session')).toBe('')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${encodeURIComponent('/pages/messages/index')}` })
    // Only one refresh was tried, and the failed call was not repeated.
    expect(requestMock.mock.calls.map(([c]) => c.url)).toEqual(['/api/v1/me/messages', '/api/v1/auth/refresh'])
  })

  describe('a 429 (a crowd, not a fault)', () => {
    beforeEach(() => jest.useFakeTimers())
    afterEach(() => jest.useRealTimers())

    /** Runs the call while letting the retry waits pass. */
    async function settle<T>(p: Promise<T>): Promise<T> {
      for (let i = 0; i < 20; i++) await jest.advanceTimersByTimeAsync(1000)
      return p
    }

    it('waits for Retry-After and asks again, so the person sees the answer, not an error', async () => {
      login()
      let tries = 0
      serve({ '/api/v1/bookings': () => (++tries < 3 ? { statusCode: 429, data: { code: 'TOO_MANY_REQUESTS', message: '请求太频繁' }, header: { 'Retry-After': '2' } } : { statusCode: 201, data: { id: 'b1' } }) } as never)
      await expect(settle(request('/bookings', { method: 'POST', data: { slotId: 's1' }, idempotencyKey: 'k1' }))).resolves.toEqual({ id: 'b1' })
      expect(tries).toBe(3)
      // The same submission each time: a retry can never book twice.
      expect(new Set(requestMock.mock.calls.map(([c]) => c.header['Idempotency-Key']))).toEqual(new Set(['k1']))
    })

    it('shows a 429 that names no short wait at once (a rule to read, e.g. a new SMS code only after 60 s)', async () => {
      serve({ '/api/v1/auth/sms-code': () => ({ statusCode: 429, data: { code: 'TOO_MANY_REQUESTS', message: '验证码已发送，请60秒后再重新获取' } }) })
      const err = await failure(request('/auth/sms-code', { method: 'POST', data: { phone: '13800000001' }, auth: false }))
      expect(err.message).toBe('验证码已发送，请60秒后再重新获取')
      expect(requestMock).toHaveBeenCalledTimes(1)
    })

    it('never ends the session: a refresh answered 429 keeps the person logged in', async () => {
      login('old-access', 'old-refresh')
      setCurrentPage('/pages/messages/index')
      serve({
        '/api/v1/me/messages': () => ({ statusCode: 401, data: { code: 'TOKEN_INVALID', message: '登录已失效' } }),
        '/api/v1/auth/refresh': () => ({ statusCode: 429, data: { code: 'TOO_MANY_REQUESTS', message: '请求太频繁' }, header: { 'Retry-After': '1' } })
      })
      const err = await settle(failure(request('/me/messages')))
      expect(err.status).toBe(429)
      expect(getSession()).toMatchObject({ refreshToken: 'old-refresh' })
      expect(Taro.navigateTo).not.toHaveBeenCalled()
    })
  })

  it('turns an error body into an ApiError with code, message and fields', async () => {
    login()
    serve({
      '/api/v1/membership-applications': () => ({
        statusCode: 400,
        data: { code: 'VALIDATION_FAILED', message: '填写的内容有误', fields: { idNumber: '身份证号码校验位不正确，请核对' } }
      })
    })

    const err = await failure(request('/membership-applications', { method: 'POST', data: { idNumber: 'x' } }))

    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '填写的内容有误' })
    expect(err.fields).toEqual({ idNumber: '身份证号码校验位不正确，请核对' })
    expect(errorText(err)).toBe('身份证号码校验位不正确，请核对')
  })

  it('keeps machine-readable details and names a status without a body', async () => {
    serve({
      '/api/v1/claims/1/submit': () => ({ statusCode: 422, data: { code: 'DOCUMENTS_MISSING', message: '缺材料', details: { missing: ['invoice'] } } }),
      '/api/v1/nothing': () => ({ statusCode: 404, data: null })
    })
    const missing = await failure(request('/claims/1/submit', { method: 'POST' }))
    expect(missing.details).toEqual({ missing: ['invoice'] })
    const notFound = await failure(request('/nothing'))
    expect(notFound).toMatchObject({ status: 404, code: 'NOT_FOUND', fields: {} })
  })

  it('sends Idempotency-Key when given one, and JSON bodies with a content type', async () => {
    login()
    serve({ '/api/v1/bookings': () => ({ statusCode: 201, data: { id: 'b1' } }) })
    const key = newIdempotencyKey()

    await request('/bookings', { method: 'POST', data: { slotId: 's1' }, idempotencyKey: key })

    const call: Call = requestMock.mock.calls[0][0]
    expect(call.header['Idempotency-Key']).toBe(key)
    expect(call.header['Content-Type']).toBe('application/json')
    expect(call.data).toEqual({ slotId: 's1' })
    expect(newIdempotencyKey()).not.toBe(key)
    expect(key.length).toBeLessThanOrEqual(255)
  })

  it('sends no Idempotency-Key unless asked', async () => {
    serve({ '/api/v1/x': () => ({ statusCode: 200, data: {} }) })
    await request('/x', { method: 'POST', data: {} })
    expect(requestMock.mock.calls[0][0].header['Idempotency-Key']).toBeUndefined()
  })

  it('reports a request that got no answer as a network error', async () => {
    requestMock.mockRejectedValue({ errMsg: 'request:fail timeout' })
    const err = await failure(request('/me'))
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 0, code: 'NETWORK_ERROR', isNetwork: true })
  })
})

describe('showError', () => {
  const toastTitle = () => (Taro.showToast as unknown as jest.Mock).mock.calls[0][0].title

  it('shows the shared Chinese text for a known code', () => {
    showError(new ApiError(409, { code: 'SLOT_FULL', message: 'slot full' }))
    expect(toastTitle()).toBe('该时段已约满')
  })

  it('falls back to the server message for a code the app does not know', () => {
    showError(new ApiError(422, { code: 'SOMETHING_NEW', message: '新规则不允许此操作' }))
    expect(toastTitle()).toBe('新规则不允许此操作')
  })

  it('says the network is poor when there was no answer', () => {
    showError(ApiError.network())
    expect(toastTitle()).toBe('网络不太好，请稍后重试')
  })

  it('hides internals of unexpected errors', () => {
    showError(new TypeError('x is undefined'))
    expect(toastTitle()).toBe('系统开小差了，请稍后再试')
  })

  it('stays silent for a cancelled upload', () => {
    showError(ApiError.aborted())
    expect(Taro.showToast).not.toHaveBeenCalled()
  })
})

describe('upload', () => {
  /** A fake UploadTask: a promise with onProgressUpdate and abort, as Taro returns. */
  function task(result: { statusCode: number; data: string } | Error, progress: number[] = []) {
    let listener: ((r: { progress: number }) => void) | undefined
    const p: any = new Promise((resolve, reject) => {
      setTimeout(() => {
        progress.forEach((n) => listener?.({ progress: n }))
        if (result instanceof Error) reject(result)
        else resolve(result)
      }, 0)
    })
    p.onProgressUpdate = (cb: typeof listener) => (listener = cb)
    p.abort = jest.fn()
    return p
  }

  it('uploads with the token, reports progress and parses the JSON answer', async () => {
    login('tok-1')
    uploadMock.mockImplementation(() => task({ statusCode: 201, data: '{"id":"d1","type":"invoice"}' }, [40, 100]))
    const progress: number[] = []

    const { promise } = upload({ path: '/claims/c1/documents', filePath: 'wxfile://a.jpg', formData: { type: 'invoice' }, onProgress: (p) => progress.push(p) })

    await expect(promise).resolves.toEqual({ id: 'd1', type: 'invoice' })
    const opts = uploadMock.mock.calls[0][0]
    expect(opts).toMatchObject({ url: '/api/v1/claims/c1/documents', filePath: 'wxfile://a.jpg', name: 'file', formData: { type: 'invoice' } })
    expect(opts.header.Authorization).toBe('Bearer tok-1')
    expect(progress).toEqual([40, 100])
  })

  it('refreshes once on 401 and uploads again with the new token', async () => {
    login('old-access')
    serve({
      '/api/v1/auth/refresh': () => ({ statusCode: 200, data: { accessToken: 'new-access', refreshToken: 'r2', user: { id: 'u1', roles: [] } } })
    })
    uploadMock.mockImplementation((opts) =>
      opts.header.Authorization === 'Bearer new-access' ? task({ statusCode: 201, data: '{"id":"d2"}' }) : task({ statusCode: 401, data: '{"code":"TOKEN_INVALID","message":"x"}' })
    )

    await expect(upload({ path: '/claims/c1/documents', filePath: 'a.jpg' }).promise).resolves.toEqual({ id: 'd2' })
    expect(uploadMock).toHaveBeenCalledTimes(2)
  })

  it('turns a refused file into an ApiError', async () => {
    login()
    uploadMock.mockImplementation(() => task({ statusCode: 415, data: '{"code":"UNSUPPORTED_FILE_TYPE","message":"不支持"}' }))
    const err = await failure(upload({ path: '/claims/c1/documents', filePath: 'a.gif' }).promise)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 415, code: 'UNSUPPORTED_FILE_TYPE' })
    expect(errorText(err)).toBe('只支持JPG、PNG、WebP或HEIC格式的照片')
  })

  it('abort stops the task and rejects as aborted, not as a network failure', async () => {
    login()
    const t = task(new Error('uploadFile:fail abort'))
    uploadMock.mockImplementation(() => t)
    const { promise, abort } = upload({ path: '/claims/c1/documents', filePath: 'a.jpg' })
    abort()
    const err = await promise.catch((e: ApiError) => e)
    expect(t.abort).toHaveBeenCalled()
    expect(err).toMatchObject({ isAborted: true })
  })
})
