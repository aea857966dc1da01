import Taro, { useLoad } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  addDays,
  BOOKING_STATUS_LABELS,
  localDate,
  localDateTime,
  parseTimeOfDay,
  recurringProblems,
  toBusinessIso,
  type SlotResponse,
  type SlotRosterEntry,
  type VenueResponse
} from '@unionhome/shared'
import { isApiError, newIdempotencyKey, showError } from '@/api/request'
import { closeSlot, createSlot, fetchRoster, generateSlots } from '@/api/venues'
import { ActionButton, Empty, ErrorRetry, Field, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { decodeParam } from '@/utils/navigation'
import { DayStrip } from '../../components/day-strip'
import { SlotBadge, SlotInfo } from '../../components/slot-card'
import { dayStrip, slotTime } from '../../format'
import { useVenueDay } from '../../use-venue-day'
import '../../components/venues.css'

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日']

/** A venue's slots day by day, for staff: add one, generate them week by week, see who booked, close one. */
export default function SchedulePage() {
  const session = useRequireLogin()
  const days = dayStrip(localDate(new Date()), 14)
  const [venueId, setVenueId] = useState('')
  const [date, setDate] = useState(days[0].date)
  const { venue, slots } = useVenueDay(session, venueId, date)

  useLoad((params: Record<string, string | undefined>) => setVenueId(decodeParam(params.venueId)))

  if (!session) return <Page />
  const v = venue.data
  if (venue.error && !v) return <Page><ErrorRetry error={venue.error} onRetry={venue.reload} /></Page>
  if (!v) return <Page><Loading /></Page>

  let list
  if (slots.loading && !slots.data) list = <Loading />
  else if (slots.error && !slots.data) list = <ErrorRetry error={slots.error} onRetry={slots.reload} />
  else if (!slots.data?.length) list = <Empty icon='约' text='这一天还没有时段' />
  else list = slots.data.map((s) => <StaffSlot key={s.id} slot={s} waitlistOn={v.rules.waitlist} onChanged={slots.reload} />)

  return (
    <Page className='schedule-page'>
      <View className='uh-card'>
        <Text className='uh-title'>{v.name}</Text>
        <Text className='uh-muted vn-line'>每个时段默认{v.rules.capacity}人，提前{v.rules.opensDaysAhead}天{v.rules.opensAtHour}:00开放预约</Text>
      </View>
      <DayStrip days={days} selected={date} onSelect={setDate} />
      {list}
      <AddSlot venue={v} date={date} onDone={slots.reload} />
      <Recurring venue={v} defaultFrom={date} onDone={slots.reload} />
    </Page>
  )
}

function StaffSlot({ slot, waitlistOn, onChanged }: { slot: SlotResponse; waitlistOn: boolean; onChanged: () => void }) {
  const [roster, setRoster] = useState<SlotRosterEntry[] | null>(null)
  const [busy, setBusy] = useState(false)

  const toggleRoster = async () => {
    if (roster) return setRoster(null)
    try {
      setRoster(await fetchRoster(slot.id))
    } catch (err) {
      showError(err)
    }
  }

  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '关闭时段',
      content: `关闭 ${slotTime(slot)} 后不能再预约，已预约和候补的${slot.booked + slot.waitlisted}人会自动取消并收到通知。确定关闭吗？`,
      confirmText: '确定关闭',
      cancelText: '不关闭',
      confirmColor: '#c8281e'
    })
    if (!confirm) return
    setBusy(true)
    try {
      await closeSlot(slot.id)
      Taro.showToast({ title: '已关闭', icon: 'success', duration: 1200 })
      onChanged()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='uh-card'>
      <View className='vn-slot'>
        <SlotInfo slot={slot} />
        <SlotBadge slot={slot} waitlistOn={waitlistOn} />
      </View>
      <View className='vn-actions'>
        <ActionButton kind='plain' onClick={toggleRoster}>
          {roster ? '收起名单' : '查看名单'}
        </ActionButton>
        {slot.status !== 'closed' ? (
          <ActionButton kind='quiet' busy={busy} onClick={close}>
            关闭时段
          </ActionButton>
        ) : null}
      </View>
      {roster ? (
        roster.length ? (
          roster.map((r) => (
            <View key={r.bookingId} className='vn-roster__row'>
              <Text>{r.nameMasked || '（未填写姓名）'}</Text>
              <Text className='uh-muted'>{r.status === 'waitlisted' ? `候补第${r.position}位` : BOOKING_STATUS_LABELS[r.status]}</Text>
            </View>
          ))
        ) : (
          <Text className='uh-muted vn-line'>还没有人预约</Text>
        )
      ) : null}
    </View>
  )
}

interface SlotTimes {
  start: string
  end: string
  /** Empty: the venue's own capacity. */
  capacity: string
}

/**
 * What adding one slot and generating many share: start, end and capacity, the problems shown at
 * the fields, and one Idempotency-Key per submission — a new key after any answer, the same key
 * when a retry follows a lost one (the first request may have gone through).
 */
