/**
 * The one BigQuery script (a multi-statement query job) that turns the staging tables of every raw export file into
 * facts: sql/staging/functions.sql, then one temporary table per export gathering its files' staging tables (the
 * columns its SQL reads, NULL where a file lacks one), the date texts read once (moments.sql), each export's parse
 * (`<export>.sql`, or the template its reports share: exports.ts `sql`, expandSql), and the winners across files (order_line_winners.sql, ad_row_winners.sql, return_winners.sql)
 * written to the seller's dataset's output tables in one transaction (DELETE then INSERT of each), so a failed script leaves all three as
 * they were (cloud.google.com/bigquery/docs/transactions), and a second run over the same files gives the same tables:
 * a file loaded twice counts once, because its lines are copies the winner rules resolve. The output tables are created
 * beforehand from OUTPUT_TABLE_SPECS (DDL is not allowed inside a transaction). Temporary tables and functions live only as
 * long as the script (cloud.google.com/bigquery/docs/multi-statement-queries#temporary_tables).
 *
 * Output tables (the fact shapes of src/core/model.ts, snake_case):
 * - `raw_order_lines`: OrderLineFact — channel, order_id, line_key, sku, date, last_updated_ms, state, quantity,
 *   revenue, currency, and source_file (the Drive file id of the winning copy); cancelled winners included (they
 *   count for nothing, as in the KPI Summary build);
 * - `raw_ad_rows`: AdFact — channel, ad_product, date, campaign, ad_group, sku, spend, sales, clicks, impressions,
 *   orders, units, source_file;
 * - `raw_returns`: ReturnFact — channel, order_id, sku, date, quantity, license_plate, disposition, source_file: each
 *   FBA customer return once (a license plate names one unit wherever it is listed);
 * - `raw_fee_lines`: FeeFact — channel, date, order_id, sku, fee_type, amount (as the report signs it: charges
 *   negative), source_file: the Date Range report's and Shopify Payments transactions' lines, each line once, one row
 *   per fee type with an amount (a Shopify line's SKU is empty: raw_kpi_summary.sql spreads it over its order);
 * - `raw_payments_coverage`: channel, first_day, last_day, source_file: the days each payments file covers (its fees are
 *   then the day's fees, none estimated);
 * - `raw_issues`: the Data Issues of the parse — one row per unreadable row (reason key, column, cell text, the row's
 *   key: order id or campaign) and one per file and rule for the lines a rule leaves out (Non-Amazon lines, Pending
 *   lines without a price, another marketplace or currency with its line count and amount, ad rows over a range).
 */
import { type ReportType } from '../../core/reports';
import { type TableSpec } from '../client';
import { decimalText, RAW_KPI_TABLE, RAW_KPI_TABLE_SPEC } from '../schema';
import { RAW_EXPORTS, type RawExport } from './exports';

/** One export file loaded into its own staging table. */
export interface StagedFile {
  type: ReportType;
  /** The Drive file id: the file's identity in every output row. */
  fileId: string;
  /** `dataset.table` of its staging table. */
  table: string;
  /** The staging table's columns, in the file's header order (stagingColumns.ts). */
  columns: readonly string[];
}

export interface StagingScriptInput {
  /** sql/staging file name (`functions.sql`, `amazon_all_orders.sql` …) → its text. */
  sql: Readonly<Record<string, string>>;
  files: readonly StagedFile[];
  /** Dataset the output tables are written to. */
  outputDataset: string;
  /** IANA zone whose calendar days the facts use (Settings; SPEC §2). */
  reportingTimeZone: string;
  /** USD→CNY of the build (Settings), for the KPI rows' CNY columns; null leaves them NULL. */
  fxUsdCny: number | null;
  /** Tables of the dataset to empty in the transaction: workbook inputs with no row this time (kpiInputs.ts). */
  emptyTables?: readonly string[];
}

export const OUTPUT_TABLES = {
  orderLines: 'raw_order_lines',
  adRows: 'raw_ad_rows',
  issues: 'raw_issues',
  returns: 'raw_returns',
  feeLines: 'raw_fee_lines',
  paymentsCoverage: 'raw_payments_coverage',
  kpiSummary: RAW_KPI_TABLE,
} as const;

const field = (name: string, type: string): TableSpec['fields'][number] => ({ name, type, mode: 'NULLABLE' });

