/**
 * Business Report "Detail Page Sales and Traffic By Child Item" (CSV with BOM): traffic and ordered sales per child
 * ASIN for the period chosen when downloading, which the file itself does not state. It has no date per row, so it
 * never feeds daily revenue; its facts carry the period the user states in the sidebar (SPEC §2 "Period reports").
 */
import { type ReportDefinition } from './types';
import { SheetReader } from './sheetReader';

export const amazonBusinessReportByChild: ReportDefinition = {
  type: 'amazon-business-report-child',
  channel: 'amazon',
  labelKey: 'report.amazonBusinessReportChild',
  periodReport: true,
  requiredHeaders: ['(child) asin', 'units ordered', 'ordered product sales'],
  signatureHeaders: [
    '(parent) asin',
    'title',
    'sku',
    'sessions - total',
    'session percentage - total',
    'page views - total',
    'page views percentage - total',
    'featured offer (buy box) percentage',
    'unit session percentage',
    'total order items',
    'units ordered - b2b',
    'ordered product sales - b2b',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    if (context.period === null) {
      // Without the period the numbers cannot be compared with anything; the user states it once in the sidebar.
      sheet.skipAllRows();
      sheet.addIssue(0, context.sheetName, {
        key: 'issue.periodMissing',
        params: { sheet: context.sheetName },
      });
      return sheet.result();
    }
    const period = context.period;
    const childAsinColumn = sheet.column('(child) asin');
    // The no-SKU variant of the report: the child ASIN then stands in for the SKU.
    const skuColumn = sheet.column('sku');
    // Older files: plain `Sessions`/`Page Views`; a UK file writes `Sessions – Total` (normalised to a hyphen).
    const sessionsColumn = sheet.column('sessions - total', 'sessions');
    const pageViewsColumn = sheet.column('page views - total', 'page views');
    const unitsColumn = sheet.column('units ordered');
    const salesColumn = sheet.column('ordered product sales');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, skuColumn, childAsinColumn);
      const asin = row.requiredText(childAsinColumn);
      const sku = skuColumn >= 0 ? row.requiredText(skuColumn) : asin;
      const fact = {
        kind: 'periodTraffic' as const,
        channel: 'amazon' as const,
        sku,
        asin,
        sessions: row.countOrZero(sessionsColumn),
        pageViews: row.countOrZero(pageViewsColumn),
        unitsOrdered: row.countOrZero(unitsColumn),
        orderedSales: row.moneyOrZero(salesColumn),
        period: { from: period.from, to: period.to },
        source: sheet.sourceOf(dataRow),
      };
      if (!row.failed) sheet.addFact(fact);
    }
    return sheet.result();
  },
};
