/**
 * The KPI Review sheet on the built dist/ in the local Apps Script world (SPEC §4a, issue 13 item 2): the team types
 * an action, an owner and a due date on a row; two rebuilds keep them on that row; a SKU moved to another owner on
 * the Products sheet changes the figures of both owners' rows, and the note stays on the row it was typed on. The
 * script's clock is the host's (test/gas-world README), so the orders are dated back from today: a constant $40 a day
 * for MUG-01 and $20 a day for CUP-02 gives the same week totals whatever today is.
 */
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { daysInZone, ORDERS_HEADER } from './recentOrders';

const ZONE = 'Asia/Shanghai';
const { dayBefore } = daysInZone(ZONE);

/** 70 complete days of orders: enough for the last week, the week before and the 4 weeks before it. */
const ORDERS: Cell[][] = Array.from({ length: 70 }, (_, index) => {
  const day = dayBefore(index + 1);
  // Noon in Shanghai is 04:00 UTC: the same day in the reporting zone set below.
  return [
    ['MUG-01', '40.00'],
    ['CUP-02', '20.00'],
  ].map(([sku, price], line) => [
    `111-${String(index).padStart(7, '0')}-000000${line}`,
    `${day}T04:00:00+00:00`,
    `${day}T05:00:00+00:00`,
    'Shipped',
    'Amazon.com',
    sku ?? '',
    'Shipped',
    '1',
    'USD',
    price ?? '',
  ]);
}).flat();

function workbook(): GasWorld {
  const world = new GasWorld({ spreadsheetTimeZone: ZONE, fxRateUsdCny: 7.2, userLocale: 'zh_CN' });
  world.addSheet('All Orders', [[...ORDERS_HEADER], ...ORDERS], 'text');
  world.addSheet(
    'Products',
    [
      ['sku', 'name', 'category', 'brand', 'owner'],
      ['MUG-01', 'Mug', 'Kitchen', 'Acme', 'Li Wei'],
      ['CUP-02', 'Cup', 'Kitchen', 'Acme', 'Li Wei'],
    ],
    'text',
  );
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['reporting_time_zone', ZONE],
      ['language', 'zh'],
    ],
    'typed',
  );
  return world;
}

function columnOf(world: GasWorld, prefix: string): number {
  const header = world.sheetValues('KPI Review')[0] ?? [];
  const index = header.findIndex((cell) => String(cell).startsWith(prefix));
  if (index < 0) throw new Error(`no ${prefix} column`);
  return index;
}

/** The 1-based sheet row of the week's revenue row of an owner, found by its key (period | from | level | …). */
function weekRevenueRow(world: GasWorld, owner: string): number {
  const keyAt = columnOf(world, 'key');
  const rows = world.sheetValues('KPI Review');
  const index = rows.findIndex(
    (row) =>
      /^week\|.*\|owner\|.*\|revenue$/.test(String(row[keyAt])) && String(row[keyAt]).split('|')[3] === owner,
  );
  return index + 1;
}

describe('the KPI Review sheet on the built add-on', () => {
  it('keeps the typed action, owner and due across two rebuilds and a SKU moved to another owner', () => {
    const world = workbook();
    const script = loadDist(world);
    const build = (): void => {
      const buildKpiSummary = script.buildKpiSummary;
      if (!buildKpiSummary) throw new Error('dist/main.js has no buildKpiSummary');
      buildKpiSummary();
    };
    build();
    const valueAt = columnOf(world, 'Value');
    const actionAt = columnOf(world, 'action');
    // Li Wei's week: 7 × ($40 + $20) = $420; headers in both languages, figures in Chinese.
    const liWei = weekRevenueRow(world, 'Li Wei');
    expect(liWei).toBeGreaterThan(1);
    const first = world.sheetValues('KPI Review')[liWei - 1] ?? [];
    expect(first[valueAt]).toBe(420);
    expect(first[columnOf(world, 'Metric')]).toBe('销售额');
    expect(first[columnOf(world, 'Period')]).toBe('周（周一至周日）');

    const review = world.spreadsheet.getSheetByName('KPI Review');
    if (!review) throw new Error('no KPI Review sheet');
    review.getRange(liWei, actionAt + 1).setValue('=Add a bundle with CUP-02');
    review.getRange(liWei, actionAt + 2).setValue('00501 Li Wei');
    review.getRange(liWei, actionAt + 3).setValue('2026-12-04');
    const typed = world.sheetValues('KPI Review')[liWei - 1]?.slice(actionAt, actionAt + 3);
    // The cells are plain text: what was typed stays as typed (no formula, no number, no date).
    expect(typed).toEqual(['=Add a bundle with CUP-02', '00501 Li Wei', '2026-12-04']);

    build();
    build();
    const kept = world.sheetValues('KPI Review')[weekRevenueRow(world, 'Li Wei') - 1] ?? [];
    expect(kept.slice(actionAt, actionAt + 3)).toEqual(typed);
    expect(
      world
        .sheetFormulas('KPI Review')
        .flat()
        .filter((formula) => formula !== ''),
    ).toEqual([]);

    // CUP-02 moves to Anna: Li Wei's week is 7 × $40 = $280 with the note still on it; Anna's 7 × $20 = $140, blank.
    const products = world.spreadsheet.getSheetByName('Products');
    products?.getRange(3, 5).setValue('Anna');
    build();
    const moved = world.sheetValues('KPI Review');
    const liWeiAfter = moved[weekRevenueRow(world, 'Li Wei') - 1] ?? [];
    expect(liWeiAfter[valueAt]).toBe(280);
    expect(liWeiAfter.slice(actionAt, actionAt + 3)).toEqual(typed);
    const anna = moved[weekRevenueRow(world, 'Anna') - 1] ?? [];
    expect(anna[valueAt]).toBe(140);
    expect(anna.slice(actionAt, actionAt + 3)).toEqual(['', '', '']);
    // One note, one row: nothing duplicated by the rebuilds.
    expect(moved.filter((row) => row[actionAt] === '=Add a bundle with CUP-02')).toHaveLength(1);
  });
});
