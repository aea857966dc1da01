import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { HARDSHIP_STATUS_LABELS, isEditableHardshipStatus, isOpenHardshipStatus, SITUATION_LABELS, type HardshipApplicationSummary } from '@unionhome/shared'
import { fetchMyApplications } from '@/api/hardship'
import { ActionButton, ErrorRetry, Loading, NumberedSteps, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { formatInstant } from '@/utils/format'
import { applyUrl, detailUrl } from '../../urls'
import '../../components/hardship.css'

const HOW = [
  '说说家里的困难，填写家庭成员和收入，手机上会马上算出人均收入',
  '拍照上传病历、票据、证明等材料',
  '工会初审，帮扶中心审批，每一步都会发消息告诉您',
  '批准后建立困难职工档案，按档案给予帮扶'
]

/** 困难帮扶: what it is, how it goes, and the person's own applications. */
export default function HardshipHomePage() {
  const session = useRequireLogin()
  const mine = useRemote(() => fetchMyApplications(1, 50))

  useDidShow(() => {
    if (session) mine.reload()
  })

  if (!session) return <Page />

  const list = mine.data?.data ?? []
  const open = list.find((a) => isOpenHardshipStatus(a.status))
  const go = (url: string) => Taro.navigateTo({ url })

  return (
    <Page className='hardship-home'>
      <View className='uh-card'>
        <Text className='uh-title'>困难职工帮扶</Text>
        <Text className='hs-note'>家里遇到重病、残疾、失业、灾害或意外，生活有困难的职工都可以申请，不是工会会员也可以。</Text>
        <NumberedSteps steps={HOW} />
      </View>

      {mine.loading && !mine.data ? (
        <Loading />
      ) : mine.error && !mine.data ? (
        <ErrorRetry error={mine.error} onRetry={mine.reload} />
      ) : (
        <>
          {open ? (
            isEditableHardshipStatus(open.status) ? (
              <ActionButton onClick={() => go(applyUrl(open.id))}>{open.status === 'returned' ? '修改后重新提交' : '继续填写申请'}</ActionButton>
            ) : (
              <ActionButton onClick={() => go(detailUrl(open.id))}>查看办理进度</ActionButton>
            )
          ) : (
            <ActionButton onClick={() => go(applyUrl())}>开始申请</ActionButton>
          )}

          {list.length ? (
            <>
              <Text className='uh-heading hs-actions'>我的申请</Text>
              {list.map((a) => (
                <ApplicationRow key={a.id} app={a} onOpen={() => go(isEditableHardshipStatus(a.status) ? applyUrl(a.id) : detailUrl(a.id))} />
              ))}
            </>
          ) : null}
        </>
      )}
    </Page>
  )
}

function ApplicationRow({ app, onOpen }: { app: HardshipApplicationSummary; onOpen: () => void }) {
  return (
    <View className='uh-card' hoverClass='uh-row--pressed' role='button' onClick={onOpen}>
      <View className='hs-list-item__top'>
        <Text className='hs-list-item__title'>{SITUATION_LABELS[app.situation]}</Text>
        <Text className={app.status === 'returned' ? 'uh-tag uh-tag--warn' : app.status === 'approved' ? 'uh-tag uh-tag--ok' : 'uh-tag'}>{HARDSHIP_STATUS_LABELS[app.status]}</Text>
      </View>
      <Text className='uh-muted hs-list-item__line'>
        {app.submittedAt ? `提交于 ${formatInstant(app.submittedAt)}` : `保存于 ${formatInstant(app.updatedAt)}`}
        {app.archiveNo ? ` · 档案编号 ${app.archiveNo}` : ''}
      </Text>
    </View>
  )
}
