/** Re-checks due within this many days are the archive page's default view and are flagged. */
export const DUE_WITHIN_DAYS = 30

/** Days until a re-check, in words. */
export function recheckText(days: number): string {
  if (days < 0) return `已逾期 ${-days} 天`
  if (days === 0) return '今天到期'
  return `还有 ${days} 天`
}
