/**
 * Property (issue 15, item 4): TikTok Shop settlement exports in the Drive folder count each line once and give fees,
 * refunds and reimbursements as the KPI Summary build does. Random exports (order and refund rows with every fee
 * column, rows without a type, ads payments, logistics reimbursements, refund and unknown adjustments, lines in
 * another currency, equal rows repeated inside the export, a Seller discounts cell that is no number) in either header
 * layout, beside the sample TikTok orders: the export alone, beside a second download of it and beside a copy with its
 * rows in another order give the same KPI rows, and the KPI Summary's (summarize() with the coverage runPipeline gives
 * it: the first to last settled day). Each run stages DuckDB twice.
 */
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
const ORDERS: readonly LocalExportFile[] = [
  { fileId: 'orders', path: join(SAMPLES, 'tiktok-shop-orders.csv') },
];
/** The 2024 layout (Type, TikTok Shop commission fee) and the 2026 US one (Transaction type, Referral fee). */
const LAYOUTS = {
  classic: [
    'Order/adjustment ID  ',
    'Type',
    'Order created time',
    'Order settled time',
    'Currency',
    'Total settlement amount',
    'Total revenue',
    'Subtotal before discounts',
    'Seller discounts',
    'Refund subtotal after seller discounts',
    'Total Fees',
    'Transaction fee',
    'TikTok Shop commission fee',
    'Seller shipping fee',
    'Affiliate commission',
  ],
  us2026: [
    'Order/Adjustment ID',
    'Transaction type',
    'Order created time',
    'Order settled time',
    'Currency',
    'Total settlement amount',
    'Total revenue',
    'Subtotal before discounts',
    'Seller discounts',
    'Refund subtotal after seller discounts',
    'Customer-paid shipping fee',
    'Total Fees',
    'Transaction fee',
    'Referral fee',
    'Sales tax on referral fees',
    'Seller shipping fee',
    'Affiliate commission',
  ],
} as const;

const costs = costsFromRows([['sku', 'unit_cost', 'currency']], 'Costs', ZONE).table;

const cents = fc.integer({ min: -3_000, max: 3_000 });
const settlementRow = fc.record({
  type: fc.constantFrom(
    'Order',
    'Order',
    'Refund',
    '',
    'GMV Payment for TikTok Ads',
    'Logistics reimbursement',
    'Platform refund',
    'Deduction',
  ),
  id: fc.integer({ min: 1, max: 4 }),
  day: fc.integer({ min: 1, max: 6 }),
  settlement: cents,
  refund: cents,
  commission: cents,
  shipping: cents,
  transaction: cents,
  affiliate: cents,
  referralTax: cents,
  discountReadable: fc.boolean(),
  currency: fc.constantFrom('USD', 'USD', 'USD', 'GBP', ''),
  repeated: fc.boolean(),
});

type SettlementRow = typeof settlementRow extends fc.Arbitrary<infer T> ? T : never;

function exportLines(layout: keyof typeof LAYOUTS, rows: readonly SettlementRow[]): string[] {
  return rows.flatMap((generated) => {
    const money = (value: number): string => (value / 100).toFixed(2);
    const cells: Readonly<Record<string, string>> = {
      'Order/adjustment ID  ': `58387090000000000${generated.id}`,
      'Order/Adjustment ID': `58387090000000000${generated.id}`,
      Type: generated.type,
      'Transaction type': generated.type,
      'Order created time': '2026/03/01',
      'Order settled time': `2026/03/0${generated.day}`,
      Currency: generated.currency,
      'Total settlement amount': money(generated.settlement),
      'Total revenue': '10.00',
      'Subtotal before discounts': '10.00',
      'Seller discounts': generated.discountReadable ? '0.00' : 'n/a',
      'Refund subtotal after seller discounts': money(generated.refund),
      'Total Fees': '0.00',
      'Transaction fee': money(generated.transaction),
      'TikTok Shop commission fee': money(generated.commission),
      'Referral fee': money(generated.commission),
      'Sales tax on referral fees': money(generated.referralTax),
      'Seller shipping fee': money(generated.shipping),
      'Affiliate commission': money(generated.affiliate),
      'Customer-paid shipping fee': '0.00',
    };
    const text = LAYOUTS[layout].map((name) => cells[name] ?? '').join(',');
    return generated.repeated ? [text, text] : [text];
  });
}

const exportText = (layout: keyof typeof LAYOUTS, lines: readonly string[]): string =>
  `${LAYOUTS[layout].join(',')}\n${lines.join('\n')}\n`;

const SETTLEMENT: PaymentsExport = {
  report: 'tiktok-settlement',
  channel: 'tiktok',
  orders: ORDERS,
  costs,
  columns: PAYMENTS_COLUMNS,
};

describe('TikTok Shop settlement exports in the Drive folder count once and assign their amounts as the build does', () => {
  it('the export alone, beside a second download and beside a reordered copy, gives the KPI Summary build’s rows', async () => {
    await inTemporaryFolder('raw-tiktok-settlement-', async (folder) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('classic' as const, 'us2026' as const),
          fc.array(settlementRow, { minLength: 1, maxLength: 10 }),
          async (layout, generated) => {
            const rows = await paymentsRows(
              folder,
              {
                fileId: 'download-1',
                fileName: 'income.csv',
                lines: exportLines(layout, generated),
                text: (lines) => exportText(layout, lines),
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
