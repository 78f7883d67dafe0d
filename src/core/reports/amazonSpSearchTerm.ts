/**
 * Sponsored Products search term report (Ads console): what shoppers typed, per targeting. The same spend as the
 * advertised-product report seen from another angle: it feeds search-term analysis only, never ad spend (SPEC §2).
 */
import { classicConsoleColumns } from './adDays';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

export const amazonSpSearchTerm: ReportDefinition = {
  type: 'amazon-sp-search-term',
  channel: 'amazon',
  labelKey: 'report.amazonSpSearchTerm',
  periodReport: false,
  requiredHeaders: [
    'campaign name',
    'ad group name',
    'customer search term',
    'impressions',
    'clicks',
    'spend',
  ],
  signatureHeaders: [
    'date',
    'start date',
    'end date',
    'portfolio name',
    'currency',
    'targeting',
    'match type',
    'click-thru rate (ctr)',
    'cost per click (cpc)',
    '7 day total sales',
    '7 day total orders (#)',
    '7 day total units (#)',
    '7 day conversion rate',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const columns = classicConsoleColumns(sheet);
    const targetingColumn = sheet.column('targeting');
    const searchTermColumn = sheet.column('customer search term');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, searchTermColumn, columns.campaign);
      const date = columns.days.dayOf(row);
      if (date === null) continue;
      const fact = {
        kind: 'searchTerm' as const,
        channel: 'amazon' as const,
        date,
        campaign: row.requiredText(columns.campaign),
        adGroup: row.text(columns.adGroup),
        targeting: row.text(targetingColumn),
        searchTerm: row.requiredText(searchTermColumn),
        spend: row.moneyOrZero(columns.spend),
        sales: row.moneyOrZero(columns.sales),
        clicks: row.countOrZero(columns.clicks),
        impressions: row.countOrZero(columns.impressions),
        orders: row.countOrZero(columns.orders),
        source: sheet.sourceOf(dataRow),
      };
      if (!row.failed) sheet.addFact(fact);
    }
    columns.days.finish();
    return sheet.result();
  },
};
