import sharp from 'sharp';
import type { Locator, Page } from 'playwright-core';
import { loginAs, shot, snap, switchTo, withStack } from './support/harness';

/**
 * Issue 4 in the H5 build: 张伟 goes from 医疗互助 on 首页 to a submitted claim in three screens,
 * with real photos picked through the page's file chooser; the claim reviewer approves it; 张伟
 * sees 已通过 with the amount he was shown before submitting.
 */

/** Visible elements only: Taro's H5 router keeps earlier pages in the DOM, hidden. */
const visible = (l: Locator) => l.locator('visible=true').first();
const byText = (page: Page | Locator, text: string) => visible(page.getByText(text, { exact: true }));

async function tap(page: Page | Locator, text: string): Promise<void> {
  await byText(page, text).click();
}

/** The input of a form field by its label (a required field's label ends with a red '*'). */
const field = (page: Page, label: string) => visible(page.getByLabel(new RegExp(`^${label.replace(/[()（）*]/g, '\\$&')}\\*?$`)));

async function fill(page: Page, label: string, value: string): Promise<void> {
  await field(page, label).fill(value);
}

/** A photo of a paper: a light page with some darker "text" bands, distinct per kind. */
async function paperPhoto(w: number, h: number, tint: number): Promise<Buffer> {
  const bands = Array.from({ length: 12 }, (_, i) => ({
    input: { create: { width: Math.round(w * 0.7), height: Math.round(h * 0.02), channels: 3 as const, background: { r: 60, g: 60, b: 60 } } },
    top: Math.round(h * (0.12 + i * 0.06)),
    left: Math.round(w * 0.12),
  }));
  return sharp({ create: { width: w, height: h, channels: 3, background: { r: 240 - tint, g: 236, b: 226 + (tint % 20) } } })
    .composite(bands)
    .jpeg({ quality: 88 })
    .toBuffer();
}

