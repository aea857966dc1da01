import sharp from 'sharp';
import { idNumberCheckChar } from '@unionhome/shared';
import type { Page } from 'playwright-core';
import { confirmModal, loginAs, snap, switchTo, tapText, withStack } from './support/harness';

const id18 = (first17: string) => first17 + idNumberCheckChar(first17);

/** 李娜's family: herself ¥1,800, her husband ¥600, their daughter 0; ¥900 of medical costs → ¥500.00 each. */
const FAMILY = [
  { relation: '本人', name: '李娜', idNumber: id18('33060219880412002'), income: '1800' },
  { relation: '配偶', name: '周强', idNumber: id18('33060219860101003'), income: '600' },
  { relation: '子女', name: '周小雨', idNumber: id18('33060220140909004'), income: '0' },
];

/** A tap on one of the app's big choice cards (role=radio / checkbox, named by its label). */
async function choose(page: Page, name: string, scope?: string): Promise<void> {
  const root = scope ? page.locator(`[role=radiogroup][aria-label="${scope}"]`) : page;
  await root.locator(`[role=radio][aria-label="${name}"], [role=checkbox][aria-label="${name}"]`).first().click();
}

/** Issue 6 in the H5 build: a non-member applies for hardship aid, the officer checks it, the reviewer approves it. */
describe('hardship aid in the H5 build', () => {
  const app = withStack();
  let archiveNo = '';

  it('李娜 (not a member) applies with a three-person household and a photo, sees the income test, and submits', async () => {
    const { page } = app.browser;
    await loginAs(page, app.stack.baseUrl, '13800000007', '/pages/index/index');
    await tapText(page, '困难帮扶');
    await page.getByText('不是工会会员也可以').first().waitFor();
    await snap(page, 'hardship-01-home');
    await tapText(page, '开始申请');

    // Step 1: the situation (six, each explained), the region, the union that checks it, her own words.
    await page.getByText('家里有人得了重病，看病花钱多，日常生活难以维持。').waitFor();
    await choose(page, '重大疾病支出');
    await choose(page, '越城区');
    await page.getByText('请哪个工会帮您初审？').waitFor();
    await choose(page, '示范基层工会');
    await page.locator('textarea').fill('丈夫突发脑梗住院，出院后每月康复治疗和药费约九百元，家里只靠我一个人的收入。');
    await snap(page, 'hardship-02-situation');
    await tapText(page, '保存，下一步');

    // Step 2: the household; the per-capita income appears as she types, against 越城区's standard.
    await page.getByText('第1位家庭成员').waitFor();
    await page.getByText('越城区低保标准').waitFor();
    for (let i = 0; i < FAMILY.length; i++) {
      if (i > 0) {
        await tapText(page, '＋ 添加家庭成员');
        await choose(page, FAMILY[i].relation, `第${i + 1}位与申请人的关系`);
      }
      await page.getByLabel('姓名').nth(i).fill(FAMILY[i].name);
      await page.getByLabel('身份证号码').nth(i).fill(FAMILY[i].idNumber);
      await page.getByLabel('每月收入（元）').nth(i).fill(FAMILY[i].income);
    }
    await page.getByLabel('因困难每月必须多花的钱（元）').fill('900');
    await page.getByText('低于当地低保标准', { exact: true }).waitFor();
    await page.getByText('¥500.00', { exact: true }).waitFor();
    await page.getByText('¥1,150.00 / 月').waitFor();
    await snap(page, 'hardship-03-household-income-test', page.getByText('低于当地低保标准', { exact: true }));
    await tapText(page, '保存，下一步');

    // Step 3: a photo of the medical bill, through the shared photo pipeline.
    await page.getByText('上传证明材料').waitFor();
    await choose(page, '医疗费用票据');
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 236, g: 232, b: 220 } } }).jpeg().toBuffer();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tapText(page, '拍照或选择照片')]);
    await chooser.setFiles({ name: 'bill.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('.hs-doc img').first().waitFor({ timeout: 30_000 });
    await snap(page, 'hardship-04-attachment', page.locator('.hs-doc').first());
    await tapText(page, '保存，下一步');

    // Step 4: the separate asset-check consent, then submit.
    await page.getByText('授权核查家庭财产').first().waitFor();
    await tapText(page, '提交申请');
    await page.getByText('提交前需要您勾选授权').waitFor();
    await choose(page, '我同意授权工会核查我家庭的财产状况');
    await snap(page, 'hardship-05-consent', page.getByText('提交申请', { exact: true }));
    await tapText(page, '提交申请');
    await page.getByText('已提交，等待工会初审').waitFor();
    await snap(page, 'hardship-06-submitted', page.getByText('已提交，等待工会初审'));
    expect(await page.content()).not.toContain(FAMILY[0].idNumber);
  });

  it('the officer of 示范基层工会 (13800000002) finds it in 帮扶初审 and passes it', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000002', '/packages/workbench/pages/index/index');
    await tapText(page, '帮扶初审');
    await page.getByText('李* · 重大疾病支出').waitFor();
    await snap(page, 'hardship-07-officer-queue');
    await tapText(page, '李* · 重大疾病支出');
    await page.getByText('初审意见').first().waitFor();
    await page.getByText(`${FAMILY[1].idNumber.slice(0, 4)}**********${FAMILY[1].idNumber.slice(-4)}`).waitFor();
    await page.locator('.hs-doc img').first().waitFor({ timeout: 30_000 });
    expect(await page.content()).not.toContain(FAMILY[1].idNumber);
    await snap(page, 'hardship-08-officer-case');
    await tapText(page, '初审通过');
    await confirmModal(page, '通过');
    await page.getByText('初审通过，等待审批').first().waitFor();
  });

  it('the hardship reviewer (13800000005) approves it with aid types: an archive number and a re-check date', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000005', '/packages/workbench/pages/index/index');
    await tapText(page, '帮扶审批');
    await tapText(page, '李* · 重大疾病支出');
    await page.getByText('给予的帮扶类型（批准时选择，可多选）').waitFor();
    await choose(page, '生活救助');
    await choose(page, '医疗救助');
    await snap(page, 'hardship-09-reviewer-decision', page.getByText('批准', { exact: true }));
    await tapText(page, '批准');
    await confirmModal(page, '批准');
    await page.getByText('已批准，已建立困难职工档案').waitFor();
    archiveNo = (await page.locator('.hs-status__no').first().textContent())?.trim() ?? '';
    expect(archiveNo).toMatch(/^KN-330602-\d{4}-\d{5}$/);
    await snap(page, 'hardship-10-approved', page.locator('.hs-status__no').first());

    await page.goto('about:blank');
    await page.goto(`${app.stack.baseUrl}/#/packages/workbench/pages/index/index`);
    await tapText(page, '困难职工档案');
    await page.getByText(/还有 \d+ 天/).first().waitFor();
    await snap(page, 'hardship-11-archive-due');
  });

  it('李娜 sees the archive number on her case', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000007', '/packages/hardship/pages/index/index');
    await page.getByText(`档案编号 ${archiveNo}`, { exact: false }).first().waitFor();
    await tapText(page, '重大疾病支出');
    await page.getByText(archiveNo, { exact: true }).waitFor();
    await page.getByText('帮扶类型：生活救助、医疗救助').waitFor();
    await page.getByText('帮扶中心审批：批准').waitFor();
    await snap(page, 'hardship-12-applicant-archive-no');
  });

  it('the admin edits the minimum living standards in 低保标准', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000006', '/packages/workbench/pages/index/index');
    await tapText(page, '低保标准');
    await page.getByText('各地区低保标准').waitFor();
    await page.locator('[aria-label="修改柯桥区"]').click();
    await page.getByLabel('每月低保标准（元）').fill('1180');
    await tapText(page, '保存');
    await confirmModal(page, '保存');
    await page.getByText('¥1,180.00/月').waitFor();
    await snap(page, 'hardship-13-regions');
    const region = await app.stack.api<{ minimumLiving: number }>('GET', '/regions/330603');
    expect(region.body.minimumLiving).toBe(118000);
  });
});
