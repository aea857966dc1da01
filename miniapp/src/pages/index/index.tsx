import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { fetchMe } from '@/api/me'
import { ActionButton, Page } from '@/components'
import { getSession, saveMe, useSession } from '@/store/session'
import { MESSAGES_PAGE, goLogin, openPage } from '@/utils/navigation'
import { ServiceHall } from './service-hall'
import './index.css'

export default function IndexPage() {
  const session = useSession()

  useDidShow(() => {
    // Only for the greeting: quietly, and only when the profile is not cached yet.
    const s = getSession()
    if (s && !s.me) fetchMe().then(saveMe).catch(() => undefined)
  })

  const name = session?.me?.name
  const orgName = session?.me?.membership?.orgName

  return (
    <Page className='index-page'>
      <View className='index-page__head'>
        <Text className='uh-title'>服务大厅</Text>
        {session ? (
          <Text className='index-page__greeting'>
            {name ? `${name}，您好！` : '您好！'}
            {orgName ? `欢迎回到${orgName}。` : ''}
          </Text>
        ) : (
          <View className='index-page__guest'>
            <Text className='index-page__greeting'>您好！登录后就能在这里办理工会服务。</Text>
            <ActionButton className='index-page__login' onClick={() => goLogin()}>
              去登录
            </ActionButton>
          </View>
        )}
      </View>

      <ServiceHall />

      <View className='uh-list'>
        <View className='uh-row' hoverClass='uh-row--pressed' role='button' onClick={() => openPage(MESSAGES_PAGE)}>
          <Text className='uh-row__label'>消息中心</Text>
          <Text className='uh-row__value'>审核进度、通知</Text>
          <Text className='uh-row__arrow'>›</Text>
        </View>
      </View>
    </Page>
  )
}
