import { type Cell, type CellGrid } from '../core/cell';
import { type Language } from '../core/i18n';
import {
  DEFAULT_FX_FORMULA,
  DEFAULT_SETTINGS,
  FX_MEMORY_KEYS,
  SETTING_KEYS,
  type Settings,
  type SettingsProblem,
  settingKeyOf,
  settingsFromRows,
} from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { userLanguageFromLocale } from './locale';
import { ensureSheetSize, findOwnedSheet, readSheetValues } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Settings from the Settings sheet (one read), defaults when the sheet does not exist yet. */
export function readSettings(spreadsheet: Spreadsheet): { settings: Settings; problems: SettingsProblem[] } {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.settings);
  if (!sheet) return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  return settingsFromRows(readSheetValues(sheet));
}

/** Key/value rows of a new Settings sheet; the FX cell holds a live GOOGLEFINANCE formula (SPEC §3). */
function defaultSettingsRows(): CellGrid {
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

/** The daily digest's settings as the sidebar edits them (SPEC §4a); the signing secret is not one of them. */
export interface DigestSettings {
  service: Settings['digestService'];
  url: string;
  language: Settings['digestLanguage'];
  hour: number;
}

/** The settings a user edits in the sidebar; the schedule itself is set by the menu's schedule actions. */
export interface EditableSettings {
  reportingTimeZone: string;
  baseCurrency: Settings['baseCurrency'];
  fxSource: FxSource;
  /** The fixed rate when `fxSource` is 'fixed'; ignored for 'live'. */
  fxFixedRate: number | null;
  language: Settings['language'];
  lookerTemplateReportId: string;
  refreshSchedule: Settings['refreshSchedule'];
  refreshHour: number;
  /** Absent in a save: the digest's settings stay as they are. */
  digest?: DigestSettings;
}

export interface SettingsWithFxSource {
  settings: Settings;
  problems: SettingsProblem[];
  fxSource: FxSource;
}

/** Settings plus where the FX rate comes from (a formula is only visible through getFormulas: one more read). */
export function readSettingsWithFxSource(spreadsheet: Spreadsheet): SettingsWithFxSource {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.settings);
  if (!sheet) return { settings: { ...DEFAULT_SETTINGS }, problems: [], fxSource: 'live' };
  const rows = readSheetValues(sheet);
  const { settings, problems } = settingsFromRows(rows);
  const formula = fxFormula(sheet, rows);
  return { settings, problems, fxSource: formula === '' ? 'fixed' : 'live' };
}

/** The formula of the FX value cell, "" when it holds a plain value, null when there is no FX row. */
function fxFormula(sheet: Sheet, rows: CellGrid): string | null {
  const fxRow = keyRows(rows).get(SETTING_KEYS.fxUsdCny);
  return fxRow === undefined ? null : sheet.getRange(fxRow, 2).getFormula();
}

/** Number formats of the value cells: text stays text ("0800" never becomes 800), numbers and the rate stay numbers. */
const TEXT_FORMAT = '@';
const RATE_FORMAT = '0.0000';
const HOUR_FORMAT = '0';

/** The Settings sheet, created with the default rows when missing. */
export function settingsSheet(spreadsheet: Spreadsheet): Sheet {
  const existing = findOwnedSheet(spreadsheet, OWNED_SHEETS.settings);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(OWNED_SHEETS.settings, spreadsheet.getSheets().length);
  const defaults = defaultSettingsRows();
  const range = sheet.getRange(1, 1, defaults.length, 2);
  // Keys and text values stay text; the FX cell gets a number format so its formula's result shows as a rate.
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
  return sheet;
}

/**
 * Writes the sidebar's settings into the Settings sheet, creating it with defaults first when missing. Only a setting
 * whose value changed is written (a save changes one or two settings); see writeEntries for how rows are found.
 * Returns the settings as they were before the save.
 */