/** The output tables' schemas, in the column order the script inserts; the facts are partitioned by day. */
export const OUTPUT_TABLE_SPECS: readonly TableSpec[] = [
  {
    tableId: OUTPUT_TABLES.orderLines,
    partitionField: 'date',
    description: 'Order lines of the Drive folder exports, each line once (Seller KPI, sql/staging)',
    fields: [
      field('channel', 'STRING'),
      field('order_id', 'STRING'),
      field('line_key', 'STRING'),
      field('sku', 'STRING'),
      field('date', 'DATE'),
      field('last_updated_ms', 'INTEGER'),
      field('state', 'STRING'),
      field('quantity', 'INTEGER'),
      field('revenue', 'NUMERIC'),
      field('currency', 'STRING'),
      field('source_file', 'STRING'),
    ],
  },
  {
    tableId: OUTPUT_TABLES.adRows,
    partitionField: 'date',
    description: 'Ad rows of the Drive folder exports, each row once (Seller KPI, sql/staging)',
    fields: [
      field('channel', 'STRING'),
      field('ad_product', 'STRING'),
      field('date', 'DATE'),
      field('campaign', 'STRING'),
      field('ad_group', 'STRING'),
      field('sku', 'STRING'),
      field('spend', 'NUMERIC'),
      field('sales', 'NUMERIC'),
      field('clicks', 'INTEGER'),
      field('impressions', 'INTEGER'),
      field('orders', 'INTEGER'),
      field('units', 'INTEGER'),
      field('source_file', 'STRING'),
    ],
  },
  {
    tableId: OUTPUT_TABLES.issues,
    partitionField: null,
    description: 'Rows of the Drive folder exports left out, and why (Seller KPI, sql/staging)',
    fields: [
      field('source_file', 'STRING'),
      field('report', 'STRING'),
      field('reason', 'STRING'),
      field('column_name', 'STRING'),
      field('value', 'STRING'),
      field('row_key', 'STRING'),
      field('line_count', 'INTEGER'),
      field('amount', 'NUMERIC'),
      field('first_day', 'DATE'),
      field('last_day', 'DATE'),
    ],
  },
  {
    tableId: OUTPUT_TABLES.returns,
    partitionField: 'date',
    description:
      'FBA customer returns of the Drive folder exports, each return once (Seller KPI, sql/staging)',
    fields: [
      field('channel', 'STRING'),
      field('order_id', 'STRING'),
      field('sku', 'STRING'),
      field('date', 'DATE'),
      field('quantity', 'INTEGER'),
      field('license_plate', 'STRING'),
      field('disposition', 'STRING'),
      field('source_file', 'STRING'),
    ],
  },
  {
    tableId: OUTPUT_TABLES.feeLines,
    partitionField: 'date',
    description:
      'Payments report lines of the Drive folder exports by fee type, each line once (Seller KPI, sql/staging)',
    fields: [
      field('channel', 'STRING'),
      field('date', 'DATE'),
      field('order_id', 'STRING'),
      field('sku', 'STRING'),
      field('fee_type', 'STRING'),
      field('amount', 'NUMERIC'),
      field('source_file', 'STRING'),
    ],
  },
  {
    tableId: OUTPUT_TABLES.paymentsCoverage,
    partitionField: null,
    description: 'Days each payments report of the Drive folder covers (Seller KPI, sql/staging)',
    fields: [
      field('channel', 'STRING'),
      field('first_day', 'DATE'),
      field('last_day', 'DATE'),
      field('source_file', 'STRING'),
    ],
  },
  // Last: its rows are computed from the two fact tables above as this script's transaction wrote them.
  RAW_KPI_TABLE_SPEC,
];

function sqlText(input: StagingScriptInput, name: string, options = { keepIndent: false }): string {
  const text = input.sql[name];
  if (text === undefined) throw new Error(`sql/staging/${name} is missing`);
  // A trailing semicolon or comment would end the statement the text is embedded in.
  const trimmed = options.keepIndent ? text.replace(/^(?:[ \t]*\n)+/, '').trimEnd() : text.trim();
  return trimmed.replace(/;$/, '');
}

/**
 * A sql/staging file with each `{{name}}` replaced by its value, as views.ts puts each level into
 * sql/views/kpi_by_level.sql's `{{level}}`: one text serves every report of a layout (exports.ts `sql`), the reporting
 * time zone and the dataset are put in. A line that is only `{{include <file>}}` stands for that file of sql/staging (a
 * `.part.sql` piece several parses share), expanded with the same values. A placeholder with no value, or a piece that
 * includes itself, is an error here, never SQL sent to BigQuery. Values are SQL the code writes (table names,
 * literals), never a cell of an export.
 */
