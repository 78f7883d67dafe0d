-- The days each payments file covers (SPEC §2a "Coverage"; runPipeline of src/core/summary/pipeline.ts): a report that
-- states its period (a settlement's start and end date, payments_periods) covers it, postings or not; one that states
-- none (the Date Range report, Shopify Payments transactions) covers its first to its last day with a posted amount
-- (every fee type counts, a promotion or an advertising charge too; lines of another marketplace or currency and rows
-- with an issue do not). On a covered day the report's fees are the day's fees and none is estimated. Over every copy,
-- before payments_line_winners.sql chooses among them: a second download still covers the days it lists.
SELECT channel, period_from AS first_day, period_to AS last_day, source_file
FROM payments_periods
UNION ALL
SELECT
  channel,
  MIN(`date`) AS first_day,
  MAX(`date`) AS last_day,
  source_file
FROM payments_line_copies
WHERE (referral_amount != 0 OR fulfilment_amount != 0 OR storage_amount != 0 OR other_amount != 0 OR refund_amount != 0
  OR reimbursement_amount != 0 OR promotion_amount != 0 OR shipping_credit_amount != 0 OR advertising_charge_amount != 0)
  AND source_file NOT IN (SELECT source_file FROM payments_periods)
GROUP BY channel, source_file
