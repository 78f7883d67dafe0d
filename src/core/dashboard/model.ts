/**
 * The KPI Dashboard's numbers (SPEC §3, issue 6): for yesterday, the last 7 days and month to date, per channel and
 * in total, every metric from sums, each against its target. Pure: the caller passes `now` and the reporting time
 * zone, so "yesterday" is the reporting zone's yesterday whatever the script's or the spreadsheet's zone.
 */
import { type CostTable } from '../costs/costs';
import { type InventoryLine } from '../inventory/inventory';
import { provisionalRateCard } from '../kpi/fees';
import { CHANNELS, type Channel, type IsoDate } from '../model';
import { type SummaryRow } from '../summary/types';
import { addDays, isoDateInZone } from '../time';
import {
  type MeasureTotals,
  type MetricId,
  METRICS,
  addRow,
  addTotals,
  emptyTotals,
  isRatioMetric,
  metricValue,
  PROFIT_METRICS,
  ratioOf,
  ratioWeight,
} from '../targets/metrics';
import { daysOf, resolveTarget } from '../targets/resolve';
import { type KpiStatus, kpiStatus } from '../targets/status';
import { type TargetPeriod, type TargetProblem, type TargetRow } from '../targets/targets';
import { type StockSection, stockSection } from './stock';

export type PeriodId = 'yesterday' | 'last7' | 'mtd';

export interface DashboardPeriod {
  id: PeriodId;
  from: IsoDate;
  to: IsoDate;
  days: IsoDate[];
  /** The target period that fits this column best. */
  preferredPeriod: TargetPeriod;
}

/**
 * Complete days only: today is still being sold and imported. "Month to date" is the month of yesterday up to
 * yesterday, so on the 1st it shows the whole previous month instead of an empty column.
 */
export function dashboardPeriods(today: IsoDate): DashboardPeriod[] {
  const yesterday = addDays(today, -1);
  const weekStart = addDays(today, -7);
  const monthStart = `${yesterday.slice(0, 8)}01`;
  return [
    { id: 'yesterday', from: yesterday, to: yesterday, days: [yesterday], preferredPeriod: 'day' },
    {
      id: 'last7',
      from: weekStart,
      to: yesterday,
      days: daysOf(weekStart, yesterday),
      preferredPeriod: 'week',
    },
    {
      id: 'mtd',
      from: monthStart,
      to: yesterday,
      days: daysOf(monthStart, yesterday),
      preferredPeriod: 'month',
    },
  ];
}

/**
 * A cell's status on the dashboard: the target rule's GREEN / AMBER / RED, or INCOMPLETE for a profit metric that met
 * its target while part of the revenue has no known profit (issue 10: a profit status is never GREEN under 95%
 * profit coverage — the missing costs or fees could turn it).
 */
export type DashboardStatus = KpiStatus | 'INCOMPLETE';

/** Below this share of revenue with known profit, a profit metric cannot be GREEN. */
export const PROFIT_COVERAGE_FOR_GREEN = 0.95;

export interface DashboardCell {
  actual: number | null;
  target: number | null;
  status: DashboardStatus | null;
  /** Seasonal windows whose targets were used. */
  windows: string[];
}

export type LineScope = 'total' | Channel;

export interface DashboardLine {
  scope: LineScope;
  cells: Record<MetricId, DashboardCell>;
  /** Share of revenue whose gross profit is known (SKUs with costs): 1 = complete, null without revenue. */
  profitCoverage: number | null;
  /** What keeps profit from being known on this line: SKUs sold without a cost, channels without a fee source. */
  missingProfit: { skusWithoutCost: string[]; channelsWithoutFees: Channel[] };
}

export interface DashboardBlock {
  period: DashboardPeriod;
  lines: DashboardLine[];
}

export interface SkuProfitLine {
  sku: string;
  revenue: number;
  units: number;
  grossProfit: number;
  adSpend: number;
  /** Gross profit is before ads (SummaryRow); what is left after the ads that sold it. */
  profitAfterAds: number;
  margin: number | null;
  acos: number | null;
  acosStatus: DashboardStatus | null;
}

export interface SkuDriftLine {
  sku: string;
  acosLast7: number;
  acosPrevious7: number;
  /** acosLast7 − acosPrevious7, as a fraction (0.05 = 5 percentage points). */
  drift: number;
  adSpend: number;
  adSales: number;
  acosTarget: number | null;
  acosStatus: DashboardStatus | null;
}

