import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { VenueCheckInCodeResponse } from '@unionhome/shared'
import { showError } from '@/api/request'
import { fetchVenueCheckInCode, rotateVenueCheckInCode } from '@/api/venues'
import { ActionButton, ErrorRetry, Loading, Page } from '@/components'
import { QrCode } from '@/components/qr-code'
import { useRequireLogin } from '@/hooks/use-require-login'
import { getSession } from '@/store/session'
import { decodeParam } from '@/utils/navigation'
import '../../components/venues.css'
import './index.css'

const IS_H5 = process.env.TARO_ENV === 'h5'

/**
 * 签到码, for venue staff: the venue's check-in QR to print and hang at the door (members scan it
 * to check themselves in), and a new one when a photo of it has gone round: the old prints stop
 * working at once, so the staff are asked first.
 */
export default function VenueCodePage() {
  const session = useRequireLogin()
  const [venueId, setVenueId] = useState('')
  const [sheet, setSheet] = useState<VenueCheckInCodeResponse | null>(null)
  const [error, setError] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)

  const load = async (id: string) => {
    setError(undefined)
    try {
      setSheet(await fetchVenueCheckInCode(id))
    } catch (err) {
      setError(err)
    }
  }

  useLoad((params: Record<string, string | undefined>) => {
    const id = decodeParam(params?.venueId)
    setVenueId(id)
    if (id && getSession()) load(id)
  })

  if (!session) return <Page />
  if (error && !sheet) return <Page><ErrorRetry error={error} onRetry={() => load(venueId)} /></Page>
  if (!sheet) return <Page><Loading /></Page>

  const rotate = async () => {
    const { confirm } = await Taro.showModal({
      title: '换一个签到码',
      content: '旧的签到码将立即失效，需要重新打印张贴。确定更换吗？',
      confirmText: '确定更换',
      cancelText: '不换',
      confirmColor: '#c8281e'
    })
    if (!confirm) return
    setBusy(true)
    try {
      setSheet(await rotateVenueCheckInCode(venueId))
      Taro.showToast({ title: '已更换', icon: 'success', duration: 1500 })
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page className='venue-code-page'>
      <View className='uh-card vc-sheet'>
        <Text className='vc-sheet__call'>扫码签到</Text>
        <QrCode text={sheet.qrText} label='场馆签到二维码' />
        <Text className='vc-sheet__venue'>{sheet.venueName}</Text>
        <Text className='vc-sheet__how'>预约了的职工到场后，用微信扫一扫签到</Text>
        <Text className='vc-sheet__code' selectable>
          签到码 <Text className='vc-sheet__code-text'>{sheet.code}</Text>
        </Text>
        <Text className='vc-sheet__version'>第{sheet.version}版</Text>
      </View>

      <View className='uh-card vc-page__help'>
        <Text className='vc-page__hint'>打印后张贴在场馆门口，会员用微信扫一扫即可签到</Text>
        <Text className='uh-muted vn-line'>
          现在是第{sheet.version}版签到码。如果签到码的照片被转发出去了，可以换一个：旧的立即失效，门口要换上新打印的。
        </Text>
      </View>

      <View className='vc-page__actions'>
        {IS_H5 ? (
          <ActionButton onClick={() => window.print()}>打印签到码</ActionButton>
        ) : (
          <Text className='uh-muted vc-page__tip'>截屏保存后即可打印。</Text>
        )}
        <ActionButton kind='quiet' busy={busy} onClick={rotate}>
          {busy ? '正在更换…' : '换一个签到码'}
        </ActionButton>
      </View>
    </Page>
  )
}
