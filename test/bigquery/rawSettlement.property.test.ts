/**
 * Property (issue 15, item 4): Settlement V2 flat files in the Drive folder count each line once and give fees, refunds
 * and reimbursements as the KPI Summary build does. Random settlements (order fees, refunds with commissions given
 * back, promotions, shipping, taxes, storage, reserves, Cost of Advertising, reimbursements, an amount the add-on does
 * not know, lines of amazon.ca, equal lines repeated inside the report, postings either side of midnight in Los
 * Angeles, the summary row's period stated or not) beside the two sample All Orders days: the report alone, beside a
 * second download of it and beside a copy with its lines in another order give the same KPI rows, and the KPI
 * Summary's (summarize() with the coverage runPipeline gives it: the stated period, else the first to last posted
 * day). Each run stages DuckDB twice.
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
  PROPERTY_TIME_LIMIT_MS,
} from './rawProperty';

const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');
const HEADER = readFileSync(join(FIXTURES, 'amazon-settlement-v2.txt'), 'utf8').split(/\r?\n/)[0] ?? '';
const COLUMNS = HEADER.split('\t');

/** transaction-type / amount-type / amount-description, as settlements write them. */
const KINDS: ReadonlyArray<readonly [string, string, string]> = [
  ['Order', 'ItemPrice', 'Principal'],
  ['Order', 'ItemPrice', 'Shipping'],
  ['Order', 'ItemPrice', 'Tax'],
  ['Order', 'ItemFees', 'Commission'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee'],
  ['Order', 'ItemFees', 'DigitalServicesFee'],
  ['Order', 'Promotion', 'Principal'],
  ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal'],
  ['Refund', 'ItemPrice', 'Principal'],
  ['Refund', 'ItemPrice', 'Shipping'],
  ['Refund', 'ItemFees', 'Commission'],
  ['Refund', 'ItemFees', 'RefundCommission'],
  ['Refund', 'Promotion', 'Principal'],
  ['other-transaction', 'other-transaction', 'Storage Fee'],
  ['other-transaction', 'other-transaction', 'Current Reserve Amount'],
  ['ServiceFee', 'Cost of Advertising', 'TransactionTotalAmount'],
  ['other-transaction', 'FBA Inventory Reimbursement', 'WAREHOUSE_DAMAGE'],
  ['other-transaction', 'other-transaction', 'Subscription Fee'],
  ['Chargeback Refund', 'ItemPrice', 'Goodwill'],
  ['Liquidations', 'Liquidations', 'Proceeds'],
];

const settlementLine = fc.record({
  kind: fc.constantFrom(...KINDS),
  sku: fc.constantFrom('MUG-01', 'LAMP-3', '00501', ''),
  // Hours from 2026-03-02T00:00Z: 08:00 UTC is midnight in Los Angeles (PST, UTC−8).
  hour: fc.integer({ min: 0, max: 80 }),
  amount: fc.integer({ min: -3_000, max: 3_000 }),
  marketplace: fc.constantFrom('Amazon.com', 'Amazon.com', 'Amazon.com', 'Amazon.ca', ''),
  repeated: fc.boolean(),
});

type SettlementLine = typeof settlementLine extends fc.Arbitrary<infer T> ? T : never;

const utcText = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function row(cells: Readonly<Record<string, string>>): string {
  return COLUMNS.map((name) => cells[name] ?? '').join('\t');
}

function settlementLines(lines: readonly SettlementLine[]): string[] {
  return lines.flatMap((line) => {
    const [type, amountType, description] = line.kind;
    const text = row({
      'settlement-id': '56000000001',
      currency: line.marketplace === 'Amazon.ca' ? 'CAD' : 'USD',
      'transaction-type': type,
      'order-id': type === 'Order' || type === 'Refund' ? `112-0000000-00000${line.hour % 7}` : '',
      'marketplace-name': line.marketplace,
      'amount-type': amountType,
      'amount-description': description,
      amount: (line.amount / 100).toFixed(2),
      'posted-date-time': utcText(Date.UTC(2026, 2, 2) + line.hour * 3_600_000),
      sku: line.sku,
    });
    return line.repeated ? [text, text] : [text];
  });
}

function reportText(lines: readonly string[], statesPeriod: boolean): string {
  const summary = row({
    'settlement-id': '56000000001',
    'settlement-start-date': statesPeriod ? '2026-03-01 08:00:00 UTC' : '',
    'settlement-end-date': statesPeriod ? '2026-03-06 08:00:00 UTC' : '',
    'total-amount': '-12.34',
    currency: 'USD',
  });
  return `${HEADER}\n${summary}\n${lines.join('\n')}\n`;
}

const SETTLEMENT: PaymentsExport = {
  report: 'amazon-settlement-v2',
  channel: 'amazon',
  orders: AMAZON_SAMPLE_ORDERS,
  costs: AMAZON_SAMPLE_COSTS,
  columns: PAYMENTS_COLUMNS,
};

describe('Settlement V2 files in the Drive folder count once and assign their amounts as the build does', () => {
  it('the report alone, beside a second download and beside a reordered copy, gives the KPI Summary build’s rows', async () => {
    await inTemporaryFolder('raw-settlement-', async (folder) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(settlementLine, { minLength: 1, maxLength: 10 }),
          fc.boolean(),
          async (generated, statesPeriod) => {
            const rows = await paymentsRows(
              folder,
              {
                fileId: 'download-1',
                fileName: 'settlement.txt',
                lines: settlementLines(generated),
                text: (lines) => reportText(lines, statesPeriod),
              },
              SETTLEMENT,
            );
            expect(rows.withCopies).toEqual(rows.alone);
            expect(rows.alone).toEqual(rows.build);
          },
        ),
        { numRuns: 8, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
      );
    });
  }, 120_000);
});
