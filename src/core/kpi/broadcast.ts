/**
 * How every KPI custom function treats its arguments (SPEC §1), in one place:
 * - a cell arrives as its value, a range as a row-major 2-D array (a 1×1 range as `[[x]]`);
 * - ranges are computed cell by cell and give a range of the same shape; a single value (or a 1×1 range) is spread
 *   over the other ranges; two ranges of different shapes are an error;
 * - a blank required input gives a blank result cell; a blank optional input takes the parameter's default;
 * - a result that is not a finite number (an undefined ratio such as x / 0) is shown blank, never as 0.
 */
import { type Cell, isBlankCell, isDateCell } from '../cell';
import { type CellPosition, KpiInputError } from './errors';

/** What one result cell holds: a number, a label, or `""` (blank). */
/**
 * A result cell: a number, a label or `""`, or a Date (KPI_STOCKOUT_DATE). Sheets shows a returned Date in the
 * spreadsheet's zone, so a day is returned as the instant of its midnight there.
 */
export type KpiCell = number | string | Date;
/** What a KPI function returns to Sheets: one value, or a 2-D block that spills into the cells below and right. */
export type KpiResult = KpiCell | KpiCell[][];

/** Marks a parameter whose blank input makes the whole result cell blank. */
export const BLANK_RESULT: unique symbol = Symbol('blank result');

export interface Param<T> {
  readonly name: string;
  /** The value used when the input cell is blank or the argument is omitted, or BLANK_RESULT. */
  readonly onBlank: T | typeof BLANK_RESULT;
  /** Converts one non-blank cell; throws KpiInputError naming the parameter when the cell cannot be used. */
  read(value: Cell, position: CellPosition | undefined): T;
}

/** Tuple of parameter specs matching the tuple of values the computation receives. */
export type Params<Values extends readonly unknown[]> = { readonly [K in keyof Values]: Param<Values[K]> };

function describeKind(value: Cell): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDateCell(value)) return 'date';
  return String(value);
}

/**
 * A number input. Text is refused even when it looks numeric ("$1,234.56", "12%"): a custom function cannot tell
 * "1.234" typed by a German locale from "1.234" typed in the US, and a silently misread cost is worse than an error
 * that names the argument. Convert text columns with VALUE() or Format → Number first (docs/FUNCTIONS.md).
 */
export function numberParam(name: string): Param<number>;
export function numberParam<D extends number | undefined>(name: string, fallback: D): Param<number | D>;
export function numberParam(name: string, ...fallback: [] | [number | undefined]): Param<number | undefined> {
  return {
    name,
    onBlank: fallback.length === 0 ? BLANK_RESULT : fallback[0],
    read(value, position) {
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string') {
        throw new KpiInputError('fn.error.textNotNumber', { arg: name, value: value.slice(0, 40) }, position);
      }
      throw new KpiInputError('fn.error.notNumber', { arg: name, value: describeKind(value) }, position);
    },
  };
}

/** A text input (a category name, a language code). Numbers are accepted as their text. */
export function textParam(name: string, fallback?: string): Param<string> {
  return {
    name,
    onBlank: fallback === undefined ? BLANK_RESULT : fallback,
    read(value, position) {
      if (typeof value === 'string') return value.trim();
      if (typeof value === 'number') return String(value);
      throw new KpiInputError('fn.error.notText', { arg: name, value: describeKind(value) }, position);
    },
  };
}

/**
 * A yes/no input: TRUE/FALSE, 1/0, or the words given in `words` (e.g. "higher"/"lower", "peak"), case-insensitive.
 */
export function booleanParam(
  name: string,
  fallback: boolean | undefined,
  words: { yes: readonly string[]; no: readonly string[] } = { yes: ['true', 'yes'], no: ['false', 'no'] },
): Param<boolean | undefined> {
  return {
    name,
    onBlank: fallback,
    read(value, position) {
      if (typeof value === 'boolean') return value;
      if (value === 1 || value === 0) return value === 1;
      if (typeof value === 'string') {
        const word = value.trim().toLowerCase();
        if (words.yes.includes(word)) return true;
        if (words.no.includes(word)) return false;
      }
      throw new KpiInputError(
        'fn.error.notBoolean',
        { arg: name, value: describeKind(value), words: [...words.yes, ...words.no].join(', ') },
        position,
      );
    },
  };
}

