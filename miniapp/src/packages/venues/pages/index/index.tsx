import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { VenueResponse } from '@unionhome/shared'
import { fetchBookingAccount, fetchVenues } from '@/api/venues'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { RuleChips } from '../../components/rule-chips'
import { SuspensionBanner } from '../../components/suspension-banner'
import { kindLabel } from '../../format'
import { MY_BOOKINGS_PAGE, SCAN_IN_NOW, slotsUrl } from '../../urls'
import '../../components/venues.css'

/** 场馆预约: the palace's rooms, gym, pool and courses; tap one to see its days and slots. */
export default function VenuesPage() {
  const session = useRequireLogin()
  const venues = useRemote(fetchVenues)
  const account = useRemote(fetchBookingAccount)

  useDidShow(() => {
    if (!session) return
    venues.reload()
    account.reload()
  })

  if (!session) return <Page />

  let body
  if (venues.loading && !venues.data) body = <Loading />
  else if (venues.error && !venues.data) body = <ErrorRetry error={venues.error} onRetry={venues.reload} />
  else if (!venues.data?.length) body = <Empty text='暂时没有可预约的场馆' />
  else body = venues.data.map((v) => <VenueCard key={v.id} venue={v} onOpen={() => Taro.navigateTo({ url: slotsUrl(v.id) })} />)

  return (
    <Page className='venues-page'>
      <View className='uh-card'>
        <Text className='uh-title'>场馆预约</Text>
        <Text className='uh-muted vn-line'>工人文化宫的场地、健身房和课程。选好日期和时段，一键预约；到场后扫门口的签到码，或出示会员卡签到。</Text>
      </View>
      <SuspensionBanner account={account.data} />
      <View className='vn-links'>
        <ActionButton kind='plain' onClick={() => Taro.navigateTo({ url: MY_BOOKINGS_PAGE })}>
          我的预约
        </ActionButton>
        <ActionButton kind='plain' onClick={() => Taro.navigateTo({ url: SCAN_IN_NOW })}>
          扫码签到
        </ActionButton>
      </View>
      <View className='vn-actions'>{body}</View>
    </Page>
  )
}

function VenueCard({ venue, onOpen }: { venue: VenueResponse; onOpen: () => void }) {
  return (
    <View className='uh-card' hoverClass='uh-row--pressed' role='button' aria-label={venue.name} onClick={onOpen}>
      <View className='vn-head'>
        <Text className='vn-title'>{venue.name}</Text>
        <Text className='vn-badge vn-badge--off'>{kindLabel(venue.kind)}</Text>
      </View>
      {venue.location ? <Text className='uh-muted vn-line'>地点：{venue.location}</Text> : null}
      {venue.description ? <Text className='vn-line'>{venue.description}</Text> : null}
      <RuleChips rules={venue.rules} />
      <Text className='uh-row__arrow vn-line'>查看时段 ›</Text>
    </View>
  )
}
