import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { fetchApplication } from '@/api/hardship'
import { ActionButton, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { decodeParam } from '@/utils/navigation'
import { CaseView, StatusBanner } from '../../components/case-view'
import { applyUrl } from '../../urls'
import '../../components/hardship.css'

/** The applicant follows their case: where it stands, each step with its reason, the archive number. */
export default function HardshipDetailPage() {
  const session = useRequireLogin()
  const id = decodeParam(useRouter().params.id)
  const remote = useRemote(() => fetchApplication(id))

  useDidShow(() => {
    if (session && id) remote.reload()
  })
  usePullDownRefresh(() => {
    remote.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!session) return <Page />
  const app = remote.data
  if (!app) return <Page>{remote.error ? <ErrorRetry error={remote.error} onRetry={remote.reload} /> : <Loading />}</Page>

  return (
    <Page className='hardship-detail'>
      <StatusBanner app={app} />
      {app.editable ? (
        <View className='hs-actions'>
          <ActionButton onClick={() => Taro.navigateTo({ url: applyUrl(app.id) })}>{app.status === 'returned' ? '修改后重新提交' : '继续填写申请'}</ActionButton>
        </View>
      ) : null}
      <CaseView app={app} />
      <Text className='hs-note'>有疑问可以联系{app.orgName || '负责初审的工会'}。</Text>
    </Page>
  )
}
