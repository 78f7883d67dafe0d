-- The `Created Time` texts of TikTok Shop staging rows with each file's day order: the values decide (SEA files'
-- `25/06/2026` are day-first), else the US file's `03/01/2026 10:00:00 AM` is month first (EXPORTS §8 quirk 4).
WITH day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(created_time) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(created_time) = 'M'),
      'M'
    ) AS created_order
  FROM staging_tiktok_orders
  GROUP BY source_file
)
SELECT DISTINCT source_file, 'created time' AS date_column, COALESCE(created_time, '') AS raw_text, created_order AS day_order
FROM staging_tiktok_orders JOIN day_orders USING (source_file)
