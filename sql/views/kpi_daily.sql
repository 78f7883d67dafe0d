-- Seller KPI: the KPI rows as Looker Studio reads them (kpi_rows: the workbook's KPI Summary, and the Drive folder's
-- rows for the days and channels the workbook does not hold), one row per day × channel × SKU, with its ratios
-- re-derived from the row's own sums (SPEC §1) instead of being stored: ACoS = ad spend / ad sales,
-- TACoS = ad spend / revenue, margin = gross profit / revenue, net margin = net profit / revenue,
-- return rate = returned units / units. SAFE_DIVIDE gives NULL where the KPI Summary leaves the cell blank
-- (a zero denominator, or a profit that is unknown because the SKU has no cost or fees).
SELECT
  date,
  channel,
  sku,
  category,
  owner,
  units,
  orders,
  revenue,
  ad_spend,
  ad_sales,
  ad_clicks,
  ad_impressions,
  returned_units,
  cogs,
  fees,
  fees_estimated,
  gross_profit,
  refunds,
  reimbursements,
  gross_profit_cny,
  net_profit,
  net_profit_cny,
  SAFE_DIVIDE(ad_spend, ad_sales) AS acos,
  SAFE_DIVIDE(ad_spend, revenue) AS tacos,
  SAFE_DIVIDE(gross_profit, revenue) AS margin,
  SAFE_DIVIDE(net_profit, revenue) AS net_margin,
  SAFE_DIVIDE(returned_units, units) AS return_rate,
  -- workbook or drive_folder (kpi_rows.sql); last, so a report built on the earlier columns keeps its fields.
  source
FROM `{{project}}.{{dataset}}.kpi_rows`
