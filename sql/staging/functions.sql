-- Cell readers of SPEC §2 in BigQuery Standard SQL, shared by every staging query (sql/staging/*.sql). They read the
-- text a CSV load leaves in an all-STRING staging column the way src/core/parse reads a text cell, so the SQL and the
-- TypeScript pipeline count the same lines. Temporary functions: the runner sends this file before each query, in the
-- same multi-statement query job, so nothing is left behind in the seller's dataset.
-- Written for the dialect subset src/bigquery/raw/dialect.ts translates to DuckDB (the local engine of the tests).

-- Whitespace at both ends (JavaScript's trim for the ASCII whitespace exports carry: spaces, TABs, line breaks).
CREATE TEMP FUNCTION kpi_trim(text STRING) RETURNS STRING AS (
  REGEXP_REPLACE(text, r'^\s+|\s+$', '')
);

-- A byte-order mark removed, no-break spaces (U+00A0, U+202F) made spaces: the debris of copy-paste and Excel.
CREATE TEMP FUNCTION kpi_without_debris(raw STRING) RETURNS STRING AS (
  REPLACE(REPLACE(REPLACE(COALESCE(raw, ''), CHR(65279), ''), CHR(160), ' '), CHR(8239), ' ')
);

-- cellText of src/core/parse/text.ts: debris removed, trimmed (TikTok's trailing TAB), Excel's `="00123"` guard around
-- ids (EXPORTS §2c) removed with its inner quotes undoubled; NULL (an empty CSV field, a missing trailing column of a
-- jagged row) reads as ''. The staging script applies it once to every cell as it gathers the files
-- (stagingScript.ts): every other function here takes a cleaned text and refers to it only as its argument, so the
-- bodies BigQuery and DuckDB inline stay small.
CREATE TEMP FUNCTION kpi_clean(raw STRING) RETURNS STRING AS (
  IF(
    REGEXP_CONTAINS(kpi_without_debris(raw), r'^\s*="(?:[^"]|"")*"\s*$'),
    kpi_trim(REPLACE(REGEXP_EXTRACT(kpi_without_debris(raw), r'^\s*="((?:[^"]|"")*)"\s*$'), '""', '"')),
    kpi_trim(kpi_without_debris(raw))
  )
);

-- True when every cell of a row cleans to '' (a blank line is no row, SPEC §2): `cells` is the row's cells, each
-- followed by CHR(31) (unit separator, which no export writes).
CREATE TEMP FUNCTION kpi_blank_cells(cells STRING) RETURNS BOOL AS (
  REGEXP_CONTAINS(cells, r'^(?:[\s\x{FEFF}\x{00A0}\x{202F}]*(?:="")?[\s\x{FEFF}\x{00A0}\x{202F}]*\x{1F})*$')
);

-- Money or any decimal (parseDecimal of parse/number.ts) from a cleaned cell: `$1,234.56`, `(55.00)`, `-5.0`, `12.5%`
-- (a fraction, 0.125), `"1,034"` (a CSV opened as text keeps the quotes, EXPORTS §9.1c), signs before or after a US
-- currency mark (`-$5.00`, `$-5.00`, `US$1,100.15`, `USD 12.00`, `12.00 USD`). A comma must group thousands, so the EU
-- `1.234,56` is refused rather than misread. NULL for a blank cell and for one that is no number (kpi_number_issue
-- says why). No exponent form (`1e5`; the TypeScript reader accepts it, no export writes one); magnitudes above
-- 2^53 - 1 are refused as in parse/number.ts (MAX_CELL_MAGNITUDE). Quotes and parentheses count only in pairs.
-- Every reference is to the argument itself (a column), so the inlined body stays small.
CREATE TEMP FUNCTION kpi_decimal(text STRING) RETURNS NUMERIC AS (
  IF(
    REGEXP_CONTAINS(
      text,
      r'(?i)^(?:"\s*)?(?:\(\s*)?[-+\x{2212}]?\s*(?:(?:US\s?\$|\$|USD)\s*[-+\x{2212}]?)?\s*(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:\s*USD)?(?:\s*%)?(?:\s*\))?(?:\s*")?$'
    )
      AND REGEXP_CONTAINS(text, r'^"') = (REGEXP_CONTAINS(text, r'"$') AND LENGTH(text) > 2)
      AND REGEXP_CONTAINS(text, r'^"?\s*\(') = REGEXP_CONTAINS(text, r'\)\s*"?$')
      AND SAFE_CAST(REPLACE(REGEXP_EXTRACT(text, r'((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)'), ',', '') AS NUMERIC)
        <= 9007199254740991,
    IF(
      REGEXP_CONTAINS(text, r'^"?\s*\(')
        != (
          LENGTH(REGEXP_EXTRACT(text, r'^([^0-9.]*)'))
            - LENGTH(REGEXP_REPLACE(REGEXP_EXTRACT(text, r'^([^0-9.]*)'), r'[-\x{2212}]', ''))
          = 1
        ),
      -1,
      1
    )
      * SAFE_CAST(REPLACE(REGEXP_EXTRACT(text, r'((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)'), ',', '') AS NUMERIC)
      * IF(REGEXP_CONTAINS(text, r'%(?:\s*\))?(?:\s*")?$'), CAST('0.01' AS NUMERIC), CAST('1' AS NUMERIC)),
    NULL
  )
);

-- Why a non-blank cleaned cell is no number, as the catalogue's issue key: another currency's amount (`¥5,000`, `€12`,
-- `12 CAD`) or no number at all (`N/A`, `e5`). NULL when the cell is blank or reads.
CREATE TEMP FUNCTION kpi_number_issue(text STRING) RETURNS STRING AS (
  CASE
    WHEN text = '' OR kpi_decimal(text) IS NOT NULL THEN NULL
    WHEN REGEXP_CONTAINS(text, r'(?i)[¥￥€£₹元]|\b(?:CNY|RMB|JPY|EUR|GBP|CAD|MXN|AUD|INR)\b')
      AND REGEXP_CONTAINS(
        REGEXP_REPLACE(text, r'(?i)(?:[A-Za-z]{1,3}\s?)?[¥￥€£₹]|\b(?:CNY|RMB|JPY|EUR|GBP|CAD|MXN|AUD|INR)\b|元', ''),
        r'^\s*[-+(]?\s*(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*\)?\s*$'
      )
      THEN 'issue.notUsDollars'
    ELSE 'issue.notANumber'
  END
);

-- A count (parseCount): a whole number; NULL when blank or unreadable (kpi_count_issue says which).
CREATE TEMP FUNCTION kpi_count(text STRING) RETURNS INT64 AS (
  IF(kpi_decimal(text) = TRUNC(kpi_decimal(text)), CAST(kpi_decimal(text) AS INT64), NULL)
);

CREATE TEMP FUNCTION kpi_count_issue(text STRING) RETURNS STRING AS (
  IF(
    kpi_decimal(text) IS NOT NULL AND kpi_decimal(text) != TRUNC(kpi_decimal(text)),
    'issue.notAWholeNumber',
    kpi_number_issue(text)
  )
);

-- What one text says about its column's day order (dayOrderEvidence of parse/date.ts): 'D' when its first number
-- cannot be a month but its second can (`25/06/2026`), 'M' the other way round, NULL when it says nothing.
CREATE TEMP FUNCTION kpi_day_order_evidence(text STRING) RETURNS STRING AS (
  CASE
    WHEN NOT REGEXP_CONTAINS(text, r'^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}') THEN NULL
    WHEN CAST(REGEXP_EXTRACT(text, r'^(\d{1,2})') AS INT64) > 12
      AND CAST(REGEXP_EXTRACT(text, r'^\d{1,2}[/.-](\d{1,2})') AS INT64) <= 12 THEN 'D'
    WHEN CAST(REGEXP_EXTRACT(text, r'^\d{1,2}[/.-](\d{1,2})') AS INT64) > 12
      AND CAST(REGEXP_EXTRACT(text, r'^(\d{1,2})') AS INT64) <= 12 THEN 'M'
    ELSE NULL
  END
);

-- The order of a whole column (SPEC §2a "Dates that could be day-first", decideDayOrder): its values decide; when they
-- say both or nothing, the report's documented order does ('M', 'D', or 'N' for none: an ambiguous value is then an
-- issue). Called with LOGICAL_OR of the evidence over the file's column.
CREATE TEMP FUNCTION kpi_day_order(day_first_seen BOOL, month_first_seen BOOL, documented STRING) RETURNS STRING AS (
  CASE
    WHEN COALESCE(day_first_seen, FALSE) AND COALESCE(month_first_seen, FALSE) THEN documented
    WHEN COALESCE(day_first_seen, FALSE) THEN 'D'
    WHEN COALESCE(month_first_seen, FALSE) THEN 'M'
    ELSE documented
  END
);

-- The written parts of a date or timestamp as `year|month|day|hour|minute|second|meridiem|zone` (empty parts blank), in
-- the formats of parse/date.ts tried in its order: year first (`2026-05-08T23:36:26+00:00`, `2026/9/1`,
-- `2024-05-01 10:00:00 -0400`), numeric month/day (`4/29/2026`, `03/01/2026 10:00:00 AM`, `8/3/26`) in the column's
-- order, month name (`Sep 01, 2026`, `Jun 8, 2025 10:23:05 PM PDT`), day then month name (`8 Jun 2025`). 'AMBIGUOUS'
-- for `05/06/2026` in a column nothing orders; NULL when no format matches.
CREATE TEMP FUNCTION kpi_written_time(text STRING, day_order STRING) RETURNS STRING AS (
  CASE
    WHEN REGEXP_CONTAINS(text, r'^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$')
      THEN REGEXP_REPLACE(text, r'^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$', r'\1|\2|\3|\4|\5|\6|\7|\8')
    WHEN REGEXP_CONTAINS(text, r'^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$')
      THEN CASE
        WHEN day_order = 'D'
          THEN REGEXP_REPLACE(text, r'^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$', r'\3|\2|\1|\4|\5|\6|\7|\8')
        WHEN day_order = 'N'
          AND CAST(REGEXP_EXTRACT(text, r'^(\d{1,2})') AS INT64) <= 12
          AND CAST(REGEXP_EXTRACT(text, r'^\d{1,2}[/.-](\d{1,2})') AS INT64) <= 12
          AND CAST(REGEXP_EXTRACT(text, r'^(\d{1,2})') AS INT64)
            != CAST(REGEXP_EXTRACT(text, r'^\d{1,2}[/.-](\d{1,2})') AS INT64)
          THEN 'AMBIGUOUS'
        ELSE REGEXP_REPLACE(text, r'^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$', r'\3|\1|\2|\4|\5|\6|\7|\8')
      END
    WHEN REGEXP_CONTAINS(text, r'^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$')
      THEN REGEXP_REPLACE(text, r'^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$', r'\3|\1|\2|\4|\5|\6|\7|\8')
    WHEN REGEXP_CONTAINS(text, r'^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-],?\s*(\d{4})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$')
      THEN REGEXP_REPLACE(text, r'^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-],?\s*(\d{4})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$', r'\3|\2|\1|\4|\5|\6|\7|\8')
    ELSE NULL
  END
);

-- Minutes east of UTC of a written zone: the US and UTC abbreviations the US exports print, or a numeric offset up to
-- ±14:00; NULL for a zone not known (`CST` is read as US Central, as parse/date.ts does).
CREATE TEMP FUNCTION kpi_zone_offset(zone STRING) RETURNS INT64 AS (
  CASE UPPER(zone)
    WHEN 'Z' THEN 0 WHEN 'UT' THEN 0 WHEN 'UTC' THEN 0 WHEN 'GMT' THEN 0
    WHEN 'PST' THEN -480 WHEN 'PDT' THEN -420 WHEN 'MST' THEN -420 WHEN 'MDT' THEN -360
    WHEN 'CST' THEN -360 WHEN 'CDT' THEN -300 WHEN 'EST' THEN -300 WHEN 'EDT' THEN -240
    WHEN 'AKST' THEN -540 WHEN 'AKDT' THEN -480 WHEN 'HST' THEN -600
    ELSE IF(
      REGEXP_CONTAINS(zone, r'(?i)^(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?$')
        AND CAST(REGEXP_EXTRACT(zone, r'[+-](\d{1,2})') AS INT64) <= 14
        AND COALESCE(CAST(REGEXP_EXTRACT(zone, r'[+-]\d{1,2}:?(\d{2})$') AS INT64), 0) <= 59,
      IF(REGEXP_CONTAINS(zone, r'-'), -1, 1)
        * (CAST(REGEXP_EXTRACT(zone, r'[+-](\d{1,2})') AS INT64) * 60
          + COALESCE(CAST(REGEXP_EXTRACT(zone, r'[+-]\d{1,2}:?(\d{2})$') AS INT64), 0)),
      NULL
    )
  END
);

CREATE TEMP FUNCTION kpi_month_number(month STRING) RETURNS INT64 AS (
  IF(
    REGEXP_CONTAINS(month, r'^\d+$'),
    CAST(month AS INT64),
    CASE LOWER(month)
      WHEN 'jan' THEN 1 WHEN 'january' THEN 1 WHEN 'feb' THEN 2 WHEN 'february' THEN 2
      WHEN 'mar' THEN 3 WHEN 'march' THEN 3 WHEN 'apr' THEN 4 WHEN 'april' THEN 4 WHEN 'may' THEN 5
      WHEN 'jun' THEN 6 WHEN 'june' THEN 6 WHEN 'jul' THEN 7 WHEN 'july' THEN 7 WHEN 'aug' THEN 8
      WHEN 'august' THEN 8 WHEN 'sep' THEN 9 WHEN 'sept' THEN 9 WHEN 'september' THEN 9
      WHEN 'oct' THEN 10 WHEN 'october' THEN 10 WHEN 'nov' THEN 11 WHEN 'november' THEN 11
      WHEN 'dec' THEN 12 WHEN 'december' THEN 12
      ELSE NULL
    END
  )
);

-- Days from 1970-01-01 to a civil day (H. Hinnant's days_from_civil, as daysSinceEpoch of parse/date.ts), for years
-- from 1900 on (every operand of DIV is then positive); NULL for a day that does not exist (`13/45/2026`, Feb 30).
CREATE TEMP FUNCTION kpi_unix_day(year INT64, month INT64, day INT64) RETURNS INT64 AS (
  IF(
    year BETWEEN 1900 AND 2999 AND month BETWEEN 1 AND 12 AND day >= 1
      AND day <= CASE
        WHEN month = 2 THEN IF(
          (year - DIV(year, 4) * 4 = 0 AND year - DIV(year, 100) * 100 != 0) OR year - DIV(year, 400) * 400 = 0, 29, 28)
        WHEN month IN (4, 6, 9, 11) THEN 30
        ELSE 31
      END,
    DIV(year - IF(month <= 2, 1, 0), 400) * 146097
      + (year - IF(month <= 2, 1, 0) - DIV(year - IF(month <= 2, 1, 0), 400) * 400) * 365
      + DIV(year - IF(month <= 2, 1, 0) - DIV(year - IF(month <= 2, 1, 0), 400) * 400, 4)
      - DIV(year - IF(month <= 2, 1, 0) - DIV(year - IF(month <= 2, 1, 0), 400) * 400, 100)
      + DIV(153 * (month + IF(month > 2, -3, 9)) + 2, 5) + day - 1
      - 719468,
    NULL
  )
);

-- Dialect-specific (dialect.ts swaps these two bodies for DuckDB's ICU time-zone functions): the calendar day in `zone`
-- at an instant, and the instant a wall clock shows in `zone`.
CREATE TEMP FUNCTION kpi_day_at(epoch_ms INT64, zone STRING) RETURNS DATE AS (
  DATE(TIMESTAMP_MILLIS(epoch_ms), zone)
);

CREATE TEMP FUNCTION kpi_local_epoch(
  year INT64, month INT64, day INT64, hour INT64, minute INT64, second INT64, zone STRING
) RETURNS INT64 AS (
  UNIX_MILLIS(TIMESTAMP(DATETIME(year, month, day, hour, minute, second), zone))
);

-- The hour of a written time on a 24-hour clock (`10:23:05 PM` → 22); NULL when out of range (13 PM, 24:00).
CREATE TEMP FUNCTION kpi_hour24(hour_text STRING, meridiem STRING) RETURNS INT64 AS (
  CASE
    WHEN meridiem = '' THEN IF(CAST(hour_text AS INT64) <= 23, CAST(hour_text AS INT64), NULL)
    WHEN CAST(hour_text AS INT64) NOT BETWEEN 1 AND 12 THEN NULL
    ELSE IF(CAST(hour_text AS INT64) = 12, 0, CAST(hour_text AS INT64)) + IF(LOWER(SUBSTR(meridiem, 1, 1)) = 'p', 12, 0)
  END
);

-- A moment as `yyyy-MM-dd` or `yyyy-MM-dd|epochMs` from its parts (SPEC §2 time-zone rule, momentOfWrittenTime of
-- parse/date.ts): a date alone is that day; a time without zone is the marketplace's local time read in the reporting
-- zone (its day is the day written); a time with a zone is that instant, whose day is taken in the reporting zone.
-- 'ERR' when the day does not exist, a part is out of range or the zone is unknown (a zone must be known even on a date
-- without a time). Arguments are columns of sql/staging/moments.sql, so the body is never inlined into itself.
CREATE TEMP FUNCTION kpi_moment_of_parts(
  unix_day INT64, hour_text STRING, hour INT64, minute INT64, second INT64, zone_text STRING, zone_offset INT64,
  year INT64, month INT64, day INT64, reporting_zone STRING
) RETURNS STRING AS (
  CASE
    WHEN unix_day IS NULL THEN 'ERR'
    WHEN zone_text != '' AND zone_offset IS NULL THEN 'ERR'
    WHEN hour_text = '' THEN CAST(DATE_FROM_UNIX_DATE(unix_day) AS STRING)
    WHEN hour IS NULL OR minute > 59 OR second > 59 THEN 'ERR'
    WHEN zone_text = '' THEN CONCAT(CAST(DATE_FROM_UNIX_DATE(unix_day) AS STRING), '|',
      CAST(kpi_local_epoch(year, month, day, hour, minute, second, reporting_zone) AS STRING))
    ELSE CONCAT(
      CAST(kpi_day_at(unix_day * 86400000 + ((hour * 60 + minute - zone_offset) * 60 + second) * 1000, reporting_zone)
        AS STRING),
      '|', CAST(unix_day * 86400000 + ((hour * 60 + minute - zone_offset) * 60 + second) * 1000 AS STRING))
  END
);

CREATE TEMP FUNCTION kpi_moment_day(moment STRING) RETURNS DATE AS (
  IF(REGEXP_CONTAINS(moment, r'^\d{4}-'), CAST(SUBSTR(moment, 1, 10) AS DATE), NULL)
);

CREATE TEMP FUNCTION kpi_moment_epoch(moment STRING) RETURNS INT64 AS (
  CAST(REGEXP_EXTRACT(moment, r'\|(-?\d+)$') AS INT64)
);

-- The issue key of a moment that did not read; NULL for a blank or a read moment.
CREATE TEMP FUNCTION kpi_moment_issue(moment STRING) RETURNS STRING AS (
  CASE moment WHEN 'ERR' THEN 'issue.notADate' WHEN 'AMBIGUOUS' THEN 'issue.ambiguousDate' ELSE NULL END
);
