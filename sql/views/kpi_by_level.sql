-- Seller KPI: totals by {{level}} for each day, week (Monday to Sunday) and month, with the ratios re-derived from
-- the sums, never averaged (SPEC §1), as the add-on's targets and dashboard derive them (src/core/targets/metrics.ts):
-- margin and net margin divide by the revenue of the rows whose profit is known, so a SKU without costs does not
-- dilute them; profit is NULL when no row has it. `sku_orders` adds each row's orders: an order of two SKUs counts
-- on both rows, so it is not the number of distinct orders.
-- Over kpi_rows: the workbook's KPI Summary and the Drive folder's rows for the days and channels it does not hold.
-- One file for every level: {{level}} is channel, category or owner, each its own view kpi_by_{{level}} (views.ts).
WITH periods AS (
  SELECT 'day' AS grain, date AS period_start, * FROM `{{project}}.{{dataset}}.kpi_rows`
  UNION ALL
  SELECT 'week' AS grain, DATE_TRUNC(date, WEEK(MONDAY)) AS period_start, * FROM `{{project}}.{{dataset}}.kpi_rows`
  UNION ALL
  SELECT 'month' AS grain, DATE_TRUNC(date, MONTH) AS period_start, * FROM `{{project}}.{{dataset}}.kpi_rows`
)
SELECT
  grain,
  period_start,
  {{level}},
  SUM(units) AS units,
  SUM(orders) AS sku_orders,
  SUM(revenue) AS revenue,
  SUM(ad_spend) AS ad_spend,
  SUM(ad_sales) AS ad_sales,
  SUM(ad_clicks) AS ad_clicks,
  SUM(ad_impressions) AS ad_impressions,
  SUM(returned_units) AS returned_units,
  SUM(cogs) AS cogs,
  SUM(fees) AS fees,
  SUM(refunds) AS refunds,
  SUM(reimbursements) AS reimbursements,
  SUM(gross_profit) AS gross_profit,
  SUM(net_profit) AS net_profit,
  SUM(gross_profit_cny) AS gross_profit_cny,
  SUM(net_profit_cny) AS net_profit_cny,
  SUM(CASE WHEN gross_profit IS NULL THEN NULL ELSE revenue END) AS revenue_with_profit,
  SAFE_DIVIDE(SUM(ad_spend), SUM(ad_sales)) AS acos,
  SAFE_DIVIDE(SUM(ad_spend), SUM(revenue)) AS tacos,
  SAFE_DIVIDE(SUM(gross_profit), SUM(CASE WHEN gross_profit IS NULL THEN NULL ELSE revenue END)) AS margin,
  SAFE_DIVIDE(SUM(net_profit), SUM(CASE WHEN gross_profit IS NULL THEN NULL ELSE revenue END)) AS net_margin,
  SAFE_DIVIDE(SUM(returned_units), SUM(units)) AS return_rate
FROM periods
GROUP BY grain, period_start, {{level}}
