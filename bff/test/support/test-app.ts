import { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { LoginResponse } from '@unionhome/shared';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/common/clock';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { freshDatabase } from './fresh-database';

export { freshDatabase, onMysql } from './fresh-database';

/**
 * Tests drive one person and one address far faster than anyone could; the limits get their own
 * tests (rate-limits.e2e-spec.ts), which set them back (an empty value means the default).
 */
export const GENEROUS_LIMITS = { RATE_LIMIT_ADDRESS: '100000000', RATE_LIMIT_BOOKING: '1000000', RATE_LIMIT_UPLOAD: '1000000', RATE_LIMIT_APPLICATION: '1000000' };

export type Agent = ReturnType<typeof request>;

export interface TestApp {
  app: NestExpressApplication;
  http: Agent;
  ds: DataSource;
  clock: Clock;
  config: AppConfig;
  db: 'mysql' | 'sqlite';
  /** dev-login by phone; returns the tokens and a bearer header. */
  login(phone: string): Promise<LoginResponse & { auth: { Authorization: string } }>;
  close(): Promise<void>;
}

/**
 * The real application (same pipe, filter, guards, migrations, seed) on a fresh database.
 * `env` overrides settings (e.g. AUTH_RATE_LIMIT, WECHAT_API_BASE).
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const config = loadConfig({ DEMO: 'true', LOG_LEVEL: 'silent', AUTH_RATE_LIMIT: '100000', ...GENEROUS_LIMITS, H5_DIR: '', JOBS: 'false', ...db.env, ...env });
  const app = await createApp(config);
  // Listen once: supertest on an unbound server would bind it anew for every request, which
  // breaks overlapping requests (and the concurrency tests need exactly those).
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  const login = async (phone: string) => {
    const res = await http.post('/api/v1/auth/dev-login').send({ phone });
    if (res.status !== 200) throw new Error(`dev-login ${phone} → ${res.status} ${JSON.stringify(res.body)}`);
    return { ...(res.body as LoginResponse), auth: { Authorization: `Bearer ${res.body.accessToken}` } };
  };
  return {
    app,
    http,
    ds: app.get<DataSource>(getDataSourceToken()),
    clock: app.get(Clock),
    config,
    db: config.db.kind,
    login,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
