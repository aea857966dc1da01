import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { cancelRuleText, localDate, type SlotResponse } from '@unionhome/shared'
import { isApiError, newIdempotencyKey } from '@/api/request'
import { bookSlot } from '@/api/venues'
import { Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { decodeParam } from '@/utils/navigation'
import { DayStrip } from '../../components/day-strip'
import { RuleChips } from '../../components/rule-chips'
import { SlotCard } from '../../components/slot-card'
import { bookingErrorText, dayStrip, kindLabel, slotWhen } from '../../format'
import { MY_BOOKINGS_PAGE } from '../../urls'
import { useVenueDay } from '../../use-venue-day'
import '../../components/venues.css'

/** One venue: a strip of the next 7 days and that day's slots, each bookable with one tap and a confirmation. */
export default function SlotsPage() {
  const session = useRequireLogin()
  const days = dayStrip(localDate(new Date()), 7)
  const [venueId, setVenueId] = useState('')
  const [date, setDate] = useState(days[0].date)
  const [busySlot, setBusySlot] = useState<string | null>(null)
  /** One key per slot until the booking is answered, so a retry after a lost answer never books twice. */
  const keys = useRef<Record<string, string>>({})

  const { venue, slots } = useVenueDay(session, venueId, date)

  useLoad((params: Record<string, string | undefined>) => {
    setVenueId(decodeParam(params.venueId))
    const wanted = decodeParam(params.date)
    if (days.some((d) => d.date === wanted)) setDate(wanted)
  })

  useDidShow(() => {
    // Coming back from 我的预约 (a cancellation there changes the counts here).
    if (session && venueId && slots.data) slots.reload()
  })

  if (!session) return <Page />

  const v = venue.data
  const book = async (slot: SlotResponse, waitlist: boolean) => {
    if (!v) return
    const { confirm } = await Taro.showModal({
      title: waitlist ? '排队候补' : '确认预约',
      content: `${v.name}，${slotWhen(slot)}。${waitlist ? '有人取消时按排队顺序自动为您预约，并发消息通知您。' : `${cancelRuleText(v.rules)}。`}`,
      confirmText: waitlist ? '确认候补' : '确认预约',
      cancelText: '再想想'
    })
    if (!confirm) return
    const key = (keys.current[slot.id] ??= newIdempotencyKey())
    setBusySlot(slot.id)
    try {
      const res = await bookSlot(slot.id, waitlist, key)
      delete keys.current[slot.id]
      if (res.status === 'confirmed') {
        Taro.showToast({ title: '预约成功', icon: 'success', duration: 1500 })
      } else {
        Taro.showModal({
          title: '已加入候补',
          content: `您是候补第${res.position ?? '?'}位。有人取消时会自动为您预约，并在消息中心通知您。`,
          showCancel: false,
          confirmText: '知道了'
        })
      }
    } catch (err) {
      // Without an answer the booking may have been made: the same key makes the retry safe.
      if (!(isApiError(err) && err.isNetwork)) delete keys.current[slot.id]
      Taro.showModal({ title: '没有预约成功', content: bookingErrorText(err), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusySlot(null)
      slots.reload()
    }
  }

  let list
  if (slots.loading && !slots.data) list = <Loading />
  else if (slots.error && !slots.data) list = <ErrorRetry error={slots.error} onRetry={slots.reload} />
  else if (!slots.data?.length) list = <Empty icon='约' text='这一天没有开放的时段，换一天看看' />
  else {
    list = slots.data.map((s) => (
      <SlotCard
        key={s.id}
        slot={s}
        waitlistOn={v?.rules.waitlist ?? false}
        busy={busySlot === s.id}
        onBook={book}
        onOpenMine={() => Taro.navigateTo({ url: MY_BOOKINGS_PAGE })}
      />
    ))
  }

  return (
    <Page className='slots-page'>
      {venue.error && !v ? (
        <ErrorRetry error={venue.error} onRetry={venue.reload} />
      ) : v ? (
        <View className='uh-card'>
          <View className='vn-head'>
            <Text className='uh-title'>{v.name}</Text>
            <Text className='vn-badge vn-badge--off'>{kindLabel(v.kind)}</Text>
          </View>
          {v.location ? <Text className='uh-muted vn-line'>地点：{v.location}</Text> : null}
          <RuleChips rules={v.rules} />
        </View>
      ) : null}
      <DayStrip days={days} selected={date} onSelect={setDate} />
      {list}
    </Page>
  )
}
