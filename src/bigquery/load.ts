/**
 * The load after a build (issue 15, item 2): the days this build holds whose rows changed since the last load
 * replace exactly those days in BigQuery, all tables at once or not at all.
 *
 * Which days: a build holds the KPI Summary's days (for `kpi_summary`) and the days of the facts it read (for the fact
 * tables). Each held day of each table has a fingerprint of its rows (schema.ts); `_seller_kpi_load_state` keeps the
 * fingerprint of what was loaded. A day whose fingerprint differs is "changed" (a day that lost all its rows has the
 * fingerprint of none, so its old rows go). Days a build does not hold are never touched: a seller may delete old
 * exports from the workbook (frozen history, issue 17) and BigQuery keeps those days.
 *
 * How, and why not one load job per partition: with partition decorators and WRITE_TRUNCATE a rebuild of 60 days
 * would be 60 load jobs per table, 360 for the six tables, each one an API round trip from Apps Script (minutes of a
 * 6-minute run), and 60 of the 1,500 load jobs a table may take per day (cloud.google.com/bigquery/quotas#load_jobs):
 * an hourly schedule would run out. Instead, per table with changed days, one load job (WRITE_TRUNCATE) puts those
 * days' rows into a staging table, and one query job runs a multi-statement transaction that deletes the changed
 * days from every table, inserts the staged rows and records the new fingerprints (cloud.google.com/bigquery/docs/
 * transactions: all statements commit or none). DML does not count toward the per-table modification limit
 * (docs/optimize-load-jobs, "Table operations excluded from quota"). So a build is at most 7 load jobs and 1 query
 * job whatever the number of days, and since the fingerprints are written in the same transaction as the rows, the
 * state can never say a day landed when it did not: a failed or unfinished job simply leaves those days "changed",
 * and the next build loads them again.
 */
import { type IsoDate } from '../core/model';
import {
  type BigQueryClient,
  type JobOutcome,
  type JobReference,
  type TableFieldSchema,
  type TimeBudget,
} from './client';
import {
  fingerprintOf,
  linesByDay,
  LOAD_STATE_FIELDS,
  LOAD_STATE_TABLE,
  LOADED_TABLES,
  type LoadedTableName,
  type LoadRow,
  RAW_KPI_TABLE_SPEC,
  stagingTableOf,
} from './schema';

/**
 * The most bytes sent in one upload. BigQuery takes far larger uploads; Apps Script's own request limits are not
 * documented for advanced-service uploads ([inf] from the quotas page's 50 MB URL Fetch POST size), so each table's
 * changed rows go in pieces of 10 MB (the first WRITE_TRUNCATE, the others WRITE_APPEND into the staging table).
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Where the last views script is remembered (document properties): views are replaced only when it changes. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}
export const VIEWS_PROPERTY = 'seller_kpi_bigquery_views';
/**
 * Where the dataset and tables the last good load found are remembered: the next build skips the 15 Datasets.get and
 * Tables.get calls (each a round trip from Apps Script). Cleared by any failure, so a table deleted in BigQuery is
 * created again by the build after.
 */
export const TABLES_PROPERTY = 'seller_kpi_bigquery_tables';

/** What TABLES_PROPERTY holds when the tables of this add-on version exist in this dataset. */
export function tablesStamp(projectId: string, datasetId: string, location: string): string {
  const schemas = [
    ...LOADED_TABLES.map((table) => JSON.stringify(table.fields)),
    JSON.stringify(LOAD_STATE_FIELDS),
    JSON.stringify(RAW_KPI_TABLE_SPEC.fields),
  ];
  return `${projectId}.${datasetId}@${location}:${fingerprintOf(schemas)}`;
}

export type LoadStep = 'upload' | 'replace' | 'views';

export type LoadOutcome =
  | { status: 'loaded'; days: number; rows: number; tables: LoadedTableName[]; viewsReplaced: boolean }
  | { status: 'unchanged'; viewsReplaced: boolean }
  | { status: 'failed'; step: LoadStep | 'setup'; detail: string }
  /** A job had not finished at the deadline; BigQuery may still finish it. */
  | { status: 'pending'; step: LoadStep; job: string };

export interface LoadPlan {
  /** Per table, its changed days (sorted) and those days' rows. */
  tables: { name: LoadedTableName; days: IsoDate[]; rows: string[] }[];
  /** The new state rows of every changed day. */
  stateRows: string[];
}

