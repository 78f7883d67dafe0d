/**
 * The load after a build on the BigQuery flavour of dist/ (issue 15, items 2 and 5), in the local Apps Script world
 * with the BigQuery double: a two-month workbook loads whole; a rebuild after one week changed replaces exactly that
 * week's partitions; a failed job leaves every table as it was, says so in Settings and Data Issues, and the next build
 * loads the same days; a job still running at the deadline is recorded and picked up by the next build.
 */
import { join } from 'node:path';
import { type GasWorld } from '../gas-world';
import {
  bigQueryDist,
  buildIn,
  DATASET,
  DAYS,
  orderRows,
  PROJECT,
  settingOf,
  sheetDay,
  workbook,
} from './workbook';

const STATE_STAGING = '_seller_kpi_staging__seller_kpi_load_state';
/** 12–18 January 2026, Monday to Sunday: the week a seller re-exports. */
const WEEK = new Set(DAYS.slice(11, 18));

/** The seller pastes a corrected export: MUG-01 cost $21 instead of $20 in the week. */
function correctWeek(world: GasWorld): void {
  const sheet = world.spreadsheet.getSheetByName('All Orders');
  if (!sheet) throw new Error('no All Orders');
  orderRows((sku, day) =>
    sku === 'MUG-01' && WEEK.has(day) ? 21 : sku === 'MUG-01' ? 20 : sku === 'LAMP-3' ? 45.5 : 9.99,
  ).forEach((row, index) => sheet.seedRow(index + 1, row, 'text'));
}

function sorted(rows: unknown[]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}

function dataIssues(world: GasWorld): string[] {
  return world.sheetValues('Data Issues').map((row) => String(row[3] ?? ''));
}

const TABLES = ['kpi_summary', 'order_lines', 'ad_rows', 'fee_lines', 'returns', 'inventory_snapshots'];

let dist: string;
beforeAll(async () => {
  dist = await bigQueryDist();
}, 120_000);

function snapshot(world: GasWorld): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((table) => [table, world.bigQuery.tableRows(DATASET, table)]));
}

function rowsOn(rows: unknown[], days: ReadonlySet<string>, inside: boolean): unknown[] {
  return rows.filter((row) => days.has(String((row as { date: string }).date)) === inside);
}

