/**
 * Sponsored Products search term report (Ads console): what shoppers typed, per targeting. The same spend as the
 * advertised-product report seen from another angle: it feeds search-term analysis only, never ad spend (SPEC §2).
 * A console in Chinese writes the same report with Chinese labels (EXPORTS §9.2): same reader, same facts.
 */
import { classicConsoleColumns } from './adDays';
import { SheetReader } from './sheetReader';
import { sponsoredProductsLabels } from './sponsoredProductsLabels';
import { type ReportDefinition } from './types';

const labels = sponsoredProductsLabels;

const SIGNATURE = [
  'date',
  'startDate',
  'endDate',
  'portfolio',
  'currency',
  'targeting',
  'matchType',
  'clickThroughRate',
  'costPerClick',
  'sales',
  'orders',
  'units',
  'conversionRate',
] as const;
const REQUIRED = ['campaign', 'adGroup', 'searchTerm', 'impressions', 'clicks', 'spend'] as const;

export const amazonSpSearchTerm: ReportDefinition = {
  type: 'amazon-sp-search-term',
  channel: 'amazon',
  labelKey: 'report.amazonSpSearchTerm',
  periodReport: false,
  requiredHeaders: labels.english(REQUIRED),
  signatureHeaders: labels.english(SIGNATURE),
  translatedHeaders: [labels.chinese(REQUIRED, SIGNATURE)],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const columns = classicConsoleColumns(sheet);
    const targetingColumn = sheet.column(...labels.of('targeting'));
    const searchTermColumn = sheet.column(...labels.of('searchTerm'));

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
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      };
      if (!row.failed) sheet.addFact(fact);
    }
    columns.days.finish();
    return sheet.result();
  },
};
