-- The unified Ads console's "Campaign" report, read for its Sponsored Brands rows (EXPORTS §2c), from its staging table
-- to parsed ad rows, with the rules of src/core/reports/amazonSbCampaignUnified.ts, amazonSbBreakdown.ts and
-- adDays.ts: one row per campaign (and day, with `Date`; or one `Date range` cell, counted when it is one day), no ad
-- group and no SKU (the spend belongs on the channel's row with an empty SKU, SPEC §2b); rows of another ad product
-- (`Ad product` not Sponsored Brands in any spelling: `Sponsored Brands`, `SPONSORED_BRANDS`, `SB`, `SBV`) are left
-- out and counted in one Data Issue per file naming them (their spend is read per SKU from the advertised-product
-- reports); rows in another budget currency are left out; a file with a column that splits the spend below the
-- campaign is left out whole (SPEC §2 "Ad spend counts once"). The reader names the other ad products in the order
-- their rows come; a load keeps no row order, so here they are named in alphabetical order.
WITH split_files AS (
  -- The column that splits a campaign's spend into parts, per file; NULL for a campaign report.
  {{include amazon_ad_spend_split.part.sql}}
),
brand_rows AS (
  -- Whether a row is Sponsored Brands: its ad product in letters only, lower case.
  SELECT
    s.*,
    STARTS_WITH(REGEXP_REPLACE(LOWER(s.ad_product), r'[^a-z]', ''), 'sponsoredbrand')
      OR REGEXP_REPLACE(LOWER(s.ad_product), r'[^a-z]', '') IN ('sb', 'sbv') AS is_brands
  FROM staging_amazon_sb_campaign_unified AS s
  WHERE NOT s.blank_row AND LOWER(s.campaign_name) != 'campaign name'
),
other_ad_products AS (
  -- Per file, the other ad products its rows name (a blank one as `—`), for the one Data Issue.
  SELECT
    source_file,
    STRING_AGG(DISTINCT IF(ad_product = '', '—', ad_product), ', ' ORDER BY IF(ad_product = '', '—', ad_product))
      AS ad_products
  FROM brand_rows
  WHERE NOT is_brands
  GROUP BY source_file
),
daily_files AS (
  -- A file whose `Date` column holds anything reads its days there; otherwise from `Date range`.
  SELECT source_file, LOGICAL_OR(`date` != '') AS daily
  FROM staging_amazon_sb_campaign_unified
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
  FROM brand_rows AS s
  JOIN daily_files AS f ON f.source_file = s.source_file
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
    r.is_brands,
    r.ad_product,
    split.split_column,
    others.ad_products AS other_ad_products,
    r.budget_currency AS currency,
    {{include amazon_ad_measures_unified.part.sql}}
  FROM ranges AS r
  JOIN split_files AS split ON split.source_file = r.source_file
  LEFT JOIN other_ad_products AS others ON others.source_file = r.source_file
  {{include amazon_ad_moments_unified.part.sql}}
),
days AS (
  {{include amazon_ad_days_unified.part.sql}}
),
-- Its own rules, not a piece shared with the advertised-product parse: the spend split and the other ad products
-- come first, and a campaign row has no SKU to miss.
outcomes AS (
  SELECT
    *,
    CASE
      -- A keyword, search term, placement or ad group report carries the campaign's spend again, split by that column:
      -- the whole file is left out, one Data Issue naming the column.
      WHEN split_column IS NOT NULL THEN 'spendSplit'
      -- Sponsored Products and Display campaigns: their spend is read per SKU from the advertised-product reports.
      WHEN NOT is_brands THEN 'otherAdProduct'
      WHEN daily AND kpi_moment_issue(day_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(day_moment), ':Date')
      WHEN daily AND day_moment IS NULL THEN 'issue.missingValue:Date'
      WHEN range_unreadable THEN 'issue.notADateRange:Date range'
      WHEN NOT daily AND range_text = '' THEN 'issue.missingValue:Date range'
      -- A row over several days: its sum cannot be split into days without inventing numbers (adDays.ts).
      WHEN from_day != to_day THEN 'notDaily'
      WHEN campaign = '' THEN 'issue.missingValue:Campaign name'
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
  'sponsoredBrands' AS ad_product,
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
  -- A Sponsored Brands ad shows several products: no ad group, no SKU; its spend goes on the channel's row.
  '' AS ad_group,
  '' AS sku,
  COALESCE(spend, 0) AS spend,
  COALESCE(sales, 0) AS sales,
  COALESCE(clicks, 0) AS clicks,
  COALESCE(impressions, 0) AS impressions,
  COALESCE(orders, 0) AS orders,
  COALESCE(units, 0) AS units,
  CASE outcome
    WHEN 'spendSplit' THEN split_column
    WHEN 'otherAdProduct' THEN other_ad_products
    ELSE UPPER(currency)
  END AS market,
  COALESCE(spend, 0) AS market_amount
FROM outcomes
