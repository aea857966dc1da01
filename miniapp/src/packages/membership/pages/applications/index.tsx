import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Switch, Text, Textarea, View } from '@tarojs/components'
import { APPLICATION_KIND_LABELS, APPLICATION_STATUS_LABELS, REJECT_REASON_MAX_LENGTH, type ApplicationResponse, type ApplicationStatus, type IdNumberCheck } from '@unionhome/shared'
import { approveApplication, fetchApplications, fetchMembershipSettings, rejectApplication, saveMembershipSettings } from '@/api/membership'
import { isApiError, showError } from '@/api/request'
import { Empty, ErrorRetry, Loading } from '@/components'
import { formatInstant } from '@/utils/format'
import { ListFooter } from '../../components/list-footer'
import { OfficerGate } from '../../components/officer-gate'
import { useOfficerOrg } from '../../hooks/use-officer-org'
import { usePagedList } from '../../hooks/use-paged-list'
import { useReloadOnShow } from '../../hooks/use-reload-on-show'
import '../../components/membership.css'
import './index.css'

const TABS: ApplicationStatus[] = ['pending', 'approved', 'rejected', 'withdrawn']

/**
 * The applicant was told nothing; the officer is told when the number is already someone's or given
 * by several people, and whether this applicant's phone is the phone of the account that holds it.
 */
function IdNumberWarning({ check }: { check?: IdNumberCheck }) {
  if (!check || (!check.heldByOtherAccount && check.otherPendingApplications === 0)) return null
  const lines: string[] = []
  if (check.heldByOtherAccount) {
    lines.push('该身份证号码已登记在另一个账号上，不能通过。')
    lines.push(
      check.phoneMatchesHolder
        ? '本申请的手机号与该账号的手机号一致，可能是本人换了微信或账号：请电话核实后驳回，并请本人用原手机号登录。'
        : '本申请的手机号与该账号的手机号不一致：可能是他人冒用，请核实后驳回。'
    )
  }
  if (check.otherPendingApplications > 0) {
    lines.push(`另有${check.otherPendingApplications}份待审核的申请填写了同一身份证号码，请电话核实谁是本人后再通过。`)
  }
  return (
    <View className='apps-id-warning' role='alert' aria-label='身份证号码提醒'>
      {lines.map((line) => (
        <Text key={line} className='apps-id-warning__line'>
          {line}
        </Text>
      ))}
    </View>
  )
}

