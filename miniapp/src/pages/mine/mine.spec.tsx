import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MeResponse } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { LI_NA, ZHANG_WEI, loginAs } from '../../../test/fixtures'
import { reloadElderMode } from '@/store/elder'
import { getSession, reloadSession } from '@/store/session'
import MinePage from './index'

const requestMock = Taro.request as unknown as jest.Mock
const showModalMock = Taro.showModal as unknown as jest.Mock

function serveMe(me: MeResponse | (() => Promise<unknown>)): void {
  requestMock.mockImplementation(async (call: { url: string }) => {
    if (call.url === '/api/v1/auth/logout') return { statusCode: 204, data: '' }
    if (call.url !== '/api/v1/me') throw new Error(`unexpected ${call.url}`)
    if (typeof me === 'function') return me()
    return { statusCode: 200, data: me }
  })
}

/** Lets the /me reload that every show of the page starts finish inside act(). */
const flush = () => act(async () => undefined)

function pageRoot(container: HTMLElement): HTMLElement {
  return container.querySelector('.uh-page') as HTMLElement
}

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  reloadElderMode()
  setCurrentPage('/pages/mine/index')
})

describe('我的', () => {
  it('shows name, masked phone and membership from /me', async () => {
    loginAs(ZHANG_WEI, { cacheProfile: false })
    serveMe(ZHANG_WEI)

    render(<MinePage />)

    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('张伟')).toBeTruthy()
    expect(screen.getByText('138****0001')).toBeTruthy()
    expect(screen.getByText('示范基层工会')).toBeTruthy()
    expect(screen.getByText('M2026000001')).toBeTruthy()
    expect(screen.getByText('正常')).toBeTruthy()
    expect(screen.getByText('2024-03-01')).toBeTruthy()
    // The answer is cached for the next visit (and the greeting on 首页).
    expect(getSession()?.me?.name).toBe('张伟')
  })

  it('says so plainly when the person has not joined a union', async () => {
    loginAs(LI_NA, { cacheProfile: false })
    serveMe(LI_NA)

    render(<MinePage />)

    expect(await screen.findByText('尚未加入工会')).toBeTruthy()
    expect(screen.getByText('李娜')).toBeTruthy()
    expect(screen.queryByText('会员编号')).toBeNull()
  })

  it('offers 工作台 to staff only', async () => {
    const officer: MeResponse = { ...ZHANG_WEI, id: 'u2', name: '王芳', roles: ['officer'] }
    loginAs(officer)
    serveMe(officer)
    const { unmount } = render(<MinePage />)
    expect(await screen.findByText('工作台')).toBeTruthy()
    expect(screen.getByText('基层工会干部')).toBeTruthy()
    fireEvent.click(screen.getByText('工作台'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/pages/index/index' })
    await flush()
    unmount()

    loginAs(ZHANG_WEI)
    serveMe(ZHANG_WEI)
    render(<MinePage />)
    await screen.findByText('张伟')
    expect(screen.queryByText('工作台')).toBeNull()
  })

  it('shows the error with a retry when /me fails and nothing is cached', async () => {
    loginAs(ZHANG_WEI, { cacheProfile: false })
    serveMe(() => Promise.reject({ errMsg: 'request:fail' }))

    render(<MinePage />)

    expect(await screen.findByText('网络不太好，请稍后重试')).toBeTruthy()
    serveMe(ZHANG_WEI)
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('张伟')).toBeTruthy()
  })

  it('remembers 长辈模式 and enlarges the page', async () => {
    loginAs(ZHANG_WEI)
    serveMe(ZHANG_WEI)
    const { container, unmount } = render(<MinePage />)
    await screen.findByText('张伟')
    const toggle = screen.getByRole('switch', { name: '长辈模式' }) as HTMLInputElement
    expect(toggle.checked).toBe(false)
    expect(pageRoot(container).className).not.toContain('elder')

    fireEvent.click(toggle)

    expect(toggle.checked).toBe(true)
    expect(pageRoot(container).className.split(' ')).toContain('elder')
    expect(Taro.setStorageSync).toHaveBeenCalledWith('uh.elder', 'true')
    unmount()

    // A later visit (another start of the app) reads it back from storage.
    reloadElderMode()
    const again = render(<MinePage />)
    await flush()
    expect((screen.getByRole('switch', { name: '长辈模式' }) as HTMLInputElement).checked).toBe(true)
    expect(pageRoot(again.container).className.split(' ')).toContain('elder')
  })

  it('asks before logging out, and logs out only on confirm', async () => {
    loginAs(ZHANG_WEI)
    serveMe(ZHANG_WEI)
    render(<MinePage />)
    await screen.findByText('张伟')

    showModalMock.mockResolvedValueOnce({ confirm: false, cancel: true })
    await act(async () => {
      fireEvent.click(screen.getByText('退出登录'))
    })
    expect(showModalMock).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('确定要退出登录吗') }))
    expect(getSession()).not.toBeNull()

    showModalMock.mockResolvedValueOnce({ confirm: true, cancel: false })
    await act(async () => {
      fireEvent.click(screen.getByText('退出登录'))
    })
    await waitFor(() => expect(getSession()).toBeNull())
    expect(Taro.getStorageSync('uh.session')).toBe('')
    // The BFF voids the refresh token too, so a copied session cannot be renewed.
    expect(requestMock).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/v1/auth/logout', method: 'POST', data: { refreshToken: `refresh-${ZHANG_WEI.id}` } }))
    expect(screen.queryByText('张伟')).toBeNull()
    expect(screen.getByText('您还没有登录，登录后可查看会员信息')).toBeTruthy()
  })

  it('invites a logged-out person to log in and keeps 长辈模式 available', () => {
    render(<MinePage />)
    expect(screen.getByRole('switch', { name: '长辈模式' })).toBeTruthy()
    fireEvent.click(screen.getByText('去登录'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${encodeURIComponent('/pages/mine/index')}` })
    expect(requestMock).not.toHaveBeenCalled()
  })
})
