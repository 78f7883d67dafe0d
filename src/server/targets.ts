/**
 * Menu: Fill targets from the last 30 days. Creates the Targets sheet when missing and appends baseline targets for
 * metrics that have none, never changing a target the user wrote.
 */
import { type Cell, isDateCell } from '../core/cell';
import { translate } from '../core/i18n';
import { type Settings } from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { type SummaryRow } from '../core/summary/types';
import { baselineTargets } from '../core/targets/baseline';
import { TARGET_COLUMNS, targetsFromGrid } from '../core/targets/targets';
import { isoDateInZone } from '../core/time';
import { CHANNELS, type Channel } from '../core/model';
import { markInputsChanged } from '../gas/changeWatch';
import { readSettings, settingsLanguage } from '../gas/settings';
import { ensureSheetSize, findOwnedSheet, getOrCreateSheet, readSheetValues } from '../gas/sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Number formats of the Targets columns: names stay text, window dates are dates, targets plain numbers. */
const TARGET_FORMATS: Readonly<Record<(typeof TARGET_COLUMNS)[number], string>> = {
  metric: '@',
  scope: '@',
  scope_value: '@',
  period: '@',
  target: '0.####',
  direction: '@',
  tolerance: '0.##%',
  window: '@',
  window_start: 'yyyy-mm-dd',
  window_end: 'yyyy-mm-dd',
};

/** The KPI Summary's rows back from the sheet (one read), for the baseline. */
export function readSummaryRows(spreadsheet: Spreadsheet): SummaryRow[] {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.summary);
  if (!sheet) return [];
  const grid = readSheetValues(sheet);
  const header = (grid[0] ?? []).map((cell) => String(cell).trim());
  const column = (name: string): number => header.indexOf(name);
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const number = (row: Cell[], name: string): number => {
    const value = row[column(name)];
    return typeof value === 'number' ? value : Number(value) || 0;
  };
  const optional = (row: Cell[], name: string): number | null => {
    const index = column(name);
    const value = index < 0 ? '' : row[index];
    return typeof value === 'number' ? value : null;
  };
  const rows: SummaryRow[] = [];
  for (const row of grid.slice(1)) {
    const dateCell = row[column('date')];
    // A date cell is the day the sheet shows: its wall clock in the spreadsheet's zone (PLATFORM §9).
    const date = isDateCell(dateCell)
      ? isoDateInZone(dateCell.getTime(), zone)
      : String(dateCell ?? '').slice(0, 10);
    const channel = String(row[column('channel')] ?? '') as Channel;
    if (!date || !CHANNELS.includes(channel)) continue;
    rows.push({
      date,
      channel,
      sku: String(row[column('sku')] ?? ''),
      units: number(row, 'units'),
      orders: number(row, 'orders'),
      revenue: number(row, 'revenue'),
      adSpend: number(row, 'ad_spend'),
      adSales: number(row, 'ad_sales'),
      adClicks: number(row, 'ad_clicks'),
      adImpressions: number(row, 'ad_impressions'),
      returnedUnits: number(row, 'returned_units'),
      cogs: optional(row, 'cogs'),
      fees: optional(row, 'fees'),
      feesEstimated: false,
      grossProfit: optional(row, 'gross_profit'),
    });
  }
  return rows;
}

/** Appends baseline targets; returns how many rows were added. */
export function fillBaselineTargets(
  spreadsheet: Spreadsheet,
  settings: Settings,
  now: number,
): { added: number; from: string; to: string } {
  const sheet = getOrCreateSheet(spreadsheet, OWNED_SHEETS.targets);
  let grid = readSheetValues(sheet);
  if (grid.length === 0) {
    const range = sheet.getRange(1, 1, 1, TARGET_COLUMNS.length);
    range.setNumberFormats([TARGET_COLUMNS.map(() => '@')]);
    range.setValues([[...TARGET_COLUMNS]]);
    sheet.setFrozenRows(1);
    grid = [[...TARGET_COLUMNS]];
  }
  const { targets } = targetsFromGrid(grid, spreadsheet.getSpreadsheetTimeZone());
  const today = isoDateInZone(now, settings.reportingTimeZone);
  const baseline = baselineTargets(readSummaryRows(spreadsheet), targets, today);
  if (baseline.rows.length > 0) {
    // The rows follow the sheet's own header order, so a user who moved columns keeps them.
    const header = (grid[0] ?? []).map((cell) => String(cell).trim().toLowerCase());
    const width = Math.max(header.length, 1);
    const rows = baseline.rows.map((row) => {
      const out: Cell[] = Array<Cell>(width).fill('');
      TARGET_COLUMNS.forEach((name, index) => {
        const at = header.indexOf(name);
        if (at >= 0) out[at] = row[index] ?? '';
      });
      return out;
    });
    const formats = rows.map(() =>
      header.map((name) => TARGET_FORMATS[name as (typeof TARGET_COLUMNS)[number]] ?? '@'),
    );
    const firstRow = grid.length + 1;
    ensureSheetSize(sheet, firstRow + rows.length - 1, width);
    const range = sheet.getRange(firstRow, 1, rows.length, width);
    range.setNumberFormats(formats);
    range.setValues(rows);
  }
  return { added: baseline.rows.length, from: baseline.from, to: baseline.to };
}

/** Menu: Fill targets from the last 30 days. */
export function fillTargetsFromActuals(): number {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = readSettings(spreadsheet);
  const result = fillBaselineTargets(spreadsheet, settings, Date.now());
  if (result.added > 0) markInputsChanged(spreadsheet);
  const language = settingsLanguage(settings);
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    translate(language, 'targets.title'),
    result.added > 0
      ? translate(language, 'targets.filled', { count: result.added, from: result.from, to: result.to })
      : translate(language, 'targets.nothingToFill'),
    ui.ButtonSet.OK,
  );
  return result.added;
}
