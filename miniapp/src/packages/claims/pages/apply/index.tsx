import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { localDate, type ClaimDocumentType, type ClaimResponse, type CoverageResponse, type PlanResponse } from '@unionhome/shared'
import { ApiError, errorText } from '@/api/api-error'
import { createClaim, fetchClaim, fetchCoverage, fetchPlans, fetchSubscriptions, recordSubscription, submitClaim, updateClaim } from '@/api/claims'
import { newIdempotencyKey, showError } from '@/api/request'
import { Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { emptyForm, formFromClaim, serverFieldErrors, toClaimRequest, type ClaimFormState, type FormErrors } from '../../claim-form'
import { ClaimFormStep } from '../../components/claim-form-step'
import { ConfirmStep } from '../../components/confirm-step'
import { PhotoChecklist } from '../../components/photo-checklist'
import { StepBar } from '../../components/step-bar'
import { CLAIMS_HOME, detailUrl } from '../../urls'
import '../../components/claims.css'

type Step = 1 | 2 | 3

/** Refusals of the plan's rules that send the worker back to step 1, in the BFF's own words. */
const STEP1_CODES = ['OUTSIDE_COVERAGE', 'IN_WAITING_PERIOD', 'CLAIM_DEADLINE_PASSED', 'NOT_ENROLLED', 'DUPLICATE_INVOICE', 'INVOICE_REQUIRED', 'INVOICE_TOTAL_MISMATCH', 'PLAN_NOT_FOUND']

function stepOf(value: string | undefined): Step | null {
  return value === '1' || value === '2' || value === '3' ? (Number(value) as Step) : null
}

/**
 * 申请理赔: the three steps on one screen each. Step 1 saves a server draft, so the worker can stop
 * anywhere and resume from 我的理赔 on any phone; nothing typed is lost on a refusal.
 */
export default function ClaimApplyPage() {
  const session = useRequireLogin()
  const { params } = useRouter()
  const today = localDate(new Date())
  const [claimId, setClaimId] = useState<string | undefined>(params.id || undefined)
  const [step, setStep] = useState<Step>(stepOf(params.step) ?? 1)
  const [claim, setClaim] = useState<ClaimResponse | null>(null)
  const [form, setForm] = useState<ClaimFormState | null>(null)
  const [plans, setPlans] = useState<PlanResponse[]>([])
  const [coverage, setCoverage] = useState<CoverageResponse[]>([])
  const [loadError, setLoadError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [errors, setErrors] = useState<FormErrors>({})
  const [banner1, setBanner1] = useState<string | null>(null)
  const [banner3, setBanner3] = useState<string | null>(null)
  const [serverMissing, setServerMissing] = useState<ClaimDocumentType[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [declared, setDeclared] = useState(false)
  const submitKey = useRef<string | null>(null)
  const createKey = useRef<string | null>(null)
  const wechatTemplate = useRef<string | null>(null)

  const load = async () => {
    setLoading(true)
    setLoadError(null)
    try {
      const [cover, allPlans, existing] = await Promise.all([fetchCoverage(), fetchPlans(), claimId ? fetchClaim(claimId) : Promise.resolve(null)])
      const mine = allPlans.filter((p) => cover.some((c) => c.planId === p.id))
      setCoverage(cover)
      setPlans(existing && !mine.some((p) => p.id === existing.planId) ? [...mine, ...allPlans.filter((p) => p.id === existing.planId)] : mine)
      if (existing) {
        if (!existing.editable) {
          Taro.redirectTo({ url: detailUrl(existing.id) })
          return
        }
        setClaim(existing)
        setForm(formFromClaim(existing))
        if (existing.status === 'need_documents' && !stepOf(params.step)) setStep(2)
      } else if (mine.length) {
        setForm(emptyForm(mine[0].id, today))
      }
    } catch (err) {
      setLoadError(err)
    } finally {
      setLoading(false)
    }
  }

  useEffect(() => {
    if (!session) return
    load()
    if (process.env.TARO_ENV === 'weapp') {
      fetchSubscriptions()
        .then((s) => (wechatTemplate.current = s.templates.claim_status))
        .catch(() => undefined)
    }
  }, [session?.user.id])

  const go = (next: Step) => {
    setStep(next)
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const showStep1Refusal = (err: ApiError) => {
    setBanner1(err.message || errorText(err))
    if (err.code === 'DUPLICATE_INVOICE' || err.code.startsWith('INVOICE_')) setErrors((e) => ({ ...e, invoices: err.message }))
    go(1)
  }

  const saveStep1 = async () => {
    if (!form || busy) return
    const { request, errors: problems } = toClaimRequest(form, today)
    setErrors(problems)
    setBanner1(null)
    if (!request) {
      Taro.showToast({ title: '请先改正标红的内容', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      if (!claimId && !createKey.current) createKey.current = newIdempotencyKey()
      const saved = claimId ? await updateClaim(claimId, claim && claim.status !== 'draft' ? { ...request, planId: undefined } : request) : await createClaim(request, createKey.current!)
      setClaim(saved)
      setClaimId(saved.id)
      setForm(formFromClaim(saved))
      go(2)
    } catch (err) {
      // A refused draft is changed before the next try: that is a new request, with a new key.
      if (!(err instanceof ApiError && err.isNetwork)) createKey.current = null
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') setErrors(serverFieldErrors(err.fields))
      else if (err instanceof ApiError && STEP1_CODES.includes(err.code)) showStep1Refusal(err)
      else showError(err)
    } finally {
      setBusy(false)
    }
  }

  const toStep3 = async () => {
    if (!claimId) return
    try {
      setClaim(await fetchClaim(claimId))
      setServerMissing(null)
      setBanner3(null)
      go(3)
    } catch (err) {
      showError(err)
    }
  }

  /** WeChat asks "allow notices?" only from a tap, so this runs first in the submit handler. */
  const askForWechatNotices = async () => {
    const tmpl = wechatTemplate.current
    if (process.env.TARO_ENV !== 'weapp' || !tmpl) return
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: [tmpl] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
      await recordSubscription(res[tmpl] === 'accept')
    } catch {
      // Declining or an old WeChat version: the message centre still gets every notice.
    }
  }

  const submit = async () => {
    if (!claim || busy) return
    const asking = askForWechatNotices()
    setBusy(true)
    setBanner3(null)
    // One key per submission, kept across retries: a lost answer retried never makes two claims.
    if (!submitKey.current) submitKey.current = newIdempotencyKey()
    try {
      await asking
      await submitClaim(claim.id, submitKey.current)
      submitKey.current = null
      Taro.redirectTo({ url: detailUrl(claim.id) })
    } catch (err) {
      if (err instanceof ApiError && err.isNetwork) {
        setBanner3('网络不太好，请再点一次"提交申请"（不会重复提交）')
        return
      }
      submitKey.current = null
      if (!(err instanceof ApiError)) return setBanner3(errorText(err))
      if (err.code === 'DOCUMENTS_MISSING') {
        setServerMissing((err.details.missing as ClaimDocumentType[]) ?? [])
        setClaim(await fetchClaim(claim.id).catch(() => claim))
        go(2)
      } else if (STEP1_CODES.includes(err.code)) {
        showStep1Refusal(err)
      } else if (err.code === 'CLAIM_STATUS_CONFLICT') {
        Taro.redirectTo({ url: detailUrl(claim.id) })
      } else {
        setBanner3(err.message || errorText(err))
      }
    } finally {
      setBusy(false)
    }
  }

  if (!session) return <Page />
  if (loading) return <Page><Loading /></Page>
  if (loadError) return <Page><ErrorRetry error={loadError} onRetry={load} /></Page>
  if (!form) {
    return (
      <Page>
        <Empty icon='🏥' text='您还没有参加医疗互助保障计划，暂时不能申请。请联系所在工会办理参保。' action={{ text: '返回', onClick: () => Taro.redirectTo({ url: CLAIMS_HOME }) }} />
      </Page>
    )
  }

  // A new claim starts at step 1 whatever the link said: steps 2 and 3 need the saved draft.
  const shown: Step = claim ? step : 1
  return (
    <Page className='claim-apply'>
      <StepBar step={shown} />
      {shown === 1 ? (
        <ClaimFormStep
          form={form}
          onChange={setForm}
          plans={plans}
          coverage={coverage}
          errors={errors}
          banner={banner1}
          today={today}
          busy={busy}
          planLocked={!!claim && claim.status !== 'draft'}
          onNext={saveStep1}
        />
      ) : null}
      {shown === 2 && claim ? <PhotoChecklist key={claim.id} claim={claim} serverMissing={serverMissing} onNext={toStep3} onBack={() => go(1)} /> : null}
      {shown === 3 && claim ? (
        <ConfirmStep claim={claim} declared={declared} onDeclare={setDeclared} busy={busy} banner={banner3} onSubmit={submit} onBack={() => go(2)} />
      ) : null}
    </Page>
  )
}
