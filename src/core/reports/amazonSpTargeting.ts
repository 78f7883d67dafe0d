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
import { classicConsoleColumns, readSearchTermRows } from './adDays';
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
    readSearchTermRows(sheet, classicConsoleColumns(sheet), {
      targeting: sheet.column(...labels.of('targeting')),
      searchTerm: null,
    });
    return sheet.result();
  },
};
