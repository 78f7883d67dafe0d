/**
 * The BigQuery double checks what BigQuery checks (test/gas-world/bigquery.ts cites each rule): resources, IAM and
 * scope, job states on the world's clock, schema and partition checks of loads, write dispositions, atomicity, the
 * load-job quota, and GoogleSQL run in DuckDB through the translation of bigquery-sql.ts.
 */
import { BIGQUERY_SCOPE, GasWorld, LOAD_JOBS_PER_TABLE_PER_DAY } from './index';
import { splitStatements, toDuckDbSql } from './bigquery-sql';
import { type FakeBlob } from './utilities';

const PROJECT = 'seller-kpi-test';
const FIELDS = [
  { name: 'date', type: 'DATE', mode: 'REQUIRED' },
  { name: 'sku', type: 'STRING', mode: 'REQUIRED' },
  { name: 'revenue', type: 'NUMERIC', mode: 'NULLABLE' },
  { name: 'units', type: 'INT64', mode: 'NULLABLE' },
];

function setUp(): { world: GasWorld; blob: (text: string) => FakeBlob } {
  const world = new GasWorld({ now: new Date('2026-03-01T08:00:00Z') });
  world.oauthScopes = [BIGQUERY_SCOPE];
  world.bigQuery.grantRoles(PROJECT);
  world.bigQuery.Datasets.insert(
    { datasetReference: { projectId: PROJECT, datasetId: 'kpi' }, location: 'US' },
    PROJECT,
  );
  world.bigQuery.Tables.insert(
    {
      tableReference: { projectId: PROJECT, datasetId: 'kpi', tableId: 'sales' },
      schema: { fields: FIELDS },
      timePartitioning: { type: 'DAY', field: 'date' },
    },
    PROJECT,
    'kpi',
  );
  const utilities = world.globals()['Utilities'] as { newBlob(text: string): FakeBlob };
  return { world, blob: (text) => utilities.newBlob(text) };
}

