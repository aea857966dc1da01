import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatFen, formatRatio, type PlanResponse } from '@unionhome/shared'
import { fetchCoverage, fetchMyClaims, fetchPlans } from '@/api/claims'
import { Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { StatusTag } from '../../components/status-tag'
import { applyUrl, detailUrl } from '../../urls'
import '../../components/claims.css'

/** The payout rule in one plain sentence. */
function ruleInWords(plan: PlanResponse): string {
  const base = plan.deductible ? `医保报销后自己负担的部分，超过起付线${formatFen(plan.deductible)}的` : '医保报销后自己负担的部分'
  const single = plan.tiers.length === 1 && plan.tiers[0].to === null
  const tiers = single
    ? `按${formatRatio(plan.tiers[0].ratioBp)}补助`
    : `分段补助：${plan.tiers.map((t) => `${formatFen(t.from)}${t.to === null ? '以上' : `至${formatFen(t.to)}`}按${formatRatio(t.ratioBp)}`).join('，')}`
  const caps = [plan.perClaimCap !== null ? `每次最多${formatFen(plan.perClaimCap)}` : '', plan.annualCap !== null ? `每年最多${formatFen(plan.annualCap)}` : ''].filter(Boolean)
  return `${base}${tiers}${caps.length ? `，${caps.join('，')}` : ''}。`
}

/** 我的保障: each plan the worker is in, its period, what was paid this year and what is left, and the claims. */
export default function CoveragePage() {
  const session = useRequireLogin()
  const data = useRemote(async () => {
    const [coverage, plans, claims] = await Promise.all([fetchCoverage(), fetchPlans(), fetchMyClaims(undefined, 1, 100)])
    return { coverage, plans, claims: claims.data }
  })
  useDidShow(() => {
    if (session) data.reload()
  })
  if (!session) return <Page />
  if (data.loading && !data.data) return <Page><Loading /></Page>
  if (data.error && !data.data) return <Page><ErrorRetry error={data.error} onRetry={data.reload} /></Page>
  const { coverage, plans, claims } = data.data!
  if (!coverage.length) return <Page><Empty icon='🛡️' text='您还没有参加医疗互助保障计划。请联系所在工会办理参保。' /></Page>

  return (
    <Page className='claim-coverage'>
      {coverage.map((c) => {
        const plan = plans.find((p) => p.id === c.planId)
        const mine = claims.filter((x) => x.planId === c.planId)
        const used = c.annualCap ? Math.min(100, Math.round((c.paidThisYear / c.annualCap) * 100)) : 0
        return (
          <View key={c.planId}>
            <View className='uh-card'>
              <Text className='uh-title'>{c.planName}</Text>
              <Text className='uh-muted claim-block'>保障期 {c.periodStart} 至 {c.periodEnd}</Text>
              {c.waitingEndsOn > c.periodStart ? <Text className='uh-muted claim-block'>新参保有等待期：{c.waitingEndsOn} 及以后入院的才能申请</Text> : null}
              <View className='claim-cover'>
                <View className='claim-cover__cell'>
                  <Text className='uh-muted'>今年已获互助</Text>
                  <Text className='claim-cover__num'>{formatFen(c.paidThisYear)}</Text>
                </View>
                <View className='claim-cover__cell'>
                  <Text className='uh-muted'>还可申请</Text>
                  <Text className='claim-cover__num'>{c.remaining !== null ? formatFen(c.remaining) : '不限'}</Text>
                </View>
              </View>
              {c.annualCap ? (
                <View className='claim-progress claim-progress--big' aria-label={`年度额度已用 ${used}%`}>
                  <View className='claim-progress__bar' style={{ width: `${used}%` }} />
                </View>
              ) : null}
              {plan ? (
                <View className='claim-block'>
                  <Text className='claim-block'>怎么赔：{ruleInWords(plan)}</Text>
                  {plan.bonusBp ? <Text className='uh-muted claim-block'>困难职工、劳模再加 {formatRatio(plan.bonusBp).replace('%', '')} 个百分点。</Text> : null}
                  <Text className='uh-muted claim-block'>出院后 {c.claimDeadlineDays} 天内申请。</Text>
                </View>
              ) : null}
            </View>
            <Text className='uh-heading'>理赔记录</Text>
            {mine.length ? (
              mine.map((x) => (
                <View key={x.id} className='uh-card claim-row' hoverClass='uh-row--pressed' role='button' onClick={() => Taro.navigateTo({ url: x.status === 'draft' ? applyUrl(x.id) : detailUrl(x.id) })}>
                  <View className='claim-row__top'>
                    <Text className='claim-row__title'>{x.hospital}</Text>
                    <StatusTag status={x.status} />
                  </View>
                  <Text className='uh-muted claim-block'>
                    住院 {x.admissionDate} · {x.approvedAmount !== null ? `核定 ${formatFen(x.approvedAmount)}` : `预计 ${formatFen(x.estimatePayout)}`}
                  </Text>
                </View>
              ))
            ) : (
              <Text className='uh-muted claim-block'>今年还没有理赔记录。</Text>
            )}
          </View>
        )
      })}
    </Page>
  )
}
