import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MeResponse } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { loginAs, serve } from '../../../test/fixtures'
import { clearSession, reloadSession } from '@/store/session'
import VerifyCardPage from './pages/verify/index'

const OFFICER: MeResponse = { id: 'u2', name: '王芳', phoneMasked: '138****0002', roles: ['officer'], staffOrg: { id: 'o1', name: '示范基层工会' }, membership: null }
const LINK = 'https://uh.example.cn/#/packages/membership/pages/card/index?token=good.token'

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  loginAs(OFFICER)
  setCurrentPage('/packages/membership/pages/verify/index')
})

describe('核验会员卡 (officer, venue staff; H5)', () => {
  function serveVerify() {
    return serve({
      'POST /cards/verify': (c) => {
        if (c.data.token === 'good.token') return { valid: true, memberNo: 'M330602000001', nameMasked: '张*', orgName: '示范基层工会', status: 'active' }
        if (c.data.token === 'old.token') return { valid: false, reason: 'EXPIRED', message: '二维码已过期，请会员刷新会员卡后重新出示' }
        if (c.data.token === 'left.token') return { valid: false, reason: 'INVALID', message: '该会员卡已失效（会员已退会或已转会）' }
        return { valid: false, reason: 'INVALID', message: '不是有效的会员卡二维码' }
      }
    })
  }
  const check = (text: string) => {
    fireEvent.change(screen.getByLabelText('会员卡二维码内容'), { target: { value: text } })
    fireEvent.click(screen.getByText('核验'))
  }

  it('says in large words that the pasted card is valid, whose it is and of which union', async () => {
    const calls = serveVerify()
    render(<VerifyCardPage />)
    expect(screen.getByText('在浏览器中无法扫码：请粘贴会员卡二维码的内容')).toBeTruthy()
    check(` ${LINK} `)
    expect(await screen.findByText('有效会员')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toContain('张*')
    expect(screen.getByText('会员编号 M330602000001')).toBeTruthy()
    expect(screen.getByText('所在工会 示范基层工会')).toBeTruthy()
    expect(screen.getByText('会籍状态 正常')).toBeTruthy()
    // The token inside the card link is what goes to the BFF, and the field is cleared for the next card.
    expect(calls.map((c) => c.data)).toEqual([{ token: 'good.token' }])
    expect((screen.getByLabelText('会员卡二维码内容') as HTMLInputElement).value).toBe('')
    expect(Taro.scanCode).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('核验下一张'))
    expect(screen.queryByText('有效会员')).toBeNull()
  })

  it('explains an expired QR, a card that has ended and something that is no card at all', async () => {
    serveVerify()
    render(<VerifyCardPage />)
    check('old.token')
    expect(await screen.findByText('二维码已过期')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('请职工在手机上刷新会员卡后再出示')

    check('left.token')
    expect(await screen.findByText('该会员卡已失效（会员已退会或已转会）')).toBeTruthy()
    expect(screen.getByText('不是有效的会员卡')).toBeTruthy()

    check('hello')
    expect(await screen.findByText('不是有效的会员卡二维码')).toBeTruthy()
  })

  it('asks for a code before sending anything, and says so when the check itself failed', async () => {
    const calls = serve({ 'POST /cards/verify': () => ({ statusCode: 403, data: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } }) })
    render(<VerifyCardPage />)
    fireEvent.click(screen.getByText('核验'))
    expect(await screen.findByText('请先扫描或粘贴会员卡二维码')).toBeTruthy()
    expect(calls).toHaveLength(0)

    check('good.token')
    expect(await screen.findByText('未能核验')).toBeTruthy()
    expect(screen.getByText('您没有权限进行此操作')).toBeTruthy()
  })

  it('sends a visitor who is not logged in to log in first', async () => {
    clearSession()
    render(<VerifyCardPage />)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect((Taro.redirectTo as unknown as jest.Mock).mock.calls[0][0].url).toContain('/pages/login/index')
  })
})
