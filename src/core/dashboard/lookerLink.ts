/**
 * The Looker Studio Linking API link for the KPI Summary sheet (PLATFORM §6; developers.google.com/looker-studio/
 * integrate/linking-api). Setting `ds.ds0.connector` replaces the template's data source entirely, so every
 * required Sheets parameter (spreadsheetId, worksheetId) is always given.
 */

export const LOOKER_CREATE_URL = 'https://lookerstudio.google.com/reporting/create';

export interface LookerLinkRequest {
  spreadsheetId: string;
  /** The KPI Summary sheet's gid (Sheet.getSheetId()); it survives rebuilds because the sheet is rewritten in place. */
  worksheetId: number;
  /** A template report to copy (`c.reportId`), or "" for Looker Studio's default report. */
  templateReportId: string;
  /** Name of the new report. */
  reportName?: string;
}

export function lookerStudioLink(request: LookerLinkRequest): string {
  const parameters: [string, string][] = [];
  const template = request.templateReportId.trim();
  if (template) parameters.push(['c.reportId', template]);
  if (request.reportName) parameters.push(['r.reportName', request.reportName]);
  parameters.push(
    ['ds.ds0.connector', 'googleSheets'],
    ['ds.ds0.spreadsheetId', request.spreadsheetId],
    ['ds.ds0.worksheetId', String(request.worksheetId)],
    // Row 1 holds the snake_case headers the calculated fields refer to.
    ['ds.ds0.hasHeader', 'true'],
  );
  // With a template, keep its field types and calculated fields when the summary's columns match (refreshFields
  // defaults to true for Sheets, which would rebuild the fields from the sheet).
  if (template) parameters.push(['ds.ds0.refreshFields', 'false']);
  const query = parameters
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${LOOKER_CREATE_URL}?${query}`;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
