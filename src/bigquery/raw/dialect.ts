/**
 * BigQuery Standard SQL → DuckDB, for the subset the repository's SQL files use, so that tests run the very text sent
 * to BigQuery on a local engine of the same family (issue 15, item 5: real BigQuery cannot be reached from the tests).
 * Not bundled into the add-on: only tests and tools import it.
 *
 * What differs between the two dialects for that subset, and how it is rewritten:
 * - `CREATE TEMP FUNCTION f(a T, …) RETURNS T AS (body);` → a DuckDB macro `CREATE OR REPLACE TEMP MACRO f(a, …) AS
 *   (body);` (macros are inlined like BigQuery's SQL UDFs; neither has typed parameters at run time in DuckDB).
 * - Types: STRING → VARCHAR, INT64 → BIGINT, NUMERIC → DECIMAL(38, 9) (BigQuery NUMERIC is precision 38, scale 9;
 *   DuckDB's own NUMERIC would be DECIMAL(18, 3)), FLOAT64 → DOUBLE, BOOL → BOOLEAN.
 * - `SAFE_CAST` → `TRY_CAST`; raw strings `r'…'` → `'…'` (DuckDB does not treat a backslash in a string literal as an
 *   escape, so the regex text is the same); backquoted names → double-quoted, `dataset.table` as schema and table;
 *   `UNION DISTINCT` → `UNION`; `COMMIT TRANSACTION` → `COMMIT`.
 * - Functions whose name or arguments differ become `bq_*` macros of DUCKDB_PRELUDE: REGEXP_EXTRACT (BigQuery returns
 *   the one capturing group, NULL when nothing matches; DuckDB group 0 and ''), REGEXP_REPLACE (BigQuery replaces every
 *   match; DuckDB needs the 'g' option), DIV, DATE_FROM_UNIX_DATE; REGEXP_CONTAINS is DuckDB's regexp_matches
 *   (both find a match anywhere, RE2 syntax in both), COUNTIF → count_if, LOGICAL_OR → bool_or.
 * - The two time-zone functions of sql/staging/functions.sql (kpi_day_at, kpi_local_epoch) are replaced whole by DuckDB
 *   ICU equivalents: their BigQuery bodies (DATE(TIMESTAMP, zone), TIMESTAMP(DATETIME, zone)) have no textual twin.
 * - Query parameters `@name` become literals from the values given (DuckDB's prepared parameters cannot appear inside
 *   macro bodies).
 * Anything else is passed through unchanged; a test runs every SQL file of the repository through it.
 */

const TYPE_NAMES: readonly [RegExp, string][] = [
  [/\bSTRING\b/g, 'VARCHAR'],
  [/\bINT64\b/g, 'BIGINT'],
  [/\bNUMERIC\b/g, 'DECIMAL(38, 9)'],
  [/\bFLOAT64\b/g, 'DOUBLE'],
  [/\bBOOL\b/g, 'BOOLEAN'],
];

