import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { formatFen, type ReviewClaimSummaryResponse } from '@unionhome/shared'
import { fetchReviewQueue } from '@/api/claims'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { formatInstant } from '@/utils/format'
import { StatusTag } from '../../components/status-tag'
import { reviewUrl } from '../../urls'
import '../../components/claims.css'

const TABS = [
  { key: 'waiting', label: '待审核' },
  { key: 'need_documents', label: '待补材料' },
  { key: 'approved', label: '待打款' },
  { key: 'paid', label: '已打款' },
  { key: 'rejected', label: '未通过' }
] as const

/** 理赔审核: the queue, oldest first, filtered by status and by the member's name or number. */
export default function ReviewQueuePage() {
  const session = useRequireLogin()
  const [tab, setTab] = useState<(typeof TABS)[number]['key']>('waiting')
  const [q, setQ] = useState('')
  const [applied, setApplied] = useState('')
  const queue = useRemote(() => fetchReviewQueue({ status: tab, q: applied }))
  useDidShow(() => {
    if (session) queue.reload()
  })
  // A new tab or search loads again (the first load is useDidShow's).
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    if (session) queue.reload()
  }, [tab, applied])
  if (!session) return <Page />

  const pick = (key: typeof tab) => setTab(key)
  const search = () => setApplied(q.trim())

  return (
    <Page className='claim-queue'>
      <View className='claim-tabs' role='tablist'>
        {TABS.map((t) => (
          <View key={t.key} role='tab' aria-selected={tab === t.key} className={`claim-tabs__tab ${tab === t.key ? 'claim-tabs__tab--on' : ''}`} onClick={() => pick(t.key)}>
            {t.label}
          </View>
        ))}
      </View>
      <View className='claim-search'>
        <Input className='claim-search__input' aria-label='会员姓名或会员号' placeholder='会员姓名或会员号' value={q} onInput={(e) => setQ(e.detail.value)} onConfirm={search} />
        <ActionButton kind='plain' className='claim-search__btn' onClick={search}>
          搜索
        </ActionButton>
      </View>
      {queue.loading && !queue.data ? (
        <Loading />
      ) : queue.error && !queue.data ? (
        <ErrorRetry error={queue.error} onRetry={queue.reload} />
      ) : queue.data && queue.data.data.length ? (
        <>
          <Text className='uh-muted claim-block'>共 {queue.data.total} 件</Text>
          {queue.data.data.map((c) => (
            <QueueRow key={c.id} claim={c} onOpen={() => Taro.navigateTo({ url: reviewUrl(c.id) })} />
          ))}
        </>
      ) : (
        <Empty icon='✅' text={applied ? '没有找到符合条件的申请' : '这里没有待处理的申请'} />
      )}
    </Page>
  )
}

function QueueRow({ claim, onOpen }: { claim: ReviewClaimSummaryResponse; onOpen: () => void }) {
  return (
    <View className='uh-card claim-row' hoverClass='uh-row--pressed' role='button' aria-label={`${claim.memberName}的申请`} onClick={onOpen}>
      <View className='claim-row__top'>
        <Text className='claim-row__title'>
          {claim.memberName} {claim.memberNo ? <Text className='uh-muted'>{claim.memberNo}</Text> : null}
        </Text>
        <StatusTag status={claim.status} />
      </View>
      <Text className='uh-muted claim-block'>
        {claim.orgName ?? ''} · {claim.hospital} · 住院 {claim.admissionDate}
      </Text>
      <Text className='claim-block'>
        {claim.approvedAmount !== null ? `核定 ${formatFen(claim.approvedAmount)}` : `按规则 ${formatFen(claim.estimatePayout)}`} · 费用 {formatFen(claim.totalAmount)}
      </Text>
      {claim.submittedAt ? <Text className='uh-muted claim-block'>提交于 {formatInstant(claim.submittedAt)}</Text> : null}
    </View>
  )
}
