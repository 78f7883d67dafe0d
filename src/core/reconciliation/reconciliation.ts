/**
 * The Reconciliation sheet (SPEC §2b): can a seller put our numbers beside the payout and see every cent explained?
 *
 * Block 1, one row per payments report block and currency: the report's own total (a settlement's total-amount,
 * Walmart's Total Payable, else the sum of the lines' own totals) beside the sum of every line by category, and
 * `unexplained` = total − those sums. Every line has a category, so an untouched report shows 0.00; anything else means
 * a line was lost (an unreadable amount, a line cut off when pasting) or a line's own total disagrees with its parts,
 * and is named in Data Issues.
 *
 * Block 2, below it, one row per channel and month: the product money of orders in the payments reports (principal
 * after the seller's promotions) beside the order exports' revenue of the same orders. The difference is where order
 * exports and payouts disagree: an order missing from one side, or priced differently.
 */
import { type Cell } from '../cell';
import { type Language, translate } from '../i18n';
import {
  type Channel,
  type DataIssue,
  type Fact,
  type IsoDate,
  PAYOUT_CATEGORIES,
  type PayoutBlockFact,
  type PayoutCategory,
} from '../model';
import { roundCents } from '../parse';
import { type SummaryColumnFormat, type SummaryTable } from '../summary/table';

/** Column names of block 1, snake_case as SPEC §2b fixes them. */
const CATEGORY_COLUMNS: Readonly<Record<PayoutCategory, string>> = {
  principal: 'principal',
  shippingCredits: 'shipping_credits',
  taxesCollected: 'taxes_collected',
  taxesWithheld: 'taxes_withheld',
  promotions: 'promotions',
  refunds: 'refunds',
  fees: 'fees',
  reimbursements: 'reimbursements',
  advertising: 'advertising',
  transfers: 'transfers',
  other: 'other',
};

export const RECONCILIATION_HEADER: readonly string[] = [
  'sheet',
  'report',
  'period_start',
  'period_end',
  'currency',
  'report_total',
  ...PAYOUT_CATEGORIES.map((category) => CATEGORY_COLUMNS[category]),
  'unexplained',
];

const BLOCK_FORMATS: readonly SummaryColumnFormat[] = [
  'text',
  'text',
  'date',
  'date',
  'text',
  ...Array<SummaryColumnFormat>(PAYOUT_CATEGORIES.length + 2).fill('money'),
];

const COMPARISON_HEADER: readonly string[] = [
  'channel',
  'month',
  'currency',
  'orders_in_payments',
  'orders_matched',
  'payments_principal',
  'order_revenue',
  'difference',
];
const COMPARISON_FORMATS: readonly SummaryColumnFormat[] = [
  'text',
  'text',
  'text',
  'integer',
  'integer',
  'money',
  'money',
  'money',
];

/** Half a cent: below it a difference is float noise, not a lost line. */
const CENT_TOLERANCE = 0.005;

/** The key an order's revenue is looked up by: channel and order id. */
export function orderKey(channel: Channel, orderId: string): string {
  return `${channel}\u0000${orderId}`;
}

/** The orders the payments reports name, whose revenue the summary is asked for (USD blocks only). */
export function ordersInPayouts(facts: readonly Fact[]): Set<string> {
  const keys = new Set<string>();
  // Indexed, not for…of: over 100,000 facts the iterator's result objects were measured at 5 MB a pass (issue 17).
  for (let index = 0; index < facts.length; index++) {
    const fact = facts[index] as Fact;
    if (fact.kind !== 'payoutBlock' || fact.currency !== 'USD') continue;
    for (const orderId of fact.principalByOrder.keys()) keys.add(orderKey(fact.channel, orderId));
  }
  return keys;
}

export interface Reconciliation {
  table: SummaryTable;
  issues: DataIssue[];
  /** Blocks whose lines do not add up to their total, for the dashboard. */
  unexplainedBlocks: number;
}

/**
 * Both blocks from the payout facts and the order exports' revenue of the orders they name (`revenueOfOrder`, from
 * the summary's counted lines). Null when no payments report was read: there is nothing to reconcile.
 */
