import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { PlanResponse } from '@unionhome/shared';
import { Auth, createDraft, demoPlan, midYear } from './support/claims';
import { binary, elevenMegabytes, fakeHeic, jpeg, phoneJpegWithGps, png, pngBomb, truncatedJpeg, webp } from './support/images';
import { createTestApp, TestApp } from './support/test-app';

/** Every file under a directory, recursively (what the local storage adapter wrote). */
function filesUnder(dir: string): string[] {
  let out: string[] = [];
  try {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      out = statSync(p).isDirectory() ? out.concat(filesUnder(p)) : out.concat(p);
    }
  } catch {
    return out;
  }
  return out;
}

describe('photo upload policy and GET /files/{id} (local disk storage)', () => {
  let t: TestApp;
  let worker: Auth;
  let plan: PlanResponse;
  let today: string;
  let claimId: string;

  const upload = (buf: Buffer, filename: string, type = 'invoice', contentType = 'image/jpeg', id = claimId, auth = worker) =>
    t.http.post(`/api/v1/claims/${id}/documents`).set(auth).field('type', type).attach('file', buf, { filename, contentType });

  beforeAll(async () => {
    t = await createTestApp();
    worker = (await t.login('13800000001')).auth;
    plan = await demoPlan(t, worker);
    today = midYear(t, plan);
    claimId = (await createDraft(t, worker, plan.id, today)).id;
  });
  afterAll(() => t.close());

  it('stores a phone photo re-encoded: upright, long edge 2000 px, no EXIF or GPS, nothing appended', async () => {
    const original = await phoneJpegWithGps();
    expect((await sharp(original).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD is there
    const appended = Buffer.concat([original, Buffer.from('<?php system($_GET["c"]); ?>')]);
    expect(appended.length).toBeLessThan(10 * 1024 * 1024);

    const res = await upload(appended, 'IMG_20260701_101010.jpg', 'discharge_summary').expect(201);
    // Portrait: EXIF orientation 6 turned the 4032×3024 pixels upright, then the long edge went to 2000.
    expect(res.body).toMatchObject({ type: 'discharge_summary', width: 1500, height: 2000, duplicate: false });
    expect(res.body.bytes).toBeGreaterThan(0);

    const file = await t.http.get(`/api/v1/files/${res.body.id}`).set(worker).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['cache-control']).toBe('private, no-store');
    const stored = file.body as Buffer;
    expect(stored.length).toBe(res.body.bytes);
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1500, height: 2000 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes(Buffer.from('Huawei'))).toBe(false);
    expect(stored.includes(Buffer.from('<?php'))).toBe(false);

    const thumb = await t.http.get(`/api/v1/files/${res.body.id}?size=thumb`).set(worker).buffer(true).parse(binary);
    expect(thumb.status).toBe(200);
    expect(thumb.headers['cache-control']).toBe('private, no-store');
    const tm = await sharp(thumb.body as Buffer).metadata();
    expect(Math.max(tm.width!, tm.height!)).toBe(320);
  });

  it('keeps files under random names in the data directory, never the uploaded name', () => {
    const dir = (t.config.storage as { dir: string }).dir;
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(f.slice(dir.length)).toMatch(/^\/[dt]\/[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/);
    expect(files.some((f) => f.includes('IMG_'))).toBe(false);
  });

  it('refuses a PNG decompression bomb in well under a second (pixel limit)', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    const res = await upload(bomb, 'bomb.png', 'other', 'image/png').expect(422);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.body).toEqual({ code: 'IMAGE_TOO_MANY_PIXELS', message: '照片像素太高，请压缩后再上传' });
  });

  it('refuses a text file named .jpg by its content (415)', async () => {
    const res = await upload(Buffer.from('这不是照片，是一段文字。\n'.repeat(50)), 'photo.jpg').expect(415);
    expect(res.body).toEqual({ code: 'UNSUPPORTED_FILE_TYPE', message: '只支持JPG、PNG、WebP或HEIC格式的照片' });
    // and a PDF sent as image/jpeg
    await upload(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500)]), 'scan.jpg').expect(415);
  });

  it('refuses a truncated JPEG (422)', async () => {
    const res = await upload(await truncatedJpeg(), 'half.jpg').expect(422);
    expect(res.body.code).toBe('IMAGE_UNREADABLE');
  });

  it('recognises HEIC by its magic bytes, and says so when it cannot read the picture', async () => {
    const res = await upload(fakeHeic(), 'IMG_0001.HEIC', 'other', 'image/heic').expect(422);
    expect(res.body.code).toBe('IMAGE_UNREADABLE');
    expect(res.body.message).toContain('HEIC');
  });

  it('refuses 11 MB with 413 FILE_TOO_LARGE', async () => {
    const res = await upload(elevenMegabytes(), 'big.jpg').expect(413);
    expect(res.body).toEqual({ code: 'FILE_TOO_LARGE', message: '照片太大了（不能超过10MB）' });
  });

  it('accepts PNG (transparency flattened) and WebP, storing JPEG', async () => {
    const p = await upload(await png(640, 480), 'shot.png', 'other', 'image/png').expect(201);
    expect(p.body).toMatchObject({ width: 640, height: 480 });
    const w = await upload(await webp(500, 700), 'x.webp', 'expense_list', 'image/webp').expect(201);
    expect(w.body).toMatchObject({ type: 'expense_list', width: 500, height: 700 });
    const file = await t.http.get(`/api/v1/files/${p.body.id}`).set(worker).buffer(true).parse(binary);
    expect((await sharp(file.body as Buffer).metadata()).format).toBe('jpeg');
  });

  it('treats the same photo uploaded twice to one claim as one photo (SHA-256 of the original)', async () => {
    const photo = await jpeg(300, 200, 42);
    const first = await upload(photo, 'a.jpg', 'invoice').expect(201);
    const again = await upload(photo, 'b.jpg', 'invoice').expect(201);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
    // at the same moment, too
    const photo2 = await jpeg(300, 200, 43);
    const both = await Promise.all([upload(photo2, 'c.jpg'), upload(photo2, 'd.jpg')]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(both[0].body.id).toBe(both[1].body.id);
    const claim = await t.http.get(`/api/v1/claims/${claimId}`).set(worker).expect(200);
    const ids = (claim.body.documents as Array<{ id: string }>).map((d) => d.id);
    expect(ids.filter((id) => id === first.body.id)).toHaveLength(1);
    expect(ids.filter((id) => id === both[0].body.id)).toHaveLength(1);
    // but the same photo may be attached to another claim of the worker
    const other = (await createDraft(t, worker, plan.id, today)).id;
    const elsewhere = await upload(photo, 'a.jpg', 'invoice', 'image/jpeg', other).expect(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });

  it('answers mistakes in the form with fields', async () => {
    const none = await t.http.post(`/api/v1/claims/${claimId}/documents`).set(worker).field('type', 'invoice').expect(400);
    expect(none.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { file: '请选择一张照片' } });
    const badType = await upload(await jpeg(100, 100, 1), 'x.jpg', 'selfie').expect(400);
    expect(badType.body.fields).toEqual({ type: '请选择材料类型' });
    const extra = await t.http
      .post(`/api/v1/claims/${claimId}/documents`)
      .set(worker)
      .field('type', 'invoice')
      .field('owner', 'someone')
      .attach('file', await jpeg(100, 100, 2), 'x.jpg')
      .expect(400);
    expect(extra.body.fields).toEqual({ owner: '不支持该字段' });
    const two = await t.http
      .post(`/api/v1/claims/${claimId}/documents`)
      .set(worker)
      .field('type', 'invoice')
      .attach('file', await jpeg(100, 100, 3), 'x.jpg')
      .attach('file', await jpeg(100, 100, 4), 'y.jpg')
      .expect(400);
    expect(two.body.fields).toEqual({ file: '一次只能上传一张照片' });
  });

  it("shows a photo to no one but its owner while the claim is a draft (404, as if it did not exist)", async () => {
    const res = await upload(await jpeg(200, 200, 99), 'mine.jpg', 'id_card_front').expect(201);
    const url = `/api/v1/files/${res.body.id}`;
    await t.http.get(url).set(worker).expect(200);
    for (const phone of ['13800000007', '13800000002', '13800000003', '13800000004', '13800000005']) {
      const other = (await t.login(phone)).auth;
      const r = await t.http.get(url).set(other).expect(404);
      expect(r.body.code).toBe('DOCUMENT_NOT_FOUND');
      await t.http.get(`${url}?size=thumb`).set(other).expect(404);
    }
    await t.http.get(url).expect(401);
    await t.http.get('/api/v1/files/not-a-uuid').set(worker).expect(404);
    await t.http.get('/api/v1/files/00000000-0000-4000-8000-000000000000').set(worker).expect(404);
    const bad = await t.http.get(`${url}?size=huge`).set(worker).expect(400);
    expect(bad.body.fields).toEqual({ size: '只能是 thumb 或 full' });
  });

  it("does not take uploads to another person's claim", async () => {
    const lina = (await t.login('13800000007')).auth;
    const res = await upload(await jpeg(100, 100, 5), 'x.jpg', 'invoice', 'image/jpeg', claimId, lina).expect(404);
    expect(res.body.code).toBe('CLAIM_NOT_FOUND');
  });

  it('deletes a photo of a draft for good, bytes included', async () => {
    const dir = (t.config.storage as { dir: string }).dir;
    const before = filesUnder(dir).length;
    const res = await upload(await jpeg(150, 150, 77), 'gone.jpg', 'other').expect(201);
    expect(filesUnder(dir).length).toBe(before + 2);
    await t.http.delete(`/api/v1/claims/${claimId}/documents/${res.body.id}`).set(worker).expect(204);
    expect(filesUnder(dir).length).toBe(before);
    await t.http.get(`/api/v1/files/${res.body.id}`).set(worker).expect(404);
    await t.http.delete(`/api/v1/claims/${claimId}/documents/${res.body.id}`).set(worker).expect(404);
  });
});
