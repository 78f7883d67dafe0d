/**
 * Property (issue 15, item 4): an export file loaded a second time, as a new download beside the first, gives the same
 * facts in SQL as the file alone, and the same as the KPI Summary build's winners for the file. Random Amazon All
 * Orders files: copies of one line with different last-updated times, states (Pending without a price, Shipped,
 * Cancelled), quantities, promotion discounts and purchase times either side of midnight in Los Angeles.
 * Each run stages DuckDB twice (seconds each), so the run count is small.
 */
import fc from 'fast-check';
import { EMPTY_COST_TABLE } from '../../src/core/costs/costs';
import { summarize } from '../../src/core/summary/summarize';
import { type StagingResult } from './rawDuckDb';
import { inTemporaryFolder, readFacts, stageAloneAndWithCopies } from './rawProperty';

/** The current US All Orders header (EXPORTS §3), whose columns the generated rows fill by name. */
const HEADER = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'cpf',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
  'signature-confirmation-recommended',
];

const line = fc.record({
  order: fc.integer({ min: 1, max: 6 }),
  sku: fc.constantFrom('MUG-01', '00501', 'LAMP-3'),
  // Hours from 2026-03-02T00:00Z: 07:00–08:59 UTC is midnight in Los Angeles (PST, UTC−8).
  purchasedHour: fc.integer({ min: 0, max: 60 }),
  updatedAfterHours: fc.integer({ min: 0, max: 3 }),
  status: fc.constantFrom('Shipped', 'Pending', 'Cancelled', 'Shipping'),
  quantity: fc.integer({ min: 0, max: 3 }),
  cents: fc.option(fc.integer({ min: 0, max: 9_999 }), { nil: null }),
  discountCents: fc.integer({ min: -300, max: 300 }),
});

function isoHour(hour: number): string {
  return new Date(Date.UTC(2026, 2, 2) + hour * 3_600_000).toISOString().replace('.000Z', '+00:00');
}

type Line = typeof line extends fc.Arbitrary<infer T> ? T : never;

/** The file's data rows, in the header's column order. */
function allOrdersRows(lines: readonly Line[]): string[] {
  return lines.map((each) => {
    const cells: Record<string, string> = {
      'amazon-order-id': `111-0000000-000000${each.order}`,
      'purchase-date': isoHour(each.purchasedHour),
      'last-updated-date': isoHour(each.purchasedHour + each.updatedAfterHours),
      'order-status': each.status,
      'fulfillment-channel': 'Amazon',
      'sales-channel': 'Amazon.com',
      sku: each.sku,
      'item-status': each.status === 'Cancelled' ? 'Cancelled' : 'Shipped',
      quantity: String(each.quantity),
      currency: each.cents === null ? '' : 'USD',
      'item-price': each.cents === null ? '' : (each.cents / 100).toFixed(2),
      'item-promotion-discount': (each.discountCents / 100).toFixed(2),
      'is-business-order': 'false',
    };
    return HEADER.map((column) => cells[column] ?? '').join('\t');
  });
}

function allOrdersFile(rows: readonly string[]): string {
  return `${[HEADER.join('\t'), ...rows].join('\n')}\n`;
}

/** Order lines that count, per day and SKU: units, distinct orders, revenue to the cent. */
function counted(result: StagingResult): string[] {
  const groups = new Map<string, { units: number; orders: Set<string>; revenue: number }>();
  for (const each of result.orderLines) {
    if (each.state === 'cancelled') continue;
    const key = `${each.date} | ${each.sku}`;
    const group = groups.get(key) ?? { units: 0, orders: new Set<string>(), revenue: 0 };
    group.units += Number(each.quantity);
    group.orders.add(each.order_id);
    group.revenue += Number(each.revenue);
    groups.set(key, group);
  }
  return [...groups]
    .map(([key, group]) => `${key} | ${group.units} | ${group.orders.size} | ${group.revenue.toFixed(2)}`)
    .sort();
}

describe('a raw export loaded twice counts once in SQL', () => {
  it('the file and a second download of it give the facts of the file alone, and the KPI Summary build’s', async () => {
    await inTemporaryFolder('raw-staging-', async (folder) => {
      await fc.assert(
        fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
          // This property's copy is a second download of the same file (no copy in another order).
          const runs = await stageAloneAndWithCopies(
            folder,
            [
              {
                fileId: 'download-1',
                fileName: 'all-orders.txt',
                lines: allOrdersRows(lines),
                text: allOrdersFile,
              },
            ],
            { reordered: false },
          );
          expect(counted(runs.withCopies)).toEqual(counted(runs.alone));
          const rows = summarize(readFacts(runs.files).facts, {
            costs: EMPTY_COST_TABLE,
            fxUsdCny: null,
          }).rows;
          expect(counted(runs.alone)).toEqual(
            rows
              .filter((row) => row.units !== 0 || row.revenue !== 0 || row.orders !== 0)
              .map(
                (row) =>
                  `${row.date} | ${row.sku} | ${row.units} | ${row.orders} | ${row.revenue.toFixed(2)}`,
              )
              .sort(),
          );
        }),
        { numRuns: 6 },
      );
    });
  }, 300_000);
});
