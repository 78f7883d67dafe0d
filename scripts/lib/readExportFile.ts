/**
 * Reads an export file from disk into a CellGrid of text cells, as Sheets' File > Import does with "Convert text to
 * numbers, dates and formulas" off: every cell stays the text the file holds. Used by `npm start` and by the tests'
 * fixture loading.
 *
 * Encodings seen in real exports (EXPORTS §"Fixture checklist"): UTF-8 with or without BOM, UTF-16LE with BOM, and
 * cp1252 (Manage FBA Inventory). Delimiters: TAB for Amazon flat files, comma for everything else.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { type CellGrid } from '../../src/core/cell';

export function readExportFile(path: string): CellGrid {
  return parseExportText(decodeExportBytes(readFileSync(path)));
}

/** The text of an export file's bytes: BOM-led UTF-16/UTF-8, else UTF-8 when valid, else Windows-1252. */
function decodeExportBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: the Manage FBA Inventory flat file is Windows-1252 (`é` as one byte 0xE9).
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Splits an export's text into rows and cells; TAB-delimited when the first non-empty line has more tabs than commas. */
function parseExportText(text: string): CellGrid {
  const delimiter = guessDelimiter(text);
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    // Amazon flat files do not quote: a `"` inside a product name is literal text, not the start of a quoted field.
    quoteChar: delimiter === '\t' ? '\u0000' : '"',
    skipEmptyLines: false,
  });
  const rows: CellGrid = parsed.data.map((row) => row.map((cell) => cell));
  // The file's final newline gives one empty row: not part of the sheet.
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1] ?? [])) rows.pop();
  return rows;
}

function guessDelimiter(text: string): ',' | '\t' {
  const lines = text.split(/\r?\n/, 20).filter((line) => line.trim() !== '');
  const headerLike = lines.reduce(
    (best, line) =>
      countOf(line, '\t') + countOf(line, ',') > countOf(best, '\t') + countOf(best, ',') ? line : best,
    lines[0] ?? '',
  );
  return countOf(headerLike, '\t') > countOf(headerLike, ',') ? '\t' : ',';
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (const each of text) if (each === character) count++;
  return count;
}

function isEmptyRow(row: readonly unknown[]): boolean {
  return row.every((cell) => cell === '');
}
