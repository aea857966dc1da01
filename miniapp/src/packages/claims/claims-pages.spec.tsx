import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ClaimEstimateResponse, ClaimResponse, CoverageResponse, ReviewClaimResponse } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { loginAs, ZHANG_WEI } from '../../../test/fixtures'
import { reloadSession } from '@/store/session'
import ApplyPage from './pages/apply/index'
import CoveragePage from './pages/coverage/index'
import HomePage from './pages/index/index'
import DetailPage from './pages/detail/index'
import EnrolPage from './pages/enrol/index'
import ReviewPage from './pages/review/index'
import { DEMO_PLAN as PLAN, serve } from '../../../test/fixtures'

const uploadMock = Taro.uploadFile as unknown as jest.Mock
const chooseMock = Taro.chooseMedia as unknown as jest.Mock
const redirectMock = Taro.redirectTo as unknown as jest.Mock


const COVER: CoverageResponse = { planId: 'plan-1', planCode: 'DEMO-INPATIENT', planName: '职工住院医疗互助', periodStart: '2026-01-01', periodEnd: '2026-12-31', waitingEndsOn: '2026-01-01', annualCap: 2_000_000, paidThisYear: 0, remaining: 2_000_000, claimDeadlineDays: 180 }
const ESTIMATE: ClaimEstimateResponse = {
  eligibleAmount: 400_000,
  payout: 160_000,
  annualRemaining: 2_000_000,
  annualRemainingAfter: 1_840_000,
  limitedBy: null,
  breakdown: [
    { label: '医疗总费用', amount: 1_000_000, kind: 'base' },
    { label: '减：医保统筹支付', amount: -600_000, kind: 'minus' },
    { label: '可报销金额', amount: 400_000, kind: 'subtotal' },
    { label: '¥4,000.00 × 40%', amount: 160_000, kind: 'tier' },
    { label: '按比例计算', amount: 160_000, kind: 'subtotal' },
    { label: '预计可得', amount: 160_000, kind: 'result' }
  ]
}
const doc = (id: string, type: ClaimResponse['documents'][number]['type'], removed = false) => ({ id, type, width: 1500, height: 2000, bytes: 300_000, duplicate: false, createdAt: '2026-11-20T10:00:00Z', removed })
const ALL_DOCS = [doc('d1', 'id_card_front'), doc('d2', 'id_card_back'), doc('d3', 'discharge_summary'), doc('d4', 'settlement'), doc('d5', 'invoice')]

const claim = (over: Partial<ClaimResponse> = {}): ClaimResponse => ({
  id: 'c1',
  status: 'draft',
  planId: 'plan-1',
  planName: '职工住院医疗互助',
  hospital: '绍兴市人民医院',
  admissionDate: '2026-11-15',
  dischargeDate: '2026-11-20',
  totalAmount: 1_000_000,
  insurancePaid: 600_000,
  otherReimbursed: 0,
  invoices: [{ code: '33060122', number: '00012345', amount: 1_000_000 }],
  estimatePayout: 160_000,
  approvedAmount: null,
  submittedAt: null,
  updatedAt: '2026-11-20T10:00:00Z',
  requiredDocuments: ['id_card_front', 'id_card_back', 'discharge_summary', 'settlement', 'invoice'],
  missingDocuments: [],
  requestedDocuments: [],
  documents: [],
  estimate: ESTIMATE,
  paidAt: null,
  paidReference: null,
  editable: true,
  createdAt: '2026-11-20T10:00:00Z',
  timeline: [{ status: 'draft', at: '2026-11-20T10:00:00Z', by: 'member' }],
  ...over
})

