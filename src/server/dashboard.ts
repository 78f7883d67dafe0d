/**
 * Writes the KPI Dashboard sheet after every KPI Summary build (menu or schedule): it registers itself with the
 * build's after-summary hooks, so it runs under the build's lock and only when the summary was written.
 */
import { dashboardGrid } from '../core/dashboard/layout';
import { buildDashboard } from '../core/dashboard/model';
import { type Language } from '../core/i18n';
import { type Settings } from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { type SummaryRow } from '../core/summary/types';
import { type TargetProblem, type TargetRow, targetsFromGrid } from '../core/targets/targets';
import { ensureSheetSize, findOwnedSheet, getOrCreateSheet, readSheetValues } from '../gas/sheets';
import { type AfterSummaryContext, registerAfterSummary } from './build';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Targets sheet read once; no sheet means no targets yet. */
export function readTargets(spreadsheet: Spreadsheet): { targets: TargetRow[]; problems: TargetProblem[] } {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.targets);
  if (!sheet) return { targets: [], problems: [] };
  return targetsFromGrid(readSheetValues(sheet), spreadsheet.getSpreadsheetTimeZone());
}

/**
 * Rewrites the dashboard in place: one setNumberFormats, one setValues, one setBackgrounds over the larger of the new
 * and the previous size, so nothing of a longer previous dashboard is left behind.
 */
export function writeDashboard(
  spreadsheet: Spreadsheet,
  rows: readonly SummaryRow[],
  settings: Settings,
  language: Language,
  now: number,
): number {
  const { targets, problems } = readTargets(spreadsheet);
  const model = buildDashboard(rows, targets, {
    now,
    reportingTimeZone: settings.reportingTimeZone,
    targetProblems: problems,
  });
  const grid = dashboardGrid(model, language);
  const sheet = getOrCreateSheet(spreadsheet, OWNED_SHEETS.dashboard);
  const width = grid.values[0]?.length ?? 1;
  const height = Math.max(grid.values.length, sheet.getLastRow(), 1);
  const fullWidth = Math.max(width, sheet.getLastColumn());
  ensureSheetSize(sheet, height, fullWidth);
  const pad = <T>(row: T[] | undefined, filler: T): T[] => {
    const out = row ? row.slice() : [];
    while (out.length < fullWidth) out.push(filler);
    return out;
  };
  const values = Array.from({ length: height }, (_, index) => pad(grid.values[index], ''));
  const formats = Array.from({ length: height }, (_, index) => pad(grid.formats[index], '@'));
  const backgrounds = Array.from({ length: height }, (_, index) => pad(grid.backgrounds[index], '#ffffff'));
  const range = sheet.getRange(1, 1, height, fullWidth);
  range.setNumberFormats(formats);
  range.setValues(values);
  range.setBackgrounds(backgrounds);
  return grid.values.length;
}

/**
 * The instant the dashboard's "today" is taken from. A scheduled run sets it to the moment its trigger fired; a
 * menu build leaves it null and uses the clock.
 */
let dashboardInstant: number | null = null;
export function withDashboardInstant<T>(instant: number, body: () => T): T {
  dashboardInstant = instant;
  try {
    return body();
  } finally {
    dashboardInstant = null;
  }
}

function dashboardAfterSummary(context: AfterSummaryContext): void {
  writeDashboard(
    context.spreadsheet,
    context.rows,
    context.settings,
    context.language,
    dashboardInstant ?? Date.now(),
  );
}

// Registering is pure (no Apps Script call), so it is safe at load time, even for onOpen in AuthMode.NONE.
registerAfterSummary(dashboardAfterSummary);
