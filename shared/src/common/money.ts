/**
 * Money is integer fen (分) everywhere. Conversions to and from the yuan a person types or reads
 * go through strings, never through floating point, so 0.1 + 0.2 never becomes 0.30000000000000004.
 */

const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{0,2}))?$/;

/** Parses what a person typed ("12", "12.5", "12.05", " 1,234.50 ") into fen; null if it is not an amount. */
export function yuanToFen(input: string | number): number | null {
  const text = String(input).trim().replace(/[,，\s]/g, '').replace(/^¥/, '');
  const m = YUAN_PATTERN.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = (m[2] ?? '').padEnd(2, '0');
  return whole * 100 + Number(frac);
}

/** 123456 → "1234.56" (no grouping, for inputs). */
export function fenToYuan(fen: number): string {
  if (!Number.isInteger(fen)) throw new Error(`fen must be an integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** 123456 → "¥1,234.56" (for display). */
export function formatFen(fen: number): string {
  const [whole, cents] = fenToYuan(fen).split('.');
  const neg = whole.startsWith('-');
  const digits = neg ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}¥${grouped}.${cents}`;
}

/** Sums integer fen amounts, refusing non-integers so a float never slips in. */
export function sumFen(amounts: readonly number[]): number {
  return amounts.reduce((acc, a) => {
    if (!Number.isInteger(a)) throw new Error(`fen must be an integer, got ${a}`);
    return acc + a;
  }, 0);
}