const labelled = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\（）]/g, '\\$&')}\\*?$`)
const typeInto = (label: string, value: string) => fireEvent.change(screen.getByLabelText(labelled(label)), { target: { value } })
const tap = (text: string) => fireEvent.click(screen.getByText(text))

/** The apply page reads the worker's coverage and the plans first; `routes` are the test's own. */
const serveApply = (routes: Parameters<typeof serve>[0]) => serve({ 'GET /me/coverage': () => [COVER], 'GET /mutual-aid/plans': () => [PLAN], ...routes })

/** Step 1 with one ¥500 invoice at 绍兴市中心医院, then 保存，下一步. */
async function saveWithOneInvoice(insurancePaid: string) {
  render(<ApplyPage />)
  await screen.findByText('住院情况')
  typeInto('医院名称', '绍兴市中心医院')
  typeInto('票据号码', '0099')
  typeInto('发票金额（元）', '500')
  tap('添加这张发票')
  typeInto('医保统筹支付', insurancePaid)
  tap('保存，下一步')
}

/** A Taro.uploadFile task: a promise with onProgressUpdate/abort, as WeChat and Taro's H5 return it. */
function uploadTask(progress: number[], outcome: () => Promise<{ statusCode: number; data: string }>) {
  const p = outcome() as Promise<{ statusCode: number; data: string }> & { onProgressUpdate?: unknown; abort?: unknown }
  p.onProgressUpdate = (cb: (r: { progress: number }) => void) => progress.forEach((v) => cb({ progress: v }))
  p.abort = jest.fn()
  return p
}

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  ;(Taro as unknown as Record<string, unknown>).downloadFile = jest.fn(async () => ({ statusCode: 200, tempFilePath: 'blob:thumb' }))
  ;(Taro as unknown as Record<string, unknown>).pageScrollTo = jest.fn(async () => ({}))
  loginAs(ZHANG_WEI)
})

describe('申请理赔 step 1 (就诊信息)', () => {
  beforeEach(() => setCurrentPage('/packages/claims/pages/apply/index'))

  it('types yuan, adds invoices one by one, estimates on the phone and saves a draft in exact fen', async () => {
    const calls = serveApply({
      'POST /claims': (c) => ({ statusCode: 201, data: claim({ totalAmount: c.data.totalAmount, insurancePaid: 0, invoices: c.data.invoices }) })
    })
    render(<ApplyPage />)
    await screen.findByText('住院情况')
    expect(screen.getByText('保障期 2026-01-01 至 2026-12-31，本年度还可申请 ¥20,000.00')).toBeTruthy()
    typeInto('医院名称', '绍兴市人民医院')
    typeInto('票据代码', '33060122')
    typeInto('票据号码', '00012345')
    typeInto('发票金额（元）', '0.1')
    tap('添加这张发票')
    expect(screen.getByText('第1张 · ¥0.10')).toBeTruthy()
    typeInto('票据号码', '00012345')
    typeInto('发票金额（元）', '0.2')
    tap('添加这张发票')
    expect(screen.getByText('这张发票已经添加过了')).toBeTruthy()
    typeInto('票据号码', '00012346')
    tap('添加这张发票')
    expect(screen.getByText('第2张 · ¥0.20')).toBeTruthy()
    typeInto('医保统筹支付', '0')
    expect((screen.getByLabelText(labelled('医疗总费用')) as HTMLInputElement).value).toBe('0.30')
    expect(screen.getByText('¥0.12')).toBeTruthy() // 30 fen × 40 %, by the shared rule on the phone

    tap('保存，下一步')
    await screen.findByText('身份证人像面')
    const create = calls.find((c) => c.method === 'POST')!
    expect(create.data).toEqual({
      planId: 'plan-1',
      hospital: '绍兴市人民医院',
      admissionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      dischargeDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      totalAmount: 30,
      insurancePaid: 0,
      otherReimbursed: 0,
      invoices: [
        { code: '33060122', number: '00012345', amount: 10 },
        { code: '33060122', number: '00012346', amount: 20 }
      ]
    })
    expect(create.header['Idempotency-Key']).toEqual(expect.any(String))
  })

  it('keeps everything typed when the BFF refuses the dates, and says why in its words', async () => {
    serveApply({
      'POST /claims': () => ({ statusCode: 422, data: { code: 'IN_WAITING_PERIOD', message: '入院日期2026-11-19还在等待期内，2026-12-01及以后入院的才能申请' } })
    })
    await saveWithOneInvoice('100')
    await screen.findByText('入院日期2026-11-19还在等待期内，2026-12-01及以后入院的才能申请')
    expect((screen.getByLabelText(labelled('医院名称')) as HTMLInputElement).value).toBe('绍兴市中心医院')
    expect((screen.getByLabelText(labelled('医保统筹支付')) as HTMLInputElement).value).toBe('100')
    expect(screen.getByText('第1张 · ¥500.00')).toBeTruthy()
  })

  it('shows a duplicate invoice at the invoices, naming the month it was used', async () => {
    serveApply({
      'POST /claims': () => ({ statusCode: 409, data: { code: 'DUPLICATE_INVOICE', message: '发票（号码0099）已于2026年3月用于理赔申请，同一张发票不能重复申请' } })
    })
    await saveWithOneInvoice('0')
    await waitFor(() => expect(screen.getAllByText('发票（号码0099）已于2026年3月用于理赔申请，同一张发票不能重复申请')).toHaveLength(2))
  })

  it('tells a worker without a plan to see their union', async () => {
    serve({ 'GET /me/coverage': () => [], 'GET /mutual-aid/plans': () => [PLAN] })
    render(<ApplyPage />)
    await screen.findByText('您还没有参加医疗互助保障计划，暂时不能申请。请联系所在工会办理参保。')
  })
})

describe('申请理赔 step 2 (上传材料)', () => {
  beforeEach(() => setCurrentPage('/packages/claims/pages/apply/index', { id: 'c1', step: '2' }))

  it('uploads one photo per request with its progress, retries a failed one, deletes after asking, and lists what is missing', async () => {
    serveApply({
      'GET /claims/c1': () => claim(),
      'DELETE /claims/c1/documents/d-new': () => ({ statusCode: 204, data: '' })
    })
    chooseMock.mockResolvedValue({ tempFiles: [{ tempFilePath: 'blob:photo-1', size: 300_000, width: 1200, height: 900 }], type: 'image', errMsg: 'chooseMedia:ok' })
    uploadMock
      .mockImplementationOnce(() => uploadTask([35], () => Promise.reject({ errMsg: 'uploadFile:fail' })))
      .mockImplementationOnce(() => uploadTask([60, 100], async () => ({ statusCode: 201, data: JSON.stringify(doc('d-new', 'id_card_front')) })))
    render(<ApplyPage />)
    const card = await screen.findByLabelText('身份证人像面')
    expect(within(card).getByText('有照片和姓名、身份证号码的那一面')).toBeTruthy()
    fireEvent.click(within(card).getByText('从相册选'))
    await within(card).findByText('上传失败')
    expect(within(card).getByText('网络不太好，请稍后重试')).toBeTruthy()
    expect(chooseMock).toHaveBeenCalledWith(expect.objectContaining({ mediaType: ['image'], sourceType: ['album'], sizeType: ['compressed'] }))
    const first = uploadMock.mock.calls[0][0]
    expect(first).toMatchObject({ url: '/api/v1/claims/c1/documents', filePath: 'blob:photo-1', name: 'file', formData: { type: 'id_card_front' } })
    expect(first.header.Authorization).toBe('Bearer access-u1')

    fireEvent.click(within(card).getByText('重试'))
    await within(card).findByText('已上传1张')
    expect(uploadMock).toHaveBeenCalledTimes(2)
    expect(uploadMock.mock.calls[1][0].filePath).toBe('blob:photo-1') // the same photo, not picked again
    await waitFor(() => expect(within(card).getByRole('img')).toBeTruthy())
    expect((Taro as unknown as { downloadFile: jest.Mock }).downloadFile).toHaveBeenCalledWith({ url: '/api/v1/files/d-new?size=thumb', header: { Authorization: 'Bearer access-u1' } })

    tap('下一步')
    expect(screen.getByText('还缺：身份证国徽面、出院小结、住院结算单、医疗发票')).toBeTruthy()

    fireEvent.click(within(card).getByText('删除'))
    await within(card).findByText('必传')
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除这张照片？' }))
  })

  it('shows what the reviewer asked for again', async () => {
    serveApply({
      'GET /claims/c1': () => claim({ status: 'need_documents', requestedDocuments: ['invoice'], documents: ALL_DOCS })
    })
    render(<ApplyPage />)
    await screen.findByText('审核员请您重新上传：医疗发票。把看不清的照片删掉，再拍一张清楚的。')
    expect(within(screen.getByLabelText('医疗发票')).getByText('请重新上传')).toBeTruthy()
  })
})

describe('申请理赔 step 3 (确认提交)', () => {
  beforeEach(() => setCurrentPage('/packages/claims/pages/apply/index', { id: 'c1', step: '3' }))

  it('shows the estimate with its breakdown, needs the declaration, and submits once with an Idempotency-Key', async () => {
    const calls = serveApply({
      'GET /claims/c1': () => claim({ documents: ALL_DOCS }),
      'GET /claims/c1/estimate': () => ESTIMATE,
      'POST /claims/c1/submit': () => ({ id: 'c1', status: 'submitted' })
    })
    render(<ApplyPage />)
    await screen.findByText('¥4,000.00 × 40%')
    expect(screen.getAllByText('¥1,600.00').length).toBeGreaterThan(0)
    expect(screen.getByText('本年度还可申请 ¥20,000.00，本次之后剩 ¥18,400.00')).toBeTruthy()
    expect((screen.getByText('提交申请').closest('button') as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByRole('checkbox'))
    tap('提交申请')
    await waitFor(() => expect(redirectMock).toHaveBeenCalledWith({ url: '/packages/claims/pages/detail/index?id=c1' }))
    const submits = calls.filter((c) => c.method === 'POST')
    expect(submits).toHaveLength(1)
    expect(submits[0].data).toEqual({ declaration: true })
    expect(submits[0].header['Idempotency-Key']).toEqual(expect.any(String))
  })

  it('goes back to the photos, listing them, when the BFF says papers are missing', async () => {
    serveApply({
      'GET /claims/c1': () => claim({ documents: ALL_DOCS }),
      'GET /claims/c1/estimate': () => ESTIMATE,
      'POST /claims/c1/submit': () => ({ statusCode: 422, data: { code: 'DOCUMENTS_MISSING', message: '还缺少这些材料：出院小结', details: { missing: ['discharge_summary'], labels: ['出院小结'] } } })
    })
    render(<ApplyPage />)
    await screen.findByText('¥4,000.00 × 40%')
    fireEvent.click(screen.getByRole('checkbox'))
    tap('提交申请')
    await screen.findByText('提交时发现还缺：出院小结')
  })
})

describe('理赔详情', () => {
  it('shows 已通过 with the approved amount and the timeline with reasons', async () => {
    setCurrentPage('/packages/claims/pages/detail/index', { id: 'c1' })
    serve({
      'GET /claims/c1': () =>
        claim({
          status: 'approved',
          editable: false,
          approvedAmount: 150_000,
          documents: ALL_DOCS,
          timeline: [
            { status: 'draft', at: '2026-11-20T10:00:00Z', by: 'member' },
            { status: 'submitted', at: '2026-11-20T10:05:00Z', by: 'member', amount: 160_000 },
            { status: 'approved', at: '2026-11-21T09:00:00Z', by: 'reviewer', amount: 150_000, reasonCode: 'partly_not_covered', reason: '部分费用不属于互助保障范围：自费药品' }
          ]
        })
    })
    render(<DetailPage />)
    await screen.findByText('核定金额，将打到您的银行卡')
    expect(screen.getAllByText('¥1,500.00').length).toBeGreaterThan(0)
    expect(screen.getByText('原因：部分费用不属于互助保障范围：自费药品')).toBeTruthy()
    expect(screen.queryByText('继续填写')).toBeNull()
  })
})

describe('审核理赔 (claim reviewer)', () => {
  const reviewClaim = (over: Partial<ReviewClaimResponse> = {}): ReviewClaimResponse => ({
    ...claim({ status: 'submitted', editable: false, documents: [...ALL_DOCS, doc('d0', 'invoice', true)], submittedAt: '2026-11-20T10:05:00Z' }),
    member: { id: 'u1', name: '张伟', memberNo: 'M330602000001', orgName: '示范基层工会', phoneMasked: '138****0001', idNumberMasked: '3306**********123X', tags: ['hardship'] },
    ...over
  })

  it('takes the claim, shows the member and the papers, and approves the computed amount; less needs a reason', async () => {
    setCurrentPage('/packages/claims/pages/review/index', { id: 'c1' })
    let status: ReviewClaimResponse['status'] = 'submitted'
    const calls = serve({
      'GET /review/claims/c1': () => reviewClaim({ status, approvedAmount: status === 'approved' ? 160_000 : null }),
      'POST /claims/c1/start-review': () => {
        status = 'in_review'
        return { id: 'c1', status }
      },
      'POST /claims/c1/decision': () => {
        status = 'approved'
        return { id: 'c1', status, approvedAmount: 160_000 }
      }
    })
    loginAs({ ...ZHANG_WEI, id: 'u3', name: '陈静', roles: ['claim_reviewer'], membership: null })
    render(<ReviewPage />)
    await screen.findByText('按规则计算 ¥1,600.00')
    expect(screen.getByText('身份证 3306**********123X')).toBeTruthy()
    expect(screen.getByText('困难职工')).toBeTruthy()
    expect(screen.getByText('已替换')).toBeTruthy()
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/start-review'))).toBe(true))
    await screen.findByText('审核中')

    tap('通过')
    expect((screen.getByLabelText(labelled('核定金额（元）')) as HTMLInputElement).value).toBe('1600.00')
    typeInto('核定金额（元）', '1700')
    tap('确定')
    expect(screen.getByText('按规则最多可核定 ¥1,600.00')).toBeTruthy()
    typeInto('核定金额（元）', '1500')
    tap('确定')
    expect(screen.getByText('核定金额低于计算金额，请选择原因')).toBeTruthy()
    typeInto('核定金额（元）', '1600')
    tap('确定')
    await waitFor(() => expect(calls.find((c) => c.url.endsWith('/decision'))?.data).toEqual({ decision: 'approve', amount: 160_000 }))
    await screen.findByText('核定金额 ¥1,600.00')
  })
})

describe('互助参保 (officer)', () => {
  it('ticks members of the union and enrols them at once', async () => {
    setCurrentPage('/packages/claims/pages/enrol/index')
    loginAs({ ...ZHANG_WEI, id: 'u2', name: '王芳', roles: ['officer'], membership: null })
    const calls = serve({
      'GET /mutual-aid/plans': () => [PLAN],
      'GET /mutual-aid/plans/plan-1/candidates': () => ({
        data: [
          { userId: 'a', name: '钱一', memberNo: 'M1', phoneMasked: '139****0001', orgName: '示范基层工会', enrolled: false },
          { userId: 'b', name: '孙二', memberNo: 'M2', phoneMasked: '', orgName: '示范基层工会', enrolled: false }
        ],
        total: 2,
        page: 1,
        limit: 100
      }),
      'POST /mutual-aid/plans/plan-1/enrolments': () => ({ statusCode: 201, data: { enrolled: ['a', 'b'], alreadyEnrolled: [], skipped: [] } })
    })
    render(<EnrolPage />)
    await screen.findByText('钱一')
    fireEvent.click(screen.getByRole('checkbox', { name: '钱一' }))
    fireEvent.click(screen.getByRole('checkbox', { name: '孙二' }))
    tap('为选中的2人参保')
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.data).toEqual({ userIds: ['a', 'b'] }))
    expect(calls.find((c) => c.method === 'POST')!.header['Idempotency-Key']).toEqual(expect.any(String))
    expect(calls.find((c) => c.url.includes('/candidates'))!.url).toContain('enrolled=false')
  })
})

describe('医疗互助 home and 我的保障', () => {
  const summary = (over: Partial<ClaimResponse>) => {
    const { id, status, planId, planName, hospital, admissionDate, dischargeDate, totalAmount, estimatePayout, approvedAmount, submittedAt, updatedAt } = claim(over)
    return { id, status, planId, planName, hospital, admissionDate, dischargeDate, totalAmount, estimatePayout, approvedAmount, submittedAt, updatedAt }
  }
  const claims = () => ({
    data: [summary({ id: 'c2', hospital: '绍兴市中心医院' }), summary({ id: 'c1', status: 'approved', approvedAmount: 150_000, submittedAt: '2026-11-20T10:05:00Z' })],
    total: 2,
    page: 1,
    limit: 50
  })

  it('lists drafts to resume apart from the submitted claims, and opens a draft at step 1', async () => {
    setCurrentPage('/packages/claims/pages/index/index')
    serve({ 'GET /me/coverage': () => [{ ...COVER, paidThisYear: 150_000, remaining: 1_850_000 }], 'GET /claims': () => claims() })
    render(<HomePage />)
    await screen.findByText('没填完的申请')
    expect(screen.getByText('还可申请 ¥18,500.00')).toBeTruthy()
    expect(screen.getByText('¥1,500.00')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '绍兴市中心医院 2026-11-15' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/claims/pages/apply/index?id=c2' })
    tap('申请理赔')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/claims/pages/apply/index' })
  })

  it('我的保障 shows the period, paid this year, what is left, the rule in words and the claims', async () => {
    setCurrentPage('/packages/claims/pages/coverage/index')
    serve({ 'GET /me/coverage': () => [{ ...COVER, paidThisYear: 150_000, remaining: 1_850_000 }], 'GET /mutual-aid/plans': () => [PLAN], 'GET /claims': () => claims() })
    render(<CoveragePage />)
    await screen.findByText('¥18,500.00')
    expect(screen.getByText('保障期 2026-01-01 至 2026-12-31')).toBeTruthy()
    expect(screen.getByText('¥1,500.00')).toBeTruthy()
    expect(screen.getByText('怎么赔：医保报销后自己负担的部分按40%补助，每年最多¥20,000.00。')).toBeTruthy()
    expect(screen.getByText('住院 2026-11-15 · 核定 ¥1,500.00')).toBeTruthy()
  })
})
