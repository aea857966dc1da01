/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (the digits and the capital letters without I, O, Z, S, V), the last
 * one a check character over the first 17 with weights 3^(i-1) mod 31.
 *
 * Position 1 is the registering authority, 2 the kind of organisation under it: a trade union is
 * registered by the union itself (8) and a grassroots union is kind 1, so its code starts "81".
 */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;
export const GRASSROOTS_CREDIT_CODE_PREFIX = '81';

const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
const FORMAT = new RegExp(`^[${CREDIT_CODE_ALPHABET}]{${CREDIT_CODE_LENGTH}}$`);

export type CreditCodeProblem = 'empty' | 'length' | 'format' | 'check_char' | 'not_grassroots';

export const CREDIT_CODE_PROBLEM_MESSAGES: Record<CreditCodeProblem, string> = {
  empty: '请填写统一社会信用代码',
  length: '统一社会信用代码应为18位',
  format: '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）',
  check_char: '统一社会信用代码校验位不正确，请核对',
  not_grassroots: '基层工会的统一社会信用代码应以81开头',
};

/** Spaces dropped and letters upper-cased: people copy codes from certificates with both. */
export function normalizeCreditCode(input: string): string {
  return (input ?? '').replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters (which must be from the alphabet). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Checks a code; null when valid, else what is wrong. With `grassroots`, the code must also be
 * that of a grassroots union (prefix 81).
 */
export function checkCreditCode(input: string, opts: { grassroots?: boolean } = {}): CreditCodeProblem | null {
  const code = normalizeCreditCode(input);
  if (!code) return 'empty';
  if (code.length !== CREDIT_CODE_LENGTH) return 'length';
  if (!FORMAT.test(code)) return 'format';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'check_char';
  if (opts.grassroots && !code.startsWith(GRASSROOTS_CREDIT_CODE_PREFIX)) return 'not_grassroots';
  return null;
}

export function isValidCreditCode(input: string, opts: { grassroots?: boolean } = {}): boolean {
  return checkCreditCode(input, opts) === null;
}
