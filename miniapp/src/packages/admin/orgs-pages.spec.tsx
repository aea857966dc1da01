import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { AdminOrgResponse, MeResponse } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { loginAs, serve } from '../../../test/fixtures'
import { reloadSession } from '@/store/session'
import { chooseCsvFile } from './org-tree/choose-csv'
import OrgsPage from './pages/orgs/index'
import OrgEditPage from './pages/org-edit/index'
import OrgImportPage from './pages/org-import/index'

jest.mock('./org-tree/choose-csv', () => ({ chooseCsvFile: jest.fn() }))

const chooseMock = chooseCsvFile as jest.Mock
const uploadMock = Taro.uploadFile as unknown as jest.Mock
const ADMIN: MeResponse = { id: 'u6', name: '孙强', phoneMasked: '138****0006', roles: ['admin'], staffOrg: null, membership: null }

const org = (id: string, over: Partial<AdminOrgResponse>): AdminOrgResponse => ({
  id,
  code: id.toUpperCase(),
  name: id,
  type: 'grassroots',
  parentId: null,
  regionCode: '330602',
  creditCode: null,
  active: true,
  depth: 0,
  createdAt: '2026-11-20T10:00:00Z',
  ...over
})

/** 市总 → 区 → 街道 → 基层, an industry federation, a palace, and a stopped street. */
const TREE: AdminOrgResponse[] = [
  org('city', { name: '绍兴市总工会', type: 'city', depth: 0 }),
  org('district', { name: '越城区总工会', type: 'district', parentId: 'city', depth: 1 }),
  org('street', { name: '北海街道总工会', type: 'street', parentId: 'district', depth: 2 }),
  org('grassroots', { name: '示范基层工会', type: 'grassroots', parentId: 'street', depth: 3, creditCode: '81330602MC12345670' }),
  org('old-street', { name: '旧街道工会', type: 'street', parentId: 'district', depth: 2, active: false }),
  org('industry', { name: '快递物流行业工会联合会', type: 'industry', parentId: 'district', depth: 2 }),
  org('palace', { name: '示范工人文化宫', type: 'palace', parentId: 'city', depth: 1 })
]

const labelled = (label: string) => new RegExp(`^${label}\\*?$`)
const typeInto = (label: string, value: string) => fireEvent.change(screen.getByLabelText(labelled(label)), { target: { value } })
const pickers = () => screen.getAllByLabelText('picker') as HTMLSelectElement[]
const optionTexts = (select: HTMLSelectElement) => Array.from(select.options).map((o) => o.textContent)
const pick = (select: HTMLSelectElement, text: string) => fireEvent.change(select, { target: { value: String(optionTexts(select).indexOf(text)) } })

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  chooseMock.mockReset()
  loginAs(ADMIN)
})

