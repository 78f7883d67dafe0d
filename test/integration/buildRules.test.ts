/**
 * Issue 9, items 3, 4, 8 and 10 on the built add-on (dist/main.js) in the local Apps Script world: cells that cannot
 * be numbers, a column of day-first dates, implausible Settings and a build that fails before writing (SPEC §2a).
 */
import { join, resolve } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type Cell, GasWorld, loadDist } from '../gas-world';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');
const OWNED = ['KPI Summary', 'Data Issues', 'KPI Dashboard', 'Costs', 'Settings'];

type Script = Record<string, (...args: unknown[]) => unknown>;

function sample(name: string): Cell[][] {
  return readExportFile(join(SAMPLES, name));
}

/** A workbook with one day of All Orders and a Costs sheet, plus `setup` before the add-on is loaded. */
function workbook(
  setup: (world: GasWorld) => void = () => undefined,
  options: { userLocale?: string; mode?: 'text' | 'dateCells' } = {},
): { world: GasWorld; script: Script } {
  const world = new GasWorld({
    spreadsheetTimeZone: 'America/Los_Angeles',
    userLocale: options.userLocale ?? 'en_US',
    fxRateUsdCny: 7.2,
    now: new Date('2026-03-05T16:00:00Z'),
  });
  world.addSheet('All Orders', sample('amazon-all-orders-2026-03-04.txt'), 'text');
  world.addSheet('Costs', sample('Costs.csv'), 'text');
  setup(world);
  return { world, script: loadDist(world) };
}

function build(script: Script): void {
  const buildKpiSummary = script.buildKpiSummary;
  if (!buildKpiSummary) throw new Error('dist/main.js has no buildKpiSummary');
  buildKpiSummary();
}

/** All Orders with `column` of line `line` (1-based below the header) replaced. */
function ordersWith(changes: { line: number; column: string; value: string }[]): Cell[][] {
  const rows = sample('amazon-all-orders-2026-03-04.txt').map((row) => [...row]);
  const header = rows[0] ?? [];
  for (const { line, column, value } of changes) {
    const row = rows[line];
    if (row) row[header.indexOf(column)] = value;
  }
  return rows;
}

function issueRows(world: GasWorld, sheet: string): Cell[][] {
  return world.sheetValues('Data Issues').filter((row) => row[0] === sheet);
}

describe('cells that cannot be numbers (SPEC §2a, issue 9 item 3)', () => {
  it('a money or count cell reading e5, E-3, 1e309 or 1e999 is a Data Issue, not NaN, and the build completes', () => {
    const { world, script } = workbook((w) =>
      w.addSheet(
        'Odd orders',
        ordersWith([
          { line: 1, column: 'item-price', value: 'e5' },
          { line: 2, column: 'item-price', value: '1e309' },
          { line: 3, column: 'quantity', value: 'E-3' },
          { line: 4, column: 'item-price', value: '1e999' },
        ]).map((row, index) =>
          // Other order ids, so these lines are not taken for copies of the All Orders lines.
          index === 0 ? row : row.map((cell, at) => (at === 0 ? `999-${String(cell)}` : cell)),
        ),
        'text',
      ),
    );
    build(script);
    expect(world.ui.alerts).toEqual([]);
    expect(world.ui.toasts.at(-1)?.message).toMatch(/^KPI Summary built/);
    const reasons = issueRows(world, 'Odd orders').map((row) => [row[1], String(row[3])]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        [2, expect.stringContaining('“e5”, not a number')],
        [3, expect.stringContaining('“1e309”, not a number')],
        [4, expect.stringContaining('“E-3”')],
        [5, expect.stringContaining('“1e999”, not a number')],
      ]),
    );
    const numbers = world
      .sheetValues('KPI Summary')
      .flat()
      .filter((cell): cell is number => typeof cell === 'number');
    expect(numbers.every(Number.isFinite)).toBe(true);
  });

  it('a 50,000-character cell quoted in a reason is cut to about 100 characters', () => {
    const huge = '9'.repeat(25_000) + 'x'.repeat(25_000);
    const { world, script } = workbook((w) =>
      w.addSheet(
        'Long cell',
        ordersWith([{ line: 1, column: 'item-price', value: huge }]).slice(0, 2),
        'text',
      ),
    );
    build(script);
    const [issue] = issueRows(world, 'Long cell');
    expect(String(issue?.[3])).toContain(`${'9'.repeat(99)}…`);
    expect(String(issue?.[3]).length).toBeLessThan(250);
  });
});

