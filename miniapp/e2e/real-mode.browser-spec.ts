import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { creditCodeCheckChar, idNumberCheckChar, INVITE_TOKEN_LENGTH } from '@unionhome/shared';
import { loginBySmsHere, runBffCommand, snap, switchToBySms, withStack } from './support/harness';

const key = () => randomBytes(32).toString('base64');
/** Real mode: no demo seed, no dev-login, the operator's own secrets (what `npm run secrets` prints). */
const REAL_MODE = { DEMO: 'false', TOKEN_SECRET: randomBytes(32).toString('hex'), PII_KEY: key(), PII_INDEX_KEY: key(), FILE_KEY: key() };

const credit = (first17: string) => first17 + creditCodeCheckChar(first17);
const TREE = [
  'code,name,type,parentCode,regionCode,creditCode',
  `YC-0001,绍兴某快递有限公司工会,grassroots,YC,330602,${credit('81330602MA0000001')}`,
  'YC,越城区总工会,district,SX,330602,',
  'SX,绍兴市总工会,city,,330600,',
].join('\r\n');
const WORKER_ID = ((first17: string) => first17 + idNumberCheckChar(first17))('33060219900101123');

/** Visible elements only: Taro's H5 router keeps earlier pages in the DOM, hidden. */
const visible = (l: Locator) => l.locator('visible=true').first();
const tap = (page: Page, text: string) => visible(page.getByText(text, { exact: true })).click();
const textbox = (page: Page, label: string) => visible(page.getByRole('textbox', { name: new RegExp(`^${label}\\s*\\*?$`) }));

/** Logs in by SMS code on a fresh app; outside the demo the login page offers no demo accounts. */
async function smsLogin(page: Page, app: ReturnType<typeof withStack>, phone: string, path: string): Promise<void> {
  await page.goto(`${app.stack.baseUrl}/#/pages/login/index`);
  await page.locator('input[placeholder="请输入11位手机号"]:visible').first().waitFor();
  expect(await page.locator('[aria-label^="演示账号"]').count()).toBe(0);
  await switchToBySms(page, app.stack, phone, path);
}

/**
 * Issue 11 end to end in real mode: from an empty database, the first admin is granted by the CLI,
 * logs in by SMS code, imports the union tree and grants an officer by phone; the officer logs in by
 * SMS code and prints a join QR; a worker joins through it.
 */
