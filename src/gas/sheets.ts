/**
 * Thin adapters over SpreadsheetApp for reading and writing whole tables. Every read is one `getValues` call (a source
 * sheet: its top rows, then one per run of the columns its report reads) and every output one `setValues` call (plus
 * its number formats, per column and only where they changed), whatever the row count: each call is a round trip to
 * Google's servers (PLATFORM §3).
 */
import { type Cell, type CellGrid, isDateCell, type RowsRead } from '../core/cell';
import { columnRuns, RunRows, spareCellsFor } from '../core/reports/columns';
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

/** A source sheet's top rows, read in full, and its size: what detection and the column plan need. */
export interface SheetTop {
  /** The first rows, every column; `[]` for an empty sheet. */
  rows: CellGrid;
  /** The data range's last row and column (1-based); 0 for an empty sheet. */
  lastRow: number;
  lastColumn: number;
}

/**
 * The first `rowCount` rows of `sheet`, every column. Two round trips (getDataRange, getValues), as for a whole
 * sheet: the data range's size is Range geometry, which costs no call.
 */
export function readSheetTop(sheet: Sheet, rowCount: number): SheetTop {
  const dataRange = sheet.getDataRange();
  const lastRow = dataRange.getNumRows();
  const lastColumn = dataRange.getNumColumns();
  const rows = sheet.getRange(1, 1, Math.min(rowCount, lastRow), lastColumn).getValues() as CellGrid;
  const onlyCell = lastRow === 1 && lastColumn === 1 ? rows[0]?.[0] : undefined;
  return onlyCell === '' ? { rows: [], lastRow: 0, lastColumn: 0 } : { rows, lastRow, lastColumn };
}

/**
 * The whole grid of a sheet whose top rows were read: below them only `columns` (0-based, ascending; null for every
 * column), one getValues per contiguous run whatever the row count, laid back at their own positions
 * (src/core/reports/columns.ts).
 */
export function readColumnsBelow(sheet: Sheet, top: SheetTop, columns: readonly number[] | null): RowsRead {
  const firstRow = top.rows.length + 1;
  const height = top.lastRow - top.rows.length;
  if (height <= 0) return top.rows;
  if (columns === null) {
    const rest = sheet.getRange(firstRow, 1, height, top.lastColumn).getValues() as CellGrid;
    return top.rows.concat(rest);
  }
  const inGrid = columns.filter((column) => column < top.lastColumn);
  const runs = columnRuns(inGrid, spareCellsFor(inGrid));
  const values = runs.map(
    ({ start, width }) => sheet.getRange(firstRow, start + 1, height, width).getValues() as CellGrid,
  );
  return new RunRows(top.rows, runs, values);
}

/**
 * The header and the first and last of the data rows a table write may keep (rows 1, 2 and `kept` + 1), as the sheet
 * holds them, in two calls: enough to notice a sorted, shortened, renamed or pasted-over sheet before rows are written
 * below them.
 */
