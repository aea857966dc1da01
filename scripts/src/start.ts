// `npm start`: build everything, then run the BFF, which migrates, seeds an empty database and
// serves the API at /api/v1 and the H5 app at /. Settings come from the environment (README).
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, run } from './lib';

run(process.execPath, [path.join(__dirname, 'build.js')]);
const child = spawn(process.execPath, [path.join(ROOT, 'bff/dist/main.js')], {
  stdio: 'inherit',
  cwd: ROOT,
  env: { ...process.env, H5_DIR: process.env.H5_DIR || path.join(ROOT, 'miniapp/dist/h5') },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
