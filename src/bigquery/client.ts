/**
 * A thin typed client over Apps Script's BigQuery advanced service (the `BigQuery` global, API v2), used by the
 * load after a build (src/bigquery/load.ts) and by the raw-export loads (src/bigquery/raw/). The global exists only
 * in the BigQuery build flavour (`npm run build -- --bigquery`, whose manifest enables the service); everywhere else
 * `bigQueryService()` is null and nothing here runs.
 *
 * Interface, in the order a caller uses it:
 * - `ensureDataset(datasetId)`: Datasets.get, and Datasets.insert in the client's location when it is missing;
 * - `ensureTable(datasetId, spec)`: Tables.get, and Tables.insert (schema, DAY partitioning on `spec.partitionField`)
 *   when missing; an existing table whose schema differs is reported, never altered;
 * - `startLoad(request)`: one load job from an upload (Jobs.insert with a blob), NEWLINE_DELIMITED_JSON or CSV, into a
 *   table or one partition (`table$YYYYMMDD`), with its write disposition; returns the job reference at once;
 * - `startQuery(sql)`: one GoogleSQL query job (a script: DML in a transaction, CREATE OR REPLACE VIEW …);
 * - `jobStatus(job)` (Jobs.get) and `waitForJobs(jobs, deadline)`: polls until every job is DONE or the deadline;
 * - `queryRows(sql, deadline)`: runs a SELECT and returns its rows as strings (Jobs.query, then getQueryResults).
 * API errors thrown by the service come back as `BigQueryApiError` with the service's own words.
 *
 * Sources: developers.google.com/apps-script/advanced/bigquery (the service uses the REST API's objects, methods and
 * parameters: Jobs.insert(resource, projectId, mediaData), Jobs.get(projectId, jobId, {location}),
 * Jobs.query(request, projectId), Jobs.getQueryResults(projectId, jobId, {location, pageToken})); the Job resource:
 * cloud.google.com/bigquery/docs/reference/rest/v2/Job.
 */

/** The REST resources this client reads, as far as it reads them. */
export interface TableFieldSchema {
  name: string;
  /** Legacy type names as the API returns them: STRING, INTEGER, FLOAT, NUMERIC, BOOLEAN, DATE, TIMESTAMP. */
  type: string;
  mode: 'NULLABLE' | 'REQUIRED';
  description?: string;
}
export interface JobReference {
  projectId: string;
  jobId: string;
  location: string;
}
export interface ErrorProto {
  reason?: string;
  message?: string;
  location?: string;
}
interface JobResource {
  jobReference: JobReference;
  status: { state: 'PENDING' | 'RUNNING' | 'DONE'; errorResult?: ErrorProto; errors?: ErrorProto[] };
}
interface QueryResponse {
  jobReference: JobReference;
  jobComplete: boolean;
  rows?: { f: { v: string | null }[] }[];
  pageToken?: string;
}

/** The part of the advanced service this client calls. */
export interface BigQueryAdvancedService {
  Datasets: {
    get(projectId: string, datasetId: string): unknown;
    insert(resource: object, projectId: string): unknown;
  };
  Tables: {
    get(projectId: string, datasetId: string, tableId: string): { schema?: { fields?: TableFieldSchema[] } };
    insert(resource: object, projectId: string, datasetId: string): unknown;
  };
  Jobs: {
    insert(resource: object, projectId: string, mediaData?: GoogleAppsScript.Base.Blob): JobResource;
    get(projectId: string, jobId: string, optional?: { location?: string }): JobResource;
    query(request: object, projectId: string): QueryResponse;
    getQueryResults(
      projectId: string,
      jobId: string,
      optional?: { location?: string; pageToken?: string; timeoutMs?: number },
    ): QueryResponse;
  };
}

/** The advanced service, or null when this build's manifest does not enable it (the default add-on). */
export function bigQueryService(): BigQueryAdvancedService | null {
  // An advanced service the manifest does not enable is no global at all, so `typeof` is the only safe test.
  const service = (globalThis as { BigQuery?: BigQueryAdvancedService }).BigQuery;
  return typeof service === 'object' && service !== null ? service : null;
}

/** An error the BigQuery API gave, with its own words (in English). */
export class BigQueryApiError extends Error {
  constructor(
    readonly method: string,
    message: string,
  ) {
    super(message);
  }
  /** A 404: "Not found: Dataset …" / "Not found: Table …". */
  get notFound(): boolean {
    return /\bNot found\b/i.test(this.message);
  }
}

export interface TableSpec {
  tableId: string;
  fields: readonly TableFieldSchema[];
  /** A DATE column to partition by day, or null for an unpartitioned table. */
  partitionField: string | null;
  description?: string;
}

