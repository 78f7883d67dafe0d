import { type Channel, type IsoDate } from '../model';

/**
 * One row of the KPI Summary sheet: one date × channel × SKU. Additive measures only; ratios are derived from sums
 * (ACoS = ad spend / ad sales) wherever rows are combined, never averaged. Money in USD.
 */
export interface SummaryRow {
  date: IsoDate;
  channel: Channel;
  sku: string;
  units: number;
  orders: number;
  revenue: number;
  adSpend: number;
  adSales: number;
  adClicks: number;
  adImpressions: number;
  returnedUnits: number;
  /**
   * Landed cost in USD (unit cost + first-leg freight + duty) of the units sold, less that of the units returned
   * SELLABLE on the day (they go back to stock); null when the SKU has no cost.
   */
  cogs: number | null;
  /** Marketplace fees in USD (positive = cost), null when unknown. */
  fees: number | null;
  /** True when fees were estimated from the fee tables because no payments report covered the row. */
  feesEstimated: boolean;
  /**
   * revenue − refunds − fees − cogs + reimbursements, before advertising (SPEC §2b): the article's 毛利 after refunds,
   * every marketplace fee, first-leg and duty. Null when cogs or fees are unknown. Net profit (after ads) is
   * grossProfit − adSpend, derived in the table and the dashboard.
   */
  grossProfit: number | null;
  /**
   * Money refunded to buyers in USD (positive), from payments reports, on the day the refund posted. Its own measure
   * (SPEC §2): never subtracted from revenue. Optional so rows built before it existed stay valid; absent = 0.
   */
  refunds?: number;
  /** Amazon reimbursements (lost or damaged inventory) in USD from payments reports; absent = 0. */
  reimbursements?: number;
}
