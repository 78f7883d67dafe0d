/**
 * The staging SQL's templates (stagingScript.ts expandSql): reports of one layout share one parse and one day-text file
 * of sql/staging (exports.ts `sql`), and parses share `.part.sql` pieces by `{{include …}}`. Expanded, each export's
 * statements read its own staging table and nothing is left unexpanded; a missing value or a piece including itself
 * stops the script before BigQuery sees it. What the SQL counts is tested by the DuckDB runs (rawKpi.test.ts …).
 */
import { RAW_EXPORTS } from '../../src/bigquery/raw/exports';
import { expandSql, stagingScript, type StagingScriptInput } from '../../src/bigquery/raw/stagingScript';
import { stagingSqlFiles } from './rawDuckDb';

const INPUT: StagingScriptInput = {
  sql: stagingSqlFiles(),
  files: [],
  outputDataset: 'seller_kpi',
  reportingTimeZone: 'America/Los_Angeles',
  fxUsdCny: 7.2,
};

/** The script's statements (stagingScript joins them with a blank line after each `;`). */
const STATEMENTS = stagingScript(INPUT).split(';\n\n');

/** The staging tables a text reads, comments left out (a template's comments name its placeholders). */
function stagingTablesIn(text: string): string[] {
  const code = text
    .split('\n')
    .filter((line) => !/^\s*--/.test(line))
    .join('\n');
  return [...new Set([...code.matchAll(/\bstaging_[a-z0-9_]+/g)].map((match) => match[0]))];
}

describe('the staging SQL templates, expanded', () => {
  it('each export’s parse reads its own staging table, and no placeholder is left in the script', () => {
    expect(STATEMENTS.join('\n')).not.toMatch(/\{\{/);
    for (const rawExport of RAW_EXPORTS) {
      const parse = STATEMENTS.find((statement) =>
        statement.startsWith(`CREATE TEMP TABLE parsed_${rawExport.sqlName} AS\n`),
      );
      expect([rawExport.type, stagingTablesIn(parse ?? '')]).toEqual([
        rawExport.type,
        [`staging_${rawExport.sqlName}`],
      ]);
    }
  });

  it('the day texts of each export are read from its own staging table', () => {
    const moments = STATEMENTS.find((statement) =>
      statement.startsWith('CREATE TEMP TABLE moment_texts AS\n'),
    );
    const parts = (moments ?? '').split('\nUNION ALL\nSELECT * FROM (\n');
    expect(parts).toHaveLength(RAW_EXPORTS.length);
    RAW_EXPORTS.forEach((rawExport, index) =>
      expect([rawExport.type, stagingTablesIn(parts[index] ?? '')]).toEqual([
        rawExport.type,
        [`staging_${rawExport.sqlName}`],
      ]),
    );
  });

  it('the classic advertised-product parse reads each report’s own attribution window and ad product', () => {
    const parseOf = (sqlName: string): string =>
      STATEMENTS.find((statement) => statement.startsWith(`CREATE TEMP TABLE parsed_${sqlName} AS\n`)) ?? '';
    const products = parseOf('amazon_sp_advertised_product');
    const display = parseOf('amazon_sd_advertised_product');
    expect(products).toContain("'sponsoredProducts' AS ad_product");
    expect(products).toContain('s.c_7_day_total_sales');
    expect(products).toContain("':7 Day Total Units (#)'");
    // The Chinese download's repeated header row is no ad row (sponsoredProductsLabels.ts).
    expect(products).toContain("NOT IN ('campaign name', '广告活动名称')");
    expect(display).toContain("'sponsoredDisplay' AS ad_product");
    expect(display).toContain('s.c_14_day_total_sales');
    expect(display).not.toMatch(/c_7_day/);
    expect(parseOf('amazon_sb_campaign')).toContain('s.c_14_day_total_orders');
    expect(parseOf('amazon_sd_advertised_product_unified')).toContain("'sponsoredDisplay' AS ad_product");
    expect(parseOf('amazon_sp_advertised_product_unified')).toContain("'sponsoredProducts' AS ad_product");
  });

  it('an include line stands for its piece, with its indentation and the same values', () => {
    const input: StagingScriptInput = {
      ...INPUT,
      sql: {
        'parse.sql': 'WITH a AS (\n  {{include piece.part.sql}}\n)\nSELECT * FROM a;\n',
        'piece.part.sql': '-- A piece.\n  SELECT x\n  FROM {{staging_table}}\n',
      },
    };
    expect(expandSql(input, 'parse.sql', { staging_table: 'staging_t' })).toBe(
      'WITH a AS (\n-- A piece.\n  SELECT x\n  FROM staging_t\n)\nSELECT * FROM a',
    );
  });

  it('a placeholder with no value, a missing piece or a piece including itself stops the script', () => {
    const input: StagingScriptInput = {
      ...INPUT,
      sql: {
        'parse.sql': 'SELECT {{ad_product}} FROM {{staging_table}}',
        'loop.part.sql': 'SELECT 1\n{{include loop.part.sql}}',
        'lost.sql': '{{include nowhere.part.sql}}',
      },
    };
    expect(() => expandSql(input, 'parse.sql', { staging_table: 't' })).toThrow(
      'sql/staging/parse.sql: {{ad_product}} has no value',
    );
    expect(() => expandSql(input, 'loop.part.sql', {})).toThrow('sql/staging/loop.part.sql includes itself');
    expect(() => expandSql(input, 'lost.sql', {})).toThrow('sql/staging/nowhere.part.sql is missing');
  });
});
