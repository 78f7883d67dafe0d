-- The `return-date` texts of FBA customer returns staging rows with each file's day order (the report writes ISO 8601
-- timestamps and documents no numeric day order, so a column's own values decide, SPEC §2a), for
-- sql/staging/moments.sql.
WITH day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(return_date) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(return_date) = 'M'),
      'N'
    ) AS return_order
  FROM staging_amazon_fba_returns
  GROUP BY source_file
)
SELECT DISTINCT source_file, 'return-date' AS date_column, COALESCE(return_date, '') AS raw_text, return_order AS day_order
FROM staging_amazon_fba_returns JOIN day_orders USING (source_file)
