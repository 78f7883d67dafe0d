/**
 * The Drive-folder path of issue 15 item 4 run locally: each export file loaded into DuckDB as an all-STRING staging
 * table the way a BigQuery CSV load job reads it (the load plan of src/bigquery/raw/recognise.ts: preamble and header
 * skipped, the export's delimiter, RFC 4180 quotes for CSV and none for Amazon's TAB flat files, missing trailing
 * cells as NULL like allowJaggedRows, a UTF-8 BOM ignored), then the very script sent to BigQuery
 * (stagingScript.ts + sql/staging) translated by dialect.ts. DuckDB's own CSV reader stands in for BigQuery's, so the
 * TypeScript readers' CSV parsing is not what feeds the SQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_PRELUDE, toDuckDb } from '../../src/bigquery/raw/dialect';
import { KPI_INPUT_SPECS, type KpiInputs, kpiInputRows } from '../../src/bigquery/raw/kpiInputs';
import { EMPTY_COST_TABLE } from '../../src/core/costs/costs';
import { EMPTY_PRODUCTS } from '../../src/core/inventory/products';
import { recogniseExport, type LoadPlan } from '../../src/bigquery/raw/recognise';
import {
  OUTPUT_TABLE_SPECS,
  OUTPUT_TABLES,
  type StagedFile,
  stagingScript,
} from '../../src/bigquery/raw/stagingScript';

export const STAGING_SQL_DIR = join(__dirname, '..', '..', 'sql', 'staging');

export function stagingSqlFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(STAGING_SQL_DIR)) {
    if (name.endsWith('.sql')) files[name] = readFileSync(join(STAGING_SQL_DIR, name), 'utf8');
  }
  return files;
}

export function planOf(path: string): LoadPlan {
  const recognised = recogniseExport(readFileSync(path).subarray(0, 65_536).toString('utf8'));
  if (recognised.outcome !== 'plan') throw new Error(`${path}: ${recognised.outcome}`);
  return recognised.plan;
}

/** An export file given to the staging run: where it is on disk and the Drive file id it stands for. */
export interface LocalExportFile {
  fileId: string;
  path: string;
}

export interface OrderLineRow {
  channel: string;
  order_id: string;
  line_key: string;
  sku: string;
  date: string;
  last_updated_ms: string | null;
  state: string;
  quantity: string;
  revenue: string;
  currency: string;
  source_file: string;
}

export interface AdRow {
  channel: string;
  ad_product: string;
  date: string;
  campaign: string;
  ad_group: string;
  sku: string;
  spend: string;
  sales: string;
  clicks: string;
  impressions: string;
  orders: string;
  units: string;
  source_file: string;
}

export interface ReturnRow {
  channel: string;
  order_id: string;
  sku: string;
  date: string;
  quantity: string;
  license_plate: string;
  disposition: string;
  source_file: string;
}

export interface IssueRow {
  source_file: string;
  report: string;
  reason: string;
  column_name: string | null;
  value: string | null;
  row_key: string | null;
  line_count: string;
  amount: string | null;
  first_day: string | null;
  last_day: string | null;
}

/** A row of raw_kpi_summary as DuckDB gives it (DECIMAL as text, NULL as null). */
export type KpiRow = Record<string, string | number | null>;

/** No Costs, no Products, no rate: what a run that does not test the KPI rows gives the script. */
export const NO_KPI_INPUTS: KpiInputs = { costs: EMPTY_COST_TABLE, fxUsdCny: null, products: EMPTY_PRODUCTS };

export interface StagingResult {
  kpiRows: KpiRow[];
  orderLines: OrderLineRow[];
  adRows: AdRow[];
  returns: ReturnRow[];
  issues: IssueRow[];
  /** Every parsed copy before the winners are chosen (the script's temporary tables). */
  orderLineCopies: OrderLineRow[];
  adRowCopies: AdRow[];
}

let instance: Promise<DuckDBInstance> | null = null;

