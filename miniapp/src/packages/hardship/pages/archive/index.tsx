import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { AID_TYPE_LABELS, SITUATION_LABELS, type HardshipArchiveEntry } from '@unionhome/shared'
import { fetchArchive } from '@/api/hardship'
import { showError } from '@/api/request'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { ChoiceList } from '../../components/choice-list'
import { DUE_WITHIN_DAYS, recheckText } from '../../labels'
import { reviewUrl } from '../../urls'
import '../../components/hardship.css'

type Scope = 'due' | 'all'
const SCOPES = [
  { value: 'due' as const, label: '30天内需复核' },
  { value: 'all' as const, label: '全部档案' }
]
/** 困难职工档案: approved cases with their re-check dates, those due within 30 days first. */
export default function HardshipArchivePage() {
  const session = useRequireLogin()
  const [scope, setScope] = useState<Scope>('due')
  const [state, setState] = useState<{ items: HardshipArchiveEntry[]; total: number; page: number; loading: boolean; error: unknown }>({ items: [], total: 0, page: 0, loading: true, error: undefined })
  const ticket = useRef(0)

  const load = useCallback(
    async (page: number) => {
      const mine = ++ticket.current
      setState((s) => ({ ...s, loading: true, error: undefined }))
      try {
        const res = await fetchArchive({ dueWithinDays: scope === 'due' ? DUE_WITHIN_DAYS : undefined, page })
        if (mine === ticket.current) setState((s) => ({ items: page === 1 ? res.data : [...s.items, ...res.data], total: res.total, page, loading: false, error: undefined }))
      } catch (error) {
        if (mine !== ticket.current) return
        setState((s) => ({ ...s, loading: false, error }))
        if (page > 1) showError(error)
      }
    },
    [scope]
  )

  useEffect(() => {
    if (session) load(1)
  }, [session, load])
  useDidShow(() => {
    if (session && ticket.current > 0) load(1)
  })
  usePullDownRefresh(() => {
    load(1).finally(() => Taro.stopPullDownRefresh())
  })

  if (!session) return <Page />

  let body
  if (state.items.length === 0 && state.error) body = <ErrorRetry error={state.error} onRetry={() => load(1)} />
  else if (state.items.length === 0 && state.loading) body = <Loading />
  else if (state.items.length === 0) body = <Empty icon='🗂️' text={scope === 'due' ? '30天内没有需要复核的档案' : '档案里还没有记录'} />
  else {
    body = (
      <>
        <Text className='uh-muted'>共 {state.total} 份</Text>
        {state.items.map((e) => (
          <View key={e.id} className='uh-card' hoverClass='uh-row--pressed' role='button' onClick={() => Taro.navigateTo({ url: reviewUrl(e.id) })}>
            <View className='hs-list-item__top'>
              <Text className='hs-list-item__title'>{e.archiveNo}</Text>
              <Text className={e.daysUntilRecheck <= DUE_WITHIN_DAYS ? 'uh-tag uh-tag--warn' : 'uh-tag'}>{recheckText(e.daysUntilRecheck)}</Text>
            </View>
            <Text className='hs-list-item__line'>
              {e.applicantName} · {SITUATION_LABELS[e.situation]} · {e.regionName}
            </Text>
            <Text className='uh-muted hs-list-item__line'>帮扶：{e.aidTypes.map((t) => AID_TYPE_LABELS[t]).join('、')}</Text>
            <Text className='uh-muted hs-list-item__line'>
              复核日期 {e.recheckDue} · {e.orgName}
            </Text>
          </View>
        ))}
        {state.items.length < state.total ? (
          <ActionButton kind='quiet' busy={state.loading} onClick={() => load(state.page + 1)}>
            {state.loading ? '正在加载…' : '加载更多'}
          </ActionButton>
        ) : null}
      </>
    )
  }

  return (
    <Page className='hardship-archive'>
      <Text className='uh-title hs-page-title'>困难职工档案</Text>
      <ChoiceList label='范围' compact choices={SCOPES} value={scope} onChange={setScope} />
      {body}
    </Page>
  )
}
