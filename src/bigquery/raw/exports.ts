/**
 * The exports the Drive-folder path loads into BigQuery and parses there (issue 15, item 4): the order exports, the
 * Sponsored Products advertised-product report and the FBA customer returns report, each with its SQL in sql/staging
 * and the staging columns that SQL reads. Other known exports in the folder are listed as not loaded (a Data Issue),
 * never guessed at.
 */
import { type ReportType } from '../../core/reports';

export type RawExportKind = 'orderLines' | 'adRows' | 'returns';

export interface RawExport {
  type: ReportType;
  /** Base name of its files in sql/staging (`<sqlName>.sql`, `<sqlName>.dates.sql`) and of its staging table. */
  sqlName: string;
  kind: RawExportKind;
  /** Staging columns the SQL reads (stagingColumns.ts names); a file without one gets it as NULL. */
  columns: readonly string[];
}

export const RAW_EXPORTS: readonly RawExport[] = [
  {
    type: 'amazon-all-orders',
    sqlName: 'amazon_all_orders',
    kind: 'orderLines',
    columns: [
      'amazon_order_id',
      'sku',
      'purchase_date',
      'last_updated_date',
      'order_status',
      'item_status',
      'sales_channel',
      'quantity',
      'currency',
      'item_price',
      'item_promotion_discount',
    ],
  },
  {
    type: 'shopify-orders',
    sqlName: 'shopify_orders',
    kind: 'orderLines',
    columns: [
      'name',
      'created_at',
      'financial_status',
      'cancelled_at',
      'currency',
      'lineitem_quantity',
      'lineitem_price',
      'lineitem_discount',
      'lineitem_sku',
    ],
  },
  {
    type: 'walmart-orders',
    sqlName: 'walmart_orders',
    kind: 'orderLines',
    columns: ['po', 'line', 'order_date', 'status', 'qty', 'sku', 'item_cost'],
  },
  {
    type: 'tiktok-orders',
    sqlName: 'tiktok_orders',
    kind: 'orderLines',
    columns: [
      'order_id',
      'order_status',
      'sku_id',
      'seller_sku',
      'quantity',
      'sku_subtotal_before_discount',
      'sku_seller_discount',
      'sku_platform_discount',
      'sku_subtotal_after_discount',
      'created_time',
    ],
  },
  {
    type: 'amazon-sp-advertised-product',
    sqlName: 'amazon_sp_advertised_product',
    kind: 'adRows',
    columns: [
      'date',
      'start_date',
      'end_date',
      'currency',
      'campaign_name',
      'ad_group_name',
      'advertised_sku',
      'impressions',
      'clicks',
      'spend',
      'c_7_day_total_sales',
      'c_7_day_total_orders',
      'c_7_day_total_units',
    ],
  },
  {
    type: 'amazon-fba-returns',
    sqlName: 'amazon_fba_returns',
    kind: 'returns',
    columns: ['return_date', 'order_id', 'sku', 'quantity', 'license_plate_number', 'detailed_disposition'],
  },
];

export function rawExportOf(type: ReportType): RawExport | undefined {
  return RAW_EXPORTS.find((rawExport) => rawExport.type === type);
}
