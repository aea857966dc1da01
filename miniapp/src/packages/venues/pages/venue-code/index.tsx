import Taro, { useDidHide, useDidShow, useLoad } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { VENUE_CODE_WINDOW_SECONDS, type VenueCheckInCodeResponse } from '@unionhome/shared'
import { showError } from '@/api/request'
import { fetchVenueCheckInCode, rotateVenueCheckInCode } from '@/api/venues'
import { ActionButton, ErrorRetry, Loading, Page } from '@/components'
import { QrCode } from '@/components/qr-code'
import { useRequireLogin } from '@/hooks/use-require-login'
import { getSession } from '@/store/session'
import { decodeParam } from '@/utils/navigation'
import '../../components/venues.css'
import './index.css'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
/** After a failed fetch of the next code: try again soon (the code shown stays valid one window more). */
const RETRY_MS = 10_000

/**
 * 签到码, for venue staff: the screen at the venue's door (a phone or tablet left on this page).
 * The code changes every two minutes and this page fetches the next one by itself, so a photo of
 * it sent home stops working within minutes (issue 12 §6: we chose a rotating screen over a
 * print that carries a daily part — a daily print can be photographed in the morning and used all
 * day). Staff can also replace the code at once, after a confirmation.
 */
export default function VenueCodePage() {
  const session = useRequireLogin()
  const [venueId, setVenueId] = useState('')
  const [sheet, setSheet] = useState<VenueCheckInCodeResponse | null>(null)
  const [error, setError] = useState<unknown>(undefined)
  /** The last automatic fetch failed: the code shown may be about to expire. */
  const [stale, setStale] = useState(false)
  const [busy, setBusy] = useState(false)
  const [visible, setVisible] = useState(true)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const load = async (id: string) => {
    setError(undefined)
    try {
      setSheet(await fetchVenueCheckInCode(id))
      setStale(false)
    } catch (err) {
      setError(err)
      setStale(true)
    }
  }

  useLoad((params: Record<string, string | undefined>) => {
    const id = decodeParam(params?.venueId)
    setVenueId(id)
    if (id && getSession()) load(id)
  })

  // The next code when the BFF says this one is replaced (by its clock, not the screen's); sooner after a failure.
  useEffect(() => {
    if (!sheet || !venueId || !visible) return undefined
    const delay = stale ? RETRY_MS : Math.min(sheet.refreshInSeconds, VENUE_CODE_WINDOW_SECONDS) * 1000
    timer.current = setTimeout(() => load(venueId), delay)
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [sheet, stale, venueId, visible])

  // A screen that sleeps stops the scanning at the door; in WeChat keep it on while this page is shown.
  // Back on the page after it was hidden (the code shown may have expired meanwhile): fetch the current one.
  const shownOnce = useRef(false)
  useDidShow(() => {
    setVisible(true)
    if (IS_WEAPP) Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    const id = decodeParam(Taro.getCurrentInstance().router?.params?.venueId)
    if (shownOnce.current && id && getSession()) load(id)
    shownOnce.current = true
  })
  useDidHide(() => setVisible(false))

  if (!session) return <Page />
  if (error && !sheet) return <Page><ErrorRetry error={error} onRetry={() => load(venueId)} /></Page>
  if (!sheet) return <Page><Loading /></Page>

  const rotate = async () => {
    const { confirm } = await Taro.showModal({
      title: '立即更换签到码',
      content: '屏幕上的签到码会立即换成新的，刚才拍下或转发的签到码全部失效。确定更换吗？',
      confirmText: '确定更换',
      cancelText: '不换',
      confirmColor: '#c8281e'
    })
    if (!confirm) return
    setBusy(true)
    try {
      setSheet(await rotateVenueCheckInCode(venueId))
      setStale(false)
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
        <Text className='vc-sheet__version'>每{VENUE_CODE_WINDOW_SECONDS / 60}分钟自动更换</Text>
      </View>

      {stale ? (
        <View className='uh-card vc-page__stale' role='alert'>
          <Text>网络不稳定，签到码没能更新，正在重试。请检查本机网络。</Text>
        </View>
      ) : null}

      <View className='uh-card vc-page__help'>
        <Text className='vc-page__hint'>把手机或平板放在场馆门口，停留在本页面，会员用微信扫一扫即可签到</Text>
        <Text className='uh-muted vn-line'>
          签到码每{VENUE_CODE_WINDOW_SECONDS / 60}分钟自动换一次，拍照转发出去的很快就会失效，所以不用打印。请保持屏幕常亮、联网。
        </Text>
      </View>

      <View className='vc-page__actions'>
        <ActionButton kind='quiet' busy={busy} onClick={rotate}>
          {busy ? '正在更换…' : '立即更换签到码'}
        </ActionButton>
      </View>
    </Page>
  )
}
