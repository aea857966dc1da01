import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { MessageResponse } from '@unionhome/shared'
import { fetchMessages } from '@/api/me'
import { showError } from '@/api/request'
import { Empty, ErrorRetry, Loading, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { formatInstant } from '@/utils/format'
import { openPage } from '@/utils/navigation'
import './index.css'

interface ListState {
  items: MessageResponse[]
  total: number
  page: number
  loading: boolean
  error: unknown
}

const FIRST: ListState = { items: [], total: 0, page: 0, loading: true, error: undefined }

export default function MessagesPage() {
  const session = useRequireLogin()
  const [list, setList] = useState<ListState>(FIRST)
  const busy = useRef(false)

  /** page 1 replaces the list (first show, pull to refresh); later pages append. */
  const load = useCallback(async (page: number) => {
    if (busy.current) return
    busy.current = true
    setList((l) => ({ ...l, loading: true, error: undefined }))
    try {
      const res = await fetchMessages(page)
      setList((l) => ({
        items: page === 1 ? res.data : [...l.items, ...res.data],
        total: res.total,
        page,
        loading: false,
        error: undefined
      }))
    } catch (error) {
      setList((l) => ({ ...l, loading: false, error }))
      // With messages already on screen, a toast is enough; the empty page shows ErrorRetry.
      if (page > 1) showError(error)
    } finally {
      busy.current = false
    }
  }, [])

  useDidShow(() => {
    if (session) load(1)
  })

  usePullDownRefresh(() => {
    load(1).finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    if (list.items.length < list.total && !list.loading) load(list.page + 1)
  })

  if (!session) return <Page />

  let body
  if (list.items.length === 0 && list.error) body = <ErrorRetry error={list.error} onRetry={() => load(1)} />
  else if (list.items.length === 0 && (list.loading || list.page === 0)) body = <Loading />
  else if (list.items.length === 0) body = <Empty icon='信' text='暂无消息' />
  else {
    body = (
      <>
        {list.items.map((m) => (
          <MessageItem key={m.id} message={m} />
        ))}
        <Text className='uh-muted messages-page__end'>
          {list.items.length < list.total ? (list.loading ? '正在加载…' : '上拉加载更多') : '没有更多消息了'}
        </Text>
      </>
    )
  }

  return <Page className='messages-page'>{body}</Page>
}

function MessageItem({ message }: { message: MessageResponse }) {
  const open = () => {
    if (!message.link) return
    openPage(message.link).catch(() => Taro.showToast({ title: '该页面暂时无法打开', icon: 'none' }))
  }
  return (
    <View
      className='uh-card messages-page__item'
      hoverClass={message.link ? 'uh-row--pressed' : 'none'}
      onClick={open}
      role={message.link ? 'button' : undefined}
    >
      <View className='messages-page__head'>
        {message.readAt ? null : <View className='messages-page__dot' aria-label='未读' />}
        <Text className='messages-page__title'>{message.title}</Text>
      </View>
      <Text className='messages-page__body'>{message.body}</Text>
      <View className='messages-page__foot'>
        <Text className='uh-muted'>{formatInstant(message.createdAt)}</Text>
        {message.link ? <Text className='messages-page__more'>查看详情 ›</Text> : null}
      </View>
    </View>
  )
}
