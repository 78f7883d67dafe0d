-- One copy of each order line (SPEC §2a), over the parsed lines of every order export and file (order_line_copies:
-- the union of the *_orders.sql results whose outcome is 'line'): per channel + order id + line key, the copy with the
-- latest last-updated time wins (Amazon: a Pending line later Shipped), then the later state (cancelled over refunded
-- over sold over pending), then the later download (the file whose lines reach the later day, then start the later
-- day), then the content, so that neither file nor row order decides (compareOrderLineCopies of summarize.ts).
-- Cancelled winners stay in the result: they count for nothing, but they did supersede their earlier copies.
WITH file_days AS (
  SELECT source_file, MIN(`date`) AS first_day, MAX(`date`) AS last_day
  FROM order_line_copies
  GROUP BY source_file
),
ranked AS (
  SELECT
    c.*,
    ROW_NUMBER() OVER (
      PARTITION BY c.channel, c.order_id, c.line_key
      ORDER BY
        c.last_updated_ms DESC NULLS LAST,
        CASE c.state WHEN 'cancelled' THEN 3 WHEN 'refunded' THEN 2 WHEN 'sold' THEN 1 ELSE 0 END DESC,
        f.last_day DESC,
        f.first_day DESC,
        c.`date` DESC,
        c.revenue DESC,
        c.quantity DESC,
        c.sku DESC
    ) AS copy_rank
  FROM order_line_copies AS c
  JOIN file_days AS f ON f.source_file = c.source_file
)
SELECT
  channel,
  order_id,
  line_key,
  sku,
  `date`,
  last_updated_ms,
  state,
  quantity,
  revenue,
  currency,
  source_file
FROM ranked
WHERE copy_rank = 1
