/**
 * Replenishment defaults and thresholds (SPEC §3b), each with where it comes from. A SKU's own values on the Products
 * sheet replace the defaults; the Inventory sheet names every default a row used, so nobody mistakes a default for a
 * measured figure.
 */

export interface ReplenishmentParameters {
  /** Days from placing a purchase order to the units being sellable at the warehouse (production + freight + check-in). */
  leadTimeDays: number;
  /** Standard deviation of that lead time, days. */
  leadTimeSdDays: number;
  /** Probability of not running out during a lead time (cycle service level), a fraction in (0, 1). */
  serviceLevel: number;
  /** Days of demand an order should bring stock up to (SPEC §3b suggested quantity). */
  targetDaysOfSupply: number;
  /** Units per carton: an order is a whole number of cartons. */
  casePack: number;
  /** The supplier's minimum order quantity, units; 0 = none. */
  moq: number;
}

export type ParameterName = keyof ReplenishmentParameters;

export const PARAMETER_NAMES: readonly ParameterName[] = [
  'leadTimeDays',
  'leadTimeSdDays',
  'serviceLevel',
  'targetDaysOfSupply',
  'casePack',
  'moq',
];

/** A default and where it comes from (STYLE: tables for what is data, with the source beside each). */
interface SourcedDefault {
  value: number;
  source: string;
}

export const REPLENISHMENT_DEFAULTS: Readonly<Record<ParameterName, SourcedDefault>> = {
  leadTimeDays: {
    value: 45,
    source:
      'SPEC §3b; issue 11: Chinese sellers ship to US warehouses by sea, 30–60 days door to door — 45 is the middle',
  },
  leadTimeSdDays: {
    value: 7,
    source: 'SPEC §3b; issue 11: sea-freight lead times "vary by a week or more"',
  },
  serviceLevel: {
    value: 0.95,
    source:
      'SPEC §3b; the usual textbook cycle service level (z = 1.645), e.g. Silver, Pyke & Peterson, Inventory ' +
      'Management and Production Planning and Scheduling, ch. 7',
  },
  targetDaysOfSupply: {
    value: 90,
    source:
      "project choice: the 45-day default lead time plus one 45-day reorder cycle; 90 days is also Amazon's own " +
      'sell-through window, and twice it (the overstock line) is where the 181-day aged-inventory surcharge begins',
  },
  casePack: { value: 1, source: 'no carton size known: single units' },
  moq: { value: 0, source: 'no supplier minimum known' },
};

export const DEFAULT_PARAMETERS: ReplenishmentParameters = {
  leadTimeDays: REPLENISHMENT_DEFAULTS.leadTimeDays.value,
  leadTimeSdDays: REPLENISHMENT_DEFAULTS.leadTimeSdDays.value,
  serviceLevel: REPLENISHMENT_DEFAULTS.serviceLevel.value,
  targetDaysOfSupply: REPLENISHMENT_DEFAULTS.targetDaysOfSupply.value,
  casePack: REPLENISHMENT_DEFAULTS.casePack.value,
  moq: REPLENISHMENT_DEFAULTS.moq.value,
};

/** SPEC §3b statuses: REORDER SOON when the stockout falls inside lead time + this many days. */
export const REORDER_SOON_EXTRA_DAYS = 14;
/** SPEC §3b: OVERSTOCK when days of supply with inbound exceed this multiple of the target. */
export const OVERSTOCK_TARGET_MULTIPLE = 2;
/** SPEC §3b: OVERSTOCK when a SKU has stock and no sales in this many days. */
export const NO_SALES_DAYS = 30;
/** The demand windows of SPEC §3b, in complete days before the snapshot day. */
export const DEMAND_WINDOWS = [7, 30, 90] as const;
export type DemandWindow = (typeof DEMAND_WINDOWS)[number];