export function reconcile(
  facts: readonly Fact[],
  revenueOfOrder: ReadonlyMap<string, number>,
  language: Language,
): Reconciliation | null {
  const blocks = facts.filter((fact): fact is PayoutBlockFact => fact.kind === 'payoutBlock');
  if (blocks.length === 0) return null;
  blocks.sort(
    (a, b) =>
      compareText(a.source.sheet, b.source.sheet) ||
      compareText(a.source.block ?? '', b.source.block ?? '') ||
      compareText(a.currency, b.currency),
  );
  const rows: Cell[][] = [];
  const issues: DataIssue[] = [];
  let unexplainedBlocks = 0;
  for (const block of blocks) {
    const sums = PAYOUT_CATEGORIES.map((category) => roundCents(block.byCategory[category]));
    const unexplained = roundCents(block.reportTotal - sums.reduce((sum, amount) => sum + amount, 0));
    rows.push([
      block.source.sheet,
      translate(language, block.reportLabelKey),
      block.periodStart ?? '',
      block.periodEnd ?? '',
      block.currency,
      block.reportTotal,
      ...sums,
      unexplained,
    ]);
    if (Math.abs(unexplained) >= CENT_TOLERANCE) {
      unexplainedBlocks++;
      issues.push({
        sheet: block.source.sheet,
        row: 0,
        key: block.currency,
        reason: {
          key: 'issue.reconciliation.unexplained',
          params: {
            amount: unexplained.toFixed(2),
            currency: block.currency,
            total: block.reportTotal.toFixed(2),
          },
        },
      });
    }
  }

  const comparison = compareWithOrders(blocks, revenueOfOrder);
  const rowFormats = new Map<number, readonly SummaryColumnFormat[]>();
  if (comparison.length > 0) {
    const pad = (cells: readonly Cell[]): Cell[] => [
      ...cells,
      ...Array<Cell>(RECONCILIATION_HEADER.length - cells.length).fill(''),
    ];
    const padFormats = (formats: readonly SummaryColumnFormat[]): SummaryColumnFormat[] => [
      ...formats,
      ...Array<SummaryColumnFormat>(RECONCILIATION_HEADER.length - formats.length).fill('text'),
    ];
    rows.push(pad([]));
    rowFormats.set(rows.length - 1, padFormats([]));
    rows.push(pad(COMPARISON_HEADER));
    rowFormats.set(rows.length - 1, padFormats([]));
    for (const line of comparison) {
      rows.push(pad(line));
      rowFormats.set(rows.length - 1, padFormats(COMPARISON_FORMATS));
    }
  }
  return {
    table: { header: RECONCILIATION_HEADER, formats: BLOCK_FORMATS, rows, rowFormats },
    issues,
    unexplainedBlocks,
  };
}

/**
 * Block 2: per channel and month (of the posting), USD orders only. An order named in two blocks (the same report
 * pasted twice) counts once, with the larger of its amounts.
 */
function compareWithOrders(
  blocks: readonly PayoutBlockFact[],
  revenueOfOrder: ReadonlyMap<string, number>,
): Cell[][] {
  const principalByOrder = new Map<string, { channel: Channel; date: IsoDate; amount: number }>();
  for (const block of blocks) {
    if (block.currency !== 'USD') continue;
    for (const [orderId, { date, amount }] of block.principalByOrder) {
      const key = orderKey(block.channel, orderId);
      const earlier = principalByOrder.get(key);
      if (!earlier || Math.abs(amount) > Math.abs(earlier.amount))
        principalByOrder.set(key, { channel: block.channel, date, amount });
    }
  }
  const months = new Map<
    string,
    { channel: Channel; month: string; orders: number; matched: number; principal: number; revenue: number }
  >();
  for (const [key, { channel, date, amount }] of principalByOrder) {
    const month = date.slice(0, 7);
    const monthKey = `${channel}\u0000${month}`;
    let line = months.get(monthKey);
    if (!line)
      months.set(monthKey, (line = { channel, month, orders: 0, matched: 0, principal: 0, revenue: 0 }));
    line.orders++;
    const revenue = revenueOfOrder.get(key);
    if (revenue === undefined) continue;
    line.matched++;
    line.principal += amount;
    line.revenue += revenue;
  }
  return [...months.values()]
    .sort((a, b) => compareText(a.channel, b.channel) || compareText(a.month, b.month))
    .map((line) => [
      line.channel,
      line.month,
      'USD',
      line.orders,
      line.matched,
      roundCents(line.principal),
      roundCents(line.revenue),
      roundCents(line.principal - line.revenue),
    ]);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
