/**
 * Sponsored Products targeting report (classic Ads console, CSV or XLSX): results per keyword or product target. Like
 * the search term report it is the advertised-product report's spend seen from another angle, so it feeds
 * search-term analysis only and never ad spend (SPEC §2 "Ad spend counts once"): its rows become SearchTermFacts with
 * no search term, which the summary counts and never adds to spend.
 *
 * Headers: the search term report's columns without the customer search term, plus the top-of-search impression
 * share (EXPORTS §9.2 for Chinese; English from one third-party loader, code index 54491808673; the column order is
 * not confirmed and does not matter). A header with a customer search term column is the search term report.
 */
import { classicConsoleColumns } from './adDays';
import { SheetReader } from './sheetReader';
import { sponsoredProductsLabels } from './sponsoredProductsLabels';
import { type ReportDefinition } from './types';

const labels = sponsoredProductsLabels;

const REQUIRED = ['campaign', 'adGroup', 'targeting', 'impressions', 'clicks', 'spend'] as const;
const SIGNATURE = [
  'date',
  'startDate',
  'endDate',
  'portfolio',
  'currency',
  'matchType',
  'topOfSearchShare',
  'clickThroughRate',
  'costPerClick',
  'sales',
  'orders',
  'units',
  'conversionRate',
] as const;

export const amazonSpTargeting: ReportDefinition = {
  type: 'amazon-sp-targeting',
  channel: 'amazon',
  labelKey: 'report.amazonSpTargeting',
  periodReport: false,
  requiredHeaders: labels.english(REQUIRED),
  signatureHeaders: labels.english(SIGNATURE),
  absentHeaders: labels.english(['searchTerm', 'advertisedSku']),
  translatedHeaders: [labels.chinese(REQUIRED, SIGNATURE, ['searchTerm', 'advertisedSku'])],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const columns = classicConsoleColumns(sheet);
    const targetingColumn = sheet.column(...labels.of('targeting'));

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, targetingColumn, columns.campaign);
      const date = columns.days.dayOf(row);
      if (date === null) continue;
      const fact = {
        kind: 'searchTerm' as const,
        channel: 'amazon' as const,
        date,
        campaign: row.requiredText(columns.campaign),
        adGroup: row.text(columns.adGroup),
        targeting: row.requiredText(targetingColumn),
        // A targeting row is every search that matched the target: the report names no single search term.
        searchTerm: '',
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
