/**
 * The accounting invariant of issue 9 (SPEC §2a), as fast-check properties over the four order exports. A generated
 * "truth" — order lines with their final state, some with an earlier copy (Pending before Shipped, paid before voided),
 * some of another marketplace or currency, some unreadable — is written into sheets the way users paste them: split
 * over tabs in any order, rows in any order, blocks pasted again below with or without their header, or into another
 * tab. Whatever the arrangement:
 * - every row is accounted for: rows read = facts + rows listed in Data Issues + rows excluded by a documented rule,
 *   and facts = lines counted + cancelled + superseded copies;
 * - the totals are those of the truth, worked out here from the lines themselves.
 */
import fc from 'fast-check';
import { type Cell } from '../../src/core/cell';
import { SHOPIFY_ORDERS_HEADER } from '../reports/helpers';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { detectKnownReport, runPipeline, type SourceGrid } from '../../src/core/summary/pipeline';

type Channel = 'amazon' | 'shopify' | 'walmart' | 'tiktok';

/** One line of the truth, with what its final copy says and whether it is a sale of the US store in dollars. */
interface TrueLine {
  channel: Channel;
  /** Rows of the export that hold this line's final copy (Shopify: the order's rows, written together). */
  unit: Cell[][];
  /** An earlier copy that a later download replaced, or null. */
  earlier: Cell[][] | null;
  /** Units and cents this line adds to its channel's totals (0 when cancelled, unpriced, foreign or unreadable). */
  units: number;
  cents: number;
  /** Distinct order lines the export gives facts for (a Shopify order has one per row), and how many are cancelled. */
  factLines: number;
  cancelledLines: number;
}

const SKUS = ['MUG-01', 'CUP-02', 'LAMP-3'];
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];

const AMAZON_HEADER = [
  'amazon-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'sales-channel',
  'sku',
  'quantity',
  'currency',
  'item-price',
  'item-promotion-discount',
  'merchant-order-id',
  'fulfillment-channel',
  'order-channel',
  'ship-service-level',
  'product-name',
  'asin',
  'item-status',
  'item-tax',
  'shipping-price',
  'ship-promotion-discount',
  'ship-country',
  'is-business-order',
];

const amazonLines = fc
  .array(
    fc.record({
      sku: fc.constantFrom(...SKUS),
      day: fc.constantFrom(...DAYS),
      quantity: fc.integer({ min: 1, max: 3 }),
      cents: fc.integer({ min: 1, max: 50_000 }),
      kind: fc.constantFrom(
        'shipped',
        'shipped',
        'cancelled',
        'pendingNoPrice',
        'pendingPriced',
        'canada',
        'nonAmazon',
        'badQuantity',
      ),
      hadPendingCopy: fc.boolean(),
    }),
    { maxLength: 12 },
  )
  .map((specs) =>
    specs.map((spec, index): TrueLine => {
      const orderId = `${spec.kind === 'canada' ? '702' : '111'}-0000000-${String(index).padStart(7, '0')}`;
      const price = (spec.cents / 100).toFixed(2);
      const at = `${spec.day}T20:00:00+00:00`;
      const row = (
        status: string,
        updated: string,
        priceText: string,
        quantity = String(spec.quantity),
      ): Cell[] => [
        orderId,
        at,
        updated,
        status,
        spec.kind === 'canada' ? 'Amazon.ca' : spec.kind === 'nonAmazon' ? 'Non-Amazon' : 'Amazon.com',
        spec.sku,
        quantity,
        spec.kind === 'canada' ? 'CAD' : priceText === '' ? '' : 'USD',
        priceText,
        '',
      ];
      const later = `${spec.day}T23:00:00+00:00`;
      const final =
        spec.kind === 'cancelled'
          ? row('Cancelled', later, '', '0')
          : spec.kind === 'pendingNoPrice'
            ? row('Pending', later, '')
            : spec.kind === 'pendingPriced'
              ? row('Pending', later, price)
              : spec.kind === 'badQuantity'
                ? row('Shipped', later, price, 'two')
                : row('Shipped', later, price);
      const counts = spec.kind === 'shipped' || spec.kind === 'pendingPriced';
      const canHaveEarlier = counts || spec.kind === 'cancelled';
      return {
        channel: 'amazon',
        unit: [final],
        // The same line downloaded earlier, still Pending with no price: the later last-updated-date wins.
        earlier:
          canHaveEarlier && spec.hadPendingCopy ? [row('Pending', `${spec.day}T20:30:00+00:00`, '')] : null,
        units: counts ? spec.quantity : 0,
        cents: counts ? spec.cents : 0,
        factLines: counts || spec.kind === 'cancelled' ? 1 : 0,
        cancelledLines: spec.kind === 'cancelled' ? 1 : 0,
      };
    }),
  );

