/**
 * The inventory figures of a build (src/core/inventory), computed once per build and shared by the outputs that show
 * them: the Inventory, KPI Inventory and Products sheets (src/server/inventory.ts) and the KPI Dashboard's stock
 * section (src/server/dashboard.ts). A module of its own, without the outputs' registration, so importing the figures
 * does not change the order the outputs are written in.
 */
import { buildInventory, type InventoryResult } from '../core/inventory/inventory';
import { EMPTY_PRODUCTS, productsFromGrid } from '../core/inventory/products';
import { isoDateInZone } from '../core/time';
import { type OutputContext } from './build';

/** The inventory of one build, computed once for its three outputs. */
const computed = new WeakMap<OutputContext, InventoryResult & { hasStock: boolean }>();

/** The inventory figures of a build's context, as of `now` (ms). Pure: no Apps Script call. */
export function computeInventory(
  context: OutputContext,
  now: number,
): InventoryResult & { hasStock: boolean } {
  const known = computed.get(context);
  if (known) return known;
  const { snapshot } = context;
  const zones = {
    reportingTimeZone: snapshot.settings.reportingTimeZone,
    spreadsheetTimeZone: snapshot.spreadsheetTimeZone,
  };
  const products = snapshot.productsRows ? productsFromGrid(snapshot.productsRows, zones) : EMPTY_PRODUCTS;
  const result = buildInventory({
    facts: context.pipeline.facts,
    summaryRows: context.rows,
    products,
    costs: context.pipeline.costs,
    fxUsdCny: snapshot.settings.fxUsdCny,
    buildDay: isoDateInZone(now, zones.reportingTimeZone),
  });
  const withStock = { ...result, hasStock: result.history.length > 0 };
  computed.set(context, withStock);
  return withStock;
}
