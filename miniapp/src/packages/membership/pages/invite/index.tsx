import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import { INVITE_STATUS_LABELS, formatInviteCode, type InviteWithQrResponse } from '@unionhome/shared'
import { fetchInvite, revokeInvite } from '@/api/membership'
import { showError } from '@/api/request'
import { ErrorRetry, Loading } from '@/components'
import { formatInstant } from '@/utils/format'
import { decodeParam } from '@/utils/navigation'
import { OfficerGate } from '../../components/officer-gate'
import { useOfficerOrg } from '../../hooks/use-officer-org'
import { useReloadOnShow } from '../../hooks/use-reload-on-show'
import '../../components/membership.css'
import './index.css'

const IS_H5 = process.env.TARO_ENV === 'h5'

/**
 * One join QR code, big enough to print or to hold up on a phone across a table, with the
 * union's name and the typeable code under it; the officer can copy the link or revoke it.
 */
export default function InvitePage() {
  const officer = useOfficerOrg()
  const [inviteId, setInviteId] = useState('')
  const [invite, setInvite] = useState<InviteWithQrResponse | null>(null)
  const [error, setError] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)
  const orgId = officer.org?.id

  useLoad((params: Record<string, string | undefined>) => setInviteId(decodeParam(params?.id)))

  const load = async () => {
    if (!orgId || !inviteId) return
    setError(undefined)
    try {
      setInvite(await fetchInvite(orgId, inviteId))
    } catch (err) {
      setError(err)
    }
  }
  useReloadOnShow(orgId && inviteId ? `${orgId}/${inviteId}` : null, load)

  const revoke = async () => {
    const { confirm } = await Taro.showModal({
      title: '作废二维码',
      content: '作废后，已打印或发出的这个二维码都不能再用于申请入会，且无法恢复。已经提交的申请不受影响。确定作废吗？',
      confirmText: '确定作废',
      confirmColor: '#c8281e',
      cancelText: '不作废'
    })
    if (!confirm) return
    setBusy(true)
    try {
      const revoked = await revokeInvite(orgId!, inviteId)
      setInvite((i) => (i ? { ...i, ...revoked } : i))
      Taro.showToast({ title: '已作废', icon: 'success' })
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <OfficerGate officer={officer} className='invite-page'>
      {() =>
        error && !invite ? (
          <ErrorRetry error={error} onRetry={load} />
        ) : !invite ? (
          <Loading />
        ) : (
          <>
            <View className='uh-card invite-sheet'>
              <Text className='invite-sheet__call'>扫码加入工会</Text>
              <Image className={invite.status === 'active' ? 'invite-sheet__qr' : 'invite-sheet__qr invite-sheet__qr--off'} src={invite.qrPng} showMenuByLongpress aria-label='入会二维码' />
              <Text className='invite-sheet__org'>{invite.orgName}</Text>
              <Text className='invite-sheet__code'>入会码 {formatInviteCode(invite.token)}</Text>
              {invite.status !== 'active' ? <Text className='invite-sheet__off'>此二维码{INVITE_STATUS_LABELS[invite.status]}，不能再用于申请</Text> : null}
            </View>

            <View className='uh-list invite-page__facts'>
              <View className='uh-row'>
                <Text className='uh-row__label'>状态</Text>
                <Text className='uh-row__value'>{INVITE_STATUS_LABELS[invite.status]}</Text>
              </View>
              <View className='uh-row'>
                <Text className='uh-row__label'>有效至</Text>
                <Text className='uh-row__value'>{formatInstant(invite.expiresAt)}</Text>
              </View>
              <View className='uh-row'>
                <Text className='uh-row__label'>已使用</Text>
                <Text className='uh-row__value'>
                  {invite.usedCount} 次{invite.maxUses !== null ? ` / 共 ${invite.maxUses} 次` : '（不限）'}
                </Text>
              </View>
            </View>

            <View className='uh-card invite-page__link'>
              <Text className='uh-field__label'>入会链接</Text>
              <Text className='invite-page__url' selectable>
                {invite.url}
              </Text>
              <Text className='uh-muted'>可以发到工友群里，在手机浏览器或微信里打开即可填表。</Text>
            </View>

            <View className='invite-page__actions'>
              <Button className='uh-btn uh-btn--primary' onClick={() => Taro.setClipboardData({ data: invite.url })}>
                复制入会链接
              </Button>
              {IS_H5 ? (
                <Button className='uh-btn invite-page__gap' onClick={() => window.print()}>
                  打印二维码
                </Button>
              ) : (
                <Text className='uh-muted invite-page__tip'>长按二维码图片可以保存到手机相册，再拿去打印。</Text>
              )}
              {invite.status === 'active' ? (
                <Button className='uh-btn uh-btn--quiet invite-page__gap invite-page__revoke' disabled={busy || undefined} onClick={revoke}>
                  作废此二维码
                </Button>
              ) : null}
            </View>
          </>
        )
      }
    </OfficerGate>
  )
}
