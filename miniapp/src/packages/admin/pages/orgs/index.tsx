import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ORG_TYPE_LABELS, type AdminOrgResponse } from '@unionhome/shared'
import { fetchAdminOrgs } from '@/api/admin-orgs'
import { ActionButton, Empty, ErrorRetry, Field, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { ORG_IMPORT_PAGE, orgEditUrl } from '../../org-tree/urls'
import '../../org-tree/orgs.css'

/** A search shows the matches and the unions above them, so each match keeps its place in the tree. */
function filterTree(all: AdminOrgResponse[], query: string): AdminOrgResponse[] {
  const q = query.trim().toLowerCase()
  if (!q) return all
  const byId = new Map(all.map((o) => [o.id, o]))
  const keep = new Set<string>()
  for (const o of all) {
    if (!o.name.toLowerCase().includes(q) && !o.code.toLowerCase().includes(q)) continue
    for (let at: AdminOrgResponse | undefined = o; at && !keep.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) keep.add(at.id)
  }
  return all.filter((o) => keep.has(o.id))
}

/** 工会组织 (admin): the whole tree, indented by level; stopped unions in grey; tap one to change it. */
export default function OrgsPage() {
  const session = useRequireLogin()
  const orgs = useRemote(fetchAdminOrgs)
  const [query, setQuery] = useState('')
  useDidShow(() => {
    if (session) orgs.reload()
  })
  if (!session) return <Page />

  const shown = orgs.data ? filterTree(orgs.data, query) : []
  return (
    <Page className='admin-orgs'>
      <View className='org-actions'>
        <ActionButton onClick={() => Taro.navigateTo({ url: orgEditUrl() })}>新建组织</ActionButton>
        <ActionButton kind='plain' onClick={() => Taro.navigateTo({ url: ORG_IMPORT_PAGE })}>
          导入
        </ActionButton>
      </View>
      {orgs.loading && !orgs.data ? (
        <Loading />
      ) : orgs.error && !orgs.data ? (
        <ErrorRetry error={orgs.error} onRetry={orgs.reload} />
      ) : orgs.data?.length ? (
        <>
          <Field label='查找组织' value={query} placeholder='输入名称或编号' onChange={setQuery} />
          <View className='uh-card'>
            {shown.length ? (
              shown.map((o) => (
                <View
                  key={o.id}
                  className={`org-row org-depth-${Math.min(o.depth, 4)} ${o.active ? '' : 'org-row--inactive'}`}
                  hoverClass='uh-row--pressed'
                  role='button'
                  aria-label={o.name}
                  onClick={() => Taro.navigateTo({ url: orgEditUrl(o.id) })}
                >
                  <View className='org-row__main'>
                    <Text className='org-row__name'>{o.name}</Text>
                    <Text className='uh-muted'>
                      {ORG_TYPE_LABELS[o.type]} · {o.code}
                    </Text>
                  </View>
                  {o.active ? null : <Text className='uh-tag uh-tag--muted'>已停用</Text>}
                </View>
              ))
            ) : (
              <Text className='uh-muted'>没有名称或编号含“{query.trim()}”的组织</Text>
            )}
          </View>
        </>
      ) : (
        <Empty text='还没有工会组织。可以逐个新建，也可以用CSV文件导入整个组织树。' icon='组' />
      )}
    </Page>
  )
}
