/**
 * The BigQuery load as a step of every build (issue 15): after the workbook's sheets are written, when Settings name a
 * project and a dataset, the build's KPI Summary and facts go to BigQuery (load.ts), and the outcome is recorded in
 * Settings (last_bigquery_load_at / _status / _detail) and, when the load failed or could not finish, in Data Issues.
 * The workbook is already built by then: nothing here can fail the build or change a KPI sheet.
 *
 * It runs only where the manifest enables the BigQuery advanced service (the `--bigquery` build flavour); the default
 * add-on carries this code but has no `BigQuery` global, and says so in Data Issues if Settings ask for a load.
 */
import { runTimeText } from '../core/dashboard/lastRun';
import { translate, type Language } from '../core/i18n';
import { type DataIssue } from '../core/model';
import { SETTING_KEYS, type Settings } from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { dataIssuesTable } from '../core/summary/table';
import { type SettingsEntry, writeSettingsEntries } from '../gas/settings';
import { ensureSheetSize, findOwnedSheet } from '../gas/sheets';
import { type AfterWriteStep, registerAfterWrite } from '../server/build';
import { BigQueryApiError, BigQueryClient, bigQueryService } from './client';
import { type KeyValueStore, loadBuild, type LoadOutcome, type LoadSetupProblem } from './load';
import { loadRowsOfBuild } from './schema';
import { viewsFingerprint, viewsScript } from './views';

/**
 * Apps Script ends an execution at 6 minutes (quotas page, PLATFORM §2); the load stops waiting 30 s before, so the
 * outcome is still recorded.
 */
export const LOAD_DEADLINE_MS = 330_000;

export interface BigQueryTarget {
  projectId: string;
  datasetId: string;
  location: string;
}

/** The project and dataset Settings name, or null when they name none (no load at all). */
export function bigQueryTarget(settings: Settings): BigQueryTarget | null {
  if (!settings.bigQueryProjectId || !settings.bigQueryDataset) return null;
  return {
    projectId: settings.bigQueryProjectId,
    datasetId: settings.bigQueryDataset,
    location: settings.bigQueryLocation,
  };
}

export type RecordedStatus = 'loaded' | 'unchanged' | 'failed' | 'pending' | 'unavailable';

export interface LoadRecord {
  status: RecordedStatus;
  detail: string;
  /** The Data Issue to add, when the user must know. */
  issue: DataIssue | null;
}

function issueOf(key: string, params: Record<string, string | number>): DataIssue {
  return { sheet: OWNED_SHEETS.settings, row: 0, key: SETTING_KEYS.bigQueryDataset, reason: { key, params } };
}

/** What to record for an outcome, in the user's language. */
export function recordOf(
  outcome: LoadOutcome | { status: 'setup'; problem: LoadSetupProblem } | { status: 'unavailable' },
  target: BigQueryTarget,
  language: Language,
): LoadRecord {
  const where = { project: target.projectId, dataset: target.datasetId };
  switch (outcome.status) {
    case 'loaded':
      return {
        status: 'loaded',
        detail: translate(language, 'bigquery.detail.loaded', {
          ...where,
          days: outcome.days,
          rows: outcome.rows,
          tables: outcome.tables.join(', '),
        }),
        issue: null,
      };
    case 'unchanged':
      return {
        status: 'unchanged',
        detail: translate(language, 'bigquery.detail.unchanged', where),
        issue: null,
      };
    case 'unavailable':
      return {
        status: 'unavailable',
        detail: translate(language, 'issue.bigQuery.notEnabled'),
        issue: issueOf('issue.bigQuery.notEnabled', {}),
      };
    case 'setup': {
      const detail = translate(
        language,
        outcome.problem.kind === 'schema' ? 'bigquery.detail.schema' : 'bigquery.detail.location',
        outcome.problem.params,
      );
      return { status: 'failed', detail, issue: issueOf('issue.bigQuery.failed', { detail }) };
    }
    case 'failed':
      // The sandbox (no billing account) refuses DML: said plainly, with what to do.
      if (/DML queries are not allowed in the free tier|billing has not been enabled/i.test(outcome.detail))
        return {
          status: 'failed',
          detail: outcome.detail,
          issue: issueOf('issue.bigQuery.sandbox', { project: target.projectId }),
        };
      return {
        status: 'failed',
        detail: outcome.detail,
        issue: issueOf('issue.bigQuery.failed', { detail: outcome.detail }),
      };
    case 'pending': {
      const step = translate(language, `bigquery.step.${outcome.step}`);
      return {
        status: 'pending',
        detail: `${step}: ${outcome.job}`,
        issue: issueOf('issue.bigQuery.pending', { step, job: outcome.job }),
      };
    }
  }
}

