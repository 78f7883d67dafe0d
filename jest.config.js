/** Jest runs TypeScript through swc (transpile only; `npm run typecheck` does the type checking). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  // The sample exports are a module the build generates into dist/main.js; tests importing src/ read them from disk.
  moduleNameMapper: { '^seller-kpi-samples$': '<rootDir>/scripts/lib/sampleExportsModule.ts' },
  setupFiles: ['<rootDir>/test/setup-timezone.js'],
  globalSetup: '<rootDir>/test/global-setup.js',
  reporters: ['default', '<rootDir>/test/count-reporter.js'],
  testTimeout: 30000,
};
