-- Per file, the first column (in leftOutAsSpendSplit's order, src/core/reports/amazonSbBreakdown.ts) that splits a
-- campaign's spend into parts; NULL for a campaign report. `file_columns` lists the file's own header columns
-- (stagingScript.ts). Included by the Sponsored Brands campaign parses of both Ads consoles (amazon_sb_campaign.sql,
-- amazon_sb_campaign_unified.sql) for their {{staging_table}} (stagingScript.ts expandSql).
  SELECT
    source_file,
    CASE
      WHEN STRPOS(ANY_VALUE(file_columns), ',ad_group_name,') > 0 THEN 'ad group name'
      WHEN STRPOS(ANY_VALUE(file_columns), ',keyword,') > 0 THEN 'keyword'
      WHEN STRPOS(ANY_VALUE(file_columns), ',keyword_text,') > 0 THEN 'keyword text'
      WHEN STRPOS(ANY_VALUE(file_columns), ',targeting,') > 0 THEN 'targeting'
      WHEN STRPOS(ANY_VALUE(file_columns), ',match_type,') > 0 THEN 'match type'
      WHEN STRPOS(ANY_VALUE(file_columns), ',customer_search_term,') > 0 THEN 'customer search term'
      WHEN STRPOS(ANY_VALUE(file_columns), ',search_term,') > 0 THEN 'search term'
      WHEN STRPOS(ANY_VALUE(file_columns), ',placement_type,') > 0 THEN 'placement type'
      WHEN STRPOS(ANY_VALUE(file_columns), ',placement,') > 0 THEN 'placement'
      WHEN STRPOS(ANY_VALUE(file_columns), ',placement_classification,') > 0 THEN 'placement classification'
      WHEN STRPOS(ANY_VALUE(file_columns), ',advertised_product_sku,') > 0 THEN 'advertised product sku'
      WHEN STRPOS(ANY_VALUE(file_columns), ',advertised_sku,') > 0 THEN 'advertised sku'
    END AS split_column
  FROM {{staging_table}}
  GROUP BY source_file
