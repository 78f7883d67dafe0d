/**
 * From facts to KPI Summary rows: the counting rules of SPEC §2. Pure: the same code runs in Apps Script, in
 * `npm start` and in tests. One pass over the facts to dedupe, one to group; money stays unrounded until output.
 *
 * Speed (issue 4: a 100,000-line All Orders report): order lines are looked up by their order id, whose hash V8
 * keeps on the string, rather than by a key string built per line; groups are found through one map per level
 * (channel, day, SKU) for the same reason; distinct orders are counted per order-line version instead of a set of
 * order ids per group. Sums are added in the same order as before, so every figure is the same to the last bit.
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
  type ReturnFact,
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

/** Days of one channel a report covers (from its first to its last dated row). */
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
   * sheet covers, per channel, its first to its last dated fact. The build passes what detection saw, so an order
   * export with no order on a Sunday still covers that Sunday.
   */
  orderCoverage?: readonly Coverage[];
  paymentsCoverage?: readonly Coverage[];
  /** Name of the Costs sheet, for Data Issues about missing costs. */
  costsSheetName?: string;
}

export interface SummaryStats {
  orderLinesRead: number;
  /** Order lines replaced by a later version of the same order id + SKU (overlapping exports, Pending → Shipped). */
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
}

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
 * The version of one order line (channel + order id + SKU) that counts: all its rows in one sheet at the latest
 * last-updated time. A later version replaces the fields in place, so versions keep the order in which their key
 * first appeared (the order sums are added in).
 */
interface OrderLineVersion {
  channel: Channel;
  sku: string;
  sheet: string;
  lastUpdated: number;
  lines: OrderLineFact[];
  /** The next version with the same order id (another SKU or channel of the order), or null. */
  sameOrderId: OrderLineVersion | null;
}

/**
 * Overlapping exports count once (SPEC §2): per channel + order id + SKU the version with the latest
 * `last-updated-date` wins. Rows of one key inside one sheet at the same time are separate lines of the order (Shopify
 * lists a SKU twice when it was added twice) and are kept together; the same key in another sheet is another
 * download of the same line and replaces it when it is at least as recent. Returns the winning versions in the order
 * their key first appeared.
 */
function latestOrderLines(lines: readonly OrderLineFact[], stats: SummaryStats): OrderLineVersion[] {
  const versions: OrderLineVersion[] = [];
  // By order id, then a short chain of the order's SKUs (and channels): no key string is built per line.
  const byOrderId = new Map<string, OrderLineVersion>();
  for (const line of lines) {
    const lastUpdated = line.lastUpdated ?? Number.NEGATIVE_INFINITY;
    const firstOfOrder = byOrderId.get(line.orderId);
    let current = firstOfOrder ?? null;
    while (current !== null && (current.sku !== line.sku || current.channel !== line.channel))
      current = current.sameOrderId;
    if (current === null) {
      const version: OrderLineVersion = {
        channel: line.channel,
        sku: line.sku,
        sheet: line.source.sheet,
        lastUpdated,
        lines: [line],
        sameOrderId: firstOfOrder ?? null,
      };
      byOrderId.set(line.orderId, version);
      versions.push(version);
    } else if (lastUpdated > current.lastUpdated) {
      stats.orderLinesSuperseded += current.lines.length;
      replaceVersion(current, line, lastUpdated);
    } else if (lastUpdated === current.lastUpdated && line.source.sheet === current.sheet) {
      current.lines.push(line);
    } else if (lastUpdated === current.lastUpdated) {
      // The same line downloaded again: the later sheet's copy stands in for the earlier one.
      stats.orderLinesSuperseded += current.lines.length;
      replaceVersion(current, line, lastUpdated);
    } else {
      stats.orderLinesSuperseded += 1;
    }
  }
  return versions;
}

function replaceVersion(version: OrderLineVersion, line: OrderLineFact, lastUpdated: number): void {
  version.sheet = line.source.sheet;
  version.lastUpdated = lastUpdated;
  version.lines = [line];
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
      };
      bySku.set(sku, group);
      this.all.push(group);
    }
    return group;
  }
}

/**
 * Adds the winning order lines to their groups. A group's `orders` is the number of distinct order ids among its
 * lines. Every line of a group has the group's channel and SKU, so two lines of one order id in one group share
 * channel + order id + SKU: they belong to the same version. Distinct order ids of a group are therefore the versions
 * with a line in it, and counting each version once per group it reaches gives the same number as a set of order ids.
 */
