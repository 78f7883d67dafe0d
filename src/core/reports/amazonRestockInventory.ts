/**
 * Restock Inventory report (GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT, CSV; EXPORTS §10): one row per SKU with
 * its stock at Amazon, inbound by shipment stage, the reserved parts and Amazon's own 30-day units sold. The file has
 * no date: the snapshot is the day the user states in the sidebar, else the build day (SPEC §3b). Amazon's
 * recommendation columns are not read: the add-on's replenishment comes from the seller's own parameters (Products).
 */
import { type InventoryFact } from '../model';
import { statedSnapshotDay } from './inventorySnapshot';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

export const amazonRestockInventory: ReportDefinition = {
  type: 'amazon-restock-inventory',
  channel: 'amazon',
  labelKey: 'report.amazonRestockInventory',
  periodReport: true,
  requiredHeaders: ['merchant sku', 'asin', 'available', 'inbound'],
  // Some files lack the days-of-supply pair, `Recommended action` or `Unit storage size` (EXPORTS §10 variants).
  signatureHeaders: [
    'country',
    'product name',
    'fnsku',
    'condition',
    'supplier',
    'currency code',
    'price',
    'sales last 30 days',
    'units sold last 30 days',
    'total units',
    'fc transfer',
    'fc processing',
    'customer order',
    'unfulfillable',
    'working',
    'shipped',
    'receiving',
    'fulfilled by',
    'alert',
    'recommended replenishment qty',
    'recommended ship date',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const skuColumn = sheet.column('merchant sku');
    const asinColumn = sheet.column('asin');
    const availableColumn = sheet.column('available');
    const inboundColumn = sheet.column('inbound');
    // Reserved = units Amazon holds back from sale: moving between centres, being processed, set aside for orders.
    const reservedColumns = [
      sheet.column('fc transfer'),
      sheet.column('fc processing'),
      sheet.column('customer order'),
    ];
    const unfulfillableColumn = sheet.column('unfulfillable');
    const unitsSoldColumn = sheet.column('units sold last 30 days');
    const priceColumn = sheet.column('price');
    const day = statedSnapshotDay(context);

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, skuColumn, asinColumn);
      const unitsSold30 = unitsSoldColumn >= 0 ? row.count(unitsSoldColumn) : null;
      const fact: InventoryFact = {
        kind: 'inventory',
        channel: 'amazon',
        sku: row.requiredText(skuColumn),
        asin: row.text(asinColumn),
        availableUnits: row.countOrZero(availableColumn),
        // `Inbound` = Working + Shipped + Receiving (EXPORTS §10 arithmetic): the stages are not added again.
        inboundUnits: row.countOrZero(inboundColumn),
        reservedUnits: reservedColumns.reduce((sum, column) => sum + row.countOrZero(column), 0),
        unsellableUnits: row.countOrZero(unfulfillableColumn),
        price: row.money(priceColumn),
        ...day,
        ...(unitsSold30 !== null ? { reportedUnits30: unitsSold30 } : {}),
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      };
      if (!row.failed) sheet.addFact(fact);
    }
    return sheet.result();
  },
};
