-- Sponsored Brands "Campaign" report of the classic Ads console (EXPORTS §2b) from its staging table to parsed ad
-- rows, with the rules of src/core/reports/amazonSbCampaign.ts, amazonSbBreakdown.ts and adDays.ts: one row per
-- campaign and day (`Date`, or a Summary's `Start Date`/`End Date` over one day; a row over several days is left out,
-- one Data Issue per file), spend and the 14-day attributed totals by their exact names, no ad group and no SKU (the
-- spend belongs on the channel's row with an empty SKU, SPEC §2b); rows in another currency are left out (SPEC §2a); a
-- file with a column that splits the spend below the campaign is left out whole.
WITH split_files AS (
  -- The column that splits a campaign's spend into parts, per file; NULL for a campaign report.
  {{include amazon_ad_spend_split.part.sql}}
),
daily_files AS (
  -- A file whose `Date` column holds anything is a Daily report (the staging table has every column, blank when the
  -- file has none).
  SELECT source_file, LOGICAL_OR(`date` != '') AS daily
  FROM staging_amazon_sb_campaign
  GROUP BY source_file
),
cells AS (
  SELECT
    s.source_file,
    f.daily,
    split.split_column,
    s.`date` AS day_text,
    s.start_date AS start_text,
    s.end_date AS end_text,
    day_moment.moment AS day_moment,
    start_moment.moment AS start_moment,
    end_moment.moment AS end_moment,
    s.campaign_name AS campaign,
    s.currency AS currency,
    {{include amazon_ad_measures.part.sql}}
  FROM staging_amazon_sb_campaign AS s
  JOIN daily_files AS f ON f.source_file = s.source_file
  JOIN split_files AS split ON split.source_file = s.source_file
  {{include amazon_ad_moments.part.sql}}
  WHERE NOT s.blank_row AND LOWER(s.campaign_name) != 'campaign name'
),
-- Its own rules, not a piece shared with the advertised-product parse: the spend split comes first, and a campaign row has
-- no SKU to miss.
outcomes AS (
  SELECT
    *,
    CASE
      -- A keyword, search term, placement or ad group report carries the campaign's spend again, split by that column:
      -- the whole file is left out, one Data Issue naming the column (SPEC §2 "Ad spend counts once").
      WHEN split_column IS NOT NULL THEN 'spendSplit'
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
      WHEN spend_issue IS NOT NULL THEN CONCAT(spend_issue, ':Spend')
      WHEN sales_issue IS NOT NULL THEN CONCAT(sales_issue, ':14 Day Total Sales')
      WHEN clicks_issue IS NOT NULL THEN CONCAT(clicks_issue, ':Clicks')
      WHEN impressions_issue IS NOT NULL THEN CONCAT(impressions_issue, ':Impressions')
      WHEN orders_issue IS NOT NULL THEN CONCAT(orders_issue, ':14 Day Total Orders (#)')
      WHEN units_issue IS NOT NULL THEN CONCAT(units_issue, ':14 Day Total Units (#)')
      -- An Ads account can hold other countries' profiles; their spend is not dollars of the US store (SPEC §2a).
      WHEN NOT (currency = '' OR UPPER(currency) = 'USD') THEN 'otherMarket'
      ELSE 'adRow'
    END AS outcome
  FROM cells
)
SELECT
  source_file,
  'amazon' AS channel,
  'sponsoredBrands' AS ad_product,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'Date' THEN day_text
    WHEN 'Start Date' THEN start_text
    WHEN 'End Date' THEN end_text
    WHEN 'Spend' THEN spend_text
    WHEN '14 Day Total Sales' THEN sales_text
    WHEN 'Clicks' THEN clicks_text
    WHEN 'Impressions' THEN impressions_text
    WHEN '14 Day Total Orders (#)' THEN orders_text
    WHEN '14 Day Total Units (#)' THEN units_text
  END AS issue_value,
  IF(daily, kpi_moment_day(day_moment), kpi_moment_day(start_moment)) AS `date`,
  IF(daily, NULL, kpi_moment_day(end_moment)) AS range_end,
  campaign,
  -- A Sponsored Brands ad shows several products: no ad group, no SKU; its spend goes on the channel's row.
  '' AS ad_group,
  '' AS sku,
  COALESCE(spend, 0) AS spend,
  COALESCE(sales, 0) AS sales,
  COALESCE(clicks, 0) AS clicks,
  COALESCE(impressions, 0) AS impressions,
  COALESCE(orders, 0) AS orders,
  COALESCE(units, 0) AS units,
  IF(outcome = 'spendSplit', split_column, UPPER(currency)) AS market,
  COALESCE(spend, 0) AS market_amount
FROM outcomes
