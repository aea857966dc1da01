import { Logger } from '@nestjs/common';
import { AppException } from '../src/common/app-exception';
import { SmsSender } from '../src/sms/sms-sender';
import { LogSmsSender } from '../src/sms/log-sms.sender';
import { TencentSmsSender } from '../src/sms/tencent-sms.sender';
import { startTencentSmsStub, TencentSmsStub } from './support/tencent-sms-stub';
import { createTestApp, TestApp } from './support/test-app';

const SECRET_ID = 'AKIDstubsecretid';
const SECRET_KEY = 'stub-secret-key-for-tests';
const LOGIN_TEMPLATE = '100001';

const smsEnv = (stub: TencentSmsStub) => ({
  SMS_PROVIDER: 'tencent',
  SMS_API_BASE: stub.url,
  TENCENTCLOUD_SECRET_ID: SECRET_ID,
  TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
  SMS_SDK_APP_ID: '1400000001',
  SMS_SIGN_NAME: '职工e家',
  SMS_TEMPLATE_LOGIN: LOGIN_TEMPLATE,
  SMS_TEMPLATE_CLAIM_PAID: '100002',
});

/** Real mode needs every secret from the environment (API.md, Modes). */
const realModeEnv = {
  DEMO: 'false',
  TOKEN_SECRET: 'a-real-mode-token-secret-of-more-than-32-characters',
  PII_KEY: Buffer.alloc(32, 1).toString('base64'),
  PII_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
  FILE_KEY: Buffer.alloc(32, 3).toString('base64'),
};

