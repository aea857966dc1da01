import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { AID_TYPE_LABELS, AID_TYPES, REASON_MAX, type AidType, type HardshipApplicationResponse } from '@unionhome/shared'
import { decideApplication, fetchApplication, reviewApplication } from '@/api/hardship'
import { isApiError, showError } from '@/api/request'
import { ActionButton, ErrorRetry, Field, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { sessionRoles } from '@/store/session'
import { decodeParam } from '@/utils/navigation'
import { CaseView, StatusBanner } from '../../components/case-view'
import { ChoiceList } from '../../components/choice-list'
import '../../components/hardship.css'

const AID_CHOICES = AID_TYPES.map((t) => ({ value: t, label: AID_TYPE_LABELS[t] }))

/**
 * A case as staff see it (ID numbers masked by the BFF; opening it is audited there), with the
 * form the caller's role allows at this status: the officer's first check, the reviewer's decision.
 */
export default function HardshipReviewPage() {
  const session = useRequireLogin()
  const id = decodeParam(useRouter().params.id)
  const remote = useRemote(() => fetchApplication(id))

  useDidShow(() => {
    if (session && id) remote.reload()
  })

  if (!session) return <Page />
  const app = remote.data
  if (!app) return <Page>{remote.error ? <ErrorRetry error={remote.error} onRetry={remote.reload} /> : <Loading />}</Page>

  const roles = sessionRoles(session)
  const staff = app.view === 'staff'
  const canCheck = staff && app.status === 'submitted' && (roles.includes('officer') || roles.includes('admin'))
  const canDecide = staff && app.status === 'checked' && (roles.includes('hardship_reviewer') || roles.includes('admin'))

  return (
    <Page className='hardship-review'>
      <StatusBanner app={app} />
      <CaseView app={app} />
      {canCheck ? <FirstCheckForm app={app} onDone={remote.reload} /> : null}
      {canDecide ? <DecisionForm app={app} onDone={remote.reload} /> : null}
    </Page>
  )
}

async function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  return (await Taro.showModal({ title, content, confirmText, cancelText: '再看看' })).confirm
}

function FirstCheckForm({ app, onDone }: { app: HardshipApplicationResponse; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const act = async (decision: 'pass' | 'return') => {
    setError(null)
    if (decision === 'return' && !reason.trim()) return setError('退回时请写明需要修改或补充的内容')
    const ok = await confirm(
      decision === 'pass' ? '初审通过' : '退回修改',
      decision === 'pass' ? '确认初审通过，报送帮扶中心审批吗？' : '确认退回给申请人修改吗？申请人会收到您的意见。',
      decision === 'pass' ? '通过' : '退回'
    )
    if (!ok) return
    setBusy(true)
    try {
      await reviewApplication(app.id, { decision, reason: reason.trim() || undefined })
      Taro.showToast({ title: decision === 'pass' ? '已通过初审' : '已退回', icon: 'success' })
      onDone()
    } catch (err) {
      if (isApiError(err) && err.fields.reason) setError(err.fields.reason)
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='uh-card'>
      <Text className='uh-heading'>初审</Text>
      <Field multiline label='初审意见' value={reason} maxlength={REASON_MAX} placeholder='退回时必填，例如：请补充医院的诊断证明' error={error} onChange={setReason} />
      <View className='hs-actions'>
        <ActionButton busy={busy} onClick={() => act('pass')}>
          初审通过
        </ActionButton>
        <ActionButton kind='plain' busy={busy} onClick={() => act('return')}>
          退回修改
        </ActionButton>
      </View>
    </View>
  )
}

function DecisionForm({ app, onDone }: { app: HardshipApplicationResponse; onDone: () => void }) {
  const [aidTypes, setAidTypes] = useState<AidType[]>([])
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const toggle = (t: AidType) => setAidTypes((list) => (list.includes(t) ? list.filter((x) => x !== t) : [...list, t]))

  const act = async (decision: 'approve' | 'reject') => {
    setErrors({})
    if (decision === 'approve' && aidTypes.length === 0) return setErrors({ aidTypes: '批准时请至少选择一种帮扶类型' })
    if (decision === 'reject' && !reason.trim()) return setErrors({ reason: '不批准时请写明原因' })
    const ok = await confirm(
      decision === 'approve' ? '批准' : '不批准',
      decision === 'approve' ? `确认批准并建立困难职工档案吗？帮扶类型：${aidTypes.map((t) => AID_TYPE_LABELS[t]).join('、')}` : '确认不批准吗？申请人会收到您写的原因。',
      decision === 'approve' ? '批准' : '不批准'
    )
    if (!ok) return
    setBusy(true)
    try {
      const res = await decideApplication(app.id, decision === 'approve' ? { decision, aidTypes, reason: reason.trim() || undefined } : { decision, reason: reason.trim() })
      Taro.showToast({ title: res.archiveNo ? '已批准并建档' : '已处理', icon: 'success' })
      onDone()
    } catch (err) {
      if (isApiError(err)) setErrors(err.fields)
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='uh-card'>
      <Text className='uh-heading'>审批</Text>
      <Text className='uh-field__label'>给予的帮扶类型（批准时选择，可多选）</Text>
      <ChoiceList label='帮扶类型' choices={AID_CHOICES} value={aidTypes} onChange={toggle} error={errors.aidTypes} />
      <Field multiline label='审批意见' value={reason} maxlength={REASON_MAX} placeholder='不批准时必填' error={errors.reason} onChange={setReason} />
      <View className='hs-actions'>
        <ActionButton busy={busy} onClick={() => act('approve')}>
          批准
        </ActionButton>
        <ActionButton kind='plain' busy={busy} onClick={() => act('reject')}>
          不批准
        </ActionButton>
      </View>
    </View>
  )
}
