import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { ZHANG_WEI, loginAs } from '../../../test/fixtures'
import { type ServiceTile } from '@/features'
import { reloadSession } from '@/store/session'
import IndexPage from './index'
import { ServiceHall } from './service-hall'

beforeEach(() => {
  jest.useFakeTimers()
  resetTaroMock()
  reloadSession()
  setCurrentPage('/pages/index/index')
})

afterEach(() => {
  jest.runOnlyPendingTimers()
  jest.useRealTimers()
})

describe('服务大厅', () => {
  it('shows the five services', () => {
    render(<ServiceHall />)
    for (const title of ['扫码入会', '会员卡', '医疗互助', '场馆预约', '困难帮扶']) {
      expect(screen.getByRole('button', { name: title })).toBeTruthy()
    }
  })

  it('says honestly that an unbuilt service is not there yet, and opens no page', () => {
    // The registry fills up as domains ship; an unbuilt tile is one whose url is still null.
    const tiles: ServiceTile[] = [{ key: 'claims', title: '医疗互助', subtitle: '', icon: '医', url: null }]
    render(<ServiceHall tiles={tiles} />)

    fireEvent.click(screen.getByRole('button', { name: '医疗互助' }))

    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '该功能正在建设中，敬请期待', showCancel: false }))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('opens a built service in its subpackage', () => {
    const tiles: ServiceTile[] = [{ key: 'venues', title: '场馆预约', subtitle: '', icon: '馆', color: '#12845a', url: '/packages/venues/pages/index/index' }]
    render(<ServiceHall tiles={tiles} />)
    fireEvent.click(screen.getByRole('button', { name: '场馆预约' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/venues/pages/index/index' })
    expect(Taro.showModal).not.toHaveBeenCalled()
  })

  it('sends a logged-out person to log in first when the service needs it, then on to the service', () => {
    const tiles: ServiceTile[] = [{ key: 'card', title: '会员卡', subtitle: '', icon: '卡', color: '#d9730d', url: '/packages/membership/pages/card/index', requiresLogin: true }]
    render(<ServiceHall tiles={tiles} />)
    fireEvent.click(screen.getByRole('button', { name: '会员卡' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/pages/login/index?redirect=${encodeURIComponent('/packages/membership/pages/card/index')}`
    })
  })

  it('greets a logged-in person by name', () => {
    loginAs(ZHANG_WEI)
    render(<IndexPage />)
    expect(screen.getByText('服务大厅')).toBeTruthy()
    expect(screen.getByText('张伟，您好！欢迎回到示范基层工会。')).toBeTruthy()
    expect(screen.queryByText('去登录')).toBeNull()
  })

  it('offers login to a guest and links the message centre', () => {
    render(<IndexPage />)
    expect(screen.getByText('去登录')).toBeTruthy()
    fireEvent.click(screen.getByText('消息中心'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/messages/index' })
  })
})
