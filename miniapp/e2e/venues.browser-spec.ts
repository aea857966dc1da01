import type { Page } from 'playwright-core';
import { addDays, businessTime, localDate, selfCheckInPageUrl } from '@unionhome/shared';
import { confirmModal, loginAs, loginBySmsHere, snap, switchTo, tapText, withStack } from './support/harness';

interface Slot {
  id: string;
  startsAt: string;
  booked: number;
  mine: { bookingId: string; status: string } | null;
}
interface Venue {
  id: string;
  name: string;
}

/** Confirms the H5 modal (Taro.showModal) that guards a booking or a cancellation, and waits until it has gone. */
async function confirmAndClose(page: Page, confirmText: string): Promise<void> {
  const button = await confirmModal(page, confirmText);
  await button.waitFor({ state: 'hidden' });
}

/** The slot card of a time, e.g. '19:00–20:00', on the day view (H5 keeps earlier pages in the DOM, hidden). */
const slotCard = (page: Page, time: string) => page.locator('.slots-page .vn-slot', { hasText: time });

/** Issue 5 in the H5 build: 张伟 books tomorrow's yoga course, sees it in 我的预约, cancels it, and the place comes back. */
describe('venue booking in the H5 build', () => {
  const app = withStack();
  let token: string;
  let yoga: Venue;
  const tomorrow = addDays(localDate(new Date()), 1);

  const tomorrowsYoga = async (): Promise<Slot> => {
    const res = await app.stack.api<Slot[]>('GET', `/venues/${yoga.id}/slots?date=${tomorrow}`, undefined, token);
    return res.body[0];
  };

  beforeAll(async () => {
    token = await app.stack.token('13800000001');
    const venues = await app.stack.api<Venue[]>('GET', '/venues', undefined, token);
    yoga = venues.body.find((v) => v.name === '瑜伽课')!;
  });

  it('张伟 picks the yoga course tomorrow and books it after a confirmation', async () => {
    const { page } = app.browser;
    await loginAs(page, app.stack.baseUrl, '13800000001', '/pages/index/index');
    await tapText(page, '场馆预约');
    const card = page.locator('[aria-label="瑜伽课"]');
    await card.waitFor();
    await page.getByText('提前7天8:00开放预约').first().waitFor();
    await snap(page, 'venues-01-list');

    await card.click();
    await page.locator('.slots-page').getByText('明天', { exact: true }).click();
    const yogaSlot = slotCard(page, '19:00–20:00');
    await yogaSlot.waitFor();
    await yogaSlot.getByText('已约 0/20').waitFor();
    await yogaSlot.getByText('可约', { exact: true }).waitFor();
    await snap(page, 'venues-02-slots-tomorrow');

    await yogaSlot.getByText('预约', { exact: true }).click();
    await page.locator('.taro-modal__text', { hasText: '开始前2小时可取消' }).waitFor();
    await snap(page, 'venues-03-confirm');
    await confirmAndClose(page, '确认预约');
    await yogaSlot.getByText('我已预约').waitFor();
    await yogaSlot.getByText('已约 1/20').waitFor();
    await snap(page, 'venues-04-booked');

    const slot = await tomorrowsYoga();
    expect(slot).toMatchObject({ booked: 1, mine: { status: 'confirmed' } });
  });

  it('sees it in 我的预约 with the cancellation cut-off, cancels it after a confirmation', async () => {
    const { page } = app.browser;
    await slotCard(page, '19:00–20:00').getByText('我已预约').click();
    const booking = page.locator('.my-bookings-page .uh-card', { hasText: '瑜伽课' }).first();
    await booking.waitFor();
    await booking.getByText('已预约', { exact: true }).waitFor();
    await booking.getByText(/开始前2小时可取消（截止 .*17:00）/).waitFor();
    await snap(page, 'venues-05-my-bookings');

    await booking.getByText('取消预约', { exact: true }).click();
    await page.locator('.taro-modal__text', { hasText: '取消后名额会让给其他职工' }).waitFor();
    await snap(page, 'venues-06-cancel-confirm');
    await confirmAndClose(page, '确定取消');
    await page.locator('.my-bookings-page').getByText('还没有要去的预约').waitFor();
    await page.locator('.my-bookings-page').getByText('历史记录', { exact: true }).click();
    await page.locator('.my-bookings-page .uh-card', { hasText: '瑜伽课' }).getByText('已取消', { exact: true }).waitFor();
    await snap(page, 'venues-07-cancelled');
  });

  it('back on the day view, the place has come back', async () => {
    const { page } = app.browser;
    await page.goBack();
    const yogaSlot = slotCard(page, '19:00–20:00');
    await yogaSlot.getByText('已约 0/20').waitFor();
    await yogaSlot.getByText('预约', { exact: true }).waitFor();
    expect(await yogaSlot.getByText('我已预约').count()).toBe(0);
    await snap(page, 'venues-08-place-back');
    expect(await tomorrowsYoga()).toMatchObject({ booked: 0, mine: null });
  });

  it('venue staff check 张伟 in at the door by pasting his card QR (H5 has no scanner)', async () => {
    const { page } = app.browser;
    const staff = await app.stack.token('13800000004');
    const venue = await app.stack.api<Venue>('POST', '/venues', { name: '乒乓球室', kind: 'room', rules: { capacity: 8 } }, staff);
    expect(venue.status).toBe(201);
    // a slot starting in two minutes: inside the check-in window (from an hour before the start)
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 120_000);
    const slot = await app.stack.api<{ id: string }>('POST', `/venues/${venue.body.id}/slots`, { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() }, staff);
    expect(slot.status).toBe(201);
    expect((await app.stack.api('POST', '/bookings', { slotId: slot.body.id }, token)).status).toBe(201);

    await switchTo(page, app.stack.baseUrl, '13800000004', '/packages/workbench/pages/index/index');
    await tapText(page, '场馆签到');
    const checkIn = page.locator('.check-in-page');
    await checkIn.getByText('乒乓球室', { exact: true }).click();
    await checkIn.getByText('名单（0人已签到）').waitFor();
    // the card QR of 张伟's phone, valid for 60 seconds
    const card = await app.stack.api<{ qr: { token: string } }>('GET', '/me/card', undefined, token);
    await checkIn.getByPlaceholder('粘贴会员卡二维码的内容').fill(card.body.qr.token);
    await checkIn.getByText('签到', { exact: true }).click();
    await checkIn.getByText('签到成功', { exact: true }).waitFor();
    await checkIn.getByText('名单（1人已签到）').waitFor();
    await checkIn.locator('.vn-roster__row', { hasText: '张*' }).getByText('已签到').waitFor();
    await snap(page, 'venues-09-check-in');
  });

  it('in 长辈模式 the day view grows and still fits the phone', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000001', '/pages/mine/index');
    await page.getByText('长辈模式').first().waitFor();
    await page.locator('taro-switch-core, .weui-switch, input[type=checkbox]').first().click();
    await page.goto(`${app.stack.baseUrl}/#/packages/venues/pages/slots/index?venueId=${yoga.id}&date=${tomorrow}`);
    const yogaSlot = slotCard(page, '19:00–20:00');
    await yogaSlot.getByText('预约', { exact: true }).waitFor();
    await page.waitForFunction(() => document.querySelector('.slots-page.elder') !== null);
    const fontSize = await yogaSlot.getByText('19:00–20:00').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThan(24);
    // nothing sticks out sideways: every part of the slot card stays inside the viewport
    const overflow = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.slots-page .vn-slot *')).some((el) => el.getBoundingClientRect().right > window.innerWidth + 1),
    );
    expect(overflow).toBe(false);
    await snap(page, 'venues-10-slots-elder');
  });
});

