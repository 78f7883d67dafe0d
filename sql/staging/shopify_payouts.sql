-- Shopify Payments transactions export (EXPORTS, `payment_transactions_export_*.csv`) from its all-STRING staging
-- table to parsed payments lines, with the rules of src/core/reports/shopifyPayouts.ts. One row per staging row:
-- `outcome` is 'paymentsLine', 'otherMarket' (a line in another currency, left out and counted per currency) or an
-- issue key. Per line, summed per fee type and rounded to the cent as addFees does:
-- - the processing `Fee` Shopify keeps, written positive (Net = Amount − Fee), is a charge: other = −|Fee|;
-- - `Amount` by `Type`: refund and dispute (a chargeback and its reversal) → refund; adjustment (Shopify's fee
--   corrections) → other; charge (the sale the orders export counts), reserve and payout (money moved, not income
--   nor cost) → nothing; a type the reader does not know → other (a fee, so profit is never overstated) and listed.
-- A line's amounts belong to its order, not a SKU: raw_kpi_summary.sql spreads them over the order's lines by their
-- share of its revenue, as summarize() does for FeeFact.spreadOverOrder (a line without an order, or whose order has
-- no line with revenue in the folder, lands on the channel's row with an empty SKU).
-- A row's first problem is its Data Issue, in the reader's order: Transaction Date, then Amount, Fee, Net (named as the
-- export's header writes them, as the reader's Data Issue names them).
WITH file_blocks AS (
  -- A header line inside a file starts a second download appended below the first (SPEC §2a "Blocks").
  SELECT source_file, LOGICAL_OR(LOWER(transaction_date) = 'transaction date') AS appended
  FROM staging_shopify_payouts
  GROUP BY source_file
),
cells AS (
  SELECT
    s.source_file,
    posted.moment AS posted_moment,
    s.transaction_date AS posted_text,
    s.`type`,
    LOWER(s.`type`) AS type_key,
    s.`order` AS order_id,
    s.payout_id,
    s.checkout,
    s.currency,
    -- Shopify leaves the currency blank on no line we know of; a blank is US dollars, as the reader takes it.
    IF(s.currency = '', 'USD', UPPER(s.currency)) AS market,
    s.amount AS amount_text,
    COALESCE(kpi_decimal(s.amount), 0) AS amount,
    kpi_number_issue(s.amount) AS amount_issue,
    s.fee AS fee_text,
    COALESCE(kpi_decimal(s.fee), 0) AS fee,
    kpi_number_issue(s.fee) AS fee_issue,
    s.net AS net_text,
    COALESCE(kpi_decimal(s.net), 0) AS net,
    kpi_number_issue(s.net) AS net_issue,
    f.appended
  FROM staging_shopify_payouts AS s
  JOIN file_blocks AS f ON f.source_file = s.source_file
  LEFT JOIN moments AS posted
    ON posted.source_file = s.source_file AND posted.date_column = 'transaction date'
      AND posted.raw_text = COALESCE(s.transaction_date, '')
  WHERE NOT s.blank_row AND LOWER(s.transaction_date) != 'transaction date'
),
kinds AS (
  SELECT
    *,
    CASE
      WHEN type_key IN ('refund', 'dispute') THEN 'refund'
      WHEN type_key = 'adjustment' THEN 'other'
      WHEN type_key IN ('charge', 'reserve', 'payout') THEN 'none'
      ELSE 'unknown'
    END AS amount_kind
  FROM cells
),
outcomes AS (
  SELECT
    *,
    CASE
      WHEN kpi_moment_issue(posted_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(posted_moment), ':Transaction Date')
      WHEN posted_moment IS NULL THEN 'issue.missingValue:Transaction Date'
      WHEN amount_issue IS NOT NULL THEN CONCAT(amount_issue, ':Amount')
      WHEN fee_issue IS NOT NULL THEN CONCAT(fee_issue, ':Fee')
      WHEN net_issue IS NOT NULL THEN CONCAT(net_issue, ':Net')
      WHEN market != 'USD' THEN 'otherMarket'
      ELSE 'paymentsLine'
    END AS outcome
  FROM kinds
)
SELECT
  source_file,
  'shopify' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'Transaction Date' THEN posted_text
    WHEN 'Amount' THEN amount_text
    WHEN 'Fee' THEN fee_text
    WHEN 'Net' THEN net_text
  END AS issue_value,
  -- No cell is read after a row is counted: its one Data Issue is its outcome.
  CAST(NULL AS STRING) AS late_issue,
  CAST(NULL AS STRING) AS late_issue_column,
  CAST(NULL AS STRING) AS late_issue_value,
  order_id AS row_key,
  appended,
  IF(amount_kind = 'unknown', `type`, NULL) AS unknown_type,
  kpi_moment_day(posted_moment) AS `date`,
  -- The export states no period: it covers its first to its last posted day (payments_coverage.sql).
  CAST(NULL AS DATE) AS period_from,
  CAST(NULL AS DATE) AS period_to,
  -- SPEC §2a: a payments line has no id, so its key is every column saying what it is (the reader's
  -- paymentsLineKey: posting day and instant, Type, Order, Payout ID, Checkout, Currency, then Amount, Fee, Net as read).
  CONCAT(
    COALESCE(CAST(kpi_moment_day(posted_moment) AS STRING), ''), CHR(1),
    COALESCE(CAST(kpi_moment_epoch(posted_moment) AS STRING), ''), CHR(1),
    `type`, CHR(1), order_id, CHR(1), payout_id, CHR(1), checkout, CHR(1), currency, CHR(1),
    CAST(amount AS STRING), CHR(1), CAST(fee AS STRING), CHR(1), CAST(net AS STRING)
  ) AS line_key,
  order_id,
  '' AS sku,
  CAST(0 AS NUMERIC) AS referral_amount,
  CAST(0 AS NUMERIC) AS fulfilment_amount,
  ROUND(-ABS(fee) + IF(amount_kind IN ('other', 'unknown'), amount, 0), 2) AS other_amount,
  CAST(0 AS NUMERIC) AS storage_amount,
  ROUND(IF(amount_kind = 'refund', amount, 0), 2) AS refund_amount,
  CAST(0 AS NUMERIC) AS reimbursement_amount,
  CAST(0 AS NUMERIC) AS promotion_amount,
  CAST(0 AS NUMERIC) AS shipping_credit_amount,
  CAST(0 AS NUMERIC) AS advertising_charge_amount,
  -- The unknown type's Data Issue sums the line's Amount, as PayoutBlocks.addUnknown does.
  amount AS total,
  market,
  amount AS market_amount
FROM outcomes
