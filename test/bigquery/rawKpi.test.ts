/**
 * Issue 15, item 4: the KPI rows BigQuery computes from the Drive folder's facts (sql/staging/raw_kpi_summary.sql, with
 * the workbook inputs of src/bigquery/raw/kpiInputs.ts) equal, column by column to the cent, the KPI Summary rows the
 * build writes (summarize() with the build's fee estimator, then summaryTable) for the same real-format order exports
 * and SP advertised-product reports, a Costs sheet (USD and CNY costs, a dated cost change, fee inputs for some SKUs
 * only, SKUs without costs) and a Products sheet. The script runs in DuckDB as the double runs it (rawDuckDb.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { feeCardRows } from '../../src/bigquery/raw/kpiInputs';
import { type Cell } from '../../src/core/cell';
import { type DataIssue } from '../../src/core/model';
import { costsFromRows } from '../../src/core/costs/costs';
import { estimateAmazonFees } from '../../src/core/costs/feeEstimate';
import { productsFromGrid } from '../../src/core/inventory/products';
import { levelsFromProducts } from '../../src/core/levels/levels';
import { readSource } from '../../src/core/reports';
import { oneFeeSourcePerDay } from '../../src/core/summary/pipeline';
import { type Coverage, summarize } from '../../src/core/summary/summarize';
import { summaryTable } from '../../src/core/summary/table';
import { type KpiRow, type LocalExportFile, runStaging } from './rawDuckDb';

const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');
const SAMPLES = join(__dirname, '..', '..', 'samples');
const ZONE = 'America/Los_Angeles';

/**
 * More FBA customer returns of MUG-01 on 2026-03-04 (Los Angeles): one SELLABLE unit with a license plate, and two
 * equal rows without one (two returns of one order, one SELLABLE, one DEFECTIVE). The file is given twice, under two
 * Drive ids: a report loaded twice counts once.
 */
const RETURNS_HEADER =
  'return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\t' +
  'reason\tstatus\tlicense-plate-number\tcustomer-comments';
const MUG_RETURNS = join(mkdtempSync(join(tmpdir(), 'raw-kpi-')), 'mug-returns.txt');
writeFileSync(
  MUG_RETURNS,
  [
    RETURNS_HEADER,
    '2026-03-04T20:00:00+00:00\t112-3345002-1000002\tMUG-01\tB0MUG00001\tX00MUG0001\tMug\t1\tONT8\tSELLABLE\t' +
      'UNWANTED_ITEM\tUnit returned to inventory\tLPNMUG0000001\t',
    '2026-03-04T21:00:00+00:00\t112-3345003-1000003\tMUG-01\tB0MUG00001\tX00MUG0001\tMug\t1\tONT8\tsellable\t' +
      'UNWANTED_ITEM\tUnit returned to inventory\t\t',
    '2026-03-04T21:00:00+00:00\t112-3345003-1000003\tMUG-01\tB0MUG00001\tX00MUG0001\tMug\t1\tONT8\tDEFECTIVE\t' +
      'DEFECTIVE\tUnit returned to inventory\t\t',
    '',
  ].join('\n'),
);

/**
 * Files holding a second download pasted below the first, header (and the Date Range report's preamble) and all:
 * the sample Date Range report twice over, and the MUG-01 returns twice over. Each line still counts once.
 */
const APPENDED_DATE_RANGE = join(mkdtempSync(join(tmpdir(), 'raw-kpi-')), 'date-range-appended.csv');
const sampleDateRange = readFileSync(join(SAMPLES, 'amazon-date-range-transactions.csv'), 'utf8');
writeFileSync(APPENDED_DATE_RANGE, `${sampleDateRange}${sampleDateRange.replace(/^\uFEFF/, '')}`);
const APPENDED_RETURNS = join(mkdtempSync(join(tmpdir(), 'raw-kpi-')), 'returns-appended.txt');
writeFileSync(APPENDED_RETURNS, `${readFileSync(MUG_RETURNS, 'utf8')}${readFileSync(MUG_RETURNS, 'utf8')}`);

