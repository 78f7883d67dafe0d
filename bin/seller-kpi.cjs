#!/usr/bin/env node
/**
 * `seller-kpi`: `npm start --` as a command of its own, from any folder (package.json "bin"; `npm link` puts it on the
 * PATH, `npx seller-kpi` runs it inside the clone). Same options, help, output and exit codes, because it runs the
 * same scripts/start.ts, bundled by `npm run build` into dist-cli/seller-kpi.cjs: plain Node, no tsx at run time.
 *
 * Plain CommonJS with no dependency, so it runs before anything is built. A fresh clone has no bundle yet, and after a
 * `git pull` the bundle is older than the sources: then it builds once (with the repository's own tsx and esbuild,
 * installed by `npm install`) and says so on stderr, so stdout stays the KPI table alone.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

// `npm link` installs a symlink to this file; Node runs the file at its real path, so the repository is found from it.
const root = resolve(__dirname, '..');
const bundle = join(root, 'dist-cli', 'seller-kpi.cjs');
const sourcesList = join(root, 'dist-cli', 'sources.json');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/**
 * The sources of the last build (listed by scripts/build.ts with their size and modification time) that are no longer
 * as they were, or every one when there was no build: empty means the bundle is current.
 */
function changedSources(listPath, base) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(listPath, 'utf8'));
  } catch {
    return ['(no build yet)'];
  }
  if (!Array.isArray(recorded)) return ['(no build yet)'];
  return recorded
    .filter((source) => {
      try {
        const stats = statSync(join(base, source.path));
        return stats.size !== source.size || stats.mtimeMs !== source.mtimeMs;
      } catch {
        return true;
      }
    })
    .map((source) => source.path);
}

/** The words of the two lines only this file says, in the language start.ts would pick before reading any file. */
function chinese(argv, environment) {
  const index = argv.findIndex((argument) => argument === '--lang' || argument.startsWith('--lang='));
  const given = index < 0 ? '' : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  if (given === 'en' || given === 'zh') return given === 'zh';
  return /^zh/i.test(environment.LC_ALL || environment.LC_MESSAGES || environment.LANG || '');
}

function buildBundle(zh) {
  if (!existsSync(tsxCli)) {
    console.error(
      zh
        ? `seller-kpi 需要先构建，但缺少仓库的依赖包：请在 ${root} 中运行 npm install，然后重试。`
        : `seller-kpi has to be built first and the repository's packages are missing: run npm install in ${root}, then try again.`,
    );
    return false;
  }
  console.error(
    zh
      ? 'seller-kpi：源码有更新，正在重新构建（几秒钟，仅此一次）…'
      : 'seller-kpi: building from the sources (a few seconds, once after each update)…',
  );
  // The build's own output goes to stderr as well: whatever reads our stdout gets the table alone.
  const build = spawnSync(process.execPath, [tsxCli, join(root, 'scripts', 'build.ts')], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (build.status === 0 && existsSync(bundle)) return true;
  console.error(
    zh
      ? `seller-kpi 无法从源码构建（构建信息见上方）：请在 ${root} 中运行 npm run build 查看并修正。`
      : `seller-kpi could not be built from the sources (the build's messages are above): run npm run build in ${root} to see them.`,
  );
  return false;
}

function run() {
  const argv = process.argv.slice(2);
  if (changedSources(sourcesList, root).length > 0 && !buildBundle(chinese(argv, process.env))) {
    process.exitCode = 1;
    return;
  }
  // start.ts reads paths from INIT_CWD, the folder npm was typed in (npm runs scripts from the package root). A bin
  // runs in the user's folder itself, and an INIT_CWD inherited from some other npm script must not win over it.
  process.env.INIT_CWD = process.cwd();
  require(bundle);
}

if (require.main === module) run();

module.exports = { changedSources };
