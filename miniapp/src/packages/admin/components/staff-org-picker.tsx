import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ORG_TYPE_LABELS, type OrgResponse, type OrgType } from '@unionhome/shared'
import { fetchOrgs } from '@/api/admin-staff'
import { showError } from '@/api/request'
import { ActionButton, ErrorRetry, Field, Loading } from '@/components'
import { useRemote } from '@/hooks/use-remote'

export interface StaffOrgPickerProps {
  label: string
  /** The kinds of organisation that may be picked (all when left out). */
  types?: readonly OrgType[]
  value: OrgResponse | null
  onChange: (org: OrgResponse | null) => void
  error?: string | null
  /** Marks the label with the red '*' (default true). */
  required?: boolean
  /** Shows 取消, to leave the picker without a choice. */
  onCancel?: () => void
}

/** How many matches are listed at once: the admin narrows the rest down by typing. */
const SHOWN = 20
const CODE_LIKE = /^[A-Za-z0-9-]{2,40}$/

/**
 * Picks one organisation: the list of the allowed kinds (from GET /orgs), narrowed by typing part of
 * a name or code; a code that is not among them is looked up with GET /orgs?code= (the list holds
 * at most 200).
 */
export function StaffOrgPicker({ label, types, value, onChange, error, required = true, onCancel }: StaffOrgPickerProps) {
  const typeKey = (types ?? []).join(',')
  const remote = useRemote(() => fetchOrgs(types?.length === 1 ? { type: types[0] } : {}))
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<OrgResponse[]>([])
  const [searching, setSearching] = useState(false)

  useEffect(() => {
    remote.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typeKey])

  const allowed = (o: OrgResponse) => !types || types.includes(o.type)
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase()
    const pool = [...(remote.data ?? []), ...found].filter(allowed)
    const unique = pool.filter((o, i) => pool.findIndex((p) => p.id === o.id) === i)
    return q ? unique.filter((o) => o.name.toLowerCase().includes(q) || o.code.toLowerCase().includes(q)) : unique
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [remote.data, found, query, typeKey])

  const lookUpCode = async () => {
    setSearching(true)
    try {
      const orgs = (await fetchOrgs({ code: query.trim() })).filter(allowed)
      setFound((prev) => [...prev, ...orgs])
      if (!orgs.length) Taro.showToast({ title: '没有找到该编码的组织', icon: 'none', duration: 2500 })
    } catch (err) {
      showError(err)
    } finally {
      setSearching(false)
    }
  }

  const head = (
    <Text className='uh-field__label'>
      {label}
      {required ? <Text className='uh-field__required'>*</Text> : null}
    </Text>
  )

  if (value) {
    return (
      <View className='uh-field'>
        {head}
        <View className='sf-org sf-org--picked'>
          <View className='sf-org__text'>
            <Text className='sf-org__name'>{value.name}</Text>
            <Text className='uh-muted sf-org__line'>
              {ORG_TYPE_LABELS[value.type]} · {value.code}
            </Text>
          </View>
          <View className='sf-link' role='button' aria-label={`更换${label}`} onClick={() => onChange(null)}>
            <Text>更换</Text>
          </View>
        </View>
        {error ? <Text className='uh-field__error'>{error}</Text> : null}
      </View>
    )
  }

  return (
    <View className={error ? 'uh-field uh-field--invalid' : 'uh-field'}>
      {!remote.data ? (
        <>
          {head}
          {remote.error ? <ErrorRetry error={remote.error} onRetry={remote.reload} /> : <Loading />}
        </>
      ) : (
        <>
          <Field label={label} required={required} value={query} placeholder='输入名称或编码的一部分查找' maxlength={40} onChange={setQuery} />
          {matches.length === 0 ? (
            <View className='sf-note'>
              <Text className='uh-muted'>{query.trim() ? '没有名称或编码相符的组织' : '还没有可选的组织，请先在“工会组织”里建立'}</Text>
              {CODE_LIKE.test(query.trim()) ? (
                <ActionButton kind='plain' busy={searching} onClick={lookUpCode}>
                  {searching ? '正在查找…' : `按编码“${query.trim()}”查找`}
                </ActionButton>
              ) : null}
            </View>
          ) : (
            <View className='uh-list' role='radiogroup' aria-label={label}>
              {matches.slice(0, SHOWN).map((o) => (
                <View key={o.id} className='uh-row sf-org' hoverClass='uh-row--pressed' role='radio' aria-checked={false} aria-label={o.name} onClick={() => onChange(o)}>
                  <View className='sf-org__text'>
                    <Text className='sf-org__name'>{o.name}</Text>
                    <Text className='uh-muted sf-org__line'>
                      {ORG_TYPE_LABELS[o.type]} · {o.code}
                    </Text>
                  </View>
                </View>
              ))}
              {matches.length > SHOWN ? <Text className='uh-muted sf-note'>还有 {matches.length - SHOWN} 个，请输入名称缩小范围</Text> : null}
            </View>
          )}
        </>
      )}
      {error ? <Text className='uh-field__error'>{error}</Text> : null}
      {onCancel ? (
        <ActionButton kind='quiet' onClick={onCancel}>
          取消
        </ActionButton>
      ) : null}
    </View>
  )
}
