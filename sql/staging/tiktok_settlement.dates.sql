-- The `Order settled time` texts of TikTok Shop settlement staging rows with each file's day order (`2026/03/03`:
-- year first, so no numeric month/day order is documented and the values decide, as DOCUMENTED_DAY_ORDER of
-- src/core/reports/sheetReader.ts leaves this export), for sql/staging/moments.sql.
WITH day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(order_settled_time) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(order_settled_time) = 'M'),
      'N'
    ) AS settled_order
  FROM staging_tiktok_settlement
  GROUP BY source_file
)
SELECT DISTINCT
  source_file, 'order settled time' AS date_column, COALESCE(order_settled_time, '') AS raw_text,
  settled_order AS day_order
FROM staging_tiktok_settlement JOIN day_orders USING (source_file)
