/**
 * The BigQuery load as a step of every build (issue 15): after the workbook's sheets are written, when Settings name a
 * project and a dataset, the build's KPI Summary and facts go to BigQuery (load.ts), and the outcome is recorded in
 * Settings (last_bigquery_load_at / _status / _detail) and, when the load failed or could not finish, in Data Issues.
 * The workbook is already built by then: nothing here can fail the build or change a KPI sheet.
 *
 * It is bundled only in the BigQuery flavour (`npm run build -- --bigquery`), whose manifest enables the BigQuery
 * advanced service; the default add-on bundles defaultFlavour.ts in its place, which says so in Data Issues when
 * Settings ask for a load. Here too a missing `BigQuery` global (the service turned off by hand) is said the same way.
 */
import { type AfterWriteStep, registerAfterWrite } from '../server/build';
import { BigQueryApiError, BigQueryClient, bigQueryService } from './client';
import { type KeyValueStore, loadBuild } from './load';
import { bigQueryTarget, type LoadRecord, recordOf, writeLoadRecord } from './record';
import { loadRowsOfBuild } from './schema';
import { viewsFingerprint, viewsScript } from './views';

/**
 * Apps Script ends an execution at 6 minutes (quotas page, PLATFORM §2); the load stops waiting 30 s before, so the
 * outcome is still recorded.
 */
export const LOAD_DEADLINE_MS = 330_000;

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
  writeLoadRecord(spreadsheet, build, record);
};

registerAfterWrite(bigQueryAfterWrite);