describe('工会组织 (the tree)', () => {
  beforeEach(() => setCurrentPage('/packages/admin/pages/orgs/index'))

  it('shows the tree indented by level with Chinese type names; stopped ones are grey; a tap opens the editor', async () => {
    serve({ 'GET /admin/orgs': () => TREE })
    render(<OrgsPage />)
    const row = await screen.findByRole('button', { name: '示范基层工会' })
    expect(row.className).toContain('org-depth-3')
    expect(screen.getByText('基层工会 · GRASSROOTS')).toBeTruthy()
    expect(screen.getByText('市总工会 · CITY')).toBeTruthy()
    expect(screen.getByText('工人文化宫 · PALACE')).toBeTruthy()
    const stopped = screen.getByRole('button', { name: '旧街道工会' })
    expect(stopped.className).toContain('org-row--inactive')
    expect(stopped.textContent).toContain('已停用')
    expect(screen.getByRole('button', { name: '北海街道总工会' }).textContent).not.toContain('已停用')

    fireEvent.click(row)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/org-edit/index?id=grassroots' })
    fireEvent.click(screen.getByText('新建组织'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/admin/pages/org-edit/index' })
    fireEvent.click(screen.getByText('导入'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/admin/pages/org-import/index' })
  })

  it('a search keeps the unions above each match, so it stays in its place', async () => {
    serve({ 'GET /admin/orgs': () => TREE })
    render(<OrgsPage />)
    await screen.findByText('示范基层工会')
    typeInto('查找组织', '示范基层')
    expect(screen.getAllByRole('button', { name: /工会|文化宫/ }).map((b) => b.getAttribute('aria-label'))).toEqual(['绍兴市总工会', '越城区总工会', '北海街道总工会', '示范基层工会'])
    typeInto('查找组织', '没有这个')
    expect(screen.getByText('没有名称或编号含“没有这个”的组织')).toBeTruthy()
  })

  it('says what to do when there is no org yet, and offers a retry after an error', async () => {
    serve({ 'GET /admin/orgs': () => [] })
    const { unmount } = render(<OrgsPage />)
    expect(await screen.findByText('还没有工会组织。可以逐个新建，也可以用CSV文件导入整个组织树。')).toBeTruthy()
    unmount()
    let fail = true
    serve({ 'GET /admin/orgs': () => (fail ? { statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '系统开小差了，请稍后再试' } } : TREE) })
    render(<OrgsPage />)
    fail = false
    fireEvent.click(await screen.findByText('重新加载'))
    expect(await screen.findByText('示范基层工会')).toBeTruthy()
  })
})

describe('编辑组织 (create and change)', () => {
  it('creates a grassroots union: only allowed parents are offered, the credit code is checked as typed', async () => {
    setCurrentPage('/packages/admin/pages/org-edit/index')
    const calls = serve({
      'GET /admin/orgs': () => TREE,
      'POST /admin/orgs': (c) => ({ statusCode: 201, data: org('new', c.data) })
    })
    render(<OrgEditPage />)
    await screen.findByText('组织类型')
    typeInto('组织编号', 'SX-0001')
    typeInto('组织名称', '某某物流有限公司工会委员会')
    const [typePicker] = pickers()
    pick(typePicker, '基层工会')
    // Parents of a grassroots union: active city, district, street or industry federation; never a palace or a stopped one.
    expect(optionTexts(pickers()[1]).map((t) => t!.trim())).toEqual(['绍兴市总工会', '越城区总工会', '北海街道总工会', '快递物流行业工会联合会'])
    pick(pickers()[1], '　　北海街道总工会')

    typeInto('统一社会信用代码', '81330602mc1234')
    expect(screen.queryByText('统一社会信用代码校验位不正确，请核对')).toBeNull() // not yet 18 characters
    typeInto('统一社会信用代码', '81330602mc12345671')
    expect(screen.getByText('统一社会信用代码校验位不正确，请核对')).toBeTruthy()
    fireEvent.click(screen.getByText('保存'))
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
    typeInto('统一社会信用代码', '91350100M000100Y43')
    expect(screen.getByText('基层工会的统一社会信用代码应以81开头')).toBeTruthy()
    typeInto('统一社会信用代码', '81330602mc12345670')
    expect(screen.queryByText(/统一社会信用代码.*(校验位|81开头)/)).toBeNull()

    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.data).toEqual({ code: 'SX-0001', name: '某某物流有限公司工会委员会', type: 'grassroots', parentId: 'street', regionCode: null, creditCode: '81330602MC12345670' })
    expect(post.header['Idempotency-Key']).toBeTruthy()
  })

  it('a city needs no parent; the BFF\'s refusals land on their fields', async () => {
    setCurrentPage('/packages/admin/pages/org-edit/index')
    serve({
      'GET /admin/orgs': () => TREE,
      'POST /admin/orgs': () => ({ statusCode: 409, data: { code: 'ORG_CODE_TAKEN', message: '该组织编号已被使用' } })
    })
    render(<OrgEditPage />)
    await screen.findByText('组织类型')
    typeInto('组织编号', 'CITY')
    typeInto('组织名称', '另一个市总工会')
    pick(pickers()[0], '市总工会')
    expect(optionTexts(pickers()[1])).toEqual(['无（最上级组织）'])
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('该组织编号已被使用')).toBeTruthy()
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('edits: the code and type stay, only what changed is sent, a refused move shows under the parent', async () => {
    setCurrentPage('/packages/admin/pages/org-edit/index', { id: 'street' })
    const calls = serve({
      'GET /admin/orgs': () => TREE,
      'PATCH /admin/orgs/street': () => ({ statusCode: 422, data: { code: 'ORG_PLACEMENT_NOT_ALLOWED', message: '街道乡镇工会的上级只能是区县总工会' } })
    })
    render(<OrgEditPage />)
    const code = (await screen.findByLabelText(labelled('组织编号'))) as HTMLInputElement
    expect(code.disabled).toBe(true)
    expect(pickers()[0].disabled).toBe(true)
    // A street may not move under itself or its own union; the stopped street is not offered either.
    expect(optionTexts(pickers()[1]).map((t) => t!.trim())).toEqual(['越城区总工会'])
    typeInto('组织名称', '北海街道工会')
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1))
    expect(calls.find((c) => c.method === 'PATCH')!.data).toEqual({ name: '北海街道工会' })
    expect(await screen.findByText('街道乡镇工会的上级只能是区县总工会')).toBeTruthy()
  })

  it('stops an org only after a confirmation, and says why when it cannot', async () => {
    setCurrentPage('/packages/admin/pages/org-edit/index', { id: 'grassroots' })
    const calls = serve({
      'GET /admin/orgs': () => TREE,
      'PATCH /admin/orgs/grassroots': (c) => ({ ...TREE[3], active: c.data.active })
    })
    render(<OrgEditPage />)
    const modal = Taro.showModal as unknown as jest.Mock
    modal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(await screen.findByText('停用该组织'))
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '停用示范基层工会？', confirmText: '停用' })
    expect(modal.mock.calls[0][0].content).toContain('已有会员的会籍不受影响')
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0)

    fireEvent.click(screen.getByText('停用该组织'))
    expect(await screen.findByText('重新启用')).toBeTruthy()
    expect(calls.find((c) => c.method === 'PATCH')!.data).toEqual({ active: false })
    expect(screen.getByText('该组织已停用：职工查不到它，入会二维码不能使用；已有会员不受影响。')).toBeTruthy()
  })

  it('a refused stop (active children) is shown in words', async () => {
    setCurrentPage('/packages/admin/pages/org-edit/index', { id: 'district' })
    serve({
      'GET /admin/orgs': () => TREE,
      'PATCH /admin/orgs/district': () => ({ statusCode: 422, data: { code: 'ORG_HAS_ACTIVE_CHILDREN', message: '该组织还有在用的下级组织，请先停用或移走下级组织' } })
    })
    render(<OrgEditPage />)
    fireEvent.click(await screen.findByText('停用该组织'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该组织还有在用的下级组织，请先停用或移走下级组织' })))
    expect(screen.getByText('停用该组织')).toBeTruthy()
  })
})

