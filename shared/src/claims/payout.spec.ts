import fc from 'fast-check';
import { yuanToFen } from '../common/money';
import { checkPayoutRule, computePayout, formatRatio, PayoutInput, PayoutRule } from './payout';
import { invoiceKey, missingClaimDocuments } from './claims';

const yuan = (y: number) => y * 100;

const flat40: PayoutRule = { deductible: 0, tiers: [{ from: 0, to: null, ratioBp: 4000 }], bonusBp: 0, bonusTags: [], perClaimCap: null, annualCap: yuan(20_000) };

/** 北京-style: bands of the eligible amount paid at 40 % … 90 %. */
const beijing: PayoutRule = {
  deductible: yuan(1_300),
  tiers: [
    { from: 0, to: yuan(10_000), ratioBp: 4000 },
    { from: yuan(10_000), to: yuan(20_000), ratioBp: 5000 },
    { from: yuan(20_000), to: yuan(30_000), ratioBp: 6000 },
    { from: yuan(30_000), to: yuan(40_000), ratioBp: 7000 },
    { from: yuan(40_000), to: yuan(50_000), ratioBp: 8000 },
    { from: yuan(50_000), to: null, ratioBp: 9000 },
  ],
  bonusBp: 0,
  bonusTags: [],
  perClaimCap: null,
  annualCap: null,
};

const input = (total: number, insurance = 0, other = 0, annualUsed = 0, memberTags: string[] = []): PayoutInput => ({
  totalAmount: total,
  insurancePaid: insurance,
  otherReimbursed: other,
  annualUsed,
  memberTags,
});

