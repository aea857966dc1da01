import {
  addDays,
  computePayout,
  fenToYuan,
  formatFen,
  INVOICE_CODE_PATTERN,
  INVOICE_NUMBER_PATTERN,
  invoiceKey,
  MAX_INVOICES_PER_CLAIM,
  sumFen,
  yuanToFen,
  type ClaimInvoice,
  type ClaimResponse,
  type CoverageResponse,
  type CreateClaimRequest,
  type PayoutResult,
  type PlanResponse
} from '@unionhome/shared'

/**
 * Step 1 as data: what the worker types (amounts as the yuan text they typed, converted to fen
 * exactly by the shared yuanToFen, never through floating point), checked before it leaves the
 * phone. Pure, so it is tested without rendering.
 */

export interface ClaimFormState {
  planId: string
  hospital: string
  admissionDate: string
  dischargeDate: string
  totalAmount: string
  insurancePaid: string
  otherReimbursed: string
  invoices: ClaimInvoice[]
  /** Until the worker types a total, the total follows the invoices. */
  totalTouched: boolean
}

export type FormErrors = Partial<Record<'planId' | 'hospital' | 'admissionDate' | 'dischargeDate' | 'totalAmount' | 'insurancePaid' | 'otherReimbursed' | 'invoices', string>>

export function emptyForm(planId: string, today: string): ClaimFormState {
  return {
    planId,
    hospital: '',
    admissionDate: addDays(today, -3),
    dischargeDate: today,
    totalAmount: '',
    insurancePaid: '',
    otherReimbursed: '',
    invoices: [],
    totalTouched: false
  }
}

export function formFromClaim(c: ClaimResponse): ClaimFormState {
  return {
    planId: c.planId,
    hospital: c.hospital,
    admissionDate: c.admissionDate,
    dischargeDate: c.dischargeDate,
    totalAmount: fenToYuan(c.totalAmount),
    insurancePaid: fenToYuan(c.insurancePaid),
    otherReimbursed: c.otherReimbursed ? fenToYuan(c.otherReimbursed) : '',
    invoices: c.invoices,
    totalTouched: true
  }
}

export function invoicesTotal(invoices: ClaimInvoice[]): number {
  return sumFen(invoices.map((i) => i.amount))
}

/** The total as the form shows it: the typed one, or the invoices' sum until something is typed. */
export function effectiveTotal(f: ClaimFormState): string {
  if (f.totalTouched || f.invoices.length === 0) return f.totalAmount
  return fenToYuan(invoicesTotal(f.invoices))
}

const AMOUNT_HINT = '请填写金额，例如 1234.56'

/** One invoice the worker typed; problems by field (code, number, amount). */
export function parseInvoice(draft: { code: string; number: string; amount: string }, existing: ClaimInvoice[]): { invoice?: ClaimInvoice; errors: Record<string, string> } {
  const code = draft.code.replace(/\s+/g, '').toUpperCase()
  const number = draft.number.replace(/\s+/g, '').toUpperCase()
  const errors: Record<string, string> = {}
  if (!INVOICE_CODE_PATTERN.test(code)) errors.code = '票据代码为数字或字母，最多20位'
  if (!number) errors.number = '请填写票据号码'
  else if (!INVOICE_NUMBER_PATTERN.test(number)) errors.number = '票据号码为数字或字母，最多20位'
  const amount = yuanToFen(draft.amount)
  if (amount === null || amount <= 0) errors.amount = AMOUNT_HINT
  if (!errors.number && existing.some((i) => invoiceKey(i) === invoiceKey({ code, number }))) errors.number = '这张发票已经添加过了'
  if (existing.length >= MAX_INVOICES_PER_CLAIM) errors.number = `最多添加${MAX_INVOICES_PER_CLAIM}张发票`
  if (Object.keys(errors).length) return { errors }
  return { invoice: { code, number, amount: amount! }, errors }
}

/** The request for POST/PATCH /claims, or the problems to show next to the fields. */
export function toClaimRequest(f: ClaimFormState, today: string): { request?: CreateClaimRequest; errors: FormErrors } {
  const errors: FormErrors = {}
  if (!f.planId) errors.planId = '请选择保障计划'
  const hospital = f.hospital.trim()
  if (hospital.length < 2) errors.hospital = '请填写医院全称'
  if (!f.admissionDate) errors.admissionDate = '请选择入院日期'
  if (!f.dischargeDate) errors.dischargeDate = '请选择出院日期'
  else if (f.dischargeDate > today) errors.dischargeDate = '出院日期不能晚于今天'
  else if (f.admissionDate && f.dischargeDate < f.admissionDate) errors.dischargeDate = '出院日期不能早于入院日期'
  const total = yuanToFen(effectiveTotal(f))
  const insurance = yuanToFen(f.insurancePaid || '0')
  const other = yuanToFen(f.otherReimbursed || '0')
  if (total === null) errors.totalAmount = effectiveTotal(f).trim() ? AMOUNT_HINT : '请填写医疗总费用，或先添加发票'
  if (insurance === null) errors.insurancePaid = AMOUNT_HINT
  if (other === null) errors.otherReimbursed = AMOUNT_HINT
  if (total !== null && insurance !== null && other !== null && insurance + other > total) {
    errors.insurancePaid = '医保统筹支付和其他报销加起来不能超过医疗总费用'
  }
  if (f.invoices.length === 0) errors.invoices = '请至少添加一张发票'
  else if (total !== null && invoicesTotal(f.invoices) !== total) {
    errors.invoices = `发票合计${formatFen(invoicesTotal(f.invoices))}，与医疗总费用${formatFen(total)}不一致，请核对`
  }
  if (Object.keys(errors).length) return { errors }
  return {
    errors,
    request: {
      planId: f.planId,
      hospital,
      admissionDate: f.admissionDate,
      dischargeDate: f.dischargeDate,
      totalAmount: total!,
      insurancePaid: insurance!,
      otherReimbursed: other!,
      invoices: f.invoices
    }
  }
}

/**
 * The same shared rule the BFF applies, run on the phone while typing. Member tags (困难职工,
 * 劳模) are the BFF's to know, so step 3 shows the BFF's own figure before submission.
 */
export function localEstimate(f: ClaimFormState, plan: PlanResponse | undefined, coverage: CoverageResponse | undefined): PayoutResult | null {
  if (!plan) return null
  const total = yuanToFen(effectiveTotal(f))
  const insurance = yuanToFen(f.insurancePaid || '0')
  const other = yuanToFen(f.otherReimbursed || '0')
  if (total === null || insurance === null || other === null) return null
  return computePayout(plan, { totalAmount: total, insurancePaid: insurance, otherReimbursed: other, annualUsed: coverage?.paidThisYear ?? 0 })
}

/** Server field names (invoices.2.number) → the form's fields. */
export function serverFieldErrors(fields: Record<string, string>): FormErrors {
  const out: FormErrors = {}
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith('invoices')) {
      const m = /^invoices\.(\d+)/.exec(k)
      out.invoices = m ? `第${Number(m[1]) + 1}张发票：${v}` : v
    } else if (k in { planId: 1, hospital: 1, admissionDate: 1, dischargeDate: 1, totalAmount: 1, insurancePaid: 1, otherReimbursed: 1 }) {
      out[k as keyof FormErrors] = v
    }
  }
  return out
}
