/**
 * RunRows (src/core/reports/columns.ts) reads a sheet's cells where getValues put them, column run by column run,
 * instead of a grid assembled row by row (issue 17). For any sheet, any columns read and any number of top rows read
 * whole, it must answer exactly what the assembled grid answered: every cell, every whole row, which rows are blank,
 * and the export blocks found in it (repeated headers, preambles, other layouts).
 */
import fc from 'fast-check';
import { type Cell, type CellGrid } from '../../src/core/cell';
import { findBlocks } from '../../src/core/reports/blocks';
import { columnRuns, RunRows, sheetRowsOf } from '../../src/core/reports/columns';
import { cellText } from '../../src/core/parse';

const HEADER = ['order-id', 'purchase-date', 'sku', 'product-name', 'quantity', 'price', 'status'];
const WIDTH = HEADER.length;

/** The grid as the build used to assemble it: top rows whole, below them the read columns and blanks between. */
function assembled(grid: CellGrid, topCount: number, columns: readonly number[]): CellGrid {
  const width = (columns[columns.length - 1] ?? -1) + 1;
  const read = new Set(columns);
  return grid.map((row, index) =>
    index < topCount
      ? row
      : Array.from({ length: width }, (_, column) => (read.has(column) ? (row[column] ?? '') : '')),
  );
}

/** What getValues returns for each run below the top rows: exactly `width` cells a row. */
function runValues(grid: CellGrid, topCount: number, columns: readonly number[], spare: number) {
  const runs = columnRuns(columns, spare);
  const below = grid.slice(topCount);
  const values = runs.map(({ start, width }) =>
    below.map((row) => Array.from({ length: width }, (_, offset) => row[start + offset] ?? '')),
  );
  return { runs, values };
}

const cellArbitrary: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom('', ' ', '\t', '\uFEFF', 'A-1', 'sku', 'order-id', 'Mug', '9.99'),
  fc.integer({ min: -5, max: 50 }),
  fc.boolean(),
);

const rowArbitrary: fc.Arbitrary<Cell[]> = fc.oneof(
  { weight: 6, arbitrary: fc.array(cellArbitrary, { minLength: WIDTH, maxLength: WIDTH }) },
  // A repeated header, the same layout or another one (a column added), and a preamble line above a header.
  { weight: 1, arbitrary: fc.constant<Cell[]>([...HEADER]) },
  { weight: 1, arbitrary: fc.constant<Cell[]>([...HEADER, 'ship-country']) },
  { weight: 1, arbitrary: fc.constant<Cell[]>(['Report generated on 2026-03-01', '', '', '', '', '', '']) },
  { weight: 1, arbitrary: fc.constant<Cell[]>(Array.from({ length: WIDTH }, () => '')) },
);

const sheetArbitrary = fc
  .record({
    body: fc.array(rowArbitrary, { maxLength: 30 }),
    topCount: fc.integer({ min: 1, max: 15 }),
    columns: fc.uniqueArray(fc.integer({ min: 0, max: WIDTH - 1 }), { minLength: 1, maxLength: WIDTH }),
    spare: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ body, topCount, columns, spare }) => ({
    grid: [HEADER, ...body] as CellGrid,
    topCount: Math.min(topCount, body.length + 1),
    columns: [...columns].sort((a, b) => a - b),
    spare,
  }));

describe('RunRows answers as the assembled grid did', () => {
  it('every cell, every whole row and every blank row', () => {
    fc.assert(
      fc.property(sheetArbitrary, ({ grid, topCount, columns, spare }) => {
        const { runs, values } = runValues(grid, topCount, columns, spare);
        const rows = new RunRows(grid.slice(0, topCount), runs, values);
        // A bridged gap's cells are read as well: the assembled grid of what was read (runs), not only `columns`.
        const readColumns = runs.flatMap(({ start, width }) =>
          Array.from({ length: width }, (_, at) => start + at),
        );
        const expected = assembled(grid, topCount, readColumns);
        expect(rows.length).toBe(expected.length);
        for (let index = 0; index < expected.length + 1; index++) {
          expect(rows.row(index)).toEqual(expected[index]);
          const cells = expected[index] ?? [];
          expect(rows.isBlankRow(index)).toBe(cells.every((cell) => cellText(cell) === ''));
          for (let column = 0; column < WIDTH + 2; column++)
            expect(rows.cell(index, column)).toEqual(cells[column] ?? '');
        }
      }),
    );
  });

  it('the same export blocks: repeated headers, preambles and other layouts', () => {
    fc.assert(
      fc.property(sheetArbitrary, ({ grid, topCount, columns, spare }) => {
        const { runs, values } = runValues(grid, topCount, columns, spare);
        const rows = new RunRows(grid.slice(0, topCount), runs, values);
        const read = new Set(columns);
        const readColumns = runs.flatMap(({ start, width }) =>
          Array.from({ length: width }, (_, at) => start + at),
        );
        const expected = findBlocks(assembled(grid, topCount, readColumns), 0, read);
        const actual = findBlocks(rows, 0, read);
        expect(actual.otherLayouts).toEqual(expected.otherLayouts);
        for (let index = 0; index < grid.length; index++) {
          expect(actual.roleOf(index)).toBe(expected.roleOf(index));
          expect(actual.blockOf(index)).toBe(expected.blockOf(index));
        }
      }),
    );
  });

  it('a grid read whole is read as itself', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArbitrary, { maxLength: 9 }), { maxLength: 12 }), (grid) => {
        const rows = sheetRowsOf(grid);
        expect(rows.length).toBe(grid.length);
        expect(rows.top).toBe(grid);
        grid.forEach((cells, index) => {
          expect(rows.row(index)).toBe(cells);
          expect(rows.isBlankRow(index)).toBe(cells.every((cell) => cellText(cell) === ''));
          cells.forEach((cell, column) => expect(rows.cell(index, column)).toBe(cell));
        });
      }),
    );
  });
});