function ApplicationItem(props: { app: ApplicationResponse; onDecided: (id: string) => void }) {
  const { app } = props
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const label = APPLICATION_KIND_LABELS[app.kind]

  const approve = async () => {
    const { confirm } = await Taro.showModal({
      title: `通过${label}申请`,
      content:
        app.kind === 'transfer'
          ? `${app.name}现为${app.fromOrgName ?? '其他工会'}会员。通过后原会籍结束，转入本工会。确定通过吗？`
          : `确定通过${app.name}的入会申请吗？通过后将分配会员编号。`,
      confirmText: '确定通过',
      cancelText: '再看看'
    })
    if (!confirm) return
    setBusy(true)
    try {
      const res = await approveApplication(app.id)
      Taro.showToast({ title: `已通过，会员编号 ${res.memberNo}`, icon: 'none', duration: 2500 })
      props.onDecided(app.id)
    } catch (err) {
      showError(err)
      if (isApiError(err) && err.code === 'APPLICATION_NOT_PENDING') props.onDecided(app.id)
    } finally {
      setBusy(false)
    }
  }

  const reject = async () => {
    if (!reason.trim()) {
      setReasonError('请填写驳回原因，申请人会看到')
      return
    }
    setBusy(true)
    try {
      await rejectApplication(app.id, reason.trim())
      Taro.showToast({ title: '已驳回', icon: 'none' })
      props.onDecided(app.id)
    } catch (err) {
      if (isApiError(err) && err.fields.reason) setReasonError(err.fields.reason)
      else showError(err)
      if (isApiError(err) && err.code === 'APPLICATION_NOT_PENDING') props.onDecided(app.id)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='ms-item' aria-label={`${app.name}的${label}申请`}>
      <Text className='ms-item__title'>
        {app.name}
        <Text className={app.kind === 'transfer' ? 'ms-tag ms-tag--warn' : 'ms-tag'}>{label}</Text>
        {app.status !== 'pending' ? <Text className={app.status === 'approved' ? 'ms-tag ms-tag--ok' : 'ms-tag ms-tag--off'}>{APPLICATION_STATUS_LABELS[app.status]}</Text> : null}
      </Text>
      {app.kind === 'transfer' && app.fromOrgName ? <Text className='ms-item__line'>从 {app.fromOrgName} 转入</Text> : null}
      <Text className='ms-item__line'>身份证 {app.idNumberMasked || '（已删除）'}</Text>
      <IdNumberWarning check={app.idNumberCheck} />
      <Text className='ms-item__line'>手机 {app.phoneMasked}</Text>
      <Text className='ms-item__line'>
        {app.employer}
        {app.jobType ? ` · ${app.jobType}` : ''}
      </Text>
      <Text className='ms-item__line'>提交于 {formatInstant(app.createdAt)}</Text>
      {app.memberNo ? <Text className='ms-item__line'>会员编号 {app.memberNo}</Text> : null}
      {app.rejectReason ? <Text className='ms-item__line'>驳回原因：{app.rejectReason}</Text> : null}

      {app.status === 'pending' && !rejecting ? (
        <View className='ms-actions'>
          <Button className='uh-btn uh-btn--primary' disabled={busy || app.idNumberCheck?.heldByOtherAccount || undefined} onClick={approve}>
            通过
          </Button>
          <Button className='uh-btn ms-actions__second' disabled={busy || undefined} onClick={() => setRejecting(true)}>
            驳回
          </Button>
        </View>
      ) : null}
      {app.status === 'pending' && rejecting ? (
        <View className='apps-reject'>
          <Text className='uh-field__label'>驳回原因（申请人会看到）</Text>
          <Textarea
            className='apps-reject__input'
            aria-label='驳回原因'
            value={reason}
            maxlength={REJECT_REASON_MAX_LENGTH}
            placeholder='例如：不是本单位职工，请向所在单位工会申请'
            onInput={(e) => {
              setReason(e.detail.value)
              setReasonError(null)
            }}
          />
          {reasonError ? <Text className='uh-field__error'>{reasonError}</Text> : null}
          <View className='ms-actions'>
            <Button className='uh-btn uh-btn--primary' disabled={busy || undefined} onClick={reject}>
              确认驳回
            </Button>
            <Button className='uh-btn uh-btn--quiet ms-actions__second' disabled={busy || undefined} onClick={() => setRejecting(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}

function ApplicationList({ orgId, status }: { orgId: string; status: ApplicationStatus }) {
  const list = usePagedList<ApplicationResponse>((page) => fetchApplications(orgId, status, page))
  useReloadOnShow(orgId, list.reload)

  if (list.initial && list.error) return <ErrorRetry error={list.error} onRetry={list.reload} />
  if (list.initial) return <Loading />
  if (list.items.length === 0) return <Empty icon='审' text={status === 'pending' ? '没有待审核的申请' : `没有${APPLICATION_STATUS_LABELS[status]}的申请`} />
  return (
    <>
      <Text className='uh-muted apps-page__count'>共 {list.total} 份</Text>
      {list.items.map((a) => (
        <ApplicationItem key={a.id} app={a} onDecided={(id) => list.update((items) => items.filter((x) => x.id !== id))} />
      ))}
      <ListFooter list={list} />
    </>
  )
}

/** 入会审核: the union's applications by status; approve or reject with a reason; auto-approve switch. */
export default function ApplicationsPage() {
  const officer = useOfficerOrg()
  const orgId = officer.org?.id
  const [status, setStatus] = useState<ApplicationStatus>('pending')
  const [autoApprove, setAutoApprove] = useState<boolean | null>(null)

  useReloadOnShow(orgId, () =>
    fetchMembershipSettings(orgId!)
      .then((s) => setAutoApprove(s.autoApprove))
      .catch(() => setAutoApprove(null))
  )

  const toggleAuto = async (on: boolean) => {
    if (on) {
      const { confirm } = await Taro.showModal({
        title: '自动通过入会申请',
        content: '打开后，扫码提交的入会和转会申请将立即通过并分配会员编号，不再经过您审核。确定打开吗？',
        confirmText: '打开',
        cancelText: '取消'
      })
      if (!confirm) {
        setAutoApprove(false)
        return
      }
    }
    try {
      setAutoApprove((await saveMembershipSettings(orgId!, { autoApprove: on })).autoApprove)
      Taro.showToast({ title: on ? '已打开自动通过' : '已关闭自动通过', icon: 'none' })
    } catch (err) {
      setAutoApprove(!on)
      showError(err)
    }
  }

  return (
    <OfficerGate officer={officer} className='apps-page'>
      {(org) => (
        <>
          <View className='uh-card apps-auto'>
            <View className='apps-auto__text'>
              <Text className='apps-auto__title'>自动通过入会申请</Text>
              <Text className='uh-muted'>{org.name}：打开后扫码申请立即通过</Text>
            </View>
            {autoApprove === null ? null : <Switch checked={autoApprove} color='#c8281e' aria-label='自动通过入会申请' onChange={(e) => toggleAuto(e.detail.value)} />}
          </View>

          <View className='ms-tabs' role='tablist'>
            {TABS.map((s) => (
              <View key={s} className={status === s ? 'ms-tab ms-tab--on' : 'ms-tab'} role='tab' aria-selected={status === s} onClick={() => setStatus(s)}>
                <Text>{APPLICATION_STATUS_LABELS[s]}</Text>
              </View>
            ))}
          </View>

          {/* A new list per tab: no flash of another tab's items while the new page loads. */}
          <ApplicationList key={status} orgId={org.id} status={status} />
        </>
      )}
    </OfficerGate>
  )
}
