import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { addDays, BOOKING_STATUS_LABELS, localDate, type CheckInResponse, type SlotResponse } from '@unionhome/shared'
import { checkIn, fetchManagedVenues, fetchRoster, fetchSlots } from '@/api/venues'
import { CardQrInput, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { extractCardToken } from '@/utils/card-token'
import { bookingErrorText, slotTime } from '../../format'
import '../../components/venues.css'


type Outcome = { ok: CheckInResponse } | { error: string }

/** Staff at the door see what has not ended yet and starts within the next 12 hours (across midnight too). */
const AHEAD_MS = 12 * 3_600_000

async function upcomingSlots(venueId: string, now = Date.now()): Promise<SlotResponse[]> {
  const today = localDate(new Date(now))
  const days = await Promise.all([fetchSlots(venueId, today), fetchSlots(venueId, addDays(today, 1))])
  return days.flat().filter((s) => new Date(s.endsAt).getTime() > now && new Date(s.startsAt).getTime() < now + AHEAD_MS)
}

/**
 * 场馆签到, for venue staff at the door: choose the venue and the slot, then scan the member's
 * card QR (in WeChat) or paste its content (in a browser, where scanning is not available).
 */
export default function CheckInPage() {
  const session = useRequireLogin()
  const [venueId, setVenueId] = useState('')
  const [slotId, setSlotId] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const venues = useRemote(fetchManagedVenues)
  const slots = useRemote<SlotResponse[]>(() => (venueId ? upcomingSlots(venueId) : Promise.resolve([])))
  const roster = useRemote(() => (slotId ? fetchRoster(slotId) : Promise.resolve([])))

  useDidShow(() => {
    if (session) venues.reload()
  })
  useEffect(() => {
    if (!venueId && venues.data?.length) setVenueId(venues.data[0].id)
  }, [venues.data, venueId])
  useEffect(() => {
    if (venueId) slots.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [venueId])
  useEffect(() => {
    // The one on now, or the next one.
    setSlotId(slots.data?.[0]?.id ?? '')
  }, [slots.data])
  useEffect(() => {
    if (slotId) roster.reload()
    setOutcome(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slotId])

  if (!session) return <Page />

  const submit = async (raw: string): Promise<boolean> => {
    const cardToken = extractCardToken(raw)
    if (!cardToken) {
      setOutcome({ error: '请先扫描或粘贴会员卡二维码' })
      return false
    }
    setBusy(true)
    try {
      const res = await checkIn(cardToken, slotId)
      setOutcome({ ok: res })
      Taro.showToast({ title: res.alreadyCheckedIn ? '已签到过' : '签到成功', icon: 'success', duration: 1200 })
      roster.reload()
      return true
    } catch (err) {
      setOutcome({ error: bookingErrorText(err) })
      return false
    } finally {
      setBusy(false)
    }
  }

  if (venues.loading && !venues.data) return <Page><Loading /></Page>
  if (venues.error && !venues.data) return <Page><ErrorRetry error={venues.error} onRetry={venues.reload} /></Page>
  if (!venues.data?.length) return <Page><Empty icon='馆' text='您还没有可管理的场馆' /></Page>

  const slot = slots.data?.find((s) => s.id === slotId)

  return (
    <Page className='check-in-page'>
      <Text className='uh-heading'>场馆</Text>
      <View className='vn-chips'>
        {venues.data.map((v) => (
          <View key={v.id} className={v.id === venueId ? 'vn-day vn-day--on' : 'vn-day'} role='button' onClick={() => setVenueId(v.id)}>
            <Text>{v.name}</Text>
          </View>
        ))}
      </View>

      <Text className='uh-heading'>当前和接下来的时段</Text>
      {slots.loading && !slots.data ? (
        <Loading />
      ) : slots.error && !slots.data ? (
        <ErrorRetry error={slots.error} onRetry={slots.reload} />
      ) : !slots.data?.length ? (
        <Empty icon='约' text='这个场馆接下来12小时没有时段' />
      ) : (
        <View className='vn-chips'>
          {slots.data.map((s) => (
            <View key={s.id} className={s.id === slotId ? 'vn-day vn-day--on' : 'vn-day'} role='button' onClick={() => setSlotId(s.id)}>
              <Text className='vn-day__label'>{localDate(new Date(s.startsAt)) === localDate(new Date()) ? slotTime(s) : `明天 ${slotTime(s)}`}</Text>
              <Text className='vn-day__date'>已约{s.booked}/{s.capacity}</Text>
            </View>
          ))}
        </View>
      )}

      {slot ? (
        <View className='uh-card'>
          <Text className='vn-title'>签到：{slotTime(slot)}</Text>
          <CardQrInput busy={busy} verb='签到' onSubmit={submit} />
        </View>
      ) : null}

      {outcome ? <OutcomeCard outcome={outcome} /> : null}

      {slot ? (
        <View className='uh-card'>
          <Text className='vn-title'>名单（{roster.data?.filter((r) => r.status === 'checked_in').length ?? 0}人已签到）</Text>
          {roster.loading && !roster.data ? (
            <Loading />
          ) : roster.error && !roster.data ? (
            <ErrorRetry error={roster.error} onRetry={roster.reload} />
          ) : !roster.data?.length ? (
            <Text className='uh-muted vn-line'>还没有人预约</Text>
          ) : (
            roster.data.map((r) => (
              <View key={r.bookingId} className='vn-roster__row'>
                <Text>{r.nameMasked || '（未填写姓名）'}</Text>
                <Text className={r.status === 'checked_in' ? 'vn-tag' : r.status === 'waitlisted' ? 'vn-tag vn-tag--wait' : 'vn-tag vn-tag--muted'}>
                  {r.status === 'waitlisted' ? `候补第${r.position}位` : BOOKING_STATUS_LABELS[r.status]}
                </Text>
              </View>
            ))
          )}
        </View>
      ) : null}
    </Page>
  )
}

function OutcomeCard({ outcome }: { outcome: Outcome }) {
  if ('error' in outcome) {
    return (
      <View className='uh-card vn-result' role='alert'>
        <Text className='uh-badge vn-result__icon'>!</Text>
        <Text className='vn-result__name'>未能签到</Text>
        <Text>{outcome.error}</Text>
      </View>
    )
  }
  const r = outcome.ok
  return (
    <View className='uh-card vn-result' role='status'>
      <Text className='uh-badge vn-result__icon vn-result__icon--ok'>签</Text>
      <Text className='vn-result__name'>{r.alreadyCheckedIn ? '已签到过' : '签到成功'}</Text>
      <Text className='vn-line'>{r.nameMasked}</Text>
      <Text className='uh-muted vn-line'>会员编号 {r.memberNo}</Text>
    </View>
  )
}
