// Small helpers shared by the scripts: run a command with inherited output, fail loudly.
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export function run(cmd: string, args: string[], opts: SpawnSyncOptions & { allowFail?: boolean; env?: NodeJS.ProcessEnv } = {}): number {
  const { allowFail, env, ...rest } = opts;
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...rest, env: { ...process.env, ...(env || {}) }, shell: false });
  if (res.status !== 0 && !allowFail) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${res.status})`);
    process.exit(res.status || 1);
  }
  return res.status ?? 1;
}

export const bin = (name: string): string => path.join(ROOT, 'node_modules', '.bin', name);
