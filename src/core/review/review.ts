/**
 * The KPI Review sheet (SPEC §4a, the source article's 周复盘 / 月度分析): the last complete week against the week
 * before and the 4-week average, and the last complete month against the month before, per company, channel,
 * category and owner; each metric's value, change and status; the rows that need a decision flagged. Pure: the caller
 * passes today in the reporting time zone.
 *
 * Weeks run Monday to Sunday in the reporting time zone (ISO 8601 weeks, the working week of both offices): the
 * review written on a Monday covers the week that ended the night before.
 */
import {
  dailyByScope,
  judgeMetric,
  type LevelScope,
  type LevelStatus,
  type LevelTotals,
  scopeKey,
  totalsOver,
} from '../levels/judge';
import { LEVELS, NO_LEVEL, type SkuLevels } from '../levels/levels';
import { CHANNELS, type IsoDate } from '../model';
import { type SummaryRow } from '../summary/types';
import { isRatioMetric, type MetricId, METRICS, metricValue } from '../targets/metrics';
import { daysOf } from '../targets/resolve';
import { DEFAULT_TOLERANCE } from '../targets/status';
import { type TargetPeriod, type TargetRow } from '../targets/targets';
import { addDays } from '../time';

export type ReviewPeriodKind = 'week' | 'month';

export interface ReviewRange {
  from: IsoDate;
  to: IsoDate;
}

export interface ReviewPeriods {
  week: ReviewRange;
  previousWeek: ReviewRange;
  /** The four weeks before `week`: the baseline a one-off week is compared with. */
  fourWeeks: ReviewRange;
  month: ReviewRange;
  previousMonth: ReviewRange;
}

/** 0 = Sunday … 6 = Saturday for an ISO day (UTC noon, so no zone can move it). */
function weekday(day: IsoDate): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

function monthStart(day: IsoDate): IsoDate {
  return `${day.slice(0, 8)}01`;
}

/**
 * The complete periods as of `today` (a day in the reporting zone, itself not complete): the last Monday–Sunday week
 * that ended before today and the calendar month before today's month.
 */
export function reviewPeriods(today: IsoDate): ReviewPeriods {
  // Days since the last Monday (0 on a Monday): that Monday starts the current, incomplete week.
  const sinceMonday = (weekday(today) + 6) % 7;
  const thisWeek = addDays(today, -sinceMonday);
  const week = { from: addDays(thisWeek, -7), to: addDays(thisWeek, -1) };
  const previousWeek = { from: addDays(week.from, -7), to: addDays(week.from, -1) };
  const fourWeeks = { from: addDays(week.from, -28), to: addDays(week.from, -1) };
  const monthEnd = addDays(monthStart(today), -1);
  const month = { from: monthStart(monthEnd), to: monthEnd };
  const previousEnd = addDays(month.from, -1);
  return {
    week,
    previousWeek,
    fourWeeks,
    month,
    previousMonth: { from: monthStart(previousEnd), to: previousEnd },
  };
}

export interface ReviewRow {
  scope: LevelScope;
  period: ReviewPeriodKind;
  from: IsoDate;
  to: IsoDate;
  metric: MetricId;
  value: number | null;
  previous: number | null;
  /** (value − previous) ÷ |previous|: relative for every metric, ratios too (ACoS 20% → 25% is +25%). */
  change: number | null;
  /** Weeks only: the four weeks before, per week (amounts ÷ 4; ratios from the four weeks' sums). */
  average4: number | null;
  changeVsAverage4: number | null;
  target: number | null;
  attainment: number | null;
  status: LevelStatus | null;
  /** The band a change is judged against: the target's tolerance, else the default 10%. */
  tolerance: number;
  /** Why the row needs a decision; empty when it does not. */
  flags: ReviewFlag[];
  /** What the user's action, owner and due cells are kept by across rebuilds (SPEC §4a: period + scope + metric). */
  key: string;
}

export type ReviewFlag = 'red' | 'change' | 'changeVsAverage4';