const SHOPIFY_HEADER: Cell[] = [...SHOPIFY_ORDERS_HEADER];

const shopifyOrders = fc
  .array(
    fc.record({
      day: fc.constantFrom(...DAYS),
      status: fc.constantFrom('paid', 'paid', 'refunded', 'voided', 'pending'),
      currency: fc.constantFrom('USD', 'USD', 'USD', 'CAD'),
      // An order of one to three rows; a SKU may repeat (two real lines with other line properties).
      lines: fc.array(
        fc.record({
          sku: fc.constantFrom(...SKUS),
          quantity: fc.integer({ min: 1, max: 3 }),
          cents: fc.integer({ min: 1, max: 9_999 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      hadPaidCopy: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  .map((specs) =>
    specs.map((spec, index): TrueLine => {
      const name = `#${1001 + index}`;
      const rows = (status: string): Cell[][] =>
        spec.lines.map((line, at) => [
          name,
          at === 0 ? status : '',
          at === 0 ? spec.currency : '',
          at === 0 ? `${spec.day} 10:00:00 -0800` : '',
          String(line.quantity),
          (line.cents / 100).toFixed(2),
          line.sku,
        ]);
      const counts = spec.status !== 'voided' && spec.currency === 'USD';
      const earlierStatus = spec.status === 'voided' || spec.status === 'refunded' ? 'paid' : 'pending';
      return {
        channel: 'shopify',
        unit: rows(spec.status),
        earlier: spec.hadPaidCopy && spec.status !== 'pending' ? rows(earlierStatus) : null,
        units: counts ? spec.lines.reduce((sum, line) => sum + line.quantity, 0) : 0,
        cents: counts ? spec.lines.reduce((sum, line) => sum + line.quantity * line.cents, 0) : 0,
        factLines: spec.currency === 'USD' ? spec.lines.length : 0,
        cancelledLines: spec.currency === 'USD' && spec.status === 'voided' ? spec.lines.length : 0,
      };
    }),
  );

const WALMART_HEADER = [
  'PO#',
  'Order Date',
  'Line#',
  'Status',
  'Qty',
  'SKU',
  'Item Cost',
  'Order#',
  'Ship By',
  'Customer Name',
  'UPC',
  'Item Description',
  'Shipping Method',
  'Shipping Cost',
  'Tax',
  'Carrier',
  'Tracking Number',
  'Fulfillment Entity',
  'Shipping Config SOurce',
];

const walmartLines = fc
  .array(
    fc.record({
      po: fc.integer({ min: 1, max: 4 }),
      line: fc.integer({ min: 1, max: 3 }),
      sku: fc.constantFrom(...SKUS),
      cents: fc.integer({ min: 1, max: 9_999 }),
      status: fc.constantFrom('Shipped', 'Acknowledged', 'Cancelled'),
      hadCreatedCopy: fc.boolean(),
    }),
    { maxLength: 10 },
  )
  .map((specs) => {
    // PO# + Line# is the line: the first spec of a key is the line, later ones are dropped from the truth.
    const seen = new Set<string>();
    return specs
      .filter((spec) => {
        const key = `${spec.po}/${spec.line}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((spec): TrueLine => {
        const row = (status: string): Cell[] => [
          `10882981234500${spec.po}`,
          `3/${spec.po + 1}/2026`,
          String(spec.line),
          status,
          '1',
          spec.sku,
          (spec.cents / 100).toFixed(2),
        ];
        const counts = spec.status !== 'Cancelled';
        return {
          channel: 'walmart',
          unit: [row(spec.status)],
          earlier: spec.hadCreatedCopy ? [row('Created')] : null,
          units: counts ? 1 : 0,
          cents: counts ? spec.cents : 0,
          factLines: 1,
          cancelledLines: counts ? 0 : 1,
        };
      });
  });

const TIKTOK_HEADER = [
  'Order ID',
  'Order Status',
  'SKU ID',
  'Seller SKU',
  'Quantity',
  'SKU Subtotal Before Discount',
  'SKU Seller Discount',
  'SKU Subtotal After Discount',
  'Created Time',
  'Order Substatus',
  'Cancelation/Return Type',
  'Product Name',
  'Variation',
  'SKU Unit Original Price',
  'SKU Platform Discount',
  'Shipping Fee After Discount',
  'Order Amount',
  'Paid Time',
  'Cancelled Time',
  'Fulfillment Type',
  'Tracking ID',
];

const tiktokLines = fc
  .array(
    fc.record({
      sku: fc.integer({ min: 0, max: 2 }),
      quantity: fc.integer({ min: 1, max: 3 }),
      cents: fc.integer({ min: 100, max: 9_999 }),
      status: fc.constantFrom('Completed', 'To ship', 'Canceled'),
      hadUnpaidCopy: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  .map((specs) =>
    specs.map((spec, index): TrueLine => {
      const row = (status: string): Cell[] => [
        `57646123450000${String(index).padStart(4, '0')}\t`,
        status,
        `172990001${spec.sku}\t`,
        SKUS[spec.sku] ?? 'MUG-01',
        String(spec.quantity),
        (spec.cents / 100).toFixed(2),
        '0.00',
        (spec.cents / 100).toFixed(2),
        `03/0${2 + (index % 3)}/2026 10:00:00 AM\t`,
      ];
      const counts = spec.status !== 'Canceled';
      return {
        channel: 'tiktok',
        unit: [row(spec.status)],
        earlier: spec.hadUnpaidCopy ? [row('Unpaid')] : null,
        units: counts ? spec.quantity : 0,
        cents: counts ? spec.cents : 0,
        factLines: 1,
        cancelledLines: counts ? 0 : 1,
      };
    }),
  );

/** How the rows of one export are pasted: which units go to which tab, in which order, and what is pasted again. */
const arrangement = fc.record({
  tabs: fc.integer({ min: 1, max: 3 }),
  tabOf: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  order: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  /** Units pasted again, and how: below in the same tab without a header, with one, or into a tab of their own. */
  again: fc.array(fc.record({ unit: fc.nat(), how: fc.constantFrom('sameBlock', 'newBlock', 'newTab') }), {
    maxLength: 5,
  }),
});

function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index % Math.max(keys.length, 1)] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * The sheets of one export: every line's final copy exactly once, earlier copies anywhere, units shuffled and split
 * over tabs, some pasted again. Shopify's rows of one order stay together and in order (its export does so).
 */
function sheetsOf(
  name: string,
  header: Cell[],
  lines: readonly TrueLine[],
  layout: Arranged,
  descriptionRow: Cell[] | null,
): (SourceGrid & { rows: Cell[][] })[] {
  const units: Cell[][][] = [];
  for (const line of lines) {
    units.push(line.unit);
    if (line.earlier) units.push(line.earlier);
  }
  const tabs: Cell[][][][] = Array.from({ length: layout.tabs }, () => []);
  permute(units, layout.order).forEach((unit, index) => {
    tabs[(layout.tabOf[index % layout.tabOf.length] ?? 0) % layout.tabs]?.push(unit);
  });
  const extraTabs: Cell[][][][] = [];
  const endings: Cell[][][][] = tabs.map(() => []);
  for (const { unit, how } of layout.again) {
    if (units.length === 0) break;
    const copy = units[unit % units.length] ?? [];
    const tab = unit % layout.tabs;
    if (how === 'newTab') extraTabs.push([copy]);
    else if (how === 'newBlock') endings[tab]?.push([header], copy);
    else endings[tab]?.push(copy);
  }
  const grids: (SourceGrid & { rows: Cell[][] })[] = [];
  [...tabs, ...extraTabs].forEach((tabUnits, index) => {
    const rows: Cell[][] = [header];
    if (descriptionRow) rows.push(descriptionRow);
    for (const unit of tabUnits) rows.push(...unit);
    for (const unit of endings[index] ?? []) rows.push(...unit);
    grids.push({ sheetName: `${name} ${index + 1}`, rows });
  });
  return grids;
}

interface Arranged {
  tabs: number;
  tabOf: number[];
  order: number[];
  again: { unit: number; how: 'sameBlock' | 'newBlock' | 'newTab' }[];
}

const TIKTOK_DESCRIPTION: Cell[] = [
  'Platform unique order ID.',
  'Current order status.',
  '',
  'SKU set by the seller.',
  'Number of units.',
  '',
  '',
  '',
  'Time the order was placed.',
];

/** First cells of the header rows: every other row of a generated sheet is a data row. */
const HEADER_ROWS = new Set([AMAZON_HEADER[0], SHOPIFY_HEADER[0], WALMART_HEADER[0], TIKTOK_HEADER[0]]);

function build(sources: SourceGrid[]) {
  return runPipeline({
    sources,
    costsRows: null,
    settings: { ...DEFAULT_SETTINGS },
    spreadsheetTimeZone: 'America/Los_Angeles',
    detect: detectKnownReport,
    language: 'en',
  });
}

function totalsByChannel(
  rows: readonly { channel: string; units: number; revenue: number }[],
): Record<string, [number, number]> {
  const totals: Record<string, [number, number]> = {};
  for (const row of rows) {
    const [units, cents] = totals[row.channel] ?? [0, 0];
    totals[row.channel] = [units + row.units, cents + Math.round(row.revenue * 100)];
  }
  return Object.fromEntries(
    Object.entries(totals).filter(([, [units, cents]]) => units !== 0 || cents !== 0),
  );
}

function expectedTotals(lines: readonly TrueLine[]): Record<string, [number, number]> {
  const totals: Record<string, [number, number]> = {};
  for (const line of lines) {
    if (line.units === 0 && line.cents === 0) continue;
    const [units, cents] = totals[line.channel] ?? [0, 0];
    totals[line.channel] = [units + line.units, cents + line.cents];
  }
  return totals;
}

describe('accounting invariant over every order export (SPEC §2a, issue 9)', () => {
  it('every row is counted, listed or excluded, and the totals are the truth’s under any tabs, row order and re-pasting', () => {
    fc.assert(
      fc.property(
        amazonLines,
        shopifyOrders,
        walmartLines,
        tiktokLines,
        fc.array(arrangement, { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        (amazon, shopify, walmart, tiktok, layouts, tabOrder) => {
          const [a, s, w, t] = layouts as [Arranged, Arranged, Arranged, Arranged];
          const sources = permute(
            [
              ...sheetsOf('All Orders', AMAZON_HEADER, amazon, a, null),
              ...sheetsOf('Shopify', SHOPIFY_HEADER, shopify, s, null),
              ...sheetsOf('Walmart', WALMART_HEADER, walmart, w, null),
              ...sheetsOf('TikTok', TIKTOK_HEADER, tiktok, t, TIKTOK_DESCRIPTION),
            ],
            tabOrder,
          );
          const result = build(sources);

          // Rows in = rows giving facts + rows listed one by one + rows excluded by a rule with a sheet-level issue.
          for (const source of result.sources) {
            const listed = result.issues.filter(
              (issue) => issue.sheet === source.sheet && issue.row > 0,
            ).length;
            expect(source.rows).toBe(source.facts + listed + source.rowsExcluded);
          }
          const rowsInSheets = sources.reduce(
            (sum, source) =>
              sum +
              source.rows.filter((row) => !HEADER_ROWS.has(row[0] as string) && row !== TIKTOK_DESCRIPTION)
                .length,
            0,
          );
          expect(result.sources.reduce((sum, source) => sum + source.rows, 0)).toBe(rowsInSheets);

          // Facts = lines counted + cancelled + superseded copies; the lines counted are the truth's distinct lines.
          const { stats } = result.summary;
          const all = [...amazon, ...shopify, ...walmart, ...tiktok];
          expect(stats.orderLinesRead).toBe(result.sources.reduce((sum, source) => sum + source.facts, 0));
          expect(stats.orderLinesRead - stats.orderLinesSuperseded).toBe(
            all.reduce((sum, line) => sum + line.factLines, 0),
          );
          expect(stats.cancelledOrderLines).toBe(all.reduce((sum, line) => sum + line.cancelledLines, 0));
          expect(totalsByChannel(result.summary.rows)).toEqual(expectedTotals(all));
        },
      ),
      { numRuns: 150 },
    );
  });
});
