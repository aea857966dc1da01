// Preloaded into the BFF (`node -r profiler.js bff/dist/main.js`) only for `npm run bench -- --profile`.
// Over the IPC channel the bench asks it to start before a scenario and to stop after; it then
//  - writes the V8 CPU profile of just that scenario (.cpuprofile: open it in Chrome DevTools →
//    Performance, or read the summary the bench prints), and
//  - answers how many SQL statements TypeORM sent meanwhile, by kind (SELECT, INSERT, …, and
//    transaction control), so "queries per request" shows an N+1 or a chatty transaction at once.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

type Counts = Record<string, number>;
let counts: Counts = {};
/** HTTP requests the BFF received while counting (the denominator of "statements per request"). */
let requests = 0;

function countRequests(): void {
  const http = require('node:http') as typeof import('node:http');
  const emit = http.Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') requests++;
    return emit.apply(this, [event, ...args]);
  } as typeof http.Server.prototype.emit;
}

/** Counts every statement through TypeORM's query runners (the same module instances the BFF loads). */
function countQueries(): void {
  const runners: Array<[string, string]> = [
    ['typeorm/driver/mysql/MysqlQueryRunner', 'MysqlQueryRunner'],
    ['typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner', 'BetterSqlite3QueryRunner'],
  ];
  for (const [file, name] of runners) {
    let proto: { query: (sql: string, ...rest: unknown[]) => Promise<unknown> } | undefined;
    try {
      proto = (require(file) as Record<string, { prototype: typeof proto }>)[name]?.prototype;
    } catch {
      continue;
    }
    if (!proto) continue;
    const original = proto.query;
    proto.query = function (this: unknown, sql: string, ...rest: unknown[]) {
      const kind = /^\s*(\w+)/.exec(String(sql))?.[1]?.toUpperCase() ?? '?';
      counts[kind] = (counts[kind] ?? 0) + 1;
      return original.call(this, sql, ...rest);
    };
  }
}

if (process.send) {
  countQueries();
  countRequests();
  const session = new Session();
  session.connect();
  const post = <T = unknown>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((ok, fail) => session.post(method, params, (err, res) => (err ? fail(err) : ok(res as T))));
  process.on('message', (msg: { bench?: string; file?: string }) => {
    const reply = (m: Record<string, unknown>) => process.send?.(m);
    if (msg?.bench === 'profile-start') {
      counts = {};
      requests = 0;
      post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: 250 }))
        .then(() => post('Profiler.start'))
        .then(() => reply({ bench: 'profile-started' }), (err) => reply({ bench: 'profile-started', error: String(err) }));
    } else if (msg?.bench === 'profile-stop' && msg.file) {
      const file = msg.file;
      const queries = counts;
      const received = requests;
      post<{ profile: unknown }>('Profiler.stop')
        .then(({ profile }) => writeFileSync(file, JSON.stringify(profile)))
        .then(() => reply({ bench: 'profile-written', file, queries, requests: received }), (err) => reply({ bench: 'profile-written', error: String(err), queries, requests: received }));
    }
  });
  // The channel must not keep the BFF alive once it is told to stop.
  (process.channel as { unref?: () => void } | undefined)?.unref?.();
}
