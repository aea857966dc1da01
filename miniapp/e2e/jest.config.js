/**
 * Browser tests: the built BFF serving the H5 build on a fresh database, driven in headless
 * Chromium by playwright-core. One file at a time (Chromium is heavy on two cores).
 */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['**/*.browser-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, types: ['node', 'jest'] } }] },
  moduleNameMapper: { '^@unionhome/shared$': '<rootDir>/../../shared/src/index.ts' },
  testTimeout: 180000,
  maxWorkers: 1,
};
