import { CreateClaimRequest, PlanResponse, REQUIRED_CLAIM_DOCUMENTS } from '@unionhome/shared';
import { newId } from '../../src/common/ids';
import { TransactionRunner } from '../../src/common/transaction-runner';
import { MembershipEntity } from '../../src/membership/entities/membership.entity';
import { OrgEntity } from '../../src/orgs/entities/org.entity';
import { UserEntity } from '../../src/users/entities/user.entity';
import { jpeg } from './images';
import { TestApp } from './test-app';

export type Auth = { Authorization: string };

/** The seeded plan DEMO-INPATIENT. */
export async function demoPlan(t: TestApp, auth: Auth): Promise<PlanResponse> {
  const res = await t.http.get('/api/v1/mutual-aid/plans').set(auth).expect(200);
  const plan = (res.body as PlanResponse[]).find((p) => p.code === 'DEMO-INPATIENT');
  if (!plan) throw new Error('demo plan missing');
  return plan;
}

/** Puts the clock in the middle of the demo plan's year, so relative dates stay inside coverage. */
export function midYear(t: TestApp, plan: PlanResponse): string {
  const today = `${plan.periodStart.slice(0, 4)}-07-15`;
  t.clock.set(`${today}T10:00:00+08:00`);
  return today;
}

let invoiceSeq = 1000;
/** A fresh invoice number per call, so tests never collide by accident. */
export function invoice(amount: number, code = '33060122') {
  invoiceSeq += 1;
  return { code, number: `${process.pid % 10000}${String(invoiceSeq).padStart(6, '0')}`, amount };
}

/** Step 1 of a claim: ¥10,000 in one invoice, ¥6,000 paid by insurance → 40 % of ¥4,000 = ¥1,600. */
export function claimBody(planId: string, today: string, over: Partial<CreateClaimRequest> = {}): CreateClaimRequest {
  return {
    planId,
    hospital: '绍兴市人民医院',
    ...stay(today),
    totalAmount: 1_000_000,
    insurancePaid: 600_000,
    otherReimbursed: 0,
    invoices: [invoice(1_000_000)],
    ...over,
  };
}

export function stay(today: string, daysAgoIn = 10, daysAgoOut = 5): { admissionDate: string; dischargeDate: string } {
  const d = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  return { admissionDate: d(daysAgoIn), dischargeDate: d(daysAgoOut) };
}

export async function createDraft(t: TestApp, auth: Auth, planId: string, today: string, over: Partial<CreateClaimRequest> = {}): Promise<{ id: string; body: Record<string, unknown> }> {
  const res = await t.http.post('/api/v1/claims').set(auth).send(claimBody(planId, today, over));
  if (res.status !== 201) throw new Error(`create claim → ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, body: res.body };
}

/** Uploads one distinct small photo for each required document type. */
export async function uploadRequired(t: TestApp, auth: Auth, claimId: string, seed = 0): Promise<string[]> {
  const ids: string[] = [];
  let i = 0;
  for (const type of REQUIRED_CLAIM_DOCUMENTS) {
    const res = await t.http
      .post(`/api/v1/claims/${claimId}/documents`)
      .set(auth)
      .field('type', type)
      .attach('file', await jpeg(320, 240, seed * 10 + i++), { filename: `${type}.jpg`, contentType: 'image/jpeg' });
    if (res.status !== 201) throw new Error(`upload ${type} → ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id);
  }
  return ids;
}

/** A draft with all papers, submitted; returns the claim id. */
export async function submittedClaim(t: TestApp, auth: Auth, planId: string, today: string, over: Partial<CreateClaimRequest> = {}): Promise<string> {
  const { id } = await createDraft(t, auth, planId, today, over);
  await uploadRequired(t, auth, id);
  const res = await t.http.post(`/api/v1/claims/${id}/submit`).set(auth).send({ declaration: true });
  if (res.status !== 200) throw new Error(`submit → ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

/**
 * Another worker with an active membership of the union `orgCode` and a phone to dev-login with
 * (test data only: the join flow has its own tests).
 */
export async function addMember(t: TestApp, phone: string, name: string, orgCode = 'DEMO-GRASSROOTS', tags: string[] | null = null): Promise<string> {
  const org = await t.ds.manager.findOneByOrFail(OrgEntity, { code: orgCode });
  const id = newId();
  const now = t.clock.now();
  await t.app.get(TransactionRunner).run(async (em) => {
    await em.insert(UserEntity, { id, phone, openid: null, name, idNumberCipher: null, idNumberIndex: null, tags, createdAt: now, lastLoginAt: null });
    await em.insert(MembershipEntity, {
      id: newId(),
      userId: id,
      activeUserId: id,
      orgId: org.id,
      memberNo: `T${phone}`,
      status: 'active',
      employer: '测试单位',
      jobType: '',
      joinedAt: `${t.clock.today().slice(0, 4)}-01-01`,
      leftAt: null,
      createdAt: now,
    });
  });
  return id;
}
