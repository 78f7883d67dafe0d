/**
 * Demand per channel × SKU (SPEC §3b): units per day over the last 7, 30 and 90 complete days before the snapshot day,
 * and the standard deviation σd of the daily units over the 90 days.
 *
 * - Units come from the KPI Summary's order units (the order exports after the counting rules of SPEC §2a: each line
 *   once, cancelled lines out), never from a report's own "units sold" while an order export covers the channel.
 *   Without one, Amazon's Inventory Ledger customer shipments stand in, then the snapshot report's own units shipped.
 * - A window counts only days the source covers (an order export from its first to its last order day of the
 *   channel) and days from the SKU's launch date: days with no data are unknown, not days without sales.
 * - Days the Inventory Ledger shows the SKU ending with nothing sellable are left out: nothing could sell, so they say
 *   nothing about demand (SPEC §3b).
 * - σd is the sample standard deviation (n − 1, like Sheets' STDEV) of the counted days of the 90-day window, days
 *   without sales counted as 0; null with fewer than two days.
 */
import { type Channel, type IsoDate } from '../model';
import { addDays } from '../time';
import { DEMAND_WINDOWS, type DemandWindow } from './defaults';

/** Where a SKU's demand figures came from; `report` has averages only, no daily series. */
export type DemandSource = 'orders' | 'ledger' | 'report' | 'none';

/** Units per day of one channel × SKU, with the days its source covers. */
export interface DailyUnits {
  units: ReadonlyMap<IsoDate, number>;
  /** First and last day the source covers (inclusive). */
  covered: { from: IsoDate; to: IsoDate };
}

export interface DemandFigures {
  source: DemandSource;
  /** Units per day per window; null when the window has no counted day. */
  perDay: Record<DemandWindow, number | null>;
  /** Days counted per window. */
  days: Record<DemandWindow, number>;
  /** Units sold over the counted days of the 90-day window. */
  units90: number;
  sd90: number | null;
  /** Days of the 90-day window left out because the ledger shows no sellable stock. */
  stockoutDaysExcluded: number;
  /** Last day the source covers, when it ends before the window does (the notes say so). */
  coveredTo: IsoDate | null;
}

export function noDemand(): DemandFigures {
  return {
    source: 'none',
    perDay: { 7: null, 30: null, 90: null },
    days: { 7: 0, 30: 0, 90: 0 },
    units90: 0,
    sd90: null,
    stockoutDaysExcluded: 0,
    coveredTo: null,
  };
}

/** Demand over the complete days before `asOf` from a daily series. */
export function demandFromDaily(
  source: Exclude<DemandSource, 'report' | 'none'>,
  daily: DailyUnits,
  asOf: IsoDate,
  launchDate: IsoDate | null,
  stockoutDays: ReadonlySet<IsoDate>,
): DemandFigures {
  const figures = noDemand();
  figures.source = source;
  const lastDay = addDays(asOf, -1);
  if (daily.covered.to < lastDay) figures.coveredTo = daily.covered.to;
  const counted90: number[] = [];
  for (let back = 1; back <= 90; back++) {
    const day = addDays(asOf, -back);
    if (day < daily.covered.from || day > daily.covered.to) continue;
    if (launchDate !== null && day < launchDate) continue;
    if (stockoutDays.has(day)) {
      figures.stockoutDaysExcluded++;
      continue;
    }
    const units = daily.units.get(day) ?? 0;
    counted90.push(units);
    for (const window of DEMAND_WINDOWS) {
      if (back <= window) figures.days[window]++;
    }
    figures.units90 += units;
  }
  // counted90 runs from the most recent day back, so each window's days are a prefix of it.
  for (const window of DEMAND_WINDOWS) {
    const days = figures.days[window];
    const units = counted90.slice(0, days).reduce((sum, value) => sum + value, 0);
    figures.perDay[window] = days === 0 ? null : units / days;
  }
  figures.sd90 = sampleStandardDeviation(counted90);
  return figures;
}

/** Averages from a snapshot report's own units shipped (FBA Inventory units-shipped-t7/t30/t90, Restock 30 days). */
export function demandFromReport(
  units7: number | null,
  units30: number | null,
  units90: number | null,
): DemandFigures {
  const figures = noDemand();
  if (units7 === null && units30 === null && units90 === null) return figures;
  figures.source = 'report';
  const given: Array<[DemandWindow, number | null]> = [
    [7, units7],
    [30, units30],
    [90, units90],
  ];
  for (const [window, units] of given) {
    if (units === null) continue;
    figures.perDay[window] = units / window;
    figures.days[window] = window;
  }
  figures.units90 = units90 ?? 0;
  return figures;
}

export function sampleStandardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** Key of a channel × SKU in the maps of this folder. */
export function skuKey(channel: Channel, sku: string): string {
  return `${channel}\u0000${sku}`;
}
