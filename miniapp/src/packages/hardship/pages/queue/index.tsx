import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  formatFen,
  HARDSHIP_STATUS_LABELS,
  SITUATION_LABELS,
  type HardshipApplicationSummary,
  type RegionResponse,
  type StaffHardshipStatus
} from '@unionhome/shared'
import { fetchQueue, fetchRegions } from '@/api/hardship'
import { showError } from '@/api/request'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { formatInstant } from '@/utils/format'
import { ChoiceList } from '../../components/choice-list'
import { reviewUrl } from '../../urls'
import '../../components/hardship.css'

type Stage = 'check' | 'decide'

/** The tabs of each queue: the officer's first check, the reviewer's decision. The first tab is the work to do. */
const TABS: Record<Stage, ReadonlyArray<{ value: StaffHardshipStatus; label: string }>> = {
  check: [
    { value: 'submitted', label: '待初审' },
    { value: 'returned', label: '已退回' },
    { value: 'checked', label: '已通过初审' }
  ],
  decide: [
    { value: 'checked', label: '待审批' },
    { value: 'approved', label: '已批准' },
    { value: 'rejected', label: '未批准' },
    { value: 'submitted', label: '初审中' }
  ]
}

const ALL_REGIONS = 'all'

interface ListState {
  items: HardshipApplicationSummary[]
  total: number
  page: number
  loading: boolean
  error: unknown
}

/** 帮扶初审 (officer) and 帮扶审批 (hardship reviewer): cases by status and region, oldest waiting first. */
export default function HardshipQueuePage() {
  const session = useRequireLogin()
  const stage: Stage = useRouter().params.stage === 'decide' ? 'decide' : 'check'
  const [status, setStatus] = useState<StaffHardshipStatus>(TABS[stage][0].value)
  const [region, setRegion] = useState<string>(ALL_REGIONS)
  const [regions, setRegions] = useState<RegionResponse[]>([])
  const [list, setList] = useState<ListState>({ items: [], total: 0, page: 0, loading: true, error: undefined })
  const ticket = useRef(0)

  const load = useCallback(
    async (page: number) => {
      const mine = ++ticket.current
      setList((l) => ({ ...l, loading: true, error: undefined }))
      try {
        const res = await fetchQueue({ status, regionCode: region === ALL_REGIONS ? undefined : region, page })
        if (mine !== ticket.current) return
        setList((l) => ({ items: page === 1 ? res.data : [...l.items, ...res.data], total: res.total, page, loading: false, error: undefined }))
      } catch (error) {
        if (mine !== ticket.current) return
        setList((l) => ({ ...l, loading: false, error }))
        if (page > 1) showError(error)
      }
    },
    [status, region]
  )

  useEffect(() => {
    if (session) load(1)
  }, [session, load])

  useDidShow(() => {
    if (!session) return
    fetchRegions().then(setRegions).catch(() => undefined)
    if (ticket.current > 0) load(1)
  })
  usePullDownRefresh(() => {
    load(1).finally(() => Taro.stopPullDownRefresh())
  })

  if (!session) return <Page />

  let body
  if (list.items.length === 0 && list.error) body = <ErrorRetry error={list.error} onRetry={() => load(1)} />
  else if (list.items.length === 0 && list.loading) body = <Loading />
  else if (list.items.length === 0) body = <Empty icon='📂' text={`没有“${TABS[stage].find((t) => t.value === status)?.label}”的申请`} />
  else {
    body = (
      <>
        <Text className='uh-muted'>共 {list.total} 件</Text>
        {list.items.map((a) => (
          <QueueRow key={a.id} app={a} onOpen={() => Taro.navigateTo({ url: reviewUrl(a.id) })} />
        ))}
        {list.items.length < list.total ? (
          <ActionButton kind='quiet' busy={list.loading} onClick={() => load(list.page + 1)}>
            {list.loading ? '正在加载…' : '加载更多'}
          </ActionButton>
        ) : null}
      </>
    )
  }

  return (
    <Page className='hardship-queue'>
      <Text className='uh-title hs-page-title'>{stage === 'check' ? '帮扶初审' : '帮扶审批'}</Text>
      <ChoiceList label='办理状态' compact choices={TABS[stage]} value={status} onChange={setStatus} />
      {regions.length > 1 ? (
        <ChoiceList label='地区' compact choices={[{ value: ALL_REGIONS, label: '全部地区' }, ...regions.map((r) => ({ value: r.code, label: r.name }))]} value={region} onChange={setRegion} />
      ) : null}
      {body}
    </Page>
  )
}

function QueueRow({ app, onOpen }: { app: HardshipApplicationSummary; onOpen: () => void }) {
  return (
    <View className='uh-card' hoverClass='uh-row--pressed' role='button' aria-label={`${app.applicantName} ${SITUATION_LABELS[app.situation]}`} onClick={onOpen}>
      <View className='hs-list-item__top'>
        <Text className='hs-list-item__title'>
          {app.applicantName} · {SITUATION_LABELS[app.situation]}
        </Text>
        <Text className={app.belowMinimum ? 'uh-tag uh-tag--ok' : 'uh-tag'}>{app.belowMinimum ? '低于低保' : '不低于低保'}</Text>
      </View>
      <Text className='hs-list-item__line'>
        {app.regionName} · {app.orgName} · {app.householdSize} 人
      </Text>
      <Text className='uh-muted hs-list-item__line'>
        人均 {app.perCapitaIncome === null ? '—' : formatFen(app.perCapitaIncome)} / 标准 {formatFen(app.minimumLiving)} · {HARDSHIP_STATUS_LABELS[app.status]}
      </Text>
      {app.submittedAt ? <Text className='uh-muted hs-list-item__line'>提交于 {formatInstant(app.submittedAt)}</Text> : null}
    </View>
  )
}
