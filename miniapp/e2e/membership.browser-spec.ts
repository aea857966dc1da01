import type { Page } from 'playwright-core';
import { idNumberCheckChar, INVITE_TOKEN_LENGTH } from '@unionhome/shared';
import { confirmModal, loginAs, loginBySmsHere, shot as saveShot, withStack } from './support/harness';

// The encoder the card page draws with, to check the drawn code is the token's code.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const qrcode = require('qrcode/lib/core/qrcode') as { create(data: Array<{ data: number[]; mode: 'byte' }>, o: { errorCorrectionLevel: 'M' }): { modules: { size: number } } };

/** 李娜, born 1996-08-08. */
const LINA_ID = ((first17: string) => first17 + idNumberCheckChar(first17))('33060219960808221');
const BAD_CHECK = LINA_ID.slice(0, 17) + (LINA_ID[17] === '0' ? '1' : '0');

/**
 * Taps the visible element with exactly this text. Earlier pages stay in the H5 DOM (hidden) while
 * they are on the navigation stack, so the first match is not always the one on screen.
 */
async function tap(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).filter({ visible: true }).first().click();
}

/** A screenshot once the page's slide-in transition has finished. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await saveShot(page, name);
}

/** A form field's text box by its label (the required mark may follow the label). */
function field(page: Page, label: string) {
  return page.getByRole('textbox', { name: new RegExp(`^${label}\\s*\\*?$`) }).filter({ visible: true });
}

