/**
 * Sponsored Products search term report (Ads console): what shoppers typed, per targeting. The same spend as the
 * advertised-product report seen from another angle: it feeds search-term analysis only, never ad spend (SPEC §2).
 */
import { AdDays } from './adDays';
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
    const days = new AdDays(sheet, {
      date: sheet.column('date'),
      start: sheet.column('start date'),
      end: sheet.column('end date'),
      range: -1,
    });
    const campaignColumn = sheet.column('campaign name');
    const adGroupColumn = sheet.column('ad group name');
    const targetingColumn = sheet.column('targeting');
    const searchTermColumn = sheet.column('customer search term');
    const spendColumn = sheet.column('spend');
    const salesColumn = sheet.columnStartingWith('7 day total sales', '14 day total sales');
    const ordersColumn = sheet.columnStartingWith('7 day total orders', '14 day total orders');
    const clicksColumn = sheet.column('clicks');
    const impressionsColumn = sheet.column('impressions');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, searchTermColumn, campaignColumn);
      const date = days.dayOf(row);
      if (date === null) continue;
      const fact = {
        kind: 'searchTerm' as const,
        channel: 'amazon' as const,
        date,
        campaign: row.requiredText(campaignColumn),
        adGroup: row.text(adGroupColumn),
        targeting: row.text(targetingColumn),
        searchTerm: row.requiredText(searchTermColumn),
        spend: row.moneyOrZero(spendColumn),
        sales: row.moneyOrZero(salesColumn),
        clicks: row.countOrZero(clicksColumn),
        impressions: row.countOrZero(impressionsColumn),
        orders: row.countOrZero(ordersColumn),
        source: { sheet: context.sheetName, row: dataRow.sheetRow },
      };
      if (!row.failed) sheet.addFact(fact);
    }
    days.finish();
    return sheet.result();
  },
};
