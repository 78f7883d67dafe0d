/**
 * Blocks inside one sheet (SPEC §2a "Blocks") when the build read only some columns below the top rows: the top rows
 * are read in full, so a repeated header there carries every name, and must still be seen as the same layout.
 */
import { type CellGrid } from '../../src/core/cell';
import { findBlocks, RowRole } from '../../src/core/reports/blocks';

const HEADER = ['order-id', 'sku', 'product-name', 'quantity', 'price'];
/** The build read order id, SKU, quantity and price; product-name (column 2) is not read. */
const READ = new Set([0, 1, 3, 4]);

describe('blocks when only some columns were read', () => {
  it('a repeated header inside the top rows, with its unread column too, starts a block of the same layout', () => {
    const rows: CellGrid = [HEADER, ['1', 'A', 'Mug', '1', '9.99'], HEADER, ['1', 'A', 'Mug', '1', '9.99']];
    const blocks = findBlocks(rows, 0, READ);
    expect(blocks.roleOf(2)).toBe(RowRole.header);
    expect(blocks.blockOf(3)).toBe('1');
    expect(blocks.otherLayouts).toEqual([]);
  });

  it('below the top rows the unread column is blank, and the header is still the same layout', () => {
    const rows: CellGrid = [
      HEADER,
      ['1', 'A', 'Mug', '1', '9.99'],
      ['order-id', 'sku', '', 'quantity', 'price'],
    ];
    expect(findBlocks(rows, 0, READ).roleOf(2)).toBe(RowRole.header);
  });

  it('a header with a column added at the end is another layout, whether or not columns were read', () => {
    const rows: CellGrid = [
      HEADER,
      ['1', 'A', 'Mug', '1', '9.99'],
      [...HEADER, 'status'],
      ['2', 'B', 'Cup', '1', '5'],
    ];
    for (const columnsRead of [READ, undefined]) {
      const blocks = findBlocks(rows, 0, columnsRead);
      expect(blocks.roleOf(2)).toBe(RowRole.otherLayout);
      expect(blocks.otherLayouts).toEqual([{ sheetRow: 3, rows: 1 }]);
    }
  });
});
