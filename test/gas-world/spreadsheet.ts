/**
 * The in-memory workbook: Spreadsheet, Sheet and Range with the Apps Script behaviours PLATFORM §9 lists. Rows are
 * plain arrays of stored cells; formulas, number formats and styles live in a sparse per-row map, so a 100,000-row
 * sheet costs one small array per row.
 */
import { a1Notation, parseA1 } from './a1';
import { assertTimeZone, instantOfSerial, isAnyRealmDate } from './dates';
import { displayText } from './display';
import { evaluateFormula } from './formula';
import { type Runtime } from './runtime';
import {
  DEFAULT_NUMBER_FORMAT,
  SerialDate,
  assertWritable,
  parseTyped,
  storedFromWrite,
  type ParsedInput,
  type StoredCell,
  type WritableValue,
} from './values';

type Cell = string | number | boolean | Date;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A new sheet is 1000 rows × 26 columns (A–Z) [Sheets UI and Spreadsheet.insertSheet; PLATFORM §9]. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOR = '#000000';
const DEFAULT_FONT_WEIGHT = 'normal';
/** Sheets' default column width in pixels. */
const DEFAULT_COLUMN_WIDTH = 100;

interface CellMeta {
  formula?: string;
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  note?: string;
}

export interface WorkbookEnvironment {
  readonly runtime: Runtime;
  fxRateUsdCny(): number | undefined;
  isCustomFunction(name: string): boolean;
}

/** Exact Apps Script messages, collected here so tests and README can cite them. */
export const MESSAGES = {
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  /** Same wording as the Sheets API's addSheet error ("A sheet with the name \"X\" already exists. Please enter another name."). */
  duplicateSheet: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  rangeNotFound: 'Range not found',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  tooFewRows: 'The number of rows in the range must be at least 1.',
  tooFewColumns: 'The number of columns in the range must be at least 1.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  deleteLastSheet:
    'Sorry, it is not possible to delete all sheets. A spreadsheet must contain at least one sheet.',
  hideLastSheet:
    'Sorry, it is not possible to hide all sheets. A spreadsheet must contain at least one visible sheet.',
  /** [inf] Apps Script refuses a stale Sheet; the exact wording is not documented. */
  deletedSheet: (name: string) => `The sheet "${name}" has been deleted.`,
} as const;

function assertPositiveInteger(value: number, what: string): void {
  if (!Number.isInteger(value))
    throw new Error(`Invalid argument: ${what} must be an integer, got ${value}.`);
}

export class FakeSpreadsheet implements Pick<
  Spreadsheet,
  'getId' | 'getName' | 'getUrl' | 'getSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'getNumSheets'
