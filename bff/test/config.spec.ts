import { mkdtempSync } from 'node:fs';
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
    expect(c.devLogin).toBe(true);
    expect(c.piiKey).toHaveLength(32);
    // the generated key is kept: a second start reads the same one
    expect(loadConfig({ DATA_DIR: d }).piiKey.equals(c.piiKey)).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ DB_URL: 'postgres://x' }, /DB_URL/],
    [{ DEV_LOGIN: 'maybe' }, /DEV_LOGIN/],
    [{ NODE_ENV: 'production', TOKEN_SECRET: 'a-very-long-production-secret', PII_KEY: Buffer.alloc(32).toString('base64'), PII_INDEX_KEY: Buffer.alloc(32, 1).toString('base64'), DEV_LOGIN: 'true' }, /DEV_LOGIN must be off/],
    [{ NODE_ENV: 'production', PII_KEY: Buffer.alloc(32).toString('base64'), PII_INDEX_KEY: Buffer.alloc(32, 1).toString('base64') }, /TOKEN_SECRET must be set/],
    [{ PII_KEY: 'c2hvcnQ=' }, /PII_KEY must be 32 bytes/],
    [{ STORAGE: 's3' }, /S3_ENDPOINT is required/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(message);
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig({
      DATA_DIR: dir(),
      NODE_ENV: 'production',
      TOKEN_SECRET: 'a-very-long-production-secret',
      PII_KEY: Buffer.alloc(32, 7).toString('base64'),
      PII_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
      DB_URL: 'mysql://u:p@127.0.0.1:3306/unionhome',
    });
    expect(c.devLogin).toBe(false);
    expect(c.seedDemo).toBe(false);
    expect(c.db.kind).toBe('mysql');
  });
});
