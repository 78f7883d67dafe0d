-- Each return once (SPEC §2a, summarize.ts), over return_copies (the parsed returns whose outcome is 'return'):
-- - with a license plate: the plate names one returned unit wherever it is listed, so per channel + order id + SKU +
--   plate one copy stands: the later return day, then the larger quantity (oneCopyPerKey with no download order), then
--   the disposition and the file id, so that neither file nor row order decides (where the TypeScript rule keeps the
--   copy met first among copies equal in day and quantity);
-- - without one: equal rows (channel, day, order id, SKU, quantity) of one file are separate returns, and the same rows
--   in another file are that report again, so each distinct row counts as often as the file that lists it most often
--   (onceAcrossBlocks; the file with the lower id among files listing it as often). A file with a header line inside
--   it holds a second download appended below the first, which a staging table cannot tell apart (a load keeps no row
--   order): there each distinct row counts once (README, "Drive folder").
WITH plated AS (
  SELECT
    *,
    ROW_NUMBER() OVER (
      PARTITION BY channel, order_id, sku, license_plate
      ORDER BY `date` DESC, quantity DESC, disposition DESC, source_file
    ) AS copy_rank
  FROM return_copies
  WHERE license_plate != ''
),
plateless_files AS (
  SELECT channel, `date`, order_id, sku, quantity, source_file, IF(LOGICAL_OR(appended), 1, COUNT(*)) AS listed
  FROM return_copies
  WHERE license_plate = ''
  GROUP BY channel, `date`, order_id, sku, quantity, source_file
),
plateless_winner_files AS (
  SELECT
    *,
    ROW_NUMBER() OVER (
      PARTITION BY channel, `date`, order_id, sku, quantity
      ORDER BY listed DESC, source_file
    ) AS file_rank
  FROM plateless_files
)
SELECT channel, order_id, sku, `date`, quantity, license_plate, disposition, source_file
FROM plated
WHERE copy_rank = 1
UNION ALL
SELECT channel, order_id, sku, `date`, quantity, license_plate, disposition, source_file
FROM (
  SELECT
    c.*,
    ROW_NUMBER() OVER (
      PARTITION BY c.source_file, c.channel, c.`date`, c.order_id, c.sku, c.quantity
      ORDER BY c.disposition
    ) AS copy_in_file
  FROM return_copies AS c
  JOIN plateless_winner_files AS w
    ON w.file_rank = 1 AND w.source_file = c.source_file AND w.channel = c.channel AND w.`date` = c.`date`
      AND w.order_id = c.order_id AND w.sku = c.sku AND w.quantity = c.quantity
  WHERE c.license_plate = ''
)
WHERE NOT appended OR copy_in_file = 1
