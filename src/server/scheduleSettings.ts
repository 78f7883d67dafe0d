/**
 * Writes key/value rows the add-on itself maintains (last run, schedule) into the Settings sheet. Rows are found by
 * key and only their value cells are written: rewriting the whole sheet from getValues would replace the live
 * GOOGLEFINANCE formula with its last value.
 */
import { type Cell } from '../core/cell';
import { OWNED_SHEETS } from '../core/sheetNames';
import { defaultSettingsRows } from '../gas/settings';
import { ensureSheetSize, readSheetValues } from '../gas/sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** [key, value, number format of the value cell] */
export type SettingsEntry = readonly [string, Cell, string];

function settingsSheet(spreadsheet: Spreadsheet): Sheet {
  const existing = spreadsheet.getSheetByName(OWNED_SHEETS.settings);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(OWNED_SHEETS.settings, spreadsheet.getSheets().length);
  const defaults = defaultSettingsRows();
  const range = sheet.getRange(1, 1, defaults.length, 2);
  // Keys and text values stay text; the FX cell gets a number format so its formula's result shows as a rate.
  range.setNumberFormats(
    defaults.map((row) => [
      '@',
      typeof row[1] === 'number' || String(row[1]).startsWith('=') ? '0.####' : '@',
    ]),
  );
  range.setValues(defaults);
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * Sets each entry's value, appending the keys that are missing below the last row. Existing keys that sit in
 * consecutive rows are written together, so the usual case (the five last-run rows) is one setValues.
 */
export function writeSettingsEntries(spreadsheet: Spreadsheet, entries: readonly SettingsEntry[]): void {
  const sheet = settingsSheet(spreadsheet);
  const rows = readSheetValues(sheet);
  const rowOfKey = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = String(row[0] ?? '')
      .trim()
      .toLowerCase();
    if (key && !rowOfKey.has(key)) rowOfKey.set(key, index + 1);
  });

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
    range.setNumberFormats(missing.map((entry) => ['@', entry[2]]));
    range.setValues(missing.map((entry) => [entry[0], entry[1]]));
  }
}
