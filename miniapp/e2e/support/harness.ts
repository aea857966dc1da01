import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { maskPhone } from '@unionhome/shared';
import { freshDatabase } from '../../../bff/test/support/fresh-database';
import { startTencentSmsStub, TencentSmsStub } from '../../../bff/test/support/tencent-sms-stub';

const ROOT = resolve(__dirname, '../../..');
export const RESULTS_DIR = join(ROOT, 'test-results');

export interface Stack {
  /** e.g. http://127.0.0.1:41234 — the H5 app at /, the API at /api/v1 */
  baseUrl: string;
  api<T = unknown>(method: string, path: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  /** dev-login through the API (for staff steps that are not under test). */
  token(phone: string): Promise<string>;
  /** The Tencent Cloud SMS the BFF sends through: read the login codes it "delivered" here. */
  sms: TencentSmsStub;
  /** The environment the BFF runs with (its database, keys, SMS), for a command run beside it. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the built BFF (bff/dist) serving the H5 build (miniapp/dist/h5) on a fresh database —
 * temporary SQLite, or a new MySQL database when TEST_DB_URL is set — as a separate process,
 * exactly as `npm start` runs it.
 */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const db = await freshDatabase();
  const smsSecret = { secretId: 'AKIDharnessstub', secretKey: 'harness-stub-secret-key' };
  const sms = await startTencentSmsStub({ ...smsSecret, loginTemplateId: '100001' });
  // Tencent SMS through the local stub, so the SMS login runs as in production; DEMO stays on
  // for the seed and the demo accounts the other specs log in with.
  const smsEnv = {
    SMS_PROVIDER: 'tencent',
    SMS_API_BASE: sms.url,
    TENCENTCLOUD_SECRET_ID: smsSecret.secretId,
    TENCENTCLOUD_SECRET_KEY: smsSecret.secretKey,
    SMS_SDK_APP_ID: '1400000001',
    SMS_SIGN_NAME: '职工e家',
    SMS_TEMPLATE_LOGIN: '100001',
  };
  const bffEnv: Record<string, string> = { DEMO: 'true', ...db.env, LOG_LEVEL: 'warn', AUTH_RATE_LIMIT: '100000', RATE_LIMIT_ADDRESS: '100000000', H5_DIR: join(ROOT, 'miniapp/dist/h5'), ...smsEnv, ...env };
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bff/dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...bffEnv, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`BFF did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/[^/\s]+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`BFF exited with ${code}:\n${output}`)));
  }).catch(async (err: unknown) => {
    await sms.close();
    throw err;
  });
  const api: Stack['api'] = async (method, path, body, token, headers = {}) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    baseUrl,
    api,
    sms,
    env: bffEnv,
    token: async (phone) => {
      const r = await api<{ accessToken: string }>('POST', '/auth/dev-login', { phone });
      if (r.status !== 200) throw new Error(`dev-login ${phone}: ${r.status}`);
      return r.body.accessToken;
    },
    stop: async () => {
      child.removeAllListeners('exit');
      await new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
      await sms.close();
      await db.drop();
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Debian Chromium, phone-sized, Chinese locale, in a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'uh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a browser spec drives: the running stack and the browser, both set by `withStack()`'s beforeAll. */
export interface StackAndBrowser {
  stack: Stack;
  browser: Browser;
}

/**
 * Runs a command of the built BFF (e.g. `admin-cli.js grant …`) beside the stack, against its database
 * with its environment, as an operator would; resolves with what it printed and its exit code.
 */
export function runBffCommand(stack: Stack, script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [join(ROOT, 'bff/dist', script), ...args], { cwd: ROOT, env: { ...process.env, ...stack.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => ok({ code, output }));
  });
}

/**
 * Registers the jest hooks every browser spec needs: beforeAll starts the stack and the browser,
 * afterAll closes them. Call it first in the `describe`, so that a spec's own beforeAll, registered
 * after it, runs with both in place. The fields of the returned handle are set once beforeAll has run.
 */
export function withStack(env: Record<string, string> = {}): StackAndBrowser {
  const app = {} as StackAndBrowser;
  beforeAll(async () => {
    app.stack = await startStack(env);
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.stack?.stop();
  });
  return app;
}

/** Saves a full-page screenshot to test-results/<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A screenshot once Taro's page slide (or a modal's fade-in) has finished, optionally with `focus`
 * scrolled into view (H5 pages scroll inside their own container, so a full-page shot shows one screen).
 */
export async function snap(page: Page, name: string, focus?: Locator): Promise<void> {
  if (focus) await focus.scrollIntoViewIfNeeded();
  await page.waitForTimeout(600);
  await shot(page, name);
}

/**
 * Logs in through the H5 login page as a person would — by tapping the demo account (dev-login;
 * SMS login has its own spec, and its one-code-a-minute rule would slow every switch of person) —
 * and waits until the app has left the login page. Starts from `path` (a hash route) when given.
 */
export async function loginAs(page: Page, baseUrl: string, phone: string, path = '/pages/mine/index'): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index?redirect=${encodeURIComponent(path)}`);
  await page.locator(`[aria-label="演示账号 ${maskPhone(phone)}"]:visible`).first().click();
  await leftLoginPage(page);
}

