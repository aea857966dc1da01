import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { ZHANG_WEI } from '../../../test/fixtures'
import { getSession, reloadSession } from '@/store/session'
import LoginPage from './index'

const requestMock = Taro.request as unknown as jest.Mock

function serveLogin(): void {
  requestMock.mockImplementation(async (call: { url: string; data?: { phone?: string } }) => {
    if (call.url === '/api/v1/auth/dev-login') {
      if (call.data?.phone !== '13800000001') return { statusCode: 404, data: { code: 'USER_NOT_FOUND', message: '用户不存在' } }
      return { statusCode: 200, data: { accessToken: 'a1', refreshToken: 'r1', user: { id: 'u1', roles: ['member'] } } }
    }
    if (call.url === '/api/v1/me') return { statusCode: 200, data: ZHANG_WEI }
    throw new Error(`unexpected ${call.url}`)
  })
}

const phoneInput = () => screen.getByLabelText('手机号') as HTMLInputElement

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  serveLogin()
})

describe('登录 (H5)', () => {
  it('checks the phone number before sending anything', () => {
    setCurrentPage('/pages/login/index')
    render(<LoginPage />)

    fireEvent.change(phoneInput(), { target: { value: '1380000' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))

    expect(screen.getByText('手机号应为11位数字')).toBeTruthy()
    expect(requestMock).not.toHaveBeenCalled()

    fireEvent.change(phoneInput(), { target: { value: '1380000000' } })
    expect(screen.queryByText('手机号应为11位数字')).toBeNull()
  })

  it('shows an unknown number inline', async () => {
    setCurrentPage('/pages/login/index')
    render(<LoginPage />)
    fireEvent.change(phoneInput(), { target: { value: '13912345678' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '登录' }))
    })
    expect(await screen.findByText('该手机号尚未注册，请核对')).toBeTruthy()
    expect(getSession()).toBeNull()
  })

  it('logs in with a demo account, loads the profile and returns to the tab it came from', async () => {
    setCurrentPage('/pages/login/index', { redirect: encodeURIComponent('/pages/mine/index') })
    render(<LoginPage />)

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '演示账号 138****0001' }))
    })

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }))
    expect(requestMock.mock.calls[0][0]).toMatchObject({ url: '/api/v1/auth/dev-login', method: 'POST', data: { phone: '13800000001' } })
    expect(getSession()).toMatchObject({ accessToken: 'a1', me: { name: '张伟' } })
  })

  it('goes back to the page underneath when that is where the person was', async () => {
    const target = '/packages/claims/pages/detail/index?id=c1'
    setCurrentPage('/pages/login/index', { redirect: encodeURIComponent(target) }, [
      { route: 'pages/index/index' },
      { route: 'packages/claims/pages/detail/index', options: { id: 'c1' } },
      { route: 'pages/login/index' }
    ])
    render(<LoginPage />)
    fireEvent.change(phoneInput(), { target: { value: '13800000001' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '登录' }))
    })
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('opens the remembered page when it is no longer underneath', async () => {
    const target = '/packages/claims/pages/detail/index?id=c1'
    setCurrentPage('/pages/login/index', { redirect: encodeURIComponent(target) }, [{ route: 'pages/index/index' }, { route: 'pages/login/index' }])
    render(<LoginPage />)
    fireEvent.change(phoneInput(), { target: { value: '13800000001' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '登录' }))
    })
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: target }))
  })
})
