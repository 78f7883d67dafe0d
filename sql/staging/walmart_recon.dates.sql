-- The date texts of Walmart recon staging rows with each file's day order per column: the values decide, else
-- Walmart's US-only Seller Center writes month first, `4/30/2026` (EXPORTS §8; sheetReader.ts DOCUMENTED_DAY_ORDER),
-- for sql/staging/moments.sql.
WITH texts AS (
  SELECT source_file, 'transaction posted timestamp' AS date_column, transaction_posted_timestamp AS raw_text
  FROM staging_walmart_recon
  UNION ALL
  SELECT source_file, 'period start date', period_start_date FROM staging_walmart_recon
  UNION ALL
  SELECT source_file, 'period end date', period_end_date FROM staging_walmart_recon
),
day_orders AS (
  SELECT
    source_file,
    date_column,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(raw_text) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(raw_text) = 'M'),
      'M'
    ) AS day_order
  FROM texts
  GROUP BY source_file, date_column
)
SELECT DISTINCT source_file, date_column, COALESCE(raw_text, '') AS raw_text, day_order
FROM texts JOIN day_orders USING (source_file, date_column)
