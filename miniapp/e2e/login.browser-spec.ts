import { Page } from 'playwright-core';
import { confirmModal, leftLoginPage, shot, withStack } from './support/harness';

/** SMS login in the H5 build: the BFF sends through Tencent Cloud SMS (a local stub that checks signatures). */
describe('H5 login by SMS code', () => {
  const app = withStack();

  const button = (page: Page, text: RegExp) => page.locator('taro-button-core:visible').filter({ hasText: text }).first();

  /** The code the stub "delivered" to this phone after `since` messages. */
  async function codeFor(phone: string, since: number): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const msg = app.stack.sms.sent.slice(since).find((s) => s.phone === phone);
      if (msg) return msg.params[0];
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no SMS reached ${phone}`);
  }

  async function askForCode(page: Page, phone: string): Promise<string> {
    const since = app.stack.sms.sent.length;
    await page.goto(`${app.stack.baseUrl}/#/pages/login/index?redirect=${encodeURIComponent('/pages/mine/index')}`);
    await page.getByPlaceholder('请输入11位手机号').fill(phone);
    await button(page, /^\s*获取验证码\s*$/).click();
    await button(page, /秒后可重新获取/).waitFor();
    return codeFor(phone, since);
  }

  it('logs 张伟 in with the code from the SMS, after a wrong one, and shows 我的', async () => {
    const { page } = app.browser;
    const code = await askForCode(page, '13800000001');
    expect(code).toMatch(/^\d{6}$/);
    expect(app.stack.sms.sent.at(-1)).toMatchObject({ phoneNumber: '+8613800000001', templateId: '100001', params: [code, '5'] });
    expect(app.stack.sms.refused).toEqual([]);
    await page.getByText('验证码已发送至 138****0001，5分钟内有效').first().waitFor();
    await shot(page, 'login-01-code-sent');

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByPlaceholder('请输入6位验证码').fill(wrong);
    await button(page, /^\s*登录\s*$/).click();
    await page.getByText('验证码不正确，请核对后重新输入').first().waitFor();
    await shot(page, 'login-02-wrong-code');

    await page.getByPlaceholder('请输入6位验证码').fill(code);
    await button(page, /^\s*登录\s*$/).click();
    await leftLoginPage(page);
    await page.getByText('张伟').first().waitFor();
    await page.getByText('138****0001').first().waitFor();
    await shot(page, 'login-03-mine');
  });

  it('makes a new phone a new account, and logging out voids its refresh token at the BFF', async () => {
    const { page } = app.browser;
    await page.goto('about:blank');
    const phone = '13912345678';
    const code = await askForCode(page, phone);
    await page.getByPlaceholder('请输入6位验证码').fill(code);
    await button(page, /^\s*登录\s*$/).click();
    await leftLoginPage(page);
    await page.getByText('139****5678').first().waitFor();

    // Taro's H5 storage wraps the app's JSON string in its own {data} envelope.
    const refreshToken = await page.evaluate(() => {
      const unwrap = (v: unknown): unknown => (typeof v === 'string' ? unwrap(JSON.parse(v)) : v);
      const stored = unwrap(localStorage.getItem('uh.session')) as { data?: unknown; refreshToken?: string };
      return stored.refreshToken ?? (unwrap(stored.data) as { refreshToken?: string }).refreshToken;
    });
    expect(refreshToken).toBeTruthy();

    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
    await button(page, /^\s*退出登录\s*$/).click();
    await confirmModal(page, '退出登录');
    await page.getByText('您还没有登录，登录后可查看会员信息').first().waitFor();
    expect((await loggedOut).status()).toBe(204);
    // The copy of the session taken before the logout can no longer be renewed.
    const refresh = await app.stack.api<{ code: string }>('POST', '/auth/refresh', { refreshToken });
    expect([refresh.status, refresh.body.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
  });

  it('shows the demo accounts, because this BFF runs the demo', async () => {
    const { page } = app.browser;
    await page.goto('about:blank');
    await page.goto(`${app.stack.baseUrl}/#/pages/login/index`);
    await page.locator('[aria-label="演示账号 138****0001"]:visible').first().waitFor();
    await shot(page, 'login-04-demo-accounts');
  });
});
