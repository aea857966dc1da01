import { ClaimResponse, invoiceKey, PlanResponse } from '@unionhome/shared';
import { InvoiceKeyEntity } from '../src/claims/entities/invoice-key.entity';
import { addMember, Auth, claimBody, createDraft, demoPlan, invoice, midYear, stay, submittedClaim, uploadRequired } from './support/claims';
import { jpeg } from './support/images';
import { createTestApp, TestApp } from './support/test-app';

const API = '/api/v1';

describe('mutual-aid claims: plans, coverage and enrolment', () => {
  let t: TestApp;
  let worker: Auth;
  let admin: Auth;
  let officer: Auth;
  let plan: PlanResponse;

  beforeAll(async () => {
    t = await createTestApp();
    worker = (await t.login('13800000001')).auth;
    admin = (await t.login('13800000006')).auth;
    officer = (await t.login('13800000002')).auth;
    plan = await demoPlan(t, worker);
  });
  afterAll(() => t.close());

  it('seeds the demo plan of API.md', () => {
    const year = t.clock.today().slice(0, 4);
    expect(plan).toMatchObject({
      code: 'DEMO-INPATIENT',
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      deductible: 0,
      tiers: [{ from: 0, to: null, ratioBp: 4000 }],
      annualCap: 2_000_000,
      waitingPeriodDays: 0,
      active: true,
    });
  });

  it('shows 张伟 his coverage (我的保障)', async () => {
    const res = await t.http.get(`${API}/me/coverage`).set(worker).expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({ planId: plan.id, planCode: 'DEMO-INPATIENT', periodStart: plan.periodStart, periodEnd: plan.periodEnd, annualCap: 2_000_000, paidThisYear: 0, remaining: 2_000_000 }),
    ]);
    const lina = (await t.login('13800000007')).auth;
    expect((await t.http.get(`${API}/me/coverage`).set(lina).expect(200)).body).toEqual([]);
  });

  it('lets the admin create and edit plans, with the rule checked', async () => {
    const body = {
      code: 'BJ-TIERS',
      name: '北京式分段互助',
      premium: 5000,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      waitingPeriodDays: 30,
      claimDeadlineDays: 90,
      deductible: 130_000,
      tiers: [
        { from: 0, to: 1_000_000, ratioBp: 4000 },
        { from: 1_000_000, to: null, ratioBp: 5000 },
      ],
      bonusBp: 500,
      bonusTags: ['hardship'],
      perClaimCap: 1_000_000,
      annualCap: 3_000_000,
    };
    await t.http.post(`${API}/mutual-aid/plans`).set(worker).send(body).expect(403);
    await t.http.post(`${API}/mutual-aid/plans`).set(officer).send(body).expect(403);
    const created = await t.http.post(`${API}/mutual-aid/plans`).set(admin).send(body).expect(201);
    expect(created.body).toMatchObject({ ...body, active: true, description: '' });
    expect((await t.http.post(`${API}/mutual-aid/plans`).set(admin).send(body).expect(409)).body.code).toBe('PLAN_CODE_TAKEN');

    const gap = await t.http
      .post(`${API}/mutual-aid/plans`)
      .set(admin)
      .send({ ...body, code: 'BAD', tiers: [{ from: 0, to: 100, ratioBp: 4000 }, { from: 200, to: null, ratioBp: 5000 }] })
      .expect(400);
    expect(gap.body.fields).toEqual({ 'tiers.1.from': '应紧接上一段的结束金额' });
    const ratio = await t.http.post(`${API}/mutual-aid/plans`).set(admin).send({ ...body, code: 'BAD2', tiers: [{ from: 0, to: null, ratioBp: 12000 }] }).expect(400);
    expect(ratio.body.fields).toEqual({ 'tiers.0.ratioBp': '比例不能超过100%' });
    const period = await t.http.post(`${API}/mutual-aid/plans`).set(admin).send({ ...body, code: 'BAD3', periodEnd: '2000-01-01' }).expect(400);
    expect(period.body.fields).toEqual({ periodEnd: '保障期结束日期不能早于开始日期' });

    const edited = await t.http.patch(`${API}/mutual-aid/plans/${created.body.id}`).set(admin).send({ annualCap: null, name: '北京式分段互助（试行）' }).expect(200);
    expect(edited.body).toMatchObject({ annualCap: null, name: '北京式分段互助（试行）', deductible: 130_000 });
    await t.http.patch(`${API}/mutual-aid/plans/${created.body.id}`).set(admin).send({ code: 'X' }).expect(400);
    const off = await t.http.patch(`${API}/mutual-aid/plans/${created.body.id}`).set(admin).send({ active: false }).expect(200);
    expect(off.body.active).toBe(false);
    expect(((await t.http.get(`${API}/mutual-aid/plans`).set(worker).expect(200)).body as PlanResponse[]).map((p) => p.code)).not.toContain('BJ-TIERS');
    expect(((await t.http.get(`${API}/mutual-aid/plans?all=true`).set(admin).expect(200)).body as PlanResponse[]).map((p) => p.code)).toContain('BJ-TIERS');
    await t.http.get(`${API}/mutual-aid/plans/${created.body.id}`).set(worker).expect(404);
  });

  it("lets an officer enrol their own union's members in bulk, and nobody else's", async () => {
    const a = await addMember(t, '13911110001', '钱一');
    const b = await addMember(t, '13911110002', '孙二');
    const courier = await addMember(t, '13911110003', '周三', 'DEMO-COURIER');
    const zhangwei = (await t.login('13800000001')).user.id;

    const list = await t.http.get(`${API}/mutual-aid/plans/${plan.id}/candidates`).set(officer).expect(200);
    const byName = Object.fromEntries((list.body.data as Array<{ name: string; enrolled: boolean; orgName: string }>).map((c) => [c.name, c]));
    expect(byName['张伟']).toMatchObject({ enrolled: true, orgName: '示范基层工会' });
    expect(byName['钱一']).toMatchObject({ enrolled: false, phoneMasked: '139****0001' });
    expect(byName['周三']).toBeUndefined(); // another union
    const notYet = await t.http.get(`${API}/mutual-aid/plans/${plan.id}/candidates?enrolled=false&q=钱`).set(officer).expect(200);
    expect(notYet.body.data.map((c: { name: string }) => c.name)).toEqual(['钱一']);
    await t.http.get(`${API}/mutual-aid/plans/${plan.id}/candidates`).set(worker).expect(403);
    const courierOrg = (await t.http.get(`${API}/orgs?code=DEMO-COURIER`).set(officer).expect(200)).body;
    const courierId = (Array.isArray(courierOrg) ? courierOrg : courierOrg.data)[0].id;
    await t.http.get(`${API}/mutual-aid/plans/${plan.id}/candidates?orgId=${courierId}`).set(officer).expect(404);

    const res = await t.http.post(`${API}/mutual-aid/plans/${plan.id}/enrolments`).set(officer).send({ userIds: [a, b, courier, zhangwei] }).expect(201);
    expect(res.body).toEqual({ enrolled: [a, b], alreadyEnrolled: [zhangwei], skipped: [courier] });
    const again = await t.http.post(`${API}/mutual-aid/plans/${plan.id}/enrolments`).set(officer).send({ userIds: [a] }).expect(201);
    expect(again.body).toEqual({ enrolled: [], alreadyEnrolled: [a], skipped: [] });
    await t.http.post(`${API}/mutual-aid/plans/${plan.id}/enrolments`).set(officer).send({ userIds: [] }).expect(400);

    // the admin may enrol anyone
    const byAdmin = await t.http.post(`${API}/mutual-aid/plans/${plan.id}/enrolments`).set(admin).send({ userIds: [courier] }).expect(201);
    expect(byAdmin.body.enrolled).toEqual([courier]);
    const adminList = await t.http.get(`${API}/mutual-aid/plans/${plan.id}/candidates?orgId=${courierId}`).set(admin).expect(200);
    expect(adminList.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ name: '周三', enrolled: true })]));
    expect(adminList.body.data.every((c: { orgName: string }) => c.orgName === '顺达快递基层工会')).toBe(true);

    const coverage = (await t.http.get(`${API}/me/coverage`).set((await t.login('13911110001')).auth).expect(200)).body;
    expect(coverage).toEqual([expect.objectContaining({ planCode: 'DEMO-INPATIENT', periodStart: t.clock.today() > plan.periodStart ? t.clock.today() : plan.periodStart, remaining: 2_000_000 })]);
  });
});

