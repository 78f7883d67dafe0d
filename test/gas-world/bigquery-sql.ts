/**
 * GoogleSQL (BigQuery Standard SQL) → DuckDB, for the local BigQuery double: only what differs between the two
 * dialects in the SQL this project writes, each difference with its source. Anything else passes through unchanged,
 * so SQL that uses a GoogleSQL feature not listed here fails in DuckDB instead of silently meaning something else.
 *
 * | GoogleSQL                         | DuckDB                                   | Source |
 * |-----------------------------------|------------------------------------------|--------|
 * | `` `project.dataset.table` ``     | `"dataset"."table"` (one schema per dataset; the double has one project) | GoogleSQL lexical structure: quoted identifiers use backticks (cloud.google.com/bigquery/docs/reference/standard-sql/lexical); DuckDB quotes identifiers with double quotes (duckdb.org/docs/sql/dialect/keywords_and_identifiers) |
 * | `SAFE_DIVIDE(x, y)`               | a macro: NULL when y is 0 or NULL        | GoogleSQL mathematical functions: SAFE_DIVIDE "returns NULL if the divisor is 0" (…/standard-sql/mathematical_functions#safe_divide); DuckDB has no such function, `/` by 0 gives NULL for doubles but errors for decimals [inf, checked in bigquery-sql.test.ts] |
 * | `DATE_TRUNC(d, WEEK(MONDAY))`     | `CAST(date_trunc('week', d) AS DATE)`    | GoogleSQL date functions: DATE_TRUNC(date_expression, granularity), WEEK means weeks starting Sunday, WEEK(<WEEKDAY>) starting that day (…/standard-sql/date_functions#date_trunc); DuckDB: date_trunc(part, date), 'week' is the ISO week starting Monday (duckdb.org/docs/sql/functions/datepart) |
 * | `DATE_TRUNC(d, MONTH)` / `YEAR`   | `CAST(date_trunc('month', d) AS DATE)`   | same |
 * | `NUMERIC`, `BIGNUMERIC` in CAST   | `DECIMAL(38, 9)`                         | GoogleSQL data types: NUMERIC has precision 38 and scale 9 (…/standard-sql/data-types#decimal_types); DuckDB's bare NUMERIC is DECIMAL(18, 3) (duckdb.org/docs/sql/data_types/numeric) |
 * | `INT64`, `FLOAT64`, `STRING`, `BOOL` in CAST | `BIGINT`, `DOUBLE`, `VARCHAR`, `BOOLEAN` | GoogleSQL data types; DuckDB data types |
 * | `COMMIT TRANSACTION`              | `COMMIT`                                 | GoogleSQL transactions (…/standard-sql/procedural-language#commit_transaction) |
 *
 * DuckDB's `/` on integers is a true division like GoogleSQL's (duckdb.org/docs/sql/functions/numeric, since 0.8).
 */

/** The BigQuery column types the double knows, in the API's legacy names (Tables resource, TableFieldSchema.type). */
export type BigQueryType = 'STRING' | 'INTEGER' | 'FLOAT' | 'NUMERIC' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';

/** API type names and their aliases (TableFieldSchema.type: "INT64 (same as INTEGER)", "FLOAT64 (same as FLOAT)" …). */
export const TYPE_ALIASES: Readonly<Record<string, BigQueryType>> = {
  STRING: 'STRING',
  INTEGER: 'INTEGER',
  INT64: 'INTEGER',
  FLOAT: 'FLOAT',
  FLOAT64: 'FLOAT',
  NUMERIC: 'NUMERIC',
  BIGNUMERIC: 'NUMERIC',
  BOOLEAN: 'BOOLEAN',
  BOOL: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
};

/** The DuckDB column type holding a BigQuery type exactly (NUMERIC: 38 digits, 9 after the point). */
export const DUCKDB_TYPE: Readonly<Record<BigQueryType, string>> = {
  STRING: 'VARCHAR',
  INTEGER: 'BIGINT',
  FLOAT: 'DOUBLE',
  NUMERIC: 'DECIMAL(38, 9)',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMPTZ',
};

/** The DuckDB result type → the BigQuery type a query result's schema reports. */
export function bigQueryTypeOfDuckDb(duckType: string): BigQueryType {
  const type = duckType.toUpperCase();
  if (type.startsWith('DECIMAL')) return 'NUMERIC';
  if (['BIGINT', 'INTEGER', 'HUGEINT', 'SMALLINT', 'TINYINT', 'UBIGINT', 'UINTEGER'].includes(type))
    return 'INTEGER';
  if (type === 'DOUBLE' || type === 'FLOAT') return 'FLOAT';
  if (type === 'BOOLEAN') return 'BOOLEAN';
  if (type === 'DATE') return 'DATE';
  if (type.startsWith('TIMESTAMP')) return 'TIMESTAMP';
  return 'STRING';
}

/** Created in every DuckDB session the double opens: GoogleSQL functions DuckDB lacks. */
export const DUCKDB_PRELUDE = [
  // SAFE_DIVIDE: NULL instead of an error when the divisor is 0 (or NULL, which any division gives).
  'CREATE MACRO SAFE_DIVIDE(x, y) AS CASE WHEN y = 0 THEN NULL ELSE x / y END',
];

/** Splits SQL text on top-level semicolons, outside quotes and comments. Empty statements are dropped. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let index = 0;
  while (index < sql.length) {
    const char = sql[index] as string;
    const next = sql[index + 1];
    if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', index);
      const stop = end === -1 ? sql.length : end;
      current += sql.slice(index, stop);
      index = stop;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', index + 2);
      const stop = end === -1 ? sql.length : end + 2;
      current += sql.slice(index, stop);
      index = stop;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      let stop = index + 1;
      while (stop < sql.length && sql[stop] !== char) stop += sql[stop] === '\\' ? 2 : 1;
      current += sql.slice(index, stop + 1);
      index = stop + 1;
      continue;
    }
    if (char === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      index += 1;
      continue;
    }
    current += char;
    index += 1;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/** A backticked `project.dataset.table` (or `dataset.table`) name: its dataset and table. */
