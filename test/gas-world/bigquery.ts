/**
 * The BigQuery advanced service (`BigQuery.Datasets`, `.Tables`, `.Jobs`) for the local Apps Script world: a double
 * that checks what BigQuery checks and what this project relies on, so that code which passes here fails on real
 * BigQuery only for reasons listed in README ("BigQuery: what was verified against a double"). The script sees it
 * only when the manifest enables the service (dependencies.enabledAdvancedServices, userSymbol "BigQuery") — else the
 * global is absent, as in Apps Script — and every call needs the bigquery scope in the manifest.
 *
 * What it checks, with sources (cloud.google.com/bigquery/docs/… unless said otherwise):
 * - Resources: datasetId and tableId are letters, digits and underscores (datasets#dataset-naming, tables#table_naming);
 *   Datasets.get / Tables.get of a missing one throw "Not found: Dataset p:d" / "Not found: Table p:d.t", inserting an
 *   existing one throws "Already Exists: …" (the API's 404 and 409 as the advanced service throws them, [mem] wording
 *   "API call to bigquery.tables.get failed with error: …").
 * - IAM: Jobs.insert needs bigquery.jobs.create on the job's project (BigQuery Job User), writing or creating tables
 *   needs BigQuery Data Editor on the dataset (access-control#bigquery, batch-loading-data "Required permissions");
 *   `grantRoles` sets what the user has. Default: both.
 * - Jobs: the Job resource's shape (jobReference, configuration with one of load / query, status.state PENDING →
 *   RUNNING → DONE, status.errorResult and errors on failure, statistics; reference/rest/v2/Job), states moved on by
 *   the world's clock (Utilities.sleep advances it); a job's effect is applied when it ends, and a failed job changes
 *   nothing (a load job is atomic: "the load job either succeeds in full or fails", loading-data#appending_to_and_overwriting).
 * - Load jobs from an upload (Jobs.insert(resource, projectId, blob)): NEWLINE_DELIMITED_JSON or CSV; every value
 *   checked against the table schema (type, REQUIRED / NULLABLE; a field the schema does not have is an error unless
 *   ignoreUnknownValues; maxBadRecords defaults to 0, so one bad row fails the job); createDisposition CREATE_IF_NEEDED
 *   (needs a schema) / CREATE_NEVER; writeDisposition WRITE_APPEND (default for loads) / WRITE_TRUNCATE / WRITE_EMPTY
 *   (reference/rest/v2/Job#JobConfigurationLoad).
 * - Partition decorators: `table$YYYYMMDD` only on a DAY-partitioned table and only a real day; every row must belong
 *   to that day's partition, else the job fails; WRITE_TRUNCATE then replaces only that partition
 *   (managing-partitioned-table-data#write-to-partition; "a job can only write one partition decorator" [inf from the
 *   destinationTable being one table reference]).
 * - Quotas relied on: 1,500 load jobs per table per day, failed ones included (quotas#load_jobs; optimize-load-jobs:
 *   "Failed load jobs still count"), counted over the last 24 hours of the world's clock; an upload larger than
 *   `maxUploadBytes` (default 50 MB, the Apps Script quotas page's "URL Fetch POST size", the nearest documented
 *   request limit [inf for advanced-service uploads]) is refused. DML statements do not count toward the table
 *   modification limit (optimize-load-jobs, "Table operations excluded from quota").
 * - Query jobs: GoogleSQL only (useLegacySql must be false: the API's default is legacy SQL,
 *   reference/rest/v2/Job#JobConfigurationQuery); the SQL runs in DuckDB after the translation of bigquery-sql.ts, on
 *   the tables and views the double holds, in one transaction: a failing statement leaves every table as it was.
 *   `CREATE OR REPLACE VIEW` stores the view's GoogleSQL; a view over a missing table fails as BigQuery validates it.
 * Test controls: `failNextJob` (an injected failure), `jobTiming` (how long jobs stay PENDING and RUNNING),
 * `tableRows`, `partitionDays`, `jobs`.
 */
import { join } from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import {
  type BigQueryType,
  bigQueryTypeOfDuckDb,
  DUCKDB_PRELUDE,
  DUCKDB_TYPE,
  parseTableName,
  splitStatements,
  stripComments,
  toDuckDbSql,
  TYPE_ALIASES,
} from './bigquery-sql';
import {
  DUCKDB_PRELUDE as STAGING_PRELUDE,
  toDuckDb as toStagingDuckDb,
} from '../../src/bigquery/raw/dialect';
import { permissionError, type Runtime } from './runtime';
import { type FakeBlob } from './utilities';

export const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/** "Load jobs per table per day: 1,500", failed jobs included (cloud.google.com/bigquery/quotas#load_jobs). */
export const LOAD_JOBS_PER_TABLE_PER_DAY = 1_500;
const DAY_MS = 86_400_000;

export type FieldMode = 'NULLABLE' | 'REQUIRED' | 'REPEATED';
export interface FieldSchema {
  name: string;
  type: string;
  mode?: FieldMode;
  description?: string;
}
/** A stored value: STRING/DATE/TIMESTAMP/NUMERIC/INTEGER as canonical strings (as the REST API returns them). */
export type StoredValue = string | number | boolean | null;
export type StoredRow = Record<string, StoredValue>;

interface TableState {
  projectId: string;
  datasetId: string;
  tableId: string;
  schema: FieldSchema[];
  /** DAY partitioning on a DATE column, as Tables.insert gave it. */
  partitionField: string | null;
  rows: StoredRow[];
  creationTime: number;
  lastModifiedTime: number;
}
interface ViewState {
  projectId: string;
  datasetId: string;
  tableId: string;
  /** The view's GoogleSQL. */
  query: string;
}
interface DatasetState {
  projectId: string;
  datasetId: string;
  location: string;
}

