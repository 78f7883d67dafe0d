-- Amazon FBA customer returns (EXPORTS §5, GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA) from its all-STRING staging table
-- to parsed returns, with the rules of src/core/reports/amazonFbaReturns.ts: a return counts its quantity on the return
-- day in the reporting zone; the return date, order id, SKU and quantity must be there and read (the first problem of a
-- row is its Data Issue, in the reader's order); the disposition is compared upper-case (SELLABLE units go back to
-- stock). One row per staging row: `outcome` is 'return' (a copy of a return) or an issue key. Copies are resolved
-- across files later (return_winners.sql).
WITH file_blocks AS (
  -- A header line inside a file starts a second download appended below the first (SPEC §2a "Blocks").
  SELECT source_file, LOGICAL_OR(LOWER(return_date) = 'return-date') AS appended
  FROM staging_amazon_fba_returns
  GROUP BY source_file
),
cells AS (
  SELECT
    s.source_file,
    f.appended,
    s.order_id,
    s.sku,
    returned.moment AS return_moment,
    s.return_date AS return_text,
    s.quantity AS quantity_text,
    kpi_count(s.quantity) AS quantity,
    kpi_count_issue(s.quantity) AS quantity_issue,
    s.license_plate_number AS license_plate,
    UPPER(s.detailed_disposition) AS disposition
  FROM staging_amazon_fba_returns AS s
  JOIN file_blocks AS f ON f.source_file = s.source_file
  LEFT JOIN moments AS returned
    ON returned.source_file = s.source_file AND returned.date_column = 'return-date'
      AND returned.raw_text = COALESCE(s.return_date, '')
  -- A blank line is no row; a header line inside the file starts another download appended below (SPEC §2a "Blocks").
  WHERE NOT s.blank_row AND LOWER(s.return_date) != 'return-date'
),
outcomes AS (
  SELECT
    *,
    CASE
      WHEN kpi_moment_issue(return_moment) IS NOT NULL THEN CONCAT(kpi_moment_issue(return_moment), ':return-date')
      WHEN return_moment IS NULL THEN 'issue.missingValue:return-date'
      WHEN order_id = '' THEN 'issue.missingValue:order-id'
      WHEN sku = '' THEN 'issue.missingValue:sku'
      WHEN quantity_issue IS NOT NULL THEN CONCAT(quantity_issue, ':quantity')
      WHEN quantity IS NULL THEN 'issue.missingValue:quantity'
      ELSE 'return'
    END AS outcome
  FROM cells
)
SELECT
  source_file,
  'amazon' AS channel,
  REGEXP_EXTRACT(outcome, r'^([^:]*)') AS outcome,
  REGEXP_EXTRACT(outcome, r':(.*)$') AS issue_column,
  CASE REGEXP_EXTRACT(outcome, r':(.*)$')
    WHEN 'return-date' THEN return_text
    WHEN 'quantity' THEN quantity_text
  END AS issue_value,
  order_id,
  sku,
  kpi_moment_day(return_moment) AS `date`,
  COALESCE(quantity, 0) AS quantity,
  license_plate,
  disposition,
  appended,
  -- No rule of this report leaves a whole line out for its market: the columns the issue summary reads stay empty.
  CAST(NULL AS STRING) AS market,
  CAST(NULL AS NUMERIC) AS market_amount
FROM outcomes
