/** The files of sql/staging, bundled as their text (scripts/build.ts loads `.sql` files as strings, src/bigquery/sql.d.ts). */
import adRowWinners from '../../../sql/staging/ad_row_winners.sql';
import amazonAllOrdersDates from '../../../sql/staging/amazon_all_orders.dates.sql';
import amazonAllOrders from '../../../sql/staging/amazon_all_orders.sql';
import amazonDateRangeDates from '../../../sql/staging/amazon_date_range_transactions.dates.sql';
import amazonDateRange from '../../../sql/staging/amazon_date_range_transactions.sql';
import amazonSettlementV2Dates from '../../../sql/staging/amazon_settlement_v2.dates.sql';
import amazonSettlementV2 from '../../../sql/staging/amazon_settlement_v2.sql';
import amazonFbaReturnsDates from '../../../sql/staging/amazon_fba_returns.dates.sql';
import amazonFbaReturns from '../../../sql/staging/amazon_fba_returns.sql';
import amazonSbCampaignDates from '../../../sql/staging/amazon_sb_campaign.dates.sql';
import amazonSbCampaignUnifiedDates from '../../../sql/staging/amazon_sb_campaign_unified.dates.sql';
import amazonSbCampaignUnified from '../../../sql/staging/amazon_sb_campaign_unified.sql';
import amazonSbCampaign from '../../../sql/staging/amazon_sb_campaign.sql';
import amazonSdDates from '../../../sql/staging/amazon_sd_advertised_product.dates.sql';
import amazonSd from '../../../sql/staging/amazon_sd_advertised_product.sql';
import amazonSdUnifiedDates from '../../../sql/staging/amazon_sd_advertised_product_unified.dates.sql';
import amazonSdUnified from '../../../sql/staging/amazon_sd_advertised_product_unified.sql';
import amazonSpUnifiedDates from '../../../sql/staging/amazon_sp_advertised_product_unified.dates.sql';
import amazonSpUnified from '../../../sql/staging/amazon_sp_advertised_product_unified.sql';
import amazonSpDates from '../../../sql/staging/amazon_sp_advertised_product.dates.sql';
import amazonSp from '../../../sql/staging/amazon_sp_advertised_product.sql';
import functions from '../../../sql/staging/functions.sql';
import moments from '../../../sql/staging/moments.sql';
import orderLineWinners from '../../../sql/staging/order_line_winners.sql';
import dateRangeCoverage from '../../../sql/staging/date_range_coverage.sql';
import paymentsCoverage from '../../../sql/staging/payments_coverage.sql';
import paymentsLineWinners from '../../../sql/staging/payments_line_winners.sql';
import rawKpiSummary from '../../../sql/staging/raw_kpi_summary.sql';
import returnWinners from '../../../sql/staging/return_winners.sql';
import shopifyOrdersDates from '../../../sql/staging/shopify_orders.dates.sql';
import shopifyOrders from '../../../sql/staging/shopify_orders.sql';
import shopifyPayoutsDates from '../../../sql/staging/shopify_payouts.dates.sql';
import shopifyPayouts from '../../../sql/staging/shopify_payouts.sql';
import tiktokSettlementDates from '../../../sql/staging/tiktok_settlement.dates.sql';
import tiktokSettlement from '../../../sql/staging/tiktok_settlement.sql';
import tiktokOrdersDates from '../../../sql/staging/tiktok_orders.dates.sql';
import tiktokOrders from '../../../sql/staging/tiktok_orders.sql';
import walmartReconDates from '../../../sql/staging/walmart_recon.dates.sql';
import walmartRecon from '../../../sql/staging/walmart_recon.sql';
import walmartOrdersDates from '../../../sql/staging/walmart_orders.dates.sql';
import walmartOrders from '../../../sql/staging/walmart_orders.sql';

export const STAGING_SQL: Readonly<Record<string, string>> = {
  'functions.sql': functions,
  'moments.sql': moments,
  'amazon_all_orders.sql': amazonAllOrders,
  'amazon_all_orders.dates.sql': amazonAllOrdersDates,
  'shopify_orders.sql': shopifyOrders,
  'shopify_orders.dates.sql': shopifyOrdersDates,
  'walmart_orders.sql': walmartOrders,
  'walmart_orders.dates.sql': walmartOrdersDates,
  'tiktok_orders.sql': tiktokOrders,
  'tiktok_orders.dates.sql': tiktokOrdersDates,
  'amazon_sp_advertised_product.sql': amazonSp,
  'amazon_sp_advertised_product.dates.sql': amazonSpDates,
  'amazon_fba_returns.sql': amazonFbaReturns,
  'amazon_fba_returns.dates.sql': amazonFbaReturnsDates,
  'amazon_date_range_transactions.sql': amazonDateRange,
  'amazon_date_range_transactions.dates.sql': amazonDateRangeDates,
  'amazon_settlement_v2.sql': amazonSettlementV2,
  'amazon_settlement_v2.dates.sql': amazonSettlementV2Dates,
  'walmart_recon.sql': walmartRecon,
  'walmart_recon.dates.sql': walmartReconDates,
  'tiktok_settlement.sql': tiktokSettlement,
  'tiktok_settlement.dates.sql': tiktokSettlementDates,
  'shopify_payouts.sql': shopifyPayouts,
  'shopify_payouts.dates.sql': shopifyPayoutsDates,
  'amazon_sd_advertised_product.sql': amazonSd,
  'amazon_sd_advertised_product.dates.sql': amazonSdDates,
  'amazon_sp_advertised_product_unified.sql': amazonSpUnified,
  'amazon_sp_advertised_product_unified.dates.sql': amazonSpUnifiedDates,
  'amazon_sd_advertised_product_unified.sql': amazonSdUnified,
  'amazon_sd_advertised_product_unified.dates.sql': amazonSdUnifiedDates,
  'amazon_sb_campaign_unified.sql': amazonSbCampaignUnified,
  'amazon_sb_campaign_unified.dates.sql': amazonSbCampaignUnifiedDates,
  'amazon_sb_campaign.sql': amazonSbCampaign,
  'amazon_sb_campaign.dates.sql': amazonSbCampaignDates,
  'order_line_winners.sql': orderLineWinners,
  'payments_line_winners.sql': paymentsLineWinners,
  'date_range_coverage.sql': dateRangeCoverage,
  'payments_coverage.sql': paymentsCoverage,
  'return_winners.sql': returnWinners,
  'ad_row_winners.sql': adRowWinners,
  'raw_kpi_summary.sql': rawKpiSummary,
};
