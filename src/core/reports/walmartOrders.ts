/**
 * Walmart Seller Center order export (CSV or XLSX saved as CSV): one row per PO line. Walmart often splits a
 * quantity into several lines of one unit, each with its own Line#: separate order lines the summary adds up.
 */
import { type OrderLineState } from '../model';
import { wholeCentsOf } from '../parse';
import { LineKeysByPlace } from './orderLines';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

export const walmartOrders: ReportDefinition = {
  type: 'walmart-orders',
  channel: 'walmart',
  labelKey: 'report.walmartOrders',
  periodReport: false,
  requiredHeaders: ['po#', 'order date', 'qty', 'sku', 'item cost', 'status'],
  signatureHeaders: [
    'order#',
    'ship by',
    'customer name',
    'line#',
    'upc',
    'item description',
    'shipping method',
    'shipping cost',
    'tax',
    'carrier',
    'tracking number',
    'fulfillment entity',
    // Walmart's own spelling.
    'shipping config source',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const purchaseOrderColumn = sheet.column('po#');
    const lineNumberColumn = sheet.column('line#');
    const orderDateColumn = sheet.column('order date');
    const statusColumn = sheet.column('status');
    const quantityColumn = sheet.column('qty');
    const skuColumn = sheet.column('sku');
    const itemCostColumn = sheet.column('item cost');
    const lineKeysByPlace = new LineKeysByPlace();

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, purchaseOrderColumn);
      // The PO is what Walmart ships and pays per line; one customer order (Order#) can split into several POs.
      const orderId = row.requiredText(purchaseOrderColumn);
      const sku = row.requiredText(skuColumn);
      const ordered = row.requiredMoment(orderDateColumn);
      const quantity = row.count(quantityColumn);
      const itemCost = row.money(itemCostColumn);
      const state = walmartState(row.text(statusColumn).toLowerCase());
      if (row.failed || ordered === null) continue;
      if (quantity === null) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
      } else if (state !== 'cancelled') {
        if (itemCost === null) {
          row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(itemCostColumn) } });
        } else if (quantity < 0) {
          row.fail({
            key: 'issue.negativeQuantity',
            params: { column: sheet.headerText(quantityColumn), quantity },
          });
        } else if (itemCost < 0) {
          row.fail({
            key: 'issue.negativePrice',
            params: { column: sheet.headerText(itemCostColumn), price: itemCost },
          });
        } else if (quantity === 0 && itemCost > 0) {
          row.fail({
            key: 'issue.zeroQuantityWithPrice',
            params: { column: sheet.headerText(quantityColumn) },
          });
        }
      }
      if (row.failed || quantity === null) continue;
      const lineNumber = row.text(lineNumberColumn);
      sheet.addFact({
        kind: 'orderLine',
        channel: 'walmart',
        orderId,
        // SPEC §2a: PO# + Line#. Walmart splits a quantity into lines of one, each with its own Line#; a file without
        // the column keys them by their place among the PO's rows instead.
        lineKey: lineNumber !== '' ? lineNumber : lineKeysByPlace.next(orderId, dataRow.block, sku),
        sku,
        date: ordered.date,
        lastUpdatedSeconds: null,
        state,
        quantity,
        // Item Cost is the line's item price, before shipping and tax (Walmart's order API likewise prices a line
        // with one ItemPrice charge for the line's quantity). Walmart US has no seller promotions on this export.
        revenueCents: wholeCentsOf(itemCost ?? 0),
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      });
    }
    return sheet.result();
  },
};

/**
 * Seller Center order statuses: Created (not yet acknowledged), Acknowledged, Shipped, Delivered, Cancelled. Walmart
 * US orders are in dollars only, so the export has no currency column.
 */
function walmartState(status: string): OrderLineState {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'created') return 'pending';
  return 'sold';
}
