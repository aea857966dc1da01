/**
 * What a scanned membership-card QR carries: the card token itself, or a link with it in
 * `token=` (a card shown in a browser). Anything else is passed on as typed, and the BFF answers
 * CARD_QR_INVALID (or, to a card check, INVALID) for it. 场馆签到 and 核验会员卡 both read it.
 */
export function extractCardToken(scanned: string): string {
  const text = (scanned ?? '').trim()
  const m = /[?&#](?:token|cardToken)=([^&#\s]+)/.exec(text)
  if (!m) return text
  try {
    return decodeURIComponent(m[1])
  } catch {
    return m[1]
  }
}
