/**
 * Which columns of a source sheet the build reads (issue 17). Sheets serialises every cell of a Range, so reading an
 * All Orders export whole moves its 33 columns although its reader uses 11. The build reads a sheet's top rows in
 * full (detection looks for the header there), then only the columns the detected report's parse asks for, each
 * run of them (contiguous, or joined over the narrowest gaps: columnRuns) in one call, and lays them back at their
 * own positions: row i of the grid is still sheet row i + 1 and column c still the header's column c, so Data Issues
 * cite the same rows and headers as before.
 *
 * How the columns are known: a dry run of the report's own parse on the header rows alone, with a recorder in its
 * context (SheetReader.column and the mapped reader tell it each column they look up). Every parse looks its
 * columns up by header name once, before its loop over the rows, so the dry run asks for exactly what the real run
 * will; a list kept by hand beside each of the 25 parses could drift from it, this cannot. Should a parse ever look
 * a column up later, SheetReader refuses a column the build did not read (an error naming it, never silent blanks),
 * and test/reports/columns.test.ts runs every export fixture both ways and requires the same result.
 */
import { type Cell, type CellGrid, type RowsRead, type SheetRows } from '../cell';
import { cellText, normaliseHeader } from '../parse';
import { type Detection, type ParseContext, type ReportDefinition } from './types';

/**
 * A repeated header row inside a sheet starts a new export block (blocks.ts); it is recognised by its first named
 * column and by holding header names in most read columns. So the first named column is always read, and at least
 * this many named columns (blocks.ts needs three names to tell a header row from data).
 */
const BLOCK_HEADER_COLUMNS = 3;

/**
 * The 0-based columns to read below the top rows, ascending; null when all must be read (the dry run failed or asked
 * for nothing, which no report does: reading everything is then the safe answer).
 */
export function columnsToRead(
  definition: ReportDefinition,
  detection: Detection,
  topRows: CellGrid,
  context: ParseContext,
): number[] | null {
  const used = new Set<number>();
  try {
    definition.parse(topRows.slice(0, detection.headerRowIndex + 1), detection, {
      ...context,
      onColumn: (column) => used.add(column),
    });
  } catch {
    return null;
  }
  if (used.size === 0) return null;
  const header = topRows[detection.headerRowIndex] ?? [];
  const named: number[] = [];
  header.forEach((cell, column) => {
    if (normaliseHeader(cell) !== '') named.push(column);
  });
  const first = named[0];
  if (first !== undefined) used.add(first);
  const namedUsed = (): number => named.filter((column) => used.has(column)).length;
  for (const column of named) {
    if (namedUsed() >= BLOCK_HEADER_COLUMNS) break;
    used.add(column);
  }
  return [...used].sort((a, b) => a - b);
}

/** A contiguous run of columns, read in one call. */
export interface ColumnRun {
  /** 0-based first column. */
  start: number;
  width: number;
}

/**
 * Unneeded cells a row that the build may read to join runs: a fifth of the needed columns (issue 17 allows reading
 * up to 1.25 × the cells needed). Every run costs one call and, in the script's memory, one array per sheet row, which
 * for a 100,000-row export weighs more than a gap's cells: All Orders' 11 columns come in 6 runs, 4 with two
 * one-column gaps read (13 cells a row).
 */
export function spareCellsFor(columns: readonly number[]): number {
  return Math.floor(columns.length / 5);
}

/**
 * `columns` (ascending) as runs read in one call each; the narrowest gaps between them are read too while their
 * columns add up to at most `spareCells` (leftmost first among equal gaps).
 */
