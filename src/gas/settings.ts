import { type CellGrid } from '../core/cell';
import { type Language, languageForLocale } from '../core/i18n';
import {
  DEFAULT_FX_FORMULA,
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  type Settings,
  settingsFromRows,
} from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { readSheetValues } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Settings from the Settings sheet (one read), defaults when the sheet does not exist yet. */
export function readSettings(spreadsheet: Spreadsheet): { settings: Settings; problems: string[] } {
  const sheet = spreadsheet.getSheetByName(OWNED_SHEETS.settings);
  if (!sheet) return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  return settingsFromRows(readSheetValues(sheet));
}

/** The language to show: the one chosen in Settings, else the account locale's. */
export function effectiveLanguage(settings: Settings, userLocale: string): Language {
  return settings.language === 'auto' ? languageForLocale(userLocale) : settings.language;
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
