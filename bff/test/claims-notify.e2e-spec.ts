import { UserEntity } from '../src/users/entities/user.entity';
import { NotificationsService } from '../src/notifications/notifications.service';
import { addMember, Auth, demoPlan, midYear, submittedClaim } from './support/claims';
import { json, startStub } from './support/stub-server';
import { createTestApp, TestApp } from './support/test-app';

const API = '/api/v1';

interface Sent {
  token: string;
  body: {
    touser: string;
    template_id: string;
    page: string;
    data: Record<string, { value: string }>;
    miniprogram_state: string;
    lang: string;
  };
}

/**
 * The WeChat subscribe-message adapter against a local server speaking WeChat's contract:
 * POST /cgi-bin/stable_token for the access_token, POST /cgi-bin/message/subscribe/send with it.
 */
describe('claim notices through WeChat subscribe messages (local stub of the WeChat API)', () => {
  let stub: Awaited<ReturnType<typeof startStub>>;
  let t: TestApp;
  let worker: Auth;
  let reviewer: Auth;
  const tokenRequests: Array<Record<string, unknown>> = [];
  const sent: Sent[] = [];
  let tokenSeq = 0;
  /** errcodes to answer the next sends with, in order (then success). */
  const nextSendErrors: number[] = [];

  beforeAll(async () => {
    stub = await startStub((req, res, body) => {
      const url = new URL(req.url!, 'http://stub');
      if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
        const parsed = JSON.parse(body);
        tokenRequests.push(parsed);
        if (parsed.appid !== 'wx123' || parsed.secret !== 'test-secret' || parsed.grant_type !== 'client_credential') return json(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
        return json(res, 200, { access_token: `TOKEN-${++tokenSeq}`, expires_in: 7200 });
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
        const token = url.searchParams.get('access_token') ?? '';
        const err = nextSendErrors.shift();
        if (err) return json(res, 200, { errcode: err, errmsg: 'stub error' });
        if (token !== `TOKEN-${tokenSeq}`) return json(res, 200, { errcode: 40001, errmsg: 'invalid credential' });
        sent.push({ token, body: JSON.parse(body) });
        return json(res, 200, { errcode: 0, errmsg: 'ok', msgid: sent.length });
      }
      json(res, 404, { errcode: -1 });
    });
    t = await createTestApp({
      WECHAT_API_BASE: stub.url,
      WECHAT_APP_ID: 'wx123',
      WECHAT_APP_SECRET: 'test-secret',
      WECHAT_CLAIM_TEMPLATE_ID: 'TPL-CLAIM-STATUS',
      WECHAT_MINIPROGRAM_STATE: 'trial',
    });
    const login = await t.login('13800000001');
    worker = login.auth;
    // 张伟 uses the mini-program: WeChat knows him by this openid.
    await t.ds.manager.update(UserEntity, { id: login.user.id }, { openid: 'o-zhangwei-openid' });
    reviewer = (await t.login('13800000003')).auth;
  });
  afterAll(async () => {
    await t.close();
    await stub.close();
  });

  const drain = () => t.app.get(NotificationsService).drain();
  const remaining = async () => (await t.http.get(`${API}/me/notification-subscriptions`).set(worker).expect(200)).body.remaining.claim_status as number;

  it('tells the mini-app which template to ask for, and counts what the worker allowed', async () => {
    const res = await t.http.get(`${API}/me/notification-subscriptions`).set(worker).expect(200);
    expect(res.body).toEqual({ templates: { claim_status: 'TPL-CLAIM-STATUS' }, remaining: { claim_status: 0 } });
    await t.http.post(`${API}/me/notification-subscriptions`).set(worker).send({ topic: 'claim_status', accepted: true }).expect(200);
    const two = await t.http.post(`${API}/me/notification-subscriptions`).set(worker).send({ topic: 'claim_status', accepted: true }).expect(200);
    expect(two.body).toEqual({ topic: 'claim_status', remaining: 2 });
    const declined = await t.http.post(`${API}/me/notification-subscriptions`).set(worker).send({ topic: 'claim_status', accepted: false }).expect(200);
    expect(declined.body.remaining).toBe(2);
    await t.http.post(`${API}/me/notification-subscriptions`).set(worker).send({ topic: 'everything', accepted: true }).expect(400);
  });

  it('sends a subscribe message on submission, with a fetched access_token and the template fields', async () => {
    const plan = await demoPlan(t, worker);
    const today = midYear(t, plan);
    const id = await submittedClaim(t, worker, plan.id, today);
    await drain();
    expect(tokenRequests).toEqual([{ grant_type: 'client_credential', appid: 'wx123', secret: 'test-secret', force_refresh: false }]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      token: 'TOKEN-1',
      body: {
        touser: 'o-zhangwei-openid',
        template_id: 'TPL-CLAIM-STATUS',
        page: `packages/claims/pages/detail/index?id=${id}`,
        data: {
          thing1: { value: '医疗互助理赔 绍兴市人民医院' },
          phrase2: { value: '已提交' },
          time3: { value: `${today} 10:00` },
          thing4: { value: '金额1600.00元' },
        },
        miniprogram_state: 'trial',
        lang: 'zh_CN',
      },
    });
    expect(await remaining()).toBe(1);

    // an expired access_token (40001) is renewed once (force_refresh) and the message sent again
    nextSendErrors.push(40001);
    await t.http.post(`${API}/claims/${id}/decision`).set(reviewer).send({ decision: 'approve' }).expect(200);
    await drain();
    expect(tokenRequests.at(-1)).toMatchObject({ force_refresh: true });
    expect(sent).toHaveLength(2);
    expect(sent[1].token).toBe('TOKEN-2');
    expect(sent[1].body.data.phrase2.value).toBe('已通过');
    expect(await remaining()).toBe(0);

    // no allowance left: the payment notice goes to the message centre only
    await t.http.post(`${API}/claims/${id}/paid`).set(reviewer).send({ paidAt: today, reference: 'BANK-9' }).expect(200);
    await drain();
    expect(sent).toHaveLength(2);
    const titles = (await t.http.get(`${API}/me/messages`).set(worker).expect(200)).body.data.map((m: { title: string }) => m.title);
    expect(titles).toEqual(expect.arrayContaining(['理赔申请已提交', '理赔申请已通过', '理赔款已打款']));
  });

  it('believes WeChat when it says the worker has not allowed the template (43101), and never fails the change', async () => {
    await t.http.post(`${API}/me/notification-subscriptions`).set(worker).send({ topic: 'claim_status', accepted: true }).expect(200);
    await t.http.post(`${API}/me/notification-subscriptions`).set(worker).send({ topic: 'claim_status', accepted: true }).expect(200);
    const plan = await demoPlan(t, worker);
    nextSendErrors.push(43101);
    await submittedClaim(t, worker, plan.id, t.clock.today());
    await drain();
    expect(await remaining()).toBe(0);

    // a WeChat outage: the claim is submitted all the same and the allowance is kept for next time
    await t.http.post(`${API}/me/notification-subscriptions`).set(worker).send({ topic: 'claim_status', accepted: true }).expect(200);
    nextSendErrors.push(-1);
    await submittedClaim(t, worker, plan.id, t.clock.today());
    await drain();
    expect(await remaining()).toBe(1);
  });

  it('sends nothing through WeChat for someone who never used the mini-program (no openid)', async () => {
    const plan = await demoPlan(t, worker);
    const id = await addMember(t, '13955550001', '郑五');
    const admin = (await t.login('13800000006')).auth; // a start in the past is the admin's to give
    await t.http.post(`${API}/mutual-aid/plans/${plan.id}/enrolments`).set(admin).send({ userIds: [id], coverageStart: plan.periodStart }).expect(201);
    const zheng = (await t.login('13955550001')).auth;
    await t.http.post(`${API}/me/notification-subscriptions`).set(zheng).send({ topic: 'claim_status', accepted: true }).expect(200);
    const before = sent.length;
    await submittedClaim(t, zheng, plan.id, t.clock.today());
    await drain();
    expect(sent.length).toBe(before);
    const mine = (await t.http.get(`${API}/me/notification-subscriptions`).set(zheng).expect(200)).body.remaining.claim_status;
    expect(mine).toBe(1);
    expect((await t.http.get(`${API}/me/messages`).set(zheng).expect(200)).body.data[0].title).toBe('理赔申请已提交');
  });
});
