/**
 * From facts to KPI Summary rows: the counting rules of SPEC §2 and §2a (each line once whatever the tabs, blocks and
 * row order; a later state wins) and the profit chain of §2b. Pure: the same code runs in Apps Script, in `npm start`
 * and in tests. One pass over the facts to sort them by kind, one to choose each line's copy, one to group; money
 * stays unrounded until output.
 *
 * Speed (issue 4: a 100,000-line All Orders report): order lines are looked up by their order id, whose hash V8
 * keeps on the string, rather than by a key string built per line; groups are found through one map per level
 * (channel, day, SKU) for the same reason; distinct orders are counted once per group an order id's lines reach,
 * instead of a set of order ids per group.
 */
import { type CostEntry, type CostTable, costInForce, landedUnitCostUsd } from '../costs/costs';
import {
  type AdFact,
  type Channel,
  type DailyTotalFact,
  type DataIssue,
  type Fact,
  type FeeFact,
  type FeeType,
  type IsoDate,
  type MessageRef,
  type OrderLineFact,
  type OrderLineState,
  type ReturnFact,
  type SourceRef,
} from '../model';
import { OWNED_SHEETS } from '../sheetNames';
import { type SummaryRow } from './types';

/** What an estimator is asked for: the units and revenue of one date × channel × SKU with no payments report. */
export interface FeeEstimateRequest {
  channel: Channel;
  sku: string;
  date: IsoDate;
  units: number;
  revenue: number;
  cost: CostEntry | null;
}

/**
 * Estimated marketplace fees in USD (positive = cost), or why they cannot be estimated (a catalogue message) and
 * whether the fix is per SKU (add its dimensions) or per channel (add a payments report): one Data Issue each.
 */
export type FeeEstimate = { fees: number } | { unknown: MessageRef; scope?: 'sku' | 'channel' };
export type FeeEstimator = (request: FeeEstimateRequest) => FeeEstimate;

/** Days of one channel a report covers (SPEC §2a "Coverage"): one run of days, first to last. */
export interface Coverage {
  channel: Channel;
  from: IsoDate;
  to: IsoDate;
}

export interface SummarizeOptions {
  costs: CostTable;
  /** USD→CNY from Settings; null when unreadable (CNY costs then cannot be converted). */
  fxUsdCny: number | null;
  feeEstimator?: FeeEstimator;
  /**
   * Days covered by order exports and by payments reports. When omitted they are derived from the facts: each source
   * sheet covers, per channel, the days of its facts and gaps of up to two days between them (SPEC §2a). The build
   * passes what the readers saw instead: the days of every line (Pending lines with no price too) and a settlement's
   * own period.
   */
  orderCoverage?: readonly Coverage[];
  paymentsCoverage?: readonly Coverage[];
  /** Name of the Costs sheet, for Data Issues about missing costs. */
  costsSheetName?: string;
  /**
   * Orders (channel + NUL + order id) whose counted revenue the caller wants: the ones payments reports name, for the
   * Reconciliation sheet's comparison. Their revenue comes back in `revenueOfOrder`.
   */
  ordersToMatch?: ReadonlySet<string>;
}

export interface SummaryStats {
  orderLinesRead: number;
  /**
   * Copies of an order line that did not count: an earlier version of the same line (Pending → Shipped), or the same
   * line again (an export pasted twice, in two tabs or in one). Lines read = counted + cancelled + superseded.
   */
  orderLinesSuperseded: number;
  cancelledOrderLines: number;
  adRowsRead: number;
  adRowsDuplicate: number;
  /** Search-term rows: they describe spend already counted from advertised-product reports (SPEC §2). */
  searchTermRowsNotAdded: number;
  dailyTotalsUsed: number;
  /** Business Report days left out because an order export covers the channel and day. */
  dailyTotalsCovered: number;
  returnRowsDuplicate: number;
  feeRowsDuplicate: number;
  /** Period traffic and inventory snapshots: never daily revenue. */
  periodFactsNotDaily: number;
}

export interface SummaryResult {
  rows: SummaryRow[];
  issues: DataIssue[];
  stats: SummaryStats;
  /** Counted revenue of each order of `ordersToMatch` that the order exports hold. */
  revenueOfOrder: Map<string, number>;
  /**
   * Orders per channel over the whole build: distinct order ids with a counted line, plus the orders a Business
   * Report by date gives for days no order export covers. Not the sum of the rows' `orders`: an order of two SKUs is
   * one order on each of its two rows, and one order of the channel.
   */
  ordersByChannel: Map<Channel, number>;
}

