import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatFen, formatRatio } from '@unionhome/shared'
import { fetchPlans } from '@/api/claims'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { planEditUrl } from '../../urls'
import '../../components/claims.css'

/** 保障计划 (admin): every plan, active or not, with its rule in one line. */
export default function PlansPage() {
  const session = useRequireLogin()
  const plans = useRemote(() => fetchPlans(true))
  useDidShow(() => {
    if (session) plans.reload()
  })
  if (!session) return <Page />
  return (
    <Page className='claim-plans'>
      <ActionButton onClick={() => Taro.navigateTo({ url: planEditUrl() })}>新建保障计划</ActionButton>
      {plans.loading && !plans.data ? (
        <Loading />
      ) : plans.error && !plans.data ? (
        <ErrorRetry error={plans.error} onRetry={plans.reload} />
      ) : plans.data?.length ? (
        plans.data.map((p) => (
          <View key={p.id} className='uh-card claim-row claim-gap' hoverClass='uh-row--pressed' role='button' aria-label={p.name} onClick={() => Taro.navigateTo({ url: planEditUrl(p.id) })}>
            <View className='claim-row__top'>
              <Text className='claim-row__title'>{p.name}</Text>
              <Text className={`uh-tag ${p.active ? 'uh-tag--ok' : 'uh-tag--muted'}`}>{p.active ? '在用' : '停用'}</Text>
            </View>
            <Text className='uh-muted claim-block'>
              {p.code} · {p.periodStart} 至 {p.periodEnd}
            </Text>
            <Text className='claim-block'>
              {p.deductible ? `起付线${formatFen(p.deductible)}，` : ''}
              {p.tiers.map((t) => formatRatio(t.ratioBp)).join('/')}
              {p.annualCap !== null ? `，年度最高${formatFen(p.annualCap)}` : ''}
            </Text>
          </View>
        ))
      ) : (
        <Empty text='还没有保障计划' />
      )}
    </Page>
  )
}
