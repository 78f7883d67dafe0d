/**
 * The KPI Dashboard's stock section (issue 11, item 4; SPEC §3b): which SKUs to reorder and by when, the money tied
 * up in overstock, the company's 动销率, and turnover for the month. Computed from the Inventory sheet's own lines
 * (src/core/inventory), so the dashboard and the sheet never disagree.
 */
import { type CostTable, costInForce, landedUnitCostUsd } from '../costs/costs';
import { type InventoryLine } from '../inventory/inventory';
import { type InventoryStatus } from '../inventory/replenishment';
import { type IsoDate } from '../model';
import { type SummaryRow } from '../summary/types';

const AT_RISK: ReadonlySet<InventoryStatus> = new Set<InventoryStatus>([
  'out_of_stock',
  'reorder_now',
  'reorder_soon',
]);
/** How many at-risk SKUs the dashboard lists (the Inventory sheet has them all). */
const AT_RISK_SHOWN = 10;

export interface StockSection {
  /** Out of stock, reorder now, reorder soon — most urgent first, as the Inventory sheet sorts them. */
  atRisk: InventoryLine[];
  atRiskCount: number;
  /** Units on hand of OVERSTOCK SKUs at landed cost (USD), over the SKUs whose cost is known. */
  overstockValue: number;
  /** OVERSTOCK SKUs with no cost in the Costs sheet: their stock is not in overstockValue. */
  overstockSkusWithoutCost: number;
  /** 动销率 (SPEC §3b): SKUs in stock that sold at least one unit in the period ÷ SKUs in stock; null with no stock. */
  sellingRate: number | null;
  skusInStock: number;
  skusInStockSold: number;
  /** COGS of the period (KPI Summary) ÷ stock on hand at cost: the month's turnover so far, not annualised. */
  turnover: number | null;
  /** Stock on hand at cost ÷ the period's COGS per day: how many days of this month's sales the stock is. */
  daysOfInventory: number | null;
  /** The sales days sell-through and turnover count (the calendar's month to date, whatever the exports cover). */
  from: IsoDate;
  to: IsoDate;
}

/**
 * The section for `period` (the dashboard's month to date). Stock value uses the landed cost in force on `today`
 * (src/core/costs): the value the stock would cost to replace, as the Costs sheet states it.
 */
export function stockSection(
  lines: readonly InventoryLine[],
  rows: readonly SummaryRow[],
  costs: CostTable,
  fxUsdCny: number | null,
  period: { from: IsoDate; to: IsoDate; days: number },
  today: IsoDate,
): StockSection | null {
  if (lines.length === 0) return null;
  const unitCost = (sku: string): number | null => {
    const cost = costInForce(costs, sku, today);
    return cost ? landedUnitCostUsd(cost, fxUsdCny) : null;
  };
  const sold = new Set<string>();
  let periodCogs = 0;
  for (const row of rows) {
    if (row.date < period.from || row.date > period.to) continue;
    if (row.units > 0) sold.add(`${row.channel}\u0000${row.sku}`);
    periodCogs += row.cogs ?? 0;
  }

  let overstockValue = 0;
  let overstockSkusWithoutCost = 0;
  let stockValue = 0;
  let stockValueKnown = true;
  let skusInStock = 0;
  let skusInStockSold = 0;
  for (const line of lines) {
    const cost = unitCost(line.sku);
    if (line.availableUnits > 0) {
      skusInStock++;
      if (sold.has(`${line.channel}\u0000${line.sku}`)) skusInStockSold++;
    }
    if (cost === null) {
      if (line.availableUnits > 0) stockValueKnown = false;
      if (line.status === 'overstock') overstockSkusWithoutCost++;
      continue;
    }
    stockValue += line.availableUnits * cost;
    if (line.status === 'overstock') overstockValue += line.availableUnits * cost;
  }
  const atRisk = lines.filter((line) => AT_RISK.has(line.status));
  const turnover = stockValueKnown && stockValue > 0 && periodCogs > 0 ? periodCogs / stockValue : null;
  return {
    atRisk: atRisk.slice(0, AT_RISK_SHOWN),
    atRiskCount: atRisk.length,
    overstockValue,
    overstockSkusWithoutCost,
    sellingRate: skusInStock === 0 ? null : skusInStockSold / skusInStock,
    skusInStock,
    skusInStockSold,
    turnover,
    daysOfInventory: turnover === null ? null : period.days / turnover,
    from: period.from,
    to: period.to,
  };
}
