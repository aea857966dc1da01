import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { S3Storage } from '../src/files/storage/s3.storage';
import { newStorageKey } from '../src/files/storage/file-storage';
import { Auth, createDraft, demoPlan, midYear } from './support/claims';
import { binary, jpeg } from './support/images';
import { BUCKET, CREDENTIALS, startS3rver } from './support/s3rver';
import { createTestApp, TestApp } from './support/test-app';

describe('photos in S3-compatible object storage (STORAGE=s3, against a local s3rver process)', () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  let client: S3Client;

  const keysInBucket = async () => ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!);

  beforeAll(async () => {
    s3 = await startS3rver();
    client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  });
  afterAll(async () => {
    client.destroy();
    await s3.stop();
  });

  it('the adapter puts, gets and deletes; a missing key reads as null', async () => {
    const storage = new S3Storage({ endpoint: s3.endpoint, bucket: BUCKET, region: 'us-east-1', ...CREDENTIALS });
    try {
      const key = newStorageKey('d');
      await storage.put(key, Buffer.from('hello'), 'image/jpeg');
      expect((await storage.get(key))?.toString()).toBe('hello');
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      await storage.delete(key); // deleting twice is fine
      await expect(storage.get('../../etc/passwd')).rejects.toThrow(/refusing storage key/);
    } finally {
      storage.onApplicationShutdown();
    }
  });

  describe('through the HTTP API', () => {
    let t: TestApp;
    let worker: Auth;
    let claimId: string;

    beforeAll(async () => {
      t = await createTestApp({ STORAGE: 's3', S3_ENDPOINT: s3.endpoint, S3_BUCKET: BUCKET, S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey });
      worker = (await t.login('13800000001')).auth;
      const plan = await demoPlan(t, worker);
      claimId = (await createDraft(t, worker, plan.id, midYear(t, plan))).id;
    });
    afterAll(() => t.close());

    it('stores the photo and its thumbnail as objects, serves them to the owner, deletes them with the photo', async () => {
      const before = await keysInBucket();
      const res = await t.http
        .post(`/api/v1/claims/${claimId}/documents`)
        .set(worker)
        .field('type', 'invoice')
        .attach('file', await jpeg(2400, 1800, 3), { filename: 'fapiao.jpg', contentType: 'image/jpeg' })
        .expect(201);
      expect(res.body).toMatchObject({ width: 2000, height: 1500 });
      const added = (await keysInBucket()).filter((k) => !before.includes(k));
      expect(added).toHaveLength(2);
      for (const k of added) expect(k).toMatch(/^[dt]\/[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/);

      const full = await t.http.get(`/api/v1/files/${res.body.id}`).set(worker).buffer(true).parse(binary).expect(200);
      expect(full.headers['cache-control']).toBe('private, no-store');
      expect((full.body as Buffer).length).toBe(res.body.bytes);
      const thumb = await t.http.get(`/api/v1/files/${res.body.id}?size=thumb`).set(worker).buffer(true).parse(binary).expect(200);
      expect((await sharp(thumb.body as Buffer).metadata()).width).toBe(320);

      const lina = (await t.login('13800000007')).auth;
      await t.http.get(`/api/v1/files/${res.body.id}`).set(lina).expect(404);

      await t.http.delete(`/api/v1/claims/${claimId}/documents/${res.body.id}`).set(worker).expect(204);
      expect((await keysInBucket()).filter((k) => added.includes(k))).toEqual([]);
    });
  });
});
