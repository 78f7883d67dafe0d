-- The date texts of Settlement V2 staging rows with each file's day order per column, for sql/staging/moments.sql.
-- posted-date-time and the settlement dates carry a zone (`2025-06-09 05:23:19 UTC`); posted-date's one seen numeric
-- form (`09/06/25` beside `2025-06-09`) is day-first and unconfirmed (EXPORTS §4), so no order is documented and a
-- column's values decide alone, as DOCUMENTED_DAY_ORDER of src/core/reports/sheetReader.ts leaves it.
WITH texts AS (
  SELECT source_file, 'settlement-start-date' AS date_column, settlement_start_date AS raw_text
  FROM staging_amazon_settlement_v2
  UNION ALL
  SELECT source_file, 'settlement-end-date', settlement_end_date FROM staging_amazon_settlement_v2
  UNION ALL
  SELECT source_file, 'posted-date-time', posted_date_time FROM staging_amazon_settlement_v2
  UNION ALL
  SELECT source_file, 'posted-date', posted_date FROM staging_amazon_settlement_v2
),
day_orders AS (
  SELECT
    source_file,
    date_column,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(raw_text) = 'D'),
      LOGICAL_OR(kpi_day_order_evidence(raw_text) = 'M'),
      'N'
    ) AS day_order
  FROM texts
  GROUP BY source_file, date_column
)
SELECT DISTINCT source_file, date_column, COALESCE(raw_text, '') AS raw_text, day_order
FROM texts JOIN day_orders USING (source_file, date_column)
