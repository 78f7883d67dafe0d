/**
 * Property (issue 15, item 4): Date Range transaction reports in the Drive folder count each payments line once and
 * assign fees, refunds and reimbursements as the KPI Summary build does. Random reports (Order and Refund lines with
 * their fee columns, Service Fee, storage, Adjustment, Transfer and Cost of Advertising lines, lines with no SKU,
 * equal lines repeated inside the report, postings either side of midnight in Los Angeles) beside the two sample All
 * Orders days: the report alone, beside a second download of it and beside a copy with its lines in another order give
 * the same KPI rows, and the KPI Summary's (summarize() with the coverage runPipeline gives it: a Date Range report
 * covers its first to last posted day, whose fees are then the report's and never estimated). Each run stages DuckDB
 * twice (about a second each), so the run count is small.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { costsFromRows } from '../../src/core/costs/costs';
import { estimateAmazonFees } from '../../src/core/costs/feeEstimate';
import { EMPTY_PRODUCTS } from '../../src/core/inventory/products';
import { readSource } from '../../src/core/reports';
import { type Coverage, summarize } from '../../src/core/summary/summarize';
import { type KpiRow, type LocalExportFile, runStaging } from './rawDuckDb';

const ZONE = 'America/Los_Angeles';
const SAMPLES = join(__dirname, '..', '..', 'samples');
const ORDERS: readonly LocalExportFile[] = [
  { fileId: 'orders-03-03', path: join(SAMPLES, 'amazon-all-orders-2026-03-03.txt') },
  { fileId: 'orders-03-04', path: join(SAMPLES, 'amazon-all-orders-2026-03-04.txt') },
];
/** The sample report's preamble and header: the lines above its first posting. */
const SAMPLE_HEAD = readFileSync(join(SAMPLES, 'amazon-date-range-transactions.csv'), 'utf8')
  .split(/\r?\n/)
  .slice(0, 8)
  .join('\n');

const costs = costsFromRows(
  [
    ['sku', 'unit_cost', 'currency', 'category', 'weight_lb', 'length_in', 'width_in', 'height_in'],
    ['MUG-01', 4.2, 'USD', 'Home & Kitchen', 0.9, 6, 4, 4],
    ['LAMP-3', 12, 'USD', 'Electronics Accessories', 3, 14, 8, 6],
    ['00501', 3, 'USD', 'Toys & Games', 0.3, 5, 3, 0.5],
  ],
  'Costs',
  ZONE,
).table;

const cents = fc.integer({ min: -2_000, max: 2_000 });
const paymentsLine = fc.record({
  type: fc.constantFrom(
    'Order',
    'Order',
    'Refund',
    'Service Fee',
    'FBA Inventory Fee',
    'Adjustment',
    'Transfer',
  ),
  sku: fc.constantFrom('MUG-01', 'LAMP-3', '00501', ''),
  // Hours from 2026-03-02T00:00Z: 08:00 UTC is midnight in Los Angeles (PST, UTC−8).
  hour: fc.integer({ min: 0, max: 80 }),
  productSales: cents,
  promotion: cents,
  sellingFees: cents,
  fbaFees: cents,
  other: cents,
  total: cents,
  repeated: fc.boolean(),
});

type PaymentsLine = typeof paymentsLine extends fc.Arbitrary<infer T> ? T : never;

const MONTH_DAY_TIME = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  hour12: true,
});

/** `Mar 2, 2026 10:15:00 AM PST`, as the report writes its postings. */
function postedText(hour: number): string {
  return `${MONTH_DAY_TIME.format(new Date(Date.UTC(2026, 2, 2) + hour * 3_600_000))} PST`;
}

function quoted(cells: readonly string[]): string {
  return cells.map((cell) => `"${cell}"`).join(',');
}

