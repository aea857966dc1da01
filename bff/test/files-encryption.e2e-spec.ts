import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { idNumberCheckChar } from '@unionhome/shared';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { loadConfig } from '../src/config/app-config';
import { DocumentEntity } from '../src/files/entities/document.entity';
import { FileCipher, FileDecryptError, fileContext } from '../src/files/file-cipher';
import { rewrapCommand } from '../src/files/file-keys.command';
import { Auth, demoPlan, midYear, submittedClaim } from './support/claims';
import { binary, jpeg } from './support/images';
import { BUCKET, CREDENTIALS, startS3rver } from './support/s3rver';
import { freshDatabase, GENEROUS_LIMITS } from './support/test-app';

const API = '/api/v1';
const ZHANG = '13800000001';
const CLAIM_REVIEWER = '13800000003';
const LINA = '13800000007';
const OFFICER = '13800000002';

const KEY_A = randomBytes(32).toString('base64');
const KEY_B = randomBytes(32).toString('base64');

/** Which image format the bytes start with, if any (what a thief with the disk would look for). */
function imageMagic(b: Buffer): string | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 4 && b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') return 'heic';
  return null;
}

/** 64-byte windows spread over a JPEG: a stored file holding any of them holds the picture in clear. */
function windowsOf(jpegBytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 1; i <= 8; i++) {
    const at = Math.floor((jpegBytes.length * i) / 10);
    out.push(jpegBytes.subarray(at, at + 64));
  }
  return out;
}

function expectNoPlainImage(stored: Array<{ name: string; data: Buffer }>, jpegs: Buffer[]): void {
  expect(stored.length).toBeGreaterThan(0);
  for (const f of stored) {
    expect({ name: f.name, magic: imageMagic(f.data) }).toEqual({ name: f.name, magic: null });
    for (const j of jpegs) {
      for (const w of windowsOf(j)) expect(f.data.includes(w)).toBe(false);
    }
  }
}

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    out = statSync(p).isDirectory() ? out.concat(filesUnder(p)) : out.concat(p);
  }
  return out;
}

interface Booted {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  ds: DataSource;
  config: ReturnType<typeof loadConfig>;
  login(phone: string): Promise<Auth>;
  close(): Promise<void>;
}

/** The real application on a given database and data directory: "restart with other settings". */
async function boot(env: Record<string, string>): Promise<Booted> {
  const config = loadConfig({ DEMO: 'true', LOG_LEVEL: 'silent', AUTH_RATE_LIMIT: '100000', ...GENEROUS_LIMITS, H5_DIR: '', JOBS: 'false', ...env });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    ds: app.get<DataSource>(getDataSourceToken()),
    config,
    login: async (phone) => {
      const res = await http.post(`${API}/auth/dev-login`).send({ phone });
      if (res.status !== 200) throw new Error(`dev-login ${phone} → ${res.status}`);
      return { Authorization: `Bearer ${res.body.accessToken}` };
    },
    close: () => app.close(),
  };
}

const getFile = (b: Booted, auth: Auth, id: string, thumb = false) =>
  b.http.get(`${API}/files/${id}${thumb ? '?size=thumb' : ''}`).set(auth).buffer(true).parse(binary);

/** GET the photo and its thumbnail: both 200 and real JPEGs. */
async function expectReadable(b: Booted, auth: Auth, id: string): Promise<Buffer> {
  const full = await getFile(b, auth, id);
  expect(full.status).toBe(200);
  expect(full.headers['content-type']).toBe('image/jpeg');
  expect((await sharp(full.body as Buffer).metadata()).format).toBe('jpeg');
  const thumb = await getFile(b, auth, id, true);
  expect(thumb.status).toBe(200);
  expect((await sharp(thumb.body as Buffer).metadata()).format).toBe('jpeg');
  return full.body as Buffer;
}

async function expectUnreadable(b: Booted, auth: Auth, id: string, thumb = false): Promise<void> {
  const res = await b.http.get(`${API}/files/${id}${thumb ? '?size=thumb' : ''}`).set(auth);
  expect(res.status).toBe(410);
  expect(res.body).toMatchObject({ code: 'DOCUMENT_UNREADABLE', message: expect.stringMatching(/照片/) });
}

