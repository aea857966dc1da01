import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { AuditEntry, MeResponse, Paged } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { loginAs, serve, type Call } from '../../../test/fixtures'
import { reloadSession } from '@/store/session'
import AuditPage from './pages/audit/index'

const ADMIN: MeResponse = { id: 'u6', name: '陈静', phoneMasked: '138****0006', roles: ['admin'], staffOrg: null, membership: null }
const SUBJECT = '0b8f5f3e-2f1a-4c39-9a55-2d1c6f0e7a11'

function entry(seq: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `a${seq}`,
    seq,
    at: `2026-11-${String(10 + (seq % 10)).padStart(2, '0')}T09:30:0${seq % 10}+08:00`,
    actorId: 'u2',
    actorName: '王芳',
    action: 'member.read',
    subjectType: 'membership',
    subjectId: SUBJECT,
    detail: null,
    ...over
  }
}

const query = (c: Call) => Object.fromEntries(new URLSearchParams(c.url.split('?')[1] ?? ''))

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  loginAs(ADMIN)
  setCurrentPage('/packages/admin/pages/audit/index')
})

describe('操作日志 (admin)', () => {
  it('lists the newest first in plain words and loads more pages', async () => {
    const pages: Record<string, Paged<AuditEntry>> = {
      '1': { data: [entry(25, { action: 'card.verify' }), entry(24, { action: 'member.export', subjectType: 'org', detail: '3 rows', actorName: '' })], total: 3, page: 1, limit: 2 },
      '2': { data: [entry(23, { action: 'someone.new_code' })], total: 3, page: 2, limit: 2 }
    }
    const calls = serve({ 'GET /admin/audit': (c) => pages[query(c).page] })
    render(<AuditPage />)

    expect(await screen.findByText('核验会员卡')).toBeTruthy()
    expect(screen.getByText('共 3 条（最新的在前）')).toBeTruthy()
    expect(screen.getByText('导出会员名册')).toBeTruthy()
    expect(screen.getByText('2026-11-15 09:30:05')).toBeTruthy()
    expect(screen.getByText('操作人：（未填写姓名）')).toBeTruthy()
    expect(screen.getByText('备注：3 rows')).toBeTruthy()
    expect(screen.getByText(`工会组织 ${SUBJECT}`)).toBeTruthy()

    fireEvent.click(screen.getByText('加载更多（已显示 2 / 3）'))
    // A code the page has no words for is shown as it is rather than hidden.
    expect(await screen.findByText('someone.new_code')).toBeTruthy()
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(calls.map((c) => query(c).page)).toEqual(['1', '2'])
  })

  it('searches by phone, record and days; checks the form before asking', async () => {
    const calls = serve({ 'GET /admin/audit': (c) => (query(c).actorPhone ? { data: [], total: 0, page: 1, limit: 20 } : { data: [entry(1)], total: 1, page: 1, limit: 20 }) })
    render(<AuditPage />)
    await screen.findByText('查看会员详情')

    fireEvent.change(screen.getByLabelText('操作人手机号'), { target: { value: '1380000' } })
    fireEvent.change(screen.getByLabelText('记录编号'), { target: { value: 'abc' } })
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-11-30' } })
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-11-01' } })
    fireEvent.click(screen.getByText('查询'))
    expect(screen.getByText('手机号码应为11位数字')).toBeTruthy()
    expect(screen.getByText('编号格式不正确（36位，含短横线）')).toBeTruthy()
    expect(screen.getByText('结束日期不能早于开始日期')).toBeTruthy()
    expect(calls).toHaveLength(1)

    fireEvent.change(screen.getByLabelText('操作人手机号'), { target: { value: '13800000002' } })
    fireEvent.change(screen.getByLabelText('记录编号'), { target: { value: SUBJECT } })
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-12-01' } })
    fireEvent.click(within(screen.getByRole('radiogroup', { name: '记录类型' })).getByRole('radio', { name: '会员' }))
    fireEvent.click(screen.getByText('查询'))
    expect(await screen.findByText('没有符合条件的记录')).toBeTruthy()
    expect(query(calls[1])).toEqual({ actorPhone: '13800000002', subjectType: 'membership', subjectId: SUBJECT, from: '2026-11-30', to: '2026-12-01', page: '1', limit: '20' })

    fireEvent.click(screen.getByText('清空条件'))
    expect(await screen.findByText('查看会员详情')).toBeTruthy()
    expect(query(calls[2])).toEqual({ page: '1', limit: '20' })
  })

  it('shows the BFF’s field problems next to the fields, and a retry when the list fails', async () => {
    let fail = true
    serve({
      'GET /admin/audit': (c) => {
        if (fail) return { statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } }
        return query(c).from ? { statusCode: 400, data: { code: 'VALIDATION_FAILED', message: '请检查填写的内容', fields: { from: '日期格式应为 年-月-日' } } } : { data: [entry(1)], total: 1, page: 1, limit: 20 }
      }
    })
    render(<AuditPage />)
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('查看会员详情')).toBeTruthy()

    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-11-01' } })
    fireEvent.click(screen.getByText('查询'))
    expect(await screen.findByText('日期格式应为 年-月-日', { selector: '.uh-field__error' })).toBeTruthy()
  })

  it('校验日志完整性 says plainly whether the log is whole, and where it is not', async () => {
    let answer: unknown = { ok: true, checked: 120, headSeq: 120, headHash: 'ab'.repeat(32) }
    serve({ 'GET /admin/audit': () => ({ data: [], total: 0, page: 1, limit: 20 }), 'GET /admin/audit/verify': () => answer })
    render(<AuditPage />)
    await screen.findByText('还没有操作记录')

    fireEvent.click(screen.getByText('校验日志完整性'))
    expect(await screen.findByText('日志完整')).toBeTruthy()
    expect(screen.getByText('已校验全部 120 条记录，没有发现修改、删除或顺序调换。')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toContain(`第 120 条 ${'ab'.repeat(8)}`)

    answer = { ok: false, checked: 4, headSeq: 120, headHash: 'ab'.repeat(32), firstBrokenId: 'a6', firstBrokenAt: '2026-11-02T10:00:00+08:00', firstBrokenSeq: 6, problem: 'ROW_MISSING' }
    fireEvent.click(screen.getByText('校验日志完整性'))
    expect(await screen.findByText('日志不完整')).toBeTruthy()
    expect(screen.getByText('这条记录之前的记录被删除了（编号不连续）')).toBeTruthy()
    expect(screen.getByText('问题出在第 6 条（2026-11-02 10:00:00）；此前的 4 条完好。')).toBeTruthy()
    expect(screen.getByText('记录编号 a6')).toBeTruthy()

    answer = { statusCode: 403, data: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } }
    fireEvent.click(screen.getByText('校验日志完整性'))
    expect(await screen.findByText('未能校验')).toBeTruthy()
    await waitFor(() => expect(screen.queryByText('日志不完整')).toBeNull())
  })
})
