import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions, detectMysqlFlavor } from '../src/database/data-source-options';
import { instantParam } from '../src/database/raw-values';
import { freshDatabase, onMysql } from './support/test-app';

/**
 * `npm run admin -- grant …`: the built command (bff/dist/admin-cli.js, what the npm script runs),
 * spawned against a fresh database: a temp SQLite DATA_DIR, and MySQL/MariaDB when TEST_DB_URL is set.
 */
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bff', 'dist', 'admin-cli.js');

/** Real-mode secrets, as `npm run secrets` prints them. */
const SECRETS = {
  TOKEN_SECRET: randomBytes(32).toString('base64url'),
  PII_KEY: randomBytes(32).toString('base64'),
  PII_INDEX_KEY: randomBytes(32).toString('base64'),
  FILE_KEY: randomBytes(32).toString('base64'),
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // Only what an operator's shell would pass: no test runner's DB_URL or DEMO leaking in.
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...base, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l.length > 0);

beforeAll(() => {
  // What `npm run admin` does before it runs the command.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'shared'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'bff/tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}, 180_000);

describe('npm run admin -- grant (real mode, empty database)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let env: Record<string, string>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await freshDatabase();
    env = { ...db.env, ...SECRETS, DEMO: 'false' };
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db.drop();
  });

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    if (!ds) {
      const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
      ds = new DataSource({ ...dataSourceOptions(config.db, config.db.kind === 'mysql' ? await detectMysqlFlavor(config.db.url) : undefined) });
      await ds.initialize();
    }
    return ds.query(sql, params);
  };

  it('the first admin: migrates the empty database, creates the person, prints one line', async () => {
    const first = await run(env, 'grant', '13900000006', 'admin', '--name', '孙强');
    expect(first).toEqual({ code: 0, stdout: 'granted admin to 139****0006 (new user)\n', stderr: '' });
    const users = await query<{ id: string; name: string; authVersion: number }>("SELECT id, name, authVersion FROM users WHERE phone = '13900000006'");
    expect(users).toEqual([{ id: expect.any(String), name: '孙强', authVersion: 1 }]);
    expect(await query("SELECT role, orgId FROM user_roles WHERE userId = ?", [users[0].id])).toEqual([{ role: 'admin', orgId: null }]);
    // no demo data in real mode: the granted admin is the only person
    expect(Number((await query<{ n: number }>('SELECT COUNT(*) AS n FROM users'))[0].n)).toBe(1);
    const audit = await query<{ action: string; subjectType: string; actorId: string }>('SELECT action, subjectType, actorId FROM audit_logs');
    expect(audit).toEqual([{ action: 'staff.grant', subjectType: 'user_role', actorId: '00000000-0000-0000-0000-000000000000' }]);
  });

  it('is idempotent: the same grant again changes nothing', async () => {
    const again = await run(env, 'grant', '13900000006', 'admin');
    expect(again).toEqual({ code: 0, stdout: 'already granted admin to 139****0006\n', stderr: '' });
    expect(Number((await query<{ n: number }>("SELECT COUNT(*) AS n FROM user_roles WHERE role = 'admin'"))[0].n)).toBe(1);
    expect(Number((await query<{ n: number }>('SELECT COUNT(*) AS n FROM audit_logs'))[0].n)).toBe(1);
  });

  it('grants a scoped role by organisation code', async () => {
    const now = instantParam(onMysql ? 'mysql' : 'sqlite', new Date());
    const orgId = '11111111-1111-4111-8111-111111111111';
    await query('INSERT INTO orgs (id, code, name, type, parentId, path, creditCode, regionCode, autoApprove, createdAt) VALUES (?, ?, ?, ?, NULL, ?, NULL, NULL, 0, ?)', [
      orgId,
      'SX-PALACE',
      '绍兴市工人文化宫',
      'palace',
      `/${orgId}/`,
      now,
    ]);
    const res = await run(env, 'grant', '13900000004', 'venue_staff', '--org', 'SX-PALACE');
    expect(res).toEqual({ code: 0, stdout: 'granted venue_staff of SX-PALACE (绍兴市工人文化宫) to 139****0004 (new user)\n', stderr: '' });
    expect(await query("SELECT r.role, r.orgId FROM user_roles r JOIN users u ON u.id = r.userId WHERE u.phone = '13900000004'")).toEqual([{ role: 'venue_staff', orgId }]);
    // a palace is no union: an officer cannot be granted there
    const wrong = await run(env, 'grant', '13900000002', 'officer', '--org=SX-PALACE');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(lines(wrong.stderr)).toEqual([expect.stringMatching(/^UnionHome admin: VALIDATION_FAILED: orgId: .*文化宫/)]);
  });

  it('refuses bad input with one line and a non-zero exit code, changing nothing', async () => {
    const cases: Array<[string[], RegExp, number]> = [
      [['grant', '13900000002', 'officer', '--org', 'NO-SUCH-ORG'], /^UnionHome admin: no organisation with code "NO-SUCH-ORG"$/, 1],
      [['grant', '1390000', 'admin'], /^UnionHome admin: "1390000" is not a mobile number/, 1],
      [['grant', '13900000002', 'boss'], /^UnionHome admin: unknown role "boss" \(one of officer, claim_reviewer, claim_payer, venue_staff, hardship_reviewer, admin\)$/, 1],
      [['grant', '13900000002', 'member'], /^UnionHome admin: unknown role "member"/, 1],
      [['grant', '13900000002', 'officer'], /^UnionHome admin: officer is granted for an organisation: add --org <orgCode>$/, 1],
      [['grant', '13900000002', 'admin', '--org', 'SX-PALACE'], /^UnionHome admin: admin is not granted for an organisation/, 1],
      [['grant', '13900000002'], /^UnionHome admin: usage: npm run admin -- grant <phone> <role>/, 2],
      [['revoke', '13900000002', 'admin'], /^UnionHome admin: usage:/, 2],
      [['grant', '13900000002', 'admin', '--root'], /^UnionHome admin: unknown option --root/, 2],
      [['grant', '13900000002', 'admin', '--name'], /^UnionHome admin: --name needs a value/, 2],
    ];
    for (const [args, message, code] of cases) {
      const res = await run(env, ...args);
      expect({ args, code: res.code, stdout: res.stdout }).toEqual({ args, code, stdout: '' });
      expect(lines(res.stderr)).toEqual([expect.stringMatching(message)]);
    }
    expect(await query("SELECT id FROM users WHERE phone = '13900000002'")).toEqual([]);
  });

  it('a database it cannot reach is one line too', async () => {
    const res = await run({ ...SECRETS, DATA_DIR: db.dataDir, DB_URL: 'mysql://uh:uh@127.0.0.1:1/nothing' }, 'grant', '13900000009', 'admin');
    expect(res.code).toBe(1);
    expect(lines(res.stderr)).toEqual([expect.stringMatching(/^UnionHome admin: cannot connect to the database of DB_URL \(ECONNREFUSED\)$/)]);
  });

  it('refuses to run without the real-mode secrets, naming the variable', async () => {
    const { TOKEN_SECRET: _dropped, ...withoutSecret } = env;
    const res = await run(withoutSecret, 'grant', '13900000009', 'admin');
    expect(res.code).toBe(1);
    expect(lines(res.stderr)).toEqual([expect.stringMatching(/^UnionHome admin: TOKEN_SECRET is required/)]);
  });
});

describe('npm run admin -- grant (the demo)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  it('on an empty demo database seeds the demo first, as npm start does, then grants', async () => {
    const env = { ...db.env, DEMO: 'true' };
    const res = await run(env, 'grant', '13800000007', 'officer', '--org', 'DEMO-COURIER', '--name', '别名');
    expect(res).toEqual({ code: 0, stdout: 'granted officer of DEMO-COURIER (顺达快递基层工会) to 138****0007\n', stderr: '' });
    const taken = await run(env, 'grant', '13800000002', 'officer', '--org', 'DEMO-COURIER');
    expect(taken.code).toBe(1);
    expect(lines(taken.stderr)).toEqual([`UnionHome admin: ROLE_HELD_FOR_OTHER_ORG: 此人已在另一个组织担任该角色，请先收回原来的权限`]);
  });
});