/** One formatter per time zone: a 10,000-row range of date cells formats each cell, and building one is slow. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** `yyyy-mm-dd` of the wall-clock day `instant` falls on in `timeZone` (UTC when the zone is unknown). */
export function calendarDayIn(instant: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      return instant.toISOString().slice(0, 10);
    }
    dayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: string): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** True for a `yyyy-mm-dd` that names a real day (not 2025-02-30, not 2026-13-01). */
function isRealDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date: a Date cell, or ISO `yyyy-mm-dd` text. Returned as `yyyy-mm-dd` so fee tables compare as text.
 * `timeZone` is the spreadsheet's: a date cell reaches a custom function as the instant of its midnight in that zone
 * (Apps Script guide "Custom functions", Data types: dates become JS Date objects, "compensate" when the sheet and
 * script zones differ; PLATFORM §1, §9), so an Asia/Shanghai cell showing 2026-10-15 arrives as 2026-10-14T16:00Z
 * and its UTC day would be the day before.
 */
export function dateParam(
  name: string,
  fallback: string | undefined,
  timeZone = 'Etc/UTC',
): Param<string | undefined> {
  return {
    name,
    onBlank: fallback,
    read(value, position) {
      if (isDateCell(value)) {
        if (Number.isNaN(value.getTime()))
          throw new KpiInputError('fn.error.notDate', { arg: name, value: 'date' }, position);
        return calendarDayIn(value, timeZone);
      }
      const text = typeof value === 'string' ? value.trim() : '';
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        if (!isRealDay(text))
          throw new KpiInputError('fees.error.impossibleDate', { arg: name, value: text }, position);
        return text;
      }
      throw new KpiInputError('fn.error.notDate', { arg: name, value: describeKind(value) }, position);
    },
  };
}

interface Shape {
  rows: number;
  columns: number;
}

function shapeOf(param: string, argument: unknown[]): Shape {
  const rows = argument.length;
  const first = argument[0];
  const columns = Array.isArray(first) ? first.length : 0;
  for (const row of argument) {
    if (!Array.isArray(row) || row.length !== columns || columns === 0) {
      throw new KpiInputError('fn.error.notRange', { arg: param });
    }
  }
  return { rows, columns };
}

const shapeText = (shape: Shape): string => `${shape.rows}×${shape.columns}`;

/** Per argument: either one value for every cell, or a grid to index. */
type Source = { grid: Cell[][] } | { value: unknown };

interface Plan {
  sources: Source[];
  /** The result's shape, or undefined for a single value. */
  shape: Shape | undefined;
}

function plan(params: readonly Param<unknown>[], args: readonly unknown[]): Plan {
  let shape: Shape | undefined;
  let shapeOwner = '';
  let sawRange = false;
  const sources = params.map((param, index): Source => {
    const argument = args[index];
    if (!Array.isArray(argument)) return { value: argument };
    sawRange = true;
    const argumentShape = shapeOf(param.name, argument);
    const grid = argument as Cell[][];
    if (argumentShape.rows === 1 && argumentShape.columns === 1) return { value: grid[0]?.[0] };
    if (shape && (shape.rows !== argumentShape.rows || shape.columns !== argumentShape.columns)) {
      throw new KpiInputError('fn.error.shape', {
        arg1: shapeOwner,
        shape1: shapeText(shape),
        arg2: param.name,
        shape2: shapeText(argumentShape),
      });
    }
    shape = argumentShape;
    shapeOwner = param.name;
    return { grid };
  });
  return { sources, shape: shape ?? (sawRange ? { rows: 1, columns: 1 } : undefined) };
}

/** Reads one argument once when it is the same for every cell, so a 10,000-row call converts it once. */
function readConstant(param: Param<unknown>, value: unknown): unknown {
  if (isBlankCell(value)) return param.onBlank;
  return param.read(value as Cell, undefined);
}