function reportLines(lines: readonly PaymentsLine[]): string[] {
  return lines.flatMap((line) => {
    const money = (value: number): string => (value / 100).toFixed(2);
    const isOrder = line.type === 'Order' || line.type === 'Refund';
    const descriptions: Readonly<Record<string, string>> = {
      'Service Fee': line.total % 2 === 0 ? 'Cost of Advertising' : 'Subscription',
      'FBA Inventory Fee': 'FBA storage fee',
      Adjustment: 'FBA Inventory Reimbursement - Damaged:Warehouse',
      Transfer: 'To account ending in: 4417',
    };
    const description = descriptions[line.type];
    const text = quoted([
      postedText(line.hour),
      '24771830001',
      line.type,
      isOrder ? `112-0000000-00000${line.hour % 7}` : '',
      line.sku,
      description ?? 'Ceramic Coffee Mug',
      isOrder ? '1' : '',
      'amazon.com',
      'Standard Orders',
      isOrder ? 'Amazon' : '',
      '',
      '',
      '',
      '',
      isOrder ? money(line.productSales) : '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      isOrder ? money(line.promotion) : '0',
      '0',
      '0',
      isOrder ? money(line.sellingFees) : '0',
      isOrder ? money(line.fbaFees) : '0',
      '0',
      isOrder ? money(line.other) : money(line.total),
      money(line.total),
    ]);
    return line.repeated ? [text, text] : [text];
  });
}

function reportText(lines: readonly string[]): string {
  return `${SAMPLE_HEAD}\n${lines.join('\n')}\n`;
}

const ROW_COLUMNS = ['units', 'fees', 'fees_estimated', 'refunds', 'reimbursements', 'gross_profit'] as const;

function rowsOf(rows: readonly KpiRow[]): string[] {
  return rows
    .filter((row) => row['channel'] === 'amazon')
    .map((row) =>
      [
        row['date'],
        row['sku'],
        ...ROW_COLUMNS.map((column) =>
          row[column] === null ? 'NULL' : Number(row[column]).toFixed(column.startsWith('fees_') ? 0 : 2),
        ),
      ].join(' '),
    )
    .sort();
}

describe('Date Range reports in the Drive folder count once and assign their amounts as the build does', () => {
  it('the report alone, beside a second download and beside a reordered copy, gives the KPI Summary build’s rows', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'raw-payments-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(paymentsLine, { minLength: 1, maxLength: 10 }), async (generated) => {
          const path = join(folder, 'date-range.csv');
          const reordered = join(folder, 'date-range-reordered.csv');
          const lines = reportLines(generated);
          writeFileSync(path, reportText(lines));
          writeFileSync(reordered, reportText([...lines].reverse()));
          const inputs = { costs, fxUsdCny: null, products: EMPTY_PRODUCTS };
          const once = await runStaging([...ORDERS, { fileId: 'download-1', path }], ZONE, inputs);
          const thrice = await runStaging(
            [
              ...ORDERS,
              { fileId: 'download-1', path },
              { fileId: 'download-2', path },
              { fileId: 'download-3', path: reordered },
            ],
            ZONE,
            inputs,
          );
          expect(rowsOf(thrice.kpiRows)).toEqual(rowsOf(once.kpiRows));
          const paymentsCoverage: Coverage[] = [];
          const facts = [...ORDERS, { fileId: 'download-1', path }].flatMap((file) => {
            const read = readSource(readExportFile(file.path), {
              sheetName: file.fileId,
              reportingTimeZone: ZONE,
              spreadsheetTimeZone: ZONE,
              period: null,
            });
            if (!read) throw new Error(`${file.path} was not recognised`);
            if (read.detection.type === 'amazon-date-range-transactions' && read.result.dateRange)
              paymentsCoverage.push({ channel: 'amazon', ...read.result.dateRange });
            return read.result.facts;
          });
          const summary = summarize(facts, {
            costs,
            fxUsdCny: null,
            feeEstimator: estimateAmazonFees,
            paymentsCoverage,
          }).rows;
          const money = (value: number | null): string => (value === null ? 'NULL' : value.toFixed(2));
          expect(rowsOf(once.kpiRows)).toEqual(
            summary
              .filter((row) => row.channel === 'amazon')
              .map((row) =>
                [
                  row.date,
                  row.sku,
                  row.units.toFixed(2),
                  money(row.fees),
                  row.fees === null ? 'NULL' : row.feesEstimated ? '1' : '0',
                  money(row.refunds ?? 0),
                  money(row.reimbursements ?? 0),
                  money(row.grossProfit),
                ].join(' '),
              )
              .sort(),
          );
        }),
        { numRuns: 8 },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