/** The changed days of every table, given what the state table says was loaded. */
export function planLoad(
  rowsByTable: ReadonlyMap<LoadedTableName, readonly LoadRow[]>,
  loaded: ReadonlyMap<string, string>,
  loadedAt: string,
): LoadPlan {
  const byTable = new Map([...rowsByTable].map(([name, rows]) => [name, linesByDay(rows)]));
  const heldDays = (group: 'summary' | 'facts'): Set<IsoDate> => {
    const days = new Set<IsoDate>();
    for (const table of LOADED_TABLES) {
      if (table.group !== group) continue;
      for (const day of byTable.get(table.name)?.keys() ?? []) days.add(day);
    }
    return days;
  };
  const held = { summary: heldDays('summary'), facts: heldDays('facts') };
  const plan: LoadPlan = { tables: [], stateRows: [] };
  for (const table of LOADED_TABLES) {
    const lines = byTable.get(table.name) ?? new Map<IsoDate, string[]>();
    const days: IsoDate[] = [];
    const rows: string[] = [];
    for (const day of [...held[table.group]].sort()) {
      const dayLines = lines.get(day) ?? [];
      const fingerprint = fingerprintOf(dayLines);
      const before = loaded.get(stateKey(table.name, day));
      // A day never loaded with no rows now has nothing to replace.
      if (before === fingerprint || (before === undefined && dayLines.length === 0)) continue;
      days.push(day);
      for (const line of dayLines) rows.push(line);
      plan.stateRows.push(
        JSON.stringify({
          table_name: table.name,
          day,
          fingerprint,
          row_count: String(dayLines.length),
          loaded_at: loadedAt,
        }),
      );
    }
    if (days.length > 0) plan.tables.push({ name: table.name, days, rows });
  }
  return plan;
}

function stateKey(table: string, day: IsoDate): string {
  return `${table}\u0000${day}`;
}

/** Lines in pieces of at most `limit` bytes (UTF-8), each piece NDJSON text. */
export function uploadPieces(lines: readonly string[], limit: number = MAX_UPLOAD_BYTES): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const bytes = utf8Length(line) + 1;
    if (current.length > 0 && size + bytes > limit) {
      pieces.push(current.join('\n'));
      current = [];
      size = 0;
    }
    current.push(line);
    size += bytes;
  }
  if (current.length > 0) pieces.push(current.join('\n'));
  return pieces;
}

/** UTF-8 length without TextEncoder, which Apps Script lacks. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The transaction that moves the staged days in and records their fingerprints. */
export function replaceScript(projectId: string, datasetId: string, plan: LoadPlan): string {
  const name = (table: string): string => `\`${projectId}.${datasetId}.${table}\``;
  const stagedState = name(stagingTableOf(LOAD_STATE_TABLE));
  const statements = ['BEGIN TRANSACTION;'];
  for (const table of plan.tables) {
    const columns = (LOADED_TABLES.find((t) => t.name === table.name)?.fields ?? [])
      .map((f) => f.name)
      .join(', ');
    statements.push(
      `DELETE FROM ${name(table.name)} WHERE date IN (SELECT day FROM ${stagedState} WHERE table_name = '${table.name}');`,
    );
    if (table.rows.length > 0)
      statements.push(
        `INSERT INTO ${name(table.name)} (${columns}) SELECT ${columns} FROM ${name(stagingTableOf(table.name))};`,
      );
  }
  const state = name(LOAD_STATE_TABLE);
  statements.push(
    `DELETE FROM ${state} WHERE EXISTS (SELECT 1 FROM ${stagedState} AS staged WHERE staged.table_name = ${LOAD_STATE_TABLE}.table_name AND staged.day = ${LOAD_STATE_TABLE}.day);`,
    `INSERT INTO ${state} (table_name, day, fingerprint, row_count, loaded_at) SELECT table_name, day, fingerprint, row_count, loaded_at FROM ${stagedState};`,
    'COMMIT TRANSACTION;',
  );
  return statements.join('\n');
}

/** One table's replacement upload: NDJSON lines, sent in pieces of at most MAX_UPLOAD_BYTES. */
export interface TableUpload {
  tableId: string;
  fields: readonly TableFieldSchema[];
  lines: readonly string[];
}

