import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { MeResponse, OrgResponse, Paged, StaffGrantResponse } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { loginAs, serve, type Call } from '../../../test/fixtures'
import { reloadSession } from '@/store/session'
import StaffPage from './pages/staff/index'
import StaffGrantPage from './pages/staff-grant/index'

const ADMIN: MeResponse = { id: 'u6', name: '孙强', phoneMasked: '138****0006', roles: ['admin'], staffOrg: null, membership: null }

const GRASSROOTS: OrgResponse = { id: 'org-g', code: 'DEMO-GRASSROOTS', name: '示范基层工会', type: 'grassroots', parentId: 'org-s', regionCode: '330602' }
const COURIER: OrgResponse = { id: 'org-c', code: 'DEMO-COURIER', name: '顺达快递基层工会', type: 'grassroots', parentId: 'org-i', regionCode: '330602' }
const PALACE: OrgResponse = { id: 'org-p', code: 'DEMO-PALACE', name: '示范工人文化宫', type: 'palace', parentId: 'org-city', regionCode: '330602' }

const GRANTS: StaffGrantResponse[] = [
  { id: 'g1', userId: 'u2', name: '王芳', phoneMasked: '138****0002', role: 'officer', orgId: 'org-g', orgName: '示范基层工会' },
  { id: 'g2', userId: 'u3', name: '陈静', phoneMasked: '138****0003', role: 'claim_reviewer' },
  { id: 'g3', userId: 'u9', name: '', phoneMasked: '139****0009', role: 'claim_reviewer' },
  { id: 'g4', userId: 'u4', name: '刘洋', phoneMasked: '138****0004', role: 'venue_staff', orgId: 'org-p', orgName: '示范工人文化宫' },
  { id: 'g6', userId: 'u6', name: '孙强', phoneMasked: '138****0006', role: 'admin' }
]

const page = (data: StaffGrantResponse[], total = data.length, p = 1, limit = 20): Paged<StaffGrantResponse> => ({ data, total, page: p, limit })
const query = (call: Call) => Object.fromEntries(new URLSearchParams(call.url.split('?')[1] ?? ''))
const staffCalls = (calls: Call[]) => calls.filter((c) => c.url.includes('/admin/staff') && (c.method ?? 'GET') === 'GET')
const modal = () => Taro.showModal as unknown as jest.Mock
const toast = () => Taro.showToast as unknown as jest.Mock
const labelled = (label: string) => new RegExp(`^${label}\\*?$`)

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  loginAs(ADMIN)
})

