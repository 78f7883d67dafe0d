/**
 * Thin adapters over SpreadsheetApp for reading and writing whole tables. Every read is one `getValues` call and
 * every output one `setValues` call (plus one `setNumberFormats`), whatever the row count: each call is a round trip
 * to Google's servers (PLATFORM §3).
 */
import { type Cell, type CellGrid } from '../core/cell';
import { type OwnedSheetName } from '../core/sheetNames';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * All cells of a sheet's data range; `[]` for an empty sheet. Two round trips (getDataRange, getValues): asking
 * getLastRow and getLastColumn first would be two more per sheet, and an empty sheet's data range is A1 alone anyway.
 */
export function readSheetValues(sheet: Sheet): CellGrid {
  const values = sheet.getDataRange().getValues() as CellGrid;
  const onlyCell = values.length === 1 && values[0]?.length === 1 ? values[0][0] : undefined;
  return onlyCell === '' ? [] : values;
}

/** How Sheets should store a column of an output table. */
export type ColumnFormat =
  /** Plain text (number format "@"): SKUs such as 00501 or 3-4 and any export text stay exactly as written. */
  | 'text'
  /** A real date cell shown as yyyy-mm-dd; the value is written as `yyyy-MM-dd` text, which Sheets parses as a date. */
  | 'date'
  | 'integer'
  | 'money'
  /** A fraction shown as a percent (0.25 → 25.00%). */
  | 'percent'
  | 'number';

const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: '@',
  date: 'yyyy-mm-dd',
  integer: '0',
  money: '#,##0.00',
  percent: '0.00%',
  number: '0.####',
};

export interface OutputTable {
  header: readonly string[];
  formats: readonly ColumnFormat[];
  rows: readonly (readonly Cell[])[];
}

/**
 * The add-on's own sheet `name`, matched without regard to case. getSheetByName is case-sensitive, but sheet names
 * are unique case-insensitively (insertSheet("Costs") throws beside a "costs"): a user's "costs" tab is the Costs
 * sheet, never a second one to create.
 */
export function findOwnedSheet(spreadsheet: Spreadsheet, name: OwnedSheetName): Sheet | null {
  const exact = spreadsheet.getSheetByName(name);
  if (exact) return exact;
  const wanted = name.toLowerCase();
  return spreadsheet.getSheets().find((sheet) => sheet.getName().trim().toLowerCase() === wanted) ?? null;
}

/** The add-on's sheet `name` (any case), created at the end of the workbook when missing. */
export function getOrCreateSheet(spreadsheet: Spreadsheet, name: OwnedSheetName): Sheet {
  return findOwnedSheet(spreadsheet, name) ?? spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
}

/** Grows `sheet` to at least `rows` × `columns`: getRange outside the sheet's size throws (PLATFORM §9). */
export function ensureSheetSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Rewrites an add-on-owned sheet in place with `table`: the sheet keeps its id (Looker Studio's data source points at
 * its gid), number formats go first so that text stays text, and rows left over from a longer previous build are
 * blanked in the same single write.
 */
export function writeTable(spreadsheet: Spreadsheet, name: OwnedSheetName, table: OutputTable): Sheet {
  const width = table.header.length;
  if (table.formats.length !== width)
    throw new Error(`${name}: ${width} headers but ${table.formats.length} formats`);
  const sheet = getOrCreateSheet(spreadsheet, name);
  const previousRows = sheet.getLastRow();
  const previousColumns = sheet.getLastColumn();
  const height = Math.max(table.rows.length + 1, previousRows, 1);
  const fullWidth = Math.max(width, previousColumns);
  ensureSheetSize(sheet, height, fullWidth);

  const formatRow = [
    ...table.formats.map((format) => NUMBER_FORMATS[format]),
    ...Array(fullWidth - width).fill('@'),
  ];
  const blankRow: Cell[] = Array<Cell>(fullWidth).fill('');
  const values: Cell[][] = new Array<Cell[]>(height);
  // The header row is text too: a header such as "-5%" must not become a number.
  values[0] = [...table.header, ...blankRow.slice(width)];
  for (let index = 1; index < height; index++) {
    const row = table.rows[index - 1];
    if (!row) {
      values[index] = blankRow.slice();
      continue;
    }
    if (row.length !== width)
      throw new Error(`${name}: row ${index + 1} has ${row.length} cells, expected ${width}`);
    values[index] = fullWidth === width ? (row as Cell[]) : [...row, ...blankRow.slice(width)];
  }
  const formats = values.map((_, index) => (index === 0 ? Array<string>(fullWidth).fill('@') : formatRow));
  const range = sheet.getRange(1, 1, height, fullWidth);
  range.setNumberFormats(formats);
  range.setValues(values);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return sheet;
}
