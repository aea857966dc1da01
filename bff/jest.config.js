/**
 * BFF tests: HTTP-level (supertest) against a real database running the real migrations.
 * SQLite by default; MySQL/MariaDB when TEST_DB_URL=mysql://user:pass@host:3306/any is set
 * (each test file creates and drops its own database).
 */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.e2e-spec.ts', '**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@unionhome/shared$': '<rootDir>/../shared/src/index.ts' },
  testTimeout: 60000,
  maxWorkers: 2,
};
