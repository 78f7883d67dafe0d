/**
 * Inventory health and replenishment worked by hand (SPEC §3b, issue 11): demand and σd, stockout days left out,
 * safety stock, reorder point, order-by date, suggested quantity rounded to case pack and MOQ, statuses, the latest
 * snapshot per channel × SKU, a snapshot pasted twice. The build day is 2026-03-10; defaults are lead time 45 days,
 * σLT 7, service level 95% (z = 1.6448536269514722), target 90 days, case pack 1, no MOQ.
 */
import { EMPTY_COST_TABLE } from '../../src/core/costs/costs';
import { buildInventory, type InventoryLine } from '../../src/core/inventory/inventory';
import { EMPTY_PRODUCTS, productsFromGrid } from '../../src/core/inventory/products';
import { inventoryStatus, reorderQuantity } from '../../src/core/inventory/replenishment';
import { inventorySheetTable, kpiInventoryTable } from '../../src/core/inventory/table';
import { translate } from '../../src/core/i18n';
import { type Fact, type InventoryFact, type LedgerBalanceFact } from '../../src/core/model';
import { type SummaryRow } from '../../src/core/summary/types';
import { addDays } from '../../src/core/time';
import { orderLine } from '../summary/facts';

const Z95 = 1.6448536269514722;
const BUILD_DAY = '2026-03-10';

function stock(
  sku: string,
  available: number,
  inbound: number,
  overrides: Partial<InventoryFact> = {},
): InventoryFact {
  return {
    kind: 'inventory',
    channel: 'amazon',
    sku,
    asin: '',
    availableUnits: available,
    inboundUnits: inbound,
    reservedUnits: 0,
    unsellableUnits: 0,
    price: null,
    snapshotDate: BUILD_DAY,
    snapshotDateSource: 'stated',
    source: { sheet: 'Inventory export' },
    row: 2,
    ...overrides,
  };
}

/** KPI Summary rows of `units` a day for `sku` on every day from `from` to `to`, except `skip`. */
function sales(
  sku: string,
  units: number,
  from: string,
  to: string,
  skip: readonly string[] = [],
): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (skip.includes(day) || units === 0) continue;
    rows.push({
      date: day,
      channel: 'amazon',
      sku,
      units,
      orders: units,
      revenue: units * 10,
      adSpend: 0,
      adSales: 0,
      adClicks: 0,
      adImpressions: 0,
      returnedUnits: 0,
      cogs: units * 4,
      fees: null,
      feesEstimated: false,
      grossProfit: null,
    });
  }
  return rows;
}

/** Amazon's order export covers 2026-01-01..2026-03-09: the first and the last order line say so. */
const COVERAGE: Fact[] = [
  orderLine({ date: '2026-01-01', sku: 'ANY' }),
  orderLine({ date: '2026-03-09', sku: 'ANY', orderId: '111-0000002-0000002' }),
];

function build(facts: Fact[], rows: SummaryRow[], productsGrid?: string[][]) {
  return buildInventory({
    facts: [...COVERAGE, ...facts],
    summaryRows: rows,
    products: productsGrid
      ? productsFromGrid(productsGrid, {
          reportingTimeZone: 'America/Los_Angeles',
          spreadsheetTimeZone: 'America/Los_Angeles',
        })
      : EMPTY_PRODUCTS,
    costs: EMPTY_COST_TABLE,
    fxUsdCny: 7.2,
    buildDay: BUILD_DAY,
  });
}

function lineFor(lines: readonly InventoryLine[], sku: string): InventoryLine {
  const line = lines.find((candidate) => candidate.sku === sku);
  if (!line) throw new Error(`no line for ${sku}`);
  return line;
}

