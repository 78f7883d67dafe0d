/**
 * The BigQuery → DuckDB translation the staging SQL runs through in tests (src/bigquery/raw/dialect.ts): each rewrite
 * gives DuckDB the meaning GoogleSQL gives the original, checked by running both forms' results in DuckDB.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_PRELUDE, toDuckDb } from '../../src/bigquery/raw/dialect';

async function evaluate(googleSql: string, parameters: Record<string, string> = {}): Promise<unknown[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(DUCKDB_PRELUDE);
  const reader = await connection.runAndReadAll(toDuckDb(googleSql, parameters));
  const rows = reader.getRowsJson();
  connection.closeSync();
  return rows[0] ?? [];
}

describe('GoogleSQL → DuckDB for the staging SQL', () => {
  it('REGEXP_EXTRACT returns the one capturing group, and NULL (not "") when nothing matches', async () => {
    expect(
      await evaluate(String.raw`SELECT REGEXP_EXTRACT('PO#12', r'#(\d+)'), REGEXP_EXTRACT('PO', r'#(\d+)')`),
    ).toEqual(['12', null]);
  });

  it('REGEXP_REPLACE replaces every match; \\1 refers to a group; REGEXP_CONTAINS finds a match anywhere', async () => {
    expect(
      await evaluate(
        String.raw`SELECT REGEXP_REPLACE('1,234,567', r',', ''), REGEXP_REPLACE('8/3/26', r'^(\d+)/(\d+)', r'\2-\1'), REGEXP_CONTAINS('a 1', r'\d')`,
      ),
    ).toEqual(['1234567', '3-8/26', true]);
  });

  it('NUMERIC keeps 9 decimals exactly and ROUND goes half away from zero, as BigQuery NUMERIC does', async () => {
    expect(
      await evaluate(
        `SELECT CAST(ROUND(SAFE_CAST('1.005' AS NUMERIC), 2) AS STRING), CAST(ROUND(SAFE_CAST('-2.675' AS NUMERIC), 2) AS STRING), SAFE_CAST('x' AS NUMERIC)`,
      ),
    ).toEqual(['1.01', '-2.68', null]);
  });

  it('DIV truncates, DATE_FROM_UNIX_DATE counts days from 1970-01-01, UNION DISTINCT is a distinct union', async () => {
    expect(
      await evaluate(
        `SELECT DIV(7, 2), CAST(DATE_FROM_UNIX_DATE(20513) AS STRING), (SELECT COUNT(*) FROM (SELECT 1 AS a UNION DISTINCT SELECT 1))`,
      ),
    ).toEqual(['3', '2026-03-01', '1']);
  });

  it('a temp function becomes a macro; query parameters become literals; dataset.table a schema-qualified name', () => {
    const sql = toDuckDb(
      "CREATE TEMP FUNCTION f(text STRING, n INT64) RETURNS STRING AS (CONCAT(text, 'it''s'));\nSELECT @zone FROM `ds.t`",
      { zone: 'America/Los_Angeles' },
    );
    expect(sql).toContain('CREATE OR REPLACE TEMP MACRO f(text, n) AS (');
    expect(sql).toContain("'America/Los_Angeles'");
    expect(sql).toContain('"ds"."t"');
    expect(() => toDuckDb('SELECT @missing')).toThrow('@missing');
  });

  it('text inside string literals and comments is never rewritten', () => {
    expect(toDuckDb("SELECT 'STRING INT64 SAFE_CAST(' -- NUMERIC stays\n")).toBe(
      "SELECT 'STRING INT64 SAFE_CAST(' -- NUMERIC stays\n",
    );
  });
});
