-- The six measures of a classic Ads console row `s` (Spend, the {{attribution_days}}-day attributed total sales,
-- orders and units by their exact names, Clicks, Impressions): each cell's text, its number, and the reason it does
-- not read (kpi_decimal/kpi_count and their issues, functions.sql). Included in the `cells` of
-- amazon_advertised_product.sql and amazon_sb_campaign.sql.
    s.spend AS spend_text,
    kpi_decimal(s.spend) AS spend,
    kpi_number_issue(s.spend) AS spend_issue,
    s.c_{{attribution_days}}_day_total_sales AS sales_text,
    kpi_decimal(s.c_{{attribution_days}}_day_total_sales) AS sales,
    kpi_number_issue(s.c_{{attribution_days}}_day_total_sales) AS sales_issue,
    s.clicks AS clicks_text,
    kpi_count(s.clicks) AS clicks,
    kpi_count_issue(s.clicks) AS clicks_issue,
    s.impressions AS impressions_text,
    kpi_count(s.impressions) AS impressions,
    kpi_count_issue(s.impressions) AS impressions_issue,
    s.c_{{attribution_days}}_day_total_orders AS orders_text,
    kpi_count(s.c_{{attribution_days}}_day_total_orders) AS orders,
    kpi_count_issue(s.c_{{attribution_days}}_day_total_orders) AS orders_issue,
    s.c_{{attribution_days}}_day_total_units AS units_text,
    kpi_count(s.c_{{attribution_days}}_day_total_units) AS units,
    kpi_count_issue(s.c_{{attribution_days}}_day_total_units) AS units_issue
