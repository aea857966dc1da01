import { formatFen } from '../common/money';

/**
 * The payout rule of a mutual-aid plan (DESIGN.md §2), as one pure function. The mini-app shows
 * its estimate before submission, the BFF answers GET /claims/{id}/estimate with it, and the
 * reviewer's approval is checked against it: one function, so all three always agree.
 */

/** Basis points: 10000 = 100 %. */
export const FULL_RATIO_BP = 10_000;

/** One band `[from, to)` of the eligible amount (fen) paid at `ratioBp`; `to: null` = no upper end. */
export interface PayoutTier {
  from: number;
  to: number | null;
  ratioBp: number;
}

export interface PayoutRule {
  /** 起付线: the part of the eligible amount below this is not paid. */
  deductible: number;
  /** Contiguous bands starting at 0 (see checkPayoutRule). */
  tiers: PayoutTier[];
  /** Extra percentage points, in basis points (500 = +5 points), for members with a bonus tag. */
  bonusBp: number;
  /** Member tags that earn the bonus, e.g. hardship (困难职工), model_worker (劳模). */
  bonusTags: string[];
  /** At most this much per claim; null = no per-claim cap. */
  perClaimCap: number | null;
  /** At most this much per member per plan year; null = no annual cap. */
  annualCap: number | null;
}

export interface PayoutInput {
  totalAmount: number;
  /** Paid by basic medical insurance (统筹支付). */
  insurancePaid: number;
  otherReimbursed: number;
  memberTags?: readonly string[] | null;
  /** Already approved for this member in this plan year, other claims only. */
  annualUsed: number;
}

export type PayoutLineKind = 'base' | 'minus' | 'subtotal' | 'tier' | 'limit' | 'result';

/** One line a worker or a reviewer reads; the amounts add up from top to bottom. */
export interface PayoutLine {
  label: string;
  amount: number;
  kind: PayoutLineKind;
}

export interface PayoutResult {
  /** Total − insurance − other reimbursements, never below 0. */
  eligibleAmount: number;
  /** The part of the eligible amount the deductible took. */
  deductibleApplied: number;
  /** Floor of the sum over the tiers, before any cap. */
  tieredAmount: number;
  /** The bonus that was applied (0 when the member has no bonus tag). */
  bonusBp: number;
  /** Remaining annual amount before this claim; null when the plan has no annual cap. */
  annualRemaining: number | null;
  /** Remaining annual amount if this claim is paid in full. */
  annualRemainingAfter: number | null;
  payout: number;
  limitedBy: 'per_claim_cap' | 'annual_cap' | null;
  breakdown: PayoutLine[];
}

