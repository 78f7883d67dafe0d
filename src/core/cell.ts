/**
 * What `Range.getValues()` returns for one cell, and what a custom function receives for one cell of a range:
 * a number, a boolean, a string (`""` for an empty cell) or a Date.
 */
export type Cell = string | number | boolean | Date;

/** A 2-D block of cells, row-major, as `getValues()` returns it. */
export type CellGrid = Cell[][];

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
