/**
 * What `Range.getValues()` returns for one cell, and what a custom function receives for one cell of a range:
 * a number, a boolean, a string (`""` for an empty cell) or a Date.
 */
export type Cell = string | number | boolean | Date;

/** A 2-D block of cells, row-major, as `getValues()` returns it. */
export type CellGrid = Cell[][];

/**
 * A sheet's rows as a parse reads them, cell by cell. A CellGrid is read through one (sheetRowsOf in
 * reports/columns.ts); a sheet the build read in column runs below its top rows is another (RunRows there), whose
 * cells stay in the arrays getValues returned: no row array is assembled for each sheet row (issue 17: 29 MB a build
 * at 100,000 order lines, all of it alive until the parse ends).
 */
export interface SheetRows {
  /** Rows in the sheet as read (top rows and the rows below them). */
  readonly length: number;
  /** The rows read in full at the top of the sheet (where detection searches the header): all of them for a grid. */
  readonly top: CellGrid;
  /** The cell at a 0-based row and column: '' past the row's end or in a column that was not read. */
  cell(rowIndex: number, column: number): Cell;
  /**
   * A whole row, every read column at its own place and blanks between (undefined past the last row): for the few
   * checks that look at all of a row's cells (a repeated header, a preamble). Assembled on each call when read in runs.
   */
  row(rowIndex: number): readonly Cell[] | undefined;
  /** True when every cell the row has (of those read) is blank once cleaned (cellText). */
  isBlankRow(rowIndex: number): boolean;
}

/** What a parse accepts: the grid itself (tests, a sheet read whole) or the rows of a sheet read in column runs. */
export type RowsRead = CellGrid | SheetRows;

/**
 * True for a Date from any JS realm. The built add-on runs inside a vm context in tests (and Apps Script hands over
 * Dates made by its own host), so `instanceof Date` is not reliable there.
 */
export function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** An empty cell: Sheets gives `""`; a custom function may also see `undefined` for an omitted argument. */
export function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}