describe('suggested quantity: case pack and MOQ', () => {
  const parameters = (casePack: number, moq: number) => ({ targetDaysOfSupply: 60, casePack, moq });

  it('rounds up to whole cartons', () => {
    // 60 × 2 + 1 − 0 − 0 = 121 → 11 cartons of 12 = 132.
    expect(reorderQuantity(2, 1, 0, 0, parameters(12, 0))).toBe(132);
    // Exactly 120 stays 10 cartons.
    expect(reorderQuantity(2, 0, 0, 0, parameters(12, 0))).toBe(120);
  });

  it('orders at least the MOQ, itself rounded up to cartons', () => {
    // 60 × 3 − 100 = 80 < MOQ 200 → 200 → 17 cartons of 12 = 204.
    expect(reorderQuantity(3, 0, 100, 0, parameters(12, 200))).toBe(204);
  });

  it('is 0 when stock covers the target (the MOQ applies only to an order)', () => {
    // 60 × 1 + 5 − 50 − 20 = −5 → 0, not the MOQ of 100.
    expect(reorderQuantity(1, 5, 50, 20, parameters(10, 100))).toBe(0);
  });
});

describe('statuses (SPEC §3b)', () => {
  const base = {
    availableUnits: 10,
    daysLeftWithInbound: 100,
    daysOfSupplyWithInbound: 100,
    noSalesIn30Days: false,
    leadTimeDays: 45,
    targetDaysOfSupply: 90,
    reorderSoonExtraDays: 14,
    overstockTargetMultiple: 2,
  };
  it.each([
    ['out_of_stock', { availableUnits: 0, daysLeftWithInbound: 0 }],
    ['reorder_now', { daysLeftWithInbound: 45 }],
    ['reorder_soon', { daysLeftWithInbound: 59 }],
    ['ok', { daysLeftWithInbound: 60 }],
    ['overstock', { daysOfSupplyWithInbound: 181 }],
    ['overstock', { daysLeftWithInbound: null, daysOfSupplyWithInbound: null, noSalesIn30Days: true }],
  ])('%s', (status, overrides) => {
    expect(inventoryStatus({ ...base, ...overrides })).toBe(status);
  });

  it('each status reads in both languages', () => {
    expect(translate('en', 'inventory.status.reorder_now')).toBe('REORDER NOW');
    expect(translate('zh', 'inventory.status.reorder_now')).toBe('立即补货');
    expect(translate('zh', 'inventory.status.out_of_stock')).toBe('断货');
    expect(translate('zh', 'inventory.status.overstock')).toBe('库存积压');
  });
});

