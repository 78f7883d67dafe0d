-- The `Order Date` texts of Walmart staging rows with each file's day order: the values decide, else Walmart's
-- US-only Seller Center writes month first, `4/29/2026` (EXPORTS §8; sheetReader.ts DOCUMENTED_DAY_ORDER).
WITH day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(order_date) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(order_date) = 'M'),
      'M'
    ) AS order_date_order
  FROM staging_walmart_orders
  GROUP BY source_file
)
SELECT DISTINCT source_file, 'order date' AS date_column, COALESCE(order_date, '') AS raw_text, order_date_order AS day_order
FROM staging_walmart_orders JOIN day_orders USING (source_file)
