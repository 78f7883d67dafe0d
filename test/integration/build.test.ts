/**
 * The built add-on (dist/main.js) in the local Apps Script world: a workbook holding the sample exports of samples/
 * (the same files `npm start` reads), built from the menu, in a Los Angeles and in a Shanghai spreadsheet. Expected
 * cells are worked out by hand in samples/README.md.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type Cell, GasWorld, loadDist } from '../gas-world';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');

function dayInZone(value: Cell, zone: string): Cell {
  if (Object.prototype.toString.call(value) !== '[object Date]') return value;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return parts.format(value as Date);
}

interface WorkbookOptions {
  spreadsheetTimeZone: string;
  userLocale?: string;
  /**
   * 'text': exports imported without conversion. 'dateCells': the Walmart order dates and the Costs effective dates
   * are date cells, as when a user types or converts them (a date cell is midnight of its day in the spreadsheet's
   * zone: 16:00 UTC the day before in Shanghai). SKUs stay text in both: typed "00501" would be 501 in any add-on.
   */
  mode: 'text' | 'dateCells';
  withCosts?: boolean;
}

/** A date cell showing `usDate` (M/D/YYYY or yyyy-MM-dd) in a spreadsheet of `zone`. */
function dateCell(text: string, zone: string): Date {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = us ? [us[3], us[1], us[2]] : iso ? [iso[1], iso[2], iso[3]] : [];
  const utcMidnight = Date.UTC(Number(year), Number(month) - 1, Number(day));
  // The zone's offset at that midnight: format the UTC instant in the zone and compare.
  const shown = new Date(new Date(utcMidnight).toLocaleString('en-US', { timeZone: zone }));
  const asUtc = new Date(new Date(utcMidnight).toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(utcMidnight - (shown.getTime() - asUtc.getTime()));
}

function withDateCells(rows: Cell[][], column: string, zone: string): Cell[][] {
  const index = (rows[0] ?? []).indexOf(column);
  return rows.map((row, rowIndex) =>
    rowIndex === 0 ? row : row.map((cell, at) => (at === index ? dateCell(String(cell), zone) : cell)),
  );
}

function sampleWorkbook(options: WorkbookOptions): {
  world: GasWorld;
  script: Record<string, (...args: unknown[]) => unknown>;
} {
  const world = new GasWorld({
    spreadsheetTimeZone: options.spreadsheetTimeZone,
    userLocale: options.userLocale ?? 'en_US',
    fxRateUsdCny: 7.2,
    now: new Date('2026-03-05T16:00:00Z'),
  });
  for (const file of readdirSync(SAMPLES).sort()) {
    if (!/\.(csv|txt)$/.test(file) || file === 'Settings.csv' || file === 'Costs.csv') continue;
    let rows: Cell[][] = readExportFile(join(SAMPLES, file));
    if (options.mode === 'dateCells' && file === 'walmart-orders.csv') {
      rows = withDateCells(rows, 'Order Date', options.spreadsheetTimeZone);
    }
    world.addSheet(file.replace(/\.[^.]+$/, ''), rows, 'text');
  }
  // A Settings sheet as the add-on creates it: the FX cell is a live GOOGLEFINANCE formula (the world shows 7.2).
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['reporting_time_zone', 'America/Los_Angeles'],
      ['fx_usd_cny', '=GOOGLEFINANCE("CURRENCY:USDCNY")'],
    ],
    'typed',
  );
  // Costs typed into a sheet whose SKU column is plain text (the template's format), so 00501 stays 00501.
  if (options.withCosts !== false)
    world.addSheet('Costs', readExportFile(join(SAMPLES, 'Costs.csv')), 'text');
  const script = loadDist(world);
  return { world, script };
}

/** Calls the built global buildKpiSummary(), as the menu item does. */
function runBuildMenu(script: Record<string, (...args: unknown[]) => unknown>): unknown {
  const buildKpiSummary = script.buildKpiSummary;
  if (!buildKpiSummary) throw new Error('dist/main.js has no buildKpiSummary');
  return buildKpiSummary();
}

const HEADER = [
  'date',
  'channel',
  'sku',
  'units',
  'orders',
  'revenue',
  'ad_spend',
  'ad_sales',
  'ad_clicks',
  'ad_impressions',
  'returned_units',
  'acos',
  'tacos',
  'cogs',
  'fees',
  'fees_estimated',
  'gross_profit',
  'margin',
  'refunds',
  'reimbursements',
  'gross_profit_cny',
  'net_profit',
  'net_profit_cny',
  // Issue 13: the levels, appended after every earlier column (Looker Studio data sources use names and positions).
  'category',
  'owner',
];