async function connection(): Promise<DuckDBConnection> {
  instance ??= DuckDBInstance.create(':memory:');
  const connected = await (await instance).connect();
  await connected.run(DUCKDB_PRELUDE);
  return connected;
}

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Runs the staging script over `files` in a fresh DuckDB schema and returns its three output tables. */
export async function runStaging(
  files: readonly LocalExportFile[],
  reportingTimeZone = 'America/Los_Angeles',
  kpiInputs: KpiInputs = NO_KPI_INPUTS,
): Promise<StagingResult> {
  const db = await connection();
  const dataset = `run_${Math.random().toString(36).slice(2)}`;
  await db.run(`CREATE SCHEMA ${dataset}`);
  // The output tables exist before the script, as folderLoad.ts creates them (DDL cannot run in its transaction).
  const duckType: Record<string, string> = {
    STRING: 'VARCHAR',
    INTEGER: 'BIGINT',
    NUMERIC: 'DECIMAL(38, 9)',
    DATE: 'DATE',
    BOOLEAN: 'BOOLEAN',
  };
  for (const spec of [...OUTPUT_TABLE_SPECS, ...KPI_INPUT_SPECS]) {
    const columns = spec.fields
      .map((field) => `"${field.name}" ${duckType[field.type] ?? 'VARCHAR'}`)
      .join(', ');
    await db.run(`CREATE TABLE ${dataset}.${spec.tableId} (${columns})`);
  }
  // The workbook's inputs as the raw step's load jobs put them (kpiInputs.ts), NDJSON values as SQL literals.
  const inputRows = kpiInputRows(kpiInputs);
  for (const spec of KPI_INPUT_SPECS) {
    const rows = inputRows.get(spec.tableId) ?? [];
    if (rows.length === 0) continue;
    const values = rows.map(
      (row) =>
        `(${spec.fields
          .map((field) => {
            const value = row[field.name];
            if (value === null || value === undefined) return 'NULL';
            if (typeof value === 'boolean') return String(value);
            return quoted(value);
          })
          .join(', ')})`,
    );
    await db.run(`INSERT INTO ${dataset}.${spec.tableId} VALUES ${values.join(', ')}`);
  }
  const staged: StagedFile[] = [];
  for (const [index, file] of files.entries()) {
    const plan = planOf(file.path);
    const table = `file_${index}`;
    const columns = plan.columns.map((column) => `${quoted(column)}: 'VARCHAR'`).join(', ');
    await db.run(
      `CREATE TABLE ${dataset}.${table} AS SELECT * FROM read_csv(${quoted(file.path)}, header = false, ` +
        `skip = ${plan.skipLeadingRows}, delim = ${quoted(plan.delimiter)}, quote = ${plan.quoted ? `'"'` : `''`}, ` +
        `escape = ${plan.quoted ? `'"'` : `''`}, all_varchar = true, null_padding = true, columns = {${columns}}, ` +
        // Every option is given, as a load job is given them: no sniffing, which refuses a file whose inner preamble
        // lines (a second Date Range download appended) have one cell where BigQuery's allowJaggedRows pads them.
        `auto_detect = false)`,
    );
    staged.push({
      type: plan.type,
      fileId: file.fileId,
      table: `${dataset}.${table}`,
      columns: plan.columns,
    });
  }
  const script = stagingScript({
    sql: stagingSqlFiles(),
    files: staged,
    outputDataset: dataset,
    reportingTimeZone,
    fxUsdCny: kpiInputs.fxUsdCny,
    emptyTables: KPI_INPUT_SPECS.filter((spec) => (inputRows.get(spec.tableId) ?? []).length === 0).map(
      (spec) => spec.tableId,
    ),
  });
  // Statement by statement, so a failure names the statement (stagingScript joins them with a blank line).
  for (const statement of toDuckDb(script).split(';\n\n')) {
    try {
      await db.run(statement);
    } catch (error) {
      throw new Error(`${String(error)}\nin: ${statement.slice(0, 200)}`);
    }
  }
  const read = async <T>(table: string, order: string): Promise<T[]> =>
    (
      await db.runAndReadAll(`SELECT * FROM ${dataset}.${table} ORDER BY ${order}`)
    ).getRowObjectsJson() as unknown as T[];
  const result = {
    kpiRows: await read<KpiRow>(OUTPUT_TABLES.kpiSummary, '"date", channel, sku'),
    orderLines: await read<OrderLineRow>(OUTPUT_TABLES.orderLines, 'channel, order_id, line_key'),
    adRows: await read<AdRow>(OUTPUT_TABLES.adRows, '"date", campaign, ad_group, sku'),
    returns: await read<ReturnRow>(OUTPUT_TABLES.returns, '"date", sku, license_plate, disposition'),
    issues: await read<IssueRow>(OUTPUT_TABLES.issues, 'source_file, reason, row_key'),
    orderLineCopies: (
      await db.runAndReadAll('SELECT * FROM order_line_copies ORDER BY channel, order_id, line_key')
    ).getRowObjectsJson() as unknown as OrderLineRow[],
    adRowCopies: (
      await db.runAndReadAll('SELECT * FROM ad_row_copies ORDER BY "date", campaign, ad_group, sku')
    ).getRowObjectsJson() as unknown as AdRow[],
  };
  await db.run(`DROP SCHEMA ${dataset} CASCADE`);
  db.closeSync();
  return result;
}

