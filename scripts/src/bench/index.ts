/**
 * `npm run bench`: the BFF's performance against baselines measured in the same run.
 *
 *   npm run bench                                  SQLite (embedded, a fresh file)
 *   BENCH_DB_URL=mysql://uh:uh@127.0.0.1:3306/uh_bench npm run bench
 *                                                  MySQL/MariaDB (a fresh database on that server, dropped at the end)
 *   npm run bench -- --profile                     also a CPU profile of the BFF per scenario (bench-results/profiles)
 *   npm run bench -- --no-build                    use the existing builds as they are
 *   npm run bench -- --only card,slots             some scenarios (ceiling card slots rush photo size cold)
 *   BENCH_SECONDS=10                               seconds per measured load run (after a 3 s warm-up)
 *
 * It builds shared and the BFF (and the mini-app where its build is missing or older than its
 * sources), starts the BUILT bff/dist/main.js as a separate process on a fresh database, and runs
 * the load from this process with autocannon. Every figure sits next to the baseline it is judged
 * against, measured in the same run (these machines are shared and noisy). One table on stdout,
 * the same as JSON in bench-results/latest.json. Exit code 0 whenever the bench ran, even with
 * goals missed (they are in the table); 1 when it could not run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin } from '../lib';
import { Bff, BFF_MAIN } from './bff';
import { Context, QueryCount, Settings } from './context';
import { BenchDatabase, mysqlDatabase, sqliteDatabase } from './database';
import { Api } from './http';
import { renderSummary, summarise } from './profile-summary';
import { measured, notRun, renderTable, Row, tally } from './report';
import { bookingRush } from './scenarios/booking-rush';
import { photoScenarios } from './scenarios/photos';
import { sizeRows } from './scenarios/sizes';
import { throughputScenarios } from './scenarios/throughput';
import { errorText, log, median, RESULTS_DIR, ROOT, sleep } from './util';

const BENCH_NAME = 'UnionHome bench';
const MEMBERS = 300;
const SCENARIOS = ['ceiling', 'card', 'slots', 'rush', 'photo', 'size', 'cold'] as const;
type Scenario = (typeof SCENARIOS)[number];
const COLD_STARTS = 3;
const MB = 1024 * 1024;

function parseArgs(argv: string[]) {
  const only = new Set<Scenario>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only' || a.startsWith('--only=')) {
      const list = a.includes('=') ? a.slice(7) : argv[++i] ?? '';
      for (const name of list.split(',').filter(Boolean)) {
        if (!SCENARIOS.includes(name as Scenario)) throw new Error(`--only: unknown scenario "${name}" (one of ${SCENARIOS.join(', ')})`);
        only.add(name as Scenario);
      }
    } else if (!['--profile', '--no-build'].includes(a)) {
      throw new Error(`unknown option ${a} (options: --profile, --no-build, --only ${SCENARIOS.join(',')})`);
    }
  }
  const seconds = Number(process.env.BENCH_SECONDS || 10);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 120) throw new Error('BENCH_SECONDS must be a number of seconds from 1 to 120');
  return {
    build: !argv.includes('--no-build'),
    profile: argv.includes('--profile'),
    want: (s: Scenario) => only.size === 0 || only.has(s),
    seconds,
  };
}

// ------------------------------------------------------------------------------------------------
// Builds

function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') walk(path.join(p, e));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return newest;
}

/** Runs a build step with its output captured; on failure prints the end of it and stops. */
function quietly(what: string, cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${what} failed (exit ${r.status ?? r.signal}):\n${out}`);
  }
}

function build(wantSize: boolean): void {
  log('▶ building shared and the BFF (tsc)');
  quietly('building shared', bin('tsc'), ['-p', 'shared/tsconfig.json']);
  quietly('building the BFF', bin('tsc'), ['-p', 'bff/tsconfig.build.json']);
  if (!wantSize) return;
  const sources = newestMtime(['miniapp/src', 'miniapp/config', 'shared/src'].map((d) => path.join(ROOT, d)));
  for (const [type, marker] of [['weapp', 'miniapp/dist/weapp/app.json'], ['h5', 'miniapp/dist/h5/index.html']] as const) {
    const file = path.join(ROOT, marker);
    const why = !existsSync(file) ? 'missing' : statSync(file).mtimeMs < sources ? 'older than its sources' : null;
    if (!why) continue;
    log(`▶ building the ${type} mini-app for the size row (its build is ${why})`);
    quietly(`building the ${type} mini-app`, 'npm', ['run', `build:${type}`, '-w', 'miniapp', '--silent'], { NODE_ENV: 'production' });
  }
}

// ------------------------------------------------------------------------------------------------
// Who and where

function benchVersion(): { version: string; commit: string | null } {
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() !== '';
    return { version, commit: `${sha}${dirty ? '+uncommitted changes' : ''}` };
  } catch {
    return { version, commit: null };
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const autocannonVersion = () =>
  (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/autocannon/package.json'), 'utf8')) as { version: string }).version;

// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const benchUrl = process.env.BENCH_DB_URL;
  if (benchUrl && !/^mysql:\/\/[^/]+(\/\w*)?$/.test(benchUrl)) throw new Error('BENCH_DB_URL must look like mysql://user:password@host:3306/name');
  if (args.build) build(args.want('size'));
  if (!existsSync(BFF_MAIN)) throw new Error('bff/dist/main.js is missing: run without --no-build');

  mkdirSync(RESULTS_DIR, { recursive: true });
  const profileDir = path.join(RESULTS_DIR, 'profiles');
  if (args.profile) mkdirSync(profileDir, { recursive: true });
  const settings: Settings = { seconds: args.seconds, warmupSeconds: 3, profile: args.profile, profileDir };
  const who = benchVersion();
  const host = machine();

  const db: BenchDatabase = benchUrl ? await mysqlDatabase(benchUrl) : sqliteDatabase();
  const dbLine = db.kind === 'mysql' ? `${db.label} (BENCH_DB_URL; fresh database, dropped at the end)` : `${db.label} (set BENCH_DB_URL=mysql://… for MySQL/MariaDB)`;
  log('');
  log(`${BENCH_NAME} ${who.version}${who.commit ? ` (git ${who.commit})` : ''}, ${startedAt.toISOString()}`);
  log(`machine:   ${host.cores} cores (${host.cpu}), ${host.memoryGB} GB memory, ${host.os}, node ${host.node}, load average ${host.loadAverageAtStart.join(' ')}`);
  log(`database:  ${dbLine}`);
  log(`load:      autocannon ${autocannonVersion()} in this process; ${settings.seconds} s per run after a ${settings.warmupSeconds} s warm-up (excluded)`);
  if (args.profile) log(`profiling: ON — the BFF runs under the CPU profiler, so its figures are lower than without (profiles in ${path.relative(ROOT, profileDir)}/)`);
  log('');

  const logFile = path.join(RESULTS_DIR, `bff-${db.kind}.log`);
  writeFileSync(logFile, '');
  const bffSettings = { dbEnv: db.env, logFile, profiling: args.profile };
  let bff: Bff | null = null;
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const profiles: Record<string, string> = {};
  const queries: Record<string, QueryCount> = {};
  const coldStarts: number[] = [];

  let cleaning = false;
  const cleanUp = async () => {
    if (cleaning) return;
    cleaning = true;
    await bff?.stop().catch(() => undefined);
    await db.drop().catch((err) => log(`could not drop the bench database: ${errorText(err)}`));
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log(`\n${sig}: stopping the BFF and dropping the bench database`);
      void cleanUp().then(() => process.exit(130));
    });
  }

  const runWithBff = async () => {
    // 1. First start: migrations and the demo seed on the empty database.
    log('▶ first start of the BFF (migrations + demo seed)');
    bff = await Bff.start(bffSettings);
    log(`  ready in ${(bff.readyMs / 1000).toFixed(2)} s`);
    details.firstStartMs = bff.readyMs;
    await bff.stop();
    bff = null;

    // 2. The bench members, straight into the database; then the start on an existing database.
    const members = await db.addMembers(MEMBERS);
    log(`▶ ${MEMBERS} bench members written into users + memberships (DEMO-GRASSROOTS); starting the BFF on the existing database`);
    bff = await Bff.start(bffSettings);
    coldStarts.push(bff.readyMs);
    log(`  ready in ${(bff.readyMs / 1000).toFixed(2)} s`);
    const api = new Api(bff.api);
    const memberTokens = await api.tokens(members.map((m) => m.phone));
    const staffToken = await api.token('13800000004');
    await sleep(1000);
    const idle = bff.memory();
    details.idleRssBytes = idle?.rss ?? null;
    const ctx: Context = { bff, api, db, members, memberTokens, settings, details, profiles, queries };

    if (args.want('ceiling') || args.want('card') || args.want('slots')) rows.push(...(await throughputScenarios(ctx, staffToken, { card: args.want('card'), slots: args.want('slots') })));
    if (args.want('rush')) rows.push(...(await bookingRush(ctx, staffToken)));
    if (args.want('photo')) rows.push(...(await photoScenarios(ctx, idle?.rss ?? null)));
    if (args.want('size')) rows.push(...sizeRows(details));

    await bff.stop();
    bff = null;
    if (args.want('cold')) {
      for (let i = coldStarts.length; i < COLD_STARTS; i++) {
        const again = await Bff.start(bffSettings);
        coldStarts.push(again.readyMs);
        await again.stop();
      }
      const med = median(coldStarts)!;
      log(`▶ cold start on the existing database: ${coldStarts.map((ms) => (ms / 1000).toFixed(2)).join(' s, ')} s`);
      details.coldStartMs = coldStarts;
      rows.push(
        measured('cold start', 'spawn → first 200 of /health', { value: med / 1000, unit: 's' }, null, { text: '< 5 s', met: (v) => v < 5 }, `median of ${coldStarts.length} starts of the built BFF on the bench database (migrated, seeded, 300 members)`),
      );
    }
  };

  try {
    if ((['ceiling', 'card', 'slots', 'rush', 'photo', 'cold'] as const).some(args.want)) await runWithBff();
    else if (args.want('size')) rows.push(...sizeRows(details));
  } catch (err) {
    const tail = (bff as Bff | null)?.output().trim().split('\n').slice(-15).join('\n');
    rows.push(notRun('bench', 'the run itself', 'completes', `${errorText(err)}${tail ? `\nBFF output:\n${tail}` : ''}`));
    process.exitCode = 1;
  } finally {
    await cleanUp();
  }

  // Profiles, summarised.
  const profileSummaries: Record<string, unknown> = {};
  if (args.profile) {
    log('\nCPU profiles of the BFF (busy time only; idle excluded):');
    for (const [label, file] of Object.entries(profiles)) {
      if (!existsSync(file)) continue;
      const s = summarise(file);
      const q = queries[label];
      profileSummaries[label] = { ...s, sql: q ?? null };
      log(renderSummary(label, s));
      if (q) {
        const kinds = Object.entries(q.perRequestByKind ?? q.statements).map(([k, v]) => `${v} ${k}`).join(', ');
        log(`  SQL statements: ${q.total}${q.requests ? ` for ${q.requests} requests = ${q.perRequest} per request (${kinds})` : ` (${kinds})`}`);
      }
    }
  }

  const finishedAt = new Date();
  const t = tally(rows);
  log('');
  log(`${BENCH_NAME} ${who.version} — ${host.cores} cores, ${host.memoryGB} GB, node ${host.node}, ${db.label}, ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s`);
  log(renderTable(rows));
  log('');
  log(`${t.met} met, ${t.MISSED} missed, ${t['not run']} not run, ${t.reported} reported${args.profile ? ' (profiled run: throughput figures are lower than without --profile)' : ''}`);

  const result = {
    bench: { name: BENCH_NAME, version: who.version, commit: who.commit, options: process.argv.slice(2), loadGenerator: `autocannon ${autocannonVersion()}` },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    elapsedS: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    machine: host,
    database: { kind: db.kind, label: db.label },
    settings: { secondsPerRun: settings.seconds, warmupSeconds: settings.warmupSeconds, members: MEMBERS, profiled: args.profile, idleRssMB: details.idleRssBytes ? Number(details.idleRssBytes) / MB : null },
    rows,
    tally: t,
    details,
    profiles: profileSummaries,
  };
  const out = path.join(RESULTS_DIR, 'latest.json');
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  log(`JSON: ${path.relative(process.cwd(), out) || out}   BFF log: ${path.relative(process.cwd(), logFile)}`);
}

main().catch((err) => {
  console.error(`bench failed: ${errorText(err)}`);
  process.exit(1);
});
