/**
 * The USD→CNY rate with no user action (issue 10, item 5), on the built dist/ in the local Apps Script world: the
 * first build creates Settings with the live GOOGLEFINANCE rate, so a CNY cost converts at once; a later build whose
 * live rate cannot be read uses the last good rate the add-on kept, and says so in Data Issues.
 */
import { type Cell, GasWorld, loadDist } from '../gas-world';

const ORDERS: Cell[][] = [
  [
    'amazon-order-id',
    'purchase-date',
    'last-updated-date',
    'order-status',
    'sales-channel',
    'sku',
    'quantity',
    'currency',
    'item-price',
    'merchant-order-id',
    'fulfillment-channel',
    'order-channel',
    'ship-service-level',
    'product-name',
    'asin',
    'item-status',
    'item-tax',
    'shipping-price',
    'item-promotion-discount',
    'ship-promotion-discount',
    'ship-country',
    'is-business-order',
  ],
  [
    '111-0000001-0000001',
    '2026-03-02T20:00:00+00:00',
    '2026-03-02T21:00:00+00:00',
    'Shipped',
    'Amazon.com',
    'MUG-01',
    '2',
    'USD',
    '39.98',
  ],
];
// ¥36 unit cost + ¥7.20 first leg: at 7.2, $5.00 + $1.00 = $6.00 a unit.
const COSTS: Cell[][] = [
  ['sku', 'unit_cost', 'currency', 'first_leg_per_unit', 'first_leg_currency', 'duty_rate', 'effective_from'],
  ['MUG-01', 36, 'CNY', 7.2, 'CNY', 0, ''],
];

function cogsOf(world: GasWorld): Cell | undefined {
  const summary = world.sheetValues('KPI Summary');
  return summary[1]?.[(summary[0] ?? []).indexOf('cogs')];
}

describe('the USD→CNY rate without setup', () => {
  it('the first build creates Settings with the live rate, and a CNY cost converts in that same build', () => {
    const world = new GasWorld({ spreadsheetTimeZone: 'America/Los_Angeles', fxRateUsdCny: 7.2 });
    world.addSheet('All Orders', ORDERS, 'text');
    world.addSheet('Costs', COSTS, 'typed');
    loadDist(world).buildKpiSummary?.();
    const settings = world.sheetFormulas('Settings');
    expect(settings.flat()).toContain('=GOOGLEFINANCE("CURRENCY:USDCNY")');
    // 2 units × $6.00.
    expect(cogsOf(world)).toBe(12);
    // The rate is remembered with its day.
    const values = world.sheetValues('Settings');
    expect(values.find((row) => row[0] === 'fx_last_good_rate')?.[1]).toBe(7.2);
  });

  it('a live rate that cannot be read falls back to the last good rate, and the Data Issue says which', () => {
    const world = new GasWorld({ spreadsheetTimeZone: 'America/Los_Angeles', fxRateUsdCny: 7.2 });
    world.addSheet('All Orders', ORDERS, 'text');
    world.addSheet('Costs', COSTS, 'typed');
    const script = loadDist(world);
    script.buildKpiSummary?.();
    const day = world.sheetValues('Settings').find((row) => row[0] === 'fx_last_good_date')?.[1];
    // GOOGLEFINANCE is unavailable now: getValues gives the cell's error text (the world computes formulas when they
    // are written, so the error is put in the cell as Sheets would show it).
    const settings = world.spreadsheet.getSheetByName('Settings');
    const fxRow = world.sheetValues('Settings').findIndex((row) => row[0] === 'fx_usd_cny') + 1;
    settings?.getRange(fxRow, 2).setValue('#N/A');
    script.buildKpiSummary?.();
    expect(cogsOf(world)).toBe(12);
    const issues = world.sheetValues('Data Issues').map((row) => String(row[3]));
    expect(issues).toContainEqual(
      `Settings › fx_usd_cny could not be read (the live rate may be unavailable or still loading): the last good rate the add-on saw, 7.2 on ${String(day)}, was used instead.`,
    );
  });
});
