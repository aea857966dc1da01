// Small helpers shared by the scripts: run a command with inherited output, fail loudly.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, env: { ...process.env, ...(opts.env || {}) }, ...opts, shell: false });
  if (res.status !== 0 && !opts.allowFail) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${res.status})`);
    process.exit(res.status || 1);
  }
  return res.status;
}

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

module.exports = { ROOT, run, bin };