export interface DashboardModel {
  today: IsoDate;
  /**
   * The last day the periods count: yesterday, or the last day with data when the exports end before yesterday
   * (issue 14: exports a month old made a dashboard of zeros that said nothing about why).
   */
  asOf: IsoDate;
  /** True when asOf is the last day with data, older than yesterday: the dashboard says so. */
  dataEndsBeforeYesterday: boolean;
  timeZone: string;
  builtAtMs: number;
  blocks: DashboardBlock[];
  /** The 7 days before the last 7 days, which ACoS drift compares against. */
  previousWeek: { from: IsoDate; to: IsoDate };
  topProfit: SkuProfitLine[];
  topDrift: SkuDriftLine[];
  /** Owner roles named by owner_role targets, per metric, for the column headers. */
  owners: Partial<Record<MetricId, string>>;
  targetCount: number;
  targetProblems: TargetProblem[];
  /**
   * Days shown whose Amazon fees were estimated from a provisional rate card (issue 16: tables that say so when they
   * are not Amazon's own), per card; empty when every estimate came from a sourced table.
   */
  provisionalFeeDays: { from: IsoDate; to: IsoDate; days: number }[];
  /** Payments report blocks whose lines do not add up to their total (the Reconciliation sheet): RED when > 0. */
  unexplainedPayoutBlocks: number;
  /**
   * Month-to-date net profit in CNY at the Settings rate and with the rate 5% lower and higher (SPEC §1
   * KPI_FX_SENSITIVITY, the source article's 汇率敏感性测试); null without a rate or without known profit.
   */
  netProfitCny: {
    rate: number;
    netProfitUsd: number;
    atRate: number;
    rateDown5: number;
    rateUp5: number;
  } | null;
  /** The currency money is shown in: CNY when Settings asks for it and a rate is known, else USD (rate 1). */
  money: { currency: 'USD' | 'CNY'; rate: number };
  /** SKUs at risk, overstock at cost, 动销率 and turnover for the month; null without a stock report. */
  stock: StockSection | null;
}

export interface DashboardOptions {
  now: number;
  reportingTimeZone: string;
  /** How many SKUs each top list shows. */
  topCount?: number;
  targetProblems?: TargetProblem[];
  /** From the Reconciliation sheet: blocks whose lines do not add up to their total. */
  unexplainedPayoutBlocks?: number;
  /** The Settings rate, null when unreadable. */
  fxUsdCny?: number | null;
  /** Settings' base currency: CNY shows the dashboard's money in yuan (the KPI Summary keeps USD). */
  baseCurrency?: 'USD' | 'CNY';
  /** The Inventory sheet's current lines and the Costs table, for the stock section. */
  inventory?: { lines: readonly InventoryLine[]; costs: CostTable };
}

/** One row whose profit is unknown, with why: a SKU without cost (cogs) or a channel without a fee source (fees). */
interface MissingProfit {
  date: IsoDate;
  channel: Channel;
  sku: string;
  noCost: boolean;
  noFees: boolean;
}

function missingOn(
  missing: readonly MissingProfit[],
  period: DashboardPeriod,
  scope: LineScope,
): DashboardLine['missingProfit'] {
  const skus = new Set<string>();
  const channels = new Set<Channel>();
  for (const row of missing) {
    if (row.date < period.from || row.date > period.to || (scope !== 'total' && row.channel !== scope))
      continue;
    if (row.noCost && row.sku !== '') skus.add(row.sku);
    if (row.noFees) channels.add(row.channel);
  }
  return {
    skusWithoutCost: [...skus].sort(),
    channelsWithoutFees: CHANNELS.filter((channel) => channels.has(channel)),
  };
}

type DailyTotals = Map<IsoDate, MeasureTotals>;

function totalsOver(daily: DailyTotals | undefined, days: readonly IsoDate[]): MeasureTotals {
  const totals = emptyTotals();
  if (!daily) return totals;
  for (const day of days) {
    const dayTotals = daily.get(day);
    if (dayTotals) addTotals(totals, dayTotals);
  }
  return totals;
}

function addDaily(map: Map<string, DailyTotals>, key: string, row: SummaryRow): void {
  let daily = map.get(key);
  if (!daily) {
    daily = new Map();
    map.set(key, daily);
  }
  let totals = daily.get(row.date);
  if (!totals) {
    totals = emptyTotals();
    daily.set(row.date, totals);
  }
  addRow(totals, row);
}