describe('a real service from an empty database (real mode)', () => {
  const app = withStack(REAL_MODE);
  let joinUrl = '';
  let officerRefreshToken = '';

  it('has no demo data and no dev-login; the CLI grants the first admin', async () => {
    expect((await app.stack.api('GET', '/health')).body).toMatchObject({ status: 'ok', demo: false });
    expect((await app.stack.api('POST', '/auth/dev-login', { phone: '13800000006' })).status).toBe(403);
    expect((await app.stack.api<unknown[]>('GET', '/orgs?code=DEMO-GRASSROOTS')).body).toEqual([]);
    const granted = await runBffCommand(app.stack, 'admin-cli.js', ['grant', '13700000001', 'admin', '--name', '王芳']);
    expect(granted.code).toBe(0);
    expect(granted.output.trim().split('\n')).toHaveLength(1);
  });

  it('the admin logs in by SMS code, imports the union tree and grants an officer by phone', async () => {
    const { page } = app.browser;
    await smsLogin(page, app, '13700000001', '/packages/admin/pages/orgs/index');
    const orgs = page.locator('.admin-orgs:visible');
    await orgs.getByText('导入', { exact: true }).click();
    const importer = page.locator('.admin-org-import:visible');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), importer.getByText('选择CSV文件', { exact: true }).click()]);
    await chooser.setFiles({ name: 'tree.csv', mimeType: 'text/csv', buffer: Buffer.from(TREE, 'utf8') });
    await importer.getByText('开始导入', { exact: true }).click();
    await importer.getByText('新建3个组织，更新0个组织。').waitFor();
    await snap(page, 'real-01-tree-imported');

    await page.goto(`${app.stack.baseUrl}/#/packages/admin/pages/staff/index`);
    await tap(page, '＋ 授予权限');
    // The grant page, once it has slid in (the list stays in the DOM beside it).
    await page.waitForFunction(() => location.hash.includes('staff-grant'));
    const form = page.locator('.staff-grant-page:visible');
    await form.getByRole('radio', { name: '基层工会干部' }).waitFor();
    await page.waitForTimeout(600);
    const input = (label: string) => form.getByRole('textbox', { name: new RegExp(`^${label}\\s*\\*?$`) });
    await input('手机号码').fill('13700000002');
    await input('姓名').fill('赵磊');
    await form.getByRole('radio', { name: '基层工会干部' }).click();
    await input('所在的工会组织').fill('快递');
    await form.getByRole('radio', { name: '绍兴某快递有限公司工会' }).click();
    await form.locator('taro-button-core').filter({ hasText: /^\s*授予权限\s*$/ }).click();
    await visible(page.getByText('137****0002 · 绍兴某快递有限公司工会', { exact: true })).waitFor();
    await snap(page, 'real-02-officer-granted');
  });

  it('the officer logs in by SMS code and prints a join QR code', async () => {
    const { page } = app.browser;
    await smsLogin(page, app, '13700000002', '/packages/workbench/pages/index/index');
    await tap(page, '入会二维码');
    await visible(page.getByText('新建入会二维码')).waitFor();
    await tap(page, '生成二维码');
    await visible(page.locator('.invite-sheet__org', { hasText: '绍兴某快递有限公司工会' })).waitFor();
    joinUrl = (await visible(page.locator('.invite-page__url')).innerText()).trim();
    // The officer's session on this phone, to look at the applications through the API afterwards.
    const stored = (await page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))))) as string;
    officerRefreshToken = /refreshToken\\*":\\*"([\w-]+)/.exec(stored)?.[1] ?? '';
    expect(officerRefreshToken).not.toBe('');
    expect(joinUrl).toMatch(new RegExp(`/#/pages/join/index\\?scene=[0-9A-Z]{${INVITE_TOKEN_LENGTH}}$`));
    await snap(page, 'real-03-invite');
  });

  it('a worker opens the join link, logs in by SMS code and applies', async () => {
    const { page } = app.browser;
    await page.goto('about:blank');
    await page.goto(joinUrl);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await visible(page.locator('.join-org__name', { hasText: '绍兴某快递有限公司工会' })).waitFor();
    await textbox(page, '姓名').fill('孙丽');
    await textbox(page, '身份证号码').fill(WORKER_ID);
    await textbox(page, '手机号码').fill('13700000003');
    await textbox(page, '工作单位').fill('绍兴某快递有限公司');
    await page.locator('[role=radiogroup][aria-label="职业"] [role=radio]', { hasText: '快递员' }).click();
    await page.locator('.join-notice__scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.getByText('已读完全文').waitFor();
    await page.locator('[role=checkbox][aria-label^="我已阅读并同意"]').click();
    await page.locator('[role=checkbox][aria-label^="我同意工会"]').click();
    await tap(page, '登录后提交');
    await loginBySmsHere(page, app.stack, '13700000003');
    await visible(page.locator('.join-org__name', { hasText: '绍兴某快递有限公司工会' })).waitFor();
    await tap(page, '提交入会申请');
    await page.getByText('入会申请已提交').waitFor();
    await snap(page, 'real-04-applied');

    // The officer sees it waiting; nobody else holds a role on this service.
    const refreshed = await app.stack.api<{ accessToken: string }>('POST', '/auth/refresh', { refreshToken: officerRefreshToken });
    const officerToken = refreshed.body.accessToken;
    const orgId = (await app.stack.api<Array<{ id: string }>>('GET', '/orgs?code=YC-0001')).body[0].id;
    const pending = await app.stack.api<{ data: Array<{ name: string }> }>('GET', `/orgs/${orgId}/membership-applications?status=pending`, undefined, officerToken);
    expect(pending.body.data.map((a) => a.name)).toEqual(['孙丽']);
  });
});