/** The FBA returns disposition of a unit put back into sellable stock. */
const SELLABLE = 'SELLABLE';

/** Fee types that count as marketplace fees in `fees`. */
const MARKETPLACE_FEE_TYPES: ReadonlySet<FeeType> = new Set<FeeType>([
  'referral',
  'fulfilment',
  'storage',
  'other',
]);

interface Accumulator {
  date: IsoDate;
  channel: Channel;
  sku: string;
  units: number;
  /** Distinct order ids among the group's order lines (see countOrderLines for why a count is enough). */
  distinctOrders: number;
  /** Orders reported as a count (Business Report by date), added to the distinct order ids. */
  orderCount: number;
  revenue: number;
  adSpend: number;
  adSales: number;
  adClicks: number;
  adImpressions: number;
  returnedUnits: number;
  reportedFees: number;
  hasReportedFees: boolean;
  refunds: number;
  reimbursements: number;
  /** Returned units with disposition SELLABLE: back in stock, so their landed cost comes off cogs (SPEC §2b). */
  sellableReturnedUnits: number;
}

const SEPARATOR = '\u0000';

function emptyStats(): SummaryStats {
  return {
    orderLinesRead: 0,
    orderLinesSuperseded: 0,
    cancelledOrderLines: 0,
    adRowsRead: 0,
    adRowsDuplicate: 0,
    searchTermRowsNotAdded: 0,
    dailyTotalsUsed: 0,
    dailyTotalsCovered: 0,
    returnRowsDuplicate: 0,
    feeRowsDuplicate: 0,
    periodFactsNotDaily: 0,
  };
}

/**
 * Which copy of a line wins when one line (channel + order id + line key) appears more than once (SPEC §2a "A later
 * state wins"). Cancelled outranks refunded only so that the choice is total; neither copy is newer than the other.
 */
const STATE_RANK: Readonly<Record<OrderLineState, number>> = {
  pending: 0,
  sold: 1,
  refunded: 2,
  cancelled: 3,
};

/**
 * The days of each export block (a sheet, or a block inside one: SPEC §2a "Blocks"), for "the copy from the later
 * download wins". A block is named by its sheet alone when it is the sheet's first, so most facts build no key.
 */
class BlockDays {
  private readonly byBlock = new Map<string, { first: IsoDate; last: IsoDate }>();

  static keyOf(source: SourceRef): string {
    return source.block === undefined ? source.sheet : source.sheet + SEPARATOR + source.block;
  }

  /** The block of the previous fact: facts arrive sheet by sheet, so most lookups are skipped. */
  private lastSheet: string | null = null;
  private lastDays: { first: IsoDate; last: IsoDate } | null = null;

  note(source: SourceRef, date: IsoDate): void {
    let days = source.block === undefined && source.sheet === this.lastSheet ? this.lastDays : null;
    if (days === null) {
      const key = BlockDays.keyOf(source);
      days = this.byBlock.get(key) ?? null;
      if (days === null) this.byBlock.set(key, (days = { first: date, last: date }));
      this.lastSheet = source.block === undefined ? source.sheet : null;
      this.lastDays = days;
    }
    if (date > days.last) days.last = date;
    else if (date < days.first) days.first = date;
  }

  /** Positive when `a`'s block is the later download (later last day, then later first day); 0 when as late. */
  compare(a: SourceRef, b: SourceRef): number {
    const daysOfA = this.byBlock.get(BlockDays.keyOf(a));
    const daysOfB = this.byBlock.get(BlockDays.keyOf(b));
    if (!daysOfA || !daysOfB || daysOfA === daysOfB) return 0;
    return compareText(daysOfA.last, daysOfB.last) || compareText(daysOfA.first, daysOfB.first);
  }
}