export function expandSql(
  input: StagingScriptInput,
  name: string,
  parameters: Readonly<Record<string, string>>,
  including: readonly string[] = [],
): string {
  if (including.includes(name)) throw new Error(`sql/staging/${name} includes itself`);
  // A piece keeps the indentation of its first line (it stands inside a parse); only blank lines before it go.
  const text = including.length === 0 ? sqlText(input, name) : sqlText(input, name, { keepIndent: true });
  return (
    text
      // The whole line, so a piece's last line (a comment in the repository's files) cannot swallow what follows it.
      .replace(/^[ \t]*\{\{include ([\w.]+)\}\}[ \t]*$/gm, (_line: string, piece: string) =>
        expandSql(input, piece, parameters, [...including, name]),
      )
      .replace(/\{\{(\w+)\}\}/g, (placeholder: string, key: string) => {
        const value = parameters[key];
        if (value === undefined) throw new Error(`sql/staging/${name}: ${placeholder} has no value`);
        return value;
      })
  );
}

/** A string literal of GoogleSQL (quotes and backslashes escaped). */
export function stringLiteral(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function stagingTableOf(rawExport: RawExport): string {
  return `staging_${rawExport.sqlName}`;
}

/** An export's parse or day texts: its own file or the template exports.ts names, for its staging table. */
function exportSql(input: StagingScriptInput, rawExport: RawExport, part: 'parse' | 'dates'): string {
  const file = rawExport.sql?.[part] ?? `${rawExport.sqlName}${part === 'parse' ? '.sql' : '.dates.sql'}`;
  return expandSql(input, file, {
    ...rawExport.sql?.parameters,
    staging_table: stagingTableOf(rawExport),
  });
}

/**
 * The SELECT of one file's staging rows: the export's columns, each cell as kpi_clean leaves it ('' where the file has
 * no such column or the cell is empty), the file's id, whether the whole row is blank (a blank line is no row), and
 * the file's own header columns as `,a,b,c,` (a rule may depend on a column's presence, not its values: a Sponsored
 * Brands report with a keyword column splits the spend).
 */
function fileSelect(rawExport: RawExport, file: StagedFile): string {
  const present = new Set(file.columns);
  const blank = `kpi_blank_cells(CONCAT(${file.columns
    .map((column) => `COALESCE(\`${column}\`, ''), CHR(31)`)
    .join(', ')}, ''))`;
  const columns = rawExport.columns.map((column) =>
    present.has(column) ? `kpi_clean(\`${column}\`) AS \`${column}\`` : `'' AS \`${column}\``,
  );
  const fileColumns = stringLiteral(`,${file.columns.join(',')},`);
  return `SELECT ${stringLiteral(file.fileId)} AS source_file, ${blank} AS blank_row, ${fileColumns} AS file_columns, ${columns.join(', ')} FROM \`${file.table}\``;
}

/** The same columns with no row: an export no file of the folder holds still has its (empty) staging table. */
function emptySelect(rawExport: RawExport): string {
  const columns = rawExport.columns.map((column) => `CAST('' AS STRING) AS \`${column}\``);
  return `SELECT CAST('' AS STRING) AS source_file, FALSE AS blank_row, CAST('' AS STRING) AS file_columns, ${columns.join(', ')} LIMIT 0`;
}

const ORDER_LINE_COLUMNS =
  'source_file, channel, order_id, line_key, sku, `date`, last_updated_ms, state, quantity, revenue, currency';
const RETURN_COLUMNS =
  'source_file, channel, order_id, sku, `date`, quantity, license_plate, disposition, appended';
/**
 * The parsed payments lines every payments export gives (its own amounts per fee type, its own line key): the shape
 * payments_line_winners.sql and payments_coverage.sql read, whatever report the line came from.
 */
const PAYMENTS_LINE_COLUMNS =
  'source_file, channel, appended, `date`, line_key, order_id, sku, referral_amount, fulfilment_amount, ' +
  'other_amount, storage_amount, refund_amount, reimbursement_amount, promotion_amount, shipping_credit_amount, ' +
  'advertising_charge_amount';
const AD_ROW_COLUMNS =
  'source_file, channel, ad_product, `date`, campaign, ad_group, sku, spend, sales, clicks, impressions, orders, units';

/** Left-out outcomes whose summary names a value: the marketplace or currency, the column splitting SB spend. */
const VALUED = "('otherMarket', 'spendSplit', 'otherAdProduct')";

