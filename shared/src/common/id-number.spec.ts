import fc from 'fast-check';
import { ageOn, checkIdNumber, idNumberCheckChar, isValidIdNumber } from './id-number';

describe('GB 11643 ID number check', () => {
  it('accepts the example of the standard', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('11010519491231002x')).toBeNull(); // lower-case x is normalised
  });

  it.each([
    ['', 'empty'],
    ['110105491231002', 'length'], // a 15-digit first-generation number
    ['1101051949123100', 'length'],
    ['11010519491231002Y', 'format'],
    ['1101051949123X002X', 'format'],
    ['110105194902300021', 'birth_date'], // 30 February
    ['110105194913010021', 'birth_date'], // month 13
    ['110105189912310021', 'birth_date'], // before 1900
    ['110105194912310021', 'check_digit'],
  ])('%s → %s', (id, problem) => {
    expect(checkIdNumber(id)).toBe(problem);
  });

  it('refuses a birth date after today', () => {
    const id17 = '33060220300101123';
    const id = id17 + idNumberCheckChar(id17);
    expect(checkIdNumber(id)).toBeNull();
    expect(checkIdNumber(id, '2026-11-22')).toBe('birth_date');
  });

  it('computes age in whole years', () => {
    expect(ageOn('2010-11-23', '2026-11-22')).toBe(15);
    expect(ageOn('2010-11-22', '2026-11-22')).toBe(16);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });

  const validId = fc
    .record({
      area: fc.integer({ min: 110000, max: 659999 }),
      date: fc.date({ min: new Date('1920-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ area, date, seq }) => {
      const d = date.toISOString().slice(0, 10).replace(/-/g, '');
      const first17 = `${area}${d}${String(seq).padStart(3, '0')}`;
      return first17 + idNumberCheckChar(first17);
    });

  it('property: generated numbers are valid', () => {
    fc.assert(fc.property(validId, (id) => isValidIdNumber(id)));
  });

  it('property: every single-character change is caught', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, pos, ch) => {
        fc.pre(id[pos] !== ch);
        const changed = id.slice(0, pos) + ch + id.slice(pos + 1);
        return !isValidIdNumber(changed);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: every adjacent swap of different characters is caught', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), (id, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        return !isValidIdNumber(swapped);
      }),
      { numRuns: 2000 },
    );
  });
});
