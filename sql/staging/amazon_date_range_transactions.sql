-- Amazon Date Range transaction report (EXPORTS §6: Payments › Reports Repository, CSV, all fields quoted, a preamble
-- above the header) from its all-STRING staging table to parsed payments lines, with the rules of
-- src/core/reports/amazonDateRangeTransactions.ts. The report gives fees, refunds and reimbursements only (its product
-- sales are the sales the order exports count; taxes are the state's money; a Transfer moves the balance to the bank).
-- One row per staging row: `outcome` is 'paymentsLine', 'otherMarket' (an amazon.ca / amazon.com.mx line, in its own
-- currency, left out and counted per marketplace) or an issue key. Each line carries its amounts per fee type, summed
-- per type and rounded to the cent as addFees does; payments_line_winners.sql counts each line once across files.
-- - Order and Refund rows, per column: selling fees → referral, fba fees → fulfilment, other transaction fees, other
--   and regulatory fee → other (on a refund, the fee Amazon gives back less its refund administration fee); promotional
--   rebates → promotion on an order (revenue already nets it out); product sales and promotional rebates → refund on a
--   refund; shipping and gift wrap credits → shippingCredit on a refund (not revenue); taxes nothing.
-- - Other rows, their total by type and description: Transfer nothing; "Cost of Advertising" advertisingCharge (the ad
--   spend charged again); "storage" storage; Adjustment or "reimbursement" reimbursement; a type naming a refund,
--   chargeback or A-to-z claim refund; anything else other (a fee, so profit is never overstated).
-- - A row's first problem is its Data Issue, in the reader's order: the date/time, the total, then on Order and Refund
--   rows each money column in the order above.
WITH file_blocks AS (
  -- A header line inside a file starts a second download appended below the first, preamble and all (SPEC §2a
  -- "Blocks"); its prose lines carry no type, order id or total.
  SELECT source_file, LOGICAL_OR(LOWER(date_time) = 'date/time') AS appended
  FROM staging_amazon_date_range_transactions
  GROUP BY source_file
),
cells AS (
  SELECT
    s.source_file,
    posted.moment AS posted_moment,
    s.date_time AS posted_text,
    LOWER(s.`type`) AS type_key,
    LOWER(s.description) AS description_key,
    s.settlement_id,
    s.`type`,
    s.order_id,
    s.sku,
    s.description,
    s.quantity,
    s.marketplace,
    s.fulfillment,
    s.transaction_status,
    -- The row's key in Data Issues: its order id, else its description (a Service Fee has no order).
    IF(s.order_id != '', s.order_id, s.description) AS row_key,
    s.`total` AS total_text,
    COALESCE(kpi_decimal(s.`total`), 0) AS total,
    kpi_number_issue(s.`total`) AS total_issue,
    s.`product_sales` AS product_sales_text,
    COALESCE(kpi_decimal(s.`product_sales`), 0) AS product_sales,
    kpi_number_issue(s.`product_sales`) AS product_sales_issue,
    s.`promotional_rebates` AS promotional_rebates_text,
    COALESCE(kpi_decimal(s.`promotional_rebates`), 0) AS promotional_rebates,
    kpi_number_issue(s.`promotional_rebates`) AS promotional_rebates_issue,
    s.`shipping_credits` AS shipping_credits_text,
    COALESCE(kpi_decimal(s.`shipping_credits`), 0) AS shipping_credits,
    kpi_number_issue(s.`shipping_credits`) AS shipping_credits_issue,
    s.`gift_wrap_credits` AS gift_wrap_credits_text,
    COALESCE(kpi_decimal(s.`gift_wrap_credits`), 0) AS gift_wrap_credits,
    kpi_number_issue(s.`gift_wrap_credits`) AS gift_wrap_credits_issue,
    s.`product_sales_tax` AS product_sales_tax_text,
    COALESCE(kpi_decimal(s.`product_sales_tax`), 0) AS product_sales_tax,
    kpi_number_issue(s.`product_sales_tax`) AS product_sales_tax_issue,
    s.`shipping_credits_tax` AS shipping_credits_tax_text,
    COALESCE(kpi_decimal(s.`shipping_credits_tax`), 0) AS shipping_credits_tax,
    kpi_number_issue(s.`shipping_credits_tax`) AS shipping_credits_tax_issue,
    s.`giftwrap_credits_tax` AS giftwrap_credits_tax_text,
    COALESCE(kpi_decimal(s.`giftwrap_credits_tax`), 0) AS giftwrap_credits_tax,
    kpi_number_issue(s.`giftwrap_credits_tax`) AS giftwrap_credits_tax_issue,
    s.`promotional_rebates_tax` AS promotional_rebates_tax_text,
    COALESCE(kpi_decimal(s.`promotional_rebates_tax`), 0) AS promotional_rebates_tax,
    kpi_number_issue(s.`promotional_rebates_tax`) AS promotional_rebates_tax_issue,
    s.`tax_on_regulatory_fee` AS tax_on_regulatory_fee_text,
    COALESCE(kpi_decimal(s.`tax_on_regulatory_fee`), 0) AS tax_on_regulatory_fee,
    kpi_number_issue(s.`tax_on_regulatory_fee`) AS tax_on_regulatory_fee_issue,
    s.`sales_tax_collected` AS sales_tax_collected_text,
    COALESCE(kpi_decimal(s.`sales_tax_collected`), 0) AS sales_tax_collected,
    kpi_number_issue(s.`sales_tax_collected`) AS sales_tax_collected_issue,
    s.`marketplace_withheld_tax` AS marketplace_withheld_tax_text,
    COALESCE(kpi_decimal(s.`marketplace_withheld_tax`), 0) AS marketplace_withheld_tax,
    kpi_number_issue(s.`marketplace_withheld_tax`) AS marketplace_withheld_tax_issue,
    s.`marketplace_facilitator_tax` AS marketplace_facilitator_tax_text,
    COALESCE(kpi_decimal(s.`marketplace_facilitator_tax`), 0) AS marketplace_facilitator_tax,
    kpi_number_issue(s.`marketplace_facilitator_tax`) AS marketplace_facilitator_tax_issue,
    s.`selling_fees` AS selling_fees_text,
    COALESCE(kpi_decimal(s.`selling_fees`), 0) AS selling_fees,
    kpi_number_issue(s.`selling_fees`) AS selling_fees_issue,
    s.`fba_fees` AS fba_fees_text,
    COALESCE(kpi_decimal(s.`fba_fees`), 0) AS fba_fees,
    kpi_number_issue(s.`fba_fees`) AS fba_fees_issue,
    s.`other_transaction_fees` AS other_transaction_fees_text,
    COALESCE(kpi_decimal(s.`other_transaction_fees`), 0) AS other_transaction_fees,
    kpi_number_issue(s.`other_transaction_fees`) AS other_transaction_fees_issue,
    s.`other` AS other_text,
    COALESCE(kpi_decimal(s.`other`), 0) AS other,
    kpi_number_issue(s.`other`) AS other_issue,
    s.`regulatory_fee` AS regulatory_fee_text,
    COALESCE(kpi_decimal(s.`regulatory_fee`), 0) AS regulatory_fee,
    kpi_number_issue(s.`regulatory_fee`) AS regulatory_fee_issue,
    f.appended
  FROM staging_amazon_date_range_transactions AS s
  JOIN file_blocks AS f ON f.source_file = s.source_file
  LEFT JOIN moments AS posted
    ON posted.source_file = s.source_file AND posted.date_column = 'date/time'
      AND posted.raw_text = COALESCE(s.date_time, '')
  WHERE NOT s.blank_row AND LOWER(s.date_time) != 'date/time'
    AND NOT (f.appended AND s.`type` = '' AND s.order_id = '' AND s.total = '')
),
kinds AS (
  SELECT
    *,
    type_key IN ('order', 'refund') AS is_order_row,
    CASE
      WHEN type_key IN ('order', 'refund') THEN NULL
      WHEN type_key = 'transfer' THEN 'none'
      WHEN STRPOS(description_key, 'cost of advertising') > 0 THEN 'advertisingCharge'
      WHEN STRPOS(description_key, 'storage') > 0 THEN 'storage'
      WHEN type_key = 'adjustment' OR STRPOS(description_key, 'reimbursement') > 0 THEN 'reimbursement'
      WHEN STRPOS(type_key, 'refund') > 0 OR STRPOS(type_key, 'chargeback') > 0 OR STRPOS(type_key, 'a-to-z') > 0
        THEN 'refund'
      ELSE 'other'
    END AS row_kind
  FROM cells
),
unknown_kinds AS (
  SELECT
    *,
    -- A row of a type the reader does not know (not a fee either) still counts as a fee, so profit is not overstated,
    -- and is listed per type (or, without one, its description in lower case) with its lines and total.
    IF(
      row_kind = 'other' AND STRPOS(type_key, 'fee') = 0 AND STRPOS(description_key, 'fee') = 0,
      IF(`type` != '', `type`, description_key),
      NULL
    ) AS unknown_type
  FROM kinds
),
outcomes AS (
  SELECT
    *,
    CASE
      WHEN kpi_moment_issue(posted_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(posted_moment), ':date/time')
      WHEN posted_moment IS NULL THEN 'issue.missingValue:date/time'
      WHEN total_issue IS NOT NULL THEN CONCAT(total_issue, ':total')
      WHEN is_order_row AND product_sales_issue IS NOT NULL THEN CONCAT(product_sales_issue, ':product sales')
      WHEN is_order_row AND promotional_rebates_issue IS NOT NULL THEN CONCAT(promotional_rebates_issue, ':promotional rebates')
      WHEN is_order_row AND shipping_credits_issue IS NOT NULL THEN CONCAT(shipping_credits_issue, ':shipping credits')
      WHEN is_order_row AND gift_wrap_credits_issue IS NOT NULL THEN CONCAT(gift_wrap_credits_issue, ':gift wrap credits')
      WHEN is_order_row AND product_sales_tax_issue IS NOT NULL THEN CONCAT(product_sales_tax_issue, ':product sales tax')
      WHEN is_order_row AND shipping_credits_tax_issue IS NOT NULL THEN CONCAT(shipping_credits_tax_issue, ':shipping credits tax')
      WHEN is_order_row AND giftwrap_credits_tax_issue IS NOT NULL THEN CONCAT(giftwrap_credits_tax_issue, ':giftwrap credits tax')
      WHEN is_order_row AND promotional_rebates_tax_issue IS NOT NULL THEN CONCAT(promotional_rebates_tax_issue, ':promotional rebates tax')
      WHEN is_order_row AND tax_on_regulatory_fee_issue IS NOT NULL THEN CONCAT(tax_on_regulatory_fee_issue, ':tax on regulatory fee')
      WHEN is_order_row AND sales_tax_collected_issue IS NOT NULL THEN CONCAT(sales_tax_collected_issue, ':sales tax collected')
      WHEN is_order_row AND marketplace_withheld_tax_issue IS NOT NULL THEN CONCAT(marketplace_withheld_tax_issue, ':marketplace withheld tax')
      WHEN is_order_row AND marketplace_facilitator_tax_issue IS NOT NULL THEN CONCAT(marketplace_facilitator_tax_issue, ':marketplace facilitator tax')
      WHEN is_order_row AND selling_fees_issue IS NOT NULL THEN CONCAT(selling_fees_issue, ':selling fees')
      WHEN is_order_row AND fba_fees_issue IS NOT NULL THEN CONCAT(fba_fees_issue, ':fba fees')
      WHEN is_order_row AND other_transaction_fees_issue IS NOT NULL THEN CONCAT(other_transaction_fees_issue, ':other transaction fees')
      WHEN is_order_row AND other_issue IS NOT NULL THEN CONCAT(other_issue, ':other')
      WHEN is_order_row AND regulatory_fee_issue IS NOT NULL THEN CONCAT(regulatory_fee_issue, ':regulatory fee')
      WHEN marketplace != '' AND LOWER(marketplace) != 'amazon.com' THEN 'otherMarket'
      ELSE 'paymentsLine'
    END AS outcome
  FROM unknown_kinds
)
SELECT
  source_file,
  'amazon' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'date/time' THEN posted_text
    WHEN 'total' THEN total_text
    WHEN 'product sales' THEN product_sales_text
    WHEN 'promotional rebates' THEN promotional_rebates_text
    WHEN 'shipping credits' THEN shipping_credits_text
    WHEN 'gift wrap credits' THEN gift_wrap_credits_text
    WHEN 'product sales tax' THEN product_sales_tax_text
    WHEN 'shipping credits tax' THEN shipping_credits_tax_text
    WHEN 'giftwrap credits tax' THEN giftwrap_credits_tax_text
    WHEN 'promotional rebates tax' THEN promotional_rebates_tax_text
    WHEN 'tax on regulatory fee' THEN tax_on_regulatory_fee_text
    WHEN 'sales tax collected' THEN sales_tax_collected_text
    WHEN 'marketplace withheld tax' THEN marketplace_withheld_tax_text
    WHEN 'marketplace facilitator tax' THEN marketplace_facilitator_tax_text
    WHEN 'selling fees' THEN selling_fees_text
    WHEN 'fba fees' THEN fba_fees_text
    WHEN 'other transaction fees' THEN other_transaction_fees_text
    WHEN 'other' THEN other_text
    WHEN 'regulatory fee' THEN regulatory_fee_text
  END AS issue_value,
  -- No cell is read after a row is counted: its one Data Issue is its outcome.
  CAST(NULL AS STRING) AS late_issue,
  CAST(NULL AS STRING) AS late_issue_column,
  CAST(NULL AS STRING) AS late_issue_value,
  row_key,
  appended,
  unknown_type,
  kpi_moment_day(posted_moment) AS `date`,
  kpi_moment_epoch(posted_moment) AS posted_ms,
  -- The report states no period: it covers its first to its last posted day (payments_coverage.sql).
  CAST(NULL AS DATE) AS period_from,
  CAST(NULL AS DATE) AS period_to,
  -- SPEC §2a: a Date Range line has no id, so its key is every column of the line: the posting day and instant, its
  -- texts and its amounts as read (payments_line_winners.sql).
  CONCAT(
    COALESCE(CAST(kpi_moment_day(posted_moment) AS STRING), ''), CHR(1),
    COALESCE(CAST(kpi_moment_epoch(posted_moment) AS STRING), ''), CHR(1),
    settlement_id, CHR(1), `type`, CHR(1), order_id, CHR(1), sku, CHR(1), description, CHR(1),
    quantity, CHR(1), marketplace, CHR(1), fulfillment, CHR(1), transaction_status, CHR(1),
    CAST(product_sales AS STRING), CHR(1), CAST(product_sales_tax AS STRING), CHR(1),
    CAST(shipping_credits AS STRING), CHR(1), CAST(shipping_credits_tax AS STRING), CHR(1),
    CAST(gift_wrap_credits AS STRING), CHR(1), CAST(giftwrap_credits_tax AS STRING), CHR(1),
    CAST(regulatory_fee AS STRING), CHR(1), CAST(tax_on_regulatory_fee AS STRING), CHR(1),
    CAST(promotional_rebates AS STRING), CHR(1), CAST(promotional_rebates_tax AS STRING), CHR(1),
    CAST(marketplace_withheld_tax AS STRING), CHR(1), CAST(selling_fees AS STRING), CHR(1),
    CAST(fba_fees AS STRING), CHR(1), CAST(other_transaction_fees AS STRING), CHR(1),
    CAST(other AS STRING), CHR(1), CAST(total AS STRING)
  ) AS line_key,
  settlement_id,
  `type`,
  order_id,
  sku,
  description,
  quantity,
  marketplace,
  fulfillment,
  transaction_status,
  product_sales,
  product_sales_tax,
  shipping_credits,
  shipping_credits_tax,
  gift_wrap_credits,
  giftwrap_credits_tax,
  regulatory_fee,
  tax_on_regulatory_fee,
  promotional_rebates,
  promotional_rebates_tax,
  marketplace_withheld_tax,
  selling_fees,
  fba_fees,
  other_transaction_fees,
  other,
  total,
  ROUND(IF(is_order_row, selling_fees, 0), 2) AS referral_amount,
  ROUND(IF(is_order_row, fba_fees, 0), 2) AS fulfilment_amount,
  ROUND(
    IF(is_order_row, other_transaction_fees + other + regulatory_fee, IF(row_kind = 'other', total, 0)), 2
  ) AS other_amount,
  ROUND(IF(row_kind = 'storage', total, 0), 2) AS storage_amount,
  ROUND(
    CASE
      WHEN type_key = 'refund' THEN product_sales + promotional_rebates
      WHEN row_kind = 'refund' THEN total
      ELSE 0
    END, 2
  ) AS refund_amount,
  ROUND(IF(row_kind = 'reimbursement', total, 0), 2) AS reimbursement_amount,
  ROUND(IF(type_key = 'order', promotional_rebates, 0), 2) AS promotion_amount,
  ROUND(IF(type_key = 'refund', shipping_credits + gift_wrap_credits, 0), 2) AS shipping_credit_amount,
  ROUND(IF(row_kind = 'advertisingCharge', total, 0), 2) AS advertising_charge_amount,
  marketplace AS market,
  total AS market_amount
FROM outcomes
