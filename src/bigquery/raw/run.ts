/**
 * The Drive-folder load as a step after every build of the BigQuery flavour (issue 15, item 4), beside the load of
 * the build's own facts (src/bigquery/run.ts): when Settings name a project, a dataset and bigquery_raw_folder_id, the
 * folder's export files are loaded and parsed in BigQuery (folderLoad.ts). The outcome goes to Settings
 * (last_bigquery_raw_load_at / _status / _detail) and what the user must know to Data Issues. It never fails the build.
 */
import { runTimeText } from '../../core/dashboard/lastRun';
import { type Language } from '../../core/i18n';
import { SETTING_KEYS } from '../../core/settings';
import { OWNED_SHEETS } from '../../core/sheetNames';
import { type SettingsEntry, writeSettingsEntries } from '../../gas/settings';
import { type AfterWriteStep, registerAfterWrite } from '../../server/build';
import { BigQueryClient, bigQueryService } from '../client';
import { appendDataIssues, bigQueryTarget } from '../record';
import { LOAD_DEADLINE_MS } from '../run';
import { loadRawFolder, type RawLoadOutcome } from './folderLoad';
import { STAGING_SQL } from './sqlFiles';

export const bigQueryRawAfterWrite: AfterWriteStep = (spreadsheet, build) => {
  const { settings, language } = build.snapshot;
  const target = bigQueryTarget(settings);
  if (!target || !settings.bigQueryRawFolderId) return;
  const service = bigQueryService();
  // The default add-on has no BigQuery service: the build's own load step already says so in Data Issues.
  if (!service) return;
  let outcome: RawLoadOutcome;
  try {
    let folder: GoogleAppsScript.Drive.Folder;
    try {
      folder = DriveApp.getFolderById(settings.bigQueryRawFolderId);
    } catch (error) {
      const reason = {
        key: 'issue.bigQueryRaw.folderUnreadable',
        params: {
          folder: settings.bigQueryRawFolderId,
          detail: String(error instanceof Error ? error.message : error),
        },
      };
      outcome = {
        status: 'failed',
        detail: reason.params.detail,
        issues: [{ sheet: OWNED_SHEETS.settings, row: 0, key: SETTING_KEYS.bigQueryRawFolderId, reason }],
      };
      record(spreadsheet, outcome, build, language);
      return;
    }
    outcome = loadRawFolder({
      client: new BigQueryClient(service, target.projectId, target.location),
      service,
      folder,
      datasetId: target.datasetId,
      reportingTimeZone: settings.reportingTimeZone,
      language,
      budget: {
        now: build.now,
        sleep: (ms: number) => Utilities.sleep(ms),
        deadline: build.startedAt + LOAD_DEADLINE_MS,
      },
      sql: STAGING_SQL,
      decodeHead: (bytes) => Utilities.newBlob(bytes).getDataAsString('UTF-8'),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    outcome = {
      status: 'failed',
      detail,
      issues: [
        {
          sheet: OWNED_SHEETS.settings,
          row: 0,
          key: SETTING_KEYS.bigQueryRawFolderId,
          reason: { key: 'issue.bigQueryRaw.parseFailed', params: { detail } },
        },
      ],
    };
  }
  record(spreadsheet, outcome, build, language);
};

function record(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  outcome: RawLoadOutcome,
  build: Parameters<AfterWriteStep>[1],
  language: Language,
): void {
  try {
    const entries: SettingsEntry[] = [
      [
        SETTING_KEYS.lastBigQueryRawLoadAt,
        runTimeText(build.now(), build.snapshot.settings.reportingTimeZone),
        '@',
      ],
      [SETTING_KEYS.lastBigQueryRawLoadStatus, outcome.status, '@'],
      [SETTING_KEYS.lastBigQueryRawLoadDetail, outcome.detail, '@'],
    ];
    writeSettingsEntries(spreadsheet, entries);
    appendDataIssues(spreadsheet, outcome.issues, language);
  } catch (error) {
    console.error(`Seller KPI: could not record the Drive folder load: ${String(error)}`);
  }
}

registerAfterWrite(bigQueryRawAfterWrite);