export function writeSettings(spreadsheet: Spreadsheet, edited: EditableSettings): Settings {
  const sheet = settingsSheet(spreadsheet);
  const rows = readSheetValues(sheet);
  const current = settingsFromRows(rows).settings;
  const formula = fxFormula(sheet, rows) ?? '';
  const wanted: { entry: SettingsEntry; changed: boolean }[] = [
    {
      entry: [SETTING_KEYS.reportingTimeZone, edited.reportingTimeZone, TEXT_FORMAT],
      changed: edited.reportingTimeZone !== current.reportingTimeZone,
    },
    {
      entry: [SETTING_KEYS.baseCurrency, edited.baseCurrency, TEXT_FORMAT],
      changed: edited.baseCurrency !== current.baseCurrency,
    },
    {
      // A formula is written as a value starting with "=" into a number-formatted cell; a "@" cell would keep it text.
      entry: [
        SETTING_KEYS.fxUsdCny,
        edited.fxSource === 'live' ? DEFAULT_FX_FORMULA : (edited.fxFixedRate ?? ''),
        RATE_FORMAT,
      ],
      changed:
        edited.fxSource === 'live'
          ? formula === ''
          : formula !== '' || edited.fxFixedRate !== current.fxUsdCny,
    },
    {
      entry: [SETTING_KEYS.language, edited.language, TEXT_FORMAT],
      changed: edited.language !== current.language,
    },
    {
      entry: [SETTING_KEYS.lookerTemplateReportId, edited.lookerTemplateReportId, TEXT_FORMAT],
      changed: edited.lookerTemplateReportId !== current.lookerTemplateReportId,
    },
    {
      entry: [SETTING_KEYS.refreshSchedule, edited.refreshSchedule, TEXT_FORMAT],
      changed: edited.refreshSchedule !== current.refreshSchedule,
    },
    {
      entry: [SETTING_KEYS.refreshHour, edited.refreshHour, HOUR_FORMAT],
      changed: edited.refreshHour !== current.refreshHour,
    },
  ];
  const rowOfKey = keyRows(rows);
  const digest = edited.digest;
  // The digest's keys join the sheet when a user turns the digest on, not with every save of the other settings.
  const digestWanted = digest
    ? [
        {
          entry: [SETTING_KEYS.digestService, digest.service, TEXT_FORMAT] as const,
          changed: digest.service !== current.digestService,
        },
        {
          entry: [SETTING_KEYS.digestUrl, digest.url, TEXT_FORMAT] as const,
          changed: digest.url !== current.digestUrl,
        },
        {
          entry: [SETTING_KEYS.digestLanguage, digest.language, TEXT_FORMAT] as const,
          changed: digest.language !== current.digestLanguage,
        },
        {
          entry: [SETTING_KEYS.digestHour, digest.hour, HOUR_FORMAT] as const,
          changed: digest.hour !== current.digestHour,
        },
      ].map((setting) => ({
        ...setting,
        changed: setting.changed || (digest.service !== 'off' && !rowOfKey.has(setting.entry[0])),
      }))
    : [];
  const entries = [
    ...wanted
      .filter((setting) => setting.changed || !rowOfKey.has(setting.entry[0]))
      .map((setting) => setting.entry),
    ...digestWanted.filter((setting) => setting.changed).map((setting) => setting.entry),
  ];
  // A save that changes a setting stamps Settings in the same writes (issue 17): script writes fire no change trigger,
  // so a scheduled run would otherwise skip a rebuild the new settings call for (src/gas/changeWatch.ts).
  if (entries.length > 0)
    entries.push([SETTING_KEYS.inputsChangedAtMs, new Date().toISOString(), TEXT_FORMAT]);
  writeEntries(sheet, rows, entries);
  return current;
}

/** [key, value, number format of the value cell] */
export type SettingsEntry = readonly [string, Cell, string];

/**
 * Sets key/value rows the add-on itself maintains (last run, schedule) in the Settings sheet, creating it with
 * defaults when missing. `rowsAsRead`: the sheet's values as this run just read them, to save reading them again.
 */
export function writeSettingsEntries(
  spreadsheet: Spreadsheet,
  entries: readonly SettingsEntry[],
  rowsAsRead?: CellGrid,
): void {
  const sheet = settingsSheet(spreadsheet);
  writeEntries(sheet, rowsAsRead ?? readSheetValues(sheet), entries);
}

/**
 * Keeps `rate` as the last good USD→CNY rate of `day` (src/server/fxMemory.ts), writing only when it changed: most
 * builds of a day read the same rate, and an unchanged Settings sheet costs one read and no write.
 */
export function rememberFxRate(spreadsheet: Spreadsheet, rate: number, day: string): void {
  const sheet = settingsSheet(spreadsheet);
  const rows = readSheetValues(sheet);
  const current = new Map(rows.map((row) => [settingKeyOf(row[0]), row[1]]));
  if (current.get(FX_MEMORY_KEYS.rate) === rate && String(current.get(FX_MEMORY_KEYS.date) ?? '') === day)
    return;
  writeEntries(sheet, rows, [
    [FX_MEMORY_KEYS.rate, rate, RATE_FORMAT],
    [FX_MEMORY_KEYS.date, day, TEXT_FORMAT],
  ]);
}

/**
 * The 1-based row of each key in column A. When a user repeated a key the last row counts, as settingsFromRows reads
 * it: a write into another row would look like a save that did nothing.
 */
function keyRows(rows: CellGrid): Map<string, number> {
  const rowOfKey = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = settingKeyOf(row[0]);
    if (key) rowOfKey.set(key, index + 1);
  });
  return rowOfKey;
}

/**
 * Sets each entry's value cell, appending the keys that are missing below the last row. Rows are found by key, so rows
 * a user added are left alone, and only value cells are written: rewriting the whole sheet from getValues would replace
 * the live GOOGLEFINANCE formula with its last value. Existing keys in consecutive rows are written together, so the
 * usual case (the five last-run rows) is one setValues, and all missing keys are appended in one more.
 */
function writeEntries(sheet: Sheet, rows: CellGrid, entries: readonly SettingsEntry[]): void {
  const rowOfKey = keyRows(rows);
  const placed: { row: number; entry: SettingsEntry }[] = [];
  const missing: SettingsEntry[] = [];
  for (const entry of entries) {
    const row = rowOfKey.get(entry[0]);
    if (row === undefined) missing.push(entry);
    else placed.push({ row, entry });
  }
  placed.sort((a, b) => a.row - b.row);
  let start = 0;
  while (start < placed.length) {
    let end = start;
    while (end + 1 < placed.length && (placed[end + 1]?.row ?? 0) === (placed[end]?.row ?? 0) + 1) end++;
    const run = placed.slice(start, end + 1);
    const range = sheet.getRange(run[0]?.row ?? 1, 2, run.length, 1);
    range.setNumberFormats(run.map(({ entry }) => [entry[2]]));
    range.setValues(run.map(({ entry }) => [entry[1]]));
    start = end + 1;
  }
  if (missing.length > 0) {
    const firstRow = Math.max(rows.length, 1) + 1;
    ensureSheetSize(sheet, firstRow + missing.length - 1, 2);
    const range = sheet.getRange(firstRow, 1, missing.length, 2);
    range.setNumberFormats(missing.map((entry) => [TEXT_FORMAT, entry[2]]));
    range.setValues(missing.map((entry) => [entry[0], entry[1]]));
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
