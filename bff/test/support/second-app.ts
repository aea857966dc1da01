import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import request from 'supertest';
import { GENEROUS_LIMITS, type Agent, type TestApp } from './test-app';

const BFF_ROOT = resolve(__dirname, '../..');

export interface SecondApp {
  http: Agent;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The environment that points another BFF at the first test app's database: the same data
 * directory (so the same generated PII keys) and, on MySQL, the same database URL.
 */
export function sameDatabaseEnv(first: TestApp): Record<string, string> {
  return {
    DATA_DIR: first.config.dataDir,
    ...(first.config.db.kind === 'mysql' ? { DB_URL: first.config.db.url } : {}),
    TOKEN_SECRET: first.config.tokenSecret,
  };
}

/**
 * Node code of the second process: it loads the BFF's TypeScript sources through TypeScript's own
 * transpiler (the same isolated-module transpilation ts-jest uses), builds the app with
 * createApp() — migrations already applied and data present, so nothing is re-created or
 * re-seeded — and prints the port it listens on.
 */
function childProgram(): string {
  return `
const fs = require('fs');
const path = require('path');
const Module = require('module');
const ts = require('typescript');
const root = ${JSON.stringify(BFF_ROOT)};
const sharedSrc = path.resolve(root, '../shared/src/index.ts');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (req, parent, ...rest) {
  return resolveFilename.call(this, req === '@unionhome/shared' ? sharedSrc : req, parent, ...rest);
};
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true, esModuleInterop: true, sourceMap: false };
require.extensions['.ts'] = function (mod, filename) {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions: options });
  mod._compile(out.outputText, filename);
};
require('reflect-metadata');
const { loadConfig } = require(path.join(root, 'src/config/app-config.ts'));
const { createApp } = require(path.join(root, 'src/app.factory.ts'));
(async () => {
  const app = await createApp(loadConfig());
  await app.listen(0, '127.0.0.1');
  process.stdout.write('SECOND_APP_PORT=' + app.getHttpServer().address().port + '\\n');
  process.on('SIGTERM', () => app.close().then(() => process.exit(0), () => process.exit(1)));
})().catch((err) => { console.error(err); process.exit(1); });
`;
}

/**
 * A second BFF instance on the first one's database, as a separate Node process — the way two
 * instances run behind a load balancer. (A second instance inside the test process would share its
 * event loop: better-sqlite3 is synchronous, so one instance waiting on SQLite's write lock would
 * freeze the other one holding it, which two real processes never do.)
 */
export async function startSecondApp(first: TestApp, env: Record<string, string> = {}): Promise<SecondApp> {
  const child: ChildProcess = spawn(process.execPath, ['-e', childProgram()], {
    cwd: BFF_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT: '100000',
      ...GENEROUS_LIMITS,
      H5_DIR: '',
      JOBS: 'false',
      DEMO: 'true',
      SEED_DEMO: 'false',
      ...sameDatabaseEnv(first),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`second app did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /SECOND_APP_PORT=(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`second app exited with ${code}:\n${output}`));
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    http: request(baseUrl),
    baseUrl,
    close: async () => {
      child.removeAllListeners('exit');
      if (child.exitCode !== null) return;
      await new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
    },
  };
}