describe('人员与权限 (staff list)', () => {
  beforeEach(() => setCurrentPage('/packages/admin/pages/staff/index'))

  it('shows the grants grouped by role with name, masked phone and organisation', async () => {
    serve({ 'GET /admin/staff': () => page(GRANTS) })
    render(<StaffPage />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    await screen.findByText('王芳')
    const headings = screen.getAllByText(/^(基层工会干部|互助理赔审核员|场馆工作人员|管理员)$/, { selector: '.sf-group__title' }).map((h) => h.textContent)
    expect(headings).toEqual(['基层工会干部', '互助理赔审核员', '场馆工作人员', '管理员'])
    expect(screen.getByText('138****0002 · 示范基层工会')).toBeTruthy()
    expect(screen.getByText('未填姓名')).toBeTruthy()
    expect(screen.getByText('共 5 项权限')).toBeTruthy()
  })

  it('收回 asks first, naming the person and the role; confirmed, it revokes and reloads', async () => {
    let list = GRANTS
    const calls = serve({
      'GET /admin/staff': () => page(list),
      'DELETE /admin/staff/g1': () => {
        list = GRANTS.filter((g) => g.id !== 'g1')
        return { statusCode: 204, data: '' }
      }
    })
    render(<StaffPage />)
    await screen.findByText('王芳')

    modal().mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByRole('button', { name: '收回王芳的基层工会干部权限' }))
    await waitFor(() => expect(modal()).toHaveBeenCalledTimes(1))
    expect(modal().mock.calls[0][0]).toMatchObject({ title: '收回权限', confirmText: '收回' })
    expect(modal().mock.calls[0][0].content).toContain('王芳（138****0002）的“基层工会干部（示范基层工会）”权限')
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)

    fireEvent.click(screen.getByRole('button', { name: '收回王芳的基层工会干部权限' }))
    await waitFor(() => expect(screen.queryByText('王芳')).toBeNull())
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/api/v1/admin/staff/g1'])
    expect(toast()).toHaveBeenCalledWith(expect.objectContaining({ title: '已收回' }))
    expect(screen.getByText('共 4 项权限')).toBeTruthy()
  })

  it('the last admin: the refusal is shown and the list stays; one’s own admin role gets a warning', async () => {
    serve({
      'GET /admin/staff': () => page(GRANTS),
      'DELETE /admin/staff/g6': () => ({ statusCode: 409, data: { code: 'LAST_ADMIN', message: '这是最后一位管理员，不能收回；请先授予另一人管理员权限' } })
    })
    render(<StaffPage />)
    fireEvent.click(await screen.findByRole('button', { name: '收回孙强的管理员权限' }))
    await waitFor(() => expect(toast()).toHaveBeenCalledWith(expect.objectContaining({ title: '这是最后一位管理员，不能收回；请先授予另一人管理员权限' })))
    expect(modal().mock.calls[0][0].content).toContain('这是您自己的管理员权限')
    expect(screen.getByText('孙强')).toBeTruthy()
  })

  it('filters by role and by organisation; nothing found says so and offers the full list', async () => {
    const calls = serve({
      'GET /admin/staff': (c) => {
        const q = query(c)
        if (q.orgId) return page([])
        return page(q.role ? GRANTS.filter((g) => g.role === q.role) : GRANTS)
      },
      'GET /orgs': () => [GRASSROOTS, COURIER, PALACE]
    })
    render(<StaffPage />)
    await screen.findByText('王芳')
    fireEvent.click(screen.getByRole('radio', { name: '互助理赔审核员' }))
    await screen.findByText('陈静')
    expect(screen.queryByText('王芳')).toBeNull()
    expect(query(staffCalls(calls).at(-1)!)).toMatchObject({ role: 'claim_reviewer', page: '1' })
    expect(screen.getByRole('radio', { name: '互助理赔审核员' }).getAttribute('aria-checked')).toBe('true')

    fireEvent.click(screen.getByRole('button', { name: '选择组织' }))
    fireEvent.change(await screen.findByLabelText('组织', { selector: 'input' }), { target: { value: '顺达' } })
    expect(screen.queryByRole('radio', { name: '示范基层工会' })).toBeNull()
    fireEvent.click(screen.getByRole('radio', { name: '顺达快递基层工会' }))
    await screen.findByText('没有符合条件的人员')
    expect(query(staffCalls(calls).at(-1)!)).toMatchObject({ role: 'claim_reviewer', orgId: 'org-c' })
    expect(screen.getByText('含下级组织')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '看全部人员' }))
    await screen.findByText('王芳')
    expect(query(staffCalls(calls).at(-1)!)).toEqual({ page: '1', limit: '20' })
  })

  it('a failed load offers 重新加载; more than a page offers 加载更多', async () => {
    let fail = true
    const calls = serve({
      'GET /admin/staff': (c) => {
        if (fail) return { statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '系统开小差了，请稍后再试' } }
        return query(c).page === '2' ? page(GRANTS.slice(2), 5, 2, 2) : page(GRANTS.slice(0, 2), 5, 1, 2)
      }
    })
    render(<StaffPage />)
    await screen.findByText('系统开小差了，请稍后再试')
    fail = false
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
    await screen.findByText('王芳')
    fireEvent.click(screen.getByRole('button', { name: '加载更多（已显示 2 / 5）' }))
    await screen.findByText('刘洋')
    expect(query(staffCalls(calls).at(-1)!)).toMatchObject({ page: '2' })
    expect(screen.getByText('共 5 项权限')).toBeTruthy()
  })

  it('no grants at all: says so and leads to 授予权限', async () => {
    serve({ 'GET /admin/staff': () => page([]) })
    render(<StaffPage />)
    await screen.findByText('还没有授予任何工作人员权限')
    fireEvent.click(screen.getAllByRole('button', { name: '授予权限' }).at(-1)!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/staff-grant/index' })
  })
})

