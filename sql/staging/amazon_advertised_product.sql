-- The classic Ads console's "Advertised product" reports, Sponsored Products and Sponsored Display (EXPORTS §2b; one
-- layout but for the attribution window), from a staging table to parsed ad rows, with the rules of
-- src/core/reports/amazonSpAdvertisedProduct.ts, amazonSdAdvertisedProduct.ts and adDays.ts: a Daily report's row is
-- its `Date`; a Summary row over one day is that day, over several days it is a sum that cannot be split into days
-- (left out, one Data Issue per file); spend, the attributed total sales, clicks, impressions (not viewable
-- impressions), orders and units read as 0 when blank; rows in another currency are left out (SPEC §2a).
-- A template: src/bigquery/raw/exports.ts gives each report its values (stagingScript.ts expandSql):
-- {{staging_table}}; {{ad_product}}; {{attribution_days}}, the window of the total measures read by their exact names
-- (Sponsored Products `7 Day Total Sales`, `… Orders (#)`, `… Units (#)`; Sponsored Display the 14-day ones, never their
-- `- (Click)` twins, which stage as other columns); {{header_campaign_names}}, the `Campaign Name` header texts a
-- repeated header row holds (Sponsored Products is also downloaded with Chinese labels, renamed to the English columns
-- when the staging table is made: src/bigquery/raw/stagingColumns.ts).
WITH daily_files AS (
  -- A file whose `Date` column holds anything is a Daily report (the staging table has every column, blank when the
  -- file has none).
  SELECT source_file, LOGICAL_OR(`date` != '') AS daily
  FROM {{staging_table}}
  GROUP BY source_file
),
cells AS (
  SELECT
    s.source_file,
    f.daily,
    s.`date` AS day_text,
    s.start_date AS start_text,
    s.end_date AS end_text,
    day_moment.moment AS day_moment,
    start_moment.moment AS start_moment,
    end_moment.moment AS end_moment,
    s.campaign_name AS campaign,
    s.ad_group_name AS ad_group,
    s.advertised_sku AS sku,
    s.currency AS currency,
    {{include amazon_ad_measures.part.sql}}
  FROM {{staging_table}} AS s
  JOIN daily_files AS f ON f.source_file = s.source_file
  {{include amazon_ad_moments.part.sql}}
  WHERE NOT s.blank_row AND LOWER(s.campaign_name) NOT IN ({{header_campaign_names}})
),
outcomes AS (
  SELECT
    *,
    CASE
      WHEN daily AND kpi_moment_issue(day_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(day_moment), ':Date')
      WHEN daily AND day_moment IS NULL THEN 'issue.missingValue:Date'
      WHEN NOT daily AND kpi_moment_issue(start_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(start_moment), ':Start Date')
      WHEN NOT daily AND start_moment IS NULL THEN 'issue.missingValue:Start Date'
      WHEN NOT daily AND kpi_moment_issue(end_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(end_moment), ':End Date')
      WHEN NOT daily AND end_moment IS NULL THEN 'issue.missingValue:End Date'
      -- A row over several days: its sum cannot be split into days without inventing numbers (adDays.ts).
      WHEN NOT daily AND kpi_moment_day(start_moment) != kpi_moment_day(end_moment) THEN 'notDaily'
      WHEN campaign = '' THEN 'issue.missingValue:Campaign Name'
      WHEN sku = '' THEN 'issue.missingValue:Advertised SKU'
      WHEN spend_issue IS NOT NULL THEN CONCAT(spend_issue, ':Spend')
      WHEN sales_issue IS NOT NULL THEN CONCAT(sales_issue, ':{{attribution_days}} Day Total Sales')
      WHEN clicks_issue IS NOT NULL THEN CONCAT(clicks_issue, ':Clicks')
      WHEN impressions_issue IS NOT NULL THEN CONCAT(impressions_issue, ':Impressions')
      WHEN orders_issue IS NOT NULL THEN CONCAT(orders_issue, ':{{attribution_days}} Day Total Orders (#)')
      WHEN units_issue IS NOT NULL THEN CONCAT(units_issue, ':{{attribution_days}} Day Total Units (#)')
      -- An Ads account can hold other countries' profiles; their spend is not dollars of the US store (SPEC §2a).
      WHEN NOT (currency = '' OR UPPER(currency) = 'USD') THEN 'otherMarket'
      ELSE 'adRow'
    END AS outcome
  FROM cells
)
SELECT
  source_file,
  'amazon' AS channel,
  '{{ad_product}}' AS ad_product,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'Date' THEN day_text
    WHEN 'Start Date' THEN start_text
    WHEN 'End Date' THEN end_text
    WHEN 'Spend' THEN spend_text
    WHEN '{{attribution_days}} Day Total Sales' THEN sales_text
    WHEN 'Clicks' THEN clicks_text
    WHEN 'Impressions' THEN impressions_text
    WHEN '{{attribution_days}} Day Total Orders (#)' THEN orders_text
    WHEN '{{attribution_days}} Day Total Units (#)' THEN units_text
  END AS issue_value,
  IF(daily, kpi_moment_day(day_moment), kpi_moment_day(start_moment)) AS `date`,
  IF(daily, NULL, kpi_moment_day(end_moment)) AS range_end,
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