describe('computePayout', () => {
  it.each<[string, PayoutRule, PayoutInput, number, number]>([
    // name, rule, input, eligible, payout
    ['no deductible, 40 % of the self-paid part', flat40, input(yuan(10_000), yuan(6_000)), yuan(4_000), yuan(1_600)],
    ['other reimbursements are taken off too', flat40, input(yuan(10_000), yuan(6_000), yuan(1_000)), yuan(3_000), yuan(1_200)],
    ['fen precision, floored once: 40 % of 333.33 = 133.332', flat40, input(33_333), 33_333, 13_333],
    ['deductible 1000 yuan', { ...flat40, deductible: yuan(1_000) }, input(yuan(5_000), yuan(2_000)), yuan(3_000), yuan(800)],
    ['deductible larger than the eligible amount', { ...flat40, deductible: yuan(1_000) }, input(yuan(1_500), yuan(800)), yuan(700), 0],
    ['beijing tiers below 10k', beijing, input(yuan(8_000)), yuan(8_000), yuan(2_680)],
    // (10000−1300)·40 % + 10000·50 % + 10000·60 % + 10000·70 % + 10000·80 % + 10000·90 % = 3480+5000+6000+7000+8000+9000
    ['beijing tiers across all six bands', beijing, input(yuan(60_000)), yuan(60_000), yuan(38_480)],
    ['beijing tiers, 25k', beijing, input(yuan(25_000)), yuan(25_000), yuan(3_480 + 5_000 + 3_000)],
    ['per-claim cap', { ...flat40, perClaimCap: yuan(5_000) }, input(yuan(50_000)), yuan(50_000), yuan(5_000)],
    ['annual cap: 20k a year, none used', flat40, input(yuan(100_000)), yuan(100_000), yuan(20_000)],
    ['annual cap: remaining after earlier claims', flat40, input(yuan(10_000), 0, 0, yuan(18_500)), yuan(10_000), yuan(1_500)],
    ['annual cap used up', flat40, input(yuan(10_000), 0, 0, yuan(20_000)), yuan(10_000), 0],
    ['zero eligible', flat40, input(yuan(3_000), yuan(3_000)), 0, 0],
    ['negative eligible counts as zero', flat40, input(yuan(3_000), yuan(2_000), yuan(2_000)), 0, 0],
    ['nothing at all', flat40, input(0), 0, 0],
  ])('%s', (_name, rule, inp, eligible, payout) => {
    const r = computePayout(rule, inp);
    expect(r.eligibleAmount).toBe(eligible);
    expect(r.payout).toBe(payout);
  });

  it('gives +5 points to a tagged member (困难职工), 45 % instead of 40 %', () => {
    const rule: PayoutRule = { ...flat40, bonusBp: 500, bonusTags: ['hardship', 'model_worker'] };
    expect(computePayout(rule, input(yuan(10_000), yuan(6_000), 0, 0, ['hardship'])).payout).toBe(yuan(1_800));
    expect(computePayout(rule, input(yuan(10_000), yuan(6_000), 0, 0, ['model_worker'])).bonusBp).toBe(500);
    expect(computePayout(rule, input(yuan(10_000), yuan(6_000), 0, 0, ['other'])).payout).toBe(yuan(1_600));
    expect(computePayout(rule, input(yuan(10_000), yuan(6_000))).bonusBp).toBe(0);
  });

  it('never pays more than 100 % with the bonus', () => {
    const rule: PayoutRule = { ...beijing, bonusBp: 1500, bonusTags: ['model_worker'] };
    const r = computePayout(rule, input(yuan(60_000), 0, 0, 0, ['model_worker']));
    // 55/65/75/85/95/100 %: 8700·55 % + 10000·(65+75+85+95) % + 10000·100 %
    expect(r.payout).toBe(yuan(4_785 + 6_500 + 7_500 + 8_500 + 9_500 + 10_000));
    expect(r.breakdown.some((l) => l.label.includes('× 100%'))).toBe(true);
  });

  it('tracks the annual remaining across several claims of one year', () => {
    let used = 0;
    const payouts = [yuan(30_000), yuan(12_000), yuan(20_000), yuan(5_000)].map((eligible) => {
      const r = computePayout(flat40, input(eligible, 0, 0, used));
      expect(r.annualRemaining).toBe(yuan(20_000) - used);
      used += r.payout;
      expect(r.annualRemainingAfter).toBe(yuan(20_000) - used);
      return r.payout;
    });
    expect(payouts).toEqual([yuan(12_000), yuan(4_800), yuan(3_200), 0]);
    expect(used).toBe(yuan(20_000));
  });

  it('applies the tighter of per-claim cap and annual remaining, and says which', () => {
    const rule = { ...flat40, perClaimCap: yuan(5_000) };
    expect(computePayout(rule, input(yuan(50_000), 0, 0, yuan(10_000))).limitedBy).toBe('per_claim_cap');
    const r = computePayout(rule, input(yuan(50_000), 0, 0, yuan(17_000)));
    expect(r.payout).toBe(yuan(3_000));
    expect(r.limitedBy).toBe('annual_cap');
  });

  it('has no annual remaining without an annual cap', () => {
    const r = computePayout(beijing, input(yuan(1_000_000)));
    expect(r.annualRemaining).toBeNull();
    expect(r.limitedBy).toBeNull();
  });

  it('itemises a breakdown whose lines add up to the payout', () => {
    const r = computePayout({ ...beijing, perClaimCap: yuan(30_000) }, input(6_234_567, yuan(1_000), 1234));
    expect(r.breakdown[0]).toEqual({ label: '医疗总费用', amount: 6_234_567, kind: 'base' });
    expect(r.breakdown.map((l) => l.label)).toEqual(
      expect.arrayContaining(['减：医保统筹支付', '减：其他已报销', '可报销金额', '减：起付线¥1,300.00', '按比例计算', '预计可得']),
    );
    const sumOf = (kinds: string[]) => r.breakdown.filter((l) => kinds.includes(l.kind)).reduce((a, l) => a + l.amount, 0);
    expect(sumOf(['base', 'minus'])).toBe(r.eligibleAmount - r.deductibleApplied);
    expect(sumOf(['tier'])).toBe(r.tieredAmount);
    expect(r.tieredAmount + sumOf(['limit'])).toBe(r.payout);
    expect(r.breakdown[r.breakdown.length - 1]).toEqual({ label: '预计可得', amount: r.payout, kind: 'result' });
  });

  it('labels tiers in plain words', () => {
    const r = computePayout(flat40, input(yuan(10_000), yuan(6_000)));
    expect(r.breakdown.find((l) => l.kind === 'tier')).toEqual({ label: '¥4,000.00 × 40%', amount: yuan(1_600), kind: 'tier' });
    const b = computePayout(beijing, input(yuan(15_000)));
    expect(b.breakdown.filter((l) => l.kind === 'tier').map((l) => l.label)).toEqual([
      '¥0.00–¥10,000.00部分¥8,700.00 × 40%',
      '¥10,000.00–¥20,000.00部分¥5,000.00 × 50%',
    ]);
  });

  it('works on amounts typed in yuan without float drift (0.1 + 0.2 style)', () => {
    const total = yuanToFen('1000.10')! + yuanToFen('0.20')!;
    const r = computePayout(flat40, input(total, yuanToFen('0.30')!));
    expect(r.eligibleAmount).toBe(100_000);
    expect(r.payout).toBe(40_000);
    expect(computePayout(flat40, input(yuanToFen('4.35')!)).payout).toBe(174); // 435 × 40 % = 174
  });

  it('refuses amounts that are not integer fen', () => {
    expect(() => computePayout(flat40, input(0.5))).toThrow(/integer fen/);
  });

  it('property: payout is within 0 … min(eligible, caps), and monotone in the eligible amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.integer({ min: 0, max: 10_000_000_00 }), fc.integer({ min: 0, max: yuan(30_000) }), (a, b, used) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rule = { ...beijing, perClaimCap: yuan(80_000), annualCap: yuan(100_000) };
        const rLo = computePayout(rule, input(lo, 0, 0, used));
        const rHi = computePayout(rule, input(hi, 0, 0, used));
        expect(rLo.payout).toBeGreaterThanOrEqual(0);
        expect(rHi.payout).toBeLessThanOrEqual(Math.min(hi, yuan(80_000), yuan(100_000) - used));
        expect(rHi.payout).toBeGreaterThanOrEqual(rLo.payout);
        expect(rHi.breakdown.filter((l) => l.kind === 'tier').reduce((s, l) => s + l.amount, 0)).toBe(rHi.tieredAmount);
      }),
    );
  });
});

