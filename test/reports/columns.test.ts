/**
 * Reading only the columns a report uses (src/core/reports/columns.ts): every export fixture read with only the
 * planned columns below its header gives exactly the facts, issues and counts of the whole sheet, alone and with a
 * second download appended below it (a repeated header starts a block, blocks.ts).
 */
import { readdirSync } from 'node:fs';
import { type CellGrid } from '../../src/core/cell';
import { detectReport, reportDefinition } from '../../src/core/reports';
import { type Cell, type SheetRows } from '../../src/core/cell';
import { columnRuns, columnsToRead, RunRows, spareCellsFor } from '../../src/core/reports/columns';
import { type Detection, type ReportDefinition } from '../../src/core/reports/types';
import { contextFor, FIXTURES, loadFixture } from './helpers';

function detected(rows: CellGrid): { definition: ReportDefinition; detection: Detection } {
  const detection = detectReport(rows);
  const definition = detection ? reportDefinition(detection.type) : undefined;
  if (!detection || !definition) throw new Error('not recognised');
  return { definition, detection };
}

/**
 * The sheet as the build sees it when it reads only `columns` below the header row (the build keeps 15 top rows in
 * full; keeping only the header is the harder case).
 */
function projected(rows: CellGrid, headerRowIndex: number, columns: readonly number[]): RunRows {
  const top = rows.slice(0, headerRowIndex + 1);
  const runs = columnRuns(columns);
  const below = rows.slice(headerRowIndex + 1);
  const values = runs.map(({ start, width }) =>
    below.map((row) => Array.from({ length: width }, (_, offset) => row[start + offset] ?? '')),
  );
  return new RunRows(top, runs, values);
}

/** Every row as SheetRows.row gives it. */
function wholeRows(rows: SheetRows): (readonly Cell[] | undefined)[] {
  return Array.from({ length: rows.length }, (_, index) => rows.row(index));
}

function bothWays(name: string, rows: CellGrid) {
  const { definition, detection } = detected(rows);
  // A period report without its stated period reads no column at all (it only counts rows): give it one.
  const context = contextFor(
    name,
    definition.periodReport ? { period: { from: '2026-03-01', to: '2026-03-31' } } : {},
  );
  const top = rows.slice(0, detection.headerRowIndex + 1);
  const columns = columnsToRead(definition, detection, top, context);
  if (columns === null) throw new Error(`${name}: no column plan`);
  const whole = definition.parse(rows, detection, context);
  const part = definition.parse(projected(rows, detection.headerRowIndex, columns), detection, {
    ...context,
    columnsRead: new Set(columns),
  });
  return { whole, part, columns, width: (rows[detection.headerRowIndex] ?? []).length };
}

const fixtures = readdirSync(FIXTURES).filter((file) => /\.(csv|txt)$/.test(file));