export type JobState = 'PENDING' | 'RUNNING' | 'DONE';
export interface ErrorProto {
  reason: string;
  message: string;
  location?: string;
}
export interface JobRecord {
  kind: 'bigquery#job';
  id: string;
  jobReference: { projectId: string; jobId: string; location: string };
  configuration: Record<string, unknown> & { jobType: 'LOAD' | 'QUERY' };
  status: { state: JobState; errorResult?: ErrorProto; errors?: ErrorProto[] };
  statistics: { creationTime: string; startTime?: string; endTime?: string; load?: { outputRows: string } };
  user_email: string;
}
interface JobInternal {
  record: JobRecord;
  createdAt: number;
  startsAt: number;
  endsAt: number;
  settled: boolean;
  /** Applied when the job ends: throws a JobFailure to fail it. */
  run: (job: JobInternal) => void;
  injected: ErrorProto | null;
  /** A query's result rows, once DONE. */
  result: { schema: { fields: FieldSchema[] }; rows: { f: { v: StoredValue }[] }[] } | null;
  /** The table a load writes (counted against the per-table quota). */
  loadTable: string | null;
}

class JobFailure extends Error {
  constructor(readonly error: ErrorProto) {
    super(error.message);
  }
}

/** The advanced service's exception for an API error [mem: "API call to <method> failed with error: <message>"]. */
function apiError(method: string, message: string): Error {
  return new Error(`API call to bigquery.${method} failed with error: ${message}`);
}

const NAME = /^[A-Za-z0-9_]{1,1024}$/;
const JOB_ID = /^[A-Za-z0-9_-]{1,1024}$/;

export interface FailureInjection {
  jobType?: 'LOAD' | 'QUERY';
  /** Only a job writing this table (load) or whose SQL mentions it (query). */
  table?: string;
  reason?: string;
  message?: string;
  /** Instead of failing, the job runs this long (then succeeds): a slow job. */
  runningMs?: number;
}

export interface Roles {
  jobUser: boolean;
  dataEditor: boolean;
}

export class FakeBigQueryService {
  /** How long a job stays PENDING, then RUNNING, on the world's clock. */
  jobTiming = { pendingMs: 200, runningMs: 800 };
  /** The largest upload a Jobs.insert accepts. */
  maxUploadBytes = 50 * 1024 * 1024;
  /** The projects the user can reach and the roles they hold there. */
  readonly roles = new Map<string, Roles>();
  /**
   * Projects in the BigQuery sandbox (no billing account): DML is refused ("Data manipulation language (DML)
   * statements" are among the sandbox's unsupported features, cloud.google.com/bigquery/docs/sandbox#limitations).
   * Its 60-day expiration of tables and partitions is not modelled.
   */
  readonly sandboxProjects = new Set<string>();
  /** Every API call the script made, by method ("tables.get", "jobs.insert" …), in order. */
  readonly calls: string[] = [];
  private readonly datasets = new Map<string, DatasetState>();
  private readonly tables = new Map<string, TableState>();
  private readonly views = new Map<string, ViewState>();
  private readonly jobList: JobInternal[] = [];
  private readonly injections: FailureInjection[] = [];
  private jobSequence = 0;

  constructor(
    private readonly runtime: Runtime,
    private readonly userEmail: string,
  ) {}

  // ---- Test controls -------------------------------------------------------------------------------------------

  /** A project the user can use, with the roles the README tells a seller to grant. */
  grantRoles(projectId: string, roles: Partial<Roles> = {}): void {
    this.roles.set(projectId, { jobUser: roles.jobUser ?? true, dataEditor: roles.dataEditor ?? true });
  }
  /** The next job that matches ends DONE with this error and changes nothing. */
  failNextJob(injection: Omit<FailureInjection, 'runningMs'> = {}): void {
    this.injections.push(injection);
  }
  /** The next job that matches stays RUNNING for `runningMs` of the world's clock, then does its work. */
  delayNextJob(injection: Pick<FailureInjection, 'jobType' | 'table'>, runningMs: number): void {
    this.injections.push({ ...injection, runningMs });
  }
  /** Every job, in creation order, as Jobs.get would return it now. */
  jobs(): JobRecord[] {
    this.settle();
    return this.jobList.map((job) => structuredClone(job.record));
  }
  /** A table deleted in the console (by the seller, or by an expiration). */
  dropTable(datasetId: string, tableId: string): void {
    const table = this.tableState(datasetId, tableId);
    this.tables.delete(`${table.projectId}:${datasetId}.${tableId}`);
  }
  hasTable(datasetId: string, tableId: string): boolean {
    return [...this.tables.values()].some((t) => t.datasetId === datasetId && t.tableId === tableId);
  }
  tableSchema(datasetId: string, tableId: string): FieldSchema[] {
    return structuredClone(this.tableState(datasetId, tableId).schema);
  }
  /** A table's rows (settling ended jobs first), each a copy. */
  tableRows(datasetId: string, tableId: string): StoredRow[] {
    this.settle();
    return structuredClone(this.tableState(datasetId, tableId).rows);
  }
  /** The days a DAY-partitioned table has rows on, sorted. */
  partitionDays(datasetId: string, tableId: string): string[] {
    const table = this.tableState(datasetId, tableId);
    const field = table.partitionField;
    if (!field) throw new Error(`${tableId} is not partitioned`);
    return [...new Set(this.tableRows(datasetId, tableId).map((row) => String(row[field])))].sort();
  }
  viewSql(datasetId: string, viewId: string): string | null {
    return (
      [...this.views.values()].find((v) => v.datasetId === datasetId && v.tableId === viewId)?.query ?? null
    );
  }
  /** Runs GoogleSQL on the double's tables and views as a test's own look (no job, no quota). */
  select(sql: string): StoredRow[] {
    this.settle();
    const outcome = this.runSql(sql);
    const result = outcome.result;
    if (!result) return [];
    return result.rows.map((row) =>
      Object.fromEntries(
        result.columns.map((column, index) => [
          column.name,
          canonical(row[index] ?? null, bigQueryTypeOfDuckDb(column.type)),
        ]),
      ),
    );
  }

  // ---- The advanced service --------------------------------------------------------------------------------------

