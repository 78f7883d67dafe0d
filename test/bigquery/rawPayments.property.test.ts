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
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  AMAZON_SAMPLE_COSTS,
  AMAZON_SAMPLE_ORDERS,
  inTemporaryFolder,
  PAYMENTS_COLUMNS,
  type PaymentsExport,
  paymentsRows,
  ZONE,
  PROPERTY_TIME_LIMIT_MS,
} from './rawProperty';

const SAMPLES = join(__dirname, '..', '..', 'samples');
/** The sample report's preamble and header: the lines above its first posting. */
const SAMPLE_HEAD = readFileSync(join(SAMPLES, 'amazon-date-range-transactions.csv'), 'utf8')
  .split(/\r?\n/)
  .slice(0, 8)
  .join('\n');

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

const DATE_RANGE: PaymentsExport = {
  report: 'amazon-date-range-transactions',
  channel: 'amazon',
  orders: AMAZON_SAMPLE_ORDERS,
  costs: AMAZON_SAMPLE_COSTS,
  columns: PAYMENTS_COLUMNS,
};

describe('Date Range reports in the Drive folder count once and assign their amounts as the build does', () => {
  it('the report alone, beside a second download and beside a reordered copy, gives the KPI Summary build’s rows', async () => {
    await inTemporaryFolder('raw-payments-', async (folder) => {
      await fc.assert(
        fc.asyncProperty(fc.array(paymentsLine, { minLength: 1, maxLength: 10 }), async (generated) => {
          const rows = await paymentsRows(
            folder,
            {
              fileId: 'download-1',
              fileName: 'date-range.csv',
              lines: reportLines(generated),
              text: reportText,
            },
            DATE_RANGE,
          );
          expect(rows.withCopies).toEqual(rows.alone);
          expect(rows.alone).toEqual(rows.build);
        }),
        { numRuns: 8, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
      );
    });
  }, 120_000);
});
