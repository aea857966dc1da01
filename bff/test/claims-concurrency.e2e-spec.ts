import { PlanResponse } from '@unionhome/shared';
import { EnrolmentEntity } from '../src/claims/entities/enrolment.entity';
import { InvoiceKeyEntity } from '../src/claims/entities/invoice-key.entity';
import { addMember, Auth, createDraft, demoPlan, invoice, midYear, submittedClaim, uploadRequired } from './support/claims';
import { createTestApp, onMysql, TestApp } from './support/test-app';

const API = '/api/v1';

/**
 * Real parallel HTTP requests (Promise.all) against one app: on MariaDB they race for real (each
 * transaction on its own connection); on SQLite the TransactionRunner serialises them. The
 * invariants must hold on both.
 */
describe(`claims under concurrency (${onMysql ? 'MariaDB' : 'SQLite'})`, () => {
  let t: TestApp;
  let officer: Auth;
  let reviewers: Auth[];
  let plan: PlanResponse;
  let today: string;
  let phoneSeq = 0;

  /** A member of 示范基层工会 enrolled in the demo plan from the start of its year (a start in the past: the admin's to give). */
  async function enrolledMember(name: string): Promise<{ id: string; auth: Auth }> {
    const phone = `1397777${String(++phoneSeq).padStart(4, '0')}`;
    const id = await addMember(t, phone, name);
    await t.http.post(`${API}/mutual-aid/plans/${plan.id}/enrolments`).set(reviewers[1]).send({ userIds: [id], coverageStart: plan.periodStart }).expect(201);
    return { id, auth: (await t.login(phone)).auth };
  }

  const usedAmount = async (userId: string) => (await t.ds.manager.findOneByOrFail(EnrolmentEntity, { planId: plan.id, userId })).usedAmount;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.login('13800000002')).auth;
    reviewers = [(await t.login('13800000003')).auth, (await t.login('13800000006')).auth]; // a claim reviewer and the admin
    plan = await demoPlan(t, officer);
    today = midYear(t, plan);
  });
  afterAll(() => t.close());

  it('lets one invoice back only one live claim when several members submit it at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const shared = invoice(1_000_000, '33069999');
      const members = await Promise.all([enrolledMember(`甲${round}`), enrolledMember(`乙${round}`), enrolledMember(`丙${round}`)]);
      const drafts: Array<{ id: string; auth: Auth }> = [];
      for (const [i, m] of members.entries()) {
        const { id } = await createDraft(t, m.auth, plan.id, today, { invoices: [{ ...shared }] });
        await uploadRequired(t, m.auth, id, round * 10 + i);
        drafts.push({ id, auth: m.auth });
      }
      const results = await Promise.all(drafts.map((d) => t.http.post(`${API}/claims/${d.id}/submit`).set(d.auth).send({ declaration: true })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) {
        expect(r.body).toMatchObject({ code: 'DUPLICATE_INVOICE', details: { invoice: { code: shared.code, number: shared.number }, usedMonth: today.slice(0, 7) } });
      }
      const keys = await t.ds.manager.findBy(InvoiceKeyEntity, { invoiceKey: `${shared.code}|${shared.number}` });
      expect(keys).toHaveLength(1);
      const winner = drafts[results.findIndex((r) => r.status === 200)];
      expect(keys[0].claimId).toBe(winner.id);
      // the losers are still drafts, with everything they entered
      for (const [i, d] of drafts.entries()) {
        if (results[i].status === 200) continue;
        const c = await t.http.get(`${API}/claims/${d.id}`).set(d.auth).expect(200);
        expect(c.body).toMatchObject({ status: 'draft', invoices: [shared], missingDocuments: [] });
      }
    }
  });

  it('keeps the annual cap when two reviewers approve two claims of one member at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const m = await enrolledMember(`丁${round}`);
      // each claim alone: 40 % of ¥37,500 = ¥15,000; together ¥30,000 against a ¥20,000 cap
      const body = () => ({ totalAmount: 3_750_000, insurancePaid: 0, invoices: [invoice(3_750_000)] });
      const a = await submittedClaim(t, m.auth, plan.id, today, body());
      const b = await submittedClaim(t, m.auth, plan.id, today, body());
      const results = await Promise.all([
        t.http.post(`${API}/claims/${a}/decision`).set(reviewers[0]).send({ decision: 'approve' }),
        t.http.post(`${API}/claims/${b}/decision`).set(reviewers[1]).send({ decision: 'approve' }),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const amounts = results.map((r) => r.body.approvedAmount as number).sort((x, y) => x - y);
      expect(amounts).toEqual([500_000, 1_500_000]);
      expect(await usedAmount(m.id)).toBe(2_000_000);
      const cover = (await t.http.get(`${API}/me/coverage`).set(m.auth).expect(200)).body[0];
      expect(cover).toMatchObject({ paidThisYear: 2_000_000, remaining: 0 });
    }
  });

  it('refuses the second of two explicit full-amount approvals instead of passing the cap', async () => {
    for (let round = 0; round < 3; round++) {
      const m = await enrolledMember(`戊${round}`);
      const body = () => ({ totalAmount: 3_750_000, insurancePaid: 0, invoices: [invoice(3_750_000)] });
      const a = await submittedClaim(t, m.auth, plan.id, today, body());
      const b = await submittedClaim(t, m.auth, plan.id, today, body());
      const results = await Promise.all([
        t.http.post(`${API}/claims/${a}/decision`).set(reviewers[0]).send({ decision: 'approve', amount: 1_500_000 }),
        t.http.post(`${API}/claims/${b}/decision`).set(reviewers[1]).send({ decision: 'approve', amount: 1_500_000 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
      const refused = results.find((r) => r.status === 422)!;
      expect(refused.body).toMatchObject({ code: 'AMOUNT_EXCEEDS_RULE', details: { computed: 500_000 } });
      expect(await usedAmount(m.id)).toBe(1_500_000);
    }
  });

  it('lets only one of two reviewers decide the same claim', async () => {
    const m = await enrolledMember('己');
    for (let round = 0; round < 3; round++) {
      const id = await submittedClaim(t, m.auth, plan.id, today);
      const before = await usedAmount(m.id);
      const results = await Promise.all([
        t.http.post(`${API}/claims/${id}/decision`).set(reviewers[0]).send({ decision: 'approve' }),
        t.http.post(`${API}/claims/${id}/decision`).set(reviewers[1]).send({ decision: 'reject', reasonCode: 'not_covered' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const claim = (await t.http.get(`${API}/claims/${id}`).set(m.auth).expect(200)).body;
      const decided = claim.timeline.filter((e: { status: string }) => e.status === 'approved' || e.status === 'rejected');
      expect(decided).toHaveLength(1);
      expect(claim.status).toBe(decided[0].status);
      expect(await usedAmount(m.id)).toBe(claim.status === 'approved' ? before + 160_000 : before);
      const held = await t.ds.manager.countBy(InvoiceKeyEntity, { claimId: id });
      expect(held).toBe(claim.status === 'approved' ? 1 : 0);
    }
  });
});
