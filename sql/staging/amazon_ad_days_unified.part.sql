-- The first and last day of a unified Ads console row (its `Date`, else the ends of its `Date range` cell, else the
-- cell as one day) and whether the range cell reads, from the moments its parse joined in `cells`: included by
-- amazon_advertised_product_unified.sql and amazon_sb_campaign_unified.sql (stagingScript.ts expandSql).
  SELECT
    *,
    -- The range's first and last day; NULL ends with a text when the range does not read.
    CASE
      WHEN daily THEN kpi_moment_day(day_moment)
      WHEN two_ends THEN kpi_moment_day(from_moment)
      ELSE kpi_moment_day(single_moment)
    END AS from_day,
    CASE
      WHEN daily THEN kpi_moment_day(day_moment)
      WHEN two_ends THEN kpi_moment_day(to_moment)
      ELSE kpi_moment_day(single_moment)
    END AS to_day,
    NOT daily AND range_text != '' AND (
      (two_ends AND (
        from_moment IS NULL OR to_moment IS NULL OR kpi_moment_issue(from_moment) IS NOT NULL
        OR kpi_moment_issue(to_moment) IS NOT NULL OR kpi_moment_day(to_moment) < kpi_moment_day(from_moment)
      ))
      OR (NOT two_ends AND kpi_moment_issue(single_moment) IS NOT NULL)
    ) AS range_unreadable
  FROM cells
