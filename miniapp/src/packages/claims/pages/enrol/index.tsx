import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import type { EnrolmentCandidate, PlanResponse } from '@unionhome/shared'
import { enrolMembers, fetchCandidates, fetchPlans } from '@/api/claims'
import { newIdempotencyKey, showError } from '@/api/request'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import '../../components/claims.css'

/** 互助参保: an officer ticks the members of their union and enrols them in a plan at once. */
export default function EnrolPage() {
  const session = useRequireLogin()
  const plans = useRemote(fetchPlans)
  const [planId, setPlanId] = useState<string | null>(null)
  const [showAll, setShowAll] = useState(false)
  const [q, setQ] = useState('')
  const [applied, setApplied] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const key = useRef<string | null>(null)
  const members = useRemote(() => (planId ? fetchCandidates(planId, { q: applied, enrolled: showAll ? undefined : false }) : Promise.resolve(null)))

  useEffect(() => {
    if (session) plans.reload()
  }, [session?.user.id])
  useEffect(() => {
    if (!planId && plans.data?.length) setPlanId(plans.data[0].id)
  }, [plans.data])
  useEffect(() => {
    setPicked([])
    if (planId) members.reload()
  }, [planId, showAll, applied])

  if (!session) return <Page />
  if (plans.loading && !plans.data) return <Page><Loading /></Page>
  if (plans.error && !plans.data) return <Page><ErrorRetry error={plans.error} onRetry={plans.reload} /></Page>
  const list: PlanResponse[] = plans.data ?? []
  if (!list.length) return <Page><Empty text='还没有可参保的保障计划' /></Page>
  const plan = list.find((p) => p.id === planId) ?? list[0]
  const rows: EnrolmentCandidate[] = members.data?.data ?? []
  const selectable = rows.filter((r) => !r.enrolled)
  const toggle = (id: string) => setPicked((v) => (v.includes(id) ? v.filter((x) => x !== id) : [...v, id]))

  const enrol = async () => {
    if (!picked.length || busy) return
    const { confirm } = await Taro.showModal({ title: `为${picked.length}人参保？`, content: `参加"${plan.name}"，保障期到${plan.periodEnd}。`, confirmText: '参保', cancelText: '再看看' })
    if (!confirm) return
    setBusy(true)
    if (!key.current) key.current = newIdempotencyKey()
    try {
      const res = await enrolMembers(plan.id, { userIds: picked }, key.current)
      key.current = null
      const parts = [`${res.enrolled.length}人已参保`, res.alreadyEnrolled.length ? `${res.alreadyEnrolled.length}人原来就已参保` : '', res.skipped.length ? `${res.skipped.length}人不能参保` : ''].filter(Boolean)
      Taro.showModal({ title: '办好了', content: parts.join('，'), showCancel: false })
      setPicked([])
      members.reload()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page className='claim-enrol'>
      <View className='uh-card'>
        <Text className='uh-field__label'>保障计划</Text>
        <Picker mode='selector' range={list.map((p) => p.name)} value={Math.max(0, list.findIndex((p) => p.id === plan.id))} onChange={(e) => setPlanId(list[Number(e.detail.value)].id)}>
          <View className='claim-date' role='button'>
            <Text>{plan.name}</Text>
            <Text className='claim-date__change'>更换</Text>
          </View>
        </Picker>
        <Text className='uh-muted claim-block'>
          保障期 {plan.periodStart} 至 {plan.periodEnd}
          {plan.waitingPeriodDays ? `，新参保等待期${plan.waitingPeriodDays}天` : ''}
        </Text>
      </View>
      <View className='claim-search'>
        <Input className='claim-search__input' aria-label='姓名或会员号' placeholder='姓名或会员号' value={q} onInput={(e) => setQ(e.detail.value)} onConfirm={() => setApplied(q.trim())} />
        <ActionButton kind='plain' className='claim-search__btn' onClick={() => setApplied(q.trim())}>
          搜索
        </ActionButton>
      </View>
      <View className='claim-tabs'>
        <View className={`claim-tabs__tab ${!showAll ? 'claim-tabs__tab--on' : ''}`} role='tab' aria-selected={!showAll} onClick={() => setShowAll(false)}>
          未参保
        </View>
        <View className={`claim-tabs__tab ${showAll ? 'claim-tabs__tab--on' : ''}`} role='tab' aria-selected={showAll} onClick={() => setShowAll(true)}>
          全部会员
        </View>
      </View>
      {members.loading && !members.data ? (
        <Loading />
      ) : members.error && !members.data ? (
        <ErrorRetry error={members.error} onRetry={members.reload} />
      ) : rows.length ? (
        <View className='uh-list'>
          {selectable.length ? (
            <View className='uh-row' role='button' onClick={() => setPicked(picked.length === selectable.length ? [] : selectable.map((r) => r.userId))}>
              <Text className='claim-check'>{picked.length === selectable.length ? '☑' : '☐'}</Text>
              <Text className='uh-row__label'>全选（{selectable.length}人）</Text>
            </View>
          ) : null}
          {rows.map((r) => (
            <View key={r.userId} className='uh-row' role='checkbox' aria-checked={picked.includes(r.userId)} aria-label={r.name} onClick={() => !r.enrolled && toggle(r.userId)}>
              <Text className='claim-check'>{r.enrolled ? '✓' : picked.includes(r.userId) ? '☑' : '☐'}</Text>
              <View className='uh-row__label'>
                <Text>{r.name}</Text>
                <Text className='uh-muted claim-block'>
                  {r.memberNo} · {r.phoneMasked || '无手机号'} · {r.orgName}
                </Text>
              </View>
              <Text className='uh-row__value'>{r.enrolled ? '已参保' : ''}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Empty icon='👥' text={showAll ? '没有找到会员' : '本工会会员都已参保'} />
      )}
      {members.data && members.data.total > rows.length ? <Text className='uh-muted claim-block'>只显示前{rows.length}人，请用搜索找到其他会员。</Text> : null}
      <ActionButton className='claim-gap' busy={busy} disabled={!picked.length} onClick={enrol}>
        {busy ? '正在办理…' : `为选中的${picked.length}人参保`}
      </ActionButton>
    </Page>
  )
}
