import { loginAs, snap, switchTo, tapText, withStack } from './support/harness';

/**
 * Issue 11, items 6 and 7, in the H5 build: the officer of 示范基层工会 checks 张伟's card at a
 * walk-in (pasting the QR's content, as a browser has no scanner), and the admin then finds that
 * check in 操作日志 by the officer's phone and runs the integrity check.
 */
describe('card check and the audit log in the H5 build', () => {
  const app = withStack();

  it('the officer verifies the demo member’s card: valid, masked name, member number, union', async () => {
    const { page } = app.browser;
    const member = await app.stack.token('13800000001');
    const card = await app.stack.api<{ memberNo: string; qr: { token: string } }>('GET', '/me/card', undefined, member);
    expect(card.status).toBe(200);

    await loginAs(page, app.stack.baseUrl, '13800000002', '/packages/workbench/pages/index/index');
    await tapText(page, '核验会员卡');
    const verify = page.locator('.verify-page');
    await verify.getByText('在浏览器中无法扫码：请粘贴会员卡二维码的内容').waitFor();
    await verify.getByPlaceholder('粘贴会员卡二维码的内容').fill(card.body.qr.token);
    await verify.getByText('核验', { exact: true }).click();
    const result = verify.locator('.verify-result--ok');
    await result.getByText('有效会员', { exact: true }).waitFor();
    await result.getByText('张*', { exact: true }).waitFor();
    await result.getByText(`会员编号 ${card.body.memberNo}`).waitFor();
    await result.getByText('所在工会 示范基层工会').waitFor();
    await result.getByText('会籍状态 正常').waitFor();
    await snap(page, 'card-verify-01-valid', result);

    await verify.getByText('核验下一张', { exact: true }).click();
    await verify.getByPlaceholder('粘贴会员卡二维码的内容').fill(`${card.body.qr.token.slice(0, -2)}xx`);
    await verify.getByText('核验', { exact: true }).click();
    await verify.locator('.verify-result--bad').getByText('不是有效的会员卡', { exact: true }).waitFor();
    await snap(page, 'card-verify-02-invalid', verify.locator('.verify-result--bad'));
  });

  it('the admin finds that check in 操作日志 by the officer’s phone, and the log checks out', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000006', '/packages/workbench/pages/index/index');
    await tapText(page, '操作日志');
    const audit = page.locator('.audit-page');
    await audit.locator('.audit-row').first().waitFor();

    await audit.getByLabel('操作人手机号').fill('13800000002');
    await audit.getByText('查询', { exact: true }).click();
    await audit.getByText(/^找到 1 条/).waitFor();
    await audit.locator('.audit-row', { hasText: '核验会员卡' }).getByText(/^会员 /).waitFor();
    await snap(page, 'card-verify-03-audit-log');

    await audit.getByText('校验日志完整性', { exact: true }).click();
    await audit.getByText('日志完整', { exact: true }).waitFor();
    await audit.getByText(/^已校验全部 \d+ 条记录/).waitFor();
    await snap(page, 'card-verify-04-audit-verified', audit.locator('.audit-verdict'));
  });
});
