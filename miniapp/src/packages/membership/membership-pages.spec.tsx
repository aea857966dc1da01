import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import {
  ID_NUMBER_CONSENT,
  MEMBERSHIP_NOTICE,
  idNumberCheckChar,
  type ApplicationResponse,
  type CardResponse,
  type InvitePreviewResponse,
  type MeResponse
} from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { LI_NA, loginAs } from '../../../test/fixtures'
import { reloadSession } from '@/store/session'
import JoinPage from '@/pages/join/index'
import { fieldProblem, scanInvite } from '@/pages/join/join-form'
import { qrRows } from '@/components/qr-code'
import ApplicationsPage from './pages/applications/index'
import CardPage from './pages/card/index'
import { serve, type Call } from '../../../test/fixtures'

// The mock ScrollView drops Taro's scroll events: this one turns a click into "scrolled to the end".
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components')
  const { createElement } = jest.requireActual('react')
  return {
    ...actual,
    ScrollView: (props: { children?: unknown; onScrollToLower?: () => void; 'aria-label'?: string }) =>
      createElement('div', { role: 'region', 'aria-label': props['aria-label'], onClick: () => props.onScrollToLower?.() }, props.children)
  }
})

const requestMock = Taro.request as unknown as jest.Mock
const TOKEN = 'ABCDEFGHJKMNPQRSTVWX'
const LINA_ID = ((first17: string) => first17 + idNumberCheckChar(first17))('33060219960808221')


const PREVIEW: InvitePreviewResponse = {
  org: { id: 'org-1', name: '示范基层工会' },
  notice: MEMBERSHIP_NOTICE,
  idNumberConsent: ID_NUMBER_CONSENT,
  expiresAt: '2026-11-29T10:00:00+08:00'
}

const labelled = (label: string) => new RegExp(`^${label}\\s*\\*?$`)
const typeInto = (label: string, value: string) => fireEvent.change(screen.getByRole('textbox', { name: labelled(label) }), { target: { value } })
const blurField = (label: string) => fireEvent.blur(screen.getByRole('textbox', { name: labelled(label) }))

beforeEach(() => {
  resetTaroMock()
  reloadSession()
})