/*
 * Hand-worked (samples/README.md). Landed cost per unit: MUG-01 ¥28.80/7.2 + ¥7.20/7.2 + 25% duty on $4 = $6.00;
 * 00501 $2.10 + $0.40 = $2.50; LAMP-3 $9.50 + $1.50 + 25% of $9.50 = $13.375.
 */
const EXPECTED_BEFORE_LEVELS: Cell[][] = [
  // 00501: 1 × $12.99; fees 1.95 + 3.42; 12.99 − 2.50 − 5.37 = 5.12; ¥36.864.
  [
    '2026-03-02',
    'amazon',
    '00501',
    1,
    1,
    12.99,
    4.2,
    12.99,
    10,
    800,
    0,
    0.323326,
    0.323326,
    2.5,
    5.37,
    0,
    5.12,
    0.394149,
    0,
    0,
    36.86,
    // Net profit: 5.12 − 4.20 ad spend = 0.92; ¥6.62.
    0.92,
    6.62,
  ],
  // MUG-01: 19.99 + (39.98 − 5.00 promotion) = 54.97; fees 3.00 + 3.54 + 5.25 + 7.08 = 18.87; 54.97 − 18 − 18.87 = 18.10.
  [
    '2026-03-02',
    'amazon',
    'MUG-01',
    3,
    2,
    54.97,
    12.5,
    54.97,
    30,
    1204,
    0,
    0.227397,
    0.227397,
    18,
    18.87,
    0,
    18.1,
    0.329271,
    0,
    0,
    130.32,
    // 18.10 − 12.50 = 5.60; ¥40.32.
    5.6,
    40.32,
  ],
  // Shopify #1001: CANDLE-7 2 × $15 (no cost: Data Issue); MUG-01 $24 − $4 line discount.
  ['2026-03-02', 'shopify', 'CANDLE-7', 2, 1, 30, 0, 0, 0, 0, 0, '', 0, '', '', '', '', '', 0, 0, '', '', ''],
  ['2026-03-02', 'shopify', 'MUG-01', 1, 1, 20, 0, 0, 0, 0, 0, '', 0, 6, '', '', '', '', 0, 0, '', '', ''],
  // TikTok: $22 − $2 seller discount (the platform's $1 is paid back to the seller).
  ['2026-03-02', 'tiktok', 'MUG-01', 1, 1, 20, 0, 0, 0, 0, 0, '', 0, 6, '', '', '', '', 0, 0, '', '', ''],
  [
    '2026-03-02',
    'walmart',
    '00501',
    1,
    1,
    13.49,
    0,
    0,
    0,
    0,
    0,
    '',
    0,
    2.5,
    '',
    '',
    '',
    '',
    0,
    0,
    '',
    '',
    '',
  ],
  // The storage fee has no SKU: the Amazon row with an empty SKU for that day.
  [
    '2026-03-03',
    'amazon',
    '',
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    '',
    '',
    0,
    8.4,
    0,
    -8.4,
    '',
    0,
    0,
    -60.48,
    -8.4,
    -60.48,
  ],
  // LAMP-3: 35 − 13.375 − (5.25 + 6.10) = 10.275.
  [
    '2026-03-03',
    'amazon',
    'LAMP-3',
    1,
    1,
    35,
    6,
    0,
    5,
    500,
    0,
    '',
    0.171429,
    13.38,
    11.35,
    0,
    10.28,
    0.293571,
    0,
    0,
    73.98,
    // 10.275 − 6.00 = 4.275 → 4.28; ¥30.78.
    4.28,
    30.78,
  ],
  // MUG-01: the Pending line later Shipped counts once at $19.99; a refund of another order posts $19.99 and gives
  // back $2.50 of commission. Gross profit (SPEC §2b) = 19.99 − 19.99 refunded − (−2.50) fees − 6.00 cogs = −3.50
  // (it read 16.49 before refunds reduced profit: issue 10); margin −3.50 / 19.99; net −3.50 − 8.00 = −11.50.
  [
    '2026-03-03',
    'amazon',
    'MUG-01',
    1,
    1,
    19.99,
    8,
    19.99,
    20,
    1000,
    0,
    0.4002,
    0.4002,
    6,
    -2.5,
    0,
    -3.5,
    -0.175088,
    19.99,
    0,
    -25.2,
    -11.5,
    -82.8,
  ],
  [
    '2026-03-03',
    'walmart',
    'LAMP-3',
    1,
    1,
    42,
    0,
    0,
    0,
    0,
    0,
    '',
    0,
    13.38,
    '',
    '',
    '',
    '',
    0,
    0,
    '',
    '',
    '',
  ],
  // 00501 on a day no payments report covers, without dimensions: fees unknown (Data Issue).
  ['2026-03-04', 'amazon', '00501', 2, 1, 25.98, 0, 0, 0, 0, 0, '', 0, 5, '', '', '', '', 0, 0, '', '', ''],
  // MUG-01 estimated: 3 × ($3.00 referral + $3.54 FBA) = 19.62; 59.97 − 18 − 19.62 = 22.35; one return that day.
  [
    '2026-03-04',
    'amazon',
    'MUG-01',
    3,
    1,
    59.97,
    15,
    59.97,
    40,
    1500,
    1,
    0.250125,
    0.250125,
    18,
    19.62,
    1,
    22.35,
    0.372686,
    0,
    0,
    160.92,
    // The return was CUSTOMER_DAMAGED: nothing goes back to stock, cogs stays 18.00. 22.35 − 15.00 = 7.35; ¥52.92.
    7.35,
    52.92,
  ],
  [
    '2026-03-04',
    'shopify',
    'LAMP-3',
    1,
    1,
    45,
    0,
    0,
    0,
    0,
    0,
    '',
    0,
    13.38,
    '',
    '',
    '',
    '',
    0,
    0,
    '',
    '',
    '',
  ],
  ['2026-03-04', 'tiktok', 'LAMP-3', 1, 1, 40, 0, 0, 0, 0, 0, '', 0, 13.38, '', '', '', '', 0, 0, '', '', ''],
];

