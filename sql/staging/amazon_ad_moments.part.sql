-- The moments (moments.sql) of a classic Ads console row `s`: a Daily report's `Date`, a Summary's `Start Date` and
-- `End Date`. Included in the `cells` of amazon_advertised_product.sql and amazon_sb_campaign.sql.
  LEFT JOIN moments AS day_moment
    ON day_moment.source_file = s.source_file AND day_moment.date_column = 'date'
      AND day_moment.raw_text = COALESCE(s.`date`, '')
  LEFT JOIN moments AS start_moment
    ON start_moment.source_file = s.source_file AND start_moment.date_column = 'start date'
      AND start_moment.raw_text = COALESCE(s.start_date, '')
  LEFT JOIN moments AS end_moment
    ON end_moment.source_file = s.source_file AND end_moment.date_column = 'end date'
      AND end_moment.raw_text = COALESCE(s.end_date, '')
