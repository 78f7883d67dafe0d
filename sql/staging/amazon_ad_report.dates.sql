-- The day texts of the classic Ads console's reports (Sponsored Products and Display advertised product, Sponsored
-- Brands campaign) from the staging table {{staging_table}} (Daily: `Date`; Summary: `Start Date`/`End Date`), with
-- each file column's day order: the values decide, else the classic console writes US `M/D/YY` days (sheetReader.ts
-- DOCUMENTED_DAY_ORDER). Month-name days (`Sep 01, 2026`) and `2026/9/1` need no order. A template: exports.ts names
-- it for each of the three reports (stagingScript.ts expandSql).
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
  FROM {{staging_table}}
  GROUP BY source_file
)
SELECT DISTINCT source_file, 'date' AS date_column, COALESCE(`date`, '') AS raw_text, date_order AS day_order
FROM {{staging_table}} JOIN day_orders USING (source_file)
UNION DISTINCT
SELECT DISTINCT source_file, 'start date', COALESCE(start_date, ''), start_order
FROM {{staging_table}} JOIN day_orders USING (source_file)
UNION DISTINCT
SELECT DISTINCT source_file, 'end date', COALESCE(end_date, ''), end_order
FROM {{staging_table}} JOIN day_orders USING (source_file)