/** A Sponsored Brands report that splits each campaign's spend by keyword: left out whole, its spend counted once. */
const SB_KEYWORDS = join(mkdtempSync(join(tmpdir(), 'raw-kpi-')), 'sb-keywords.csv');
writeFileSync(
  SB_KEYWORDS,
  readFileSync(join(FIXTURES, 'amazon-sb-campaign-daily.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line, index) => `${line},${index === 0 ? 'Keyword Text' : 'cast nets'}`)
    .join('\n'),
);

/**
 * A Date Range report with a line of a type the reader does not know (Liquidations) and no SKU: counted as a fee on the
 * channel's row of its day, and listed.
 */
const LIQUIDATIONS = join(mkdtempSync(join(tmpdir(), 'raw-kpi-')), 'date-range-liquidations.csv');
writeFileSync(
  LIQUIDATIONS,
  `${sampleDateRange.split(/\r?\n/).slice(0, 8).join('\n')}\n` +
    '"Mar 1, 2026 9:00:00 PM PST","24771830001","Liquidations","","","Liquidations proceeds","","amazon.com",' +
    '"Standard Orders","","","","","","0","0","0","0","0","0","0","0","0","0","0","0","0","0","4.10","4.10"\n',
);

/**
 * A settlement of 2025-07-01..07-14, days no Date Range report covers: a Commission, an FBA fee, a refund with its
 * commission given back, a storage fee and a reserve for LVA1004-UPC, listed twice over (a second download appended
 * under its own header: each line once).
 */
const SETTLEMENT_LATER = join(mkdtempSync(join(tmpdir(), 'raw-kpi-')), 'settlement-later.txt');
const settlementHeader =
  readFileSync(join(FIXTURES, 'amazon-settlement-v2.txt'), 'utf8').split(/\r?\n/)[0] ?? '';
const settlementLine = (cells: Readonly<Record<string, string>>): string =>
  settlementHeader
    .split('\t')
    .map((name) => cells[name] ?? '')
    .join('\t');
const laterSettlement = [
  settlementHeader,
  settlementLine({
    'settlement-id': '55000000001',
    'settlement-start-date': '2025-07-01 07:00:00 UTC',
    'settlement-end-date': '2025-07-15 07:00:00 UTC',
    'total-amount': '-20.00',
    currency: 'USD',
  }),
  ...[
    ['Order', 'ItemFees', 'Commission', '-3.00', '2025-07-02 18:00:00 UTC'],
    ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '-4.85', '2025-07-02 18:00:00 UTC'],
    ['Refund', 'ItemPrice', 'Principal', '-20.00', '2025-07-09 18:00:00 UTC'],
    ['Refund', 'ItemFees', 'Commission', '3.00', '2025-07-09 18:00:00 UTC'],
    ['Refund', 'ItemFees', 'RefundCommission', '-0.60', '2025-07-09 18:00:00 UTC'],
    ['other-transaction', 'other-transaction', 'Storage Fee', '-6.10', '2025-07-10 07:00:00 UTC'],
    ['other-transaction', 'other-transaction', 'Current Reserve Amount', '-50.00', '2025-07-14 00:00:00 UTC'],
  ].map(([type, amountType, description, amount, posted]) =>
    settlementLine({
      'settlement-id': '55000000001',
      currency: 'USD',
      'transaction-type': type ?? '',
      'order-id': type === 'other-transaction' ? '' : '1211397397571529999',
      'marketplace-name': 'Amazon.com',
      'amount-type': amountType ?? '',
      'amount-description': description ?? '',
      amount: amount ?? '',
      'posted-date-time': posted ?? '',
      sku: type === 'other-transaction' ? '' : 'LVA1004-UPC',
    }),
  ),
].join('\n');
writeFileSync(SETTLEMENT_LATER, `${laterSettlement}\n${laterSettlement}\n`);

/**
 * Shopify Payments lines the folder must not count: an Amount that is no number, a line in Canadian dollars, and a
 * type the add-on does not know (counted as a fee on the channel row, −(2.00) fee and −(−4.00) amount = 6.00 cost,
 * and listed).
 */
const SHOPIFY_ODD = join(mkdtempSync(join(tmpdir(), 'raw-kpi-')), 'shopify-payouts-odd.csv');
writeFileSync(
  SHOPIFY_ODD,
  [
    readFileSync(join(FIXTURES, 'shopify-payouts.csv'), 'utf8').split(/\r?\n/)[0],
    '2024-05-06 10:00:00 -0400,charge,#1001,visa,online,paid,2024-05-08,90003,2024-05-08,abc,1.00,9.00,#30001,card,10.00,USD,USD',
    '2024-05-06 11:00:00 -0400,charge,#1002,visa,online,paid,2024-05-08,90003,2024-05-08,20.00,0.90,19.10,#30002,card,20.00,CAD,CAD',
    '2024-05-06 12:00:00 -0400,Mystery,,,,paid,2024-05-08,90003,2024-05-08,-4.00,2.00,-6.00,,,,,USD',
    '',
  ].join('\n'),
);

/**
 * A TikTok Shop settlement order row whose Seller discounts cell is no number: the reader reads that cell after the
 * row is counted, so the row is listed and its fees still count.
 */
const TIKTOK_LATE_ISSUE = join(mkdtempSync(join(tmpdir(), 'raw-kpi-')), 'tiktok-late-issue.csv');
writeFileSync(
  TIKTOK_LATE_ISSUE,
  [
    readFileSync(join(FIXTURES, 'tiktok-settlement.csv'), 'utf8').split(/\r?\n/)[0],
    '583870900000000009,Order,2026/03/07,2026/03/08,USD,9.00,10.00,10.00,n/a,0.00,-1.00,0.00,-1.00,0.00,0.00',
    '',
  ].join('\n'),
);

const FILES: readonly LocalExportFile[] = [
  { fileId: 'fixture-amazon-all-orders-classic', path: join(FIXTURES, 'amazon-all-orders-classic.txt') },
  { fileId: 'fixture-amazon-all-orders-current', path: join(FIXTURES, 'amazon-all-orders-current.txt') },
  { fileId: 'fixture-shopify-orders', path: join(FIXTURES, 'shopify-orders.csv') },
  { fileId: 'fixture-walmart-orders', path: join(FIXTURES, 'walmart-orders.csv') },
  { fileId: 'fixture-tiktok-orders', path: join(FIXTURES, 'tiktok-orders.csv') },
  { fileId: 'fixture-sp-daily', path: join(FIXTURES, 'amazon-sp-advertised-product-daily.csv') },
  { fileId: 'fixture-sp-daily-zh', path: join(FIXTURES, 'amazon-sp-advertised-product-daily-zh.csv') },
  { fileId: 'sample-amazon-03-03', path: join(SAMPLES, 'amazon-all-orders-2026-03-03.txt') },
  { fileId: 'sample-amazon-03-04', path: join(SAMPLES, 'amazon-all-orders-2026-03-04.txt') },
  { fileId: 'sample-shopify', path: join(SAMPLES, 'shopify-orders.csv') },
  { fileId: 'sample-walmart', path: join(SAMPLES, 'walmart-orders.csv') },
  { fileId: 'sample-tiktok', path: join(SAMPLES, 'tiktok-shop-orders.csv') },
  { fileId: 'sample-sp-daily', path: join(SAMPLES, 'sp-advertised-product-daily.csv') },
  { fileId: 'fixture-sd-daily', path: join(FIXTURES, 'amazon-sd-advertised-product-daily.csv') },
  { fileId: 'fixture-sd-summary', path: join(FIXTURES, 'amazon-sd-advertised-product-summary.csv') },
  { fileId: 'fixture-sb-daily', path: join(FIXTURES, 'amazon-sb-campaign-daily.csv') },
  { fileId: 'fixture-sb-summary', path: join(FIXTURES, 'amazon-sb-campaign-summary.csv') },
  { fileId: 'sb-keywords', path: SB_KEYWORDS },
  { fileId: 'fixture-fba-returns', path: join(FIXTURES, 'amazon-fba-returns.txt') },
  { fileId: 'sample-fba-returns', path: join(SAMPLES, 'amazon-fba-customer-returns.txt') },
  { fileId: 'mug-returns', path: MUG_RETURNS },
  { fileId: 'mug-returns-again', path: MUG_RETURNS },
  { fileId: 'fixture-date-range', path: join(FIXTURES, 'amazon-date-range-transactions.csv') },
  { fileId: 'sample-date-range', path: join(SAMPLES, 'amazon-date-range-transactions.csv') },
  { fileId: 'sample-date-range-again', path: join(SAMPLES, 'amazon-date-range-transactions.csv') },
  { fileId: 'date-range-appended', path: APPENDED_DATE_RANGE },
  { fileId: 'date-range-liquidations', path: LIQUIDATIONS },
  { fileId: 'mug-returns-appended', path: APPENDED_RETURNS },
  { fileId: 'fixture-shopify-payouts', path: join(FIXTURES, 'shopify-payouts.csv') },
  { fileId: 'fixture-shopify-payouts-again', path: join(FIXTURES, 'shopify-payouts.csv') },
  { fileId: 'shopify-payouts-odd', path: SHOPIFY_ODD },
  { fileId: 'fixture-settlement', path: join(FIXTURES, 'amazon-settlement-v2.txt') },
  { fileId: 'fixture-walmart-recon', path: join(FIXTURES, 'walmart-recon.csv') },
  { fileId: 'fixture-walmart-recon-again', path: join(FIXTURES, 'walmart-recon.csv') },
  { fileId: 'fixture-tiktok-settlement', path: join(FIXTURES, 'tiktok-settlement.csv') },
  { fileId: 'fixture-tiktok-settlement-2026', path: join(FIXTURES, 'tiktok-settlement-us-2026.csv') },
  { fileId: 'fixture-tiktok-settlement-2026-again', path: join(FIXTURES, 'tiktok-settlement-us-2026.csv') },
  { fileId: 'tiktok-late-issue', path: TIKTOK_LATE_ISSUE },
  { fileId: 'fixture-sp-unified', path: join(FIXTURES, 'amazon-sp-advertised-product-unified.csv') },
  { fileId: 'fixture-sd-unified', path: join(FIXTURES, 'amazon-sd-advertised-product-unified.csv') },
  { fileId: 'fixture-sb-unified', path: join(FIXTURES, 'amazon-sb-campaign-unified.csv') },
  { fileId: 'settlement-later', path: SETTLEMENT_LATER },
];

/**
 * The Costs sheet: MUG-01 in USD with a new cost from 2026-03-04, 00501 in CNY (needs the rate), LAMP-3 in a portion
 * basis category, SKU-A in a tiered category sold after the 2026 fuel surcharge began, SKU-B and CANDLE-7 with a cost
 * but no fee inputs (fees unknown), and the other SKUs with no row (cogs unknown).
 */
const COSTS_SHEET: Cell[][] = [
  [
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
  ],
  ['MUG-01', 4.2, 'USD', 0.8, 'USD', 0.25, '', 'Home & Kitchen', 0.9, 6, 4, 4],
  ['MUG-01', 4.5, 'USD', 0.8, 'USD', 0.25, '2026-03-04', 'Home & Kitchen', 0.9, 6, 4, 4],
  ['00501', 30, 'CNY', 5, 'CNY', 0.1, '', 'Toys & Games', 0.3, 5, 3, 0.5],
  ['LAMP-3', 12, 'USD', 1.5, 'USD', 0, '', 'Electronics Accessories', 3, 14, 8, 6],
  ['SKU-A', 8, 'USD', 1, 'USD', 0.05, '', 'Baby Products', 1.2, 10, 6, 3],
  ['SKU-B', 5, 'USD', 0, 'USD', 0, '', '', '', '', '', ''],
  ['CANDLE-7', 6, 'USD', 0.5, 'USD', 0, '', '', '', '', '', ''],
  ['LVA1004-UPC', 7, 'USD', 1, 'USD', 0, '', '', '', '', '', ''],
];

const PRODUCTS_SHEET: Cell[][] = [
  ['sku', 'name', 'category', 'brand', 'owner'],
  ['MUG-01', 'Mug', 'Drinkware', 'Acme', 'Li Na'],
  ['LAMP-3', 'Lamp', 'Lighting', 'Acme', ''],
];

const FX_USD_CNY = 7.1;

const costs = costsFromRows(COSTS_SHEET, 'Costs', ZONE).table;
const products = productsFromGrid(PRODUCTS_SHEET, { reportingTimeZone: ZONE, spreadsheetTimeZone: ZONE });

/** The Data Issues the build's one-payments-source rule gives for the same files. */
const workbookIssues: DataIssue[] = [];

/** The KPI Summary sheet the build writes for the same files, as rows keyed by header name. */
function workbookSummary(): Record<string, Cell>[] {
  const paymentsCoverage: Coverage[] = [];
  const dateRangeCoverage: Coverage[] = [];
  const settlementSheets = new Set<string>();
  const facts = FILES.flatMap((file) => {
    const read = readSource(readExportFile(file.path), {
      sheetName: file.fileId,
      reportingTimeZone: ZONE,
      spreadsheetTimeZone: ZONE,
      period: null,
    });
    if (!read) throw new Error(`${file.path} was not recognised`);
    // As runPipeline (pipeline.ts) gives summarize: a Date Range report covers its first to last posted day.
    if (read.detection.type === 'amazon-date-range-transactions' && read.result.dateRange)
      paymentsCoverage.push({ channel: 'amazon', ...read.result.dateRange });
    if (read.detection.type === 'amazon-date-range-transactions' && read.result.dateRange)
      dateRangeCoverage.push({ channel: 'amazon', ...read.result.dateRange });
    if (read.detection.type === 'shopify-payouts' && read.result.dateRange)
      paymentsCoverage.push({ channel: 'shopify', ...read.result.dateRange });
    if (read.detection.type === 'walmart-recon' && read.result.dateRange)
      paymentsCoverage.push({ channel: 'walmart', ...read.result.dateRange });
    if (read.detection.type === 'tiktok-settlement' && read.result.dateRange)
      paymentsCoverage.push({ channel: 'tiktok', ...read.result.dateRange });
    // A settlement covers the period it states, postings or not, and gives way to a Date Range report on its days.
    if (read.detection.type === 'amazon-settlement-v2') {
      settlementSheets.add(file.fileId);
      const stated = read.result.statedCoverage.map((period) => ({ channel: 'amazon' as const, ...period }));
      if (stated.length > 0) paymentsCoverage.push(...stated);
      else if (read.result.dateRange) paymentsCoverage.push({ channel: 'amazon', ...read.result.dateRange });
    }
    return read.result.facts;
  });
  const result = summarize(oneFeeSourcePerDay(facts, settlementSheets, dateRangeCoverage, workbookIssues), {
    costs,
    fxUsdCny: FX_USD_CNY,
    feeEstimator: estimateAmazonFees,
    paymentsCoverage,
  });
  const table = summaryTable(result.rows, FX_USD_CNY, levelsFromProducts(products));
  return table.rows.map((cells) =>
    Object.fromEntries(table.header.map((name, at) => [name, cells[at] ?? ''])),
  );
}

const MONEY = [
  'revenue',
  'ad_spend',
  'ad_sales',
  'cogs',
  'fees',
  'gross_profit',
  'refunds',
  'reimbursements',
  'gross_profit_cny',
  'net_profit',
  'net_profit_cny',
] as const;
const COUNTS = [
  'units',
  'orders',
  'ad_clicks',
  'ad_impressions',
  'returned_units',
  'fees_estimated',
] as const;

const cents = (value: Cell | string | number | null | undefined): string | null =>
  value === '' || value === null || value === undefined ? null : Number(value).toFixed(2);
const count = (value: Cell | string | number | null | undefined): number | null =>
  value === '' || value === null || value === undefined ? null : Number(value);
const keyOf = (row: Record<string, unknown>): string =>
  `${String(row['date'])}|${String(row['channel'])}|${String(row['sku'])}`;

let staged: Awaited<ReturnType<typeof runStaging>>;
let sqlRows: KpiRow[];
let sheetRows: Record<string, Cell>[];
beforeAll(async () => {
  staged = await runStaging(FILES, ZONE, { costs, fxUsdCny: FX_USD_CNY, products });
  sqlRows = staged.kpiRows;
  sheetRows = workbookSummary();
}, 60_000);

describe('KPI rows of the Drive folder computed in BigQuery SQL', () => {
  it('has one row per day × channel × SKU of the KPI Summary, no more', () => {
    expect(sqlRows.map(keyOf).sort()).toEqual(sheetRows.map(keyOf).sort());
    // Every channel, sales and ad-only rows, known and unknown profit: the comparison below reaches each case.
    expect(new Set(sqlRows.map((row) => row['channel']))).toEqual(
      new Set(['amazon', 'shopify', 'walmart', 'tiktok']),
    );
    expect(sqlRows.some((row) => Number(row['units']) === 0 && Number(row['ad_spend']) > 0)).toBe(true);
    expect(sqlRows.some((row) => row['gross_profit'] === null)).toBe(true);
    // Estimated fees on days no Date Range report covers, reported fees on the days it does (units sold, fees not
    // estimated), refunds and reimbursements: the comparison below reaches each.
    expect(sqlRows.filter((row) => count(row['fees_estimated']) === 1).length).toBeGreaterThan(3);
    expect(
      sqlRows.filter((row) => Number(row['units']) > 0 && count(row['fees_estimated']) === 0).length,
    ).toBeGreaterThan(2);
    expect(sqlRows.some((row) => Number(row['refunds']) > 0)).toBe(true);
    expect(sqlRows.some((row) => Number(row['reimbursements']) > 0)).toBe(true);
  });

  it('equals the KPI Summary column by column, money to the cent', () => {
    const byKey = new Map(sqlRows.map((row) => [keyOf(row), row]));
    const differences: string[] = [];
    for (const line of sheetRows) {
      const row = byKey.get(keyOf(line)) as KpiRow;
      for (const column of MONEY)
        if (cents(row[column]) !== cents(line[column]))
          differences.push(
            `${keyOf(line)} ${column}: SQL ${cents(row[column])}, sheet ${cents(line[column])}`,
          );
      for (const column of COUNTS)
        if (count(row[column]) !== count(line[column]))
          differences.push(
            `${keyOf(line)} ${column}: SQL ${count(row[column])}, sheet ${count(line[column])}`,
          );
      for (const column of ['category', 'owner'])
        if (row[column] !== line[column])
          differences.push(`${keyOf(line)} ${column}: SQL ${row[column]}, sheet ${String(line[column])}`);
    }
    expect(differences).toEqual([]);
  });

  it('gives the hand-worked figures of MUG-01 on Amazon, 2026-03-04', () => {
    const row = sqlRows.find((candidate) => keyOf(candidate) === '2026-03-04|amazon|MUG-01') as KpiRow;
    expect(count(row['units'])).toBe(3);
    expect(cents(row['revenue'])).toBe('59.97');
    // Returned that day: 1 CUSTOMER_DAMAGED (the sample) + 1 SELLABLE with a plate + 2 equal rows without one (one
    // SELLABLE, one DEFECTIVE; mug-returns), the second copy of that file adding nothing: 4 returned, 2 back in stock.
    expect(count(row['returned_units'])).toBe(4);
    // The Costs row from 2026-03-04: 4.50 + 0.80 first leg + 25% duty on 4.50 = 6.425 a unit; 3 units sold − 2 back
    // in stock = 1 unit: 6.425 → 6.43.
    expect(cents(row['cogs'])).toBe('6.43');
    // Per unit at 19.99: referral 15% (Home & Kitchen) = 2.9985 → 3.00; FBA large standard, 0.9 lb (6×4×4 in: its
    // dimensional weight 96 / 139 = 0.69 lb is less), 2026 card, $10–50 band: 4.60; no surcharge before 2026-04-17.
    // (3.00 + 4.60) × 3 = 22.80.
    expect(cents(row['fees'])).toBe('22.80');
    expect(count(row['fees_estimated'])).toBe(1);
    // 59.97 − 22.80 − 6.425 = 30.745 → 30.75; in yuan at 7.1: 218.2895 → 218.29.
    expect(cents(row['gross_profit'])).toBe('30.75');
    expect(cents(row['gross_profit_cny'])).toBe('218.29');
    expect([row['category'], row['owner']]).toEqual(['Drinkware', 'Li Na']);
    expect([cents(row['refunds']), cents(row['reimbursements'])]).toEqual(['0.00', '0.00']);
  });

  it('counts the FBA returns of the day once each, SELLABLE units back at their landed cost', () => {
    // Returns of LVA1004-UPC, which sold nothing in these files: 15:31 UTC on 06-05 and 03:10 UTC on 06-06 are both
    // 2025-06-05 in Los Angeles (1 CUSTOMER_DAMAGED + 2 SELLABLE); the row without a SKU is a Data Issue.
    const brace = sqlRows.find((candidate) => keyOf(candidate) === '2025-06-05|amazon|LVA1004-UPC') as KpiRow;
    expect([count(brace['units']), count(brace['returned_units'])]).toEqual([0, 3]);
    // Landed 7.00 + 1.00 = 8.00 a unit; 2 units back in stock: cogs −16.00, so gross profit +16.00, fees 0.
    expect([cents(brace['cogs']), cents(brace['fees']), cents(brace['gross_profit'])]).toEqual([
      '-16.00',
      '0.00',
      '16.00',
    ]);
  });
});

describe('the Date Range transaction report in the Drive folder', () => {
  it('gives MUG-01 of 2026-03-03 its refund and the fee given back, and no estimate on a day the report covers', () => {
    const row = sqlRows.find((candidate) => keyOf(candidate) === '2026-03-03|amazon|MUG-01') as KpiRow;
    // One unit sold at 19.99 (All Orders). The report's Refund line of 03-03 (7:30 PM PST) gives back 19.99 of product
    // sales and 2.50 of selling fees; the sale's own fees were posted with its order on 03-02. Loaded twice, once.
    expect([count(row['units']), cents(row['revenue']), cents(row['refunds'])]).toEqual([
      1,
      '19.99',
      '19.99',
    ]);
    expect([cents(row['fees']), count(row['fees_estimated'])]).toEqual(['-2.50', 0]);
    // Landed cost before 2026-03-04: 4.20 + 0.80 + 25% × 4.20 = 6.05. 19.99 − 19.99 − (−2.50) − 6.05 = −3.55.
    expect([cents(row['cogs']), cents(row['gross_profit'])]).toEqual(['6.05', '-3.55']);
  });

  it('puts storage on the channel row without a SKU and a reimbursement on its day', () => {
    const storage = sqlRows.find((candidate) => keyOf(candidate) === '2026-03-03|amazon|') as KpiRow;
    expect([cents(storage['fees']), cents(storage['gross_profit'])]).toEqual(['8.40', '-8.40']);
    const brace = sqlRows.find((candidate) => keyOf(candidate) === '2025-06-13|amazon|LVA1004-UPC') as KpiRow;
    expect([cents(brace['reimbursements']), cents(brace['gross_profit'])]).toEqual(['18.50', '18.50']);
    // 2025-06-09: selling 154.47 + FBA 9.70 + other transaction 0.30 of one order line.
    const order = sqlRows.find((candidate) => keyOf(candidate) === '2025-06-09|amazon|LVA1004-UPC') as KpiRow;
    expect(cents(order['fees'])).toBe('164.47');
  });

  it('lists the line whose date does not read and the type it does not know', () => {
    expect(
      staged.issues
        .filter((issue) => issue.report === 'amazon-date-range-transactions')
        .map((issue) => [issue.source_file, issue.reason, issue.column_name, issue.value, issue.row_key]),
    ).toEqual([
      ['date-range-liquidations', 'payoutUnknownType', null, 'Liquidations', null],
      ['fixture-date-range', 'issue.notADate', 'date/time', 'sometime in June', '114-7777777-8888888'],
    ]);
  });

  it('counts a line of a type it does not know as a fee, on the channel row of its day', () => {
    const row = sqlRows.find((candidate) => keyOf(candidate) === '2026-03-01|amazon|') as KpiRow;
    // Liquidations proceeds of +4.10: a fee of −4.10, as the workbook counts it (profit never overstated).
    expect([cents(row['fees']), cents(row['gross_profit'])]).toEqual(['-4.10', '4.10']);
  });
});

describe('Sponsored Display and Sponsored Brands reports in the Drive folder', () => {
  it('add their spend per SKU (Display) and on the channel row without a SKU (Brands), with their ad product', () => {
    const spendOf = (adProduct: string): string[] =>
      staged.adRows
        .filter((row) => row.ad_product === adProduct)
        .map((row) => `${row.date} ${row.campaign} ${row.ad_group}|${row.sku} ${cents(row.spend)}`);
    // Daily rows, and the Summary rows over one day (Sep 08); the CAD profile's row is left out.
    expect(spendOf('sponsoredDisplay')).toEqual([
      '2026-09-01 SD - Views Remarketing Remarketing 30d|SKU-A 7.44',
      '2026-09-02 SD - Contextual Similar products|SKU-B 3.20',
      '2026-09-02 SD - Views Remarketing Remarketing 30d|SKU-A 2.61',
      '2026-09-08 SD - Contextual Similar products|SKU-B 3.20',
    ]);
    expect(spendOf('sponsoredBrands')).toEqual([
      '2026-09-01 SB - Brand Store - Cast Nets | 46.20',
      '2026-09-01 SB - Video - Bait Nets | 15.60',
      '2026-09-02 SB - Brand Store - Cast Nets | 38.15',
      '2026-09-08 SB - Video - Bait Nets | 12.30',
    ]);
    // 46.20 + 15.60 of the two Sponsored Brands campaigns on the channel's row of 2026-09-01.
    const channelRow = sqlRows.find((candidate) => keyOf(candidate) === '2026-09-01|amazon|') as KpiRow;
    expect(cents(channelRow['ad_spend'])).toBe('61.80');
  });

  it('list what they leave out: rows over several days, another currency, a report splitting Brands spend', () => {
    const issues = staged.issues
      .filter((issue) => ['amazon-sd-advertised-product', 'amazon-sb-campaign'].includes(issue.report))
      .map((issue) => [issue.source_file, issue.reason, issue.value, Number(issue.line_count)]);
    expect(issues).toEqual([
      ['fixture-sb-summary', 'notDaily', null, 1],
      ['fixture-sd-daily', 'otherMarket', 'CAD', 1],
      ['fixture-sd-summary', 'notDaily', null, 1],
      ['sb-keywords', 'spendSplit', 'keyword text', 3],
    ]);
  });
});

describe('FBA customer returns of the Drive folder', () => {
  it('keeps one row per return in raw_returns and lists the row without a SKU', () => {
    expect(
      staged.returns.map((row) => [row['date'], row['sku'], row['license_plate'], row['disposition']]),
    ).toEqual([
      ['2025-06-05', 'LVA1004-UPC', 'LPNAAAA0000001', 'SELLABLE'],
      ['2025-06-05', 'LVA1004-UPC', 'LPNNC5N165ZVR', 'CUSTOMER_DAMAGED'],
      ['2026-03-04', 'MUG-01', '', 'DEFECTIVE'],
      ['2026-03-04', 'MUG-01', '', 'SELLABLE'],
      ['2026-03-04', 'MUG-01', 'LPNMUG0000001', 'SELLABLE'],
      ['2026-03-04', 'MUG-01', 'LPNRR123456789', 'CUSTOMER_DAMAGED'],
    ]);
    expect(
      staged.issues
        .filter((issue) => issue.report === 'amazon-fba-returns')
        .map((issue) => [issue.source_file, issue.reason, issue.column_name, issue.row_key]),
    ).toEqual([['fixture-fba-returns', 'issue.missingValue', 'sku', '114-3333333-4444444']]);
  });
});

describe('Shopify Payments transactions in the Drive folder', () => {
  it("spread each order's processing fee over its SKUs by revenue, with no estimate on the days the report covers", () => {
    // Order #1001 is in the fixture orders (SKU-A 2 × 29.99 − 5.00 = 54.98, SKU-B 15.00) and in the sample orders
    // (MUG-01 24.00 − 4.00 = 20.00, CANDLE-7 2 × 15.00 = 30.00): 119.98 in all, as the KPI Summary keys orders by id.
    // Its fee of 2.49 (2024-05-01 10:00:05 −04:00, 07:00 in Los Angeles): SKU-A 2.49 × 54.98 / 119.98 = 1.1410,
    // SKU-B 0.3113, MUG-01 0.4151, CANDLE-7 0.6226. Order #1002's fee of 1.24 (01:30 −04:00 on 05-02 = 05-01 in Los
    // Angeles) goes whole to SKU-A, its one counted line. The file is given twice: each line once.
    const row = (sku: string): KpiRow =>
      sqlRows.find((candidate) => keyOf(candidate) === `2024-05-01|shopify|${sku}`) as KpiRow;
    expect(['SKU-A', 'SKU-B', 'MUG-01', 'CANDLE-7'].map((sku) => cents(row(sku)['fees']))).toEqual([
      '2.38',
      '0.31',
      '0.42',
      '0.62',
    ]);
    const skuA = row('SKU-A');
    expect([count(skuA['units']), cents(skuA['revenue']), count(skuA['fees_estimated'])]).toEqual([
      3,
      '84.97',
      0,
    ]);
    // Landed SKU-A: 8.00 + 1.00 first leg + 5% duty on 8.00 = 9.40 a unit, × 3 = 28.20. 84.97 − 2.38 − 28.20 = 54.39.
    expect([cents(skuA['cogs']), cents(skuA['gross_profit'])]).toEqual(['28.20', '54.39']);
  });

  it("puts the refund on the order's SKU of its own day and an adjustment without an order on the channel row", () => {
    // Refund of #1002, −32.39 on 2024-05-04 (09:15 −04:00): all SKU-A's. Adjustment −1.50 the same day, no order.
    const refund = sqlRows.find((candidate) => keyOf(candidate) === '2024-05-04|shopify|SKU-A') as KpiRow;
    expect([cents(refund['refunds']), cents(refund['fees']), cents(refund['gross_profit'])]).toEqual([
      '32.39',
      '0.00',
      '-32.39',
    ]);
    const adjustment = sqlRows.find((candidate) => keyOf(candidate) === '2024-05-04|shopify|') as KpiRow;
    expect([cents(adjustment['fees']), cents(adjustment['gross_profit'])]).toEqual(['1.50', '-1.50']);
  });

  it('lists an Amount that is no number, a line in another currency and an unknown type, as the reader does', () => {
    expect(
      staged.issues
        .filter((issue) => issue.report === 'shopify-payouts')
        .map((issue) => [issue.source_file, issue.reason, issue.column_name, issue.value, issue.row_key]),
    ).toEqual([
      ['shopify-payouts-odd', 'issue.notANumber', 'Amount', 'abc', '#1001'],
      ['shopify-payouts-odd', 'otherMarket', null, 'CAD', null],
      ['shopify-payouts-odd', 'payoutUnknownType', null, 'Mystery', null],
    ]);
    const read = readSource(readExportFile(SHOPIFY_ODD), {
      sheetName: 'odd',
      reportingTimeZone: ZONE,
      spreadsheetTimeZone: ZONE,
      period: null,
    });
    expect(read?.result.issues.map((issue) => [issue.key, issue.reason.key, issue.reason.params])).toEqual([
      ['#1001', 'issue.notANumber', { column: 'Amount', value: 'abc' }],
      ['CAD', 'issue.otherMarketLines', { market: 'CAD', lines: 1, amount: '20.00' }],
      ['Mystery', 'issue.payout.unknownType', { type: 'Mystery', lines: 1, amount: '-4.00' }],
    ]);
    const mystery = sqlRows.find((candidate) => keyOf(candidate) === '2024-05-06|shopify|') as KpiRow;
    expect(cents(mystery['fees'])).toBe('6.00');
  });
});

describe('Settlement V2 flat files in the Drive folder', () => {
  it('give their fees, refunds and storage on days no Date Range report covers, each line once', () => {
    const row = (key: string): KpiRow => sqlRows.find((candidate) => keyOf(candidate) === key) as KpiRow;
    // 07-02: Commission 3.00 + FBA 4.85 = 7.85, though the file lists the settlement twice over.
    expect([
      cents(row('2025-07-02|amazon|LVA1004-UPC')['fees']),
      count(row('2025-07-02|amazon|LVA1004-UPC')['fees_estimated']),
    ]).toEqual(['7.85', 0]);
    // 07-09: the refund's principal 20.00; the commission given back (+3.00) less the refund commission (−0.60) is a
    // fee of −2.40. Gross profit −20.00 + 2.40 = −17.60.
    const refund = row('2025-07-09|amazon|LVA1004-UPC');
    expect([cents(refund['refunds']), cents(refund['fees']), cents(refund['gross_profit'])]).toEqual([
      '20.00',
      '-2.40',
      '-17.60',
    ]);
    // 07-10: storage without a SKU on the channel row; the reserve of 07-14 is no cost and makes no row.
    expect(cents(row('2025-07-10|amazon|')['fees'])).toBe('6.10');
    expect(sqlRows.some((candidate) => String(candidate['date']) === '2025-07-14')).toBe(false);
  });

  it('give way to the Date Range report on the days it covers, and say how many lines', () => {
    // The fixture settlement's fee lines of 06-09..06-13 (promotion, commission, FBA fee, refund, commission given
    // back, refund commission, Cost of Advertising, reimbursement: 8) are the fixture Date Range report's days: left
    // out, counted once; its storage fee of 06-14, a day the Date Range report does not reach, stands (8.20).
    expect(
      staged.issues
        .filter((issue) => issue.report === 'amazon-settlement-v2')
        .map((issue) => [
          issue.source_file,
          issue.reason,
          issue.column_name,
          issue.value,
          Number(issue.line_count),
        ]),
    ).toEqual([
      ['fixture-settlement', 'issue.notANumber', 'amount', 'abc', 1],
      ['fixture-settlement', 'settlementCoveredByDateRange', null, null, 8],
    ]);
    expect(workbookIssues.map((issue) => [issue.sheet, issue.reason])).toEqual([
      ['fixture-settlement', { key: 'issue.settlementCoveredByDateRange', params: { lines: 8 } }],
    ]);
    const storage = sqlRows.find((candidate) => keyOf(candidate) === '2025-06-14|amazon|') as KpiRow;
    expect(cents(storage['fees'])).toBe('8.20');
  });
});

describe('the Walmart reconciliation report in the Drive folder', () => {
  it('gives fees, refunds and reimbursements by Amount Type, each line once, on the days it covers', () => {
    const row = (key: string): KpiRow => sqlRows.find((candidate) => keyOf(candidate) === key) as KpiRow;
    // 04-30, WM-A: two Commission on Product of −3.75 and a shipping label of −8.23 (Product Price and Product tax
    // are the sale's and the buyer's): 15.73. The file is given twice: each line once.
    expect([
      cents(row('2026-04-30|walmart|WM-A')['fees']),
      count(row('2026-04-30|walmart|WM-A')['fees_estimated']),
    ]).toEqual(['15.73', 0]);
    // 05-02, WM-A: Product Price given back 24.99 is the refund; the commission paid back (+3.75) a fee of −3.75.
    // Gross profit −24.99 + 3.75 = −21.24.
    const refund = row('2026-05-02|walmart|WM-A');
    expect([cents(refund['refunds']), cents(refund['fees']), cents(refund['gross_profit'])]).toEqual([
      '24.99',
      '-3.75',
      '-21.24',
    ]);
    // 05-03, WM-B: storage 1.20 + WFS fulfilment 3.45 + return processing 2.00 = 6.65 of fees; lost inventory paid
    // back 12.00. Gross 12.00 − 6.65 = 5.35.
    const wfs = row('2026-05-03|walmart|WM-B');
    expect([cents(wfs['fees']), cents(wfs['reimbursements']), cents(wfs['gross_profit'])]).toEqual([
      '6.65',
      '12.00',
      '5.35',
    ]);
    // 05-04: a dispute won (+20.00) pays back; the SEM Marketing Fee (ad spend charged), a seller promo code and
    // Walmart-funded savings count nowhere, so WM-B has no row that day.
    expect(cents(row('2026-05-04|walmart|WM-A')['reimbursements'])).toBe('20.00');
    expect(sqlRows.some((candidate) => keyOf(candidate) === '2026-05-04|walmart|WM-B')).toBe(false);
    // 04-29, the orders export's day, is before the report's first posting: no payments fee, so blank, as the sheet.
    expect(row('2026-04-29|walmart|WM-A')['fees']).toBeNull();
  });

  it('lists the row whose date does not read and the Amount Type it does not know, per file', () => {
    expect(
      staged.issues
        .filter((issue) => issue.report === 'walmart-recon')
        .map((issue) => [issue.source_file, issue.reason, issue.column_name, issue.value, issue.row_key]),
    ).toEqual(
      ['fixture-walmart-recon', 'fixture-walmart-recon-again'].flatMap((file) => [
        [file, 'issue.notADate', 'Transaction Posted Timestamp', '13/45/2026', '108829812345011'],
        [file, 'issue.walmartRecon.unknownAmountType', 'Mystery Charge', 'Adjustment', '108829812345010'],
      ]),
    );
  });
});

describe('the TikTok Shop settlement export in the Drive folder', () => {
  it("puts an order's fees, a refund and adjustments on the channel row of the settled day, each line once", () => {
    const row = (key: string): KpiRow => sqlRows.find((candidate) => keyOf(candidate) === key) as KpiRow;
    // 03-03: commission 2.72 + seller shipping 2.50 + transaction fee 1.02 + affiliate 0.61 = 6.85.
    expect(cents(row('2026-03-03|tiktok|')['fees'])).toBe('6.85');
    // 03-05: the refund's 18.00, the commission given back (+1.44) a fee of −1.44: gross −16.56.
    const refund = row('2026-03-05|tiktok|');
    expect([cents(refund['refunds']), cents(refund['fees']), cents(refund['gross_profit'])]).toEqual([
      '18.00',
      '-1.44',
      '-16.56',
    ]);
    // 03-06: a logistics reimbursement of 5.25; the GMV Payment for TikTok Ads (ad spend charged) counts nowhere.
    expect([
      cents(row('2026-03-06|tiktok|')['reimbursements']),
      cents(row('2026-03-06|tiktok|')['fees']),
    ]).toEqual(['5.25', '0.00']);
    // 2026 layout (Transaction type, Referral fee, Sales tax on referral fees), given twice: 0.75 + 2.00 + 0.16 + 1.55.
    expect(cents(row('2026-06-12|tiktok|')['fees'])).toBe('4.46');
    // A SKU's row on a day the export covers has no fee of its own (the export names no SKU), not an unknown one.
    expect([
      cents(row('2026-03-04|tiktok|LAMP-3')['fees']),
      cents(row('2026-03-04|tiktok|LAMP-3')['gross_profit']),
    ]).toEqual(['0.00', '26.50']);
  });

  it('lists a row whose settled time does not read, and a cell read after the row counted, as the reader does', () => {
    expect(
      staged.issues
        .filter((issue) => issue.report === 'tiktok-settlement')
        .map((issue) => [issue.source_file, issue.reason, issue.column_name, issue.value, issue.row_key]),
    ).toEqual([
      ['fixture-tiktok-settlement', 'issue.notADate', 'Order settled time', 'soon', '583870900000000004'],
      ['tiktok-late-issue', 'issue.notANumber', 'Seller discounts', 'n/a', '583870900000000009'],
    ]);
    const read = readSource(readExportFile(TIKTOK_LATE_ISSUE), {
      sheetName: 'late',
      reportingTimeZone: ZONE,
      spreadsheetTimeZone: ZONE,
      period: null,
    });
    expect(read?.result.issues.map((issue) => [issue.key, issue.reason.key, issue.reason.params])).toEqual([
      ['583870900000000009', 'issue.notANumber', { column: 'Seller discounts', value: 'n/a' }],
    ]);
    // The row still counts: its commission of 1.00 on 2026-03-08.
    expect(
      cents((sqlRows.find((candidate) => keyOf(candidate) === '2026-03-08|tiktok|') as KpiRow)['fees']),
    ).toBe('1.00');
  });
});

describe("the unified Ads console's advertised-product reports in the Drive folder", () => {
  it('count a row whose Date range is one day on that day, and list a row over several days', () => {
    // Sponsored Products: `Jul 30, 2026 - Jul 30, 2026` is one day, 4.37 of BSCGRFT-PLIER-1PC; the row of Jul 06 – Jul 29
    // is a sum over 24 days, left out and listed with its range.
    const row = sqlRows.find(
      (candidate) => keyOf(candidate) === '2026-07-30|amazon|BSCGRFT-PLIER-1PC',
    ) as KpiRow;
    expect([cents(row['ad_spend']), cents(row['ad_sales']), count(row['ad_clicks'])]).toEqual([
      '4.37',
      '16.45',
      5,
    ]);
    expect(
      staged.issues
        .filter((issue) => issue.report === 'amazon-sp-advertised-product-unified')
        .map((issue) => [
          issue.source_file,
          issue.reason,
          issue.first_day,
          issue.last_day,
          Number(issue.line_count),
        ]),
    ).toEqual([['fixture-sp-unified', 'notDaily', '2026-07-06', '2026-07-29', 1]]);
  });

  it("read the campaign report's Sponsored Brands rows on the channel row and list its other ad products", () => {
    // Its Sponsored Brands campaigns of Sep 01 repeat the classic report's (46.20 + 15.60): counted once, 61.80.
    const channelRow = sqlRows.find((candidate) => keyOf(candidate) === '2026-09-01|amazon|') as KpiRow;
    expect(cents(channelRow['ad_spend'])).toBe('61.80');
    expect(
      staged.issues
        .filter((issue) => issue.report === 'amazon-sb-campaign-unified')
        .map((issue) => [issue.source_file, issue.reason, issue.value, Number(issue.line_count)]),
    ).toEqual([['fixture-sb-unified', 'otherAdProduct', 'Sponsored Display, Sponsored Products', 2]]);
    // The reader's issue counts the same rows (it names the ad products in row order; the folder, alphabetically).
    const read = readSource(readExportFile(join(FIXTURES, 'amazon-sb-campaign-unified.csv')), {
      sheetName: 'sb',
      reportingTimeZone: ZONE,
      spreadsheetTimeZone: ZONE,
      period: null,
    });
    expect(read?.result.issues.map((issue) => [issue.reason.key, issue.reason.params?.['count']])).toEqual([
      ['issue.campaignRowsOfSkuAdProducts', 2],
    ]);
  });

  it('count a Sponsored Display row once beside the classic download of the same campaign, ad group, SKU and day', () => {
    // The unified Sponsored Display fixture repeats the classic one's rows (7.44 of SKU-A on Sep 01): one ad row.
    expect(
      staged.adRows
        .filter((row) => row.ad_product === 'sponsoredDisplay' && row.date === '2026-09-01')
        .map((row) => `${row.campaign} ${row.sku} ${cents(row.spend)}`),
    ).toEqual(['SD - Views Remarketing SKU-A 7.44']);
  });
});

describe('fee cards', () => {
  it('list a few pieces per SKU and period, not a row per price or day', () => {
    const cards = feeCardRows(costs);
    const skus = new Set(cards.map((row) => row['sku']));
    // SKU-B and CANDLE-7 have no category or dimensions: no card, so their Amazon fees stay unknown.
    expect([...skus].sort()).toEqual(['00501', 'LAMP-3', 'MUG-01', 'SKU-A']);
    expect(cards.length).toBeLessThan(400);
  });
});
