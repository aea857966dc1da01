// The BFF under test: the BUILT bff/dist/main.js in a separate process, as `npm start` runs it.
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, WriteStream, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, sleep } from './util';

export const BFF_MAIN = path.join(ROOT, 'bff/dist/main.js');

/** Settings the bench owns; anything of the caller's shell that would change them is dropped. */
const OVERRIDDEN = ['DB_URL', 'TEST_DB_URL', 'BENCH_DB_URL', 'NODE_ENV', 'PORT', 'HOST', 'DATA_DIR', 'LOG_FILE', 'STORAGE', 'SEED_DEMO', 'DEV_LOGIN', 'DEMO'];

export interface BffSettings {
  /** DATA_DIR and, for MySQL, DB_URL. */
  dbEnv: Record<string, string>;
  /** Appends the BFF's own output here (warnings and errors only: LOG_LEVEL=warn). */
  logFile: string;
  /** Start the in-process CPU profiler hook (profiler.js) for `--profile`. */
  profiling: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface Memory {
  /** Resident set now, and its high-water mark since start (or since resetPeak), in bytes. */
  rss: number;
  hwm: number;
}

export class Bff {
  private tail = '';
  private exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
    /** Milliseconds from spawning the process to the first 200 of /api/v1/health. */
    public readyMs: number,
    private readonly logStream: WriteStream,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  get api(): string {
    return `${this.baseUrl}/api/v1`;
  }

  /** Spawns the built BFF and waits for the first 200 of /health; the time it took is `readyMs`. */
  static async start(settings: BffSettings): Promise<Bff> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of OVERRIDDEN) delete env[name];
    Object.assign(env, settings.dbEnv, {
      NODE_ENV: 'development',
      DEMO: 'true', // the demo seed and dev-login mint the members' tokens, on MySQL too
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT: '1000000',
      RATE_LIMIT_ADDRESS: '100000000',
      RATE_LIMIT_BOOKING: '1000000',
      RATE_LIMIT_UPLOAD: '1000000',
      JOBS: 'false',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    });
    const execArgv = settings.profiling ? ['-r', path.join(__dirname, 'profiler.js')] : [];
    const logStream = createWriteStream(settings.logFile, { flags: 'a' });
    const started = performance.now();
    const child = spawn(process.execPath, [...execArgv, BFF_MAIN], {
      cwd: ROOT,
      env,
      stdio: settings.profiling ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const bff = new Bff(child, `http://127.0.0.1:${port}`, 0, logStream);
    const onData = (chunk: Buffer) => {
      logStream.write(chunk);
      bff.tail = (bff.tail + chunk.toString()).slice(-4000);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code, signal) => {
      bff.exited = { code, signal };
    });
    const deadline = started + 120_000;
    for (;;) {
      if (bff.exited) throw new Error(`the BFF exited (${bff.exited.code ?? bff.exited.signal}) before it answered /health:\n${bff.tail}`);
      if (performance.now() > deadline) {
        await bff.stop();
        throw new Error(`the BFF did not answer /health within 120 s:\n${bff.tail}`);
      }
      try {
        const res = await fetch(`${bff.api}/health`, { signal: AbortSignal.timeout(1000) });
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      await sleep(20);
    }
    bff.readyMs = performance.now() - started;
    return bff;
  }

  /** The last lines the BFF printed (for error messages). */
  output(): string {
    return this.tail;
  }

  /** VmRSS and VmHWM of the BFF process from /proc (Linux). */
  memory(): Memory | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
    } catch {
      return null;
    }
  }

  /** Resets VmHWM to the current RSS (writing 5 to clear_refs, Linux ≥ 4.0); false when refused. */
  resetPeak(): boolean {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Records a CPU profile of the BFF while `work` runs, and counts the SQL statements it sent
   * (only when started with profiling; otherwise `queries` is null).
   */
  async profile<T>(file: string, work: () => Promise<T>): Promise<{ result: T; queries: Record<string, number> | null; requests: number | null }> {
    if (!this.child.send) return { result: await work(), queries: null, requests: null };
    await this.ask({ bench: 'profile-start' }, 'profile-started');
    const stop = () => this.ask({ bench: 'profile-stop', file }, 'profile-written');
    let result: T;
    try {
      result = await work();
    } catch (err) {
      await stop().catch(() => undefined);
      throw err;
    }
    // Requests the load generator gave up on at the end still finish their database work: let them.
    await sleep(500);
    const answer = await stop();
    return { result, queries: (answer.queries as Record<string, number> | undefined) ?? null, requests: typeof answer.requests === 'number' ? answer.requests : null };
  }

  private ask(message: Record<string, unknown>, answer: string): Promise<Record<string, unknown>> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`the BFF's profiler did not answer ${String(message.bench)}`)), 30_000);
      const onMessage = (m: Record<string, unknown>) => {
        if (m?.bench !== answer) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        ok(m);
      };
      this.child.on('message', onMessage);
      this.child.send!(message);
    });
  }

  async stop(): Promise<void> {
    if (this.exited) {
      this.logStream.end();
      return;
    }
    await new Promise<void>((done) => {
      const kill = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      this.child.once('exit', () => {
        clearTimeout(kill);
        done();
      });
      this.child.kill('SIGTERM');
    });
    this.logStream.end();
  }
}
