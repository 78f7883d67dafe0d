-- Amazon All Orders (EXPORTS §3) from its all-STRING staging table to parsed order lines, with the rules of
-- src/core/reports/amazonAllOrders.ts: Non-Amazon (multi-channel fulfilment) lines are another channel's sales; lines
-- of another marketplace or currency are left out; a Pending line without a price is not a sale yet; quantity 0 with a
-- price, negative quantities and prices are Data Issues; revenue = item-price (the line total) − |promotion discount|.
-- One row per staging row: `outcome` is 'line' (an order line copy), a left-out rule, or an issue key (issue_column and
-- issue_value say which cell). Copies of one line are resolved later, across files (order_line_winners.sql).
WITH cells AS (
  SELECT
    s.source_file,
    s.amazon_order_id AS order_id,
    s.sku AS sku,
    s.sales_channel AS sales_channel,
    s.currency AS currency,
    LOWER(s.order_status) AS order_status,
    LOWER(s.item_status) AS item_status,
    purchase.moment AS purchase_moment,
    updated.moment AS updated_moment,
    s.purchase_date AS purchase_text,
    s.last_updated_date AS updated_text,
    s.quantity AS quantity_text,
    kpi_count(s.quantity) AS quantity,
    kpi_count_issue(s.quantity) AS quantity_issue,
    s.item_price AS price_text,
    kpi_decimal(s.item_price) AS item_price,
    kpi_number_issue(s.item_price) AS price_issue,
    s.item_promotion_discount AS discount_text,
    kpi_decimal(s.item_promotion_discount) AS promotion_discount,
    kpi_number_issue(s.item_promotion_discount) AS discount_issue
  FROM staging_amazon_all_orders AS s
  LEFT JOIN moments AS purchase
    ON purchase.source_file = s.source_file AND purchase.date_column = 'purchase-date'
      AND purchase.raw_text = COALESCE(s.purchase_date, '')
  LEFT JOIN moments AS updated
    ON updated.source_file = s.source_file AND updated.date_column = 'last-updated-date'
      AND updated.raw_text = COALESCE(s.last_updated_date, '')
  -- A blank line is no row; a header line inside the file starts another download appended below (SPEC §2a "Blocks").
  WHERE NOT s.blank_row AND LOWER(s.amazon_order_id) != 'amazon-order-id'
),
judged AS (
  SELECT
    *,
    CASE
      WHEN order_status = 'cancelled' OR item_status = 'cancelled' THEN 'cancelled'
      WHEN order_status = 'pending' THEN 'pending'
      ELSE 'sold'
    END AS state,
    (sales_channel != '' AND LOWER(sales_channel) != 'amazon.com') AS other_marketplace
  FROM cells
),
outcomes AS (
  SELECT
    *,
    CASE
      WHEN LOWER(sales_channel) = 'non-amazon' THEN 'nonAmazon'
      WHEN other_marketplace OR NOT (currency = '' OR UPPER(currency) = 'USD') THEN
        IF(price_issue IS NULL, 'otherMarket', CONCAT(price_issue, ':item-price'))
      WHEN order_id = '' THEN 'issue.missingValue:amazon-order-id'
      WHEN sku = '' THEN 'issue.missingValue:sku'
      WHEN kpi_moment_issue(purchase_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(purchase_moment), ':purchase-date')
      WHEN purchase_moment IS NULL THEN 'issue.missingValue:purchase-date'
      WHEN kpi_moment_issue(updated_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(updated_moment), ':last-updated-date')
      WHEN quantity_issue IS NOT NULL THEN CONCAT(quantity_issue, ':quantity')
      WHEN price_issue IS NOT NULL THEN CONCAT(price_issue, ':item-price')
      WHEN discount_issue IS NOT NULL THEN CONCAT(discount_issue, ':item-promotion-discount')
      -- A Cancelled line counts for nothing whatever its cells say (Amazon writes quantity 0, price blank).
      WHEN state = 'cancelled' THEN 'line'
      WHEN quantity IS NULL THEN 'issue.missingValue:quantity'
      WHEN quantity < 0 THEN 'issue.negativeQuantity:quantity'
      -- Not a sale yet (SPEC §2a): Amazon prices a Pending line only once payment is authorised.
      WHEN item_price IS NULL AND state = 'pending' THEN 'pendingWithoutPrice'
      WHEN item_price IS NULL THEN 'issue.missingValue:item-price'
      WHEN item_price < 0 THEN 'issue.negativePrice:item-price'
      WHEN quantity = 0 AND item_price > 0 THEN 'issue.zeroQuantityWithPrice:quantity'
      ELSE 'line'
    END AS outcome
  FROM judged
)
SELECT
  source_file,
  'amazon' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'purchase-date' THEN purchase_text
    WHEN 'last-updated-date' THEN updated_text
    WHEN 'quantity' THEN quantity_text
    WHEN 'item-price' THEN price_text
    WHEN 'item-promotion-discount' THEN discount_text
  END AS issue_value,
  order_id,
  sku AS line_key,
  sku,
  kpi_moment_day(purchase_moment) AS `date`,
  kpi_moment_epoch(updated_moment) AS last_updated_ms,
  state,
  COALESCE(quantity, 0) AS quantity,
  -- item-price is the line total; the promotion discount is written negative in some files and positive in others,
  -- and is always a reduction (SPEC §2).
  ROUND(COALESCE(item_price, 0) - ABS(COALESCE(promotion_discount, 0)), 2) AS revenue,
  IF(currency = '', 'USD', currency) AS currency,
  IF(other_marketplace, kpi_trim(CONCAT(sales_channel, ' ', currency)), currency) AS market,
  COALESCE(item_price, 0) AS market_amount
FROM outcomes
