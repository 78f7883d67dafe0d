-- The date texts of Amazon All Orders staging rows, with each file column's day order (SPEC §2a: the column's values
-- decide; the report documents none, its timestamps being ISO 8601), for sql/staging/moments.sql.
WITH day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(purchase_date) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(purchase_date) = 'M'),
      'N'
    ) AS purchase_order,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(last_updated_date) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(last_updated_date) = 'M'),
      'N'
    ) AS updated_order
  FROM staging_amazon_all_orders
  GROUP BY source_file
)
SELECT DISTINCT source_file, 'purchase-date' AS date_column, COALESCE(purchase_date, '') AS raw_text, purchase_order AS day_order
FROM staging_amazon_all_orders JOIN day_orders USING (source_file)
UNION DISTINCT
SELECT DISTINCT source_file, 'last-updated-date', COALESCE(last_updated_date, ''), updated_order
FROM staging_amazon_all_orders JOIN day_orders USING (source_file)
