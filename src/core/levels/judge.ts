/**
 * Figures per level (company, channel, category, owner) judged against the Targets sheet: shared by the dashboard's
 * level blocks and the KPI Review sheet, so a category reads the same on both. Every metric is derived from the
 * period's sums (src/core/targets/metrics.ts), never an average of daily or per-SKU ratios.
 */
import { PROFIT_COVERAGE_FOR_GREEN } from '../dashboard/model';
import { type IsoDate } from '../model';
import { type SummaryRow } from '../summary/types';
import {
  addRow,
  addTotals,
  emptyTotals,
  isRatioMetric,
  type MeasureTotals,
  type MetricId,
  metricValue,
  PROFIT_METRICS,
  ratioOf,
  ratioWeight,
} from '../targets/metrics';
import { resolveTarget } from '../targets/resolve';
import { type KpiStatus, kpiStatus } from '../targets/status';
import { type TargetPeriod, type TargetRow } from '../targets/targets';
import { type Level, type SkuLevels } from './levels';

/** A status on a level: the target rule's, or INCOMPLETE for profit under 95% coverage (as on the dashboard). */
export type LevelStatus = KpiStatus | 'INCOMPLETE';

export interface LevelScope {
  level: Level;
  /** The channel id, category or owner; '' for the company. */
  value: string;
}

export type DailyTotals = Map<IsoDate, MeasureTotals>;

export interface LevelTotals extends LevelScope {
  daily: DailyTotals;
}

/** The scopes a KPI Summary row counts in: the company, its channel, its SKU's category and owner. */
export function scopesOf(row: SummaryRow, levels: SkuLevels): LevelScope[] {
  const { category, owner } = levels.of(row.sku);
  return [
    { level: 'company', value: '' },
    { level: 'channel', value: row.channel },
    { level: 'category', value: category },
    { level: 'owner', value: owner },
  ];
}

export function scopeKey(scope: LevelScope): string {
  return `${scope.level}\u0000${scope.value}`;
}

/** Daily sums per level scope of the rows dated from `from` to `to` (inclusive). */
export function dailyByScope(
  rows: readonly SummaryRow[],
  levels: SkuLevels,
  from: IsoDate,
  to: IsoDate,
): Map<string, LevelTotals> {
  const byScope = new Map<string, LevelTotals>();
  for (const row of rows) {
    if (row.date < from || row.date > to) continue;
    for (const scope of scopesOf(row, levels)) {
      const key = scopeKey(scope);
      let entry = byScope.get(key);
      if (!entry) {
        entry = { ...scope, daily: new Map() };
        byScope.set(key, entry);
      }
      let totals = entry.daily.get(row.date);
      if (!totals) {
        totals = emptyTotals();
        entry.daily.set(row.date, totals);
      }
      addRow(totals, row);
    }
  }
  return byScope;
}

export function totalsOver(daily: DailyTotals | undefined, days: readonly IsoDate[]): MeasureTotals {
  const totals = emptyTotals();
  if (!daily) return totals;
  for (const day of days) {
    const dayTotals = daily.get(day);
    if (dayTotals) addTotals(totals, dayTotals);
  }
  return totals;
}

export interface JudgedMetric {
  actual: number | null;
  target: number | null;
  /**
   * 达成率 (SPEC §3a): actual ÷ target for an amount whose target is positive; the target is already pro rata for
   * the days of the period (resolve.ts rule 3). Null for ratios (an ACoS "attained" at 120% means nothing) and
   * without a target.
   */
  attainment: number | null;
  status: LevelStatus | null;
  /** The judging target's tolerance, or null without a target. */
  tolerance: number | null;
  /** Share of revenue with known profit over the period; null without revenue. */
  profitCoverage: number | null;
}

/** One metric of one scope over `days`, judged against the Targets sheet. */
export function judgeMetric(
  targets: readonly TargetRow[],
  metric: MetricId,
  scope: LevelScope,
  days: readonly IsoDate[],
  preferredPeriod: TargetPeriod,
  daily: DailyTotals | undefined,
): JudgedMetric {
  const totals = totalsOver(daily, days);
  const actual = metricValue(totals, metric);
  const profitCoverage = ratioOf(totals.revenueWithProfit, totals.revenue);
  const resolved = resolveTarget(targets, {
    metric,
    scope: scope.level,
    scopeValue: scope.value,
    days,
    preferredPeriod,
    dailyWeight: isRatioMetric(metric)
      ? (day) => {
          const dayTotals = daily?.get(day);
          return dayTotals ? ratioWeight(dayTotals, metric) : 0;
        }
      : undefined,
  });
  if (!resolved)
    return { actual, target: null, attainment: null, status: null, tolerance: null, profitCoverage };
  let status: LevelStatus | null = kpiStatus(actual, resolved.target, resolved.direction, resolved.tolerance);
  if (
    status === 'GREEN' &&
    PROFIT_METRICS.has(metric) &&
    profitCoverage !== null &&
    profitCoverage < PROFIT_COVERAGE_FOR_GREEN
  )
    status = 'INCOMPLETE';
  const attainment =
    !isRatioMetric(metric) && actual !== null && resolved.target > 0 ? actual / resolved.target : null;
  return {
    actual,
    target: resolved.target,
    attainment,
    status,
    tolerance: resolved.tolerance,
    profitCoverage,
  };
}
