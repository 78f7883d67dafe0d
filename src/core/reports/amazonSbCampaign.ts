/**
 * Sponsored Brands "Campaign" report from the classic Ads console (CSV or XLSX): spend and 14-day attributed results
 * per campaign, Daily (`Date`) or Summary (`Start Date`/`End Date`). Header as third-party loaders of the downloaded
 * file show it (EXPORTS §2b; sources in docs/EXPORTS-SOURCES.md). A Sponsored Brands ad shows several products, so the
 * report has no SKU and no ad group: its spend belongs on the channel's row with an empty SKU (SPEC §2b).
 */
import { classicConsoleDays, fourteenDayColumns, readAdRows } from './adDays';
import { leftOutAsSpendSplit } from './amazonSbBreakdown';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

export const amazonSbCampaign: ReportDefinition = {
  type: 'amazon-sb-campaign',
  channel: 'amazon',
  labelKey: 'report.amazonSbCampaign',
  periodReport: false,
  // `14 Day Total Sales` keeps out the Sponsored Products campaign report (7 days), whose spend the advertised-product
  // report already gives per SKU.
  requiredHeaders: ['campaign name', 'impressions', 'clicks', 'spend', '14 day total sales'],
  signatureHeaders: [
    'date',
    'start date',
    'end date',
    'portfolio name',
    'currency',
    'cost type',
    'country',
    'click-thru rate (ctr)',
    'cost per click (cpc)',
    'total advertising cost of sales (acos)',
    'total return on advertising spend (roas)',
    '14 day total orders (#)',
    '14 day total units (#)',
    '14 day conversion rate',
    'viewable impressions',
    'cost per 1,000 viewable impressions (vcpm)',
    '14 day branded searches',
    '14 day detail page views (dpv)',
    '14 day new-to-brand orders (#)',
    'video complete views',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    if (leftOutAsSpendSplit(sheet)) return sheet.result();
    readAdRows(sheet, 'sponsoredBrands', {
      days: classicConsoleDays(sheet),
      campaign: sheet.column('campaign name'),
      // No ad group and no SKU: the summary keys the row by date + campaign and puts it on the channel row.
      adGroup: -1,
      sku: null,
      spend: sheet.column('spend'),
      ...fourteenDayColumns(sheet),
      clicks: sheet.column('clicks'),
      impressions: sheet.column('impressions'),
      currency: sheet.column('currency'),
    });
    return sheet.result();
  },
};