describe('join page (扫码入会)', () => {
  function fillValidForm() {
    typeInto('姓名', '李娜')
    typeInto('身份证号码', LINA_ID)
    typeInto('手机号码', '13800000007')
    typeInto('工作单位', '美团外卖越城站')
    fireEvent.click(within(screen.getByRole('radiogroup', { name: '职业' })).getByRole('radio', { name: '外卖员' }))
  }

  it('opens the invite of the scanned code: union name, notice and the separate ID-number consent', async () => {
    setCurrentPage('/pages/join/index', { scene: TOKEN.toLowerCase() })
    const calls = serve({ [`GET /invites/${TOKEN}`]: () => PREVIEW })
    render(<JoinPage />)
    expect(await screen.findByText('示范基层工会')).toBeTruthy()
    expect(screen.getByRole('region', { name: '会员权利义务告知' }).textContent).toContain('会员的义务')
    expect(screen.getByText(/保存期限：在您的会籍存续期间保存/)).toBeTruthy()
    expect(calls[0].header.Authorization).toBeUndefined() // the preview needs no login
  })

  it('reads a URL-encoded WeChat scene as well', async () => {
    setCurrentPage('/pages/join/index', { scene: encodeURIComponent(`scene=${TOKEN}`) })
    serve({ [`GET /invites/${TOKEN}`]: () => PREVIEW })
    render(<JoinPage />)
    expect(await screen.findByText('示范基层工会')).toBeTruthy()
  })

  it('shows field problems inline, in Chinese, as the worker types', async () => {
    setCurrentPage('/pages/join/index', { scene: TOKEN })
    serve({ [`GET /invites/${TOKEN}`]: () => PREVIEW })
    render(<JoinPage />)
    await screen.findByText('示范基层工会')

    typeInto('身份证号码', '330602')
    expect(screen.queryByText(/身份证号码/, { selector: '.uh-field__error' })).toBeNull() // unfinished: quiet
    typeInto('身份证号码', '3306a')
    expect(screen.getByText('身份证号码只能包含数字，最后一位可以是X')).toBeTruthy()
    typeInto('身份证号码', LINA_ID.slice(0, 17) + (LINA_ID[17] === '0' ? '1' : '0'))
    expect(screen.getByText('身份证号码校验位不正确，请核对')).toBeTruthy()
    typeInto('身份证号码', LINA_ID)
    expect(screen.queryByText('身份证号码校验位不正确，请核对')).toBeNull()

    typeInto('姓名', '李娜2')
    expect(screen.getByText('姓名只能包含汉字或字母')).toBeTruthy()
    typeInto('手机号码', '138')
    expect(screen.queryByText('手机号码应为11位数字')).toBeNull()
    blurField('手机号码')
    expect(screen.getByText('手机号码应为11位数字')).toBeTruthy()
  })

  it('the notice can be accepted only after it was scrolled to the end; both agreements are required', async () => {
    setCurrentPage('/pages/join/index', { scene: TOKEN })
    loginAs(LI_NA)
    serve({ [`GET /invites/${TOKEN}`]: () => PREVIEW })
    render(<JoinPage />)
    await screen.findByText('示范基层工会')
    fillValidForm()

    const accept = screen.getByRole('checkbox', { name: /我已阅读并同意/ })
    expect(accept.getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(accept)
    expect(accept.getAttribute('aria-checked')).toBe('false')
    expect((Taro.showToast as jest.Mock).mock.calls[0][0].title).toBe('请先读完会员权利义务告知')

    fireEvent.click(screen.getByRole('button', { name: '提交入会申请' }))
    expect(await screen.findByText('请读完并同意《会员权利义务告知》')).toBeTruthy()

    fireEvent.click(screen.getByRole('region', { name: '会员权利义务告知' }))
    expect(screen.getByText('已读完全文')).toBeTruthy()
    fireEvent.click(accept)
    expect(accept.getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByRole('button', { name: '提交入会申请' }))
    expect(await screen.findByText('请同意身份证号码处理说明')).toBeTruthy()
    expect(requestMock.mock.calls.filter(([c]) => c.method === 'POST')).toHaveLength(0)
  })

  it('submits once with the notice version, the consent and an Idempotency-Key, then says what happens next', async () => {
    setCurrentPage('/pages/join/index', { scene: TOKEN })
    loginAs(LI_NA)
    const calls = serve({
      [`GET /invites/${TOKEN}`]: () => PREVIEW,
      'POST /membership-applications': () => ({ statusCode: 201, data: { id: 'a1', status: 'pending', kind: 'join', orgName: '示范基层工会', memberNo: null } })
    })
    render(<JoinPage />)
    await screen.findByText('示范基层工会')
    expect((screen.getByRole('textbox', { name: labelled('姓名') }) as HTMLInputElement).value).toBe('李娜') // from the profile
    fillValidForm()
    fireEvent.click(screen.getByRole('region', { name: '会员权利义务告知' }))
    fireEvent.click(screen.getByRole('checkbox', { name: /我已阅读并同意/ }))
    fireEvent.click(screen.getByRole('checkbox', { name: /我同意工会/ }))
    fireEvent.click(screen.getByRole('button', { name: '提交入会申请' }))

    expect(await screen.findByText('入会申请已提交')).toBeTruthy()
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.data).toEqual({
      inviteToken: TOKEN,
      name: '李娜',
      idNumber: LINA_ID,
      phone: '13800000007',
      employer: '美团外卖越城站',
      jobType: '外卖员',
      noticeVersion: MEMBERSHIP_NOTICE.version,
      consent: true
    })
    expect(post.header['Idempotency-Key']).toBeTruthy()
  })

  it('puts identity refusals of the BFF under the ID number field', async () => {
    setCurrentPage('/pages/join/index', { scene: TOKEN })
    loginAs(LI_NA)
    serve({
      [`GET /invites/${TOKEN}`]: () => PREVIEW,
      'POST /membership-applications': () => ({
        statusCode: 409,
        data: { code: 'ID_NUMBER_IN_USE', message: '该身份证号码已绑定其他账号，如有疑问请联系工会', fields: { idNumber: '该身份证号码已绑定其他账号，如有疑问请联系工会' } }
      })
    })
    render(<JoinPage />)
    await screen.findByText('示范基层工会')
    fillValidForm()
    fireEvent.click(screen.getByRole('region', { name: '会员权利义务告知' }))
    fireEvent.click(screen.getByRole('checkbox', { name: /我已阅读并同意/ }))
    fireEvent.click(screen.getByRole('checkbox', { name: /我同意工会/ }))
    fireEvent.click(screen.getByRole('button', { name: '提交入会申请' }))
    const error = await screen.findByText('该身份证号码已绑定其他账号，如有疑问请联系工会', { selector: '.uh-field__error' })
    expect(error).toBeTruthy()
  })

  it('knows the worker’s membership: already a member here → says so at once; member elsewhere → a transfer', async () => {
    const ZHANG: MeResponse = { ...LI_NA, id: 'u1', name: '张伟', membership: { memberNo: 'M1', orgId: 'org-1', orgName: '示范基层工会', status: 'active', joinedAt: '2024-01-01' } }
    setCurrentPage('/pages/join/index', { scene: TOKEN })
    loginAs(ZHANG)
    serve({ [`GET /invites/${TOKEN}`]: () => PREVIEW })
    const { unmount } = render(<JoinPage />)
    expect(await screen.findByText('您已经是本工会会员')).toBeTruthy()
    unmount()

    loginAs({ ...ZHANG, membership: { ...ZHANG.membership!, orgId: 'org-2', orgName: '顺达快递基层工会' } })
    render(<JoinPage />)
    expect(await screen.findByText(/您目前是顺达快递基层工会会员。本次申请将按转会办理/)).toBeTruthy()
  })

  it('an expired code says so and offers to enter another', async () => {
    setCurrentPage('/pages/join/index', { scene: TOKEN })
    serve({ [`GET /invites/${TOKEN}`]: () => ({ statusCode: 410, data: { code: 'INVITE_EXPIRED', message: '入会二维码已过期' } }) })
    render(<JoinPage />)
    expect(await screen.findByText('入会二维码已过期，请向工会干部索取新的二维码')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '重新输入入会码' }))
    expect(screen.getByRole('textbox', { name: labelled('入会码或入会链接') })).toBeTruthy()
  })

  it('in H5 (no scanner) the worker types or pastes the code instead', async () => {
    setCurrentPage('/pages/join/index', { scan: '1' })
    serve({ [`GET /invites/${TOKEN}`]: () => PREVIEW })
    render(<JoinPage />)
    expect(screen.queryByRole('button', { name: '扫一扫工会二维码' })).toBeNull()
    expect(Taro.scanCode).not.toHaveBeenCalled()
    typeInto('入会码或入会链接', 'not a code')
    fireEvent.click(screen.getByRole('button', { name: '下一步' }))
    expect(screen.getByText(/入会码不正确/)).toBeTruthy()
    typeInto('入会码或入会链接', `https://union.example.cn/#/pages/join/index?scene=${TOKEN}`)
    fireEvent.click(screen.getByRole('button', { name: '下一步' }))
    expect(await screen.findByText('示范基层工会')).toBeTruthy()
  })
})

