/**
 * Business Report "Sales and Traffic" by date (CSV): one aggregate row per day, dates like `8/3/26`. It fills only
 * the days no order export covers (SPEC §2 "One source per measure"); the summary decides that.
 */
import { type ReportDefinition } from './types';
import { SheetReader } from './sheetReader';

export const amazonBusinessReportByDate: ReportDefinition = {
  type: 'amazon-business-report-date',
  channel: 'amazon',
  labelKey: 'report.amazonBusinessReportDate',
  periodReport: false,
  requiredHeaders: ['date', 'ordered product sales', 'units ordered'],
  signatureHeaders: [
    'total order items',
    'sessions - total',
    'page views - total',
    'featured offer (buy box) percentage',
    'unit session percentage',
    'average offer count',
    'ordered product sales - b2b',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const dateColumn = sheet.column('date');
    const salesColumn = sheet.column('ordered product sales');
    const unitsColumn = sheet.column('units ordered');
    const ordersColumn = sheet.column('total order items');
    const sessionsColumn = sheet.column('sessions - total', 'sessions');
    const pageViewsColumn = sheet.column('page views - total', 'page views');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, dateColumn);
      const day = row.requiredMoment(dateColumn);
      const fact = {
        revenue: row.moneyOrZero(salesColumn),
        units: row.countOrZero(unitsColumn),
        orders: row.countOrZero(ordersColumn),
        sessions: sessionsColumn >= 0 ? row.count(sessionsColumn) : null,
        pageViews: pageViewsColumn >= 0 ? row.count(pageViewsColumn) : null,
      };
      if (row.failed || day === null) continue;
      sheet.addFact({
        kind: 'dailyTotal',
        channel: 'amazon',
        date: day.date,
        ...fact,
        source: sheet.sourceOf(dataRow),
      });
    }
    return sheet.result();
  },
};
