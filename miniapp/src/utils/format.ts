import { localDate, toBusinessIso } from '@unionhome/shared'

/**
 * An instant as people read it, in business time (Asia/Shanghai) whatever the phone's zone:
 * '今天 14:05' for today, '2026-11-20 09:30' otherwise.
 */
export function formatInstant(iso: string, now: Date = new Date()): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return ''
  const [date, time] = toBusinessIso(at).slice(0, 16).split('T')
  return date === localDate(now) ? `今天 ${time}` : `${date} ${time}`
}
