import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/**
 * One set of options for both databases. Never `synchronize`: the schema comes only from
 * MIGRATIONS, which run at boot (and in every test) on SQLite and MySQL alike.
 */
export function dataSourceOptions(db: AppConfig['db'], flavor: 'mysql' | 'mariadb' = 'mysql'): DataSourceOptions {
  const common = { synchronize: false, migrations: MIGRATIONS, migrationsRun: false, migrationsTransactionMode: 'each' as const, logging: false };
  if (db.kind === 'mysql') {
    return {
      ...common,
      // TypeORM reads MariaDB's column defaults differently ('NULL' as text): it must know which it talks to.
      type: flavor,
      url: db.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z', // datetime columns hold UTC
      supportBigNumbers: true,
      extra: { connectionLimit: 30, waitForConnections: true, queueLimit: 0 },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.file,
    // WAL lets readers (the health check, a second CLI) work while a write runs; busy_timeout waits
    // instead of failing on a lock; foreign_keys is off by default in SQLite.
    prepareDatabase: (sqlite: { pragma: (s: string) => unknown }) => {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('synchronous = NORMAL');
    },
  };
}

/** MySQL or MariaDB behind a mysql:// URL (they differ in how TypeORM must read the schema). */
export async function detectMysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  const { createConnection } = await import('mysql2/promise');
  const conn = await createConnection(url);
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

export function isMysqlFamily(type: string): boolean {
  return type === 'mysql' || type === 'mariadb';
}