const FUNCTION_NAMES: readonly [RegExp, string][] = [
  [/\bSAFE_CAST\s*\(/g, 'TRY_CAST('],
  [/\bREGEXP_CONTAINS\s*\(/g, 'regexp_matches('],
  [/\bREGEXP_EXTRACT\s*\(/g, 'bq_regexp_extract('],
  [/\bREGEXP_REPLACE\s*\(/g, 'bq_regexp_replace('],
  [/\bDIV\s*\(/g, 'bq_div('],
  [/\bDATE_FROM_UNIX_DATE\s*\(/g, 'bq_date_from_unix_date('],
  [/\bCOUNTIF\s*\(/g, 'count_if('],
  [/\bLOGICAL_OR\s*\(/g, 'bool_or('],
  // GoogleSQL has no bare UNION; DuckDB's UNION is the distinct one.
  [/\bUNION\s+DISTINCT\b/g, 'UNION'],
  [/\bCOMMIT\s+TRANSACTION\b/g, 'COMMIT'],
];

/** Macros standing in for BigQuery built-ins; run once per DuckDB connection before any translated SQL. */
export const DUCKDB_PRELUDE = `
SET TimeZone = 'UTC';
CREATE OR REPLACE MACRO bq_regexp_extract(text, pattern) AS
  CASE WHEN regexp_matches(text, pattern) THEN regexp_extract(text, pattern, 1) END;
CREATE OR REPLACE MACRO bq_regexp_replace(text, pattern, replacement) AS regexp_replace(text, pattern, replacement, 'g');
CREATE OR REPLACE MACRO bq_div(dividend, divisor) AS CAST(trunc(dividend / divisor) AS BIGINT);
CREATE OR REPLACE MACRO bq_date_from_unix_date(days) AS CAST(DATE '1970-01-01' + CAST(days AS INTEGER) AS DATE);
`;

/** DuckDB bodies of the functions.sql functions whose BigQuery bodies use time-zone built-ins (see the header). */
const DUCKDB_FUNCTION_BODIES: Readonly<Record<string, string>> = {
  kpi_day_at: `CREATE OR REPLACE TEMP MACRO kpi_day_at(epoch_ms, zone) AS
  CAST(timezone(zone, make_timestamptz(CAST(epoch_ms AS BIGINT) * 1000)) AS DATE);`,
  kpi_local_epoch: `CREATE OR REPLACE TEMP MACRO kpi_local_epoch(year, month, day, hour, minute, second, zone) AS
  epoch_ms(timezone(zone, make_timestamp(year, month, day, hour, minute, CAST(second AS DOUBLE))));`,
};

const TEMP_FUNCTION =
  /CREATE\s+TEMP\s+FUNCTION\s+(\w+)\s*\(([^)]*)\)\s*RETURNS\s+\w+(?:\s*\(\s*\d+\s*,\s*\d+\s*\))?\s+AS\s*\(/gi;

/** Literal SQL text for a parameter value (strings quoted, quotes doubled). */
function literal(value: string | number | boolean): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return String(value);
}

/** Splits SQL text into code and string/comment pieces, so rewrites never touch what is inside a literal. */
function pieces(sql: string): { code: boolean; text: string }[] {
  const result: { code: boolean; text: string }[] = [];
  const literalOrComment = /r?'(?:[^'\\]|\\.|'')*'|--[^\n]*/g;
  let last = 0;
  for (let match = literalOrComment.exec(sql); match; match = literalOrComment.exec(sql)) {
    if (match.index > last) result.push({ code: true, text: sql.slice(last, match.index) });
    result.push({ code: false, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < sql.length) result.push({ code: true, text: sql.slice(last) });
  return result;
}

/**
 * The DuckDB text of BigQuery SQL. `parameters` gives the values of `@name` query parameters. A temp function whose
 * body DUCKDB_FUNCTION_BODIES holds is replaced whole (its statement must end with `);` on a line of its own).
 */
export function toDuckDb(
  sql: string,
  parameters: Readonly<Record<string, string | number | boolean>> = {},
): string {
  let text = sql;
  for (const [name, body] of Object.entries(DUCKDB_FUNCTION_BODIES)) {
    const statement = new RegExp(String.raw`CREATE TEMP FUNCTION ${name}\b[\s\S]*?\n\);`, 'g');
    text = text.replace(statement, body);
  }
  return pieces(text)
    .map((piece) => {
      if (!piece.code) {
        if (piece.text.startsWith('--')) return piece.text;
        // A BigQuery raw string's text is its value; a DuckDB string literal keeps backslashes as they are.
        return piece.text.startsWith("r'") ? piece.text.slice(1) : piece.text;
      }
      let code = piece.text.replace(TEMP_FUNCTION, (_match, name: string, parameterList: string) => {
        const names = parameterList
          .split(',')
          .map((parameter) => parameter.trim().split(/\s+/)[0])
          .filter((parameter): parameter is string => parameter !== undefined && parameter !== '');
        return `CREATE OR REPLACE TEMP MACRO ${name}(${names.join(', ')}) AS (`;
      });
      for (const [pattern, replacement] of [...FUNCTION_NAMES, ...TYPE_NAMES])
        code = code.replace(pattern, replacement);
      // `dataset.table` is a schema-qualified name in DuckDB (one schema per dataset), `column` a quoted one.
      code = code.replace(/`([^`]+)`/g, (_match, name: string) =>
        name
          .split('.')
          .map((part) => `"${part}"`)
          .join('.'),
      );
      code = code.replace(/@(\w+)/g, (match, name: string) => {
        const value = parameters[name];
        if (value === undefined) throw new Error(`No value for the query parameter @${name}`);
        return literal(value);
      });
      return code;
    })
    .join('');
}
