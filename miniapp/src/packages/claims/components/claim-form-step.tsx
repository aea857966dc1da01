import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { formatFen, type ClaimInvoice, type CoverageResponse, type PlanResponse } from '@unionhome/shared'
import { ActionButton, Field } from '@/components'
import { effectiveTotal, localEstimate, parseInvoice, type ClaimFormState, type FormErrors } from '../claim-form'

export interface ClaimFormStepProps {
  form: ClaimFormState
  onChange: (next: ClaimFormState) => void
  plans: PlanResponse[]
  coverage: CoverageResponse[]
  errors: FormErrors
  /** A refusal of the plan's rules (coverage, waiting period, deadline, duplicate invoice), in the BFF's words. */
  banner: string | null
  today: string
  busy: boolean
  /** Plans cannot change once the claim was submitted. */
  planLocked: boolean
  onNext: () => void
}

function DateRow({ label, value, start, end, error, onPick }: { label: string; value: string; start?: string; end: string; error?: string; onPick: (v: string) => void }) {
  return (
    <View className={error ? 'uh-field uh-field--invalid' : 'uh-field'}>
      <Text className='uh-field__label'>
        {label}
        <Text className='uh-field__required'>*</Text>
      </Text>
      <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onPick(String(e.detail.value))}>
        <View className='claim-date' role='button' aria-label={`${label}：${value || '未选择'}`}>
          <Text>{value || '请选择'}</Text>
          <Text className='claim-date__change'>修改</Text>
        </View>
      </Picker>
      {error ? <Text className='uh-field__error'>{error}</Text> : null}
    </View>
  )
}

/** Step 1 就诊信息: plan, hospital, dates, amounts in yuan, and the invoices one by one. */
export function ClaimFormStep(props: ClaimFormStepProps) {
  const { form, onChange, plans, coverage, errors, banner, today, busy, planLocked, onNext } = props
  const [draft, setDraft] = useState({ code: '', number: '', amount: '' })
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({})
  const set = (patch: Partial<ClaimFormState>) => onChange({ ...form, ...patch })
  const plan = plans.find((p) => p.id === form.planId)
  const cover = coverage.find((c) => c.planId === form.planId)
  const estimate = localEstimate(form, plan, cover)

  const addInvoice = () => {
    const { invoice, errors: problems } = parseInvoice(draft, form.invoices)
    setDraftErrors(problems)
    if (!invoice) return
    set({ invoices: [...form.invoices, invoice] })
    setDraft({ code: draft.code, number: '', amount: '' })
  }

  const removeInvoice = async (inv: ClaimInvoice) => {
    const { confirm } = await Taro.showModal({ title: '删除这张发票？', content: `号码 ${inv.number}，${formatFen(inv.amount)}`, confirmText: '删除', cancelText: '保留' })
    if (confirm) set({ invoices: form.invoices.filter((i) => i !== inv) })
  }

  return (
    <View>
      {banner ? (
        <View className='claim-banner' role='alert'>
          <Text>{banner}</Text>
        </View>
      ) : null}

      <View className='uh-card'>
        <Text className='uh-heading'>保障计划</Text>
        {plans.length > 1 && !planLocked ? (
          <Picker mode='selector' range={plans.map((p) => p.name)} value={Math.max(0, plans.findIndex((p) => p.id === form.planId))} onChange={(e) => set({ planId: plans[Number(e.detail.value)].id })}>
            <View className='claim-date' role='button'>
              <Text>{plan?.name ?? '请选择'}</Text>
              <Text className='claim-date__change'>更换</Text>
            </View>
          </Picker>
        ) : (
          <Text>{plan?.name ?? ''}</Text>
        )}
        {cover ? (
          <Text className='uh-muted claim-block'>
            保障期 {cover.periodStart} 至 {cover.periodEnd}
            {cover.remaining !== null ? `，本年度还可申请 ${formatFen(cover.remaining)}` : ''}
          </Text>
        ) : null}
        {errors.planId ? <Text className='uh-field__error'>{errors.planId}</Text> : null}
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>住院情况</Text>
        <Field label='医院名称' required value={form.hospital} onChange={(v) => set({ hospital: v })} error={errors.hospital} placeholder='例如：绍兴市人民医院' maxlength={100} />
        <DateRow label='入院日期' value={form.admissionDate} end={today} error={errors.admissionDate} onPick={(v) => set({ admissionDate: v })} />
        <DateRow label='出院日期' value={form.dischargeDate} start={form.admissionDate} end={today} error={errors.dischargeDate} onPick={(v) => set({ dischargeDate: v })} />
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>发票</Text>
        <Text className='uh-muted claim-block'>看医疗发票右上角的"票据代码"和"票据号码"，一张一张添加。</Text>
        {form.invoices.map((inv, i) => (
          <View key={`${inv.code}|${inv.number}`} className='claim-invoice'>
            <View className='claim-invoice__main'>
              <Text className='claim-invoice__title'>第{i + 1}张 · {formatFen(inv.amount)}</Text>
              <Text className='uh-muted'>
                {inv.code ? `代码 ${inv.code} · ` : ''}号码 {inv.number}
              </Text>
            </View>
            <View className='claim-link claim-link--danger' role='button' onClick={() => removeInvoice(inv)}>
              删除
            </View>
          </View>
        ))}
        <View className='claim-invoice-form'>
          <Field label='票据代码' value={draft.code} onChange={(v) => setDraft({ ...draft, code: v })} error={draftErrors.code} placeholder='全电发票没有代码，可不填' maxlength={24} />
          <Field label='票据号码' required value={draft.number} onChange={(v) => setDraft({ ...draft, number: v })} error={draftErrors.number} maxlength={24} />
          <Field label='发票金额（元）' required type='digit' value={draft.amount} onChange={(v) => setDraft({ ...draft, amount: v })} error={draftErrors.amount} placeholder='例如 1234.56' maxlength={13} />
          <ActionButton kind='plain' onClick={addInvoice}>
            添加这张发票
          </ActionButton>
        </View>
        {errors.invoices ? <Text className='uh-field__error claim-block'>{errors.invoices}</Text> : null}
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>费用（元）</Text>
        <Field
          label='医疗总费用'
          required
          type='digit'
          value={effectiveTotal(form)}
          onChange={(v) => set({ totalAmount: v, totalTouched: true })}
          error={errors.totalAmount}
          hint='住院结算单上的"医疗费总额"；不填时按发票合计'
          maxlength={13}
        />
        <Field label='医保统筹支付' required type='digit' value={form.insurancePaid} onChange={(v) => set({ insurancePaid: v })} error={errors.insurancePaid} hint='结算单上的"统筹支付"，没有就填 0' maxlength={13} />
        <Field label='其他已报销' type='digit' value={form.otherReimbursed} onChange={(v) => set({ otherReimbursed: v })} error={errors.otherReimbursed} hint='商业保险等已经报销的部分，没有可不填' maxlength={13} />
        {estimate ? (
          <View className='claim-preview' aria-live='polite'>
            <Text>按本计划规则，预计可得 </Text>
            <Text className='claim-preview__amount'>{formatFen(estimate.payout)}</Text>
          </View>
        ) : null}
      </View>

      <ActionButton busy={busy} onClick={onNext}>
        {busy ? '正在保存…' : '保存，下一步'}
      </ActionButton>
      <Text className='uh-muted claim-block claim-center'>填写的内容会保存为草稿，换一天或换一部手机也能接着办。</Text>
    </View>
  )
}