/** The sample workbook has no Products sheet: every row's category and owner is "(none)" (SPEC §3a). */
const EXPECTED: Cell[][] = EXPECTED_BEFORE_LEVELS.map((row) => [...row, '(none)', '(none)']);

function summaryCells(world: GasWorld, zone: string): Cell[][] {
  return world.sheetValues('KPI Summary').map((row) => row.map((cell) => dayInZone(cell, zone)));
}

describe.each([
  { zone: 'America/Los_Angeles', mode: 'text' as const, locale: 'en_US' },
  { zone: 'Asia/Shanghai', mode: 'dateCells' as const, locale: 'zh_CN' },
])('buildKpiSummary() in a $zone spreadsheet with exports pasted as $mode', ({ zone, mode, locale }) => {
  it('writes the KPI Summary cell by cell as worked out by hand', () => {
    const { world, script } = sampleWorkbook({ spreadsheetTimeZone: zone, mode, userLocale: locale });
    runBuildMenu(script);
    const cells = summaryCells(world, zone);
    expect(cells[0]).toEqual(HEADER);
    expect(cells.slice(1)).toEqual(EXPECTED);
    // One type per column: the date column holds real date cells, SKUs are text ("00501" is not the number 501).
    const formats = world.sheetNumberFormats('KPI Summary');
    expect(formats[1]?.[0]).toBe('yyyy-mm-dd');
    expect(formats.slice(1).every((row) => row[2] === '@' && row[1] === '@')).toBe(true);
    expect(
      world
        .sheetValues('KPI Summary')
        .slice(1)
        .every((row) => Object.prototype.toString.call(row[0]) === '[object Date]'),
    ).toBe(true);
  });

  it('lists every row left out and every SKU without cost in Data Issues, in the user’s language', () => {
    const { world, script } = sampleWorkbook({ spreadsheetTimeZone: zone, mode, userLocale: locale });
    runBuildMenu(script);
    const issues = world.sheetValues('Data Issues');
    expect(issues[0]).toEqual(
      locale === 'zh_CN' ? ['工作表', '行号', '标识', '原因'] : ['Sheet', 'Row', 'Key', 'Reason'],
    );
    const keyed = issues.slice(1).map((row) => [row[0], row[1], row[2]]);
    expect(keyed).toEqual([
      ['amazon-all-orders-2026-03-03', 8, '112-3345007-1000007'],
      ['amazon-all-orders-2026-03-03', '', 'amazon-all-orders-2026-03-03'],
      // Its Pending MUG-01 line has no price yet: not a sale, counted in one issue (SPEC §2a "Not a sale yet").
      ['amazon-all-orders-2026-03-03', '', 'amazon-all-orders-2026-03-03'],
      ['Costs', '', 'CANDLE-7'],
      ['', '', 'shopify'],
      ['', '', 'tiktok'],
      ['', '', 'walmart'],
      ['', '', 'amazon 00501'],
      // No Products sheet: the SKUs sold sit in category and owner "(none)", one issue for all (SPEC §3a).
      ['Products', '', ''],
    ]);
    const reasons = issues.slice(1).map((row) => String(row[3]));
    if (locale === 'zh_CN') {
      expect(reasons[2]).toContain('尚无价格的订单行：1');
      expect(reasons[3]).toContain('成本表中没有记录');
    } else {
      expect(reasons[2]).toContain('Pending lines with no price yet: 1.');
      expect(reasons[3]).toContain('no row in the Costs sheet');
    }
  });
});