/** A hardship draft of 李娜 with one attachment, submitted so the first-check officer sees it. */
async function hardshipWithPhoto(b: Booted, lina: Auth, photo: Buffer): Promise<string> {
  const orgId = (await b.http.get(`${API}/orgs?code=DEMO-GRASSROOTS`).expect(200)).body[0].id;
  const first17 = '33060219880412002';
  const created = await b.http
    .post(`${API}/hardship-applications`)
    .set(lina)
    .send({
      situation: 'major_illness',
      regionCode: '330602',
      orgId,
      description: '丈夫突发脑梗住院，每月康复治疗和药费约九百元。',
      household: [{ relation: '本人', name: '李娜', idNumber: first17 + idNumberCheckChar(first17), monthlyIncome: 80000 }],
      monthlyNecessaryExpenses: 0,
      assetCheckConsent: true,
    })
    .expect(201);
  const doc = await b.http.post(`${API}/hardship-applications/${created.body.id}/documents`).set(lina).field('type', 'medical_bill').attach('file', photo, 'bill.jpg').expect(201);
  await b.http.post(`${API}/hardship-applications/${created.body.id}/submit`).set(lina).send({}).expect(200);
  return doc.body.id;
}

describe('photos encrypted at rest (local disk)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let b: Booted;
  const originals: Buffer[] = [];
  const served: Buffer[] = [];
  let claimDocs: string[];
  let hardshipDoc: string;
  let zhang: Auth;
  let reviewer: Auth;
  let lina: Auth;
  let officer: Auth;
  const envWith = (keys: Record<string, string>) => ({ ...db.env, ...keys });
  const storageDir = () => join(db.dataDir, 'files');
  const row = (id: string) => b.ds.manager.findOneByOrFail(DocumentEntity, { id });
  const restart = async (keys: Record<string, string>) => {
    await b.close();
    b = await boot(envWith({ SEED_DEMO: 'false', ...keys }));
    [zhang, reviewer, lina, officer] = await Promise.all([ZHANG, CLAIM_REVIEWER, LINA, OFFICER].map((p) => b.login(p)));
  };

  beforeAll(async () => {
    db = await freshDatabase();
    b = await boot(envWith({ FILE_KEY: KEY_A }));
    [zhang, reviewer, lina, officer] = await Promise.all([ZHANG, CLAIM_REVIEWER, LINA, OFFICER].map((p) => b.login(p)));
    const plan = await demoPlan({ http: b.http } as never, zhang);
    const clock = b.app.get(Clock);
    midYear({ clock } as never, plan);
    const claimId = await submittedClaim({ http: b.http, clock } as never, zhang, plan.id, clock.today());
    const docs = (await b.http.get(`${API}/claims/${claimId}`).set(zhang).expect(200)).body.documents as Array<{ id: string }>;
    claimDocs = docs.map((d) => d.id);
    const bill = await jpeg(900, 700, 42);
    originals.push(bill);
    hardshipDoc = await hardshipWithPhoto(b, lina, bill);
    for (const id of [...claimDocs, hardshipDoc]) {
      const owner = id === hardshipDoc ? lina : zhang;
      served.push((await getFile(b, owner, id)).body as Buffer);
      served.push((await getFile(b, owner, id, true)).body as Buffer);
    }
  });
  afterAll(async () => {
    await b.close();
    await db.drop();
  });

  it('no file in the storage folder is an image or holds the JPEG bytes; every row carries key version 1', async () => {
    const files = filesUnder(storageDir());
    expect(files).toHaveLength(2 * (claimDocs.length + 1));
    expectNoPlainImage(files.map((f) => ({ name: f, data: readFileSync(f) })), [...originals, ...served]);
    const rows = await b.ds.manager.find(DocumentEntity);
    expect(rows.map((r) => r.keyVersion)).toEqual(rows.map(() => 1));
    for (const r of rows) expect(r.mainKeyWrap).not.toEqual(r.thumbKeyWrap);
  });

  it('the owner and the reviewer still get the photo and the thumbnail as real JPEGs', async () => {
    for (const id of claimDocs) {
      const mine = await expectReadable(b, zhang, id);
      expect((await expectReadable(b, reviewer, id)).equals(mine)).toBe(true);
    }
    const mine = await expectReadable(b, lina, hardshipDoc);
    expect((await expectReadable(b, officer, hardshipDoc)).equals(mine)).toBe(true);
  });

  it('a stored file with one byte flipped answers 410 DOCUMENT_UNREADABLE, never 500', async () => {
    const r = await row(claimDocs[0]);
    const path = join(storageDir(), r.storageKey);
    const good = readFileSync(path);
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)] ^= 0x01;
    writeFileSync(path, bad);
    try {
      await expectUnreadable(b, zhang, claimDocs[0]);
      await expectUnreadable(b, reviewer, claimDocs[0]);
      // Someone with no right to the photo still learns nothing, not even that it is broken.
      await b.http.get(`${API}/files/${claimDocs[0]}`).set(lina).expect(404);
      // The thumbnail is its own file and still opens.
      expect((await getFile(b, zhang, claimDocs[0], true)).status).toBe(200);
    } finally {
      writeFileSync(path, good);
    }
    await expectReadable(b, zhang, claimDocs[0]);
  });

  it('a file (even with its wrapped key) moved to another document, or the thumbnail in place of the photo, does not open: 410', async () => {
    const [a, other] = [await row(claimDocs[0]), await row(claimDocs[1])];
    await b.ds.manager.update(DocumentEntity, { id: other.id }, { storageKey: a.storageKey, mainKeyWrap: a.mainKeyWrap });
    await b.ds.manager.update(DocumentEntity, { id: a.id }, { storageKey: a.thumbKey, mainKeyWrap: a.thumbKeyWrap });
    try {
      await expectUnreadable(b, zhang, other.id);
      await expectUnreadable(b, zhang, a.id);
    } finally {
      await b.ds.manager.update(DocumentEntity, { id: other.id }, { storageKey: other.storageKey, mainKeyWrap: other.mainKeyWrap });
      await b.ds.manager.update(DocumentEntity, { id: a.id }, { storageKey: a.storageKey, mainKeyWrap: a.mainKeyWrap });
    }
    await expectReadable(b, zhang, a.id);
    await expectReadable(b, zhang, other.id);
  });

  it('the blob itself is bound to its document: the right data key under another document id fails', () => {
    const cipher = new FileCipher({ fileKey: Buffer.from(KEY_A, 'base64'), fileKeyVersion: 1, retiredFileKeys: [] });
    const sealed = cipher.seal(Buffer.from('photo bytes'), fileContext('doc-a', 'full'));
    expect(cipher.open(sealed.blob, sealed.wrap, 1, fileContext('doc-a', 'full')).toString()).toBe('photo bytes');
    expect(() => cipher.open(sealed.blob, sealed.wrap, 1, fileContext('doc-b', 'full'))).toThrow(FileDecryptError);
    expect(() => cipher.open(sealed.blob, sealed.wrap, 2, fileContext('doc-a', 'full'))).toThrow(FileDecryptError);
  });

  describe('key rotation and photos from before encryption', () => {
    let plainId: string;
    let plainKeys: [string, string];

    it('a photo stored the old way (plain JPEG files, no wrap) is still served as it is', async () => {
      plainId = claimDocs[2];
      const r = await row(plainId);
      const [full, thumb] = [await expectReadable(b, zhang, plainId), (await getFile(b, zhang, plainId, true)).body as Buffer];
      // What the version before encryption wrote: the re-encoded JPEGs themselves, and NULLs in the row.
      writeFileSync(join(storageDir(), r.storageKey), full);
      writeFileSync(join(storageDir(), r.thumbKey), thumb);
      await b.ds.manager.update(DocumentEntity, { id: plainId }, { keyVersion: null, mainKeyWrap: null, thumbKeyWrap: null });
      plainKeys = [r.storageKey, r.thumbKey];
      expect((await expectReadable(b, zhang, plainId)).equals(full)).toBe(true);
      expect((await expectReadable(b, reviewer, plainId)).equals(full)).toBe(true);
    });

    it('restarted with FILE_KEY B (version 2) and A retired: every photo still opens', async () => {
      await restart({ FILE_KEY: KEY_B, FILE_KEY_VERSION: '2', FILE_KEYS_RETIRED: `1:${KEY_A}` });
      for (const id of claimDocs) await expectReadable(b, reviewer, id);
      await expectReadable(b, officer, hardshipDoc);
    });

    it('the rewrap moves every row to version 2, seals the plain photo under new names and deletes the plain files', async () => {
      await b.close();
      const summary = await rewrapCommand(loadConfig({ DEMO: 'true', LOG_LEVEL: 'silent', ...envWith({ FILE_KEY: KEY_B, FILE_KEY_VERSION: '2', FILE_KEYS_RETIRED: `1:${KEY_A}` }) }));
      expect(summary).toEqual({ keyVersion: 2, rewrapped: claimDocs.length, sealed: 1, current: 0, missing: 0, failed: 0 });
      const again = await rewrapCommand(loadConfig({ DEMO: 'true', LOG_LEVEL: 'silent', ...envWith({ FILE_KEY: KEY_B, FILE_KEY_VERSION: '2', FILE_KEYS_RETIRED: `1:${KEY_A}` }) }));
      expect(again).toEqual({ keyVersion: 2, rewrapped: 0, sealed: 0, current: claimDocs.length + 1, missing: 0, failed: 0 });

      b = await boot(envWith({ SEED_DEMO: 'false', FILE_KEY: KEY_B, FILE_KEY_VERSION: '2' }));
      [zhang, reviewer, lina, officer] = await Promise.all([ZHANG, CLAIM_REVIEWER, LINA, OFFICER].map((p) => b.login(p)));
      const rows = await b.ds.manager.find(DocumentEntity);
      expect(rows.map((r) => r.keyVersion)).toEqual(rows.map(() => 2));
      const sealed = await row(plainId);
      expect([sealed.storageKey, sealed.thumbKey]).not.toContain(plainKeys[0]);
      expect([sealed.storageKey, sealed.thumbKey]).not.toContain(plainKeys[1]);
      const files = filesUnder(storageDir());
      expect(files.map((f) => f.slice(storageDir().length + 1)).sort()).toEqual(rows.flatMap((r) => [r.storageKey, r.thumbKey]).sort());
      expectNoPlainImage(files.map((f) => ({ name: f, data: readFileSync(f) })), [...originals, ...served]);
    });

    it('restarted with B only (A no longer configured): every photo, the sealed one included, opens for owner and reviewer', async () => {
      for (const id of claimDocs) {
        await expectReadable(b, zhang, id);
        await expectReadable(b, reviewer, id);
      }
      await expectReadable(b, lina, hardshipDoc);
      await expectReadable(b, officer, hardshipDoc);
    });

    it('restarted with a wrong key: 410 DOCUMENT_UNREADABLE for photo and thumbnail, never 500', async () => {
      await restart({ FILE_KEY: randomBytes(32).toString('base64'), FILE_KEY_VERSION: '2' });
      await expectUnreadable(b, zhang, claimDocs[0]);
      await expectUnreadable(b, zhang, claimDocs[0], true);
      await expectUnreadable(b, officer, hardshipDoc);
      // And with version 2 not configured at all (only a version 3 key).
      await restart({ FILE_KEY: KEY_B, FILE_KEY_VERSION: '3' });
      await expectUnreadable(b, reviewer, claimDocs[1]);
    });
  });
});

