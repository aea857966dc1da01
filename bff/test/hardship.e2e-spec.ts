import sharp from 'sharp';
import { idNumberCheckChar, maskIdNumber, recheckDueDate, type HardshipHouseholdMember } from '@unionhome/shared';
import { PiiCipher } from '../src/common/pii-cipher';
import { HardshipApplicationEntity } from '../src/hardship/entities/hardship-application.entity';
import { openHardshipData } from '../src/hardship/hardship-data';
import { newId } from '../src/common/ids';
import { UserRoleEntity } from '../src/users/entities/user-role.entity';
import { UserEntity } from '../src/users/entities/user.entity';
import { createTestApp, TestApp } from './support/test-app';

const API = '/api/v1';
const id18 = (first17: string) => first17 + idNumberCheckChar(first17);
const LINA = id18('33060219880412002');
const HUSBAND = id18('33060219860101003');
const DAUGHTER = id18('33060220140909004');

/** 李娜's three-person household: ¥1,800 + ¥600 + 0 a month, ¥900 of medical costs → ¥500.00 each. */
const household3 = (): HardshipHouseholdMember[] => [
  { relation: '本人', name: '李娜', idNumber: LINA, monthlyIncome: 180000 },
  { relation: '配偶', name: '周强', idNumber: HUSBAND, monthlyIncome: 60000 },
  { relation: '子女', name: '周小雨', idNumber: DAUGHTER, monthlyIncome: 0 },
];

type Auth = { Authorization: string };

