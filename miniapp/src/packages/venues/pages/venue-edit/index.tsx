import Taro, { useLoad } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Switch, Text, View } from '@tarojs/components'
import { VENUE_KINDS, type OrgResponse, type VenueKind, type VenueResponse } from '@unionhome/shared'
import { isApiError, newIdempotencyKey, showError } from '@/api/request'
import { createVenue, fetchPalaces, fetchVenue, updateVenue } from '@/api/venues'
import { ActionButton, ErrorRetry, Field, Loading, Page } from '@/components'
import { useRemote, type Remote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { sessionRoles } from '@/store/session'
import { decodeParam } from '@/utils/navigation'
import { kindLabel } from '../../format'
import { formToRules, NUMBER_RULES, rulesToForm, type NumberRule, type RulesForm } from '../../rules-form'
import { scheduleUrl } from '../../urls'
import '../../components/venues.css'

const SWITCHES: Array<{ key: 'membersOnly' | 'waitlist' | 'noShowCounts'; label: string }> = [
  { key: 'membersOnly', label: '仅限工会会员预约' },
  { key: 'waitlist', label: '约满后可排队候补' },
  { key: 'noShowCounts', label: '未到场计入暂停（30天内2次暂停30天）' }
]

/** A venue's name and booking rules: new (no id) or changed (id). */
export default function VenueEditPage() {
  const session = useRequireLogin()
  const [id, setId] = useState('')
  const [loaded, setLoaded] = useState<{ loading: boolean; error?: unknown }>({ loading: false })
  const [name, setName] = useState('')
  const [kind, setKind] = useState<VenueKind>('course')
  const [location, setLocation] = useState('')
  const [description, setDescription] = useState('')
  const [active, setActive] = useState(true)
  const [form, setForm] = useState<RulesForm>(rulesToForm())
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const createKey = useRef(newIdempotencyKey())
  // Venue staff create for their own palace; an admin belongs to none and says which one.
  const [orgId, setOrgId] = useState('')
  const palaces = useRemote<OrgResponse[]>(fetchPalaces)
  const picksPalace = !id && sessionRoles(session).includes('admin')

  const fill = (v: VenueResponse) => {
    setName(v.name)
    setKind(v.kind)
    setLocation(v.location)
    setDescription(v.description)
    setActive(v.active)
    setForm(rulesToForm(v.rules))
  }

  const load = async (venueId: string) => {
    setLoaded({ loading: true })
    try {
      fill(await fetchVenue(venueId))
      setLoaded({ loading: false })
    } catch (error) {
      setLoaded({ loading: false, error })
    }
  }

  useLoad((params: Record<string, string | undefined>) => {
    const venueId = decodeParam(params.id)
    setId(venueId)
    if (venueId) load(venueId)
    else if (sessionRoles(session).includes('admin')) palaces.reload()
  })
  useEffect(() => {
    if (!orgId && palaces.data?.length === 1) setOrgId(palaces.data[0].id)
  }, [palaces.data, orgId])

  if (!session) return <Page />
  if (loaded.loading) return <Page><Loading /></Page>
  if (loaded.error) return <Page><ErrorRetry error={loaded.error} onRetry={() => load(id)} /></Page>

  const save = async () => {
    const checked = formToRules(form)
    const nameProblem = name.trim() ? null : '请填写名称'
    const orgProblem = picksPalace && !orgId ? '请选择场馆所属的文化宫' : null
    if ('problems' in checked || nameProblem || orgProblem) {
      setProblems({ ...('problems' in checked ? checked.problems : {}), ...(nameProblem ? { name: nameProblem } : {}), ...(orgProblem ? { orgId: orgProblem } : {}) })
      return
    }
    setProblems({})
    setBusy(true)
    try {
      const body = { name: name.trim(), location: location.trim(), description: description.trim(), rules: checked.rules }
      if (id) {
        fill(await updateVenue(id, { ...body, active }))
        Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
      } else {
        const created = await createVenue({ ...body, kind, ...(picksPalace ? { orgId } : {}) }, createKey.current)
        Taro.showToast({ title: '已新建', icon: 'success', duration: 1200 })
        Taro.redirectTo({ url: scheduleUrl(created.id) })
      }
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fields).length) setProblems(flatFields(err.fields))
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  const setRule = (key: NumberRule, value: string) => setForm((f) => ({ ...f, [key]: value.trim() }))

  return (
    <Page className='venue-edit-page'>
      <View className='uh-card'>
        <Text className='uh-title'>{id ? '修改场馆' : '新建场馆'}</Text>
        {picksPalace ? <PalacePicker palaces={palaces} value={orgId} error={problems.orgId} onChange={setOrgId} /> : null}
        <Field label='名称' required value={name} maxlength={60} error={problems.name} placeholder='例如：瑜伽课' onChange={setName} />
        {!id ? (
          <>
            <Text className='uh-field__label'>类型</Text>
            <View className='vn-chips'>
              {VENUE_KINDS.map((k) => (
                <View key={k} className={k === kind ? 'vn-day vn-day--on' : 'vn-day'} role='button' aria-pressed={k === kind} onClick={() => setKind(k)}>
                  <Text>{kindLabel(k)}</Text>
                </View>
              ))}
            </View>
          </>
        ) : null}
        <Field label='地点' value={location} maxlength={100} placeholder='例如：文化宫三楼' onChange={setLocation} />
        <Field label='介绍' value={description} maxlength={500} placeholder='一句话介绍' onChange={setDescription} />
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>预约规则</Text>
        {NUMBER_RULES.map((r) => (
          <Field
            key={r.key}
            label={r.label}
            type='number'
            value={form[r.key]}
            error={problems[r.key]}
            hint={r.optional ? `单位：${r.unit}；不限请留空` : `单位：${r.unit}`}
            maxlength={3}
            onChange={(v) => setRule(r.key, v)}
          />
        ))}
        {SWITCHES.map((s) => (
          <View key={s.key} className='vn-switch'>
            <Text>{s.label}</Text>
            <Switch aria-label={s.label} checked={form[s.key]} color='#c8281e' onChange={(e) => setForm((f) => ({ ...f, [s.key]: e.detail.value }))} />
          </View>
        ))}
        {id ? (
          <View className='vn-switch'>
            <Text>开放预约（关闭后职工看不到这个场馆）</Text>
            <Switch aria-label='开放预约' checked={active} color='#c8281e' onChange={(e) => setActive(e.detail.value)} />
          </View>
        ) : null}
      </View>

      <ActionButton busy={busy} onClick={save}>
        {busy ? '正在保存…' : '保存'}
      </ActionButton>
    </Page>
  )
}

/** The admin's choice of 文化宫 for a new venue: one chip per palace, loaded from GET /orgs?type=palace. */
function PalacePicker(props: { palaces: Remote<OrgResponse[]>; value: string; error?: string; onChange: (id: string) => void }) {
  const { palaces, value, error, onChange } = props
  return (
    <View className='uh-field'>
      <Text className='uh-field__label'>
        所属文化宫<Text className='uh-field__required'>*</Text>
      </Text>
      {palaces.loading && !palaces.data ? (
        <Loading />
      ) : palaces.error && !palaces.data ? (
        <ErrorRetry error={palaces.error} onRetry={palaces.reload} />
      ) : !palaces.data?.length ? (
        <Text className='uh-field__error'>还没有文化宫：请先在“工会组织”中建立类型为“文化宫”的组织</Text>
      ) : (
        <View className='vn-chips' role='radiogroup' aria-label='所属文化宫'>
          {palaces.data.map((p) => (
            <View key={p.id} className={p.id === value ? 'vn-day vn-day--on' : 'vn-day'} role='radio' aria-checked={p.id === value} onClick={() => onChange(p.id)}>
              <Text>{p.name}</Text>
            </View>
          ))}
        </View>
      )}
      {error && palaces.data?.length ? <Text className='uh-field__error'>{error}</Text> : null}
    </View>
  )
}

/** `rules.capacity` → `capacity`, so server problems land on the same fields. */
function flatFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^rules\./, ''), v]))
}
