/**
 * The `seller-kpi` command (package.json "bin") as a user meets it: bin/seller-kpi.cjs spawned from a folder of the
 * user's own, directly, through the symlink `npm link` installs, and through `npx` inside the clone. It runs the bundle
 * dist-cli/seller-kpi.cjs that the test run's build (test/global-setup.js) made from scripts/start.ts.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const bin = join(root, 'bin', 'seller-kpi.cjs');
const bundle = join(root, 'dist-cli', 'seller-kpi.cjs');
const samples = join(root, 'samples');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { changedSources } = require(bin) as { changedSources: (list: string, base: string) => string[] };

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'seller-kpi-bin-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What the run said on stderr besides the launcher's own notice that it rebuilt the bundle: other engineers' edits to
 * the sources while the tests run make any run a rebuild (tested on its own below), and the notice is all it adds.
 */
const complaints = (run: Run): string =>
  run.stderr.replace(
    /^seller-kpi: building from the sources \(a few seconds, once after each update\)…\n/m,
    '',
  );

/**
 * Runs `command` in the user's folder. INIT_CWD points elsewhere on purpose: a bin started from some other npm
 * script inherits one, and the folder the user is in must still win.
 */
function spawnIn(
  cwd: string,
  command: string,
  args: readonly string[],
  options: { lang?: string } = {},
): Run {
  const result = spawnSync(command, [...args], {
    cwd,
    env: {
      ...process.env,
      INIT_CWD: tmpdir(),
      LANG: options.lang ?? 'en_US.UTF-8',
      LC_ALL: '',
      LC_MESSAGES: '',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sellerKpi = (args: readonly string[], options: { lang?: string } = {}): Run =>
  spawnIn(folder, process.execPath, [bin, ...args], options);

/** The cells of the KPI table's line for a channel. */
const channelLine = (run: Run, channel: string): string[] =>
  run.stdout
    .split('\n')
    .find((line) => line.startsWith(`${channel} `))
    ?.trim()
    .split(/\s+/) ?? [];

describe('seller-kpi reads the files named from the folder it is run in', () => {
  it('prints the sample Shopify file’s table and writes out/ in that folder', () => {
    copyFileSync(join(samples, 'shopify-orders.csv'), join(folder, 'shopify-orders.csv'));
    const run = sellerKpi(['shopify-orders.csv']);
    expect(run.status).toBe(0);
    expect(complaints(run)).toBe('');
    expect(run.stdout).toContain(
      'shopify-orders.csv: Shopify orders export, 2026-03-02 to 2026-03-04: 5 rows read, 5 counted, 0 with issues',
    );
    // 2 paid orders (one of two SKUs), 4 units, 20.00 + 30.00 + 45.00 = 95.00; no ad report covers Shopify.
    expect(channelLine(run, 'shopify').slice(0, 7)).toEqual(['shopify', '2', '4', '95.00', '—', '—', '—']);
    const summary = readFileSync(join(folder, 'out', 'kpi-summary.csv'), 'utf8');
    expect(summary.split('\n')[0]).toMatch(/^date,channel,sku,units,orders,revenue/);
  });

  it('exit code 1 and one sentence for a file that is not there, naming the folder it looked in', () => {
    const run = sellerKpi(['missing.csv']);
    expect(run.status).toBe(1);
    expect(complaints(run).trim()).toBe(`missing.csv does not exist (paths are read from ${folder}).`);
  });
});

describe('seller-kpi --help and command-line mistakes', () => {
  it('shows the help under the command’s own name, every option and the exit codes', () => {
    const run = sellerKpi(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Usage: seller-kpi [options] [file or folder …]');
    for (const option of [
      '--lang',
      '--tz',
      '--out DIR',
      '--costs FILE',
      '--settings FILE',
      '--products FILE',
    ]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain('Exit codes: 0 done, 1 no readable export among the files, 2 a mistake');
    expect(run.stdout).toContain('\n  seller-kpi --lang zh --tz Asia/Shanghai exports/');
  });

  it('shows the help in Chinese on a Chinese system', () => {
    const run = sellerKpi(['-h'], { lang: 'zh_CN.UTF-8' });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('用法：seller-kpi [选项] [文件或文件夹 …]');
    expect(run.stdout).toContain('退出码：0 完成');
  });

  it.each([
    [['--colour'], 'Unknown option --colour. Run `seller-kpi --help` for the options.'],
    [['--lang', 'fr'], '--lang takes en or zh, not “fr”.'],
  ])('exit code 2 with one sentence for %j', (args, sentence) => {
    const run = sellerKpi(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(complaints(run)).toContain(sentence);
    expect(complaints(run).trim().split('\n')).toHaveLength(1);
  });
});

describe('seller-kpi installed the ways a clone offers', () => {
  it('runs through the symlink npm link puts on the PATH, finding the bundled samples from the real file', () => {
    const pathFolder = join(folder, 'global-bin');
    mkdirSync(pathFolder);
    symlinkSync(bin, join(pathFolder, 'seller-kpi'));
    const run = spawnIn(folder, join(pathFolder, 'seller-kpi'), []);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /amazon-all-orders-2026-03-03\.txt: .*: 8 rows read, 5 counted, 3 with issues/,
    );
    // Amazon: revenue 208.90 over 11 units, ad spend 45.70 (samples/README.md works these out by hand).
    expect(channelLine(run, 'amazon').slice(2, 5)).toEqual(['11', '208.90', '45.70']);
    expect(readFileSync(join(folder, 'out', 'data-issues.csv'), 'utf8')).toMatch(/^Sheet,Row,Key,Reason/);
  });

  it('is installed by `npm link` (here into a prefix of the test’s own, offline) and runs from any folder', () => {
    const prefix = join(folder, 'npm-prefix');
    const link = spawnSync('npm', ['link', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: root,
      env: { ...process.env, npm_config_prefix: prefix },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(link.status).toBe(0);
    const run = spawnIn(folder, join(prefix, 'bin', 'seller-kpi'), ['--lang', 'zh', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('用法：seller-kpi [选项] [文件或文件夹 …]');
  });

  it('runs as `npx seller-kpi` inside the clone, from a subfolder', () => {
    const out = join(folder, 'results');
    const run = spawnIn(samples, 'npx', ['--no-install', 'seller-kpi', 'walmart-orders.csv', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('walmart-orders.csv: Walmart');
    // 13.49 + 42.00; the cancelled purchase order is not a sale.
    expect(channelLine(run, 'walmart')[3]).toBe('55.49');
    expect(readFileSync(join(out, 'kpi-summary.csv'), 'utf8')).toContain('walmart');
  });
});

describe('the seller-kpi bundle', () => {
  it('needs nothing but Node itself: no tsx, no node_modules', () => {
    const requires = [...readFileSync(bundle, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map(
      (m) => m[1] ?? '',
    );
    expect(requires.filter((name) => !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([]);
    // A copy far from the repository's node_modules still runs.
    const alone = join(folder, 'elsewhere', 'dist-cli');
    mkdirSync(alone, { recursive: true });
    copyFileSync(bundle, join(alone, 'seller-kpi.cjs'));
    const run = spawnIn(folder, process.execPath, [join(alone, 'seller-kpi.cjs'), '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--costs FILE');
  });

  it('is not in dist/, the folder clasp pushes to Apps Script', () => {
    const clasp = JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8')) as { rootDir?: string };
    expect(clasp.rootDir).toBe('dist');
    expect(resolve(root, clasp.rootDir ?? '.', '..')).toBe(root);
    expect(bundle.startsWith(join(root, 'dist') + '/')).toBe(false);
  });
});

describe('seller-kpi builds itself again when the sources changed', () => {
  it('names the sources whose size or modification time differ from the last build’s, and every one with no build', () => {
    const source = join(folder, 'kpi.ts');
    writeFileSync(source, 'export const a = 1;\n');
    const list = join(folder, 'sources.json');
    const record = (): void => {
      const { size, mtimeMs } = statSync(source);
      writeFileSync(list, JSON.stringify([{ path: 'kpi.ts', size, mtimeMs }]));
    };
    record();
    expect(changedSources(list, folder)).toEqual([]);
    utimesSync(source, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(changedSources(list, folder)).toEqual(['kpi.ts']);
    record();
    // Same modification time, other size: how an updated npm package looks (npm unpacks with one fixed time).
    const { mtime } = statSync(source);
    writeFileSync(source, 'export const a = 12;\n');
    utimesSync(source, mtime, mtime);
    expect(changedSources(list, folder)).toEqual(['kpi.ts']);
    rmSync(source);
    expect(changedSources(list, folder)).toEqual(['kpi.ts']);
    expect(changedSources(join(folder, 'none.json'), folder)).toEqual(['(no build yet)']);
  });

  it('rebuilds a stale bundle before running, saying so on stderr and keeping stdout for the table', () => {
    const list = join(root, 'dist-cli', 'sources.json');
    const recorded = JSON.parse(readFileSync(list, 'utf8')) as {
      path: string;
      size: number;
      mtimeMs: number;
    }[];
    const start = recorded.find((source) => source.path === 'scripts/start.ts');
    expect(start).toBeDefined();
    // As if scripts/start.ts had changed since the last build.
    writeFileSync(
      list,
      JSON.stringify(
        recorded.map((source) => (source === start ? { ...source, size: source.size + 1 } : source)),
      ),
    );
    copyFileSync(join(samples, 'walmart-orders.csv'), join(folder, 'walmart-orders.csv'));
    const run = sellerKpi(['walmart-orders.csv']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('seller-kpi: building from the sources');
    expect(run.stdout.startsWith('Seller KPI — ')).toBe(true);
    const rebuilt = JSON.parse(readFileSync(list, 'utf8')) as { path: string; size: number }[];
    expect(rebuilt.find((source) => source.path === 'scripts/start.ts')?.size).toBe(
      readFileSync(join(root, 'scripts', 'start.ts')).length,
    );
  });

  it('ends with one sentence and exit code 1 when the build fails', () => {
    // A clone whose build fails: a stand-in for tsx that exits with an error, as a syntax error in src/ would.
    const clone = join(folder, 'clone');
    mkdirSync(join(clone, 'bin'), { recursive: true });
    mkdirSync(join(clone, 'node_modules', 'tsx', 'dist'), { recursive: true });
    copyFileSync(bin, join(clone, 'bin', 'seller-kpi.cjs'));
    writeFileSync(join(clone, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'process.exit(3);\n');
    const run = spawnIn(folder, process.execPath, [join(clone, 'bin', 'seller-kpi.cjs'), '--help']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').pop()).toBe(
      `seller-kpi could not be built from the sources (the build's messages are above): run npm run build in ${clone} to see them.`,
    );
  });

  it('says in one sentence to run npm install when it cannot build', () => {
    // A copy of the launcher in a folder with no bundle and no node_modules: what a clone before npm install holds.
    const clone = join(folder, 'clone');
    mkdirSync(join(clone, 'bin'), { recursive: true });
    copyFileSync(bin, join(clone, 'bin', 'seller-kpi.cjs'));
    const run = spawnIn(folder, process.execPath, [join(clone, 'bin', 'seller-kpi.cjs'), '--help']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      `seller-kpi has to be built first and the repository's packages are missing: run npm install in ${clone}, then try again.`,
    );
  });
});
