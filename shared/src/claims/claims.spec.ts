import { checkClaimDates, CoverageWindow } from './claims';

const window2026: CoverageWindow = { coverageStart: '2026-01-01', coverageEnd: '2026-12-31', waitingEndsOn: '2026-01-01', claimDeadlineDays: 180 };

describe('checkClaimDates', () => {
  it.each<[string, { admissionDate: string; dischargeDate: string }, Partial<CoverageWindow>, string, string | null]>([
    ['a stay inside the year', { admissionDate: '2026-06-01', dischargeDate: '2026-06-10' }, {}, '2026-06-15', null],
    ['admission and discharge on one day', { admissionDate: '2026-06-01', dischargeDate: '2026-06-01' }, {}, '2026-06-01', null],
    ['discharge before admission', { admissionDate: '2026-06-10', dischargeDate: '2026-06-01' }, {}, '2026-06-15', 'dischargeDate'],
    ['discharge in the future', { admissionDate: '2026-06-10', dischargeDate: '2026-06-20' }, {}, '2026-06-15', 'dischargeDate'],
    ['admission in the future', { admissionDate: '2026-06-16', dischargeDate: '2026-06-20' }, {}, '2026-06-15', 'admissionDate'],
    ['admitted before coverage', { admissionDate: '2025-12-30', dischargeDate: '2026-01-05' }, {}, '2026-01-10', 'OUTSIDE_COVERAGE'],
    ['admitted after coverage ended', { admissionDate: '2027-01-02', dischargeDate: '2027-01-05' }, {}, '2027-01-10', 'OUTSIDE_COVERAGE'],
    ['admitted on the last day of coverage', { admissionDate: '2026-12-31', dischargeDate: '2027-01-05' }, {}, '2027-01-10', null],
    ['in the waiting period', { admissionDate: '2026-03-10', dischargeDate: '2026-03-12' }, { waitingEndsOn: '2026-04-01' }, '2026-04-15', 'IN_WAITING_PERIOD'],
    ['first day after the waiting period', { admissionDate: '2026-04-01', dischargeDate: '2026-04-03' }, { waitingEndsOn: '2026-04-01' }, '2026-04-15', null],
    ['on the deadline day', { admissionDate: '2026-01-02', dischargeDate: '2026-01-10' }, { claimDeadlineDays: 30 }, '2026-02-09', null],
    ['a day past the deadline', { admissionDate: '2026-01-02', dischargeDate: '2026-01-10' }, { claimDeadlineDays: 30 }, '2026-02-10', 'CLAIM_DEADLINE_PASSED'],
  ])('%s', (_n, dates, w, today, expected) => {
    const p = checkClaimDates(dates, { ...window2026, ...w }, today);
    if (expected === null) expect(p).toBeNull();
    else expect(p && (p.kind === 'field' ? p.field : p.code)).toBe(expected);
  });

  it('says why in plain words', () => {
    expect(checkClaimDates({ admissionDate: '2026-03-10', dischargeDate: '2026-03-12' }, { ...window2026, waitingEndsOn: '2026-04-01' }, '2026-04-15')?.message).toBe(
      '入院日期2026-03-10还在等待期内，2026-04-01及以后入院的才能申请',
    );
    expect(checkClaimDates({ admissionDate: '2026-01-02', dischargeDate: '2026-01-10' }, { ...window2026, claimDeadlineDays: 30 }, '2026-03-01')?.message).toBe(
      '出院后30天内可以申请，本次申请截止到2026-02-09，已经超过了',
    );
  });
});
