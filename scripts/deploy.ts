/**
 * `npm run deploy`: builds dist/ and pushes it with clasp to the Apps Script project named in .clasp.json.
 * Checks first that a real script id is there, so a new user gets a step to follow instead of clasp's API error.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAll } from './build';

const root = resolve(__dirname, '..');

async function main(): Promise<void> {
  const project = JSON.parse(readFileSync(resolve(root, '.clasp.json'), 'utf8')) as {
    scriptId?: string;
    rootDir?: string;
  };
  if (
    !project.scriptId ||
    project.scriptId.startsWith('PASTE_') ||
    !/^[A-Za-z0-9_-]{30,}$/.test(project.scriptId)
  ) {
    console.error(
      'No Apps Script project yet: put your script id into .clasp.json ("scriptId").\n' +
        'See README › Deploying with clasp / 使用 clasp 部署.\n' +
        '.clasp.json 中还没有脚本 ID：请按 README「使用 clasp 部署」一节填写 scriptId。',
    );
    process.exit(1);
  }
  if (project.rootDir !== 'dist')
    throw new Error('.clasp.json must keep "rootDir": "dist" (what the build writes)');
  // `npm run deploy -- --bigquery` pushes the BigQuery flavour (its manifest enables the BigQuery service; README › BigQuery).
  await buildAll({ bigQuery: process.argv.includes('--bigquery') });
  // --force: the manifest in dist/ is ours and replaces the remote one (clasp asks otherwise).
  const push = spawnSync('npx', ['clasp', 'push', '--force'], { cwd: root, stdio: 'inherit' });
  process.exit(push.status ?? 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