describe('checkPayoutRule', () => {
  it('accepts sound rules', () => {
    expect(checkPayoutRule(flat40)).toEqual({});
    expect(checkPayoutRule(beijing)).toEqual({});
  });

  it.each<[string, Partial<PayoutRule>, string]>([
    ['no tiers', { tiers: [] }, 'tiers'],
    ['first tier not from 0', { tiers: [{ from: 100, to: null, ratioBp: 4000 }] }, 'tiers.0.from'],
    ['gap between tiers', { tiers: [{ from: 0, to: 100, ratioBp: 4000 }, { from: 200, to: null, ratioBp: 5000 }] }, 'tiers.1.from'],
    ['open tier before the last', { tiers: [{ from: 0, to: null, ratioBp: 4000 }, { from: 0, to: 100, ratioBp: 5000 }] }, 'tiers.0.to'],
    ['ratio above 100 %', { tiers: [{ from: 0, to: null, ratioBp: 10_001 }] }, 'tiers.0.ratioBp'],
    ['empty band', { tiers: [{ from: 0, to: 0, ratioBp: 4000 }] }, 'tiers.0.to'],
    ['negative deductible', { deductible: -1 }, 'deductible'],
    ['bonus above 100 %', { bonusBp: 20_000 }, 'bonusBp'],
    ['negative annual cap', { annualCap: -5 }, 'annualCap'],
  ])('refuses %s', (_n, patch, field) => {
    expect(Object.keys(checkPayoutRule({ ...flat40, ...patch }))).toContain(field);
  });
});

describe('helpers', () => {
  it.each([
    [4000, '40%'],
    [4550, '45.5%'],
    [4505, '45.05%'],
    [10000, '100%'],
    [0, '0%'],
  ])('formatRatio(%d) = %s', (bp, text) => expect(formatRatio(bp)).toBe(text));

  it('normalises invoice keys so spacing and case do not make a new invoice', () => {
    expect(invoiceKey({ code: ' 3306 0122 ', number: '0012345' })).toBe(invoiceKey({ code: '33060122', number: '0012345' }));
    expect(invoiceKey({ code: 'ab12', number: 'x9' })).toBe('AB12|X9');
    expect(invoiceKey({ code: '', number: '24332000000012345678' })).toBe('|24332000000012345678');
    expect(invoiceKey({ code: '1', number: '23' })).not.toBe(invoiceKey({ code: '12', number: '3' }));
  });

  it('lists the missing required documents in checklist order', () => {
    expect(missingClaimDocuments(['invoice', 'id_card_front', 'other'])).toEqual(['id_card_back', 'discharge_summary', 'settlement']);
    expect(missingClaimDocuments(['id_card_front', 'id_card_back', 'discharge_summary', 'settlement', 'invoice'])).toEqual([]);
  });
});