  readonly Datasets = {
    get: (projectId: string, datasetId: string): Record<string, unknown> => {
      this.enter('datasets.get', projectId);
      const dataset = this.datasets.get(`${projectId}:${datasetId}`);
      if (!dataset) throw apiError('datasets.get', `Not found: Dataset ${projectId}:${datasetId}`);
      return this.datasetResource(dataset);
    },
    insert: (resource: Record<string, unknown>, projectId: string): Record<string, unknown> => {
      this.enter('datasets.insert', projectId);
      const reference = (resource['datasetReference'] ?? {}) as { projectId?: string; datasetId?: string };
      const datasetId = reference.datasetId ?? '';
      if (!NAME.test(datasetId))
        throw apiError(
          'datasets.insert',
          `Invalid dataset ID "${datasetId}". Dataset IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long.`,
        );
      if (!this.roleOf(projectId).dataEditor)
        throw apiError(
          'datasets.insert',
          `Access Denied: Project ${projectId}: User does not have bigquery.datasets.create permission in project ${projectId}.`,
        );
      const key = `${projectId}:${datasetId}`;
      if (this.datasets.has(key)) throw apiError('datasets.insert', `Already Exists: Dataset ${key}`);
      // The dataset's location is fixed at creation (datasets#create-dataset); US when none is given.
      const dataset: DatasetState = { projectId, datasetId, location: String(resource['location'] ?? 'US') };
      this.datasets.set(key, dataset);
      return this.datasetResource(dataset);
    },
  };

  readonly Tables = {
    get: (projectId: string, datasetId: string, tableId: string): Record<string, unknown> => {
      this.enter('tables.get', projectId);
      this.settle();
      const key = `${projectId}:${datasetId}.${tableId}`;
      const table = this.tables.get(key);
      if (table) return this.tableResource(table);
      const view = this.views.get(key);
      if (view)
        return {
          kind: 'bigquery#table',
          type: 'VIEW',
          tableReference: { projectId, datasetId, tableId },
          view: { query: view.query, useLegacySql: false },
        };
      throw apiError('tables.get', `Not found: Table ${key}`);
    },
    insert: (
      resource: Record<string, unknown>,
      projectId: string,
      datasetId: string,
    ): Record<string, unknown> => {
      this.enter('tables.insert', projectId);
      const reference = (resource['tableReference'] ?? {}) as { tableId?: string };
      const tableId = reference.tableId ?? '';
      if (!NAME.test(tableId)) throw apiError('tables.insert', `Invalid table ID "${tableId}".`);
      const dataset = this.datasets.get(`${projectId}:${datasetId}`);
      if (!dataset) throw apiError('tables.insert', `Not found: Dataset ${projectId}:${datasetId}`);
      if (!this.roleOf(projectId).dataEditor)
        throw apiError(
          'tables.insert',
          `Access Denied: Dataset ${projectId}:${datasetId}: Permission bigquery.tables.create denied on dataset ${projectId}:${datasetId} (or it may not exist).`,
        );
      const key = `${projectId}:${datasetId}.${tableId}`;
      if (this.tables.has(key) || this.views.has(key))
        throw apiError('tables.insert', `Already Exists: Table ${key}`);
      const fields = ((resource['schema'] as { fields?: FieldSchema[] } | undefined)?.fields ?? []).map(
        (f) => ({ ...f }),
      );
      const schema = checkSchema(fields, (message) => apiError('tables.insert', message));
      const partitioning = resource['timePartitioning'] as { type?: string; field?: string } | undefined;
      let partitionField: string | null = null;
      if (partitioning) {
        // Only DAY partitioning on a DATE column is modelled: the project's tables use nothing else.
        if (partitioning.type !== 'DAY')
          throw apiError(
            'tables.insert',
            `The double models DAY partitioning only, not ${String(partitioning.type)}`,
          );
        const field = schema.find((f) => f.name === partitioning.field);
        if (!field || (field.type !== 'DATE' && field.type !== 'TIMESTAMP'))
          throw apiError(
            'tables.insert',
            `The field specified for partitioning cannot be found in the schema or is not a DATE/TIMESTAMP: ${String(partitioning.field)}`,
          );
        partitionField = field.name;
      }
      const now = this.runtime.now;
      const table: TableState = {
        projectId,
        datasetId,
        tableId,
        schema,
        partitionField,
        rows: [],
        creationTime: now,
        lastModifiedTime: now,
      };
      this.tables.set(key, table);
      return this.tableResource(table);
    },
  };

