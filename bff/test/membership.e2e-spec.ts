import { MEMBERSHIP_NOTICE } from '@unionhome/shared';
import { AuditLogEntity } from '../src/common/entities/audit-log.entity';
import { MembershipApplicationEntity } from '../src/membership/entities/membership-application.entity';
import { MembershipInviteEntity } from '../src/membership/entities/membership-invite.entity';
import { MembershipEntity } from '../src/membership/entities/membership.entity';
import { UserEntity } from '../src/users/entities/user.entity';
import { applicationBody, createInvite, idNumber, newPerson, orgId, withBadCheck } from './support/membership-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const API = '/api/v1';
type Auth = Record<string, string>;

describe('membership: invites, qualification checks, review, transfer', () => {
  let t: TestApp;
  let grassroots: string;
  let courier: string;
  let officer: Auth;
  let courierOfficer: Auth;
  let grassrootsInvite: string;

  beforeAll(async () => {
    t = await createTestApp();
    grassroots = await orgId(t, 'DEMO-GRASSROOTS');
    courier = await orgId(t, 'DEMO-COURIER');
    officer = (await t.login('13800000002')).auth;
    courierOfficer = (await newPerson(t, { name: '顺达干部', role: { role: 'officer', orgId: courier } })).auth;
    grassrootsInvite = await createInvite(t, officer, grassroots, { expiresInHours: 720 });
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const apply = (auth: Auth, body: Record<string, unknown>, headers: Auth = {}) =>
    t.http.post(`${API}/membership-applications`).set(auth).set(headers).send(body);

  describe('invites', () => {
    it('an officer creates an invite: short token, PNG QR code, mini-program path and H5 link', async () => {
      const before = Date.now();
      const res = await t.http.post(`${API}/orgs/${grassroots}/invites`).set(officer).send({ expiresInHours: 24, maxUses: 50 }).expect(201);
      expect(res.body).toMatchObject({
        token: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{20}$/),
        orgName: '示范基层工会',
        maxUses: 50,
        usedCount: 0,
        status: 'active',
        qrPng: expect.stringMatching(/^data:image\/png;base64,/),
      });
      expect(res.body.token.length).toBeLessThanOrEqual(32);
      expect(res.body.path).toBe(`pages/join/index?scene=${res.body.token}`);
      expect(res.body.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#/pages/join/index\\?scene=${res.body.token}$`));
      const hours = (Date.parse(res.body.expiresAt) - before) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThan(24.1);
      const png = Buffer.from(res.body.qrPng.split(',')[1], 'base64');
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    });

    it('the QR link uses PUBLIC_URL when it is configured', async () => {
      const saved = t.config.publicUrl;
      (t.config as { publicUrl: string | null }).publicUrl = 'https://union.example.cn';
      try {
        const res = await t.http.post(`${API}/orgs/${grassroots}/invites`).set(officer).send({}).expect(201);
        expect(res.body.url).toBe(`https://union.example.cn/#/pages/join/index?scene=${res.body.token}`);
      } finally {
        (t.config as { publicUrl: string | null }).publicUrl = saved;
      }
    });

    it('a retried create with the same Idempotency-Key returns the same invite', async () => {
      const key = { 'Idempotency-Key': 'invite-retry-1' };
      const a = await t.http.post(`${API}/orgs/${grassroots}/invites`).set(officer).set(key).send({ maxUses: 3 }).expect(201);
      const b = await t.http.post(`${API}/orgs/${grassroots}/invites`).set(officer).set(key).send({ maxUses: 3 }).expect(201);
      expect(b.body.token).toBe(a.body.token);
    });

    it('refuses bad input, wrong roles, other unions and non-grassroots unions', async () => {
      const bad = await t.http.post(`${API}/orgs/${grassroots}/invites`).set(officer).send({ expiresInHours: 0, maxUses: 0, colour: 'red' }).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { expiresInHours: '有效期至少1小时', maxUses: '使用次数至少为1', colour: '不支持该字段' } });
      expect((await t.http.post(`${API}/orgs/${grassroots}/invites`).set(officer).send({ expiresInHours: 721 }).expect(400)).body.fields.expiresInHours).toBe('有效期最长30天');
      const member = (await t.login('13800000001')).auth;
      expect((await t.http.post(`${API}/orgs/${grassroots}/invites`).set(member).send({}).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await t.http.post(`${API}/orgs/${courier}/invites`).set(officer).send({}).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await t.http.get(`${API}/orgs/${courier}/invites`).set(officer).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      await t.http.post(`${API}/orgs/not-a-uuid/invites`).set(officer).send({}).expect(404);
      const admin = (await t.login('13800000006')).auth;
      const city = await orgId(t, 'DEMO-CITY');
      expect((await t.http.post(`${API}/orgs/${city}/invites`).set(admin).send({}).expect(422)).body.code).toBe('ORG_NOT_GRASSROOTS');
    });

    it('lists the union’s invites newest first and shows one with its QR code', async () => {
      const list = await t.http.get(`${API}/orgs/${grassroots}/invites?limit=2`).set(officer).expect(200);
      expect(list.body).toMatchObject({ page: 1, limit: 2, total: expect.any(Number) });
      expect(list.body.data).toHaveLength(2);
      expect(list.body.data[0].qrPng).toBeUndefined();
      const one = await t.http.get(`${API}/orgs/${grassroots}/invites/${list.body.data[0].id}`).set(officer).expect(200);
      expect(one.body).toMatchObject({ id: list.body.data[0].id, qrPng: expect.stringMatching(/^data:image\/png/) });
      await t.http.get(`${API}/orgs/${grassroots}/invites/${list.body.data[0].id}`).set(courierOfficer).expect(404);
    });

    it('anyone may preview an invite: union name, versioned notice, ID-number consent; case and spaces do not matter', async () => {
      const res = await t.http.get(`${API}/invites/${grassrootsInvite}`).expect(200);
      expect(res.body).toMatchObject({
        org: { id: grassroots, name: '示范基层工会' },
        notice: { version: MEMBERSHIP_NOTICE.version, text: expect.stringContaining('会员的权利') },
        idNumberConsent: { text: expect.stringContaining('保存期限') },
        expiresAt: expect.any(String),
      });
      const typed = grassrootsInvite.toLowerCase().replace(/(.{4})/g, '$1 ').trim();
      await t.http.get(`${API}/invites/${encodeURIComponent(typed)}`).expect(200);
      expect((await t.http.get(`${API}/invites/NOSUCHCODE0000000000`).expect(404)).body.code).toBe('INVITE_NOT_FOUND');
      expect((await t.http.get(`${API}/invites/x`).expect(404)).body.code).toBe('INVITE_NOT_FOUND');
    });

    it('an expired invite answers 410 INVITE_EXPIRED, to preview and to applications', async () => {
      const token = await createInvite(t, officer, grassroots, { expiresInHours: 1 });
      t.clock.advance(3_600_000 + 1000);
      expect((await t.http.get(`${API}/invites/${token}`).expect(410)).body).toEqual({ code: 'INVITE_EXPIRED', message: expect.stringMatching(/过期/) });
      const worker = await newPerson(t);
      expect((await apply(worker.auth, applicationBody(token, { idNumber: idNumber('19900101', 1) })).expect(410)).body.code).toBe('INVITE_EXPIRED');
    });

    it('a revoked invite answers 410 INVITE_REVOKED; revoking twice is harmless; another union cannot revoke it', async () => {
      const created = await t.http.post(`${API}/orgs/${grassroots}/invites`).set(officer).send({}).expect(201);
      await t.http.post(`${API}/orgs/${courier}/invites/${created.body.id}/revoke`).set(courierOfficer).expect(404);
      await t.http.post(`${API}/orgs/${grassroots}/invites/${created.body.id}/revoke`).set(courierOfficer).expect(404);
      const revoked = await t.http.post(`${API}/orgs/${grassroots}/invites/${created.body.id}/revoke`).set(officer).expect(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
      const again = await t.http.post(`${API}/orgs/${grassroots}/invites/${created.body.id}/revoke`).set(officer).expect(200);
      expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
      expect((await t.http.get(`${API}/invites/${created.body.token}`).expect(410)).body.code).toBe('INVITE_REVOKED');
      const worker = await newPerson(t);
      expect((await apply(worker.auth, applicationBody(created.body.token, { idNumber: idNumber('19900101', 2) })).expect(410)).body.code).toBe('INVITE_REVOKED');
    });

    it('a used-up invite answers 410 INVITE_USED_UP', async () => {
      const token = await createInvite(t, officer, grassroots, { maxUses: 1 });
      const first = await newPerson(t);
      await apply(first.auth, applicationBody(token, { idNumber: idNumber('19900101', 3) })).expect(201);
      expect((await t.http.get(`${API}/invites/${token}`).expect(410)).body.code).toBe('INVITE_USED_UP');
      const second = await newPerson(t);
      expect((await apply(second.auth, applicationBody(token, { idNumber: idNumber('19900101', 4) })).expect(410)).body.code).toBe('INVITE_USED_UP');
    });
  });

  describe('qualification checks', () => {
    it('needs a login', async () => {
      await t.http.post(`${API}/membership-applications`).send(applicationBody(grassrootsInvite)).expect(401);
    });

    it('a bad check digit is 400 VALIDATION_FAILED on fields.idNumber, in Chinese', async () => {
      const worker = await newPerson(t);
      const res = await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: withBadCheck(idNumber('19900101', 5)) })).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { idNumber: '身份证号码校验位不正确，请核对' } });
      const short = await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: '33060219900101' })).expect(400);
      expect(short.body.fields.idNumber).toBe('身份证号码应为18位');
    });

    it('a birth date in the future is refused on fields.idNumber', async () => {
      const worker = await newPerson(t);
      const res = await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: idNumber('20990101', 6) })).expect(400);
      expect(res.body.fields.idNumber).toBe('身份证号码中的出生日期不正确');
    });

    it('under 16 is 422 TOO_YOUNG; sixteen today is old enough', async () => {
      t.clock.set('2026-06-15T02:00:00Z'); // 10:00 in Shanghai
      const young = await newPerson(t);
      const res = await apply(young.auth, applicationBody(grassrootsInvite, { idNumber: idNumber('20100616', 7) })).expect(422);
      expect(res.body).toEqual({ code: 'TOO_YOUNG', message: '年满16周岁才能加入工会' });
      await apply(young.auth, applicationBody(grassrootsInvite, { idNumber: idNumber('20100615', 8) })).expect(201);
    });

    it('every other field is checked with a Chinese message', async () => {
      const worker = await newPerson(t);
      const res = await apply(worker.auth, { ...applicationBody(grassrootsInvite), name: '李娜2', phone: '1380000', employer: ' ', jobType: '宇航员', consent: false }).expect(400);
      expect(res.body.fields).toEqual({
        name: '姓名只能包含汉字或字母',
        phone: '手机号码应为11位数字',
        employer: '请填写工作单位（平台或公司名称）',
        jobType: '请从列表中选择职业',
        consent: '请先同意处理您的身份证号码',
      });
      const missing = await apply(worker.auth, { inviteToken: grassrootsInvite }).expect(400);
      expect(Object.keys(missing.body.fields).sort()).toEqual(['consent', 'employer', 'idNumber', 'name', 'noticeVersion', 'phone']);
    });

    it('a stale notice version is refused: the worker must read the current text', async () => {
      const worker = await newPerson(t);
      const res = await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: idNumber('19900101', 9), noticeVersion: '2020-01' })).expect(422);
      expect(res.body).toMatchObject({ code: 'NOTICE_OUTDATED', details: { currentVersion: MEMBERSHIP_NOTICE.version } });
    });

    it('an active member of this union gets 409 ALREADY_MEMBER', async () => {
      const zhang = await t.login('13800000001');
      const res = await apply(zhang.auth, applicationBody(grassrootsInvite, { name: '张伟', idNumber: seededZhangId() })).expect(409);
      expect(res.body).toEqual({ code: 'ALREADY_MEMBER', message: '您已经是本工会会员' });
    });

    it('an account that already has another ID number on record is refused clearly', async () => {
      const zhang = await t.login('13800000001');
      const courierInvite = await createInvite(t, courierOfficer, courier);
      const res = await apply(zhang.auth, applicationBody(courierInvite, { idNumber: idNumber('19900101', 10) })).expect(409);
      expect(res.body).toMatchObject({ code: 'ID_NUMBER_MISMATCH', fields: { idNumber: expect.stringMatching(/另一个身份证号码/) } });
    });

    it('an ID number that belongs to another account is taken for review like any other (the applicant learns nothing of that account)', async () => {
      const worker = await newPerson(t);
      const res = await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: seededZhangId() })).expect(201);
      expect(res.body).toMatchObject({ status: 'pending', kind: 'join' });
    });

    it('a second application of the same account while one is pending is 409 APPLICATION_PENDING; another account with that number is not locked out', async () => {
      const worker = await newPerson(t);
      const id = idNumber('19900101', 11);
      await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: id })).expect(201);
      expect((await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: id })).expect(409)).body.code).toBe('APPLICATION_PENDING');
      const other = await newPerson(t);
      expect((await apply(other.auth, applicationBody(grassrootsInvite, { idNumber: id })).expect(201)).body.status).toBe('pending');
    });

    it('a retry with the same Idempotency-Key returns the first answer, not APPLICATION_PENDING', async () => {
      const worker = await newPerson(t);
      const body = applicationBody(grassrootsInvite, { idNumber: idNumber('19900101', 12) });
      const first = await apply(worker.auth, body, { 'Idempotency-Key': 'join-1' }).expect(201);
      const again = await apply(worker.auth, body, { 'Idempotency-Key': 'join-1' }).expect(201);
      expect(again.body).toEqual(first.body);
    });
  });

  describe('concurrency', () => {
    it('concurrent applications of one person produce exactly one application', async () => {
      const worker = await newPerson(t);
      const body = applicationBody(grassrootsInvite, { idNumber: idNumber('19900202', 13) });
      const results = await Promise.all(Array.from({ length: 6 }, () => apply(worker.auth, body)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('APPLICATION_PENDING');
      expect(await t.ds.manager.countBy(MembershipApplicationEntity, { userId: worker.id })).toBe(1);
    });

    it('concurrent applications never take more uses of an invite than it allows', async () => {
      const created = await t.http.post(`${API}/orgs/${grassroots}/invites`).set(officer).send({ maxUses: 2 }).expect(201);
      const workers = await Promise.all(Array.from({ length: 5 }, () => newPerson(t)));
      const results = await Promise.all(workers.map((w, i) => apply(w.auth, applicationBody(created.body.token, { idNumber: idNumber('19910303', 100 + i) }))));
      expect(results.filter((r) => r.status === 201)).toHaveLength(2);
      for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe('INVITE_USED_UP');
      expect((await t.ds.manager.findOneByOrFail(MembershipInviteEntity, { id: created.body.id })).usedCount).toBe(2);
    });

    it('concurrent approvals: distinct member numbers, and one application is approved once', async () => {
      const workers = await Promise.all(Array.from({ length: 4 }, () => newPerson(t)));
      const ids: string[] = [];
      for (const [i, w] of workers.entries()) {
        ids.push((await apply(w.auth, applicationBody(grassrootsInvite, { idNumber: idNumber('19920404', 200 + i) })).expect(201)).body.id);
      }
      const approvals = await Promise.all([...ids, ids[0]].map((id) => t.http.post(`${API}/membership-applications/${id}/approve`).set(officer)));
      expect(approvals.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 409]);
      expect(approvals.find((r) => r.status === 409)!.body.code).toBe('APPLICATION_NOT_PENDING');
      const numbers = approvals.filter((r) => r.status === 200).map((r) => r.body.memberNo);
      expect(new Set(numbers).size).toBe(4);
      for (const n of numbers) expect(n).toMatch(/^M330602\d{6}$/);
      for (const w of workers) expect(await t.ds.manager.countBy(MembershipEntity, { userId: w.id })).toBe(1);
    });
  });

  describe('officer review', () => {
    it('lists pending applications of the union with ID number and phone masked; approval makes a member and a message', async () => {
      const worker = await newPerson(t);
      const id = idNumber('19930505', 300);
      const created = await apply(worker.auth, applicationBody(grassrootsInvite, { name: '孙悦', idNumber: id, phone: '13912345678', jobType: '网约车司机' })).expect(201);
      expect(created.body).toEqual({ id: expect.any(String), status: 'pending', kind: 'join', orgName: '示范基层工会', memberNo: null });

      const list = await t.http.get(`${API}/orgs/${grassroots}/membership-applications?status=pending&limit=100`).set(officer).expect(200);
      const item = list.body.data.find((a: { id: string }) => a.id === created.body.id);
      expect(item).toMatchObject({ name: '孙悦', kind: 'join', status: 'pending', idNumberMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`, phoneMasked: '139****5678', jobType: '网约车司机' });
      expect(JSON.stringify(list.body)).not.toContain(id);
      expect(JSON.stringify(list.body)).not.toContain('13912345678');

      const approved = await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(officer).expect(200);
      expect(approved.body).toEqual({ status: 'approved', memberNo: expect.stringMatching(/^M330602\d{6}$/) });
      const again = await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(officer).expect(409);
      expect(again.body.code).toBe('APPLICATION_NOT_PENDING');

      const me = await t.http.get(`${API}/me`).set(worker.auth).expect(200);
      expect(me.body).toMatchObject({ name: '孙悦', roles: ['member'], membership: { memberNo: approved.body.memberNo, orgName: '示范基层工会', status: 'active', joinedAt: t.clock.today() } });
      const messages = await t.http.get(`${API}/me/messages`).set(worker.auth).expect(200);
      expect(messages.body.data[0]).toMatchObject({ title: '入会申请已通过', body: expect.stringContaining(approved.body.memberNo), link: '/packages/membership/pages/card/index' });
      const mine = await t.http.get(`${API}/me/membership-applications`).set(worker.auth).expect(200);
      expect(mine.body.data[0]).toMatchObject({ id: created.body.id, status: 'approved', memberNo: approved.body.memberNo });
      // The identity went onto the account, encrypted, with its blind index.
      const row = await t.ds.manager.findOneByOrFail(UserEntity, { id: worker.id });
      expect(row.idNumberCipher).toMatch(/^v1\./);
      expect(row.idNumberIndex).toMatch(/^[0-9a-f]{64}$/);
      // Approved: a new application here is ALREADY_MEMBER.
      expect((await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: id })).expect(409)).body.code).toBe('ALREADY_MEMBER');
    });

    it('rejection needs a reason, tells the worker, and deletes the application’s ID number', async () => {
      const worker = await newPerson(t);
      const created = await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: idNumber('19930505', 301) })).expect(201);
      const noReason = await t.http.post(`${API}/membership-applications/${created.body.id}/reject`).set(officer).send({ reason: '  ' }).expect(400);
      expect(noReason.body.fields.reason).toBe('请填写驳回原因');
      await t.http.post(`${API}/membership-applications/${created.body.id}/reject`).set(officer).send({ reason: '不是本单位职工' }).expect(200, { status: 'rejected' });
      const messages = await t.http.get(`${API}/me/messages`).set(worker.auth).expect(200);
      expect(messages.body.data[0]).toMatchObject({ title: '入会申请未通过', body: expect.stringContaining('不是本单位职工') });
      const row = await t.ds.manager.findOneByOrFail(MembershipApplicationEntity, { id: created.body.id });
      expect(row).toMatchObject({ status: 'rejected', idNumberCipher: null, idNumberIndex: null, openUserId: null, openIdNumberIndex: null, rejectReason: '不是本单位职工' });
      // Free to apply again.
      await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: idNumber('19930505', 301) })).expect(201);
    });

    it('an officer of another union sees none of it: 404 for the list, the record, approve and reject', async () => {
      const worker = await newPerson(t);
      const created = await apply(worker.auth, applicationBody(grassrootsInvite, { idNumber: idNumber('19930505', 302) })).expect(201);
      expect((await t.http.get(`${API}/orgs/${grassroots}/membership-applications`).set(courierOfficer).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      await t.http.get(`${API}/membership-applications/${created.body.id}`).set(courierOfficer).expect(404);
      await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(courierOfficer).expect(404);
      await t.http.post(`${API}/membership-applications/${created.body.id}/reject`).set(courierOfficer).send({ reason: 'x' }).expect(404);
      await t.http.get(`${API}/membership-applications/${created.body.id}`).set((await newPerson(t)).auth).expect(404);
      await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(worker.auth).expect(403);
      // The worker reads their own without an audit row; the union's officer reads it with one.
      await t.http.get(`${API}/membership-applications/${created.body.id}`).set(worker.auth).expect(200);
      expect(await t.ds.manager.countBy(AuditLogEntity, { subjectId: created.body.id })).toBe(0);
      await t.http.get(`${API}/membership-applications/${created.body.id}`).set(officer).expect(200);
      expect(await t.ds.manager.countBy(AuditLogEntity, { subjectId: created.body.id, action: 'application.read' })).toBe(1);
    });

    it('an officer of a union higher up sees the applications of the unions below', async () => {
      const street = await orgId(t, 'DEMO-STREET');
      const streetOfficer = await newPerson(t, { role: { role: 'officer', orgId: street } });
      const res = await t.http.get(`${API}/orgs/${street}/membership-applications?status=pending`).set(streetOfficer.auth).expect(200);
      expect(res.body.total).toBeGreaterThan(0);
      expect(res.body.data.every((a: { orgName: string }) => a.orgName === '示范基层工会')).toBe(true);
    });

    it('auto-approve: the application is approved at once with a member number', async () => {
      await t.http.put(`${API}/orgs/${courier}/membership-settings`).set(officer).send({ autoApprove: true }).expect(404);
      expect((await t.http.put(`${API}/orgs/${courier}/membership-settings`).set(courierOfficer).send({ autoApprove: 'yes' }).expect(400)).body.fields.autoApprove).toBeDefined();
      await t.http.put(`${API}/orgs/${courier}/membership-settings`).set(courierOfficer).send({ autoApprove: true }).expect(200, { autoApprove: true });
      await t.http.get(`${API}/orgs/${courier}/membership-settings`).set(courierOfficer).expect(200, { autoApprove: true });
      try {
        const worker = await newPerson(t);
        const token = await createInvite(t, courierOfficer, courier);
        const res = await apply(worker.auth, applicationBody(token, { idNumber: idNumber('19940606', 400) })).expect(201);
        expect(res.body).toMatchObject({ status: 'approved', kind: 'join', orgName: '顺达快递基层工会', memberNo: expect.stringMatching(/^M330602\d{6}$/) });
        expect((await t.http.get(`${API}/me/card`).set(worker.auth).expect(200)).body.memberNo).toBe(res.body.memberNo);
      } finally {
        await t.http.put(`${API}/orgs/${courier}/membership-settings`).set(courierOfficer).send({ autoApprove: false }).expect(200);
      }
    });
  });

  describe('transfer', () => {
    it('a member of another union applies as a transfer; approval ends the old membership and starts the new one together', async () => {
      const zhang = await t.login('13800000001');
      const before = await t.ds.manager.findOneByOrFail(MembershipEntity, { activeUserId: zhang.user.id });
      const card = await t.http.get(`${API}/me/card`).set(zhang.auth).expect(200);
      const token = await createInvite(t, courierOfficer, courier);

      const created = await apply(zhang.auth, applicationBody(token, { name: '张伟', idNumber: seededZhangId(), phone: '13800000001', jobType: '快递员' })).expect(201);
      expect(created.body).toMatchObject({ status: 'pending', kind: 'transfer' });
      const list = await t.http.get(`${API}/orgs/${courier}/membership-applications?status=pending`).set(courierOfficer).expect(200);
      expect(list.body.data.find((a: { id: string }) => a.id === created.body.id)).toMatchObject({ kind: 'transfer', fromOrgName: '示范基层工会' });
      // Still a member of the old union until the approval.
      expect((await t.http.get(`${API}/me`).set(zhang.auth).expect(200)).body.membership.orgName).toBe('示范基层工会');

      const approved = await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(courierOfficer).expect(200);
      const rows = await t.ds.manager.findBy(MembershipEntity, { userId: zhang.user.id });
      expect(rows.filter((m) => m.status === 'active')).toHaveLength(1);
      const old = rows.find((m) => m.id === before.id)!;
      expect(old).toMatchObject({ status: 'left', activeUserId: null });
      expect(old.leftAt).toBeInstanceOf(Date);
      const now = rows.find((m) => m.status === 'active')!;
      expect(now).toMatchObject({ orgId: courier, memberNo: approved.body.memberNo, joinedAt: before.joinedAt });

      const me = await t.http.get(`${API}/me`).set(zhang.auth).expect(200);
      expect(me.body.membership).toMatchObject({ orgName: '顺达快递基层工会', memberNo: approved.body.memberNo });
      const messages = await t.http.get(`${API}/me/messages`).set(zhang.auth).expect(200);
      expect(messages.body.data[0]).toMatchObject({ title: '转会申请已通过', body: expect.stringContaining('示范基层工会') });
      // The card of the old membership no longer proves anything.
      const staff = (await t.login('13800000004')).auth;
      const verify = await t.http.post(`${API}/cards/verify`).set(staff).send({ token: card.body.qr.token }).expect(200);
      expect(verify.body).toMatchObject({ valid: false, reason: 'INVALID', message: expect.stringMatching(/失效/) });
      // The old union's register counts them as left.
      const left = await t.http.get(`${API}/orgs/${grassroots}/members?status=left`).set(officer).expect(200);
      expect(left.body.data.map((m: { memberNo: string }) => m.memberNo)).toContain(before.memberNo);
    });
  });

  describe('member register', () => {
    it('is paged, searchable by name or member number, with totals; ID numbers masked', async () => {
      const page1 = await t.http.get(`${API}/orgs/${grassroots}/members?limit=2`).set(officer).expect(200);
      expect(page1.body).toMatchObject({ page: 1, limit: 2, total: expect.any(Number), totals: { active: expect.any(Number), left: expect.any(Number), pendingApplications: expect.any(Number) } });
      expect(page1.body.data).toHaveLength(2);
      expect(page1.body.total).toBe(page1.body.totals.active);
      const page2 = await t.http.get(`${API}/orgs/${grassroots}/members?limit=2&page=2`).set(officer).expect(200);
      expect(page2.body.data[0].memberNo > page1.body.data[1].memberNo).toBe(true);
      for (const m of page1.body.data) expect(m.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);

      const byName = await t.http.get(`${API}/orgs/${grassroots}/members?q=${encodeURIComponent('周')}`).set(officer).expect(200);
      expect(byName.body.data.map((m: { name: string }) => m.name)).toEqual(['周杰']);
      const byNo = await t.http.get(`${API}/orgs/${grassroots}/members?q=000003`).set(officer).expect(200);
      expect(byNo.body.data.map((m: { memberNo: string }) => m.memberNo)).toEqual(['M330602000003']);
      const literal = await t.http.get(`${API}/orgs/${grassroots}/members?q=${encodeURIComponent('%')}`).set(officer).expect(200);
      expect(literal.body.total).toBe(0);
      expect((await t.http.get(`${API}/orgs/${grassroots}/members?limit=101`).set(officer).expect(200)).body.limit).toBe(100);
      expect((await t.http.get(`${API}/orgs/${grassroots}/members?status=gone`).set(officer).expect(400)).body.fields.status).toBeDefined();
      await t.http.get(`${API}/orgs/${grassroots}/members`).set(courierOfficer).expect(404);
    });

    it('one member’s record: full phone, masked ID number, and an audit row of who read it', async () => {
      const list = await t.http.get(`${API}/orgs/${grassroots}/members?q=${encodeURIComponent('孙悦')}`).set(officer).expect(200);
      const member = list.body.data[0];
      const officerId = (await t.login('13800000002')).user.id;
      const detail = await t.http.get(`${API}/orgs/${grassroots}/members/${member.id}`).set(officer).expect(200);
      expect(detail.body).toMatchObject({ name: '孙悦', phone: '13912345678', idNumberMasked: member.idNumberMasked, leftAt: null });
      const audit = await t.ds.manager.findBy(AuditLogEntity, { subjectType: 'membership', subjectId: member.id });
      expect(audit).toEqual([expect.objectContaining({ actorId: officerId, action: 'member.read', createdAt: expect.any(Date) })]);
      await t.http.get(`${API}/orgs/${courier}/members/${member.id}`).set(courierOfficer).expect(404);
      await t.http.get(`${API}/orgs/${grassroots}/members/${member.id}`).set(courierOfficer).expect(404);
    });

    it('exports CSV with masked identity, and audits the export', async () => {
      const res = await t.http.get(`${API}/orgs/${grassroots}/members/export`).set(officer).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      const text = res.text;
      expect(text.startsWith('\ufeff会员编号,姓名,身份证号码,手机号码')).toBe(true);
      expect(text).toContain('周杰');
      expect(text).toMatch(/M330602000002,周杰,\d{4}\*{10}[\dX]{4},/);
      expect(text).not.toMatch(/\d{17}[\dX]/);
      expect(text).not.toContain('13912345678');
      const list = await t.http.get(`${API}/orgs/${grassroots}/members?limit=1`).set(officer).expect(200);
      expect(text.trim().split('\r\n')).toHaveLength(list.body.total + 1);
      expect(await t.ds.manager.countBy(AuditLogEntity, { action: 'member.export', subjectId: grassroots })).toBe(1);
      await t.http.get(`${API}/orgs/${grassroots}/members/export`).set(courierOfficer).expect(404);
    });
  });
});

/** 张伟's seeded ID number (foundation seed: 33060219900315123 + check character). */
function seededZhangId(): string {
  return idNumber('19900315', 123);
}
