// The bench's own database: a fresh SQLite file in a temporary DATA_DIR, or a fresh MySQL/MariaDB
// database on BENCH_DB_URL's server (dropped at the end). Also the direct writes the bench makes
// (its 300 members) and the raw booking loop that is the booking rush's baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { newId } from './util';

export interface Member {
  userId: string;
  phone: string;
}

export interface RawSlot {
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  /** YYYY-MM-DD (Asia/Shanghai) of startsAt. */
  slotDate: string;
  capacity: number;
}

export interface RawRushResult {
  totalMs: number;
  latencies: number[];
  confirmed: number;
  full: number;
  errors: string[];
  /** How the raw loop ran, in words, for the report. */
  how: string;
}

export interface BenchDatabase {
  kind: 'sqlite' | 'mysql';
  /** e.g. "MariaDB 10.11.19" or "SQLite 3.50.2 (better-sqlite3)". */
  label: string;
  dataDir: string;
  /** DATA_DIR (and DB_URL) for the BFF. */
  env: Record<string, string>;
  /** Active members of DEMO-GRASSROOTS, written straight into users + memberships. */
  addMembers(count: number): Promise<Member[]>;
  /** The slot's `booked` counter and its confirmed bookings, as the database has them. */
  slotTruth(slotId: string): Promise<{ booked: number; confirmed: number }>;
  /** The baseline of the booking rush: the conditional booking transaction, raw, once per member. */
  rawRush(slot: RawSlot, members: Member[]): Promise<RawRushResult>;
  drop(): Promise<void>;
}

const BENCH_PHONE_PREFIX = '139';

function memberRows(count: number, now: Date) {
  return Array.from({ length: count }, (_, i) => {
    const userId = newId();
    return {
      userId,
      phone: `${BENCH_PHONE_PREFIX}${String(i + 1).padStart(8, '0')}`,
      name: `压测会员${i + 1}`,
      memberNo: `BENCH${String(i + 1).padStart(6, '0')}`,
      membershipId: newId(),
      joinedAt: `${now.getUTCFullYear()}-01-01`,
    };
  });
}

// ------------------------------------------------------------------------------------------------
// SQLite