/** The key of a review row: stable across languages and rebuilds, unique per period, scope and metric. */
export function reviewKey(
  period: ReviewPeriodKind,
  from: IsoDate,
  scope: LevelScope,
  metric: MetricId,
): string {
  return [period, from, scope.level, scope.value, metric].join('|');
}

function relativeChange(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return (value - base) / Math.abs(base);
}

/** Channel ids in the product's order, then names alphabetically with "(none)" last. */
function scopeOrder(a: LevelScope, b: LevelScope): number {
  const levelOrder = LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level);
  if (levelOrder !== 0) return levelOrder;
  if (a.level === 'channel')
    return (
      CHANNELS.indexOf(a.value as (typeof CHANNELS)[number]) -
      CHANNELS.indexOf(b.value as (typeof CHANNELS)[number])
    );
  return Number(a.value === NO_LEVEL) - Number(b.value === NO_LEVEL) || a.value.localeCompare(b.value);
}

/** Every scope with a row in `byScope`, in review order. */
function scopesIn(byScope: ReadonlyMap<string, LevelTotals>): LevelScope[] {
  const scopes: LevelScope[] = [];
  for (const entry of byScope.values()) scopes.push({ level: entry.level, value: entry.value });
  return scopes.sort(scopeOrder);
}

/**
 * The review's rows, week block first, then month. A scope is reviewed when it sold or advertised in the period or the
 * one before; a metric row is left out when it has no value, nothing to compare with and no target (an ACoS without
 * ads), so the sheet lists what can be discussed.
 */
export function buildReview(
  rows: readonly SummaryRow[],
  targets: readonly TargetRow[],
  levels: SkuLevels,
  today: IsoDate,
): ReviewRow[] {
  const periods = reviewPeriods(today);
  const review: ReviewRow[] = [];
  const block = (
    period: ReviewPeriodKind,
    current: ReviewRange,
    previous: ReviewRange,
    baseline: ReviewRange | null,
  ): void => {
    const from = baseline && baseline.from < previous.from ? baseline.from : previous.from;
    const byScope = dailyByScope(rows, levels, from, current.to);
    const currentDays = daysOf(current.from, current.to);
    const previousDays = daysOf(previous.from, previous.to);
    const baselineDays = baseline ? daysOf(baseline.from, baseline.to) : [];
    const preferred: TargetPeriod = period;
    for (const scope of scopesIn(byScope)) {
      const daily = byScope.get(scopeKey(scope))?.daily;
      for (const metric of METRICS) {
        const judged = judgeMetric(targets, metric, scope, currentDays, preferred, daily);
        const previousValue = metricValue(totalsOver(daily, previousDays), metric);
        let average4: number | null = null;
        if (baseline) {
          const sum = metricValue(totalsOver(daily, baselineDays), metric);
          average4 = sum === null ? null : isRatioMetric(metric) ? sum : sum / 4;
        }
        const value = judged.actual;
        const nothing = (figure: number | null): boolean => figure === null || figure === 0;
        if (nothing(value) && nothing(previousValue) && nothing(average4) && judged.target === null) continue;
        const change = relativeChange(value, previousValue);
        const changeVsAverage4 = relativeChange(value, average4);
        const tolerance = judged.tolerance ?? DEFAULT_TOLERANCE;
        const flags: ReviewFlag[] = [];
        if (judged.status === 'RED') flags.push('red');
        // SPEC §4a: "a change beyond the tolerance", either way (a jump in sales is a restock decision too).
        if (change !== null && Math.abs(change) > tolerance + 1e-12) flags.push('change');
        if (changeVsAverage4 !== null && Math.abs(changeVsAverage4) > tolerance + 1e-12)
          flags.push('changeVsAverage4');
        review.push({
          scope,
          period,
          from: current.from,
          to: current.to,
          metric,
          value,
          previous: previousValue,
          change,
          average4,
          changeVsAverage4,
          target: judged.target,
          attainment: judged.attainment,
          status: judged.status,
          tolerance,
          flags,
          key: reviewKey(period, current.from, scope, metric),
        });
      }
    }
  };
  block('week', periods.week, periods.previousWeek, periods.fourWeeks);
  block('month', periods.month, periods.previousMonth, null);
  return review;
}
