import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

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

