/**
 * Sponsored Display "Advertised product" report from the classic Ads console (CSV or XLSX): spend and 14-day
 * attributed results per campaign, ad group and advertised SKU, Daily (`Date`) or Summary (`Start Date`/`End Date`).
 * Header as third-party loaders of the downloaded file show it (EXPORTS §2b; sources in docs/EXPORTS-SOURCES.md):
 * no Retailer/Country/Portfolio columns in most copies, `Bid Optimization`, `Viewable Impressions`, vCPM and
 * `14 Day …` results. Like the Sponsored Products report, it is ad spend per SKU (SPEC §2b).
 */
import { classicConsoleDays, fourteenDayColumns, readAdRows } from './adDays';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

export const amazonSdAdvertisedProduct: ReportDefinition = {
  type: 'amazon-sd-advertised-product',
  channel: 'amazon',
  labelKey: 'report.amazonSdAdvertisedProduct',
  periodReport: false,
  // `14 Day Total Sales`: Sponsored Display attributes 14 days and Sponsored Products 7, so neither advertised-product
  // report can be taken for the other. Every copy of the header seen has it (docs/EXPORTS-SOURCES.md).
  requiredHeaders: [
    'campaign name',
    'ad group name',
    'advertised sku',
    'impressions',
    'clicks',
    'spend',
    '14 day total sales',
  ],
  signatureHeaders: [
    'date',
    'start date',
    'end date',
    'currency',
    'bid optimization',
    'advertised asin',
    'click-thru rate (ctr)',
    '14 day detail page views (dpv)',
    'cost per click (cpc)',
    'cost per 1,000 viewable impressions (vcpm)',
    'total advertising cost of sales (acos)',
    'total return on advertising spend (roas)',
    '14 day total orders (#)',
    '14 day total units (#)',
    '14 day total sales',
    '14 day new-to-brand orders (#)',
    'viewable impressions',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const attributed = fourteenDayColumns(sheet);
    readAdRows(sheet, 'sponsoredDisplay', {
      days: classicConsoleDays(sheet),
      campaign: sheet.column('campaign name'),
      adGroup: sheet.column('ad group name'),
      sku: sheet.column('advertised sku'),
      spend: sheet.column('spend'),
      ...attributed,
      clicks: sheet.column('clicks'),
      // Impressions, not viewable impressions: the measure every ad type reports alike.
      impressions: sheet.column('impressions'),
      currency: sheet.column('currency'),
    });
    return sheet.result();
  },
};
