/**
 * Inventory health and replenishment as build outputs (SPEC §3a, §3b): the Inventory sheet, the KPI Inventory sheet
 * for Looker Studio and the Products sheet, computed from the build's snapshot and facts before anything is written,
 * and written in the build's write phase under its lock. A workbook with no stock report gets none of these sheets;
 * one that had them gets them emptied rather than left stale.
 */
import { type InventoryResult } from '../core/inventory/inventory';
import { newProductRow, PRODUCTS_HEADER, productsColumnFormat } from '../core/inventory/products';
import { inventorySheetTable, kpiInventoryTable } from '../core/inventory/table';
import { OWNED_SHEETS, type OwnedSheetName } from '../core/sheetNames';
import {
  checkCells,
  checkTable,
  ensureSheetSize,
  findOwnedSheet,
  getOrCreateSheet,
  type OutputTable,
  writeTable,
} from '../gas/sheets';
import { type BuildOutput, type OutputContext, type OutputWrite, registerOutput } from './build';
import { computeInventory } from './inventoryFigures';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Writes `table` to an owned sheet; with no stock at all, only empties a sheet an earlier build made (a workbook that
 * never had a stock report gets no empty Inventory tab).
 */
function tableOutput(
  sheet: OwnedSheetName,
  tableOf: (result: InventoryResult, context: OutputContext) => OutputTable,
): BuildOutput {
  return {
    sheet,
    compute(context) {
      const result = computeInventory(context, Date.now());
      const table = tableOf(result, context);
      checkTable(sheet, table);
      return (spreadsheet) => {
        if (!result.hasStock && !findOwnedSheet(spreadsheet, sheet)) return;
        writeTable(spreadsheet, sheet, table);
      };
    },
  };
}

export const inventoryOutput = tableOutput(OWNED_SHEETS.inventory, (result, context) =>
  inventorySheetTable(result.current, context.snapshot.language),
);

export const kpiInventoryOutput = tableOutput(OWNED_SHEETS.kpiInventory, (result) =>
  kpiInventoryTable(result.history),
);

/**
 * SKUs sold or advertised (the KPI Summary's) with no Products row and no stock row being added: they need a row too,
 * for the user to give their category and owner (SPEC §3a levels). Sorted, so the rows come in a stable order.
 */
function soldSkusWithoutProductRow(context: OutputContext, result: InventoryResult): string[] {
  const known = context.pipeline.products.bySku;
  const adding = new Set(result.skusWithoutProductRow);
  const skus = new Set<string>();
  for (const row of context.rows)
    if (row.sku !== '' && !known.has(row.sku) && !adding.has(row.sku)) skus.add(row.sku);
  return [...skus].sort();
}

/**
 * The Products sheet: created with a row per SKU with stock or sales when missing; afterwards only rows for new
 * SKUs are added below the last row, in one setValues, so nothing a user typed is rewritten. A sheet without a `sku`
 * header is left alone (its rows could not be matched to SKUs).
 */
export const productsOutput: BuildOutput = {
  sheet: OWNED_SHEETS.products,
  compute(context): OutputWrite | null {
    const result = computeInventory(context, Date.now());
    const rows = [...result.skusWithoutProductRow, ...soldSkusWithoutProductRow(context, result)].map((sku) =>
      newProductRow(sku, ''),
    );
    const formats = PRODUCTS_HEADER.map((column) => productsColumnFormat(column));
    const existing = context.snapshot.productsRows;
    if (existing === null) {
      if (!result.hasStock && rows.length === 0) return null;
      const table: OutputTable = { header: [...PRODUCTS_HEADER], formats, rows };
      checkTable(OWNED_SHEETS.products, table);
      return (spreadsheet) => {
        writeTable(spreadsheet, OWNED_SHEETS.products, table);
      };
    }
    const header = (existing[0] ?? []).map((cell) => String(cell).trim().toLowerCase());
    if (rows.length === 0 || !header.includes('sku')) return null;
    // The new rows go under the sheet's own columns, wherever the user moved them.
    const width = Math.max(header.length, 1);
    const placed = rows.map((row) =>
      Array.from({ length: width }, (_, column) => {
        const name = header[column];
        const index = PRODUCTS_HEADER.findIndex((known) => known === name);
        return index < 0 ? '' : (row[index] ?? '');
      }),
    );
    const numberFormats = placed.map(() =>
      Array.from({ length: width }, (_, column) => {
        const index = PRODUCTS_HEADER.findIndex((known) => known === header[column]);
        const format = index < 0 ? 'text' : formats[index];
        return format === 'date' ? 'yyyy-mm-dd' : format === 'number' ? '0.####' : '@';
      }),
    );
    checkCells(OWNED_SHEETS.products, placed, existing.length + 1);
    return (spreadsheet: Spreadsheet) => {
      const sheet = getOrCreateSheet(spreadsheet, OWNED_SHEETS.products);
      // The snapshot was read under this build's lock: its row count is the sheet's last row now.
      const firstRow = existing.length + 1;
      ensureSheetSize(sheet, firstRow + placed.length - 1, width);
      const range = sheet.getRange(firstRow, 1, placed.length, width);
      range.setNumberFormats(numberFormats);
      range.setValues(placed);
    };
  },
};

// Registering is pure (no Apps Script call), so it is safe at load time, even for onOpen in AuthMode.NONE.
registerOutput(inventoryOutput);
registerOutput(kpiInventoryOutput);
registerOutput(productsOutput);