function countOrderLines(
  versions: readonly OrderLineVersion[],
  groups: SummaryGroups,
  stats: SummaryStats,
): void {
  for (const version of versions) {
    // Almost every version has one line; a few (Shopify's repeated SKU) have several, possibly on several days.
    const reached: Accumulator[] = [];
    for (const line of version.lines) {
      if (line.cancelled) {
        stats.cancelledOrderLines++;
        continue;
      }
      const group = groups.get(line.date, line.channel, line.sku);
      group.units += line.quantity;
      group.revenue += line.revenue;
      if (!reached.includes(group)) {
        reached.push(group);
        group.distinctOrders++;
      }
    }
  }
}

/**
 * Rows that have no key of their own (returns, payments lines) count once across sheets: within one sheet two equal
 * rows are two events (two units returned separately), but the same rows in a second sheet are the same report
 * pasted again. So each distinct row counts as often as the sheet that lists it most often.
 */
function onceAcrossSheets<T extends Fact>(
  facts: readonly T[],
  keyOf: (fact: T) => string,
): { kept: T[]; duplicates: number } {
  const perKey = new Map<string, Map<string, T[]>>();
  for (const fact of facts) {
    const key = keyOf(fact);
    let bySheet = perKey.get(key);
    if (!bySheet) perKey.set(key, (bySheet = new Map()));
    const list = bySheet.get(fact.source.sheet);
    if (list) list.push(fact);
    else bySheet.set(fact.source.sheet, [fact]);
  }
  const kept: T[] = [];
  let duplicates = 0;
  for (const bySheet of perKey.values()) {
    let best: T[] = [];
    for (const list of bySheet.values()) {
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

function coverageFromFacts(
  facts: readonly { channel: Channel; date: IsoDate; source: { sheet: string } }[],
): Coverage[] {
  const ranges = new Map<string, Coverage>();
  for (const fact of facts) {
    const key = fact.source.sheet + SEPARATOR + fact.channel;
    const range = ranges.get(key);
    if (!range) ranges.set(key, { channel: fact.channel, from: fact.date, to: fact.date });
    else {
      if (fact.date < range.from) range.from = fact.date;
      if (fact.date > range.to) range.to = fact.date;
    }
  }
  return [...ranges.values()];
}

function isCovered(coverage: readonly Coverage[], channel: Channel, date: IsoDate): boolean {
  return coverage.some((range) => range.channel === channel && range.from <= date && date <= range.to);
}

/** Applies the rules of SPEC §2 to `facts` and returns one row per date × channel × SKU, sorted. */
export function summarize(facts: readonly Fact[], options: SummarizeOptions): SummaryResult {
  const stats = emptyStats();
  const issues: DataIssue[] = [];
  const orderLines: OrderLineFact[] = [];
  const adsByKey = new Map<string, AdFact>();
  const returns: ReturnFact[] = [];
  const fees: FeeFact[] = [];
  const dailyTotals = new Map<string, DailyTotalFact>();

  for (const fact of facts) {
    switch (fact.kind) {
      case 'orderLine':
        stats.orderLinesRead++;
        orderLines.push(fact);
        break;
      case 'ad': {
        stats.adRowsRead++;
        // Ad rows are keyed by date + campaign + ad group + advertised SKU; a repeat is the same report again.
        const key = [fact.channel, fact.date, fact.campaign, fact.adGroup, fact.sku].join(SEPARATOR);
        if (adsByKey.has(key)) stats.adRowsDuplicate++;
        adsByKey.set(key, fact);
        break;
      }
      case 'searchTerm':
        stats.searchTermRowsNotAdded++;
        break;
      case 'return':
        returns.push(fact);
        break;
      case 'fee':
        fees.push(fact);
        break;
      case 'dailyTotal': {
        // Two Business Reports for overlapping ranges describe the same day: the later one stands.
        const key = fact.channel + SEPARATOR + fact.date;
        dailyTotals.set(key, fact);
        break;
      }
      case 'periodTraffic':
      case 'inventory':
        stats.periodFactsNotDaily++;
        break;
    }
  }

  const groups = new SummaryGroups();
  const groupFor = (date: IsoDate, channel: Channel, sku: string): Accumulator =>
    groups.get(date, channel, sku);

  countOrderLines(latestOrderLines(orderLines, stats), groups, stats);

  const orderCoverage = options.orderCoverage ?? coverageFromFacts(orderLines);
  for (const total of dailyTotals.values()) {
    if (isCovered(orderCoverage, total.channel, total.date)) {
      stats.dailyTotalsCovered++;
      continue;
    }
    stats.dailyTotalsUsed++;
    // A Business Report day has no SKUs: it becomes the channel's row with an empty SKU for that day.
    const group = groupFor(total.date, total.channel, '');
    group.units += total.units;
    group.revenue += total.revenue;
    group.orderCount += total.orders;
  }

  for (const ad of adsByKey.values()) {
    const group = groupFor(ad.date, ad.channel, ad.sku);
    group.adSpend += ad.spend;
    group.adSales += ad.sales;
    group.adClicks += ad.clicks;
    group.adImpressions += ad.impressions;
  }

  const uniqueReturns = onceAcrossSheets(returns, (fact) =>
    [fact.channel, fact.date, fact.orderId, fact.sku, fact.quantity].join(SEPARATOR),
  );
  stats.returnRowsDuplicate = uniqueReturns.duplicates;
  for (const fact of uniqueReturns.kept)
    groupFor(fact.date, fact.channel, fact.sku).returnedUnits += fact.quantity;

  const uniqueFees = onceAcrossSheets(fees, (fact) =>
    [fact.channel, fact.date, fact.orderId, fact.sku, fact.feeType, fact.amount].join(SEPARATOR),
  );
  stats.feeRowsDuplicate = uniqueFees.duplicates;
  for (const fact of uniqueFees.kept) {
    // Payments lines without a SKU (storage, subscription) land on the channel's row with an empty SKU for the day,
    // so channel totals of fees and profit are complete.
    if (MARKETPLACE_FEE_TYPES.has(fact.feeType)) {
      const group = groupFor(fact.date, fact.channel, fact.sku);
      // Charges are negative in payments reports; `fees` is a cost, so positive.
      group.reportedFees -= fact.amount;
      group.hasReportedFees = true;
    } else if (fact.feeType === 'refund') {
      groupFor(fact.date, fact.channel, fact.sku).refunds -= fact.amount;
    } else if (fact.feeType === 'reimbursement') {
      groupFor(fact.date, fact.channel, fact.sku).reimbursements += fact.amount;
    }
    // 'advertisingCharge' is the ad spend of the ad reports charged again; 'promotion' is already netted out of
    // revenue by the order exports. Neither is counted a second time.
  }
  const paymentsCoverage = options.paymentsCoverage ?? coverageFromFacts(uniqueFees.kept);

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
    .map((group) => toRow(group, options, paymentsCoverage, issues));
  return { rows, issues: dedupeIssues(issues), stats };
}

function toRow(
  group: Accumulator,
  options: SummarizeOptions,
  paymentsCoverage: readonly Coverage[],
  issues: DataIssue[],
): SummaryRow {
  const costsSheet = options.costsSheetName ?? OWNED_SHEETS.costs;
  let cogs: number | null = 0;
  let cost: CostEntry | null = null;
  if (group.units !== 0 && group.sku !== '') {
    cost = costInForce(options.costs, group.sku, group.date);
    const unitCost = cost ? landedUnitCostUsd(cost, options.fxUsdCny) : null;
    if (!cost) {
      const reason = options.costs.bySku.has(group.sku)
        ? 'issue.costs.notYetEffective'
        : 'issue.costs.missing';
      issues.push({ sheet: costsSheet, row: 0, key: group.sku, reason: { key: reason } });
    } else if (unitCost === null) {
      issues.push({ sheet: costsSheet, row: cost.row, key: group.sku, reason: { key: 'issue.costs.noFx' } });
    }
    cogs = unitCost === null ? null : group.units * unitCost;
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
      issues.push({
        sheet: '',
        row: 0,
        key: estimate.scope === 'channel' ? group.channel : `${group.channel} ${group.sku}`.trim(),
        reason: estimate.unknown,
      });
    }
  }

  const grossProfit = cogs === null || fees === null ? null : group.revenue - cogs - fees;
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