export interface KeptRowsCheck {
  kept: number;
  /** True when the sheet's cells of those two rows are the table's (`first` and `last`: the sheet's, as read). */
  holds(first: readonly Cell[], last: readonly Cell[]): boolean;
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
  /**
   * Formats of particular rows (by index into `rows`) where they differ from the columns' own: a second block with its
   * own header below the first (the Reconciliation sheet's comparison of principal with revenue).
   */
  rowFormats?: ReadonlyMap<number, readonly ColumnFormat[]>;
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
 * The rows of `table` (not its header) below the last row of `sheet`, in the table's column formats: one call for the
 * formats, one for the values. For a step after the build that adds to a sheet the build wrote whole (the BigQuery
 * loads' Data Issues).
 */
export function appendTableRows(sheet: Sheet, table: OutputTable): void {
  const width = table.header.length;
  if (table.rows.length === 0 || width === 0) return;
  const first = sheet.getLastRow() + 1;
  ensureSheetSize(sheet, first + table.rows.length - 1, width);
  const range = sheet.getRange(first, 1, table.rows.length, width);
  const formats = table.formats.map((format) => NUMBER_FORMATS[format]);
  range.setNumberFormats(table.rows.map(() => formats));
  range.setValues(table.rows.map((row) => [...row]));
}

/**
 * Sheets refuses a cell of more than 50,000 characters ("Your input contains more than the maximum of 50000
 * characters in a single cell"), and a NaN, an Infinity or an invalid Date is an arithmetic bug that must not reach a
 * sheet (the build would die with "Invalid argument" halfway through its writes).
 */
export const MAX_CELL_CHARACTERS = 50_000;

/** A value an output table may not hold, found before the first write; `row` is the 1-based sheet row. */
export class OutputCheckError extends Error {
  constructor(
    readonly sheet: OwnedSheetName,
    readonly row: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'OutputCheckError';
  }
}

/** Throws OutputCheckError for the first cell Sheets would refuse or that is not a value at all. */
export function checkCells(
  name: OwnedSheetName,
  rows: readonly (readonly unknown[])[],
  firstRow: number,
): void {
  rows.forEach((row, index) => {
    row.forEach((cell, column) => {
      const problem = cellProblem(cell);
      if (problem) throw new OutputCheckError(name, firstRow + index, `column ${column + 1}: ${problem}`);
    });
  });
}

function cellProblem(cell: unknown): string | null {
  if (typeof cell === 'string')
    return cell.length > MAX_CELL_CHARACTERS ? `${cell.length} characters, more than a cell holds` : null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? null : `the number ${cell}`;
  if (typeof cell === 'boolean') return null;
  if (isDateCell(cell)) return Number.isNaN(cell.getTime()) ? 'an invalid date' : null;
  return `a value of type ${cell === null ? 'null' : typeof cell}`;
}

/**
 * Checks `table` in full before anything is written (SPEC §2a "All or nothing"): the shape writeTable relies on and
 * every cell. Once every output passes, a write can only fail for reasons of the platform, not of our data.
 */
export function checkTable(name: OwnedSheetName, table: OutputTable): void {
  const width = table.header.length;
  if (table.formats.length !== width)
    throw new OutputCheckError(name, 1, `${width} headers but ${table.formats.length} formats`);
  checkCells(name, [table.header], 1);
  table.rows.forEach((row, index) => {
    if (row.length !== width)
      throw new OutputCheckError(name, index + 2, `${row.length} cells, expected ${width}`);
  });
  checkCells(name, table.rows, 2);
  for (const [index, formats] of table.rowFormats ?? []) {
    if (formats.length !== width)
      throw new OutputCheckError(name, index + 2, `${formats.length} formats, expected ${width}`);
  }
}

/**
 * Number formats of an owned sheet's columns, set only where they changed (issue 17). A table's column has one format
 * from row 2 down (the header row is text), so the formats the sheet holds are read from its first two rows in one
 * call; a column whose format differs is set from row 2 to `height`, and when the table grew, the new rows below
 * `previousRows` get their column's format. Every range that takes one format is set by one RangeList call
 * (reference/spreadsheet/range-list setNumberFormat): one format string per distinct format, where writing a format
 * per cell sent as many formats as values; a rebuild of the same rows sets none.
 */
function setColumnFormats(
  sheet: Sheet,
  formatRow: readonly string[],
  previousRows: number,
  height: number,
): void {
  const width = formatRow.length;
  const held: readonly Cell[][] =
    previousRows >= 2 ? (sheet.getRange(1, 1, 2, width).getNumberFormats() as Cell[][]) : [];
  const rangesByFormat = new Map<string, string[]>();
  let span: { format: string; from: number; column: number; columns: number } | null = null;
  const flush = (): void => {
    if (!span) return;
    const rows = span.from === 1 ? 1 : height - span.from + 1;
    if (rows < 1) {
      span = null;
      return;
    }
    const a1 = sheet.getRange(span.from, span.column + 1, rows, span.columns).getA1Notation();
    rangesByFormat.set(span.format, [...(rangesByFormat.get(span.format) ?? []), a1]);
    span = null;
  };
  const add = (format: string, from: number, column: number): void => {
    if (span && span.format === format && span.from === from && span.column + span.columns === column) {
      span.columns++;
      return;
    }
    flush();
    span = { format, from, column, columns: 1 };
  };
  // The header row (text) first, then each column's data rows: neighbouring columns alike make one range.
  for (let column = 0; column < width; column++) if (held[0]?.[column] !== '@') add('@', 1, column);
  flush();
  for (let column = 0; column < width; column++) {
    const format = formatRow[column] ?? '@';
    if (held[1]?.[column] !== format) add(format, 2, column);
    else if (height > previousRows) add(format, previousRows + 1, column);
  }
  flush();
  for (const [format, ranges] of rangesByFormat) sheet.getRangeList(ranges).setNumberFormat(format);
}

/**
 * `count` rows of `table` from its row `first` (0-based, below the header) as written `fullWidth` cells wide: blank
 * where the table has no row (a longer previous build's leftovers) and beyond its columns (a user's extra columns).
 */
function rowsToWrite(
  name: string,
  table: OutputTable,
  first: number,
  count: number,
  fullWidth: number,
): Cell[][] {
  const width = table.header.length;
  const blankRow: Cell[] = Array<Cell>(fullWidth).fill('');
  const values: Cell[][] = new Array<Cell[]>(count);
  for (let index = 0; index < count; index++) {
    const row = table.rows[first + index];
    if (!row) {
      values[index] = blankRow.slice();
      continue;
    }
    if (row.length !== width)
      throw new Error(`${name}: row ${first + index + 2} has ${row.length} cells, expected ${width}`);
    values[index] = fullWidth === width ? (row as Cell[]) : [...row, ...blankRow.slice(width)];
  }
  return values;
}

/**
 * Writes `table` below its first `check.kept` data rows, which the sheet already holds from an earlier write, and
 * blanks rows left over below; returns false, having written nothing, when the sheet is missing, shorter than those
 * rows, its header or its first and last kept rows are not the table's (then write it whole with writeTable). The
 * header row is not written: the caller keeps rows only under the same header. For the KPI Summary's frozen days (issue 17): years
 * of them are otherwise written again by every build.
 */
export function writeTableBelowKeptRows(
  spreadsheet: Spreadsheet,
  name: OwnedSheetName,
  table: OutputTable,
  check: KeptRowsCheck,
): boolean {
  const { kept } = check;
  const width = table.header.length;
  const sheet = findOwnedSheet(spreadsheet, name);
  if (!sheet || kept < 1 || kept > table.rows.length || table.rowFormats) return false;
  const previousRows = sheet.getLastRow();
  if (previousRows < kept + 1 || sheet.getLastColumn() !== width) return false;
  const [header, first] = sheet.getRange(1, 1, 2, width).getValues() as Cell[][];
  const last = (sheet.getRange(kept + 1, 1, 1, width).getValues()[0] ?? []) as Cell[];
  // The header as written (text cells), so that Looker Studio's fields keep their names.
  const headerHeld = table.header.every((name, column) => header?.[column] === name);
  if (!headerHeld || !first || !check.holds(first, last)) return false;
  const height = Math.max(table.rows.length + 1, previousRows);
  ensureSheetSize(sheet, height, width);
  setColumnFormats(
    sheet,
    table.formats.map((format) => NUMBER_FORMATS[format]),
    previousRows,
    height,
  );
  const below = height - (kept + 1);
  if (below > 0)
    sheet.getRange(kept + 2, 1, below, width).setValues(rowsToWrite(name, table, kept, below, width));
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return true;
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
  // The header row is text too: a header such as "-5%" must not become a number.
  const values: Cell[][] = [
    [...table.header, ...Array<Cell>(fullWidth - width).fill('')],
    ...rowsToWrite(name, table, 0, height - 1, fullWidth),
  ];
  const range = sheet.getRange(1, 1, height, fullWidth);
  if (table.rowFormats) {
    // Rows with their own formats move between builds, so a column is not one format top to bottom: every cell's
    // format is written (the Reconciliation and KPI Review sheets, tens of rows; they always pass rowFormats).
    const textRow = Array<string>(fullWidth).fill('@');
    range.setNumberFormats(
      values.map((_, index) => {
        if (index === 0) return textRow;
        const own = table.rowFormats?.get(index - 1);
        return own ? [...own.map((format) => NUMBER_FORMATS[format]), ...textRow.slice(width)] : formatRow;
      }),
    );
  } else {
    setColumnFormats(sheet, formatRow, previousRows, height);
  }
  range.setValues(values);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return sheet;
}
