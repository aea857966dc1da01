import { addDays } from '@unionhome/shared';
import { AuditLogEntity } from '../src/common/entities/audit-log.entity';
import { EnrolmentEntity } from '../src/claims/entities/enrolment.entity';
import { MembershipApplicationEntity } from '../src/membership/entities/membership-application.entity';
import { addMember, demoPlan, midYear } from './support/claims';
import { applicationBody, createInvite, idNumber, newPerson, orgId } from './support/membership-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const API = '/api/v1';
type Auth = { Authorization: string };

/** The seeded member 张伟 (13800000001) of 示范基层工会. */
const ZHANG_ID = idNumber('19900315', 123);
const ZHANG_PHONE = '13800000001';

/** Issue 12, items 4 and 5: nobody decides on their own case, and applying tells no one whose ID number is whose. */
describe('membership and enrolment: self-dealing and the ID-number oracle', () => {
  let t: TestApp;
  let grassroots: string;
  let courier: string;
  let officer: Auth;
  let courierOfficer: Auth;
  let invite: string;

  beforeAll(async () => {
    t = await createTestApp();
    grassroots = await orgId(t, 'DEMO-GRASSROOTS');
    courier = await orgId(t, 'DEMO-COURIER');
    officer = (await t.login('13800000002')).auth;
    courierOfficer = (await newPerson(t, { name: '顺达干部', role: { role: 'officer', orgId: courier } })).auth;
    invite = await createInvite(t, officer, grassroots, { expiresInHours: 720 });
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const apply = (auth: Auth, body: Record<string, unknown>) => t.http.post(`${API}/membership-applications`).set(auth).send(body);
  const pendingInQueue = async (id: string) => {
    const list = await t.http.get(`${API}/orgs/${grassroots}/membership-applications?status=pending&limit=100`).set(officer).expect(200);
    return list.body.data.find((a: { id: string }) => a.id === id);
  };

  describe('an officer’s own application', () => {
    it('is refused to them (403 OWN_APPLICATION, approve and reject); another officer decides it', async () => {
      const own = await newPerson(t, { name: '王干部', role: { role: 'officer', orgId: grassroots } });
      const created = await apply(own.auth, applicationBody(invite, { name: '王干部', idNumber: idNumber('19850101', 501) })).expect(201);
      // Their own line in the queue carries no ID-number check: an officer cannot probe a number by applying with it.
      const queue = await t.http.get(`${API}/orgs/${grassroots}/membership-applications?status=pending&limit=100`).set(own.auth).expect(200);
      expect(queue.body.data.find((a: { id: string }) => a.id === created.body.id).idNumberCheck).toBeUndefined();
      const approve = await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(own.auth).expect(403);
      expect(approve.body).toEqual({ code: 'OWN_APPLICATION', message: '不能审批自己的入会申请，请由本工会的其他干部审批' });
      expect((await t.http.post(`${API}/membership-applications/${created.body.id}/reject`).set(own.auth).send({ reason: '测试' }).expect(403)).body.code).toBe('OWN_APPLICATION');
      expect((await t.ds.manager.findOneByOrFail(MembershipApplicationEntity, { id: created.body.id })).status).toBe('pending');
      await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(officer).expect(200);
    });

    it('is not auto-approved in a union they would approve for: it waits for another officer', async () => {
      await t.http.put(`${API}/orgs/${courier}/membership-settings`).set(courierOfficer).send({ autoApprove: true }).expect(200);
      try {
        const token = await createInvite(t, courierOfficer, courier);
        const self = await newPerson(t, { role: { role: 'officer', orgId: courier } });
        const res = await apply(self.auth, applicationBody(token, { idNumber: idNumber('19850101', 502) })).expect(201);
        expect(res.body).toMatchObject({ status: 'pending', memberNo: null });
        // An ordinary worker is still approved at once.
        const worker = await newPerson(t);
        expect((await apply(worker.auth, applicationBody(token, { idNumber: idNumber('19850101', 503) })).expect(201)).body.status).toBe('approved');
        // …but not with a number someone else already holds.
        const stranger = await newPerson(t);
        const held = await apply(stranger.auth, applicationBody(token, { idNumber: ZHANG_ID })).expect(201);
        expect(held.body.status).toBe('pending');
        await t.http.post(`${API}/membership-applications/${held.body.id}/withdraw`).set(stranger.auth).expect(200);
      } finally {
        await t.http.put(`${API}/orgs/${courier}/membership-settings`).set(courierOfficer).send({ autoApprove: false }).expect(200);
      }
    });
  });

  describe('the ID number of someone else', () => {
    it('a member’s number and an unknown one get the same answer; only the officer sees that the number is held', async () => {
      const stranger = await newPerson(t);
      const known = await apply(stranger.auth, applicationBody(invite, { idNumber: ZHANG_ID, phone: '13912340000' })).expect(201);
      const other = await newPerson(t);
      const unknownId = idNumber('19870707', 601);
      const unknown = await apply(other.auth, applicationBody(invite, { idNumber: unknownId, phone: '13912340001' })).expect(201);
      const shape = (b: Record<string, unknown>) => ({ ...b, id: 'x' });
      expect(shape(known.body)).toEqual(shape(unknown.body));
      expect(known.body).toEqual({ id: expect.any(String), status: 'pending', kind: 'join', orgName: '示范基层工会', memberNo: null });

      // The applicant's own views say nothing about it either.
      const own = await t.http.get(`${API}/membership-applications/${known.body.id}`).set(stranger.auth).expect(200);
      expect(own.body.idNumberCheck).toBeUndefined();
      const mine = await t.http.get(`${API}/me/membership-applications`).set(stranger.auth).expect(200);
      expect(mine.body.data[0].idNumberCheck).toBeUndefined();

      // The officer sees it, without anyone's full number.
      const item = await pendingInQueue(known.body.id);
      expect(item.idNumberCheck).toEqual({ heldByOtherAccount: true, phoneMatchesHolder: false, otherPendingApplications: 0 });
      expect(JSON.stringify(item)).not.toContain(ZHANG_ID);
      expect(JSON.stringify(item)).not.toContain(ZHANG_PHONE);
      expect((await pendingInQueue(unknown.body.id)).idNumberCheck).toEqual({ heldByOtherAccount: false, phoneMatchesHolder: null, otherPendingApplications: 0 });
      const detail = await t.http.get(`${API}/membership-applications/${known.body.id}`).set(officer).expect(200);
      expect(detail.body.idNumberCheck.heldByOtherAccount).toBe(true);

      // Approving it cannot take the number from its holder; the officer is told why.
      const approve = await t.http.post(`${API}/membership-applications/${known.body.id}/approve`).set(officer).expect(409);
      expect(approve.body).toMatchObject({ code: 'ID_NUMBER_IN_USE', message: expect.stringContaining('另一个账号') });
      await t.http.post(`${API}/membership-applications/${known.body.id}/reject`).set(officer).send({ reason: '身份证号码与本人不符' }).expect(200);
    });

    it('the officer sees which application’s phone is the holder’s phone', async () => {
      const newAccount = await newPerson(t);
      const real = await apply(newAccount.auth, applicationBody(invite, { idNumber: ZHANG_ID, phone: ZHANG_PHONE })).expect(201);
      expect((await pendingInQueue(real.body.id)).idNumberCheck).toEqual({ heldByOtherAccount: true, phoneMatchesHolder: true, otherPendingApplications: 0 });
      await t.http.post(`${API}/membership-applications/${real.body.id}/withdraw`).set(newAccount.auth).expect(200);
    });

    it('a squatter who applied first does not lock the real person out: both wait, contested, for the officer', async () => {
      const squatter = await newPerson(t);
      const victimId = idNumber('19880808', 602);
      const first = await apply(squatter.auth, applicationBody(invite, { idNumber: victimId, phone: '13912340002' })).expect(201);
      const victim = await newPerson(t);
      const second = await apply(victim.auth, applicationBody(invite, { idNumber: victimId, phone: victim.phone })).expect(201);
      expect(second.body.status).toBe('pending');
      expect((await pendingInQueue(first.body.id)).idNumberCheck).toEqual({ heldByOtherAccount: false, phoneMatchesHolder: null, otherPendingApplications: 1 });
      expect((await pendingInQueue(second.body.id)).idNumberCheck).toEqual({ heldByOtherAccount: false, phoneMatchesHolder: null, otherPendingApplications: 1 });

      // The officer approves the real person; the squatter's is now held by them and cannot be approved.
      await t.http.post(`${API}/membership-applications/${second.body.id}/approve`).set(officer).expect(200);
      expect((await pendingInQueue(first.body.id)).idNumberCheck).toEqual({ heldByOtherAccount: true, phoneMatchesHolder: false, otherPendingApplications: 0 });
      expect((await t.http.post(`${API}/membership-applications/${first.body.id}/approve`).set(officer).expect(409)).body.code).toBe('ID_NUMBER_IN_USE');
    });

    it('ALREADY_MEMBER stays: it is about the caller themselves', async () => {
      const zhang = await t.login(ZHANG_PHONE);
      expect((await apply(zhang.auth, applicationBody(invite, { name: '张伟', idNumber: ZHANG_ID })).expect(409)).body.code).toBe('ALREADY_MEMBER');
    });
  });

  describe('withdrawing', () => {
    it('the applicant withdraws a pending application: its ID number is deleted, and they may apply again', async () => {
      const worker = await newPerson(t);
      const id = idNumber('19890909', 603);
      const created = await apply(worker.auth, applicationBody(invite, { idNumber: id })).expect(201);
      await t.http.post(`${API}/membership-applications/${created.body.id}/withdraw`).set((await newPerson(t)).auth).expect(404);
      await t.http.post(`${API}/membership-applications/${created.body.id}/withdraw`).set(officer).expect(404);
      await t.http.post(`${API}/membership-applications/${created.body.id}/withdraw`).set(worker.auth).expect(200, { status: 'withdrawn' });
      const row = await t.ds.manager.findOneByOrFail(MembershipApplicationEntity, { id: created.body.id });
      expect(row).toMatchObject({ status: 'withdrawn', idNumberCipher: null, idNumberIndex: null, openUserId: null, openIdNumberIndex: null });
      expect((await t.http.post(`${API}/membership-applications/${created.body.id}/withdraw`).set(worker.auth).expect(409)).body.code).toBe('APPLICATION_NOT_PENDING');
      expect((await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(officer).expect(409)).body.code).toBe('APPLICATION_NOT_PENDING');
      const mine = await t.http.get(`${API}/me/membership-applications`).set(worker.auth).expect(200);
      expect(mine.body.data[0]).toMatchObject({ id: created.body.id, status: 'withdrawn', idNumberMasked: '' });
      const listed = await t.http.get(`${API}/orgs/${grassroots}/membership-applications?status=withdrawn&limit=100`).set(officer).expect(200);
      expect(listed.body.data.map((a: { id: string }) => a.id)).toContain(created.body.id);
      await apply(worker.auth, applicationBody(invite, { idNumber: id })).expect(201);
    });

    it('a decided application cannot be withdrawn', async () => {
      const worker = await newPerson(t);
      const created = await apply(worker.auth, applicationBody(invite, { idNumber: idNumber('19890909', 604) })).expect(201);
      await t.http.post(`${API}/membership-applications/${created.body.id}/approve`).set(officer).expect(200);
      expect((await t.http.post(`${API}/membership-applications/${created.body.id}/withdraw`).set(worker.auth).expect(409)).body.code).toBe('APPLICATION_NOT_PENDING');
    });
  });

  describe('mutual-aid enrolment', () => {
    it('an officer may not backdate a coverage start, nor waive their own waiting period; an admin may backdate, audited', async () => {
      const plan = await demoPlan(t, officer);
      const today = midYear(t, plan);
      // An officer who is also a member of the union.
      const self = await newPerson(t, { name: '赵干部', role: { role: 'officer', orgId: grassroots } });
      const app = await apply(self.auth, applicationBody(invite, { name: '赵干部', idNumber: idNumber('19800101', 605) })).expect(201);
      await t.http.post(`${API}/membership-applications/${app.body.id}/approve`).set(officer).expect(200);
      const member = await addMember(t, '13966660001', '钱六');
      const enrol = (auth: Auth, body: Record<string, unknown>) => t.http.post(`${API}/mutual-aid/plans/${plan.id}/enrolments`).set(auth).send(body);

      const back = await enrol(self.auth, { userIds: [member], coverageStart: addDays(today, -30) }).expect(403);
      expect(back.body).toMatchObject({ code: 'COVERAGE_BACKDATED', fields: { coverageStart: expect.stringContaining('不能早于今天') } });
      const ownWaiver = await enrol(self.auth, { userIds: [member, self.id], waiveWaitingPeriod: true }).expect(403);
      expect(ownWaiver.body.code).toBe('OWN_ENROLMENT');
      expect(await t.ds.manager.countBy(EnrolmentEntity, { planId: plan.id, userId: member })).toBe(0);

      // A waiver for someone else is allowed and names who gave it; the officer's own cover is the ordinary one.
      const waived = await enrol(self.auth, { userIds: [member], waiveWaitingPeriod: true }).expect(201);
      expect(waived.body.enrolled).toEqual([member]);
      const row = await t.ds.manager.findOneByOrFail(EnrolmentEntity, { planId: plan.id, userId: member });
      expect(row).toMatchObject({ coverageStart: today, waitingEndsOn: today, enrolledBy: self.id });
      expect(await t.ds.manager.countBy(AuditLogEntity, { action: 'plan.enrol.waived', subjectId: row.id, actorId: self.id })).toBe(1);
      expect((await enrol(self.auth, { userIds: [self.id] }).expect(201)).body.enrolled).toEqual([self.id]);
      expect((await t.ds.manager.findOneByOrFail(EnrolmentEntity, { planId: plan.id, userId: self.id })).waitingEndsOn).toBe(addDays(today, plan.waitingPeriodDays));

      const admin = (await t.login('13800000006')).auth;
      const other = await addMember(t, '13966660002', '孙七');
      await enrol(admin, { userIds: [other], coverageStart: plan.periodStart }).expect(201);
      const backdated = await t.ds.manager.findOneByOrFail(EnrolmentEntity, { planId: plan.id, userId: other });
      expect(backdated.coverageStart).toBe(plan.periodStart);
      const audit = await t.ds.manager.findOneByOrFail(AuditLogEntity, { action: 'plan.enrol.backdated', subjectId: backdated.id });
      expect(audit.detail).toContain(`coverageStart=${plan.periodStart}`);
    });
  });
});

describe('membership applications: rate limits', () => {
  it('per person: RATE_LIMIT_APPLICATION a window, then 429 with Retry-After', async () => {
    const t = await createTestApp({ RATE_LIMIT_APPLICATION: '2' });
    try {
      const officer = (await t.login('13800000002')).auth;
      const token = await createInvite(t, officer, await orgId(t, 'DEMO-GRASSROOTS'));
      const worker = await newPerson(t);
      const body = applicationBody(token, { idNumber: idNumber('19900101', 701) });
      await t.http.post(`${API}/membership-applications`).set(worker.auth).send(body).expect(201);
      await t.http.post(`${API}/membership-applications`).set(worker.auth).send(body).expect(409);
      const res = await t.http.post(`${API}/membership-applications`).set(worker.auth).send(body).expect(429);
      expect(res.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Someone else is not held back by it.
      await t.http.post(`${API}/membership-applications`).set((await newPerson(t)).auth).send(applicationBody(token, { idNumber: idNumber('19900101', 702) })).expect(201);
    } finally {
      await t.close();
    }
  });

  it('per invite: RATE_LIMIT_APPLICATION_INVITE applications a window, then 429 APPLICATIONS_TOO_MANY; another code still works', async () => {
    const t = await createTestApp({ RATE_LIMIT_APPLICATION_INVITE: '2' });
    try {
      const officer = (await t.login('13800000002')).auth;
      const grassroots = await orgId(t, 'DEMO-GRASSROOTS');
      const token = await createInvite(t, officer, grassroots);
      for (const seq of [711, 712]) {
        await t.http.post(`${API}/membership-applications`).set((await newPerson(t)).auth).send(applicationBody(token, { idNumber: idNumber('19900101', seq) })).expect(201);
      }
      const over = await t.http.post(`${API}/membership-applications`).set((await newPerson(t)).auth).send(applicationBody(token, { idNumber: idNumber('19900101', 713) })).expect(429);
      expect(over.body).toMatchObject({ code: 'APPLICATIONS_TOO_MANY', message: expect.stringContaining('太多申请') });
      const fresh = await createInvite(t, officer, grassroots);
      await t.http.post(`${API}/membership-applications`).set((await newPerson(t)).auth).send(applicationBody(fresh, { idNumber: idNumber('19900101', 714) })).expect(201);
      t.clock.advance(3601_000);
      await t.http.post(`${API}/membership-applications`).set((await newPerson(t)).auth).send(applicationBody(token, { idNumber: idNumber('19900101', 715) })).expect(201);
    } finally {
      await t.close();
    }
  });
});
