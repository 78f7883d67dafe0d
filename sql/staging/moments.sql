-- Every date or timestamp text of the staging tables read once (the TypeScript readers keep a memo per column for the
-- same reason): `moment_texts` (source_file, date_column, raw_text, day_order), gathered from each export's
-- *.dates.sql, becomes one `moment` per row: NULL for a blank cell, `yyyy-MM-dd[|epochMs]`, 'ERR' or 'AMBIGUOUS'
-- (functions.sql). Staged in steps so each function gets columns, never another function's whole body.
-- `{{reporting_time_zone}}` is the Settings' reporting time zone (SPEC §2), put in as a string literal by stagingScript.ts.
WITH written AS (
  SELECT
    source_file,
    date_column,
    raw_text,
    day_order,
    raw_text AS text,
    kpi_written_time(raw_text, day_order) AS written
  FROM moment_texts
),
parts AS (
  SELECT
    *,
    CAST(REGEXP_EXTRACT(written, r'^(\d+)\|') AS INT64)
      + IF(LENGTH(REGEXP_EXTRACT(written, r'^(\d+)\|')) = 2, 2000, 0) AS year,
    kpi_month_number(REGEXP_EXTRACT(written, r'^[^|]*\|([^|]*)')) AS month,
    CAST(REGEXP_EXTRACT(written, r'^(?:[^|]*\|){2}(\d+)') AS INT64) AS day,
    COALESCE(REGEXP_EXTRACT(written, r'^(?:[^|]*\|){3}([^|]*)'), '') AS hour_text,
    CAST(REGEXP_EXTRACT(written, r'^(?:[^|]*\|){4}(\d+)') AS INT64) AS minute,
    COALESCE(CAST(REGEXP_EXTRACT(written, r'^(?:[^|]*\|){5}(\d+)') AS INT64), 0) AS second,
    COALESCE(REGEXP_EXTRACT(written, r'^(?:[^|]*\|){6}([^|]*)'), '') AS meridiem,
    COALESCE(REGEXP_EXTRACT(written, r'^(?:[^|]*\|){7}([^|]*)'), '') AS zone_text
  FROM written
),
clock AS (
  SELECT
    *,
    kpi_unix_day(year, month, day) AS unix_day,
    IF(hour_text = '', NULL, kpi_hour24(hour_text, meridiem)) AS hour,
    IF(zone_text = '', NULL, kpi_zone_offset(zone_text)) AS zone_offset
  FROM parts
)
SELECT
  source_file,
  date_column,
  raw_text,
  CASE
    WHEN text = '' THEN NULL
    WHEN written = 'AMBIGUOUS' THEN 'AMBIGUOUS'
    WHEN written IS NULL THEN 'ERR'
    ELSE kpi_moment_of_parts(
      unix_day, hour_text, hour, minute, second, zone_text, zone_offset, year, month, day, {{reporting_time_zone}}
    )
  END AS moment
FROM clock
