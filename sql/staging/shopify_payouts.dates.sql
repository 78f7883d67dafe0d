-- The `Transaction Date` texts of Shopify Payments transactions staging rows with each file's day order (Shopify writes
-- `2024-05-01 10:00:05 -0400`: no numeric month/day, so its values decide alone, SPEC §2a), for
-- sql/staging/moments.sql.
WITH day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(transaction_date) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(transaction_date) = 'M'),
      'N'
    ) AS posted_order
  FROM staging_shopify_payouts
  GROUP BY source_file
)
SELECT DISTINCT
  source_file, 'transaction date' AS date_column, COALESCE(transaction_date, '') AS raw_text, posted_order AS day_order
FROM staging_shopify_payouts JOIN day_orders USING (source_file)
