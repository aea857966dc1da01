import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LessThanOrEqual } from 'typeorm';
import { CardTokenUseEntity } from '../src/membership/entities/card-token-use.entity';
import { applicationBody, createInvite, idNumber, newPerson, orgId } from './support/membership-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const API = '/api/v1';
type Auth = Record<string, string>;

describe('membership card: the 60-second QR and its verification', () => {
  let t: TestApp;
  let member: Auth;
  let venueStaff: Auth;
  let officer: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    member = (await t.login('13800000001')).auth;
    venueStaff = (await t.login('13800000004')).auth;
    officer = (await t.login('13800000002')).auth;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const verify = (auth: Auth, token: unknown) => t.http.post(`${API}/cards/verify`).set(auth).send({ token });

  it('GET /me/card: member number, name, union, join date, status and a QR token valid for 60 s', async () => {
    t.clock.set('2026-11-22T02:00:00.400Z');
    const res = await t.http.get(`${API}/me/card`).set(member).expect(200);
    expect(res.body).toEqual({
      memberNo: 'M330602000001',
      name: '张伟',
      orgName: '示范基层工会',
      joinedAt: expect.stringMatching(/^\d{4}-01-01$/),
      status: 'active',
      qr: { token: expect.any(String), expiresAt: '2026-11-22T02:01:00.000Z' },
    });
    // Every request gives a fresh token (new nonce), so the page's refresh shows a new code.
    const again = await t.http.get(`${API}/me/card`).set(member).expect(200);
    expect(again.body.qr.token).not.toBe(res.body.qr.token);
  });

  it('a non-member has no card: 404 NOT_A_MEMBER', async () => {
    const lina = (await t.login('13800000007')).auth;
    expect((await t.http.get(`${API}/me/card`).set(lina).expect(404)).body).toEqual({ code: 'NOT_A_MEMBER', message: '您还不是工会会员' });
    await t.http.get(`${API}/me/card`).expect(401);
  });

  it('venue staff and officers verify a fresh card; the name is masked', async () => {
    for (const staff of [venueStaff, officer]) {
      const { body } = await t.http.get(`${API}/me/card`).set(member).expect(200);
      const res = await verify(staff, body.qr.token).expect(200);
      expect(res.body).toEqual({ valid: true, memberNo: 'M330602000001', nameMasked: '张*', orgName: '示范基层工会', status: 'active' });
    }
  });

  it('a card QR is good for one check: the same token again (a forwarded screenshot) is INVALID, the next refresh is fine', async () => {
    const { body } = await t.http.get(`${API}/me/card`).set(member).expect(200);
    expect((await verify(venueStaff, body.qr.token).expect(200)).body.valid).toBe(true);
    for (const staff of [venueStaff, officer]) {
      expect((await verify(staff, body.qr.token).expect(200)).body).toEqual({ valid: false, reason: 'INVALID', message: '这个二维码已经核验过一次，不能重复使用，请会员刷新会员卡后重新出示' });
    }
    const next = (await t.http.get(`${API}/me/card`).set(member).expect(200)).body;
    expect((await verify(officer, next.qr.token).expect(200)).body.valid).toBe(true);
  });

  it('two scans of one QR at the same moment: exactly one is valid', async () => {
    const { body } = await t.http.get(`${API}/me/card`).set(member).expect(200);
    const results = await Promise.all([venueStaff, officer, venueStaff, officer].map((staff) => verify(staff, body.qr.token).expect(200)));
    expect(results.filter((r) => r.body.valid).length).toBe(1);
  });

  it('used tokens are kept only until they expire', async () => {
    t.clock.set('2026-11-25T02:00:00Z');
    const { body } = await t.http.get(`${API}/me/card`).set(member).expect(200);
    expect((await verify(venueStaff, body.qr.token).expect(200)).body.valid).toBe(true);
    const kept = () => t.ds.manager.countBy(CardTokenUseEntity, { expiresAt: LessThanOrEqual(new Date('2026-11-25T02:01:00Z')) });
    expect(await kept()).toBeGreaterThan(0);
    // a check a few minutes later purges the expired ones on its way
    t.clock.advance(5 * 60_000);
    const later = (await t.http.get(`${API}/me/card`).set(member).expect(200)).body;
    expect((await verify(venueStaff, later.qr.token).expect(200)).body.valid).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(await kept()).toBe(0);
  });

  it('only venue staff and officers may verify', async () => {
    const { body } = await t.http.get(`${API}/me/card`).set(member).expect(200);
    expect((await verify(member, body.qr.token).expect(403)).body.code).toBe('FORBIDDEN');
    await t.http.post(`${API}/cards/verify`).send({ token: body.qr.token }).expect(401);
  });

  it('the token expires after 60 seconds (controllable clock): EXPIRED', async () => {
    t.clock.set('2026-11-22T02:00:00Z');
    const { body } = await t.http.get(`${API}/me/card`).set(member).expect(200);
    t.clock.advance(59_000);
    expect((await verify(venueStaff, body.qr.token).expect(200)).body.valid).toBe(true);
    t.clock.advance(1_000);
    expect((await verify(venueStaff, body.qr.token).expect(200)).body).toEqual({ valid: false, reason: 'EXPIRED', message: expect.stringMatching(/过期/) });
    t.clock.advance(86_400_000); // yesterday's screenshot
    expect((await verify(venueStaff, body.qr.token).expect(200)).body.reason).toBe('EXPIRED');
  });

  it('a forged or tampered token is INVALID', async () => {
    const { body } = await t.http.get(`${API}/me/card`).set(member).expect(200);
    const token: string = body.qr.token;
    const [id, expiry, nonce, sig] = token.split('.');
    const lina = await newPerson(t);
    const tampered = [
      `${id}.${(parseInt(expiry, 36) + 3600).toString(36)}.${nonce}.${sig}`, // extended expiry
      `${lina.id}.${expiry}.${nonce}.${sig}`, // someone else's membership id
      `${id}.${expiry}.${nonce}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, // one character of the signature
      `${id}.${expiry}.${nonce}`,
      'not-a-card',
      '',
    ];
    for (const bad of tampered) {
      expect((await verify(venueStaff, bad).expect(200)).body).toEqual({ valid: false, reason: 'INVALID', message: '不是有效的会员卡二维码' });
    }
    expect((await verify(venueStaff, 12345).expect(400)).body.fields.token).toBeDefined();
    expect((await verify(venueStaff, 'x'.repeat(301)).expect(400)).body.fields.token).toBeDefined();
  });

  it('a member who joins gets a card at once; after transferring away, the old card is not valid', async () => {
    const worker = await newPerson(t);
    const grassroots = await orgId(t, 'DEMO-GRASSROOTS');
    const courier = await orgId(t, 'DEMO-COURIER');
    const id = idNumber('19950101', 500);
    const created = await t.http.post(`${API}/membership-applications`).set(worker.auth).send(applicationBody(await createInvite(t, officer, grassroots), { idNumber: id })).expect(201);
    await t.http.get(`${API}/me/card`).set(worker.auth).expect(404);
    await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(officer).expect(200);
    const oldCard = (await t.http.get(`${API}/me/card`).set(worker.auth).expect(200)).body;
    expect((await verify(venueStaff, oldCard.qr.token).expect(200)).body.valid).toBe(true);

    const admin = (await t.login('13800000006')).auth;
    const transfer = await t.http.post(`${API}/membership-applications`).set(worker.auth).send(applicationBody(await createInvite(t, admin, courier), { idNumber: id })).expect(201);
    await t.http.post(`${API}/membership-applications/${transfer.body.id}/approve`).set(admin).expect(200);
    expect((await verify(venueStaff, oldCard.qr.token).expect(200)).body).toMatchObject({ valid: false, reason: 'INVALID', message: '该会员卡已失效（会员已退会或已转会）' });
    const newCard = (await t.http.get(`${API}/me/card`).set(worker.auth).expect(200)).body;
    expect(newCard.orgName).toBe('顺达快递基层工会');
    expect((await verify(venueStaff, newCard.qr.token).expect(200)).body).toMatchObject({ valid: true, orgName: '顺达快递基层工会' });
  });
});

describe('personal information: no plaintext ID number in the database or the logs', () => {
  let t: TestApp;
  let logFile: string;

  beforeAll(async () => {
    logFile = join(require('node:os').tmpdir(), `uh-membership-log-${process.pid}-${Date.now()}.log`);
    t = await createTestApp({ LOG_LEVEL: 'debug', LOG_FILE: logFile });
  });
  afterAll(() => t.close());

  it('after join, approval, reads and export, no table holds a readable ID number', async () => {
    const officer = (await t.login('13800000002')).auth;
    const grassroots = await orgId(t, 'DEMO-GRASSROOTS');
    const worker = await newPerson(t);
    const rejected = await newPerson(t);
    const id = idNumber('19870707', 777);
    const rejectedId = idNumber('19870707', 778);
    const token = await createInvite(t, officer, grassroots);

    const a = await t.http.post(`${API}/membership-applications`).set(worker.auth).send(applicationBody(token, { idNumber: id })).expect(201);
    const b = await t.http.post(`${API}/membership-applications`).set(rejected.auth).send(applicationBody(token, { idNumber: rejectedId.toLowerCase() })).expect(201);
    // A bad try with the number in it: refused, and still not logged or stored.
    await t.http.post(`${API}/membership-applications`).set(worker.auth).send(applicationBody(token, { idNumber: id, consent: false })).expect(400);
    const list = await t.http.get(`${API}/orgs/${grassroots}/membership-applications?status=pending`).set(officer).expect(200);
    await t.http.get(`${API}/membership-applications/${a.body.id}`).set(officer).expect(200);
    await t.http.post(`${API}/membership-applications/${a.body.id}/approve`).set(officer).expect(200);
    await t.http.post(`${API}/membership-applications/${b.body.id}/reject`).set(officer).send({ reason: '信息不符' }).expect(200);
    const members = await t.http.get(`${API}/orgs/${grassroots}/members?limit=100`).set(officer).expect(200);
    const member = members.body.data.find((m: { name: string }) => m.name === '李娜');
    await t.http.get(`${API}/orgs/${grassroots}/members/${member.id}`).set(officer).expect(200);
    const csv = await t.http.get(`${API}/orgs/${grassroots}/members/export`).set(officer).expect(200);

    // Responses: masked only.
    for (const body of [JSON.stringify(list.body), JSON.stringify(members.body), csv.text]) {
      expect(body).not.toContain(id);
      expect(body).not.toContain(rejectedId);
    }

    // Every row of every table, read straight from the database.
    const middle = (x: string) => x.slice(4, 14); // the masked-out part: birth date and more
    let rowsSeen = 0;
    for (const meta of t.ds.entityMetadatas) {
      const rows: unknown[] = await t.ds.query(`SELECT * FROM ${t.ds.driver.escape(meta.tableName)}`);
      rowsSeen += rows.length;
      const dump = JSON.stringify(rows);
      for (const secret of [id, rejectedId, rejectedId.toLowerCase(), middle(id), middle(rejectedId)]) {
        expect({ table: meta.tableName, found: dump.includes(secret) }).toEqual({ table: meta.tableName, found: false });
      }
    }
    expect(rowsSeen).toBeGreaterThan(20);

    // And the logs (debug level, every request line).
    const logs = readFileSync(logFile, 'utf8');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).toContain('membership-applications');
    for (const secret of [id, rejectedId, middle(id), middle(rejectedId)]) expect(logs).not.toContain(secret);
  });
});
