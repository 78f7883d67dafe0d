/**
 * The views the BigQuery flavour creates or replaces after a load (issue 15, items 3 and 4): kpi_rows (the workbook's
 * KPI Summary and the Drive folder's KPI rows as one, with the precedence rule of its file), kpi_daily, and kpi_by_channel,
 * kpi_by_category and kpi_by_owner from one level file; the files of sql/views/ are bundled as text (scripts/build.ts
 * loads `.sql` files as strings). In the files, `{{project}}` and `{{dataset}}` stand for the Settings' project and
 * dataset.
 */
import kpiByLevel from '../../sql/views/kpi_by_level.sql';
import kpiDaily from '../../sql/views/kpi_daily.sql';
import kpiRows from '../../sql/views/kpi_rows.sql';
import { fingerprintOf } from './schema';

/** The level rollups (SPEC §3a): one SQL file, a view per level, its `{{level}}` the KPI Summary column it groups by. */
const LEVELS = ['channel', 'category', 'owner'] as const;

/** In creation order: kpi_rows first, as the others read it. */
export const VIEW_SQL: Readonly<Record<string, string>> = {
  kpi_rows: kpiRows,
  kpi_daily: kpiDaily,
  ...Object.fromEntries(
    LEVELS.map((level) => [`kpi_by_${level}`, kpiByLevel.replace(/\{\{level\}\}/g, level)]),
  ),
};

/** A view's SELECT for one project and dataset. */
export function viewSelect(sql: string, projectId: string, datasetId: string): string {
  return sql
    .replace(/\{\{project\}\}/g, projectId)
    .replace(/\{\{dataset\}\}/g, datasetId)
    .trim();
}

/**
 * One script that creates or replaces every view (DDL is not allowed inside a transaction, so it runs as its own
 * job after the data: cloud.google.com/bigquery/docs/transactions#statements_supported_in_transactions).
 */
export function viewsScript(
  projectId: string,
  datasetId: string,
  views: Readonly<Record<string, string>> = VIEW_SQL,
): string {
  return Object.entries(views)
    .map(
      ([name, sql]) =>
        `CREATE OR REPLACE VIEW \`${projectId}.${datasetId}.${name}\` AS\n${viewSelect(sql, projectId, datasetId)};`,
    )
    .join('\n\n');
}

/** What the views script would create, as a short fingerprint: a build replaces the views only when it changed. */
export function viewsFingerprint(projectId: string, datasetId: string): string {
  return fingerprintOf([viewsScript(projectId, datasetId)]);
}
