import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import { computePayout, formatFen, localDate, MEMBER_TAG_LABELS } from '@unionhome/shared'
import { ApiError } from '@/api/api-error'
import { createPlan, fetchPlans, updatePlan } from '@/api/claims'
import { newIdempotencyKey, showError } from '@/api/request'
import { ActionButton, ErrorRetry, Field, Loading, Page } from '@/components'
import { emptyPlanForm, planFormFrom, toPlanRequest, type PlanFormState } from '../../plan-form'
import { useRequireLogin } from '@/hooks/use-require-login'
import '../../components/claims.css'

/** 编辑保障计划 (admin): the period, the waiting period and deadline, and the payout rule with a live example. */
export default function PlanEditPage() {
  const session = useRequireLogin()
  const { params } = useRouter()
  const id = params.id
  const [form, setForm] = useState<PlanFormState | null>(id ? null : emptyPlanForm(localDate(new Date()).slice(0, 4)))
  const [loadError, setLoadError] = useState<unknown>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const key = useRef<string | null>(null)

  const load = () => {
    if (!id) return
    setLoadError(null)
    fetchPlans(true)
      .then((all) => {
        const p = all.find((x) => x.id === id)
        if (p) setForm(planFormFrom(p))
        else setLoadError(new ApiError(404, { code: 'PLAN_NOT_FOUND' }))
      })
      .catch(setLoadError)
  }
  useEffect(() => {
    if (session) load()
  }, [session?.user.id])

  if (!session) return <Page />
  if (loadError) return <Page><ErrorRetry error={loadError} onRetry={load} /></Page>
  if (!form) return <Page><Loading /></Page>
  const set = (patch: Partial<PlanFormState>) => setForm({ ...form, ...patch })
  const { request } = toPlanRequest(form)
  // A worked example with the rule as typed: ¥10,000 in the hospital, ¥6,000 paid by insurance.
  const example = request ? computePayout(request, { totalAmount: 1_000_000, insurancePaid: 600_000, otherReimbursed: 0, annualUsed: 0 }) : null

  const save = async () => {
    const { request: body, errors: problems } = toPlanRequest(form)
    setErrors(problems)
    if (!body || busy) return
    setBusy(true)
    try {
      if (id) {
        const { code: _code, ...patch } = body
        await updatePlan(id, patch)
      } else {
        if (!key.current) key.current = newIdempotencyKey()
        await createPlan(body, key.current)
      }
      Taro.showToast({ title: '已保存', icon: 'success' })
      Taro.navigateBack()
    } catch (err) {
      key.current = null
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields)
      else showError(err)
    } finally {
      setBusy(false)
    }
  }

  const tierError = (i: number) => errors[`tiers.${i}.to`] ?? errors[`tiers.${i}.from`] ?? errors[`tiers.${i}.ratioBp`]
  let from = '0'
  return (
    <Page className='claim-plan-edit'>
      <View className='uh-card'>
        <Field label='计划编号' required value={form.code} disabled={!!id} onChange={(v) => set({ code: v.toUpperCase() })} error={errors.code} hint='例如 SX-INPATIENT-2027，保存后不能改' />
        <Field label='计划名称' required value={form.name} onChange={(v) => set({ name: v })} error={errors.name} />
        <Text className='uh-field__label'>说明</Text>
        <Textarea className='claim-note' aria-label='说明' value={form.description} maxlength={2000} onInput={(e) => set({ description: e.detail.value })} />
        <Field label='年缴费（元）' type='digit' value={form.premium} onChange={(v) => set({ premium: v })} error={errors.premium} />
      </View>
      <View className='uh-card'>
        <Text className='uh-heading'>保障期</Text>
        {(['periodStart', 'periodEnd'] as const).map((k) => (
          <Picker key={k} mode='date' value={form[k]} onChange={(e) => set({ [k]: String(e.detail.value) })}>
            <View className='claim-date' role='button'>
              <Text>{k === 'periodStart' ? '开始' : '结束'}：{form[k]}</Text>
              <Text className='claim-date__change'>修改</Text>
            </View>
          </Picker>
        ))}
        {errors.periodEnd ? <Text className='uh-field__error'>{errors.periodEnd}</Text> : null}
        <Field label='新参保等待期（天）' type='number' value={form.waitingPeriodDays} onChange={(v) => set({ waitingPeriodDays: v })} error={errors.waitingPeriodDays} />
        <Field label='出院后多少天内可申请' type='number' value={form.claimDeadlineDays} onChange={(v) => set({ claimDeadlineDays: v })} error={errors.claimDeadlineDays} />
      </View>
      <View className='uh-card'>
        <Text className='uh-heading'>赔付规则</Text>
        <Field label='起付线（元）' type='digit' value={form.deductible} onChange={(v) => set({ deductible: v })} error={errors.deductible} hint='可报销金额中低于起付线的部分不赔，没有填 0' />
        {form.tiers.map((t, i) => {
          const label = `第${i + 1}段：${from}元起`
          from = t.to || '以上'
          return (
            <View key={i} className='claim-tier'>
              <Text className='uh-field__label'>{label}</Text>
              <Field label='到（元，不含）' type='digit' value={t.to} placeholder={i === form.tiers.length - 1 ? '最后一段可不填' : ''} onChange={(v) => set({ tiers: form.tiers.map((x, j) => (j === i ? { ...x, to: v } : x)) })} />
              <Field label='赔付比例（%）' type='digit' value={t.ratio} onChange={(v) => set({ tiers: form.tiers.map((x, j) => (j === i ? { ...x, ratio: v } : x)) })} error={tierError(i)} />
            </View>
          )
        })}
        {errors.tiers ? <Text className='uh-field__error'>{errors.tiers}</Text> : null}
        <View className='claim-doc__add'>
          <ActionButton kind='plain' className='claim-doc__btn' onClick={() => set({ tiers: [...form.tiers, { to: '', ratio: '' }] })}>
            加一段
          </ActionButton>
          <ActionButton kind='quiet' className='claim-doc__btn' disabled={form.tiers.length < 2} onClick={() => set({ tiers: form.tiers.slice(0, -1) })}>
            删最后一段
          </ActionButton>
        </View>
        <Field label='加点（百分点）' type='digit' value={form.bonusPoints} onChange={(v) => set({ bonusPoints: v })} error={errors.bonusBp} hint='以下会员的比例再加这么多，最多到100%' />
        <View className='claim-chips'>
          {Object.entries(MEMBER_TAG_LABELS).map(([tag, label]) => (
            <View key={tag} role='checkbox' aria-checked={form.bonusTags.includes(tag)} className={`claim-chip ${form.bonusTags.includes(tag) ? 'claim-chip--on' : ''}`} onClick={() => set({ bonusTags: form.bonusTags.includes(tag) ? form.bonusTags.filter((x) => x !== tag) : [...form.bonusTags, tag] })}>
              {label}
            </View>
          ))}
        </View>
        <Field label='单次最高（元）' type='digit' value={form.perClaimCap} onChange={(v) => set({ perClaimCap: v })} error={errors.perClaimCap} hint='不填表示不设' />
        <Field label='每人每年最高（元）' type='digit' value={form.annualCap} onChange={(v) => set({ annualCap: v })} error={errors.annualCap} hint='不填表示不设' />
        {example ? <Text className='claim-preview'>举例：住院花费¥10,000.00，医保报销¥6,000.00，可得 {formatFen(example.payout)}</Text> : null}
      </View>
      <View className='uh-card uh-row'>
        <Text className='uh-row__label'>在用（职工能看到并申请）</Text>
        <Switch checked={form.active} onChange={(e) => set({ active: Boolean(e.detail.value) })} />
      </View>
      <ActionButton busy={busy} onClick={save}>
        {busy ? '正在保存…' : '保存'}
      </ActionButton>
    </Page>
  )
}
