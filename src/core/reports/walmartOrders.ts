/**
 * Walmart Seller Center order export (CSV or XLSX saved as CSV): one row per PO line. Walmart often splits a
 * quantity into several lines of one unit; OrderLineMerger joins the lines of one PO and SKU.
 */
import { roundCents } from '../parse';
import { OrderLineMerger } from './orderLines';
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
    const orderDateColumn = sheet.column('order date');
    const statusColumn = sheet.column('status');
    const quantityColumn = sheet.column('qty');
    const skuColumn = sheet.column('sku');
    const itemCostColumn = sheet.column('item cost');
    const lines = new OrderLineMerger();

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, purchaseOrderColumn);
      // The PO is what Walmart ships and pays per line; one customer order (Order#) can split into several POs.
      const orderId = row.requiredText(purchaseOrderColumn);
      const sku = row.requiredText(skuColumn);
      const ordered = row.requiredMoment(orderDateColumn);
      const quantity = row.count(quantityColumn);
      const itemCost = row.money(itemCostColumn);
      if (quantity === null && !row.failed) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
      }
      const cancelled = row.text(statusColumn).toLowerCase() === 'cancelled';
      if (itemCost === null && !cancelled && !row.failed) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(itemCostColumn) } });
      }
      if (row.failed || ordered === null || quantity === null) continue;
      lines.add({
        kind: 'orderLine',
        channel: 'walmart',
        orderId,
        sku,
        date: ordered.date,
        lastUpdated: null,
        cancelled,
        quantity,
        // Item Cost is the line's item price, before shipping and tax (Walmart's order API likewise prices a line
        // with one ItemPrice charge for the line's quantity). Walmart US has no seller promotions on this export.
        revenue: roundCents(itemCost ?? 0),
        currency: 'USD',
        source: { sheet: context.sheetName, row: dataRow.sheetRow },
      });
    }
    lines.addAllTo(sheet);
    return sheet.result();
  },
};
