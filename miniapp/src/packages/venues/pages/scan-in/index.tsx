import Taro, { useLoad } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { CHECK_IN_OPENS_MINUTES_BEFORE, venueCodeFromScan, type SelfCheckInResponse } from '@unionhome/shared'
import { isApiError } from '@/api/request'
import { selfCheckIn } from '@/api/venues'
import { ActionButton, Field, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { getSession } from '@/store/session'
import { decodeParam } from '@/utils/navigation'
import { bookingErrorText, slotDayTime } from '../../format'
import { scanVenueCode } from '../../scan-venue-code'
import { MY_BOOKINGS_PAGE } from '../../urls'
import '../../components/venues.css'
import './index.css'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

type State =
  | { kind: 'ask' }
  | { kind: 'checking' }
  | { kind: 'done'; result: SelfCheckInResponse }
  | { kind: 'failed'; code: string; error: unknown }

/** Trying the same code again cannot help: it is not a venue code at all, one that has been replaced, or one that has expired (scan the screen again). */
const NOT_RETRYABLE = ['VENUE_CODE_INVALID', 'VENUE_CODE_EXPIRED', 'VALIDATION_FAILED']

/**
 * 扫码签到: the member checks themselves in by the code shown on the screen at the venue's door. Opened with
 * `code=` (the QR's link, in a browser or WeChat) it checks in at once. Without one, WeChat
 * offers its scanner and a browser, which cannot scan, a field to paste the code into.
 * Repeating is safe: the BFF answers a second scan with `alreadyCheckedIn`.
 */
export default function ScanInPage() {
  const session = useRequireLogin()
  const [state, setState] = useState<State>({ kind: 'ask' })
  const [typing, setTyping] = useState(!IS_WEAPP)
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState<string | null>(null)
  const running = useRef(false)

  const checkIn = async (code: string) => {
    if (running.current) return
    running.current = true
    setState({ kind: 'checking' })
    try {
      setState({ kind: 'done', result: await selfCheckIn(code) })
    } catch (error) {
      setState({ kind: 'failed', code, error })
    } finally {
      running.current = false
    }
  }

  const scan = async () => {
    const scanned = await scanVenueCode()
    if (!scanned) return
    if ('code' in scanned) {
      checkIn(scanned.code)
    } else {
      setState({ kind: 'ask' })
      setTyping(true)
      Taro.showToast({ title: '这里无法扫码，请输入签到码', icon: 'none' })
    }
  }

  useLoad((params: Record<string, string | undefined>) => {
    // Not logged in: useRequireLogin is on its way to the login page, which comes back here with the code.
    if (!getSession()) return
    // `q` is the whole link when WeChat's own scanner opens the mini-program by the QR at the door.
    const code = venueCodeFromScan(decodeParam(params?.code)) || venueCodeFromScan(decodeParam(params?.q))
    if (code) checkIn(code)
    else if (IS_WEAPP && params?.scan === '1') scan()
  })

  if (!session) return <Page />

  const submitTyped = () => {
    const code = venueCodeFromScan(typed)
    if (!code) {
      setTypedError('请输入签到码')
      return
    }
    setTypedError(null)
    checkIn(code)
  }

  const again = () => {
    setState({ kind: 'ask' })
    if (IS_WEAPP) scan()
  }

  // Came from 我的预约: back to it (it reloads on show); opened by a scan: 我的预约 takes this page's place.
  const openMine = () => {
    const pages = Taro.getCurrentPages()
    const below = pages.length > 1 ? `/${String(pages[pages.length - 2].route ?? '').replace(/^\//, '')}` : ''
    if (below === MY_BOOKINGS_PAGE) Taro.navigateBack()
    else Taro.redirectTo({ url: MY_BOOKINGS_PAGE })
  }

  if (state.kind === 'checking') {
    return (
      <Page className='scan-in-page'>
        <Loading text='正在签到…' />
      </Page>
    )
  }

  if (state.kind === 'done') {
    const r = state.result
    return (
      <Page className='scan-in-page'>
        <View className='uh-card vn-result scan-in__result' role='status'>
          <Text className='uh-badge vn-result__icon vn-result__icon--ok'>✓</Text>
          <Text className='vn-result__name'>{r.alreadyCheckedIn ? '已签到过' : '已签到'}</Text>
          <Text className='vn-title vn-line'>{r.venueName}</Text>
          <Text className='vn-line scan-in__when'>{slotDayTime(r)}</Text>
          <Text className='uh-muted vn-line'>{r.alreadyCheckedIn ? '这次预约之前已经签到了，不用再扫。' : '签到成功，请入场。'}</Text>
          <View className='vn-actions'>
            <ActionButton kind='plain' onClick={openMine}>
              查看我的预约
            </ActionButton>
          </View>
        </View>
      </Page>
    )
  }

  if (state.kind === 'failed') {
    const code = isApiError(state.error) ? state.error.code : ''
    return (
      <Page className='scan-in-page'>
        <View className='uh-card vn-result scan-in__result' role='alert'>
          <Text className='uh-badge vn-result__icon'>!</Text>
          <Text className='vn-result__name'>未能签到</Text>
          <Text className='vn-line scan-in__reason'>{bookingErrorText(state.error)}</Text>
          <View className='vn-actions'>
            {NOT_RETRYABLE.includes(code) ? null : <ActionButton onClick={() => checkIn(state.code)}>再试一次</ActionButton>}
            <ActionButton kind='plain' onClick={again}>
              {IS_WEAPP ? '重新扫码' : '重新输入签到码'}
            </ActionButton>
            {code === 'BOOKING_NOT_FOUND' ? (
              <ActionButton kind='quiet' onClick={openMine}>
                查看我的预约
              </ActionButton>
            ) : null}
          </View>
        </View>
      </Page>
    )
  }

  return (
    <Page className='scan-in-page'>
      <View className='uh-card'>
        <Text className='uh-title'>扫码签到</Text>
        <Text className='uh-muted vn-line'>
          到了场馆，扫一扫门口屏幕上的签到码，就为您这次的预约签到。开始前{CHECK_IN_OPENS_MINUTES_BEFORE / 60}小时起可以签到。
        </Text>
        {IS_WEAPP ? (
          <View className='vn-actions'>
            <ActionButton className='scan-in__scan' onClick={scan}>
              扫一扫
            </ActionButton>
            {!typing ? (
              <View className='vn-line scan-in__type' role='button' onClick={() => setTyping(true)}>
                <Text className='uh-muted'>扫不出来？手动输入签到码</Text>
              </View>
            ) : null}
          </View>
        ) : (
          <Text className='vn-line scan-in__tip'>在微信外打开时无法直接扫码：请用微信或手机相机扫一扫门口的签到码，或把签到码粘贴到下面。</Text>
        )}
      </View>
      {typing ? (
        <View className='uh-card'>
          <Field
            label='签到码'
            value={typed}
            error={typedError}
            placeholder='粘贴或输入签到码'
            hint='签到码显示在门口二维码的下方，也可以粘贴签到链接'
            maxlength={300}
            onChange={(v) => {
              setTyped(v)
              if (typedError) setTypedError(null)
            }}
            onConfirm={submitTyped}
          />
          <ActionButton onClick={submitTyped}>签到</ActionButton>
        </View>
      ) : null}
    </Page>
  )
}
