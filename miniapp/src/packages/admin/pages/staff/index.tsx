import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { GRANTABLE_ROLES, ROLE_LABELS, type GrantableRole, type OrgResponse, type StaffGrantResponse } from '@unionhome/shared'
import { fetchStaff, revokeStaff } from '@/api/admin-staff'
import { isApiError, showError } from '@/api/request'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { openPage } from '@/utils/navigation'
import { StaffOrgPicker } from '../../components/staff-org-picker'
import { STAFF_GRANT_PAGE } from '../../staff-labels'
import '../../components/staff.css'

interface Filter {
  role?: GrantableRole
  org: OrgResponse | null
}

interface Loaded {
  items: StaffGrantResponse[]
  total: number
  page: number
}

const personName = (g: StaffGrantResponse) => g.name || '未填姓名'
const roleText = (g: StaffGrantResponse) => (g.orgName ? `${ROLE_LABELS[g.role]}（${g.orgName}）` : ROLE_LABELS[g.role])

/** The page's grants by role, in the order the BFF sends them (GRANTABLE_ROLES). */
function byRole(items: StaffGrantResponse[]): Array<{ role: GrantableRole; grants: StaffGrantResponse[] }> {
  const groups: Array<{ role: GrantableRole; grants: StaffGrantResponse[] }> = []
  for (const g of items) {
    const last = groups[groups.length - 1]
    if (last?.role === g.role) last.grants.push(g)
    else groups.push({ role: g.role, grants: [g] })
  }
  return groups
}

