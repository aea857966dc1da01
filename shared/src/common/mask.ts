/** Masking for what a response, a log line or a staff screen may show of personal information. */

/** 330602199001011234 → 3306**********1234 (first 4, last 4). */
export function maskIdNumber(id: string): string {
  if (!id) return '';
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/**
 * True for exactly what maskIdNumber makes of an 18-character ID number ("3306**********1234"): a
 * form prefilled from a masked response sends it back unchanged when the person kept that row.
 */
export function isMaskedIdNumber(value: string): boolean {
  return /^\d{4}\*{10}[\dX]{4}$/i.test(value ?? '');
}

/** 13800000001 → 138****0001. */
export function maskPhone(phone: string): string {
  if (!phone) return '';
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 张伟 → 张*, 欧阳娜娜 → 欧***; the family name stays so staff can greet the person. */
export function maskName(name: string): string {
  const chars = Array.from(name ?? '');
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

const ID_LIKE = /\b(\d{6})(\d{8})(\d{3}[\dXx])\b/g;
const PHONE_LIKE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** Masks anything in free text that looks like an ID number or a mobile number (for logs). */
export function scrubPersonalData(text: string): string {
  return text.replace(ID_LIKE, (_m, a: string, _b, c: string) => `${a.slice(0, 4)}**********${c.slice(-4)}`)
    .replace(PHONE_LIKE, (_m, a: string, _b, c: string) => `${a}****${c}`);
}
