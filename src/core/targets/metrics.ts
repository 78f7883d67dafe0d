/**
 * The KPIs the dashboard judges against targets (issue 6, SPEC §3 "KPI Dashboard"). Additive metrics are sums over a
 * period; ratio metrics are always a ratio of two sums over the period (ACoS = Σ ad spend / Σ ad sales), never an
 * average of daily or per-SKU ratios, which would weight a $5 day like a $5,000 day.
 */

export type MetricId =
  | 'revenue'
  | 'units'
  | 'ad_spend'
  | 'acos'
  | 'tacos'
  | 'return_rate'
  | 'gross_profit'
  | 'margin'
  | 'net_profit'
  | 'net_margin';

/** Dashboard column order. */
export const METRICS: readonly MetricId[] = [
  'revenue',
  'units',
  'ad_spend',
  'acos',
  'tacos',
  'return_rate',
  'gross_profit',
  'margin',
  'net_profit',
  'net_margin',
];

/** Metrics whose value needs known costs and fees: judged only as far as profit coverage allows (issue 10). */
export const PROFIT_METRICS: ReadonlySet<MetricId> = new Set<MetricId>([
  'gross_profit',
  'margin',
  'net_profit',
  'net_margin',
]);

export type Direction = 'higher' | 'lower';

/** The summed measures every metric is derived from. */
export interface MeasureTotals {
  revenue: number;
  units: number;
  adSpend: number;
  adSales: number;
  returnedUnits: number;
  /** Σ gross profit over the rows whose gross profit is known (SKUs with costs and fees). */
  grossProfit: number;
  /** Σ (gross profit − ad spend) over those same rows: net profit after every ad type (SPEC §2b). */
  netProfit: number;
  /** Σ revenue of those same rows: margin divides by this, so a SKU without costs cannot dilute the margin. */
  revenueWithProfit: number;
  /** Rows whose gross profit is known; 0 means no profit figure can be shown at all. */
  rowsWithProfit: number;
}

export function emptyTotals(): MeasureTotals {
  return {
    revenue: 0,
    units: 0,
    adSpend: 0,
    adSales: 0,
    returnedUnits: 0,
    grossProfit: 0,
    netProfit: 0,
    revenueWithProfit: 0,
    rowsWithProfit: 0,
  };
}

/** The additive part of a summary row the totals need (SummaryRow satisfies it). */
export interface MeasureRow {
  revenue: number;
  units: number;
  adSpend: number;
  adSales: number;
  returnedUnits: number;
  grossProfit: number | null;
}

export function addRow(totals: MeasureTotals, row: MeasureRow): void {
  totals.revenue += row.revenue;
  totals.units += row.units;
  totals.adSpend += row.adSpend;
  totals.adSales += row.adSales;
  totals.returnedUnits += row.returnedUnits;
  if (row.grossProfit !== null) {
    totals.grossProfit += row.grossProfit;
    totals.netProfit += row.grossProfit - row.adSpend;
    totals.revenueWithProfit += row.revenue;
    totals.rowsWithProfit += 1;
  }
}

export function addTotals(into: MeasureTotals, from: MeasureTotals): void {
  into.revenue += from.revenue;
  into.units += from.units;
  into.adSpend += from.adSpend;
  into.adSales += from.adSales;
  into.returnedUnits += from.returnedUnits;
  into.grossProfit += from.grossProfit;
  into.netProfit += from.netProfit;
  into.revenueWithProfit += from.revenueWithProfit;
  into.rowsWithProfit += from.rowsWithProfit;
}

/** numerator / denominator, or null where the ratio is undefined (SPEC §1: never 0 for an undefined ratio). */
export function ratioOf(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** The metric's value from sums; null where undefined (no ad sales for ACoS, no costed rows for profit). */
export function metricValue(totals: MeasureTotals, metric: MetricId): number | null {
  switch (metric) {
    case 'revenue':
      return totals.revenue;
    case 'units':
      return totals.units;
    case 'ad_spend':
      return totals.adSpend;
    case 'acos':
      return ratioOf(totals.adSpend, totals.adSales);
    case 'tacos':
      return ratioOf(totals.adSpend, totals.revenue);
    case 'return_rate':
      return ratioOf(totals.returnedUnits, totals.units);
    case 'gross_profit':
      return totals.rowsWithProfit === 0 ? null : totals.grossProfit;
    case 'margin':
      return totals.rowsWithProfit === 0 ? null : ratioOf(totals.grossProfit, totals.revenueWithProfit);
    case 'net_profit':
      return totals.rowsWithProfit === 0 ? null : totals.netProfit;
    case 'net_margin':
      return totals.rowsWithProfit === 0 ? null : ratioOf(totals.netProfit, totals.revenueWithProfit);
  }
}

export function isRatioMetric(metric: MetricId): boolean {
  return (
    metric === 'acos' ||
    metric === 'tacos' ||
    metric === 'return_rate' ||
    metric === 'margin' ||
    metric === 'net_margin'
  );
}

/**
 * The denominator of a ratio metric: a period's ratio target is the average of the daily targets weighted by it, the
 * same weighting the summed actual carries (Σ spend / Σ sales = Σ ACoS_d × sales_d / Σ sales_d).
 */
export function ratioWeight(totals: MeasureTotals, metric: MetricId): number {
  switch (metric) {
    case 'acos':
      return totals.adSales;
    case 'tacos':
      return totals.revenue;
    case 'return_rate':
      return totals.units;
    case 'margin':
    case 'net_margin':
      return totals.revenueWithProfit;
    default:
      return 0;
  }
}

/** Which way is good when nobody wrote a direction: costs and returns should go down, everything else up. */
export function defaultDirection(metric: MetricId): Direction {
  return metric === 'acos' || metric === 'tacos' || metric === 'return_rate' || metric === 'ad_spend'
    ? 'lower'
    : 'higher';
}

const METRIC_ALIASES: Readonly<Record<string, MetricId>> = {
  revenue: 'revenue',
  sales: 'revenue',
  units: 'units',
  ad_spend: 'ad_spend',
  adspend: 'ad_spend',
  spend: 'ad_spend',
  acos: 'acos',
  tacos: 'tacos',
  return_rate: 'return_rate',
  returnrate: 'return_rate',
  gross_profit: 'gross_profit',
  grossprofit: 'gross_profit',
  margin: 'margin',
  gross_margin: 'margin',
  net_profit: 'net_profit',
  netprofit: 'net_profit',
  net_margin: 'net_margin',
  netmargin: 'net_margin',
};

/** A metric name as typed in the Targets sheet (`ACoS`, `ad spend`, `gross_profit`), or null. */
export function parseMetric(text: string): MetricId | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return METRIC_ALIASES[key] ?? null;
}
