import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, Textarea, View } from '@tarojs/components'
import {
  CLAIM_DOCUMENT_INFO,
  CLAIM_DOCUMENT_TYPES,
  CLAIM_REASONS,
  DECIDABLE_CLAIM_STATUSES,
  fenToYuan,
  formatFen,
  localDate,
  MEMBER_TAG_LABELS,
  yuanToFen,
  type ClaimDecision,
  type ClaimDocumentType,
  type ReviewClaimResponse
} from '@unionhome/shared'
import { ApiError, errorText } from '@/api/api-error'
import { decideClaim, fetchReviewClaim, fileUrl, markClaimPaid, startReview } from '@/api/claims'
import { ActionButton, ErrorRetry, Field, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { AuthImage } from '../../components/auth-image'
import { Breakdown } from '../../components/breakdown'
import { StatusTag } from '../../components/status-tag'
import { Timeline } from '../../components/timeline'
import { previewPhotos } from '../../photos'
import '../../components/claims.css'

type Panel = ClaimDecision | 'paid' | null

function Chips<T extends string>({ options, value, onPick, multi }: { options: Array<[T, string]>; value: T[]; onPick: (v: T) => void; multi?: boolean }) {
  return (
    <View className='claim-chips' role={multi ? 'group' : 'radiogroup'}>
      {options.map(([k, label]) => (
        <View key={k} role={multi ? 'checkbox' : 'radio'} aria-checked={value.includes(k)} className={`claim-chip ${value.includes(k) ? 'claim-chip--on' : ''}`} onClick={() => onPick(k)}>
          {label}
        </View>
      ))}
    </View>
  )
}

/** 审核理赔: the member, the papers (tap to zoom), the computed breakdown, and the decision. */
export default function ReviewClaimPage() {
  const session = useRequireLogin()
  const { params } = useRouter()
  const id = params.id ?? ''
  const claim = useRemote(() => fetchReviewClaim(id))
  const started = useRef(false)
  const [panel, setPanel] = useState<Panel>(null)
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [docTypes, setDocTypes] = useState<ClaimDocumentType[]>([])
  const [paidAt, setPaidAt] = useState(localDate(new Date()))
  const [reference, setReference] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (session) claim.reload()
  }, [session?.user.id])

  // Opening a submitted claim takes it: the worker sees 审核中 from now on.
  useEffect(() => {
    const c = claim.data
    if (!c || started.current || (c.status !== 'submitted' && c.status !== 'resubmitted')) return
    started.current = true
    startReview(c.id)
      .then(() => claim.reload())
      .catch(() => undefined)
  }, [claim.data?.status])

  if (!session) return <Page />
  if (claim.loading && !claim.data) return <Page><Loading /></Page>
  if (claim.error && !claim.data) return <Page><ErrorRetry error={claim.error} onRetry={claim.reload} /></Page>
  const c = claim.data as ReviewClaimResponse
  const computed = c.estimate.payout
  const decidable = DECIDABLE_CLAIM_STATUSES.includes(c.status)

  const open = (p: Panel) => {
    setPanel(p)
    setProblem(null)
    setReason(null)
    setNote('')
    setDocTypes([])
    setAmount(fenToYuan(computed))
  }

  const send = async () => {
    if (busy || !panel) return
    setProblem(null)
    let body: Parameters<typeof decideClaim>[1] | null = null
    if (panel === 'approve') {
      const fen = yuanToFen(amount)
      if (fen === null) return setProblem('请填写核定金额，例如 1234.56')
      if (fen > computed) return setProblem(`按规则最多可核定 ${formatFen(computed)}`)
      if (fen < computed && !reason) return setProblem('核定金额低于计算金额，请选择原因')
      body = { decision: 'approve', amount: fen, ...(reason ? { reasonCode: reason } : {}), ...(note.trim() ? { note: note.trim() } : {}) }
    } else if (panel === 'reject') {
      if (!reason) return setProblem('请选择不通过的原因')
      body = { decision: 'reject', reasonCode: reason, ...(note.trim() ? { note: note.trim() } : {}) }
    } else if (panel === 'request_documents') {
      if (!docTypes.length) return setProblem('请选择需要补充的材料')
      if (!reason) return setProblem('请选择原因')
      body = { decision: 'request_documents', reasonCode: reason, documentTypes: docTypes, ...(note.trim() ? { note: note.trim() } : {}) }
    }
    if (reason === 'other' && !note.trim()) return setProblem('选择"其他原因"时，请写明原因')
    if (panel === 'reject') {
      const { confirm } = await Taro.showModal({ title: '确定不通过？', content: '不通过后申请结束，发票会释放给职工重新申请。', confirmText: '不通过', cancelText: '再看看' })
      if (!confirm) return
    }
    setBusy(true)
    try {
      if (panel === 'paid') {
        if (!reference.trim()) {
          setProblem('请填写打款流水号')
          return
        }
        await markClaimPaid(c.id, { paidAt, reference: reference.trim() })
      } else if (body) {
        await decideClaim(c.id, body)
      }
      setPanel(null)
      Taro.showToast({ title: '已处理', icon: 'success' })
      await claim.reload()
    } catch (err) {
      const fields = err instanceof ApiError ? Object.values(err.fields) : []
      setProblem(fields[0] ?? (err instanceof ApiError && err.message ? err.message : errorText(err)))
    } finally {
      setBusy(false)
    }
  }

  const reasons = (d: ClaimDecision) => Object.entries(CLAIM_REASONS[d]) as Array<[string, string]>
  const live = c.documents.filter((d) => !d.removed)
  const allFull = c.documents.map((d) => fileUrl(d.id, 'full'))
  const lessThanComputed = (yuanToFen(amount) ?? computed) < computed

  return (
    <Page className='claim-review'>
      <View className='uh-card'>
        <View className='claim-head__row'>
          <Text className='uh-title'>{c.member.name}</Text>
          <StatusTag status={c.status} />
        </View>
        <Text className='uh-muted claim-block'>
          {c.member.memberNo ?? '无会员号'} · {c.member.orgName ?? ''} · {c.member.phoneMasked}
        </Text>
        {c.member.idNumberMasked ? <Text className='uh-muted claim-block'>身份证 {c.member.idNumberMasked}</Text> : null}
        {c.member.tags.length ? <Text className='claim-block'>{c.member.tags.map((t) => MEMBER_TAG_LABELS[t] ?? t).join('、')}</Text> : null}
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>按规则计算 {formatFen(computed)}</Text>
        <Breakdown lines={c.estimate.breakdown} />
        {c.approvedAmount !== null ? <Text className='claim-block'>核定金额 {formatFen(c.approvedAmount)}</Text> : null}
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>就诊信息</Text>
        <View className='claim-kv'><Text className='claim-kv__k'>医院</Text><Text>{c.hospital}</Text></View>
        <View className='claim-kv'><Text className='claim-kv__k'>住院</Text><Text>{c.admissionDate} 至 {c.dischargeDate}</Text></View>
        <View className='claim-kv'><Text className='claim-kv__k'>医疗总费用</Text><Text>{formatFen(c.totalAmount)}</Text></View>
        <View className='claim-kv'><Text className='claim-kv__k'>医保统筹支付</Text><Text>{formatFen(c.insurancePaid)}</Text></View>
        <View className='claim-kv'><Text className='claim-kv__k'>其他已报销</Text><Text>{formatFen(c.otherReimbursed)}</Text></View>
        {c.invoices.map((inv, i) => (
          <View key={i} className='claim-kv'>
            <Text className='claim-kv__k'>发票{i + 1}</Text>
            <Text>{inv.code ? `${inv.code} / ` : ''}{inv.number} · {formatFen(inv.amount)}</Text>
          </View>
        ))}
      </View>

      <Text className='uh-heading'>材料照片（点开可放大）</Text>
      {CLAIM_DOCUMENT_TYPES.filter((t) => c.documents.some((d) => d.type === t)).map((t) => (
        <View key={t} className='uh-card'>
          <Text className='claim-doc__title'>{CLAIM_DOCUMENT_INFO[t].label}</Text>
          <View className='claim-photos'>
            {c.documents
              .filter((d) => d.type === t)
              .map((d) => (
                <View key={d.id} className={`claim-photos__cell ${d.removed ? 'claim-photos__cell--removed' : ''}`}>
                  <AuthImage url={fileUrl(d.id, 'thumb')} label={`${CLAIM_DOCUMENT_INFO[t].label}${d.removed ? '（已替换）' : ''}`} onClick={() => previewPhotos(allFull, fileUrl(d.id, 'full')).catch(() => undefined)} />
                  {d.removed ? <Text className='uh-muted claim-photos__caption'>已替换</Text> : null}
                </View>
              ))}
          </View>
        </View>
      ))}
      {!live.length ? <Text className='uh-muted claim-block'>没有照片</Text> : null}

      <Text className='uh-heading'>办理进度</Text>
      <View className='uh-card'>
        <Timeline entries={c.timeline} />
      </View>

      {decidable && !panel ? (
        <View className='claim-actions'>
          <ActionButton onClick={() => open('approve')}>通过</ActionButton>
          <ActionButton kind='plain' onClick={() => open('request_documents')}>
            要求补充材料
          </ActionButton>
          <ActionButton kind='quiet' onClick={() => open('reject')}>
            不通过
          </ActionButton>
        </View>
      ) : null}
      {c.status === 'approved' && !panel ? <ActionButton onClick={() => open('paid')}>登记打款</ActionButton> : null}

      {panel ? (
        <View className='uh-card claim-panel'>
          {panel === 'approve' ? (
            <>
              <Text className='uh-heading'>通过</Text>
              <Field label='核定金额（元）' required type='digit' value={amount} onChange={setAmount} hint={`按规则计算 ${formatFen(computed)}，只能相同或更少`} />
              {lessThanComputed ? (
                <>
                  <Text className='uh-field__label'>少于计算金额的原因</Text>
                  <Chips options={reasons('approve')} value={reason ? [reason] : []} onPick={setReason} />
                </>
              ) : null}
            </>
          ) : null}
          {panel === 'reject' ? (
            <>
              <Text className='uh-heading'>不通过</Text>
              <Chips options={reasons('reject')} value={reason ? [reason] : []} onPick={setReason} />
            </>
          ) : null}
          {panel === 'request_documents' ? (
            <>
              <Text className='uh-heading'>要求补充材料</Text>
              <Text className='uh-field__label'>需要重新上传哪些</Text>
              <Chips
                multi
                options={CLAIM_DOCUMENT_TYPES.map((t) => [t, CLAIM_DOCUMENT_INFO[t].label] as [ClaimDocumentType, string])}
                value={docTypes}
                onPick={(t) => setDocTypes((v) => (v.includes(t) ? v.filter((x) => x !== t) : [...v, t]))}
              />
              <Text className='uh-field__label'>原因</Text>
              <Chips options={reasons('request_documents')} value={reason ? [reason] : []} onPick={setReason} />
            </>
          ) : null}
          {panel === 'paid' ? (
            <>
              <Text className='uh-heading'>登记打款 {formatFen(c.approvedAmount ?? 0)}</Text>
              <Text className='uh-field__label'>打款日期</Text>
              <Picker mode='date' value={paidAt} end={localDate(new Date())} onChange={(e) => setPaidAt(String(e.detail.value))}>
                <View className='claim-date' role='button'>
                  <Text>{paidAt}</Text>
                  <Text className='claim-date__change'>修改</Text>
                </View>
              </Picker>
              <Field label='打款流水号' required value={reference} onChange={setReference} maxlength={64} />
            </>
          ) : null}
          {panel !== 'paid' ? (
            <>
              <Text className='uh-field__label'>说明（职工能看到）</Text>
              <Textarea className='claim-note' aria-label='说明' value={note} maxlength={500} placeholder='可不填；选"其他原因"时必填' onInput={(e) => setNote(e.detail.value)} />
            </>
          ) : null}
          {problem ? (
            <View className='claim-banner' role='alert'>
              <Text>{problem}</Text>
            </View>
          ) : null}
          <ActionButton busy={busy} onClick={send}>
            {busy ? '正在提交…' : '确定'}
          </ActionButton>
          <ActionButton kind='quiet' className='claim-gap' onClick={() => setPanel(null)}>
            取消
          </ActionButton>
        </View>
      ) : null}
    </Page>
  )
}
