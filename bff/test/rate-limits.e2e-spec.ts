import { randomBytes } from 'node:crypto';
import { Auth, createDraft, demoPlan, midYear } from './support/claims';
import { jpeg } from './support/images';
import { createTestApp, TestApp } from './support/test-app';
import { createMembers, createSlot, createVenue, tally } from './support/venues-fixtures';

const API = '/api/v1';
/** An empty value is the default: these tests run the limits as shipped. */
const DEFAULT_LIMITS = { AUTH_RATE_LIMIT: '', RATE_LIMIT_ADDRESS: '', RATE_LIMIT_BOOKING: '', RATE_LIMIT_UPLOAD: '', RATE_LIMIT_APPLICATION: '' };
const REDIS = process.env.TEST_REDIS_URL;

describe('limits protect what they protect, and let crowds in (default settings)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(DEFAULT_LIMITS);
  });
  afterAll(() => t.close());

  it('300 workers behind one address log in within a minute and book: no 429', async () => {
    const staff = (await t.login('13800000004')).auth;
    const members = await createMembers(t, 300); // 300 dev-logins from 127.0.0.1
    const venue = await createVenue(t, staff, { rules: { capacity: 500 } });
    const slot = await createSlot(t, staff, venue.id, 2, 10, { capacity: 500 });
    const answers = await Promise.all(members.map((m) => t.http.post(`${API}/bookings`).set(m.auth).send({ slotId: slot.id })));
    expect(tally(answers)).toEqual({ '201 confirmed': 300 });
  });

  it('a member gets at most 5 booking attempts in 10 s (429 with Retry-After); others are not affected', async () => {
    const staff = (await t.login('13800000004')).auth;
    const [eager, other] = await createMembers(t, 2);
    const venue = await createVenue(t, staff);
    const slots = await Promise.all([1, 2, 3, 4, 5, 6].map((h) => createSlot(t, staff, venue.id, 3, h + 8)));
    const statuses: number[] = [];
    for (const s of slots) statuses.push((await t.http.post(`${API}/bookings`).set(eager.auth).send({ slotId: s.id })).status);
    expect(statuses.slice(0, 5).every((s) => s === 201)).toBe(true);
    expect(statuses[5]).toBe(429);
    const refused = await t.http.post(`${API}/bookings`).set(eager.auth).send({ slotId: slots[5].id }).expect(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(10);
    await t.http.post(`${API}/bookings`).set(other.auth).send({ slotId: slots[5].id }).expect(201);
    // After the window the eager member books again.
    await new Promise((r) => setTimeout(r, 10_500));
    await t.http.post(`${API}/bookings`).set(eager.auth).send({ slotId: slots[5].id }).expect(201);
  }, 60_000);
});

describe('uploads per member are limited before the body is read', () => {
  let t: TestApp;
  let worker: Auth;
  let claimId: string;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_UPLOAD: '2' });
    worker = (await t.login('13800000001')).auth;
    const plan = await demoPlan(t, worker);
    claimId = (await createDraft(t, worker, plan.id, midYear(t, plan))).id;
  });
  afterAll(() => t.close());

  it('answers 429 to the third upload in the window, and stores nothing for it', async () => {
    const up = async (seed: number) => t.http.post(`${API}/claims/${claimId}/documents`).set(worker).field('type', 'invoice').attach('file', await jpeg(200, 200, seed), 'p.jpg');
    expect([(await up(1)).status, (await up(2)).status]).toEqual([201, 201]);
    const third = await up(3);
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM documents WHERE ownerId = ?', [claimId]);
    expect(Number(n)).toBeLessThanOrEqual(2);
  });
});

describe('the per-address flood guard', () => {
  it('refuses an address past its ceiling on any endpoint, with Retry-After', async () => {
    const t = await createTestApp({ RATE_LIMIT_ADDRESS: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await t.http.get(`${API}/health`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await t.close();
    }
  });
});

(REDIS ? describe : describe.skip)('counters shared by instances through Redis (TEST_REDIS_URL)', () => {
  it('two instances count one address together', async () => {
    const env = { RATE_LIMIT_ADDRESS: '5', REDIS_URL: REDIS!, REDIS_KEY_PREFIX: `uh:test:${randomBytes(6).toString('hex')}:` };
    const a = await createTestApp(env);
    const b = await createTestApp(env);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await a.http.get(`${API}/health`)).status);
      for (let i = 0; i < 3; i++) statuses.push((await b.http.get(`${API}/health`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('without Redis each instance counts alone', async () => {
    const a = await createTestApp({ RATE_LIMIT_ADDRESS: '5' });
    const b = await createTestApp({ RATE_LIMIT_ADDRESS: '5' });
    try {
      for (let i = 0; i < 3; i++) await a.http.get(`${API}/health`).expect(200);
      for (let i = 0; i < 3; i++) await b.http.get(`${API}/health`).expect(200);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a rate-limit store that is down', () => {
  it('lets requests through instead of failing them (a limit must not take the service down)', async () => {
    const t = await createTestApp({ RATE_LIMIT_ADDRESS: '5', REDIS_URL: 'redis://127.0.0.1:9' });
    try {
      const started = Date.now();
      for (let i = 0; i < 8; i++) await t.http.get(`${API}/health`).expect(200);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await t.close();
    }
  });
});
