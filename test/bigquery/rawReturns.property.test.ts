/**
 * Property (issue 15, item 4): FBA customer returns files in the Drive folder count each return once, whatever copies
 * of the report the folder holds. Random returns files (license plates repeated with later days or other quantities,
 * rows without a plate repeated inside the file, dispositions in any case, return times either side of midnight in
 * Los Angeles): the file alone, the file beside a second download of it and beside a copy with its rows in another
 * order give the same returned units and cogs in raw_kpi_summary, and the KPI Summary build's (summarize()) for the
 * file. Each run stages DuckDB twice (about a second each), so the run count is small.
 */
import fc from 'fast-check';
import { costsFromRows } from '../../src/core/costs/costs';
import { EMPTY_PRODUCTS } from '../../src/core/inventory/products';
import { summarize } from '../../src/core/summary/summarize';
import { type KpiRow } from './rawDuckDb';
import {
  inTemporaryFolder,
  readFacts,
  stageAloneAndWithCopies,
  ZONE,
  PROPERTY_TIME_LIMIT_MS,
} from './rawProperty';

const HEADER = [
  'return-date',
  'order-id',
  'sku',
  'asin',
  'fnsku',
  'product-name',
  'quantity',
  'fulfillment-center-id',
  'detailed-disposition',
  'reason',
  'status',
  'license-plate-number',
  'customer-comments',
];

/** A plate names one returned unit, so its disposition is the unit's: copies of a plate differ in day or quantity. */
const PLATE_DISPOSITION: Readonly<Record<string, string>> = {
  LPN001: 'SELLABLE',
  LPN002: 'CUSTOMER_DAMAGED',
  LPN003: 'sellable',
};

const returnRow = fc.record({
  order: fc.integer({ min: 1, max: 4 }),
  sku: fc.constantFrom('MUG-01', 'LAMP-3'),
  // Hours from 2026-03-02T00:00Z: 07:00–08:59 UTC is midnight in Los Angeles (PST, UTC−8).
  hour: fc.integer({ min: 0, max: 40 }),
  quantity: fc.integer({ min: 0, max: 3 }),
  plate: fc.constantFrom('', '', 'LPN001', 'LPN002', 'LPN003'),
  disposition: fc.constantFrom('SELLABLE', 'Sellable', 'DEFECTIVE', 'CUSTOMER_DAMAGED'),
  /** Rows without a plate written again right below: two equal returns of one report. */
  repeated: fc.boolean(),
});

type ReturnRow = typeof returnRow extends fc.Arbitrary<infer T> ? T : never;

function isoHour(hour: number): string {
  return new Date(Date.UTC(2026, 2, 2) + hour * 3_600_000).toISOString().replace('.000Z', '+00:00');
}

function returnsLines(rows: readonly ReturnRow[]): string[] {
  return rows.flatMap((row) => {
    const cells: Record<string, string> = {
      'return-date': isoHour(row.hour),
      'order-id': `111-0000000-000000${row.order}`,
      sku: row.sku,
      quantity: String(row.quantity),
      'detailed-disposition': row.plate === '' ? row.disposition : (PLATE_DISPOSITION[row.plate] ?? ''),
      'license-plate-number': row.plate,
    };
    const text = HEADER.map((column) => cells[column] ?? '').join('\t');
    return row.repeated && row.plate === '' ? [text, text] : [text];
  });
}

function fileText(lines: readonly string[]): string {
  return `${[HEADER.join('\t'), ...lines].join('\n')}\n`;
}

/** Every SKU costs 1.00 USD landed, so a return-only row's cogs is minus its SELLABLE units. */
const costs = costsFromRows(
  [
    ['sku', 'unit_cost', 'currency'],
    ['MUG-01', 1, 'USD'],
    ['LAMP-3', 1, 'USD'],
  ],
  'Costs',
  ZONE,
).table;

function returnsOf(rows: readonly KpiRow[]): string[] {
  return rows
    .filter((row) => Number(row['returned_units']) !== 0)
    .map(
      (row) =>
        `${String(row['date'])} ${String(row['sku'])} ${Number(row['returned_units'])} ${Number(row['cogs']).toFixed(2)}`,
    )
    .sort();
}

describe('FBA returns in the Drive folder count once', () => {
  it('the file alone, beside a second download and beside a reordered copy, gives the KPI Summary build’s returns', async () => {
    await inTemporaryFolder('raw-returns-', async (folder) => {
      await fc.assert(
        fc.asyncProperty(fc.array(returnRow, { minLength: 1, maxLength: 10 }), async (rows) => {
          const runs = await stageAloneAndWithCopies(
            folder,
            [{ fileId: 'download-1', fileName: 'returns.txt', lines: returnsLines(rows), text: fileText }],
            { kpiInputs: { costs, fxUsdCny: null, products: EMPTY_PRODUCTS } },
          );
          expect(returnsOf(runs.withCopies.kpiRows)).toEqual(returnsOf(runs.alone.kpiRows));
          const summary = summarize(readFacts(runs.files).facts, { costs, fxUsdCny: null }).rows;
          expect(returnsOf(runs.alone.kpiRows)).toEqual(
            summary
              .filter((row) => row.returnedUnits !== 0)
              .map((row) => `${row.date} ${row.sku} ${row.returnedUnits} ${(row.cogs ?? NaN).toFixed(2)}`)
              .sort(),
          );
        }),
        { numRuns: 8, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
      );
    });
  }, 120_000);
});