describe('reading only the columns a report uses', () => {
  it.each(fixtures)('%s reads the same from its planned columns as from every column', (file) => {
    const { whole, part } = bothWays(file, loadFixture(file));
    expect(whole.facts.length + whole.issues.length).toBeGreaterThan(0);
    expect(part).toEqual(whole);
  });

  it.each(fixtures)('%s with a second download pasted below its own header reads the same', (file) => {
    const rows = loadFixture(file);
    const { detection } = detected(rows);
    const again = rows.slice(detection.headerRowIndex);
    const { whole, part } = bothWays(file, [...rows, ...again]);
    expect(part).toEqual(whole);
  });

  it('an All Orders export is read from 11 of its 33 columns', () => {
    const { columns, width } = bothWays('All Orders', loadFixture('amazon-all-orders-current.txt'));
    expect(width).toBe(33);
    expect(columns).toHaveLength(11);
  });

  it('a download of a newer layout pasted below, with its columns moved, is still left out as another layout', () => {
    const rows = loadFixture('amazon-all-orders-current.txt');
    const { detection } = detected(rows);
    // The same export with one column inserted before sku: every later column moves one place right.
    const skuAt = (rows[detection.headerRowIndex] ?? []).indexOf('sku');
    const moved = rows
      .slice(detection.headerRowIndex)
      .map((row, index) => [...row.slice(0, skuAt), index === 0 ? 'new-column' : 'x', ...row.slice(skuAt)]);
    const { whole, part } = bothWays('All Orders', [...rows, ...moved]);
    expect(whole.issues.some((issue) => issue.reason.key === 'issue.blockOtherLayout')).toBe(true);
    expect(part).toEqual(whole);
  });

  it('refuses a column the build did not read instead of reading blanks', () => {
    const rows = loadFixture('amazon-all-orders-current.txt');
    const { definition, detection } = detected(rows);
    const columns = columnsToRead(definition, detection, rows.slice(0, 1), contextFor('All Orders')) ?? [];
    const skuAt = (rows[0] ?? []).indexOf('sku');
    const withoutSku = columns.filter((column) => column !== skuAt);
    expect(() =>
      definition.parse(rows, detection, { ...contextFor('All Orders'), columnsRead: new Set(withoutSku) }),
    ).toThrow('column "sku" was not read');
  });

  it('reads the narrowest gaps between runs while their cells fit the spare allowance, a fifth of the needed columns', () => {
    // All Orders' 11 columns: 6 runs read exactly; with 2 spare cells, the first two one-column gaps are read too.
    const allOrdersColumns = [0, 2, 3, 4, 6, 10, 12, 13, 14, 15, 21];
    expect(spareCellsFor(allOrdersColumns)).toBe(2);
    expect(columnRuns(allOrdersColumns)).toHaveLength(6);
    expect(columnRuns(allOrdersColumns, 2)).toEqual([
      { start: 0, width: 7 },
      { start: 10, width: 1 },
      { start: 12, width: 4 },
      { start: 21, width: 1 },
    ]);
    // A wide gap is never read to save a run, however many narrow ones there are.
    expect(columnRuns([0, 4, 5], 2)).toEqual([
      { start: 0, width: 1 },
      { start: 4, width: 2 },
    ]);
    expect(spareCellsFor([0, 1, 2, 3])).toBe(0);
    const bridged = columnRuns([0, 2, 3, 6], 1);
    expect(bridged).toEqual([
      { start: 0, width: 4 },
      { start: 6, width: 1 },
    ]);
    // The bridged column's cell is read too; the parse never looks at it.
    expect(
      wholeRows(
        new RunRows([['h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']], bridged, [[['a', 'b', 'c', 'd']], [['g']]]),
      ),
    ).toEqual([
      ['h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      ['a', 'b', 'c', 'd', '', '', 'g'],
    ]);
  });

  it('lays runs back at their own columns, blank between them', () => {
    const runs = columnRuns([0, 2, 3, 6]);
    expect(runs).toEqual([
      { start: 0, width: 1 },
      { start: 2, width: 2 },
      { start: 6, width: 1 },
    ]);
    const rows = new RunRows([['h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7']], runs, [
      [['a']],
      [['c', 'd']],
      [['g']],
    ]);
    expect(wholeRows(rows)).toEqual([
      ['h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7'],
      ['a', '', 'c', 'd', '', '', 'g'],
    ]);
    // Cell by cell, from the runs' own arrays: a column not read, or past the last, is blank.
    expect([0, 1, 2, 3, 4, 6, 7, 40].map((column) => rows.cell(1, column))).toEqual([
      'a',
      '',
      'c',
      'd',
      '',
      'g',
      '',
      '',
    ]);
    expect(rows.cell(0, 7)).toBe('h7');
    expect(rows.row(2)).toBeUndefined();
    expect(rows.isBlankRow(1)).toBe(false);
    expect(new RunRows([['h0']], runs, [[['\t']], [['', '']], [['\uFEFF']]]).isBlankRow(1)).toBe(true);
  });
});
