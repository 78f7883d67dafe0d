/**
 * The frozen-history invariant (issue 17, item 4) as a fast-check property. Freezing the KPI Summary at any day F and
 * then deleting every raw row dated on or before F gives, cell for cell, the KPI Summary of the unfrozen workbook: the
 * frozen days are the cells KPI History kept, and each later day is computed from the facts dated that day, which
 * deleting older rows does not touch. Refunds, reimbursements and returns dated after F for orders sold before it
 * count on their own day, in both workbooks, so nothing is counted twice or dropped across the boundary.
 *
 * What the invariant assumes, and where it stops holding (said in the README too):
 * - the copies of one order line share their purchase day (they do: it is the order's day in every export);
 * - coverage is what the reports state (a settlement's period; here one range per channel): a Date Range report
 *   without its period line covers from its first posted day, which moves when its older rows are deleted, so a day
 *   just after F may then have its fees estimated instead of reported;
 * - no payments line is spread over an order's lines (Shopify's processing fee): for an order sold on or before F
 *   its lines are frozen, so a later processing fee lands on the channel row of its day (same day total, no SKU).
 */
import fc from 'fast-check';
import { costsFromRows } from '../../src/core/costs/costs';
import { factsAfter, historyFromTable, historyTable, withFrozenRows } from '../../src/core/history/history';
import { type Channel, type Fact, type FeeType } from '../../src/core/model';
import { summarize, type SummarizeOptions } from '../../src/core/summary/summarize';
import { summaryTable } from '../../src/core/summary/table';
import { addDays } from '../../src/core/time';
import { ad, fee, orderLine, returned } from '../summary/facts';

const FIRST_DAY = '2026-01-25';
const DAY_COUNT = 10;
const DAYS = Array.from({ length: DAY_COUNT }, (_, index) => addDays(FIRST_DAY, index));
const LAST_DAY = DAYS[DAYS.length - 1] ?? FIRST_DAY;
const SKUS = ['MUG-01', '00501', 'LAMP-3', 'NO-COST'];
const CHANNELS: Channel[] = ['amazon', 'shopify', 'walmart'];

const costs = costsFromRows(
  [
    ['sku', 'unit_cost', 'currency', 'effective_from'],
    ['MUG-01', 4.1, 'USD', '2026-01-01'],
    ['00501', 2.1, 'USD', '2026-01-01'],
    // A cost that changes inside the window: the cost in force on each day applies, frozen or not.
    ['LAMP-3', 9.5, 'USD', '2026-01-01'],
    ['LAMP-3', 10.25, 'USD', '2026-01-29'],
  ],
  'Costs',
  'America/Los_Angeles',
).table;

const OPTIONS: SummarizeOptions = {
  costs,
  fxUsdCny: 7.2,
  orderCoverage: [],
  // A payments report covering the whole window on each channel: fees are reported, never estimated.
  paymentsCoverage: CHANNELS.map((channel) => ({ channel, from: FIRST_DAY, to: LAST_DAY })),
};

const day = fc.integer({ min: 0, max: DAY_COUNT - 1 }).map((index) => DAYS[index] ?? FIRST_DAY);
const cents = (max: number): fc.Arbitrary<number> => fc.integer({ min: 1, max }).map((value) => value / 100);
const channel = fc.constantFrom(...CHANNELS);
const sku = fc.constantFrom(...SKUS);

/** An order with its line, maybe pasted twice (another download), maybe cancelled; refunds and returns after it. */
const order = fc.record({
  channel,
  sku,
  date: day,
  quantity: fc.integer({ min: 1, max: 3 }),
  revenue: cents(9_999),
  cancelled: fc.boolean(),
  pastedTwice: fc.boolean(),
  referral: cents(1_500),
  refundAfter: fc.option(fc.record({ days: fc.integer({ min: 0, max: 6 }), amount: cents(5_000) })),
  returnAfter: fc.option(
    fc.record({
      days: fc.integer({ min: 0, max: 6 }),
      sellable: fc.boolean(),
      quantity: fc.integer({ min: 1, max: 2 }),
    }),
  ),
  reimbursement: fc.option(fc.record({ day, amount: cents(3_000) })),
});

const adRow = fc.record({
  channel,
  sku,
  date: day,
  spend: cents(5_000),
  sales: cents(20_000),
  clicks: fc.nat(50),
});

type DrawnOrder = typeof order extends fc.Arbitrary<infer T> ? T : never;
type DrawnAd = typeof adRow extends fc.Arbitrary<infer T> ? T : never;

