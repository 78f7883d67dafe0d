/**
 * Sponsored Products "Advertised product" report from the Ads console (classic format, CSV or XLSX): spend and
 * attributed results per campaign, ad group and advertised SKU. Daily (`Date`) or Summary (`Start Date`/`End Date`)
 * (EXPORTS §2b). This is the one source of ad spend (SPEC §2 "Ad spend counts once").
 */
import { classicConsoleColumns } from './adDays';
import { SheetReader } from './sheetReader';
import { isUsDollars, OtherMarketLines } from './usMarket';
import { type ReportDefinition } from './types';

export const amazonSpAdvertisedProduct: ReportDefinition = {
  type: 'amazon-sp-advertised-product',
  channel: 'amazon',
  labelKey: 'report.amazonSpAdvertisedProduct',
  periodReport: false,
  requiredHeaders: ['campaign name', 'ad group name', 'advertised sku', 'impressions', 'clicks', 'spend'],
  signatureHeaders: [
    'date',
    'start date',
    'end date',
    'portfolio name',
    'currency',
    'advertised asin',
    'click-thru rate (ctr)',
    'cost per click (cpc)',
    '7 day total sales',
    'total advertising cost of sales (acos)',
    'total return on advertising spend (roas)',
    '7 day total orders (#)',
    '7 day total units (#)',
    '7 day conversion rate',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const columns = classicConsoleColumns(sheet);
    const skuColumn = sheet.column('advertised sku');
    const unitsColumn = sheet.columnStartingWith('7 day total units', '14 day total units');
    const currencyColumn = sheet.column('currency');
    const otherMarkets = new OtherMarketLines(sheet);

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, columns.campaign);
      const date = columns.days.dayOf(row);
      if (date === null) continue;
      const campaign = row.requiredText(columns.campaign);
      const sku = row.requiredText(skuColumn);
      const fact = {
        kind: 'ad' as const,
        channel: 'amazon' as const,
        adProduct: 'sponsoredProducts' as const,
        date,
        campaign,
        adGroup: row.text(columns.adGroup),
        sku,
        spend: row.moneyOrZero(columns.spend),
        sales: row.moneyOrZero(columns.sales),
        clicks: row.countOrZero(columns.clicks),
        impressions: row.countOrZero(columns.impressions),
        orders: row.countOrZero(columns.orders),
        units: row.countOrZero(unitsColumn),
        source: sheet.sourceOf(dataRow),
      };
      if (row.failed) continue;
      // An Ads account can hold other countries' profiles; their spend is not dollars of the US store (SPEC §2a).
      const currency = row.text(currencyColumn);
      if (!isUsDollars(currency)) otherMarkets.leaveOut(currency.toUpperCase(), fact.spend);
      else sheet.addFact(fact);
    }
    columns.days.finish();
    otherMarkets.finish();
    return sheet.result();
  },
};
