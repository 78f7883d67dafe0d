/**
 * FBA customer returns (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA, TAB): one row per returned item. Returned units
 * count on the return day in the reporting zone (SPEC §2 "Refunds and returns").
 */
import { type ReportDefinition } from './types';
import { SheetReader } from './sheetReader';

export const amazonFbaReturns: ReportDefinition = {
  type: 'amazon-fba-returns',
  channel: 'amazon',
  labelKey: 'report.amazonFbaReturns',
  periodReport: false,
  requiredHeaders: ['return-date', 'order-id', 'sku', 'quantity'],
  signatureHeaders: [
    'asin',
    'fnsku',
    'product-name',
    'fulfillment-center-id',
    'detailed-disposition',
    'reason',
    'status',
    'license-plate-number',
    'customer-comments',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const returnDateColumn = sheet.column('return-date');
    const orderIdColumn = sheet.column('order-id');
    const skuColumn = sheet.column('sku');
    const quantityColumn = sheet.column('quantity');
    const licensePlateColumn = sheet.column('license-plate-number');
    const dispositionColumn = sheet.column('detailed-disposition');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn);
      const returned = row.requiredMoment(returnDateColumn);
      const orderId = row.requiredText(orderIdColumn);
      const sku = row.requiredText(skuColumn);
      const quantity = row.count(quantityColumn);
      if (quantity === null && !row.failed) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
      }
      if (row.failed || returned === null || quantity === null) continue;
      sheet.addFact({
        kind: 'return',
        channel: 'amazon',
        date: returned.date,
        orderId,
        sku,
        quantity,
        licensePlate: row.text(licensePlateColumn),
        disposition: row.text(dispositionColumn).toUpperCase(),
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      });
    }
    return sheet.result();
  },
};