describe('the Inventory lines, worked by hand', () => {
  const result = build(
    [
      stock('RUN', 60, 0),
      stock('COVERED', 20, 200),
      stock('OVER', 500, 0),
      stock('NOSALES', 40, 0),
      stock('ZERO', 0, 0),
      stock('CASE', 100, 0),
    ],
    [
      ...sales('RUN', 2, '2026-01-01', '2026-03-09'),
      ...sales('COVERED', 2, '2026-01-01', '2026-03-09'),
      ...sales('OVER', 1, '2026-01-01', '2026-03-09'),
      ...sales('ZERO', 1, '2026-01-01', '2026-03-09'),
      ...sales('CASE', 3, '2026-01-01', '2026-03-09'),
    ],
    [
      [
        ...'sku,name,category,brand,owner,launch_date'.split(','),
        'lead_time_days',
        'lead_time_sd_days',
      ].concat(['service_level', 'target_days_of_supply', 'case_pack', 'moq']),
      ['CASE', 'Carton item', 'Kitchen', '', 'Li', '', '30', '0', '95%', '60', '12', '200'],
    ],
  );

  it('a SKU that will run out inside its lead time: REORDER NOW, order-by in the past, 144 to order', () => {
    const run = lineFor(result.current, 'RUN');
    // 2 units every day: d7 = d30 = d90 = 2, σd = 0.
    expect(run.demand.perDay).toEqual({ 7: 2, 30: 2, 90: 2 });
    expect(run.demand.sd90).toBe(0);
    // SS = z × √(LT·σd² + d²·σLT²) = 1.6449 × √(45·0 + 4·49) = 1.6449 × 14 = 23.028.
    expect(run.safetyStock).toBeCloseTo(Z95 * 14, 9);
    // ROP = 2 × 45 + 23.028 = 113.028.
    expect(run.reorderPoint).toBeCloseTo(90 + Z95 * 14, 9);
    // 60 ÷ 2 = 30 days: out on 2026-04-09; order by 04-09 − 45 days = 2026-02-23.
    expect(run.daysOfSupply).toBe(30);
    expect(run.stockoutDate).toBe('2026-04-09');
    expect(run.orderByDate).toBe('2026-02-23');
    expect(run.status).toBe('reorder_now');
    // 90 × 2 + 23.028 − 60 − 0 = 143.03 → 144.
    expect(run.reorderQuantity).toBe(144);
  });

  it('inbound that covers it: OK, nothing to order', () => {
    const covered = lineFor(result.current, 'COVERED');
    // Available alone lasts 20 ÷ 2 = 10 days; with 200 inbound 220 ÷ 2 = 110 days > 45 + 14, and ≤ 2 × 90.
    expect(covered.stockoutDate).toBe('2026-03-20');
    expect(covered.daysOfSupplyWithInbound).toBe(110);
    expect(covered.status).toBe('ok');
    // 90 × 2 + 23.03 − 20 − 200 = −16.97 → 0.
    expect(covered.reorderQuantity).toBe(0);
  });

  it('overstocked: 500 days of supply at 1 a day is over twice the 90-day target', () => {
    const over = lineFor(result.current, 'OVER');
    expect(over.daysOfSupplyWithInbound).toBe(500);
    expect(over.status).toBe('overstock');
    expect(over.reorderQuantity).toBe(0);
  });

  it('no sales: stock with no sales in 30 days is OVERSTOCK; no stockout date', () => {
    const idle = lineFor(result.current, 'NOSALES');
    expect(idle.demand.perDay[30]).toBe(0);
    expect(idle.stockoutDate).toBeNull();
    expect(idle.daysOfSupply).toBeNull();
    expect(idle.status).toBe('overstock');
    expect(idle.reorderQuantity).toBe(0);
  });

  it('nothing available: OUT OF STOCK, first in the sheet', () => {
    expect(lineFor(result.current, 'ZERO').status).toBe('out_of_stock');
    expect(result.current[0]?.sku).toBe('ZERO');
    expect(result.current.map((line) => line.status)).toEqual([
      'out_of_stock',
      'reorder_now',
      'reorder_soon',
      'overstock',
      'overstock',
      'ok',
    ]);
  });

  it('the Products row: lead time 30, σLT 0, target 60, case pack 12, MOQ 200', () => {
    const carton = lineFor(result.current, 'CASE');
    // σd = 0 and σLT = 0: no safety stock. 100 ÷ 3 = 33 whole days: 33 > 30 and ≤ 30 + 14 → REORDER SOON.
    expect(carton.safetyStock).toBe(0);
    expect(carton.stockoutDate).toBe('2026-04-12');
    expect(carton.orderByDate).toBe('2026-03-13');
    expect(carton.status).toBe('reorder_soon');
    // 60 × 3 + 0 − 100 = 80 → MOQ 200 → 17 cartons of 12 = 204.
    expect(carton.reorderQuantity).toBe(204);
    expect(carton.notes.map((note) => note.key)).not.toContain('inventory.note.defaults');
    // The other SKUs have no Products row: rows for them are added.
    expect(result.skusWithoutProductRow).toEqual(['COVERED', 'NOSALES', 'OVER', 'RUN', 'ZERO']);
  });

  it('the sheet tables: bilingual status, KPI Inventory status as a code', () => {
    const sheet = inventorySheetTable(result.current, 'en');
    expect(sheet.header[0]).toBe('Status · 状态');
    expect(sheet.rows[1]?.[0]).toBe('REORDER NOW · 立即补货');
    const kpi = kpiInventoryTable(result.history);
    expect(kpi.header).toEqual([
      'snapshot_date',
      'channel',
      'sku',
      'available',
      'inbound',
      'units_per_day_30',
      'days_of_supply',
      'reorder_qty',
      'status',
    ]);
    expect(kpi.rows.find((row) => row[2] === 'RUN')).toEqual([
      '2026-03-10',
      'amazon',
      'RUN',
      60,
      0,
      2,
      30,
      144,
      'reorder_now',
    ]);
  });
});

