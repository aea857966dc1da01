// Builds shared (CommonJS + types), the BFF, and the H5 mini-app. `--weapp` also builds the
// WeChat package; `--skip-h5` leaves the H5 build alone.
import { bin, run } from './lib';

const args = process.argv.slice(2);
console.log('▶ building shared');
run(bin('tsc'), ['-p', 'shared/tsconfig.json']);
console.log('▶ building the BFF');
run(bin('tsc'), ['-p', 'bff/tsconfig.build.json']);
if (!args.includes('--skip-h5')) {
  console.log('▶ building the H5 mini-app');
  run('npm', ['run', 'build:h5', '-w', 'miniapp', '--silent'], { env: { NODE_ENV: 'production' } });
}
if (args.includes('--weapp')) {
  console.log('▶ building the WeChat mini-program');
  run('npm', ['run', 'build:weapp', '-w', 'miniapp', '--silent'], { env: { NODE_ENV: 'production' } });
}