  readonly Jobs = {
    insert: (resource: Record<string, unknown>, projectId: string, mediaData?: FakeBlob): JobRecord => {
      this.enter('jobs.insert', projectId);
      this.settle();
      if (!this.roleOf(projectId).jobUser)
        throw apiError(
          'jobs.insert',
          `Access Denied: Project ${projectId}: User does not have bigquery.jobs.create permission in project ${projectId}.`,
        );
      const configuration = (resource['configuration'] ?? {}) as Record<string, unknown>;
      const kinds = ['load', 'query', 'copy', 'extract'].filter((kind) => configuration[kind] !== undefined);
      if (kinds.length !== 1)
        throw apiError(
          'jobs.insert',
          'Required parameter is missing: exactly one of configuration.load, .query, .copy, .extract',
        );
      const reference = (resource['jobReference'] ?? {}) as { jobId?: string; location?: string };
      this.jobSequence += 1;
      const jobId =
        reference.jobId ?? `job_${this.jobSequence.toString(36)}_${this.runtime.now.toString(36)}`;
      if (!JOB_ID.test(jobId)) throw apiError('jobs.insert', `Invalid job ID "${jobId}".`);
      if (
        this.jobList.some(
          (job) => job.record.jobReference.jobId === jobId && job.record.jobReference.projectId === projectId,
        )
      )
        throw apiError(
          'jobs.insert',
          `Already Exists: Job ${projectId}:${reference.location ?? 'US'}.${jobId}`,
        );
      if (kinds[0] === 'load')
        return this.insertLoad(projectId, jobId, reference.location ?? null, configuration, mediaData);
      if (kinds[0] === 'query') {
        if (mediaData) throw apiError('jobs.insert', 'A query job takes no upload.');
        return structuredClone(
          this.insertQuery(projectId, jobId, reference.location ?? null, configuration).record,
        );
      }
      throw apiError('jobs.insert', `The double does not model ${String(kinds[0])} jobs`);
    },
    get: (projectId: string, jobId: string, optional: { location?: string } = {}): JobRecord => {
      this.enter('jobs.get', projectId);
      this.settle();
      return structuredClone(this.findJob('jobs.get', projectId, jobId, optional.location).record);
    },
    /** jobs.query: starts a query job and waits up to timeoutMs (default 10 s) on the world's clock for it. */
    query: (request: Record<string, unknown>, projectId: string): Record<string, unknown> => {
      this.enter('jobs.query', projectId);
      if (!this.roleOf(projectId).jobUser)
        throw apiError(
          'jobs.query',
          `Access Denied: Project ${projectId}: User does not have bigquery.jobs.create permission in project ${projectId}.`,
        );
      this.jobSequence += 1;
      const job = this.insertQuery(
        projectId,
        `job_q${this.jobSequence.toString(36)}`,
        (request['location'] as string | undefined) ?? null,
        {
          query: { query: request['query'], useLegacySql: request['useLegacySql'] },
        },
      );
      const timeout = Number(request['timeoutMs'] ?? 10_000);
      if (job.endsAt - this.runtime.now <= timeout) this.runtime.now = Math.max(this.runtime.now, job.endsAt);
      return this.queryResponse(job);
    },
    getQueryResults: (
      projectId: string,
      jobId: string,
      optional: { location?: string; timeoutMs?: number } = {},
    ): Record<string, unknown> => {
      this.enter('jobs.getQueryResults', projectId);
      const job = this.findJob('jobs.getQueryResults', projectId, jobId, optional.location);
      const timeout = optional.timeoutMs ?? 10_000;
      if (job.endsAt - this.runtime.now <= timeout) this.runtime.now = Math.max(this.runtime.now, job.endsAt);
      return this.queryResponse(job);
    },
  };

  // ---- Internals -------------------------------------------------------------------------------------------------

  private enter(method: string, projectId: string): void {
    this.calls.push(method);
    this.runtime.require('externalRequests', `BigQuery.${method}`);
    const scopes = this.runtime.oauthScopes;
    if (scopes && !scopes.includes(BIGQUERY_SCOPE) && !scopes.includes(CLOUD_PLATFORM_SCOPE))
      throw permissionError(`BigQuery.${method}`, BIGQUERY_SCOPE);
    if (!this.roles.has(projectId))
      throw apiError(
        method,
        `Access Denied: Project ${projectId}: User does not have bigquery.jobs.create permission in project ${projectId}.`,
      );
  }

  private roleOf(projectId: string): Roles {
    return this.roles.get(projectId) ?? { jobUser: false, dataEditor: false };
  }

  private datasetResource(dataset: DatasetState): Record<string, unknown> {
    return {
      kind: 'bigquery#dataset',
      id: `${dataset.projectId}:${dataset.datasetId}`,
      datasetReference: { projectId: dataset.projectId, datasetId: dataset.datasetId },
      location: dataset.location,
    };
  }

  private tableResource(table: TableState): Record<string, unknown> {
    return {
      kind: 'bigquery#table',
      type: 'TABLE',
      id: `${table.projectId}:${table.datasetId}.${table.tableId}`,
      tableReference: { projectId: table.projectId, datasetId: table.datasetId, tableId: table.tableId },
      schema: { fields: structuredClone(table.schema) },
      ...(table.partitionField ? { timePartitioning: { type: 'DAY', field: table.partitionField } } : {}),
      numRows: String(table.rows.length),
      creationTime: String(table.creationTime),
      lastModifiedTime: String(table.lastModifiedTime),
    };
  }

  private tableState(datasetId: string, tableId: string): TableState {
    const table = [...this.tables.values()].find((t) => t.datasetId === datasetId && t.tableId === tableId);
    if (!table) throw new Error(`No table ${datasetId}.${tableId} in the BigQuery double`);
    return table;
  }

  private findJob(
    method: string,
    projectId: string,
    jobId: string,
    location: string | undefined | null,
  ): JobInternal {
    const job = this.jobList.find(
      (j) => j.record.jobReference.projectId === projectId && j.record.jobReference.jobId === jobId,
    );
    // A job is found only in its own location (jobs.get: "location … required except for US and EU").
    if (!job || (location && job.record.jobReference.location !== location))
      throw apiError(method, `Not found: Job ${projectId}:${location ?? 'US'}.${jobId}`);
    return job;
  }

  private newJob(
    projectId: string,
    jobId: string,
    location: string,
    configuration: Record<string, unknown>,
    jobType: 'LOAD' | 'QUERY',
    loadTable: string | null,
    run: (job: JobInternal) => void,
    matches: (injection: FailureInjection) => boolean,
  ): JobInternal {
    const now = this.runtime.now;
    const injectionIndex = this.injections.findIndex(
      (injection) => (injection.jobType === undefined || injection.jobType === jobType) && matches(injection),
    );
    const injected =
      injectionIndex >= 0 ? (this.injections.splice(injectionIndex, 1)[0] as FailureInjection) : null;
    const job: JobInternal = {
      record: {
        kind: 'bigquery#job',
        id: `${projectId}:${location}.${jobId}`,
        jobReference: { projectId, jobId, location },
        configuration: { ...structuredClone(configuration), jobType },
        status: { state: 'PENDING' },
        statistics: { creationTime: String(now) },
        user_email: this.userEmail,
      },
      createdAt: now,
      startsAt: now + this.jobTiming.pendingMs,
      endsAt: now + this.jobTiming.pendingMs + (injected?.runningMs ?? this.jobTiming.runningMs),
      settled: false,
      run,
      injected:
        injected && injected.runningMs === undefined
          ? {
              reason: injected.reason ?? 'backendError',
              message:
                injected.message ?? 'Error encountered during execution. Retrying may solve the problem.',
            }
          : null,
      result: null,
      loadTable,
    };
    this.jobList.push(job);
    this.settle();
    return job;
  }