describe('hardship applications: household, income test, consent, two-level review, archive', () => {
  let t: TestApp;
  let grassrootsId: string;
  let courierId: string;
  let streetId: string;
  let lina: Auth;
  let zhang: Auth;
  let officer: Auth;
  let reviewer: Auth;
  let admin: Auth;
  let courierOfficer: Auth;
  let claimReviewer: Auth;

  const orgId = async (code: string) => (await t.http.get(`${API}/orgs?code=${code}`).expect(200)).body[0].id as string;
  const body = (over: Record<string, unknown> = {}) => ({
    situation: 'major_illness',
    regionCode: '330602',
    orgId: grassrootsId,
    description: '丈夫突发脑梗住院，每月康复治疗和药费约九百元。',
    household: household3(),
    monthlyNecessaryExpenses: 90000,
    assetCheckConsent: true,
    ...over,
  });
  /** A staff user made for this test: an officer of another union. */
  const addOfficer = async (phone: string, org: string) => {
    const userId = newId();
    await t.ds.manager.insert(UserEntity, { id: userId, phone, openid: null, name: '外单位干部', idNumberCipher: null, idNumberIndex: null, tags: null, createdAt: new Date(), lastLoginAt: null });
    await t.ds.manager.insert(UserRoleEntity, { id: newId(), userId, role: 'officer', orgId: org });
  };
  /** The message about a case with this title (instants have whole seconds on MySQL, so "newest" can tie). */
  const messageAbout = async (auth: Auth, caseId: string, title: string) => {
    const list = (await t.http.get(`${API}/me/messages?limit=100`).set(auth).expect(200)).body.data as Array<{ title: string; body: string; link: string }>;
    return list.find((m) => m.title === title && m.link === `/packages/hardship/pages/detail/index?id=${caseId}`);
  };
  const auditCount = async (actorPhone: string, appId: string) => {
    const user = await t.ds.manager.findOneByOrFail(UserEntity, { phone: actorPhone });
    const rows = await t.ds.query(`SELECT action FROM audit_logs WHERE actorId = ? AND subjectId = ?`, [user.id, appId]);
    return rows.map((r: { action: string }) => r.action);
  };
  /** Creates and submits 李娜's case, first closing whatever she has open (as the reviewer would). */
  const submittedCase = async (who: Auth, over: Record<string, unknown> = {}) => {
    const created = await t.http.post(`${API}/hardship-applications`).set(who).send(body(over)).expect(201);
    await t.http.post(`${API}/hardship-applications/${created.body.id}/submit`).set(who).send({}).expect(200);
    return created.body.id as string;
  };
  const closeCase = async (id: string) => {
    await t.http.post(`${API}/hardship-applications/${id}/review`).set(officer).send({ decision: 'pass' }).expect(200);
    await t.http.post(`${API}/hardship-applications/${id}/decision`).set(reviewer).send({ decision: 'reject', reason: '测试结束' }).expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    grassrootsId = await orgId('DEMO-GRASSROOTS');
    courierId = await orgId('DEMO-COURIER');
    streetId = await orgId('DEMO-STREET');
    await addOfficer('13900000011', courierId);
    await addOfficer('13900000012', streetId);
    [lina, zhang, officer, reviewer, admin, courierOfficer, claimReviewer] = (
      await Promise.all(['13800000007', '13800000001', '13800000002', '13800000005', '13800000006', '13900000011', '13800000003'].map((p) => t.login(p)))
    ).map((l) => l.auth);
  });
  afterAll(() => t.close());

  describe('creating the draft', () => {
    it('a non-member applies with a three-person household: 201 with the income test against 越城区 ¥1,150', async () => {
      const res = await t.http.post(`${API}/hardship-applications`).set(lina).send(body()).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), status: 'draft', perCapitaIncome: 50000, minimumLiving: 115000, belowMinimum: true });
      const mine = await t.http.get(`${API}/hardship-applications`).set(lina).expect(200);
      expect(mine.body).toMatchObject({ total: 1, page: 1, data: [{ id: res.body.id, status: 'draft', applicantName: '李娜', orgName: '示范基层工会', regionName: '越城区', householdSize: 3 }] });
      await closeDraft(res.body.id);
    });

    /** Drafts are the applicant's: they are closed here by submitting and deciding them. */
    async function closeDraft(id: string) {
      await t.http.post(`${API}/hardship-applications/${id}/submit`).set(lina).send({}).expect(200);
      await closeCase(id);
    }

    it('rounds the per-capita income down to the fen and floors it at 0 when expenses exceed income', async () => {
      const a = await t.http.post(`${API}/hardship-applications`).set(lina).send(body({ household: household3().map((m, i) => ({ ...m, monthlyIncome: i === 0 ? 100000 : 0 })), monthlyNecessaryExpenses: 1 })).expect(201);
      expect(a.body).toMatchObject({ perCapitaIncome: 33333, belowMinimum: true }); // 99999 ÷ 3 = 33333.0
      const b = await t.http.patch(`${API}/hardship-applications/${a.body.id}`).set(lina).send({ monthlyNecessaryExpenses: 500000 }).expect(200);
      expect(b.body).toMatchObject({ perCapitaIncome: 0, belowMinimum: true });
      const c = await t.http.patch(`${API}/hardship-applications/${a.body.id}`).set(lina).send({ household: [{ relation: '本人', name: '李娜', idNumber: LINA, monthlyIncome: 115000 }], monthlyNecessaryExpenses: 0 }).expect(200);
      expect(c.body).toMatchObject({ perCapitaIncome: 115000, belowMinimum: false }); // equal to the standard is not below it
      await closeDraft(a.body.id);
    });

    it('a member needs no orgId: the first check goes to their own union', async () => {
      const res = await t.http.post(`${API}/hardship-applications`).set(zhang).send(body({ orgId: undefined, household: [{ relation: '本人', name: '张伟', idNumber: id18('33060219900315123'), monthlyIncome: 300000 }] })).expect(201);
      expect(res.body).toMatchObject({ perCapitaIncome: 210000, belowMinimum: false });
      const got = await t.http.get(`${API}/hardship-applications/${res.body.id}`).set(zhang).expect(200);
      expect(got.body).toMatchObject({ orgId: grassrootsId, orgName: '示范基层工会', view: 'applicant', editable: true, applicant: null });
      expect(got.body.household[0].idNumber).toBe(maskIdNumber(id18('33060219900315123')));
      await t.http.post(`${API}/hardship-applications/${res.body.id}/submit`).set(zhang).send({}).expect(200);
      await closeCase(res.body.id);
    });

    it('a non-member must pick a grassroots union of the chosen region', async () => {
      expect((await t.http.post(`${API}/hardship-applications`).set(lina).send(body({ orgId: undefined })).expect(400)).body.fields).toEqual({ orgId: '请选择负责初审的基层工会' });
      expect((await t.http.post(`${API}/hardship-applications`).set(lina).send(body({ orgId: streetId })).expect(400)).body.fields.orgId).toBeDefined();
      expect((await t.http.post(`${API}/hardship-applications`).set(lina).send(body({ orgId: newId() })).expect(400)).body.fields.orgId).toBeDefined();
      expect((await t.http.post(`${API}/hardship-applications`).set(lina).send(body({ regionCode: '330603' })).expect(400)).body.fields.orgId).toBeDefined();
      const noRegion = await t.http.post(`${API}/hardship-applications`).set(lina).send(body({ regionCode: '999999' })).expect(422);
      expect(noRegion.body).toMatchObject({ code: 'REGION_NOT_FOUND', fields: { regionCode: expect.any(String) } });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a seventh situation', { situation: 'bankruptcy' }, 'situation'],
      ['an empty household', { household: [] }, 'household'],
      ['21 household members', { household: Array.from({ length: 21 }, (_, i) => ({ relation: '其他', name: `成员${i}`, idNumber: id18(`330602199001${String(i + 10)}001`), monthlyIncome: 0 })) }, 'household'],
      ['a negative income', { household: [{ ...household3()[0], monthlyIncome: -1 }] }, 'household.0.monthlyIncome'],
      ['an income in yuan with decimals', { household: [{ ...household3()[0], monthlyIncome: 1800.5 }] }, 'household.0.monthlyIncome'],
      ['an income as text', { household: [{ ...household3()[0], monthlyIncome: '180000' }] }, 'household.0.monthlyIncome'],
      ['negative expenses', { monthlyNecessaryExpenses: -100 }, 'monthlyNecessaryExpenses'],
      ['an invalid ID number', { household: [household3()[0], { ...household3()[1], idNumber: HUSBAND.slice(0, 17) + (HUSBAND[17] === '1' ? '2' : '1') }] }, 'household.1.idNumber'],
      ['the same ID number twice', { household: [household3()[0], { ...household3()[1], idNumber: LINA }] }, 'household.1.idNumber'],
      ['a birth date in the future', { household: [{ ...household3()[0], idNumber: id18('33060220991231001') }] }, 'household.0.idNumber'],
      ['a blank name', { household: [{ ...household3()[0], name: '  ' }] }, 'household.0.name'],
      ['a masked ID number (nothing to keep yet)', { household: [{ ...household3()[0], idNumber: maskIdNumber(LINA) }] }, 'household.0.idNumber'],
      ['an unknown field', { secret: 1 }, 'secret'],
      ['consent that is not a boolean', { assetCheckConsent: 'yes' }, 'assetCheckConsent'],
    ])('refuses %s with 400 and the field', async (_case, over, field) => {
      const res = await t.http.post(`${API}/hardship-applications`).set(lina).send(body(over)).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
      expect(res.body.fields[field]).toMatch(/[\u4e00-\u9fa5]/);
      expect((await t.http.get(`${API}/hardship-applications`).set(lina).expect(200)).body.data.filter((a: { status: string }) => a.status === 'draft')).toEqual([]);
    });

    it('one open application per person: a second create is 409 and names the open one', async () => {
      const first = await t.http.post(`${API}/hardship-applications`).set(lina).send(body()).expect(201);
      const second = await t.http.post(`${API}/hardship-applications`).set(lina).send(body()).expect(409);
      expect(second.body).toMatchObject({ code: 'OPEN_APPLICATION_EXISTS', details: { id: first.body.id } });
      await closeDraft(first.body.id);
    });

    it('concurrent creates by one person make exactly one application (database-enforced)', async () => {
      const results = await Promise.all(Array.from({ length: 6 }, () => t.http.post(`${API}/hardship-applications`).set(claimReviewer).send(body())));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'OPEN_APPLICATION_EXISTS')).toBe(true);
      const user = await t.ds.manager.findOneByOrFail(UserEntity, { phone: '13800000003' });
      const rows = await t.ds.query('SELECT id FROM hardship_applications WHERE applicantId = ?', [user.id]);
      expect(rows).toHaveLength(1);
    });
  });

  describe('editing, consent and submission', () => {
    let caseId: string;

    it('saves a partial draft at the first step, then the household, and computes the test once it is there', async () => {
      const first = await t.http.post(`${API}/hardship-applications`).set(lina).send({ situation: 'unemployment', regionCode: '330602', orgId: grassrootsId });
      expect(first.body).toMatchObject({ status: 'draft' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'draft', perCapitaIncome: null, belowMinimum: null, minimumLiving: 115000 });
      caseId = first.body.id;
      const early = await t.http.post(`${API}/hardship-applications/${caseId}/submit`).set(lina).send({ assetCheckConsent: true }).expect(422);
      expect(early.body).toMatchObject({ code: 'APPLICATION_INCOMPLETE', fields: { description: expect.any(String), household: expect.any(String) } });
      const second = await t.http.patch(`${API}/hardship-applications/${caseId}`).set(lina).send({ description: '厂里停产，我下岗半年了。', household: household3(), monthlyNecessaryExpenses: 0 }).expect(200);
      expect(second.body).toMatchObject({ id: caseId, status: 'draft', perCapitaIncome: 80000, belowMinimum: true });
      const got = await t.http.get(`${API}/hardship-applications/${caseId}`).set(lina).expect(200);
      expect(got.body).toMatchObject({ situation: 'unemployment', description: '厂里停产，我下岗半年了。', assetCheckConsent: false, incomeTest: { householdSize: 3, householdIncome: 240000, necessaryExpenses: 0, perCapitaIncome: 80000, minimumLiving: 115000, belowMinimum: true } });
      // Masked for the applicant too: a stolen session must not expose the whole family.
      expect(got.body.household.map((m: HardshipHouseholdMember) => m.idNumber)).toEqual([LINA, HUSBAND, DAUGHTER].map(maskIdNumber));
      expect(JSON.stringify(got.body)).not.toContain(HUSBAND);
    });

    it('an edit that sends the masked numbers back unchanged keeps the stored ones (rows may move); a mask that fits none is 400', async () => {
      const stored = async () => {
        const row = await t.ds.manager.findOneByOrFail(HardshipApplicationEntity, { id: caseId });
        return openHardshipData(t.app.get(PiiCipher), row.dataCipher).household.map((m) => m.idNumber);
      };
      const shown = (await t.http.get(`${API}/hardship-applications/${caseId}`).set(lina).expect(200)).body.household as HardshipHouseholdMember[];
      // The form prefilled from the response: the daughter's row removed, the husband's moved first, his income changed.
      await t.http.patch(`${API}/hardship-applications/${caseId}`).set(lina).send({ household: [{ ...shown[1], monthlyIncome: 70000 }, shown[0]] }).expect(200);
      expect(await stored()).toEqual([HUSBAND, LINA]);
      // A row retyped in full replaces the number; the others still resolve.
      const child2 = id18('33060220160101005');
      const edited = await t.http.patch(`${API}/hardship-applications/${caseId}`).set(lina).send({ household: [shown[0], shown[1], { ...shown[2], idNumber: child2 }] }).expect(200);
      expect(edited.body).toMatchObject({ perCapitaIncome: 80000 });
      expect(await stored()).toEqual([LINA, HUSBAND, child2]);
      // A masked number the case never held (a new row, or the daughter's old number now gone).
      const unknown = await t.http.patch(`${API}/hardship-applications/${caseId}`).set(lina).send({ household: [shown[0], { ...shown[2], relation: '子女' }] }).expect(400);
      expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { 'household.1.idNumber': '请填写完整的身份证号码' } });
      // The same masked row twice resolves once only.
      const twice = await t.http.patch(`${API}/hardship-applications/${caseId}`).set(lina).send({ household: [shown[0], { ...shown[0], relation: '配偶', name: '周强' }] }).expect(400);
      expect(twice.body.fields['household.1.idNumber']).toBe('请填写完整的身份证号码');
      expect(await stored()).toEqual([LINA, HUSBAND, child2]);
      // Back to the household the later tests expect.
      await t.http.patch(`${API}/hardship-applications/${caseId}`).set(lina).send({ household: household3() }).expect(200);
      expect(await stored()).toEqual([LINA, HUSBAND, DAUGHTER]);
    });

    it('only the applicant edits: anyone else gets 404, staff included', async () => {
      for (const who of [zhang, officer, reviewer]) {
        expect((await t.http.patch(`${API}/hardship-applications/${caseId}`).set(who).send({ description: '改' }).expect(404)).body.code).toBe('HARDSHIP_APPLICATION_NOT_FOUND');
        await t.http.post(`${API}/hardship-applications/${caseId}/submit`).set(who).send({ assetCheckConsent: true }).expect(404);
      }
    });

    it('staff do not see a draft', async () => {
      await t.http.get(`${API}/hardship-applications/${caseId}`).set(officer).expect(404);
      await t.http.get(`${API}/hardship-applications/${caseId}`).set(reviewer).expect(404);
      expect((await t.http.get(`${API}/review/hardship-applications`).set(reviewer).expect(200)).body.data.map((a: { id: string }) => a.id)).not.toContain(caseId);
    });

    it('submission needs the separate asset-check consent: 422 ASSET_CHECK_CONSENT_REQUIRED', async () => {
      const res = await t.http.post(`${API}/hardship-applications/${caseId}/submit`).set(lina).send({}).expect(422);
      expect(res.body).toMatchObject({ code: 'ASSET_CHECK_CONSENT_REQUIRED', message: '请先授权核查家庭财产', fields: { assetCheckConsent: expect.any(String) } });
      await t.http.patch(`${API}/hardship-applications/${caseId}`).set(lina).send({ assetCheckConsent: true }).expect(200);
      const ok = await t.http.post(`${API}/hardship-applications/${caseId}/submit`).set(lina).set('Idempotency-Key', 'lina-submit-1').send({}).expect(200);
      expect(ok.body).toEqual({ id: caseId, status: 'submitted' });
      const replay = await t.http.post(`${API}/hardship-applications/${caseId}/submit`).set(lina).set('Idempotency-Key', 'lina-submit-1').send({}).expect(200);
      expect(replay.body).toEqual(ok.body);
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/submit`).set(lina).send({}).expect(409)).body.code).toBe('HARDSHIP_WRONG_STATUS');
      expect(await messageAbout(lina, caseId, '困难帮扶申请已提交')).toMatchObject({ body: expect.stringContaining('示范基层工会将进行初审') });
    });

    it('a submitted case cannot be edited', async () => {
      const res = await t.http.patch(`${API}/hardship-applications/${caseId}`).set(lina).send({ description: '再改一下' }).expect(409);
      expect(res.body.code).toBe('APPLICATION_NOT_EDITABLE');
    });

    it('another applicant, and an officer of another union, get 404; a malformed id is 404 too', async () => {
      expect((await t.http.get(`${API}/hardship-applications/${caseId}`).set(zhang).expect(404)).body.code).toBe('HARDSHIP_APPLICATION_NOT_FOUND');
      await t.http.get(`${API}/hardship-applications/${caseId}`).set(courierOfficer).expect(404);
      await t.http.post(`${API}/hardship-applications/${caseId}/review`).set(courierOfficer).send({ decision: 'pass' }).expect(404);
      expect((await t.http.get(`${API}/review/hardship-applications`).set(courierOfficer).expect(200)).body).toMatchObject({ data: [], total: 0 });
      await t.http.get(`${API}/hardship-applications/not-a-uuid`).set(lina).expect(404);
      await t.http.get(`${API}/hardship-applications/${newId()}`).set(lina).expect(404);
    });

    it('staff read the case with ID numbers masked, and every such read is audited', async () => {
      const before = await auditCount('13800000002', caseId);
      const res = await t.http.get(`${API}/hardship-applications/${caseId}`).set(officer).expect(200);
      expect(res.body).toMatchObject({ view: 'staff', editable: false, status: 'submitted', applicant: { name: '李娜', phoneMasked: '138****0007' } });
      expect(res.body.household.map((m: HardshipHouseholdMember) => m.idNumber)).toEqual([LINA, HUSBAND, DAUGHTER].map((n) => `${n.slice(0, 4)}**********${n.slice(-4)}`));
      expect(JSON.stringify(res.body)).not.toContain(LINA);
      expect(await auditCount('13800000002', caseId)).toEqual([...before, 'hardship.read']);
      await t.http.get(`${API}/hardship-applications/${caseId}`).set(reviewer).expect(200);
      expect(await auditCount('13800000005', caseId)).toEqual(['hardship.read']);
      // An officer of a union above (the street union) covers the grassroots union's cases.
      const street = (await t.login('13900000012')).auth;
      await t.http.get(`${API}/hardship-applications/${caseId}`).set(street).expect(200);
    });

    it('the staff queue: officer sees their union subtree by status and region; lists hold no ID numbers', async () => {
      const q = await t.http.get(`${API}/review/hardship-applications?status=submitted&regionCode=330602`).set(officer).expect(200);
      expect(q.body.data.map((a: { id: string }) => a.id)).toContain(caseId);
      const row = q.body.data.find((a: { id: string }) => a.id === caseId);
      expect(row).toMatchObject({ applicantName: '李*', householdSize: 3, perCapitaIncome: 80000, belowMinimum: true, status: 'submitted' });
      expect(JSON.stringify(q.body)).not.toMatch(/\d{17}[\dX]/);
      expect((await t.http.get(`${API}/review/hardship-applications?status=submitted&regionCode=330603`).set(officer).expect(200)).body.total).toBe(0);
      expect((await t.http.get(`${API}/review/hardship-applications?status=draft`).set(officer).expect(400)).body.fields.status).toBeDefined();
      await t.http.get(`${API}/review/hardship-applications`).set(lina).expect(403);
      await t.http.get(`${API}/review/hardship-applications?limit=1000`).set(reviewer).expect(200).expect((r) => expect(r.body.limit).toBe(100));
    });

    it('first check: only officers (403 for the reviewer), a return needs a reason, and the applicant sees it', async () => {
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/review`).set(reviewer).send({ decision: 'pass' }).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/review`).set(officer).send({ decision: 'return' }).expect(400)).body.fields.reason).toBeDefined();
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/review`).set(officer).send({ decision: 'maybe' }).expect(400)).body.fields.decision).toBeDefined();
      const returned = await t.http.post(`${API}/hardship-applications/${caseId}/review`).set(officer).send({ decision: 'return', reason: '请补充下岗证明的照片' }).expect(200);
      expect(returned.body).toMatchObject({ id: caseId, status: 'returned', reason: '请补充下岗证明的照片' });
      const seen = await t.http.get(`${API}/hardship-applications/${caseId}`).set(lina).expect(200);
      expect(seen.body).toMatchObject({ status: 'returned', editable: true });
      expect(seen.body.timeline.map((e: { status: string; by: string; reason: string | null }) => [e.status, e.by, e.reason])).toEqual([
        ['draft', 'applicant', null],
        ['submitted', 'applicant', null],
        ['returned', 'officer', '请补充下岗证明的照片'],
      ]);
      expect(await messageAbout(lina, caseId, '困难帮扶申请被退回修改')).toMatchObject({ body: expect.stringContaining('请补充下岗证明的照片') });
      // No decision on a case that has not passed the first check.
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/decision`).set(reviewer).send({ decision: 'approve', aidTypes: ['living'] }).expect(409)).body.code).toBe('HARDSHIP_WRONG_STATUS');
    });

    it('the applicant corrects the returned case and submits again; two officers passing at once make one transition', async () => {
      await t.http.patch(`${API}/hardship-applications/${caseId}`).set(lina).send({ description: '厂里停产，我下岗半年了，已补充下岗证明。' }).expect(200);
      await t.http.post(`${API}/hardship-applications/${caseId}/submit`).set(lina).send({}).expect(200);
      expect(await messageAbout(lina, caseId, '困难帮扶申请已重新提交')).toBeDefined();
      const street = (await t.login('13900000012')).auth;
      const both = await Promise.all([
        t.http.post(`${API}/hardship-applications/${caseId}/review`).set(officer).send({ decision: 'pass' }),
        t.http.post(`${API}/hardship-applications/${caseId}/review`).set(street).send({ decision: 'pass' }),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await t.http.get(`${API}/hardship-applications/${caseId}`).set(lina).expect(200)).body.status).toBe('checked');
      expect(await messageAbout(lina, caseId, '困难帮扶申请初审通过')).toBeDefined();
    });

    it('decision: only the hardship reviewer; approve needs aid types; gives an archive number and a re-check one year on', async () => {
      await t.http.post(`${API}/hardship-applications/${caseId}/decision`).set(officer).send({ decision: 'approve', aidTypes: ['living'] }).expect(403);
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/decision`).set(reviewer).send({ decision: 'approve' }).expect(400)).body.fields.aidTypes).toBeDefined();
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/decision`).set(reviewer).send({ decision: 'approve', aidTypes: ['cash'] }).expect(400)).body.fields.aidTypes).toBeDefined();
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/decision`).set(reviewer).send({ decision: 'reject' }).expect(400)).body.fields.reason).toBeDefined();
      const res = await t.http.post(`${API}/hardship-applications/${caseId}/decision`).set(reviewer).send({ decision: 'approve', aidTypes: ['living', 'employment'] }).expect(200);
      const year = t.clock.today().slice(0, 4);
      expect(res.body).toEqual({ id: caseId, status: 'approved', reason: null, aidTypes: ['living', 'employment'], archiveNo: expect.stringMatching(new RegExp(`^KN-330602-${year}-\\d{5}$`)), recheckDue: recheckDueDate(t.clock.today()) });
      const seen = await t.http.get(`${API}/hardship-applications/${caseId}`).set(lina).expect(200);
      expect(seen.body).toMatchObject({ status: 'approved', archiveNo: res.body.archiveNo, recheckDue: res.body.recheckDue, aidTypes: ['living', 'employment'], editable: false, decidedAt: expect.any(String) });
      expect(await messageAbout(lina, caseId, '困难帮扶申请已批准')).toMatchObject({ body: expect.stringContaining(res.body.archiveNo) });
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/decision`).set(reviewer).send({ decision: 'reject', reason: '重复' }).expect(409)).body.code).toBe('HARDSHIP_WRONG_STATUS');
      expect(await auditCount('13800000005', caseId)).toEqual(expect.arrayContaining(['hardship.read', 'hardship.decision.approve']));
    });

    it('the archive lists approved cases with re-checks due; dueWithinDays=30 keeps only the close ones', async () => {
      const all = await t.http.get(`${API}/hardship-archive`).set(reviewer).expect(200);
      expect(all.body.data.map((e: { id: string }) => e.id)).toContain(caseId);
      const soon = await t.http.get(`${API}/hardship-archive?dueWithinDays=30`).set(reviewer).expect(200);
      expect(soon.body.data.map((e: { id: string }) => e.id)).not.toContain(caseId);
      expect(soon.body.data.length).toBeGreaterThanOrEqual(1); // the seeded case, decided 340 days ago
      expect(soon.body.data[0]).toMatchObject({ applicantName: '张*', daysUntilRecheck: 25, aidTypes: ['living', 'medical'], archiveNo: expect.stringMatching(/^KN-330602-\d{4}-00001$/) });
      await t.http.get(`${API}/hardship-archive`).set(officer).expect(403);
      expect((await t.http.get(`${API}/hardship-archive?dueWithinDays=-1`).set(reviewer).expect(400)).body.fields.dueWithinDays).toBeDefined();
    });

    it('a decided case frees the applicant to apply again', async () => {
      const again = await t.http.post(`${API}/hardship-applications`).set(lina).send(body()).expect(201);
      await t.http.post(`${API}/hardship-applications/${again.body.id}/submit`).set(lina).send({}).expect(200);
      await t.http.post(`${API}/hardship-applications/${again.body.id}/review`).set(officer).send({ decision: 'pass' }).expect(200);
      const rejected = await t.http.post(`${API}/hardship-applications/${again.body.id}/decision`).set(reviewer).send({ decision: 'reject', reason: '已纳入困难职工档案，不重复帮扶' }).expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', archiveNo: null, recheckDue: null, reason: '已纳入困难职工档案，不重复帮扶' });
      expect(await messageAbout(lina, again.body.id, '困难帮扶申请未获批准')).toMatchObject({ body: expect.stringContaining('不重复帮扶') });
    });
  });

  it('concurrent approvals of different cases get distinct consecutive archive numbers', async () => {
    const ids = [await submittedCase(lina), await submittedCase(zhang, { orgId: undefined, household: [{ relation: '本人', name: '张伟', idNumber: id18('33060219900315123'), monthlyIncome: 100000 }] })];
    for (const id of ids) await t.http.post(`${API}/hardship-applications/${id}/review`).set(officer).send({ decision: 'pass' }).expect(200);
    const results = await Promise.all(ids.map((id) => t.http.post(`${API}/hardship-applications/${id}/decision`).set(reviewer).send({ decision: 'approve', aidTypes: ['medical'] })));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const numbers = results.map((r) => Number(r.body.archiveNo.slice(-5))).sort((a, b) => a - b);
    expect(numbers[1] - numbers[0]).toBe(1);
  });

  it('an officer cannot review their own application', async () => {
    const own = await submittedCase(officer);
    expect((await t.http.post(`${API}/hardship-applications/${own}/review`).set(officer).send({ decision: 'pass' }).expect(403)).body.code).toBe('FORBIDDEN');
    await t.http.post(`${API}/hardship-applications/${own}/review`).set(admin).send({ decision: 'pass' }).expect(200);
  });

  describe('attachments through the photo pipeline', () => {
    const photo = (shade: number) => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 120, b: 90 } } }).jpeg().toBuffer();
    let caseId: string;
    let docId: string;

    it('the applicant uploads a photo to the draft; the same photo twice is one photo; the detail lists it', async () => {
      caseId = (await t.http.post(`${API}/hardship-applications`).set(lina).send(body()).expect(201)).body.id;
      const bytes = await photo(200);
      const res = await t.http.post(`${API}/hardship-applications/${caseId}/documents`).set(lina).field('type', 'medical_bill').attach('file', bytes, 'bill.jpg').expect(201);
      expect(res.body).toMatchObject({ id: expect.any(String), type: 'medical_bill', width: 64, height: 48, bytes: expect.any(Number), duplicate: false });
      docId = res.body.id;
      const again = await t.http.post(`${API}/hardship-applications/${caseId}/documents`).set(lina).field('type', 'medical_bill').attach('file', bytes, 'bill-again.jpg').expect(201);
      expect(again.body).toMatchObject({ id: docId, duplicate: true });
      const detail = await t.http.get(`${API}/hardship-applications/${caseId}`).set(lina).expect(200);
      expect(detail.body.documents).toEqual([expect.objectContaining({ id: docId, type: 'medical_bill' })]);
      const file = await t.http.get(`${API}/files/${docId}`).set(lina).expect(200);
      expect(file.headers['content-type']).toBe('image/jpeg');
      expect(file.headers['cache-control']).toBe('private, no-store');
    });

    it('refuses a wrong type, a non-image, and anyone but the applicant', async () => {
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/documents`).set(lina).field('type', 'selfie').attach('file', await photo(10), 'x.jpg').expect(400)).body.fields.type).toBeDefined();
      await t.http.post(`${API}/hardship-applications/${caseId}/documents`).set(lina).field('type', 'other').attach('file', Buffer.from('not an image at all'), 'x.jpg').expect(415);
      await t.http.post(`${API}/hardship-applications/${caseId}/documents`).set(zhang).field('type', 'other').attach('file', await photo(20), 'x.jpg').expect(404);
      await t.http.post(`${API}/hardship-applications/${caseId}/documents`).set(officer).field('type', 'other').attach('file', await photo(20), 'x.jpg').expect(404);
    });

    it('while it is a draft, no one else sees the photo', async () => {
      for (const who of [zhang, officer, reviewer, courierOfficer]) await t.http.get(`${API}/files/${docId}`).set(who).expect(404);
    });

    it('once submitted: the first-check officer and reviewers see it (audited), others still get 404; no more uploads', async () => {
      const extra = await t.http.post(`${API}/hardship-applications/${caseId}/documents`).set(lina).field('type', 'other').attach('file', await photo(30), 'extra.jpg').expect(201);
      await t.http.delete(`${API}/hardship-applications/${caseId}/documents/${extra.body.id}`).set(zhang).expect(404);
      await t.http.delete(`${API}/hardship-applications/${caseId}/documents/${extra.body.id}`).set(lina).expect(200);
      await t.http.delete(`${API}/hardship-applications/${caseId}/documents/${extra.body.id}`).set(lina).expect(404);
      await t.http.post(`${API}/hardship-applications/${caseId}/submit`).set(lina).send({}).expect(200);
      await t.http.get(`${API}/files/${docId}`).set(officer).expect(200);
      await t.http.get(`${API}/files/${docId}?size=thumb`).set(reviewer).expect(200);
      await t.http.get(`${API}/files/${docId}`).set(courierOfficer).expect(404);
      await t.http.get(`${API}/files/${docId}`).set(zhang).expect(404);
      expect(await auditCount('13800000002', caseId)).toContain('file.view');
      const staffView = await t.http.get(`${API}/hardship-applications/${caseId}`).set(officer).expect(200);
      expect(staffView.body.documents.map((d: { id: string }) => d.id)).toEqual([docId]);
      expect((await t.http.post(`${API}/hardship-applications/${caseId}/documents`).set(lina).field('type', 'other').attach('file', await photo(40), 'late.jpg').expect(409)).body.code).toBe('APPLICATION_NOT_EDITABLE');
      await t.http.delete(`${API}/hardship-applications/${caseId}/documents/${docId}`).set(lina).expect(409);
      await closeCase(caseId);
    });
  });

  it('stores no plaintext ID numbers, names or incomes: a raw database read finds only ciphertext', async () => {
    const rows = await t.ds.query('SELECT * FROM hardship_applications');
    expect(rows.length).toBeGreaterThan(3);
    const dump = JSON.stringify(rows) + JSON.stringify(await t.ds.query('SELECT * FROM hardship_events')) + JSON.stringify(await t.ds.query('SELECT * FROM audit_logs')) + JSON.stringify(await t.ds.query('SELECT * FROM messages'));
    for (const secret of [LINA, HUSBAND, DAUGHTER, id18('33060219900315123'), '周强', '周小雨', '下岗半年']) {
      expect(dump).not.toContain(secret);
    }
    // Amounts as whole values: "60000" may well occur inside a random id, a hash or a ciphertext.
    for (const amount of ['180000', '60000', '90000']) expect(dump).not.toMatch(new RegExp(`(?<![\\w-])${amount}(?![\\w-])`));
    for (const r of rows) expect(r.dataCipher).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('the region standard: public to read, admin to set; a draft follows it, a submitted case keeps the one it was measured with', async () => {
    expect((await t.http.get(`${API}/regions/330602`).expect(200)).body).toMatchObject({ code: '330602', name: '越城区', minimumLiving: 115000 });
    const draft = await t.http.post(`${API}/hardship-applications`).set(lina).send(body()).expect(201);
    const submitted = await submittedCase(zhang, { orgId: undefined, household: [{ relation: '本人', name: '张伟', idNumber: id18('33060219900315123'), monthlyIncome: 100000 }] });
    await t.http.put(`${API}/regions/330602`).set(admin).send({ name: '越城区', minimumLiving: 40000 }).expect(200);
    await t.http.put(`${API}/regions/330602`).set(admin).send({ name: '', minimumLiving: 40000 }).expect(400);
    const edited = await t.http.patch(`${API}/hardship-applications/${draft.body.id}`).set(lina).send({ description: '更新' }).expect(200);
    expect(edited.body).toMatchObject({ minimumLiving: 40000, perCapitaIncome: 50000, belowMinimum: false });
    expect((await t.http.get(`${API}/hardship-applications/${submitted}`).set(zhang).expect(200)).body).toMatchObject({ minimumLiving: 115000, belowMinimum: true });
    await t.http.put(`${API}/regions/330602`).set(admin).send({ name: '越城区', minimumLiving: 115000 }).expect(200);
  });

  it('needs a login', async () => {
    await t.http.post(`${API}/hardship-applications`).send(body()).expect(401);
    await t.http.get(`${API}/hardship-applications`).expect(401);
  });
});
