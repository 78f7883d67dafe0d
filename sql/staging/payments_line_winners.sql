-- Each payments line once (SPEC §2a: a Date Range line has no id, so every column of the line is its key), over
-- payments_line_copies (the parsed lines whose outcome is 'paymentsLine'), as summarize.ts's onceAcrossBlocks counts
-- them: equal lines of one download are separate postings (two equal fee lines), and the same lines in another file are
-- that report again, so each distinct line counts as often as the file listing it most often (the file with the lower
-- id among files listing it as often). The key is each report's `line_key`: the posting day and instant, the texts of
-- the line and its amounts as read, so `-1.50` and `-1.5` are one line (amazon_date_range_transactions.sql,
-- shopify_payouts.sql). A file with a header line inside it holds a second download appended below the
-- first, which a staging table cannot tell apart (a load keeps no row order): there each distinct line counts once.
-- Out: one row per line and fee type with a non-zero amount (FeeFact), for raw_fee_lines.
-- Each report writes its own line key (every column of the line); the channel keeps two reports' keys apart.
WITH listed AS (
  SELECT
    channel,
    line_key,
    source_file,
    ROW_NUMBER() OVER (PARTITION BY channel, line_key ORDER BY COUNT(*) DESC, source_file) AS file_rank
  FROM payments_line_copies
  GROUP BY channel, line_key, source_file
),
kept AS (
  SELECT
    k.*,
    ROW_NUMBER() OVER (PARTITION BY k.channel, k.line_key, k.source_file ORDER BY k.line_key) AS copy_in_file
  FROM payments_line_copies AS k
  JOIN listed AS l
    ON l.file_rank = 1 AND l.channel = k.channel AND l.line_key = k.line_key AND l.source_file = k.source_file
),
lines AS (
  SELECT * FROM kept AS k
  WHERE (NOT k.appended OR k.copy_in_file = 1)
    -- One payments source per channel and day: a settlement's lines on days a Date Range report covers are left out
    -- (date_range_coverage.sql).
    AND NOT (
      k.report = 'amazon-settlement-v2'
      AND EXISTS (
        SELECT 1 FROM date_range_coverage AS c
        WHERE c.channel = k.channel AND c.first_day <= k.`date` AND k.`date` <= c.last_day
      )
    )
)
SELECT channel, `date`, order_id, sku, 'referral' AS fee_type, referral_amount AS amount, source_file
FROM lines WHERE referral_amount != 0
UNION ALL
SELECT channel, `date`, order_id, sku, 'fulfilment', fulfilment_amount, source_file FROM lines WHERE fulfilment_amount != 0
UNION ALL
SELECT channel, `date`, order_id, sku, 'storage', storage_amount, source_file FROM lines WHERE storage_amount != 0
UNION ALL
SELECT channel, `date`, order_id, sku, 'other', other_amount, source_file FROM lines WHERE other_amount != 0
UNION ALL
SELECT channel, `date`, order_id, sku, 'refund', refund_amount, source_file FROM lines WHERE refund_amount != 0
UNION ALL
SELECT channel, `date`, order_id, sku, 'reimbursement', reimbursement_amount, source_file
FROM lines WHERE reimbursement_amount != 0
UNION ALL
SELECT channel, `date`, order_id, sku, 'promotion', promotion_amount, source_file FROM lines WHERE promotion_amount != 0
UNION ALL
SELECT channel, `date`, order_id, sku, 'shippingCredit', shipping_credit_amount, source_file
FROM lines WHERE shipping_credit_amount != 0
UNION ALL
SELECT channel, `date`, order_id, sku, 'advertisingCharge', advertising_charge_amount, source_file
FROM lines WHERE advertising_charge_amount != 0