  /** Moves every job on to the state the world's clock gives it; a job that ends applies its effect then. */
  private settle(): void {
    const now = this.runtime.now;
    for (const job of this.jobList) {
      if (job.settled) continue;
      if (now < job.startsAt) continue;
      job.record.status.state = 'RUNNING';
      job.record.statistics.startTime = String(job.startsAt);
      if (now < job.endsAt) continue;
      job.settled = true;
      job.record.status.state = 'DONE';
      job.record.statistics.endTime = String(job.endsAt);
      try {
        if (job.injected) throw new JobFailure(job.injected);
        job.run(job);
      } catch (error) {
        const proto =
          error instanceof JobFailure ? error.error : { reason: 'backendError', message: String(error) };
        job.record.status.errorResult = proto;
        job.record.status.errors = [proto];
      }
    }
  }

  private loadJobsInLastDay(tableKey: string): number {
    const since = this.runtime.now - DAY_MS;
    return this.jobList.filter((job) => job.loadTable === tableKey && job.createdAt > since).length;
  }

  private insertLoad(
    projectId: string,
    jobId: string,
    requestedLocation: string | null,
    configuration: Record<string, unknown>,
    mediaData: FakeBlob | undefined,
  ): JobRecord {
    const load = configuration['load'] as Record<string, unknown>;
    const destination = (load['destinationTable'] ?? {}) as {
      projectId?: string;
      datasetId?: string;
      tableId?: string;
    };
    const datasetId = destination.datasetId ?? '';
    const tableProject = destination.projectId ?? projectId;
    const [tableId = '', decorator] = (destination.tableId ?? '').split('$');
    if (!NAME.test(datasetId) || !NAME.test(tableId))
      throw apiError('jobs.insert', `Invalid destination table "${String(destination.tableId)}"`);
    if (!mediaData)
      throw apiError(
        'jobs.insert',
        'The double models load jobs from an upload (Jobs.insert with a blob) only, not sourceUris.',
      );
    const bytes = Buffer.from(mediaData.getBytes());
    if (bytes.length > this.maxUploadBytes)
      throw apiError(
        'jobs.insert',
        `Request too large: ${bytes.length} bytes (limit ${this.maxUploadBytes})`,
      );
    const dataset = this.datasets.get(`${tableProject}:${datasetId}`);
    const location = requestedLocation ?? dataset?.location ?? 'US';
    const tableKey = `${tableProject}:${datasetId}.${tableId}`;
    const overQuota = this.loadJobsInLastDay(tableKey) >= LOAD_JOBS_PER_TABLE_PER_DAY;
    const text = bytes.toString('utf8');
    const run = (): void => {
      if (overQuota)
        throw new JobFailure({
          reason: 'quotaExceeded',
          message: `Quota exceeded: Your table exceeded quota for imports or query appends per table. (${LOAD_JOBS_PER_TABLE_PER_DAY} load jobs per table per day)`,
        });
      if (!dataset || dataset.location !== location)
        throw new JobFailure({
          reason: 'notFound',
          message: `Not found: Dataset ${tableProject}:${datasetId} was not found in location ${location}`,
        });
      if (!this.roleOf(tableProject).dataEditor)
        throw new JobFailure({
          reason: 'accessDenied',
          message: `Access Denied: Table ${tableKey}: Permission bigquery.tables.updateData denied on table ${tableKey} (or it may not exist).`,
        });
      this.applyLoad(tableProject, datasetId, tableId, decorator ?? null, load, text);
    };
    const job = this.newJob(
      projectId,
      jobId,
      location,
      configuration,
      'LOAD',
      tableKey,
      run,
      (injection) => injection.table === undefined || injection.table === tableId,
    );
    return structuredClone(job.record);
  }

