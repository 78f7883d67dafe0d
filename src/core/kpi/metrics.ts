/**
 * The KPI formulas on single numbers. Definitions follow SPEC §1 and the sources named beside each; ratios are
 * fractions (0.25 = 25%). An undefined ratio (division by zero) is `""`, never 0: a 0% ACoS would read as "ads
 * cost nothing" when in fact there were no ad sales to divide by.
 */
import { inverseNormalCdf } from './normal';

/** `numerator / denominator`, or blank when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | '' {
  return denominator === 0 ? '' : numerator / denominator;
}

/** Optional cost parts of one unit beyond price, COGS, FBA fee and referral fee (SPEC §1, KPI_UNIT_PROFIT). */
export interface UnitCostParts {
  /** First-leg (head-haul, 头程) freight from the factory to the Amazon warehouse, per unit, USD. */
  firstLeg: number;
  /** Import duty rate on the goods' value (COGS), a fraction: US duty is assessed on the customs (FOB) value. */
  dutyRate: number;
  /** Advertising cost per unit sold, USD. */
  adCost: number;
  /** Expected return loss per unit sold (return rate × loss per return), USD. */
  returnLoss: number;
  /** Any other per-unit cost (storage, packaging, inspection), USD. */
  other: number;
}

/**
 * Unit profit = price − COGS − FBA fee − price × referral rate − first leg − COGS × duty rate − ad cost − return
 * loss − other. The per-unit profit model of the source article (单件利润: COGS, FBA fee, ad allocation, return loss).
 */
export function unitProfit(
  price: number,
  cogs: number,
  fbaFee: number,
  referralRate: number,
  parts: UnitCostParts,
): number {
  return (
    price -
    cogs -
    fbaFee -
    price * referralRate -
    parts.firstLeg -
    cogs * parts.dutyRate -
    parts.adCost -
    parts.returnLoss -
    parts.other
  );
}

/** Break-even ACoS = unit profit before advertising / price: the ad spend share of sales that leaves zero profit. */
export function breakEvenAcos(
  price: number,
  cogs: number,
  fbaFee: number,
  referralRate: number,
  parts: UnitCostParts,
): number | '' {
  return ratio(unitProfit(price, cogs, fbaFee, referralRate, { ...parts, adCost: 0 }), price);
}

/**
 * Target ACoS = break-even ACoS − target margin after ads. Negative when the target margin cannot be reached even
 * with no advertising: shown as is, because that is the answer ("cut costs or raise the price").
 */
export function targetAcos(
  price: number,
  cogs: number,
  fbaFee: number,
  referralRate: number,
  targetMargin: number,
  parts: UnitCostParts,
): number | '' {
  const breakEven = breakEvenAcos(price, cogs, fbaFee, referralRate, parts);
  return breakEven === '' ? '' : breakEven - targetMargin;
}

/** Landed cost of one unit delivered to the warehouse = COGS + first leg + COGS × duty rate + other. */
export function landedCost(cogs: number, firstLeg: number, dutyRate: number, other: number): number {
  return cogs + firstLeg + cogs * dutyRate + other;
}

/**
 * Safety stock (SPEC §1). Demand variation only: z × σd × √LT. With the average daily demand d and the lead-time
 * standard deviation σLT given: z × √(LT·σd² + d²·σLT²), the usual combined formula for independent demand and lead
 * time (e.g. Silver, Pyke & Peterson, "Inventory Management and Production Planning and Scheduling", ch. 7).
 */
export function safetyStock(
  dailyDemandSd: number,
  leadTimeDays: number,
  serviceLevel: number,
  avgDailyUnits: number | undefined,
  leadTimeSd: number | undefined,
): number {
  const z = inverseNormalCdf(serviceLevel);
  if (leadTimeSd === undefined) return z * dailyDemandSd * Math.sqrt(leadTimeDays);
  const demand = avgDailyUnits ?? 0;
  return z * Math.sqrt(leadTimeDays * dailyDemandSd ** 2 + demand ** 2 * leadTimeSd ** 2);
}

/**
 * Reorder point = average daily units × lead time (days) + safety stock: the stock at which an order placed now
 * arrives as the safety stock is reached. One implementation for KPI_REORDER_POINT and the Inventory sheet.
 */
export function reorderPoint(avgDailyUnits: number, leadTimeDays: number, safetyStockUnits: number): number {
  return avgDailyUnits * leadTimeDays + safetyStockUnits;
}

/**
 * Customer lifetime value = average order value × purchases per period × lifetime in periods × gross margin.
 * With the margin left out (1) it is revenue LTV.
 */
export function lifetimeValue(
  averageOrderValue: number,
  purchaseFrequency: number,
  lifetimePeriods: number,
  grossMargin: number,
): number {
  return averageOrderValue * purchaseFrequency * lifetimePeriods * grossMargin;
}