describe('buildKpiSummary() writing rules', () => {
  it('keeps the KPI Summary sheet id across rebuilds and a second build gives the same cells', () => {
    const { world, script } = sampleWorkbook({ spreadsheetTimeZone: 'America/Los_Angeles', mode: 'text' });
    runBuildMenu(script);
    const id = world.spreadsheet.getSheetByName('KPI Summary')?.getSheetId();
    const first = world.sheetValues('KPI Summary');
    runBuildMenu(script);
    expect(world.spreadsheet.getSheetByName('KPI Summary')?.getSheetId()).toBe(id);
    expect(world.sheetValues('KPI Summary')).toEqual(first);
    // 40 source rows: TikTok's description row is not a data row (SPEC §2a; it was counted as one before).
    expect(world.ui.toasts.at(-1)?.message).toMatch(/^KPI Summary built: 14 rows from 40 source rows/);
  });

  it('never writes export text as a formula: a SKU "=1+1" stays text', () => {
    const { world, script } = sampleWorkbook({ spreadsheetTimeZone: 'America/Los_Angeles', mode: 'text' });
    const orders = readExportFile(join(SAMPLES, 'amazon-all-orders-2026-03-04.txt'));
    const header = orders[0] ?? [];
    const line = [...(orders[3] ?? [])];
    line[header.indexOf('sku')] = '=1+1';
    line[header.indexOf('product-name')] = '=HYPERLINK("http://example.com","mug")';
    line[header.indexOf('amazon-order-id')] = '+1-555-0100';
    line[header.indexOf('quantity')] = '-';
    world.addSheet('Odd orders', [header, line], 'text');
    runBuildMenu(script);
    for (const name of ['KPI Summary', 'Data Issues']) {
      expect(
        world
          .sheetFormulas(name)
          .flat()
          .filter((formula) => formula !== ''),
      ).toEqual([]);
    }
    const issues = world.sheetValues('Data Issues');
    expect(issues.some((row) => row[0] === 'Odd orders' && row[2] === '+1-555-0100')).toBe(true);
  });

  it('reports a build already running instead of writing', () => {
    const { world, script } = sampleWorkbook({ spreadsheetTimeZone: 'America/Los_Angeles', mode: 'text' });
    const release = world.holdLockElsewhere('document');
    runBuildMenu(script);
    release();
    expect(world.spreadsheet.getSheetByName('KPI Summary')).toBeNull();
    expect(world.ui.alerts.at(-1)?.prompt).toBe(
      'Another KPI build is running in this workbook. Try again in a minute.',
    );
  });

  it('creates the Costs template on first use, with plain-text SKU cells', () => {
    const { world, script } = sampleWorkbook({
      spreadsheetTimeZone: 'America/Los_Angeles',
      mode: 'text',
      withCosts: false,
    });
    runBuildMenu(script);
    expect(world.sheetValues('Costs')[0]).toEqual([
      'sku',
      'unit_cost',
      'currency',
      'first_leg_per_unit',
      'first_leg_currency',
      'duty_rate',
      'effective_from',
      'category',
      'weight_lb',
      'length_in',
      'width_in',
      'height_in',
    ]);
    expect(world.spreadsheet.getSheetByName('Costs')?.getRange(2, 1).getNumberFormat()).toBe('@');
    expect(world.ui.alerts.at(-1)?.prompt).toContain('A Costs sheet was created');
    // Without costs every SKU is listed once, and profit columns stay blank.
    const skusWithoutCost = world
      .sheetValues('Data Issues')
      .filter((row) => row[0] === 'Costs')
      .map((row) => row[2]);
    expect(skusWithoutCost.sort()).toEqual(['00501', 'CANDLE-7', 'LAMP-3', 'MUG-01']);
  });
});

