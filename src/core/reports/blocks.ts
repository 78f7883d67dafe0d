/**
 * Export blocks inside one sheet (SPEC §2a "Blocks"). Users append this week's download below last week's in one tab,
 * with or without its header row. A header row repeated below the first one starts a new block, and the summary
 * dedupes blocks against each other exactly as it dedupes two sheets. A report preamble pasted along with the
 * repeated header (the Date Range report's seven lines of prose) belongs to no block: it is not data.
 *
 * A repeated header with another layout (a newer export version with added or moved columns) cannot be read with the
 * first header's columns; its rows are left out and counted in one Data Issue rather than read from the wrong cells.
 */
import { type Cell, type RowsRead } from '../cell';
import { cellText, normaliseHeader } from '../parse';
import { sheetRowsOf } from './columns';

/** What a row below the sheet's header row is. */
export const enum RowRole {
  data = 0,
  /** A repeated header row with the first header's layout: the rows below it are a new block. */
  header = 1,
  /** Prose above a repeated header (a report preamble): not data. */
  preamble = 2,
  /** A repeated header of another layout, or a row below one: left out, counted. */
  otherLayout = 3,
}

export interface SheetBlocks {
  /** Role of each row index from the header row down; absent (undefined) means data, the common case. */
  roleOf(rowIndex: number): RowRole;
  /** Block label of a data row: '' for the first block, then '1', '2'… */
  blockOf(rowIndex: number): string;
  /** 1-based sheet rows of repeated headers of another layout, each with the number of data rows below it. */
  readonly otherLayouts: ReadonlyArray<{ sheetRow: number; rows: number }>;
}

/** A row is a header row when it holds at least this share of the header's names (exports add columns over time). */
const HEADER_NAME_SHARE = 0.8;
/** At most this many rows of prose above a repeated header are taken for its preamble (as detection, SPEC §2). */
const PREAMBLE_ROWS = 14;
/** A preamble row holds a sentence or two; a data row of a multi-column export holds many cells. */
const PREAMBLE_MAX_CELLS = 2;

const NO_BLOCKS: SheetBlocks = {
  roleOf: () => RowRole.data,
  blockOf: () => '',
  otherLayouts: [],
};

/**
 * Finds the repeated header rows of a sheet whose header is at `headerRowIndex`. One pass that looks at the first
 * header column of each row; a row is inspected further only when that cell is one of the header's names.
 *
 * `columnsRead`: when the build read only these columns below the header rows (columns.ts), a repeated header is
 * judged on them alone: its first read column must hold a header name, its read cells must hold header names as often
 * as a whole row would (any of the header's names, so a newer layout whose columns moved is still seen as a header,
 * of another layout), and its layout is compared at the read columns, the only ones the parse looks at.
 */
export function findBlocks(
  rowsRead: RowsRead,
  headerRowIndex: number,
  columnsRead?: ReadonlySet<number>,
): SheetBlocks {
  const rows = sheetRowsOf(rowsRead);
  const header = rows.row(headerRowIndex) ?? [];
  const allNames = header.map((cell) => normaliseHeader(cell));
  const names = new Set(allNames.filter((name) => name !== ''));
  const headerNames = columnsRead
    ? allNames.map((name, column) => (columnsRead.has(column) ? name : ''))
    : allNames;
  const namesLooked = columnsRead ? new Set(headerNames.filter((name) => name !== '')).size : names.size;
  const firstColumn = headerNames.findIndex((name) => name !== '');
  if (firstColumn < 0 || namesLooked < 3) return NO_BLOCKS;

  // Speed (a 100,000-row export): a data row's first cell is an order id, a date or a number, whose first letter is
  // rarely one a header name starts with; only cells that pass this test are normalised and looked up.
  const firstLetters = new Set([...names].map((name) => name.charCodeAt(0)));
  const headerRows: Array<{ index: number; sameLayout: boolean }> = [];
  for (let index = headerRowIndex + 1; index < rows.length; index++) {
    // One cell of each row; the whole row only for a row that starts with a header name.
    const first = rows.cell(index, firstColumn);
    if (typeof first !== 'string' || first === '') continue;
    if (!firstLetters.has(firstLetterCode(first))) continue;
    if (!names.has(normaliseHeader(first))) continue;
    const row = rows.row(index) ?? [];
    let found = 0;
    for (const cell of row) if (names.has(normaliseHeader(cell))) found++;
    if (found < HEADER_NAME_SHARE * namesLooked) continue;
    // The same layout has the first header's name in every column and nothing beyond. A column the build did not read
    // is blank below the top rows, and passes; inside the top rows, read in full, it is compared like the others.
    let sameLayout = true;
    for (let column = 0; column < Math.max(row.length, allNames.length) && sameLayout; column++) {
      const name = normaliseHeader(row[column] ?? '');
      const unread = columnsRead !== undefined && !columnsRead.has(column);
      sameLayout = (unread && name === '') || name === (allNames[column] ?? '');
    }
    headerRows.push({ index, sameLayout });
  }
  if (headerRows.length === 0) return NO_BLOCKS;

  const roles = new Map<number, RowRole>();
  const blockStarts: number[] = [];
  const otherLayouts: Array<{ sheetRow: number; rows: number }> = [];
  headerRows.forEach(({ index, sameLayout }, position) => {
    roles.set(index, sameLayout ? RowRole.header : RowRole.otherLayout);
    for (let above = index - 1; above > headerRowIndex && above >= index - PREAMBLE_ROWS; above--) {
      if (roles.has(above) || !looksLikePreamble(rows.row(above) ?? [])) break;
      roles.set(above, RowRole.preamble);
    }
    if (sameLayout) {
      blockStarts.push(index);
      return;
    }
    const end = headerRows[position + 1]?.index ?? rows.length;
    let dataRows = 0;
    for (let below = index + 1; below < end; below++) {
      if (rows.isBlankRow(below)) continue;
      roles.set(below, RowRole.otherLayout);
      dataRows++;
    }
    otherLayouts.push({ sheetRow: index + 1, rows: dataRows });
  });
  // Preamble rows are found above each header after the rows below the previous one were marked; rows a later
  // preamble claimed stay preamble.
  return {
    roleOf: (rowIndex) => roles.get(rowIndex) ?? RowRole.data,
    blockOf: (rowIndex) => {
      let block = 0;
      while (block < blockStarts.length && (blockStarts[block] ?? Infinity) < rowIndex) block++;
      return block === 0 ? '' : String(block);
    },
    otherLayouts,
  };
}

/** The lower-case code of the first character after BOM and spaces (header names are normalised lower-case). */
function firstLetterCode(text: string): number {
  let at = 0;
  while (at < text.length && (text.charCodeAt(at) === 0xfeff || text.charCodeAt(at) <= 0x20)) at++;
  const code = text.charCodeAt(at);
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

function looksLikePreamble(cells: readonly Cell[]): boolean {
  let filled = 0;
  for (const cell of cells) {
    if (cellText(cell) === '') continue;
    if (++filled > PREAMBLE_MAX_CELLS) return false;
  }
  return true;
}
