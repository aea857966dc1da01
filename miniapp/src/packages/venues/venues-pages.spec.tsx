import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import {
  addDays,
  DEFAULT_VENUE_RULES,
  localDate,
  type MeResponse,
  type MyBookingResponse,
  type SelfCheckInResponse,
  type SlotResponse,
  type VenueCheckInCodeResponse,
  type VenueResponse
} from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../test/mocks/taro'
import { loginAs, ZHANG_WEI } from '../../../test/fixtures'
import { reloadElderMode } from '@/store/elder'
import { clearSession, reloadSession } from '@/store/session'
import CheckInPage from './pages/check-in/index'
import VenuesPage from './pages/index/index'
import ManageVenuesPage from './pages/manage/index'
import MyBookingsPage from './pages/mine/index'
import ScanInPage from './pages/scan-in/index'
import SchedulePage from './pages/schedule/index'
import SlotsPage from './pages/slots/index'
import VenueCodePage from './pages/venue-code/index'
import VenueEditPage from './pages/venue-edit/index'
import { scanVenueCode } from './scan-venue-code'
import { serve } from '../../../test/fixtures'

const requestMock = Taro.request as unknown as jest.Mock
const showModalMock = Taro.showModal as unknown as jest.Mock


const today = localDate(new Date())
const tomorrow = addDays(today, 1)
const at = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`

const YOGA: VenueResponse = {
  id: 'v-yoga',
  orgId: 'o-palace',
  name: '瑜伽课',
  kind: 'course',
  description: '零基础晚间瑜伽',
  location: '文化宫三楼',
  active: true,
  rules: { ...DEFAULT_VENUE_RULES, capacity: 20, maxPerDay: 1, maxPerWeek: 3, cancelCutoffHours: 2 }
}

function slot(id: string, hhmm: string, over: Partial<SlotResponse> = {}): SlotResponse {
  const [h, m] = hhmm.split(':').map(Number)
  const end = `${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`
  return {
    id,
    venueId: YOGA.id,
    startsAt: at(tomorrow, hhmm),
    endsAt: at(tomorrow, end),
    capacity: 20,
    booked: 0,
    waitlisted: 0,
    status: 'open',
    opensAt: at(addDays(tomorrow, -7), '08:00'),
    mine: null,
    ...over
  }
}

const STAFF: MeResponse = { id: 'u4', name: '刘洋', phoneMasked: '138****0004', roles: ['venue_staff'], staffOrg: { id: 'o-palace', name: '示范工人文化宫' }, membership: null }

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  reloadElderMode()
  loginAs(ZHANG_WEI)
})

describe('场馆预约: venue list', () => {
  it('shows each venue with its rules in plain words and opens its slots', async () => {
    setCurrentPage('/packages/venues/pages/index/index')
    serve({ 'GET /venues': () => [YOGA], 'GET /me/booking-account': () => ({ suspendedUntil: null, reason: null }) })

    render(<VenuesPage />)

    const card = await screen.findByRole('button', { name: '瑜伽课' })
    for (const text of ['提前7天8:00开放预约', '仅限工会会员', '开始前2小时可取消', '每人每天1次、每周3次', '约满可排队候补', '地点：文化宫三楼']) {
      expect(within(card).getByText(text)).toBeTruthy()
    }
    fireEvent.click(card)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/venues/pages/slots/index?venueId=v-yoga' })
    fireEvent.click(screen.getByText('我的预约'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/venues/pages/mine/index' })
    fireEvent.click(screen.getByText('扫码签到'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/venues/pages/scan-in/index?scan=1' })
  })

  it('says why and until when booking is suspended', async () => {
    serve({ 'GET /venues': () => [YOGA], 'GET /me/booking-account': () => ({ suspendedUntil: '2026-12-20T21:15:00+08:00', reason: '30天内2次预约未到场' }) })
    render(<VenuesPage />)
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '因30天内2次预约未到场，预约功能暂停至12月20日 21:15，到期后自动恢复。已有的预约不受影响。')
  })

  it('offers a retry when the list does not load', async () => {
    serve({ 'GET /venues': () => ({ statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '系统开小差了' } }), 'GET /me/booking-account': () => ({ suspendedUntil: null, reason: null }) })
    render(<VenuesPage />)
    expect(await screen.findByText('重新加载')).toBeTruthy()
  })
})

describe('场馆预约: day strip and slots', () => {
  const open = () => {
    setCurrentPage('/packages/venues/pages/slots/index', { venueId: YOGA.id })
    render(<SlotsPage />)
  }

  it('shows 可约 / 余N / 已满 / 候补N / 未开放 at a glance, and the day strip switches days', async () => {
    const calls = serve({
      'GET /venues/v-yoga': () => YOGA,
      'GET /venues/v-yoga/slots': (c) =>
        c.url.includes(`date=${tomorrow}`)
          ? [
              slot('s1', '09:00'),
              slot('s2', '10:00', { booked: 17 }),
              slot('s3', '11:00', { booked: 20, status: 'full' }),
              slot('s4', '12:00', { booked: 20, waitlisted: 2, status: 'full' }),
              slot('s5', '19:00', { status: 'not_yet_open' })
            ]
          : []
    })
    open()

    expect(await screen.findByText('这一天没有开放的时段，换一天看看')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: `明天 ${tomorrow.slice(5)}` }))
    await screen.findByText('09:00–10:00')
    for (const badge of ['可约', '余3', '已满', '候补2', '未开放']) expect(screen.getByText(badge)).toBeTruthy()
    expect(screen.getByText('已约 17/20')).toBeTruthy()
    expect(screen.getAllByText('预约')).toHaveLength(2)
    expect(screen.getAllByText('排队候补')).toHaveLength(2)
    expect(calls.filter((c) => c.url.includes('/slots')).map((c) => c.url.split('date=')[1])).toEqual([today, tomorrow])
  })

  it('books with one tap and a confirmation, sending an Idempotency-Key, then shows the new count', async () => {
    let booked = 0
    const calls = serve({
      'GET /venues/v-yoga': () => YOGA,
      'GET /venues/v-yoga/slots': () => [slot('s1', '19:00', { booked, mine: booked ? { bookingId: 'b1', status: 'confirmed', position: null } : null })],
      'POST /bookings': () => {
        booked = 1
        return { statusCode: 201, data: { id: 'b1', slotId: 's1', status: 'confirmed' } }
      }
    })
    setCurrentPage('/packages/venues/pages/slots/index', { venueId: YOGA.id, date: tomorrow })
    render(<SlotsPage />)

    fireEvent.click(await screen.findByText('预约'))
    await screen.findByText('我已预约')
    expect(showModalMock.mock.calls[0][0]).toMatchObject({ title: '确认预约', confirmText: '确认预约', content: expect.stringMatching(/^瑜伽课，.*19:00–20:00。开始前2小时可取消。$/) })
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.data).toEqual({ slotId: 's1' })
    expect(post.header['Idempotency-Key']).toMatch(/.{8,}/)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '预约成功' }))
    expect(screen.getByText('已约 1/20')).toBeTruthy()
  })

  it('does nothing when the confirmation is declined', async () => {
    const calls = serve({ 'GET /venues/v-yoga': () => YOGA, 'GET /venues/v-yoga/slots': () => [slot('s1', '19:00')] })
    showModalMock.mockResolvedValueOnce({ confirm: false, cancel: true })
    setCurrentPage('/packages/venues/pages/slots/index', { venueId: YOGA.id, date: tomorrow })
    render(<SlotsPage />)
    fireEvent.click(await screen.findByText('预约'))
    await waitFor(() => expect(showModalMock).toHaveBeenCalled())
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('joins the waitlist of a full slot and says the place in line', async () => {
    serve({
      'GET /venues/v-yoga': () => YOGA,
      'GET /venues/v-yoga/slots': () => [slot('s1', '19:00', { booked: 20, waitlisted: 1, status: 'full' })],
      'POST /bookings': (c) => ({ statusCode: 201, data: { id: 'b2', slotId: c.data.slotId, status: 'waitlisted', position: 2 } })
    })
    setCurrentPage('/packages/venues/pages/slots/index', { venueId: YOGA.id, date: tomorrow })
    render(<SlotsPage />)
    fireEvent.click(await screen.findByText('排队候补'))
    await waitFor(() => expect(showModalMock).toHaveBeenCalledTimes(2))
    expect(requestMock.mock.calls.find(([c]) => c.method === 'POST')[0].data).toEqual({ slotId: 's1', waitlist: true })
    expect(showModalMock.mock.calls[1][0]).toMatchObject({ title: '已加入候补', content: expect.stringContaining('您是候补第2位') })
  })

  it('explains a refusal with the server’s detail, and retries a lost answer with the same key', async () => {
    let attempt = 0
    const calls = serve({
      'GET /venues/v-yoga': () => YOGA,
      'GET /venues/v-yoga/slots': () => [slot('s1', '19:00')],
      'POST /bookings': () => {
        attempt++
        if (attempt === 1) throw new Error('request:fail timeout')
        return { statusCode: 422, data: { code: 'BOOKING_LIMIT_REACHED', message: '该场馆每人每天最多预约1次', details: { period: 'day', limit: 1 } } }
      }
    })
    setCurrentPage('/packages/venues/pages/slots/index', { venueId: YOGA.id, date: tomorrow })
    render(<SlotsPage />)

    fireEvent.click(await screen.findByText('预约'))
    await waitFor(() => expect(showModalMock).toHaveBeenCalledTimes(2))
    expect(showModalMock.mock.calls[1][0]).toMatchObject({ title: '没有预约成功', content: '网络不太好，请稍后重试' })
    await act(async () => undefined)
    fireEvent.click(screen.getByText('预约'))
    await waitFor(() => expect(showModalMock).toHaveBeenCalledTimes(4))
    expect(showModalMock.mock.calls[3][0]).toMatchObject({ content: '该场馆每人每天最多预约1次' })
    const keys = calls.filter((c) => c.method === 'POST').map((c) => c.header['Idempotency-Key'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })
})

describe('我的预约', () => {
  const booking = (over: Partial<MyBookingResponse> = {}): MyBookingResponse => ({
    id: 'b1',
    slotId: 's1',
    status: 'confirmed',
    position: null,
    venue: { id: YOGA.id, name: '瑜伽课', kind: 'course', location: '文化宫三楼' },
    startsAt: at(tomorrow, '19:00'),
    endsAt: at(tomorrow, '20:00'),
    cancelDeadline: at(tomorrow, '17:00'),
    canCancel: true,
    createdAt: at(today, '08:00'),
    checkedInAt: null,
    ...over
  })

  it('lists upcoming bookings with the cut-off and the waitlist position, and cancels after a confirmation', async () => {
    let cancelled = false
    const calls = serve({
      'GET /me/bookings': (c) =>
        c.url.includes('scope=upcoming')
          ? { data: cancelled ? [] : [booking(), booking({ id: 'b2', slotId: 's2', status: 'waitlisted', position: 3, startsAt: at(tomorrow, '21:00'), endsAt: at(tomorrow, '22:00') })], total: 2, page: 1, limit: 100 }
          : { data: [booking({ id: 'b0', status: 'cancelled', canCancel: false })], total: 1, page: 1, limit: 100 },
      'GET /me/booking-account': () => ({ suspendedUntil: null, reason: null }),
      'POST /bookings/b1/cancel': () => {
        cancelled = true
        return { status: 'cancelled' }
      }
    })
    setCurrentPage('/packages/venues/pages/mine/index')
    render(<MyBookingsPage />)

    expect(await screen.findByText(`开始前2小时可取消（截止 ${Number(tomorrow.slice(5, 7))}月${Number(tomorrow.slice(8))}日 17:00）`)).toBeTruthy()
    expect(screen.getByText('候补第3位')).toBeTruthy()
    expect(screen.getByText('退出候补')).toBeTruthy()
    fireEvent.click(screen.getByText('取消预约'))
    await screen.findByText('还没有要去的预约')
    expect(showModalMock.mock.calls[0][0]).toMatchObject({ title: '取消预约', content: expect.stringContaining('取消后名额会让给其他职工') })
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/bookings/b1/cancel'))).toBe(true)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消预约' }))

    fireEvent.click(screen.getByRole('tab', { name: '历史记录' }))
    expect(await screen.findByText('已取消')).toBeTruthy()
    expect(screen.queryByText('取消预约')).toBeNull()
  })

  it('offers 扫码签到 on a booking whose check-in has opened, and says from when for a later one', async () => {
    const soon = Date.now() + 30 * 60_000
    serve({
      'GET /me/bookings': () => ({
        data: [
          booking({ id: 'b-soon', canCancel: false, startsAt: new Date(soon).toISOString(), endsAt: new Date(soon + 3_600_000).toISOString() }),
          booking({ id: 'b-tomorrow' })
        ],
        total: 2,
        page: 1,
        limit: 100
      }),
      'GET /me/booking-account': () => ({ suspendedUntil: null, reason: null })
    })
    render(<MyBookingsPage />)

    fireEvent.click(await screen.findByText('扫码签到'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/venues/pages/scan-in/index?scan=1' })
    expect(screen.getAllByText('扫码签到')).toHaveLength(1)
    expect(screen.getByText(`${Number(tomorrow.slice(5, 7))}月${Number(tomorrow.slice(8))}日 18:00起可到场扫码签到`)).toBeTruthy()
  })

  it('says the cut-off has passed, and shows a refusal in plain words', async () => {
    serve({
      'GET /me/bookings': () => ({ data: [booking({ canCancel: false })], total: 1, page: 1, limit: 100 }),
      'GET /me/booking-account': () => ({ suspendedUntil: null, reason: null })
    })
    render(<MyBookingsPage />)
    expect(await screen.findByText(/已过取消时间（截止 .*17:00），如不能到场请联系场馆/)).toBeTruthy()
    expect(screen.queryByText('取消预约')).toBeNull()
  })
})

describe('场馆签到 (staff, H5)', () => {
  beforeEach(() => loginAs(STAFF))

  it('checks a member in with the pasted card QR and shows who it was', async () => {
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    const calls = serve({
      'GET /venues/managed': () => [YOGA],
      'GET /venues/v-yoga/slots': (c) =>
        c.url.includes(`date=${localDate(new Date(now))}`)
          ? [slot('s-over', '06:00', { startsAt: iso(now - 7_200_000), endsAt: iso(now - 3_600_000) }), slot('s-now', '19:00', { startsAt: iso(now - 600_000), endsAt: iso(now + 3_000_000), booked: 1 })]
          : [],
      'GET /slots/s-now/bookings': () => [{ bookingId: 'b1', status: 'confirmed', nameMasked: '张*', position: null, checkedInAt: null }],
      'POST /check-ins': (c) =>
        c.data.cardToken === 'good.token'
          ? { statusCode: 201, data: { bookingId: 'b1', status: 'checked_in', memberNo: 'M330602000001', nameMasked: '张*', venueName: '瑜伽课', startsAt: iso(now), alreadyCheckedIn: false } }
          : { statusCode: 422, data: { code: 'CARD_QR_EXPIRED', message: '会员卡二维码已过期，请会员刷新后重新出示' } }
    })
    setCurrentPage('/packages/venues/pages/check-in/index')
    render(<CheckInPage />)

    const field = await screen.findByLabelText('会员卡二维码内容')
    // the slot that has ended is not offered; the one on now is chosen
    expect(screen.getAllByText(/已约\d+\/20/)).toHaveLength(1)
    expect(screen.getByText('在浏览器中无法扫码：请粘贴会员卡二维码的内容')).toBeTruthy()
    fireEvent.change(field, { target: { value: 'old.token' } })
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('会员卡二维码已过期，请会员刷新后重新出示')).toBeTruthy()

    fireEvent.change(field, { target: { value: ' good.token ' } })
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('签到成功')).toBeTruthy()
    expect(screen.getByText('会员编号 M330602000001')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.data)).toEqual([
      { cardToken: 'old.token', slotId: 's-now' },
      { cardToken: 'good.token', slotId: 's-now' }
    ])
    expect(Taro.scanCode).not.toHaveBeenCalled()
  })
})

describe('新建场馆', () => {
  const ADMIN: MeResponse = { id: 'u6', name: '陈静', phoneMasked: '138****0006', roles: ['admin'], staffOrg: null, membership: null }
  const PALACES = [
    { id: 'o-palace', code: 'DEMO-PALACE', name: '示范工人文化宫', type: 'palace', parentId: null, regionCode: '330602' },
    { id: 'o-palace-2', code: 'KQ-PALACE', name: '柯桥区工人文化宫', type: 'palace', parentId: null, regionCode: '330603' }
  ]
  const created = (c: { data?: unknown }) => {
    const sent = c.data as Record<string, unknown>
    return { statusCode: 201, data: { ...YOGA, id: 'v-new', name: sent.name, orgId: sent.orgId ?? 'o-palace' } }
  }

  it('an admin picks the 文化宫 the venue belongs to (GET /orgs?type=palace) and it is sent', async () => {
    loginAs(ADMIN)
    const calls = serve({ 'GET /orgs': () => PALACES, 'POST /venues': created })
    setCurrentPage('/packages/venues/pages/venue-edit/index')
    render(<VenueEditPage />)
    const picker = await screen.findByRole('radiogroup', { name: '所属文化宫' })
    expect(calls[0].url).toContain('type=palace')

    fireEvent.change(screen.getByLabelText(/^名称/), { target: { value: '职工书屋' } })
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('请选择场馆所属的文化宫')).toBeTruthy()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.click(within(picker).getByRole('radio', { name: '柯桥区工人文化宫' }))
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(calls.find((c) => c.method === 'POST')!.data).toMatchObject({ name: '职工书屋', kind: 'course', orgId: 'o-palace-2' })
  })

  it('says so when there is no 文化宫 yet', async () => {
    loginAs(ADMIN)
    serve({ 'GET /orgs': () => [] })
    setCurrentPage('/packages/venues/pages/venue-edit/index')
    render(<VenueEditPage />)
    expect(await screen.findByText(/还没有文化宫/)).toBeTruthy()
  })

  it('venue staff are not asked: the venue is their own palace’s', async () => {
    loginAs(STAFF)
    const calls = serve({ 'POST /venues': created })
    setCurrentPage('/packages/venues/pages/venue-edit/index')
    render(<VenueEditPage />)
    fireEvent.change(await screen.findByLabelText(/^名称/), { target: { value: '羽毛球场' } })
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(screen.queryByRole('radiogroup', { name: '所属文化宫' })).toBeNull()
    expect(calls.map((c) => `${c.method} ${c.url.split('?')[0]}`)).toEqual(['POST /api/v1/venues'])
    expect(calls[0].data.orgId).toBeUndefined()
  })
})

describe('时段管理 (staff)', () => {
  beforeEach(() => loginAs(STAFF))

  it('generates every weekday 19:00–20:00 for four weeks, checking the form first', async () => {
    const calls = serve({
      'GET /venues/v-yoga': () => YOGA,
      'GET /venues/v-yoga/slots': () => [],
      'POST /venues/v-yoga/slots/recurring': (c) => ({ statusCode: 201, data: { created: 20, skipped: 0, fromDate: c.data.fromDate, toDate: addDays(c.data.fromDate, 27) } })
    })
    setCurrentPage('/packages/venues/pages/schedule/index', { venueId: YOGA.id })
    render(<SchedulePage />)
    await screen.findByText('按周重复生成')

    const ends = screen.getAllByLabelText('结束时间')
    fireEvent.change(ends[1], { target: { value: '18:00' } })
    fireEvent.click(screen.getByText('生成时段'))
    expect(await screen.findByText('结束时间应晚于开始时间')).toBeTruthy()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.change(ends[1], { target: { value: '20:00' } })
    fireEvent.click(screen.getByText('生成时段'))
    await waitFor(() => expect(showModalMock).toHaveBeenCalled())
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.data).toEqual({ fromDate: today, weeks: 4, weekdays: [1, 2, 3, 4, 5], startTime: '19:00', endTime: '20:00' })
    expect(showModalMock.mock.calls[0][0].content).toContain('新生成20个时段')
  })

  it('adds one slot on the chosen day, checking the form first; a lost answer is retried with the same key', async () => {
    let attempt = 0
    const calls = serve({
      'GET /venues/v-yoga': () => YOGA,
      'GET /venues/v-yoga/slots': () => [],
      'POST /venues/v-yoga/slots': (c) => {
        attempt++
        if (attempt === 1) throw new Error('request:fail timeout')
        return { statusCode: 201, data: slot('s-new', '19:00', { startsAt: c.data.startsAt, endsAt: c.data.endsAt, capacity: c.data.capacity }) }
      }
    })
    setCurrentPage('/packages/venues/pages/schedule/index', { venueId: YOGA.id })
    render(<SchedulePage />)
    await screen.findByText(`添加时段（${today}）`)

    fireEvent.change(screen.getAllByLabelText('开始时间')[0], { target: { value: '7点' } })
    fireEvent.change(screen.getAllByLabelText('名额')[0], { target: { value: '2.5' } })
    fireEvent.click(screen.getByText('添加时段'))
    expect(await screen.findByText('时间格式应为 时:分，例如 19:00')).toBeTruthy()
    expect(screen.getByText('名额应为整数')).toBeTruthy()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.change(screen.getAllByLabelText('开始时间')[0], { target: { value: '19:30' } })
    fireEvent.change(screen.getAllByLabelText('名额')[0], { target: { value: '12' } })
    fireEvent.click(screen.getByText('添加时段'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不太好，请稍后重试' })))
    await screen.findByText('添加时段')
    fireEvent.click(screen.getByText('添加时段'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已添加' })))

    const posts = calls.filter((c) => c.method === 'POST')
    expect(posts).toHaveLength(2)
    expect(posts[1].data).toEqual({ startsAt: at(today, '19:30'), endsAt: at(today, '20:00'), capacity: 12 })
    expect(posts[1].header['Idempotency-Key']).toBe(posts[0].header['Idempotency-Key'])
    expect(screen.queryByText('名额应为整数')).toBeNull()
  })
})

describe('扫码签到 (member)', () => {
  const CODE = 'v-yoga.1.AbCdEfGhIjKlMnOpQrStUv'
  const LINK = `https://uh.example.cn/#/packages/venues/pages/scan-in/index?code=${CODE}`
  const checkedIn = (over: Partial<SelfCheckInResponse> = {}): SelfCheckInResponse => ({
    bookingId: 'b1',
    status: 'checked_in',
    venueName: '瑜伽课',
    startsAt: at(today, '19:00'),
    endsAt: at(today, '20:00'),
    alreadyCheckedIn: false,
    ...over
  })
  const todayLabel = `${Number(today.slice(5, 7))}月${Number(today.slice(8))}日 19:00–20:00`
  const refusal = (statusCode: number, code: string, message: string, details?: Record<string, unknown>) => ({ statusCode, data: { code, message, details } })
  const open = (params: Record<string, string> = {}) => {
    setCurrentPage('/packages/venues/pages/scan-in/index', params)
    render(<ScanInPage />)
  }
  const posts = (calls: Array<{ method?: string; data?: unknown }>) => calls.filter((c) => c.method === 'POST').map((c) => c.data)

  it('opened by the printed link it checks in at once, showing that it is busy, then the venue and time', async () => {
    const calls = serve({ 'POST /me/check-ins': () => checkedIn() })
    open({ code: CODE })

    expect(screen.getByText('正在签到…')).toBeTruthy()
    const result = await screen.findByRole('status')
    expect(within(result).getByText('✓')).toBeTruthy()
    expect(within(result).getByText('已签到')).toBeTruthy()
    expect(within(result).getByText('瑜伽课')).toBeTruthy()
    expect(within(result).getByText(todayLabel)).toBeTruthy()
    expect(posts(calls)).toEqual([{ venueCode: CODE }])
    fireEvent.click(screen.getByText('查看我的预约'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/venues/pages/mine/index' })
  })

  it('a second scan says it was done already; 查看我的预约 goes back when it came from there', async () => {
    serve({ 'POST /me/check-ins': () => checkedIn({ alreadyCheckedIn: true }) })
    setCurrentPage('/packages/venues/pages/scan-in/index', { code: CODE }, [{ route: 'packages/venues/pages/mine/index' }, { route: 'packages/venues/pages/scan-in/index' }])
    render(<ScanInPage />)
    expect(await screen.findByText('已签到过')).toBeTruthy()
    expect(screen.getByText('这次预约之前已经签到了，不用再扫。')).toBeTruthy()
    fireEvent.click(screen.getByText('查看我的预约'))
    expect(Taro.navigateBack).toHaveBeenCalled()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('takes the code out of the whole link WeChat hands over as q', async () => {
    const calls = serve({ 'POST /me/check-ins': () => checkedIn() })
    open({ q: encodeURIComponent(LINK) })
    await screen.findByText('已签到')
    expect(posts(calls)).toEqual([{ venueCode: CODE }])
  })

  it('too early: shows the server’s words, and 再试一次 sends the same code again (a repeat is safe)', async () => {
    let attempt = 0
    const calls = serve({
      'POST /me/check-ins': () => (++attempt === 1 ? refusal(422, 'CHECK_IN_NOT_OPEN', '还没到签到时间，18:00起可签到', { opensAt: at(today, '18:00') }) : checkedIn())
    })
    open({ code: CODE })

    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('未能签到')).toBeTruthy()
    expect(within(alert).getByText('还没到签到时间，18:00起可签到')).toBeTruthy()
    fireEvent.click(screen.getByText('再试一次'))
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(posts(calls)).toEqual([{ venueCode: CODE }, { venueCode: CODE }])
  })

  it.each([
    [refusal(422, 'VENUE_CODE_INVALID', '这个签到码已被工作人员更换，请扫描场馆门口屏幕上最新的签到码'), '这个签到码已被工作人员更换，请扫描场馆门口屏幕上最新的签到码', false],
    [refusal(422, 'VENUE_CODE_EXPIRED', '签到码已过期，请扫描场馆门口屏幕上正在显示的签到码'), '签到码已过期，请扫描场馆门口屏幕上正在显示的签到码', false],
    [refusal(404, 'BOOKING_NOT_FOUND', '您现在在「瑜伽课」没有可签到的预约'), '您现在在「瑜伽课」没有可签到的预约', true],
    [refusal(400, 'VALIDATION_FAILED', '请求参数不正确'), '请扫描场馆门口的签到码', false]
  ])('shows why it failed in plain words (%#), offering a retry only where it can help', async (answer, text, retry) => {
    if (answer.data.code === 'VALIDATION_FAILED') Object.assign(answer.data, { fields: { venueCode: '请扫描场馆门口的签到码' } })
    serve({ 'POST /me/check-ins': () => answer })
    open({ code: CODE })
    expect(await screen.findByText(text)).toBeTruthy()
    expect(screen.queryByText('再试一次') !== null).toBe(retry)
    if (answer.data.code === 'BOOKING_NOT_FOUND') expect(screen.getByText('查看我的预约')).toBeTruthy()

    fireEvent.click(screen.getByText('重新输入签到码'))
    expect(screen.getByLabelText('签到码')).toBeTruthy()
  })

  it('without a code in a browser: paste the code or the link and tap 签到', async () => {
    const calls = serve({ 'POST /me/check-ins': () => checkedIn() })
    open()

    expect(screen.getByText(/在微信外打开时无法直接扫码/)).toBeTruthy()
    expect(screen.queryByText('扫一扫')).toBeNull()
    fireEvent.click(screen.getByText('签到'))
    expect(screen.getByText('请输入签到码')).toBeTruthy()
    expect(calls).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('签到码'), { target: { value: ` ${LINK} ` } })
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(posts(calls)).toEqual([{ venueCode: CODE }])
    expect(Taro.scanCode).not.toHaveBeenCalled()
  })

  it('not logged in: sends nothing and goes to log in, which brings the person back with the code', async () => {
    clearSession()
    const calls = serve({})
    open({ code: CODE })
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    const { url } = (Taro.redirectTo as unknown as jest.Mock).mock.calls[0][0]
    expect(url).toBe(`/pages/login/index?redirect=${encodeURIComponent(`/packages/venues/pages/scan-in/index?code=${CODE}`)}`)
    expect(calls).toHaveLength(0)
  })

  describe('WeChat’s scanner', () => {
    const scanCodeMock = Taro.scanCode as unknown as jest.Mock

    it('reads the code from the printed link, or from a mini-program code’s path', async () => {
      scanCodeMock.mockResolvedValueOnce({ errMsg: 'scanCode:ok', result: LINK, scanType: 'QR_CODE' })
      expect(await scanVenueCode()).toEqual({ code: CODE })
      scanCodeMock.mockResolvedValueOnce({ errMsg: 'scanCode:ok', result: '', path: `packages/venues/pages/scan-in/index?code=${encodeURIComponent(CODE)}` })
      expect(await scanVenueCode()).toEqual({ code: CODE })
      expect(scanCodeMock.mock.calls[0][0]).toMatchObject({ onlyFromCamera: true })
    })

    it('says when this phone cannot scan, and nothing when the scanner was closed', async () => {
      scanCodeMock.mockResolvedValueOnce({ errMsg: 'scanCode:fail 仅在微信中可用' })
      expect(await scanVenueCode()).toEqual({ unavailable: true })
      scanCodeMock.mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' })
      expect(await scanVenueCode()).toBeNull()
    })
  })
})

describe('签到码 (staff)', () => {
  beforeEach(() => loginAs(STAFF))
  afterEach(() => jest.useRealTimers())

  const sheet = (n: number, version = 1, refreshInSeconds = 120): VenueCheckInCodeResponse => {
    const code = `v-yoga.${version}.w${n}.Sig${n}xxxxxxxxxxxxxxxxxx`
    return { venueId: YOGA.id, venueName: '瑜伽课', code, qrText: `http://127.0.0.1:3000/#/packages/venues/pages/scan-in/index?code=${code}`, version, refreshInSeconds }
  }

  it('the venue list leads to each venue’s code', async () => {
    serve({ 'GET /venues/managed': () => [YOGA] })
    render(<ManageVenuesPage />)
    fireEvent.click(await screen.findByText('签到码'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/venues/pages/venue-code/index?venueId=v-yoga' })
  })

  it('a screen for the door: the QR of the link, the venue, and that it changes by itself; nothing to print', async () => {
    serve({ 'GET /venues/v-yoga/check-in-code': () => sheet(1) })
    setCurrentPage('/packages/venues/pages/venue-code/index', { venueId: YOGA.id })
    render(<VenueCodePage />)

    const qr = await screen.findByRole('img', { name: '场馆签到二维码' })
    expect(Number(qr.getAttribute('data-modules'))).toBeGreaterThan(21)
    for (const text of ['瑜伽课', '每2分钟自动更换', sheet(1).code]) expect(screen.getByText(text)).toBeTruthy()
    expect(screen.getByText(/停留在本页面/)).toBeTruthy()
    expect(screen.queryByText('打印签到码')).toBeNull()
  })

  it('fetches the next code when the BFF says the shown one is replaced, and keeps trying when the network fails', async () => {
    jest.useFakeTimers()
    let n = 0
    let fail = false
    const calls = serve({
      'GET /venues/v-yoga/check-in-code': () => (fail ? { statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' } } : sheet(++n, 1, 30))
    })
    setCurrentPage('/packages/venues/pages/venue-code/index', { venueId: YOGA.id })
    render(<VenueCodePage />)
    expect(await screen.findByText(sheet(1).code)).toBeTruthy()
    const drawing = screen.getByRole('img', { name: '场馆签到二维码' }).innerHTML

    await act(async () => { jest.advanceTimersByTime(29_000) })
    expect(screen.getByText(sheet(1).code)).toBeTruthy()
    await act(async () => { jest.advanceTimersByTime(1_000) })
    expect(await screen.findByText(sheet(2).code)).toBeTruthy()
    expect(screen.getByRole('img', { name: '场馆签到二维码' }).innerHTML).not.toBe(drawing)

    // the next fetch fails: the code shown stays (it is accepted a while longer), the staff are told, and it retries
    fail = true
    await act(async () => { jest.advanceTimersByTime(30_000) })
    expect(await screen.findByText(/签到码没能更新/)).toBeTruthy()
    expect(screen.getByText(sheet(2).code)).toBeTruthy()
    fail = false
    await act(async () => { jest.advanceTimersByTime(10_000) })
    expect(await screen.findByText(sheet(3).code)).toBeTruthy()
    expect(screen.queryByText(/签到码没能更新/)).toBeNull()
    expect(calls.filter((c) => c.method === 'GET').length).toBe(4)
  })

  it('replaces the code at once only after a confirmation', async () => {
    let version = 1
    const calls = serve({
      'GET /venues/v-yoga/check-in-code': () => sheet(1, version),
      'POST /venues/v-yoga/check-in-code/rotate': () => sheet(2, ++version)
    })
    setCurrentPage('/packages/venues/pages/venue-code/index', { venueId: YOGA.id })
    render(<VenueCodePage />)
    await screen.findByText(sheet(1).code)

    showModalMock.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByText('立即更换签到码'))
    await waitFor(() => expect(showModalMock).toHaveBeenCalledTimes(1))
    expect(showModalMock.mock.calls[0][0]).toMatchObject({ title: '立即更换签到码', content: expect.stringContaining('刚才拍下或转发的签到码全部失效') })
    await act(async () => undefined)
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.click(screen.getByText('立即更换签到码'))
    expect(await screen.findByText(sheet(2, 2).code)).toBeTruthy()
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/v1/venues/v-yoga/check-in-code/rotate'])
  })

  it('offers a retry when the code does not load', async () => {
    serve({ 'GET /venues/v-yoga/check-in-code': () => ({ statusCode: 404, data: { code: 'VENUE_NOT_FOUND', message: '没有找到该场馆' } }) })
    setCurrentPage('/packages/venues/pages/venue-code/index', { venueId: YOGA.id })
    render(<VenueCodePage />)
    expect(await screen.findByText('没有找到该场馆')).toBeTruthy()
    expect(screen.getByText('重新加载')).toBeTruthy()
  })
})
