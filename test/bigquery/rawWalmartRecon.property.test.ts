/**
 * Property (issue 15, item 4): Walmart reconciliation reports in the Drive folder count each line once and give fees,
 * refunds and reimbursements as the KPI Summary build does. Random reports (sales with their commission, tax and
 * Walmart-funded savings, refunds, shipping labels, WFS storage, fulfilment and return fees, reimbursements, disputes
 * won and lost, promo codes, marketing fees, an Amount Type the add-on does not know, lines in Canadian dollars, equal
 * lines repeated inside the report, a PaymentSummary row) beside the sample Walmart orders: the report alone, beside a
 * second download of it and beside a copy with its lines in another order give the same KPI rows, and the KPI
 * Summary's (summarize() with the coverage runPipeline gives it: the first to last posted day). Each run stages DuckDB
 * twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { costsFromRows } from '../../src/core/costs/costs';
import { type LocalExportFile } from './rawDuckDb';
import {
  inTemporaryFolder,
  PAYMENTS_COLUMNS,
  type PaymentsExport,
  paymentsRows,
  ZONE,
  PROPERTY_TIME_LIMIT_MS,
} from './rawProperty';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');
const ORDERS: readonly LocalExportFile[] = [{ fileId: 'orders', path: join(SAMPLES, 'walmart-orders.csv') }];
const HEADER = readFileSync(join(FIXTURES, 'walmart-recon.csv'), 'utf8').split(/\r?\n/)[0] ?? '';
const COLUMNS = HEADER.split(',');

const costs = costsFromRows(
  [
    ['sku', 'unit_cost', 'currency'],
    ['00501', 3, 'USD'],
    ['LAMP-3', 12, 'USD'],
  ],
  'Costs',
  ZONE,
).table;

/** Transaction Type / Transaction Description / Amount Type, as the report writes them. */
const KINDS: ReadonlyArray<readonly [string, string, string]> = [
  ['Sale', 'Purchase', 'Product Price'],
  ['Sale', 'Purchase', 'Commission on Product'],
  ['Sale', 'Purchase', 'Product tax'],
  ['Sale', 'Purchase', 'Total Walmart Funded Savings'],
  ['Sale', 'Purchase', 'Promo Code'],
  ['Sale', 'Purchase', 'Shipping Price'],
  ['Refund', 'Refund', 'Product Price'],
  ['Refund', 'Refund', 'Commission on Product'],
  ['Refund', 'Refund', 'Shipping Price'],
  ['Adjustment', 'Walmart Shipping Label Service Charge', 'Fee/Reimbursement'],
  ['Adjustment', 'WFS StorageFee', 'Fee/Reimbursement'],
  ['Adjustment', 'WFS Fulfillment fee', 'Fee/Reimbursement'],
  ['Adjustment', 'WFS Return Processing Fee', 'Fee/Reimbursement'],
  ['Adjustment', 'WFS LostInventory', 'Fee/Reimbursement'],
  ['Dispute Settlement', 'Dispute', 'Fee/Reimbursement'],
  ['Adjustment', 'SEM Marketing Fee', 'SEM Marketing Fee'],
  ['Adjustment', 'Something new', 'Mystery Charge'],
];

const reconLine = fc.record({
  kind: fc.constantFrom(...KINDS),
  order: fc.constantFrom('108842371001', '108842371002', ''),
  sku: fc.constantFrom('00501', 'LAMP-3', ''),
  day: fc.integer({ min: 1, max: 5 }),
  amount: fc.integer({ min: -3_000, max: 3_000 }),
  currency: fc.constantFrom('', '', '', 'USD', 'CAD'),
  repeated: fc.boolean(),
});

type ReconLine = typeof reconLine extends fc.Arbitrary<infer T> ? T : never;

function row(cells: Readonly<Record<string, string>>): string {
  return COLUMNS.map((name) => cells[name] ?? '').join(',');
}

function reconLines(lines: readonly ReconLine[]): string[] {
  return lines.flatMap((line, index) => {
    const [type, description, amountType] = line.kind;
    const text = row({
      Currency: line.currency,
      'Transaction Key': `2026_03_0${line.day}_${index % 3}`,
      'Transaction Posted Timestamp': `3/${line.day}/2026`,
      'Transaction Type': type,
      'Transaction Description': description,
      'Purchase Order #': line.order,
      'Purchase Order line #': line.order === '' ? '' : '1',
      Amount: (line.amount / 100).toFixed(2),
      'Amount Type': amountType,
      'Partner Item Id': line.sku,
    });
    return line.repeated ? [text, text] : [text];
  });
}

function reportText(lines: readonly string[]): string {
  const summary = row({
    'Period Start Date': '3/1/2026',
    'Period End Date': '3/6/2026',
    'Total Payable': '12.34',
    Currency: 'USD',
    'Transaction Posted Timestamp': '3/7/2026',
    'Transaction Type': 'PaymentSummary',
  });
  return `${HEADER}\n${summary}\n${lines.join('\n')}\n`;
}

const RECON: PaymentsExport = {
  report: 'walmart-recon',
  channel: 'walmart',
  orders: ORDERS,
  costs,
  columns: PAYMENTS_COLUMNS,
};

describe('Walmart reconciliation reports in the Drive folder count once and assign their amounts as the build does', () => {
  it('the report alone, beside a second download and beside a reordered copy, gives the KPI Summary build’s rows', async () => {
    await inTemporaryFolder('raw-walmart-recon-', async (folder) => {
      await fc.assert(
        fc.asyncProperty(fc.array(reconLine, { minLength: 1, maxLength: 10 }), async (generated) => {
          const rows = await paymentsRows(
            folder,
            { fileId: 'download-1', fileName: 'recon.csv', lines: reconLines(generated), text: reportText },
            RECON,
          );
          expect(rows.withCopies).toEqual(rows.alone);
          expect(rows.alone).toEqual(rows.build);
        }),
        { numRuns: 8, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
      );
    });
  }, 120_000);
});
