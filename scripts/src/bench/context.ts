// What every scenario gets: the running BFF, an API client, the database, the bench members and
// their tokens, the run's settings, and a place for details that go into the JSON.
import type { Bff } from './bff';
import type { BenchDatabase, Member } from './database';
import { Api, ApiResult, LoadResult, LoadSpec, load } from './http';
import { log } from './util';

export interface Settings {
  /** Seconds of each measured load run (BENCH_SECONDS, default 10). */
  seconds: number;
  /** Seconds of the warm-up before each measured load run (excluded from the figures). */
  warmupSeconds: number;
  /** Write a CPU profile of the BFF per scenario (bench-results/profiles). */
  profile: boolean;
  profileDir: string;
}

export interface QueryCount {
  statements: Record<string, number>;
  total: number;
  requests: number | null;
  perRequest: number | null;
  perRequestByKind: Record<string, number> | null;
}

export interface Context {
  bff: Bff;
  api: Api;
  db: BenchDatabase;
  members: Member[];
  /** Access tokens of the members, same order. */
  memberTokens: string[];
  settings: Settings;
  /** Scenario name → anything worth keeping in latest.json. */
  details: Record<string, unknown>;
  /** Profiles written in this run (scenario label → file). */
  profiles: Record<string, string>;
  /** SQL statements counted during each profiled scenario (--profile only). */
  queries: Record<string, QueryCount>;
}

/**
 * Runs `work` under the CPU profiler when --profile is on, and keeps the SQL statements the BFF
 * sent meanwhile, per request when `requests` says how many requests `work` made.
 */
export async function profiled<T>(ctx: Context, label: string, work: () => Promise<T>, requests?: (result: T) => number): Promise<T> {
  if (!ctx.settings.profile) return work();
  const file = `${ctx.settings.profileDir}/${label}.cpuprofile`;
  ctx.profiles[label] = file;
  const { result, queries, requests: received } = await ctx.bff.profile(file, work);
  if (queries) {
    // The BFF's own count of requests received (exact); the caller's count if it has none.
    const n = received ?? (requests ? requests(result) : null);
    const total = Object.values(queries).reduce((a, b) => a + b, 0);
    ctx.queries[label] = {
      statements: queries,
      total,
      requests: n,
      perRequest: n ? Math.round((total / n) * 100) / 100 : null,
      perRequestByKind: n ? Object.fromEntries(Object.entries(queries).map(([k, v]) => [k, Math.round((v / n) * 100) / 100])) : null,
    };
  }
  return result;
}

/** A warm-up run (discarded), then the measured run. */
export async function warmThenLoad(ctx: Context, spec: Omit<LoadSpec, 'origin' | 'duration'>, label: string): Promise<LoadResult> {
  await load({ ...spec, origin: ctx.bff.baseUrl, duration: ctx.settings.warmupSeconds });
  const r = await profiled(ctx, label, () => load({ ...spec, origin: ctx.bff.baseUrl, duration: ctx.settings.seconds }), (x) => x.total);
  log(
    `  ${label}: ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms` +
      (r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors (${JSON.stringify(r.statusCodes)})` : ''),
  );
  return r;
}

/** "GET /me/card → 404 {…}" for a table note, when an endpoint is not there (yet) or refuses. */
export function describeAnswer(what: string, r: ApiResult): string {
  const body = typeof r.body === 'string' ? r.body.slice(0, 160) : JSON.stringify(r.body)?.slice(0, 160);
  return `${what} → HTTP ${r.status} ${body}`;
}

export { Api };
