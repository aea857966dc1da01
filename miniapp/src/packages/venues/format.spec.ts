import { DEFAULT_VENUE_RULES } from '@unionhome/shared'
import { ApiError } from '@/api/request'
import { bookingErrorText, cancelLine, dayStrip, rulesSummary, slotDayTime, slotTime, slotWhen } from './format'

describe('venue formatting', () => {
  it('builds the 7-day strip from today', () => {
    const strip = dayStrip('2026-11-22')
    expect(strip).toHaveLength(7)
    expect(strip.slice(0, 4)).toEqual([
      { date: '2026-11-22', label: '今天', short: '11-22' },
      { date: '2026-11-23', label: '明天', short: '11-23' },
      { date: '2026-11-24', label: '后天', short: '11-24' },
      { date: '2026-11-25', label: '周三', short: '11-25' }
    ])
    expect(strip[6]).toEqual({ date: '2026-11-28', label: '周六', short: '11-28' })
  })

  it('shows slot times in Shanghai time', () => {
    const slot = { startsAt: '2026-11-23T19:00:00+08:00', endsAt: '2026-11-23T20:00:00+08:00' }
    expect(slotTime(slot)).toBe('19:00–20:00')
    expect(slotWhen(slot)).toBe('11月23日 周一 19:00–20:00')
    expect(slotDayTime(slot)).toBe('11月23日 19:00–20:00')
    expect(slotTime({ startsAt: '2026-11-23T11:00:00Z', endsAt: '2026-11-23T12:30:00Z' })).toBe('19:00–20:30')
  })

  it('summarises the rules in plain words', () => {
    expect(rulesSummary({ ...DEFAULT_VENUE_RULES, maxPerDay: 1, maxPerWeek: 3 })).toEqual([
      '提前7天8:00开放预约',
      '仅限工会会员',
      '开始前2小时可取消',
      '每人每天1次、每周3次',
      '约满可排队候补'
    ])
    expect(rulesSummary({ ...DEFAULT_VENUE_RULES, membersOnly: false, maxPerDay: null, maxPerWeek: null, waitlist: false, cancelCutoffHours: 0 })).toEqual([
      '提前7天8:00开放预约',
      '职工均可预约',
      '开始前可随时取消'
    ])
    expect(cancelLine({ cancelCutoffHours: 2 }, '2026-11-23T17:00:00+08:00')).toBe('开始前2小时可取消（截止 11月23日 17:00）')
  })

  it('keeps the detail of a booking refusal, and the shared text otherwise', () => {
    expect(bookingErrorText(new ApiError(403, { code: 'BOOKING_SUSPENDED', message: '因30天内2次预约未到场，预约功能暂停至12月20日 21:15' }))).toBe(
      '因30天内2次预约未到场，预约功能暂停至12月20日 21:15'
    )
    expect(bookingErrorText(new ApiError(422, { code: 'CHECK_IN_NOT_OPEN', message: '还没到签到时间，18:00起可签到' }))).toBe('还没到签到时间，18:00起可签到')
    expect(bookingErrorText(new ApiError(422, { code: 'VENUE_CODE_EXPIRED', message: '签到码已过期，请扫描场馆门口屏幕上正在显示的签到码' }))).toBe(
      '签到码已过期，请扫描场馆门口屏幕上正在显示的签到码'
    )
    expect(bookingErrorText(new ApiError(409, { code: 'SLOT_FULL', message: 'full' }))).toBe('该时段已约满')
    expect(bookingErrorText(ApiError.network())).toBe('网络不太好，请稍后重试')
  })
})
