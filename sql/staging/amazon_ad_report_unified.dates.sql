-- The day texts of the unified Ads console's reports (Sponsored Products and Display advertised product, campaign)
-- from the staging table {{staging_table}}: the `Date` column with its file's day order (the values decide: no order
-- is documented for the unified console), and each end of a `Date range` cell (and the cell itself, read as one day
-- when it has no two ends), which the reader parses with no column order (parse/date.ts parseDayRange), for
-- sql/staging/moments.sql. A template: exports.ts names it for each of the three reports (stagingScript.ts expandSql).
WITH ends AS (
  SELECT
    source_file,
    date_range,
    REGEXP_EXTRACT(date_range, r'^(.*?)\s+(?:-|\x{2013}|\x{2014}|[Tt][Oo])\s+') AS from_text,
    REGEXP_EXTRACT(date_range, r'^.*?\s+(?:-|\x{2013}|\x{2014}|[Tt][Oo])\s+(.*)$') AS to_text
  FROM {{staging_table}}
),
day_orders AS (
  SELECT
    source_file,
    kpi_day_order(
      LOGICAL_OR(kpi_day_order_evidence(`date`) = 'D'), LOGICAL_OR(kpi_day_order_evidence(`date`) = 'M'), 'N'
    ) AS date_order
  FROM {{staging_table}}
  GROUP BY source_file
)
SELECT DISTINCT source_file, 'date' AS date_column, COALESCE(`date`, '') AS raw_text, date_order AS day_order
FROM {{staging_table}} JOIN day_orders USING (source_file)
UNION DISTINCT
SELECT DISTINCT source_file, 'date range end', COALESCE(from_text, ''), 'N' FROM ends
UNION DISTINCT
SELECT DISTINCT source_file, 'date range end', COALESCE(to_text, ''), 'N' FROM ends
UNION DISTINCT
SELECT DISTINCT source_file, 'date range end', COALESCE(date_range, ''), 'N' FROM ends
