/**
 * Sponsored Products search term report (Ads console): what shoppers typed, per targeting. The same spend as the
 * advertised-product report seen from another angle: it feeds search-term analysis only, never ad spend (SPEC §2).
 * A console in Chinese writes the same report with Chinese labels (EXPORTS §9.2): same reader, same facts.
 */
import { classicConsoleColumns, readSearchTermRows } from './adDays';
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
    readSearchTermRows(sheet, classicConsoleColumns(sheet), {
      targeting: sheet.column(...labels.of('targeting')),
      searchTerm: sheet.column(...labels.of('searchTerm')),
    });
    return sheet.result();
  },
};