describe('mutual-aid claims: the three steps, every refusal, review and payment', () => {
  let t: TestApp;
  let worker: Auth;
  let reviewer: Auth;
  let plan: PlanResponse;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    worker = (await t.login('13800000001')).auth;
    reviewer = (await t.login('13800000003')).auth;
    plan = await demoPlan(t, worker);
    today = midYear(t, plan);
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown, auth: Auth = worker) => t.http.post(`${API}${path}`).set(auth).send(body as object);
  const get = (path: string, auth: Auth = worker) => t.http.get(`${API}${path}`).set(auth);

  describe('step 1: the draft', () => {
    it('saves a draft at once and converts nothing by float (amounts are fen from the start)', async () => {
      const body = claimBody(plan.id, today, { totalAmount: 30, insurancePaid: 10, invoices: [invoice(10), invoice(20)] });
      const res = await post('/claims', body).expect(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        requiredDocuments: ['id_card_front', 'id_card_back', 'discharge_summary', 'settlement', 'invoice'],
        missingDocuments: ['id_card_front', 'id_card_back', 'discharge_summary', 'settlement', 'invoice'],
        totalAmount: 30,
        editable: true,
        timeline: [expect.objectContaining({ status: 'draft', by: 'member' })],
      });
      expect(res.body.estimate).toMatchObject({ eligibleAmount: 20, payout: 8, annualRemaining: 2_000_000 });
      const list = await get('/claims?status=draft').expect(200);
      expect(list.body).toMatchObject({ total: 1, page: 1, limit: 20 });
      expect(list.body.data[0]).toMatchObject({ id: res.body.id, status: 'draft', estimatePayout: 8, planName: '职工住院医疗互助' });
    });

    it('refuses non-integer, negative and mistyped amounts with fields', async () => {
      const res = await post('/claims', { ...claimBody(plan.id, today), totalAmount: 100.5, insurancePaid: -1, invoices: [{ code: '33-01', number: '', amount: 1 }] }).expect(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: {
          totalAmount: '金额应为整数（单位：分）',
          insurancePaid: '金额不能为负数',
          'invoices.0.code': '票据代码应为不超过20位的数字或字母',
          'invoices.0.number': '票据号码应为1到20位的数字或字母',
        },
      });
      const unknown = await post('/claims', { ...claimBody(plan.id, today), diagnosis: '阑尾炎' }).expect(400);
      expect(unknown.body.fields).toEqual({ diagnosis: '不支持该字段' });
      const over = await post('/claims', claimBody(plan.id, today, { insurancePaid: 900_000, otherReimbursed: 200_000 })).expect(400);
      expect(over.body.fields).toEqual({ insurancePaid: '医保统筹支付和其他报销加起来不能超过医疗总费用' });
      const twice = invoice(500_000);
      const dup = await post('/claims', claimBody(plan.id, today, { invoices: [twice, { ...twice, number: ` ${twice.number} ` }] })).expect(400);
      expect(dup.body.fields).toEqual({ 'invoices.1.number': '这张发票和第1张重复了' });
    });

    it('refuses dates out of order or in the future (400) and outside the rules (422 with the reason)', async () => {
      const order = await post('/claims', claimBody(plan.id, today, { admissionDate: today, dischargeDate: stay(today).admissionDate })).expect(400);
      expect(order.body.fields).toEqual({ dischargeDate: '出院日期不能早于入院日期' });
      const future = await post('/claims', claimBody(plan.id, today, { dischargeDate: '2999-01-01' })).expect(400);
      expect(future.body.fields).toEqual({ dischargeDate: '出院日期不能晚于今天' });
      const bad = await post('/claims', claimBody(plan.id, today, { admissionDate: '2026-02-30' })).expect(400);
      expect(bad.body.fields).toEqual({ admissionDate: '日期格式应为 年-月-日' });

      const lastYear = `${Number(plan.periodStart.slice(0, 4)) - 1}-12-28`;
      const outside = await post('/claims', claimBody(plan.id, today, { admissionDate: lastYear })).expect(422);
      expect(outside.body).toEqual({
        code: 'OUTSIDE_COVERAGE',
        message: `入院日期${lastYear}不在保障期内（${plan.periodStart}至${plan.periodEnd}）`,
        details: { reason: 'OUTSIDE_COVERAGE' },
      });
    });

    it('refuses a claim in the waiting period and one past the deadline', async () => {
      const admin = (await t.login('13800000006')).auth;
      const officer = (await t.login('13800000002')).auth;
      const strict = await post(
        '/mutual-aid/plans',
        { code: 'STRICT', name: '等待期计划', premium: 0, periodStart: plan.periodStart, periodEnd: plan.periodEnd, waitingPeriodDays: 30, claimDeadlineDays: 20, deductible: 0, tiers: [{ from: 0, to: null, ratioBp: 5000 }], bonusBp: 0, bonusTags: [], perClaimCap: null, annualCap: null },
        admin,
      ).expect(201);
      const me = (await t.login('13800000001')).user.id;
      const enrolledOn = t.clock.today();
      await post(`/mutual-aid/plans/${strict.body.id}/enrolments`, { userIds: [me] }, officer).expect(201);
      const coverage = (await get('/me/coverage').expect(200)).body.find((c: { planCode: string }) => c.planCode === 'STRICT');
      expect(coverage.waitingEndsOn).toBe(new Date(Date.parse(`${enrolledOn}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10));

      t.clock.advance(80 * 86_400_000);
      const now = t.clock.today();
      const inWaiting = await post('/claims', claimBody(strict.body.id, now, { admissionDate: stay(enrolledOn, -5).admissionDate, dischargeDate: stay(enrolledOn, -8).admissionDate })).expect(422);
      expect(inWaiting.body.code).toBe('IN_WAITING_PERIOD');
      expect(inWaiting.body.message).toBe(`入院日期${stay(enrolledOn, -5).admissionDate}还在等待期内，${coverage.waitingEndsOn}及以后入院的才能申请`);

      const late = await post('/claims', claimBody(strict.body.id, now, { admissionDate: stay(now, 32).admissionDate, dischargeDate: stay(now, 21).admissionDate })).expect(422);
      expect(late.body.code).toBe('CLAIM_DEADLINE_PASSED');
      expect(late.body.message).toContain('出院后20天内可以申请');

      // a draft made in time is refused at submission once the deadline has passed
      const inTime = await createDraft(t, worker, strict.body.id, now, { admissionDate: stay(now, 3).admissionDate, dischargeDate: stay(now, 1).admissionDate });
      await uploadRequired(t, worker, inTime.id, 3);
      t.clock.advance(25 * 86_400_000);
      const expired = await post(`/claims/${inTime.id}/submit`, { declaration: true }).expect(422);
      expect(expired.body.code).toBe('CLAIM_DEADLINE_PASSED');
      midYear(t, plan);
    });

    it('refuses a plan the worker is not enrolled in, and a plan that does not exist', async () => {
      const lina = (await t.login('13800000007')).auth;
      const res = await post('/claims', claimBody(plan.id, today), lina).expect(422);
      expect(res.body).toMatchObject({ code: 'NOT_ENROLLED', message: '您未参加"职工住院医疗互助"，请联系所在工会办理参保' });
      expect((await post('/claims', claimBody('00000000-0000-4000-8000-000000000000', today)).expect(404)).body.code).toBe('PLAN_NOT_FOUND');
    });

    it("lets the owner resume and edit a draft, and nobody else see it", async () => {
      const { id } = await createDraft(t, worker, plan.id, today);
      const patched = await t.http.patch(`${API}/claims/${id}`).set(worker).send({ hospital: '绍兴市中心医院', insurancePaid: 500_000 }).expect(200);
      expect(patched.body).toMatchObject({ hospital: '绍兴市中心医院', insurancePaid: 500_000, estimate: expect.objectContaining({ payout: 200_000 }) });
      const fetched = await get(`/claims/${id}`).expect(200);
      expect(fetched.body.hospital).toBe('绍兴市中心医院');
      for (const phone of ['13800000007', '13800000003', '13800000002']) {
        const other = (await t.login(phone)).auth;
        expect((await get(`/claims/${id}`, other).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
        await t.http.patch(`${API}/claims/${id}`).set(other).send({ hospital: 'x医院' }).expect(404);
        await get(`/claims/${id}/estimate`, other).expect(404);
      }
      await get('/claims/not-a-uuid').expect(404);
    });
  });

  describe('step 3: submission refusals', () => {
    it('needs the declaration', async () => {
      const { id } = await createDraft(t, worker, plan.id, today);
      await uploadRequired(t, worker, id, 20);
      expect((await post(`/claims/${id}/submit`, { declaration: false }).expect(422)).body.code).toBe('DECLARATION_REQUIRED');
      expect((await post(`/claims/${id}/submit`, {}).expect(400)).body.fields).toEqual({ declaration: '请确认材料真实有效' });
    });

    it('lists the missing documents (422 DOCUMENTS_MISSING)', async () => {
      const { id } = await createDraft(t, worker, plan.id, today);
      for (const [i, type] of (['id_card_front', 'invoice'] as const).entries()) {
        await t.http.post(`${API}/claims/${id}/documents`).set(worker).field('type', type).attach('file', await jpeg(200, 200, 300 + i), 'p.jpg').expect(201);
      }
      const res = await post(`/claims/${id}/submit`, { declaration: true }).expect(422);
      expect(res.body).toEqual({
        code: 'DOCUMENTS_MISSING',
        message: '还缺少这些材料：身份证国徽面、出院小结、住院结算单',
        details: { missing: ['id_card_back', 'discharge_summary', 'settlement'], labels: ['身份证国徽面', '出院小结', '住院结算单'] },
      });
      const claim = await get(`/claims/${id}`).expect(200);
      expect(claim.body.missingDocuments).toEqual(['id_card_back', 'discharge_summary', 'settlement']);
    });

    it('needs at least one invoice, adding up to the total', async () => {
      const none = await createDraft(t, worker, plan.id, today, { invoices: [] });
      await uploadRequired(t, worker, none.id, 40);
      expect((await post(`/claims/${none.id}/submit`, { declaration: true }).expect(422)).body.code).toBe('INVOICE_REQUIRED');
      await t.http.patch(`${API}/claims/${none.id}`).set(worker).send({ invoices: [invoice(600_000), invoice(300_000)] }).expect(200);
      const mismatch = await post(`/claims/${none.id}/submit`, { declaration: true }).expect(422);
      expect(mismatch.body).toMatchObject({ code: 'INVOICE_TOTAL_MISMATCH', details: { invoiceTotal: 900_000, totalAmount: 1_000_000 } });
    });

    it('refuses an invoice that backs a live claim: 409 naming the invoice and the month, nothing about the other person', async () => {
      const used = invoice(1_000_000, '33060199');
      await submittedClaim(t, worker, plan.id, today, { invoices: [used] });
      const other = await addMember(t, '13922220001', '吴四');
      const admin = (await t.login('13800000006')).auth; // a start in the past is the admin's to give
      await post(`/mutual-aid/plans/${plan.id}/enrolments`, { userIds: [other], coverageStart: plan.periodStart }, admin).expect(201);
      const wu = (await t.login('13922220001')).auth;
      // step 1 says so at once…
      const early = await post('/claims', claimBody(plan.id, today, { invoices: [{ ...used, code: ` ${used.code.toLowerCase()}` }] }), wu).expect(409);
      const month = today.slice(0, 7);
      const expected = {
        code: 'DUPLICATE_INVOICE',
        message: `发票（票据代码${used.code}、号码${used.number}）已于${month.slice(0, 4)}年${Number(month.slice(5))}月用于理赔申请，同一张发票不能重复申请`,
        details: { invoice: { code: used.code, number: used.number }, usedMonth: month },
      };
      expect(early.body).toEqual(expected);
      expect(JSON.stringify(early.body)).not.toMatch(/张伟|M3306|13800000001/);
      // …and submission refuses it too (a draft saved before the other claim was submitted)
      const fresh = invoice(1_000_000, '33060199');
      const draft = await createDraft(t, (await t.login('13922220001')).auth, plan.id, today, { invoices: [fresh] });
      await uploadRequired(t, wu, draft.id, 50);
      await submittedClaim(t, worker, plan.id, today, { invoices: [{ ...fresh }] });
      const late = await post(`/claims/${draft.id}/submit`, { declaration: true }, wu).expect(409);
      expect(late.body.code).toBe('DUPLICATE_INVOICE');
      expect((await get(`/claims/${draft.id}`, wu).expect(200)).body.status).toBe('draft');
    });

    it('submits once for a double tap with the same Idempotency-Key', async () => {
      const { id } = await createDraft(t, worker, plan.id, today);
      await uploadRequired(t, worker, id, 60);
      const key = `submit-${id}`;
      const [a, b] = await Promise.all([
        t.http.post(`${API}/claims/${id}/submit`).set(worker).set('Idempotency-Key', key).send({ declaration: true }),
        t.http.post(`${API}/claims/${id}/submit`).set(worker).set('Idempotency-Key', key).send({ declaration: true }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body).toEqual({ id, status: 'submitted' });
      expect(b.body).toEqual(a.body);
      const retry = await t.http.post(`${API}/claims/${id}/submit`).set(worker).set('Idempotency-Key', key).send({ declaration: true }).expect(200);
      expect(retry.body).toEqual(a.body);
      const claim = (await get(`/claims/${id}`).expect(200)).body as ClaimResponse;
      expect(claim.timeline.filter((e) => e.status === 'submitted')).toHaveLength(1);
      // without the key a second submit is a conflict, never a second claim
      expect((await post(`/claims/${id}/submit`, { declaration: true }).expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');
    });
  });

  describe('review and payment', () => {
    it('walks submitted → in_review → need_documents → resubmitted → approved → paid, with a timeline and a message at each step', async () => {
      const id = await submittedClaim(t, worker, plan.id, today);
      const submitted = (await get(`/claims/${id}`).expect(200)).body as ClaimResponse;
      expect(submitted).toMatchObject({ status: 'submitted', estimatePayout: 160_000, editable: false });
      // the worker can no longer change it
      expect((await t.http.patch(`${API}/claims/${id}`).set(worker).send({ hospital: '别的医院' }).expect(409)).body.code).toBe('CLAIM_NOT_EDITABLE');
      const docId = submitted.documents[0].id;
      expect((await t.http.delete(`${API}/claims/${id}/documents/${docId}`).set(worker).expect(409)).body.code).toBe('CLAIM_NOT_EDITABLE');

      // the queue
      const queue = await get('/review/claims', reviewer).expect(200);
      expect(queue.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ id, status: 'submitted', memberName: '张伟', memberNo: 'M330602000001', orgName: '示范基层工会', estimatePayout: 160_000 })]));
      expect((await get('/review/claims?status=waiting', reviewer).expect(200)).body.data.map((c: { id: string }) => c.id)).toContain(id);
      expect((await get('/review/claims?status=approved', reviewer).expect(200)).body.data.map((c: { id: string }) => c.id)).not.toContain(id);
      const byName = await get('/review/claims?q=张伟&status=submitted', reviewer).expect(200);
      expect(byName.body.data.map((c: { id: string }) => c.id)).toContain(id);
      expect((await get('/review/claims?q=没有这个人', reviewer).expect(200)).body.total).toBe(0);
      expect((await get(`/review/claims?submittedFrom=${today}&submittedTo=${today}`, reviewer).expect(200)).body.data.map((c: { id: string }) => c.id)).toContain(id);
      expect((await get('/review/claims?submittedFrom=2000-01-01&submittedTo=2000-01-02', reviewer).expect(200)).body.total).toBe(0);
      await get('/review/claims', worker).expect(403);
      await get('/review/claims?status=draft', reviewer).expect(400);

      // the reviewer sees the photos (the worker's files are now visible to claim reviewers)
      const view = await get(`/review/claims/${id}`, reviewer).expect(200);
      expect(view.body.member).toMatchObject({ name: '张伟', memberNo: 'M330602000001', phoneMasked: '138****0001' });
      expect(view.body.member.idNumberMasked).toMatch(/^3306\*+\d{3}[\dX]$/);
      expect(view.body.estimate.breakdown.map((l: { label: string }) => l.label)).toEqual(['医疗总费用', '减：医保统筹支付', '可报销金额', '¥4,000.00 × 40%', '按比例计算', '预计可得']);
      await t.http.get(`${API}/files/${docId}`).set(reviewer).expect(200);
      await t.http.get(`${API}/files/${docId}`).set((await t.login('13800000002')).auth).expect(404);

      await post(`/claims/${id}/start-review`, {}, worker).expect(403);
      expect((await post(`/claims/${id}/start-review`, {}, reviewer).expect(200)).body).toEqual({ id, status: 'in_review' });
      expect((await post(`/claims/${id}/start-review`, {}, reviewer).expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');

      // ask for a clearer invoice photo
      const missingReason = await post(`/claims/${id}/decision`, { decision: 'request_documents', documentTypes: ['invoice'] }, reviewer).expect(400);
      expect(missingReason.body.fields).toEqual({ reasonCode: '请选择需要补充材料的原因' });
      await post(`/claims/${id}/decision`, { decision: 'request_documents', reasonCode: 'unclear' }, reviewer).expect(400);
      await post(`/claims/${id}/decision`, { decision: 'request_documents', reasonCode: 'no_such_reason', documentTypes: ['invoice'] }, reviewer).expect(400);
      const asked = await post(`/claims/${id}/decision`, { decision: 'request_documents', reasonCode: 'unclear', note: '发票号码看不清', documentTypes: ['invoice'] }, reviewer).expect(200);
      expect(asked.body).toMatchObject({ id, status: 'need_documents' });

      const waiting = (await get(`/claims/${id}`).expect(200)).body as ClaimResponse;
      expect(waiting).toMatchObject({ status: 'need_documents', editable: true, requestedDocuments: ['invoice'] });
      expect(waiting.timeline.at(-1)).toMatchObject({ status: 'need_documents', by: 'reviewer', reasonCode: 'unclear', reason: '照片看不清，请重新拍摄：发票号码看不清', documentTypes: ['invoice'] });

      // resubmitting without a new invoice photo is refused, naming what was asked for
      const notYet = await post(`/claims/${id}/submit`, { declaration: true }).expect(422);
      expect(notYet.body).toMatchObject({ code: 'DOCUMENTS_MISSING', details: { missing: ['invoice'] } });

      // correcting the invoice number moves what the claim holds: the mistyped one is free again
      const typed = waiting.invoices[0];
      const corrected = invoice(typed.amount);
      await t.http.patch(`${API}/claims/${id}`).set(worker).send({ invoices: [corrected] }).expect(200);
      const held = await t.ds.manager.findBy(InvoiceKeyEntity, { claimId: id });
      expect(held.map((k) => k.invoiceKey)).toEqual([invoiceKey(corrected)]);
      expect(await t.ds.manager.countBy(InvoiceKeyEntity, { invoiceKey: invoiceKey(typed) })).toBe(0);

      // replace the photo: the old one stays for the reviewer's history, not in the worker's list
      const oldInvoice = waiting.documents.find((d) => d.type === 'invoice')!;
      await t.http.delete(`${API}/claims/${id}/documents/${oldInvoice.id}`).set(worker).expect(204);
      const replacement = await t.http.post(`${API}/claims/${id}/documents`).set(worker).field('type', 'invoice').attach('file', await jpeg(640, 480, 777), 'new.jpg').expect(201);
      const mine = (await get(`/claims/${id}`).expect(200)).body as ClaimResponse;
      expect(mine.documents.map((d) => d.id)).not.toContain(oldInvoice.id);
      expect(mine.documents.map((d) => d.id)).toContain(replacement.body.id);
      expect((await post(`/claims/${id}/submit`, { declaration: true }).expect(200)).body).toEqual({ id, status: 'resubmitted' });
      const history = (await get(`/review/claims/${id}`, reviewer).expect(200)).body as ClaimResponse;
      expect(history.documents.find((d) => d.id === oldInvoice.id)).toMatchObject({ removed: true });
      await t.http.get(`${API}/files/${oldInvoice.id}`).set(reviewer).expect(200);
      await t.http.get(`${API}/files/${oldInvoice.id}`).set(worker).expect(404);

      // approve more than the rule → 422; less needs a reason; the computed amount without one
      const tooMuch = await post(`/claims/${id}/decision`, { decision: 'approve', amount: 160_001 }, reviewer).expect(422);
      expect(tooMuch.body).toMatchObject({ code: 'AMOUNT_EXCEEDS_RULE', message: '按规则最多可核定¥1,600.00', details: { computed: 160_000 } });
      expect((await post(`/claims/${id}/decision`, { decision: 'approve', amount: 150_000 }, reviewer).expect(400)).body.fields).toEqual({ reasonCode: '核定金额低于计算金额时，请选择原因' });
      expect((await post(`/claims/${id}/decision`, { decision: 'approve', amount: 150_000, reasonCode: 'other' }, reviewer).expect(400)).body.fields).toEqual({ note: '选择"其他原因"时，请写明原因' });
      await post(`/claims/${id}/decision`, { decision: 'maybe' }, reviewer).expect(400);
      await post(`/claims/${id}/decision`, { decision: 'approve' }, worker).expect(403);
      const approved = await post(`/claims/${id}/decision`, { decision: 'approve', amount: 150_000, reasonCode: 'partly_not_covered', note: '自费药品不在范围' }, reviewer).expect(200);
      expect(approved.body).toEqual({ id, status: 'approved', approvedAmount: 150_000 });
      expect((await post(`/claims/${id}/decision`, { decision: 'reject', reasonCode: 'other', note: '改主意' }, reviewer).expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');

      const coverage = (await get('/me/coverage').expect(200)).body.find((c: { planCode: string }) => c.planCode === 'DEMO-INPATIENT');
      expect(coverage).toMatchObject({ paidThisYear: 150_000, remaining: 1_850_000 });

      // payment
      await post(`/claims/${id}/paid`, { paidAt: '2999-01-01', reference: 'X' }, reviewer).expect(400);
      await post(`/claims/${id}/paid`, { paidAt: today }, reviewer).expect(400);
      await post(`/claims/${id}/paid`, { paidAt: today, reference: 'BANK-1' }, worker).expect(403);
      expect((await post(`/claims/${id}/paid`, { paidAt: today, reference: 'BANK-20260715-001' }, reviewer).expect(200)).body).toMatchObject({ id, status: 'paid' });
      expect((await post(`/claims/${id}/paid`, { paidAt: today, reference: 'BANK-2' }, reviewer).expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');

      const done = (await get(`/claims/${id}`).expect(200)).body as ClaimResponse;
      expect(done).toMatchObject({ status: 'paid', approvedAmount: 150_000, paidReference: 'BANK-20260715-001' });
      expect(done.timeline.map((e) => e.status)).toEqual(['draft', 'submitted', 'in_review', 'need_documents', 'resubmitted', 'approved', 'paid']);
      expect(done.timeline.find((e) => e.status === 'approved')).toMatchObject({ amount: 150_000, reason: '部分费用不属于互助保障范围：自费药品不在范围', by: 'reviewer' });
      // the estimate of an approved claim still reads as it did (its own approval is not counted against it)
      expect(done.estimate.payout).toBe(160_000);

      const messages = (await get('/me/messages?limit=100').expect(200)).body.data as Array<{ title: string; body: string; link: string }>;
      const mine2 = messages.filter((m) => m.link === `/packages/claims/pages/detail/index?id=${id}`).map((m) => m.title);
      // (the test clock stands still, so the order of equal times is not the point here)
      expect(mine2.sort()).toEqual(['理赔申请已提交', '理赔申请正在审核', '理赔申请需要补充材料', '补充材料已提交', '理赔申请已通过', '理赔款已打款'].sort());
      expect(messages.find((m) => m.title === '理赔申请需要补充材料' && m.link.endsWith(id))?.body).toContain('需要补充材料：医疗发票。原因：照片看不清，请重新拍摄：发票号码看不清');
      expect(messages.find((m) => m.title === '理赔申请已通过' && m.link.endsWith(id))?.body).toContain('核定金额¥1,500.00');
    });

    it('rejects with a coded reason and releases the invoice for a corrected claim', async () => {
      const used = invoice(1_000_000, '33060177');
      const id = await submittedClaim(t, worker, plan.id, today, { invoices: [used] });
      expect((await post(`/claims/${id}/decision`, { decision: 'reject' }, reviewer).expect(400)).body.fields).toEqual({ reasonCode: '请选择不通过的原因' });
      expect((await post(`/claims/${id}/decision`, { decision: 'reject', reasonCode: 'not_covered', amount: 5 }, reviewer).expect(400)).body.fields).toEqual({ amount: '只有通过时才能填写核定金额' });
      expect((await post(`/claims/${id}/decision`, { decision: 'reject', reasonCode: 'not_covered' }, reviewer).expect(200)).body).toMatchObject({ status: 'rejected' });
      const claim = (await get(`/claims/${id}`).expect(200)).body as ClaimResponse;
      expect(claim.timeline.at(-1)).toMatchObject({ status: 'rejected', reason: '本次住院不属于互助保障范围' });
      expect((await post(`/claims/${id}/submit`, { declaration: true }).expect(409)).body.code).toBe('CLAIM_STATUS_CONFLICT');
      await post(`/claims/${id}/paid`, { paidAt: today, reference: 'B' }, reviewer).expect(409);
      // the same invoice may now back a new claim
      await submittedClaim(t, worker, plan.id, today, { invoices: [used] });
    });

    it('approves the computed payout when no amount is given, and keeps the annual cap across claims', async () => {
      const big = { totalAmount: 4_000_000, insurancePaid: 0, invoices: [invoice(4_000_000)] }; // 40 % of ¥40,000 = ¥16,000
      const first = await submittedClaim(t, worker, plan.id, today, big);
      const demoCover = async () => (await get('/me/coverage').expect(200)).body.find((c: { planCode: string }) => c.planCode === 'DEMO-INPATIENT');
      const used = (await demoCover()).paidThisYear as number;
      const r1 = await post(`/claims/${first}/decision`, { decision: 'approve' }, reviewer).expect(200);
      expect(r1.body.approvedAmount).toBe(Math.min(1_600_000, 2_000_000 - used));
      const second = await submittedClaim(t, worker, plan.id, today, { ...big, invoices: [invoice(4_000_000)] });
      const est = (await get(`/claims/${second}/estimate`, reviewer).expect(200)).body;
      const remaining = 2_000_000 - used - r1.body.approvedAmount;
      expect(est).toMatchObject({ payout: remaining, annualRemaining: remaining, annualRemainingAfter: 0, limitedBy: 'annual_cap' });
      expect(est.breakdown.at(-2).label).toContain('超过本年度剩余额度');
      const r2 = await post(`/claims/${second}/decision`, { decision: 'approve' }, reviewer).expect(200);
      expect(r2.body.approvedAmount).toBe(remaining);
      expect(await demoCover()).toMatchObject({ paidThisYear: 2_000_000, remaining: 0 });
    });

    it('hides drafts from reviewers and needs the reviewer role for decisions', async () => {
      const { id } = await createDraft(t, worker, plan.id, today);
      expect((await get(`/review/claims/${id}`, reviewer).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
      await post(`/claims/${id}/decision`, { decision: 'approve' }, reviewer).expect(404);
      await post(`/claims/${id}/start-review`, {}, reviewer).expect(404);
      const officer = (await t.login('13800000002')).auth;
      await post(`/claims/${id}/decision`, { decision: 'approve' }, officer).expect(403);
    });
  });
});
