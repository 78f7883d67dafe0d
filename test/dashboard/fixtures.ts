import { type Cell } from '../../src/core/cell';
import { type Channel } from '../../src/core/model';
import { type SummaryRow } from '../../src/core/summary/types';

/** A KPI Summary row with only the measures a test cares about; gross profit null means "no cost known". */
export function summaryRow(
  date: string,
  channel: Channel,
  sku: string,
  measures: {
    units: number;
    revenue: number;
    adSpend?: number;
    adSales?: number;
    returnedUnits?: number;
    grossProfit?: number | null;
  },
): SummaryRow {
  const grossProfit = measures.grossProfit ?? null;
  return {
    date,
    channel,
    sku,
    units: measures.units,
    orders: measures.units,
    revenue: measures.revenue,
    adSpend: measures.adSpend ?? 0,
    adSales: measures.adSales ?? 0,
    adClicks: 0,
    adImpressions: 0,
    returnedUnits: measures.returnedUnits ?? 0,
    cogs: grossProfit === null ? null : measures.revenue - grossProfit,
    fees: grossProfit === null ? null : 0,
    feesEstimated: false,
    grossProfit,
  };
}

/**
 * "Today" is 2026-07-12 in Los Angeles (15:00 UTC = 08:00 PDT): yesterday 07-11, last 7 days 07-05…07-11, month to
 * date 07-01…07-11, the week before 06-28…07-04. The Prime Day dates are what a user typed for the example, not
 * Amazon's announced dates.
 */
export const NOW = Date.parse('2026-07-12T15:00:00Z');
export const ZONE = 'America/Los_Angeles';

export const ROWS: SummaryRow[] = [
  summaryRow('2026-07-11', 'amazon', 'A-1', {
    units: 10,
    revenue: 250,
    adSpend: 40,
    adSales: 160,
    returnedUnits: 1,
    grossProfit: 80,
  }),
  summaryRow('2026-07-08', 'amazon', 'A-1', {
    units: 30,
    revenue: 600,
    adSpend: 150,
    adSales: 400,
    grossProfit: 150,
  }),
  summaryRow('2026-07-02', 'amazon', 'A-1', {
    units: 5,
    revenue: 125,
    adSpend: 20,
    adSales: 100,
    grossProfit: 40,
  }),
  summaryRow('2026-06-30', 'amazon', 'A-1', {
    units: 4,
    revenue: 100,
    adSpend: 10,
    adSales: 80,
    grossProfit: 30,
  }),
  summaryRow('2026-07-10', 'amazon', '00501', {
    units: 2,
    revenue: 50,
    adSpend: 5,
    adSales: 50,
    grossProfit: 20,
  }),
  summaryRow('2026-07-01', 'amazon', '00501', {
    units: 2,
    revenue: 50,
    adSpend: 5,
    adSales: 25,
    grossProfit: 15,
  }),
  summaryRow('2026-07-11', 'shopify', 'S-1', { units: 4, revenue: 120 }),
  summaryRow('2026-07-06', 'shopify', 'S-1', {
    units: 6,
    revenue: 180,
    adSpend: 18,
    adSales: 60,
    returnedUnits: 1,
  }),
  // Today's partial day and a day before everything shown: neither may count.
  summaryRow('2026-07-12', 'amazon', 'A-1', { units: 99, revenue: 9999, adSpend: 999, adSales: 999 }),
  summaryRow('2026-05-01', 'amazon', 'A-1', { units: 99, revenue: 9999, adSpend: 999, adSales: 999 }),
];

/** The Targets sheet of the worked example, as getValues would return it. */
export const TARGETS_GRID: Cell[][] = [
  [
    'metric',
    'scope',
    'scope_value',
    'period',
    'target',
    'direction',
    'tolerance',
    'window',
    'window_start',
    'window_end',
  ],
  ['revenue', 'company', '', 'month', 12400, '', '', '', '', ''],
  ['revenue', 'company', '', 'day', 1000, '', '', 'Prime Day', '2026-07-07', '2026-07-10'],
  ['revenue', 'channel', 'Amazon', 'week', '$2,100', 'higher', '10%', '', '', ''],
  ['ACoS', 'company', '', '', '30%', 'lower', 0.1, '', '', ''],
  ['acos', 'company', '', '', 0.45, '', '', 'prime_day', '2026-07-07', '2026-07-10'],
  ['acos', 'company', '', '', 0.5, '', '', 'BFCM', '', ''],
  ['tacos', 'company', '', '', 0.15, '', '', '', '', ''],
  ['return_rate', 'company', '', '', 0.05, '', '', '', '', ''],
  ['margin', 'company', '', '', 0.3, 'higher', 0.1, '', '', ''],
  ['units', 'owner_role', 'operations', 'day', 5, '', '', '', '', ''],
];
