-- The day texts of Sponsored Display advertised-product staging rows (Daily: `Date`; Summary: `Start Date`/`End Date`)
-- with each file column's day order: the values decide, else the classic console's US `M/D/YY` (sheetReader.ts
-- DOCUMENTED_DAY_ORDER). Month-name days (`Sep 01, 2026`) need no order.
WITH day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(`date`) = 'D'), LOGICAL_OR(kpi_day_order_evidence(`date`) = 'M'), 'M'
    ) AS date_order,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(start_date) = 'D'), LOGICAL_OR(kpi_day_order_evidence(start_date) = 'M'), 'M'
    ) AS start_order,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(end_date) = 'D'), LOGICAL_OR(kpi_day_order_evidence(end_date) = 'M'), 'M'
    ) AS end_order
  FROM staging_amazon_sd_advertised_product
  GROUP BY source_file
)
SELECT DISTINCT source_file, 'date' AS date_column, COALESCE(`date`, '') AS raw_text, date_order AS day_order
FROM staging_amazon_sd_advertised_product JOIN day_orders USING (source_file)
UNION DISTINCT
SELECT DISTINCT source_file, 'start date', COALESCE(start_date, ''), start_order
FROM staging_amazon_sd_advertised_product JOIN day_orders USING (source_file)
UNION DISTINCT
SELECT DISTINCT source_file, 'end date', COALESCE(end_date, ''), end_order
FROM staging_amazon_sd_advertised_product JOIN day_orders USING (source_file)