/**
 * DESIGN §4 "the member scans the venue's code", in the H5 build: staff open the venue's 签到码 (a
 * screen for the door whose code rotates) and replace it once; 张伟, booked for a slot starting in
 * half an hour, pastes the replaced code (refused) and the new one (checked in) from 我的预约; then
 * opens the QR's link on a phone not logged in.
 */
describe('self check-in by the venue’s code on the door screen in the H5 build', () => {
  const app = withStack();
  let member: string;
  let staff: string;
  let venue: Venue;
  let slotId: string;
  let when: string;
  const codes: string[] = [];

  /** Opens a link as a fresh page load, as a phone's camera or WeChat's scanner does. */
  const openLink = async (page: Page, url: string) => {
    await page.goto('about:blank');
    await page.goto(url);
  };

  beforeAll(async () => {
    member = await app.stack.token('13800000001');
    staff = await app.stack.token('13800000004');
    const created = await app.stack.api<Venue>('POST', '/venues', { name: '羽毛球馆', kind: 'room', rules: { capacity: 4 } }, staff);
    expect(created.status).toBe(201);
    venue = created.body;
    // a slot starting in half an hour: check-in opens an hour before the start, so it is open now
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 30 * 60_000);
    const end = new Date(start.getTime() + 3_600_000);
    when = `${businessTime(start)}–${businessTime(end)}`;
    const slot = await app.stack.api<{ id: string }>('POST', `/venues/${venue.id}/slots`, { startsAt: start.toISOString(), endsAt: end.toISOString() }, staff);
    expect(slot.status).toBe(201);
    slotId = slot.body.id;
    expect((await app.stack.api('POST', '/bookings', { slotId }, member)).status).toBe(201);
  });

  it('venue staff open the venue’s 签到码 from 场馆与时段 (it changes by itself), and replace it only after a confirmation', async () => {
    const { page } = app.browser;
    await loginAs(page, app.stack.baseUrl, '13800000004', '/packages/workbench/pages/index/index');
    await tapText(page, '场馆与时段');
    await page.locator('.manage-venues-page .uh-card', { hasText: '羽毛球馆' }).getByText('签到码', { exact: true }).click();

    const sheet = page.locator('.venue-code-page');
    await sheet.locator('[aria-label="场馆签到二维码"]').waitFor();
    await sheet.getByText(/停留在本页面，会员用微信扫一扫即可签到/).waitFor();
    await sheet.getByText('每2分钟自动更换', { exact: true }).waitFor();
    expect(await sheet.getByText('打印签到码').count()).toBe(0);
    codes.push((await sheet.locator('.vc-sheet__code-text').innerText()).trim());
    // what the page shows is what the BFF issues now: the H5 link of 扫码签到 with the code (the same
    // code unless its 2-minute window just ended between the two reads)
    const issued = await app.stack.api<{ code: string; qrText: string; version: number; refreshInSeconds: number }>('GET', `/venues/${venue.id}/check-in-code`, undefined, staff);
    expect(issued.body).toMatchObject({ qrText: selfCheckInPageUrl(app.stack.baseUrl, issued.body.code), version: 1 });
    if (issued.body.refreshInSeconds < 115) expect(issued.body.code).toBe(codes[0]);
    expect(Number(await sheet.locator('[aria-label="场馆签到二维码"]').getAttribute('data-modules'))).toBeGreaterThan(21);
    await snap(page, 'venues-11-check-in-code');

    await sheet.getByText('立即更换签到码', { exact: true }).click();
    await page.locator('.taro-modal__text', { hasText: '刚才拍下或转发的签到码全部失效' }).waitFor();
    await snap(page, 'venues-12-replace-code-confirm');
    await confirmAndClose(page, '确定更换');
    await page.waitForFunction((old) => document.querySelector('.vc-sheet__code-text')?.textContent?.trim() !== old, codes[0]);
    codes.push((await sheet.locator('.vc-sheet__code-text').innerText()).trim());
    expect(codes[1]).not.toBe(codes[0]);
    expect(codes[1].split('.')[1]).toBe('2');
    await snap(page, 'venues-13-code-replaced');
  });

  it('张伟 taps 扫码签到 on his booking and pastes the code: the replaced print is refused, the new one checks him in', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000001', '/packages/venues/pages/mine/index');
    const booking = page.locator('.my-bookings-page .uh-card', { hasText: '羽毛球馆' });
    await booking.getByText('现在可以签到：到场后扫门口屏幕上的签到码').waitFor();
    await snap(page, 'venues-14-my-booking-check-in-open');
    await booking.getByText('扫码签到', { exact: true }).click();

    const scanIn = page.locator('.scan-in-page');
    const field = scanIn.getByPlaceholder('粘贴或输入签到码');
    await scanIn.getByText(/在微信外打开时无法直接扫码/).waitFor();
    await snap(page, 'venues-15-scan-in-paste');
    await field.fill(codes[0]);
    await scanIn.getByText('签到', { exact: true }).click();
    await scanIn.getByText('这个签到码已被工作人员更换，请扫描场馆门口屏幕上最新的签到码').waitFor();
    expect(await scanIn.getByText('再试一次').count()).toBe(0);
    await snap(page, 'venues-16-old-code-refused');

    await scanIn.getByText('重新输入签到码', { exact: true }).click();
    await field.fill(selfCheckInPageUrl(app.stack.baseUrl, codes[1]));
    await scanIn.getByText('签到', { exact: true }).click();
    const result = scanIn.locator('[role="status"]');
    await result.getByText('已签到', { exact: true }).waitFor();
    await result.getByText('羽毛球馆').waitFor();
    await result.getByText(new RegExp(`月\\d+日 ${when}$`)).waitFor();
    await snap(page, 'venues-17-checked-in');

    const roster = await app.stack.api<Array<{ status: string; nameMasked: string }>>('GET', `/slots/${slotId}/bookings`, undefined, staff);
    expect(roster.body).toEqual([expect.objectContaining({ status: 'checked_in', nameMasked: '张*' })]);
  });

  it('the QR’s link opened on a phone not logged in: log in, back on 扫码签到, it says 已签到过', async () => {
    const { page } = app.browser;
    // the code on the screen at this moment (it rotates every two minutes)
    const shown = await app.stack.api<{ code: string }>('GET', `/venues/${venue.id}/check-in-code`, undefined, staff);
    codes[1] = shown.body.code;
    await page.evaluate(() => localStorage.clear());
    await openLink(page, selfCheckInPageUrl(app.stack.baseUrl, codes[1]));
    await loginBySmsHere(page, app.stack, '13800000001');
    const result = page.locator('.scan-in-page [role="status"]');
    await result.getByText('已签到过', { exact: true }).waitFor();
    await result.getByText('羽毛球馆').waitFor();
    expect(page.url()).toContain(`scan-in/index?code=${codes[1]}`);
    await snap(page, 'venues-18-already-checked-in');
  });
});
