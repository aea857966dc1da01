import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, TestApp } from './support/test-app';
import { json, startStub } from './support/stub-server';

describe('foundation: health, errors, auth, me, orgs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers health with the database kind', async () => {
    const res = await t.http.get('/api/v1/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: t.db, demo: true });
  });

  it('serves the OpenAPI document and security headers', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/dev-login', '/api/v1/me', '/api/v1/orgs', '/api/v1/health']));
    // Decorators folded with applyDecorators still document their fields.
    const rules = res.body.components.schemas.VenueRulesDto.properties;
    expect(rules.capacity).toMatchObject({ type: 'number', description: '每个时段的默认名额' });
    expect(rules.maxPerDay).toMatchObject({ nullable: true });
    expect(rules.waitlist).toMatchObject({ type: 'boolean' });
    expect(res.body.components.schemas.CreateVenueDto.properties.rules).toBeDefined();
    const h = await t.http.get('/api/v1/health');
    expect(h.headers['x-content-type-options']).toBe('nosniff');
    expect(h.headers['x-frame-options']).toBeDefined();
    expect(h.headers['x-request-id']).toMatch(/[\w-]{8,}/);
    expect(h.headers['x-powered-by']).toBeUndefined();
  });

  it('dev-login returns tokens and roles; unknown phone is 404 USER_NOT_FOUND', async () => {
    const ok = await t.http.post('/api/v1/auth/dev-login').send({ phone: '13800000002' }).expect(200);
    expect(ok.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), user: { id: expect.any(String), roles: ['officer'] } });
    const member = await t.login('13800000001');
    expect(member.user.roles).toEqual(['member']);
    const res = await t.http.post('/api/v1/auth/dev-login').send({ phone: '13900000000' }).expect(404);
    expect(res.body).toEqual({ code: 'USER_NOT_FOUND', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('refuses malformed JSON, wrong types and unknown fields with 400 and the error shape', async () => {
    const bad = await t.http.post('/api/v1/auth/dev-login').set('content-type', 'application/json').send('{"phone": "1380').expect(400);
    expect(bad.body.code).toBe('MALFORMED_REQUEST');
    const wrongType = await t.http.post('/api/v1/auth/dev-login').send({ phone: 13800000001 }).expect(400);
    expect(wrongType.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { phone: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    const unknown = await t.http.post('/api/v1/auth/dev-login').send({ phone: '13800000001', isAdmin: true }).expect(400);
    expect(unknown.body.fields).toEqual({ isAdmin: '不支持该字段' });
    const badQuery = await t.http.get('/api/v1/me/messages?limit=abc').set((await t.login('13800000001')).auth).expect(400);
    expect(badQuery.body.fields.limit).toBeDefined();
  });

  it('401 without a token, with a forged or an expired one', async () => {
    expect((await t.http.get('/api/v1/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    const forged = new JwtService({ secret: 'not-the-secret-at-all-123' }).sign({ sub: 'x', roles: ['admin'], orgs: {}, typ: 'access' });
    expect((await t.http.get('/api/v1/me').set('Authorization', `Bearer ${forged}`).expect(401)).body.code).toBe('TOKEN_INVALID');
    const expired = new JwtService({ secret: t.config.tokenSecret }).sign({ sub: 'x', roles: [], orgs: {}, typ: 'access' }, { expiresIn: -10 });
    expect((await t.http.get('/api/v1/me').set('Authorization', `Bearer ${expired}`).expect(401)).body.code).toBe('TOKEN_INVALID');
    await t.http.get('/api/v1/me').set('Authorization', 'Bearer garbage').expect(401);
  });

  it('403 when a member calls an admin endpoint', async () => {
    const member = await t.login('13800000001');
    const res = await t.http.put('/api/v1/regions/330602').set(member.auth).send({ name: '越城区', minimumLiving: 1 }).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('GET /me: name, masked phone, membership', async () => {
    const member = await t.login('13800000001');
    const me = await t.http.get('/api/v1/me').set(member.auth).expect(200);
    expect(me.body).toMatchObject({
      name: '张伟',
      phoneMasked: '138****0001',
      roles: ['member'],
      membership: { memberNo: expect.any(String), orgName: '示范基层工会', status: 'active', joinedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    const lina = await t.login('13800000007');
    expect((await t.http.get('/api/v1/me').set(lina.auth).expect(200)).body).toMatchObject({ name: '李娜', membership: null, roles: [] });
    const officer = await t.login('13800000002');
    expect((await t.http.get('/api/v1/me').set(officer.auth).expect(200)).body.staffOrg).toMatchObject({ name: '示范基层工会' });
  });

  it('refresh rotates: a used refresh token cannot be used again, and reuse revokes the family', async () => {
    const first = await t.login('13800000001');
    const second = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
    const reuse = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_INVALID');
    // the thief's replay revoked the family: the legitimate newer token is dead too
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: 'nonsense' }).expect(401);
  });

  it('refresh token expiry follows the clock', async () => {
    const s = await t.login('13800000007');
    t.clock.advance(31 * 86_400_000);
    try {
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    } finally {
      t.clock.reset();
    }
  });

  it('lists organisations by code, type and region', async () => {
    const res = await t.http.get('/api/v1/orgs?code=DEMO-GRASSROOTS').expect(200);
    expect(res.body).toEqual([expect.objectContaining({ code: 'DEMO-GRASSROOTS', name: '示范基层工会', type: 'grassroots', id: expect.any(String) })]);
    const grassroots = await t.http.get('/api/v1/orgs?type=grassroots&regionCode=330602').expect(200);
    expect(grassroots.body.map((o: { code: string }) => o.code).sort()).toEqual(['DEMO-COURIER', 'DEMO-GRASSROOTS']);
    expect((await t.http.get('/api/v1/orgs?type=planet').expect(400)).body.fields.type).toBeDefined();
  });

  it('regions: public read of the minimum living standard, admin edit', async () => {
    expect((await t.http.get('/api/v1/regions/330602').expect(200)).body).toMatchObject({ code: '330602', name: '越城区', minimumLiving: 115000 });
    const admin = await t.login('13800000006');
    await t.http.put('/api/v1/regions/330602').set(admin.auth).send({ name: '越城区', minimumLiving: 120000 }).expect(200);
    expect((await t.http.get('/api/v1/regions/330602').expect(200)).body.minimumLiving).toBe(120000);
    expect((await t.http.put('/api/v1/regions/330602').set(admin.auth).send({ name: '越城区', minimumLiving: -1 }).expect(400)).body.fields.minimumLiving).toBeDefined();
    await t.http.get('/api/v1/regions/999999').expect(404);
  });

  it('message centre is empty and paged for a new user', async () => {
    const lina = await t.login('13800000007');
    expect((await t.http.get('/api/v1/me/messages').set(lina.auth).expect(200)).body).toEqual({ data: [], total: 0, page: 1, limit: 20 });
    expect((await t.http.get('/api/v1/me/messages?limit=500').set(lina.auth).expect(200)).body.limit).toBe(100);
  });

  it('unknown API paths are 404 in the error shape', async () => {
    expect((await t.http.get('/api/v1/nothing-here').expect(404)).body.code).toBe('NOT_FOUND');
  });
});

describe('logs', () => {
  it('never contain tokens, phone numbers or ID numbers in full', async () => {
    const logFile = join(require('node:os').tmpdir(), `uh-log-${process.pid}.log`);
    const t = await createTestApp({ LOG_LEVEL: 'info', LOG_FILE: logFile });
    try {
      const s = await t.login('13800000001');
      await t.http.get('/api/v1/me').set(s.auth).expect(200);
      await t.http.get('/api/v1/orgs?code=13800000001&x=11010519491231002X').expect(400);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
      const log = readFileSync(logFile, 'utf8');
      expect(log).toContain('request completed');
      expect(log).not.toContain(s.accessToken);
      expect(log).not.toContain(s.refreshToken);
      expect(log).not.toContain('13800000001');
      expect(log).not.toContain('11010519491231002X');
    } finally {
      await t.close();
    }
  });
});

describe('rate limiting on auth', () => {
  it('answers 429 TOO_MANY_REQUESTS past the limit', async () => {
    const t = await createTestApp({ AUTH_RATE_LIMIT: '3' });
    try {
      for (let i = 0; i < 3; i++) await t.http.post('/api/v1/auth/dev-login').send({ phone: '13800000001' }).expect(200);
      const res = await t.http.post('/api/v1/auth/dev-login').send({ phone: '13800000001' }).expect(429);
      expect(res.body.code).toBe('TOO_MANY_REQUESTS');
      await t.http.get('/api/v1/health').expect(200); // other endpoints are not limited
    } finally {
      await t.close();
    }
  });
});

describe('client address behind a proxy (TRUST_PROXY)', () => {
  const burst = async (t: Awaited<ReturnType<typeof createTestApp>>) => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) {
      statuses.push((await t.http.post('/api/v1/auth/dev-login').set('X-Forwarded-For', `203.0.113.${i}`).send({ phone: '13800000001' })).status);
    }
    return statuses;
  };

  it('ignores X-Forwarded-For by default: a client cannot pick its own address to dodge a limit', async () => {
    const t = await createTestApp({ AUTH_RATE_LIMIT: '3' });
    try {
      expect(await burst(t)).toEqual([200, 200, 200, 429]);
    } finally {
      await t.close();
    }
  });

  it('takes the client address from a trusted proxy: four people behind it are four clients', async () => {
    const t = await createTestApp({ AUTH_RATE_LIMIT: '3', TRUST_PROXY: '127.0.0.1' });
    try {
      expect(await burst(t)).toEqual([200, 200, 200, 200]);
    } finally {
      await t.close();
    }
  });
});

describe('keep-alive behind a load balancer', () => {
  it('keeps idle connections open longer than a balancer does (60 s), and headers a little longer still', async () => {
    const t = await createTestApp();
    try {
      const server = t.app.getHttpServer();
      expect(server.keepAliveTimeout).toBe(75_000);
      expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    } finally {
      await t.close();
    }
  });
});

describe('dev-login switched off', () => {
  it('answers 403 DEV_LOGIN_DISABLED', async () => {
    const t = await createTestApp({ DEV_LOGIN: 'false' });
    try {
      expect((await t.http.post('/api/v1/auth/dev-login').send({ phone: '13800000001' }).expect(403)).body.code).toBe('DEV_LOGIN_DISABLED');
    } finally {
      await t.close();
    }
  });
});

describe('WeChat login through code2Session (local stub of the WeChat API)', () => {
  const calls: string[] = [];
  let stub: Awaited<ReturnType<typeof startStub>>;
  let t: TestApp;
  beforeAll(async () => {
    stub = await startStub((req, res) => {
      const url = new URL(req.url!, 'http://x');
      calls.push(url.pathname);
      if (url.pathname !== '/sns/jscode2session' || url.searchParams.get('grant_type') !== 'authorization_code' || url.searchParams.get('secret') !== 'test-secret') {
        return json(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
      }
      const code = url.searchParams.get('js_code');
      if (code === 'good-code') return json(res, 200, { openid: 'o-openid-1', session_key: 'sk' });
      if (code === 'used-code') return json(res, 200, { errcode: 40163, errmsg: 'code been used' });
      if (code === 'busy') return json(res, 200, { errcode: -1, errmsg: 'system error' });
      if (code === 'limited') return json(res, 200, { errcode: 45011, errmsg: 'api minute-quota reach limit' });
      if (code === 'broken') return json(res, 502, 'bad gateway');
      return json(res, 200, { errcode: 40029, errmsg: 'invalid code' });
    });
    t = await createTestApp({ WECHAT_API_BASE: stub.url, WECHAT_APP_ID: 'wx123', WECHAT_APP_SECRET: 'test-secret' });
  });
  afterAll(async () => {
    await t.close();
    await stub.close();
  });

  it('creates the user on first login and finds them again', async () => {
    const a = await t.http.post('/api/v1/auth/wechat').send({ code: 'good-code' }).expect(200);
    const b = await t.http.post('/api/v1/auth/wechat').send({ code: 'good-code' }).expect(200);
    expect(a.body.user.id).toBe(b.body.user.id);
    expect(calls).toContain('/sns/jscode2session');
    const me = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${a.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ membership: null, phoneMasked: '' });
  });

  it('maps WeChat error replies to clear errors, never 500', async () => {
    expect((await t.http.post('/api/v1/auth/wechat').send({ code: 'bad' }).expect(401)).body.code).toBe('WECHAT_CODE_INVALID');
    expect((await t.http.post('/api/v1/auth/wechat').send({ code: 'used-code' }).expect(401)).body.code).toBe('WECHAT_CODE_INVALID');
    expect((await t.http.post('/api/v1/auth/wechat').send({ code: 'limited' }).expect(429)).body.code).toBe('WECHAT_BUSY');
    expect((await t.http.post('/api/v1/auth/wechat').send({ code: 'busy' }).expect(503)).body.code).toBe('WECHAT_BUSY');
    expect((await t.http.post('/api/v1/auth/wechat').send({ code: 'broken' }).expect(502)).body.code).toBe('WECHAT_LOGIN_FAILED');
    await t.http.post('/api/v1/auth/wechat').send({}).expect(400);
  });
});
