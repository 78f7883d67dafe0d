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
import amazonSbCampaignUnified from '../../../sql/staging/amazon_sb_campaign_unified.sql';
import amazonSbCampaign from '../../../sql/staging/amazon_sb_campaign.sql';
import amazonAdReportDates from '../../../sql/staging/amazon_ad_report.dates.sql';
import amazonAdReportUnifiedDates from '../../../sql/staging/amazon_ad_report_unified.dates.sql';
import amazonAdDaysUnified from '../../../sql/staging/amazon_ad_days_unified.part.sql';
import amazonAdMeasures from '../../../sql/staging/amazon_ad_measures.part.sql';
import amazonAdMeasuresUnified from '../../../sql/staging/amazon_ad_measures_unified.part.sql';
import amazonAdMoments from '../../../sql/staging/amazon_ad_moments.part.sql';
import amazonAdMomentsUnified from '../../../sql/staging/amazon_ad_moments_unified.part.sql';
import amazonAdSpendSplit from '../../../sql/staging/amazon_ad_spend_split.part.sql';
import amazonAdvertisedProduct from '../../../sql/staging/amazon_advertised_product.sql';
import amazonAdvertisedProductUnified from '../../../sql/staging/amazon_advertised_product_unified.sql';
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
  'amazon_sb_campaign_unified.sql': amazonSbCampaignUnified,
  'amazon_sb_campaign.sql': amazonSbCampaign,
  // The templates of the Ads reports that share a layout (exports.ts `sql`).
  'amazon_advertised_product.sql': amazonAdvertisedProduct,
  'amazon_advertised_product_unified.sql': amazonAdvertisedProductUnified,
  'amazon_ad_report.dates.sql': amazonAdReportDates,
  'amazon_ad_report_unified.dates.sql': amazonAdReportUnifiedDates,
  // Pieces the Ads parses include (`{{include …}}`, stagingScript.ts expandSql).
  'amazon_ad_spend_split.part.sql': amazonAdSpendSplit,
  'amazon_ad_measures.part.sql': amazonAdMeasures,
  'amazon_ad_moments.part.sql': amazonAdMoments,
  'amazon_ad_measures_unified.part.sql': amazonAdMeasuresUnified,
  'amazon_ad_moments_unified.part.sql': amazonAdMomentsUnified,
  'amazon_ad_days_unified.part.sql': amazonAdDaysUnified,
  'order_line_winners.sql': orderLineWinners,
  'payments_line_winners.sql': paymentsLineWinners,
  'date_range_coverage.sql': dateRangeCoverage,
  'payments_coverage.sql': paymentsCoverage,
  'return_winners.sql': returnWinners,
  'ad_row_winners.sql': adRowWinners,
  'raw_kpi_summary.sql': rawKpiSummary,
};
