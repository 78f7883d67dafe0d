/**
 * Walmart and TikTok Shop get fees and gross profit from their own payments exports (Walmart recon report, TikTok
 * income export), the way Amazon gets them from the Date Range report: orders exports own revenue, payments reports
 * own fees (SPEC §2 "One source per measure").
 */
import { type CellGrid } from '../../src/core/cell';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { detectKnownReport, runPipeline, type SourceGrid } from '../../src/core/summary/pipeline';
import { loadFixture } from '../reports/helpers';

const COSTS: CellGrid = [
  ['sku', 'unit_cost', 'currency'],
  ['WM-A', '6.00', 'USD'],
  ['TT-A', '5.00', 'USD'],
];

function build(sources: SourceGrid[]) {
  return runPipeline({
    sources,
    costsRows: COSTS,
    settings: { ...DEFAULT_SETTINGS },
    spreadsheetTimeZone: 'America/Los_Angeles',
    detect: detectKnownReport,
    language: 'en',
  });
}

const WALMART_ORDERS: CellGrid = [
  [
    'PO#',
    'Order#',
    'Order Date',
    'Status',
    'Line#',
    'Qty',
    'SKU',
    'Item Cost',
    'Shipping Cost',
    'Tax',
    'Ship By',
    'Customer Name',
    'UPC',
    'Item Description',
    'Shipping Method',
    'Carrier',
    'Tracking Number',
    'Fulfillment Entity',
    'Shipping Config SOurce',
  ],
  ['108829812345001', '2000001', '4/29/2026', 'Shipped', '1', '1', 'WM-A', '24.99', '0', '2.06'],
];

const RECON_HEADER = [
  'Period Start Date',
  'Period End Date',
  'Total Payable',
  'Transaction Key',
  'Transaction Posted Timestamp',
  'Transaction Type',
  'Transaction Description',
  'Customer Order #',
  'Purchase Order #',
  'Purchase Order line #',
  'Amount',
  'Amount Type',
  'Partner Item Id',
];

const WALMART_RECON: CellGrid = [
  RECON_HEADER,
  ['4/25/2026', '5/8/2026', '13.01', '', '5/9/2026', 'PaymentSummary', '', '', '', '', '', '', ''],
  [
    '',
    '',
    '',
    'K1',
    '4/29/2026',
    'Sale',
    'Purchase',
    '2000001',
    '108829812345001',
    '1',
    '24.99',
    'Product Price',
    'WM-A',
  ],
  [
    '',
    '',
    '',
    'K1',
    '4/29/2026',
    'Sale',
    'Purchase',
    '2000001',
    '108829812345001',
    '1',
    '-3.75',
    'Commission on Product',
    'WM-A',
  ],
  [
    '',
    '',
    '',
    'K2',
    '4/29/2026',
    'Adjustment',
    'Walmart Shipping Label Service Charge',
    '2000001',
    '108829812345001',
    '1',
    '-8.23',
    'Fee/Reimbursement',
    'WM-A',
  ],
];

const TIKTOK_SETTLEMENT: CellGrid = [
  [
    'Order/adjustment ID  ',
    'Type',
    'Order created time',
    'Order settled time',
    'Total settlement amount',
    'Total revenue',
    'Total Fees',
    'Transaction fee',
    'TikTok Shop commission fee',
    'Seller shipping fee',
    'Affiliate commission',
  ],
  [
    '583870900000000001\t',
    'Order',
    '2026/03/01\t',
    '2026/03/01\t',
    '27.76',
    '34.00',
    '-6.24',
    '-1.02',
    '-2.72',
    '-2.50',
    '0',
  ],
];

describe('Walmart and TikTok Shop fees from their payments exports', () => {
  it('a Walmart order and its recon lines give the Walmart row fees and gross profit', () => {
    const result = build([
      { sheetName: 'Walmart orders', rows: WALMART_ORDERS },
      { sheetName: 'Walmart recon', rows: WALMART_RECON },
    ]);
    const row = result.summary.rows.find((summary) => summary.channel === 'walmart');
    // Revenue 24.99 (orders export; the recon's Product Price is not counted again); COGS 1 × 6.00;
    // fees 3.75 commission + 8.23 shipping label = 11.98; gross profit 24.99 − 6.00 − 11.98 = 7.01.
    expect(row).toMatchObject({
      date: '2026-04-29',
      sku: 'WM-A',
      units: 1,
      revenue: 24.99,
      cogs: 6,
      feesEstimated: false,
    });
    expect(row?.fees).toBeCloseTo(11.98, 10);
    expect(row?.grossProfit).toBeCloseTo(7.01, 10);
    expect(result.summary.rows).toHaveLength(1);
    expect(result.issues).toEqual([]);
    expect(result.sources.map((source) => source.type)).toEqual(['walmart-orders', 'walmart-recon']);
  });

  it('without the recon report the Walmart fees stay unknown (the case the recon report fixes)', () => {
    const result = build([{ sheetName: 'Walmart orders', rows: WALMART_ORDERS }]);
    expect(result.summary.rows[0]).toMatchObject({ fees: null, grossProfit: null });
    expect(result.issues.map((issue) => [issue.key, issue.reason.key])).toEqual([
      ['walmart', 'issue.fees.noPayments'],
    ]);
  });

  it('a TikTok order and its settlement line give the TikTok channel fees and gross profit', () => {
    const result = build([
      { sheetName: 'TikTok orders', rows: loadFixture('tiktok-orders.csv') },
      { sheetName: 'TikTok income', rows: TIKTOK_SETTLEMENT },
    ]);
    const firstDay = result.summary.rows.filter(
      (row) => row.date === '2026-03-01' && row.channel === 'tiktok',
    );
    // Order 583870900000000001 (fixture): TT-A × 2, 40.00 before discount − 6.00 seller discount = 34.00 revenue,
    // COGS 2 × 5.00 = 10.00. The settlement row has no SKU: its fees 2.72 + 2.50 + 1.02 = 6.24 land on the channel
    // row with an empty SKU. The SKU row's own fees are 0 (the day is covered by a payments report, not unknown).
    expect(
      firstDay.map((row) => [row.sku, row.units, row.revenue, row.cogs, row.fees, row.grossProfit]),
    ).toEqual([
      ['', 0, 0, 0, 6.24, -6.24],
      ['TT-A', 2, 34, 10, 0, 24],
    ]);
    // The channel's day: 34.00 − 10.00 − 6.24 = 17.76.
    const channelProfit = firstDay.reduce((sum, row) => sum + (row.grossProfit ?? 0), 0);
    expect(channelProfit).toBeCloseTo(17.76, 10);
    expect(
      result.issues.filter((issue) => issue.reason.key === 'issue.fees.noPayments' && issue.key === 'tiktok'),
    )
      // 2026-03-02 (order …003) is outside the settlement export's days: its fees stay unknown, and say so.
      .toHaveLength(1);
  });
});
