import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { idNumberCheckChar, maskIdNumber, type HardshipApplicationResponse, type MeResponse } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { LI_NA, loginAs } from '../../../test/fixtures'
import { reloadSession } from '@/store/session'
import ApplyPage from './pages/apply/index'
import DetailPage from './pages/detail/index'
import ReviewPage from './pages/review/index'
import { serve } from '../../../test/fixtures'

const id18 = (first17: string) => first17 + idNumberCheckChar(first17)
const LINA_ID = id18('33060219880412002')
const HUSBAND_ID = id18('33060219860101003')
const CHILD_ID = id18('33060220140909004')
const REGION = { code: '330602', name: '越城区', minimumLiving: 115000, updatedAt: '2026-11-01T09:00:00+08:00' }


const baseCase = (over: Partial<HardshipApplicationResponse> = {}): HardshipApplicationResponse => ({
  id: 'app-1',
  status: 'draft',
  situation: 'major_illness',
  regionCode: '330602',
  regionName: '越城区',
  orgId: 'org-1',
  orgName: '示范基层工会',
  description: '丈夫突发脑梗住院。',
  // As the BFF answers: ID numbers masked, the applicant's own household included.
  household: [
    { relation: '本人', name: '李娜', idNumber: maskIdNumber(LINA_ID), monthlyIncome: 180000 },
    { relation: '配偶', name: '周强', idNumber: maskIdNumber(HUSBAND_ID), monthlyIncome: 60000 }
  ],
  monthlyNecessaryExpenses: 90000,
  assetCheckConsent: false,
  perCapitaIncome: 75000,
  minimumLiving: 115000,
  belowMinimum: true,
  incomeTest: { householdSize: 2, householdIncome: 240000, necessaryExpenses: 90000, perCapitaIncome: 75000, minimumLiving: 115000, belowMinimum: true },
  documents: [],
  timeline: [{ status: 'draft', at: '2026-11-20T10:00:00+08:00', by: 'applicant', reason: null }],
  aidTypes: [],
  archiveNo: null,
  recheckDue: null,
  applicant: null,
  view: 'applicant',
  editable: true,
  createdAt: '2026-11-20T10:00:00+08:00',
  updatedAt: '2026-11-20T10:00:00+08:00',
  submittedAt: null,
  decidedAt: null,
  ...over
})

