/**
 * What the default add-on bundles in place of steps.ts (scripts/build.ts): no load, no views, no Drive folder — only
 * the record that this add-on has no BigQuery, when Settings name a project and dataset anyway (a seller who set them
 * up before installing the BigQuery flavour), so the request is answered instead of silently ignored.
 */
import { registerAfterWrite } from '../server/build';
import { bigQueryTarget, recordOf, writeLoadRecord } from './record';

registerAfterWrite((spreadsheet, build) => {
  const target = bigQueryTarget(build.snapshot.settings);
  if (!target) return;
  writeLoadRecord(spreadsheet, build, recordOf({ status: 'unavailable' }, target, build.snapshot.language));
});
