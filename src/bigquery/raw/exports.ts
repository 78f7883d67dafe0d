/**
 * The exports the Drive-folder path loads into BigQuery and parses there (issue 15, item 4): the order exports, the
 * classic Ads console's Sponsored Products and Sponsored Display advertised-product reports and Sponsored Brands
 * campaign report, the FBA customer returns report, the Date Range transaction report, the Settlement V2 flat file,
 * Walmart's reconciliation report and Shopify Payments transactions (payments), each with its SQL
 * in sql/staging and the staging columns that SQL reads. Other known exports in the folder are listed as not loaded (a
 * Data Issue), never guessed at.
 */
import { type ReportType } from '../../core/reports';

export type RawExportKind = 'orderLines' | 'adRows' | 'returns' | 'payments';

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
    type: 'amazon-sd-advertised-product',
    sqlName: 'amazon_sd_advertised_product',
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
      'c_14_day_total_sales',
      'c_14_day_total_orders',
      'c_14_day_total_units',
    ],
  },
  {
    type: 'amazon-sb-campaign',
    sqlName: 'amazon_sb_campaign',
    kind: 'adRows',
    columns: [
      'date',
      'start_date',
      'end_date',
      'currency',
      'campaign_name',
      'impressions',
      'clicks',
      'spend',
      'c_14_day_total_sales',
      'c_14_day_total_orders',
      'c_14_day_total_units',
    ],
  },
  {
    type: 'amazon-fba-returns',
    sqlName: 'amazon_fba_returns',
    kind: 'returns',
    columns: ['return_date', 'order_id', 'sku', 'quantity', 'license_plate_number', 'detailed_disposition'],
  },
  {
    type: 'amazon-date-range-transactions',
    sqlName: 'amazon_date_range_transactions',
    kind: 'payments',
    columns: [
      'date_time',
      'settlement_id',
      'type',
      'order_id',
      'sku',
      'description',
      'quantity',
      'marketplace',
      'fulfillment',
      'transaction_status',
      'product_sales',
      'product_sales_tax',
      'shipping_credits',
      'shipping_credits_tax',
      'gift_wrap_credits',
      'giftwrap_credits_tax',
      'regulatory_fee',
      'tax_on_regulatory_fee',
      'promotional_rebates',
      'promotional_rebates_tax',
      'marketplace_withheld_tax',
      'selling_fees',
      'fba_fees',
      'other_transaction_fees',
      'other',
      'total',
      // The 2017 layout's single tax column and the facilitator tax column of some downloads (EXPORTS §6).
      'sales_tax_collected',
      'marketplace_facilitator_tax',
    ],
  },
  {
    // Settlement report V2 flat file: Amazon's fees, refunds and reimbursements per settlement period.
    type: 'amazon-settlement-v2',
    sqlName: 'amazon_settlement_v2',
    kind: 'payments',
    columns: [
      'settlement_id',
      'settlement_start_date',
      'settlement_end_date',
      'total_amount',
      'currency',
      'transaction_type',
      'order_id',
      'merchant_order_id',
      'adjustment_id',
      'shipment_id',
      'marketplace_name',
      'amount_type',
      'amount_description',
      'amount',
      'fulfillment_id',
      'posted_date',
      'posted_date_time',
      'order_item_code',
      'merchant_order_item_id',
      'merchant_adjustment_item_id',
      'sku',
      'quantity_purchased',
      'promotion_id',
    ],
  },
  {
    // Walmart's Payments reconciliation report: fees, refunds and reimbursements by Amount Type.
    type: 'walmart-recon',
    sqlName: 'walmart_recon',
    kind: 'payments',
    columns: [
      'period_start_date',
      'period_end_date',
      'total_payable',
      'currency',
      'transaction_key',
      'transaction_posted_timestamp',
      'transaction_type',
      'transaction_description',
      'customer_order',
      'customer_order_line',
      'purchase_order',
      'purchase_order_line',
      'amount',
      'amount_type',
      'ship_qty',
      'transaction_reason_description',
      'partner_item_id',
    ],
  },
  {
    // Shopify Payments transactions (payouts): the processing fee of each charge, refunds and adjustments.
    type: 'shopify-payouts',
    sqlName: 'shopify_payouts',
    kind: 'payments',
    columns: [
      'transaction_date',
      'type',
      'order',
      'payout_id',
      'checkout',
      'currency',
      'amount',
      'fee',
      'net',
    ],
  },
];

export function rawExportOf(type: ReportType): RawExport | undefined {
  return RAW_EXPORTS.find((rawExport) => rawExport.type === type);
}