describe('SMS login through Tencent Cloud SMS (stub)', () => {
  let stub: TencentSmsStub;
  let t: TestApp;
  // Every test uses its own phones: the one-code-a-minute rule is per phone.
  let serial = 0;
  const newPhone = () => `139${String(Date.now() % 1e4).padStart(4, '0')}${String(serial++).padStart(4, '0')}`;

  beforeAll(async () => {
    stub = await startTencentSmsStub({ secretId: SECRET_ID, secretKey: SECRET_KEY, loginTemplateId: LOGIN_TEMPLATE });
    t = await createTestApp(smsEnv(stub));
  });
  afterAll(async () => {
    await t.close();
    await stub.close();
  });
  afterEach(() => t.clock.reset());

  const askCode = (phone: string) => t.http.post('/api/v1/auth/sms-code').send({ phone });
  const smsLogin = (phone: string, code: string) => t.http.post('/api/v1/auth/sms-login').send({ phone, code });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('sends a signed SendSms and answers a known and an unknown phone alike', async () => {
    const known = await askCode('13800000001');
    const unknown = await askCode(newPhone());
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual({ expiresInSeconds: 300, resendAfterSeconds: 60 });
    expect(unknown.body).toEqual(known.body);

    const sent = stub.sent.find((s) => s.phone === '13800000001')!;
    expect(sent).toMatchObject({ phoneNumber: '+8613800000001', templateId: LOGIN_TEMPLATE, signName: '职工e家', sdkAppId: '1400000001', region: 'ap-guangzhou' });
    expect(sent.params).toEqual([expect.stringMatching(/^\d{6}$/), '5']);
    expect(stub.refused).toEqual([]);

    // The code is stored only as an HMAC, the phone only as its blind index.
    const rows: Array<Record<string, unknown>> = await t.ds.query('SELECT * FROM sms_codes');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(sent.params[0]);
    expect(dump).not.toContain('13800000001');
  });

  it('logs a known person in with the right code, after a wrong one, and not twice with it', async () => {
    const phone = '13800000001';
    t.clock.advance(61_000); // the first test asked for this phone
    expect((await askCode(phone)).status).toBe(202);
    const code = stub.lastCodeFor(phone)!;

    const bad = await smsLogin(phone, wrong(code));
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'SMS_CODE_INVALID', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });

    const ok = await smsLogin(phone, code);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), user: { id: expect.any(String), roles: ['member'] } });
    const me = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${ok.body.accessToken}`);
    expect(me.body).toMatchObject({ name: '张伟', phoneMasked: '138****0001' });

    // Once used, the code is void: SMS_CODE_EXPIRED (get a new one), not "wrong digits".
    const again = await smsLogin(phone, code);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('SMS_CODE_EXPIRED');
  });

  it('makes a phone seen for the first time a new user, and the same user next time', async () => {
    const phone = newPhone();
    const before: Array<{ n: number }> = await t.ds.query('SELECT COUNT(*) AS n FROM users');
    await askCode(phone);
    const first = await smsLogin(phone, stub.lastCodeFor(phone)!);
    expect(first.status).toBe(200);
    expect(first.body.user.roles).toEqual([]);
    const after: Array<{ n: number }> = await t.ds.query('SELECT COUNT(*) AS n FROM users');
    expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
    const rows: Array<{ id: string }> = await t.ds.query('SELECT id FROM users WHERE phone = ?', [phone]);
    expect(rows.map((r) => r.id)).toEqual([first.body.user.id]);

    t.clock.advance(61_000);
    await askCode(phone);
    const second = await smsLogin(phone, stub.lastCodeFor(phone)!);
    expect(second.body.user.id).toBe(first.body.user.id);
  });

  it('allows one new code a minute per phone; the new code replaces the old one', async () => {
    const phone = newPhone();
    expect((await askCode(phone)).status).toBe(202);
    const oldCode = stub.lastCodeFor(phone)!;
    const sentBefore = stub.sent.length;

    t.clock.advance(59_000);
    const soon = await askCode(phone);
    expect(soon.status).toBe(429);
    expect(soon.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/60秒/) });
    expect(stub.sent.length).toBe(sentBefore);

    t.clock.advance(1_000);
    expect((await askCode(phone)).status).toBe(202);
    const newCode = stub.lastCodeFor(phone)!;
    if (newCode !== oldCode) expect((await smsLogin(phone, oldCode)).body.code).toBe('SMS_CODE_INVALID');
    expect((await smsLogin(phone, newCode)).status).toBe(200);
  });

  it('sends one code when the same phone asks twice at once', async () => {
    const phone = newPhone();
    const replies = await Promise.all([askCode(phone), askCode(phone), askCode(phone)]);
    expect(replies.map((r) => r.status).sort()).toEqual([202, 429, 429]);
    expect(stub.sent.filter((s) => s.phone === phone)).toHaveLength(1);
  });

  it('voids a code after 5 minutes', async () => {
    const phone = newPhone();
    await askCode(phone);
    t.clock.advance(300_000);
    const late = await smsLogin(phone, stub.lastCodeFor(phone)!);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('SMS_CODE_EXPIRED');
  });

  it('voids a code after 5 wrong tries: the sixth fails even with the right digits', async () => {
    const phone = newPhone();
    await askCode(phone);
    const code = stub.lastCodeFor(phone)!;
    for (let i = 0; i < 5; i++) {
      const r = await smsLogin(phone, wrong(code));
      expect([r.status, r.body.code]).toEqual([401, 'SMS_CODE_INVALID']);
    }
    const sixth = await smsLogin(phone, code);
    expect([sixth.status, sixth.body.code]).toEqual([401, 'SMS_CODE_EXPIRED']);
  });

  it('answers a phone that never asked for a code as expired', async () => {
    const r = await smsLogin(newPhone(), '123456');
    expect([r.status, r.body.code]).toEqual([401, 'SMS_CODE_EXPIRED']);
  });

  it('lets exactly one of several concurrent logins use a code', async () => {
    const phone = newPhone();
    await askCode(phone);
    const code = stub.lastCodeFor(phone)!;
    const replies = await Promise.all(Array.from({ length: 5 }, () => smsLogin(phone, code)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 401).map((r) => r.body.code)).toEqual(Array(4).fill('SMS_CODE_EXPIRED'));
    const users: Array<{ n: number }> = await t.ds.query('SELECT COUNT(*) AS n FROM users WHERE phone = ?', [phone]);
    expect(Number(users[0].n)).toBe(1);
  });

  it.each([
    ['sms-code', { phone: '1380000' }, 'phone'],
    ['sms-code', { phone: '23800000001' }, 'phone'],
    ['sms-code', {}, 'phone'],
    ['sms-login', { phone: '138000000011', code: '123456' }, 'phone'],
    ['sms-login', { phone: '13800000001', code: '12345' }, 'code'],
    ['sms-login', { phone: '13800000001', code: '12a456' }, 'code'],
    ['sms-code', { phone: '13800000001', role: 'admin' }, 'role'],
    ['logout', {}, 'refreshToken'],
  ])('refuses %s %j with 400 on %s', async (path, body, field) => {
    const r = await t.http.post(`/api/v1/auth/${path}`).send(body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [field]: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });

  it('answers a refusal by Tencent with 502 or 503 and a Chinese message, and lets the person ask again', async () => {
    const phone = newPhone();
    stub.failNext({ status: 'LimitExceeded.PhoneNumberDailyLimit' });
    const busy = await askCode(phone);
    expect(busy.status).toBe(503);
    expect(busy.body).toMatchObject({ code: 'SMS_BUSY', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });

    stub.failNext({ error: 'FailedOperation.TemplateIncorrectOrUnapproved' });
    const broken = await askCode(phone);
    expect(broken.status).toBe(502);
    expect(broken.body.code).toBe('SMS_SEND_FAILED');

    // Nothing reached the phone, so no minute to wait, and no code that could work.
    expect((await askCode(phone)).status).toBe(202);
    expect((await smsLogin(phone, stub.lastCodeFor(phone)!)).status).toBe(200);
  });

  it('is refused by the stub when signed with the wrong secret key (the stub checks signatures)', async () => {
    const sender = new TencentSmsSender({ ...(t.config.sms as Extract<typeof t.config.sms, { provider: 'tencent' }>), secretKey: 'not-the-key' });
    const refusedBefore = stub.refused.length;
    const err = await sender.send({ phone: '13800000002', kind: 'claim_paid', params: ['x'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppException);
    expect((err as AppException).code).toBe('SMS_SEND_FAILED');
    expect((err as AppException).getStatus()).toBe(502);
    expect(stub.refused.slice(refusedBefore)).toEqual(['AuthFailure.SignatureFailure']);

    // The right key, through the same sender class, is accepted (claim notices share the port).
    const good = new TencentSmsSender(t.config.sms as Extract<typeof t.config.sms, { provider: 'tencent' }>);
    await good.send({ phone: '13800000002', kind: 'claim_paid', params: ['x'] });
    expect(stub.sent.at(-1)).toMatchObject({ phone: '13800000002', templateId: '100002', params: ['x'] });
  });

  it('answers 503 when Tencent cannot be reached', async () => {
    const sender = new TencentSmsSender({ ...(t.config.sms as Extract<typeof t.config.sms, { provider: 'tencent' }>), apiBase: 'http://127.0.0.1:1' });
    const err = (await sender.send({ phone: '13800000002', kind: 'login', params: ['123456', '5'] }).catch((e: unknown) => e)) as AppException;
    expect([err.code, err.getStatus()]).toEqual(['SMS_BUSY', 503]);
  });

  it('logout ends the whole refresh family, also tokens rotated after the one presented', async () => {
    const phone = newPhone();
    await askCode(phone);
    const login = await smsLogin(phone, stub.lastCodeFor(phone)!);
    const rotated = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(rotated.status).toBe(200);

    const out = await t.http.post('/api/v1/auth/logout').send({ refreshToken: rotated.body.refreshToken });
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    const after = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken });
    expect([after.status, after.body.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);

    // Logging out twice, or with a token nobody knows, is not an error.
    expect((await t.http.post('/api/v1/auth/logout').send({ refreshToken: rotated.body.refreshToken })).status).toBe(204);
    expect((await t.http.post('/api/v1/auth/logout').send({ refreshToken: 'unknown' })).status).toBe(204);

    // Another session of the same person is untouched.
    t.clock.advance(61_000);
    await askCode(phone);
    const other = await smsLogin(phone, stub.lastCodeFor(phone)!);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refreshToken: other.body.refreshToken })).status).toBe(200);
  });

  it('says in /health that this is the demo', async () => {
    const r = await t.http.get('/api/v1/health');
    expect(r.body).toEqual({ status: 'ok', db: t.db, demo: true });
  });
});

describe('SMS in the demo: the log adapter', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: '6' });
  });
  afterAll(() => t.close());

  it('writes the code to the log, and that code logs in; the auth rate limit covers these endpoints', async () => {
    expect(t.app.get(SmsSender)).toBeInstanceOf(LogSmsSender);
    const spy = jest.spyOn(Logger.prototype, 'log');
    try {
      expect((await t.http.post('/api/v1/auth/sms-code').send({ phone: '13800000007' })).status).toBe(202);
      const line = spy.mock.calls.map((c) => c.map((a) => JSON.stringify(a)).join(' ')).find((l) => l.includes('13800000007'));
      const code = /"params":\["(\d{6})","5"\]/.exec(line ?? '')?.[1];
      expect(code).toMatch(/^\d{6}$/);
      const ok = await t.http.post('/api/v1/auth/sms-login').send({ phone: '13800000007', code });
      expect(ok.status).toBe(200);
    } finally {
      spy.mockRestore();
    }
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.http.post('/api/v1/auth/sms-login').send({ phone: '13800000007', code: '000000' })).status);
    expect(statuses).toContain(429);
  });
});

describe('SMS in real mode without SMS configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(realModeEnv);
  });
  afterAll(() => t.close());

  it('starts, and answers the SMS endpoints 503 SMS_NOT_CONFIGURED', async () => {
    const r = await t.http.post('/api/v1/auth/sms-code').send({ phone: '13800000001' });
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ code: 'SMS_NOT_CONFIGURED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    const login = await t.http.post('/api/v1/auth/sms-login').send({ phone: '13800000001', code: '123456' });
    expect([login.status, login.body.code]).toEqual([503, 'SMS_NOT_CONFIGURED']);
    expect((await t.http.get('/api/v1/health')).body).toMatchObject({ status: 'ok', demo: false });
    expect((await t.http.post('/api/v1/auth/dev-login').send({ phone: '13800000001' })).body.code).toBe('DEV_LOGIN_DISABLED');
  });
});
