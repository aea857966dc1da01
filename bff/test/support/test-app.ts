import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { LoginResponse } from '@unionhome/shared';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/common/clock';
import { AppConfig, loadConfig } from '../../src/config/app-config';

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

/** True when the suite runs on MySQL/MariaDB (TEST_DB_URL set). */
export const onMysql = !!process.env.TEST_DB_URL;

/** A fresh, empty database for one test file: a temp SQLite file, or a new MySQL database. */
export async function freshDatabase(): Promise<{ env: Record<string, string>; dataDir: string; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'uh-test-'));
  const base = process.env.TEST_DB_URL;
  if (!base) {
    return { env: { DATA_DIR: dataDir }, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = new URL(base);
  const name = `uh_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DB_URL: url.toString() },
    dataDir,
    drop: async () => {
      const c = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The real application (same pipe, filter, guards, migrations, seed) on a fresh database.
 * `env` overrides settings (e.g. AUTH_RATE_LIMIT, WECHAT_API_BASE).
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', AUTH_RATE_LIMIT: '100000', H5_DIR: '', JOBS: 'false', ...db.env, ...env });
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