function readCell(param: Param<unknown>, value: unknown, position: CellPosition): unknown {
  if (isBlankCell(value)) return param.onBlank;
  return param.read(value as Cell, position);
}

function finish(result: KpiCell): KpiCell {
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) return '';
    // -0 would show as "-0" with some number formats.
    return result === 0 ? 0 : result;
  }
  return result;
}

/**
 * Applies `compute` cell by cell over the arguments (see the module comment for the rules). `compute` receives the
 * converted values; it returns a number, a label or `""`.
 */
export function mapCells<Values extends readonly unknown[]>(
  params: Params<Values>,
  args: readonly unknown[],
  compute: (...values: Values) => KpiCell,
): KpiResult {
  const paramList = params as unknown as readonly Param<unknown>[];
  const { sources, shape } = plan(paramList, args);
  const run = compute as unknown as (...values: unknown[]) => KpiCell;
  const constants: unknown[] = sources.map((source, index) => {
    const param = paramList[index] as Param<unknown>;
    return 'value' in source ? readConstant(param, source.value) : undefined;
  });
  if (!shape) {
    if (constants.includes(BLANK_RESULT)) return '';
    return finish(run(...constants));
  }
  const values: unknown[] = constants.slice();
  const result: KpiCell[][] = new Array<KpiCell[]>(shape.rows);
  for (let row = 0; row < shape.rows; row++) {
    const resultRow: KpiCell[] = new Array<KpiCell>(shape.columns);
    for (let column = 0; column < shape.columns; column++) {
      let blank = false;
      for (let index = 0; index < sources.length; index++) {
        const source = sources[index] as Source;
        if ('grid' in source) {
          const cell = (source.grid[row] as Cell[])[column];
          values[index] = readCell(paramList[index] as Param<unknown>, cell, {
            row: row + 1,
            column: column + 1,
          });
        }
        if (values[index] === BLANK_RESULT) blank = true;
      }
      resultRow[column] = blank ? '' : finish(run(...values));
    }
    result[row] = resultRow;
  }
  return result;
}

/**
 * Like mapCells, but the last argument is a list (a row or a column of values, e.g. FX shocks) and each input row
 * gives one output row with one cell per list item. The other arguments must be single values or one column.
 */
export function mapCellsAcrossList<Values extends readonly unknown[], Item>(
  params: Params<Values>,
  args: readonly unknown[],
  listParam: Param<Item>,
  listArgument: unknown,
  compute: (item: Item, ...values: Values) => KpiCell,
): KpiResult {
  const listCells: unknown[] = Array.isArray(listArgument)
    ? (shapeOf(listParam.name, listArgument), (listArgument as unknown[][]).flat())
    : [listArgument];
  const items = listCells.map((cell, index) =>
    isBlankCell(cell) ? BLANK_RESULT : listParam.read(cell as Cell, { row: index + 1, column: 1 }),
  );
  const paramList = params as unknown as readonly Param<unknown>[];
  const { sources, shape } = plan(paramList, args);
  if (shape && shape.columns !== 1) {
    throw new KpiInputError('fn.error.listNeedsColumn', { list: listParam.name, shape: shapeText(shape) });
  }
  const rows = shape ? shape.rows : 1;
  const run = compute as unknown as (item: Item, ...values: unknown[]) => KpiCell;
  const result: KpiCell[][] = [];
  for (let row = 0; row < rows; row++) {
    let blank = false;
    const values = sources.map((source, index) => {
      const param = paramList[index] as Param<unknown>;
      const value =
        'grid' in source
          ? readCell(param, (source.grid[row] as Cell[])[0], { row: row + 1, column: 1 })
          : readConstant(param, source.value);
      if (value === BLANK_RESULT) blank = true;
      return value;
    });
    result.push(
      items.map((item) => (blank || item === BLANK_RESULT ? '' : finish(run(item as Item, ...values)))),
    );
  }
  return result;
}