export function parseTableName(name: string): { project: string | null; dataset: string; table: string } {
  const parts = name.replace(/`/g, '').split('.');
  if (parts.length === 3)
    return { project: parts[0] as string, dataset: parts[1] as string, table: parts[2] as string };
  if (parts.length === 2) return { project: null, dataset: parts[0] as string, table: parts[1] as string };
  throw new Error(
    `Table name "${name}" is missing a dataset while no default dataset is set in the request.`,
  );
}

/** Finds the closing parenthesis of the call whose "(" is at `open`, and the call's top-level arguments. */
function callArguments(sql: string, open: number): { args: string[]; close: number } {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let index = open; index < sql.length; index += 1) {
    const char = sql[index];
    if (char === "'" || char === '"' || char === '`') {
      const end = sql.indexOf(char, index + 1);
      index = end === -1 ? sql.length : end;
      continue;
    }
    if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) {
        args.push(sql.slice(start, index).trim());
        return { args, close: index };
      }
    } else if (char === ',' && depth === 1) {
      args.push(sql.slice(start, index).trim());
      start = index + 1;
    }
  }
  throw new Error('Syntax error: unclosed parenthesis');
}

const DATE_PARTS: Readonly<Record<string, string>> = {
  'WEEK(MONDAY)': 'week',
  MONTH: 'month',
  YEAR: 'year',
  QUARTER: 'quarter',
  DAY: 'day',
};

function translateDateTrunc(sql: string): string {
  const pattern = /\bDATE_TRUNC\s*\(/gi;
  let output = '';
  let from = 0;
  for (let match = pattern.exec(sql); match; match = pattern.exec(sql)) {
    if (match.index < from) continue;
    const open = match.index + match[0].length - 1;
    const { args, close } = callArguments(sql, open);
    const part = (args[1] ?? '').replace(/\s+/g, '').toUpperCase();
    const duckPart = DATE_PARTS[part];
    // WEEK alone starts on Sunday in GoogleSQL, unlike DuckDB's ISO week: refused rather than shifted by a day.
    if (args.length !== 2 || !duckPart)
      throw new Error(
        `The double translates DATE_TRUNC(date, ${Object.keys(DATE_PARTS).join('|')}) only, not ${part}`,
      );
    output += sql.slice(from, match.index);
    output += `CAST(date_trunc('${duckPart}', ${translateDateTrunc(args[0] as string)}) AS DATE)`;
    from = close + 1;
    pattern.lastIndex = from;
  }
  return output + sql.slice(from);
}

interface Segment {
  kind: 'code' | 'string' | 'comment';
  text: string;
}

/** SQL cut into code, string literals ('…', "…") and comments (-- … and block comments), in order. */
function segments(sql: string): Segment[] {
  const parts: Segment[] = [];
  let code = '';
  let index = 0;
  const flush = (): void => {
    if (code) parts.push({ kind: 'code', text: code });
    code = '';
  };
  while (index < sql.length) {
    const char = sql[index] as string;
    const next = sql[index + 1];
    if ((char === '-' && next === '-') || (char === '/' && next === '*')) {
      const end = char === '-' ? sql.indexOf('\n', index) : sql.indexOf('*/', index + 2);
      const stop = end === -1 ? sql.length : char === '-' ? end : end + 2;
      flush();
      parts.push({ kind: 'comment', text: sql.slice(index, stop) });
      index = stop;
    } else if (char === "'" || char === '"') {
      let stop = index + 1;
      while (stop < sql.length && sql[stop] !== char) stop += sql[stop] === '\\' ? 2 : 1;
      flush();
      parts.push({ kind: 'string', text: sql.slice(index, stop + 1) });
      index = stop + 1;
    } else {
      code += char;
      index += 1;
    }
  }
  flush();
  return parts;
}

/** Rewrites the code only: never inside a string literal or a comment. */
function outsideStrings(sql: string, rewrite: (code: string) => string): string {
  return segments(sql)
    .map((part) => (part.kind === 'code' ? rewrite(part.text) : part.text))
    .join('');
}

/** SQL without its comments (a backtick or an apostrophe in a comment is no name and no string). */
export function stripComments(sql: string): string {
  return segments(sql)
    .map((part) => (part.kind === 'comment' ? ' ' : part.text))
    .join('');
}

/** One GoogleSQL statement as DuckDB runs it. */
export function toDuckDbSql(statement: string): string {
  let sql = outsideStrings(stripComments(statement), (code) =>
    code
      .replace(/`([^`]+)`/g, (_all, name: string) => {
        const { dataset, table } = parseTableName(name);
        return `"${dataset}"."${table}"`;
      })
      .replace(/\bAS\s+(BIG)?NUMERIC\b/gi, 'AS DECIMAL(38, 9)')
      .replace(/\bAS\s+INT64\b/gi, 'AS BIGINT')
      .replace(/\bAS\s+FLOAT64\b/gi, 'AS DOUBLE')
      .replace(/\bAS\s+STRING\b/gi, 'AS VARCHAR')
      .replace(/\bAS\s+BOOL\b/gi, 'AS BOOLEAN')
      .replace(/\bCOMMIT\s+TRANSACTION\b/gi, 'COMMIT'),
  );
  sql = translateDateTrunc(sql);
  return sql;
}
