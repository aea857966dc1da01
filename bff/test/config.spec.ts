import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config/app-config';

const dir = () => mkdtempSync(join(tmpdir(), 'uh-cfg-'));

describe('config validated at boot', () => {
  it('defaults to an embedded SQLite database in the data directory', () => {
    const d = dir();
    const c = loadConfig({ DATA_DIR: d });
    expect(c.db).toEqual({ kind: 'sqlite', file: join(d, 'unionhome.sqlite') });
    expect(c.port).toBe(3000);
    expect(c.demo).toBe(true);
    expect(c.devLogin).toBe(true);
    expect(c.fileKey).toHaveLength(32);
    expect(c.piiKey).toHaveLength(32);
    // the generated key is kept: a second start reads the same one
    expect(loadConfig({ DATA_DIR: d }).piiKey.equals(c.piiKey)).toBe(true);
  });

  const keys = {
    TOKEN_SECRET: 'a-very-long-production-secret-of-32-chars',
    PII_KEY: Buffer.alloc(32, 7).toString('base64'),
    PII_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
    FILE_KEY: Buffer.alloc(32, 11).toString('base64'),
  };
  const mysql = { DB_URL: 'mysql://u:p@127.0.0.1:3306/unionhome' };
  const tencent = {
    SMS_PROVIDER: 'tencent',
    TENCENTCLOUD_SECRET_ID: 'AKIDexample',
    TENCENTCLOUD_SECRET_KEY: 'secret-key',
    SMS_SDK_APP_ID: '1400000001',
    SMS_SIGN_NAME: '职工e家',
    SMS_TEMPLATE_LOGIN: '100001',
  };
  const without = (name: keyof typeof keys) => Object.fromEntries(Object.entries(keys).filter(([k]) => k !== name));

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ DB_URL: 'postgres://x' }, /DB_URL/],
    [{ DEV_LOGIN: 'maybe' }, /DEV_LOGIN/],
    [{ DEMO: 'maybe' }, /DEMO/],
    [{ NODE_ENV: 'production', DEMO: 'true', ...keys }, /DEMO must not be true when NODE_ENV=production/],
    [{ NODE_ENV: 'production', ...keys, DEV_LOGIN: 'true' }, /DEV_LOGIN can only be on in demo mode/],
    [{ ...mysql, ...keys, SEED_DEMO: 'true' }, /SEED_DEMO can only be on in demo mode/],
    // Real mode (a DB_URL, or NODE_ENV=production) names the first missing secret and never generates one.
    [{ ...mysql, ...without('TOKEN_SECRET') }, /^TOKEN_SECRET is required outside demo mode/],
    [{ ...mysql, ...keys, TOKEN_SECRET: 'unionhome-dev-token-secret-change-me' }, /TOKEN_SECRET must be a secret of your own/],
    [{ ...mysql, ...keys, TOKEN_SECRET: 'only-twenty-five-chars-xx' }, /TOKEN_SECRET must be at least 32 characters/],
    [{ ...mysql, ...without('PII_KEY') }, /^PII_KEY is required outside demo mode/],
    [{ ...mysql, ...without('PII_INDEX_KEY') }, /^PII_INDEX_KEY is required outside demo mode/],
    [{ ...mysql, ...without('FILE_KEY') }, /^FILE_KEY is required outside demo mode/],
    [{ NODE_ENV: 'production', ...without('FILE_KEY') }, /^FILE_KEY is required/],
    [{ DEMO: 'false', ...without('PII_KEY') }, /^PII_KEY is required/],
    [{ PII_KEY: 'c2hvcnQ=' }, /PII_KEY must be 32 bytes/],
    [{ STORAGE: 's3' }, /S3_ENDPOINT is required/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    // SMS: the log adapter is the demo's only; Tencent names the first variable it lacks.
    [{ ...mysql, ...keys, SMS_PROVIDER: 'log' }, /^SMS_PROVIDER=log is only allowed in demo mode/],
    [{ SMS_PROVIDER: 'aliyun' }, /SMS_PROVIDER must be one of/],
    [{ ...tencent, TENCENTCLOUD_SECRET_ID: '' }, /^TENCENTCLOUD_SECRET_ID is required when SMS_PROVIDER=tencent/],
    [{ ...tencent, TENCENTCLOUD_SECRET_KEY: '' }, /^TENCENTCLOUD_SECRET_KEY is required/],
    [{ ...tencent, SMS_SDK_APP_ID: '' }, /^SMS_SDK_APP_ID is required/],
    [{ ...tencent, SMS_SIGN_NAME: '' }, /^SMS_SIGN_NAME is required/],
    [{ ...tencent, SMS_TEMPLATE_LOGIN: '' }, /^SMS_TEMPLATE_LOGIN is required/],
    [{ ...tencent, SMS_TEMPLATE_LOGIN: 'login' }, /^SMS_TEMPLATE_LOGIN must be the numeric id/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(message);
  });

  it('is real mode with a DB_URL: no seed, no dev-login, no generated key files', () => {
    const d = dir();
    const c = loadConfig({ DATA_DIR: d, ...mysql, ...keys });
    expect(c).toMatchObject({ demo: false, devLogin: false, seedDemo: false });
    expect(c.fileKey.equals(Buffer.alloc(32, 11))).toBe(true);
    expect(readdirSync(d)).toEqual([]);
  });

  it('is the demo on MySQL only when DEMO=true says so', () => {
    const c = loadConfig({ DATA_DIR: dir(), ...mysql, DEMO: 'true' });
    expect(c).toMatchObject({ demo: true, devLogin: true, seedDemo: true });
    expect(loadConfig({ DATA_DIR: dir(), DEMO: 'true', DEV_LOGIN: 'false' }).devLogin).toBe(false);
  });

  it('sends SMS to the log in the demo, nowhere in real mode unless Tencent is configured', () => {
    expect(loadConfig({ DATA_DIR: dir() }).sms).toEqual({ provider: 'log' });
    expect(loadConfig({ DATA_DIR: dir(), ...mysql, ...keys }).sms).toEqual({ provider: 'none' });
    expect(loadConfig({ DATA_DIR: dir(), ...mysql, ...keys, ...tencent, SMS_TEMPLATE_CLAIM_PAID: '100002' }).sms).toEqual({
      provider: 'tencent',
      apiBase: 'https://sms.tencentcloudapi.com',
      region: 'ap-guangzhou',
      secretId: 'AKIDexample',
      secretKey: 'secret-key',
      sdkAppId: '1400000001',
      signName: '职工e家',
      templates: { login: '100001', claim_paid: '100002', claim_needs_documents: '' },
    });
  });

  it('reads TRUST_PROXY as Express takes it, refusing what is none of its forms', () => {
    const trust = (v?: string) => loadConfig({ DATA_DIR: dir(), ...(v === undefined ? {} : { TRUST_PROXY: v }) }).trustProxy;
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 192.168.1.7,loopback,fd00::/8')).toEqual(['10.0.0.0/8', '192.168.1.7', 'loopback', 'fd00::/8']);
    for (const bad of ['proxy.example.com', '10.0.0.0/33', '300.1.1.1', '11']) expect(() => trust(bad)).toThrow(/TRUST_PROXY/);
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig({ DATA_DIR: dir(), NODE_ENV: 'production', ...keys, ...mysql });
    expect(c.demo).toBe(false);
    expect(c.devLogin).toBe(false);
    expect(c.seedDemo).toBe(false);
    expect(c.db.kind).toBe('mysql');
  });
});