/** 4000 → "40%", 4550 → "45.5%". */
export function formatRatio(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

function assertFen(name: string, v: number): void {
  if (!Number.isInteger(v)) throw new Error(`${name} must be integer fen, got ${v}`);
}

function tierLabel(t: PayoutTier): string {
  const range = t.to === null && t.from === 0 ? '' : t.to === null ? `${formatFen(t.from)}以上` : `${formatFen(t.from)}–${formatFen(t.to)}`;
  return range ? `${range}部分` : '';
}

export function computePayout(rule: PayoutRule, input: PayoutInput): PayoutResult {
  for (const [k, v] of Object.entries({ totalAmount: input.totalAmount, insurancePaid: input.insurancePaid, otherReimbursed: input.otherReimbursed, annualUsed: input.annualUsed, deductible: rule.deductible })) {
    assertFen(k, v);
  }
  const breakdown: PayoutLine[] = [];
  breakdown.push({ label: '医疗总费用', amount: input.totalAmount, kind: 'base' });
  breakdown.push({ label: '减：医保统筹支付', amount: -input.insurancePaid, kind: 'minus' });
  if (input.otherReimbursed !== 0) breakdown.push({ label: '减：其他已报销', amount: -input.otherReimbursed, kind: 'minus' });

  const rawEligible = input.totalAmount - input.insurancePaid - input.otherReimbursed;
  const eligibleAmount = Math.max(0, rawEligible);
  if (rawEligible < 0) breakdown.push({ label: '不足0元，按0元计', amount: -rawEligible, kind: 'minus' });
  breakdown.push({ label: '可报销金额', amount: eligibleAmount, kind: 'subtotal' });

  const deductibleApplied = Math.min(Math.max(0, rule.deductible), eligibleAmount);
  if (rule.deductible > 0) breakdown.push({ label: `减：起付线${formatFen(rule.deductible)}`, amount: -deductibleApplied, kind: 'minus' });

  const tags = input.memberTags ?? [];
  const bonusBp = rule.bonusBp > 0 && rule.bonusTags.some((t) => tags.includes(t)) ? rule.bonusBp : 0;

  // Exact sum in fen × basis points (integers, far below 2^53 for any real bill), floored once.
  // Each tier's line is the difference of floored running sums, so the lines add up exactly.
  let exact = 0;
  let shown = 0;
  for (const tier of [...rule.tiers].sort((a, b) => a.from - b.from)) {
    const lower = Math.max(tier.from, rule.deductible);
    const upper = tier.to === null ? eligibleAmount : Math.min(tier.to, eligibleAmount);
    const portion = upper - lower;
    if (portion <= 0) continue;
    const ratio = Math.min(FULL_RATIO_BP, tier.ratioBp + bonusBp);
    exact += portion * ratio;
    const floored = Math.floor(exact / FULL_RATIO_BP);
    const bonusText = bonusBp > 0 ? `（含加${formatRatio(bonusBp).replace('%', '')}个百分点）` : '';
    breakdown.push({
      label: `${tierLabel(tier)}${formatFen(portion)} × ${formatRatio(ratio)}${bonusText}`,
      amount: floored - shown,
      kind: 'tier',
    });
    shown = floored;
  }
  const tieredAmount = Math.floor(exact / FULL_RATIO_BP);
  breakdown.push({ label: '按比例计算', amount: tieredAmount, kind: 'subtotal' });

  let payout = tieredAmount;
  let limitedBy: PayoutResult['limitedBy'] = null;
  if (rule.perClaimCap !== null && payout > rule.perClaimCap) {
    breakdown.push({ label: `超过单次最高${formatFen(rule.perClaimCap)}，按最高额计`, amount: rule.perClaimCap - payout, kind: 'limit' });
    payout = rule.perClaimCap;
    limitedBy = 'per_claim_cap';
  }
  const annualRemaining = rule.annualCap === null ? null : Math.max(0, rule.annualCap - input.annualUsed);
  if (annualRemaining !== null && payout > annualRemaining) {
    breakdown.push({ label: `超过本年度剩余额度${formatFen(annualRemaining)}，按剩余额度计`, amount: annualRemaining - payout, kind: 'limit' });
    payout = annualRemaining;
    limitedBy = 'annual_cap';
  }
  breakdown.push({ label: '预计可得', amount: payout, kind: 'result' });
  return {
    eligibleAmount,
    deductibleApplied,
    tieredAmount,
    bonusBp,
    annualRemaining,
    annualRemainingAfter: annualRemaining === null ? null : annualRemaining - payout,
    payout,
    limitedBy,
    breakdown,
  };
}

/**
 * Problems of a rule an admin typed, by field, in Chinese; empty when the rule is sound.
 * Tiers must start at 0, follow each other without gaps or overlaps, and only the last may be open.
 */
export function checkPayoutRule(rule: PayoutRule): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!Number.isInteger(rule.deductible) || rule.deductible < 0) problems.deductible = '起付线应为不小于0的整数（分）';
  if (!Number.isInteger(rule.bonusBp) || rule.bonusBp < 0 || rule.bonusBp > FULL_RATIO_BP) problems.bonusBp = '加点应在0到10000个基点之间';
  if (rule.perClaimCap !== null && (!Number.isInteger(rule.perClaimCap) || rule.perClaimCap < 0)) problems.perClaimCap = '单次上限应为不小于0的整数（分）';
  if (rule.annualCap !== null && (!Number.isInteger(rule.annualCap) || rule.annualCap < 0)) problems.annualCap = '年度上限应为不小于0的整数（分）';
  if (rule.tiers.length === 0) {
    problems.tiers = '至少需要一个赔付比例段';
    return problems;
  }
  let expectedFrom = 0;
  rule.tiers.forEach((t, i) => {
    const at = `tiers.${i}`;
    if (!Number.isInteger(t.ratioBp) || t.ratioBp < 0 || t.ratioBp > FULL_RATIO_BP) problems[`${at}.ratioBp`] = '比例应在0到10000个基点之间';
    if (t.from !== expectedFrom) problems[`${at}.from`] = i === 0 ? '第一段应从0元开始' : '应紧接上一段的结束金额';
    if (t.to !== null && (!Number.isInteger(t.to) || t.to <= t.from)) problems[`${at}.to`] = '结束金额应大于起始金额';
    if (t.to === null && i !== rule.tiers.length - 1) problems[`${at}.to`] = '只有最后一段可以不设上限';
    expectedFrom = t.to ?? expectedFrom;
  });
  return problems;
}