/** For copies whose download order does not matter (a return's plate names one unit): the content decides. */
const NO_BLOCK_ORDER = new BlockDays();

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumber(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Positive when copy `a` of an order line beats copy `b`: the later `last-updated-date` (Amazon), else the later
 * state, else the later download. Copies alike in all three are alike in what they say, or differ only in a way no
 * export dates; the content then decides, so that the result never depends on the order of tabs or rows.
 */
function compareOrderLineCopies(a: OrderLineFact, b: OrderLineFact, blocks: BlockDays): number {
  return (
    compareNumber(
      a.lastUpdatedSeconds ?? Number.NEGATIVE_INFINITY,
      b.lastUpdatedSeconds ?? Number.NEGATIVE_INFINITY,
    ) ||
    compareNumber(STATE_RANK[a.state], STATE_RANK[b.state]) ||
    blocks.compare(a.source, b.source) ||
    compareText(a.date, b.date) ||
    compareNumber(a.revenueCents, b.revenueCents) ||
    compareNumber(a.quantity, b.quantity) ||
    compareText(a.sku, b.sku)
  );
}

/**
 * The counting copy of each line of one order id: the line itself when the order has one line (most orders), else its
 * lines in the order their line keys were first met. No wrapper object per line: a 100,000-line export made 100,000
 * of them, all alive to the end of the build (measured: summarize 10% less CPU time at 100,000 lines, issue 17).
 */
type OrderLines = OrderLineFact | OrderLineFact[];

function isSameLine(a: OrderLineFact, b: OrderLineFact): boolean {
  return a.lineKey === b.lineKey && a.channel === b.channel;
}

/**
 * Each line counts once (SPEC §2a): per channel + order id + line key, one copy wins (compareOrderLineCopies),
 * whether the other copies sit in another tab, another block of the same tab, or the same block. Returns each order
 * id's counting lines (see OrderLines), in the order the order ids were first met.
 */
function latestOrderLines(
  lines: readonly OrderLineFact[],
  blocks: BlockDays,
  stats: SummaryStats,
): Map<string, OrderLines> {
  // By order id, then the order's few lines: no key string is built per line.
  const byOrderId = new Map<string, OrderLines>();
  for (const line of lines) {
    const ofOrder = byOrderId.get(line.orderId);
    if (ofOrder === undefined) {
      byOrderId.set(line.orderId, line);
    } else if (!Array.isArray(ofOrder)) {
      if (!isSameLine(ofOrder, line)) {
        byOrderId.set(line.orderId, [ofOrder, line]);
        continue;
      }
      stats.orderLinesSuperseded++;
      if (compareOrderLineCopies(line, ofOrder, blocks) > 0) byOrderId.set(line.orderId, line);
    } else {
      const at = ofOrder.findIndex((counted) => isSameLine(counted, line));
      if (at < 0) {
        ofOrder.push(line);
        continue;
      }
      stats.orderLinesSuperseded++;
      if (compareOrderLineCopies(line, ofOrder[at] as OrderLineFact, blocks) > 0) ofOrder[at] = line;
    }
  }
  return byOrderId;
}

/**
 * Calls `visit` with each counting line of an order, the line whose key was met last first. That order is kept from
 * the chain this replaced because it decides the order of floating-point additions, and so the last bit of sums.
 */
function forEachLineOfOrder(lines: OrderLines, visit: (line: OrderLineFact) => void): void {
  if (!Array.isArray(lines)) {
    visit(lines);
    return;
  }
  for (let index = lines.length - 1; index >= 0; index--) visit(lines[index] as OrderLineFact);
}

/**
 * The KPI Summary's groups, one per date × channel × SKU, found through one map per level: the day strings and SKU
 * strings are shared by many facts, so their hashes are computed once, where a joined key would be built and hashed
 * for every fact.
 */
class SummaryGroups {
  private readonly byChannel = new Map<Channel, Map<IsoDate, Map<string, Accumulator>>>();
  /** Every group, in the order it was first met. */
  readonly all: Accumulator[] = [];

  get(date: IsoDate, channel: Channel, sku: string): Accumulator {
    let byDate = this.byChannel.get(channel);
    if (!byDate) this.byChannel.set(channel, (byDate = new Map()));
    let bySku = byDate.get(date);
    if (!bySku) byDate.set(date, (bySku = new Map()));
    let group = bySku.get(sku);
    if (!group) {
      group = {
        date,
        channel,
        sku,
        units: 0,
        distinctOrders: 0,
        orderCount: 0,
        revenue: 0,
        adSpend: 0,
        adSales: 0,
        adClicks: 0,
        adImpressions: 0,
        returnedUnits: 0,
        reportedFees: 0,
        hasReportedFees: false,
        refunds: 0,
        reimbursements: 0,
        sellableReturnedUnits: 0,
      };
      bySku.set(sku, group);
      this.all.push(group);
    }
    return group;
  }
}

/**
 * Adds the winning order lines to their groups. A group's `orders` is the number of distinct order ids among its
 * lines: the lines of one order id are one chain, so each group an order's chain reaches counts that order once.
 */
function countOrderLines(
  orders: ReadonlyMap<string, OrderLines>,
  groups: SummaryGroups,
  stats: SummaryStats,
  ordersToMatch: ReadonlySet<string>,
  revenueOfOrder: Map<string, number>,
  ordersByChannel: Map<Channel, number>,
): void {
  // The groups the current order's lines reached: the first `reachedCount` entries. Not emptied with `length = 0`,
  // which frees the list's store so that the next push allocated a new one for every order (15 MB at 100,000).
  const reached: Accumulator[] = [];
  let reachedCount = 0;
  let orderId = '';
  let orderCounted = false;
  const count = (line: OrderLineFact): void => {
    if (line.state === 'cancelled') {
      stats.cancelledOrderLines++;
      return;
    }
    const group = groups.get(line.date, line.channel, line.sku);
    // Exactly the dollars the reader rounded to (model.ts): sums as before, to the last bit.
    const revenue = line.revenueCents / 100;
    group.units += line.quantity;
    group.revenue += revenue;
    if (ordersToMatch.size > 0) {
      const key = `${line.channel}\u0000${orderId}`;
      if (ordersToMatch.has(key)) revenueOfOrder.set(key, (revenueOfOrder.get(key) ?? 0) + revenue);
    }
    let reachedBefore = false;
    for (let index = 0; index < reachedCount && !reachedBefore; index++)
      reachedBefore = reached[index] === group;
    if (!reachedBefore) {
      reached[reachedCount++] = group;
      group.distinctOrders++;
    }
    if (!orderCounted) {
      orderCounted = true;
      ordersByChannel.set(line.channel, (ordersByChannel.get(line.channel) ?? 0) + 1);
    }
  };
  // Map.forEach, not for…of: the iterator's result object and [key, value] pair were 100,000 allocations each.
  orders.forEach((lines, id) => {
    // Almost every order has one or two lines: a list beats a set here.
    reachedCount = 0;
    orderCounted = false;
    orderId = id;
    forEachLineOfOrder(lines, count);
  });
}

/**
 * Rows that have no key of their own (payments lines, returns without a license plate) count once across export
 * blocks (SPEC §2a "Blocks"): within one block two equal rows are two events (two units, two fee lines), but the same
 * rows in a second block — another tab, or a download appended below with its header — are the same report pasted
 * again. So each distinct row counts as often as the block that lists it most often.
 */
function onceAcrossBlocks<T extends Fact>(
  facts: readonly T[],
  keyOf: (fact: T) => string,
): { kept: T[]; duplicates: number } {
  const perKey = new Map<string, Map<string, T[]>>();
  for (const fact of facts) {
    const key = keyOf(fact);
    let byBlock = perKey.get(key);
    if (!byBlock) perKey.set(key, (byBlock = new Map()));
    const block = BlockDays.keyOf(fact.source);
    const list = byBlock.get(block);
    if (list) list.push(fact);
    else byBlock.set(block, [fact]);
  }
  const kept: T[] = [];
  let duplicates = 0;
  for (const byBlock of perKey.values()) {
    let best: T[] = [];
    for (const list of byBlock.values()) {
      if (list.length > best.length) {
        duplicates += best.length;
        best = list;
      } else {
        duplicates += list.length;
      }
    }
    kept.push(...best);
  }
  return { kept, duplicates };
}

/** Two days with lines at most this many days apart cover the days between them (a quiet weekend: SPEC §2a). */
const COVERED_GAP_DAYS = 2;
const DAY_MS = 86_400_000;

/**
 * The days an export covers for `channel` (SPEC §2a "Coverage"): the days it has lines on, and the gaps of at most
 * two days between two such days. `days` must be sorted.
 */
export function coverageOfDays(channel: Channel, days: readonly IsoDate[]): Coverage[] {
  const runs: Coverage[] = [];
  let run: Coverage | null = null;
  let lastEpoch = 0;
  for (const day of days) {
    const epoch = Date.parse(`${day}T00:00:00Z`);
    if (run !== null && epoch - lastEpoch <= (COVERED_GAP_DAYS + 1) * DAY_MS) run.to = day;
    else runs.push((run = { channel, from: day, to: day }));
    lastEpoch = epoch;
  }
  return runs;
}

function coverageFromFacts(
  facts: readonly { channel: Channel; date: IsoDate; source: { sheet: string } }[],
): Coverage[] {
  const daysBySheet = new Map<string, { channel: Channel; days: Set<IsoDate> }>();
  for (const fact of facts) {
    const key = fact.source.sheet + SEPARATOR + fact.channel;
    let entry = daysBySheet.get(key);
    if (!entry) daysBySheet.set(key, (entry = { channel: fact.channel, days: new Set() }));
    entry.days.add(fact.date);
  }
  const coverage: Coverage[] = [];
  for (const { channel, days } of daysBySheet.values())
    for (const run of coverageOfDays(channel, [...days].sort())) coverage.push(run);
  return coverage;
}

function isCovered(coverage: readonly Coverage[], channel: Channel, date: IsoDate): boolean {
  return coverage.some((range) => range.channel === channel && range.from <= date && date <= range.to);
}

/** One part of a copy's key (a field's text); a key is a list of them, compared part by part. */
type KeyPart<T> = (fact: T) => string;

/**
 * One winner per key among copies without a version of their own (ad rows, Business Report days): the copy from the
 * later download (BlockDays), else the one `compareContent` puts last, so tab and row order never decide. Winners come
 * in the order their keys were first met.
 *
 * The key is found through one map per part, not as one joined string: the parts (a day, a campaign, a SKU) are texts
 * the facts share, whose hashes are computed once, where a joined key was a new string and array for each of 18,000
 * ad rows (issue 17).
 */
function oneCopyPerKey<T extends Fact>(
  copies: readonly T[],
  keyParts: readonly KeyPart<T>[],
  blocks: BlockDays,
  compareContent: (a: T, b: T) => number,
): { kept: T[]; duplicates: number } {
  // Inner maps lead to the next part's maps; the last part's map holds the winner's place in `kept`.
  const root = new Map<string, unknown>();
  const lastPart = keyParts.length - 1;
  const kept: T[] = [];
  let duplicates = 0;
  for (let index = 0; index < copies.length; index++) {
    const fact = copies[index] as T;
    let level = root;
    for (let part = 0; part < lastPart; part++) {
      const text = (keyParts[part] as KeyPart<T>)(fact);
      let next = level.get(text) as Map<string, unknown> | undefined;
      if (next === undefined) level.set(text, (next = new Map()));
      level = next;
    }
    const last = (keyParts[lastPart] as KeyPart<T>)(fact);
    const at = level.get(last) as number | undefined;
    if (at === undefined) {
      level.set(last, kept.length);
      kept.push(fact);
      continue;
    }
    duplicates++;
    const current = kept[at] as T;
    if ((blocks.compare(fact.source, current.source) || compareContent(fact, current)) > 0) kept[at] = fact;
  }
  return { kept, duplicates };
}

/**
 * Each SKU's share of an order's counted revenue (the lines that are not cancelled), for spreading an amount that
 * belongs to the whole order; null when the order exports do not hold the order or its revenue is 0 (the amount then
 * stays on the channel's row with an empty SKU).
 */
function revenueShares(
  orders: ReadonlyMap<string, OrderLines>,
  channel: Channel,
  orderId: string,
): Array<readonly [string, number]> | null {
  const revenueBySku = new Map<string, number>();
  let total = 0;
  const lines = orders.get(orderId);
  if (lines === undefined) return null;
  forEachLineOfOrder(lines, (line) => {
    if (line.channel !== channel || line.state === 'cancelled' || line.revenueCents <= 0) return;
    const revenue = line.revenueCents / 100;
    revenueBySku.set(line.sku, (revenueBySku.get(line.sku) ?? 0) + revenue);
    total += revenue;
  });
  if (total <= 0) return null;
  return [...revenueBySku].map(([sku, revenue]) => [sku, revenue / total] as const);
}

/** Applies the rules of SPEC §2 and §2a to `facts` and returns one row per date × channel × SKU, sorted. */
export function summarize(facts: readonly Fact[], options: SummarizeOptions): SummaryResult {
  const stats = emptyStats();
  const issues: DataIssue[] = [];
  const orderLines: OrderLineFact[] = [];
  const ads: AdFact[] = [];
  const returns: ReturnFact[] = [];
  const fees: FeeFact[] = [];
  const dailyTotals: DailyTotalFact[] = [];
  const blocks = new BlockDays();

  // Indexed, not for…of: over 100,000 facts the iterator's result objects were measured at 5 MB a pass (issue 17).
  for (let index = 0; index < facts.length; index++) {
    const fact = facts[index] as Fact;
    switch (fact.kind) {
      case 'orderLine':
        stats.orderLinesRead++;
        orderLines.push(fact);
        blocks.note(fact.source, fact.date);
        break;
      case 'ad':
        stats.adRowsRead++;
        ads.push(fact);
        blocks.note(fact.source, fact.date);
        break;
      case 'searchTerm':
        stats.searchTermRowsNotAdded++;
        break;
      case 'return':
        returns.push(fact);
        break;
      case 'fee':
        fees.push(fact);
        break;
      case 'dailyTotal':
        dailyTotals.push(fact);
        blocks.note(fact.source, fact.date);
        break;
      case 'periodTraffic':
      case 'inventory':
        stats.periodFactsNotDaily++;
        break;
    }
  }

  const groups = new SummaryGroups();
  const groupFor = (date: IsoDate, channel: Channel, sku: string): Accumulator =>
    groups.get(date, channel, sku);

  const revenueOfOrder = new Map<string, number>();
  const ordersByChannel = new Map<Channel, number>();
  const orders = latestOrderLines(orderLines, blocks, stats);
  countOrderLines(orders, groups, stats, options.ordersToMatch ?? new Set(), revenueOfOrder, ordersByChannel);

  // Two Business Reports for overlapping ranges describe the same day: the later download stands.
  const uniqueDailyTotals = oneCopyPerKey(
    dailyTotals,
    [(fact) => fact.channel, (fact) => fact.date],
    blocks,
    (a, b) =>
      compareNumber(a.revenue, b.revenue) ||
      compareNumber(a.units, b.units) ||
      compareNumber(a.orders, b.orders),
  );
  const orderCoverage = options.orderCoverage ?? coverageFromFacts(orderLines);
  const daysNotUsed = new Map<string, number>();
  for (const total of uniqueDailyTotals.kept) {
    if (isCovered(orderCoverage, total.channel, total.date)) {
      stats.dailyTotalsCovered++;
      daysNotUsed.set(total.source.sheet, (daysNotUsed.get(total.source.sheet) ?? 0) + 1);
      continue;
    }
    stats.dailyTotalsUsed++;
    // A Business Report day has no SKUs: it becomes the channel's row with an empty SKU for that day.
    const group = groupFor(total.date, total.channel, '');
    group.units += total.units;
    group.revenue += total.revenue;
    group.orderCount += total.orders;
    ordersByChannel.set(total.channel, (ordersByChannel.get(total.channel) ?? 0) + total.orders);
  }
  for (const [sheet, days] of daysNotUsed) {
    issues.push({
      sheet,
      row: 0,
      key: sheet,
      reason: { key: 'issue.dailyTotalsCoveredByOrders', params: { days } },
    });
  }

  // Ad rows are keyed by ad product + date + campaign + ad group + advertised SKU (SPEC §2a; campaign names may
  // repeat across ad products); a repeat is the same report again,
  // and the later download has the longer-settled attribution.
  const uniqueAds = oneCopyPerKey(
    ads,
    [
      (fact) => fact.channel,
      (fact) => fact.adProduct,
      (fact) => fact.date,
      (fact) => fact.campaign,
      (fact) => fact.adGroup,
      (fact) => fact.sku,
    ],
    blocks,
    (a, b) =>
      compareNumber(a.spend, b.spend) ||
      compareNumber(a.sales, b.sales) ||
      compareNumber(a.clicks, b.clicks) ||
      compareNumber(a.impressions, b.impressions) ||
      compareNumber(a.orders, b.orders) ||
      compareNumber(a.units, b.units),
  );
  stats.adRowsDuplicate = uniqueAds.duplicates;
  for (const ad of uniqueAds.kept) {
    const group = groupFor(ad.date, ad.channel, ad.sku);
    group.adSpend += ad.spend;
    group.adSales += ad.sales;
    group.adClicks += ad.clicks;
    group.adImpressions += ad.impressions;
  }

  // A return with a license plate is one unit's return wherever it is listed; without one (SPEC §2a: + return-date),
  // equal rows of one block are separate returns and the rows of another block the same ones again.
  const withPlate = oneCopyPerKey(
    returns.filter((fact) => fact.licensePlate !== ''),
    [(fact) => fact.channel, (fact) => fact.orderId, (fact) => fact.sku, (fact) => fact.licensePlate],
    NO_BLOCK_ORDER,
    (a, b) => compareText(a.date, b.date) || compareNumber(a.quantity, b.quantity),
  );
  const withoutPlate = onceAcrossBlocks(
    returns.filter((fact) => fact.licensePlate === ''),
    (fact) => [fact.channel, fact.date, fact.orderId, fact.sku, fact.quantity].join(SEPARATOR),
  );
  stats.returnRowsDuplicate = withPlate.duplicates + withoutPlate.duplicates;
  for (const fact of [...withPlate.kept, ...withoutPlate.kept]) {
    const group = groupFor(fact.date, fact.channel, fact.sku);
    group.returnedUnits += fact.quantity;
    if (fact.disposition === SELLABLE) group.sellableReturnedUnits += fact.quantity;
  }

  // Payments lines have no id: the whole line is the key (SPEC §2a: Settlement V2 by settlement id + every column,
  // the Date Range report by every column).
  const uniqueFees = onceAcrossBlocks(
    fees,
    (fact) => fact.channel + SEPARATOR + fact.feeType + SEPARATOR + fact.line,
  );
  stats.feeRowsDuplicate = uniqueFees.duplicates;
  for (const fact of uniqueFees.kept) {
    // An order's own amount (Shopify's processing fee) goes to its lines by their share of its revenue, on its day;
    // payments lines without a SKU (storage, subscription) land on the channel's row with an empty SKU for the day,
    // so channel totals of fees and profit are complete.
    const shares = fact.spreadOverOrder ? revenueShares(orders, fact.channel, fact.orderId) : null;
    for (const [sku, share] of shares ?? [[fact.sku, 1] as const]) {
      const amount = fact.amount * share;
      if (MARKETPLACE_FEE_TYPES.has(fact.feeType)) {
        const group = groupFor(fact.date, fact.channel, sku);
        // Charges are negative in payments reports; `fees` is a cost, so positive.
        group.reportedFees -= amount;
        group.hasReportedFees = true;
      } else if (fact.feeType === 'refund') {
        groupFor(fact.date, fact.channel, sku).refunds -= amount;
      } else if (fact.feeType === 'reimbursement') {
        groupFor(fact.date, fact.channel, sku).reimbursements += amount;
      }
    }
    // 'advertisingCharge' is the ad spend of the ad reports charged again; 'promotion' is already netted out of
    // revenue by the order exports. Neither is counted a second time. 'shippingCredit' is shipping money, which
    // revenue leaves out, charged or given back.
  }
  const paymentsCoverage = options.paymentsCoverage ?? coverageFromFacts(uniqueFees.kept);

  const rowIssues = new RowIssues(issues);
  const rows = groups.all
    .sort((a, b) =>
      a.date !== b.date
        ? a.date < b.date
          ? -1
          : 1
        : a.channel !== b.channel
          ? a.channel < b.channel
            ? -1
            : 1
          : a.sku < b.sku
            ? -1
            : a.sku > b.sku
              ? 1
              : 0,
    )
    .map((group) => toRow(group, options, paymentsCoverage, rowIssues));
  return { rows, issues: dedupeIssues(issues), stats, revenueOfOrder, ordersByChannel };
}

/**
 * The issues toRow finds, each pushed once: a SKU without a cost (or without fees to estimate) is met again on every
 * day it sold, and 18,000 groups pushed 36,000 issues, each then given a JSON key by dedupeIssues (issue 17). Dropping
 * a repeat here leaves dedupeIssues' result as it was: it keeps the first of equal issues, in order.
 */
class RowIssues {
  private readonly seen = new Set<string>();

  constructor(private readonly issues: DataIssue[]) {}

  /** `make` runs only for the first issue of `key`, which must tell every field of the issue apart. */
  once(key: string, make: () => DataIssue): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push(make());
  }
}

