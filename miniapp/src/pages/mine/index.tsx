import Taro, { useDidShow } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import { ROLE_LABELS, type MeResponse, type MembershipSummary } from '@unionhome/shared'
import { logOut } from '@/api/auth'
import { fetchMe } from '@/api/me'
import { ActionButton, Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useElderMode } from '@/store/elder'
import { getSession, isStaff, saveMe, sessionRoles, useSession } from '@/store/session'
import { membershipStatusLabel } from '@/utils/labels'
import { MESSAGES_PAGE, WORKBENCH_PAGE, goLogin, openPage } from '@/utils/navigation'
import './index.css'

async function loadMe(): Promise<MeResponse> {
  const me = await fetchMe()
  saveMe(me)
  return me
}

export default function MinePage() {
  const session = useSession()
  const remote = useRemote(loadMe)

  useDidShow(() => {
    if (getSession()) remote.reload()
  })

  const confirmLogout = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '确定要退出登录吗？退出后需要重新登录才能办理业务。',
      confirmText: '退出登录',
      confirmColor: '#c8281e',
      cancelText: '取消'
    })
    if (!confirm) return
    await logOut()
    Taro.showToast({ title: '已退出登录', icon: 'none' })
  }

  // loadMe stores the answer in the session: the cached profile shows at once and the fresh
  // one replaces it, and a profile never outlives a logout.
  const me = session?.me ?? null

  let body
  if (!session) {
    body = (
      <View className='uh-card'>
        <Empty icon='我' text='您还没有登录，登录后可查看会员信息' action={{ text: '去登录', onClick: () => goLogin() }} />
      </View>
    )
  } else if (!me && remote.error) {
    body = (
      <View className='uh-card'>
        <ErrorRetry error={remote.error} onRetry={remote.reload} />
      </View>
    )
  } else if (!me) {
    body = (
      <View className='uh-card'>
        <Loading />
      </View>
    )
  } else {
    body = <Profile me={me} stale={Boolean(remote.error)} onRetry={remote.reload} />
  }

  const staff = isStaff(sessionRoles(session))

  return (
    <Page className='mine-page'>
      {body}

      <View className='uh-list'>
        {session ? (
          <View className='uh-row' hoverClass='uh-row--pressed' role='button' onClick={() => openPage(MESSAGES_PAGE)}>
            <Text className='uh-row__label'>消息中心</Text>
            <Text className='uh-row__arrow'>›</Text>
          </View>
        ) : null}
        {session && staff ? (
          <View className='uh-row' hoverClass='uh-row--pressed' role='button' onClick={() => openPage(WORKBENCH_PAGE)}>
            <Text className='uh-row__label'>工作台</Text>
            <Text className='uh-row__value'>审核与办理</Text>
            <Text className='uh-row__arrow'>›</Text>
          </View>
        ) : null}
        <ElderModeRow />
      </View>

      {session ? (
        <ActionButton kind='quiet' onClick={confirmLogout}>
          退出登录
        </ActionButton>
      ) : null}
    </Page>
  )
}

function ElderModeRow() {
  const [elder, setElder] = useElderMode()
  return (
    <View className='uh-row'>
      <View className='uh-row__label'>
        <Text className='mine-page__row-title'>长辈模式</Text>
        <Text className='uh-muted mine-page__row-note'>字更大，按钮更大</Text>
      </View>
      <Switch aria-label='长辈模式' checked={elder} color='#c8281e' onChange={(e) => setElder(e.detail.value)} />
    </View>
  )
}

function Profile({ me, stale, onRetry }: { me: MeResponse; stale: boolean; onRetry: () => void }) {
  const staffRoles = me.roles.filter((r) => r !== 'member').map((r) => ROLE_LABELS[r])
  return (
    <>
      {stale ? (
        <View className='mine-page__stale' role='button' onClick={onRetry}>
          <Text>网络不太好，显示的可能不是最新信息。点这里重试</Text>
        </View>
      ) : null}
      <View className='uh-card mine-page__profile'>
        <Text className='mine-page__avatar'>{Array.from(me.name)[0] ?? '我'}</Text>
        <View className='mine-page__who'>
          <Text className='uh-title'>{me.name}</Text>
          <Text className='uh-muted'>{me.phoneMasked}</Text>
          {staffRoles.length ? <Text className='mine-page__roles'>{staffRoles.join('、')}</Text> : null}
        </View>
      </View>
      <Membership membership={me.membership} />
    </>
  )
}

function Membership({ membership }: { membership: MembershipSummary | null }) {
  if (!membership) {
    return (
      <View className='uh-card'>
        <Text className='uh-heading'>工会会籍</Text>
        <Text className='mine-page__no-member'>尚未加入工会</Text>
        <Text className='uh-muted'>可以在首页「扫码入会」，扫所在单位工会的二维码加入。</Text>
      </View>
    )
  }
  const rows: Array<[string, string]> = [
    ['所在工会', membership.orgName],
    ['会员编号', membership.memberNo],
    ['会籍状态', membershipStatusLabel(membership.status)],
    ['入会日期', membership.joinedAt]
  ]
  return (
    <View className='uh-card'>
      <Text className='uh-heading'>工会会籍</Text>
      {rows.map(([label, value]) => (
        <View key={label} className='mine-page__fact'>
          <Text className='mine-page__fact-label'>{label}</Text>
          <Text className='mine-page__fact-value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}