function useSlotForm() {
  const [times, setTimes] = useState<SlotTimes>({ start: '19:00', end: '20:00', capacity: '' })
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())

  const changeTimes = (change: Partial<SlotTimes>) => setTimes((t) => ({ ...t, ...change }))

  /** Shows the problems found (adding the capacity's own) and sends only when there are none. */
  const submit = async (found: Record<string, string>, send: (key: string) => Promise<void>) => {
    if (times.capacity && !/^\d+$/.test(times.capacity)) found.capacity = '名额应为整数'
    setProblems(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await send(key.current)
      key.current = newIdempotencyKey()
    } catch (err) {
      if (isApiError(err)) setProblems(err.fields)
      if (!(isApiError(err) && err.isNetwork)) key.current = newIdempotencyKey()
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  /** The capacity as the request takes it: left out when empty, so the venue's applies. */
  const capacity = times.capacity ? { capacity: Number(times.capacity) } : {}
  return { times, changeTimes, capacity, problems, busy, submit }
}

interface SlotTimeFieldsProps {
  times: SlotTimes
  onChange: (change: Partial<SlotTimes>) => void
  /** The two endpoints name the times differently (startsAt / startTime), so the form maps them. */
  errors: { start?: string; end?: string; capacity?: string }
  venueCapacity: number
}

function SlotTimeFields({ times, onChange, errors, venueCapacity }: SlotTimeFieldsProps) {
  return (
    <>
      <Field label='开始时间' value={times.start} error={errors.start} placeholder='19:00' maxlength={5} onChange={(start) => onChange({ start })} />
      <Field label='结束时间' value={times.end} error={errors.end} placeholder='20:00' maxlength={5} onChange={(end) => onChange({ end })} />
      <Field label='名额' type='number' value={times.capacity} error={errors.capacity} hint={`不填则为${venueCapacity}人`} maxlength={3} onChange={(capacity) => onChange({ capacity })} />
    </>
  )
}

function AddSlot({ venue, date, onDone }: { venue: VenueResponse; date: string; onDone: () => void }) {
  const { times, changeTimes, capacity, problems, busy, submit } = useSlotForm()

  const add = () => {
    const s = parseTimeOfDay(times.start)
    const e = parseTimeOfDay(times.end)
    const found: Record<string, string> = {}
    if (!s) found.startsAt = '时间格式应为 时:分，例如 19:00'
    if (!e) found.endsAt = '时间格式应为 时:分，例如 20:00'
    if (s && e && e.hour * 60 + e.minute <= s.hour * 60 + s.minute) found.endsAt = '结束时间应晚于开始时间'
    return submit(found, async (key) => {
      await createSlot(
        venue.id,
        {
          startsAt: toBusinessIso(localDateTime(date, s!.hour, s!.minute)),
          endsAt: toBusinessIso(localDateTime(date, e!.hour, e!.minute)),
          ...capacity
        },
        key
      )
      Taro.showToast({ title: '已添加', icon: 'success', duration: 1200 })
      onDone()
    })
  }

  return (
    <View className='uh-card'>
      <Text className='uh-heading'>添加时段（{date}）</Text>
      <SlotTimeFields times={times} onChange={changeTimes} errors={{ start: problems.startsAt, end: problems.endsAt, capacity: problems.capacity }} venueCapacity={venue.rules.capacity} />
      <ActionButton busy={busy} onClick={add}>
        {busy ? '正在添加…' : '添加时段'}
      </ActionButton>
    </View>
  )
}

function Recurring({ venue, defaultFrom, onDone }: { venue: VenueResponse; defaultFrom: string; onDone: () => void }) {
  const [from, setFrom] = useState(defaultFrom)
  const [weeks, setWeeks] = useState('4')
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5])
  const { times, changeTimes, capacity, problems, busy, submit } = useSlotForm()

  useEffect(() => setFrom(defaultFrom), [defaultFrom])

  const toggle = (d: number) => setWeekdays((ws) => (ws.includes(d) ? ws.filter((x) => x !== d) : [...ws, d].sort()))

  const generate = () => {
    const n = Number(weeks)
    const found: Record<string, string> = Number.isInteger(n) && n >= 1 && n <= 13 ? {} : { weeks: '周数应为1到13' }
    const input = { fromDate: from.trim(), toDate: addDays(from.trim(), (Number.isInteger(n) ? n : 1) * 7 - 1), weekdays, startTime: times.start.trim(), endTime: times.end.trim() }
    Object.assign(found, recurringProblems(input))
    return submit(found, async (key) => {
      const res = await generateSlots(venue.id, { fromDate: input.fromDate, weeks: n, weekdays, startTime: input.startTime, endTime: input.endTime, ...capacity }, key)
      Taro.showModal({
        title: '已生成',
        content: `新生成${res.created}个时段（${res.fromDate} 至 ${res.toDate}）${res.skipped ? `，${res.skipped}个已有或已过去的时间跳过了` : ''}。`,
        showCancel: false,
        confirmText: '知道了'
      })
      onDone()
    })
  }

  return (
    <View className='uh-card'>
      <Text className='uh-heading'>按周重复生成</Text>
      <Text className='uh-muted vn-line'>例如：每个工作日 19:00–20:00，连续4周。已有的时段不会重复生成。</Text>
      <Field label='从哪天开始' value={from} error={problems.fromDate} placeholder='2026-11-23' maxlength={10} onChange={setFrom} />
      <Field label='连续几周' type='number' value={weeks} error={problems.weeks ?? problems.toDate} maxlength={2} onChange={setWeeks} />
      <Text className='uh-field__label'>每周哪几天</Text>
      <View className='vn-weekdays'>
        {WEEKDAY_NAMES.map((name, i) => (
          <View key={name} className={weekdays.includes(i + 1) ? 'vn-weekday vn-weekday--on' : 'vn-weekday'} role='button' aria-label={`星期${name}`} aria-pressed={weekdays.includes(i + 1)} onClick={() => toggle(i + 1)}>
            <Text>{name}</Text>
          </View>
        ))}
      </View>
      {problems.weekdays ? <Text className='uh-field__error'>{problems.weekdays}</Text> : null}
      <SlotTimeFields times={times} onChange={changeTimes} errors={{ start: problems.startTime, end: problems.endTime, capacity: problems.capacity }} venueCapacity={venue.rules.capacity} />
      <ActionButton busy={busy} onClick={generate}>
        {busy ? '正在生成…' : '生成时段'}
      </ActionButton>
    </View>
  )
}
