/**
 * What a BigQuery load step records (issue 15): the project and dataset Settings name, the outcome in the user's
 * language, written to Settings (last_bigquery_load_at / _status / _detail) and, when the user must act, as one more
 * Data Issue. Apart from run.ts so that the default add-on, which leaves the load itself out of its bundle
 * (scripts/build.ts, defaultFlavour.ts), still says "this add-on has no BigQuery" when Settings ask for a load.
 * Only type imports from load.ts: nothing of the load is bundled through this file.
 */
import { runTimeText } from '../core/dashboard/lastRun';
import { translate, type Language } from '../core/i18n';
import { type DataIssue } from '../core/model';
import { SETTING_KEYS, type Settings } from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { dataIssuesTable } from '../core/summary/table';
import { type SettingsEntry, writeSettingsEntries } from '../gas/settings';
import { appendTableRows, findOwnedSheet } from '../gas/sheets';
import { type AfterWriteStep } from '../server/build';
import { type LoadOutcome, type LoadSetupProblem } from './load';

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

/**
 * Issues below the Data Issues the build wrote, kept as text where the build keeps it (a SKU such as 00501, a reason
 * starting with a sign). Nothing when the build wrote no Data Issues sheet.
 */
function appendDataIssues(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  issues: readonly DataIssue[],
  language: Language,
): void {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.dataIssues);
  if (sheet) appendTableRows(sheet, dataIssuesTable(issues, language));
}

/** Where a step after the build records its last run in Settings, and what it is called in the log. */
export interface StepRecordKeys {
  at: string;
  status: string;
  detail: string;
  /** For the execution log when even the record cannot be written. */
  step: string;
}

export const LOAD_RECORD_KEYS: StepRecordKeys = {
  at: SETTING_KEYS.lastBigQueryLoadAt,
  status: SETTING_KEYS.lastBigQueryLoadStatus,
  detail: SETTING_KEYS.lastBigQueryLoadDetail,
  step: 'the BigQuery load',
};

/**
 * A step's run in Settings (when, status, detail) and what the user must know in Data Issues. Never throws: the
 * workbook is built already.
 */
export function writeStepRecord(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  build: Parameters<AfterWriteStep>[1],
  keys: StepRecordKeys,
  outcome: { status: string; detail: string; issues: readonly DataIssue[] },
): void {
  const { settings, language } = build.snapshot;
  try {
    const entries: SettingsEntry[] = [
      [keys.at, runTimeText(build.now(), settings.reportingTimeZone), '@'],
      [keys.status, outcome.status, '@'],
      [keys.detail, outcome.detail, '@'],
    ];
    writeSettingsEntries(spreadsheet, entries);
    appendDataIssues(spreadsheet, outcome.issues, language);
  } catch (error) {
    console.error(`Seller KPI: could not record ${keys.step}: ${String(error)}`);
  }
}

/** Settings' record of the load, and its Data Issue when there is one. */
export function writeLoadRecord(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  build: Parameters<AfterWriteStep>[1],
  record: LoadRecord,
): void {
  writeStepRecord(spreadsheet, build, LOAD_RECORD_KEYS, {
    status: record.status,
    detail: record.detail,
    issues: record.issue ? [record.issue] : [],
  });
}