/**
 * Replaces each table with its lines by load jobs: every table's first piece (WRITE_TRUNCATE) at once, and each
 * further piece (WRITE_APPEND) only after the pieces before it landed. A load's truncation or append happens as one
 * atomic update when the job completes (WriteDisposition, BigQuery client reference), so an append started beside the
 * truncating load could complete first and be dropped by it — the bug Apache Beam had with split loads
 * (apache/beam#24535, "Load jobs with WRITE_TRUNCATE disposition may truncate valid records"). Returns the first
 * failed or unfinished job, or DONE.
 */
export function uploadTables(
  client: BigQueryClient,
  datasetId: string,
  uploads: readonly TableUpload[],
  budget: TimeBudget,
): JobOutcome | { state: 'DONE' } {
  const pieces = uploads.map((upload) => uploadPieces(upload.lines));
  const rounds = Math.max(0, ...pieces.map((list) => list.length));
  for (let round = 0; round < rounds; round++) {
    const jobs: JobReference[] = [];
    uploads.forEach((upload, index) => {
      const data = pieces[index]?.[round];
      if (data === undefined) return;
      jobs.push(
        client.startLoad({
          datasetId,
          tableId: upload.tableId,
          fields: upload.fields,
          writeDisposition: round === 0 ? 'WRITE_TRUNCATE' : 'WRITE_APPEND',
          sourceFormat: 'NEWLINE_DELIMITED_JSON',
          data,
        }),
      );
    });
    const outcomes = client.waitForJobs(jobs, budget);
    const failed = outcomes.find((outcome) => outcome.state === 'FAILED');
    if (failed) return failed;
    const open = outcomes.find((outcome) => outcome.state === 'PENDING' || outcome.state === 'RUNNING');
    if (open) return open;
  }
  return { state: 'DONE' };
}

export interface LoadSetupProblem {
  kind: 'schema' | 'location';
  params: Record<string, string>;
}

/**
 * Creates what is missing: the dataset, the tables, their staging tables and the state table. Returns the loaded
 * tables it had to create (deleted in BigQuery, or never there), or the problem that stops the load.
 */
export function ensureTables(
  client: BigQueryClient,
  datasetId: string,
): { problem: LoadSetupProblem } | { created: Set<string> } {
  const dataset = client.ensureDataset(datasetId);
  if (typeof dataset === 'object')
    return {
      problem: {
        kind: 'location',
        params: { dataset: datasetId, actual: dataset.location, expected: client.location },
      },
    };
  const specs = [
    ...LOADED_TABLES.flatMap((table) => [
      { tableId: table.name, fields: table.fields, partitionField: 'date', description: table.description },
      { tableId: stagingTableOf(table.name), fields: table.fields, partitionField: null },
    ]),
    { tableId: LOAD_STATE_TABLE, fields: LOAD_STATE_FIELDS, partitionField: null },
    { tableId: stagingTableOf(LOAD_STATE_TABLE), fields: LOAD_STATE_FIELDS, partitionField: null },
    // Read by the views with kpi_summary; its rows come from the Drive folder step, so it may stay empty.
    RAW_KPI_TABLE_SPEC,
  ];
  const created = new Set<string>();
  for (const spec of specs) {
    const result = client.ensureTable(datasetId, spec);
    if (typeof result === 'object')
      return { problem: { kind: 'schema', params: { table: spec.tableId, difference: result.mismatch } } };
    if (result === 'created') created.add(spec.tableId);
  }
  return { created };
}

/** What the state table says was loaded: table and day → fingerprint. Null when the query did not finish in time. */
export function loadedFingerprints(
  client: BigQueryClient,
  datasetId: string,
  budget: TimeBudget,
): Map<string, string> | null {
  const rows = client.queryRows(
    `SELECT table_name, CAST(day AS STRING) AS day, fingerprint FROM \`${client.projectId}.${datasetId}.${LOAD_STATE_TABLE}\``,
    budget,
  );
  if (rows === null) return null;
  return new Map(
    rows.map(([table, day, fingerprint]) => [stateKey(table ?? '', day ?? ''), fingerprint ?? '']),
  );
}

/**
 * One load after a build. Throws only what the client throws for a request BigQuery refused outright (no access, a
 * malformed request); the caller records it like a failed job.
 */
