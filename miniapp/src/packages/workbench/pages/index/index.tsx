import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@unionhome/shared'
import { Empty, Page } from '@/components'
import { WORKBENCH_ENTRIES, workbenchEntriesFor } from '@/features'
import { useRequireLogin } from '@/hooks/use-require-login'
import { sessionRoles } from '@/store/session'
import { openPage } from '@/utils/navigation'
import './index.css'

/** 工作台: the staff tasks the person's roles allow, as registered in src/features.ts. */
export default function WorkbenchPage() {
  const session = useRequireLogin()
  if (!session) return <Page />

  const roles = sessionRoles(session)
  const entries = workbenchEntriesFor(roles, WORKBENCH_ENTRIES)
  const staffRoles = roles.filter((r) => r !== 'member').map((r) => ROLE_LABELS[r])
  const org = session.me?.staffOrg?.name

  return (
    <Page className='workbench-page'>
      <View className='uh-card'>
        <Text className='uh-title'>工作台</Text>
        <Text className='uh-muted workbench-page__who'>
          {staffRoles.length ? `当前身份：${staffRoles.join('、')}` : '当前身份：职工'}
          {org ? ` · ${org}` : ''}
        </Text>
      </View>

      {entries.length === 0 ? (
        <Empty icon='台' text='暂无可用的工作台功能' />
      ) : (
        <View className='uh-list'>
          {entries.map((e) => (
            <View
              key={e.key}
              className='uh-row'
              hoverClass='uh-row--pressed'
              role='button'
              onClick={() => openPage(e.url).catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))}
            >
              {e.icon ? <Text className='uh-badge workbench-page__icon'>{e.icon}</Text> : null}
              <View className='uh-row__label'>
                <Text className='workbench-page__title'>{e.title}</Text>
                {e.subtitle ? <Text className='uh-muted workbench-page__subtitle'>{e.subtitle}</Text> : null}
              </View>
              <Text className='uh-row__arrow'>›</Text>
            </View>
          ))}
        </View>
      )}
    </Page>
  )
}
