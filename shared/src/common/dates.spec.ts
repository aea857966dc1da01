import fc from 'fast-check';
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
    expect(toBusinessIso(new Date('2026-12-31T16:00:09Z'))).toBe('2027-01-01T00:00:09+08:00');
  });
  it('formats any instant as the same instant in +08:00, to the second', () => {
    const instants = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instants, (d) => {
        const text = toBusinessIso(d);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
        expect(Date.parse(text)).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
    );
  });
});