describe('a date column read one way (SPEC §2a, issue 9 item 8)', () => {
  it('SEA day-first 25/06/2026 and 05/06/2026 in one column are June 25 and June 5, not May 6', () => {
    const tiktok = sample('tiktok-shop-orders.csv').map((row) => [...row]);
    const header = tiktok[0] ?? [];
    const created = header.findIndex((cell) => String(cell).trim() === 'Created Time');
    // Two Completed lines of different orders.
    const lines = ['25/06/2026 13:03:57\t', '05/06/2026 09:00:00\t'].map((time, index) => {
      const line = [...(tiktok[2] ?? [])];
      line[0] = `57646123450000090${index}\t`;
      line[created] = time;
      return line;
    });
    const { world, script } = workbook((w) =>
      w.addSheet('TikTok SEA', [header, tiktok[1] ?? [], ...lines], 'text'),
    );
    build(script);
    const tiktokDays = world
      .sheetValues('KPI Summary')
      .filter((row) => row[1] === 'tiktok')
      .map((row) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(row[0] as Date),
      );
    expect(tiktokDays.sort()).toEqual(['2026-06-05', '2026-06-25']);
  });
});

describe('implausible Settings (SPEC §2a, issue 9 item 10)', () => {
  it.each([['Infinity'], ['1e400'], ['1e-320'], ['0x10']])(
    'fx_usd_cny %s is a Data Issue and the build runs with no rate (CNY profit blank)',
    (value) => {
      const { world, script } = workbook((w) =>
        w.addSheet(
          'Settings',
          [
            ['key', 'value'],
            ['fx_usd_cny', value],
          ],
          'text',
        ),
      );
      build(script);
      expect(world.ui.toasts.at(-1)?.message).toMatch(/^KPI Summary built/);
      const settingsIssues = issueRows(world, 'Settings');
      expect(settingsIssues.map((row) => row[2])).toEqual(['fx_usd_cny']);
      const summary = world.sheetValues('KPI Summary');
      const cny = (summary[0] ?? []).indexOf('gross_profit_cny');
      expect(summary.slice(1).every((row) => row[cny] === '')).toBe(true);
    },
  );
});

/** Every owned sheet as the user sees it: values, formulas, number formats and the sheet id. */
function ownedSheets(world: GasWorld): unknown {
  return OWNED.map((name) => {
    const sheet = world.spreadsheet.getSheetByName(name);
    return sheet
      ? {
          name,
          id: sheet.getSheetId(),
          values: world.sheetValues(name),
          formulas: world.sheetFormulas(name),
          formats: world.sheetNumberFormats(name),
        }
      : { name, missing: true };
  });
}

describe('all or nothing (SPEC §2a, issue 9 item 4)', () => {
  it.each([
    [
      'en_US',
      /^The build stopped before writing anything.*Where: sheet “Walmart”, row 2\. What failed: .*Mars/s,
    ],
    ['zh_CN', /^生成在写入前停止.*位置：工作表“Walmart”第 2 行。失败原因：.*Mars/s],
  ])(
    'a build whose computing fails leaves every owned sheet as it was and says what failed and where (%s)',
    (userLocale, message) => {
      const { world, script } = workbook(
        (w) => {
          // A Walmart order date typed as a date cell: reading it needs the spreadsheet's zone.
          const walmart = sample('walmart-orders.csv');
          const date = (walmart[0] ?? []).indexOf('Order Date');
          w.addSheet('Walmart', walmart, 'text');
          const sheet = w.spreadsheet.getSheetByName('Walmart');
          sheet?.getRange(2, date + 1).setNumberFormat('M/d/yyyy');
          sheet?.getRange(2, date + 1).setValue('3/4/2026');
        },
        { userLocale },
      );
      build(script);
      const before = ownedSheets(world);
      expect(world.spreadsheet.getSheetByName('KPI Dashboard')).not.toBeNull();
      // Fault injected from outside: the script's spreadsheet hands over a zone no runtime knows, so the core throws
      // while it reads the date cell of Walmart row 2, after the workbook was read and before anything is written.
      // Only the script's view is changed; the world itself keeps its real zone.
      const scriptView = world as unknown as { activeSpreadsheet: (call: string) => unknown };
      const realActive = scriptView.activeSpreadsheet.bind(world);
      scriptView.activeSpreadsheet = (call) => {
        const real = realActive(call) as object;
        return new Proxy(real, {
          get(target, property) {
            if (property === 'getSpreadsheetTimeZone') return () => 'Mars/Olympus_Mons';
            const value: unknown = Reflect.get(target, property, target);
            return typeof value === 'function'
              ? (value as (...args: unknown[]) => unknown).bind(target)
              : value;
          },
        });
      };
      world.addSheet('More orders', sample('amazon-all-orders-2026-03-03.txt'), 'text');
      world.calls.reset();
      build(script);
      scriptView.activeSpreadsheet = realActive;
      expect(ownedSheets(world)).toEqual(before);
      expect(world.calls.log().filter((call) => call.kind === 'write')).toEqual([]);
      expect(world.ui.alerts.at(-1)?.prompt).toMatch(message);
      expect(world.holdsLock('document')).toBe(false);
    },
  );
});
