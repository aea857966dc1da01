/**
 * The resident identity card number of GB 11643-1999: 6-digit address code, 8-digit birth date,
 * 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X).
 * 15-digit numbers (first generation cards) are refused: they carry no check digit and have
 * been invalid since 2013.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'empty' | 'length' | 'format' | 'birth_date' | 'check_digit';

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  empty: '请填写身份证号码',
  length: '身份证号码应为18位',
  format: '身份证号码只能包含数字，最后一位可以是X',
  birth_date: '身份证号码中的出生日期不正确',
  check_digit: '身份证号码校验位不正确，请核对',
};

export function normalizeIdNumber(input: string): string {
  return input.trim().toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** The birth date encoded in a (format-valid) number, as YYYY-MM-DD, or null if not a real date. */
export function idNumberBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Checks a number; returns null when valid, else what is wrong.
 * `today` (YYYY-MM-DD) bounds the birth date: nobody is born in the future.
 */
export function checkIdNumber(input: string, today?: string): IdNumberProblem | null {
  const id = normalizeIdNumber(input ?? '');
  if (!id) return 'empty';
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = idNumberBirthDate(id);
  if (!birth || (today && birth > today)) return 'birth_date';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return null;
}

export function isValidIdNumber(input: string, today?: string): boolean {
  return checkIdNumber(input, today) === null;
}

/** Whole years of age on `today` (YYYY-MM-DD) for someone born on `birth` (YYYY-MM-DD). */
export function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}
