import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { localDate, type MemberListItem, type MemberListResponse, type MemberTotals } from '@unionhome/shared'
import { downloadMembersCsv, fetchMembers, type MemberQuery } from '@/api/membership'
import { showError } from '@/api/request'
import { Empty, ErrorRetry, Loading } from '@/components'
import { openPage } from '@/utils/navigation'
import { ListFooter } from '../../components/list-footer'
import { OfficerGate } from '../../components/officer-gate'
import { useOfficerOrg } from '../../hooks/use-officer-org'
import { usePagedList } from '../../hooks/use-paged-list'
import { useReloadOnShow } from '../../hooks/use-reload-on-show'
import '../../components/membership.css'
import './index.css'

const MEMBER_PAGE = '/packages/membership/pages/member/index'
const APPLICATIONS_PAGE = '/packages/membership/pages/applications/index'

function MemberList(props: { orgId: string; query: MemberQuery; onTotals: (t: MemberTotals) => void }) {
  const { orgId, query } = props
  const list = usePagedList<MemberListItem, MemberListResponse>((page) => fetchMembers(orgId, query, page), (first) => props.onTotals(first.totals))
  useReloadOnShow(orgId, list.reload)

  if (list.initial && list.error) return <ErrorRetry error={list.error} onRetry={list.reload} />
  if (list.initial) return <Loading />
  if (list.items.length === 0) return <Empty icon='册' text={query.q ? `没有找到“${query.q}”` : query.status === 'left' ? '没有已退会的会员' : '还没有会员'} />
  return (
    <>
      <Text className='uh-muted members-page__count'>{query.q ? `找到 ${list.total} 人` : `共 ${list.total} 人`}</Text>
      <View className='uh-list'>
        {list.items.map((m) => (
          <View key={m.id} className='uh-row members-row' hoverClass='uh-row--pressed' role='button' aria-label={`会员 ${m.name}`} onClick={() => openPage(`${MEMBER_PAGE}?id=${m.id}`)}>
            <View className='uh-row__label'>
              <Text className='members-row__name'>
                {m.name}
                <Text className='members-row__no'>{m.memberNo}</Text>
              </Text>
              <Text className='uh-muted members-row__line'>{m.idNumberMasked}</Text>
              <Text className='uh-muted members-row__line'>
                {[m.employer, m.jobType, `${m.joinedAt} 入会`].filter(Boolean).join(' · ')}
              </Text>
            </View>
            <Text className='uh-row__arrow'>›</Text>
          </View>
        ))}
      </View>
      <ListFooter list={list} />
    </>
  )
}

/** 会员名册: the union's members with totals, search by name or number, and a CSV export. */
export default function MembersPage() {
  const officer = useOfficerOrg()
  const [text, setText] = useState('')
  const [query, setQuery] = useState<MemberQuery>({ status: 'active' })
  const [totals, setTotals] = useState<MemberTotals | null>(null)
  const [exporting, setExporting] = useState(false)

  const search = () => setQuery((q) => ({ ...q, q: text.trim() || undefined }))

  const exportCsv = async (orgId: string, orgName: string) => {
    setExporting(true)
    try {
      await downloadMembersCsv(orgId, query, `${orgName}会员名册-${localDate(new Date())}.csv`)
      Taro.showToast({ title: '名册已导出', icon: 'success' })
    } catch (err) {
      showError(err)
    } finally {
      setExporting(false)
    }
  }

  return (
    <OfficerGate officer={officer} className='members-page'>
      {(org) => (
        <>
          <View className='uh-card members-totals'>
            <View className='members-totals__cell'>
              <Text className='members-totals__num'>{totals ? totals.active : '–'}</Text>
              <Text className='uh-muted'>在册会员</Text>
            </View>
            <View className='members-totals__cell'>
              <Text className='members-totals__num'>{totals ? totals.left : '–'}</Text>
              <Text className='uh-muted'>已退会/转出</Text>
            </View>
            <View className='members-totals__cell' role='button' onClick={() => openPage(APPLICATIONS_PAGE)}>
              <Text className='members-totals__num members-totals__num--pending'>{totals ? totals.pendingApplications : '–'}</Text>
              <Text className='uh-muted'>待审核 ›</Text>
            </View>
          </View>

          <View className='members-search'>
            <Input
              className='uh-field__input members-search__input'
              aria-label='搜索会员'
              value={text}
              placeholder='姓名或会员编号'
              confirmType='search'
              onInput={(e) => setText(e.detail.value)}
              onConfirm={search}
            />
            <Button className='uh-btn uh-btn--primary members-search__btn' onClick={search}>
              搜索
            </Button>
          </View>

          <View className='ms-tabs' role='tablist'>
            {(['active', 'left'] as const).map((s) => (
              <View key={s} className={query.status === s ? 'ms-tab ms-tab--on' : 'ms-tab'} role='tab' aria-selected={query.status === s} onClick={() => setQuery((q) => ({ ...q, status: s }))}>
                <Text>{s === 'active' ? '在册' : '已退会/转出'}</Text>
              </View>
            ))}
          </View>

          <MemberList key={`${query.status}|${query.q ?? ''}`} orgId={org.id} query={query} onTotals={setTotals} />

          <Button className='uh-btn members-page__export' disabled={exporting || undefined} onClick={() => exportCsv(org.id, org.name)}>
            {exporting ? '正在导出…' : '导出名册（CSV，身份证号已隐藏部分）'}
          </Button>
        </>
      )}
    </OfficerGate>
  )
}