describe('demand with stockout days shown by the Inventory Ledger', () => {
  const ledgerDay = (date: string, ending: number): LedgerBalanceFact => ({
    kind: 'ledgerBalance',
    channel: 'amazon',
    sku: 'LEDGER',
    date,
    disposition: 'SELLABLE',
    location: 'US',
    startingBalance: ending,
    endingBalance: ending,
    customerShipments: 0,
    source: { sheet: 'Ledger' },
    row: 2,
  });
  const stockout = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];

  it('leaves the days with nothing sellable out of the averages and σd', () => {
    const result = build(
      [stock('LEDGER', 200, 0), ...stockout.map((day) => ledgerDay(day, 0)), ledgerDay('2026-03-06', 120)],
      sales('LEDGER', 4, '2026-01-01', '2026-03-09', stockout),
    );
    const line = lineFor(result.current, 'LEDGER');
    // 30 days 02-08..03-09 less the 5 stockout days = 25 days × 4 units ÷ 25 = 4 (not 100 ÷ 30 = 3.33).
    expect(line.demand.days[30]).toBe(25);
    expect(line.demand.perDay[30]).toBe(4);
    // 7 days 03-03..03-09 less 03-03, 03-04, 03-05 = 4 days, 4 a day.
    expect(line.demand.perDay[7]).toBe(4);
    expect(line.demand.stockoutDaysExcluded).toBe(5);
    // Every counted day sold 4: no variation. (With the stockout days as zeros σd would not be 0.)
    expect(line.demand.sd90).toBe(0);
  });

  it('without the ledger the same sales give 100 ÷ 30 and a σd', () => {
    const result = build([stock('LEDGER', 200, 0)], sales('LEDGER', 4, '2026-01-01', '2026-03-09', stockout));
    const line = lineFor(result.current, 'LEDGER');
    expect(line.demand.perDay[30]).toBeCloseTo(100 / 30, 12);
    // 90 days (12-10..03-09 clipped to the coverage from 01-01: 68 days), 63 × 4 and 5 × 0:
    // mean 252/68, σd = √(Σ(x − mean)² / 67).
    const mean = 252 / 68;
    const expected = Math.sqrt((63 * (4 - mean) ** 2 + 5 * mean ** 2) / 67);
    expect(line.demand.days[90]).toBe(68);
    expect(line.demand.sd90).toBeCloseTo(expected, 12);
  });
});

describe('snapshots', () => {
  it('the latest snapshot per channel × SKU is current; the earlier one stays in the history', () => {
    const result = build(
      [stock('RUN', 999, 0, { snapshotDate: '2026-03-01' }), stock('RUN', 60, 0)],
      sales('RUN', 2, '2026-01-01', '2026-03-09'),
    );
    expect(result.current).toHaveLength(1);
    expect(result.current[0]?.availableUnits).toBe(60);
    expect(result.history.map((line) => [line.snapshotDate, line.availableUnits])).toEqual([
      ['2026-03-01', 999],
      ['2026-03-10', 60],
    ]);
  });

  it('the same snapshot pasted twice (a second block, another tab) counts once', () => {
    const result = build(
      [
        stock('RUN', 60, 10),
        stock('RUN', 60, 10, { source: { sheet: 'Inventory export', block: '1' }, row: 9 }),
        stock('RUN', 60, 10, { source: { sheet: 'Inventory copy' }, row: 2 }),
      ],
      sales('RUN', 2, '2026-01-01', '2026-03-09'),
    );
    expect(result.current[0]).toMatchObject({ availableUnits: 60, inboundUnits: 10 });
  });

  it('rows of one SKU in one download add up (two warehouses of a 3PL)', () => {
    const result = build(
      [stock('RUN', 60, 0), stock('RUN', 40, 0, { source: { sheet: 'Inventory export' }, row: 3 })],
      sales('RUN', 2, '2026-01-01', '2026-03-09'),
    );
    expect(result.current[0]?.availableUnits).toBe(100);
  });

  it('a snapshot with no date stands for the build day, and its line says so', () => {
    const undated = stock('RUN', 60, 0);
    delete undated.snapshotDate;
    delete undated.snapshotDateSource;
    const result = build([undated], sales('RUN', 2, '2026-01-01', '2026-03-09'));
    expect(result.current[0]).toMatchObject({ snapshotDate: BUILD_DAY, dateSource: 'buildDay' });
    expect(result.current[0]?.notes.map((note) => note.key)).toContain('inventory.note.buildDay');
  });
});