export type WriteDisposition = 'WRITE_TRUNCATE' | 'WRITE_APPEND' | 'WRITE_EMPTY';

export interface LoadRequest {
  datasetId: string;
  /** A table, or one partition of a DAY-partitioned table: `name$YYYYMMDD`. */
  tableId: string;
  fields: readonly TableFieldSchema[];
  writeDisposition: WriteDisposition;
  sourceFormat: 'NEWLINE_DELIMITED_JSON' | 'CSV';
  /** The upload: one JSON object per line, or CSV text. */
  data: string;
  /** CSV only: header rows to skip. */
  skipLeadingRows?: number;
}

export type JobOutcome =
  | { job: JobReference; state: 'DONE' }
  | { job: JobReference; state: 'FAILED'; error: string }
  /** Still PENDING or RUNNING at the deadline: it may yet finish (or fail) in BigQuery after the run ends. */
  | { job: JobReference; state: 'PENDING' | 'RUNNING' };

/** Time for one execution: a clock and a sleep, injectable for tests, and the moment to stop waiting. */
export interface TimeBudget {
  now(): number;
  sleep(ms: number): void;
  /** Epoch ms after which no more waiting is done. */
  deadline: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class BigQueryClient {
  constructor(
    private readonly service: BigQueryAdvancedService,
    readonly projectId: string,
    readonly location: string,
  ) {}

  private call<T>(method: string, body: () => T): T {
    try {
      return body();
    } catch (error) {
      throw new BigQueryApiError(method, errorText(error));
    }
  }

  /**
   * The dataset, created in the client's location when missing. An existing dataset elsewhere is reported: a
   * dataset's location is fixed at creation, and jobs run in one location only (locations#specify_locations).
   */
  ensureDataset(datasetId: string): 'created' | 'exists' | { location: string } {
    try {
      const dataset = this.call('datasets.get', () =>
        this.service.Datasets.get(this.projectId, datasetId),
      ) as { location?: string };
      const location = dataset.location ?? 'US';
      return location.toLowerCase() === this.location.toLowerCase() ? 'exists' : { location };
    } catch (error) {
      if (!(error instanceof BigQueryApiError) || !error.notFound) throw error;
    }
    this.call('datasets.insert', () =>
      this.service.Datasets.insert(
        { datasetReference: { projectId: this.projectId, datasetId }, location: this.location },
        this.projectId,
      ),
    );
    return 'created';
  }

  /**
   * The table, created when missing. Returns 'created', 'exists', or the existing table's differing schema as a
   * sentence (the table is never altered: a seller's own columns or a newer add-on's are not ours to drop).
   */
  ensureTable(datasetId: string, spec: TableSpec): 'created' | 'exists' | { mismatch: string } {
    let existing: TableFieldSchema[] | null = null;
    try {
      const table = this.call('tables.get', () =>
        this.service.Tables.get(this.projectId, datasetId, spec.tableId),
      );
      existing = table.schema?.fields ?? [];
    } catch (error) {
      if (!(error instanceof BigQueryApiError) || !error.notFound) throw error;
    }
    if (existing) {
      const mismatch = schemaMismatch(existing, spec.fields);
      return mismatch ? { mismatch } : 'exists';
    }
    this.call('tables.insert', () =>
      this.service.Tables.insert(
        {
          tableReference: { projectId: this.projectId, datasetId, tableId: spec.tableId },
          schema: { fields: spec.fields },
          ...(spec.partitionField ? { timePartitioning: { type: 'DAY', field: spec.partitionField } } : {}),
          ...(spec.description ? { description: spec.description } : {}),
        },
        this.projectId,
        datasetId,
      ),
    );
    return 'created';
  }

  startLoad(request: LoadRequest): JobReference {
    const blob = Utilities.newBlob(request.data, 'application/octet-stream');
    const job = this.call('jobs.insert', () =>
      this.service.Jobs.insert(
        {
          jobReference: { projectId: this.projectId, location: this.location },
          configuration: {
            load: {
              destinationTable: {
                projectId: this.projectId,
                datasetId: request.datasetId,
                tableId: request.tableId,
              },
              schema: { fields: request.fields },
              sourceFormat: request.sourceFormat,
              writeDisposition: request.writeDisposition,
              createDisposition: 'CREATE_NEVER',
              ...(request.skipLeadingRows ? { skipLeadingRows: request.skipLeadingRows } : {}),
            },
          },
        },
        this.projectId,
        blob,
      ),
    );
    return job.jobReference;
  }

  startQuery(sql: string): JobReference {
    const job = this.call('jobs.insert', () =>
      this.service.Jobs.insert(
        {
          jobReference: { projectId: this.projectId, location: this.location },
          // The API's default is legacy SQL (JobConfigurationQuery.useLegacySql): every query here is GoogleSQL.
          configuration: { query: { query: sql, useLegacySql: false } },
        },
        this.projectId,
      ),
    );
    return job.jobReference;
  }

  jobStatus(job: JobReference): JobOutcome {
    const resource = this.call('jobs.get', () =>
      this.service.Jobs.get(this.projectId, job.jobId, { location: job.location }),
    );
    const { state, errorResult } = resource.status;
    if (state !== 'DONE') return { job, state };
    // A DONE job failed when it has an errorResult (JobStatus.errorResult: "If present, indicates that the job has
    // completed and was unsuccessful"); `errors` alone may list recovered row errors.
    if (errorResult)
      return { job, state: 'FAILED', error: errorResult.message ?? errorResult.reason ?? 'unknown' };
    return { job, state: 'DONE' };
  }

  /**
   * Polls every job until all are DONE (or failed) or the deadline passes, sleeping 0.5 s, then 1 s, 2 s … up to 8 s
   * between rounds. Time spent is at least what was slept: the clock may not advance in a test world.
   */
  waitForJobs(jobs: readonly JobReference[], budget: TimeBudget): JobOutcome[] {
    const outcomes = new Map<string, JobOutcome>();
    let pause = 500;
    let slept = 0;
    const started = budget.now();
    const elapsed = (): number => Math.max(budget.now() - started, slept);
    for (;;) {
      for (const job of jobs) {
        const known = outcomes.get(job.jobId);
        if (known && (known.state === 'DONE' || known.state === 'FAILED')) continue;
        outcomes.set(job.jobId, this.jobStatus(job));
      }
      const open = [...outcomes.values()].some((o) => o.state === 'PENDING' || o.state === 'RUNNING');
      if (!open || started + elapsed() + pause > budget.deadline) break;
      budget.sleep(pause);
      slept += pause;
      pause = Math.min(pause * 2, 8_000);
    }
    return jobs.map((job) => outcomes.get(job.jobId) as JobOutcome);
  }

  /** A SELECT's rows, each cell a string or null as the API sends them; null when it did not finish in time. */
  queryRows(sql: string, budget: TimeBudget): (string | null)[][] | null {
    let response = this.call('jobs.query', () =>
      this.service.Jobs.query(
        { query: sql, useLegacySql: false, location: this.location, timeoutMs: 10_000 },
        this.projectId,
      ),
    );
    const rows: (string | null)[][] = [];
    let slept = 0;
    const started = budget.now();
    for (;;) {
      if (response.jobComplete) {
        for (const row of response.rows ?? []) rows.push(row.f.map((cell) => cell.v));
        if (!response.pageToken) return rows;
      } else if (started + Math.max(budget.now() - started, slept) + 1_000 > budget.deadline) return null;
      else {
        budget.sleep(1_000);
        slept += 1_000;
      }
      const { jobId, location } = response.jobReference;
      const pageToken = response.jobComplete ? response.pageToken : undefined;
      response = this.call('jobs.getQueryResults', () =>
        this.service.Jobs.getQueryResults(this.projectId, jobId, {
          location,
          ...(pageToken ? { pageToken } : {}),
        }),
      );
    }
  }
}

/** How an existing table's schema differs from the one expected, or null when it has every expected field as is. */
export function schemaMismatch(
  existing: readonly TableFieldSchema[],
  expected: readonly TableFieldSchema[],
): string | null {
  const aliases: Record<string, string> = {
    INT64: 'INTEGER',
    FLOAT64: 'FLOAT',
    BOOL: 'BOOLEAN',
    BIGNUMERIC: 'NUMERIC',
  };
  const typeOf = (type: string): string => aliases[type.toUpperCase()] ?? type.toUpperCase();
  const differences: string[] = [];
  for (const field of expected) {
    const found = existing.find((candidate) => candidate.name === field.name);
    if (!found) differences.push(`${field.name} missing`);
    else if (typeOf(found.type) !== typeOf(field.type) || (found.mode ?? 'NULLABLE') !== field.mode)
      differences.push(
        `${field.name} is ${typeOf(found.type)} ${found.mode ?? 'NULLABLE'}, expected ${field.type} ${field.mode}`,
      );
  }
  for (const field of existing) {
    if (!expected.some((candidate) => candidate.name === field.name))
      differences.push(`${field.name} not expected`);
  }
  return differences.length > 0 ? differences.join('; ') : null;
}
