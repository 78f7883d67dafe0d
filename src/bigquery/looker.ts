/**
 * The Looker Studio link for the BigQuery flavour (issue 15, item 3): the same Linking API URL as the Sheets link
 * (src/core/dashboard/lookerLink.ts), with the BigQuery connector on the view `kpi_daily`, which has the KPI
 * Summary's columns under the same names, so a template report built on the Sheets source keeps its fields.
 * Parameters, from developers.google.com/looker-studio/integrate/linking-api (BigQuery connector reference):
 * `ds.ds0.connector=bigQuery`, `ds.ds0.type=TABLE` (a table or a view; the other type is CUSTOM_QUERY),
 * `ds.ds0.projectId`, `ds.ds0.datasetId`, `ds.ds0.tableId`, and `ds.ds0.billingProjectId`, the project the queries
 * are billed to — here the seller's own.
 */
import { LOOKER_CREATE_URL } from '../core/dashboard/lookerLink';

/** The view Looker Studio reads: one row per day × channel × SKU, as the KPI Summary sheet. */
export const LOOKER_VIEW = 'kpi_daily';

export interface BigQueryLookerRequest {
  projectId: string;
  datasetId: string;
  /** A template report to copy (`c.reportId`), or "" for Looker Studio's default report. */
  templateReportId: string;
  reportName?: string;
}

export function bigQueryLookerLink(request: BigQueryLookerRequest): string {
  const parameters: [string, string][] = [];
  const template = request.templateReportId.trim();
  if (template) parameters.push(['c.reportId', template]);
  if (request.reportName) parameters.push(['r.reportName', request.reportName]);
  parameters.push(
    ['ds.ds0.connector', 'bigQuery'],
    ['ds.ds0.type', 'TABLE'],
    ['ds.ds0.projectId', request.projectId],
    ['ds.ds0.datasetId', request.datasetId],
    ['ds.ds0.tableId', LOOKER_VIEW],
    ['ds.ds0.billingProjectId', request.projectId],
  );
  // As for Sheets: with a template, keep its fields when the columns match (the view's names are the sheet's).
  if (template) parameters.push(['ds.ds0.refreshFields', 'false']);
  const query = parameters
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${LOOKER_CREATE_URL}?${query}`;
}
