import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { ZHANG_WEI } from '../../../test/fixtures'
import { getSession, reloadSession } from '@/store/session'
import LoginPage from './index'

const requestMock = Taro.request as unknown as jest.Mock
const showToastMock = Taro.showToast as unknown as jest.Mock

type Reply = { statusCode: number; data: unknown }
const LOGIN = { statusCode: 200, data: { accessToken: 'a1', refreshToken: 'r1', user: { id: 'u1', roles: ['member'] } } }

/** The BFF as the page sees it; `over` replaces single endpoints for a case. */
function serve(opts: { demo?: boolean; over?: Record<string, (data: Record<string, string>) => Reply> } = {}): void {
  requestMock.mockImplementation(async (call: { url: string; data?: Record<string, string> }) => {
    const path = call.url.replace('/api/v1', '')
    const custom = opts.over?.[path]
    if (custom) return custom(call.data ?? {})
    if (path === '/health') return { statusCode: 200, data: { status: 'ok', db: 'sqlite', demo: opts.demo ?? false } }
    if (path === '/auth/sms-code') return { statusCode: 202, data: { expiresInSeconds: 300, resendAfterSeconds: 60 } }
    if (path === '/auth/sms-login') {
      if (call.data?.code !== '246810') return { statusCode: 401, data: { code: 'SMS_CODE_INVALID', message: '验证码不正确，请核对后重新输入' } }
      return LOGIN
    }
    if (path === '/auth/dev-login') return LOGIN
    if (path === '/me') return { statusCode: 200, data: ZHANG_WEI }
    throw new Error(`unexpected ${call.url}`)
  })
}

const phoneInput = () => screen.getByLabelText('手机号') as HTMLInputElement
const codeInput = () => screen.getByLabelText('验证码') as HTMLInputElement
const calls = (path: string) => requestMock.mock.calls.map((c) => c[0]).filter((c: { url: string }) => c.url === `/api/v1${path}`)
const click = (name: string | RegExp) =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name }))
  })

async function renderPage(params: Record<string, string> = {}): Promise<void> {
  setCurrentPage('/pages/login/index', params)
  render(<LoginPage />)
  await act(async () => undefined) // GET /health
}

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  serve()
})

afterEach(() => {
  jest.useRealTimers()
})

