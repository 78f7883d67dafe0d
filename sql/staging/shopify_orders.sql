-- Shopify orders export (EXPORTS §7) from its staging table to parsed order lines, with the rules of
-- src/core/reports/shopifyOrders.ts: one row per line item; the order-level cells (Created at, Financial Status,
-- Cancelled at, Currency) sit on an order's first row only, and its other rows inherit them (SPEC §2); revenue =
-- Lineitem price × Lineitem quantity − |Lineitem discount|; lines in another currency are left out.
--
-- A load job keeps no row order, so "the rows below the first" is read as "the rows of the same Name in the same file":
-- exact when a file holds each order once, as a download does. When an order's first row appears k times in one file
-- (the order pasted k times), its rows are k copies, and the n-th row of a SKU (SPEC §2a line key Name + Lineitem sku
-- and the row's place among the order's rows of that SKU, orderLines.ts) is numbered by content, k copies to a place.
WITH cells AS (
  SELECT
    s.source_file,
    s.name AS order_id,
    s.created_at AS created_text,
    created.moment AS created_moment,
    LOWER(s.financial_status) AS financial_status,
    s.cancelled_at AS cancelled_at,
    s.currency AS currency,
    s.lineitem_sku AS sku,
    s.lineitem_quantity AS quantity_text,
    kpi_count(s.lineitem_quantity) AS quantity,
    kpi_count_issue(s.lineitem_quantity) AS quantity_issue,
    s.lineitem_price AS price_text,
    kpi_decimal(s.lineitem_price) AS unit_price,
    kpi_number_issue(s.lineitem_price) AS price_issue,
    s.lineitem_discount AS discount_text,
    kpi_decimal(s.lineitem_discount) AS line_discount,
    kpi_number_issue(s.lineitem_discount) AS discount_issue
  FROM staging_shopify_orders AS s
  LEFT JOIN moments AS created
    ON created.source_file = s.source_file AND created.date_column = 'created at'
      AND created.raw_text = COALESCE(s.created_at, '')
  WHERE NOT s.blank_row AND LOWER(s.name) != 'name'
),
first_rows AS (
  SELECT
    *,
    -- Financial Status values (Shopify Admin, OrderDisplayFinancialStatus): `voided` is an authorised payment never
    -- captured and cancelled, no sale; a refunded order was a sale whose refund is its own measure (SPEC §2).
    CASE
      WHEN cancelled_at != '' OR financial_status = 'voided' THEN 'cancelled'
      WHEN financial_status IN ('refunded', 'partially_refunded') THEN 'refunded'
      WHEN financial_status IN ('pending', 'authorized') THEN 'pending'
      ELSE 'sold'
    END AS state
  FROM cells
  WHERE created_text != '' AND order_id != ''
),
orders AS (
  SELECT source_file, order_id, created_moment, state, currency, copies
  FROM (
    SELECT
      source_file, order_id, created_moment, state, currency,
      COUNT(*) OVER (PARTITION BY source_file, order_id) AS copies,
      ROW_NUMBER() OVER (
        PARTITION BY source_file, order_id
        ORDER BY CASE state WHEN 'cancelled' THEN 3 WHEN 'refunded' THEN 2 WHEN 'sold' THEN 1 ELSE 0 END DESC,
          created_moment DESC, currency DESC
      ) AS copy_rank
    FROM first_rows
  )
  WHERE copy_rank = 1
),
outcomes AS (
  SELECT
    c.*,
    o.created_moment AS order_created_moment,
    o.state,
    o.currency AS order_currency,
    COALESCE(o.copies, 1) AS copies,
    ROUND(COALESCE(c.unit_price, 0) * COALESCE(c.quantity, 0) - ABS(COALESCE(c.line_discount, 0)), 2) AS revenue,
    CASE
      WHEN c.order_id = '' THEN 'issue.missingValue:Name'
      WHEN c.created_text != '' AND kpi_moment_issue(c.created_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(c.created_moment), ':Created at')
      WHEN o.order_id IS NULL THEN 'issue.missingValue:Created at'
      -- A later row inherits the first row's Created at; when that one could not be read, this row has no day either.
      WHEN kpi_moment_day(o.created_moment) IS NULL THEN 'issue.orderFirstRowUnreadable'
      -- A line without a SKU cannot be costed: a Data Issue, so SPEC §2a's Lineitem name key is never needed.
      WHEN c.sku = '' THEN 'issue.missingValue:Lineitem sku'
      WHEN c.quantity_issue IS NOT NULL THEN CONCAT(c.quantity_issue, ':Lineitem quantity')
      WHEN c.price_issue IS NOT NULL THEN CONCAT(c.price_issue, ':Lineitem price')
      WHEN c.discount_issue IS NOT NULL THEN CONCAT(c.discount_issue, ':Lineitem discount')
      WHEN c.quantity IS NULL THEN 'issue.missingValue:Lineitem quantity'
      WHEN c.unit_price IS NULL THEN 'issue.missingValue:Lineitem price'
      WHEN c.quantity < 0 THEN 'issue.negativeQuantity:Lineitem quantity'
      WHEN c.unit_price < 0 THEN 'issue.negativePrice:Lineitem price'
      WHEN c.quantity = 0 AND c.unit_price > 0 THEN 'issue.zeroQuantityWithPrice:Lineitem quantity'
      WHEN NOT (o.currency = '' OR UPPER(o.currency) = 'USD') THEN 'otherMarket'
      ELSE 'line'
    END AS outcome
  FROM cells AS c
  LEFT JOIN orders AS o ON o.source_file = c.source_file AND o.order_id = c.order_id
),
placed AS (
  SELECT
    *,
    IF(
      outcome = 'line',
      DIV(
        ROW_NUMBER() OVER (
          PARTITION BY source_file, order_id, sku, outcome = 'line'
          ORDER BY quantity, unit_price, line_discount, created_text
        ) + copies - 1,
        copies
      ),
      NULL
    ) AS place
  FROM outcomes
)
SELECT
  source_file,
  'shopify' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'Created at' THEN created_text
    WHEN 'Lineitem quantity' THEN quantity_text
    WHEN 'Lineitem price' THEN price_text
    WHEN 'Lineitem discount' THEN discount_text
  END AS issue_value,
  order_id,
  IF(place = 1, sku, CONCAT(sku, '#', CAST(place AS STRING))) AS line_key,
  sku,
  kpi_moment_day(order_created_moment) AS `date`,
  CAST(NULL AS INT64) AS last_updated_ms,
  state,
  COALESCE(quantity, 0) AS quantity,
  revenue,
  IF(COALESCE(order_currency, '') = '', 'USD', order_currency) AS currency,
  UPPER(COALESCE(order_currency, '')) AS market,
  revenue AS market_amount
FROM placed
