/**
 * Manage FBA Inventory (GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA, TAB, cp1252): a stock snapshot per SKU at download
 * time. Never daily revenue (SPEC §2 "Period reports"). The file has no date: its snapshot is the day the user states
 * in the sidebar, else the build day, and the Inventory sheet says which (SPEC §3b).
 */
import { statedSnapshotDay } from './inventorySnapshot';
import { type ReportDefinition } from './types';
import { SheetReader } from './sheetReader';

export const amazonFbaInventory: ReportDefinition = {
  type: 'amazon-fba-inventory',
  channel: 'amazon',
  labelKey: 'report.amazonFbaInventory',
  periodReport: true,
  requiredHeaders: ['sku', 'asin', 'afn-fulfillable-quantity'],
  signatureHeaders: [
    'fnsku',
    'product-name',
    'condition',
    'your-price',
    'mfn-listing-exists',
    'mfn-fulfillable-quantity',
    'afn-listing-exists',
    'afn-warehouse-quantity',
    'afn-unsellable-quantity',
    'afn-reserved-quantity',
    'afn-total-quantity',
    'afn-inbound-working-quantity',
    'afn-inbound-shipped-quantity',
    'afn-inbound-receiving-quantity',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const skuColumn = sheet.column('sku');
    const asinColumn = sheet.column('asin');
    const priceColumn = sheet.column('your-price');
    const availableColumn = sheet.column('afn-fulfillable-quantity');
    const reservedColumn = sheet.column('afn-reserved-quantity');
    const unsellableColumn = sheet.column('afn-unsellable-quantity');
    // Inbound = every stage of a shipment on its way in (working, shipped, receiving).
    const inboundColumns = [
      sheet.column('afn-inbound-working-quantity'),
      sheet.column('afn-inbound-shipped-quantity'),
      sheet.column('afn-inbound-receiving-quantity'),
    ];

    const day = statedSnapshotDay(context);

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, skuColumn);
      const fact = {
        kind: 'inventory' as const,
        channel: 'amazon' as const,
        sku: row.requiredText(skuColumn),
        asin: row.text(asinColumn),
        availableUnits: row.countOrZero(availableColumn),
        inboundUnits: inboundColumns.reduce((sum, column) => sum + row.countOrZero(column), 0),
        reservedUnits: row.countOrZero(reservedColumn),
        unsellableUnits: row.countOrZero(unsellableColumn),
        price: row.money(priceColumn),
        ...day,
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      };
      if (!row.failed) sheet.addFact(fact);
    }
    return sheet.result();
  },
};
