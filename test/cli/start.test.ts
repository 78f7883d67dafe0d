/**
 * `npm start` as a user meets it: the script spawned as a child process from a folder of the user's own, with the
 * exit code, stdout and stderr it gives them. npm passes the user's folder as INIT_CWD (the script itself runs from
 * the package root), so the tests do the same.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const startScript = join(root, 'scripts', 'start.ts');
const samples = join(root, 'samples');

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'seller-kpi-cli-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function npmStart(args: readonly string[], options: { lang?: string } = {}): Run {
  const result = spawnSync(process.execPath, [tsxCli, startScript, ...args], {
    cwd: root,
    env: { ...process.env, INIT_CWD: folder, LANG: options.lang ?? 'en_US.UTF-8', LC_ALL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sample(name: string, as = name): string {
  copyFileSync(join(samples, name), join(folder, as));
  return as;
}

/** One sentence, no stack trace: what a user reads when something is wrong. */
function expectOneSentence(run: Run): void {
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe('npm start reads the files a user names, from their own folder', () => {
  it('reads a file named relative to the folder the command was typed in, and writes out/ there', () => {
    sample('shopify-orders.csv');
    const run = npmStart(['shopify-orders.csv']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'shopify-orders.csv: Shopify orders export, 2026-03-02 to 2026-03-04: 5 rows read',
    );
    const summary = readFileSync(join(folder, 'out', 'kpi-summary.csv'), 'utf8');
    expect(summary.split('\n')[0]).toMatch(/^date,channel,sku,units,orders,revenue/);
  });

  it('writes to the folder given with --out', () => {
    sample('walmart-orders.csv');
    const run = npmStart(['walmart-orders.csv', '--out', 'results']);
    expect(run.status).toBe(0);
    expect(readFileSync(join(folder, 'results', 'data-issues.csv'), 'utf8')).toMatch(/^Sheet,Row,Key,Reason/);
  });

  it('counts a channel’s orders as distinct orders, not the sum of its SKUs’ order counts', () => {
    // The sample Shopify export has 2 paid orders, one of them with two SKUs: 3 SKU rows, 2 orders.
    sample('shopify-orders.csv');
    const run = npmStart(['shopify-orders.csv']);
    const shopify = run.stdout.split('\n').find((line) => line.startsWith('shopify '));
    expect(shopify?.trim().split(/\s+/).slice(0, 4)).toEqual(['shopify', '2', '4', '95.00']);
  });

  it('leaves ad spend, ACoS and TACoS blank for a channel no ad report covers, and fills them where one does', () => {
    const run = npmStart([samples]);
    const cells = (channel: string): string[] =>
      run.stdout
        .split('\n')
        .find((line) => line.startsWith(`${channel} `))
        ?.trim()
        .split(/\s+/) ?? [];
    expect(cells('walmart').slice(4, 7)).toEqual(['—', '—', '—']);
    expect(cells('amazon').slice(4, 7)).toEqual(['45.70', '30.9%', '21.9%']);
  });

  it('recognises Costs and Settings by their header whatever the files are called', () => {
    sample('amazon-all-orders-2026-03-04.txt');
    sample('Costs.csv', 'my unit costs 2026.csv');
    writeFileSync(join(folder, 'config.csv'), 'key,value\nreporting_time_zone,Asia/Shanghai\n');
    const run = npmStart(['.']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('my unit costs 2026.csv: the Costs table, 3 SKUs with a cost');
    expect(run.stdout).toContain('config.csv: the Settings table');
    expect(run.stdout).toContain('reporting time zone Asia/Shanghai');
  });

  it('takes a Costs file named with --costs even when its header is not the template’s', () => {
    sample('amazon-all-orders-2026-03-04.txt');
    writeFileSync(join(folder, 'costs.txt'), 'SKU,Unit Cost\nMUG-01,4\n');
    const run = npmStart(['amazon-all-orders-2026-03-04.txt', '--costs', 'costs.txt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('costs.txt: the Costs table');
  });

  it('says in words what each Settings problem is, never [object Object]', () => {
    sample('walmart-orders.csv');
    writeFileSync(join(folder, 'settings.csv'), 'key,value\nreporting_time_zone,Mars/Base\n');
    const run = npmStart(['.']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"Mars/Base" is not a time zone');
    expect(run.stdout).not.toContain('[object Object]');
  });

  it('--tz overrides the reporting time zone', () => {
    sample('walmart-orders.csv');
    const run = npmStart(['walmart-orders.csv', '--tz', 'Asia/Shanghai']);
    expect(run.stdout).toContain('reporting time zone Asia/Shanghai');
  });

  it('groups the Data Issues under the sheet they are about, with plural words that agree', () => {
    const run = npmStart([samples]);
    expect(run.stdout).toContain(
      '  amazon-all-orders-2026-03-03 (3 issues):\n    row 8  112-3345007-1000007:',
    );
    expect(run.stdout).toContain('  Costs (1 issue):');
    expect(run.stdout).toMatch(/amazon-fba-customer-returns\.txt: .*: 1 row read, 1 counted, 0 with issues/);
    expect(run.stdout).toMatch(
      /amazon-all-orders-2026-03-03\.txt: .*: 8 rows read, 5 counted, 3 with issues/,
    );
  });

  it('prints the table and its words in Chinese with --lang zh', () => {
    sample('shopify-orders.csv');
    const run = npmStart(['--lang', 'zh', 'shopify-orders.csv']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('读取 5 行，计入 5 行，0 行有问题');
    expect(run.stdout).toMatch(/渠道\s+订单\s+销量\s+销售额/);
  });
});

describe('npm start --help', () => {
  it('lists every option in English', () => {
    const run = npmStart(['--help']);
    expect(run.status).toBe(0);
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
    expect(run.stdout).toContain('Exit codes: 0 done, 1 no readable export');
  });

  it('is in Chinese for a Chinese system or with --lang zh', () => {
    expect(npmStart(['-h'], { lang: 'zh_CN.UTF-8' }).stdout).toContain('用法：npm start');
    expect(npmStart(['--lang', 'zh', '--help']).stdout).toContain('退出码：0 完成');
  });
});

describe('npm start fails with one sentence and an exit code', () => {
  it.each([
    [['--lang', 'fr'], '--lang takes en or zh, not “fr”.'],
    [['--colour'], 'Unknown option --colour.'],
    [['--out'], 'The option --out needs a value.'],
    [['--tz', 'Mars/Base'], '--tz takes an IANA time zone'],
  ])('exit code 2 for a command-line mistake: %j', (args, sentence) => {
    const run = npmStart(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(sentence);
    expectOneSentence(run);
    expect(run.stdout).toBe('');
  });

  it('complains in Chinese on a Chinese system', () => {
    const run = npmStart(['--colour'], { lang: 'zh_CN.UTF-8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('未知选项 --colour。');
  });

  it('exit code 1 for a path that does not exist, naming the folder paths are read from', () => {
    const run = npmStart(['missing.csv']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`missing.csv does not exist (paths are read from ${folder}).`);
  });

  it('exit code 1 for an empty folder', () => {
    mkdirSync(join(folder, 'downloads'));
    const run = npmStart(['downloads']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('The folder downloads holds no .csv, .tsv or .txt file to read.');
  });

  it('exit code 1 for an empty file, a text file and a lone Settings file, each with its reason', () => {
    writeFileSync(join(folder, 'empty.csv'), '');
    writeFileSync(join(folder, 'notes.txt'), 'call the forwarder on Monday\nask about the duty rate\n');
    writeFileSync(join(folder, 'Settings.csv'), 'key,value\nbase_currency,USD\n');
    const run = npmStart(['.']);
    expect(run.status).toBe(1);
    expectOneSentence(run);
    expect(run.stderr).toContain('No export this tool can read among the 3 files given:');
    expect(run.stderr).toContain('empty.csv is empty');
    expect(run.stderr).toContain('notes.txt has no header row of a known report in its first 15 rows');
    expect(run.stderr).toContain('Settings.csv is the Settings table, not an export');
    expect(run.stderr).not.toContain('sidebar');
  });

  it('exit code 1 for an Excel workbook, naming the file and what to do', () => {
    writeFileSync(join(folder, 'orders.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const run = npmStart(['orders.xlsx']);
    expect(run.status).toBe(1);
    expectOneSentence(run);
    expect(run.stderr).toContain('is an Excel workbook (.xlsx)');
  });
});

describe('npm start piped into a reader that stops early', () => {
  it('ends quietly when the pipe closes after the first line (npm start | head -1): no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [tsxCli, startScript, samples, '--out', join(folder, 'out')], {
      cwd: root,
      env: { ...process.env, INIT_CWD: folder, LANG: 'en_US.UTF-8', LC_ALL: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // Like head -1: read the first chunk, then close our end while the table is still to be printed.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(status).toBe(0);
  });
});

describe('npm start on a large export', () => {
  it('says it is reading a file over 10 MB before the wait, on stderr', () => {
    const lines = readFileSync(join(samples, 'walmart-orders.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0] ?? '';
    const body = lines.slice(1).join('\n');
    // Repeated copies of the same lines are one download pasted again (SPEC §2a): the build still counts them once.
    const copies = Math.ceil((10.5 * 1024 * 1024) / body.length);
    writeFileSync(join(folder, 'walmart-big.csv'), `${header}\n${`${body}\n`.repeat(copies)}`);
    const run = npmStart(['walmart-big.csv']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^Reading walmart-big\.csv \(1[01] MB\)…$/m);
  });
});

describe('npm start on a file whose header only partly matches an export (issue 14)', () => {
  /**
   * The issue's case: an ERP order table with All Orders' five required columns and five of its 17 signature columns
   * (order-status, currency, asin, product-name, ship-country): 5 of 17 = 29%, under the 50% cut-off.
   */
  function erpOrders(): string {
    writeFileSync(
      join(folder, 'erp-orders.csv'),
      [
        'amazon-order-id,purchase-date,sku,quantity,item-price,order-status,currency,asin,product-name,ship-country,仓库',
        '111-0000001-0000001,2026-03-02T18:00:00Z,MUG-01,2,39.98,Shipped,USD,B0MUG00001,Mug,US,深圳仓',
        '111-0000002-0000002,2026-03-03T18:00:00Z,CUP-02,1,12.50,Shipped,USD,B0CUP00002,Cup,US,深圳仓',
      ].join('\n') + '\n',
    );
    return 'erp-orders.csv';
  }

  it('lists it as “looks like … (5 of 17 columns): map it to use it”, counts none of it, and names the flag', () => {
    const run = npmStart([erpOrders()]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'erp-orders.csv: looks like Amazon All Orders report (5 of 17 columns): map it to use it. Not counted; ' +
        'to count it as it is, run again with --count-partial',
    );
    expect(run.stdout).toContain('KPIs by channel: these files hold no dated sales, ads, returns or fees.');
    expect(run.stdout).toContain('None of its 2 rows are counted until you map it');
    expect(
      readFileSync(join(folder, 'out', 'kpi-summary.csv'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
  });

  it('says the same in Chinese', () => {
    const run = npmStart([erpOrders(), '--lang', 'zh']);
    expect(run.stdout).toContain('erp-orders.csv：看起来像');
    expect(run.stdout).toContain('（17 列中有 5 列相符）：映射后才能使用。未计入；');
    expect(run.stdout).toContain('--count-partial');
  });

  it('with --count-partial counts it exactly as the export: 2 orders, 3 units, $52.48', () => {
    const run = npmStart([erpOrders(), '--count-partial']);
    expect(run.status).toBe(0);
    // 39.98 + 12.50 = 52.48 over two orders of 2 and 1 units.
    const amazon = run.stdout.split('\n').find((line) => line.startsWith('amazon '));
    expect(amazon?.trim().split(/\s+/).slice(0, 4)).toEqual(['amazon', '2', '3', '52.48']);
    expect(run.stdout).toContain('2 rows read, 2 counted, 0 with issues');
    expect(run.stdout).not.toContain('looks like');
  });

  it('--help explains --count-partial in both languages', () => {
    expect(npmStart(['--help']).stdout).toMatch(/--count-partial +count a file whose header has under half/);
    expect(npmStart(['--lang', 'zh', '--help']).stdout).toMatch(
      /--count-partial +表头只含某份报表常见列的不到一半时/,
    );
  });
});
