/**
 * The baseline helper: a first set of targets from the last 30 days' actuals, so a new user starts with thresholds
 * that describe their business instead of a blank Targets sheet (they are a starting point to edit, not advice).
 */
import { type Cell } from '../cell';
import { CHANNELS, type IsoDate } from '../model';
import { type SummaryRow } from '../summary/types';
import { addDays } from '../time';
import { METRICS, addRow, defaultDirection, emptyTotals, isRatioMetric, metricValue } from './metrics';
import { DEFAULT_TOLERANCE } from './status';
import { TARGET_COLUMNS, type TargetRow } from './targets';

export const BASELINE_DAYS = 30;

export interface BaselineResult {
  from: IsoDate;
  to: IsoDate;
  /** New Targets rows in TARGET_COLUMNS order. */
  rows: Cell[][];
}

/**
 * Company and per-channel targets for every metric that has no base (non-seasonal) target yet. Amounts become a
 * daily target (the 30-day sum ÷ 30, to the cent; units to one decimal); ratios are the 30-day ratio of sums, to
 * four decimals. Metrics undefined over the 30 days (no ad sales, no costs) are left out.
 */
export function baselineTargets(
  rows: readonly SummaryRow[],
  existing: readonly TargetRow[],
  today: IsoDate,
): BaselineResult {
  const from = addDays(today, -BASELINE_DAYS);
  const to = addDays(today, -1);
  const company = emptyTotals();
  const byChannel = new Map(CHANNELS.map((channel) => [channel, emptyTotals()]));
  const channelsSeen = new Set<string>();
  for (const row of rows) {
    if (row.date < from || row.date > to) continue;
    addRow(company, row);
    const channelTotals = byChannel.get(row.channel);
    if (channelTotals) addRow(channelTotals, row);
    channelsSeen.add(row.channel);
  }
  const hasBase = (metric: string, scope: string, scopeValue: string): boolean =>
    existing.some(
      (target) =>
        target.metric === metric &&
        target.scope === scope &&
        target.scopeValue === scopeValue &&
        target.window === null,
    );

  const out: Cell[][] = [];
  const scopes: {
    scope: 'company' | 'channel';
    scopeValue: string;
    totals: ReturnType<typeof emptyTotals>;
  }[] = [
    { scope: 'company', scopeValue: '', totals: company },
    ...CHANNELS.filter((channel) => channelsSeen.has(channel)).map((channel) => ({
      scope: 'channel' as const,
      scopeValue: channel,
      totals: byChannel.get(channel) ?? emptyTotals(),
    })),
  ];
  if (channelsSeen.size === 0) return { from, to, rows: out };
  for (const { scope, scopeValue, totals } of scopes) {
    for (const metric of METRICS) {
      if (hasBase(metric, scope, scopeValue)) continue;
      const value = metricValue(totals, metric);
      if (value === null) continue;
      const ratio = isRatioMetric(metric);
      const decimals = ratio ? 1e4 : metric === 'units' ? 10 : 100;
      const target = Math.round((ratio ? value : value / BASELINE_DAYS) * decimals) / decimals;
      const cells: Record<(typeof TARGET_COLUMNS)[number], Cell> = {
        metric,
        scope,
        scope_value: scopeValue,
        period: ratio ? '' : 'day',
        target,
        direction: defaultDirection(metric),
        tolerance: DEFAULT_TOLERANCE,
        window: '',
        window_start: '',
        window_end: '',
      };
      out.push(TARGET_COLUMNS.map((column) => cells[column]));
    }
  }
  return { from, to, rows: out };
}
