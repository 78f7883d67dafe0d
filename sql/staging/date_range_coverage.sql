-- The days each Date Range transaction report covers (its first to its last posted day), for the one payments source
-- per channel and day (oneFeeSourcePerDay of src/core/summary/pipeline.ts; SPEC §2): a Settlement report and a Date
-- Range report of the same days list the same fees under other names, which no line key can see, so on the days a
-- Date Range report covers its lines stand and the settlement's are left out (payments_line_winners.sql) and counted
-- in one Data Issue per settlement file. The report's whole span counts, not only days with a fee: the two reports may
-- post one fee on neighbouring days. Over every copy, as payments_coverage.sql.
SELECT channel, MIN(`date`) AS first_day, MAX(`date`) AS last_day, source_file
FROM payments_line_copies
WHERE report = 'amazon-date-range-transactions'
  AND (referral_amount != 0 OR fulfilment_amount != 0 OR storage_amount != 0 OR other_amount != 0
    OR refund_amount != 0 OR reimbursement_amount != 0 OR promotion_amount != 0 OR shipping_credit_amount != 0
    OR advertising_charge_amount != 0)
GROUP BY channel, source_file
