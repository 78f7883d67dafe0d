-- Seller KPI: every KPI row the other views and Looker Studio read, one per day × channel × SKU, and where it came
-- from (`source`): the workbook's KPI Summary (kpi_summary, loaded after each build) and the KPI rows BigQuery
-- computed from the Drive folder's export files (raw_kpi_summary, sql/staging/raw_kpi_summary.sql).
-- Precedence, so that nothing is counted twice when a seller both pastes a month and drops its file in the folder:
-- for each day × channel the KPI Summary holds any row of, its rows stand and the folder's rows of that day and
-- channel are left out. The workbook has the full model (refunds, payments fees, returns, reimbursements); the folder
-- serves every other day × channel. A day is the workbook's for a channel as a whole: a day × channel whose only
-- workbook rows are, say, a settlement's fees shows those rows and not the folder's sales.
WITH workbook_days AS (
  SELECT DISTINCT date, channel FROM `{{project}}.{{dataset}}.kpi_summary`
)
SELECT
  date, channel, sku, category, owner, units, orders, revenue, ad_spend, ad_sales, ad_clicks, ad_impressions,
  returned_units, cogs, fees, fees_estimated, gross_profit, refunds, reimbursements, gross_profit_cny, net_profit,
  net_profit_cny, 'workbook' AS source
FROM `{{project}}.{{dataset}}.kpi_summary`
UNION ALL
SELECT
  r.date, r.channel, r.sku, r.category, r.owner, r.units, r.orders, r.revenue, r.ad_spend, r.ad_sales, r.ad_clicks,
  r.ad_impressions, r.returned_units, r.cogs, r.fees, r.fees_estimated, r.gross_profit, r.refunds, r.reimbursements,
  r.gross_profit_cny, r.net_profit, r.net_profit_cny, 'drive_folder' AS source
FROM `{{project}}.{{dataset}}.raw_kpi_summary` AS r
LEFT JOIN workbook_days AS w ON w.date = r.date AND w.channel = r.channel
WHERE w.channel IS NULL