/**
 * On the login page already shown (a page sent the person there), logs in by SMS as a person
 * would: phone, 获取验证码, the code from the SMS (the stub), 登录. Does not wait for the next page.
 */
export async function loginBySmsHere(page: Page, stack: Stack, phone: string): Promise<void> {
  const since = stack.sms.sent.length;
  await page.locator('input[placeholder="请输入11位手机号"]:visible').first().fill(phone);
  await page.locator('taro-button-core:visible').filter({ hasText: /^\s*获取验证码\s*$/ }).first().click();
  let code: string | undefined;
  for (let i = 0; i < 100 && !code; i++) {
    code = stack.sms.sent.slice(since).find((s) => s.phone === phone)?.params[0];
    if (!code) await page.waitForTimeout(100);
  }
  if (!code) throw new Error(`no SMS code reached ${phone}: ${JSON.stringify(stack.sms.refused)}`);
  await page.locator('input[placeholder="请输入6位验证码"]:visible').first().fill(code);
  await page.locator('taro-button-core:visible').filter({ hasText: /^\s*登录\s*$/ }).first().click();
}

/** Waits until the app has left the login page and its slide-out has finished. */
export async function leftLoginPage(page: Page): Promise<void> {
  await page.waitForFunction(() => !location.hash.includes('pages/login/index'), null, { timeout: 15_000 });
  // The login page slides away: wait until it is gone so screenshots show only the new page.
  await page.locator('.login-page').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(400);
}

/**
 * Logs in as someone else on a freshly loaded app, as on another phone: Taro's H5 router keeps
 * earlier pages hidden in the DOM, and those would still hold the previous person's screens.
 */
export async function switchTo(page: Page, baseUrl: string, phone: string, path: string): Promise<void> {
  await page.goto('about:blank');
  await loginAs(page, baseUrl, phone, path);
}

/**
 * Logs in by SMS code as someone who is no demo account (a person just granted a role, a new worker),
 * on a freshly loaded app as on another phone, and waits until the app has left the login page.
 */
export async function switchToBySms(page: Page, stack: Stack, phone: string, path: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${stack.baseUrl}/#/pages/login/index?redirect=${encodeURIComponent(path)}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await loginBySmsHere(page, stack, phone);
  await leftLoginPage(page);
}

/** Confirms the H5 modal (Taro.showModal) that guards a decision; resolves with its confirm button. */
export async function confirmModal(page: Page, confirmText: string): Promise<Locator> {
  const button = page.locator('.taro-model__confirm', { hasText: confirmText });
  await button.waitFor({ state: 'visible' });
  await button.click();
  return button;
}

/** Clicks the first visible element with exactly this text (Taro renders custom elements). */
export async function tapText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text, { exact: typeof text === 'string' }).first().click();
}