function judge(
  targets: readonly TargetRow[],
  metric: MetricId,
  scope: 'company' | 'channel' | 'sku',
  scopeValue: string,
  period: DashboardPeriod,
  daily: DailyTotals | undefined,
): DashboardCell {
  const actual = metricValue(totalsOver(daily, period.days), metric);
  const resolved = resolveTarget(targets, {
    metric,
    scope,
    scopeValue,
    days: period.days,
    preferredPeriod: period.preferredPeriod,
    dailyWeight: isRatioMetric(metric)
      ? (day) => {
          const totals = daily?.get(day);
          return totals ? ratioWeight(totals, metric) : 0;
        }
      : undefined,
  });
  if (!resolved) return { actual, target: null, status: null, windows: [] };
  return {
    actual,
    target: resolved.target,
    status: kpiStatus(actual, resolved.target, resolved.direction, resolved.tolerance),
    windows: resolved.windows,
  };
}

export function buildDashboard(
  rows: readonly SummaryRow[],
  targets: readonly TargetRow[],
  options: DashboardOptions,
): DashboardModel {
  const today = isoDateInZone(options.now, options.reportingTimeZone);
  const lastDataDay = lastDayWithData(rows, addDays(today, -1));
  const dataEndsBeforeYesterday = lastDataDay !== null && lastDataDay < addDays(today, -1);
  // Old exports: the periods end on their last day, as if the dashboard had been built the day after it.
  const periodsToday = dataEndsBeforeYesterday ? addDays(lastDataDay, 1) : today;
  const periods = dashboardPeriods(periodsToday);
  const topCount = options.topCount ?? 10;
  const yesterday = addDays(periodsToday, -1);
  const previousWeek = { from: addDays(periodsToday, -14), to: addDays(periodsToday, -8) };
  const earliest = [periods[2]?.from ?? yesterday, previousWeek.from].sort()[0] ?? yesterday;

  const byScope = new Map<string, DailyTotals>();
  const bySku = new Map<string, DailyTotals>();
  const provisionalDays = new Map<string, { from: IsoDate; to: IsoDate; days: Set<IsoDate> }>();
  const missing: MissingProfit[] = [];
  for (const row of rows) {
    if (row.date < earliest || row.date > yesterday) continue;
    if (row.grossProfit === null && row.revenue !== 0) {
      missing.push({
        date: row.date,
        channel: row.channel,
        sku: row.sku,
        noCost: row.cogs === null,
        noFees: row.fees === null,
      });
    }
    const card = row.feesEstimated ? provisionalRateCard(row.date) : null;
    if (card) {
      const seen = provisionalDays.get(card.from) ?? {
        from: card.from,
        to: card.to,
        days: new Set<IsoDate>(),
      };
      seen.days.add(row.date);
      provisionalDays.set(card.from, seen);
    }
    addDaily(byScope, 'total', row);
    addDaily(byScope, row.channel, row);
    addDaily(bySku, row.sku, row);
  }

  // A channel gets a line when it sold or advertised in the window shown, or when it has a target to miss.
  const channels = CHANNELS.filter(
    (channel) =>
      byScope.has(channel) || targets.some((t) => t.scope === 'channel' && t.scopeValue === channel),
  );

  const blocks: DashboardBlock[] = periods.map((period) => {
    const lineFor = (scope: LineScope): DashboardLine => {
      const daily = byScope.get(scope);
      const cells = {} as Record<MetricId, DashboardCell>;
      for (const metric of METRICS) {
        cells[metric] =
          scope === 'total'
            ? judge(targets, metric, 'company', '', period, daily)
            : judge(targets, metric, 'channel', scope, period, daily);
      }
      const totals = totalsOver(daily, period.days);
      const profitCoverage = ratioOf(totals.revenueWithProfit, totals.revenue);
      if (profitCoverage !== null && profitCoverage < PROFIT_COVERAGE_FOR_GREEN) {
        for (const metric of PROFIT_METRICS)
          if (cells[metric].status === 'GREEN') cells[metric].status = 'INCOMPLETE';
      }
      return { scope, cells, profitCoverage, missingProfit: missingOn(missing, period, scope) };
    };
    return { period, lines: [lineFor('total'), ...channels.map(lineFor)] };
  });

  const last7 = periods[1] as DashboardPeriod;
  const previousDays = daysOf(previousWeek.from, previousWeek.to);
  const topProfit: SkuProfitLine[] = [];
  const topDrift: SkuDriftLine[] = [];
  for (const [sku, daily] of bySku) {
    const week = totalsOver(daily, last7.days);
    const acos = metricValue(week, 'acos');
    const acosCell = judge(targets, 'acos', 'sku', sku, last7, daily);
    if (week.rowsWithProfit > 0) {
      topProfit.push({
        sku,
        revenue: week.revenue,
        units: week.units,
        grossProfit: week.grossProfit,
        adSpend: week.adSpend,
        profitAfterAds: week.grossProfit - week.adSpend,
        margin: metricValue(week, 'margin'),
        acos,
        acosStatus: acosCell.status,
      });
    }
    const previousAcos = metricValue(totalsOver(daily, previousDays), 'acos');
    if (acos !== null && previousAcos !== null && acos - previousAcos > 1e-12) {
      topDrift.push({
        sku,
        acosLast7: acos,
        acosPrevious7: previousAcos,
        drift: acos - previousAcos,
        adSpend: week.adSpend,
        adSales: week.adSales,
        acosTarget: acosCell.target,
        acosStatus: acosCell.status,
      });
    }
  }
  topProfit.sort((a, b) => b.grossProfit - a.grossProfit || a.sku.localeCompare(b.sku));
  topDrift.sort((a, b) => b.drift - a.drift || b.adSpend - a.adSpend || a.sku.localeCompare(b.sku));

  // The stock section judges the stock on hand today, so its sell-through keeps the calendar's month to date even
  // when the sales exports end earlier (days without sales are days without sales for stock).
  const calendarMonth = dashboardPeriods(today)[2];

  const owners: Partial<Record<MetricId, string>> = {};
  for (const metric of METRICS) {
    const owner = targets.find((t) => t.metric === metric && t.scope === 'owner_role');
    if (owner) owners[metric] = owner.scopeValue;
  }

  return {
    today,
    asOf: yesterday,
    dataEndsBeforeYesterday,
    timeZone: options.reportingTimeZone,
    builtAtMs: options.now,
    blocks,
    previousWeek,
    topProfit: topProfit.slice(0, topCount),
    topDrift: topDrift.slice(0, topCount),
    owners,
    targetCount: targets.length,
    targetProblems: options.targetProblems ?? [],
    provisionalFeeDays: [...provisionalDays.values()].map(({ from, to, days }) => ({
      from,
      to,
      days: days.size,
    })),
    unexplainedPayoutBlocks: options.unexplainedPayoutBlocks ?? 0,
    netProfitCny: fxSensitivity(
      blocks[2]?.lines[0]?.cells.net_profit.actual ?? null,
      options.fxUsdCny ?? null,
    ),
    money:
      options.baseCurrency === 'CNY' && options.fxUsdCny
        ? { currency: 'CNY', rate: options.fxUsdCny }
        : { currency: 'USD', rate: 1 },
    stock:
      options.inventory && calendarMonth
        ? stockSection(
            options.inventory.lines,
            rows,
            options.inventory.costs,
            options.fxUsdCny ?? null,
            { from: calendarMonth.from, to: calendarMonth.to, days: calendarMonth.days.length },
            today,
          )
        : null,
  };
}

/** The latest row date up to `yesterday` (today's rows are incomplete and never shown), or null without any. */
function lastDayWithData(rows: readonly SummaryRow[], yesterday: IsoDate): IsoDate | null {
  let last: IsoDate | null = null;
  for (const row of rows) if (row.date <= yesterday && (last === null || row.date > last)) last = row.date;
  return last;
}

/** The FX shocks of the dashboard's sensitivity line: the rate 5% lower and 5% higher. */
const FX_SHOCK = 0.05;

/** KPI_FX_SENSITIVITY's rule (SPEC §1): the amount converted at rate × (1 + shock). */
function fxSensitivity(netProfitUsd: number | null, rate: number | null): DashboardModel['netProfitCny'] {
  if (netProfitUsd === null || rate === null) return null;
  return {
    rate,
    netProfitUsd,
    atRate: netProfitUsd * rate,
    rateDown5: netProfitUsd * rate * (1 - FX_SHOCK),
    rateUp5: netProfitUsd * rate * (1 + FX_SHOCK),
  };
}
