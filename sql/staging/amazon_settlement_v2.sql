-- Amazon Settlement report V2 flat file (EXPORTS §4: GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2, TAB, one row per
-- amount typed by transaction-type / amount-type / amount-description) from its all-STRING staging table to parsed
-- payments lines, with the rules of src/core/reports/amazonSettlementV2.ts. Like the Date Range report it gives fees,
-- refunds and reimbursements only. One row per staging row: `outcome` is 'paymentsLine', 'otherMarket' (a line of
-- another marketplace or currency, left out and counted) or an issue key.
-- - The settlement's summary row (no transaction type, amount type nor description) is no transaction: its start and
--   end dates are the days the settlement covers, postings or not (period_from, period_to: payments_coverage.sql).
-- - Every other row, its one amount by type (settlementLineKind): ItemPrice Principal → nothing on an order (the sale
--   the order exports count), refund otherwise; ItemPrice Shipping/GiftWrap → nothing on an order, shippingCredit
--   otherwise; ItemPrice taxes and ItemWithheldTax → nothing; ItemFees Commission, RefundCommission, closing fees →
--   referral, FBA… → fulfilment, any other → other; Promotion → promotion on an order, refund (Principal) or
--   shippingCredit otherwise; then by description and type: a reserve → nothing; "Cost of Advertising" →
--   advertisingCharge; a reimbursement → reimbursement; storage → storage; a refund or chargeback transaction →
--   refund; a fee → other; anything else → other (a fee, so profit is never overstated) and listed, as is an ItemPrice
--   part the reader does not know (counted as nothing).
-- - The posting is posted-date-time (it carries a zone) or, when blank, posted-date. A row's first problem is its Data
--   Issue, in the reader's order: the summary row's start date, end date, total; any other row's posting, amount.
WITH file_blocks AS (
  -- A header line inside a file starts a second download appended below the first (SPEC §2a "Blocks").
  SELECT source_file, LOGICAL_OR(LOWER(settlement_id) = 'settlement-id') AS appended
  FROM staging_amazon_settlement_v2
  GROUP BY source_file
),
cells AS (
  SELECT
    s.*,
    LOWER(s.transaction_type) AS type_key,
    LOWER(s.amount_type) AS amount_type_key,
    LOWER(s.amount_description) AS description_key,
    s.transaction_type = '' AND s.amount_type = '' AND s.amount_description = '' AS is_summary,
    IF(s.posted_date_time != '', 'posted-date-time', 'posted-date') AS posted_column,
    IF(s.posted_date_time != '', s.posted_date_time, s.posted_date) AS posted_text,
    IF(s.posted_date_time != '', posted_time.moment, posted_day.moment) AS posted_moment,
    period_start.moment AS start_moment,
    period_end.moment AS end_moment,
    COALESCE(kpi_decimal(s.amount), 0) AS amount_value,
    kpi_number_issue(s.amount) AS amount_issue,
    kpi_number_issue(s.total_amount) AS total_issue,
    IF(s.currency = '', 'USD', s.currency) AS currency_or_usd,
    f.appended
  FROM staging_amazon_settlement_v2 AS s
  JOIN file_blocks AS f ON f.source_file = s.source_file
  LEFT JOIN moments AS posted_time
    ON posted_time.source_file = s.source_file AND posted_time.date_column = 'posted-date-time'
      AND posted_time.raw_text = COALESCE(s.posted_date_time, '')
  LEFT JOIN moments AS posted_day
    ON posted_day.source_file = s.source_file AND posted_day.date_column = 'posted-date'
      AND posted_day.raw_text = COALESCE(s.posted_date, '')
  LEFT JOIN moments AS period_start
    ON period_start.source_file = s.source_file AND period_start.date_column = 'settlement-start-date'
      AND period_start.raw_text = COALESCE(s.settlement_start_date, '')
  LEFT JOIN moments AS period_end
    ON period_end.source_file = s.source_file AND period_end.date_column = 'settlement-end-date'
      AND period_end.raw_text = COALESCE(s.settlement_end_date, '')
  WHERE NOT s.blank_row AND LOWER(s.settlement_id) != 'settlement-id'
),
kinds AS (
  SELECT
    *,
    type_key = 'order' AS is_order,
    CASE
      WHEN is_summary THEN 'none'
      WHEN amount_type_key = 'itemprice' THEN
        CASE
          WHEN description_key = 'principal' THEN IF(type_key = 'order', 'none', 'refund')
          WHEN description_key IN ('shipping', 'giftwrap') THEN IF(type_key = 'order', 'none', 'shippingCredit')
          WHEN description_key IN ('tax', 'shippingtax', 'giftwraptax') THEN 'none'
          ELSE 'unknownNone'
        END
      WHEN amount_type_key = 'itemwithheldtax' THEN 'none'
      WHEN amount_type_key = 'itemfees' THEN
        CASE
          WHEN description_key IN ('commission', 'refundcommission', 'variableclosingfee', 'fixedclosingfee')
            THEN 'referral'
          WHEN STARTS_WITH(description_key, 'fba') THEN 'fulfilment'
          ELSE 'other'
        END
      -- A refund gives the promotion back with the principal: the refund is what the buyer paid for the product.
      WHEN amount_type_key = 'promotion' THEN
        CASE
          WHEN type_key = 'order' THEN 'promotion'
          WHEN description_key = 'principal' THEN 'refund'
          ELSE 'shippingCredit'
        END
      WHEN STRPOS(description_key, 'reserve') > 0 THEN 'none'
      WHEN STRPOS(description_key, 'cost of advertising') > 0 OR STRPOS(amount_type_key, 'cost of advertising') > 0
        THEN 'advertisingCharge'
      WHEN STRPOS(amount_type_key, 'reimbursement') > 0 OR STRPOS(description_key, 'reimbursement') > 0
        THEN 'reimbursement'
      WHEN STRPOS(description_key, 'storage') > 0 THEN 'storage'
      WHEN STRPOS(type_key, 'refund') > 0 OR STRPOS(type_key, 'chargeback') > 0 THEN 'refund'
      WHEN STRPOS(description_key, 'fee') > 0 OR STRPOS(amount_type_key, 'fee') > 0 THEN 'other'
      ELSE 'unknownOther'
    END AS line_kind
  FROM cells
),
outcomes AS (
  SELECT
    *,
    -- The kind the line is counted as: an unknown ItemPrice part as nothing, any other unknown amount as a fee.
    CASE line_kind WHEN 'unknownNone' THEN 'none' WHEN 'unknownOther' THEN 'other' ELSE line_kind END AS fee_kind,
    marketplace_name != '' AND LOWER(marketplace_name) != 'amazon.com' AS other_marketplace,
    CASE
      WHEN is_summary AND kpi_moment_issue(start_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(start_moment), ':settlement-start-date')
      WHEN is_summary AND kpi_moment_issue(end_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(end_moment), ':settlement-end-date')
      WHEN is_summary AND total_issue IS NOT NULL THEN CONCAT(total_issue, ':total-amount')
      WHEN is_summary THEN 'paymentsLine'
      WHEN kpi_moment_issue(posted_moment) IS NOT NULL
        THEN CONCAT(kpi_moment_issue(posted_moment), ':', posted_column)
      WHEN posted_moment IS NULL THEN CONCAT('issue.missingValue:', posted_column)
      WHEN amount_issue IS NOT NULL THEN CONCAT(amount_issue, ':amount')
      -- Only a line counted as something is left out for its marketplace or currency, as the reader does.
      WHEN line_kind NOT IN ('none', 'unknownNone')
        AND (
          (marketplace_name != '' AND LOWER(marketplace_name) != 'amazon.com')
          OR NOT (currency_or_usd = 'USD' OR UPPER(currency_or_usd) = 'USD')
        )
        THEN 'otherMarket'
      ELSE 'paymentsLine'
    END AS outcome
  FROM kinds
)
SELECT
  source_file,
  'amazon' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'settlement-start-date' THEN settlement_start_date
    WHEN 'settlement-end-date' THEN settlement_end_date
    WHEN 'total-amount' THEN total_amount
    WHEN 'posted-date-time' THEN posted_text
    WHEN 'posted-date' THEN posted_text
    WHEN 'amount' THEN amount
  END AS issue_value,
  -- The row's key in Data Issues: its order id, else its amount description.
  IF(order_id != '', order_id, amount_description) AS row_key,
  -- No cell is read after a row is counted: its one Data Issue is its outcome.
  CAST(NULL AS STRING) AS late_issue,
  CAST(NULL AS STRING) AS late_issue_column,
  CAST(NULL AS STRING) AS late_issue_value,
  appended,
  IF(
    line_kind IN ('unknownNone', 'unknownOther'),
    CONCAT(transaction_type, ' / ', amount_type, ' / ', amount_description),
    NULL
  ) AS unknown_type,
  IF(is_summary, CAST(NULL AS DATE), kpi_moment_day(posted_moment)) AS `date`,
  -- The days the settlement covers: both dates read, the start not after the end.
  IF(
    is_summary AND kpi_moment_day(start_moment) <= kpi_moment_day(end_moment), kpi_moment_day(start_moment), NULL
  ) AS period_from,
  IF(
    is_summary AND kpi_moment_day(start_moment) <= kpi_moment_day(end_moment), kpi_moment_day(end_moment), NULL
  ) AS period_to,
  -- SPEC §2a: a settlement line is keyed by its settlement id and every column of the line (the reader's
  -- paymentsLineKey: posting day and instant, the line's texts, its amount as read).
  CONCAT(
    COALESCE(CAST(kpi_moment_day(posted_moment) AS STRING), ''), CHR(1),
    COALESCE(CAST(kpi_moment_epoch(posted_moment) AS STRING), ''), CHR(1),
    settlement_id, CHR(1), transaction_type, CHR(1), order_id, CHR(1), merchant_order_id, CHR(1), adjustment_id, CHR(1),
    shipment_id, CHR(1), marketplace_name, CHR(1), amount_type, CHR(1), amount_description, CHR(1), fulfillment_id,
    CHR(1), order_item_code, CHR(1), merchant_order_item_id, CHR(1), merchant_adjustment_item_id, CHR(1), sku, CHR(1),
    quantity_purchased, CHR(1), promotion_id, CHR(1), CAST(amount_value AS STRING)
  ) AS line_key,
  order_id,
  sku,
  ROUND(IF(fee_kind = 'referral', amount_value, 0), 2) AS referral_amount,
  ROUND(IF(fee_kind = 'fulfilment', amount_value, 0), 2) AS fulfilment_amount,
  ROUND(IF(fee_kind = 'other', amount_value, 0), 2) AS other_amount,
  ROUND(IF(fee_kind = 'storage', amount_value, 0), 2) AS storage_amount,
  ROUND(IF(fee_kind = 'refund', amount_value, 0), 2) AS refund_amount,
  ROUND(IF(fee_kind = 'reimbursement', amount_value, 0), 2) AS reimbursement_amount,
  ROUND(IF(fee_kind = 'promotion', amount_value, 0), 2) AS promotion_amount,
  ROUND(IF(fee_kind = 'shippingCredit', amount_value, 0), 2) AS shipping_credit_amount,
  ROUND(IF(fee_kind = 'advertisingCharge', amount_value, 0), 2) AS advertising_charge_amount,
  -- The unknown type's Data Issue sums the line's amount, as PayoutBlocks.addUnknown does.
  amount_value AS total,
  IF(other_marketplace, TRIM(CONCAT(marketplace_name, ' ', currency_or_usd)), currency_or_usd) AS market,
  amount_value AS market_amount
FROM outcomes
