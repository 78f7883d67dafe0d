-- Walmart Seller Center orders (EXPORTS §8) from its staging table to parsed order lines, with the rules of
-- src/core/reports/walmartOrders.ts: one row per PO line; the line key is PO# + Line# (SPEC §2a), and a file without
-- Line# keys a PO's rows of one SKU by their place, numbered by content here (a load keeps no row order); revenue is
-- Item Cost (the line's item price, before shipping and tax); statuses Created → pending, Cancelled → cancelled.
WITH cells AS (
  SELECT
    s.source_file,
    s.po AS order_id,
    s.line AS line_number,
    s.sku AS sku,
    s.order_date AS ordered_text,
    ordered.moment AS ordered_moment,
    LOWER(s.status) AS status,
    s.qty AS quantity_text,
    kpi_count(s.qty) AS quantity,
    kpi_count_issue(s.qty) AS quantity_issue,
    s.item_cost AS cost_text,
    kpi_decimal(s.item_cost) AS item_cost,
    kpi_number_issue(s.item_cost) AS cost_issue
  FROM staging_walmart_orders AS s
  LEFT JOIN moments AS ordered
    ON ordered.source_file = s.source_file AND ordered.date_column = 'order date'
      AND ordered.raw_text = COALESCE(s.order_date, '')
  WHERE NOT s.blank_row AND LOWER(s.po) != 'po#'
),
outcomes AS (
  SELECT
    *,
    CASE status WHEN 'cancelled' THEN 'cancelled' WHEN 'created' THEN 'pending' ELSE 'sold' END AS state,
    CASE
      WHEN order_id = '' THEN 'issue.missingValue:PO#'
      WHEN sku = '' THEN 'issue.missingValue:SKU'
      WHEN kpi_moment_issue(ordered_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(ordered_moment), ':Order Date')
      WHEN ordered_moment IS NULL THEN 'issue.missingValue:Order Date'
      WHEN quantity_issue IS NOT NULL THEN CONCAT(quantity_issue, ':Qty')
      WHEN cost_issue IS NOT NULL THEN CONCAT(cost_issue, ':Item Cost')
      WHEN quantity IS NULL THEN 'issue.missingValue:Qty'
      WHEN status = 'cancelled' THEN 'line'
      WHEN item_cost IS NULL THEN 'issue.missingValue:Item Cost'
      WHEN quantity < 0 THEN 'issue.negativeQuantity:Qty'
      WHEN item_cost < 0 THEN 'issue.negativePrice:Item Cost'
      WHEN quantity = 0 AND item_cost > 0 THEN 'issue.zeroQuantityWithPrice:Qty'
      ELSE 'line'
    END AS outcome
  FROM cells
),
placed AS (
  SELECT
    *,
    ROW_NUMBER() OVER (
      PARTITION BY source_file, order_id, sku, outcome = 'line', line_number = ''
      ORDER BY quantity, item_cost, state
    ) AS place
  FROM outcomes
)
SELECT
  source_file,
  'walmart' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'Order Date' THEN ordered_text
    WHEN 'Qty' THEN quantity_text
    WHEN 'Item Cost' THEN cost_text
  END AS issue_value,
  order_id,
  CASE
    WHEN line_number != '' THEN line_number
    WHEN place = 1 THEN sku
    ELSE CONCAT(sku, '#', CAST(place AS STRING))
  END AS line_key,
  sku,
  kpi_moment_day(ordered_moment) AS `date`,
  CAST(NULL AS INT64) AS last_updated_ms,
  state,
  COALESCE(quantity, 0) AS quantity,
  -- Walmart US has no seller promotions on this export.
  ROUND(COALESCE(item_cost, 0), 2) AS revenue,
  'USD' AS currency,
  '' AS market,
  CAST(0 AS NUMERIC) AS market_amount
FROM placed
