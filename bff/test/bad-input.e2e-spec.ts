import { idNumberCheckChar } from '@unionhome/shared';
import { Auth, createDraft, demoPlan, midYear, submittedClaim } from './support/claims';
import { createTestApp, TestApp } from './support/test-app';
import { createVenue } from './support/venues-fixtures';

const API = '/api/v1';
const id18 = (first17: string) => first17 + idNumberCheckChar(first17);

/**
 * Bodies the validation can parse get a 2xx or a 4xx, never a 500: `null` where a value is expected,
 * numbers past 2^53, nesting deeper than any body of ours, invisible characters in names.
 */
describe('bad input never reaches a service as a 500', () => {
  let t: TestApp;
  let worker: Auth;
  let lina: Auth;
  let staff: Auth;
  let admin: Auth;
  let claimId: string;

  beforeAll(async () => {
    t = await createTestApp();
    worker = (await t.login('13800000001')).auth;
    lina = (await t.login('13800000007')).auth;
    staff = (await t.login('13800000004')).auth;
    admin = (await t.login('13800000006')).auth;
    const plan = await demoPlan(t, worker);
    claimId = (await createDraft(t, worker, plan.id, midYear(t, plan))).id;
  });
  afterAll(() => t.close());

  it.each(['hospital', 'invoices', 'admissionDate', 'totalAmount'])('refuses %s: null on a claim draft, naming the field', async (field) => {
    const res = await t.http.patch(`${API}/claims/${claimId}`).set(worker).send({ [field]: null }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [field]: expect.any(String) } });
  });

  it('refuses null inside a nested list item, and keeps it where the contract allows it', async () => {
    const bad = await t.http.patch(`${API}/claims/${claimId}`).set(worker).send({ invoices: [{ code: null, number: '1', amount: 100 }] }).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['invoices.0.code']);
    // A plan's last payout tier has `to: null` (open-ended), documented as nullable: accepted.
    const plan = await t.http.get(`${API}/mutual-aid/plans`).set(admin).expect(200);
    expect(plan.body.length).toBeGreaterThan(0);
  });

  it('refuses a hardship description of null', async () => {
    const created = await t.http
      .post(`${API}/hardship-applications`)
      .set(lina)
      .send({
        situation: 'major_illness',
        regionCode: '330602',
        orgId: (await t.http.get(`${API}/orgs?code=DEMO-GRASSROOTS`).expect(200)).body[0].id,
        description: '丈夫突发脑梗住院，每月康复治疗和药费约九百元。',
        household: [{ relation: '本人', name: '李娜', idNumber: id18('33060219880412002'), monthlyIncome: 180000 }],
        monthlyNecessaryExpenses: 90000,
        assetCheckConsent: true,
      })
      .expect(201);
    const res = await t.http.patch(`${API}/hardship-applications/${created.body.id}`).set(lina).send({ description: null }).expect(400);
    expect(res.body.fields).toHaveProperty('description');
  });

  it('refuses a venue rule of null unless the rule can be cleared', async () => {
    const venue = await createVenue(t, staff);
    const bad = await t.http.patch(`${API}/venues/${venue.id}`).set(staff).send({ rules: { capacity: null } }).expect(400);
    expect(bad.body.fields).toHaveProperty(['rules.capacity']);
    // maxPerWeek: null means "no limit" (documented nullable).
    await t.http.patch(`${API}/venues/${venue.id}`).set(staff).send({ rules: { maxPerWeek: null } }).expect(200);
  });

  it('refuses plan tiers of null and a cap past 2^53', async () => {
    const plans = (await t.http.get(`${API}/mutual-aid/plans`).set(admin).expect(200)).body as Array<{ id: string }>;
    const tiers = await t.http.patch(`${API}/mutual-aid/plans/${plans[0].id}`).set(admin).send({ tiers: null }).expect(400);
    expect(tiers.body.fields).toHaveProperty('tiers');
    const cap = await t.http.patch(`${API}/mutual-aid/plans/${plans[0].id}`).set(admin).send({ perClaimCap: 1e300 }).expect(400);
    expect(cap.body.fields).toHaveProperty('perClaimCap');
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('refuses an unknown field named %s like any other unknown field', async (name) => {
    const res = await t.http.patch(`${API}/claims/${claimId}`).set(worker).set('Content-Type', 'application/json').send(`{"hospital":"绍兴市人民医院","${name}":{"isAdmin":true}}`).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [name]: '不支持该字段' } });
  });

  it('answers 400 to 50,000 nested arrays in a 100 KB body', async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const res = await t.http.patch(`${API}/claims/${claimId}`).set(worker).set('Content-Type', 'application/json').send(`{"hospital":${deep}}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_REQUEST');
  });

  it('trims before the length rules and strips invisible and right-to-left characters from names', async () => {
    const spaces = await t.http.patch(`${API}/claims/${claimId}`).set(worker).send({ hospital: '     ' }).expect(400);
    expect(spaces.body.fields).toHaveProperty('hospital');
    const disguised = await t.http.patch(`${API}/claims/${claimId}`).set(worker).send({ hospital: ' 绍兴市\u202e人民医院\u0000 ' }).expect(200);
    expect(disguised.body.hospital).toBe('绍兴市人民医院');
  });
});

describe('search terms are taken literally', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds no member for "%" or "_" in the enrolment search (they are not wildcards)', async () => {
    const officer = (await t.login('13800000002')).auth;
    const plan = await demoPlan(t, (await t.login('13800000001')).auth);
    const all = await t.http.get(`${API}/mutual-aid/plans/${plan.id}/candidates`).set(officer).expect(200);
    expect(all.body.total).toBeGreaterThan(0);
    for (const q of ['%', '_', '张%']) {
      const res = await t.http.get(`${API}/mutual-aid/plans/${plan.id}/candidates`).query({ q }).set(officer).expect(200);
      expect(res.body.total).toBe(0);
    }
    expect((await t.http.get(`${API}/mutual-aid/plans/${plan.id}/candidates`).query({ q: '张' }).set(officer).expect(200)).body.total).toBeGreaterThan(0);
  });

  it('finds no claim for "%" in the review queue', async () => {
    const worker = (await t.login('13800000001')).auth;
    const plan = await demoPlan(t, worker);
    await submittedClaim(t, worker, plan.id, midYear(t, plan));
    const reviewer = (await t.login('13800000003')).auth;
    expect((await t.http.get(`${API}/review/claims`).set(reviewer).expect(200)).body.total).toBeGreaterThan(0);
    expect((await t.http.get(`${API}/review/claims`).query({ q: '张' }).set(reviewer).expect(200)).body.total).toBeGreaterThan(0);
    expect((await t.http.get(`${API}/review/claims`).query({ q: '%' }).set(reviewer).expect(200)).body.total).toBe(0);
  });
});