/** An order line as raw_order_lines holds it, for runKpiSql. */
export interface KpiOrderLine {
  channel: string;
  orderId: string;
  sku: string;
  date: string;
  state: string;
  quantity: number;
  /** Decimal text, as NUMERIC. */
  revenue: string;
}

/**
 * sql/staging/raw_kpi_summary.sql alone, on order lines written straight into raw_order_lines (no export file, no
 * parse): for properties over many lines, where the staging script's parse would only add time.
 */
export async function runKpiSql(lines: readonly KpiOrderLine[], kpiInputs: KpiInputs): Promise<KpiRow[]> {
  const db = await connection();
  const dataset = `kpi_${Math.random().toString(36).slice(2)}`;
  await db.run(`CREATE SCHEMA ${dataset}`);
  const duckType: Record<string, string> = {
    STRING: 'VARCHAR',
    INTEGER: 'BIGINT',
    NUMERIC: 'DECIMAL(38, 9)',
    DATE: 'DATE',
    BOOLEAN: 'BOOLEAN',
  };
  const inputRows = kpiInputRows(kpiInputs);
  for (const spec of [...OUTPUT_TABLE_SPECS, ...KPI_INPUT_SPECS]) {
    const columns = spec.fields
      .map((field) => `"${field.name}" ${duckType[field.type] ?? 'VARCHAR'}`)
      .join(', ');
    await db.run(`CREATE TABLE ${dataset}.${spec.tableId} (${columns})`);
    const rows = inputRows.get(spec.tableId) ?? [];
    if (rows.length === 0) continue;
    const values = rows.map(
      (row) =>
        `(${spec.fields
          .map((field) => {
            const value = row[field.name];
            if (value === null || value === undefined) return 'NULL';
            return typeof value === 'boolean' ? String(value) : quoted(value);
          })
          .join(', ')})`,
    );
    await db.run(`INSERT INTO ${dataset}.${spec.tableId} VALUES ${values.join(', ')}`);
  }
  if (lines.length > 0) {
    const values = lines.map(
      (line, index) =>
        `(${quoted(line.channel)}, ${quoted(line.orderId)}, '${index}', ${quoted(line.sku)}, DATE '${line.date}', ` +
        `NULL, ${quoted(line.state)}, ${line.quantity}, ${line.revenue}, 'USD', 'file')`,
    );
    await db.run(`INSERT INTO ${dataset}.${OUTPUT_TABLES.orderLines} VALUES ${values.join(', ')}`);
  }
  const fx =
    kpiInputs.fxUsdCny === null
      ? 'CAST(NULL AS NUMERIC)'
      : `CAST('${String(kpiInputs.fxUsdCny)}' AS NUMERIC)`;
  const select = readFileSync(join(STAGING_SQL_DIR, 'raw_kpi_summary.sql'), 'utf8')
    .replace(/\{\{dataset\}\}/g, dataset)
    .replace(/\{\{fx_usd_cny\}\}/g, fx);
  const rows = (
    await db.runAndReadAll(`SELECT * FROM (${toDuckDb(select)}) ORDER BY "date", channel, sku`)
  ).getRowObjectsJson() as unknown as KpiRow[];
  await db.run(`DROP SCHEMA ${dataset} CASCADE`);
  db.closeSync();
  return rows;
}
