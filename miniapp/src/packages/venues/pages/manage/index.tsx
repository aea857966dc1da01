import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { fetchManagedVenues } from '@/api/venues'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { RuleChips } from '../../components/rule-chips'
import { kindLabel } from '../../format'
import { CHECK_IN_PAGE, scheduleUrl, venueCodeUrl, venueEditUrl } from '../../urls'
import '../../components/venues.css'

/** 场馆与时段, for venue staff: their venues with the rules, and the way to each venue's schedule and door check-in code. */
export default function ManageVenuesPage() {
  const session = useRequireLogin()
  const venues = useRemote(fetchManagedVenues)

  useDidShow(() => {
    if (session) venues.reload()
  })

  if (!session) return <Page />
  const go = (url: string) => Taro.navigateTo({ url })

  let body
  if (venues.loading && !venues.data) body = <Loading />
  else if (venues.error && !venues.data) body = <ErrorRetry error={venues.error} onRetry={venues.reload} />
  else if (!venues.data?.length) body = <Empty text='还没有场馆，先新建一个' />
  else {
    body = venues.data.map((v) => (
      <View key={v.id} className='uh-card'>
        <View className='vn-head'>
          <Text className='vn-title'>{v.name}</Text>
          <Text className={v.active ? 'vn-badge vn-badge--ok' : 'vn-badge vn-badge--off'}>{v.active ? '开放中' : '已停用'}</Text>
        </View>
        <Text className='uh-muted vn-line'>
          {kindLabel(v.kind)} · 每个时段{v.rules.capacity}人{v.location ? ` · ${v.location}` : ''}
        </Text>
        <RuleChips rules={v.rules} />
        <View className='vn-actions'>
          <ActionButton onClick={() => go(scheduleUrl(v.id))}>时段管理</ActionButton>
          <ActionButton kind='plain' onClick={() => go(venueEditUrl(v.id))}>
            预约规则
          </ActionButton>
          <ActionButton kind='plain' onClick={() => go(venueCodeUrl(v.id))}>
            签到码
          </ActionButton>
        </View>
      </View>
    ))
  }

  return (
    <Page className='manage-venues-page'>
      <View className='uh-card'>
        <Text className='uh-title'>场馆与时段</Text>
        <Text className='uh-muted vn-line'>设置每个场馆的预约规则，添加时段或按周批量生成。</Text>
        <View className='vn-actions'>
          <ActionButton kind='plain' onClick={() => go(venueEditUrl())}>
            新建场馆
          </ActionButton>
          <ActionButton kind='quiet' onClick={() => go(CHECK_IN_PAGE)}>
            去签到
          </ActionButton>
        </View>
      </View>
      {body}
    </Page>
  )
}
