import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { APPLICATION_STATUS_LABELS, CARD_REFRESH_SECONDS, type ApplicationResponse, type CardResponse } from '@unionhome/shared'
import { fetchCard, fetchMyApplications, withdrawApplication } from '@/api/membership'
import { isApiError, showError } from '@/api/request'
import { Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { membershipStatusLabel } from '@/utils/labels'
import { MESSAGES_PAGE, openPage } from '@/utils/navigation'
import { QrCode } from '@/components/qr-code'
import '../../components/membership.css'
import './index.css'

/** A card token lives 60 s on the server; counted on this phone's clock from when it arrived. */
const TOKEN_LIFETIME_MS = 60_000
const REFRESH_MS = CARD_REFRESH_SECONDS * 1000
const JOIN_PAGE = '/pages/join/index'

type State =
  | { kind: 'loading' }
  | { kind: 'card'; card: CardResponse; fetchedAt: number }
  | { kind: 'not_member'; application: ApplicationResponse | null }
  | { kind: 'failed'; error: unknown }

/**
 * 会员卡: who the member is, and a QR code that is good for 60 seconds. While the page is open
 * it fetches a new code every 30 s, so what staff scan is always fresh and a screenshot goes stale.
 */
export default function CardPage() {
  const session = useRequireLogin()
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [now, setNow] = useState(() => Date.now())
  const [refreshFailed, setRefreshFailed] = useState(false)
  const visible = useRef(true)
  const inFlight = useRef(false)

  const load = useCallback(async () => {
    if (inFlight.current) return
    inFlight.current = true
    try {
      const card = await fetchCard()
      setState({ kind: 'card', card, fetchedAt: Date.now() })
      setRefreshFailed(false)
    } catch (error) {
      if (isApiError(error) && error.code === 'NOT_A_MEMBER') {
        const mine = await fetchMyApplications(1).catch(() => null)
        setState({ kind: 'not_member', application: mine?.data[0] ?? null })
      } else {
        // A failed refresh keeps the card on screen; its code shows as expired when it is.
        setState((s) => (s.kind === 'card' ? s : { kind: 'failed', error }))
        setRefreshFailed(true)
      }
    } finally {
      inFlight.current = false
    }
  }, [])

  const [withdrawing, setWithdrawing] = useState(false)
  const withdraw = async (app: ApplicationResponse) => {
    const { confirm } = await Taro.showModal({
      title: '撤回入会申请',
      content: `确定撤回加入${app.orgName}的申请吗？撤回后填写的身份证号码将被删除，需要时可以重新扫码申请。`,
      confirmText: '确定撤回',
      cancelText: '不撤回'
    })
    if (!confirm) return
    setWithdrawing(true)
    try {
      await withdrawApplication(app.id)
      Taro.showToast({ title: '已撤回申请', icon: 'none' })
    } catch (err) {
      // Decided meanwhile: the reload below shows what became of it.
      if (!(isApiError(err) && err.code === 'APPLICATION_NOT_PENDING')) showError(err)
    } finally {
      setWithdrawing(false)
    }
    await load()
  }

  useDidShow(() => {
    visible.current = true
    if (session) load()
  })
  useDidHide(() => {
    visible.current = false
  })

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])

  const fetchedAt = state.kind === 'card' ? state.fetchedAt : 0
  useEffect(() => {
    if (state.kind === 'card' && visible.current && now - fetchedAt >= REFRESH_MS) load()
  }, [now, fetchedAt, state.kind, load])

  if (!session) return <Page />

  if (state.kind === 'loading') {
    return (
      <Page className='card-page'>
        <Loading text='正在打开会员卡…' />
      </Page>
    )
  }
  if (state.kind === 'failed') {
    return (
      <Page className='card-page'>
        <ErrorRetry error={state.error} onRetry={load} />
      </Page>
    )
  }
  if (state.kind === 'not_member') {
    const app = state.application
    const pending = app?.status === 'pending'
    return (
      <Page className='card-page'>
        {pending ? (
          <>
            <Empty
              icon='审'
              text={`您申请加入${app.orgName}，正在${APPLICATION_STATUS_LABELS.pending}。通过后这里就会出现您的会员卡，结果也会发到消息中心。`}
              action={{ text: '查看消息中心', onClick: () => openPage(MESSAGES_PAGE) }}
            />
            <View className='card-page__withdraw'>
              <Button className='uh-btn uh-btn--quiet' disabled={withdrawing || undefined} onClick={() => withdraw(app)}>
                {withdrawing ? '正在撤回…' : '撤回申请'}
              </Button>
            </View>
          </>
        ) : (
          <Empty
            icon='卡'
            text={
              app?.status === 'rejected'
                ? `您的入会申请未通过：${app.rejectReason ?? ''}。可以重新扫码申请。`
                : app?.status === 'withdrawn'
                  ? '您已撤回入会申请，填写的身份证号码已删除。需要时可以重新扫码申请。'
                  : '您还不是工会会员。扫描单位工会的入会二维码，在线申请加入。'
            }
            action={{ text: '扫码入会', onClick: () => openPage(`${JOIN_PAGE}?scan=1`) }}
          />
        )}
      </Page>
    )
  }

  const { card } = state
  const age = now - state.fetchedAt
  const expired = age >= TOKEN_LIFETIME_MS
  const secondsToRefresh = Math.max(0, Math.ceil((REFRESH_MS - age) / 1000))

  return (
    <Page className='card-page'>
      <View className='member-card'>
        <Text className='member-card__org'>{card.orgName}</Text>
        <Text className='member-card__title'>工会会员卡</Text>
        <View className='member-card__rows'>
          <View className='member-card__row'>
            <Text className='member-card__label'>姓名</Text>
            <Text className='member-card__value'>{card.name}</Text>
          </View>
          <View className='member-card__row'>
            <Text className='member-card__label'>会员编号</Text>
            <Text className='member-card__value member-card__no'>{card.memberNo}</Text>
          </View>
          <View className='member-card__row'>
            <Text className='member-card__label'>入会日期</Text>
            <Text className='member-card__value'>{card.joinedAt}</Text>
          </View>
          <View className='member-card__row'>
            <Text className='member-card__label'>状态</Text>
            <Text className='member-card__value'>{membershipStatusLabel(card.status)}</Text>
          </View>
        </View>
      </View>

      <View className='uh-card card-qr' onClick={expired ? load : undefined}>
        <QrCode text={card.qr.token} label='会员卡二维码' dimmed={expired} />
        <Text className={expired ? 'card-qr__caption card-qr__caption--expired' : 'card-qr__caption'}>
          {expired ? (refreshFailed ? '网络不好，二维码已过期，点这里重试' : '二维码已过期，点这里刷新') : `请向工作人员出示 · ${secondsToRefresh} 秒后自动刷新`}
        </Text>
        <Button className='uh-btn uh-btn--quiet card-qr__refresh' onClick={load}>
          立即刷新
        </Button>
      </View>
      <Text className='uh-muted card-page__note'>二维码每{CARD_REFRESH_SECONDS}秒自动更新，一分钟后失效，截图无法使用。</Text>
    </Page>
  )
}