describe('medical mutual-aid claim in the H5 build', () => {
  const app = withStack();

  it('张伟 (13800000001) claims in three steps from 医疗互助, with real photos', async () => {
    const { page } = app.browser;
    await loginAs(page, app.stack.baseUrl, '13800000001', '/pages/index/index');
    await tap(page, '医疗互助');
    await byText(page, '职工医疗互助').waitFor();
    await byText(page, '我的保障').waitFor();
    await snap(page, 'claims-01-home');
    await tap(page, '申请理赔');

    // Step 1: 就诊信息, two invoices added one by one, amounts in yuan.
    await byText(page, '就诊信息').waitFor();
    await fill(page, '医院名称', '绍兴市人民医院');
    await fill(page, '票据代码', '33060122');
    await fill(page, '票据号码', '00012345');
    await fill(page, '发票金额（元）', '6000.10');
    await tap(page, '添加这张发票');
    await byText(page, '第1张 · ¥6,000.10').waitFor();
    await fill(page, '票据号码', '00012346');
    await fill(page, '发票金额（元）', '3999.90');
    await tap(page, '添加这张发票');
    await byText(page, '第2张 · ¥3,999.90').waitFor();
    await fill(page, '医保统筹支付', '6000');
    // 6000.10 + 3999.90 = 10000.00 exactly; (10000 − 6000) × 40 % = 1600.00, computed on the phone by the shared rule
    expect(await field(page, '医疗总费用').inputValue()).toBe('10000.00');
    await byText(page, '¥1,600.00').waitFor();
    await snap(page, 'claims-02-step1-details', byText(page, '¥1,600.00'));
    await tap(page, '保存，下一步');

    // Step 2: 上传材料 — one photo per paper through the page's file chooser, uploaded one request each.
    await byText(page, '身份证人像面').waitFor();
    await byText(page, '有国徽和"签发机关""有效期限"的那一面').waitFor();
    const papers: Array<[string, Buffer]> = [
      ['身份证人像面', await paperPhoto(4032, 3024, 10)], // a full phone photo: shrunk in the browser before upload
      ['身份证国徽面', await paperPhoto(1600, 1000, 20)],
      ['出院小结', await paperPhoto(1200, 1700, 30)],
      ['住院结算单', await paperPhoto(1200, 1700, 40)],
    ];
    for (const [label, photo] of papers) {
      const card = visible(page.locator(`[aria-label="${label}"]`));
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(card, '从相册选')]);
      await chooser.setFiles({ name: `${label}.jpg`, mimeType: 'image/jpeg', buffer: photo });
      await visible(card.locator('.claim-photo__img img, img.claim-photo__img')).waitFor({ timeout: 30_000 });
      await byText(card, '已上传1张').waitFor();
    }
    // The invoice photo fails on a lost signal, and is retried without touching the others.
    const invoiceCard = visible(page.locator('[aria-label="医疗发票"]'));
    await page.context().setOffline(true);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(invoiceCard, '从相册选')]);
    await chooser.setFiles({ name: 'fapiao.jpg', mimeType: 'image/jpeg', buffer: await paperPhoto(1400, 900, 50) });
    await byText(invoiceCard, '上传失败').waitFor({ timeout: 30_000 });
    await byText(invoiceCard, '网络不太好，请稍后重试').waitFor();
    await snap(page, 'claims-03-step2-upload-failed', invoiceCard);
    await page.context().setOffline(false);
    await tap(invoiceCard, '重试');
    await byText(invoiceCard, '已上传1张').waitFor({ timeout: 30_000 });
    await visible(invoiceCard.locator('.claim-photo__img img, img.claim-photo__img')).waitFor({ timeout: 30_000 });
    await snap(page, 'claims-04-step2-photos', invoiceCard);
    await tap(page, '下一步');

    // Step 3: the BFF's estimate with its breakdown, the remaining annual amount, the declaration.
    await byText(page, '怎么算的').waitFor();
    await byText(page, '¥4,000.00 × 40%').waitFor();
    await visible(page.getByText('本年度还可申请 ¥20,000.00，本次之后剩 ¥18,400.00')).waitFor();
    await snap(page, 'claims-05-step3-estimate');
    await visible(page.locator('[role=checkbox].claim-declare')).click();
    await tap(page, '提交申请');

    await byText(page, '办理进度').waitFor({ timeout: 30_000 });
    await byText(page, '已提交').waitFor();
    await byText(page, '¥1,600.00').waitFor();
    await snap(page, 'claims-06-submitted');

    const mine = await app.stack.api<{ data: Array<{ status: string; estimatePayout: number }> }>('GET', '/claims', undefined, await app.stack.token('13800000001'));
    expect(mine.body.data).toEqual([expect.objectContaining({ status: 'submitted', estimatePayout: 160_000 })]);
  });

  it('the claim reviewer (13800000003) opens it from 工作台, looks at the photos and approves the computed amount', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000003', '/packages/workbench/pages/index/index');
    await tap(page, '理赔审核');
    await visible(page.locator('[aria-label="张伟的申请"]')).waitFor();
    await snap(page, 'claims-07-review-queue');
    await visible(page.locator('[aria-label="张伟的申请"]')).click();
    await byText(page, '按规则计算 ¥1,600.00').waitFor();
    await byText(page, '审核中').waitFor({ timeout: 15_000 });
    const thumb = visible(page.locator('[aria-label="出院小结"]'));
    await visible(thumb.locator('img')).waitFor({ timeout: 30_000 });
    // On the reviewer's phone the only source is the BFF (stored encrypted, decrypted on the way out): it decodes as an image.
    const served = visible(thumb.locator('img'));
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await served.elementHandle(), { timeout: 15_000 });
    await snap(page, 'claims-08-review-claim', thumb);
    // zoom: the full-size photo in the image viewer
    await thumb.click();
    await page.waitForTimeout(1500);
    await shot(page, 'claims-09-review-photo-zoomed');
    await page.keyboard.press('Escape');
    await page.goto(page.url());
    await byText(page, '按规则计算 ¥1,600.00').waitFor();

    await tap(page, '通过');
    expect(await field(page, '核定金额（元）').inputValue()).toBe('1600.00');
    await snap(page, 'claims-10-approve', byText(page, '确定'));
    await tap(page, '确定');
    await byText(page, '已通过').waitFor({ timeout: 15_000 });
    await byText(page, '核定金额 ¥1,600.00').waitFor();
  });

  it('张伟 sees 已通过 with the amount, on 我的理赔 and on the claim page', async () => {
    const { page } = app.browser;
    await switchTo(page, app.stack.baseUrl, '13800000001', '/packages/claims/pages/index/index');
    const row = visible(page.locator('.claim-row', { hasText: '绍兴市人民医院' }));
    await byText(row, '已通过').waitFor();
    await byText(row, '¥1,600.00').waitFor();
    await snap(page, 'claims-11-worker-list-approved');
    await row.click();
    await byText(page, '核定金额，将打到您的银行卡').waitFor();
    await byText(page, '¥1,600.00').waitFor();
    await byText(page, '办理进度').waitFor();
    await snap(page, 'claims-12-worker-claim-approved');

    await page.goto(`${app.stack.baseUrl}/#/packages/claims/pages/coverage/index`);
    await byText(page, '¥18,400.00').waitFor();
    await snap(page, 'claims-13-coverage');
  });
});
