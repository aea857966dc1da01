import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { ORG_TYPE_LABELS, ORG_TYPES, ORG_CODE_HINT, ORG_REGION_CODE_HINT, orgPlacementProblem, type AdminOrgResponse, type OrgType } from '@unionhome/shared'
import { ApiError, isApiError } from '@/api/api-error'
import { createOrg, fetchAdminOrgs, updateOrg } from '@/api/admin-orgs'
import { errorText, newIdempotencyKey, showError } from '@/api/request'
import { ActionButton, ErrorRetry, Field, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { creditCodeHint, emptyOrgForm, orgFormFrom, orgFormProblems, parentChoices, toCreateOrgRequest, toUpdateOrgRequest, type OrgFormState } from '../../org-tree/org-form'
import '../../org-tree/orgs.css'

/** Which field a business-rule refusal belongs to, so it shows where the person can fix it. */
const FIELD_OF_CODE: Record<string, string> = {
  ORG_CODE_TAKEN: 'code',
  ORG_PLACEMENT_NOT_ALLOWED: 'parentId',
  ORG_PARENT_INACTIVE: 'parentId',
  ORG_MOVE_INTO_SUBTREE: 'parentId'
}

/** 编辑组织 (admin): create an org, or rename, move, fix the codes of, stop or restart one. */
export default function OrgEditPage() {
  const session = useRequireLogin()
  const { params } = useRouter()
  const id = params.id
  const [all, setAll] = useState<AdminOrgResponse[] | null>(null)
  const [saved, setSaved] = useState<AdminOrgResponse | null>(null)
  const [form, setForm] = useState<OrgFormState>(emptyOrgForm())
  const [loadError, setLoadError] = useState<unknown>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const key = useRef<string | null>(null)

  const load = () => {
    setLoadError(null)
    fetchAdminOrgs()
      .then((list) => {
        setAll(list)
        if (!id) return
        const org = list.find((o) => o.id === id)
        if (!org) return setLoadError(new ApiError(404, { code: 'ORG_NOT_FOUND' }))
        setSaved(org)
        setForm(orgFormFrom(org))
        Taro.setNavigationBarTitle({ title: org.name })
      })
      .catch(setLoadError)
  }
  useEffect(() => {
    if (session) load()
  }, [session?.user.id])

  if (!session) return <Page />
  if (loadError) return <Page><ErrorRetry error={loadError} onRetry={load} /></Page>
  if (!all || (id && !saved)) return <Page><Loading /></Page>

  const set = (patch: Partial<OrgFormState>) => setForm({ ...form, ...patch })
  const choices = parentChoices(all, form.type, saved?.id)
  const parent = form.parentId ? all.find((o) => o.id === form.parentId) : undefined
  const rootAllowed = form.type ? orgPlacementProblem(form.type, null) === null : false
  // The picker's rows: "no parent" first when this type may stand at the root.
  const parentRows = [...(rootAllowed ? [{ id: null as string | null, label: '无（最上级组织）' }] : []), ...choices.map((o) => ({ id: o.id as string | null, label: `${'　'.repeat(o.depth)}${o.name}` }))]
  const creditProblem = errors.creditCode || creditCodeHint(form.type, form.creditCode)

  const pickType = (type: OrgType) => {
    // A parent that cannot hold the new type is dropped rather than kept silently wrong.
    const keep = form.parentId && parentChoices(all, type).some((o) => o.id === form.parentId)
    set({ type, parentId: keep ? form.parentId : null })
    setErrors({ ...errors, type: '', parentId: '' })
  }

  const save = async () => {
    const problems = orgFormProblems(form, all)
    setErrors(problems)
    if (Object.keys(problems).length || busy) return
    setBusy(true)
    try {
      if (saved) {
        const patch = toUpdateOrgRequest(form, saved)
        if (Object.keys(patch).length) await updateOrg(saved.id, patch)
      } else {
        if (!key.current) key.current = newIdempotencyKey()
        await createOrg(toCreateOrgRequest(form), key.current)
      }
      Taro.showToast({ title: '已保存', icon: 'success' })
      Taro.navigateBack()
    } catch (err) {
      key.current = null
      if (isApiError(err) && Object.keys(err.fields).length) setErrors(err.fields)
      // The BFF's own words here: they say which parent types are allowed.
      else if (isApiError(err) && FIELD_OF_CODE[err.code]) setErrors({ [FIELD_OF_CODE[err.code]]: err.message || errorText(err) })
      else showError(err)
    } finally {
      setBusy(false)
    }
  }

  const toggleActive = async () => {
    if (!saved || busy) return
    const stopping = saved.active
    const { confirm } = await Taro.showModal({
      title: stopping ? `停用${saved.name}？` : `启用${saved.name}？`,
      content: stopping
        ? '停用后，职工在组织列表中查不到它，它的入会二维码也不能再用于入会；已有会员的会籍不受影响。以后可以重新启用。'
        : '启用后，职工又能在组织列表中查到它，入会二维码恢复可用。',
      confirmText: stopping ? '停用' : '启用',
      cancelText: '再想想'
    })
    if (!confirm) return
    setBusy(true)
    try {
      const next = await updateOrg(saved.id, { active: !stopping })
      setSaved(next)
      Taro.showToast({ title: stopping ? '已停用' : '已启用', icon: 'success' })
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page className='admin-org-edit'>
      <View className='uh-card'>
        <Field label='组织编号' required value={form.code} disabled={!!saved} maxlength={40} error={errors.code} hint={saved ? '编号保存后不能改' : ORG_CODE_HINT} onChange={(v) => set({ code: v.trim() })} />
        <Field label='组织名称' required value={form.name} maxlength={100} error={errors.name} placeholder='如：绍兴某某有限公司工会委员会' onChange={(v) => set({ name: v })} />

        <Text className='uh-field__label'>组织类型{saved ? '' : <Text className='uh-field__required'>*</Text>}</Text>
        <Picker mode='selector' range={ORG_TYPES.map((t) => ORG_TYPE_LABELS[t])} value={form.type ? ORG_TYPES.indexOf(form.type) : 0} disabled={!!saved} onChange={(e) => pickType(ORG_TYPES[Number(e.detail.value)])}>
          <View className={`org-pick ${saved ? 'org-pick--disabled' : ''}`} role='button' aria-label='组织类型'>
            <Text>{form.type ? ORG_TYPE_LABELS[form.type] : '请选择'}</Text>
            {saved ? null : <Text className='uh-row__arrow'>›</Text>}
          </View>
        </Picker>
        {errors.type ? <Text className='uh-field__error'>{errors.type}</Text> : saved ? <Text className='uh-field__hint'>类型保存后不能改</Text> : null}

        <Text className='uh-field__label org-gap'>上级组织</Text>
        <Picker
          mode='selector'
          range={parentRows.map((r) => r.label)}
          value={Math.max(0, parentRows.findIndex((r) => r.id === form.parentId))}
          disabled={!form.type || !parentRows.length}
          onChange={(e) => {
            set({ parentId: parentRows[Number(e.detail.value)]?.id ?? null })
            setErrors({ ...errors, parentId: '' })
          }}
        >
          <View className={`org-pick ${!form.type ? 'org-pick--disabled' : ''}`} role='button' aria-label='上级组织'>
            <Text>{!form.type ? '先选择组织类型' : parent ? parent.name : rootAllowed && !form.parentId ? '无（最上级组织）' : '请选择'}</Text>
            <Text className='uh-row__arrow'>›</Text>
          </View>
        </Picker>
        {errors.parentId ? (
          <Text className='uh-field__error'>{errors.parentId}</Text>
        ) : form.type && !parentRows.length ? (
          <Text className='uh-field__error'>{orgPlacementProblem(form.type, null)}，但还没有可选的上级组织，请先建立上级组织</Text>
        ) : saved && form.parentId !== saved.parentId ? (
          <Text className='uh-field__hint'>保存后，它的下级组织和会员一起移到新的上级之下</Text>
        ) : null}

        <Field label='行政区划代码' type='number' value={form.regionCode} maxlength={12} error={errors.regionCode} hint={ORG_REGION_CODE_HINT} placeholder='如 330602' onChange={(v) => set({ regionCode: v.trim() })} />
        <Field
          label='统一社会信用代码'
          value={form.creditCode}
          maxlength={20}
          error={creditProblem}
          hint={form.type === 'grassroots' ? '18位，基层工会以81开头' : '18位，可以不填'}
          onChange={(v) => {
            set({ creditCode: v.toUpperCase() })
            setErrors({ ...errors, creditCode: '' })
          }}
        />
      </View>
      <ActionButton busy={busy} onClick={save}>
        {busy ? '正在保存…' : '保存'}
      </ActionButton>
      {saved ? (
        <View className='org-gap'>
          {saved.active ? null : <Text className='uh-muted'>该组织已停用：职工查不到它，入会二维码不能使用；已有会员不受影响。</Text>}
          <ActionButton kind='quiet' busy={busy} className='org-gap' onClick={toggleActive}>
            {saved.active ? '停用该组织' : '重新启用'}
          </ActionButton>
        </View>
      ) : null}
    </Page>
  )
}
