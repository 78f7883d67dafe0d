-- The `Created at` texts of Shopify staging rows with each file's day order (Shopify writes `2024-05-01 10:00:00
-- -0400`: no numeric month/day, so its values decide alone, SPEC §2a), for sql/staging/moments.sql.
WITH day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(created_at) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(created_at) = 'M'),
      'N'
    ) AS created_order
  FROM staging_shopify_orders
  GROUP BY source_file
)
SELECT DISTINCT source_file, 'created at' AS date_column, COALESCE(created_at, '') AS raw_text, created_order AS day_order
FROM staging_shopify_orders JOIN day_orders USING (source_file)
