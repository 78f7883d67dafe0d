/**
 * The unified-reporting "Advertised product" report of the Amazon Ads console (2025/26): sentence-case names, one
 * `Date range` cell, ids guarded as `="…"`, money without `$`, no attribution window in the names (EXPORTS §2c).
 * `Sales`/`Purchases`/`Units sold` are the totals (promoted + halo), the same measures as the classic report's
 * 7 Day Total columns.
 */
import { AdDays } from './adDays';
import { SheetReader } from './sheetReader';
import { OtherMarketLines } from './usMarket';
import { type AdProduct } from '../model';
import { type ReportDefinition } from './types';

/** The unified advertised-product report's typical columns (beyond the required ones). */
export const UNIFIED_ADVERTISED_PRODUCT_SIGNATURE: readonly string[] = [
  'budget currency',

  'date range',
  'advertiser account id',
  'portfolio name',
  'campaign id',
  'ad group id',
  'advertised product id',
  'advertised product name',
  'advertised product marketplace',
  'ctr',
  'purchases',
  'sales',
  'units sold',
  'roas',
  'purchases (promoted)',
  'sales (halo)',
];

export const amazonSpAdvertisedProductUnified: ReportDefinition = {
  type: 'amazon-sp-advertised-product-unified',
  channel: 'amazon',
  labelKey: 'report.amazonSpAdvertisedProductUnified',
  periodReport: false,
  requiredHeaders: [
    'campaign name',
    'ad group name',
    'advertised product sku',
    'impressions',
    'clicks',
    'total cost',
  ],
  signatureHeaders: [...UNIFIED_ADVERTISED_PRODUCT_SIGNATURE],
  parse: unifiedAdvertisedProductParse('sponsoredProducts'),
};

/**
 * The unified console's advertised-product parse, shared by Sponsored Products and Sponsored Display: the two
 * downloads have one layout (Display adds `Viewable impressions`, which no measure here needs) and differ only in the
 * ad product their rows are.
 */
export function unifiedAdvertisedProductParse(adProduct: AdProduct): ReportDefinition['parse'] {
  return (rows, detection, context) => {
    const sheet = new SheetReader(rows, detection, context);
    const days = new AdDays(sheet, {
      date: sheet.column('date'),
      start: -1,
      end: -1,
      range: sheet.column('date range'),
    });
    const campaignColumn = sheet.column('campaign name');
    const adGroupColumn = sheet.column('ad group name');
    const skuColumn = sheet.column('advertised product sku');
    const spendColumn = sheet.column('total cost');
    const salesColumn = sheet.column('sales');
    const ordersColumn = sheet.column('purchases');
    const unitsColumn = sheet.column('units sold');
    const clicksColumn = sheet.column('clicks');
    const impressionsColumn = sheet.column('impressions');
    const currencyColumn = sheet.column('budget currency');
    const otherMarkets = new OtherMarketLines(sheet);

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, campaignColumn);
      const date = days.dayOf(row);
      if (date === null) continue;
      const fact = {
        kind: 'ad' as const,
        channel: 'amazon' as const,
        adProduct,
        date,
        campaign: row.requiredText(campaignColumn),
        adGroup: row.text(adGroupColumn),
        sku: row.requiredText(skuColumn),
        spend: row.moneyOrZero(spendColumn),
        sales: row.moneyOrZero(salesColumn),
        clicks: row.countOrZero(clicksColumn),
        impressions: row.countOrZero(impressionsColumn),
        orders: row.countOrZero(ordersColumn),
        units: row.countOrZero(unitsColumn),
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
  };
}
