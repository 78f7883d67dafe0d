-- TikTok Shop "All orders" export (EXPORTS §8) from its staging table to parsed order lines, with the rules of
-- src/core/reports/tiktokOrders.ts: the description row below the header ("Platform unique order ID.") is no data;
-- ids and times end in a TAB (kpi_clean trims it as the staging table is made); the line key is Order ID + SKU ID
-- (SPEC §2a); revenue is the subtotal before discount minus the SELLER's discount (a platform discount is paid back
-- to the seller), or, without those columns, the subtotal after discount plus the platform discount;
-- Canceled/Cancelled → cancelled, Unpaid → pending.
WITH cells AS (
  SELECT
    s.source_file,
    s.order_id AS order_id,
    LOWER(s.order_status) AS status,
    s.sku_id AS sku_id,
    s.seller_sku AS sku,
    s.created_time AS created_text,
    created.moment AS created_moment,
    s.quantity AS quantity_text,
    kpi_count(s.quantity) AS quantity,
    kpi_count_issue(s.quantity) AS quantity_issue,
    s.sku_subtotal_after_discount AS after_text,
    kpi_decimal(s.sku_subtotal_after_discount) AS after_discount,
    kpi_number_issue(s.sku_subtotal_after_discount) AS after_issue,
    s.sku_subtotal_before_discount AS before_text,
    kpi_decimal(s.sku_subtotal_before_discount) AS before_discount,
    kpi_number_issue(s.sku_subtotal_before_discount) AS before_issue,
    s.sku_seller_discount AS seller_text,
    kpi_decimal(s.sku_seller_discount) AS seller_discount,
    kpi_number_issue(s.sku_seller_discount) AS seller_issue,
    s.sku_platform_discount AS platform_text,
    kpi_decimal(s.sku_platform_discount) AS platform_discount,
    kpi_number_issue(s.sku_platform_discount) AS platform_issue
  FROM staging_tiktok_orders AS s
  LEFT JOIN moments AS created
    ON created.source_file = s.source_file AND created.date_column = 'created time'
      AND created.raw_text = COALESCE(s.created_time, '')
  WHERE NOT s.blank_row
    AND LOWER(s.order_id) != 'order id'
    -- The description row: an order id never holds a space (a blank one is a data row with a missing value).
    AND NOT (REGEXP_CONTAINS(s.order_id, r'\s') AND NOT REGEXP_CONTAINS(s.order_id, r'^\d+$'))
),
outcomes AS (
  SELECT
    *,
    CASE WHEN status IN ('canceled', 'cancelled') THEN 'cancelled' WHEN status = 'unpaid' THEN 'pending' ELSE 'sold' END
      AS state,
    COALESCE(before_discount, after_discount) AS subtotal,
    CASE
      WHEN order_id = '' THEN 'issue.missingValue:Order ID'
      WHEN sku = '' THEN 'issue.missingValue:Seller SKU'
      WHEN kpi_moment_issue(created_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(created_moment), ':Created Time')
      WHEN created_moment IS NULL THEN 'issue.missingValue:Created Time'
      WHEN quantity_issue IS NOT NULL THEN CONCAT(quantity_issue, ':Quantity')
      WHEN after_issue IS NOT NULL THEN CONCAT(after_issue, ':SKU Subtotal After Discount')
      WHEN before_issue IS NOT NULL THEN CONCAT(before_issue, ':SKU Subtotal Before Discount')
      WHEN seller_issue IS NOT NULL THEN CONCAT(seller_issue, ':SKU Seller Discount')
      WHEN platform_issue IS NOT NULL THEN CONCAT(platform_issue, ':SKU Platform Discount')
      WHEN quantity IS NULL THEN 'issue.missingValue:Quantity'
      WHEN status IN ('canceled', 'cancelled') THEN 'line'
      WHEN quantity < 0 THEN 'issue.negativeQuantity:Quantity'
      WHEN COALESCE(before_discount, after_discount) < 0
        THEN IF(before_discount IS NOT NULL, 'issue.negativePrice:SKU Subtotal Before Discount',
          'issue.negativePrice:SKU Subtotal After Discount')
      WHEN quantity = 0 AND COALESCE(before_discount, after_discount) > 0 THEN 'issue.zeroQuantityWithPrice:Quantity'
      ELSE 'line'
    END AS outcome
  FROM cells
),
placed AS (
  SELECT
    *,
    ROW_NUMBER() OVER (
      PARTITION BY source_file, order_id, sku, outcome = 'line', sku_id = ''
      ORDER BY quantity, before_discount, after_discount, state
    ) AS place
  FROM outcomes
)
SELECT
  source_file,
  'tiktok' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'Created Time' THEN created_text
    WHEN 'Quantity' THEN quantity_text
    WHEN 'SKU Subtotal After Discount' THEN after_text
    WHEN 'SKU Subtotal Before Discount' THEN before_text
    WHEN 'SKU Seller Discount' THEN seller_text
    WHEN 'SKU Platform Discount' THEN platform_text
  END AS issue_value,
  order_id,
  CASE
    WHEN sku_id != '' THEN sku_id
    WHEN place = 1 THEN sku
    ELSE CONCAT(sku, '#', CAST(place AS STRING))
  END AS line_key,
  sku,
  kpi_moment_day(created_moment) AS `date`,
  CAST(NULL AS INT64) AS last_updated_ms,
  state,
  COALESCE(quantity, 0) AS quantity,
  ROUND(
    IF(
      before_discount IS NOT NULL,
      before_discount - ABS(COALESCE(seller_discount, 0)),
      COALESCE(after_discount, 0) + ABS(COALESCE(platform_discount, 0))
    ),
    2
  ) AS revenue,
  'USD' AS currency,
  '' AS market,
  CAST(0 AS NUMERIC) AS market_amount
FROM placed