describe('join form helpers', () => {
  it('phone: quiet while digits are still being typed, strict on leaving the field', () => {
    expect(fieldProblem('phone', '138', '2026-11-22', true)).toBeNull()
    expect(fieldProblem('phone', '138', '2026-11-22', false)).toBe('手机号码应为11位数字')
    expect(fieldProblem('phone', '13a', '2026-11-22', true)).toBe('手机号码应为11位数字')
  })

  it('scanning: H5’s fake success, a mini-program code, a plain QR link, a foreign code, a cancel', async () => {
    const scan = Taro.scanCode as unknown as jest.Mock
    scan.mockResolvedValueOnce({ errMsg: 'scanCode:fail 扫码功能只能在微信中使用', result: '' })
    expect(await scanInvite()).toEqual({ problem: '当前环境无法扫码，请输入入会码' })
    scan.mockResolvedValueOnce({ errMsg: 'scanCode:ok', result: '', path: `pages/join/index?scene=${TOKEN}` })
    expect(await scanInvite()).toEqual({ token: TOKEN })
    scan.mockResolvedValueOnce({ errMsg: 'scanCode:ok', result: `http://127.0.0.1:3000/#/pages/join/index?scene=${TOKEN}` })
    expect(await scanInvite()).toEqual({ token: TOKEN })
    scan.mockResolvedValueOnce({ errMsg: 'scanCode:ok', result: '', path: 'packages/venues/pages/index/index?v=1' })
    expect(await scanInvite()).toEqual({ path: '/packages/venues/pages/index/index?v=1' })
    scan.mockResolvedValueOnce({ errMsg: 'scanCode:ok', result: 'https://example.com/' })
    expect(await scanInvite()).toEqual({ problem: '这不是工会的入会二维码' })
    scan.mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' })
    expect(await scanInvite()).toBeNull()
  })
})

