import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  AUDIT_CHAIN_PROBLEM_LABELS,
  AUDIT_SUBJECT_TYPE_LABELS,
  PHONE_PATTERN,
  auditActionLabel,
  auditSubjectTypeLabel,
  isLocalDate,
  type AuditEntry,
  type AuditVerifyResponse
} from '@unionhome/shared'
import { fetchAuditLog, verifyAuditLog, type AuditFilter } from '@/api/admin-audit'
import { errorText, isApiError, showError } from '@/api/request'
import { ActionButton, Empty, ErrorRetry, Field, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import './index.css'

interface FilterForm {
  actorPhone: string
  subjectType: string
  subjectId: string
  from: string
  to: string
}

const EMPTY_FORM: FilterForm = { actorPhone: '', subjectType: '', subjectId: '', from: '', to: '' }
const SUBJECT_TYPES = Object.keys(AUDIT_SUBJECT_TYPE_LABELS)
const ID_PATTERN = /^[0-9a-f-]{36}$/i

/** The form's problems in the words the BFF would use, so nothing goes out that it would refuse. */
function auditFilterProblems(f: FilterForm): Record<string, string> {
  const problems: Record<string, string> = {}
  if (f.actorPhone && !PHONE_PATTERN.test(f.actorPhone)) problems.actorPhone = '手机号码应为11位数字'
  if (f.subjectId && !ID_PATTERN.test(f.subjectId)) problems.subjectId = '编号格式不正确（36位，含短横线）'
  if (f.from && !isLocalDate(f.from)) problems.from = '日期格式应为 年-月-日，例如 2026-11-22'
  if (f.to && !isLocalDate(f.to)) problems.to = '日期格式应为 年-月-日，例如 2026-11-22'
  if (!problems.from && !problems.to && f.from && f.to && f.to < f.from) problems.to = '结束日期不能早于开始日期'
  return problems
}

function toFilter(f: FilterForm): AuditFilter {
  const filter: AuditFilter = {}
  if (f.actorPhone) filter.actorPhone = f.actorPhone
  if (f.subjectType) filter.subjectType = f.subjectType
  if (f.subjectId) filter.subjectId = f.subjectId
  if (f.from) filter.from = f.from
  if (f.to) filter.to = f.to
  return filter
}

/** "2026-11-22T19:05:00+08:00" → "2026-11-22 19:05:00": the BFF already speaks Beijing time. */
const shownTime = (iso: string) => iso.slice(0, 19).replace('T', ' ')

/** Page 1 replaces, later pages append; an answer for an older filter is dropped. */
function useAuditPages(filter: AuditFilter) {
  const [state, setState] = useState({ items: [] as AuditEntry[], total: 0, page: 0, loading: true, error: undefined as unknown })
  const ticket = useRef(0)
  const load = useCallback(
    async (page: number) => {
      const mine = ++ticket.current
      setState((s) => ({ ...s, loading: true, error: undefined }))
      try {
        const res = await fetchAuditLog(filter, page)
        if (mine !== ticket.current) return
        setState((s) => ({ items: page === 1 ? res.data : [...s.items, ...res.data], total: res.total, page, loading: false, error: undefined }))
      } catch (error) {
        if (mine !== ticket.current) return
        setState((s) => ({ ...s, loading: false, error }))
        if (page > 1) showError(error)
      }
    },
    [filter]
  )
  useEffect(() => {
    load(1)
  }, [load])
  return { ...state, reload: () => load(1), more: () => (state.loading ? undefined : load(state.page + 1)), hasMore: state.items.length < state.total }
}

/**
 * 操作日志 (admin): who read, exported or decided on whose personal data, newest first, searched by
 * person, record and day; and a check that no entry was changed or removed since it was written.
 */
export default function AuditPage() {
  const session = useRequireLogin()
  const [form, setForm] = useState<FilterForm>(EMPTY_FORM)
  const [filter, setFilter] = useState<AuditFilter>({})
  const [problems, setProblems] = useState<Record<string, string>>({})

  if (!session) return <Page />

  const set = (key: keyof FilterForm) => (value: string) => setForm((f) => ({ ...f, [key]: value.trim() }))
  const search = () => {
    const found = auditFilterProblems(form)
    setProblems(found)
    if (Object.keys(found).length === 0) setFilter(toFilter(form))
  }
  const clear = () => {
    setForm(EMPTY_FORM)
    setProblems({})
    setFilter({})
  }

  return (
    <Page className='audit-page'>
      <IntegrityCheck />

      <View className='uh-card'>
        <Text className='uh-heading'>查找</Text>
        <Field label='操作人手机号' type='number' value={form.actorPhone} maxlength={11} error={problems.actorPhone} placeholder='例如：13800000002' onChange={set('actorPhone')} />
        <Text className='uh-field__label'>记录类型</Text>
        <View className='audit-chips' role='radiogroup' aria-label='记录类型'>
          {['', ...SUBJECT_TYPES].map((t) => (
            <View key={t || 'all'} className={t === form.subjectType ? 'audit-chip audit-chip--on' : 'audit-chip'} role='radio' aria-checked={t === form.subjectType} onClick={() => set('subjectType')(t)}>
              <Text>{t ? AUDIT_SUBJECT_TYPE_LABELS[t] : '全部'}</Text>
            </View>
          ))}
        </View>
        <Field label='记录编号' value={form.subjectId} maxlength={36} error={problems.subjectId} hint='可不填；填写时为36位编号' onChange={set('subjectId')} />
        <View className='audit-dates'>
          <Field label='开始日期' value={form.from} maxlength={10} error={problems.from} placeholder='2026-11-01' onChange={set('from')} />
          <Field label='结束日期' value={form.to} maxlength={10} error={problems.to} placeholder='2026-11-30' onChange={set('to')} />
        </View>
        <View className='audit-actions'>
          <ActionButton onClick={search}>查询</ActionButton>
          <ActionButton kind='quiet' onClick={clear}>
            清空条件
          </ActionButton>
        </View>
      </View>

      <AuditList key={JSON.stringify(filter)} filter={filter} onFieldProblems={setProblems} />
    </Page>
  )
}

function AuditList({ filter, onFieldProblems }: { filter: AuditFilter; onFieldProblems: (p: Record<string, string>) => void }) {
  const list = useAuditPages(filter)
  const filtered = Object.keys(filter).length > 0

  useEffect(() => {
    if (isApiError(list.error) && Object.keys(list.error.fields).length) onFieldProblems(list.error.fields)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.error])

  if (list.page === 0 && list.error) return <ErrorRetry error={list.error} onRetry={list.reload} />
  if (list.page === 0) return <Loading />
  if (list.items.length === 0) return <Empty icon='志' text={filtered ? '没有符合条件的记录' : '还没有操作记录'} />
  return (
    <>
      <Text className='uh-muted audit-count'>{filtered ? `找到 ${list.total} 条` : `共 ${list.total} 条`}（最新的在前）</Text>
      <View className='uh-list'>
        {list.items.map((e) => (
          <View key={e.id} className='audit-row'>
            <Text className='audit-row__action'>{auditActionLabel(e.action)}</Text>
            <Text className='audit-row__line'>{shownTime(e.at)}</Text>
            <Text className='audit-row__line'>操作人：{e.actorName || '（未填写姓名）'}</Text>
            <Text className='uh-muted audit-row__line'>
              {auditSubjectTypeLabel(e.subjectType)} {e.subjectId}
            </Text>
            {e.detail ? <Text className='uh-muted audit-row__line'>备注：{e.detail}</Text> : null}
          </View>
        ))}
      </View>
      <View className='audit-footer'>
        {list.hasMore ? (
          <ActionButton kind='quiet' busy={list.loading} onClick={list.more}>
            {list.loading ? '正在加载…' : `加载更多（已显示 ${list.items.length} / ${list.total}）`}
          </ActionButton>
        ) : (
          <Text className='uh-muted'>没有更多了</Text>
        )}
      </View>
    </>
  )
}

/** The integrity check: recomputes the whole chain on the server and says plainly what it found. */
function IntegrityCheck() {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: AuditVerifyResponse } | { error: string } | null>(null)

  const check = async () => {
    setBusy(true)
    setResult(null)
    try {
      setResult({ ok: await verifyAuditLog() })
    } catch (err) {
      setResult({ error: errorText(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='uh-card'>
      <Text className='uh-muted audit-intro'>日志只能追加，不能修改或删除。每条记录都带有与上一条相连的校验值，任何改动都会被发现。</Text>
      <ActionButton kind='plain' busy={busy} onClick={check}>
        {busy ? '正在校验…' : '校验日志完整性'}
      </ActionButton>
      {result ? <IntegrityResult result={result} /> : null}
    </View>
  )
}

function IntegrityResult({ result }: { result: { ok: AuditVerifyResponse } | { error: string } }) {
  if ('error' in result) {
    return (
      <View className='audit-verdict audit-verdict--bad' role='alert'>
        <Text className='audit-verdict__title'>未能校验</Text>
        <Text className='audit-verdict__line'>{result.error}</Text>
      </View>
    )
  }
  const r = result.ok
  if (r.ok) {
    return (
      <View className='audit-verdict audit-verdict--ok' role='status'>
        <Text className='audit-verdict__title'>日志完整</Text>
        <Text className='audit-verdict__line'>已校验全部 {r.checked} 条记录，没有发现修改、删除或顺序调换。</Text>
        <Text className='uh-muted audit-verdict__line'>
          校验码：第 {r.headSeq} 条 {r.headHash.slice(0, 16)}（可记下，下次校验时同一条的校验码应当不变）
        </Text>
      </View>
    )
  }
  return (
    <View className='audit-verdict audit-verdict--bad' role='alert'>
      <Text className='audit-verdict__title'>日志不完整</Text>
      <Text className='audit-verdict__line'>{r.problem ? AUDIT_CHAIN_PROBLEM_LABELS[r.problem] : '校验未通过'}</Text>
      <Text className='audit-verdict__line'>
        问题出在第 {r.firstBrokenSeq} 条{r.firstBrokenAt ? `（${shownTime(r.firstBrokenAt)}）` : ''}；此前的 {r.checked} 条完好。
      </Text>
      {r.firstBrokenId ? <Text className='uh-muted audit-verdict__line'>记录编号 {r.firstBrokenId}</Text> : null}
      <Text className='uh-muted audit-verdict__line'>请保留现场，并联系系统管理员查明原因。</Text>
    </View>
  )
}
