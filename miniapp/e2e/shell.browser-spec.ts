import { loginAs, shot, withStack } from './support/harness';

/** Issue 2: the shell in the H5 build — login, 我的 with name and masked phone, 长辈模式. */
describe('H5 shell', () => {
  const app = withStack();

  it('serves the app and the API from one origin', async () => {
    const health = await app.stack.api<{ status: string }>('GET', '/health');
    expect(health.body.status).toBe('ok');
    const { page } = app.browser;
    await page.goto(`${app.stack.baseUrl}/`);
    await page.getByText('服务大厅').first().waitFor();
    for (const tile of ['扫码入会', '会员卡', '医疗互助', '场馆预约', '困难帮扶']) {
      await page.getByText(tile, { exact: true }).first().waitFor();
    }
    await shot(page, 'shell-01-service-hall');
  });

  it('logs in as 13800000001 and shows 张伟 with the masked phone on 我的', async () => {
    const { page } = app.browser;
    await loginAs(page, app.stack.baseUrl, '13800000001', '/pages/mine/index');
    await page.getByText('张伟').first().waitFor();
    await page.getByText('138****0001').first().waitFor();
    await page.getByText('示范基层工会').first().waitFor();
    expect(await page.content()).not.toContain('13800000001');
    await shot(page, 'shell-02-mine');
  });

  it('switches 长辈模式 on, makes the text larger, and remembers it across a reload', async () => {
    const { page } = app.browser;
    const nameSize = async () =>
      page.getByText('张伟').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await nameSize();
    await page.getByText('长辈模式').first().waitFor();
    await page.locator('taro-switch-core, .weui-switch, input[type=checkbox]').first().click();
    await page.waitForFunction((b) => {
      const el = Array.from(document.querySelectorAll('*')).find((e) => e.textContent === '张伟');
      return !!el && parseFloat(getComputedStyle(el).fontSize) > b;
    }, before);
    const after = await nameSize();
    expect(after).toBeGreaterThan(before);
    await shot(page, 'shell-03-elder-mode');
    await page.reload();
    await page.getByText('张伟').first().waitFor();
    expect(await nameSize()).toBeGreaterThan(before);
    // the session survived the reload too: still on 我的 with the name, no login page
    expect(page.url()).not.toContain('pages/login');
    await page.goto(`${app.stack.baseUrl}/#/pages/index/index`);
    await page.getByText('服务大厅').first().waitFor();
    await shot(page, 'shell-04-service-hall-elder');
  });
});
