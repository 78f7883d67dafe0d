/**
 * The Drive-folder load as a step after every build of the BigQuery flavour (issue 15, item 4), beside the load of
 * the build's own facts (src/bigquery/run.ts): when Settings name a project, a dataset and bigquery_raw_folder_id, the
 * folder's export files are loaded and parsed in BigQuery (folderLoad.ts). The outcome goes to Settings
 * (last_bigquery_raw_load_at / _status / _detail) and what the user must know to Data Issues. It never fails the build.
 */
import { SETTING_KEYS } from '../../core/settings';
import { OWNED_SHEETS } from '../../core/sheetNames';
import { type AfterWriteStep, registerAfterWrite } from '../../server/build';
import { BigQueryClient, bigQueryService } from '../client';
import { bigQueryTarget, type StepRecordKeys, writeStepRecord } from '../record';
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
      writeStepRecord(spreadsheet, build, RAW_RECORD_KEYS, outcome);
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
      kpiInputs: {
        costs: build.pipeline.costs,
        fxUsdCny: settings.fxUsdCny,
        products: build.pipeline.products,
      },
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
  writeStepRecord(spreadsheet, build, RAW_RECORD_KEYS, outcome);
};

/** Where the Drive-folder step records its last run (Settings keys of issue 15, item 4). */
const RAW_RECORD_KEYS: StepRecordKeys = {
  at: SETTING_KEYS.lastBigQueryRawLoadAt,
  status: SETTING_KEYS.lastBigQueryRawLoadStatus,
  detail: SETTING_KEYS.lastBigQueryRawLoadDetail,
  step: 'the Drive folder load',
};

registerAfterWrite(bigQueryRawAfterWrite);
