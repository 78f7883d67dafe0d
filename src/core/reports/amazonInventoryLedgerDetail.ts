/**
 * Inventory Ledger, detail view (GET_LEDGER_DETAIL_VIEW_DATA; EXPORTS §10): one row per stock event — customer
 * shipments, receipts, customer and vendor returns, transfers between fulfilment centres, adjustments — signed as
 * units in (+) or out (−). Its `Shipments` rows are the units that left for customers, day by day: the demand history
 * of FBA stock where no order export covers Amazon (src/core/inventory/demand.ts).
 */
import { type LedgerEventFact } from '../model';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

export const amazonInventoryLedgerDetail: ReportDefinition = {
  type: 'amazon-inventory-ledger-detail',
  channel: 'amazon',
  labelKey: 'report.amazonInventoryLedgerDetail',
  periodReport: false,
  requiredHeaders: ['date', 'msku', 'event type', 'quantity'],
  signatureHeaders: [
    'fnsku',
    'asin',
    'title',
    'reference id',
    'fulfillment center',
    'disposition',
    'reason',
    'country',
    'reconciled quantity',
    'unreconciled quantity',
    'date and time',
    'store',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const dateColumn = sheet.column('date');
    const skuColumn = sheet.column('msku');
    const eventColumn = sheet.column('event type');
    const quantityColumn = sheet.column('quantity');
    const dispositionColumn = sheet.column('disposition');
    const referenceColumn = sheet.column('reference id');
    const centreColumn = sheet.column('fulfillment center');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, skuColumn, referenceColumn);
      const day = row.requiredMoment(dateColumn);
      const sku = row.requiredText(skuColumn);
      const quantity = row.count(quantityColumn);
      if (quantity === null && !row.failed) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
      }
      if (row.failed || day === null || quantity === null) continue;
      const fact: LedgerEventFact = {
        kind: 'ledgerEvent',
        channel: 'amazon',
        sku,
        date: day.date,
        eventType: row.text(eventColumn),
        quantity,
        disposition: row.text(dispositionColumn).toUpperCase(),
        referenceId: row.text(referenceColumn),
        fulfillmentCenter: row.text(centreColumn),
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      };
      sheet.addFact(fact);
    }
    return sheet.result();
  },
};