describe('photos encrypted at rest (S3-compatible storage)', () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  let client: S3Client;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let b: Booted;

  beforeAll(async () => {
    s3 = await startS3rver();
    client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
    db = await freshDatabase();
    b = await boot({ ...db.env, FILE_KEY: KEY_A, STORAGE: 's3', S3_ENDPOINT: s3.endpoint, S3_BUCKET: BUCKET, S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey });
  });
  afterAll(async () => {
    await b.close();
    await db.drop();
    client.destroy();
    await s3.stop();
  });

  it('no object in the bucket is an image or holds the JPEG bytes; owner and reviewer still get JPEGs', async () => {
    const zhang = await b.login(ZHANG);
    const plan = await demoPlan({ http: b.http } as never, zhang);
    const clock = b.app.get(Clock);
    midYear({ clock } as never, plan);
    const claimId = await submittedClaim({ http: b.http, clock } as never, zhang, plan.id, clock.today());
    const docs = (await b.http.get(`${API}/claims/${claimId}`).set(zhang).expect(200)).body.documents as Array<{ id: string }>;
    const lina = await b.login(LINA);
    const bill = await jpeg(900, 700, 43);
    const hardshipDoc = await hardshipWithPhoto(b, lina, bill);

    const reviewer = await b.login(CLAIM_REVIEWER);
    const officer = await b.login(OFFICER);
    const served: Buffer[] = [];
    for (const d of docs) {
      served.push(await expectReadable(b, zhang, d.id));
      await expectReadable(b, reviewer, d.id);
    }
    served.push(await expectReadable(b, lina, hardshipDoc));
    await expectReadable(b, officer, hardshipDoc);

    const keys = ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!);
    expect(keys).toHaveLength(2 * (docs.length + 1));
    const objects = await Promise.all(
      keys.map(async (k) => ({ name: k, data: Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: k }))).Body!.transformToByteArray()) })),
    );
    expectNoPlainImage(objects, [bill, ...served]);
  });
});