function documentStore(): KeyValueStore {
  const properties = PropertiesService.getDocumentProperties();
  // No document (a trigger without one): nothing remembered, so the views are simply replaced again.
  return {
    get: (key) => properties?.getProperty(key) ?? null,
    set: (key, value) => {
      properties?.setProperty(key, value);
    },
  };
}

/** One more row below the Data Issues the build wrote (one read for the last row, one write). */
function appendDataIssue(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  issue: DataIssue,
  language: Language,
): void {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.dataIssues);
  if (!sheet) return;
  const cells = dataIssuesTable([issue], language).rows[0] ?? [];
  const row = sheet.getLastRow() + 1;
  ensureSheetSize(sheet, row, cells.length);
  const range = sheet.getRange(row, 1, 1, cells.length);
  // Text stays text (a SKU such as 00501, a reason starting with a sign), as the build writes the sheet.
  range.setNumberFormats([['@', '0', '@', '@']]);
  range.setValues([cells]);
}

/** The step registered with the build. Never throws. */
export const bigQueryAfterWrite: AfterWriteStep = (spreadsheet, build) => {
  const { settings, language } = build.snapshot;
  const target = bigQueryTarget(settings);
  if (!target) return;
  let record: LoadRecord;
  try {
    const service = bigQueryService();
    if (!service) record = recordOf({ status: 'unavailable' }, target, language);
    else {
      const client = new BigQueryClient(service, target.projectId, target.location);
      const buildDay = Utilities.formatDate(new Date(build.now()), settings.reportingTimeZone, 'yyyy-MM-dd');
      const rows = loadRowsOfBuild(build.pipeline.summaryTable, build.pipeline.facts, buildDay);
      const budget = {
        now: build.now,
        sleep: (ms: number) => Utilities.sleep(ms),
        deadline: build.startedAt + LOAD_DEADLINE_MS,
      };
      const views = {
        script: viewsScript(target.projectId, target.datasetId),
        fingerprint: viewsFingerprint(target.projectId, target.datasetId),
      };
      const outcome = loadBuild(client, target.datasetId, rows, budget, documentStore(), views);
      record = recordOf(outcome, target, language);
    }
  } catch (error) {
    // A request BigQuery refused outright (no access to the project, the API not enabled): its own words.
    const detail =
      error instanceof BigQueryApiError || error instanceof Error ? error.message : String(error);
    record = recordOf({ status: 'failed', step: 'setup', detail }, target, language);
  }
  try {
    const entries: SettingsEntry[] = [
      [SETTING_KEYS.lastBigQueryLoadAt, runTimeText(build.now(), settings.reportingTimeZone), '@'],
      [SETTING_KEYS.lastBigQueryLoadStatus, record.status, '@'],
      [SETTING_KEYS.lastBigQueryLoadDetail, record.detail, '@'],
    ];
    writeSettingsEntries(spreadsheet, entries);
    if (record.issue) appendDataIssue(spreadsheet, record.issue, language);
  } catch (error) {
    console.error(`Seller KPI: could not record the BigQuery load: ${String(error)}`);
  }
};

registerAfterWrite(bigQueryAfterWrite);
