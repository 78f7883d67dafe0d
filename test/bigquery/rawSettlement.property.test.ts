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
const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');
const ORDERS: readonly LocalExportFile[] = [
  { fileId: 'orders-03-03', path: join(SAMPLES, 'amazon-all-orders-2026-03-03.txt') },
  { fileId: 'orders-03-04', path: join(SAMPLES, 'amazon-all-orders-2026-03-04.txt') },
];
const HEADER = readFileSync(join(FIXTURES, 'amazon-settlement-v2.txt'), 'utf8').split(/\r?\n/)[0] ?? '';
const COLUMNS = HEADER.split('\t');

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

const ROW_COLUMNS = ['units', 'fees', 'fees_estimated', 'refunds', 'reimbursements', 'gross_profit'] as const;

function rowsOf(rows: readonly KpiRow[]): string[] {
  return rows
    .filter((kpi) => kpi['channel'] === 'amazon')
    .map((kpi) =>
      [
        kpi['date'],
        kpi['sku'],
        ...ROW_COLUMNS.map((column) =>
          kpi[column] === null ? 'NULL' : Number(kpi[column]).toFixed(column.startsWith('fees_') ? 0 : 2),
        ),
      ].join(' '),
    )
    .sort();
}

describe('Settlement V2 files in the Drive folder count once and assign their amounts as the build does', () => {
  it('the report alone, beside a second download and beside a reordered copy, gives the KPI Summary build’s rows', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'raw-settlement-'));
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(settlementLine, { minLength: 1, maxLength: 10 }),
          fc.boolean(),
          async (generated, statesPeriod) => {
            const path = join(folder, 'settlement.txt');
            const reordered = join(folder, 'settlement-reordered.txt');
            const lines = settlementLines(generated);
            writeFileSync(path, reportText(lines, statesPeriod));
            writeFileSync(reordered, reportText([...lines].reverse(), statesPeriod));
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
              if (read.detection.type === 'amazon-settlement-v2') {
                const stated = read.result.statedCoverage.map((period) => ({
                  channel: 'amazon' as const,
                  ...period,
                }));
                if (stated.length > 0) paymentsCoverage.push(...stated);
                else if (read.result.dateRange)
                  paymentsCoverage.push({ channel: 'amazon', ...read.result.dateRange });
              }
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
                .filter((kpi) => kpi.channel === 'amazon')
                .map((kpi) =>
                  [
                    kpi.date,
                    kpi.sku,
                    kpi.units.toFixed(2),
                    money(kpi.fees),
                    kpi.fees === null ? 'NULL' : kpi.feesEstimated ? '1' : '0',
                    money(kpi.refunds ?? 0),
                    money(kpi.reimbursements ?? 0),
                    money(kpi.grossProfit),
                  ].join(' '),
                )
                .sort(),
            );
          },
        ),
        { numRuns: 8 },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
