import fc from 'fast-check';
import {
  checkCreditCode,
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  isValidCreditCode,
  normalizeCreditCode,
} from './credit-code';
import { canHaveChildren, canPlaceOrg, ORG_TYPES, orderAsTree, orgPlacementProblem, OrgType } from './index';

describe('GB 32100 unified social credit code', () => {
  it.each([
    ['91350100M000100Y43'], // the example printed in the standard
    ['91110000802100433B'],
    ['81330602MC12345670'], // the demo grassroots union
  ])('accepts %s', (code) => {
    expect(checkCreditCode(code)).toBeNull();
  });

  it('normalises spaces and lower case before checking', () => {
    expect(normalizeCreditCode(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
    expect(checkCreditCode('91350100m000100y43')).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100M000100I43', 'format'], // I is not in the alphabet (nor O, Z, S, V)
    ['91350100M000100O43', 'format'],
    ['91350100M000100S43', 'format'],
    ['9135010-M000100Y43', 'format'],
    ['91350100M000100Y44', 'check_char'],
    ['81330602MC1234567X', 'check_char'],
  ])('%s → %s', (code, problem) => {
    expect(checkCreditCode(code)).toBe(problem);
  });

  it('a grassroots union needs the prefix 81 (after the check character is right)', () => {
    expect(checkCreditCode('91350100M000100Y43', { grassroots: true })).toBe('not_grassroots');
    expect(checkCreditCode('81330602MC12345670', { grassroots: true })).toBeNull();
    expect(checkCreditCode('81330602MC12345671', { grassroots: true })).toBe('check_char');
  });

  it('the check character of "91350100M000100Y4" is 3', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
  const first17 = fc.array(alphabetChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));
  const validCode = first17.map((s) => s + creditCodeCheckChar(s));

  it('property: a code with its computed check character is valid', () => {
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(code)));
  });

  it('property: the check character is always one of the alphabet', () => {
    fc.assert(fc.property(first17, (s) => CREDIT_CODE_ALPHABET.includes(creditCodeCheckChar(s))));
  });

  it('property: changing any one character is caught (31 is prime and every weight is non-zero mod 31)', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        const changed = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[pos]) + shift) % 31];
        const bad = code.slice(0, pos) + changed + code.slice(pos + 1);
        return checkCreditCode(bad) === 'check_char';
      }),
    );
  });

  it('property: swapping two different adjacent characters is caught', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 15 }), (code, pos) => {
        fc.pre(code[pos] !== code[pos + 1]);
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        return !isValidCreditCode(swapped);
      }),
    );
  });

  it('property: a grassroots code is valid for grassroots exactly when it starts with 81', () => {
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(code, { grassroots: true }) === code.startsWith('81')));
  });
});

describe('the org tree', () => {
  it.each<[OrgType, OrgType | null, boolean]>([
    ['city', null, true],
    ['city', 'city', false],
    ['district', null, false],
    ['district', 'city', true],
    ['street', 'district', true],
    ['street', 'city', false],
    ['industry', 'city', true],
    ['industry', 'district', true],
    ['industry', 'street', false],
    ['grassroots', 'street', true],
    ['grassroots', 'industry', true],
    ['grassroots', 'city', true],
    ['grassroots', 'grassroots', false],
    ['grassroots', 'palace', false],
    ['palace', 'city', true],
    ['palace', 'grassroots', false],
    ['palace', null, false],
  ])('%s under %s → %s', (type, parent, ok) => {
    expect(canPlaceOrg(type, parent)).toBe(ok);
    expect(orgPlacementProblem(type, parent) === null).toBe(ok);
  });

  it('says what is allowed in plain words', () => {
    expect(orgPlacementProblem('street', 'city')).toBe('街道乡镇工会的上级只能是区县总工会');
    expect(orgPlacementProblem('city', 'district')).toBe('市总工会是最上级组织，不能有上级组织');
    expect(orgPlacementProblem('grassroots', null)).toBe('基层工会需要选择上级组织');
  });

  it('grassroots unions and palaces are leaves', () => {
    expect(ORG_TYPES.filter(canHaveChildren)).toEqual(['city', 'district', 'street', 'industry']);
  });

  it('orders a flat list as a tree with depths, siblings by code', () => {
    const flat = [
      { id: 'g', parentId: 's', code: 'G' },
      { id: 'c', parentId: null, code: 'C' },
      { id: 's', parentId: 'd', code: 'S' },
      { id: 'd', parentId: 'c', code: 'D' },
      { id: 'p', parentId: 'c', code: 'A-PALACE' },
      { id: 'x', parentId: 'gone', code: 'X' },
    ];
    expect(orderAsTree(flat).map((o) => `${o.depth}${o.id}`)).toEqual(['0c', '1p', '1d', '2s', '3g', '0x']);
  });

  it('property: every org appears once, after its parent', () => {
    const tree = fc.array(fc.nat(), { maxLength: 40 }).map((parents) =>
      parents.map((p, i) => ({ id: `o${i}`, code: `C${(i * 7) % 13}`, parentId: i === 0 || p % 4 === 0 ? null : `o${p % i}` })),
    );
    fc.assert(
      fc.property(tree, (orgs) => {
        const out = orderAsTree(orgs);
        const at = new Map(out.map((o, i) => [o.id, i]));
        return out.length === orgs.length && out.every((o, i) => !o.parentId || (at.get(o.parentId)! < i && o.depth === out[at.get(o.parentId)!].depth + 1));
      }),
    );
  });
});
