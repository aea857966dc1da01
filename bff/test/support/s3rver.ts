import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BUCKET = 'uh-photos';
// s3rver's built-in account.
export const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** s3rver (a local S3-compatible server) as its own process, as a real object store would be. */
export async function startS3rver(): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'uh-s3-'));
  const bin = resolve(__dirname, '../../../node_modules/s3rver/bin/s3rver.js');
  const child: ChildProcess = spawn(process.execPath, [bin, '-d', dir, '-a', '127.0.0.1', '-p', '0', '--configure-bucket', BUCKET], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const endpoint = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`s3rver did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /listening on ([\d.]+):(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(`http://${m[1]}:${m[2]}`);
      }
    });
    child.on('exit', (code) => fail(new Error(`s3rver exited with ${code}:\n${output}`)));
  });
  return {
    endpoint,
    stop: async () => {
      child.removeAllListeners('exit');
      await new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
