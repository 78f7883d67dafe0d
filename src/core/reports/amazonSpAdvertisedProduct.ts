/**
 * Sponsored Products "Advertised product" report from the Ads console (classic format, CSV or XLSX): spend and
 * attributed results per campaign, ad group and advertised SKU. Daily (`Date`) or Summary (`Start Date`/`End Date`)
 * (EXPORTS §2b). This is the one source of ad spend (SPEC §2 "Ad spend counts once"). A console in Chinese writes
 * the same report with Chinese labels (EXPORTS §9.2, sponsoredProductsLabels.ts): same reader, same facts.
 */
import { classicConsoleColumns, readAdRows } from './adDays';
import { SheetReader } from './sheetReader';
import { sponsoredProductsLabels } from './sponsoredProductsLabels';
import { type ReportDefinition } from './types';

const labels = sponsoredProductsLabels;

/** Every column a Sponsored Products advertised-product header has, for detection. */
const SIGNATURE = [
  'date',
  'startDate',
  'endDate',
  'portfolio',
  'currency',
  'advertisedAsin',
  'clickThroughRate',
  'costPerClick',
  'sales',
  'acos',
  'roas',
  'orders',
  'units',
  'conversionRate',
] as const;

export const amazonSpAdvertisedProduct: ReportDefinition = {
  type: 'amazon-sp-advertised-product',
  channel: 'amazon',
  labelKey: 'report.amazonSpAdvertisedProduct',
  periodReport: false,
  requiredHeaders: labels.english(['campaign', 'adGroup', 'advertisedSku', 'impressions', 'clicks', 'spend']),
  signatureHeaders: labels.english(SIGNATURE),
  translatedHeaders: [
    // `7天总销售额` is required in Chinese: Sponsored Display and Brands attribute 14 days (`14天…`), so a Chinese SD
    // download, whose other labels are not known, is never taken for Sponsored Products spend.
    labels.chinese(
      ['campaign', 'adGroup', 'advertisedSku', 'impressions', 'clicks', 'spend', 'sales'],
      SIGNATURE.filter((field) => field !== 'sales'),
    ),
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const columns = classicConsoleColumns(sheet);
    const skuColumn = sheet.column(...labels.of('advertisedSku'));
    const englishUnits = sheet.columnStartingWith('7 day total units', '14 day total units');
    const unitsColumn = englishUnits >= 0 ? englishUnits : sheet.column(...labels.of('units'));
    readAdRows(sheet, 'sponsoredProducts', {
      ...columns,
      sku: skuColumn,
      units: unitsColumn,
      currency: sheet.column(...labels.of('currency')),
    });
    return sheet.result();
  },
};