/** Row issues and the per-file counts of left-out lines of one parsed export. */
function issuesSelect(rawExport: RawExport): string {
  const parsed = `parsed_${rawExport.sqlName}`;
  const report = stringLiteral(rawExport.type);
  const rowKey = { orderLines: 'order_id', adRows: 'campaign', returns: 'order_id', payments: 'row_key' }[
    rawExport.kind
  ];
  const counted = {
    orderLines: "('line')",
    adRows: "('adRow')",
    returns: "('return')",
    payments: "('paymentsLine')",
  }[rawExport.kind];
  return [
    `SELECT source_file, ${report} AS report, outcome AS reason, issue_column AS column_name, issue_value AS value,`,
    `  ${rowKey} AS row_key, 1 AS line_count, CAST(NULL AS NUMERIC) AS amount, CAST(NULL AS DATE) AS first_day,`,
    `  CAST(NULL AS DATE) AS last_day`,
    `FROM ${parsed} WHERE STARTS_WITH(outcome, 'issue.')`,
    'UNION ALL',
    `SELECT source_file, ${report}, outcome, CAST(NULL AS STRING), IF(outcome IN ${VALUED}, market, NULL),`,
    `  CAST(NULL AS STRING), COUNT(*), IF(outcome = 'otherMarket', SUM(market_amount), NULL),`,
    rawExport.kind === 'adRows'
      ? `  IF(outcome = 'notDaily', MIN(\`date\`), NULL), IF(outcome = 'notDaily', MAX(range_end), NULL)`
      : '  CAST(NULL AS DATE), CAST(NULL AS DATE)',
    `FROM ${parsed} WHERE NOT STARTS_WITH(outcome, 'issue.') AND outcome NOT IN ${counted}`,
    `GROUP BY source_file, outcome, IF(outcome IN ${VALUED}, market, NULL)`,
    ...(rawExport.kind === 'payments'
      ? [
          'UNION ALL',
          `SELECT source_file, ${report}, 'payoutUnknownType', CAST(NULL AS STRING), unknown_type,`,
          '  CAST(NULL AS STRING), COUNT(*), SUM(total), CAST(NULL AS DATE), CAST(NULL AS DATE)',
          `FROM ${parsed} WHERE unknown_type IS NOT NULL AND outcome IN ('paymentsLine', 'otherMarket')`,
          'GROUP BY source_file, unknown_type',
          // A problem in a cell read after the row was counted (TikTok's order rows): listed, the row still counted.
          'UNION ALL',
          `SELECT source_file, ${report}, late_issue, late_issue_column, late_issue_value, row_key, 1,`,
          '  CAST(NULL AS NUMERIC), CAST(NULL AS DATE), CAST(NULL AS DATE)',
          `FROM ${parsed} WHERE late_issue IS NOT NULL`,
        ]
      : []),
  ].join('\n');
}

/**
 * Per settlement file, its fee lines on days a Date Range report covers, left out (payments_line_winners.sql) and
 * counted as the KPI Summary counts them (oneFeeSourcePerDay: one per fee fact, every copy in the file).
 */
const SETTLEMENT_COVERED_ISSUES = [
  "SELECT k.source_file, 'amazon-settlement-v2', 'settlementCoveredByDateRange', CAST(NULL AS STRING),",
  '  CAST(NULL AS STRING), CAST(NULL AS STRING), COUNT(*), CAST(NULL AS NUMERIC), CAST(NULL AS DATE), CAST(NULL AS DATE)',
  'FROM payments_line_copies AS k',
  "WHERE k.report = 'amazon-settlement-v2'",
  '  AND (k.referral_amount != 0 OR k.fulfilment_amount != 0 OR k.storage_amount != 0 OR k.other_amount != 0',
  '    OR k.refund_amount != 0 OR k.reimbursement_amount != 0 OR k.promotion_amount != 0',
  '    OR k.shipping_credit_amount != 0 OR k.advertising_charge_amount != 0)',
  '  AND EXISTS (',
  '    SELECT 1 FROM date_range_coverage AS c',
  '    WHERE c.channel = k.channel AND c.first_day <= k.`date` AND k.`date` <= c.last_day',
  '  )',
  'GROUP BY k.source_file',
].join('\n');

