/**
 * The replenishment arithmetic of SPEC §3b on single numbers: one implementation for the Inventory sheet and the
 * custom functions (KPI_SAFETY_STOCK and KPI_REORDER_POINT already share src/core/kpi/metrics.ts; KPI_REORDER_QTY and
 * KPI_STOCKOUT_DATE are meant to wrap reorderQuantity and daysUntilStockout below).
 */
import { reorderPoint, safetyStock } from '../kpi/metrics';
import { type ReplenishmentParameters } from './defaults';

export { reorderPoint };

/**
 * Safety stock = z(service level) × √(LT·σd² + d²·σLT²) (SPEC §3b), through the same function as KPI_SAFETY_STOCK.
 * With no demand variation known (σd null: the report's own 30-day units only) only the lead-time term remains.
 */
export function safetyStockFor(
  dailyDemand: number,
  dailyDemandSd: number | null,
  parameters: Pick<ReplenishmentParameters, 'leadTimeDays' | 'leadTimeSdDays' | 'serviceLevel'>,
): number {
  return safetyStock(
    dailyDemandSd ?? 0,
    parameters.leadTimeDays,
    parameters.serviceLevel,
    dailyDemand,
    parameters.leadTimeSdDays,
  );
}

/**
 * Whole days the stock lasts at `dailyDemand` units a day: the stockout falls that many days after the snapshot day
 * (105 units at 10 a day last 10 whole days and run out on the 11th morning's sales, day 10 counted from 0). Null when
 * nothing sells: the stock never runs out at that pace.
 */
export function daysUntilStockout(onHandUnits: number, dailyDemand: number): number | null {
  if (dailyDemand <= 0) return null;
  return Math.max(0, Math.floor(onHandUnits / dailyDemand));
}

/**
 * Suggested order quantity (SPEC §3b): target days of supply × d + safety stock − available − inbound; 0 when that is
 * 0 or less (the MOQ applies only to an order); otherwise at least the MOQ, rounded up to whole case packs (a carton
 * is never split, so a MOQ that is not a multiple of the case pack rounds up too).
 */
export function reorderQuantity(
  dailyDemand: number,
  safetyStockUnits: number,
  availableUnits: number,
  inboundUnits: number,
  parameters: Pick<ReplenishmentParameters, 'targetDaysOfSupply' | 'casePack' | 'moq'>,
): number {
  const needed =
    parameters.targetDaysOfSupply * dailyDemand + safetyStockUnits - availableUnits - inboundUnits;
  if (needed <= 0) return 0;
  const casePack = Math.max(1, Math.round(parameters.casePack));
  const atLeastMoq = Math.max(needed, parameters.moq);
  // 1e-9: 120 needed with case pack 12 is 10 cartons even when floating point makes it 120.00000000000001.
  return Math.ceil(atLeastMoq / casePack - 1e-9) * casePack;
}

export type InventoryStatus = 'out_of_stock' | 'reorder_now' | 'reorder_soon' | 'ok' | 'overstock';

/** Most urgent first: the Inventory sheet's order. */
export const STATUS_ORDER: readonly InventoryStatus[] = [
  'out_of_stock',
  'reorder_now',
  'reorder_soon',
  'overstock',
  'ok',
];

export interface StatusInput {
  availableUnits: number;
  /** Days until the stockout counting available plus inbound, from the status day; null when nothing sells. */
  daysLeftWithInbound: number | null;
  /** Days of supply with inbound (available + inbound ÷ d30); null when nothing sells. */
  daysOfSupplyWithInbound: number | null;
  /** True when demand is known to be zero over the last 30 days (orders cover them and none sold). */
  noSalesIn30Days: boolean;
  leadTimeDays: number;
  targetDaysOfSupply: number;
  reorderSoonExtraDays: number;
  overstockTargetMultiple: number;
}

/**
 * SPEC §3b, in this order: OUT OF STOCK (nothing available); REORDER NOW (the stockout with inbound falls inside the
 * lead time); REORDER SOON (inside lead time + 14 days); OVERSTOCK (days of supply with inbound above twice the
 * target, or stock with no sales in 30 days); else OK.
 */
export function inventoryStatus(input: StatusInput): InventoryStatus {
  if (input.availableUnits <= 0) return 'out_of_stock';
  if (input.daysLeftWithInbound !== null) {
    // ≤: an order placed today arrives after the lead time, the day the stock is gone at the latest — so the order-by
    // date (stockout − lead time) is today or past exactly when the status is REORDER NOW.
    if (input.daysLeftWithInbound <= input.leadTimeDays) return 'reorder_now';
    if (input.daysLeftWithInbound <= input.leadTimeDays + input.reorderSoonExtraDays) return 'reorder_soon';
  }
  if (input.noSalesIn30Days) return 'overstock';
  if (
    input.daysOfSupplyWithInbound !== null &&
    input.daysOfSupplyWithInbound > input.overstockTargetMultiple * input.targetDaysOfSupply
  )
    return 'overstock';
  return 'ok';
}
