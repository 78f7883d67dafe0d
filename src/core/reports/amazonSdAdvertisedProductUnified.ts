/**
 * Sponsored Display in the unified-reporting "Advertised product" report of the Amazon Ads console (2025/26): the
 * Sponsored Products layout (EXPORTS §2c: sentence-case names, `Date` or one `Date range` cell, ids as `="…"`, money
 * without `$`, `Total cost`/`Sales`/`Purchases`/`Units sold` with no attribution window in the names) plus
 * `Viewable impressions`, the measure only display ads have.
 *
 * UNCONFIRMED (docs/EXPORTS-SOURCES.md): no public copy of a Sponsored Display download from the unified console was
 * found. A file without `Viewable impressions` is read by the Sponsored Products unified reader instead, into the same
 * per-SKU facts, so Sponsored Display spend counts either way; only the report's name in the sidebar differs.
 */
import {
  UNIFIED_ADVERTISED_PRODUCT_SIGNATURE,
  unifiedAdvertisedProductParse,
} from './amazonSpAdvertisedProductUnified';
import { type ReportDefinition } from './types';

export const amazonSdAdvertisedProductUnified: ReportDefinition = {
  type: 'amazon-sd-advertised-product-unified',
  channel: 'amazon',
  labelKey: 'report.amazonSdAdvertisedProductUnified',
  periodReport: false,
  requiredHeaders: [
    'campaign name',
    'ad group name',
    'advertised product sku',
    'impressions',
    'viewable impressions',
    'clicks',
    'total cost',
  ],
  // The Sponsored Products unified signature and the display-only column: on any sheet that has both, this report
  // scores at least as high and, with one more required header, wins the tie.
  signatureHeaders: [...UNIFIED_ADVERTISED_PRODUCT_SIGNATURE, 'viewable impressions'],
  // The Sponsored Products layout and parse: only the ad product its rows are differs. `Sales`/`Purchases` are the
  // totals (promoted + halo); for display ads they include view-through purchases.
  parse: unifiedAdvertisedProductParse('sponsoredDisplay'),
};
