-- The KPI Summary rows of the Drive folder's facts (issue 15, item 4): one row per day × channel × SKU with the KPI
-- Summary's columns and rules (summarize.ts and table.ts), from raw_order_lines and raw_ad_rows as this script just
-- wrote them, and the workbook's inputs the build loaded (src/bigquery/raw/kpiInputs.ts). SQL here only sums, joins
-- and multiplies; every rate and unit cost comes from the add-on's TypeScript.
-- - units, revenue: the counted lines (cancelled winners count for nothing); orders: distinct order ids per row.
-- - ad columns: the ad rows of the row's SKU (advertised SKU, ASIN when blank).
-- - returned_units: the FBA customer returns of the row's day and SKU (raw_returns, each return once).
-- - cogs: (units − returned units whose disposition is SELLABLE) × the landed unit cost of the Costs row in force on
--   the day: units sold cost their landed cost on the sale day, units back in sellable stock give the cost in force on
--   the return day back (SPEC §2b; damaged or disposed units give nothing back). NULL when the SKU has none (or a CNY
--   cost has no rate), or the units have no SKU; 0 on a row with neither units nor sellable returns.
-- - fees: Amazon only, estimated as the build estimates a day no payments report covers: per unit, the fulfilment fee
--   plus the referral fee on the day's average price (revenue ÷ units), rounded to the cent per unit, from the SKU's fee
--   card; NULL when it has none. Other channels' fees come only from payments reports: NULL. 0 on a row without units.
-- - refunds, reimbursements: 0, as on a KPI Summary day without payments reports; the folder path does not read
--   those reports yet.
-- - gross_profit = revenue − fees − cogs (NULL when either is), net_profit = gross_profit − ad_spend, the CNY columns
--   at the build's USD→CNY rate ({{fx_usd_cny}}, NULL when unreadable), money rounded to the cent as the cells are.
WITH facts AS (
  SELECT `date`, channel, sku, quantity AS units, order_id, revenue, CAST(0 AS NUMERIC) AS ad_spend,
    CAST(0 AS NUMERIC) AS ad_sales, 0 AS ad_clicks, 0 AS ad_impressions, 0 AS returned_units,
    0 AS sellable_returned_units
  FROM `{{dataset}}.raw_order_lines`
  WHERE state != 'cancelled'
  UNION ALL
  SELECT `date`, channel, sku, 0, CAST(NULL AS STRING), CAST(0 AS NUMERIC), spend, sales, clicks, impressions, 0, 0
  FROM `{{dataset}}.raw_ad_rows`
  UNION ALL
  SELECT `date`, channel, sku, 0, CAST(NULL AS STRING), CAST(0 AS NUMERIC), CAST(0 AS NUMERIC), CAST(0 AS NUMERIC), 0,
    0, quantity, IF(disposition = 'SELLABLE', quantity, 0)
  FROM `{{dataset}}.raw_returns`
),
sums AS (
  SELECT
    `date`,
    channel,
    sku,
    SUM(units) AS units,
    COUNT(DISTINCT order_id) AS orders,
    SUM(revenue) AS revenue,
    SUM(ad_spend) AS ad_spend,
    SUM(ad_sales) AS ad_sales,
    SUM(ad_clicks) AS ad_clicks,
    SUM(ad_impressions) AS ad_impressions,
    SUM(returned_units) AS returned_units,
    SUM(sellable_returned_units) AS sellable_returned_units
  FROM facts
  GROUP BY `date`, channel, sku
),
grouped AS (
  SELECT
    s.*,
    -- The day's average price of one unit, to 9 decimals: the CAST makes it NUMERIC on both engines (GoogleSQL's
    -- division result-type table gives NUMERIC for NUMERIC ÷ INT64 already; DuckDB gives a DOUBLE), so the price
    -- bounds and the referral line are compared and multiplied in exact decimals, never in binary floating point.
    CASE WHEN s.units > 0 THEN CAST(s.revenue / s.units AS NUMERIC) END AS unit_price
  FROM sums AS s
),
priced AS (
  SELECT
    g.*,
    c.landed_unit_cost_usd,
    f.fulfilment_fee + ROUND(GREATEST(f.referral_base + f.referral_rate * g.unit_price, f.referral_minimum), 2)
      AS unit_fee
  FROM grouped AS g
  LEFT JOIN `{{dataset}}._seller_kpi_costs` AS c
    ON c.sku = g.sku AND (c.from_date IS NULL OR c.from_date <= g.`date`) AND (c.to_date IS NULL OR g.`date` <= c.to_date)
  LEFT JOIN `{{dataset}}._seller_kpi_fee_cards` AS f
    ON g.channel = 'amazon' AND f.sku = g.sku AND f.from_date <= g.`date` AND g.`date` <= f.to_date
    AND (
      (f.at_price AND g.unit_price = f.price_from)
      OR (NOT f.at_price AND (f.price_from IS NULL OR g.unit_price > f.price_from)
        AND (f.price_to IS NULL OR g.unit_price < f.price_to))
    )
),
profit AS (
  SELECT
    p.*,
    CASE
      WHEN (p.units != 0 OR p.sellable_returned_units != 0) AND p.sku != ''
        THEN (p.units - p.sellable_returned_units) * p.landed_unit_cost_usd
      WHEN p.units != 0 THEN NULL
      ELSE 0
    END AS cogs,
    CASE
      WHEN p.units = 0 THEN 0
      WHEN p.channel != 'amazon' THEN NULL
      ELSE p.units * p.unit_fee
    END AS fees
  FROM priced AS p
),
totals AS (
  SELECT p.*, p.revenue - p.fees - p.cogs AS gross_profit FROM profit AS p
)
SELECT
  t.`date`,
  t.channel,
  t.sku,
  t.units,
  t.orders,
  ROUND(t.revenue, 2) AS revenue,
  ROUND(t.ad_spend, 2) AS ad_spend,
  ROUND(t.ad_sales, 2) AS ad_sales,
  t.ad_clicks,
  t.ad_impressions,
  t.returned_units,
  ROUND(t.cogs, 2) AS cogs,
  ROUND(t.fees, 2) AS fees,
  CASE WHEN t.fees IS NULL THEN NULL WHEN t.units = 0 THEN 0 ELSE 1 END AS fees_estimated,
  ROUND(t.gross_profit, 2) AS gross_profit,
  CAST(0 AS NUMERIC) AS refunds,
  CAST(0 AS NUMERIC) AS reimbursements,
  ROUND(t.gross_profit * {{fx_usd_cny}}, 2) AS gross_profit_cny,
  ROUND(t.gross_profit - t.ad_spend, 2) AS net_profit,
  ROUND((t.gross_profit - t.ad_spend) * {{fx_usd_cny}}, 2) AS net_profit_cny,
  COALESCE(l.category, '(none)') AS category,
  COALESCE(l.owner, '(none)') AS owner
FROM totals AS t
LEFT JOIN `{{dataset}}._seller_kpi_levels` AS l ON l.sku = t.sku
