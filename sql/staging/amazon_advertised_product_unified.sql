-- The unified Ads console's "Advertised product" reports, Sponsored Products and Sponsored Display (EXPORTS §2c: one
-- layout; sentence-case names, one `Date range` cell or a `Date` column, ids guarded as `="…"`, money without `$`),
-- from a staging table to parsed ad rows, with the rules of src/core/reports/amazonSpAdvertisedProductUnified.ts and
-- adDays.ts: a row's day is its `Date`, else its `Date range` when the range is one day; a range over several days is
-- a sum that cannot be split into days (left out, one Data Issue per file); `Sales`/`Purchases`/`Units sold` are the
-- totals (promoted + halo), the classic report's 7 Day Total measures; `Total cost` is the spend; blank measures read
-- as 0; rows in another budget currency are left out (SPEC §2a).
-- A template: src/bigquery/raw/exports.ts gives each report its {{staging_table}} and {{ad_product}}
-- (stagingScript.ts expandSql).
WITH daily_files AS (
  -- A file whose `Date` column holds anything reads its days there; otherwise from `Date range`.
  SELECT source_file, LOGICAL_OR(`date` != '') AS daily
  FROM {{staging_table}}
  GROUP BY source_file
),
ranges AS (
  SELECT
    s.*,
    f.daily,
    -- `Jul 06, 2026 - Jul 29, 2026`: two ends around a dash or `to` (parse/date.ts RANGE_SEPARATOR); any other text is
    -- one day.
    REGEXP_EXTRACT(s.date_range, r'^(.*?)\s+(?:-|\x{2013}|\x{2014}|[Tt][Oo])\s+') AS from_text,
    REGEXP_EXTRACT(s.date_range, r'^.*?\s+(?:-|\x{2013}|\x{2014}|[Tt][Oo])\s+(.*)$') AS to_text
  FROM {{staging_table}} AS s
  JOIN daily_files AS f ON f.source_file = s.source_file
  WHERE NOT s.blank_row AND LOWER(s.campaign_name) != 'campaign name'
),
cells AS (
  SELECT
    r.source_file,
    r.daily,
    r.`date` AS day_text,
    r.date_range AS range_text,
    day_moment.moment AS day_moment,
    -- Exactly two ends: a third separator makes the whole cell one (unreadable) day, as the reader splits it.
    r.from_text IS NOT NULL AND NOT REGEXP_CONTAINS(r.to_text, r'\s+(?:-|\x{2013}|\x{2014}|[Tt][Oo])\s+') AS two_ends,
    from_moment.moment AS from_moment,
    to_moment.moment AS to_moment,
    single_moment.moment AS single_moment,
    r.campaign_name AS campaign,
    r.ad_group_name AS ad_group,
    r.advertised_product_sku AS sku,
    r.budget_currency AS currency,
    {{include amazon_ad_measures_unified.part.sql}}
  FROM ranges AS r
  {{include amazon_ad_moments_unified.part.sql}}
),
days AS (
  {{include amazon_ad_days_unified.part.sql}}
),
outcomes AS (
  SELECT
    *,
    CASE
      WHEN daily AND kpi_moment_issue(day_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(day_moment), ':Date')
      WHEN daily AND day_moment IS NULL THEN 'issue.missingValue:Date'
      WHEN range_unreadable THEN 'issue.notADateRange:Date range'
      WHEN NOT daily AND range_text = '' THEN 'issue.missingValue:Date range'
      -- A row over several days: its sum cannot be split into days without inventing numbers (adDays.ts).
      WHEN from_day != to_day THEN 'notDaily'
      WHEN campaign = '' THEN 'issue.missingValue:Campaign name'
      WHEN sku = '' THEN 'issue.missingValue:Advertised product SKU'
      WHEN spend_issue IS NOT NULL THEN CONCAT(spend_issue, ':Total cost')
      WHEN sales_issue IS NOT NULL THEN CONCAT(sales_issue, ':Sales')
      WHEN clicks_issue IS NOT NULL THEN CONCAT(clicks_issue, ':Clicks')
      WHEN impressions_issue IS NOT NULL THEN CONCAT(impressions_issue, ':Impressions')
      WHEN orders_issue IS NOT NULL THEN CONCAT(orders_issue, ':Purchases')
      WHEN units_issue IS NOT NULL THEN CONCAT(units_issue, ':Units sold')
      -- An Ads account can hold other countries' profiles; their spend is not dollars of the US store (SPEC §2a).
      WHEN NOT (currency = '' OR UPPER(currency) = 'USD') THEN 'otherMarket'
      ELSE 'adRow'
    END AS outcome
  FROM days
)
SELECT
  source_file,
  'amazon' AS channel,
  '{{ad_product}}' AS ad_product,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'Date' THEN day_text
    WHEN 'Date range' THEN range_text
    WHEN 'Total cost' THEN spend_text
    WHEN 'Sales' THEN sales_text
    WHEN 'Clicks' THEN clicks_text
    WHEN 'Impressions' THEN impressions_text
    WHEN 'Purchases' THEN orders_text
    WHEN 'Units sold' THEN units_text
  END AS issue_value,
  from_day AS `date`,
  IF(from_day != to_day, to_day, NULL) AS range_end,
  campaign,
  ad_group,
  sku,
  COALESCE(spend, 0) AS spend,
  COALESCE(sales, 0) AS sales,
  COALESCE(clicks, 0) AS clicks,
  COALESCE(impressions, 0) AS impressions,
  COALESCE(orders, 0) AS orders,
  COALESCE(units, 0) AS units,
  UPPER(currency) AS market,
  COALESCE(spend, 0) AS market_amount
FROM outcomes
