/**
 * Every ad type on the built dist/ in the local Apps Script world (issue 10, item 2): the Sponsored Products,
 * Sponsored Display and Sponsored Brands daily reports pasted as text beside an All Orders report. Sponsored Brands has
 * no SKU, so its spend lands on the channel's row with an empty SKU; Display spend lands on its SKU beside Products
 * spend; the day's TACoS (all ad spend over all revenue) includes every ad type. Figures worked out by hand below.
 */
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { loadFixture } from '../reports/helpers';

const ALL_ORDERS_HEADER = [
  'amazon-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'sales-channel',
  'sku',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-promotion-discount',
  'merchant-order-id',
  'fulfillment-channel',
  'order-channel',
  'ship-service-level',
  'product-name',
  'asin',
  'item-tax',
  'shipping-price',
  'ship-promotion-discount',
  'ship-country',
  'is-business-order',
];

/** One shipped line of Sep 01, 2026 (11:00 in Los Angeles). */
function shippedLine(orderId: string, sku: string, quantity: string, price: string): Cell[] {
  return [
    orderId,
    '2026-09-01T18:00:00Z',
    '2026-09-01T19:00:00Z',
    'Shipped',
    'Amazon.com',
    sku,
    'Shipped',
    quantity,
    'USD',
    price,
    '',
  ];
}

/** Sep 01 revenue: SKU-A 19.99 + 99.95 = 119.94 (6 units), SKU-B 50.00 (2 units); the day 169.94. */
const SEP_01_ORDERS: Cell[][] = [
  ALL_ORDERS_HEADER,
  shippedLine('111-0000001-0000001', 'SKU-A', '1', '19.99'),
  shippedLine('111-0000002-0000002', 'SKU-A', '5', '99.95'),
  shippedLine('111-0000003-0000003', 'SKU-B', '2', '50.00'),
];

function shownDay(cell: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(cell);
}

/** Builds from the built global and returns the KPI Summary rows of Sep 01 keyed by SKU ('' = the channel row). */
function buildSep01(sheets: Record<string, Cell[][]>): Map<string, Record<string, Cell>> {
  const world = new GasWorld({
    spreadsheetTimeZone: 'America/Los_Angeles',
    fxRateUsdCny: 7.2,
    now: new Date('2026-09-10T16:00:00Z'),
  });
  for (const [name, rows] of Object.entries(sheets)) world.addSheet(name, rows, 'text');
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['fx_usd_cny', '7.2'],
    ],
    'typed',
  );
  const buildKpiSummary = loadDist(world).buildKpiSummary;
  if (!buildKpiSummary) throw new Error('dist/main.js has no buildKpiSummary');
  buildKpiSummary();
  const [header = [], ...rows] = world.sheetValues('KPI Summary');
  const names = header.map(String);
  const bySku = new Map<string, Record<string, Cell>>();
  for (const row of rows) {
    const date = row[names.indexOf('date')];
    if (!(date instanceof Date) || shownDay(date) !== '2026-09-01') continue;
    if (row[names.indexOf('channel')] !== 'amazon') continue;
    bySku.set(
      String(row[names.indexOf('sku')]),
      Object.fromEntries(names.map((name, at) => [name, row[at] ?? ''])),
    );
  }
  return bySku;
}

describe('every ad type in the KPI Summary (SPEC §2b ad_spend)', () => {
  const sbDaily = loadFixture('amazon-sb-campaign-daily.csv');
  const sep01 = buildSep01({
    'All Orders': SEP_01_ORDERS,
    'SP ads': loadFixture('amazon-sp-advertised-product-daily.csv'),
    'SD ads': loadFixture('amazon-sd-advertised-product-daily.csv'),
    // Downloaded twice and appended below with its header: still counted once.
    'SB ads': [...sbDaily, ...sbDaily],
  });

  it('Sponsored Brands spend lands on the channel row with an empty SKU', () => {
    // SB - Brand Store - Cast Nets 46.20 + SB - Video - Bait Nets 15.60 = 61.80; no revenue on that row.
    expect(sep01.get('')).toMatchObject({ ad_spend: 61.8, ad_sales: 164.03, ad_clicks: 60, revenue: 0 });
  });

  it('Sponsored Display spend lands on its SKU beside Sponsored Products spend', () => {
    // SKU-A: SP 16.12 + SD 7.44 = 23.56 of spend; SP 1,234.50 + SD 29.98 = 1,264.48 of ad sales; 31 + 9 clicks.
    expect(sep01.get('SKU-A')).toMatchObject({
      revenue: 119.94,
      ad_spend: 23.56,
      ad_sales: 1264.48,
      ad_clicks: 40,
    });
    const skuATacos = Number(sep01.get('SKU-A')?.tacos);
    expect(skuATacos).toBeCloseTo(23.56 / 119.94, 4);
    // SKU-B has no ad row on Sep 01 (its SP and SD rows are on Sep 02).
    expect(sep01.get('SKU-B')).toMatchObject({ revenue: 50, ad_spend: 0 });
  });

  it('the day’s TACoS includes Sponsored Products, Display and Brands', () => {
    const rows = [...sep01.values()];
    const spend = rows.reduce((sum, row) => sum + Number(row.ad_spend), 0);
    const revenue = rows.reduce((sum, row) => sum + Number(row.revenue), 0);
    // 23.56 (SP + SD on SKU-A) + 61.80 (SB on the channel row) = 85.36 over 169.94 of revenue: 50.23%.
    expect(Math.round(spend * 100) / 100).toBe(85.36);
    expect(Math.round(revenue * 100) / 100).toBe(169.94);
    expect(spend / revenue).toBeCloseTo(0.5023, 4);
  });
});
