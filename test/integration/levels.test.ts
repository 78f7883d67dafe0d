/**
 * The levels on the built dist/ in the local Apps Script world (SPEC §3a, issue 13 item 1): a Products sheet typed by
 * the team gives the KPI Summary's appended category and owner columns; a SKU sold without a Products row is in
 * "(none)", gets a row to fill in and one Data Issue; a category target is judged on the dashboard's level block with
 * its attainment. The script's clock is the host's (test/gas-world README), so the orders are dated yesterday.
 */
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { daysInZone, ORDERS_HEADER } from './recentOrders';

const ZONE = 'America/Los_Angeles';
const { today: TODAY } = daysInZone(ZONE);

const YESTERDAY = new Date(Date.parse(`${TODAY}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Yesterday: 3 × MUG-01, $60 for the line (item-price is the line's, not each unit's), and 1 × LAMP-3 at $45. */
const ORDERS: Cell[][] = [
  [...ORDERS_HEADER],
  [
    '111-0000001-0000001',
    `${YESTERDAY}T20:00:00+00:00`,
    `${YESTERDAY}T21:00:00+00:00`,
    'Shipped',
    'Amazon.com',
    'MUG-01',
    'Shipped',
    '3',
    'USD',
    '60.00',
  ],
  [
    '111-0000002-0000001',
    `${YESTERDAY}T20:30:00+00:00`,
    `${YESTERDAY}T21:00:00+00:00`,
    'Shipped',
    'Amazon.com',
    'LAMP-3',
    'Shipped',
    '1',
    'USD',
    '45.00',
  ],
];

function workbook(locale: string): GasWorld {
  const world = new GasWorld({ spreadsheetTimeZone: ZONE, fxRateUsdCny: 7.2, userLocale: locale });
  world.addSheet('All Orders', ORDERS, 'text');
  world.addSheet(
    'Products',
    [
      ['sku', 'name', 'category', 'brand', 'owner'],
      ['MUG-01', 'Mug', 'Kitchen', 'Acme', 'Li Wei'],
    ],
    'text',
  );
  world.addSheet(
    'Targets',
    [
      ['metric', 'scope', 'scope_value', 'period', 'target'],
      ['revenue', 'category', 'Kitchen', 'month', '3100'],
    ],
    'text',
  );
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['fx_usd_cny', '7.2'],
      ['language', locale === 'zh_CN' ? 'zh' : 'en'],
    ],
    'typed',
  );
  return world;
}

function build(world: GasWorld): void {
  const script = loadDist(world);
  const buildKpiSummary = script.buildKpiSummary;
  if (!buildKpiSummary) throw new Error('dist/main.js has no buildKpiSummary');
  buildKpiSummary();
}

describe.each([
  ['en_US', 'By category — month to date', 'Attainment'],
  ['zh_CN', '按品类 — 本月至今', '达成率'],
])('levels in a %s workbook', (locale, categoryTitle, attainmentHeader) => {
  it('appends category and owner to the KPI Summary, adds the missing SKU to Products and names it in Data Issues', () => {
    const world = workbook(locale);
    build(world);
    const [header, ...rows] = world.sheetValues('KPI Summary');
    expect(header?.slice(-4)).toEqual(['net_profit', 'net_profit_cny', 'category', 'owner']);
    const bySku = new Map(rows.map((row) => [row[2], row.slice(-2)]));
    expect(bySku.get('MUG-01')).toEqual(['Kitchen', 'Li Wei']);
    expect(bySku.get('LAMP-3')).toEqual(['(none)', '(none)']);

    // The typed row is kept as typed; LAMP-3 gets a row of its own below it, for the team to fill in.
    expect(world.sheetValues('Products').map((row) => row.slice(0, 5))).toEqual([
      ['sku', 'name', 'category', 'brand', 'owner'],
      ['MUG-01', 'Mug', 'Kitchen', 'Acme', 'Li Wei'],
      ['LAMP-3', '', '', '', ''],
    ]);
    const levelIssues = world.sheetValues('Data Issues').filter((row) => row[0] === 'Products');
    expect(levelIssues).toHaveLength(1);
    expect(String(levelIssues[0]?.[3])).toContain('LAMP-3');
  });

  /*
   * Kitchen's month target 3100 is pro rata for the days of the month so far (yesterday's month, 1st to yesterday):
   * 3100 × day ÷ days in the month; actual 60 of revenue (MUG-01's line).
   */
  it('shows the category block with the pro-rata target and the attainment beside the status', () => {
    const world = workbook(locale);
    build(world);
    const dashboard = world.sheetValues('KPI Dashboard');
    const titleRow = dashboard.findIndex((row) => String(row[0]).startsWith(categoryTitle));
    expect(titleRow).toBeGreaterThan(0);
    expect(dashboard[titleRow + 1]?.[3]).toBe(attainmentHeader);
    const kitchen = dashboard.slice(titleRow).find((row) => row[0] === 'Kitchen');
    const [year, month, day] = YESTERDAY.split('-').map(Number);
    const daysInMonth = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
    const target = (3100 * (day ?? 0)) / daysInMonth;
    expect(kitchen?.[1]).toBe(60);
    expect(kitchen?.[2]).toBeCloseTo(target, 2);
    expect(kitchen?.[3]).toBeCloseTo(60 / target, 5);
  });
});