> {
  private readonly sheetList: FakeSheet[] = [];
  private activeSheet: FakeSheet | null = null;
  private nextSheetId = 0;
  private timeZone: string;

  constructor(
    readonly env: WorkbookEnvironment,
    private readonly id: string,
    private name: string,
    timeZone: string,
    private readonly locale: string,
  ) {
    assertTimeZone(timeZone);
    this.timeZone = timeZone;
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(newName: string): void {
    this.env.runtime.require('writeDocument', 'rename');
    this.name = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  /** Stored cells keep their wall-clock serials: the same cell reads back as a different instant afterwards. */
  setSpreadsheetTimeZone(timeZone: string): this {
    this.env.runtime.require('writeDocument', 'setSpreadsheetTimeZone');
    assertTimeZone(timeZone);
    this.timeZone = timeZone;
    return this;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  getNumSheets(): number {
    return this.sheetList.length;
  }
  getSheets(): FakeSheet[] {
    return [...this.sheetList];
  }
  /** Exact, case-sensitive match, like Apps Script; null when absent. */
  getSheetByName(name: string): FakeSheet | null {
    return this.sheetList.find((sheet) => sheet.getName() === name) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this.sheetList.find((sheet) => sheet.getSheetId() === id) ?? null;
  }
  getActiveSheet(): FakeSheet {
    const active = this.activeSheet ?? this.sheetList[0];
    if (!active) throw new Error('The spreadsheet has no sheets.');
    return active;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.assertOwnSheet(sheet);
    this.activeSheet = sheet;
    return sheet;
  }
  getActiveRange(): FakeRange {
    return this.getActiveSheet().getRange(1, 1);
  }
  /** "Sheet1!A1:B2" (or an A1 range of the active sheet). */
  getRange(a1: string): FakeRange {
    const reference = parseA1(a1);
    if (!reference) throw new Error(MESSAGES.rangeNotFound);
    const sheet =
      reference.sheetName === null ? this.getActiveSheet() : this.getSheetByName(reference.sheetName);
    if (!sheet) throw new Error(MESSAGES.rangeNotFound);
    return sheet.getRange(a1.slice(a1.lastIndexOf('!') + 1));
  }

  /**
   * insertSheet(name?, index?): the index is 0-based (reference/spreadsheet/spreadsheet#insertSheet(String,Integer)).
   * Names are unique ignoring case, and the new sheet becomes the active one.
   */
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    this.env.runtime.require('writeDocument', 'insertSheet');
    this.env.runtime.calls.record('write', 'insertSheet', null);
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.nextDefaultName();
    const position = typeof nameOrIndex === 'number' ? nameOrIndex : (index ?? this.sheetList.length);
    this.assertNameFree(name, null);
    if (!Number.isInteger(position) || position < 0 || position > this.sheetList.length) {
      throw new Error(`Invalid argument: sheetIndex (${position})`);
    }
    const sheet = this.createSheet(name, NEW_SHEET_ROWS, NEW_SHEET_COLUMNS, position);
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.env.runtime.require('writeDocument', 'deleteSheet');
    this.assertOwnSheet(sheet);
    this.env.runtime.calls.record('write', 'deleteSheet', sheet.getName());
    if (this.sheetList.length === 1) throw new Error(MESSAGES.deleteLastSheet);
    this.sheetList.splice(this.sheetList.indexOf(sheet), 1);
    sheet.markDeleted();
    if (this.activeSheet === sheet) this.activeSheet = this.sheetList[0] ?? null;
  }

  /** Test: a user deletes `sheet` from the Sheets UI; no script call is counted. */
  removeSheetAsUser(sheet: FakeSheet): void {
    this.assertOwnSheet(sheet);
    if (this.sheetList.length === 1) throw new Error(MESSAGES.deleteLastSheet);
    this.sheetList.splice(this.sheetList.indexOf(sheet), 1);
    sheet.markDeleted();
    if (this.activeSheet === sheet) this.activeSheet = this.sheetList[0] ?? null;
  }

  toast(message: string, title = '', timeoutSeconds = 5): void {
    this.env.runtime.require('dialog', 'Spreadsheet.toast');
    this.env.runtime.ui.toasts.push({ message: String(message), title: String(title), timeoutSeconds });
  }

  /** Test seeding: a sheet of exactly the given size (at least the default 1000 × 26), no calls counted. */
  createSheet(name: string, rows: number, columns: number, position = this.sheetList.length): FakeSheet {
    this.assertNameFree(name, null);
    // Sheets gives the first sheet gid 0 and later ones large random ids; unique and never reused here.
    const sheetId = this.nextSheetId === 0 ? 0 : 1_000_000 + this.nextSheetId * 7919;
    this.nextSheetId += 1;
    const sheet = new FakeSheet(this, name, sheetId, rows, columns);
    this.sheetList.splice(position, 0, sheet);
    return sheet;
  }

  assertNameFree(name: string, except: FakeSheet | null): void {
    const lower = name.toLowerCase();
    const clash = this.sheetList.find((sheet) => sheet !== except && sheet.getName().toLowerCase() === lower);
    if (clash) throw new Error(MESSAGES.duplicateSheet(name));
  }

  indexOf(sheet: FakeSheet): number {
    return this.sheetList.indexOf(sheet);
  }

  visibleSheetCount(): number {
    return this.sheetList.filter((sheet) => !sheet.isSheetHidden()).length;
  }

  private nextDefaultName(): string {
    for (let number = this.sheetList.length + 1; ; number += 1) {
      const candidate = `Sheet${number}`;
      if (!this.sheetList.some((sheet) => sheet.getName().toLowerCase() === candidate.toLowerCase()))
        return candidate;
    }
  }

  private assertOwnSheet(sheet: FakeSheet): void {
    if (!this.sheetList.includes(sheet)) throw new Error(MESSAGES.deletedSheet(sheet.getName()));
  }
}

export class FakeSheet implements Pick<
  Sheet,
  | 'getName'
  | 'getSheetId'
  | 'getIndex'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getFrozenRows'
  | 'isSheetHidden'
  | 'getColumnWidth'
> {
  /** values[r][c], 0-based; a missing row or a short row means empty cells. Length is maxRows. */
  private values: (StoredCell[] | undefined)[];
  private meta: (Map<number, CellMeta> | undefined)[];
  private maxColumns: number;
  private frozenRows = 0;
  private hidden = false;
  private deleted = false;
  private readonly columnWidths = new Map<number, number>();
  /** Columns passed to autoResizeColumns, in order: the world records it, it has no text metrics to resize with. */
  readonly autoResized: number[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private name: string,
    private readonly sheetId: number,
    rows: number,
    columns: number,
  ) {
    this.values = new Array<StoredCell[] | undefined>(rows);
    this.meta = new Array<Map<number, CellMeta> | undefined>(rows);
    this.maxColumns = columns;
  }

  private get runtime(): Runtime {
    return this.spreadsheet.env.runtime;
  }

  /**
   * Every read of sheet content is a server round trip; geometry of a Range object is not. `cells`: how many cells
   * the call carries (a Range's rows × columns), counted so tests can see a read of columns nobody uses.
   */
  read(method: string, cells = 0): void {
    this.assertAlive();
    this.runtime.require('readDocument', method);
    this.runtime.calls.record('read', method, this.name, cells);
  }
  write(method: string, cells = 0): void {
    this.assertAlive();
    this.runtime.require('writeDocument', method);
    this.runtime.calls.record('write', method, this.name, cells);
  }
  markDeleted(): void {
    this.deleted = true;
  }
  private assertAlive(): void {
    if (this.deleted) throw new Error(MESSAGES.deletedSheet(this.name));
  }

  getParent(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.write('setName');
    this.spreadsheet.assertNameFree(name, this);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  /** 1-based position among the tabs. */
  getIndex(): number {
    return this.spreadsheet.indexOf(this) + 1;
  }
  getMaxRows(): number {
    this.read('getMaxRows');
    return this.values.length;
  }
  getMaxColumns(): number {
    this.read('getMaxColumns');
    return this.maxColumns;
  }
  /** The last row with a value or a formula; 0 for an empty sheet. */
  getLastRow(): number {
    this.read('getLastRow');
    return this.lastRowIndex();
  }
  getLastColumn(): number {
    this.read('getLastColumn');
    return this.lastColumnIndex();
  }
  getDataRange(): FakeRange {
    this.read('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRowIndex()), Math.max(1, this.lastColumnIndex()));
  }

  getRange(a1: string): FakeRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.assertAlive();
    if (typeof rowOrA1 === 'string') return this.rangeFromA1(rowOrA1);
    if (column === undefined) throw new Error('Invalid argument: column');
    for (const [value, what] of [
      [rowOrA1, 'row'],
      [column, 'column'],
      [numRows, 'numRows'],
      [numColumns, 'numColumns'],
    ] as const) {
      assertPositiveInteger(value, what);
    }
    if (rowOrA1 < 1) throw new Error(MESSAGES.startRowTooSmall);
    if (column < 1) throw new Error(MESSAGES.startColumnTooSmall);
    if (numRows < 1) throw new Error(MESSAGES.tooFewRows);
    if (numColumns < 1) throw new Error(MESSAGES.tooFewColumns);
    this.assertInside(rowOrA1, column, numRows, numColumns);
    return new FakeRange(this, rowOrA1, column, numRows, numColumns);
  }

  /**
   * Several ranges of this sheet (A1 notations) acted on as one: RangeList.setNumberFormat is one round trip for all
   * of them (reference/spreadsheet/range-list).
   */
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.assertAlive();
    return new FakeRangeList(
      this,
      a1Notations.map((a1) => this.rangeFromA1(a1)),
    );
  }

  private rangeFromA1(a1: string): FakeRange {
    const reference = parseA1(a1);
    if (!reference || (reference.sheetName !== null && reference.sheetName !== this.name)) {
      throw new Error(MESSAGES.rangeNotFound);
    }
    const startRow = reference.startRow ?? 1;
    const startColumn = reference.startColumn ?? 1;
    const endRow = reference.endRow ?? this.values.length;
    const endColumn = reference.endColumn ?? this.maxColumns;
    const top = Math.min(startRow, endRow);
    const left = Math.min(startColumn, endColumn);
    const numRows = Math.abs(endRow - startRow) + 1;
    const numColumns = Math.abs(endColumn - startColumn) + 1;
    this.assertInside(top, left, numRows, numColumns);
    return new FakeRange(this, top, left, numRows, numColumns);
  }

  assertInside(row: number, column: number, numRows: number, numColumns: number): void {
    if (row + numRows - 1 > this.values.length || column + numColumns - 1 > this.maxColumns) {
      throw new Error(MESSAGES.outsideSheet);
    }
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.write('insertRowsAfter');
    assertPositiveInteger(afterPosition, 'afterPosition');
    assertPositiveInteger(howMany, 'howMany');
    if (afterPosition < 1 || afterPosition > this.values.length || howMany < 1) {
      throw new Error(MESSAGES.rowsOutOfBounds);
    }
    this.values = withEmptyRows(this.values, afterPosition, howMany);
    this.meta = withEmptyRows(this.meta, afterPosition, howMany);
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.write('insertRowsBefore');
    if (beforePosition < 1 || beforePosition > this.values.length || howMany < 1) {
      throw new Error(MESSAGES.rowsOutOfBounds);
    }
    this.values = withEmptyRows(this.values, beforePosition - 1, howMany);
    this.meta = withEmptyRows(this.meta, beforePosition - 1, howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.write('insertColumnsAfter');
    assertPositiveInteger(afterPosition, 'afterPosition');
    assertPositiveInteger(howMany, 'howMany');
    if (afterPosition < 1 || afterPosition > this.maxColumns || howMany < 1) {
      throw new Error(MESSAGES.columnsOutOfBounds);
    }
    this.spliceColumns(afterPosition, 0, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.write('deleteRows');
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.values.length) {
      throw new Error(MESSAGES.rowsOutOfBounds);
    }
    if (howMany >= this.values.length - this.frozenRows) throw new Error(MESSAGES.deleteAllRows);
    this.values.splice(rowPosition - 1, howMany);
    this.meta.splice(rowPosition - 1, howMany);
  }
  deleteRow(rowPosition: number): void {
    this.deleteRows(rowPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.write('deleteColumns');
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) {
      throw new Error(MESSAGES.columnsOutOfBounds);
    }
    if (howMany >= this.maxColumns) throw new Error(MESSAGES.deleteAllColumns);
    this.spliceColumns(columnPosition - 1, howMany, 0);
  }

  private spliceColumns(start: number, deleteCount: number, insertCount: number): void {
    for (const row of this.values) {
      if (row && row.length > start)
        row.splice(start, deleteCount, ...new Array<StoredCell>(insertCount).fill(null));
    }
    this.meta = this.meta.map((rowMeta) => {
      if (!rowMeta) return rowMeta;
      const moved = new Map<number, CellMeta>();
      for (const [column, cellMeta] of rowMeta) {
        if (column < start) moved.set(column, cellMeta);
        else if (column >= start + deleteCount) moved.set(column - deleteCount + insertCount, cellMeta);
      }
      return moved;
    });
    this.maxColumns += insertCount - deleteCount;
  }

  /** Clears values, formulas and formats (Sheet.clear()). */
  clear(): this {
    this.write('clear');
    this.values = new Array<StoredCell[] | undefined>(this.values.length);
    this.meta = new Array<Map<number, CellMeta> | undefined>(this.values.length);
    return this;
  }
  /** Clears values and formulas, keeps formats (Sheet.clearContents()). */
  clearContents(): this {
    this.write('clearContents');
    this.values = new Array<StoredCell[] | undefined>(this.values.length);
    for (const rowMeta of this.meta) rowMeta?.forEach((cellMeta) => delete cellMeta.formula);
    return this;
  }
  clearFormats(): this {
    this.write('clearFormats');
    for (const rowMeta of this.meta) {
      rowMeta?.forEach((cellMeta, column) => {
        if (cellMeta.formula === undefined) rowMeta.delete(column);
        else rowMeta.set(column, { formula: cellMeta.formula });
      });
    }
    return this;
  }
  setFrozenRows(rows: number): void {
    this.write('setFrozenRows');
    if (rows < 0 || rows >= this.values.length) throw new Error(MESSAGES.rowsOutOfBounds);
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.read('getFrozenRows');
    return this.frozenRows;
  }
  hideSheet(): this {
    this.write('hideSheet');
    if (!this.hidden && this.spreadsheet.visibleSheetCount() === 1) throw new Error(MESSAGES.hideLastSheet);
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.write('showSheet');
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  activate(): this {
    this.spreadsheet.setActiveSheet(this);
    return this;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.write('autoResizeColumns');
    this.assertInside(1, startColumn, 1, numColumns);
    for (let column = startColumn; column < startColumn + numColumns; column += 1)
      this.autoResized.push(column);
    return this;
  }
  autoResizeColumn(column: number): this {
    return this.autoResizeColumns(column, 1);
  }
  setColumnWidth(column: number, width: number): this {
    this.write('setColumnWidth');
    this.assertInside(1, column, 1, 1);
    this.columnWidths.set(column, width);
    return this;
  }
  getColumnWidth(column: number): number {
    this.read('getColumnWidth');
    return this.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  // ---- storage, used by FakeRange and the world (no calls counted below this line) ----

  lastRowIndex(): number {
    for (let row = this.values.length - 1; row >= 0; row -= 1) {
      if (this.values[row]?.some((cell) => cell !== null && cell !== undefined)) return row + 1;
      const rowMeta = this.meta[row];
      if (rowMeta && [...rowMeta.values()].some((cellMeta) => cellMeta.formula !== undefined)) return row + 1;
    }
    return 0;
  }
  lastColumnIndex(): number {
    let last = 0;
    this.values.forEach((row, rowIndex) => {
      if (row) {
        for (let column = row.length - 1; column >= last; column -= 1) {
          const cell = row[column];
          if (cell !== null && cell !== undefined) {
            last = column + 1;
            break;
          }
        }
      }
      this.meta[rowIndex]?.forEach((cellMeta, column) => {
        if (cellMeta.formula !== undefined && column + 1 > last) last = column + 1;
      });
    });
    return last;
  }
  maxRowCount(): number {
    return this.values.length;
  }
  maxColumnCount(): number {
    return this.maxColumns;
  }
  storedAt(row: number, column: number): StoredCell {
    return this.values[row - 1]?.[column - 1] ?? null;
  }
  metaAt(row: number, column: number): CellMeta | undefined {
    return this.meta[row - 1]?.get(column - 1);
  }
  private metaFor(row: number, column: number): CellMeta {
    let rowMeta = this.meta[row - 1];
    if (!rowMeta) {
      rowMeta = new Map();
      this.meta[row - 1] = rowMeta;
    }
    let cellMeta = rowMeta.get(column - 1);
    if (!cellMeta) {
      cellMeta = {};
      rowMeta.set(column - 1, cellMeta);
    }
    return cellMeta;
  }
  setStyle(row: number, column: number, key: keyof CellMeta, value: string | undefined): void {
    if (value === undefined && !this.metaAt(row, column)) return;
    const cellMeta = this.metaFor(row, column);
    // Assigning undefined (rather than deleting) keeps the key set fixed; readers use `?? default`.
    cellMeta[key] = value;
  }
  private setStored(row: number, column: number, value: StoredCell): void {
    let rowValues = this.values[row - 1];
    if (!rowValues) {
      if (value === null) return;
      rowValues = [];
      this.values[row - 1] = rowValues;
    }
    while (rowValues.length < column - 1) rowValues.push(null);
    rowValues[column - 1] = value;
  }
  /** Stores one parsed input: value, formula (evaluated now) and the format the input implied. */
  applyInput(row: number, column: number, input: ParsedInput): void {
    const existing = this.metaAt(row, column);
    if (input.formula !== undefined) {
      const env = this.spreadsheet.env;
      this.metaFor(row, column).formula = input.formula;
      const result = evaluateFormula(input.formula, {
        fxRateUsdCny: env.fxRateUsdCny(),
        isCustomFunction: (name) => env.isCustomFunction(name),
      });
      this.setStored(row, column, result);
      return;
    }
    if (existing?.formula !== undefined) delete existing.formula;
    this.setStored(row, column, input.value);
    if (
      input.impliedFormat &&
      (existing?.numberFormat === undefined || existing.numberFormat === DEFAULT_NUMBER_FORMAT)
    ) {
      this.metaFor(row, column).numberFormat = input.impliedFormat;
    }
  }
  writeValue(row: number, column: number, value: WritableValue): void {
    const runtime = this.runtime;
    const input = storedFromWrite(
      value,
      this.metaAt(row, column)?.numberFormat,
      this.spreadsheet.getSpreadsheetTimeZone(),
      runtime.now,
    );
    this.applyInput(row, column, input);
  }
  /** The value getValues returns for a stored cell. */
  cellValue(row: number, column: number): Cell {
    const stored = this.storedAt(row, column);
    if (stored === null) return '';
    if (stored instanceof SerialDate) {
      return new Date(instantOfSerial(stored.serial, this.spreadsheet.getSpreadsheetTimeZone()));
    }
    return stored;
  }
  seedRow(
    row: number,
    cells: readonly (string | number | boolean | Date | null)[],
    mode: 'text' | 'typed',
    firstColumn = 1,
  ): void {
    // A user's paste past the grid's edge grows the sheet to fit it, rows and columns [mem: Sheets adds what a paste
    // needs; only a script's setValues beyond the grid throws] — a 33-column export pasted into a new 26-column tab.
    const lastColumn = firstColumn + cells.length - 1;
    if (lastColumn > this.maxColumns) this.maxColumns = lastColumn;
    if (row > this.values.length) {
      this.values.length = row;
      this.meta.length = row;
    }
    cells.forEach((cell, index) => {
      const column = firstColumn + index;
      if (mode === 'text' && typeof cell === 'string')
        this.applyInput(row, column, { value: cell === '' ? null : cell });
      else if (mode === 'typed' && typeof cell === 'string') {
        this.applyInput(
          row,
          column,
          parseTyped(cell, this.metaAt(row, column)?.numberFormat, this.currentYear()),
        );
      } else this.writeValue(row, column, cell);
    });
  }
  private currentYear(): number {
    return new Date(this.runtime.now).getUTCFullYear();
  }
}

type Grid<T> = T[][];

export class FakeRange implements Pick<
  Range,
  | 'getValues'
  | 'getDisplayValues'
  | 'getValue'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'getBackgrounds'
  | 'getBackground'
  | 'getFontColors'
  | 'getNotes'
  | 'getNote'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
> {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  getSheet(): FakeSheet {
    return this.sheet;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getA1Notation(): string {
    return a1Notation(this.row, this.column, this.numRows, this.numColumns);
  }
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw new Error(MESSAGES.outsideSheet);
    }
    return new FakeRange(this.sheet, this.row + row - 1, this.column + column - 1, 1, 1);
  }
  offset(
    rowOffset: number,
    columnOffset: number,
    numRows = this.numRows,
    numColumns = this.numColumns,
  ): FakeRange {
    return this.sheet.getRange(this.row + rowOffset, this.column + columnOffset, numRows, numColumns);
  }

  private map<T>(method: string, cell: (row: number, column: number) => T): Grid<T> {
    this.sheet.read(method, this.numRows * this.numColumns);
    // The sheet may have shrunk since this Range was made.
    this.sheet.assertInside(this.row, this.column, this.numRows, this.numColumns);
    const grid: Grid<T> = new Array<T[]>(this.numRows);
    for (let r = 0; r < this.numRows; r += 1) {
      const line = new Array<T>(this.numColumns);
      for (let c = 0; c < this.numColumns; c += 1) line[c] = cell(this.row + r, this.column + c);
      grid[r] = line;
    }
    return grid;
  }
  private first<T>(grid: Grid<T>): T {
    const value = grid[0]?.[0];
    if (value === undefined) throw new Error('Empty range');
    return value;
  }

  getValues(): Cell[][] {
    return this.map('getValues', (r, c) => this.sheet.cellValue(r, c));
  }
  getValue(): Cell {
    return this.first(this.topLeft().map('getValue', (r, c) => this.sheet.cellValue(r, c)));
  }
  getDisplayValues(): string[][] {
    return this.map('getDisplayValues', (r, c) => this.display(r, c));
  }
  getDisplayValue(): string {
    return this.first(this.topLeft().map('getDisplayValue', (r, c) => this.display(r, c)));
  }
  private display(row: number, column: number): string {
    return displayText(this.sheet.storedAt(row, column), this.sheet.metaAt(row, column)?.numberFormat);
  }
  getFormulas(): string[][] {
    return this.map('getFormulas', (r, c) => this.sheet.metaAt(r, c)?.formula ?? '');
  }
  getFormula(): string {
    return this.first(this.topLeft().map('getFormula', (r, c) => this.sheet.metaAt(r, c)?.formula ?? ''));
  }
  getNumberFormats(): string[][] {
    return this.map(
      'getNumberFormats',

      (r, c) => this.sheet.metaAt(r, c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT,
    );
  }
  getNumberFormat(): string {
    return this.first(
      this.topLeft().map(
        'getNumberFormat',

        (r, c) => this.sheet.metaAt(r, c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT,
      ),
    );
  }
  getBackgrounds(): string[][] {
    return this.map(
      'getBackgrounds',

      (r, c) => this.sheet.metaAt(r, c)?.background ?? DEFAULT_BACKGROUND,
    );
  }
  getBackground(): string {
    return this.first(
      this.topLeft().map(
        'getBackground',

        (r, c) => this.sheet.metaAt(r, c)?.background ?? DEFAULT_BACKGROUND,
      ),
    );
  }
  getFontColors(): string[][] {
    return this.map(
      'getFontColors',

      (r, c) => this.sheet.metaAt(r, c)?.fontColor ?? DEFAULT_FONT_COLOR,
    );
  }
  getFontWeights(): string[][] {
    return this.map(
      'getFontWeights',

      (r, c) => this.sheet.metaAt(r, c)?.fontWeight ?? DEFAULT_FONT_WEIGHT,
    );
  }
  getNotes(): string[][] {
    return this.map('getNotes', (r, c) => this.sheet.metaAt(r, c)?.note ?? '');
  }
  getNote(): string {
    return this.first(this.topLeft().map('getNote', (r, c) => this.sheet.metaAt(r, c)?.note ?? ''));
  }

  private topLeft(): FakeRange {
    return this.numRows === 1 && this.numColumns === 1
      ? this
      : new FakeRange(this.sheet, this.row, this.column, 1, 1);
  }

  private forEachCell(
    method: string,
    apply: (row: number, column: number, r: number, c: number) => void,
  ): this {
    this.sheet.write(method, this.numRows * this.numColumns);
    this.sheet.assertInside(this.row, this.column, this.numRows, this.numColumns);
    for (let r = 0; r < this.numRows; r += 1) {
      for (let c = 0; c < this.numColumns; c += 1) apply(this.row + r, this.column + c, r, c);
    }
    return this;
  }

  /** Checks shape like Apps Script: the row count first, then each row's column count. */
  private assertShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw new Error(
        `The parameters (${describe(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this.numRows) throw new Error(MESSAGES.rowsMismatch(data.length, this.numRows));
    for (const line of data as unknown[][]) {
      if (line.length !== this.numColumns)
        throw new Error(MESSAGES.columnsMismatch(line.length, this.numColumns));
    }
  }

  setValues(values: unknown[][]): this {
    this.assertShape(values, 'setValues');
    values.forEach((line, r) =>
      line.forEach((value, c) =>
        assertWritable(value, `${this.sheet.getName()}!${a1Notation(this.row + r, this.column + c, 1, 1)}`),
      ),
    );
    return this.forEachCell('setValues', (row, column, r, c) =>
      this.sheet.writeValue(row, column, values[r]?.[c] as WritableValue),
    );
  }
  setValue(value: unknown): this {
    assertWritable(value, `${this.sheet.getName()}!${this.getA1Notation()}`);
    return this.forEachCell('setValue', (row, column) => this.sheet.writeValue(row, column, value));
  }
  setFormula(formula: string): this {
    return this.forEachCell('setFormula', (row, column) =>
      this.sheet.applyInput(row, column, formulaInput(formula)),
    );
  }
  setFormulas(formulas: string[][]): this {
    this.assertShape(formulas, 'setFormulas');
    return this.forEachCell('setFormulas', (row, column, r, c) =>
      this.sheet.applyInput(row, column, formulaInput(formulas[r]?.[c] ?? '')),
    );
  }
  setNumberFormat(format: string): this {
    return this.forEachCell('setNumberFormat', (row, column) =>
      this.sheet.setStyle(row, column, 'numberFormat', format),
    );
  }
  setNumberFormats(formats: string[][]): this {
    this.assertShape(formats, 'setNumberFormats');
    return this.forEachCell('setNumberFormats', (row, column, r, c) =>
      this.sheet.setStyle(row, column, 'numberFormat', formats[r]?.[c]),
    );
  }
  setBackground(color: string | null): this {
    return this.forEachCell('setBackground', (row, column) =>
      this.sheet.setStyle(row, column, 'background', color ?? undefined),
    );
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this.assertShape(colors, 'setBackgrounds');
    return this.forEachCell('setBackgrounds', (row, column, r, c) =>
      this.sheet.setStyle(row, column, 'background', colors[r]?.[c] ?? undefined),
    );
  }
  setFontColor(color: string | null): this {
    return this.forEachCell('setFontColor', (row, column) =>
      this.sheet.setStyle(row, column, 'fontColor', color ?? undefined),
    );
  }
  setFontColors(colors: (string | null)[][]): this {
    this.assertShape(colors, 'setFontColors');
    return this.forEachCell('setFontColors', (row, column, r, c) =>
      this.sheet.setStyle(row, column, 'fontColor', colors[r]?.[c] ?? undefined),
    );
  }
  setFontWeight(weight: 'bold' | 'normal' | null): this {
    return this.forEachCell('setFontWeight', (row, column) =>
      this.sheet.setStyle(row, column, 'fontWeight', weight ?? undefined),
    );
  }
  setFontWeights(weights: ('bold' | 'normal' | null)[][]): this {
    this.assertShape(weights, 'setFontWeights');
    return this.forEachCell('setFontWeights', (row, column, r, c) =>
      this.sheet.setStyle(row, column, 'fontWeight', weights[r]?.[c] ?? undefined),
    );
  }
  setNote(note: string | null): this {
    return this.forEachCell('setNote', (row, column) =>
      this.sheet.setStyle(row, column, 'note', note || undefined),
    );
  }
  /** Values and formulas go; formats stay (Range.clearContent()). */
  clearContent(): this {
    return this.forEachCell('clearContent', (row, column) =>
      this.sheet.applyInput(row, column, { value: null }),
    );
  }
  /** Values, formulas and formats go (Range.clear()). */
  clear(): this {
    return this.forEachCell('clear', (row, column) => {
      this.sheet.applyInput(row, column, { value: null });
      for (const key of ['numberFormat', 'background', 'fontColor', 'fontWeight', 'note'] as const) {
        this.sheet.setStyle(row, column, key, undefined);
      }
    });
  }
  activate(): this {
    this.sheet.activate();
    return this;
  }
}

export class FakeRangeList {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly ranges: readonly FakeRange[],
  ) {}

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  /** One call for every range: one format string, applied to each of their cells. */
  setNumberFormat(format: string): this {
    const cells = this.ranges.reduce((sum, range) => sum + range.getNumRows() * range.getNumColumns(), 0);
    this.sheet.write('RangeList.setNumberFormat', cells);
    for (const range of this.ranges) {
      this.sheet.assertInside(range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns());
      for (let r = 0; r < range.getNumRows(); r += 1) {
        for (let c = 0; c < range.getNumColumns(); c += 1) {
          this.sheet.setStyle(range.getRow() + r, range.getColumn() + c, 'numberFormat', format);
        }
      }
    }
    return this;
  }
}

function formulaInput(formula: string): ParsedInput {
  if (formula === '') return { value: null };
  return { value: null, formula: formula.startsWith('=') ? formula : `=${formula}` };
}

/** Inserts `count` empty rows at `index` without spreading them as call arguments (100,000 rows overflow that). */
function withEmptyRows<T>(rows: (T | undefined)[], index: number, count: number): (T | undefined)[] {
  return rows.slice(0, index).concat(new Array<T | undefined>(count).fill(undefined), rows.slice(index));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'Object[]';
  if (isAnyRealmDate(value)) return 'Date';
  return value === null ? 'null' : typeof value;
}
