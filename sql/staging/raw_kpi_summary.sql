-- The KPI Summary rows of the Drive folder's facts (issue 15, item 4): one row per day × channel × SKU with the KPI
-- Summary's columns and rules (summarize.ts and table.ts), from raw_order_lines, raw_ad_rows, raw_returns,
-- raw_fee_lines and raw_payments_coverage as this script just wrote them, and the workbook's inputs the build loaded (src/bigquery/raw/kpiInputs.ts). SQL here only sums, joins
-- and multiplies; every rate and unit cost comes from the add-on's TypeScript.
-- - units, revenue: the counted lines (cancelled winners count for nothing); orders: distinct order ids per row.
-- - ad columns: the ad rows of the row's SKU (advertised SKU, ASIN when blank).
-- - returned_units: the FBA customer returns of the row's day and SKU (raw_returns, each return once).
-- - cogs: (units − returned units whose disposition is SELLABLE) × the landed unit cost of the Costs row in force on
--   the day: units sold cost their landed cost on the sale day, units back in sellable stock give the cost in force on
--   the return day back (SPEC §2b; damaged or disposed units give nothing back). NULL when the SKU has none (or a CNY
--   cost has no rate), or the units have no SKU; 0 on a row with neither units nor sellable returns.
-- - fees: the payments reports' referral, fulfilment, storage and other fees of the row's day and SKU (charges are
--   negative in the reports, a cost here; fees given back on a refund reduce them; lines without a SKU, such as storage,
--   land on the channel's row with an empty SKU; a Shopify Payments line is spread over its order's SKUs by revenue). On a day with units that no payments file covers, the estimate is
--   added: Amazon only, as the build estimates it — per unit, the fulfilment fee plus the referral fee on the day's
--   average price (revenue ÷ units), rounded to the cent per unit, from the SKU's fee card; NULL when it has none, and
--   NULL for other channels, whose fees come only from payments reports. fees_estimated 1 on those days only.
-- - refunds: the payments reports' refunded product sales and promotions, positive; reimbursements: what Amazon paid
--   back for lost or damaged stock (Adjustment lines), on their own day and SKU.
-- - gross_profit = revenue − refunds − fees − cogs + reimbursements (NULL when fees or cogs is), net_profit = gross_profit − ad_spend, the CNY columns
--   at the build's USD→CNY rate ({{fx_usd_cny}}, NULL when unreadable), money rounded to the cent as the cells are.
WITH order_revenue AS (
  -- Each order's revenue per SKU (lines with revenue, not cancelled), for the payments lines that belong to a whole
  -- order: summarize()'s revenueShares.
  SELECT channel, order_id, sku, SUM(revenue) AS revenue
  FROM `{{dataset}}.raw_order_lines`
  WHERE state != 'cancelled' AND revenue > 0
  GROUP BY channel, order_id, sku
),
order_totals AS (
  SELECT channel, order_id, SUM(revenue) AS revenue FROM order_revenue GROUP BY channel, order_id
),
fee_facts AS (
  -- A Shopify Payments line (shopify_payouts.sql, the one payments report whose amounts belong to an order:
  -- FeeFact.spreadOverOrder) goes to its order's SKUs by their share of its revenue, on its own day; a line without
  -- an order, or whose order has no line with revenue in the folder, stays on the channel's row with an empty SKU.
  SELECT
    f.`date`,
    f.channel,
    COALESCE(r.sku, f.sku) AS sku,
    f.fee_type,
    -- NUMERIC on both engines (DuckDB divides decimals into a DOUBLE), to 9 decimals: exact sums, rounded at the end.
    IF(r.sku IS NULL, f.amount, CAST(f.amount * r.revenue / t.revenue AS NUMERIC)) AS amount
  FROM `{{dataset}}.raw_fee_lines` AS f
  LEFT JOIN order_revenue AS r
    ON f.channel = 'shopify' AND f.order_id != '' AND r.channel = f.channel AND r.order_id = f.order_id
  LEFT JOIN order_totals AS t ON t.channel = r.channel AND t.order_id = r.order_id
),
facts AS (
  SELECT `date`, channel, sku, quantity AS units, order_id, revenue, CAST(0 AS NUMERIC) AS ad_spend,
    CAST(0 AS NUMERIC) AS ad_sales, 0 AS ad_clicks, 0 AS ad_impressions, 0 AS returned_units,
    0 AS sellable_returned_units, CAST(0 AS NUMERIC) AS reported_fees, CAST(0 AS NUMERIC) AS refunds,
    CAST(0 AS NUMERIC) AS reimbursements
  FROM `{{dataset}}.raw_order_lines`
  WHERE state != 'cancelled'
  UNION ALL
  SELECT `date`, channel, sku, 0, CAST(NULL AS STRING), CAST(0 AS NUMERIC), spend, sales, clicks, impressions, 0, 0,
    CAST(0 AS NUMERIC), CAST(0 AS NUMERIC), CAST(0 AS NUMERIC)
  FROM `{{dataset}}.raw_ad_rows`
  UNION ALL
  SELECT `date`, channel, sku, 0, CAST(NULL AS STRING), CAST(0 AS NUMERIC), CAST(0 AS NUMERIC), CAST(0 AS NUMERIC), 0,
    0, quantity, IF(disposition = 'SELLABLE', quantity, 0), CAST(0 AS NUMERIC), CAST(0 AS NUMERIC), CAST(0 AS NUMERIC)
  FROM `{{dataset}}.raw_returns`
  UNION ALL
  -- Promotions (netted out of revenue already), shipping credits (not revenue) and advertising charges (the ad spend
  -- charged again) are not counted a second time.
  SELECT `date`, channel, sku, 0, CAST(NULL AS STRING), CAST(0 AS NUMERIC), CAST(0 AS NUMERIC), CAST(0 AS NUMERIC), 0,
    0, 0, 0,
    IF(fee_type IN ('referral', 'fulfilment', 'storage', 'other'), -amount, 0),
    IF(fee_type = 'refund', -amount, 0),
    IF(fee_type = 'reimbursement', amount, 0)
  FROM fee_facts
  WHERE fee_type IN ('referral', 'fulfilment', 'storage', 'other', 'refund', 'reimbursement')
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
    SUM(sellable_returned_units) AS sellable_returned_units,
    SUM(reported_fees) AS reported_fees,
    SUM(refunds) AS refunds,
    SUM(reimbursements) AS reimbursements
  FROM facts
  GROUP BY `date`, channel, sku
),
-- The days × channels a payments file covers (a day between its first and last posted day), once each.
covered_days AS (
  SELECT k.`date`, k.channel
  FROM (SELECT DISTINCT `date`, channel FROM sums) AS k
  JOIN `{{dataset}}.raw_payments_coverage` AS c
    ON c.channel = k.channel AND c.first_day <= k.`date` AND k.`date` <= c.last_day
  GROUP BY k.`date`, k.channel
),
grouped AS (
  SELECT
    s.*,
    -- The day's average price of one unit, to 9 decimals: the CAST makes it NUMERIC on both engines (GoogleSQL's
    -- division result-type table gives NUMERIC for NUMERIC ÷ INT64 already; DuckDB gives a DOUBLE), so the price
    -- bounds and the referral line are compared and multiplied in exact decimals, never in binary floating point.
    CASE WHEN s.units > 0 THEN CAST(s.revenue / s.units AS NUMERIC) END AS unit_price,
    d.channel IS NOT NULL AS covered
  FROM sums AS s
  LEFT JOIN covered_days AS d ON d.`date` = s.`date` AND d.channel = s.channel
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
      WHEN p.units = 0 OR p.covered THEN p.reported_fees
      WHEN p.channel != 'amazon' THEN NULL
      ELSE p.reported_fees + p.units * p.unit_fee
    END AS fees
  FROM priced AS p
),
totals AS (
  SELECT p.*, p.revenue - p.refunds - p.fees - p.cogs + p.reimbursements AS gross_profit FROM profit AS p
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
  CASE WHEN t.fees IS NULL THEN NULL WHEN t.units = 0 OR t.covered THEN 0 ELSE 1 END AS fees_estimated,
  ROUND(t.gross_profit, 2) AS gross_profit,
  ROUND(t.refunds, 2) AS refunds,
  ROUND(t.reimbursements, 2) AS reimbursements,
  ROUND(t.gross_profit * {{fx_usd_cny}}, 2) AS gross_profit_cny,
  ROUND(t.gross_profit - t.ad_spend, 2) AS net_profit,
  ROUND((t.gross_profit - t.ad_spend) * {{fx_usd_cny}}, 2) AS net_profit_cny,
  COALESCE(l.category, '(none)') AS category,
  COALESCE(l.owner, '(none)') AS owner
FROM totals AS t
LEFT JOIN `{{dataset}}._seller_kpi_levels` AS l ON l.sku = t.sku