describe('buildKpiSummary() spreadsheet calls', () => {
  function ordersWorkbook(lines: number): GasWorld {
    const world = new GasWorld({
      spreadsheetTimeZone: 'America/Los_Angeles',
      now: new Date('2026-03-05T16:00:00Z'),
    });
    const orders = readExportFile(join(SAMPLES, 'amazon-all-orders-2026-03-04.txt'));
    const header = orders[0] ?? [];
    const template = orders[3] ?? [];
    const rows = [header];
    for (let index = 0; index < lines; index++) {
      const line = [...template];
      line[header.indexOf('amazon-order-id')] = `112-0000000-${String(index).padStart(7, '0')}`;
      line[header.indexOf('sku')] = `SKU-${index % 50}`;
      rows.push(line);
    }
    world.addSheet('All Orders', rows, 'text');
    world.addSheet('Costs', [['sku', 'unit_cost']], 'text');
    return world;
  }

  it('do not grow with the number of rows: a fixed number of reads per sheet, one write per output', () => {
    const counts = [200, 2000].map((lines) => {
      const world = ordersWorkbook(lines);
      const script = loadDist(world);
      world.calls.reset();
      runBuildMenu(script);
      const callsOn = (sheet: string, method: string): number =>
        world.calls.log().filter((call) => call.sheet === sheet && call.method === method).length;
      return {
        total: world.calls.total,
        ordersRead: callsOn('All Orders', 'getValues'),
        costsRead: callsOn('Costs', 'getValues'),
        summaryWritten: callsOn('KPI Summary', 'setValues'),
        issuesWritten: callsOn('Data Issues', 'setValues'),
      };
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]).toMatchObject({ costsRead: 1, summaryWritten: 1, issuesWritten: 1 });
  });

  it('set number formats once per column, and on a rebuild of the same rows not at all', () => {
    const world = ordersWorkbook(300);
    const script = loadDist(world);
    world.calls.reset();
    runBuildMenu(script);
    const formatCalls = (): { method: string; cells: number }[] =>
      world.calls
        .log()
        .filter(
          (call) => call.sheet === 'KPI Summary' && /^(RangeList\.)?setNumberFormats?$/.test(call.method),
        )
        .map(({ method, cells }) => ({ method, cells }));
    const summary = world.sheetValues('KPI Summary');
    const width = summary[0]?.length ?? 0;
    const first = formatCalls();
    // One call per distinct format (text, date, integer, money, percent, number), never a format per cell.
    expect(first.every((call) => call.method === 'RangeList.setNumberFormat')).toBe(true);
    expect(first.length).toBeLessThanOrEqual(6);
    expect(width).toBeGreaterThan(6);
    const formats = world.sheetNumberFormats('KPI Summary');
    const dateAt = summary[0]?.indexOf('date') ?? -1;
    expect(formats[0]?.every((format) => format === '@')).toBe(true);
    expect(formats.slice(1).every((row) => row[dateAt] === 'yyyy-mm-dd')).toBe(true);
    expect(formats.slice(1).every((row) => row[summary[0]?.indexOf('sku') ?? -1] === '@')).toBe(true);

    world.calls.reset();
    runBuildMenu(script);
    expect(formatCalls()).toEqual([]);
    expect(world.sheetNumberFormats('KPI Summary')).toEqual(formats);
  });

  it("read a source sheet's first 15 rows in full, then only the columns its report uses (and the narrowest gaps between them), one call per run", () => {
    const lines = 2000;
    const world = ordersWorkbook(lines);
    const header = world.sheetValues('All Orders')[0] ?? [];
    // The columns the All Orders rules look at (SPEC §2): order id, day, last update (dedupe), both statuses,
    // marketplace, SKU, quantity, currency, price and promotion discount.
    const used = [
      'amazon-order-id',
      'purchase-date',
      'last-updated-date',
      'order-status',
      'item-status',
      'sales-channel',
      'sku',
      'quantity',
      'currency',
      'item-price',
      'item-promotion-discount',
    ].map((name) => header.indexOf(name));
    expect(used.every((column) => column >= 0)).toBe(true);
    const contiguousRuns = used
      .sort((a, b) => a - b)
      .filter((column, index, sorted) => index === 0 || sorted[index - 1] !== column - 1).length;
    expect(contiguousRuns).toBe(6);
    // The build also reads the two narrowest gaps (merchant-order-id, fulfillment-channel: a fifth of 11 columns is
    // 2 spare cells a row) and saves two calls: 4 runs, 13 cells a row below the top 15 rows.
    const runs = 4;
    const cellsPerRow = used.length + 2;
    const script = loadDist(world);
    world.calls.reset();
    runBuildMenu(script);
    const onOrders = world.calls
      .log()
      .filter((call) => call.sheet === 'All Orders')
      .map((call) => call.method);
    expect(onOrders).toEqual(['getDataRange', ...Array<string>(1 + runs).fill('getValues')]);
    const sheetRows = lines + 1;
    expect(world.calls.cells({ kind: 'read', sheet: 'All Orders' })).toBe(
      15 * header.length + (sheetRows - 15) * cellsPerRow,
    );
  });
});
