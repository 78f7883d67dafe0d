/**
 * Which target a dashboard cell is judged against. Rules (also in docs/LOOKER-STUDIO.md, "Targets"):
 *
 * 1. Scope: the most specific scope that has a target for the day wins. A channel, category, owner or SKU line uses
 *    its own target (a category or owner as the Products sheet groups SKUs, SPEC §3a);
 *    for ratio metrics it falls back to the company target, then to an owner-role target (ratios such as ACoS mean
 *    the same at every level). Amounts (revenue, units, spend, profit) never fall back: a company revenue target is
 *    not a channel's.
 * 2. Window: on a day inside a seasonal window, that window's target replaces the base target (the narrowest window
 *    when two overlap). A period is judged day by day, so a week with 2 Prime Day days gets 2 days of the Prime Day
 *    target and 5 days of the base target.
 * 3. Period: an amount target is turned into a daily rate (week ÷ 7, month ÷ the days of that month) and the
 *    period's target is the sum of its days' rates: month to date is judged against the month's target pro rata.
 *    A ratio target for a period is the average of its days' targets weighted by the ratio's denominator on each day
 *    (ad sales for ACoS), because the summed actual carries exactly that weighting; days with no denominator at all
 *    fall back to a plain average of the days.
 * 4. A period with a day that has no target at all is not judged (target blank, no status).
 */
import { type IsoDate } from '../model';
import { daysBetween } from '../time';
import { type Direction, type MetricId, isRatioMetric } from './metrics';
import { type TargetPeriod, type TargetRow, type TargetScope, targetScopeKey } from './targets';
import { windowCovers, windowLength } from './windows';

export interface TargetRequest {
  metric: MetricId;
  /** The line being judged: the company total, one channel, category, owner or SKU. */
  scope: Exclude<TargetScope, 'owner_role'>;
  scopeValue: string;
  /** The period's calendar days, oldest first. */
  days: readonly IsoDate[];
  /** The period length whose targets fit best: day for yesterday, week for 7 days, month for month to date. */
  preferredPeriod: TargetPeriod;
  /** The ratio's denominator on a day (ad sales for ACoS); only used for ratio metrics. */
  dailyWeight?: (day: IsoDate) => number;
}

export interface ResolvedTarget {
  target: number;
  direction: Direction;
  tolerance: number;
  /** Seasonal windows that set the target on at least one day, e.g. ['prime_day']. */
  windows: string[];
  /** The owner role named by an owner_role target, when one was used. */
  ownerRole: string | null;
}

const PERIOD_ORDER: readonly TargetPeriod[] = ['day', 'week', 'month'];

function daysInMonth(day: IsoDate): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The scopes tried for a line, most specific first (rule 1). */
function scopeChain(request: TargetRequest): ((row: TargetRow) => boolean)[] {
  const byName = request.scope === 'category' || request.scope === 'owner';
  const own = (row: TargetRow): boolean =>
    row.scope === request.scope &&
    (request.scope === 'company' ||
      (byName
        ? targetScopeKey(row.scopeValue) === targetScopeKey(request.scopeValue)
        : row.scopeValue === request.scopeValue));
  const company = (row: TargetRow): boolean => row.scope === 'company';
  const ownerRole = (row: TargetRow): boolean => row.scope === 'owner_role';
  if (request.scope === 'company') return [company, ownerRole];
  return isRatioMetric(request.metric) ? [own, company, ownerRole] : [own];
}

/** The target row in force on `day` among `rows` (rule 2, then rule 3's period preference; later rows win ties). */
function rowForDay(rows: readonly TargetRow[], day: IsoDate, preferred: TargetPeriod): TargetRow | null {
  const inWindow = rows.filter((row) => row.window !== null && windowCovers(row.window, day));
  let pool: readonly TargetRow[];
  if (inWindow.length > 0) {
    const narrowest = Math.min(...inWindow.map((row) => (row.window ? windowLength(row.window, day) : 0)));
    pool = inWindow.filter((row) => row.window !== null && windowLength(row.window, day) === narrowest);
  } else {
    pool = rows.filter((row) => row.window === null);
  }
  if (pool.length === 0) return null;
  const rank = (row: TargetRow): number =>
    row.period === preferred ? -1 : row.period === null ? 3 : PERIOD_ORDER.indexOf(row.period);
  let best: TargetRow | null = null;
  for (const row of pool) {
    if (best === null || rank(row) < rank(best) || (rank(row) === rank(best) && row.sheetRow > best.sheetRow))
      best = row;
  }
  return best;
}

/** A target row's value for one day: a daily rate for amounts, the ratio itself for ratios. */
function dailyValue(row: TargetRow, day: IsoDate): number {
  if (isRatioMetric(row.metric) || row.period === null) return row.target;
  const length = row.period === 'day' ? 1 : row.period === 'week' ? 7 : daysInMonth(day);
  return row.target / length;
}

/** The target for a whole period (rules 1–4), or null when some day has none. */
export function resolveTarget(targets: readonly TargetRow[], request: TargetRequest): ResolvedTarget | null {
  if (request.days.length === 0) return null;
  const forMetric = targets.filter((row) => row.metric === request.metric);
  const chain = scopeChain(request).map((matches) => forMetric.filter(matches));
  const ratio = isRatioMetric(request.metric);

  let amountSum = 0;
  let weightedSum = 0;
  let weightTotal = 0;
  let plainSum = 0;
  const shareByRow = new Map<TargetRow, number>();
  const windows = new Set<string>();
  for (const day of request.days) {
    let row: TargetRow | null = null;
    for (const level of chain) {
      row = rowForDay(level, day, request.preferredPeriod);
      if (row) break;
    }
    if (!row) return null;
    const value = dailyValue(row, day);
    const weight = ratio ? Math.max(0, request.dailyWeight?.(day) ?? 0) : 1;
    amountSum += value;
    plainSum += value;
    weightedSum += value * weight;
    weightTotal += weight;
    shareByRow.set(row, (shareByRow.get(row) ?? 0) + (ratio ? weight : 1) + 1e-9);
    if (row.window) windows.add(row.window.name);
  }
  // Direction and tolerance come from the row that set most of the period's target.
  let main: TargetRow | null = null;
  for (const [row, share] of shareByRow) if (main === null || share > (shareByRow.get(main) ?? 0)) main = row;
  if (!main) return null;
  const target = ratio
    ? weightTotal > 0
      ? weightedSum / weightTotal
      : plainSum / request.days.length
    : amountSum;
  return {
    target,
    direction: main.direction,
    tolerance: main.tolerance,
    windows: [...windows],
    ownerRole: main.scope === 'owner_role' ? main.scopeValue : null,
  };
}

/** Every day from `from` to `to`, inclusive. */
export function daysOf(from: IsoDate, to: IsoDate): IsoDate[] {
  const count = daysBetween(from, to) + 1;
  const days: IsoDate[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let index = 0; index < count; index++)
    days.push(new Date(start + index * 86400000).toISOString().slice(0, 10));
  return days;
}
