/** Jest runs TypeScript through swc (transpile only; `npm run typecheck` does the type checking). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  setupFiles: ['<rootDir>/test/setup-timezone.js'],
  globalSetup: '<rootDir>/test/global-setup.js',
  reporters: ['default', '<rootDir>/test/count-reporter.js'],
  testTimeout: 30000,
};
