/**
 * Sponsored Display "Advertised product" report from the classic Ads console (CSV or XLSX): spend and 14-day
 * attributed results per campaign, ad group and advertised SKU, Daily (`Date`) or Summary (`Start Date`/`End Date`).
 * Header as third-party loaders of the downloaded file show it (EXPORTS §2b; sources in docs/EXPORTS-SOURCES.md):
 * no Retailer/Country/Portfolio columns in most copies, `Bid Optimization`, `Viewable Impressions`, vCPM and
 * `14 Day …` results. Like the Sponsored Products report, it is ad spend per SKU (SPEC §2b).
 */
import { classicConsoleDays, fourteenDayColumns } from './adDays';
import { SheetReader } from './sheetReader';
import { OtherMarketLines } from './usMarket';
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
    const days = classicConsoleDays(sheet);
    const attributed = fourteenDayColumns(sheet);
    const campaignColumn = sheet.column('campaign name');
    const adGroupColumn = sheet.column('ad group name');
    const skuColumn = sheet.column('advertised sku');
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
        adProduct: 'sponsoredDisplay' as const,
        date,
        campaign: row.requiredText(campaignColumn),
        adGroup: row.text(adGroupColumn),
        sku: row.requiredText(skuColumn),
        spend: row.moneyOrZero(spendColumn),
        sales: row.moneyOrZero(attributed.sales),
        clicks: row.countOrZero(clicksColumn),
        // Impressions, not viewable impressions: the measure every ad type reports alike.
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