  private applyLoad(
    projectId: string,
    datasetId: string,
    tableId: string,
    decorator: string | null,
    load: Record<string, unknown>,
    text: string,
  ): void {
    const key = `${projectId}:${datasetId}.${tableId}`;
    const given = (load['schema'] as { fields?: FieldSchema[] } | undefined)?.fields;
    let table = this.tables.get(key);
    const create = String(load['createDisposition'] ?? 'CREATE_IF_NEEDED');
    if (!table) {
      if (create === 'CREATE_NEVER')
        throw new JobFailure({ reason: 'notFound', message: `Not found: Table ${key}` });
      if (!given)
        throw new JobFailure({ reason: 'invalid', message: 'No schema specified on job or table.' });
      if (decorator !== null)
        throw new JobFailure({
          reason: 'invalid',
          message: `Cannot load into partition ${decorator} of a table that does not exist: ${key}`,
        });
      table = {
        projectId,
        datasetId,
        tableId,
        schema: checkSchema(
          given.map((f) => ({ ...f })),
          (message) => new JobFailure({ reason: 'invalid', message }),
        ),
        partitionField: null,
        rows: [],
        creationTime: this.runtime.now,
        lastModifiedTime: this.runtime.now,
      };
    } else if (
      given &&
      !sameSchema(
        checkSchema(
          given.map((f) => ({ ...f })),
          (m) => new JobFailure({ reason: 'invalid', message: m }),
        ),
        table.schema,
      )
    ) {
      throw new JobFailure({ reason: 'invalid', message: `Provided Schema does not match Table ${key}.` });
    }
    let partitionDay: string | null = null;
    if (decorator !== null) {
      if (!table.partitionField)
        throw new JobFailure({
          reason: 'invalid',
          message: `Cannot write to partition ${decorator} of table ${key}: the table is not partitioned.`,
        });
      partitionDay = decoratorDay(decorator);
      if (!partitionDay)
        throw new JobFailure({
          reason: 'invalid',
          message: `Invalid partition decorator "$${decorator}" for a DAY-partitioned table: expected $YYYYMMDD.`,
        });
    }
    const format = String(load['sourceFormat'] ?? 'CSV');
    const records =
      format === 'NEWLINE_DELIMITED_JSON'
        ? jsonRecords(text)
        : format === 'CSV'
          ? csvRecords(text, load, table.schema)
          : null;
    if (!records)
      throw new JobFailure({
        reason: 'invalid',
        message: `The double reads NEWLINE_DELIMITED_JSON and CSV only, not ${format}`,
      });
    const ignoreUnknown = load['ignoreUnknownValues'] === true;
    const rows = records.map((record, index) => convertRow(record, table.schema, ignoreUnknown, index + 1));
    if (partitionDay !== null) {
      const field = table.partitionField as string;
      const stray = rows.find((row) => String(row[field]).slice(0, 10) !== partitionDay);
      if (stray)
        throw new JobFailure({
          reason: 'invalid',
          message: `Some rows belong to different partitions rather than destination partition ${decorator}: ${field} = ${String(stray[field])}`,
        });
    }
    const write = String(load['writeDisposition'] ?? 'WRITE_APPEND');
    const inTarget = (row: StoredRow): boolean =>
      partitionDay === null || String(row[table.partitionField as string]).slice(0, 10) === partitionDay;
    let kept: StoredRow[];
    if (write === 'WRITE_TRUNCATE') kept = table.rows.filter((row) => !inTarget(row));
    else if (write === 'WRITE_APPEND') kept = table.rows;
    else if (write === 'WRITE_EMPTY') {
      if (table.rows.some(inTarget))
        throw new JobFailure({ reason: 'duplicate', message: `Already Exists: Table ${key}` });
      kept = table.rows;
    } else throw new JobFailure({ reason: 'invalid', message: `Invalid writeDisposition ${write}` });
    // Only now, with every row checked, does the table change: all or nothing.
    table.rows = [...kept, ...rows];
    table.lastModifiedTime = this.runtime.now;
    this.tables.set(key, table);
  }

  private insertQuery(
    projectId: string,
    jobId: string,
    requestedLocation: string | null,
    configuration: Record<string, unknown>,
  ): JobInternal {
    const query = (configuration['query'] ?? {}) as { query?: unknown; useLegacySql?: unknown };
    const sql = String(query.query ?? '');
    const location = requestedLocation ?? 'US';
    const run = (job: JobInternal): void => {
      if (query.useLegacySql !== false)
        throw new JobFailure({
          reason: 'invalidQuery',
          message:
            'The double runs GoogleSQL only: the API defaults to legacy SQL, so set useLegacySql: false.',
        });
      this.runQueryJob(sql, location, job);
    };
    return this.newJob(
      projectId,
      jobId,
      location,
      configuration,
      'QUERY',
      null,
      run,
      (injection) => injection.table === undefined || sql.includes(injection.table),
    );
  }

