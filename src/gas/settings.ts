import { type Cell, type CellGrid } from '../core/cell';
import { type Language } from '../core/i18n';
import {
  DEFAULT_FX_FORMULA,
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  type Settings,
  type SettingsProblem,
  settingsFromRows,
} from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { userLanguageFromLocale } from './locale';
import { ensureSheetSize, readSheetValues } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Settings from the Settings sheet (one read), defaults when the sheet does not exist yet. */
export function readSettings(spreadsheet: Spreadsheet): { settings: Settings; problems: SettingsProblem[] } {
  const sheet = spreadsheet.getSheetByName(OWNED_SHEETS.settings);
  if (!sheet) return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  return settingsFromRows(readSheetValues(sheet));
}

/** Key/value rows of a new Settings sheet; the FX cell holds a live GOOGLEFINANCE formula (SPEC §3). */
export function defaultSettingsRows(): CellGrid {
  return [
    ['key', 'value'],
    [SETTING_KEYS.reportingTimeZone, DEFAULT_SETTINGS.reportingTimeZone],
    [SETTING_KEYS.baseCurrency, DEFAULT_SETTINGS.baseCurrency],
    [SETTING_KEYS.fxUsdCny, DEFAULT_FX_FORMULA],
    [SETTING_KEYS.language, DEFAULT_SETTINGS.language],
    [SETTING_KEYS.lookerTemplateReportId, DEFAULT_SETTINGS.lookerTemplateReportId],
    [SETTING_KEYS.refreshSchedule, DEFAULT_SETTINGS.refreshSchedule],
    [SETTING_KEYS.refreshHour, DEFAULT_SETTINGS.refreshHour],
  ];
}

/** Where the USD→CNY rate comes from: the live GOOGLEFINANCE formula, or a number the user typed. */
export type FxSource = 'live' | 'fixed';

/** The settings a user edits in the sidebar; the schedule itself is set by the menu's schedule actions. */
export interface EditableSettings {
  reportingTimeZone: string;
  baseCurrency: Settings['baseCurrency'];
  fxSource: FxSource;
  /** The fixed rate when `fxSource` is 'fixed'; ignored for 'live'. */
  fxFixedRate: number | null;
  language: Settings['language'];
  lookerTemplateReportId: string;
  refreshHour: number;
}

export interface SettingsWithFxSource {
  settings: Settings;
  problems: SettingsProblem[];
  fxSource: FxSource;
}

/** Settings plus where the FX rate comes from (a formula is only visible through getFormulas: one more read). */
export function readSettingsWithFxSource(spreadsheet: Spreadsheet): SettingsWithFxSource {
  const sheet = spreadsheet.getSheetByName(OWNED_SHEETS.settings);
  if (!sheet) return { settings: { ...DEFAULT_SETTINGS }, problems: [], fxSource: 'live' };
  const rows = readSheetValues(sheet);
  const { settings, problems } = settingsFromRows(rows);
  const fxRow = rows.findIndex((row) => normaliseKey(row[0]) === SETTING_KEYS.fxUsdCny);
  if (fxRow < 0) return { settings, problems, fxSource: 'live' };
  const formula = sheet.getRange(fxRow + 1, 2).getFormula();
  return { settings, problems, fxSource: formula === '' ? 'fixed' : 'live' };
}

function normaliseKey(cell: Cell | undefined): string {
  return String(cell ?? '')
    .trim()
    .toLowerCase();
}

/** Number formats of the value cells: text stays text ("0800" never becomes 800), numbers and the rate stay numbers. */
const TEXT_FORMAT = '@';
const RATE_FORMAT = '0.0000';
const HOUR_FORMAT = '0';

/**
 * Writes the sidebar's settings into the Settings sheet, creating it with defaults first when missing. Rows are found by
 * key, so rows the add-on writes there for other purposes (last run status) and any a user added are left alone; only
 * a row whose value changed is written (a save changes one or two settings).
 */
