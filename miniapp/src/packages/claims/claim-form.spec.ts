import { computePayout } from '@unionhome/shared'
import { DEMO_PLAN as PLAN } from '../../../test/fixtures'
import { effectiveTotal, emptyForm, localEstimate, parseInvoice, serverFieldErrors, toClaimRequest, type ClaimFormState } from './claim-form'
import { emptyPlanForm, planFormFrom, toPlanRequest } from './plan-form'


const TODAY = '2026-11-22'
const form = (over: Partial<ClaimFormState> = {}): ClaimFormState => ({ ...emptyForm('plan-1', TODAY), hospital: '绍兴市人民医院', insurancePaid: '0', ...over })

describe('step 1 as data: yuan typed → exact fen', () => {
  it.each([
    ['0.1', '0.2', 30],
    ['1.15', '0', 115],
    ['4.35', '0', 435],
    ['19999.99', '0.01', 2_000_000],
    ['6000.10', '3999.90', 1_000_000]
  ])('invoices %s + %s yuan are exactly %d fen, and the total follows them', (a, b, fen) => {
    let f = form()
    for (const [i, amount] of [a, b].entries()) {
      const parsed = parseInvoice({ code: '33060122', number: `0000${i}`, amount }, f.invoices)
      if (parsed.invoice && parsed.invoice.amount > 0) f = { ...f, invoices: [...f.invoices, parsed.invoice] }
    }
    const { request, errors } = toClaimRequest(f, TODAY)
    expect(errors).toEqual({})
    expect(request!.totalAmount).toBe(fen)
    expect(request!.invoices.reduce((s, i) => s + i.amount, 0)).toBe(fen)
    expect(Number.isInteger(request!.totalAmount)).toBe(true)
  })

  it('keeps a total the worker typed, and says when the invoices do not add up to it', () => {
    const f = form({ invoices: [{ code: '1', number: '1', amount: 10 }], totalAmount: '0.30', totalTouched: true })
    expect(effectiveTotal(f)).toBe('0.30')
    expect(toClaimRequest(f, TODAY).errors.invoices).toBe('发票合计¥0.10，与医疗总费用¥0.30不一致，请核对')
  })

  it('refuses what is not an amount, and never drops a fen', () => {
    const { errors } = toClaimRequest(form({ totalAmount: '1.234', totalTouched: true, insurancePaid: '-5', otherReimbursed: 'abc', invoices: [{ code: '', number: '9', amount: 1 }] }), TODAY)
    expect(errors).toMatchObject({ totalAmount: '请填写金额，例如 1234.56', insurancePaid: '请填写金额，例如 1234.56', otherReimbursed: '请填写金额，例如 1234.56' })
  })

  it('checks the dates, the hospital and that insurance is not more than the total', () => {
    const { errors } = toClaimRequest(form({ hospital: ' ', admissionDate: '2026-11-20', dischargeDate: '2026-11-18', invoices: [] }), TODAY)
    expect(errors).toEqual({ hospital: '请填写医院全称', dischargeDate: '出院日期不能早于入院日期', invoices: '请至少添加一张发票', totalAmount: '请填写医疗总费用，或先添加发票' })
    expect(toClaimRequest(form({ dischargeDate: '2026-11-23' }), TODAY).errors.dischargeDate).toBe('出院日期不能晚于今天')
    const over = toClaimRequest(form({ invoices: [{ code: '', number: '1', amount: 100 }], insurancePaid: '0.80', otherReimbursed: '0.30' }), TODAY)
    expect(over.errors.insurancePaid).toBe('医保统筹支付和其他报销加起来不能超过医疗总费用')
  })

  it('adds invoices one by one, refusing a repeat however it is spaced', () => {
    const first = parseInvoice({ code: '3306 0122', number: '0001 2345', amount: '100' }, [])
    expect(first.invoice).toEqual({ code: '33060122', number: '00012345', amount: 10_000 })
    expect(parseInvoice({ code: '33060122', number: '00012345', amount: '5' }, [first.invoice!]).errors).toEqual({ number: '这张发票已经添加过了' })
    expect(parseInvoice({ code: 'x-1', number: '', amount: '0' }, []).errors).toEqual({ code: '票据代码为数字或字母，最多20位', number: '请填写票据号码', amount: '请填写金额，例如 1234.56' })
    // an all-electronic invoice has a number and no code
    expect(parseInvoice({ code: '', number: '24332000000012345678', amount: '88.8' }, []).invoice).toEqual({ code: '', number: '24332000000012345678', amount: 8880 })
  })

  it('estimates on the phone with the same shared rule as the BFF', () => {
    const f = form({ invoices: [{ code: '', number: '1', amount: 1_000_000 }], insurancePaid: '6000' })
    const cover = { planId: 'plan-1', planCode: 'DEMO-INPATIENT', planName: '', periodStart: '2026-01-01', periodEnd: '2026-12-31', waitingEndsOn: '2026-01-01', annualCap: 2_000_000, paidThisYear: 1_900_000, remaining: 100_000, claimDeadlineDays: 180 }
    const r = localEstimate(f, PLAN, cover)!
    expect(r).toEqual(computePayout(PLAN, { totalAmount: 1_000_000, insurancePaid: 600_000, otherReimbursed: 0, annualUsed: 1_900_000 }))
    expect(r.payout).toBe(100_000)
    expect(localEstimate(form({ insurancePaid: 'x' }), PLAN, cover)).toBeNull()
  })

  it('puts the BFF field problems next to the right fields', () => {
    expect(serverFieldErrors({ 'invoices.1.number': '这张发票和第1张重复了', hospital: '太长了', unknown: 'x' })).toEqual({ invoices: '第2张发票：这张发票和第1张重复了', hospital: '太长了' })
  })
})

describe('the admin plan form', () => {
  it('turns yuan and percent into fen and basis points exactly, tiers joined end to start', () => {
    const f = { ...emptyPlanForm('2027'), code: 'BJ-2027', name: '北京式', deductible: '1300', tiers: [{ to: '10000', ratio: '40' }, { to: '20000', ratio: '45.5' }, { to: '', ratio: '90' }], bonusPoints: '5', annualCap: '', perClaimCap: '30000.5' }
    const { request, errors } = toPlanRequest(f)
    expect(errors).toEqual({})
    expect(request).toMatchObject({
      deductible: 130_000,
      tiers: [
        { from: 0, to: 1_000_000, ratioBp: 4000 },
        { from: 1_000_000, to: 2_000_000, ratioBp: 4550 },
        { from: 2_000_000, to: null, ratioBp: 9000 }
      ],
      bonusBp: 500,
      annualCap: null,
      perClaimCap: 3_000_050,
      periodStart: '2027-01-01'
    })
    expect(planFormFrom({ ...PLAN, ...request!, id: 'p', active: true, description: '' }).tiers).toEqual([
      { to: '10000', ratio: '40' },
      { to: '20000', ratio: '45.5' },
      { to: '', ratio: '90' }
    ])
  })

  it('says which tier is wrong', () => {
    const { errors } = toPlanRequest({ ...emptyPlanForm('2027'), code: 'X1', name: '', tiers: [{ to: '0', ratio: '120' }, { to: '', ratio: '50' }] })
    expect(errors).toMatchObject({ code: '3到40位大写字母、数字或"-"', name: '请填写计划名称', 'tiers.0.to': '请填写比起点大的金额', 'tiers.0.ratioBp': '比例为0到100之间的数' })
  })
})
