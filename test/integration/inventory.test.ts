/**
 * Inventory and replenishment on the built dist/ in the local Apps Script world (issue 11): a Manage FBA Inventory
 * export and an All Orders export pasted as text, the menu build, then the Inventory, KPI Inventory and Products
 * sheets. The script's clock is the host's (test/gas-world README), so the orders are dated back from today.
 */
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { daysInZone, ORDERS_HEADER } from './recentOrders';

const ZONE = 'America/Los_Angeles';
const { isoDay, today: TODAY, dayBefore } = daysInZone(ZONE);
const Z95 = 1.6448536269514722;

/** 2 units of SKU-A a day for the 60 complete days before today (noon UTC is the same day in Los Angeles). */
const ORDERS: Cell[][] = Array.from({ length: 60 }, (_, index) => {
  const day = dayBefore(index + 1);
  const id = `111-${String(index).padStart(7, '0')}-0000001`;
  return [
    id,
    `${day}T20:00:00+00:00`,
    `${day}T21:00:00+00:00`,
    'Shipped',
    'Amazon.com',
    'SKU-A',
    'Shipped',
    '2',
    'USD',
    '40.00',
  ];
});

const MYI_HEADER =
  'sku fnsku asin product-name condition your-price mfn-listing-exists mfn-fulfillable-quantity afn-listing-exists afn-warehouse-quantity afn-fulfillable-quantity afn-unsellable-quantity afn-reserved-quantity afn-total-quantity per-unit-volume afn-inbound-working-quantity afn-inbound-shipped-quantity afn-inbound-receiving-quantity'.split(
    ' ',
  );
const MYI_ROW = [
  'SKU-A',
  'X0000AAAA1',
  'B096MCMDPL',
  'Cast Net',
  'New',
  '26.00',
  'No',
  '',
  'Yes',
  '60',
  '60',
  '0',
  '0',
  '60',
  '0.1',
  '0',
  '0',
  '0',
];

function workbook(): GasWorld {
  const world = new GasWorld({ spreadsheetTimeZone: ZONE, fxRateUsdCny: 7.2 });
  world.addSheet('All Orders', [[...ORDERS_HEADER], ...ORDERS], 'text');
  // The export pasted twice in one tab, with its header: one snapshot.
  world.addSheet('FBA stock', [MYI_HEADER, MYI_ROW, MYI_HEADER, MYI_ROW], 'text');
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['fx_usd_cny', '7.2'],
    ],
    'typed',
  );
  return world;
}

function shown(cell: Cell): Cell {
  return cell instanceof Date ? isoDay(cell.getTime()) : cell;
}

function table(world: GasWorld, name: string): Record<string, Cell>[] {
  const [header, ...rows] = world.sheetValues(name);
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) =>
      Object.fromEntries((header ?? []).map((title, index) => [String(title), shown(row[index] ?? '')])),
    );
}

describe('Inventory on the built add-on', () => {
  it('builds the Inventory, KPI Inventory and Products sheets; typed Products values survive and change the order', () => {
    const world = workbook();
    const script = loadDist(world);
    const buildKpiSummary = script.buildKpiSummary;
    if (!buildKpiSummary) throw new Error('dist/main.js has no buildKpiSummary');
    buildKpiSummary();

    // d30 = 2, σd = 0: SS = 1.6449 × √(45·0 + 2²·7²) = 23.03; 90 × 2 + 23.03 − 60 − 0 = 143.03 → 144.
    // 60 ÷ 2 = 30 days of supply ≤ 45 days lead time: REORDER NOW.
    const [kpi] = table(world, 'KPI Inventory');
    expect(kpi).toEqual({
      snapshot_date: TODAY,
      channel: 'amazon',
      sku: 'SKU-A',
      available: 60,
      inbound: 0,
      units_per_day_30: 2,
      days_of_supply: 30,
      reorder_qty: 144,
      status: 'reorder_now',
    });
    const [line] = table(world, 'Inventory');
    expect(line?.['Status · 状态']).toBe('REORDER NOW · 立即补货');
    // The KPI Dashboard's stock section shows the same SKU, status, order-by day and quantity (issue 11, item 4).
    const dashboard = world.sheetValues('KPI Dashboard').map((row) => row.map(String));
    const stockTitle = dashboard.findIndex((row) => (row[0] ?? '').startsWith('Stock at risk on '));
    expect(dashboard[stockTitle]?.[0]).toBe(
      `Stock at risk on ${TODAY}: 1 SKU — the Inventory sheet has every SKU and its figures`,
    );
    expect(dashboard[stockTitle + 2]?.slice(0, 8)).toEqual([
      '1',
      'SKU-A',
      'Amazon',
      'REORDER NOW',
      '60',
      '0',
      line?.['Order by · 最晚下单日'] === undefined
        ? dashboard[stockTitle + 2]?.[6]
        : String(line['Order by · 最晚下单日']),
      '144',
    ]);

    expect(line?.['Safety stock · 安全库存']).toBeCloseTo(Z95 * 14, 6);
    expect(line?.['Date from · 日期来源']).toBe('build day (no date stated) · 生成当天（未填写日期）');
    expect(String(line?.['Notes · 说明'])).toContain('the build day is used');

    const products = world.spreadsheet.getSheetByName('Products');
    if (!products) throw new Error('no Products sheet');
    expect(world.sheetValues('Products')[0]).toEqual([
      'sku',
      'name',
      'category',
      'brand',
      'owner',
      'launch_date',
      'lead_time_days',
      'lead_time_sd_days',
      'service_level',
      'target_days_of_supply',
      'case_pack',
      'moq',
    ]);
    expect(world.sheetValues('Products')[1]?.[0]).toBe('SKU-A');
    const gid = world.spreadsheet.getSheetByName('KPI Inventory')?.getSheetId();

    // The operator types a 30-day lead time and a case pack of 50 for SKU-A.
    products.getRange(2, 7).setValue(30);
    products.getRange(2, 11).setValue(50);
    buildKpiSummary();

    expect(world.sheetValues('Products')[1]?.slice(0, 11)).toEqual([
      'SKU-A',
      '',
      '',
      '',
      '',
      '',
      30,
      '',
      '',
      '',
      50,
    ]);
    expect(world.sheetValues('Products').filter((row) => row[0] !== '')).toHaveLength(2);
    expect(world.spreadsheet.getSheetByName('KPI Inventory')?.getSheetId()).toBe(gid);
    // SS = 1.6449 × √(30·0 + 4·49) = 23.03 (σLT still 7); 90 × 2 + 23.03 − 60 = 143.03 → 3 cases of 50 = 150.
    // 30 days of supply ≤ 30 days lead time: still REORDER NOW.
    expect(table(world, 'KPI Inventory')[0]).toMatchObject({ reorder_qty: 150, status: 'reorder_now' });
  });
});
