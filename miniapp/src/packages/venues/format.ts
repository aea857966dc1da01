import {
  addDays,
  businessDateTimeLabel,
  businessTime,
  cancelRuleText,
  isoWeekday,
  localDate,
  VENUE_KIND_LABELS,
  type VenueKind,
  type VenueRules
} from '@unionhome/shared'
import { errorText, isApiError } from '@/api/request'

/** Plain-word formatting for the venue pages (business time, Asia/Shanghai, whatever the phone's zone). */

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

export function weekdayLabel(date: string): string {
  return `周${WEEKDAYS[isoWeekday(date) - 1]}`
}

export interface StripDay {
  date: string
  /** 今天 / 明天 / 后天 / 周三 */
  label: string
  /** 11-23 */
  short: string
}

/** The day strip: `count` days from `today`. */
export function dayStrip(today: string, count = 7): StripDay[] {
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(today, i)
    const label = i === 0 ? '今天' : i === 1 ? '明天' : i === 2 ? '后天' : weekdayLabel(date)
    return { date, label, short: date.slice(5) }
  })
}

/** '19:00–20:00' */
export function slotTime(slot: { startsAt: string; endsAt: string }): string {
  return `${businessTime(new Date(slot.startsAt))}–${businessTime(new Date(slot.endsAt))}`
}

/** '11月23日 19:00–20:00' */
export function slotDayTime(slot: { startsAt: string; endsAt: string }): string {
  const [day] = businessDateTimeLabel(new Date(slot.startsAt)).split(' ')
  return `${day} ${slotTime(slot)}`
}

/** '11月23日 周一 19:00–20:00' */
export function slotWhen(slot: { startsAt: string; endsAt: string }): string {
  const start = new Date(slot.startsAt)
  const [day] = businessDateTimeLabel(start).split(' ')
  return `${day} ${weekdayLabel(localDate(start))} ${slotTime(slot)}`
}

export function kindLabel(kind: VenueKind): string {
  return VENUE_KIND_LABELS[kind] ?? kind
}

/** The rules a worker needs before booking, one short phrase each. */
export function rulesSummary(rules: VenueRules): string[] {
  const out = [`提前${rules.opensDaysAhead}天${rules.opensAtHour}:00开放预约`, rules.membersOnly ? '仅限工会会员' : '职工均可预约', cancelRuleText(rules)]
  const limits = [rules.maxPerDay !== null ? `每天${rules.maxPerDay}次` : '', rules.maxPerWeek !== null ? `每周${rules.maxPerWeek}次` : ''].filter(Boolean)
  if (limits.length) out.push(`每人${limits.join('、')}`)
  if (rules.waitlist) out.push('约满可排队候补')
  return out
}

/** The cut-off line of a booking: '开始前2小时可取消（截止 11月23日 17:00）'. */
export function cancelLine(rules: Pick<VenueRules, 'cancelCutoffHours'>, deadline: string): string {
  return `${cancelRuleText(rules)}（截止 ${businessDateTimeLabel(new Date(deadline))}）`
}

/**
 * Booking refusals carry the date or number that makes them actionable in the server's message
 * (when booking opens, until when a suspension runs, which limit, from when check-in opens, which
 * venue, that a printed code has been replaced): show that one, not the generic text.
 */
const DETAILED = [
  'BOOKING_SUSPENDED',
  'BOOKING_NOT_OPEN',
  'BOOKING_LIMIT_REACHED',
  'CANCEL_TOO_LATE',
  'BOOKING_NOT_FOUND',
  'CARD_QR_INVALID',
  'CHECK_IN_NOT_OPEN',
  'VENUE_CODE_INVALID',
  'VENUE_CODE_EXPIRED'
]

export function bookingErrorText(err: unknown): string {
  if (isApiError(err) && DETAILED.includes(err.code) && err.message) return err.message
  return errorText(err)
}
