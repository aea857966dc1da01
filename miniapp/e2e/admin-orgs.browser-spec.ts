import { creditCodeCheckChar } from '@unionhome/shared';
import type { Page } from 'playwright-core';
import { confirmModal, loginAs, snap, withStack } from './support/harness';

const credit = (first17: string) => first17 + creditCodeCheckChar(first17);

const HEADER = 'code,name,type,parentCode,regionCode,creditCode';
/** A small tree, children first; the second version has a wrong credit code on line 3. */
const GOOD = [
  HEADER,
  `KQ-0001,柯桥某纺织有限公司工会,grassroots,KQ-ST,330603,${credit('81330603MA0000001')}`,
  `KQ-0002,柯桥某印染有限公司工会,grassroots,KQ-ST,330603,${credit('81330603MA0000002')}`,
  'KQ-ST,柯桥街道总工会,street,KQ,330603001,',
  'KQ,柯桥区总工会,district,DEMO-CITY,330603,',
].join('\r\n');
const BAD = GOOD.replace(credit('81330603MA0000002'), `81330603MA0000002${creditCodeCheckChar('81330603MA0000002') === '0' ? '1' : '0'}`);

/** The visible page of a kind: Taro's H5 router keeps earlier pages hidden in the DOM. */
const on = (page: Page, className: string) => page.locator(`.${className}:visible`);

async function chooseCsv(page: Page, buttonText: string, csv: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), on(page, 'admin-org-import').getByText(buttonText, { exact: true }).click()]);
  await chooser.setFiles({ name: 'orgs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
}

/** Issue 11 item 4 in the H5 build: the admin imports part of the tree from CSV, then stops one union. */
describe('the union tree in the H5 build', () => {
  const app = withStack();

  it('the admin imports a CSV (a bad file first: nothing imported, the line named), sees the tree and stops a union', async () => {
    const { page } = app.browser;
    await loginAs(page, app.stack.baseUrl, '13800000006', '/packages/admin/pages/orgs/index');
    const list = on(page, 'admin-orgs');
    await list.getByText('示范基层工会', { exact: true }).waitFor();
    await snap(page, 'admin-orgs-01-tree');

    await list.getByText('导入', { exact: true }).click();
    await on(page, 'admin-org-import').getByText('模板说明').waitFor();
    await chooseCsv(page, '选择CSV文件', BAD);
    await on(page, 'admin-org-import').getByText('已选择：orgs.csv').waitFor();
    await on(page, 'admin-org-import').getByText('开始导入', { exact: true }).click();
    await on(page, 'admin-org-import').getByText('第3行：统一社会信用代码校验位不正确，请核对').waitFor();
    await snap(page, 'admin-orgs-02-import-refused');
    expect((await app.stack.api<unknown[]>('GET', '/orgs?code=KQ')).body).toEqual([]);

    await chooseCsv(page, '换一个文件', GOOD);
    await on(page, 'admin-org-import').getByText('开始导入', { exact: true }).click();
    await on(page, 'admin-org-import').getByText('新建4个组织，更新0个组织。').waitFor();
    await snap(page, 'admin-orgs-03-imported');
    await on(page, 'admin-org-import').getByText('返回组织列表').click();

    const imported = list.locator('[role=button][aria-label="柯桥某纺织有限公司工会"]');
    await imported.waitFor();
    expect(await imported.getAttribute('class')).toContain('org-depth-3');
    await imported.scrollIntoViewIfNeeded();
    await snap(page, 'admin-orgs-04-tree-after-import');

    await imported.click();
    const edit = on(page, 'admin-org-edit');
    await edit.getByText('停用该组织').click();
    await confirmModal(page, '停用');
    await edit.getByText('重新启用').waitFor();
    await snap(page, 'admin-orgs-05-stopped');
    expect((await app.stack.api<unknown[]>('GET', '/orgs?code=KQ-0001')).body).toEqual([]);

    await page.goBack();
    const stopped = list.locator('[role=button][aria-label="柯桥某纺织有限公司工会"]');
    await stopped.getByText('已停用').waitFor();
    expect(await stopped.getAttribute('class')).toContain('org-row--inactive');
  });
});
