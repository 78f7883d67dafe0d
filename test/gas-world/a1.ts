/** A1 notation, as Sheets writes and reads it. Columns run A…Z, AA…ZZ, AAA…ZZZ (18,278 columns at most). */

export function columnLetters(column: number): string {
  let letters = '';
  let rest = column;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/** A parsed reference; open ends (whole columns "A:C", whole rows "2:5", "A2:C") are null until sized to a sheet. */
export interface A1Reference {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parseCell(text: string): { row: number | null; column: number | null } | null {
  const match = CELL.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  return { column: match[1] ? columnNumber(match[1]) : null, row: match[2] ? Number(match[2]) : null };
}

/** Parses "A1", "A1:B2", "A:C", "2:5", "A2:C" and "'Sheet name'!A1:B2". Returns null for anything else. */
export function parseA1(notation: string): A1Reference | null {
  let rest = notation.trim();
  let sheetName: string | null = null;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const rawSheet = rest.slice(0, bang);
    sheetName = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    rest = rest.slice(bang + 1);
  }
  const [startText, endText, extra] = rest.split(':');
  if (startText === undefined || extra !== undefined) return null;
  const start = parseCell(startText);
  if (!start) return null;
  if (endText === undefined) {
    if (start.row === null || start.column === null) return null;
    return {
      sheetName,
      startRow: start.row,
      startColumn: start.column,
      endRow: start.row,
      endColumn: start.column,
    };
  }
  const end = parseCell(endText);
  if (!end) return null;
  return {
    sheetName,
    startRow: start.row,
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
}

export function a1Notation(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