function toRow(
  group: Accumulator,
  options: SummarizeOptions,
  paymentsCoverage: readonly Coverage[],
  issues: RowIssues,
): SummaryRow {
  const costsSheet = options.costsSheetName ?? OWNED_SHEETS.costs;
  let cogs: number | null = 0;
  let cost: CostEntry | null = null;
  // Units sold cost their landed cost on the sale day; units returned sellable go back to stock and give the landed
  // cost in force on the return day back (SPEC §2b). Damaged, defective or disposed units give nothing back.
  const unitsCosted = group.units - group.sellableReturnedUnits;
  if ((group.units !== 0 || group.sellableReturnedUnits !== 0) && group.sku !== '') {
    cost = costInForce(options.costs, group.sku, group.date);
    const unitCost = cost ? landedUnitCostUsd(cost, options.fxUsdCny) : null;
    if (!cost) {
      const reason = options.costs.bySku.has(group.sku)
        ? 'issue.costs.notYetEffective'
        : 'issue.costs.missing';
      issues.once(reason + SEPARATOR + group.sku, () => ({
        sheet: costsSheet,
        row: 0,
        key: group.sku,
        reason: { key: reason },
      }));
    } else if (unitCost === null) {
      const { row } = cost;
      issues.once(`issue.costs.noFx${SEPARATOR}${group.sku}${SEPARATOR}${row}`, () => ({
        sheet: costsSheet,
        row,
        key: group.sku,
        reason: { key: 'issue.costs.noFx' },
      }));
    }
    cogs = unitCost === null ? null : unitsCosted * unitCost;
  } else if (group.units !== 0) {
    // Units without a SKU (Business Report days) cannot be costed.
    cogs = null;
  }

  let fees: number | null = group.reportedFees;
  let feesEstimated = false;
  if (group.units !== 0 && !isCovered(paymentsCoverage, group.channel, group.date)) {
    const estimate: FeeEstimate = options.feeEstimator
      ? options.feeEstimator({
          channel: group.channel,
          sku: group.sku,
          date: group.date,
          units: group.units,
          revenue: group.revenue,
          cost,
        })
      : { unknown: { key: 'issue.fees.noPayments' }, scope: 'channel' as const };
    if ('fees' in estimate) {
      fees = group.reportedFees + estimate.fees;
      feesEstimated = true;
    } else {
      fees = null;
      const key = estimate.scope === 'channel' ? group.channel : `${group.channel} ${group.sku}`.trim();
      const reason = estimate.unknown;
      issues.once(key + SEPARATOR + reason.key + SEPARATOR + JSON.stringify(reason.params ?? {}), () => ({
        sheet: '',
        row: 0,
        key,
        reason,
      }));
    }
  }

  // SPEC §2b: what the sales earned after refunds, every marketplace fee and the landed cost, plus what the
  // marketplace paid back for lost or damaged stock; before advertising (net profit subtracts it).
  const grossProfit =
    cogs === null || fees === null
      ? null
      : group.revenue - group.refunds - fees - cogs + group.reimbursements;
  return {
    date: group.date,
    channel: group.channel,
    sku: group.sku,
    units: group.units,
    orders: group.distinctOrders + group.orderCount,
    revenue: group.revenue,
    adSpend: group.adSpend,
    adSales: group.adSales,
    adClicks: group.adClicks,
    adImpressions: group.adImpressions,
    returnedUnits: group.returnedUnits,
    cogs,
    fees,
    feesEstimated,
    grossProfit,
    refunds: group.refunds,
    reimbursements: group.reimbursements,
  };
}

/** One issue per sheet + key + reason: a SKU without cost sold on 90 days is one thing to fix, not 90. */
function dedupeIssues(issues: readonly DataIssue[]): DataIssue[] {
  const seen = new Set<string>();
  const unique: DataIssue[] = [];
  for (const issue of issues) {
    const key = [
      issue.sheet,
      issue.row,
      issue.key,
      issue.reason.key,
      JSON.stringify(issue.reason.params ?? {}),
    ].join(SEPARATOR);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(issue);
  }
  return unique;
}
