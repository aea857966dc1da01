import { addDays, daysBetween, isLocalDate, localDate, localDateTime, toBusinessIso } from './dates';

describe('business dates (Asia/Shanghai)', () => {
  it('uses the Shanghai calendar day', () => {
    expect(localDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(localDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
  it('checks real dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
  });
  it('does date arithmetic', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(localDateTime('2026-11-23', 19).toISOString()).toBe('2026-11-23T11:00:00.000Z');
    expect(toBusinessIso(new Date('2026-11-23T11:00:00Z'))).toBe('2026-11-23T19:00:00+08:00');
  });
});
