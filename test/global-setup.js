// Integration, browser and build tests load the built dist/: build it once per test run, from the current sources.
const { execFileSync } = require('node:child_process');
const { resolve } = require('node:path');

module.exports = function globalSetup() {
  execFileSync('npx', ['tsx', 'scripts/build.ts'], { cwd: resolve(__dirname, '..'), stdio: 'inherit' });
};
