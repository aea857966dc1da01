import type { StaffGrantResponse } from '@unionhome/shared';
import { demoPlan, midYear, submittedClaim } from './support/claims';
import { createTestApp, TestApp } from './support/test-app';

type Auth = { Authorization: string };
const bearer = (token: string): Auth => ({ Authorization: `Bearer ${token}` });
const CHINESE = expect.stringMatching(/[\u4e00-\u9fa5]/);

describe('staff and roles: /admin/staff', () => {
  let t: TestApp;
  let admin: Auth;
  let orgs: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.login('13800000006')).auth;
    orgs = {};
    for (const code of ['DEMO-DISTRICT', 'DEMO-GRASSROOTS', 'DEMO-COURIER', 'DEMO-PALACE']) {
      orgs[code] = (await t.http.get(`/api/v1/orgs?code=${code}`).expect(200)).body[0].id;
    }
  });
  afterAll(() => t.close());

  const list = async (query = '', auth: Auth = admin): Promise<StaffGrantResponse[]> => (await t.http.get(`/api/v1/admin/staff${query}`).set(auth).expect(200)).body.data;
  const grant = (body: object, auth: Auth = admin) => t.http.post('/api/v1/admin/staff').set(auth).send(body);
  const grantOf = async (phoneMasked: string, role: string, auth: Auth = admin) => (await list(`?role=${role}&limit=100`, auth)).find((g) => g.phoneMasked === phoneMasked);
  const auditRows = (subjectId: string) =>
    t.ds.query('SELECT actorId, action, subjectType, subjectId, detail FROM audit_logs WHERE subjectId = ? ORDER BY createdAt, action', [subjectId]) as Promise<
      Array<{ actorId: string; action: string; subjectType: string; subjectId: string; detail: string }>
    >;
  const adminGrantCount = async () => Number((await t.ds.query("SELECT COUNT(*) AS n FROM user_roles WHERE role = 'admin'"))[0].n);

  it('only admins: 401 without a token, 403 for an officer, a reviewer and a member', async () => {
    await t.http.get('/api/v1/admin/staff').expect(401);
    const someGrant = (await list())[0];
    for (const phone of ['13800000002', '13800000003', '13800000001', '13800000004', '13800000005']) {
      const who = (await t.login(phone)).auth;
      expect((await t.http.get('/api/v1/admin/staff').set(who).expect(403)).body.code).toBe('FORBIDDEN');
      await grant({ phone: '13900000099', role: 'admin' }, who).expect(403);
      await t.http.delete(`/api/v1/admin/staff/${someGrant.id}`).set(who).expect(403);
    }
    expect(await t.ds.query("SELECT id FROM users WHERE phone = '13900000099'")).toEqual([]);
  });

  it('lists grants as a page, in role order, filtered by role and by an organisation with its subtree', async () => {
    const page = (await t.http.get('/api/v1/admin/staff').set(admin).expect(200)).body;
    expect(page).toMatchObject({ total: 5, page: 1, limit: 20 });
    expect(page.data.map((g: StaffGrantResponse) => g.role)).toEqual(['officer', 'claim_reviewer', 'venue_staff', 'hardship_reviewer', 'admin']);
    const officer = page.data[0];
    expect(officer).toEqual({ id: expect.any(String), userId: expect.any(String), name: '王芳', phoneMasked: '138****0002', role: 'officer', orgId: orgs['DEMO-GRASSROOTS'], orgName: '示范基层工会' });
    expect(page.data[1]).toEqual({ id: expect.any(String), userId: expect.any(String), name: '陈静', phoneMasked: '138****0003', role: 'claim_reviewer' });

    expect((await list('?role=venue_staff')).map((g) => g.orgName)).toEqual(['示范工人文化宫']);
    expect((await list(`?orgId=${orgs['DEMO-DISTRICT']}`)).map((g) => g.name)).toEqual(['王芳']);
    expect(await list(`?orgId=${orgs['DEMO-COURIER']}`)).toEqual([]);
    expect(await list('?orgId=00000000-0000-4000-8000-000000000000')).toEqual([]);
    const paged = (await t.http.get('/api/v1/admin/staff?limit=2&page=2').set(admin).expect(200)).body;
    expect(paged).toMatchObject({ total: 5, page: 2, limit: 2 });
    expect(paged.data.map((g: StaffGrantResponse) => g.role)).toEqual(['venue_staff', 'hardship_reviewer']);
    expect((await t.http.get('/api/v1/admin/staff?role=boss').set(admin).expect(400)).body.fields.role).toEqual(CHINESE);
    expect((await t.http.get('/api/v1/admin/staff?role=member').set(admin).expect(400)).body.fields.role).toBeDefined();
  });

  it('refuses bad grants with 400 and the field: role, phone, a missing, unknown or wrong kind of organisation', async () => {
    const refused = async (body: object, field: string) => {
      const res = await grant(body).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: CHINESE, fields: { [field]: CHINESE } });
    };
    await refused({ phone: '13900000001', role: 'boss' }, 'role');
    await refused({ phone: '13900000001', role: 'member' }, 'role');
    await refused({ phone: '13900000001' }, 'role');
    await refused({ phone: '1390000000', role: 'admin' }, 'phone');
    await refused({ phone: '23900000001', role: 'admin' }, 'phone');
    await refused({ phone: '13900000001', role: 'officer' }, 'orgId');
    await refused({ phone: '13900000001', role: 'venue_staff' }, 'orgId');
    await refused({ phone: '13900000001', role: 'officer', orgId: '00000000-0000-4000-8000-000000000000' }, 'orgId');
    await refused({ phone: '13900000001', role: 'officer', orgId: 'not-an-org' }, 'orgId');
    await refused({ phone: '13900000001', role: 'venue_staff', orgId: orgs['DEMO-GRASSROOTS'] }, 'orgId');
    await refused({ phone: '13900000001', role: 'officer', orgId: orgs['DEMO-PALACE'] }, 'orgId');
    await refused({ phone: '13900000001', role: 'admin', orgId: orgs['DEMO-GRASSROOTS'] }, 'orgId');
    await refused({ phone: '13900000001', role: 'admin', name: '名'.repeat(51) }, 'name');
    expect((await grant({ phone: '13900000001', role: 'admin', isRoot: true }).expect(400)).body.fields).toEqual({ isRoot: '不支持该字段' });
    // nothing was created by any of these
    expect(await t.ds.query("SELECT id FROM users WHERE phone = '13900000001'")).toEqual([]);
  });

  it('grants nothing for a deactivated organisation', async () => {
    const created = await t.http
      .post('/api/v1/admin/orgs')
      .set(admin)
      .send({ code: 'STAFF-STOPPED', name: '已撤销的测试工会', type: 'grassroots', parentId: orgs['DEMO-DISTRICT'], creditCode: '81330602MA2D1234X7' })
      .expect(201);
    await t.http.patch(`/api/v1/admin/orgs/${created.body.id}`).set(admin).send({ active: false }).expect(200);
    const res = await grant({ phone: '13900000002', role: 'officer', orgId: created.body.id }).expect(400);
    expect(res.body.fields.orgId).toContain('停用');
  });

  it('grants by phone to a person never seen before; granting again returns the same grant; audited once', async () => {
    const first = await grant({ phone: '13900000011', name: ' 周杰 ', role: 'officer', orgId: orgs['DEMO-COURIER'] }).expect(201);
    expect(first.body).toEqual({ id: expect.any(String), userId: expect.any(String), name: '周杰', phoneMasked: '139****0011', role: 'officer', orgId: orgs['DEMO-COURIER'], orgName: '顺达快递基层工会' });
    const again = await grant({ phone: '13900000011', role: 'officer', orgId: orgs['DEMO-COURIER'] }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await auditRows(first.body.id)).toEqual([
      { actorId: expect.any(String), action: 'staff.grant', subjectType: 'user_role', subjectId: first.body.id, detail: `user=${first.body.userId} role=officer org=${orgs['DEMO-COURIER']}` },
    ]);
    const adminId = (await t.http.get('/api/v1/me').set(admin).expect(200)).body.id;
    expect((await auditRows(first.body.id))[0].actorId).toBe(adminId);

    // The new person logs in (dev-login in the demo; SMS on a real service) and acts as officer of that union.
    const officer = await t.login('13900000011');
    expect(officer.user.roles).toEqual(['officer']);
    await t.http.get(`/api/v1/orgs/${orgs['DEMO-COURIER']}/membership-applications`).set(officer.auth).expect(200);
    await t.http.get(`/api/v1/orgs/${orgs['DEMO-GRASSROOTS']}/membership-applications`).set(officer.auth).expect(404);

    // One organisation per scoped role: a second union for the same officer is refused until the first is revoked.
    const other = await grant({ phone: '13900000011', role: 'officer', orgId: orgs['DEMO-GRASSROOTS'] }).expect(409);
    expect(other.body).toMatchObject({ code: 'ROLE_HELD_FOR_OTHER_ORG', message: CHINESE });

    // A second role for the same person is a second grant; a name already recorded is kept.
    const palace = await grant({ phone: '13900000011', name: '别的名字', role: 'venue_staff', orgId: orgs['DEMO-PALACE'] }).expect(201);
    expect(palace.body).toMatchObject({ userId: first.body.userId, name: '周杰', role: 'venue_staff', orgName: '示范工人文化宫' });
    const payer = await grant({ phone: '13900000012', role: 'claim_payer' }).expect(201);
    expect(payer.body).toEqual({ id: expect.any(String), userId: expect.any(String), name: '', phoneMasked: '139****0012', role: 'claim_payer' });
    expect((await t.login('13900000012')).user.roles).toEqual(['claim_payer']);
  });

  it('Idempotency-Key: a repeat replays the first answer, another body with the same key is refused', async () => {
    const body = { phone: '13900000021', role: 'hardship_reviewer' };
    const a = await grant(body).set('Idempotency-Key', 'grant-21').expect(201);
    const b = await grant(body).set('Idempotency-Key', 'grant-21').expect(201);
    expect(b.body).toEqual(a.body);
    expect((await grant({ ...body, role: 'claim_reviewer' }).set('Idempotency-Key', 'grant-21').expect(409)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await t.ds.query("SELECT r.role FROM user_roles r JOIN users u ON u.id = r.userId WHERE u.phone = '13900000021'")).toEqual([{ role: 'hardship_reviewer' }]);
  });

  it('a granted claim payer registers the payment of a claim another person approved, and reviews nothing', async () => {
    const plan = await demoPlan(t, admin);
    const today = midYear(t, plan);
    try {
      const worker = (await t.login('13800000001')).auth;
      const reviewer = (await t.login('13800000003')).auth;
      const id = await submittedClaim(t, worker, plan.id, today);
      await t.http.post(`/api/v1/claims/${id}/start-review`).set(reviewer).send({}).expect(200);
      await t.http.post(`/api/v1/claims/${id}/decision`).set(reviewer).send({ decision: 'approve' }).expect(200);
      await grant({ phone: '13900000051', role: 'claim_payer' }).expect(201);
      const payer = (await t.login('13900000051')).auth;
      await t.http.get('/api/v1/review/claims').set(payer).expect(403);
      expect((await t.http.post(`/api/v1/claims/${id}/paid`).set(payer).send({ paidAt: today, reference: 'BANK-20260715-009' }).expect(200)).body).toMatchObject({ id, status: 'paid' });
    } finally {
      t.clock.reset();
    }
  });

  it('concurrent grants of the same role to a new phone make one person and one grant', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => grant({ phone: '13900000031', role: 'claim_reviewer' })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(Number((await t.ds.query("SELECT COUNT(*) AS n FROM users WHERE phone = '13900000031'"))[0].n)).toBe(1);
    expect(Number((await t.ds.query("SELECT COUNT(*) AS n FROM user_roles r JOIN users u ON u.id = r.userId WHERE u.phone = '13900000031'"))[0].n)).toBe(1);
    expect(await auditRows(results[0].body.id)).toHaveLength(1);
  });

  it("a grant holds from the grantee's next request: the old token stops, the refreshed one carries the new role", async () => {
    const lina = await t.login('13800000007');
    await t.http.get('/api/v1/me').set(lina.auth).expect(200);
    const res = await grant({ phone: '13800000007', name: '改名', role: 'officer', orgId: orgs['DEMO-GRASSROOTS'] }).expect(201);
    expect(res.body.name).toBe('李娜');
    expect((await t.http.get('/api/v1/me').set(lina.auth).expect(401)).body.code).toBe('TOKEN_INVALID');
    const refreshed = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: lina.refreshToken }).expect(200);
    expect(refreshed.body.user.roles).toEqual(['officer']);
    await t.http.get(`/api/v1/orgs/${orgs['DEMO-GRASSROOTS']}/membership-applications`).set(bearer(refreshed.body.accessToken)).expect(200);
  });

  it("a revoked claim reviewer's old access token is refused at its next request; the refreshed one has no reviewer rights", async () => {
    const reviewer = await t.login('13800000003');
    await t.http.get('/api/v1/review/claims').set(reviewer.auth).expect(200);
    const g = (await grantOf('138****0003', 'claim_reviewer'))!;
    await t.http.delete(`/api/v1/admin/staff/${g.id}`).set(admin).expect(204);
    expect((await t.http.get('/api/v1/review/claims').set(reviewer.auth).expect(401)).body.code).toBe('TOKEN_INVALID');
    const refreshed = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: reviewer.refreshToken }).expect(200);
    expect(refreshed.body.user.roles).not.toContain('claim_reviewer');
    expect((await t.http.get('/api/v1/review/claims').set(bearer(refreshed.body.accessToken)).expect(403)).body.code).toBe('FORBIDDEN');
    expect(await grantOf('138****0003', 'claim_reviewer')).toBeUndefined();
    expect((await auditRows(g.id)).map((r) => r.action)).toEqual(['staff.revoke']);
    expect((await auditRows(g.id))[0].detail).toBe(`user=${g.userId} role=claim_reviewer`);

    // gone is gone: 404 for it, for an unknown id and for something that is not an id
    expect((await t.http.delete(`/api/v1/admin/staff/${g.id}`).set(admin).expect(404)).body.code).toBe('GRANT_NOT_FOUND');
    await t.http.delete('/api/v1/admin/staff/00000000-0000-4000-8000-000000000000').set(admin).expect(404);
    await t.http.delete('/api/v1/admin/staff/nope').set(admin).expect(404);
  });

  it('the last admin cannot be revoked (409 LAST_ADMIN); with a second admin one of them can go', async () => {
    const own = (await grantOf('138****0006', 'admin'))!;
    const last = await t.http.delete(`/api/v1/admin/staff/${own.id}`).set(admin).expect(409);
    expect(last.body).toMatchObject({ code: 'LAST_ADMIN', message: CHINESE });
    expect(await adminGrantCount()).toBe(1);

    const second = await grant({ phone: '13900000041', role: 'admin' }).expect(201);
    await t.http.delete(`/api/v1/admin/staff/${second.body.id}`).set(admin).expect(204);
    expect(await adminGrantCount()).toBe(1);
    await t.http.delete(`/api/v1/admin/staff/${own.id}`).set(admin).expect(409);
  });

  it('two admins revoking each other at the same moment leave exactly one admin', async () => {
    // Several rounds: each pairs the surviving admin with a new one, and both revoke the other at once.
    let survivor = { phone: '13800000006', auth: admin };
    for (let round = 0; round < 6; round++) {
      const phone = `1390000010${round}`;
      const newGrant = (await grant({ phone, role: 'admin' }, survivor.auth).expect(201)).body as StaffGrantResponse;
      const newcomer = { phone, auth: (await t.login(phone)).auth };
      const survivorGrant = (await grantOf(`${survivor.phone.slice(0, 3)}****${survivor.phone.slice(-4)}`, 'admin', survivor.auth))!;
      const [a, b] = await Promise.all([
        t.http.delete(`/api/v1/admin/staff/${newGrant.id}`).set(survivor.auth),
        t.http.delete(`/api/v1/admin/staff/${survivorGrant.id}`).set(newcomer.auth),
      ]);
      const statuses = [a.status, b.status].sort();
      // One revoke wins (204); the other finds the last admin (409), or — when the winner's change
      // landed first — its own token already void (401).
      expect(statuses[0]).toBe(204);
      expect([401, 409]).toContain(statuses[1]);
      expect(await adminGrantCount()).toBe(1);
      survivor = a.status === 204 ? survivor : newcomer;
      expect((await t.http.get('/api/v1/admin/staff').set(survivor.auth).expect(200)).body.total).toBeGreaterThan(0);
    }
  });
});
