-- TikTok Shop income / settlement export (EXPORTS §8: Finance › Income, one row per settled order or adjustment, its
-- money split into columns) from its all-STRING staging table to parsed payments lines, with the rules of
-- src/core/reports/tiktokSettlement.ts. It gives fees, refunds and reimbursements only; the rows carry no SKU, so
-- every amount lands on the channel's row with an empty SKU of the settled day, as in the workbook. One row per
-- staging row: `outcome` is 'paymentsLine', 'otherMarket' (another currency, left out and counted) or an issue key.
-- - The row type is the `Type` column, or `Transaction type` in the 2026 layout. An order or refund row (or a row
--   without a type) splits its money: Refund subtotal after seller discounts → refund; TikTok Shop commission fee and
--   Referral fee → referral; Seller shipping fee → fulfilment; Transaction fee, Affiliate commission and Sales tax on
--   referral fees → other. Any other row is one amount, its Total settlement amount: ads or advertising →
--   advertisingCharge, reimbursement or compensation → reimbursement, refund → refund, anything else → other (a fee,
--   so profit is never overstated) and listed.
-- - A row's first problem is its Data Issue, in the reader's order: Order settled time, then the amounts above; such a
--   row is left out. The reader reads more cells of an order row after that check (Total settlement amount, Seller
--   discounts, Subtotal before discounts or Total revenue, Total fees, Customer-paid shipping fee): a problem there is
--   still the row's Data Issue, but the row counts, with 0 for that cell (`late_issue`).
-- Data Issues name a column as the 2026 layout writes it.
WITH file_blocks AS (
  -- A header line inside a file starts a second download appended below the first (SPEC §2a "Blocks").
  SELECT source_file, LOGICAL_OR(LOWER(order_adjustment_id) = 'order/adjustment id') AS appended
  FROM staging_tiktok_settlement
  GROUP BY source_file
),
cells AS (
  SELECT
    s.*,
    -- `Type` where the file has it, else `Transaction type` (the reader's sheet.column('type', 'transaction type')).
    IF(STRPOS(s.file_columns, ',type,') > 0, s.`type`, s.transaction_type) AS type_text,
    LOWER(IF(STRPOS(s.file_columns, ',type,') > 0, s.`type`, s.transaction_type)) AS type_key,
    STRPOS(s.file_columns, ',subtotal_before_discounts,') > 0 AS has_subtotal,
    STRPOS(s.file_columns, ',total_fees,') > 0 AS has_total_fees,
    IF(s.currency = '', 'USD', UPPER(s.currency)) AS market,
    settled.moment AS settled_moment,
    f.appended
  FROM staging_tiktok_settlement AS s
  JOIN file_blocks AS f ON f.source_file = s.source_file
  LEFT JOIN moments AS settled
    ON settled.source_file = s.source_file AND settled.date_column = 'order settled time'
      AND settled.raw_text = COALESCE(s.order_settled_time, '')
  WHERE NOT s.blank_row AND LOWER(s.order_adjustment_id) != 'order/adjustment id'
),
kinds AS (
  SELECT
    *,
    type_key IN ('order', 'refund', '') AS is_order_row,
    CASE
      WHEN type_key IN ('order', 'refund', '') THEN NULL
      WHEN STRPOS(type_key, 'ads') > 0 OR STRPOS(type_key, 'advertising') > 0 THEN 'advertisingCharge'
      WHEN STRPOS(type_key, 'reimbursement') > 0 OR STRPOS(type_key, 'compensation') > 0 THEN 'reimbursement'
      WHEN STRPOS(type_key, 'refund') > 0 THEN 'refund'
      ELSE 'other'
    END AS adjustment_kind,
    COALESCE(kpi_decimal(total_settlement_amount), 0) AS settlement,
    COALESCE(kpi_decimal(refund_subtotal_after_seller_discounts), 0) AS refund_subtotal,
    COALESCE(kpi_decimal(tiktok_shop_commission_fee), 0) AS commission_fee,
    COALESCE(kpi_decimal(referral_fee), 0) AS referral_fee_value,
    COALESCE(kpi_decimal(seller_shipping_fee), 0) AS seller_shipping,
    COALESCE(kpi_decimal(transaction_fee), 0) AS transaction_fee_value,
    COALESCE(kpi_decimal(affiliate_commission), 0) AS affiliate,
    COALESCE(kpi_decimal(sales_tax_on_referral_fees), 0) AS referral_tax,
    COALESCE(kpi_decimal(total_revenue), 0) AS revenue_total,
    COALESCE(kpi_decimal(total_fees), 0) AS fees_total
  FROM cells
),
outcomes AS (
  SELECT
    *,
    CASE
      WHEN kpi_moment_issue(settled_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(settled_moment), ':Order settled time')
      WHEN settled_moment IS NULL THEN 'issue.missingValue:Order settled time'
      WHEN is_order_row AND kpi_number_issue(refund_subtotal_after_seller_discounts) IS NOT NULL
        THEN CONCAT(kpi_number_issue(refund_subtotal_after_seller_discounts), ':Refund subtotal after seller discounts')
      WHEN is_order_row AND kpi_number_issue(tiktok_shop_commission_fee) IS NOT NULL
        THEN CONCAT(kpi_number_issue(tiktok_shop_commission_fee), ':TikTok Shop commission fee')
      WHEN is_order_row AND kpi_number_issue(referral_fee) IS NOT NULL
        THEN CONCAT(kpi_number_issue(referral_fee), ':Referral fee')
      WHEN is_order_row AND kpi_number_issue(seller_shipping_fee) IS NOT NULL
        THEN CONCAT(kpi_number_issue(seller_shipping_fee), ':Seller shipping fee')
      WHEN is_order_row AND kpi_number_issue(transaction_fee) IS NOT NULL
        THEN CONCAT(kpi_number_issue(transaction_fee), ':Transaction fee')
      WHEN is_order_row AND kpi_number_issue(affiliate_commission) IS NOT NULL
        THEN CONCAT(kpi_number_issue(affiliate_commission), ':Affiliate commission')
      WHEN is_order_row AND kpi_number_issue(sales_tax_on_referral_fees) IS NOT NULL
        THEN CONCAT(kpi_number_issue(sales_tax_on_referral_fees), ':Sales tax on referral fees')
      WHEN NOT is_order_row AND kpi_number_issue(total_settlement_amount) IS NOT NULL
        THEN CONCAT(kpi_number_issue(total_settlement_amount), ':Total settlement amount')
      WHEN market != 'USD' THEN 'otherMarket'
      ELSE 'paymentsLine'
    END AS outcome,
    -- The first problem among the cells an order row still reads once it is counted, in the reader's order.
    CASE
      WHEN NOT is_order_row THEN NULL
      WHEN kpi_number_issue(total_settlement_amount) IS NOT NULL
        THEN CONCAT(kpi_number_issue(total_settlement_amount), ':Total settlement amount')
      WHEN kpi_number_issue(seller_discounts) IS NOT NULL
        THEN CONCAT(kpi_number_issue(seller_discounts), ':Seller discounts')
      WHEN has_subtotal AND kpi_number_issue(subtotal_before_discounts) IS NOT NULL
        THEN CONCAT(kpi_number_issue(subtotal_before_discounts), ':Subtotal before discounts')
      WHEN NOT has_subtotal AND kpi_number_issue(total_revenue) IS NOT NULL
        THEN CONCAT(kpi_number_issue(total_revenue), ':Total revenue')
      WHEN has_total_fees AND kpi_number_issue(total_fees) IS NOT NULL
        THEN CONCAT(kpi_number_issue(total_fees), ':Total fees')
      WHEN kpi_number_issue(customer_paid_shipping_fee) IS NOT NULL
        THEN CONCAT(kpi_number_issue(customer_paid_shipping_fee), ':Customer-paid shipping fee')
    END AS late_problem
  FROM kinds
),
late AS (
  SELECT
    *,
    -- Only a row that passed the first check reads those cells.
    IF(STARTS_WITH(outcome, 'issue.'), NULL, late_problem) AS late_issue_text
  FROM outcomes
)
SELECT
  source_file,
  'tiktok' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'Order settled time' THEN order_settled_time
    WHEN 'Refund subtotal after seller discounts' THEN refund_subtotal_after_seller_discounts
    WHEN 'TikTok Shop commission fee' THEN tiktok_shop_commission_fee
    WHEN 'Referral fee' THEN referral_fee
    WHEN 'Seller shipping fee' THEN seller_shipping_fee
    WHEN 'Transaction fee' THEN transaction_fee
    WHEN 'Affiliate commission' THEN affiliate_commission
    WHEN 'Sales tax on referral fees' THEN sales_tax_on_referral_fees
    WHEN 'Total settlement amount' THEN total_settlement_amount
  END AS issue_value,
  REGEXP_EXTRACT(late_issue_text, r'^([^:]*)') AS late_issue,
  REGEXP_EXTRACT(late_issue_text, r':(.*)$') AS late_issue_column,
  CASE REGEXP_EXTRACT(late_issue_text, r':(.*)$')
    WHEN 'Total settlement amount' THEN total_settlement_amount
    WHEN 'Seller discounts' THEN seller_discounts
    WHEN 'Subtotal before discounts' THEN subtotal_before_discounts
    WHEN 'Total revenue' THEN total_revenue
    WHEN 'Total fees' THEN total_fees
    WHEN 'Customer-paid shipping fee' THEN customer_paid_shipping_fee
  END AS late_issue_value,
  order_adjustment_id AS row_key,
  appended,
  IF(adjustment_kind = 'other', type_text, NULL) AS unknown_type,
  kpi_moment_day(settled_moment) AS `date`,
  -- The export states no period: it covers its first to its last settled day (payments_coverage.sql).
  CAST(NULL AS DATE) AS period_from,
  CAST(NULL AS DATE) AS period_to,
  -- SPEC §2a: a payments line is keyed by every column of the line that says what it is (the reader's
  -- paymentsLineKey: settled day and instant, id, type and currency as read, then its amounts as read).
  CONCAT(
    COALESCE(CAST(kpi_moment_day(settled_moment) AS STRING), ''), CHR(1),
    COALESCE(CAST(kpi_moment_epoch(settled_moment) AS STRING), ''), CHR(1),
    order_adjustment_id, CHR(1), type_text, CHR(1), currency, CHR(1),
    CAST(settlement AS STRING), CHR(1), CAST(refund_subtotal AS STRING), CHR(1), CAST(commission_fee AS STRING), CHR(1),
    CAST(referral_fee_value AS STRING), CHR(1), CAST(transaction_fee_value AS STRING), CHR(1),
    CAST(affiliate AS STRING), CHR(1), CAST(referral_tax AS STRING), CHR(1), CAST(seller_shipping AS STRING), CHR(1),
    CAST(revenue_total AS STRING), CHR(1), CAST(fees_total AS STRING)
  ) AS line_key,
  order_adjustment_id AS order_id,
  '' AS sku,
  ROUND(IF(is_order_row, commission_fee + referral_fee_value, 0), 2) AS referral_amount,
  ROUND(IF(is_order_row, seller_shipping, 0), 2) AS fulfilment_amount,
  ROUND(
    IF(is_order_row, transaction_fee_value + affiliate + referral_tax, IF(adjustment_kind = 'other', settlement, 0)), 2
  ) AS other_amount,
  CAST(0 AS NUMERIC) AS storage_amount,
  ROUND(IF(is_order_row, refund_subtotal, IF(adjustment_kind = 'refund', settlement, 0)), 2) AS refund_amount,
  ROUND(IF(adjustment_kind = 'reimbursement', settlement, 0), 2) AS reimbursement_amount,
  CAST(0 AS NUMERIC) AS promotion_amount,
  CAST(0 AS NUMERIC) AS shipping_credit_amount,
  ROUND(IF(adjustment_kind = 'advertisingCharge', settlement, 0), 2) AS advertising_charge_amount,
  -- The unknown type's Data Issue sums the row's settlement amount, as PayoutBlocks.addUnknown does.
  settlement AS total,
  market,
  settlement AS market_amount
FROM late
