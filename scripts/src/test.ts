/**
 * `npm test`: every suite, in the order a failure is cheapest to find:
 *   1. shared rules (table and property tests)
 *   2. BFF through HTTP against a real database (SQLite, or MySQL when TEST_DB_URL is set)
 *   3. mini-app components (jest + testing-library)
 *   4. browser tests of the H5 build in headless Chromium (playwright-core)
 * Where Chromium is missing the browser tests are skipped with one line, unless
 * REQUIRE_BROWSER=1 (set by .ci/run), where a skipped browser test is a failure.
 * Ends with one line "N passed, N failed, N skipped".
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT, run } from './lib';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const requireBrowser = process.env.REQUIRE_BROWSER === '1';
const only = process.argv.slice(2); // e.g. `npm test -- bff browser`
const want = (name: string) => only.length === 0 || only.includes(name);

const outDir = path.join(ROOT, 'test-results');
mkdirSync(outDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSuites: string[] = [];

function jest(name: string, config: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const report = path.join(outDir, `${name}.jest.json`);
  rmSync(report, { force: true });
  console.log(`\n▶ ${name} tests`);
  const status = run(bin('jest'), ['-c', config, '--json', `--outputFile=${report}`, ...extra], { allowFail: true, env });
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) totals.failed += r.numFailedTestSuites; // a suite that failed to load
  } else if (status !== 0) {
    totals.failed += 1;
  }
  if (status !== 0) failedSuites.push(name);
}

console.log(`UnionHome tests on ${process.env.TEST_DB_URL ? 'MySQL/MariaDB (TEST_DB_URL)' : 'SQLite (set TEST_DB_URL=mysql://… for MySQL)'}`);
run(bin('tsc'), ['-p', 'shared/tsconfig.json']);

if (want('shared')) jest('shared', 'shared/jest.config.js');
if (want('bff')) jest('bff', 'bff/jest.config.js');
if (want('miniapp')) jest('miniapp', 'miniapp/jest.config.js');

if (want('browser')) {
  if (!existsSync(CHROMIUM)) {
    console.log(`\n⚠ browser tests skipped: no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium fonts-noto-cjk)`);
    totals.skipped += 1;
    if (requireBrowser) {
      totals.failed += 1;
      failedSuites.push('browser (Chromium missing)');
    }
  } else {
    console.log('\n▶ building the BFF and the H5 mini-app for the browser tests');
    run(process.execPath, [path.join(__dirname, 'build.js')]);
    jest('browser', 'miniapp/e2e/jest.config.js', [], { CHROMIUM_PATH: CHROMIUM });
  }
}

console.log(`\nScreenshots and reports: ${path.relative(process.cwd(), outDir) || '.'}/`);
if (failedSuites.length) console.log(`Failed: ${failedSuites.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSuites.length || totals.failed ? 1 : 0);
