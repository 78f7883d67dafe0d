/**
 * Chinese downloads on the built dist/ in the local Apps Script world (issue 12): a seller whose Seller Central and
 * Ads console are in Chinese pastes their Business Report by date and Sponsored Products advertised product report and
 * gets the KPI Summary a colleague gets from the English downloads of the same numbers. Figures worked out by hand.
 */
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { loadFixture } from '../reports/helpers';

function shownDay(cell: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(cell);
}

interface Built {
  /** KPI Summary rows keyed by header, dates as the yyyy-MM-dd they show. */
  summary: Record<string, Cell>[];
  issues: string[];
}

function build(sheets: Record<string, Cell[][]>, mode: 'text' | 'typed' = 'text'): Built {
  const world = new GasWorld({
    spreadsheetTimeZone: 'America/Los_Angeles',
    fxRateUsdCny: 7.2,
    now: new Date('2026-09-10T16:00:00Z'),
  });
  for (const [name, rows] of Object.entries(sheets)) world.addSheet(name, rows, mode);
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
  const summary = rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) =>
      Object.fromEntries(
        names.map((name, index) => {
          const cell = row[index] ?? '';
          return [name, cell instanceof Date ? shownDay(cell) : cell];
        }),
      ),
    );
  const issues = world
    .sheetValues('Data Issues')
    .slice(1)
    .map((row) => row.map(String).join(' | '));
  return { summary, issues };
}

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

/** A shipped All Orders line at 11:00 in Los Angeles on 2026-08-04 (All Orders keeps English keys in Chinese, §9.1e). */
function shippedOnAugust4(orderId: string, sku: string, quantity: string, price: string): Cell[] {
  const at = '2026-08-04T18:00:00+00:00';
  return [orderId, at, at, 'Shipped', 'Amazon.com', sku, 'Shipped', quantity, 'USD', price, ''];
}

/** The summary row of `date` and `sku` ('' = the channel row of an aggregate day). */
function rowOf(built: Built, date: string, sku: string): Record<string, Cell> | undefined {
  return built.summary.find((row) => row.date === date && row.sku === sku && row.channel === 'amazon');
}

describe('Chinese downloads on the built add-on', () => {
  const chinese = {
    业务报告: loadFixture('amazon-business-report-date-zh.csv'),
    推广商品: loadFixture('amazon-sp-advertised-product-daily-zh.csv'),
  };
  const english = {
    'Business Report': loadFixture('amazon-business-report-date.csv'),
    'SP advertised product': loadFixture('amazon-sp-advertised-product-daily.csv'),
  };

  it('a Chinese Business Report by date and SP advertised product report give the English KPI Summary', () => {
    const fromChinese = build(chinese);
    const fromEnglish = build(english);
    expect(fromChinese.summary.length).toBe(6);
    expect(fromChinese.summary).toEqual(fromEnglish.summary);
    // 2026/8/3: US$1,204.50 over 57 units and 52 order items, from the Business Report alone.
    expect(rowOf(fromChinese, '2026-08-03', '')).toMatchObject({ revenue: 1204.5, units: 57, orders: 52 });
    // 2026/9/1: 花费 $16.12 on SKU-A, 7天总销售额 $1,234.50: ACoS 16.12 / 1,234.50 = 1.3058%.
    expect(rowOf(fromChinese, '2026-09-01', 'SKU-A')).toMatchObject({
      ad_spend: 16.12,
      ad_sales: 1234.5,
      ad_clicks: 31,
      ad_impressions: 1204,
      acos: 0.013058,
    });
    // 2026/9/2: SKU-A $11.00 and SKU-B $0.95; the `n/a` spend of 2026/9/3 is a Data Issue in both languages.
    expect(rowOf(fromChinese, '2026-09-02', 'SKU-A')?.ad_spend).toBe(11);
    expect(rowOf(fromChinese, '2026-09-02', 'SKU-B')?.ad_spend).toBe(0.95);
    expect(fromChinese.issues.filter((issue) => issue.includes('n/a'))).toHaveLength(1);
    expect(fromEnglish.issues.filter((issue) => issue.includes('n/a'))).toHaveLength(1);
  });

  it('pasted with conversion on (year-first days become Date cells), the Chinese reports read the same', () => {
    expect(build(chinese, 'typed').summary).toEqual(build(chinese).summary);
  });

  it('a mixed workbook: the Chinese Business Report fills the days the English All Orders report does not cover', () => {
    const built = build({
      业务报告: loadFixture('amazon-business-report-date-zh.csv'),
      'All Orders': [
        ALL_ORDERS_HEADER,
        shippedOnAugust4('111-0000001-0000001', 'SKU-A', '1', '19.99'),
        shippedOnAugust4('111-0000002-0000002', 'SKU-B', '2', '39.98'),
      ],
    });
    // Aug 3 and Aug 5 from the Business Report; Aug 4 from the order lines (the report's own Aug 4 is not added).
    expect(rowOf(built, '2026-08-03', '')).toMatchObject({ revenue: 1204.5, units: 57 });
    expect(rowOf(built, '2026-08-04', 'SKU-A')).toMatchObject({ revenue: 19.99, units: 1 });
    expect(rowOf(built, '2026-08-04', 'SKU-B')).toMatchObject({ revenue: 39.98, units: 2 });
    expect(rowOf(built, '2026-08-04', '')).toBeUndefined();
    expect(rowOf(built, '2026-08-05', '')).toMatchObject({ revenue: 399.8, units: 20 });
    // 1,204.50 + 19.99 + 39.98 + 399.80 = 1,664.27 over 57 + 1 + 2 + 20 = 80 units.
    const revenue = built.summary.reduce((sum, row) => sum + Number(row.revenue), 0);
    expect(Math.round(revenue * 100) / 100).toBe(1664.27);
    expect(built.summary.reduce((sum, row) => sum + Number(row.units), 0)).toBe(80);
  });
});