export function loadBuild(
  client: BigQueryClient,
  datasetId: string,
  rowsByTable: ReadonlyMap<LoadedTableName, readonly LoadRow[]>,
  budget: TimeBudget,
  properties: KeyValueStore,
  /** The script that creates or replaces the views (views.ts) and its fingerprint. */
  views: { script: string; fingerprint: string },
): LoadOutcome | { status: 'setup'; problem: LoadSetupProblem } {
  const stamp = tablesStamp(client.projectId, datasetId, client.location);
  const known = properties.get(TABLES_PROPERTY) === stamp;
  // Forgotten first: if anything below throws or fails, the next build checks the tables again.
  let created = new Set<string>();
  if (known) properties.set(TABLES_PROPERTY, '');
  else {
    const setup = ensureTables(client, datasetId);
    if ('problem' in setup) return { status: 'setup', problem: setup.problem };
    created = setup.created;
  }
  const outcome = loadAfterSetup(client, datasetId, rowsByTable, budget, properties, views, created);
  if (outcome.status === 'loaded' || outcome.status === 'unchanged') properties.set(TABLES_PROPERTY, stamp);
  return outcome;
}

function loadAfterSetup(
  client: BigQueryClient,
  datasetId: string,
  rowsByTable: ReadonlyMap<LoadedTableName, readonly LoadRow[]>,
  budget: TimeBudget,
  properties: KeyValueStore,
  views: { script: string; fingerprint: string },
  created: ReadonlySet<string>,
): LoadOutcome {
  const state = loadedFingerprints(client, datasetId, budget);
  if (state === null) return { status: 'pending', step: 'replace', job: 'state query' };
  // A table just created holds nothing, whatever the state says (it was deleted in BigQuery): every day it holds loads.
  const loaded = new Map([...state].filter(([key]) => !created.has(key.split('\u0000')[0] ?? '')));
  const plan = planLoad(rowsByTable, loaded, new Date(budget.now()).toISOString());

  let replaced: { days: number; rows: number; tables: LoadedTableName[] } | null = null;
  if (plan.tables.length > 0) {
    const fieldsOf = (table: string): readonly TableFieldSchema[] =>
      table === LOAD_STATE_TABLE
        ? LOAD_STATE_FIELDS
        : (LOADED_TABLES.find((t) => t.name === table)?.fields ?? []);
    const uploads: TableUpload[] = plan.tables
      .filter((table) => table.rows.length > 0)
      .map((table) => ({
        tableId: stagingTableOf(table.name),
        fields: fieldsOf(table.name),
        lines: table.rows,
      }));
    uploads.push({
      tableId: stagingTableOf(LOAD_STATE_TABLE),
      fields: LOAD_STATE_FIELDS,
      lines: plan.stateRows,
    });
    const uploaded = uploadTables(client, datasetId, uploads, budget);
    if (uploaded.state === 'FAILED') return { status: 'failed', step: 'upload', detail: uploaded.error };
    if (uploaded.state !== 'DONE') return { status: 'pending', step: 'upload', job: uploaded.job.jobId };

    const replace = client.startQuery(replaceScript(client.projectId, datasetId, plan));
    const [outcome] = client.waitForJobs([replace], budget);
    if (outcome?.state === 'FAILED') return { status: 'failed', step: 'replace', detail: outcome.error };
    if (outcome?.state !== 'DONE') return { status: 'pending', step: 'replace', job: replace.jobId };
    const days = new Set(plan.tables.flatMap((table) => table.days));
    replaced = {
      days: days.size,
      rows: plan.tables.reduce((sum, table) => sum + table.rows.length, 0),
      tables: plan.tables.map((table) => table.name),
    };
  }

  // The views read kpi_summary and raw_kpi_summary, which exist by now; replaced when their SQL (or the dataset) changed.
  let viewsReplaced = false;
  if (properties.get(VIEWS_PROPERTY) !== views.fingerprint) {
    const job = client.startQuery(views.script);
    const [outcome] = client.waitForJobs([job], budget);
    if (outcome?.state === 'FAILED') return { status: 'failed', step: 'views', detail: outcome.error };
    if (outcome?.state !== 'DONE') return { status: 'pending', step: 'views', job: job.jobId };
    properties.set(VIEWS_PROPERTY, views.fingerprint);
    viewsReplaced = true;
  }
  return replaced ? { status: 'loaded', ...replaced, viewsReplaced } : { status: 'unchanged', viewsReplaced };
}
