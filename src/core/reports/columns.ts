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
import { type Cell, type CellGrid } from '../cell';
import { normaliseHeader } from '../parse';
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

/**
 * The sheet's grid from its top rows (all columns) and the values of each run below them (`runValues[i]` has one
 * row per sheet row below the top rows, `runs[i].width` cells each). Rows below the top are as wide as the last read
 * column; the columns between runs are blank, as the parse never looks at them.
 */
export function assembleRows(
  topRows: CellGrid,
  runs: readonly ColumnRun[],
  runValues: readonly CellGrid[],
): CellGrid {
  const last = runs[runs.length - 1];
  const width = last ? last.start + last.width : 0;
  const below = runValues[0]?.length ?? 0;
  const rows: Cell[][] = topRows.slice();
  const runCount = runs.length;
  for (let index = 0; index < below; index++) {
    // One array a row, blank between the runs (the parse never reads there); plain loops, as this runs once a cell.
    const row = new Array<Cell>(width);
    let column = 0;
    for (let run = 0; run < runCount; run++) {
      const { start, width: runWidth } = runs[run] as ColumnRun;
      while (column < start) row[column++] = '';
      const values = runValues[run]?.[index];
      for (let offset = 0; offset < runWidth; offset++) row[column++] = values?.[offset] ?? '';
    }
    rows.push(row);
  }
  return rows;
}