/** How TypeORM's SQLite drivers store a datetime: UTC "YYYY-MM-DD HH:mm:ss.SSS". */
const sqliteInstant = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export function sqliteDatabase(): BenchDatabase {
  // Resolved at run time: better-sqlite3 is the BFF's dependency, installed at the root.
  const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'uh-bench-'));
  const file = path.join(dataDir, 'unionhome.sqlite');
  const open = () => {
    const db = new Sqlite(file, { fileMustExist: true, timeout: 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // as the BFF sets it (data-source-options.ts)
    return db;
  };
  const version = (() => {
    const mem = new Sqlite(':memory:');
    const v = (mem.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    mem.close();
    return v;
  })();

  return {
    kind: 'sqlite',
    label: `SQLite ${version} (better-sqlite3)`,
    dataDir,
    env: { DATA_DIR: dataDir },
    async addMembers(count) {
      const db = open();
      try {
        const now = new Date();
        const org = db.prepare("SELECT id FROM orgs WHERE code = 'DEMO-GRASSROOTS'").get() as { id: string } | undefined;
        if (!org) throw new Error('the demo seed has no DEMO-GRASSROOTS org');
        const rows = memberRows(count, now);
        const user = db.prepare(
          'INSERT INTO users (id, phone, openid, name, idNumberCipher, idNumberIndex, tags, createdAt, lastLoginAt) VALUES (?, ?, NULL, ?, NULL, NULL, NULL, ?, NULL)',
        );
        const membership = db.prepare(
          "INSERT INTO memberships (id, userId, activeUserId, orgId, memberNo, status, employer, jobType, joinedAt, leftAt, createdAt) VALUES (?, ?, ?, ?, ?, 'active', '压测物流有限公司', '快递员', ?, NULL, ?)",
        );
        db.transaction(() => {
          for (const r of rows) {
            user.run(r.userId, r.phone, r.name, sqliteInstant(now));
            membership.run(r.membershipId, r.userId, r.userId, org.id, r.memberNo, r.joinedAt, sqliteInstant(now));
          }
        })();
        return rows.map((r) => ({ userId: r.userId, phone: r.phone }));
      } finally {
        db.close();
      }
    },
    async slotTruth(slotId) {
      const db = open();
      try {
        const slot = db.prepare('SELECT booked FROM venue_slots WHERE id = ?').get(slotId) as { booked: number } | undefined;
        const c = db.prepare("SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND status = 'confirmed'").get(slotId) as { n: number };
        return { booked: slot?.booked ?? -1, confirmed: c.n };
      } finally {
        db.close();
      }
    },
    async rawRush(slot, members) {
      const db = open();
      try {
        const now = new Date();
        const slotId = newId();
        db.prepare('INSERT INTO venue_slots (id, venueId, startsAt, endsAt, capacity, booked, waitlisted, waitlistSeq, closedAt, createdAt) VALUES (?, ?, ?, ?, ?, 0, 0, 0, NULL, ?)').run(
          slotId,
          slot.venueId,
          sqliteInstant(slot.startsAt),
          sqliteInstant(slot.endsAt),
          slot.capacity,
          sqliteInstant(now),
        );
        const take = db.prepare('UPDATE venue_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity');
        const insert = db.prepare(
          "INSERT INTO bookings (id, slotId, venueId, userId, activeUserId, status, waitlistSeq, slotDate, startsAt, endsAt, createdAt, confirmedAt, cancelledAt, checkedInAt, checkedInBy, noShowAt, noShowCounted) VALUES (?, ?, ?, ?, ?, 'confirmed', NULL, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, 0)",
        );
        const book = db.transaction((userId: string) => {
          if (take.run(slotId).changes !== 1) return false;
          const at = sqliteInstant(new Date());
          insert.run(newId(), slotId, slot.venueId, userId, userId, slot.slotDate, sqliteInstant(slot.startsAt), sqliteInstant(slot.endsAt), at, at);
          return true;
        });
        const latencies: number[] = [];
        const errors: string[] = [];
        let confirmed = 0;
        let full = 0;
        const t0 = performance.now();
        for (const m of members) {
          const t = performance.now();
          try {
            if (book.immediate(m.userId)) confirmed++;
            else full++;
          } catch (err) {
            errors.push(String((err as Error).message));
          }
          latencies.push(performance.now() - t);
        }
        return {
          totalMs: performance.now() - t0,
          latencies,
          confirmed,
          full,
          errors,
          how: `better-sqlite3 in the bench process, ${members.length} BEGIN IMMEDIATE transactions one after another (SQLite runs one writer at a time)`,
        };
      } finally {
        db.close();
      }
    },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------------------------------------------
// MySQL / MariaDB

/** The BFF's pool size on MySQL (data-source-options.ts: connectionLimit 30): the raw loop gets the same. */
const BFF_POOL_SIZE = 30;

export async function mysqlDatabase(benchUrl: string): Promise<BenchDatabase> {
  const mysql = await import('mysql2/promise');
  const url = new URL(benchUrl);
  const base = (url.pathname.replace(/^\//, '') || 'uh_bench').replace(/\W/g, '_');
  const name = `${base}_${Date.now().toString(36)}_${process.pid}`.slice(0, 64);
  const server = {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    timezone: 'Z' as const,
  };
  const admin = await mysql.createConnection(server);
  let label: string;
  try {
    const [rows] = await admin.query('SELECT VERSION() AS v');
    const v = String((rows as Array<{ v: string }>)[0].v);
    label = /mariadb/i.test(v) ? `MariaDB ${v.replace(/-MariaDB.*$/i, '')}` : `MySQL ${v}`;
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(benchUrl);
  dbUrl.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'uh-bench-'));
  const connect = () => mysql.createConnection({ ...server, database: name });

  return {
    kind: 'mysql',
    label,
    dataDir,
    env: { DATA_DIR: dataDir, DB_URL: dbUrl.toString() },
    async addMembers(count) {
      const c = await connect();
      try {
        const now = new Date();
        const [orgs] = await c.query("SELECT id FROM orgs WHERE code = 'DEMO-GRASSROOTS'");
        const org = (orgs as Array<{ id: string }>)[0];
        if (!org) throw new Error('the demo seed has no DEMO-GRASSROOTS org');
        const rows = memberRows(count, now);
        await c.beginTransaction();
        await c.query('INSERT INTO users (id, phone, openid, name, idNumberCipher, idNumberIndex, tags, createdAt, lastLoginAt) VALUES ?', [
          rows.map((r) => [r.userId, r.phone, null, r.name, null, null, null, now, null]),
        ]);
        await c.query('INSERT INTO memberships (id, userId, activeUserId, orgId, memberNo, status, employer, jobType, joinedAt, leftAt, createdAt) VALUES ?', [
          rows.map((r) => [r.membershipId, r.userId, r.userId, org.id, r.memberNo, 'active', '压测物流有限公司', '快递员', r.joinedAt, null, now]),
        ]);
        await c.commit();
        return rows.map((r) => ({ userId: r.userId, phone: r.phone }));
      } finally {
        await c.end();
      }
    },
    async slotTruth(slotId) {
      const c = await connect();
      try {
        const [s] = await c.query('SELECT booked FROM venue_slots WHERE id = ?', [slotId]);
        const [b] = await c.query("SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND status = 'confirmed'", [slotId]);
        return { booked: Number((s as Array<{ booked: number }>)[0]?.booked ?? -1), confirmed: Number((b as Array<{ n: number }>)[0].n) };
      } finally {
        await c.end();
      }
    },
    async rawRush(slot, members) {
      const pool = mysql.createPool({ ...server, database: name, connectionLimit: BFF_POOL_SIZE, waitForConnections: true, queueLimit: 0 });
      try {
        // Open the pool's connections first, as the BFF's pool is open by the time of the rush.
        await Promise.all(Array.from({ length: BFF_POOL_SIZE }, () => pool.query('SELECT 1')));
        const slotId = newId();
        await pool.query(
          'INSERT INTO venue_slots (id, venueId, startsAt, endsAt, capacity, booked, waitlisted, waitlistSeq, closedAt, createdAt) VALUES (?, ?, ?, ?, ?, 0, 0, 0, NULL, ?)',
          [slotId, slot.venueId, slot.startsAt, slot.endsAt, slot.capacity, new Date()],
        );
        const latencies: number[] = [];
        const errors: string[] = [];
        let confirmed = 0;
        let full = 0;
        const t0 = performance.now();
        await Promise.all(
          members.map(async (m) => {
            const t = performance.now();
            const c = await pool.getConnection();
            try {
              await c.beginTransaction();
              const [res] = await c.query('UPDATE venue_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity', [slotId]);
              if ((res as { affectedRows: number }).affectedRows === 1) {
                const at = new Date();
                await c.query(
                  "INSERT INTO bookings (id, slotId, venueId, userId, activeUserId, status, waitlistSeq, slotDate, startsAt, endsAt, createdAt, confirmedAt, cancelledAt, checkedInAt, checkedInBy, noShowAt, noShowCounted) VALUES (?, ?, ?, ?, ?, 'confirmed', NULL, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, 0)",
                  [newId(), slotId, slot.venueId, m.userId, m.userId, slot.slotDate, slot.startsAt, slot.endsAt, at, at],
                );
                await c.commit();
                confirmed++;
              } else {
                await c.rollback();
                full++;
              }
            } catch (err) {
              errors.push(String((err as Error).message));
              await c.rollback().catch(() => undefined);
            } finally {
              c.release();
            }
            latencies.push(performance.now() - t);
          }),
        );
        return {
          totalMs: performance.now() - t0,
          latencies,
          confirmed,
          full,
          errors,
          how: `mysql2 pool of ${BFF_POOL_SIZE} connections (the BFF's pool size), ${members.length} transactions started at once`,
        };
      } finally {
        await pool.end();
      }
    },
    async drop() {
      const c = await mysql.createConnection(server);
      try {
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await c.end();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