describe('QR code drawn with views', () => {
  it('has one row per module, each row spanning the full width, with the finder patterns in the corners', () => {
    const rows = qrRows('3f0c9e2a-1111-4a4a-9b9b-123456789abc.t3k9z0.AbCdEfGh.abcdefghijklmnopqrstuv')
    const size = rows.length
    expect(size).toBeGreaterThanOrEqual(21)
    expect((size - 17) % 4).toBe(0) // QR sizes are 17 + 4 × version
    for (const row of rows) expect(row.reduce((n, r) => n + r.length, 0)).toBe(size)
    // Top-left finder: a row of 7 dark modules, then a light separator.
    expect(rows[0][0]).toEqual({ dark: true, length: 7 })
    expect(rows[0][1]).toMatchObject({ dark: false })
    expect(rows[0][rows[0].length - 1]).toEqual({ dark: true, length: 7 })
  })
})

describe('card page (会员卡)', () => {
  const CARD = (token: string): CardResponse => ({
    memberNo: 'M330602000006',
    name: '李娜',
    orgName: '示范基层工会',
    joinedAt: '2026-11-22',
    status: 'active',
    qr: { token, expiresAt: '2026-11-22T10:01:00Z' }
  })

  afterEach(() => jest.useRealTimers())

  it('shows the card and a QR, and fetches a new code every 30 seconds while open', async () => {
    jest.useFakeTimers()
    loginAs(LI_NA)
    let n = 0
    const calls = serve({ 'GET /me/card': () => CARD(`token-${++n}`) })
    render(<CardPage />)
    await act(async () => {
      await Promise.resolve()
    })
    expect(screen.getByText('M330602000006')).toBeTruthy()
    expect(screen.getByText('李娜')).toBeTruthy()
    expect(screen.getByText('正常')).toBeTruthy()
    expect(screen.getByRole('img', { name: '会员卡二维码' })).toBeTruthy()
    expect(calls).toHaveLength(1)

    await act(async () => {
      jest.advanceTimersByTime(29_000)
    })
    expect(calls).toHaveLength(1)
    expect(screen.getByText(/1 秒后自动刷新/)).toBeTruthy()
    await act(async () => {
      jest.advanceTimersByTime(1_000)
      await Promise.resolve()
    })
    expect(calls).toHaveLength(2)
  })

  it('a code that could not be refreshed for a minute shows as expired', async () => {
    jest.useFakeTimers()
    loginAs(LI_NA)
    let first = true
    serve({
      'GET /me/card': () => {
        if (first) {
          first = false
          return CARD('token-1')
        }
        throw new Error('offline')
      }
    })
    render(<CardPage />)
    await act(async () => {
      await Promise.resolve()
    })
    await act(async () => {
      jest.advanceTimersByTime(61_000)
      await Promise.resolve()
    })
    expect(screen.getByText('网络不好，二维码已过期，点这里重试')).toBeTruthy()
  })

  it('a non-member with a pending application is told it is under review', async () => {
    loginAs(LI_NA)
    const pending: ApplicationResponse = {
      id: 'a1',
      orgId: 'org-1',
      orgName: '示范基层工会',
      kind: 'join',
      status: 'pending',
      name: '李娜',
      idNumberMasked: '3306**********2212',
      phoneMasked: '138****0007',
      employer: '美团',
      jobType: '外卖员',
      fromOrgName: null,
      memberNo: null,
      rejectReason: null,
      createdAt: '2026-11-22T10:00:00Z',
      decidedAt: null
    }
    serve({
      'GET /me/card': () => ({ statusCode: 404, data: { code: 'NOT_A_MEMBER', message: '您还不是工会会员' } }),
      'GET /me/membership-applications': () => ({ data: [pending], total: 1, page: 1, limit: 1 })
    })
    render(<CardPage />)
    expect(await screen.findByText(/您申请加入示范基层工会，正在待审核/)).toBeTruthy()
  })

  it('the applicant withdraws a pending application after a confirmation, and is then offered 扫码入会', async () => {
    loginAs(LI_NA)
    const pending: ApplicationResponse = {
      id: 'a1',
      orgId: 'org-1',
      orgName: '示范基层工会',
      kind: 'join',
      status: 'pending',
      name: '李娜',
      idNumberMasked: '3306**********2212',
      phoneMasked: '138****0007',
      employer: '美团',
      jobType: '外卖员',
      fromOrgName: null,
      memberNo: null,
      rejectReason: null,
      createdAt: '2026-11-22T10:00:00Z',
      decidedAt: null
    }
    let current = pending
    const calls = serve({
      'GET /me/card': () => ({ statusCode: 404, data: { code: 'NOT_A_MEMBER', message: '您还不是工会会员' } }),
      'GET /me/membership-applications': () => ({ data: [current], total: 1, page: 1, limit: 1 }),
      'POST /membership-applications/a1/withdraw': () => {
        current = { ...pending, status: 'withdrawn', idNumberMasked: '' }
        return { status: 'withdrawn' }
      }
    })
    render(<CardPage />)
    // Cancelled: nothing is sent.
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(await screen.findByRole('button', { name: '撤回申请' }))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.click(screen.getByRole('button', { name: '撤回申请' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/membership-applications/a1/withdraw'))).toBe(true))
    expect((Taro.showModal as jest.Mock).mock.calls[1][0].content).toMatch(/身份证号码将被删除/)
    expect(await screen.findByText(/您已撤回入会申请/)).toBeTruthy()
    expect(screen.getByRole('button', { name: '扫码入会' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: '撤回申请' })).toBeNull()
  })

  it('a non-member without an application is offered 扫码入会', async () => {
    loginAs(LI_NA)
    serve({
      'GET /me/card': () => ({ statusCode: 404, data: { code: 'NOT_A_MEMBER', message: '您还不是工会会员' } }),
      'GET /me/membership-applications': () => ({ data: [], total: 0, page: 1, limit: 1 })
    })
    render(<CardPage />)
    fireEvent.click(await screen.findByRole('button', { name: '扫码入会' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/join/index?scan=1' })
  })
})

describe('applications page (入会审核)', () => {
  const OFFICER: MeResponse = { id: 'u2', name: '王芳', phoneMasked: '138****0002', roles: ['officer'], staffOrg: { id: 'org-1', name: '示范基层工会' }, membership: null }
  const APP: ApplicationResponse = {
    id: 'a1',
    orgId: 'org-1',
    orgName: '示范基层工会',
    kind: 'transfer',
    status: 'pending',
    name: '张伟',
    idNumberMasked: '3306**********1234',
    phoneMasked: '138****0001',
    employer: '示范物流有限公司',
    jobType: '快递员',
    fromOrgName: '顺达快递基层工会',
    memberNo: null,
    rejectReason: null,
    createdAt: '2026-11-22T10:00:00Z',
    decidedAt: null
  }

  function serveOfficer(extra: Record<string, (call: Call) => unknown> = {}) {
    return serve({
      'GET /orgs/org-1/membership-applications': () => ({ data: [APP], total: 1, page: 1, limit: 20 }),
      'GET /orgs/org-1/membership-settings': () => ({ autoApprove: false }),
      ...extra
    })
  }

  it('lists pending applications masked, and approves one after a confirmation naming the transfer', async () => {
    loginAs(OFFICER)
    const calls = serveOfficer({ 'POST /membership-applications/a1/approve': () => ({ status: 'approved', memberNo: 'M330602000009' }) })
    render(<ApplicationsPage />)
    const item = await screen.findByLabelText('张伟的转会申请')
    expect(within(item).getByText('身份证 3306**********1234')).toBeTruthy()
    expect(within(item).getByText('从 顺达快递基层工会 转入')).toBeTruthy()
    fireEvent.click(within(item).getByRole('button', { name: '通过' }))
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/approve'))).toBe(true))
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).toMatch(/原会籍结束/)
    await waitFor(() => expect(screen.queryByLabelText('张伟的转会申请')).toBeNull())
  })

  it('does not approve when the officer cancels the confirmation', async () => {
    loginAs(OFFICER)
    const calls = serveOfficer()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<ApplicationsPage />)
    const item = await screen.findByLabelText('张伟的转会申请')
    fireEvent.click(within(item).getByRole('button', { name: '通过' }))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('a rejection needs a reason, which is sent', async () => {
    loginAs(OFFICER)
    const calls = serveOfficer({ 'POST /membership-applications/a1/reject': () => ({ status: 'rejected' }) })
    render(<ApplicationsPage />)
    const item = await screen.findByLabelText('张伟的转会申请')
    fireEvent.click(within(item).getByRole('button', { name: '驳回' }))
    fireEvent.click(within(item).getByRole('button', { name: '确认驳回' }))
    expect(within(item).getByText('请填写驳回原因，申请人会看到')).toBeTruthy()
    fireEvent.change(within(item).getByLabelText('驳回原因'), { target: { value: '不是本单位职工' } })
    fireEvent.click(within(item).getByRole('button', { name: '确认驳回' }))
    await waitFor(() => expect(calls.find((c) => c.url.endsWith('/reject'))?.data).toEqual({ reason: '不是本单位职工' }))
  })

  it('warns the officer of an ID number held by another account (approval off) or given by several applicants', async () => {
    loginAs(OFFICER)
    const held: ApplicationResponse = { ...APP, id: 'a2', name: '冒用者', kind: 'join', fromOrgName: null, idNumberCheck: { heldByOtherAccount: true, phoneMatchesHolder: false, otherPendingApplications: 0 } }
    const contested: ApplicationResponse = { ...APP, id: 'a3', name: '钱一', kind: 'join', fromOrgName: null, idNumberCheck: { heldByOtherAccount: false, phoneMatchesHolder: null, otherPendingApplications: 1 } }
    const plain: ApplicationResponse = { ...APP, idNumberCheck: { heldByOtherAccount: false, phoneMatchesHolder: null, otherPendingApplications: 0 } }
    serveOfficer({ 'GET /orgs/org-1/membership-applications': () => ({ data: [held, contested, plain], total: 3, page: 1, limit: 20 }) })
    render(<ApplicationsPage />)
    const heldItem = await screen.findByLabelText('冒用者的入会申请')
    expect(within(heldItem).getByRole('alert').textContent).toMatch(/已登记在另一个账号上.*手机号与该账号的手机号不一致/)
    expect(within(heldItem).getByRole('button', { name: '通过' }).hasAttribute('disabled')).toBe(true)
    const contestedItem = screen.getByLabelText('钱一的入会申请')
    expect(within(contestedItem).getByRole('alert').textContent).toMatch(/另有1份待审核的申请填写了同一身份证号码/)
    expect(within(contestedItem).getByRole('button', { name: '通过' }).hasAttribute('disabled')).toBe(false)
    expect(within(screen.getByLabelText('张伟的转会申请')).queryByRole('alert')).toBeNull()
  })

  it('someone who is no officer is told so', async () => {
    loginAs(LI_NA)
    render(<ApplicationsPage />)
    expect(await screen.findByText('这里是基层工会干部的工作页面，您的账号没有干部身份')).toBeTruthy()
  })
})
