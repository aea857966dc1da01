import { fenToYuan, yuanToFen, type CreatePlanRequest, type PayoutTier, type PlanResponse } from '@unionhome/shared'

/**
 * The admin's plan form as text fields, and its conversion to the request: money in yuan and
 * ratios in percent (both with at most two decimals, converted exactly: 40 % = 4000 bp).
 */

export interface TierDraft {
  /** The band's upper end in yuan; empty for the open last band. */
  to: string
  /** Percent, e.g. "40" or "45.5". */
  ratio: string
}

export interface PlanFormState {
  code: string
  name: string
  description: string
  premium: string
  periodStart: string
  periodEnd: string
  waitingPeriodDays: string
  claimDeadlineDays: string
  deductible: string
  tiers: TierDraft[]
  bonusPoints: string
  bonusTags: string[]
  perClaimCap: string
  annualCap: string
  active: boolean
}

export function emptyPlanForm(year: string): PlanFormState {
  return {
    code: '',
    name: '',
    description: '',
    premium: '50',
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    waitingPeriodDays: '0',
    claimDeadlineDays: '180',
    deductible: '0',
    tiers: [{ to: '', ratio: '40' }],
    bonusPoints: '5',
    bonusTags: ['hardship', 'model_worker'],
    perClaimCap: '',
    annualCap: '20000',
    active: true
  }
}

const pct = (bp: number) => fenToYuan(bp).replace(/\.?0+$/, '')
const yuan = (fen: number | null) => (fen === null ? '' : fenToYuan(fen).replace(/\.00$/, ''))

export function planFormFrom(p: PlanResponse): PlanFormState {
  return {
    code: p.code,
    name: p.name,
    description: p.description,
    premium: yuan(p.premium),
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    waitingPeriodDays: String(p.waitingPeriodDays),
    claimDeadlineDays: String(p.claimDeadlineDays),
    deductible: yuan(p.deductible),
    tiers: p.tiers.map((t) => ({ to: yuan(t.to), ratio: pct(t.ratioBp) })),
    bonusPoints: pct(p.bonusBp),
    bonusTags: p.bonusTags,
    perClaimCap: yuan(p.perClaimCap),
    annualCap: yuan(p.annualCap),
    active: p.active
  }
}

export function toPlanRequest(f: PlanFormState): { request?: CreatePlanRequest; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const money = (field: string, text: string, optional = false): number | null => {
    if (optional && !text.trim()) return null
    const v = yuanToFen(text)
    if (v === null) errors[field] = '请填写金额，例如 20000'
    return v
  }
  const whole = (field: string, text: string): number => {
    if (!/^\d{1,4}$/.test(text.trim())) errors[field] = '请填写整数'
    return Number(text.trim())
  }
  if (!/^[A-Z0-9-]{3,40}$/.test(f.code)) errors.code = '3到40位大写字母、数字或"-"'
  if (f.name.trim().length < 2) errors.name = '请填写计划名称'
  const premium = money('premium', f.premium)
  const deductible = money('deductible', f.deductible)
  const perClaimCap = money('perClaimCap', f.perClaimCap, true)
  const annualCap = money('annualCap', f.annualCap, true)
  const bonus = yuanToFen(f.bonusPoints || '0')
  if (bonus === null) errors.bonusBp = '请填写百分点，例如 5'
  const tiers: PayoutTier[] = []
  let from = 0
  f.tiers.forEach((t, i) => {
    const last = i === f.tiers.length - 1
    const ratio = yuanToFen(t.ratio)
    if (ratio === null || ratio > 10_000) errors[`tiers.${i}.ratioBp`] = '比例为0到100之间的数'
    let to: number | null = null
    if (!last || t.to.trim()) {
      to = yuanToFen(t.to)
      if (to === null || to <= from) errors[`tiers.${i}.to`] = '请填写比起点大的金额'
    }
    tiers.push({ from, to, ratioBp: ratio ?? 0 })
    from = to ?? from
  })
  const request: CreatePlanRequest = {
    code: f.code,
    name: f.name.trim(),
    description: f.description.trim(),
    premium: premium ?? 0,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    waitingPeriodDays: whole('waitingPeriodDays', f.waitingPeriodDays),
    claimDeadlineDays: whole('claimDeadlineDays', f.claimDeadlineDays),
    deductible: deductible ?? 0,
    tiers,
    bonusBp: bonus ?? 0,
    bonusTags: f.bonusTags,
    perClaimCap,
    annualCap,
    active: f.active
  }
  return Object.keys(errors).length ? { errors } : { request, errors }
}