  private runQueryJob(sql: string, location: string, holder: JobInternal): void {
    for (const dataset of this.referencedDatasets(sql)) {
      if (dataset.location !== location)
        throw new JobFailure({
          reason: 'notFound',
          message: `Not found: Dataset ${dataset.projectId}:${dataset.datasetId} was not found in location ${location}`,
        });
    }
    const views = new Map<string, ViewState>();
    for (const statement of splitStatements(sql)) {
      const view = /^CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(`[^`]+`|[\w.]+)\s+AS\s+([\s\S]+)$/i.exec(statement);
      if (!view) continue;
      const name = parseTableName(view[1] as string);
      const project =
        name.project ??
        [...this.datasets.values()].find((d) => d.datasetId === name.dataset)?.projectId ??
        '';
      if (!this.datasets.has(`${project}:${name.dataset}`))
        throw new JobFailure({
          reason: 'notFound',
          message: `Not found: Dataset ${project}:${name.dataset}`,
        });
      views.set(`${project}:${name.dataset}.${name.table}`, {
        projectId: project,
        datasetId: name.dataset,
        tableId: name.table,
        query: (view[2] as string).trim(),
      });
    }
    const project = holder.record.jobReference.projectId;
    if (this.sandboxProjects.has(project) && /\b(INSERT|UPDATE|DELETE|MERGE)\b/i.test(stripComments(sql)))
      throw new JobFailure({
        reason: 'billingNotEnabled',
        // [mem] the wording BigQuery gives in the sandbox.
        message: `Billing has not been enabled for this project. Enable billing at https://console.cloud.google.com/billing. DML queries are not allowed in the free tier. Set up a billing account to remove this restriction.`,
      });
    const outcome = this.runSql(sql);
    // Committed only now that every statement ran: a failed script changed nothing.
    for (const table of outcome.tables) {
      const key = [...this.tables.keys()].find((k) => {
        const t = this.tables.get(k) as TableState;
        return t.datasetId === table.dataset && t.tableId === table.table;
      });
      const state = key ? this.tables.get(key) : undefined;
      if (!state) continue;
      const rows = table.rows.map((row) =>
        Object.fromEntries(
          state.schema.map((field, index) => [
            field.name,
            canonical(row[index] ?? null, field.type as BigQueryType),
          ]),
        ),
      );
      if (JSON.stringify(rows) !== JSON.stringify(state.rows)) {
        state.rows = rows;
        state.lastModifiedTime = this.runtime.now;
      }
    }
    for (const [key, view] of views) this.views.set(key, view);
    const result = outcome.result;
    holder.result = result
      ? {
          schema: {
            fields: result.columns.map((column) => ({
              name: column.name,
              type: bigQueryTypeOfDuckDb(column.type),
              mode: 'NULLABLE' as const,
            })),
          },
          rows: result.rows.map((row) => ({
            f: result.columns.map((column, index) => {
              const value = canonical(row[index] ?? null, bigQueryTypeOfDuckDb(column.type));
              // The REST API sends every cell as a string (or null): TableCell.v.
              return { v: value === null ? null : String(value) };
            }),
          })),
        }
      : null;
  }

  private referencedDatasets(sql: string): DatasetState[] {
    const found: DatasetState[] = [];
    for (const match of stripComments(sql).matchAll(/`([^`]+)`/g)) {
      // A backquoted name without a dot is a column (`date`, `order`: GoogleSQL quotes reserved words and any
      // identifier so), never a table here, since no job of this project sets a default dataset.
      if (!(match[1] as string).includes('.')) continue;
      const name = parseTableName(match[1] as string);
      const dataset = [...this.datasets.values()].find(
        (d) => d.datasetId === name.dataset && (name.project === null || d.projectId === name.project),
      );
      if (!dataset)
        throw new JobFailure({
          reason: 'notFound',
          message: `Not found: Dataset ${name.project ?? ''}:${name.dataset}`,
        });
      if (!found.includes(dataset)) found.push(dataset);
    }
    return found;
  }

  private runSql(sql: string): DuckDbOutcome {
    let statements: string[];
    try {
      // The raw-export staging script (src/bigquery/raw) defines temp functions and reads REGEXP_*, DIV, NUMERIC …:
      // translated whole by its own module, whose macros the prelude below adds.
      statements = /\bCREATE\s+TEMP\s+FUNCTION\b/i.test(sql)
        ? splitStatements(toStagingDuckDb(sql))
        : splitStatements(sql).map(toDuckDbSql);
    } catch (error) {
      throw new JobFailure({
        reason: 'invalidQuery',
        message: String(error instanceof Error ? error.message : error),
      });
    }
    const request = {
      prelude: [...DUCKDB_PRELUDE, STAGING_PRELUDE],
      tables: [...this.tables.values()].map((table) => ({
        dataset: table.datasetId,
        table: table.tableId,
        columns: table.schema.map((field) => ({
          name: field.name,
          type: DUCKDB_TYPE[field.type as BigQueryType],
        })),
        rows: table.rows.map((row) => table.schema.map((field) => row[field.name] ?? null)),
      })),
      views: [...this.views.values()].map((view) => ({
        dataset: view.datasetId,
        name: view.tableId,
        sql: splitStatements(view.query).map(toDuckDbSql).join(';\n'),
      })),
      statements,
    };
    const answer = JSON.parse(runInDuckDb(request)) as DuckDbOutcome | { ok: false; error: string };
    if (!answer.ok) throw new JobFailure({ reason: 'invalidQuery', message: answer.error });
    return answer;
  }

  private queryResponse(job: JobInternal): Record<string, unknown> {
    this.settle();
    const done = job.record.status.state === 'DONE';
    if (done && job.record.status.errorResult)
      throw apiError('jobs.getQueryResults', job.record.status.errorResult.message);
    const result = job.result;
    return {
      kind: 'bigquery#queryResponse',
      jobReference: structuredClone(job.record.jobReference),
      jobComplete: done,
      ...(done && result
        ? { schema: result.schema, rows: result.rows, totalRows: String(result.rows.length) }
        : done
          ? { totalRows: '0' }
          : {}),
    };
  }
}

/** One DuckDB worker per test process, started on first use and never keeping the process alive. */
let engine: { worker: Worker; port: MessagePort; signal: Int32Array } | null = null;
/** A statement that runs longer than this is a bug in a test, not a slow query. */
const ENGINE_TIMEOUT_MS = 120_000;

/** Runs a request in the DuckDB worker (bigquery-duckdb.mjs) and blocks until it answers: jobs end synchronously. */
function runInDuckDb(request: object): string {
  if (!engine) {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(join(__dirname, 'bigquery-duckdb.mjs'), {
      workerData: { signal, port: port2 },
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    engine = { worker, port: port1, signal };
  }
  Atomics.store(engine.signal, 0, 0);
  engine.worker.postMessage(request);
  if (Atomics.wait(engine.signal, 0, 0, ENGINE_TIMEOUT_MS) === 'timed-out')
    throw new Error('The DuckDB engine of the BigQuery double did not answer');
  const message = receiveMessageOnPort(engine.port);
  if (!message) throw new Error('The DuckDB engine of the BigQuery double answered nothing');
  return message.message as string;
}

interface DuckDbOutcome {
  ok: true;
  result: { columns: { name: string; type: string }[]; rows: unknown[][] } | null;
  tables: { dataset: string; table: string; columns: { name: string; type: string }[]; rows: unknown[][] }[];
}

function checkSchema(fields: FieldSchema[], fail: (message: string) => Error): FieldSchema[] {
  const seen = new Set<string>();
  return fields.map((field) => {
    const type = TYPE_ALIASES[String(field.type).toUpperCase()];
    if (!type) throw fail(`Invalid field type ${String(field.type)} for field ${field.name}`);
    // Field names: letters, digits, underscores, not starting with a digit; case-insensitive duplicates refused
    // (schemas#column_names).
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,299}$/.test(field.name)) throw fail(`Invalid field name "${field.name}".`);
    const lower = field.name.toLowerCase();
    if (seen.has(lower)) throw fail(`Duplicate column names in the schema: ${field.name}`);
    seen.add(lower);
    const mode = (field.mode ?? 'NULLABLE').toUpperCase() as FieldMode;
    if (mode === 'REPEATED') throw fail('The double does not model REPEATED fields');
    if (mode !== 'NULLABLE' && mode !== 'REQUIRED') throw fail(`Invalid field mode ${String(field.mode)}`);
    return { name: field.name, type, mode, ...(field.description ? { description: field.description } : {}) };
  });
}

function sameSchema(a: FieldSchema[], b: FieldSchema[]): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => f.name === b[i]?.name && f.type === b[i]?.type && f.mode === b[i]?.mode)
  );
}

function decoratorDay(decorator: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(decorator);
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

function jsonRecords(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => {
      try {
        const value: unknown = JSON.parse(line);
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          throw new Error('not an object');
        return value as Record<string, unknown>;
      } catch {
        throw new JobFailure({
          reason: 'invalid',
          message: `Error while reading data, error message: JSON table encountered too many errors, giving up. Rows: ${index + 1}; errors: 1. JSON parsing error in row starting at position 0.`,
        });
      }
    });
}

function csvRecords(
  text: string,
  load: Record<string, unknown>,
  schema: FieldSchema[],
): Record<string, unknown>[] {
  const delimiter =
    String(load['fieldDelimiter'] ?? ',') === '\\t' ? '\t' : String(load['fieldDelimiter'] ?? ',');
  const skip = Number(load['skipLeadingRows'] ?? 0);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldQuoted = true;
    } else if (char === delimiter) {
      row.push(fieldQuoted ? field : field);
      field = '';
      fieldQuoted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldQuoted = false;
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const jagged = load['allowJaggedRows'] === true;
  return rows.slice(skip).map((cells, index) => {
    if (cells.length > schema.length || (!jagged && cells.length < schema.length))
      throw new JobFailure({
        reason: 'invalid',
        message: `Error while reading data, error message: CSV table encountered too many errors, giving up. Rows: ${index + 1 + skip}; errors: 1. Too ${cells.length > schema.length ? 'many' : 'few'} columns: expected ${schema.length} column(s) but got ${cells.length} column(s).`,
      });
    // An empty CSV field is NULL (JobConfigurationLoad.nullMarker defaults to the empty string).
    return Object.fromEntries(
      schema.map((f, i) => [f.name, cells[i] === undefined || cells[i] === '' ? null : cells[i]]),
    );
  });
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function convertRow(
  record: Record<string, unknown>,
  schema: FieldSchema[],
  ignoreUnknown: boolean,
  line: number,
): StoredRow {
  const fail = (message: string): JobFailure =>
    new JobFailure({
      reason: 'invalid',
      message: `Error while reading data, error message: ${message} (row ${line})`,
    });
  if (!ignoreUnknown) {
    const unknown = Object.keys(record).find((name) => !schema.some((f) => f.name === name));
    if (unknown !== undefined)
      throw fail(`JSON parsing error in row starting at position 0: No such field: ${unknown}.`);
  }
  const row: StoredRow = {};
  for (const field of schema) {
    const value = record[field.name];
    if (value === undefined || value === null) {
      if (field.mode === 'REQUIRED') throw fail(`Missing required field: ${field.name}.`);
      row[field.name] = null;
      continue;
    }
    row[field.name] = convertValue(value, field, fail);
  }
  return row;
}

function convertValue(
  value: unknown,
  field: FieldSchema,
  fail: (message: string) => JobFailure,
): StoredValue {
  const bad = (): JobFailure =>
    fail(`Could not convert value '${String(value)}' to ${field.type} for field ${field.name}.`);
  switch (field.type as BigQueryType) {
    case 'STRING':
      // A number in a STRING column is refused here (stricter than BigQuery, which may coerce [inf]): our loads
      // send text as text, and a number there would be a bug.
      if (typeof value !== 'string') throw bad();
      return value;
    case 'INTEGER': {
      const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
      if (!/^[+-]?\d+$/.test(text)) throw bad();
      const big = BigInt(text);
      if (big > 9223372036854775807n || big < -9223372036854775808n) throw bad();
      return big.toString();
    }
    case 'FLOAT': {
      const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (!Number.isFinite(number)) throw bad();
      return number;
    }
    case 'NUMERIC': {
      const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
      if (!NUMERIC_TEXT.test(text)) throw bad();
      const canonicalText = canonicalDecimal(text);
      // NUMERIC: 29 digits before the point and 9 after (data-types#decimal_types); more decimals are an error on load.
      const [whole = '', fraction = ''] = canonicalText.replace('-', '').split('.');
      if (whole.length > 29 || fraction.length > 9) throw bad();
      return canonicalText;
    }
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      throw bad();
    case 'DATE': {
      if (typeof value !== 'string' || !decoratorDay(value.replace(/-/g, ''))) throw bad();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw bad();
      return value;
    }
    case 'TIMESTAMP': {
      const date =
        typeof value === 'string'
          ? new Date(value)
          : typeof value === 'number'
            ? new Date(value * 1000)
            : null;
      if (!date || Number.isNaN(date.getTime())) throw bad();
      return date.toISOString();
    }
  }
}

/** A decimal's shortest exact text: "1.500000000" → "1.5", "-0.0" → "0", "1e2" → "100". */
function canonicalDecimal(text: string): string {
  let value = text.trim();
  if (/[eE]/.test(value)) {
    const [mantissa = '0', exponentText = '0'] = value.split(/[eE]/);
    const negative = mantissa.startsWith('-');
    const [whole = '', fraction = ''] = mantissa.replace(/^[+-]/, '').split('.');
    const digits = whole + fraction;
    const point = whole.length + Number(exponentText);
    const padded =
      point > digits.length ? digits.padEnd(point, '0') : point < 0 ? '0'.repeat(-point) + digits : digits;
    const at = Math.max(point, 0);
    value = `${negative ? '-' : ''}${padded.slice(0, at) || '0'}.${padded.slice(at)}`;
  }
  const negative = value.startsWith('-');
  let [whole = '0', fraction = ''] = value.replace(/^[+-]/, '').split('.');
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  fraction = fraction.replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** A DuckDB JSON value as the double stores it (and the REST API returns it) for the column's type. */
function canonical(value: unknown, type: BigQueryType): StoredValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'NUMERIC':
      return canonicalDecimal(String(value));
    case 'INTEGER':
      return String(value);
    case 'FLOAT':
      return typeof value === 'number' ? value : Number(value);
    case 'BOOLEAN':
      return value === true || value === 'true';
    case 'DATE':
      return String(value).slice(0, 10);
    case 'TIMESTAMP':
      return new Date(String(value)).toISOString();
    case 'STRING':
      return String(value);
  }
}
