/**
 * The unified-reporting "Advertised product" report of the Amazon Ads console (2025/26): sentence-case names, one
 * `Date range` cell, ids guarded as `="…"`, money without `$`, no attribution window in the names (EXPORTS §2c).
 * `Sales`/`Purchases`/`Units sold` are the totals (promoted + halo), the same measures as the classic report's
 * 7 Day Total columns.
 */
import { AdDays, readAdRows } from './adDays';
import { SheetReader } from './sheetReader';
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
    readAdRows(sheet, adProduct, {
      days,
      campaign: sheet.column('campaign name'),
      adGroup: sheet.column('ad group name'),
      sku: sheet.column('advertised product sku'),
      spend: sheet.column('total cost'),
      sales: sheet.column('sales'),
      orders: sheet.column('purchases'),
      units: sheet.column('units sold'),
      clicks: sheet.column('clicks'),
      impressions: sheet.column('impressions'),
      currency: sheet.column('budget currency'),
    });
    return sheet.result();
  };
}