function ndjson(rows: object[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n');
}

function load(
  world: GasWorld,
  blob: FakeBlob,
  tableId: string,
  writeDisposition: string,
  extra: object = {},
): { jobId: string; location: string } {
  const job = world.bigQuery.Jobs.insert(
    {
      configuration: {
        load: {
          destinationTable: { projectId: PROJECT, datasetId: 'kpi', tableId },
          sourceFormat: 'NEWLINE_DELIMITED_JSON',
          writeDisposition,
          ...extra,
        },
      },
    },
    PROJECT,
    blob,
  );
  return job.jobReference;
}

function finish(world: GasWorld, job: { jobId: string; location: string }) {
  world.advanceClock(60_000);
  return world.bigQuery.Jobs.get(PROJECT, job.jobId, { location: job.location });
}

const JAN = [
  { date: '2026-01-05', sku: 'A', revenue: '10.10', units: 1 },
  { date: '2026-01-05', sku: 'B', revenue: 5, units: '2' },
  { date: '2026-01-06', sku: 'A', revenue: '7.25', units: 1 },
];

describe('BigQuery double: jobs', () => {
  it('moves a job PENDING → RUNNING → DONE on the world clock and applies it only when DONE', () => {
    const { world, blob } = setUp();
    world.bigQuery.jobTiming = { pendingMs: 1_000, runningMs: 2_000 };
    const job = load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND');
    const get = () => world.bigQuery.Jobs.get(PROJECT, job.jobId, { location: 'US' });
    expect(get().status.state).toBe('PENDING');
    world.advanceClock(1_500);
    expect(get().status.state).toBe('RUNNING');
    expect(world.bigQuery.tableRows('kpi', 'sales')).toHaveLength(0);
    world.advanceClock(1_500);
    const done = get();
    expect(done.status).toEqual({ state: 'DONE' });
    expect(done.kind).toBe('bigquery#job');
    expect(done.configuration.jobType).toBe('LOAD');
    expect(done.statistics.endTime).toBeDefined();
    expect(world.bigQuery.tableRows('kpi', 'sales')).toEqual([
      { date: '2026-01-05', sku: 'A', revenue: '10.1', units: '1' },
      { date: '2026-01-05', sku: 'B', revenue: '5', units: '2' },
      { date: '2026-01-06', sku: 'A', revenue: '7.25', units: '1' },
    ]);
  });

  it('finds a job only in its own location', () => {
    const { world, blob } = setUp();
    const job = load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND');
    expect(() => world.bigQuery.Jobs.get(PROJECT, job.jobId, { location: 'EU' })).toThrow(/Not found: Job/);
  });

  it('needs the bigquery scope, a reachable project and the Job User role', () => {
    const { world, blob } = setUp();
    world.oauthScopes = ['https://www.googleapis.com/auth/spreadsheets'];
    expect(() => load(world, blob('{}'), 'sales', 'WRITE_APPEND')).toThrow(
      `You do not have permission to call BigQuery.jobs.insert. Required permissions: ${BIGQUERY_SCOPE}`,
    );
    world.oauthScopes = [BIGQUERY_SCOPE];
    expect(() => world.bigQuery.Datasets.get('someone-elses', 'kpi')).toThrow(
      /Access Denied: Project someone-elses/,
    );
    world.bigQuery.grantRoles(PROJECT, { jobUser: false });
    expect(() => load(world, blob('{}'), 'sales', 'WRITE_APPEND')).toThrow(
      /bigquery\.jobs\.create permission/,
    );
  });

  it('fails a load without the Data Editor role, changing nothing', () => {
    const { world, blob } = setUp();
    world.bigQuery.grantRoles(PROJECT, { dataEditor: false });
    const done = finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND'));
    expect(done.status.errorResult?.reason).toBe('accessDenied');
    expect(world.bigQuery.tableRows('kpi', 'sales')).toHaveLength(0);
  });

  it('reports Not found for a missing dataset or table, Already Exists for a second insert', () => {
    const { world } = setUp();
    expect(() => world.bigQuery.Datasets.get(PROJECT, 'nope')).toThrow(
      'API call to bigquery.datasets.get failed with error: Not found: Dataset seller-kpi-test:nope',
    );
    expect(() => world.bigQuery.Tables.get(PROJECT, 'kpi', 'nope')).toThrow(
      /Not found: Table seller-kpi-test:kpi\.nope/,
    );
    expect(() =>
      world.bigQuery.Datasets.insert({ datasetReference: { projectId: PROJECT, datasetId: 'kpi' } }, PROJECT),
    ).toThrow(/Already Exists/);
    expect(() =>
      world.bigQuery.Datasets.insert(
        { datasetReference: { projectId: PROJECT, datasetId: 'my-kpi' } },
        PROJECT,
      ),
    ).toThrow(/Invalid dataset ID/);
  });
});

describe('BigQuery double: loads', () => {
  it('WRITE_TRUNCATE on a partition decorator replaces only that day', () => {
    const { world, blob } = setUp();
    finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND'));
    const replacement = [{ date: '2026-01-05', sku: 'C', revenue: '1.00', units: 3 }];
    const done = finish(world, load(world, blob(ndjson(replacement)), 'sales$20260105', 'WRITE_TRUNCATE'));
    expect(done.status.errorResult).toBeUndefined();
    expect(world.bigQuery.tableRows('kpi', 'sales')).toEqual([
      { date: '2026-01-06', sku: 'A', revenue: '7.25', units: '1' },
      { date: '2026-01-05', sku: 'C', revenue: '1', units: '3' },
    ]);
  });

  it('WRITE_APPEND adds, WRITE_TRUNCATE without a decorator replaces the table, WRITE_EMPTY refuses a full one', () => {
    const { world, blob } = setUp();
    finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND'));
    finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND'));
    expect(world.bigQuery.tableRows('kpi', 'sales')).toHaveLength(6);
    finish(world, load(world, blob(ndjson(JAN.slice(0, 1))), 'sales', 'WRITE_TRUNCATE'));
    expect(world.bigQuery.tableRows('kpi', 'sales')).toHaveLength(1);
    const empty = finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_EMPTY'));
    expect(empty.status.errorResult?.reason).toBe('duplicate');
  });

  it.each([
    [
      'a row outside the decorator day',
      'sales$20260105',
      ndjson(JAN),
      /different partitions rather than destination partition 20260105/,
    ],
    ['an impossible day', 'sales$20260230', ndjson([]), /Invalid partition decorator/],
    ['a month decorator on a DAY table', 'sales$202601', ndjson([]), /Invalid partition decorator/],
    ['an unknown column', 'sales', ndjson([{ ...JAN[0], colour: 'red' }]), /No such field: colour/],
    [
      'a missing REQUIRED value',
      'sales',
      ndjson([{ date: '2026-01-05', revenue: '1' }]),
      /Missing required field: sku/,
    ],
    [
      'a NUMERIC with 10 decimals',
      'sales',
      ndjson([{ ...JAN[0], revenue: '1.0000000001' }]),
      /Could not convert value/,
    ],
    [
      'a number in a STRING column',
      'sales',
      ndjson([{ ...JAN[0], sku: 501 }]),
      /Could not convert value '501' to STRING/,
    ],
    [
      'a bad DATE',
      'sales',
      ndjson([{ ...JAN[0], date: '2026-02-30' }]),
      /Could not convert value '2026-02-30' to DATE/,
    ],
    ['a line that is not JSON', 'sales', `${ndjson(JAN)}\n{oops`, /JSON table encountered too many errors/],
  ])('fails the whole job on %s and leaves the table as it was', (_what, tableId, data, message) => {
    const { world, blob } = setUp();
    finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND'));
    const before = world.bigQuery.tableRows('kpi', 'sales');
    const done = finish(world, load(world, blob(data), tableId, 'WRITE_TRUNCATE'));
    expect(done.status.state).toBe('DONE');
    expect(done.status.errorResult?.message).toMatch(message);
    expect(done.status.errors).toHaveLength(1);
    expect(world.bigQuery.tableRows('kpi', 'sales')).toEqual(before);
  });

  it('accepts an unknown column with ignoreUnknownValues', () => {
    const { world, blob } = setUp();
    const done = finish(
      world,
      load(world, blob(ndjson([{ ...JAN[0], colour: 'red' }])), 'sales', 'WRITE_APPEND', {
        ignoreUnknownValues: true,
      }),
    );
    expect(done.status.errorResult).toBeUndefined();
  });

  it('refuses a decorator on an unpartitioned table and a schema that does not match the table', () => {
    const { world, blob } = setUp();
    world.bigQuery.Tables.insert(
      { tableReference: { tableId: 'plain' }, schema: { fields: FIELDS } },
      PROJECT,
      'kpi',
    );
    const decorated = finish(
      world,
      load(world, blob(ndjson(JAN.slice(0, 1))), 'plain$20260105', 'WRITE_TRUNCATE'),
    );
    expect(decorated.status.errorResult?.message).toMatch(/not partitioned/);
    const other = finish(
      world,
      load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND', { schema: { fields: FIELDS.slice(0, 2) } }),
    );
    expect(other.status.errorResult?.message).toMatch(/Provided Schema does not match/);
  });

  it('reads CSV with skipLeadingRows, an empty field as NULL', () => {
    const { world, blob } = setUp();
    const csv = 'date,sku,revenue,units\n2026-01-05,"A, large",10.10,\n';
    const job = world.bigQuery.Jobs.insert(
      {
        configuration: {
          load: {
            destinationTable: { projectId: PROJECT, datasetId: 'kpi', tableId: 'sales' },
            sourceFormat: 'CSV',
            skipLeadingRows: 1,
          },
        },
      },
      PROJECT,
      blob(csv),
    );
    expect(finish(world, job.jobReference).status.errorResult).toBeUndefined();
    expect(world.bigQuery.tableRows('kpi', 'sales')).toEqual([
      { date: '2026-01-05', sku: 'A, large', revenue: '10.1', units: null },
    ]);
  });

  it('counts load jobs per table over 24 hours, failed ones included, and fails the one past 1,500', () => {
    const { world, blob } = setUp();
    world.bigQuery.jobTiming = { pendingMs: 0, runningMs: 0 };
    for (let index = 0; index < LOAD_JOBS_PER_TABLE_PER_DAY; index += 1) {
      world.bigQuery.Jobs.insert(
        {
          configuration: {
            load: {
              destinationTable: { datasetId: 'kpi', tableId: 'sales' },
              sourceFormat: 'NEWLINE_DELIMITED_JSON',
            },
          },
        },
        PROJECT,
        blob(index % 2 === 0 ? '' : '{oops'),
      );
    }
    const over = finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND'));
    expect(over.status.errorResult?.reason).toBe('quotaExceeded');
    world.advanceClock(86_400_000);
    expect(
      finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND')).status.errorResult,
    ).toBeUndefined();
  });

  it('refuses an upload over the size limit', () => {
    const { world, blob } = setUp();
    world.bigQuery.maxUploadBytes = 100;
    expect(() => load(world, blob('x'.repeat(101)), 'sales', 'WRITE_APPEND')).toThrow(/Request too large/);
  });

  it('fails an injected job with the given reason and changes nothing', () => {
    const { world, blob } = setUp();
    world.bigQuery.failNextJob({ jobType: 'LOAD', table: 'sales', reason: 'backendError' });
    const done = finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND'));
    expect(done.status.errorResult?.reason).toBe('backendError');
    expect(world.bigQuery.tableRows('kpi', 'sales')).toHaveLength(0);
  });
});

describe('BigQuery double: queries in DuckDB', () => {
  function query(world: GasWorld, sql: string, dialect: 'legacy' | 'googleSql' = 'googleSql') {
    const configuration = {
      query: { query: sql, ...(dialect === 'googleSql' ? { useLegacySql: false } : {}) },
    };
    const job = world.bigQuery.Jobs.insert({ configuration }, PROJECT);
    return finish(world, job.jobReference);
  }

  it('refuses legacy SQL, the API default', () => {
    const { world } = setUp();
    expect(query(world, 'SELECT 1', 'legacy').status.errorResult?.message).toMatch(/useLegacySql: false/);
  });

  it('runs a transaction of DML atomically: a failing statement leaves every table as it was', () => {
    const { world, blob } = setUp();
    finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND'));
    const ok = query(
      world,
      `BEGIN TRANSACTION;
       DELETE FROM \`${PROJECT}.kpi.sales\` WHERE date IN (DATE '2026-01-05');
       INSERT INTO \`${PROJECT}.kpi.sales\` (date, sku, revenue, units) VALUES (DATE '2026-01-05', 'Z', 2.5, 4);
       COMMIT TRANSACTION;`,
    );
    expect(ok.status.errorResult).toBeUndefined();
    expect(world.bigQuery.partitionDays('kpi', 'sales')).toEqual(['2026-01-05', '2026-01-06']);
    const before = world.bigQuery.tableRows('kpi', 'sales');
    expect(before.filter((row) => row['date'] === '2026-01-05')).toEqual([
      { date: '2026-01-05', sku: 'Z', revenue: '2.5', units: '4' },
    ]);
    const failed = query(
      world,
      `BEGIN TRANSACTION;
       DELETE FROM \`${PROJECT}.kpi.sales\` WHERE TRUE;
       INSERT INTO \`${PROJECT}.kpi.missing\` VALUES (1);
       COMMIT TRANSACTION;`,
    );
    expect(failed.status.errorResult?.reason).toBe('invalidQuery');
    expect(world.bigQuery.tableRows('kpi', 'sales')).toEqual(before);
  });

  it('stores a view and computes it with SAFE_DIVIDE and DATE_TRUNC(…, WEEK(MONDAY)) as GoogleSQL does', () => {
    const { world, blob } = setUp();
    finish(
      world,
      load(
        world,
        blob(ndjson([...JAN, { date: '2026-01-11', sku: 'A', revenue: '0', units: 0 }])),
        'sales',
        'WRITE_APPEND',
      ),
    );
    const view = `CREATE OR REPLACE VIEW \`${PROJECT}.kpi.weekly\` AS
      SELECT DATE_TRUNC(date, WEEK(MONDAY)) AS week, SUM(revenue) AS revenue,
             SAFE_DIVIDE(SUM(revenue), SUM(units)) AS per_unit
      FROM \`${PROJECT}.kpi.sales\` GROUP BY week`;
    expect(query(world, view).status.errorResult).toBeUndefined();
    expect(world.bigQuery.viewSql('kpi', 'weekly')).toMatch(/^SELECT DATE_TRUNC/);
    // 2026-01-05 is a Monday; the 11th, a Sunday, still belongs to its week.
    expect(world.bigQuery.select(`SELECT * FROM \`${PROJECT}.kpi.weekly\` ORDER BY week`)).toEqual([
      { week: '2026-01-05', revenue: '22.35', per_unit: 5.5875 },
    ]);
    const zero = world.bigQuery.select(
      `SELECT SAFE_DIVIDE(SUM(revenue), 0) AS r FROM \`${PROJECT}.kpi.sales\``,
    );
    expect(zero).toEqual([{ r: null }]);
  });

  it('fails a view over a missing table', () => {
    const { world } = setUp();
    const done = query(
      world,
      `CREATE OR REPLACE VIEW \`${PROJECT}.kpi.v\` AS SELECT * FROM \`${PROJECT}.kpi.none\``,
    );
    expect(done.status.errorResult?.reason).toBe('invalidQuery');
    expect(world.bigQuery.viewSql('kpi', 'v')).toBeNull();
  });

  it('answers Jobs.query with the REST shape: every cell a string', () => {
    const { world, blob } = setUp();
    finish(world, load(world, blob(ndjson(JAN)), 'sales', 'WRITE_APPEND'));
    const response = world.bigQuery.Jobs.query(
      {
        query: `SELECT sku, SUM(units) AS units FROM \`${PROJECT}.kpi.sales\` GROUP BY sku ORDER BY sku`,
        useLegacySql: false,
      },
      PROJECT,
    ) as {
      jobComplete: boolean;
      rows: { f: { v: string }[] }[];
      schema: { fields: { name: string; type: string }[] };
    };
    expect(response.jobComplete).toBe(true);
    expect(response.rows).toEqual([{ f: [{ v: 'A' }, { v: '2' }] }, { f: [{ v: 'B' }, { v: '2' }] }]);
    expect(response.schema.fields.map((f) => f.type)).toEqual(['STRING', 'INTEGER']);
  });
});

describe('GoogleSQL → DuckDB translation', () => {
  it('rewrites names, casts, DATE_TRUNC and COMMIT TRANSACTION, and leaves strings alone', () => {
    expect(
      toDuckDbSql(
        "SELECT DATE_TRUNC(DATE_TRUNC(d, MONTH), YEAR), CAST(x AS NUMERIC), 'a `b.c` AS INT64' FROM `p.ds.t`",
      ),
    ).toBe(
      `SELECT CAST(date_trunc('year', CAST(date_trunc('month', d) AS DATE)) AS DATE), CAST(x AS DECIMAL(38, 9)), 'a \`b.c\` AS INT64' FROM "ds"."t"`,
    );
    expect(toDuckDbSql('COMMIT TRANSACTION')).toBe('COMMIT');
  });

  it('refuses DATE_TRUNC(…, WEEK): a Sunday week in GoogleSQL, a Monday week in DuckDB', () => {
    expect(() => toDuckDbSql('SELECT DATE_TRUNC(d, WEEK) FROM t')).toThrow(/WEEK/);
  });

  it('splits statements outside quotes and comments', () => {
    expect(splitStatements("SELECT ';'; -- a; comment\nSELECT 2;")).toEqual([
      "SELECT ';'",
      '-- a; comment\nSELECT 2',
    ]);
  });
});
