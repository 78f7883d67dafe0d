-- The `date/time` texts of Date Range transaction report staging rows with each file's day order (`Jun 8, 2025
-- 10:23:05 PM PDT` names its month; a numeric `6/8/25` is month first, as the report is documented to write it:
-- DOCUMENTED_DAY_ORDER of src/core/reports/sheetReader.ts), for sql/staging/moments.sql.
WITH day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(date_time) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(date_time) = 'M'),
      'M'
    ) AS posted_order
  FROM staging_amazon_date_range_transactions
  GROUP BY source_file
)
SELECT DISTINCT source_file, 'date/time' AS date_column, COALESCE(date_time, '') AS raw_text, posted_order AS day_order
FROM staging_amazon_date_range_transactions JOIN day_orders USING (source_file)
