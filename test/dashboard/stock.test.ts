/**
 * The KPI Dashboard's stock section (issue 11, item 4): at-risk SKUs with their order-by date, overstock at landed
 * cost, 动销率 and the month's turnover, from the Inventory sheet's own lines. Figures worked by hand.
 */
import { costsFromRows } from '../../src/core/costs/costs';
import { dashboardGrid } from '../../src/core/dashboard/layout';
import { buildDashboard } from '../../src/core/dashboard/model';
import { stockSection } from '../../src/core/dashboard/stock';
import { DEFAULT_PARAMETERS } from '../../src/core/inventory/defaults';
import { noDemand } from '../../src/core/inventory/demand';
import { type InventoryLine } from '../../src/core/inventory/inventory';
import { type InventoryStatus } from '../../src/core/inventory/replenishment';
import { summaryRow } from './fixtures';

function line(
  sku: string,
  status: InventoryStatus,
  available: number,
  overrides: Partial<InventoryLine> = {},
): InventoryLine {
  return {
    channel: 'amazon',
    sku,
    snapshotDate: '2026-07-12',
    dateSource: 'report',
    availableUnits: available,
    inboundUnits: 0,
    reservedUnits: 0,
    demand: noDemand(),
    parameters: DEFAULT_PARAMETERS,
    daysOfSupply: null,
    daysOfSupplyWithInbound: null,
    stockoutDate: null,
    stockoutDateWithInbound: null,
    safetyStock: null,
    reorderPoint: null,
    orderByDate: null,
    reorderQuantity: null,
    sellThrough90: null,
    turnover90: null,
    daysOfInventory: null,
    unitsAgedOver180: null,
    status,
    notes: [],
    ...overrides,
  };
}

const COSTS = costsFromRows(
  [
    ['sku', 'unit_cost', 'currency', 'first_leg_per_unit', 'duty_rate', 'effective_from'],
    ['A', '5', 'USD', '1', '0', ''],
    ['B', '2', 'USD', '0', '0', ''],
    ['C', '10', 'USD', '0', '0', ''],
  ],
  'Costs',
  'America/Los_Angeles',
).table;

const LINES = [
  line('D', 'out_of_stock', 0, { orderByDate: '2026-07-01', reorderQuantity: 120 }),
  line('A', 'reorder_now', 30, {
    orderByDate: '2026-07-10',
    reorderQuantity: 240,
    stockoutDateWithInbound: '2026-08-01',
  }),
  line('B', 'overstock', 500),
  line('E', 'overstock', 40),
  line('C', 'ok', 100),
];
const ROWS = [
  // July to date: A sold 10 units (cogs 60), C sold 5 (cogs 50); B none.
  summaryRow('2026-07-05', 'amazon', 'A', { units: 10, revenue: 100, grossProfit: 40 }),
  summaryRow('2026-07-06', 'amazon', 'C', { units: 5, revenue: 80, grossProfit: 30 }),
  summaryRow('2026-06-30', 'amazon', 'B', { units: 3, revenue: 10, grossProfit: 4 }),
];

describe('the stock section', () => {
  const section = stockSection(
    LINES,
    ROWS,
    COSTS,
    null,
    { from: '2026-07-01', to: '2026-07-11', days: 11 },
    '2026-07-12',
  );

  it('lists out of stock, reorder now and reorder soon, most urgent first, with order-by dates', () => {
    expect(
      section?.atRisk.map((risk) => [risk.sku, risk.status, risk.orderByDate, risk.reorderQuantity]),
    ).toEqual([
      ['D', 'out_of_stock', '2026-07-01', 120],
      ['A', 'reorder_now', '2026-07-10', 240],
    ]);
    expect(section?.atRiskCount).toBe(2);
  });

  it('values overstock at landed cost and counts the overstocked SKUs without a cost apart', () => {
    // B: 500 × $2 = $1,000; E has no cost.
    expect([section?.overstockValue, section?.overstockSkusWithoutCost]).toEqual([1000, 1]);
  });

  it('动销率: SKUs in stock that sold this month ÷ SKUs in stock', () => {
    // In stock: A, B, E, C (D has none); sold in July: A and C (B's sale was in June) → 2 / 4.
    expect([section?.skusInStockSold, section?.skusInStock, section?.sellingRate]).toEqual([2, 4, 0.5]);
  });

  it('turnover needs every SKU in stock costed: E has no cost, so it is not known', () => {
    expect([section?.turnover, section?.daysOfInventory]).toEqual([null, null]);
  });

  it('turnover month to date = COGS ÷ stock at cost; days of inventory = days ÷ turnover', () => {
    const costed = stockSection(
      LINES.filter((stock) => stock.sku !== 'E'),
      ROWS,
      COSTS,
      null,
      { from: '2026-07-01', to: '2026-07-11', days: 11 },
      '2026-07-12',
    );
    // Stock at cost: A 30 × 6 = 180, B 500 × 2 = 1,000, C 100 × 10 = 1,000 → 2,180. COGS 110. 110 / 2,180 = 0.0505;
    // 11 / 0.0505 = 218 days.
    expect(costed?.turnover).toBeCloseTo(110 / 2180, 12);
    expect(costed?.daysOfInventory).toBeCloseTo((11 * 2180) / 110, 9);
  });

  it('is shown on the dashboard in the user’s language', () => {
    const model = buildDashboard(ROWS, [], {
      now: Date.parse('2026-07-12T16:00:00Z'),
      reportingTimeZone: 'America/Los_Angeles',
      inventory: { lines: LINES, costs: COSTS },
    });
    const text = dashboardGrid(model, 'zh').values.map((row) => row.join('|'));
    expect(text).toContainEqual(expect.stringMatching(/^1\|D\|亚马逊\|断货\|0\|0\|2026-07-01\|120\|/));
    expect(text).toContainEqual(expect.stringContaining('动销率（2026-07-01 – 2026-07-11）：50.0%'));
  });
});
