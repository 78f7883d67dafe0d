/**
 * Inventory Ledger, summary view (GET_LEDGER_SUMMARY_VIEW_DATA; EXPORTS §10): per day (daily aggregation), FNSKU,
 * disposition and location, the starting and ending warehouse balance and the movements between them. This is the
 * stock history: the days a SKU ended with nothing sellable (excluded from its demand, SPEC §3b) and its average units
 * on hand (sell-through, turnover). Customer Shipments are written negative; the fact holds them positive.
 */
import { type LedgerBalanceFact } from '../model';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

export const amazonInventoryLedgerSummary: ReportDefinition = {
  type: 'amazon-inventory-ledger-summary',
  channel: 'amazon',
  labelKey: 'report.amazonInventoryLedgerSummary',
  periodReport: false,
  requiredHeaders: ['date', 'msku', 'disposition', 'starting warehouse balance', 'ending warehouse balance'],
  // Some downloads drop `Title`, `In Transit Between Warehouses` or `Store` (EXPORTS §10).
  signatureHeaders: [
    'fnsku',
    'asin',
    'title',
    'in transit between warehouses',
    'receipts',
    'customer shipments',
    'customer returns',
    'vendor returns',
    'warehouse transfer in/out',
    'found',
    'lost',
    'damaged',
    'disposed',
    'other events',
    'unknown events',
    'location',
    'store',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const dateColumn = sheet.column('date');
    const skuColumn = sheet.column('msku');
    const dispositionColumn = sheet.column('disposition');
    const locationColumn = sheet.column('location');
    const startingColumn = sheet.column('starting warehouse balance');
    const endingColumn = sheet.column('ending warehouse balance');
    const shipmentsColumn = sheet.column('customer shipments');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, skuColumn);
      const day = row.requiredMoment(dateColumn);
      const sku = row.requiredText(skuColumn);
      const fact: LedgerBalanceFact | null =
        day === null
          ? null
          : {
              kind: 'ledgerBalance',
              channel: 'amazon',
              sku,
              date: day.date,
              disposition: row.text(dispositionColumn).toUpperCase(),
              location: row.text(locationColumn),
              startingBalance: row.countOrZero(startingColumn),
              endingBalance: row.countOrZero(endingColumn),
              customerShipments: Math.abs(row.countOrZero(shipmentsColumn)),
              row: dataRow.sheetRow,
              source: sheet.sourceOf(dataRow),
            };
      if (fact && !row.failed) sheet.addFact(fact);
    }
    return sheet.result();
  },
};
