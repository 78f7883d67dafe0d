/**
 * Property (issue 15, item 4): Shopify Payments transactions in the Drive folder count each payments line once and
 * give fees and refunds as the KPI Summary build does. Random exports (charges, refunds, disputes, adjustments,
 * reserves, payouts and a type the add-on does not know; lines of the sample orders, of an order the folder lacks and
 * without an order; lines in Canadian dollars; equal lines repeated inside the export; postings either side of midnight
 * in Los Angeles) beside the sample Shopify orders: the export alone, beside a second download of it and beside a copy
 * with its lines in another order give the same KPI rows, and the KPI Summary's (summarize() with the coverage
 * runPipeline gives it: a payments report covers its first to last posted day). Each run stages DuckDB twice.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { costsFromRows } from '../../src/core/costs/costs';
import { type LocalExportFile } from './rawDuckDb';
import {
  inTemporaryFolder,
  type PaymentsExport,
  paymentsRows,
  ZONE,
  PROPERTY_TIME_LIMIT_MS,
} from './rawProperty';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const ORDERS: readonly LocalExportFile[] = [{ fileId: 'orders', path: join(SAMPLES, 'shopify-orders.csv') }];
const HEADER =
  'Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Payout ID,Available On,Amount,Fee,' +
  'Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency';

const costs = costsFromRows(
  [
    ['sku', 'unit_cost', 'currency'],
    ['MUG-01', 4.2, 'USD'],
    ['LAMP-3', 12, 'USD'],
    ['CANDLE-7', 3, 'USD'],
  ],
  'Costs',
  ZONE,
).table;

const cents = fc.integer({ min: -5_000, max: 5_000 });
const payoutLine = fc.record({
  type: fc.constantFrom(
    'charge',
    'charge',
    'refund',
    'dispute',
    'adjustment',
    'reserve',
    'payout',
    'Mystery',
  ),
  order: fc.constantFrom('#1001', '#1002', '#1003', '#1099', ''),
  // Hours from 2026-03-02T00:00Z: 08:00 UTC is midnight in Los Angeles (PST, UTC−8).
  hour: fc.integer({ min: 0, max: 80 }),
  amount: cents,
  fee: fc.integer({ min: 0, max: 400 }),
  currency: fc.constantFrom('USD', 'USD', 'USD', 'CAD', ''),
  repeated: fc.boolean(),
});

type PayoutLine = typeof payoutLine extends fc.Arbitrary<infer T> ? T : never;

/** `2026-03-02 10:00:05 -0800`, as the export writes its transaction dates. */
function postedText(hour: number): string {
  const local = new Date(Date.UTC(2026, 2, 2) + hour * 3_600_000 - 8 * 3_600_000);
  return `${local.toISOString().slice(0, 19).replace('T', ' ')} -0800`;
}

function exportLines(lines: readonly PayoutLine[]): string[] {
  return lines.flatMap((line) => {
    const money = (value: number): string => (value / 100).toFixed(2);
    const text = [
      postedText(line.hour),
      line.type,
      line.order,
      'visa',
      'online',
      'paid',
      '2026-03-06',
      '90001',
      '2026-03-06',
      money(line.amount),
      money(line.fee),
      money(line.amount - line.fee),
      line.order === '' ? '' : `#3${line.order.slice(1)}`,
      'card',
      money(line.amount),
      line.currency,
      line.currency,
    ].join(',');
    return line.repeated ? [text, text] : [text];
  });
}

const exportText = (lines: readonly string[]): string => `${HEADER}\n${lines.join('\n')}\n`;

const PAYOUTS: PaymentsExport = {
  report: 'shopify-payouts',
  channel: 'shopify',
  orders: ORDERS,
  costs,
  columns: ['units', 'fees', 'fees_estimated', 'refunds', 'gross_profit'],
};

describe('Shopify Payments transactions in the Drive folder count once and give fees as the build does', () => {
  it('the export alone, beside a second download and beside a reordered copy, gives the KPI Summary build’s rows', async () => {
    await inTemporaryFolder('raw-shopify-payouts-', async (folder) => {
      await fc.assert(
        fc.asyncProperty(fc.array(payoutLine, { minLength: 1, maxLength: 10 }), async (generated) => {
          const rows = await paymentsRows(
            folder,
            {
              fileId: 'download-1',
              fileName: 'payouts.csv',
              lines: exportLines(generated),
              text: exportText,
            },
            PAYOUTS,
          );
          expect(rows.withCopies).toEqual(rows.alone);
          expect(rows.alone).toEqual(rows.build);
        }),
        { numRuns: 8, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
      );
    });
  }, 120_000);
});