/** Issue 3 in the H5 build: officer makes a join QR → a new worker opens its link and applies → officer approves → the card shows a QR. */
describe('join by QR and the membership card in the H5 build', () => {
  const app = withStack();
  let joinUrl = '';

  it('the officer (13800000002) creates a join QR code from 工作台 and sees it big, with the union name under it', async () => {
    const { page } = app.browser;
    await loginAs(page, app.stack.baseUrl, '13800000002', '/packages/workbench/pages/index/index');
    await tap(page, '入会二维码');
    await page.getByText('新建入会二维码').waitFor();
    await page.locator('[role=radio]', { hasText: '7天' }).click();
    await page.getByLabel('最多可用次数').fill('60');
    await shot(page, 'membership-01-officer-new-invite');
    await tap(page, '生成二维码');

    await page.getByText('扫码加入工会').waitFor();
    const qr = page.locator('.invite-sheet__qr img[src^="data:image/png;base64,"]');
    await qr.waitFor();
    expect((await qr.boundingBox())!.width).toBeGreaterThan(250); // big enough to print or show across a table
    await page.locator('.invite-sheet__org', { hasText: '示范基层工会' }).waitFor();
    joinUrl = (await page.locator('.invite-page__url').innerText()).trim();
    expect(joinUrl).toMatch(new RegExp(`^${app.stack.baseUrl.replace(/[.]/g, '\\.')}/#/pages/join/index\\?scene=[0-9A-Z]{${INVITE_TOKEN_LENGTH}}$`));
    await page.getByText('已使用').waitFor();
    await shot(page, 'membership-02-officer-invite-qr');
  });

  it('a new worker (13800000007) opens the join link, fills the form with inline checks, reads and accepts, logs in and applies', async () => {
    const { page } = app.browser;
    // A fresh visitor: nobody logged in on this phone.
    await page.evaluate(() => localStorage.clear());
    await page.goto(joinUrl);
    await page.reload();

    await page.locator('.join-org__name', { hasText: '示范基层工会' }).waitFor();
    await page.getByText('会员权利义务告知').first().waitFor();

    await field(page, '姓名').fill('李娜');
    // The same GB 11643 check as the BFF, inline as she types.
    await field(page, '身份证号码').fill(BAD_CHECK);
    await page.getByText('身份证号码校验位不正确，请核对').waitFor();
    await field(page, '手机号码').fill('1380000');
    await field(page, '手机号码').blur();
    await page.getByText('手机号码应为11位数字').waitFor();
    await shot(page, 'membership-03-join-inline-errors');

    await field(page, '身份证号码').fill(LINA_ID);
    await page.getByText('身份证号码校验位不正确，请核对').waitFor({ state: 'detached' });
    await field(page, '手机号码').fill('13800000007');
    await field(page, '工作单位').fill('美团外卖越城站');
    await page.locator('[role=radiogroup][aria-label="职业"] [role=radio]', { hasText: '外卖员' }).click();

    // The notice must be read to the end before it can be accepted.
    const acceptNotice = page.locator('[role=checkbox][aria-label^="我已阅读并同意"]');
    expect(await acceptNotice.getAttribute('aria-disabled')).toBe('true');
    await acceptNotice.click({ force: true }); // a tap anyway only explains why not
    await page.getByText('请先读完会员权利义务告知').waitFor();
    expect(await acceptNotice.getAttribute('aria-checked')).toBe('false');
    await page.locator('.join-notice__scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.getByText('已读完全文').waitFor();
    await acceptNotice.click();
    expect(await acceptNotice.getAttribute('aria-checked')).toBe('true');
    // The separate consent for the ID number, with its purpose and retention.
    await page.getByText(/保存期限/).waitFor();
    await page.locator('[role=checkbox][aria-label^="我同意工会"]').click();
    await shot(page, 'membership-04-join-form-filled');

    // Not logged in yet: the button says so, login brings her back with the form as she left it.
    await tap(page, '登录后提交');
    await loginBySmsHere(page, app.stack, '13800000007');
    await page.locator('.join-org__name', { hasText: '示范基层工会' }).waitFor();
    expect(await field(page, '身份证号码').inputValue()).toBe(LINA_ID);
    await tap(page, '提交入会申请');

    await page.getByText('入会申请已提交').waitFor();
    await page.getByText(/审核结果会发到“消息中心”/).waitFor();
    await shot(page, 'membership-05-join-submitted');
  });

  it('the officer approves it in 入会审核, where the ID number shows masked', async () => {
    const { page } = app.browser;
    await loginAs(page, app.stack.baseUrl, '13800000002', '/packages/workbench/pages/index/index');
    await tap(page, '入会审核');
    const item = page.locator('[aria-label="李娜的入会申请"]');
    await item.waitFor();
    await item.getByText(`身份证 ${LINA_ID.slice(0, 4)}**********${LINA_ID.slice(-4)}`).waitFor();
    expect(await page.content()).not.toContain(LINA_ID);
    await shot(page, 'membership-06-officer-pending');
    await item.locator('taro-button-core', { hasText: '通过' }).click();
    await confirmModal(page, '确定通过');
    await item.waitFor({ state: 'detached' });
    await tap(page, '已通过');
    await page.locator('[aria-label="李娜的入会申请"]').getByText(/会员编号 M330602\d{6}/).waitFor();
    await page.waitForTimeout(2600); // the toast with the new member number fades
    await shot(page, 'membership-07-officer-approved');
  });

  it('the worker’s card page shows her card and a QR code that staff can verify, refreshed every 30 seconds', async () => {
    const { page } = app.browser;
    const firstCard = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/card') && r.status() === 200);
    await loginAs(page, app.stack.baseUrl, '13800000007', '/packages/membership/pages/card/index');
    const card = (await (await firstCard).json()) as { memberNo: string; qr: { token: string } };

    await page.getByText('工会会员卡').waitFor();
    await page.getByText('李娜', { exact: true }).waitFor();
    await page.getByText(card.memberNo).waitFor();
    const qr = page.locator('[role=img][aria-label="会员卡二维码"]');
    await qr.waitFor();
    // The drawn code is the token's code: as many rows as the encoder makes modules.
    const modules = qrcode.create([{ data: Array.from(card.qr.token, (c) => c.charCodeAt(0)), mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules.size;
    expect(await qr.getAttribute('data-modules')).toBe(String(modules));
    expect(await qr.locator('.qr__row').count()).toBe(modules);
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(Math.abs(box.width - box.height)).toBeLessThan(2);
    await page.getByText(/秒后自动刷新/).waitFor();
    await shot(page, 'membership-08-member-card');

    // Venue staff scan it: valid, name masked.
    const staff = await app.stack.token('13800000004');
    const verified = await app.stack.api<{ valid: boolean; nameMasked: string }>('POST', '/cards/verify', { token: card.qr.token }, staff);
    expect(verified.body).toMatchObject({ valid: true, memberNo: card.memberNo, nameMasked: '李*', orgName: '示范基层工会' });

    // While the page stays open, a new code arrives within about 30 seconds.
    const next = await page.waitForResponse((r) => r.url().endsWith('/api/v1/me/card') && r.status() === 200, { timeout: 45_000 });
    const refreshed = (await next.json()) as { qr: { token: string } };
    expect(refreshed.qr.token).not.toBe(card.qr.token);

    // And she has the approval in her message centre.
    const messages = await app.stack.api<{ data: Array<{ title: string }> }>('GET', '/me/messages', undefined, await app.stack.token('13800000007'));
    expect(messages.body.data[0].title).toBe('入会申请已通过');
  });
});