/** 人员与权限: who holds which staff role (for which organisation), filtered by role and organisation; 收回 with a confirmation. */
export default function StaffPage() {
  const session = useRequireLogin()
  const [filter, setFilter] = useState<Filter>({ org: null })
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(false)
  const [pickingOrg, setPickingOrg] = useState(false)
  const [revoking, setRevoking] = useState<string | null>(null)
  const latest = useRef(0)
  const filterRef = useRef(filter)
  filterRef.current = filter

  /** Page 1 replaces the list (a new filter, coming back to the page); later pages append. */
  const load = async (page: number, f: Filter = filterRef.current) => {
    const ticket = ++latest.current
    setLoading(true)
    setError(null)
    if (page === 1) setLoaded(null)
    try {
      const res = await fetchStaff({ role: f.role, orgId: f.org?.id }, page)
      if (ticket !== latest.current) return
      setLoaded((prev) => ({ items: page === 1 || !prev ? res.data : [...prev.items, ...res.data], total: res.total, page: res.page }))
    } catch (err) {
      if (ticket === latest.current) setError(err)
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }

  useDidShow(() => {
    if (session) load(1)
  })

  if (!session) return <Page />

  const changeFilter = (next: Filter) => {
    setFilter(next)
    load(1, next)
  }

  const revoke = async (g: StaffGrantResponse) => {
    const own = g.userId === session.user.id && g.role === 'admin' ? '这是您自己的管理员权限，收回后您将不能再管理人员和组织。' : ''
    const { confirm } = await Taro.showModal({
      title: '收回权限',
      content: `确定收回 ${personName(g)}（${g.phoneMasked}）的“${roleText(g)}”权限吗？${own}收回后，对方下一次操作时即失去该权限。`,
      confirmText: '收回',
      confirmColor: '#d4380d',
      cancelText: '再想想'
    })
    if (!confirm) return
    setRevoking(g.id)
    try {
      await revokeStaff(g.id)
      Taro.showToast({ title: '已收回', icon: 'success' })
      load(1)
    } catch (err) {
      showError(err)
      // Someone else revoked it meanwhile: show the list as it is now.
      if (isApiError(err) && err.code === 'GRANT_NOT_FOUND') load(1)
    } finally {
      setRevoking(null)
    }
  }

  const chip = (label: string, on: boolean, onClick: () => void) => (
    <View key={label} className={on ? 'sf-chip sf-chip--on' : 'sf-chip'} role='radio' aria-checked={on} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  )

  const filtered = !!filter.role || !!filter.org
  let body
  if (!loaded) {
    body = error ? <ErrorRetry error={error} onRetry={() => load(1)} /> : <Loading />
  } else if (loaded.items.length === 0) {
    body = filtered ? (
      <Empty icon='权' text='没有符合条件的人员' action={{ text: '看全部人员', onClick: () => changeFilter({ org: null }) }} />
    ) : (
      <Empty icon='权' text='还没有授予任何工作人员权限' action={{ text: '授予权限', onClick: () => openPage(STAFF_GRANT_PAGE) }} />
    )
  } else {
    body = (
      <>
        {byRole(loaded.items).map((group) => (
          <View key={group.role} className='sf-group'>
            <Text className='sf-group__title'>{ROLE_LABELS[group.role]}</Text>
            <View className='uh-list'>
              {group.grants.map((g) => (
                <View key={g.id} className='uh-row sf-person'>
                  <View className='sf-person__text'>
                    <Text className='sf-person__name'>{personName(g)}</Text>
                    <Text className='uh-muted sf-person__line'>
                      {g.phoneMasked}
                      {g.orgName ? ` · ${g.orgName}` : ''}
                    </Text>
                  </View>
                  <View
                    className='sf-revoke'
                    role='button'
                    aria-label={`收回${personName(g)}的${ROLE_LABELS[g.role]}权限`}
                    aria-disabled={revoking !== null || undefined}
                    onClick={() => (revoking ? undefined : revoke(g))}
                  >
                    <Text>{revoking === g.id ? '正在收回…' : '收回'}</Text>
                  </View>
                </View>
              ))}
            </View>
          </View>
        ))}
        {loaded.items.length < loaded.total ? (
          <ActionButton kind='quiet' busy={loading} onClick={() => load(loaded.page + 1)}>
            {loading ? '正在加载…' : `加载更多（已显示 ${loaded.items.length} / ${loaded.total}）`}
          </ActionButton>
        ) : (
          <Text className='uh-muted sf-note'>共 {loaded.total} 项权限</Text>
        )}
        {error ? <ErrorRetry error={error} onRetry={() => load(loaded.page + 1)} /> : null}
      </>
    )
  }

  return (
    <Page className='staff-page'>
      <Text className='uh-title'>人员与权限</Text>
      <Text className='sf-lead'>按手机号授予的工作人员权限。收回后，对方下一次操作时即失去该权限。</Text>
      <ActionButton onClick={() => openPage(STAFF_GRANT_PAGE)}>＋ 授予权限</ActionButton>

      <Text className='uh-heading'>按角色</Text>
      <View className='sf-chips' role='radiogroup' aria-label='按角色筛选'>
        {chip('全部', !filter.role, () => changeFilter({ ...filter, role: undefined }))}
        {GRANTABLE_ROLES.map((r) => chip(ROLE_LABELS[r], filter.role === r, () => changeFilter({ ...filter, role: r })))}
      </View>

      <Text className='uh-heading'>按组织</Text>
      {filter.org ? (
        <View className='sf-org sf-org--picked'>
          <View className='sf-org__text'>
            <Text className='sf-org__name'>{filter.org.name}</Text>
            <Text className='uh-muted sf-org__line'>含下级组织</Text>
          </View>
          <View className='sf-link' role='button' aria-label='不按组织筛选' onClick={() => changeFilter({ ...filter, org: null })}>
            <Text>不限组织</Text>
          </View>
        </View>
      ) : pickingOrg ? (
        <StaffOrgPicker
          label='组织'
          required={false}
          value={null}
          onCancel={() => setPickingOrg(false)}
          onChange={(org) => {
            setPickingOrg(false)
            if (org) changeFilter({ ...filter, org })
          }}
        />
      ) : (
        <View className='sf-chips' role='radiogroup' aria-label='按组织筛选'>
          {chip('全部组织', true, () => undefined)}
          <View className='sf-chip' role='button' aria-label='选择组织' onClick={() => setPickingOrg(true)}>
            <Text>选择组织…</Text>
          </View>
        </View>
      )}

      <View className='sf-actions'>{body}</View>
    </Page>
  )
}