export function writeSettings(spreadsheet: Spreadsheet, edited: EditableSettings): void {
  let sheet = spreadsheet.getSheetByName(OWNED_SHEETS.settings);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(OWNED_SHEETS.settings, spreadsheet.getSheets().length);
    const defaults = defaultSettingsRows();
    const range = sheet.getRange(1, 1, defaults.length, 2);
    range.setNumberFormats(
      defaults.map((row) => [
        TEXT_FORMAT,
        row[0] === SETTING_KEYS.fxUsdCny
          ? RATE_FORMAT
          : row[0] === SETTING_KEYS.refreshHour
            ? HOUR_FORMAT
            : TEXT_FORMAT,
      ]),
    );
    range.setValues(defaults);
    sheet.setFrozenRows(1);
  }
  const rows = readSheetValues(sheet);
  const current = settingsFromRows(rows).settings;
  const fxFormula = (() => {
    const fxRow = rows.findIndex((row) => normaliseKey(row[0]) === SETTING_KEYS.fxUsdCny);
    return fxRow < 0 ? '' : (sheet as GoogleAppsScript.Spreadsheet.Sheet).getRange(fxRow + 1, 2).getFormula();
  })();

  const wanted: { key: string; value: Cell; format: string; changed: boolean }[] = [
    {
      key: SETTING_KEYS.reportingTimeZone,
      value: edited.reportingTimeZone,
      format: TEXT_FORMAT,
      changed: edited.reportingTimeZone !== current.reportingTimeZone,
    },
    {
      key: SETTING_KEYS.baseCurrency,
      value: edited.baseCurrency,
      format: TEXT_FORMAT,
      changed: edited.baseCurrency !== current.baseCurrency,
    },
    {
      key: SETTING_KEYS.fxUsdCny,
      // A formula is written as a value starting with "=" into a number-formatted cell; a "@" cell would keep it text.
      value: edited.fxSource === 'live' ? DEFAULT_FX_FORMULA : (edited.fxFixedRate ?? ''),
      format: RATE_FORMAT,
      changed:
        edited.fxSource === 'live'
          ? fxFormula === ''
          : fxFormula !== '' || edited.fxFixedRate !== current.fxUsdCny,
    },
    {
      key: SETTING_KEYS.language,
      value: edited.language,
      format: TEXT_FORMAT,
      changed: edited.language !== current.language,
    },
    {
      key: SETTING_KEYS.lookerTemplateReportId,
      value: edited.lookerTemplateReportId,
      format: TEXT_FORMAT,
      changed: edited.lookerTemplateReportId !== current.lookerTemplateReportId,
    },
    {
      key: SETTING_KEYS.refreshHour,
      value: edited.refreshHour,
      format: HOUR_FORMAT,
      changed: edited.refreshHour !== current.refreshHour,
    },
  ];
  let nextFreeRow = Math.max(rows.length, 1) + 1;
  for (const setting of wanted) {
    const existing = rows.findIndex((row) => normaliseKey(row[0]) === setting.key);
    if (existing >= 0 && !setting.changed) continue;
    const rowNumber = existing >= 0 ? existing + 1 : nextFreeRow++;
    ensureSheetSize(sheet, rowNumber, 2);
    const range = sheet.getRange(rowNumber, 1, 1, 2);
    range.setNumberFormats([[TEXT_FORMAT, setting.format]]);
    range.setValues([[setting.key, setting.value]]);
  }
}

/**
 * The language of everything shown to the current user from a menu item, dialog or sidebar: the one chosen in
 * Settings, else the account locale's. Needs document access: not for onOpen in AuthMode.NONE (see src/server/menu.ts).
 */
export function userLanguage(spreadsheet: Spreadsheet): Language {
  return settingsLanguage(readSettings(spreadsheet).settings);
}

/** The current user's language for settings already read: the one chosen there, else the account locale's. */
export function settingsLanguage(settings: Settings): Language {
  return settings.language === 'auto' ? userLanguageFromLocale() : settings.language;
}
