/**
 * Sponsored Brands "Campaign" report from the classic Ads console (CSV or XLSX): spend and 14-day attributed results
 * per campaign, Daily (`Date`) or Summary (`Start Date`/`End Date`). Header as third-party loaders of the downloaded
 * file show it (EXPORTS §2b; sources in docs/EXPORTS-SOURCES.md). A Sponsored Brands ad shows several products, so the
 * report has no SKU and no ad group: its spend belongs on the channel's row with an empty SKU (SPEC §2b).
 */
import { classicConsoleDays, fourteenDayColumns } from './adDays';
import { leftOutAsSpendSplit } from './amazonSbBreakdown';
import { SheetReader } from './sheetReader';
import { OtherMarketLines } from './usMarket';
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
    const days = classicConsoleDays(sheet);
    const attributed = fourteenDayColumns(sheet);
    const campaignColumn = sheet.column('campaign name');
    const spendColumn = sheet.column('spend');
    const clicksColumn = sheet.column('clicks');
    const impressionsColumn = sheet.column('impressions');
    const currencyColumn = sheet.column('currency');
    const otherMarkets = new OtherMarketLines(sheet);

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, campaignColumn);
      const date = days.dayOf(row);
      if (date === null) continue;
      const fact = {
        kind: 'ad' as const,
        channel: 'amazon' as const,
        adProduct: 'sponsoredBrands' as const,
        date,
        campaign: row.requiredText(campaignColumn),
        // No ad group and no SKU: the summary keys the row by date + campaign and puts it on the channel row.
        adGroup: '',
        sku: '',
        spend: row.moneyOrZero(spendColumn),
        sales: row.moneyOrZero(attributed.sales),
        clicks: row.countOrZero(clicksColumn),
        impressions: row.countOrZero(impressionsColumn),
        orders: row.countOrZero(attributed.orders),
        units: row.countOrZero(attributed.units),
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      };
      if (row.failed) continue;
      // An Ads account can hold other countries' profiles; their spend is not dollars of the US store (SPEC §2a).
      if (otherMarkets.admitsUsDollars(row.text(currencyColumn), fact.spend)) sheet.addFact(fact);
    }
    days.finish();
    otherMarkets.finish();
    return sheet.result();
  },
};