describe('BigQuery load after a build', () => {
  it('loads a two-month workbook: every KPI Summary row and every fact, one partition per day', () => {
    const world = workbook();
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('loaded');
    expect(settingOf(world, 'last_bigquery_load_detail')).toMatch(
      /^59 days replaced in seller-kpi-demo\.seller_kpi \(\d+ rows: kpi_summary, order_lines, ad_rows, returns\)$/,
    );
    const summary = world.sheetValues('KPI Summary');
    const loaded = world.bigQuery.tableRows(DATASET, 'kpi_summary');
    expect(loaded).toHaveLength(summary.length - 1);
    expect(world.bigQuery.partitionDays(DATASET, 'kpi_summary')).toEqual(DAYS);
    expect(world.bigQuery.tableRows(DATASET, 'order_lines')).toHaveLength(orderRows().length - 1);
    expect(world.bigQuery.partitionDays(DATASET, 'order_lines')).toEqual(DAYS);
    // One upload per table with rows and one for the state; one state query, one transaction, one views script.
    const jobs = world.bigQuery.jobs();
    expect(jobs.filter((job) => job.configuration.jobType === 'LOAD').length).toBeLessThanOrEqual(7);
    expect(jobs.filter((job) => job.configuration.jobType === 'QUERY')).toHaveLength(3);
    expect(jobs.every((job) => job.status.state === 'DONE' && !job.status.errorResult)).toBe(true);
    // kpi_daily reads kpi_rows, the KPI Summary and the Drive folder's rows as one (sql/views/kpi_rows.sql).
    expect(world.bigQuery.viewSql(DATASET, 'kpi_daily')).toContain(`\`${PROJECT}.${DATASET}.kpi_rows\``);
    expect(world.bigQuery.viewSql(DATASET, 'kpi_rows')).toContain(`\`${PROJECT}.${DATASET}.kpi_summary\``);
    expect(world.bigQuery.viewSql(DATASET, 'kpi_rows')).toContain(
      `\`${PROJECT}.${DATASET}.raw_kpi_summary\``,
    );
  });

  it('rebuilds one changed week by replacing exactly its seven partitions; every other day is untouched', () => {
    const world = workbook();
    buildIn(world, dist);
    const before = snapshot(world);
    const jobsBefore = world.bigQuery.jobs().length;
    correctWeek(world);
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_detail')).toMatch(
      /^7 days replaced .*kpi_summary, order_lines\)$/,
    );
    // The days the transaction replaced: the staged state holds exactly the week, for the two tables that changed.
    const staged = world.bigQuery.tableRows(DATASET, STATE_STAGING);
    expect(new Set(staged.map((row) => row['day']))).toEqual(WEEK);
    expect(new Set(staged.map((row) => row['table_name']))).toEqual(new Set(['kpi_summary', 'order_lines']));
    const after = snapshot(world);
    for (const table of TABLES) {
      expect(sorted(rowsOn(after[table] ?? [], WEEK, false))).toEqual(
        sorted(rowsOn(before[table] ?? [], WEEK, false)),
      );
    }
    // Inside the week, the new figures: MUG-01's order lines at $21 a unit, the KPI Summary rows as the sheet has them.
    const mugLines = rowsOn(after['order_lines'] ?? [], WEEK, true).filter(
      (row) => (row as { sku: string }).sku === 'MUG-01',
    );
    expect(mugLines).toHaveLength(7);
    for (const line of mugLines as { quantity: string; revenue: string }[])
      expect(Number(line.revenue)).toBe(21 * Number(line.quantity));
    const sheetWeek = world
      .sheetValues('KPI Summary')
      .slice(1)
      .filter((row) => WEEK.has(sheetDay(row[0])));
    expect(rowsOn(after['kpi_summary'] ?? [], WEEK, true)).toHaveLength(sheetWeek.length);
    // Two loads (the changed table's days and the state), one state query, one transaction; the views stay.
    const newJobs = world.bigQuery.jobs().slice(jobsBefore);
    expect(newJobs.map((job) => job.configuration.jobType)).toEqual([
      'QUERY',
      'LOAD',
      'LOAD',
      'LOAD',
      'QUERY',
    ]);
  });

  it('a rebuild with nothing changed loads nothing and checks no table again', () => {
    const world = workbook();
    buildIn(world, dist);
    // The first build checked (and created) the dataset and its 15 tables (6 + 6 staging + state + its staging, and
    // raw_kpi_summary, which the views read even with no Drive folder).
    expect(world.bigQuery.calls.filter((call) => call === 'tables.get')).toHaveLength(15);
    const jobsBefore = world.bigQuery.jobs().length;
    const callsBefore = world.bigQuery.calls.length;
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('unchanged');
    expect(
      world.bigQuery
        .jobs()
        .slice(jobsBefore)
        .map((job) => job.configuration.jobType),
    ).toEqual(['QUERY']);
    expect(world.bigQuery.calls.slice(callsBefore)).toEqual(['jobs.query']);
  });

  it('a table deleted in BigQuery: that build fails, the next one creates the tables again and loads', () => {
    const world = workbook();
    buildIn(world, dist);
    world.bigQuery.dropTable(DATASET, 'kpi_summary');
    correctWeek(world);
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('failed');
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('loaded');
    // The table created again gets every day the workbook holds, not only the changed week.
    expect(world.bigQuery.partitionDays(DATASET, 'kpi_summary')).toEqual(DAYS);
    expect(world.bigQuery.tableRows(DATASET, 'kpi_summary')).toHaveLength(
      world.sheetValues('KPI Summary').length - 1,
    );
  });

  it('a failed job leaves every table as it was, is recorded in Settings and Data Issues, and the next build retries', () => {
    const world = workbook();
    buildIn(world, dist);
    const before = snapshot(world);
    correctWeek(world);
    world.bigQuery.failNextJob({
      jobType: 'QUERY',
      table: 'BEGIN TRANSACTION',
      reason: 'backendError',
      message: 'Injected backend error',
    });
    buildIn(world, dist);
    expect(snapshot(world)).toEqual(before);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('failed');
    expect(settingOf(world, 'last_bigquery_load_detail')).toBe('Injected backend error');
    expect(dataIssues(world).filter((reason) => reason.startsWith('BigQuery: the load failed'))).toEqual([
      'BigQuery: the load failed (Injected backend error). Every table is as it was before this build; the next build loads the same days again.',
    ]);
    // The workbook is built all the same.
    expect(world.sheetValues('KPI Summary').length).toBeGreaterThan(1);

    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('loaded');
    expect(settingOf(world, 'last_bigquery_load_detail')).toMatch(/^7 days replaced /);
    expect(dataIssues(world).some((reason) => reason.startsWith('BigQuery'))).toBe(false);
  });

  it('a job still running at the deadline is recorded as pending; BigQuery finishes it and the next build finds it landed', () => {
    const world = workbook();
    world.bigQuery.delayNextJob({ jobType: 'QUERY', table: 'BEGIN TRANSACTION' }, 20 * 60_000);
    const started = world.now.getTime();
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('pending');
    expect(dataIssues(world).find((reason) => reason.startsWith('BigQuery:'))).toMatch(
      /^BigQuery: the replacement of the changed days had not finished when this run had to stop \(job job_/,
    );
    // The waiting stayed inside the run: at most 330 s of the world's clock (sleeps) went by.
    expect(world.now.getTime() - started).toBeLessThanOrEqual(330_000);
    expect(world.bigQuery.tableRows(DATASET, 'kpi_summary')).toHaveLength(0);
    world.advanceClock(20 * 60_000);
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('unchanged');
    expect(world.bigQuery.partitionDays(DATASET, 'kpi_summary')).toEqual(DAYS);
  });

  it('says in Data Issues when Settings name a project but the add-on has no BigQuery service (the default build)', () => {
    const world = workbook();
    buildIn(world, join(__dirname, '..', '..', 'dist'));
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('unavailable');
    expect(dataIssues(world).some((reason) => reason.startsWith('Settings name a BigQuery project'))).toBe(
      true,
    );
    expect(world.bigQuery.jobs()).toHaveLength(0);
  });

  it('in the BigQuery sandbox (no billing, no DML) says what to do and changes nothing', () => {
    const world = workbook();
    world.bigQuery.sandboxProjects.add(PROJECT);
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('failed');
    expect(dataIssues(world).find((reason) => reason.startsWith('BigQuery:'))).toMatch(
      /^BigQuery: project seller-kpi-demo has no billing account \(the BigQuery sandbox\)/,
    );
    expect(world.bigQuery.tableRows(DATASET, 'kpi_summary')).toHaveLength(0);
  });

  it('without the Job User role: failed, in the words BigQuery gives, and the workbook built', () => {
    const world = workbook();
    world.bigQuery.grantRoles(PROJECT, { jobUser: false });
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('failed');
    expect(String(settingOf(world, 'last_bigquery_load_detail'))).toContain(
      'User does not have bigquery.jobs.create permission in project seller-kpi-demo',
    );
    expect(dataIssues(world).some((reason) => reason.startsWith('BigQuery: the load failed'))).toBe(true);
    expect(world.sheetValues('KPI Summary').length).toBeGreaterThan(1);
  });

  it('a dataset in another location than Settings say: failed, saying which location to set', () => {
    const world = workbook();
    world.bigQuery.Datasets.insert(
      { datasetReference: { projectId: PROJECT, datasetId: DATASET }, location: 'EU' },
      PROJECT,
    );
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBe('failed');
    expect(settingOf(world, 'last_bigquery_load_detail')).toBe(
      'dataset seller_kpi is in EU, not in US as Settings say; set bigquery_location to EU',
    );
    expect(world.bigQuery.jobs()).toHaveLength(0);
  });

  it('loads nothing and says nothing when Settings name no project', () => {
    const world = workbook({
      settings: [
        ['key', 'value'],
        ['fx_usd_cny', '7.2'],
      ],
    });
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_load_status')).toBeUndefined();
    expect(world.bigQuery.jobs()).toHaveLength(0);
  });
});
