import Taro from '@tarojs/taro'
import { render, screen } from '@testing-library/react'
import type { MessageResponse } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { ZHANG_WEI, loginAs } from '../../../test/fixtures'
import { reloadSession } from '@/store/session'
import MessagesPage from './index'

const requestMock = Taro.request as unknown as jest.Mock

function serveMessages(data: MessageResponse[]): void {
  requestMock.mockImplementation(async (call: { url: string }) => {
    if (!call.url.startsWith('/api/v1/me/messages?')) throw new Error(`unexpected ${call.url}`)
    return { statusCode: 200, data: { data, total: data.length, page: 1, limit: 20 } }
  })
}

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  resetTaroMock()
  reloadSession()
  setCurrentPage('/pages/messages/index')
})

afterEach(() => {
  jest.runOnlyPendingTimers()
  jest.useRealTimers()
})

describe('消息中心', () => {
  it('lists the messages with title, body and time', async () => {
    loginAs(ZHANG_WEI)
    serveMessages([
      { id: 'm1', title: '理赔已受理', body: '您的医疗互助申请已受理。', createdAt: '2026-11-20T09:30:00+08:00', readAt: null, link: null }
    ])

    render(<MessagesPage />)

    expect(await screen.findByText('理赔已受理')).toBeTruthy()
    expect(screen.getByText('您的医疗互助申请已受理。')).toBeTruthy()
    expect(screen.getByText('2026-11-20 09:30')).toBeTruthy()
    expect(screen.getByLabelText('未读')).toBeTruthy()
    expect(requestMock.mock.calls[0][0].url).toBe('/api/v1/me/messages?page=1&limit=20')
  })

  it('says when there are no messages', async () => {
    loginAs(ZHANG_WEI)
    serveMessages([])
    render(<MessagesPage />)
    expect(await screen.findByText('暂无消息')).toBeTruthy()
  })

  it('sends a logged-out person to log in, replacing this page', () => {
    render(<MessagesPage />)
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${encodeURIComponent('/pages/messages/index')}` })
    expect(requestMock).not.toHaveBeenCalled()
  })
})
