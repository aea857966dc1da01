import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { GRANTABLE_ROLES, PHONE_PATTERN, ROLE_LABELS, ROLE_ORG_TYPES, roleNeedsOrg, type GrantableRole, type OrgResponse } from '@unionhome/shared'
import { grantStaff } from '@/api/admin-staff'
import { isApiError, newIdempotencyKey, showError } from '@/api/request'
import { ActionButton, Field, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { StaffOrgPicker } from '../../components/staff-org-picker'
import { ROLE_HINTS } from '../../staff-labels'
import '../../components/staff.css'

type Errors = Partial<Record<'phone' | 'name' | 'role' | 'orgId', string>>

function orgLabel(role: GrantableRole): string {
  return role === 'venue_staff' ? '所在的工人文化宫' : '所在的工会组织'
}

/** What the page can tell before sending (the BFF checks the same and answers with `fields`). */
function problems(phone: string, role: GrantableRole | null, org: OrgResponse | null): Errors {
  const errors: Errors = {}
  if (!PHONE_PATTERN.test(phone)) errors.phone = '请填写11位手机号码'
  if (!role) errors.role = '请选择要授予的角色'
  else if (roleNeedsOrg(role) && !org) errors.orgId = `请选择${orgLabel(role)}`
  return errors
}

/** 授予权限: a staff role for a person by phone (who need not have logged in yet), for an organisation where the role needs one. */
export default function StaffGrantPage() {
  const session = useRequireLogin()
  const [phone, setPhone] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<GrantableRole | null>(null)
  const [org, setOrg] = useState<OrgResponse | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  // One key per intended grant: a retry after a lost answer cannot grant twice.
  const key = useRef(newIdempotencyKey())

  if (!session) return <Page />

  const edited = () => {
    key.current = newIdempotencyKey()
  }

  const pickRole = (r: GrantableRole) => {
    setRole(r)
    // An organisation of the wrong kind for the new role (a union for venue staff) does not carry over.
    if (org && !ROLE_ORG_TYPES[r]?.includes(org.type)) setOrg(null)
    setErrors((e) => ({ ...e, role: undefined, orgId: undefined }))
    edited()
  }

  const submit = async () => {
    const trimmed = phone.trim()
    const found = problems(trimmed, role, org)
    setErrors(found)
    if (Object.keys(found).length || !role) return
    const needsOrg = roleNeedsOrg(role)
    if (role === 'admin') {
      const { confirm } = await Taro.showModal({
        title: '授予管理员',
        content: `管理员可以管理所有工会组织、人员权限和保障计划。确定把管理员权限授予 ${trimmed} 吗？`,
        confirmText: '授予',
        cancelText: '再想想'
      })
      if (!confirm) return
    }
    setBusy(true)
    try {
      const grant = await grantStaff({ phone: trimmed, role, ...(name.trim() ? { name: name.trim() } : {}), ...(needsOrg && org ? { orgId: org.id } : {}) }, key.current)
      key.current = newIdempotencyKey()
      Taro.showToast({ title: `已授予${grant.name || grant.phoneMasked}`, icon: 'success' })
      await Taro.navigateBack()
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fields).length) setErrors(err.fields as Errors)
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page className='staff-grant-page'>
      <Text className='uh-title'>授予权限</Text>
      <Text className='sf-lead'>按手机号授予。对方还没登录过也可以：用这个手机号登录后即有该权限；已登录的，下一次操作时生效。</Text>
      <View className='uh-card'>
        <Field
          label='手机号码'
          required
          type='number'
          maxlength={11}
          autoComplete='tel'
          value={phone}
          error={errors.phone}
          onChange={(v) => {
            setPhone(v)
            setErrors((e) => ({ ...e, phone: undefined }))
            edited()
          }}
        />
        <Field
          label='姓名'
          maxlength={50}
          value={name}
          hint='首次登记的人员请填写；已登记过姓名的不会被改动'
          error={errors.name}
          onChange={(v) => {
            setName(v)
            setErrors((e) => ({ ...e, name: undefined }))
            edited()
          }}
        />
      </View>

      <Text className='uh-heading'>
        角色<Text className='uh-field__required'>*</Text>
      </Text>
      <View className='uh-list' role='radiogroup' aria-label='角色'>
        {GRANTABLE_ROLES.map((r) => (
          <View key={r} className='uh-row sf-org sf-role' hoverClass='uh-row--pressed' role='radio' aria-checked={role === r} aria-label={ROLE_LABELS[r]} onClick={() => pickRole(r)}>
            <View className={role === r ? 'sf-radio sf-radio--on' : 'sf-radio'} />
            <View className='sf-org__text'>
              <Text className='sf-org__name'>{ROLE_LABELS[r]}</Text>
              <Text className='uh-muted sf-role__hint'>{ROLE_HINTS[r]}</Text>
            </View>
          </View>
        ))}
      </View>
      {errors.role ? <Text className='uh-field__error'>{errors.role}</Text> : null}

      {role && roleNeedsOrg(role) ? (
        <View className='sf-actions'>
          <StaffOrgPicker
            label={orgLabel(role)}
            types={ROLE_ORG_TYPES[role]}
            value={org}
            error={errors.orgId}
            onChange={(o) => {
              setOrg(o)
              setErrors((e) => ({ ...e, orgId: undefined }))
              edited()
            }}
          />
        </View>
      ) : null}

      <View className='sf-actions'>
        <ActionButton busy={busy} onClick={submit}>
          {busy ? '正在授予…' : '授予权限'}
        </ActionButton>
      </View>
    </Page>
  )
}
