import type { Locator, Page } from 'playwright-core';
import { confirmModal, loginAs, snap, switchTo, switchToBySms, tapText, withStack } from './support/harness';

/**
 * Issue 11 item 5 in the H5 build: the admin grants an officer by phone to someone who has never
 * logged in, the officer logs in and has the officer's workbench, the admin revokes it again.
 */

/** Visible elements only: Taro's H5 router keeps earlier pages in the DOM, hidden. */
const visible = (l: Locator) => l.locator('visible=true').first();
const field = (page: Page, label: string) => visible(page.getByLabel(new RegExp(`^${label}\\*?$`)));

describe('staff and roles in the H5 build', () => {
  const app = withStack();

  it('the admin (13800000006) grants 周杰 (13900000011, new) the officer role of 顺达快递基层工会', async () => {
    const { page } = app.browser;
    await loginAs(page, app.stack.baseUrl, '13800000006', '/packages/workbench/pages/index/index');
    await tapText(page, '人员与权限');
    await visible(page.getByText('王芳', { exact: true })).waitFor();
    await visible(page.getByText('138****0002 · 示范基层工会', { exact: true })).waitFor();
    await snap(page, 'staff-01-list');

    await tapText(page, '＋ 授予权限');
    await field(page, '手机号码').fill('13900000011');
    await field(page, '姓名').fill('周杰');
    await visible(page.getByRole('radio', { name: '基层工会干部' })).click();
    await field(page, '所在的工会组织').fill('顺达');
    await snap(page, 'staff-02-org-search', visible(page.getByRole('radio', { name: '顺达快递基层工会' })));
    await visible(page.getByRole('radio', { name: '顺达快递基层工会' })).click();
    await visible(page.getByText('基层工会 · DEMO-COURIER', { exact: true })).waitFor();
    await snap(page, 'staff-03-grant');
    await visible(page.locator('taro-button-core').filter({ hasText: /^\s*授予权限\s*$/ })).click();

    await visible(page.getByText('周杰', { exact: true })).waitFor();
    await visible(page.getByText('139****0011 · 顺达快递基层工会', { exact: true })).waitFor();
    await snap(page, 'staff-04-granted');
  });

  it('周杰 logs in and has the officer workbench of his union', async () => {
    const { page } = app.browser;
    await switchToBySms(page, app.stack, '13900000011', '/packages/workbench/pages/index/index');
    await visible(page.getByText('入会二维码', { exact: true })).waitFor();
    await visible(page.getByText('入会审核', { exact: true })).waitFor();
    expect(await page.getByText('人员与权限', { exact: true }).count()).toBe(0);
  });

  it('the admin revokes it after a confirmation naming him and the role', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000006', '/packages/admin/pages/staff/index');
    await visible(page.getByRole('button', { name: '收回周杰的基层工会干部权限' })).click();
    await visible(page.getByText('确定收回 周杰（139****0011）的“基层工会干部（顺达快递基层工会）”权限吗？', { exact: false })).waitFor();
    await snap(page, 'staff-05-revoke-confirm');
    await confirmModal(page, '收回');
    await visible(page.getByText('王芳', { exact: true })).waitFor();
    await page.waitForFunction(() => !document.body.innerText.includes('139****0011'));

    const token = await app.stack.token('13900000011');
    const me = await app.stack.api<{ roles: string[] }>('GET', '/me', undefined, token);
    expect(me.body.roles).not.toContain('officer');
  });
});