function factsOf(orders: DrawnOrder[], ads: DrawnAd[]): Fact[] {
  const facts: Fact[] = [];
  let row = 2;
  orders.forEach((drawn, index) => {
    const orderId = `ORD-${index}`;
    const line = orderLine({
      channel: drawn.channel,
      orderId,
      lineKey: drawn.sku,
      sku: drawn.sku,
      date: drawn.date,
      state: drawn.cancelled ? 'cancelled' : 'sold',
      quantity: drawn.quantity,
      revenue: drawn.revenue,
      source: { sheet: `${drawn.channel} orders` },
      row: row++,
    });
    facts.push(line);
    if (drawn.pastedTwice)
      facts.push({ ...line, source: { sheet: `${drawn.channel} orders (2)` }, row: row++ });
    const payment = (feeType: FeeType, date: string, amount: number): void => {
      facts.push(
        fee({
          channel: drawn.channel,
          orderId,
          sku: drawn.sku,
          feeType,
          date,
          amount,
          line: `${feeType}|${orderId}|${date}|${amount}`,
          source: { sheet: 'Payments' },
          row: row++,
        }),
      );
    };
    payment('referral', drawn.date, -drawn.referral);
    const within = (days: number): string | null => {
      const later = addDays(drawn.date, days);
      return later <= LAST_DAY ? later : null;
    };
    const refundDay = drawn.refundAfter ? within(drawn.refundAfter.days) : null;
    if (drawn.refundAfter && refundDay) payment('refund', refundDay, -drawn.refundAfter.amount);
    if (drawn.reimbursement) payment('reimbursement', drawn.reimbursement.day, drawn.reimbursement.amount);
    const returnDay = drawn.returnAfter ? within(drawn.returnAfter.days) : null;
    if (drawn.returnAfter && returnDay)
      facts.push(
        returned({
          channel: drawn.channel,
          orderId,
          sku: drawn.sku,
          date: returnDay,
          quantity: drawn.returnAfter.quantity,
          licensePlate: `LPN-${index}`,
          disposition: drawn.returnAfter.sellable ? 'SELLABLE' : 'CUSTOMER_DAMAGED',
          source: { sheet: 'Returns' },
          row: row++,
        }),
      );
  });
  ads.forEach((drawn, index) =>
    facts.push(
      ad({
        channel: drawn.channel,
        sku: drawn.sku,
        date: drawn.date,
        campaign: `Campaign ${index}`,
        spend: drawn.spend,
        sales: drawn.sales,
        clicks: drawn.clicks,
        impressions: drawn.clicks * 40,
        source: { sheet: 'Ads' },
        row: row++,
      }),
    ),
  );
  return facts;
}

/** Any day from before the first fact to the last, so that freezing nothing and freezing everything are drawn too. */
const frozenThrough = fc.integer({ min: -1, max: DAY_COUNT - 1 }).map((index) => addDays(FIRST_DAY, index));

describe('frozen history keeps the KPI Summary', () => {
  it('freezing at any day, then deleting the raw rows up to it, leaves every KPI Summary cell as it was', () => {
    fc.assert(
      fc.property(
        fc.array(order, { maxLength: 30 }),
        fc.array(adRow, { maxLength: 12 }),
        frozenThrough,
        (orders, ads, through) => {
          const facts = factsOf(orders, ads);
          const unfrozen = summaryTable(summarize(facts, OPTIONS).rows, 7.2);
          const history = historyFromTable(historyTable(unfrozen, through, ''), through);
          const rowsKept = facts.filter((fact) => 'date' in fact && fact.date > through);
          // With the old rows still there (ignored) and with them deleted, the same table.
          for (const raw of [facts, rowsKept]) {
            const computed = summarize(factsAfter(raw, through).live, OPTIONS).rows;
            expect(withFrozenRows(summaryTable(computed, 7.2), history)).toEqual(unfrozen);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('freezing never computes a frozen day again: a refund pasted later for a frozen day is ignored, not added', () => {
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 20 }), day, (orders, through) => {
        const facts = factsOf(orders, []);
        const unfrozen = summaryTable(summarize(facts, OPTIONS).rows, 7.2);
        const history = historyFromTable(historyTable(unfrozen, through, ''), through);
        const late = fee({
          date: FIRST_DAY,
          feeType: 'refund',
          amount: -123.45,
          line: 'late refund',
          source: { sheet: 'Late payments' },
          row: 2,
        });
        const after = factsAfter([...facts, late], through);
        const computed = summarize(after.live, OPTIONS).rows;
        expect(withFrozenRows(summaryTable(computed, 7.2), history)).toEqual(unfrozen);
        expect(after.issues.find((issue) => issue.sheet === 'Late payments')?.reason.params?.rows).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});
