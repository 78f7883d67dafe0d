-- The moments (moments.sql) of a unified Ads console row `r`: its `Date`, the two ends of its `Date range` cell and
-- the cell read as one day. Included in the `cells` of amazon_advertised_product_unified.sql and
-- amazon_sb_campaign_unified.sql.
  LEFT JOIN moments AS day_moment
    ON day_moment.source_file = r.source_file AND day_moment.date_column = 'date'
      AND day_moment.raw_text = COALESCE(r.`date`, '')
  LEFT JOIN moments AS from_moment
    ON from_moment.source_file = r.source_file AND from_moment.date_column = 'date range end'
      AND from_moment.raw_text = COALESCE(r.from_text, '')
  LEFT JOIN moments AS to_moment
    ON to_moment.source_file = r.source_file AND to_moment.date_column = 'date range end'
      AND to_moment.raw_text = COALESCE(r.to_text, '')
  LEFT JOIN moments AS single_moment
    ON single_moment.source_file = r.source_file AND single_moment.date_column = 'date range end'
      AND single_moment.raw_text = COALESCE(r.date_range, '')
