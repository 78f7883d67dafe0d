/**
 * Menu: "Keep history up to …" (issue 17, item 4). Asks for the last day to keep (the suggestion leaves the current
 * and the previous month live), checks it, says what will happen, and runs a build that freezes the KPI Summary rows
 * up to that day into the KPI History sheet and records Settings `frozen_through` (src/server/build.ts keepHistory).
 * A later day than now appends; an earlier one unfreezes the days after it, which are recomputed from whatever raw
 * rows are still there.
 */
import { type Cell, isDateCell } from '../core/cell';
import { translate, type Language } from '../core/i18n';
import {
  frozenThroughOf,
  HISTORY_TOP_ROWS,
  readHistorySheet,
  suggestedFrozenThrough,
} from '../core/history/history';
import { type IsoDate } from '../core/model';
import { SETTING_KEYS, type Settings, type SettingsProblem } from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { addDays, isIsoDate, isoDateInZone } from '../core/time';
import { readSettings, settingsLanguage } from '../gas/settings';
import { findOwnedSheet } from '../gas/sheets';
import { buildMessage, runBuild } from './build';
import { sampleTabs } from './sampleData';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Answers that mean "keep no history", in either language. */
const NO_HISTORY_ANSWERS: ReadonlySet<string> = new Set(['none', '无', '不保留']);

/**
 * The last day the KPI Summary sheet has: its last row, as rows are sorted by date. One read of one cell. A date
 * cell arrives as the day the spreadsheet shows (PLATFORM §9), read in the spreadsheet's zone.
 */
function lastSummaryDayOnSheet(spreadsheet: Spreadsheet): IsoDate | null {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.summary);
  if (!sheet || sheet.getLastRow() < 2) return null;
  const cell: unknown = sheet.getRange(sheet.getLastRow(), 1).getValue();
  if (isDateCell(cell)) return isoDateInZone(cell.getTime(), spreadsheet.getSpreadsheetTimeZone());
  const text = String(cell).trim();
  return isIsoDate(text) ? text : null;
}

/** Why a day cannot be kept, in the user's words; null when it can. */
function refusal(
  language: Language,
  spreadsheet: Spreadsheet,
  day: IsoDate | null,
  current: IsoDate | null,
  today: IsoDate,
): string | null {
  if (day === current)
    return day === null
      ? translate(language, 'history.unchangedNone')
      : translate(language, 'history.unchanged', { date: day });
  if (day === null) return null;
  // Freezing while the samples are loaded would keep their days in KPI History, where "Remove sample data" (which
  // deletes the sample tabs and builds again) cannot reach them. Unfreezing stays possible.
  const samples = sampleTabs(spreadsheet);
  if (samples.length > 0 && (current === null || day > current))
    return translate(language, 'history.sampleDataLoaded', { sheets: samples.length });
  const lastComplete = addDays(today, -1);
  if (day > lastComplete) return translate(language, 'history.notComplete', { date: day, lastComplete });
  // Only a day the KPI Summary has can be frozen: raw rows pasted later for a day beyond it would be ignored.
  if (current !== null && day < current) return null;
  const last = lastSummaryDayOnSheet(spreadsheet);
  if (last === null) return translate(language, 'history.noSummary');
  if (day > last) return translate(language, 'history.beyondSummary', { date: day, last });
  return null;
}

/**
 * The day the next build freezes through (frozenThroughOf, as the build decides it): Settings `frozen_through`, or the
 * KPI History sheet's own day when that setting is unreadable (a typo must not read as "no history kept"). Reads the
 * sheet's top rows only: its day, its header and whether it holds a row.
 */
function effectiveFrozenThrough(
  spreadsheet: Spreadsheet,
  settings: Settings,
  problems: readonly SettingsProblem[],
): IsoDate | null {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.history);
  const top =
    sheet && sheet.getLastRow() > 0
      ? (sheet
          .getRange(
            1,
            1,
            Math.min(HISTORY_TOP_ROWS + 1, sheet.getLastRow()),
            Math.max(sheet.getLastColumn(), 1),
          )
          .getValues() as Cell[][])
      : null;
  const held = readHistorySheet(top, (date) =>
    isoDateInZone(date.getTime(), spreadsheet.getSpreadsheetTimeZone()),
  );
  const unreadable = problems.some((problem) => problem.setting === SETTING_KEYS.frozenThrough);
  return frozenThroughOf(settings.frozenThrough, unreadable, held).through;
}

export function keepHistoryUpTo(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const { settings, problems } = readSettings(spreadsheet);
  const language = settingsLanguage(settings);
  const title = translate(language, 'history.prompt.title');
  const today = isoDateInZone(Date.now(), settings.reportingTimeZone);
  const suggested = suggestedFrozenThrough(today);
  const current = effectiveFrozenThrough(spreadsheet, settings, problems);
  const state =
    current === null
      ? translate(language, 'history.prompt.nothingKept')
      : translate(language, 'history.prompt.kept', { through: current });
  const response = ui.prompt(
    title,
    translate(language, 'history.prompt.body', { current: state, suggested }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (response.getSelectedButton() !== ui.Button.OK) return;
  const answer = response.getResponseText().trim();
  let day: IsoDate | null;
  if (answer === '') day = suggested;
  else if (NO_HISTORY_ANSWERS.has(answer.toLowerCase())) day = null;
  else if (isIsoDate(answer)) day = answer;
  else {
    ui.alert(title, translate(language, 'history.invalidDate', { value: answer }), ui.ButtonSet.OK);
    return;
  }
  const refused = refusal(language, spreadsheet, day, current, today);
  if (refused !== null) {
    ui.alert(title, refused, ui.ButtonSet.OK);
    return;
  }
  const question =
    day === null
      ? translate(language, 'history.confirmUnfreezeAll', { current: current ?? '' })
      : current !== null && day < current
        ? translate(language, 'history.confirmUnfreeze', { date: day, current })
        : translate(language, 'history.confirmFreeze', { date: day });
  if (ui.alert(title, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;

  const result = runBuild(spreadsheet, { keepHistoryThrough: day });
  const built = buildMessage(result);
  const kept = result.history;
  if (result.status !== 'built' || !kept) {
    ui.alert(title, built, ui.ButtonSet.OK);
    return;
  }
  const words =
    kept.through === null
      ? translate(result.language, 'history.keptNone')
      : translate(result.language, 'history.kept', { rows: kept.rows, date: kept.through }) +
        (kept.rowsWithoutProfit > 0
          ? translate(result.language, 'history.keptBlankProfit', {
              rows: kept.rowsWithoutProfit,
              date: kept.through,
            })
          : '');
  ui.alert(title, `${words}\n\n${built}`, ui.ButtonSet.OK);
}