describe('导入组织 (CSV)', () => {
  beforeEach(() => setCurrentPage('/packages/admin/pages/org-import/index'))
  const answer = (statusCode: number, body: unknown) => {
    const p = Promise.resolve({ statusCode, data: JSON.stringify(body) }) as Promise<unknown> & { onProgressUpdate?: unknown; abort?: unknown }
    p.onProgressUpdate = jest.fn()
    p.abort = jest.fn()
    return p
  }

  it('explains the template, picks a file, uploads it and shows the counts', async () => {
    chooseMock.mockResolvedValue({ path: 'blob:orgs', name: '组织.csv', size: 2048 })
    uploadMock.mockImplementation(() => answer(200, { created: 10, updated: 2, errors: [] }))
    render(<OrgImportPage />)
    expect(screen.getAllByText('code,name,type,parentCode,regionCode,creditCode').length).toBeGreaterThan(0)
    expect(screen.getByText(/grassroots（基层工会）/)).toBeTruthy()
    fireEvent.click(screen.getByText('选择CSV文件'))
    expect(await screen.findByText('已选择：组织.csv')).toBeTruthy()
    fireEvent.click(screen.getByText('开始导入'))
    expect(await screen.findByText('新建10个组织，更新2个组织。')).toBeTruthy()
    expect(uploadMock).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/v1/admin/orgs/import', filePath: 'blob:orgs', name: 'file' }))
    fireEvent.click(screen.getByText('返回组织列表'))
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('a refused file lists its errors by line and imports nothing', async () => {
    chooseMock.mockResolvedValue({ path: 'blob:bad', name: 'bad.csv', size: 300 })
    const errors = [
      { line: 4, message: '统一社会信用代码校验位不正确，请核对' },
      { line: 7, message: '上级组织编号NOWHERE不存在（文件中和系统中都没有）' }
    ]
    uploadMock.mockImplementation(() => answer(422, { code: 'ORG_IMPORT_FAILED', message: '导入文件中有错误，没有导入任何组织，请按行号修改后重新导入', created: 0, updated: 0, errors, details: { errors } }))
    render(<OrgImportPage />)
    fireEvent.click(screen.getByText('选择CSV文件'))
    fireEvent.click(await screen.findByText('开始导入'))
    expect(await screen.findByText('没有导入任何组织')).toBeTruthy()
    expect(screen.getByText('第4行：统一社会信用代码校验位不正确，请核对')).toBeTruthy()
    expect(screen.getByText('第7行：上级组织编号NOWHERE不存在（文件中和系统中都没有）')).toBeTruthy()
    // The file stays chosen, so it can be sent again once fixed.
    expect(screen.getByText('已选择：bad.csv')).toBeTruthy()
  })

  it('refuses a file over 1 MB before sending it, and shows a wrong header in words', async () => {
    chooseMock.mockResolvedValueOnce({ path: 'blob:big', name: 'big.csv', size: 2 * 1024 * 1024 })
    render(<OrgImportPage />)
    fireEvent.click(screen.getByText('选择CSV文件'))
    expect(await screen.findByText('文件太大了（不能超过1MB），请分几次导入')).toBeTruthy()
    expect(screen.queryByText('开始导入')).toBeNull()
    expect(uploadMock).not.toHaveBeenCalled()

    chooseMock.mockResolvedValueOnce({ path: 'blob:x', name: 'x.csv', size: 10 })
    uploadMock.mockImplementation(() => answer(400, { code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后再提交', fields: { file: '第一行应为 code,name,type,parentCode,regionCode,creditCode' } }))
    fireEvent.click(screen.getByText('选择CSV文件'))
    fireEvent.click(await screen.findByText('开始导入'))
    expect(await screen.findByText('第一行应为 code,name,type,parentCode,regionCode,creditCode')).toBeTruthy()
  })

  it('nothing happens when the person cancels the file picker', async () => {
    chooseMock.mockResolvedValue(null)
    render(<OrgImportPage />)
    fireEvent.click(screen.getByText('选择CSV文件'))
    await waitFor(() => expect(chooseMock).toHaveBeenCalled())
    expect(screen.queryByText('开始导入')).toBeNull()
  })
})
