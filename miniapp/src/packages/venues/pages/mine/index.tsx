import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  BOOKING_STATUS_LABELS,
  businessDateTimeLabel,
  CHECK_IN_OPENS_MINUTES_BEFORE,
  checkInWindow,
  MAX_PAGE_LIMIT,
  type MyBookingResponse,
  type MyBookingScope
} from '@unionhome/shared'
import { cancelBooking, fetchBookingAccount, fetchMyBookings } from '@/api/venues'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { SuspensionBanner } from '../../components/suspension-banner'
import { bookingErrorText, cancelLine, kindLabel, slotWhen } from '../../format'
import { SCAN_IN_NOW, VENUES_PAGE } from '../../urls'
import '../../components/venues.css'

const TABS: Array<{ scope: MyBookingScope; label: string }> = [
  { scope: 'upcoming', label: '即将开始' },
  { scope: 'past', label: '历史记录' }
]

/**
 * 我的预约: upcoming bookings (with the cancel cut-off, the waitlist position, and 扫码签到 once
 * check-in has opened) and past ones.
 */
export default function MyBookingsPage() {
  const session = useRequireLogin()
  const [scope, setScope] = useState<MyBookingScope>('upcoming')
  const [busy, setBusy] = useState<string | null>(null)
  const list = useRemote(() => fetchMyBookings(scope, 1, MAX_PAGE_LIMIT))
  const account = useRemote(fetchBookingAccount)

  useEffect(() => {
    if (session) list.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scope])

  useDidShow(() => {
    if (!session) return
    if (list.data) list.reload()
    account.reload()
  })

  if (!session) return <Page />

  const cancel = async (b: MyBookingResponse) => {
    const waiting = b.status === 'waitlisted'
    const { confirm } = await Taro.showModal({
      title: waiting ? '退出候补' : '取消预约',
      content: `${b.venue.name}，${slotWhen(b)}。${waiting ? '退出后不再为您排队。' : '取消后名额会让给其他职工（有候补的按顺序自动补上）。'}确定${waiting ? '退出候补' : '取消'}吗？`,
      confirmText: waiting ? '退出候补' : '确定取消',
      cancelText: '不取消',
      confirmColor: '#c8281e'
    })
    if (!confirm) return
    setBusy(b.id)
    try {
      await cancelBooking(b.id)
      Taro.showToast({ title: waiting ? '已退出候补' : '已取消预约', icon: 'success', duration: 1500 })
    } catch (err) {
      Taro.showModal({ title: '没有取消成功', content: bookingErrorText(err), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(null)
      list.reload()
    }
  }

  const items = list.data?.data ?? []
  let body
  if (list.loading && !list.data) body = <Loading />
  else if (list.error && !list.data) body = <ErrorRetry error={list.error} onRetry={list.reload} />
  else if (!items.length) {
    body =
      scope === 'upcoming' ? (
        <Empty icon='约' text='还没有要去的预约' action={{ text: '去预约', onClick: () => Taro.navigateTo({ url: VENUES_PAGE }) }} />
      ) : (
        <Empty text='还没有历史预约' />
      )
  } else {
    body = (
      <>
        {items.map((b) => (
          <BookingCard key={b.id} booking={b} busy={busy === b.id} onCancel={() => cancel(b)} />
        ))}
        {list.data && list.data.total > items.length ? <Text className='uh-muted vn-line'>只显示最近{items.length}条</Text> : null}
      </>
    )
  }

  return (
    <Page className='my-bookings-page'>
      <SuspensionBanner account={account.data} />
      <View className='vn-tabs' role='tablist'>
        {TABS.map((t) => (
          <View key={t.scope} className={t.scope === scope ? 'vn-tab vn-tab--on' : 'vn-tab'} role='tab' aria-selected={t.scope === scope} onClick={() => setScope(t.scope)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {body}
    </Page>
  )
}

function BookingCard({ booking: b, busy, onCancel }: { booking: MyBookingResponse; busy: boolean; onCancel: () => void }) {
  const cutoffHours = Math.round((new Date(b.startsAt).getTime() - new Date(b.cancelDeadline).getTime()) / 3_600_000)
  const tagClass = b.status === 'waitlisted' ? 'vn-tag vn-tag--wait' : b.status === 'confirmed' || b.status === 'checked_in' ? 'vn-tag' : 'vn-tag vn-tag--muted'
  return (
    <View className='uh-card' data-booking={b.id}>
      <View className='vn-head'>
        <Text className='vn-title'>{b.venue.name}</Text>
        <Text className={tagClass}>{b.status === 'waitlisted' && b.position ? `候补第${b.position}位` : BOOKING_STATUS_LABELS[b.status]}</Text>
      </View>
      <Text className='vn-line'>{slotWhen(b)}</Text>
      <Text className='uh-muted vn-line'>
        {kindLabel(b.venue.kind)}
        {b.venue.location ? ` · ${b.venue.location}` : ''}
      </Text>
      {b.status === 'confirmed' ? (
        <Text className='uh-muted vn-line'>{b.canCancel ? cancelLine({ cancelCutoffHours: cutoffHours }, b.cancelDeadline) : `已过取消时间（截止 ${businessDateTimeLabel(new Date(b.cancelDeadline))}），如不能到场请联系场馆`}</Text>
      ) : null}
      {b.status === 'waitlisted' ? <Text className='uh-muted vn-line'>有人取消时按顺序自动为您预约，并发消息通知您</Text> : null}
      {b.status === 'confirmed' ? <CheckInLine booking={b} /> : null}
      {b.status === 'checked_in' && b.checkedInAt ? <Text className='uh-muted vn-line'>签到时间 {businessDateTimeLabel(new Date(b.checkedInAt))}</Text> : null}
      {b.canCancel ? (
        <View className='vn-actions'>
          <ActionButton kind='quiet' busy={busy} onClick={onCancel}>
            {b.status === 'waitlisted' ? '退出候补' : '取消预约'}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}

/**
 * How this booking is checked in: from an hour before the start (shared checkInWindow, as the BFF
 * decides) a 扫码签到 button that opens the scanner; before that, from when.
 */
function CheckInLine({ booking: b }: { booking: MyBookingResponse }) {
  const slot = { startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) }
  const phase = checkInWindow(slot, new Date(), CHECK_IN_OPENS_MINUTES_BEFORE)
  if (phase === 'over') return null
  if (phase === 'too_early') {
    const opensAt = new Date(slot.startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000)
    return <Text className='uh-muted vn-line'>{businessDateTimeLabel(opensAt)}起可到场扫码签到</Text>
  }
  return (
    <View className='vn-actions'>
      <Text className='vn-line'>现在可以签到：到场后扫门口屏幕上的签到码</Text>
      <ActionButton onClick={() => Taro.navigateTo({ url: SCAN_IN_NOW })}>扫码签到</ActionButton>
    </View>
  )
}
