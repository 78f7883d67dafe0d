/**
 * Menu: Open in Looker Studio. A modal dialog with a Linking API link on the KPI Summary sheet (PLATFORM §6), and,
 * when Settings name a BigQuery project and dataset (issue 15), a second link on the BigQuery view beside it. The
 * page is built here with every inserted text escaped; the link opens in a new tab (dialogs are sandboxed iframes
 * whose links need target="_blank", M: guides/html/restrictions.md).
 */
import { bigQueryLookerLink } from '../bigquery/looker';
import { escapeHtml, lookerStudioLink } from '../core/dashboard/lookerLink';
import { type Language, translate } from '../core/i18n';
import { type Settings } from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { readSettings, settingsLanguage } from '../gas/settings';
import { findOwnedSheet } from '../gas/sheets';

export interface LookerDialog {
  /** The link, or null when there is no KPI Summary sheet to point at. */
  link: string | null;
  /** The link on the BigQuery view, when Settings name a BigQuery project and dataset; else null. */
  bigQueryLink: string | null;
  html: string;
}

export function lookerDialog(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  language: Language,
): LookerDialog {
  const t = (key: string, params: Record<string, string | number> = {}): string =>
    escapeHtml(translate(language, key, params));
  const summary = findOwnedSheet(spreadsheet, OWNED_SHEETS.summary);
  const style =
    '<style>body{font-family:Arial,sans-serif;font-size:13px;line-height:1.5;margin:12px}' +
    'a.button{display:inline-block;margin-top:8px;padding:8px 14px;background:#1a73e8;color:#fff;' +
    'border-radius:4px;text-decoration:none}code{word-break:break-all}</style>';
  if (!summary) return { link: null, bigQueryLink: null, html: `${style}<p>${t('looker.noSummary')}</p>` };
  const link = lookerStudioLink({
    spreadsheetId: spreadsheet.getId(),
    worksheetId: summary.getSheetId(),
    templateReportId: settings.lookerTemplateReportId,
    reportName: `${translate(language, 'app.name')} — ${spreadsheet.getName()}`,
  });
  const template = settings.lookerTemplateReportId.trim();
  const bigQuery =
    settings.bigQueryProjectId && settings.bigQueryDataset
      ? { project: settings.bigQueryProjectId, dataset: settings.bigQueryDataset }
      : null;
  const bigQueryLink = bigQuery
    ? bigQueryLookerLink({
        projectId: bigQuery.project,
        datasetId: bigQuery.dataset,
        templateReportId: settings.lookerTemplateReportId,
        reportName: `${translate(language, 'app.name')} — ${spreadsheet.getName()} (BigQuery)`,
      })
    : null;
  const html = [
    style,
    `<p>${t('looker.intro', { spreadsheetId: spreadsheet.getId(), gid: summary.getSheetId() })}</p>`,
    `<p>${template ? t('looker.template', { reportId: template }) : t('looker.noTemplate')}</p>`,
    `<p>${t('looker.ratios')}</p>`,
    `<p><a class="button" href="${escapeHtml(link)}" target="_blank" rel="noopener">${t('looker.open')}</a></p>`,
    `<p><code>${escapeHtml(link)}</code></p>`,
    ...(bigQuery && bigQueryLink
      ? [
          `<p>${t('looker.bigQuery', bigQuery)}</p>`,
          `<p><a class="button" href="${escapeHtml(bigQueryLink)}" target="_blank" rel="noopener">${t('looker.openBigQuery')}</a></p>`,
        ]
      : []),
  ].join('\n');
  return { link, bigQueryLink, html };
}

/** Menu: shows the dialog. */
export function openLookerStudio(): LookerDialog {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = readSettings(spreadsheet);
  const language = settingsLanguage(settings);
  const dialog = lookerDialog(spreadsheet, settings, language);
  const output = HtmlService.createHtmlOutput(dialog.html)
    .setWidth(520)
    .setHeight(dialog.link ? (dialog.bigQueryLink ? 480 : 380) : 140);
  SpreadsheetApp.getUi().showModalDialog(output, translate(language, 'looker.title'));
  return dialog;
}