/** Labels of required fields end with a red '*'. */
const labelled = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\（）]/g, '\\$&')}\\*?$`)
const typeInto = (label: string, value: string, index = 0) => fireEvent.change(screen.getAllByLabelText(labelled(label))[index], { target: { value } })
const click = (role: 'button' | 'radio' | 'checkbox', name: string) => fireEvent.click(screen.getByRole(role, { name }))

beforeEach(() => {
  resetTaroMock()
  reloadSession()
})

describe('困难帮扶申请 (apply)', () => {
  beforeEach(() => setCurrentPage('/packages/hardship/pages/apply/index'))

  /** 李娜 reopens her saved draft app-1 (a non-member in 越城区); `routes` are the test's own. */
  const openSavedDraft = (routes: Parameters<typeof serve>[0] = {}) => {
    loginAs(LI_NA)
    setCurrentPage('/packages/hardship/pages/apply/index', { id: 'app-1' })
    return serve({
      'GET /regions': () => [REGION],
      'GET /regions/330602': () => REGION,
      'GET /me': () => LI_NA,
      'GET /orgs': () => [],
      'GET /hardship-applications/app-1': () => baseCase(),
      'PATCH /hardship-applications/app-1': () => ({ id: 'app-1', status: 'draft', perCapitaIncome: 75000, minimumLiving: 115000, belowMinimum: true }),
      ...routes
    })
  }

  it('a non-member picks situation, region and union; the first step creates the server-side draft', async () => {
    loginAs(LI_NA)
    const calls = serve({
      'GET /regions': () => [REGION],
      'GET /regions/330602': () => REGION,
      'GET /me': () => LI_NA,
      'GET /orgs': () => [{ id: 'org-1', code: 'DEMO-GRASSROOTS', name: '示范基层工会', type: 'grassroots', parentId: null, regionCode: '330602' }],
      'POST /hardship-applications': () => ({ statusCode: 201, data: { id: 'app-1', status: 'draft', perCapitaIncome: null, minimumLiving: 115000, belowMinimum: null } }),
      'PATCH /hardship-applications/app-1': () => ({ id: 'app-1', status: 'draft', perCapitaIncome: 50000, minimumLiving: 115000, belowMinimum: true })
    })
    render(<ApplyPage />)

    fireEvent.click(await screen.findByRole('radio', { name: '重大疾病支出' }))
    expect(screen.getByText('家里有人得了重病，看病花钱多，日常生活难以维持。')).toBeTruthy()
    click('button', '保存，下一步')
    expect(screen.getByText('请简单说说家里遇到的困难')).toBeTruthy()
    expect(screen.getByText('请选择您家所在的地区')).toBeTruthy()

    click('radio', '越城区')
    fireEvent.click(await screen.findByRole('radio', { name: '示范基层工会' }))
    typeInto('说说家里的情况', '丈夫突发脑梗住院，每月药费约九百元。')
    click('button', '保存，下一步')

    await screen.findByText('第1位家庭成员')
    const create = calls.find((c) => c.method === 'POST')!
    expect(create.data).toEqual({ situation: 'major_illness', regionCode: '330602', orgId: 'org-1', description: '丈夫突发脑梗住院，每月药费约九百元。' })
    expect(create.header['Idempotency-Key']).toEqual(expect.any(String))

    // Step 2: the income test updates as the applicant types, with the region's standard.
    expect(screen.getByText('越城区低保标准')).toBeTruthy()
    expect(screen.getByText('¥1,150.00 / 月')).toBeTruthy()
    typeInto('姓名', '李娜')
    typeInto('身份证号码', LINA_ID)
    typeInto('每月收入（元）', '1800')
    expect(screen.getByText('不低于当地低保标准')).toBeTruthy() // ¥1,800 for one person
    expect(screen.queryByText('低于当地低保标准')).toBeNull()
    click('button', '＋ 添加家庭成员')
    click('button', '＋ 添加家庭成员')
    expect(screen.getByText('填好每位家庭成员的月收入后，这里会算出家庭人均月收入。')).toBeTruthy()
    for (const [i, rel, name, id, income] of [
      [1, '配偶', '周强', HUSBAND_ID, '600'],
      [2, '子女', '周小雨', CHILD_ID, '0']
    ] as const) {
      fireEvent.click(within(screen.getByRole('radiogroup', { name: `第${i + 1}位与申请人的关系` })).getByRole('radio', { name: rel }))
      typeInto('姓名', name, i)
      typeInto('身份证号码', id, i)
      typeInto('每月收入（元）', income, i)
    }
    typeInto('因困难每月必须多花的钱（元）', '900')
    expect(screen.getByText('低于当地低保标准')).toBeTruthy()
    expect(screen.getByText('¥500.00')).toBeTruthy() // (1800 + 600 + 0 − 900) ÷ 3

    click('button', '保存，下一步')
    await screen.findByText('上传证明材料')
    const patch = calls.find((c) => c.method === 'PATCH')!
    expect(patch.data).toEqual({
      household: [
        { relation: '本人', name: '李娜', idNumber: LINA_ID, monthlyIncome: 180000 },
        { relation: '配偶', name: '周强', idNumber: HUSBAND_ID, monthlyIncome: 60000 },
        { relation: '子女', name: '周小雨', idNumber: CHILD_ID, monthlyIncome: 0 }
      ],
      monthlyNecessaryExpenses: 90000
    })
  })

  it('checks the household before saving: a repeated ID number and a missing income stay on the page', async () => {
    const calls = openSavedDraft()
    render(<ApplyPage />)
    await screen.findByRole('radio', { name: '重大疾病支出' })
    click('button', '保存，下一步')
    await screen.findByText('第2位家庭成员')
    // Both retyped in full (a kept masked row is the BFF's to compare: the form holds only its mask).
    typeInto('身份证号码', LINA_ID, 0)
    typeInto('身份证号码', LINA_ID, 1)
    typeInto('每月收入（元）', '', 1)
    click('button', '保存，下一步')
    expect(screen.getByText('与第1位家庭成员的身份证号码重复')).toBeTruthy()
    expect(screen.getByText('请填写月收入，没有收入请填0')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1) // only step 1's save
  })

  it('a saved draft shows the numbers masked; kept rows go back masked (the BFF keeps its numbers), a touched one must be whole', async () => {
    const calls = openSavedDraft()
    render(<ApplyPage />)
    await screen.findByRole('radio', { name: '重大疾病支出' })
    click('button', '保存，下一步')
    await screen.findByText('第2位家庭成员')
    expect(screen.getAllByText(/为保护隐私只显示前后4位/)).toHaveLength(2)
    typeInto('每月收入（元）', '700', 1)
    click('button', '＋ 添加家庭成员')
    fireEvent.click(within(screen.getByRole('radiogroup', { name: '第3位与申请人的关系' })).getByRole('radio', { name: '子女' }))
    typeInto('姓名', '周小雨', 2)
    typeInto('身份证号码', CHILD_ID, 2)
    typeInto('每月收入（元）', '0', 2)
    // Half of a masked number is no number: the form asks for the whole one.
    typeInto('身份证号码', maskIdNumber(HUSBAND_ID).slice(0, 17), 1)
    click('button', '保存，下一步')
    expect(screen.getByText('身份证号码应为18位')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1) // only step 1's save
    typeInto('身份证号码', maskIdNumber(HUSBAND_ID), 1)
    click('button', '保存，下一步')
    await screen.findByText('上传证明材料')
    expect(calls.filter((c) => c.method === 'PATCH')[1].data).toEqual({
      household: [
        { relation: '本人', name: '李娜', idNumber: maskIdNumber(LINA_ID), monthlyIncome: 180000 },
        { relation: '配偶', name: '周强', idNumber: maskIdNumber(HUSBAND_ID), monthlyIncome: 70000 },
        { relation: '子女', name: '周小雨', idNumber: CHILD_ID, monthlyIncome: 0 }
      ],
      monthlyNecessaryExpenses: 90000
    })
  })

  it('asks for the separate asset-check consent before it submits, then opens the case', async () => {
    const calls = openSavedDraft({ 'POST /hardship-applications/app-1/submit': () => ({ id: 'app-1', status: 'submitted' }) })
    render(<ApplyPage />)
    await screen.findByRole('radio', { name: '重大疾病支出' })
    click('button', '保存，下一步')
    await screen.findByText('第1位家庭成员')
    click('button', '保存，下一步')
    await screen.findByText('上传证明材料')
    click('button', '保存，下一步')
    await screen.findByText('授权核查家庭财产')
    expect(screen.getByText('低于当地低保标准')).toBeTruthy()

    click('button', '提交申请')
    expect(screen.getByText('提交前需要您勾选授权')).toBeTruthy()
    expect(calls.some((c) => c.url.endsWith('/submit'))).toBe(false)

    click('checkbox', '我同意授权工会核查我家庭的财产状况')
    click('button', '提交申请')
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/hardship/pages/detail/index?id=app-1' }))
    const submit = calls.find((c) => c.url.endsWith('/submit'))!
    expect(submit.data).toEqual({ assetCheckConsent: true })
    expect(submit.header['Idempotency-Key']).toEqual(expect.any(String))
  })
})

describe('申请进度 (detail)', () => {
  it('shows the archive number, the aid granted and each step with its reason', async () => {
    loginAs(LI_NA)
    setCurrentPage('/packages/hardship/pages/detail/index', { id: 'app-1' })
    serve({
      'GET /hardship-applications/app-1': () =>
        baseCase({
          status: 'approved',
          editable: false,
          archiveNo: 'KN-330602-2026-00002',
          aidTypes: ['living', 'medical'],
          recheckDue: '2027-11-22',
          timeline: [
            { status: 'draft', at: '2026-11-20T10:00:00+08:00', by: 'applicant', reason: null },
            { status: 'submitted', at: '2026-11-20T10:05:00+08:00', by: 'applicant', reason: null },
            { status: 'returned', at: '2026-11-21T09:00:00+08:00', by: 'officer', reason: '请补充诊断证明' },
            { status: 'submitted', at: '2026-11-21T12:00:00+08:00', by: 'applicant', reason: null },
            { status: 'checked', at: '2026-11-21T15:00:00+08:00', by: 'officer', reason: null },
            { status: 'approved', at: '2026-11-22T10:00:00+08:00', by: 'hardship_reviewer', reason: null }
          ]
        })
    })
    render(<DetailPage />)
    expect(await screen.findByText('KN-330602-2026-00002')).toBeTruthy()
    expect(screen.getByText('帮扶类型：生活救助、医疗救助')).toBeTruthy()
    expect(screen.getByText('意见：请补充诊断证明')).toBeTruthy()
    expect(screen.getByText('修改后重新提交')).toBeTruthy()
    expect(screen.getByText('帮扶中心审批：批准')).toBeTruthy()
    // ID numbers stay masked on screen, even the applicant's own.
    expect(screen.queryByText(LINA_ID)).toBeNull()
    expect(screen.getByText(`${LINA_ID.slice(0, 4)}**********${LINA_ID.slice(-4)}`)).toBeTruthy()
  })
})

describe('帮扶申请审核 (review)', () => {
  const OFFICER: MeResponse = { id: 'u2', name: '王芳', phoneMasked: '138****0002', roles: ['officer'], staffOrg: { id: 'org-1', name: '示范基层工会' }, membership: null }
  const REVIEWER: MeResponse = { id: 'u5', name: '赵敏', phoneMasked: '138****0005', roles: ['hardship_reviewer'], staffOrg: null, membership: null }
  const staffCase = (status: HardshipApplicationResponse['status']) =>
    baseCase({ status, view: 'staff', editable: false, applicant: { name: '李娜', phoneMasked: '138****0007' }, household: baseCase().household.map((m) => ({ ...m, idNumber: `${m.idNumber.slice(0, 4)}**********${m.idNumber.slice(-4)}` })) })

  it('the officer must give a reason to return a case, and confirms before it is sent', async () => {
    loginAs(OFFICER)
    setCurrentPage('/packages/hardship/pages/review/index', { id: 'app-1' })
    const calls = serve({
      'GET /hardship-applications/app-1': () => staffCase('submitted'),
      'POST /hardship-applications/app-1/review': (c) => ({ id: 'app-1', status: c.data.decision === 'pass' ? 'checked' : 'returned', reason: c.data.reason ?? null, aidTypes: [], archiveNo: null, recheckDue: null })
    })
    render(<ReviewPage />)
    await screen.findByText('初审')
    expect(screen.getByText('李娜 138****0007')).toBeTruthy()
    click('button', '退回修改')
    expect(screen.getByText('退回时请写明需要修改或补充的内容')).toBeTruthy()
    expect(Taro.showModal).not.toHaveBeenCalled()

    typeInto('初审意见', '请补充诊断证明')
    click('button', '退回修改')
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退回修改' }))
    expect(calls.find((c) => c.method === 'POST')!.data).toEqual({ decision: 'return', reason: '请补充诊断证明' })
    expect(screen.queryByRole('button', { name: '批准' })).toBeNull()
  })

  it('the reviewer approves with aid types; nothing is sent when the confirmation is cancelled', async () => {
    loginAs(REVIEWER)
    setCurrentPage('/packages/hardship/pages/review/index', { id: 'app-1' })
    const calls = serve({
      'GET /hardship-applications/app-1': () => staffCase('checked'),
      'POST /hardship-applications/app-1/decision': () => ({ id: 'app-1', status: 'approved', reason: null, aidTypes: ['living'], archiveNo: 'KN-330602-2026-00003', recheckDue: '2027-11-22' })
    })
    render(<ReviewPage />)
    await screen.findByText('审批')
    expect(screen.queryByRole('button', { name: '初审通过' })).toBeNull()
    click('button', '批准')
    expect(screen.getByText('批准时请至少选择一种帮扶类型')).toBeTruthy()

    click('checkbox', '生活救助')
    ;(Taro.showModal as unknown as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    click('button', '批准')
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    click('button', '批准')
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.method === 'POST')!.data).toEqual({ decision: 'approve', aidTypes: ['living'] })
  })
})
