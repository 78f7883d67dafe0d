/**
 * The exports the Drive-folder path loads into BigQuery and parses there (issue 15, item 4): the order exports, the
 * classic Ads console's Sponsored Products and Sponsored Display advertised-product reports and Sponsored Brands
 * campaign report, the FBA customer returns report, the Date Range transaction report, the Settlement V2 flat file,
 * Walmart's reconciliation report, TikTok Shop's settlement export and Shopify Payments transactions (payments), each with its SQL
 * in sql/staging and the staging columns that SQL reads. Other known exports in the folder are listed as not loaded (a
 * Data Issue), never guessed at.
 */
import { type AdProduct } from '../../core/model';
import { type ReportType } from '../../core/reports';

export type RawExportKind = 'orderLines' | 'adRows' | 'returns' | 'payments';

export interface RawExport {
  type: ReportType;
  /**
   * Base name of its staging table (`staging_<sqlName>`), of its parsed rows (`parsed_<sqlName>`) and, unless `sql`
   * names shared ones, of its files in sql/staging (`<sqlName>.sql`, `<sqlName>.dates.sql`).
   */
  sqlName: string;
  kind: RawExportKind;
  /** Staging columns the SQL reads (stagingColumns.ts names); a file without one gets it as NULL. */
  columns: readonly string[];
  /**
   * Reports of one layout share one parse: the template files of sql/staging it is read with and the values of their
   * `{{name}}` parameters. `{{staging_table}}` is always the export's own staging table and is not listed here
   * (stagingScript.ts expandSql).
   */
  sql?: {
    /** The parse (default `<sqlName>.sql`). */
    parse?: string;
    /** The day texts moments.sql reads (default `<sqlName>.dates.sql`). */
    dates?: string;
    parameters?: Readonly<Record<string, string>>;
  };
}

/** The classic Ads console's day texts (`Date`, or a Summary's `Start Date`/`End Date`): one file for its three reports. */
const CLASSIC_AD_DATES = 'amazon_ad_report.dates.sql';
/** The unified Ads console's day texts (`Date`, or a `Date range` cell): one file for its three reports. */
const UNIFIED_AD_DATES = 'amazon_ad_report_unified.dates.sql';

/**
 * The classic advertised-product reports (Sponsored Products, Sponsored Display): one layout but for the attribution
 * window of their total measures (7 days for Products, 14 for Display: EXPORTS §2b), one parse.
 */
function classicAdvertisedProduct(
  type: ReportType,
  sqlName: string,
  parameters: { adProduct: AdProduct; attributionDays: 7 | 14; headerCampaignNames: string },
): RawExport {
  const days = parameters.attributionDays;
  return {
    type,
    sqlName,
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
      `c_${days}_day_total_sales`,
      `c_${days}_day_total_orders`,
      `c_${days}_day_total_units`,
    ],
    sql: {
      parse: 'amazon_advertised_product.sql',
      dates: CLASSIC_AD_DATES,
      parameters: {
        ad_product: parameters.adProduct,
        attribution_days: String(days),
        header_campaign_names: parameters.headerCampaignNames,
      },
    },
  };
}

/** The unified console's advertised-product downloads (Sponsored Products, Sponsored Display): one layout, one parse. */
function unifiedAdvertisedProduct(type: ReportType, sqlName: string, adProduct: AdProduct): RawExport {
  return {
    type,
    sqlName,
    kind: 'adRows',
    columns: [
      'date',
      'date_range',
      'budget_currency',
      'campaign_name',
      'ad_group_name',
      'advertised_product_sku',
      'impressions',
      'clicks',
      'total_cost',
      'sales',
      'purchases',
      'units_sold',
    ],
    sql: {
      parse: 'amazon_advertised_product_unified.sql',
      dates: UNIFIED_AD_DATES,
      parameters: { ad_product: adProduct },
    },
  };
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
  // The Sponsored Products report is also downloaded with Chinese labels: its repeated header row may be either.
  classicAdvertisedProduct('amazon-sp-advertised-product', 'amazon_sp_advertised_product', {
    adProduct: 'sponsoredProducts',
    attributionDays: 7,
    headerCampaignNames: "'campaign name', '广告活动名称'",
  }),
  classicAdvertisedProduct('amazon-sd-advertised-product', 'amazon_sd_advertised_product', {
    adProduct: 'sponsoredDisplay',
    attributionDays: 14,
    headerCampaignNames: "'campaign name'",
  }),
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
    // Its measures are read as the advertised-product reports' (amazon_ad_measures.part.sql), 14-day totals.
    sql: { dates: CLASSIC_AD_DATES, parameters: { attribution_days: '14' } },
  },
  unifiedAdvertisedProduct(
    'amazon-sp-advertised-product-unified',
    'amazon_sp_advertised_product_unified',
    'sponsoredProducts',
  ),
  unifiedAdvertisedProduct(
    'amazon-sd-advertised-product-unified',
    'amazon_sd_advertised_product_unified',
    'sponsoredDisplay',
  ),
  {
    // The unified Ads console's campaign report, read for its Sponsored Brands rows.
    type: 'amazon-sb-campaign-unified',
    sqlName: 'amazon_sb_campaign_unified',
    kind: 'adRows',
    columns: [
      'date',
      'date_range',
      'budget_currency',
      'campaign_name',
      'ad_product',
      'impressions',
      'clicks',
      'total_cost',
      'sales',
      'purchases',
      'units_sold',
    ],
    sql: { dates: UNIFIED_AD_DATES },
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
    // TikTok Shop's income / settlement export: fees, refunds and adjustments per settled order (no SKU).
    type: 'tiktok-settlement',
    sqlName: 'tiktok_settlement',
    kind: 'payments',
    columns: [
      'order_adjustment_id',
      'type',
      'transaction_type',
      'order_settled_time',
      'currency',
      'total_settlement_amount',
      'total_revenue',
      'subtotal_before_discounts',
      'seller_discounts',
      'refund_subtotal_after_seller_discounts',
      'customer_paid_shipping_fee',
      'total_fees',
      'transaction_fee',
      'tiktok_shop_commission_fee',
      'referral_fee',
      'sales_tax_on_referral_fees',
      'seller_shipping_fee',
      'affiliate_commission',
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