describe('授予权限 (grant)', () => {
  beforeEach(() => setCurrentPage('/packages/admin/pages/staff-grant/index'))

  const typeInto = (label: string, value: string) => fireEvent.change(screen.getByLabelText(labelled(label)), { target: { value } })

  it('checks phone and role before sending', async () => {
    const calls = serve({})
    render(<StaffGrantPage />)
    fireEvent.click(screen.getByRole('button', { name: '授予权限' }))
    expect(screen.getByText('请填写11位手机号码')).toBeTruthy()
    expect(screen.getByText('请选择要授予的角色')).toBeTruthy()
    typeInto('手机号码', '13900000011')
    fireEvent.click(screen.getByRole('radio', { name: '基层工会干部' }))
    fireEvent.click(screen.getByRole('button', { name: '授予权限' }))
    expect(await screen.findByText('请选择所在的工会组织')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'POST')).toEqual([])
  })

  it('an officer: picks the union (no palaces offered), sends phone, name, role and orgId with an Idempotency-Key, goes back', async () => {
    const calls = serve({
      'GET /orgs': () => [GRASSROOTS, COURIER, PALACE],
      'POST /admin/staff': (c) => ({ statusCode: 201, data: { id: 'g9', userId: 'u11', name: c.data.name, phoneMasked: '139****0011', role: 'officer', orgId: 'org-c', orgName: '顺达快递基层工会' } })
    })
    render(<StaffGrantPage />)
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['基层工会干部', '互助理赔审核员', '互助金付款员', '场馆工作人员', '帮扶审批员', '管理员'])
    typeInto('手机号码', '13900000011')
    typeInto('姓名', ' 周杰 ')
    fireEvent.click(screen.getByRole('radio', { name: '基层工会干部' }))
    const picker = await screen.findByRole('radiogroup', { name: '所在的工会组织' })
    expect(within(picker).queryByRole('radio', { name: '示范工人文化宫' })).toBeNull()
    fireEvent.click(within(picker).getByRole('radio', { name: '顺达快递基层工会' }))
    expect(screen.getByText('基层工会 · DEMO-COURIER')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '授予权限' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.data).toEqual({ phone: '13900000011', name: '周杰', role: 'officer', orgId: 'org-c' })
    expect(post.header['Idempotency-Key']).toEqual(expect.any(String))
    expect(toast()).toHaveBeenCalledWith(expect.objectContaining({ title: '已授予周杰' }))
  })

  it('venue staff picks among palaces only; a role without an organisation shows no picker and sends no orgId', async () => {
    const calls = serve({
      'GET /orgs': (c) => (query(c).type === 'palace' ? [PALACE] : [GRASSROOTS, PALACE]),
      'POST /admin/staff': () => ({ statusCode: 201, data: { id: 'g8', userId: 'u12', name: '', phoneMasked: '139****0012', role: 'claim_payer' } })
    })
    render(<StaffGrantPage />)
    fireEvent.click(screen.getByRole('radio', { name: '场馆工作人员' }))
    const picker = await screen.findByRole('radiogroup', { name: '所在的工人文化宫' })
    expect(within(picker).getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['示范工人文化宫'])
    expect(query(calls.find((c) => c.url.includes('/orgs'))!)).toEqual({ type: 'palace' })

    fireEvent.click(screen.getByRole('radio', { name: '互助金付款员' }))
    expect(screen.queryByRole('radiogroup', { name: '所在的工人文化宫' })).toBeNull()
    typeInto('手机号码', '13900000012')
    fireEvent.click(screen.getByRole('button', { name: '授予权限' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(calls.find((c) => c.method === 'POST')!.data).toEqual({ phone: '13900000012', role: 'claim_payer' })
  })

  it('shows the field problems of a 400 where they belong, and a conflict as a message', async () => {
    let answer: { statusCode: number; data: unknown } = {
      statusCode: 400,
      data: { code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后再提交', fields: { orgId: '没有找到该组织' } }
    }
    const calls = serve({ 'GET /orgs': () => [GRASSROOTS], 'POST /admin/staff': () => answer })
    render(<StaffGrantPage />)
    typeInto('手机号码', '13900000011')
    fireEvent.click(screen.getByRole('radio', { name: '基层工会干部' }))
    fireEvent.click(await screen.findByRole('radio', { name: '示范基层工会' }))
    fireEvent.click(screen.getByRole('button', { name: '授予权限' }))
    expect(await screen.findByText('没有找到该组织')).toBeTruthy()
    expect(Taro.navigateBack).not.toHaveBeenCalled()

    answer = { statusCode: 409, data: { code: 'ROLE_HELD_FOR_OTHER_ORG', message: '此人已在另一个组织担任该角色，请先收回原来的权限' } }
    fireEvent.click(screen.getByRole('button', { name: '授予权限' }))
    await waitFor(() => expect(toast()).toHaveBeenCalledWith(expect.objectContaining({ title: '此人已在另一个组织担任该角色，请先收回原来的权限' })))
    // the same intended grant, retried: the same key
    const posts = calls.filter((c) => c.method === 'POST')
    expect(posts).toHaveLength(2)
    expect(posts[1].header['Idempotency-Key']).toBe(posts[0].header['Idempotency-Key'])
  })

  it('granting admin asks for confirmation first', async () => {
    const calls = serve({ 'POST /admin/staff': () => ({ statusCode: 201, data: { id: 'g7', userId: 'u13', name: '', phoneMasked: '139****0013', role: 'admin' } }) })
    render(<StaffGrantPage />)
    typeInto('手机号码', '13900000013')
    fireEvent.click(screen.getByRole('radio', { name: '管理员' }))
    modal().mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByRole('button', { name: '授予权限' }))
    await waitFor(() => expect(modal()).toHaveBeenCalledTimes(1))
    expect(modal().mock.calls[0][0].content).toContain('13900000013')
    expect(calls.filter((c) => c.method === 'POST')).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: '授予权限' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(calls.find((c) => c.method === 'POST')!.data).toEqual({ phone: '13900000013', role: 'admin' })
  })
})