describe('登录 (H5)', () => {
  it('checks the phone number before asking for a code', async () => {
    await renderPage()
    fireEvent.change(phoneInput(), { target: { value: '1380000' } })
    await click('获取验证码')
    expect(screen.getByText('手机号应为11位数字')).toBeTruthy()
    expect(calls('/auth/sms-code')).toHaveLength(0)

    fireEvent.change(phoneInput(), { target: { value: '1380000000' } })
    expect(screen.queryByText('手机号应为11位数字')).toBeNull()
  })

  it('sends a code, counts down 60 s on the button, then offers a new one', async () => {
    jest.useFakeTimers()
    await renderPage()
    fireEvent.change(phoneInput(), { target: { value: '13912345678' } })
    await click('获取验证码')

    expect(calls('/auth/sms-code')[0]).toMatchObject({ method: 'POST', data: { phone: '13912345678' } })
    expect(screen.getByText('验证码已发送至 139****5678，5分钟内有效')).toBeTruthy()
    const button = screen.getByRole('button', { name: '60秒后可重新获取' })
    expect(button.hasAttribute('disabled')).toBe(true)

    await act(async () => {
      jest.advanceTimersByTime(1000)
    })
    expect(screen.getByRole('button', { name: '59秒后可重新获取' })).toBeTruthy()
    for (let i = 0; i < 59; i++) {
      await act(async () => {
        jest.advanceTimersByTime(1000)
      })
    }
    expect(screen.getByRole('button', { name: '重新获取验证码' }).hasAttribute('disabled')).toBe(false)
  })

  it('logs in with phone and code, loads the profile and returns to the tab it came from', async () => {
    await renderPage({ redirect: encodeURIComponent('/pages/mine/index') })
    fireEvent.change(phoneInput(), { target: { value: '13800000001' } })
    await click('获取验证码')
    fireEvent.change(codeInput(), { target: { value: '246810' } })
    await click('登录')

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }))
    expect(calls('/auth/sms-login')[0]).toMatchObject({ method: 'POST', data: { phone: '13800000001', code: '246810' } })
    expect(getSession()).toMatchObject({ accessToken: 'a1', me: { name: '张伟' } })
  })

  it('asks for the six digits before sending them', async () => {
    await renderPage()
    fireEvent.change(phoneInput(), { target: { value: '13800000001' } })
    await click('登录')
    expect(screen.getByText('请输入短信验证码')).toBeTruthy()
    fireEvent.change(codeInput(), { target: { value: '1234' } })
    await click('登录')
    expect(screen.getByText('验证码应为6位数字')).toBeTruthy()
    expect(calls('/auth/sms-login')).toHaveLength(0)
  })

  it.each([
    ['SMS_CODE_INVALID', 401, '验证码不正确，请核对后重新输入'],
    ['SMS_CODE_EXPIRED', 401, '验证码已失效，请重新获取'],
  ])('shows %s under the code', async (code, status, text) => {
    serve({ over: { '/auth/sms-login': () => ({ statusCode: status, data: { code, message: 'x' } }) } })
    await renderPage()
    fireEvent.change(phoneInput(), { target: { value: '13800000001' } })
    fireEvent.change(codeInput(), { target: { value: '111111' } })
    await click('登录')
    expect(await screen.findByText(text)).toBeTruthy()
    expect(getSession()).toBeNull()
  })

  it('says plainly when a new code is asked for too soon, or SMS is not set up, or sending failed', async () => {
    serve({ over: { '/auth/sms-code': () => ({ statusCode: 429, data: { code: 'TOO_MANY_REQUESTS', message: '验证码已发送，请60秒后再重新获取' } }) } })
    await renderPage()
    fireEvent.change(phoneInput(), { target: { value: '13800000001' } })
    await click('获取验证码')
    expect(await screen.findByText('验证码已发送，请60秒后再重新获取')).toBeTruthy()

    serve({ over: { '/auth/sms-code': () => ({ statusCode: 503, data: { code: 'SMS_NOT_CONFIGURED', message: 'x' } }) } })
    await click('获取验证码')
    expect(await screen.findByText('短信登录暂未开通，请使用其他方式登录或联系工会')).toBeTruthy()

    serve({ over: { '/auth/sms-code': () => ({ statusCode: 502, data: { code: 'SMS_SEND_FAILED', message: 'x' } }) } })
    await click('获取验证码')
    expect(showToastMock).toHaveBeenCalledWith(expect.objectContaining({ title: '短信发送失败，请稍后重试' }))
  })

  it('offers the demo accounts only when the BFF runs the demo', async () => {
    await renderPage()
    expect(calls('/health')).toHaveLength(1)
    expect(screen.queryByText('演示账号')).toBeNull()
    expect(screen.queryByRole('button', { name: '演示账号 138****0001' })).toBeNull()
  })

  it('logs in with a demo account in the demo', async () => {
    serve({ demo: true })
    await renderPage({ redirect: encodeURIComponent('/pages/mine/index') })
    await click('演示账号 138****0001')

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }))
    expect(calls('/auth/dev-login')[0]).toMatchObject({ method: 'POST', data: { phone: '13800000001' } })
    expect(getSession()).toMatchObject({ accessToken: 'a1', me: { name: '张伟' } })
  })

  it('goes back to the page underneath when that is where the person was', async () => {
    serve({ demo: true })
    const target = '/packages/claims/pages/detail/index?id=c1'
    setCurrentPage('/pages/login/index', { redirect: encodeURIComponent(target) }, [
      { route: 'pages/index/index' },
      { route: 'packages/claims/pages/detail/index', options: { id: 'c1' } },
      { route: 'pages/login/index' }
    ])
    render(<LoginPage />)
    await act(async () => undefined)
    await click('演示账号 138****0001')
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('opens the remembered page when it is no longer underneath', async () => {
    const target = '/packages/claims/pages/detail/index?id=c1'
    setCurrentPage('/pages/login/index', { redirect: encodeURIComponent(target) }, [{ route: 'pages/index/index' }, { route: 'pages/login/index' }])
    render(<LoginPage />)
    await act(async () => undefined)
    fireEvent.change(phoneInput(), { target: { value: '13800000001' } })
    fireEvent.change(codeInput(), { target: { value: '246810' } })
    await click('登录')
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: target }))
  })
})