export function columnRuns(columns: readonly number[], spareCells = 0): ColumnRun[] {
  const gaps: { after: number; width: number }[] = [];
  for (let index = 1; index < columns.length; index++) {
    const width = (columns[index] ?? 0) - (columns[index - 1] ?? 0) - 1;
    if (width > 0) gaps.push({ after: index - 1, width });
  }
  const bridged = new Set<number>();
  let spare = spareCells;
  for (const gap of gaps.sort((a, b) => a.width - b.width || a.after - b.after)) {
    if (gap.width > spare) break;
    spare -= gap.width;
    bridged.add(gap.after);
  }
  const runs: ColumnRun[] = [];
  columns.forEach((column, index) => {
    const last = runs[runs.length - 1];
    if (last && (last.start + last.width === column || bridged.has(index - 1)))
      last.width = column - last.start + 1;
    else runs.push({ start: column, width: 1 });
  });
  return runs;
}

/** True when every cell is blank once cleaned (cellText); a missing row is blank. */
function allBlank(cells: readonly Cell[] | undefined): boolean {
  if (cells === undefined) return true;
  for (let column = 0; column < cells.length; column++)
    if (cellText(cells[column] as Cell) !== '') return false;
  return true;
}

/** A CellGrid read as SheetRows. */
class GridRows implements SheetRows {
  constructor(private readonly grid: CellGrid) {}

  get top(): CellGrid {
    return this.grid;
  }

  get length(): number {
    return this.grid.length;
  }

  cell(rowIndex: number, column: number): Cell {
    return this.grid[rowIndex]?.[column] ?? '';
  }

  row(rowIndex: number): readonly Cell[] | undefined {
    return this.grid[rowIndex];
  }

  isBlankRow(rowIndex: number): boolean {
    return allBlank(this.grid[rowIndex]);
  }
}

/** The rows a parse reads, whichever way they were read. */
export function sheetRowsOf(rows: RowsRead): SheetRows {
  return Array.isArray(rows) ? new GridRows(rows) : rows;
}

/**
 * A sheet read as its top rows in full and, below them, the values of each column run (`values[i]` has one row per
 * sheet row below the top rows, `runs[i].width` cells each). Row i is still sheet row i + 1 and column c still the
 * header's column c; columns between the runs read as blank, as the parse never looks at them. A cell is found in its
 * run's own array: nothing is copied for the 100,000 rows of an export (the rows used to be assembled here, one array
 * of up to 33 cells each, 29 MB a build).
 */
export class RunRows implements SheetRows {
  readonly length: number;
  /** For each column up to the last read: its run, or -1 when not read. */
  private readonly runOfColumn: Int32Array;
  private readonly width: number;

  constructor(
    readonly top: CellGrid,
    private readonly runs: readonly ColumnRun[],
    private readonly values: readonly CellGrid[],
  ) {
    const last = runs[runs.length - 1];
    this.width = last ? last.start + last.width : 0;
    this.runOfColumn = new Int32Array(this.width).fill(-1);
    runs.forEach(({ start, width }, run) => this.runOfColumn.fill(run, start, start + width));
    this.length = top.length + (values[0]?.length ?? 0);
  }

  cell(rowIndex: number, column: number): Cell {
    const below = rowIndex - this.top.length;
    if (below < 0) return this.top[rowIndex]?.[column] ?? '';
    const run = column < this.width ? (this.runOfColumn[column] ?? -1) : -1;
    if (run < 0) return '';
    return this.values[run]?.[below]?.[column - (this.runs[run] as ColumnRun).start] ?? '';
  }

  row(rowIndex: number): readonly Cell[] | undefined {
    if (rowIndex < this.top.length) return this.top[rowIndex];
    if (rowIndex >= this.length) return undefined;
    const cells = new Array<Cell>(this.width);
    for (let column = 0; column < this.width; column++) cells[column] = this.cell(rowIndex, column);
    return cells;
  }

  isBlankRow(rowIndex: number): boolean {
    const below = rowIndex - this.top.length;
    if (below < 0) return allBlank(this.top[rowIndex]);
    for (let run = 0; run < this.runs.length; run++) if (!allBlank(this.values[run]?.[below])) return false;
    return true;
  }
}