/** The whole script, its statements separated by `;` and blank lines. */
export function stagingScript(input: StagingScriptInput): string {
  const statements: string[] = [sqlText(input, 'functions.sql')];
  for (const rawExport of RAW_EXPORTS) {
    const files = input.files.filter((file) => file.type === rawExport.type);
    const selects =
      files.length > 0 ? files.map((file) => fileSelect(rawExport, file)) : [emptySelect(rawExport)];
    statements.push(`CREATE TEMP TABLE ${stagingTableOf(rawExport)} AS\n${selects.join('\nUNION ALL\n')}`);
  }
  statements.push(
    `CREATE TEMP TABLE moment_texts AS\n${RAW_EXPORTS.map(
      (rawExport) => `SELECT * FROM (\n${exportSql(input, rawExport, 'dates')}\n)`,
    ).join('\nUNION ALL\n')}`,
  );
  const zone = stringLiteral(input.reportingTimeZone);
  statements.push(
    `CREATE TEMP TABLE moments AS\n${expandSql(input, 'moments.sql', { reporting_time_zone: zone })}`,
  );
  for (const rawExport of RAW_EXPORTS) {
    statements.push(
      `CREATE TEMP TABLE parsed_${rawExport.sqlName} AS\n${exportSql(input, rawExport, 'parse')}`,
    );
  }
  const ofKind = (kind: RawExport['kind'], columns: string, outcome: string): string =>
    RAW_EXPORTS.filter((rawExport) => rawExport.kind === kind)
      .map((rawExport) => `SELECT ${columns} FROM parsed_${rawExport.sqlName} WHERE outcome = '${outcome}'`)
      .join('\nUNION ALL\n');
  statements.push(
    `CREATE TEMP TABLE order_line_copies AS\n${ofKind('orderLines', ORDER_LINE_COLUMNS, 'line')}`,
  );
  statements.push(`CREATE TEMP TABLE ad_row_copies AS\n${ofKind('adRows', AD_ROW_COLUMNS, 'adRow')}`);
  statements.push(`CREATE TEMP TABLE return_copies AS\n${ofKind('returns', RETURN_COLUMNS, 'return')}`);
  const paymentsExports = RAW_EXPORTS.filter((rawExport) => rawExport.kind === 'payments');
  // Each line with the report it came from: a settlement's lines give way to a Date Range report's on its days.
  statements.push(
    `CREATE TEMP TABLE payments_line_copies AS\n${paymentsExports
      .map(
        (rawExport) =>
          `SELECT ${stringLiteral(rawExport.type)} AS report, ${PAYMENTS_LINE_COLUMNS} FROM parsed_${rawExport.sqlName} WHERE outcome = 'paymentsLine'`,
      )
      .join('\nUNION ALL\n')}`,
  );
  // The periods payments files state (a settlement's start and end date, on its summary row, read or not).
  statements.push(
    `CREATE TEMP TABLE payments_periods AS\n${paymentsExports
      .map(
        (rawExport) =>
          `SELECT DISTINCT channel, period_from, period_to, source_file FROM parsed_${rawExport.sqlName} WHERE period_from IS NOT NULL`,
      )
      .join('\nUNION ALL\n')}`,
  );
  statements.push(`CREATE TEMP TABLE date_range_coverage AS\n${sqlText(input, 'date_range_coverage.sql')}`);
  const selects: Readonly<Record<string, string>> = {
    [OUTPUT_TABLES.orderLines]: sqlText(input, 'order_line_winners.sql'),
    [OUTPUT_TABLES.adRows]: sqlText(input, 'ad_row_winners.sql'),
    [OUTPUT_TABLES.returns]: sqlText(input, 'return_winners.sql'),
    [OUTPUT_TABLES.feeLines]: sqlText(input, 'payments_line_winners.sql'),
    [OUTPUT_TABLES.paymentsCoverage]: sqlText(input, 'payments_coverage.sql'),
    [OUTPUT_TABLES.issues]: [...RAW_EXPORTS.map(issuesSelect), SETTLEMENT_COVERED_ISSUES].join(
      '\nUNION ALL\n',
    ),
    [OUTPUT_TABLES.kpiSummary]: expandSql(input, 'raw_kpi_summary.sql', {
      dataset: input.outputDataset,
      fx_usd_cny:
        input.fxUsdCny === null
          ? 'CAST(NULL AS NUMERIC)'
          : `CAST('${decimalText(input.fxUsdCny)}' AS NUMERIC)`,
    }),
  };
  statements.push('BEGIN TRANSACTION');
  for (const table of input.emptyTables ?? [])
    statements.push(`DELETE FROM \`${input.outputDataset}.${table}\` WHERE TRUE`);
  for (const spec of OUTPUT_TABLE_SPECS) {
    const table = `\`${input.outputDataset}.${spec.tableId}\``;
    const columns = spec.fields.map((column) => column.name).join(', ');
    statements.push(`DELETE FROM ${table} WHERE TRUE`);
    statements.push(
      `INSERT INTO ${table} (${columns})\nSELECT ${columns} FROM (\n${selects[spec.tableId] ?? ''}\n)`,
    );
  }
  statements.push('COMMIT TRANSACTION');
  return `${statements.join(';\n\n')};\n`;
}
