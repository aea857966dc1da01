import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  DESCRIPTION_MAX,
  fenToYuan,
  HARDSHIP_DOCUMENT_LABELS,
  HARDSHIP_DOCUMENT_TYPES,
  HARDSHIP_SITUATIONS,
  HOUSEHOLD_RELATIONS,
  localDate,
  SITUATION_EXPLANATIONS,
  SITUATION_LABELS,
  SUGGESTED_DOCUMENTS,
  type HardshipApplicationResponse,
  type HardshipDocumentType,
  type HardshipSituation,
  type MeResponse,
  type OrgResponse,
  type RegionResponse,
  type StoredDocumentResponse
} from '@unionhome/shared'
import {
  createApplication,
  fetchApplication,
  fetchGrassrootsUnions,
  fetchRegion,
  fetchRegions,
  removeDocument,
  submitApplication,
  updateApplication,
  uploadDocument
} from '@/api/hardship'
import { fetchMe } from '@/api/me'
import { isApiError, newIdempotencyKey, showError } from '@/api/request'
import { ActionButton, ErrorRetry, Field, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { saveMe } from '@/store/session'
import { decodeParam } from '@/utils/navigation'
import { ChoiceList } from '../../components/choice-list'
import { DocumentThumb } from '../../components/document-thumb'
import { IncomeResult } from '../../components/income-result'
import { StepBar } from '../../components/step-bar'
import { canAddRow, checkHousehold, keepsSavedIdNumber, liveIncomeTest, newRow, rowsFromMembers, type MemberRow } from '../../household-form'
import { detailUrl } from '../../urls'
import './index.css'

const STEPS = ['困难情况', '家庭收入', '证明材料', '授权提交'] as const
const SITUATION_CHOICES = HARDSHIP_SITUATIONS.map((s) => ({ value: s, label: SITUATION_LABELS[s], detail: SITUATION_EXPLANATIONS[s] }))
const RELATION_CHOICES = HOUSEHOLD_RELATIONS.map((r) => ({ value: r as string, label: r }))

interface Form {
  situation: HardshipSituation | null
  regionCode: string
  orgId: string
  description: string
  rows: MemberRow[]
  expenses: string
  consent: boolean
}

const EMPTY_FORM: Form = { situation: null, regionCode: '', orgId: '', description: '', rows: [newRow('本人')], expenses: '', consent: false }

function formFrom(app: HardshipApplicationResponse): Form {
  return {
    situation: app.situation,
    regionCode: app.regionCode,
    orgId: app.orgId,
    description: app.description,
    rows: app.household.length ? rowsFromMembers(app.household) : [newRow('本人')],
    expenses: app.household.length || app.monthlyNecessaryExpenses ? fenToYuan(app.monthlyNecessaryExpenses) : '',
    consent: app.assetCheckConsent
  }
}

/**
 * 困难帮扶申请 in four steps. Every 下一步 saves the draft on the server (the first creates it), so
 * the applicant can stop at any step and continue later, on this phone or another.
 */
export default function ApplyPage() {
  const session = useRequireLogin()
  const router = useRouter()
  const [step, setStep] = useState(0)
  const [appId, setAppId] = useState<string | null>(decodeParam(router.params.id) || null)
  const [form, setForm] = useState<Form>(EMPTY_FORM)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [me, setMe] = useState<MeResponse | null>(session?.me ?? null)
  const [regions, setRegions] = useState<RegionResponse[]>([])
  const [standard, setStandard] = useState<RegionResponse | null>(null)
  const [unions, setUnions] = useState<OrgResponse[] | null>(null)
  const [documents, setDocuments] = useState<StoredDocumentResponse[]>([])
  const [docType, setDocType] = useState<HardshipDocumentType>('other')
  const [returnedReason, setReturnedReason] = useState<string | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [load, setLoad] = useState<{ loading: boolean; error: unknown }>({ loading: true, error: undefined })
  const createKey = useRef(newIdempotencyKey())
  const submitKey = useRef(newIdempotencyKey())

  const isMember = !!me?.membership
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))

  const start = async () => {
    setLoad({ loading: true, error: undefined })
    try {
      const [regionList, profile, app] = await Promise.all([fetchRegions(), fetchMe(), appId ? fetchApplication(appId) : Promise.resolve(null)])
      saveMe(profile)
      setMe(profile)
      setRegions(regionList)
      if (app) {
        if (!app.editable) {
          Taro.redirectTo({ url: detailUrl(app.id) })
          return
        }
        setForm(formFrom(app))
        setDocuments(app.documents)
        setDocType(SUGGESTED_DOCUMENTS[app.situation][0] ?? 'other')
        const lastReturn = [...app.timeline].reverse().find((e) => e.status === 'returned')
        setReturnedReason(app.status === 'returned' ? (lastReturn?.reason ?? null) : null)
      }
      setLoad({ loading: false, error: undefined })
    } catch (error) {
      setLoad({ loading: false, error })
    }
  }

  useEffect(() => {
    if (session) start()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // The standard the income test compares with, fresh from the BFF for the chosen region.
  useEffect(() => {
    if (!form.regionCode) return setStandard(null)
    let live = true
    fetchRegion(form.regionCode)
      .then((r) => live && setStandard(r))
      .catch(() => live && setStandard(regions.find((r) => r.code === form.regionCode) ?? null))
    return () => {
      live = false
    }
  }, [form.regionCode, regions])

  // A non-member picks the union that does the first check among the region's grassroots unions.
  useEffect(() => {
    if (isMember || !form.regionCode) return setUnions(null)
    let live = true
    setUnions(null)
    fetchGrassrootsUnions(form.regionCode)
      .then((list) => live && setUnions(list))
      .catch((err) => {
        if (live) setUnions([])
        showError(err)
      })
    return () => {
      live = false
    }
  }, [form.regionCode, isMember])

  if (!session) return <Page />
  if (load.loading) return <Page><Loading /></Page>
  if (load.error) return <Page><ErrorRetry error={load.error} onRetry={start} /></Page>

  /** Saves (creates the draft on the first call); false when something must be corrected first. */
  const save = async (body: Parameters<typeof updateApplication>[1]): Promise<boolean> => {
    setBusy(true)
    try {
      if (appId) {
        await updateApplication(appId, body)
      } else {
        const created = await createApplication({ situation: form.situation!, regionCode: form.regionCode, ...body }, createKey.current)
        setAppId(created.id)
      }
      return true
    } catch (err) {
      if (isApiError(err) && err.code === 'OPEN_APPLICATION_EXISTS' && typeof err.details.id === 'string') {
        await Taro.showModal({ title: '您已有一份申请', content: '您已有一份正在办理的困难帮扶申请，现在为您打开它。', showCancel: false, confirmText: '好的' })
        Taro.redirectTo({ url: detailUrl(err.details.id) })
      } else if (isApiError(err) && Object.keys(err.fields).length) {
        setErrors(err.fields)
        showError(err)
      } else {
        showError(err)
      }
      return false
    } finally {
      setBusy(false)
    }
  }

  const next = async () => {
    setErrors({})
    if (step === 0) {
      const problems: Record<string, string> = {}
      if (!form.situation) problems.situation = '请选择最符合您家情况的一项'
      if (!form.regionCode) problems.regionCode = '请选择您家所在的地区'
      if (!isMember && !form.orgId) problems.orgId = '请选择负责初审的工会'
      if (!form.description.trim()) problems.description = '请简单说说家里遇到的困难'
      if (Object.keys(problems).length) return setErrors(problems)
      const ok = await save({ situation: form.situation!, regionCode: form.regionCode, description: form.description.trim(), ...(isMember ? {} : { orgId: form.orgId }) })
      if (ok) setStep(1)
    } else if (step === 1) {
      const check = checkHousehold(form.rows, form.expenses, localDate(new Date()))
      if (!check.members) {
        setErrors(check.problems)
        Taro.showToast({ title: '有几处需要修改，请看红色提示', icon: 'none' })
        return
      }
      if (await save({ household: check.members, monthlyNecessaryExpenses: check.monthlyNecessaryExpenses ?? 0 })) setStep(2)
    } else if (step === 2) {
      setStep(3)
    }
  }

  const submit = async () => {
    if (!appId) return
    if (!form.consent) return setErrors({ assetCheckConsent: '提交前需要您勾选授权' })
    setBusy(true)
    try {
      await submitApplication(appId, submitKey.current)
      Taro.showToast({ title: '已提交', icon: 'success' })
      Taro.redirectTo({ url: detailUrl(appId) })
    } catch (err) {
      if (isApiError(err)) setErrors(err.fields)
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  const addPhoto = async () => {
    if (!appId) return
    let localPath: string | undefined
    try {
      const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
      localPath = picked.tempFilePaths[0]
    } catch {
      return // the person closed the picker
    }
    if (!localPath) return
    setProgress(0)
    try {
      const doc = await uploadDocument(appId, docType, localPath, setProgress).promise
      if (doc.duplicate) Taro.showToast({ title: '这张照片已经上传过了', icon: 'none' })
      else setDocuments((list) => [...list, doc])
    } catch (err) {
      showError(err)
    } finally {
      setProgress(null)
    }
  }

  const deletePhoto = async (doc: StoredDocumentResponse) => {
    const { confirm } = await Taro.showModal({ title: '删除照片', content: '确定删除这张照片吗？', confirmText: '删除', cancelText: '保留' })
    if (!confirm || !appId) return
    try {
      await removeDocument(appId, doc.id)
      setDocuments((list) => list.filter((d) => d.id !== doc.id))
    } catch (err) {
      showError(err)
    }
  }

  const removeRow = async (index: number) => {
    const who = form.rows[index].name || `第${index + 1}位家庭成员`
    const { confirm } = await Taro.showModal({ title: '删除家庭成员', content: `确定删除“${who}”吗？`, confirmText: '删除', cancelText: '保留' })
    if (confirm) set({ rows: form.rows.filter((_, i) => i !== index) })
  }

  const setRow = (index: number, patch: Partial<MemberRow>) => set({ rows: form.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) })

  const regionName = regions.find((r) => r.code === form.regionCode)?.name ?? ''
  const minimumLiving = standard?.code === form.regionCode ? standard.minimumLiving : null
  const live = liveIncomeTest(form.rows, form.expenses, minimumLiving)
  const suggested = form.situation ? SUGGESTED_DOCUMENTS[form.situation] : []
  const docChoices = [...suggested, ...HARDSHIP_DOCUMENT_TYPES.filter((t) => !suggested.includes(t))].map((t) => ({ value: t, label: HARDSHIP_DOCUMENT_LABELS[t] }))

  return (
    <Page className='apply-page'>
      <StepBar steps={STEPS} current={step} />

      {returnedReason && step === 0 ? (
        <View className='uh-card apply-page__returned'>
          <Text className='uh-heading'>工会初审意见</Text>
          <Text>{returnedReason}</Text>
          <Text className='hs-note'>请按意见修改或补充，然后重新提交。</Text>
        </View>
      ) : null}

      {step === 0 ? (
        <>
          <View className='uh-card'>
            <Text className='uh-heading'>您家遇到了哪种困难？</Text>
            <ChoiceList label='困难情形' choices={SITUATION_CHOICES} value={form.situation} onChange={(v) => set({ situation: v })} error={errors.situation} />
          </View>
          <View className='uh-card'>
            <Text className='uh-heading'>您家在哪个地区？</Text>
            <ChoiceList
              label='所在地区'
              compact
              choices={regions.map((r) => ({ value: r.code, label: r.name }))}
              value={form.regionCode || null}
              onChange={(v) => set({ regionCode: v, orgId: isMember ? form.orgId : '' })}
              error={errors.regionCode}
            />
            {isMember ? (
              <Text className='hs-note'>由您所在的{me?.membership?.orgName}进行初审。</Text>
            ) : form.regionCode ? (
              <>
                <Text className='uh-heading'>请哪个工会帮您初审？</Text>
                <Text className='hs-note'>您还不是工会会员，请选一个离您近、或您单位所在的基层工会。</Text>
                {unions === null ? (
                  <Loading text='正在查找该地区的工会…' />
                ) : unions.length === 0 ? (
                  <Text className='hs-note'>该地区暂时没有可选的基层工会，请换一个地区或联系区总工会。</Text>
                ) : (
                  <ChoiceList label='初审工会' choices={unions.map((u) => ({ value: u.id, label: u.name }))} value={form.orgId || null} onChange={(v) => set({ orgId: v })} error={errors.orgId} />
                )}
              </>
            ) : null}
          </View>
          <View className='uh-card'>
            <Field
              multiline
              label='说说家里的情况'
              required
              value={form.description}
              maxlength={DESCRIPTION_MAX}
              placeholder='例如：爱人生病住院，每月药费约九百元，家里只有我一个人有收入。'
              hint='用自己的话写清楚就行，工会干部会和您联系核实。'
              error={errors.description}
              onChange={(v) => set({ description: v })}
            />
          </View>
        </>
      ) : null}

      {step === 1 ? (
        <>
          <Text className='hs-note'>请填写和您一起生活的家庭成员，包括您本人。每月收入按税后到手的钱填写，没有收入填 0。</Text>
          {form.rows.map((row, i) => (
            <View key={row.key} className='uh-card'>
              <View className='hs-row-card__head'>
                <Text className='uh-heading'>第{i + 1}位家庭成员</Text>
                {form.rows.length > 1 ? (
                  <View className='hs-link' role='button' aria-label={`删除第${i + 1}位家庭成员`} onClick={() => removeRow(i)}>
                    删除
                  </View>
                ) : null}
              </View>
              <ChoiceList label={`第${i + 1}位与申请人的关系`} compact choices={RELATION_CHOICES} value={row.relation || null} onChange={(v) => setRow(i, { relation: v })} error={errors[`household.${i}.relation`]} />
              <Field label='姓名' required value={row.name} maxlength={30} onChange={(v) => setRow(i, { name: v })} error={errors[`household.${i}.name`]} />
              <Field
                label='身份证号码'
                required
                type='idcard'
                value={row.idNumber}
                maxlength={18}
                onChange={(v) => setRow(i, { idNumber: v.trim() })}
                hint={keepsSavedIdNumber(row) ? '已保存。为保护隐私只显示前后4位，不用重填；号码有误请删掉后重新填写完整号码' : undefined}
                error={errors[`household.${i}.idNumber`]}
              />
              <Field label='每月收入（元）' required type='digit' value={row.income} maxlength={12} placeholder='没有收入请填 0' onChange={(v) => setRow(i, { income: v })} error={errors[`household.${i}.monthlyIncome`]} />
            </View>
          ))}
          {errors.household ? <Text className='uh-field__error'>{errors.household}</Text> : null}
          {canAddRow(form.rows) ? (
            <ActionButton kind='plain' onClick={() => set({ rows: [...form.rows, newRow()] })}>
              ＋ 添加家庭成员
            </ActionButton>
          ) : (
            <Text className='hs-note'>最多填写20位家庭成员。</Text>
          )}
          <View className='uh-card hs-actions'>
            <Field
              label='因困难每月必须多花的钱（元）'
              type='digit'
              value={form.expenses}
              maxlength={12}
              placeholder='例如药费、学费，没有可不填'
              hint='如看病吃药、孩子学费等每月必需的开支'
              onChange={(v) => set({ expenses: v })}
              error={errors.monthlyNecessaryExpenses}
            />
          </View>
          <IncomeResult result={live} regionName={regionName} minimumLiving={minimumLiving} />
        </>
      ) : null}

      {step === 2 ? (
        <View className='uh-card'>
          <Text className='uh-heading'>上传证明材料</Text>
          <Text className='hs-note'>
            {suggested.length ? `建议上传：${suggested.map((t) => HARDSHIP_DOCUMENT_LABELS[t]).join('、')}。` : ''}
            材料越齐全，审核越快；暂时没有的可以先不传，工会初审时会告诉您还缺什么。
          </Text>
          {documents.length ? (
            <View className='hs-docs'>
              {documents.map((d) => (
                <DocumentThumb key={d.id} doc={d} onRemove={() => deletePhoto(d)} />
              ))}
            </View>
          ) : null}
          <Text className='uh-field__label'>这张照片是</Text>
          <ChoiceList label='材料类型' compact choices={docChoices} value={docType} onChange={(v) => setDocType(v)} />
          {progress !== null ? <Text className='apply-page__progress'>正在上传… {progress}%</Text> : null}
          <ActionButton kind='plain' busy={progress !== null} onClick={addPhoto}>
            {progress !== null ? '正在上传…' : '拍照或选择照片'}
          </ActionButton>
        </View>
      ) : null}

      {step === 3 ? (
        <>
          <View className='uh-card'>
            <Text className='uh-heading'>请确认</Text>
            <Text className='hs-note'>
              {form.situation ? SITUATION_LABELS[form.situation] : ''} · {regionName} · 家庭成员 {form.rows.length} 人 · 证明材料 {documents.length} 份
            </Text>
          </View>
          <IncomeResult result={live} regionName={regionName} minimumLiving={minimumLiving} />
          <View className='uh-card'>
            <Text className='uh-heading'>授权核查家庭财产</Text>
            <Text className='hs-note'>
              为认定困难情况，工会需要核查您家庭的财产状况（如存款、房产、车辆）。此授权单独给出，只用于本次困难帮扶认定。
            </Text>
            <ChoiceList
              label='授权核查家庭财产'
              choices={[{ value: 'consent', label: '我同意授权工会核查我家庭的财产状况' }]}
              value={form.consent ? ['consent'] : []}
              onChange={() => set({ consent: !form.consent })}
              error={errors.assetCheckConsent}
            />
          </View>
        </>
      ) : null}

      <View className='apply-page__nav'>
        {step > 0 ? (
          <ActionButton kind='quiet' disabled={busy} onClick={() => setStep(step - 1)}>
            上一步
          </ActionButton>
        ) : null}
        {step < 3 ? (
          <ActionButton busy={busy || progress !== null} onClick={next}>
            {busy ? '正在保存…' : '保存，下一步'}
          </ActionButton>
        ) : (
          <ActionButton busy={busy} onClick={submit}>
            {busy ? '正在提交…' : '提交申请'}
          </ActionButton>
        )}
      </View>
      <Text className='hs-note'>每一步都会自动保存草稿，您可以随时离开，下次接着填写。</Text>
    </Page>
  )
}
