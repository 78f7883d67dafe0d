-- One copy of each ad row (SPEC §2a): per channel + ad product + date + campaign + ad group + advertised SKU, the copy
-- from the later download (the file whose rows reach the later day, then start the later day) wins, as it has the
-- longer-settled attribution; copies of one download are told apart by content, so row order never decides
-- (oneCopyPerKey of summarize.ts). Over ad_row_copies: the parsed ad rows whose outcome is 'adRow'.
WITH file_days AS (
  SELECT source_file, MIN(`date`) AS first_day, MAX(`date`) AS last_day
  FROM ad_row_copies
  GROUP BY source_file
),
ranked AS (
  SELECT
    c.*,
    ROW_NUMBER() OVER (
      PARTITION BY c.channel, c.ad_product, c.`date`, c.campaign, c.ad_group, c.sku
      ORDER BY
        f.last_day DESC,
        f.first_day DESC,
        c.spend DESC,
        c.sales DESC,
        c.clicks DESC,
        c.impressions DESC,
        c.orders DESC,
        c.units DESC
    ) AS copy_rank
  FROM ad_row_copies AS c
  JOIN file_days AS f ON f.source_file = c.source_file
)
SELECT
  channel,
  ad_product,
  `date`,
  campaign,
  ad_group,
  sku,
  spend,
  sales,
  clicks,
  impressions,
  orders,
  units,
  source_file
FROM ranked
WHERE copy_rank = 1
