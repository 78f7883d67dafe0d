-- Walmart Seller Center Payments reconciliation ("recon") report (EXPORTS §8: one row per amount of a transaction,
-- typed by Transaction Type and Amount Type) from its all-STRING staging table to parsed payments lines, with the rules
-- of src/core/reports/walmartRecon.ts. Like the Amazon payments reports it gives fees, refunds and reimbursements only.
-- One row per staging row: `outcome` is 'paymentsLine', 'otherMarket' (a line in another currency, left out and
-- counted) or an issue key.
-- - The PaymentSummary row is the period's payout total, no transaction (its dates are read for their Data Issues
--   only: the report covers its first to its last posted fee, as the reader gives it no stated period). A line with
--   neither type nor amount is no transaction either.
-- - Every other line, its Amount by Amount Type (reconAmountKind, texts lower-case): "… price" → nothing on a Sale (the
--   orders export's revenue), refund (Product Price) or shippingCredit otherwise; commission → referral; tax and
--   Walmart-funded savings → nothing; promo → promotion; advertising or marketing → advertisingCharge; a fee or
--   reimbursement → storage, fulfilment (fulfilment fees, shipping labels, inbound), a refund (a dispute settled
--   against the seller), a reimbursement (any other credit) or other (any other charge), by the Amount Type and
--   Transaction Description; any other Amount Type is a Data Issue naming it, never guessed into a total.
-- - A row's first problem is its Data Issue, in the reader's order: the PaymentSummary row's Total Payable, Period
--   Start Date, Period End Date; any other row's Transaction Posted Timestamp, Amount, then an unknown Amount Type
--   (after a line in another currency is left out, and only for a line that would count).
WITH file_blocks AS (
  -- A header line inside a file starts a second download appended below the first (SPEC §2a "Blocks").
  SELECT source_file, LOGICAL_OR(LOWER(transaction_type) = 'transaction type') AS appended
  FROM staging_walmart_recon
  GROUP BY source_file
),
cells AS (
  SELECT
    s.*,
    LOWER(s.transaction_type) AS type_key,
    LOWER(s.amount_type) AS amount_type_key,
    LOWER(s.transaction_description) AS description_key,
    CONCAT(LOWER(s.amount_type), ' ', LOWER(s.transaction_description)) AS fee_text,
    -- Walmart US pays in dollars; the lines below the summary leave the currency blank.
    IF(s.currency = '', 'USD', UPPER(s.currency)) AS market,
    posted.moment AS posted_moment,
    period_start.moment AS start_moment,
    period_end.moment AS end_moment,
    kpi_decimal(s.amount) AS amount_value,
    kpi_number_issue(s.amount) AS amount_issue,
    kpi_number_issue(s.total_payable) AS total_issue,
    f.appended
  FROM staging_walmart_recon AS s
  JOIN file_blocks AS f ON f.source_file = s.source_file
  LEFT JOIN moments AS posted
    ON posted.source_file = s.source_file AND posted.date_column = 'transaction posted timestamp'
      AND posted.raw_text = COALESCE(s.transaction_posted_timestamp, '')
  LEFT JOIN moments AS period_start
    ON period_start.source_file = s.source_file AND period_start.date_column = 'period start date'
      AND period_start.raw_text = COALESCE(s.period_start_date, '')
  LEFT JOIN moments AS period_end
    ON period_end.source_file = s.source_file AND period_end.date_column = 'period end date'
      AND period_end.raw_text = COALESCE(s.period_end_date, '')
  WHERE NOT s.blank_row AND LOWER(s.transaction_type) != 'transaction type'
),
kinds AS (
  SELECT
    *,
    type_key = 'paymentsummary' OR (type_key = '' AND amount_type_key = '' AND amount = '') AS no_transaction,
    CASE
      WHEN ENDS_WITH(amount_type_key, 'price') THEN
        CASE
          WHEN type_key = 'sale' THEN 'notAFee'
          WHEN amount_type_key = 'product price' THEN 'refund'
          ELSE 'shippingCredit'
        END
      WHEN STRPOS(amount_type_key, 'commission') > 0 THEN 'referral'
      WHEN STRPOS(amount_type_key, 'tax') > 0 THEN 'notAFee'
      WHEN STRPOS(amount_type_key, 'walmart funded') > 0 THEN 'notAFee'
      WHEN STRPOS(amount_type_key, 'promo') > 0 THEN 'promotion'
      WHEN STRPOS(amount_type_key, 'advertising') > 0 OR STRPOS(amount_type_key, 'marketing') > 0
        THEN 'advertisingCharge'
      WHEN STRPOS(amount_type_key, 'fee') > 0 OR STRPOS(amount_type_key, 'reimbursement') > 0 THEN
        CASE
          WHEN STRPOS(fee_text, 'storage') > 0 THEN 'storage'
          WHEN STRPOS(fee_text, 'fulfillment fee') > 0 OR STRPOS(fee_text, 'fulfilment fee') > 0
            OR STRPOS(fee_text, 'shipping label') > 0 OR STRPOS(fee_text, 'inbound') > 0
            THEN 'fulfilment'
          WHEN type_key = 'dispute settlement' AND amount_value < 0 THEN 'refund'
          WHEN amount_value > 0 THEN 'reimbursement'
          ELSE 'other'
        END
      ELSE 'unknown'
    END AS amount_kind
  FROM cells
),
outcomes AS (
  SELECT
    *,
    CASE
      WHEN type_key = 'paymentsummary' AND total_issue IS NOT NULL THEN CONCAT(total_issue, ':Total Payable')
      WHEN type_key = 'paymentsummary' AND kpi_moment_issue(start_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(start_moment), ':Period Start Date')
      WHEN type_key = 'paymentsummary' AND kpi_moment_issue(end_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(end_moment), ':Period End Date')
      WHEN no_transaction THEN 'paymentsLine'
      WHEN kpi_moment_issue(posted_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(posted_moment), ':Transaction Posted Timestamp')
      WHEN posted_moment IS NULL THEN 'issue.missingValue:Transaction Posted Timestamp'
      WHEN amount_issue IS NOT NULL THEN CONCAT(amount_issue, ':Amount')
      WHEN amount_value IS NULL THEN 'issue.missingValue:Amount'
      WHEN market != 'USD' THEN 'otherMarket'
      -- The unknown Amount Type's Data Issue names the Amount Type and the Transaction Type (as written): they travel
      -- in the issue's column and value (folderLoad.ts gives the reader's message).
      WHEN amount_kind = 'unknown'
        THEN CONCAT('issue.walmartRecon.unknownAmountType:', amount_type)
      ELSE 'paymentsLine'
    END AS outcome
  FROM kinds
)
SELECT
  source_file,
  'walmart' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE
    WHEN STARTS_WITH(outcome, 'issue.walmartRecon.unknownAmountType:') THEN transaction_type
    ELSE
      CASE REGEXP_EXTRACT(outcome, r':(.*)$')
        WHEN 'Total Payable' THEN total_payable
        WHEN 'Period Start Date' THEN period_start_date
        WHEN 'Period End Date' THEN period_end_date
        WHEN 'Transaction Posted Timestamp' THEN transaction_posted_timestamp
        WHEN 'Amount' THEN amount
      END
  END AS issue_value,
  -- The row's key in Data Issues: its purchase order, else its customer order, else its description.
  CASE
    WHEN purchase_order != '' THEN purchase_order
    WHEN customer_order != '' THEN customer_order
    ELSE transaction_description
  END AS row_key,
  -- No cell is read after a row is counted: its one Data Issue is its outcome.
  CAST(NULL AS STRING) AS late_issue,
  CAST(NULL AS STRING) AS late_issue_column,
  CAST(NULL AS STRING) AS late_issue_value,
  appended,
  -- An unknown Amount Type is a row's Data Issue here, not a line counted as a fee.
  CAST(NULL AS STRING) AS unknown_type,
  IF(no_transaction, CAST(NULL AS DATE), kpi_moment_day(posted_moment)) AS `date`,
  -- The report states no period the reader uses: it covers its first to its last posted day (payments_coverage.sql).
  CAST(NULL AS DATE) AS period_from,
  CAST(NULL AS DATE) AS period_to,
  -- SPEC §2a: a payments line is keyed by every column of the line that says what it is (the reader's
  -- paymentsLineKey: posting day and instant, the line's texts, its amount as read).
  CONCAT(
    COALESCE(CAST(kpi_moment_day(posted_moment) AS STRING), ''), CHR(1),
    COALESCE(CAST(kpi_moment_epoch(posted_moment) AS STRING), ''), CHR(1),
    transaction_key, CHR(1), transaction_type, CHR(1), transaction_description, CHR(1), customer_order, CHR(1),
    customer_order_line, CHR(1), purchase_order, CHR(1), purchase_order_line, CHR(1), amount_type, CHR(1), ship_qty,
    CHR(1), transaction_reason_description, CHR(1), partner_item_id, CHR(1), COALESCE(CAST(amount_value AS STRING), '')
  ) AS line_key,
  purchase_order AS order_id,
  partner_item_id AS sku,
  ROUND(IF(amount_kind = 'referral' AND NOT no_transaction, amount_value, 0), 2) AS referral_amount,
  ROUND(IF(amount_kind = 'fulfilment' AND NOT no_transaction, amount_value, 0), 2) AS fulfilment_amount,
  ROUND(IF(amount_kind = 'other' AND NOT no_transaction, amount_value, 0), 2) AS other_amount,
  ROUND(IF(amount_kind = 'storage' AND NOT no_transaction, amount_value, 0), 2) AS storage_amount,
  ROUND(IF(amount_kind = 'refund' AND NOT no_transaction, amount_value, 0), 2) AS refund_amount,
  ROUND(IF(amount_kind = 'reimbursement' AND NOT no_transaction, amount_value, 0), 2) AS reimbursement_amount,
  ROUND(IF(amount_kind = 'promotion' AND NOT no_transaction, amount_value, 0), 2) AS promotion_amount,
  ROUND(IF(amount_kind = 'shippingCredit' AND NOT no_transaction, amount_value, 0), 2) AS shipping_credit_amount,
  ROUND(IF(amount_kind = 'advertisingCharge' AND NOT no_transaction, amount_value, 0), 2) AS advertising_charge_amount,
  COALESCE(amount_value, 0) AS total,
  market,
  COALESCE(amount_value, 0) AS market_amount
FROM outcomes
