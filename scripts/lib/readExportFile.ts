/**
 * Reads an export file from disk into a CellGrid of text cells, as Sheets' File > Import does with "Convert text to
 * numbers, dates and formulas" off: every cell stays the text the file holds. Used by `npm start` and by the tests'
 * fixture loading.
 *
 * Encodings seen in real exports (EXPORTS §"Fixture checklist"): UTF-8 with or without BOM, UTF-16LE with BOM, and
 * cp1252 (Manage FBA Inventory); and GB18030/GBK, which Excel on a Chinese Windows writes when a user re-saves a
 * download as CSV (EXPORTS §9.1c; Mabang's own reader falls back to gb18030, code index 70209592483). Delimiters: TAB
 * for Amazon flat files, comma for everything else.
 *
 * Decoding uses the WHATWG TextDecoder built into Node (ICU's utf-16, gb18030 and windows-1252 tables), so no decoder
 * package is needed; Sheets decodes inside Apps Script and never runs this.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { type CellGrid } from '../../src/core/cell';

/** A file that is no text export this tool can decode: the message says which file and what to do. */
export class ExportDecodeError extends Error {}

export function readExportFile(path: string): CellGrid {
  return parseExportText(decodeExportBytes(readFileSync(path), path));
}

/**
 * The text of an export file's bytes, decided by its content: a byte-order mark (UTF-16LE/BE, UTF-8); UTF-16 without
 * one (every other byte zero in ASCII text); valid UTF-8; then, for 8-bit text, GB18030 when its non-ASCII bytes come
 * in pairs that GB18030 reads (Chinese), else Windows-1252 (an accented letter alone between ASCII ones, MYI).
 */
function decodeExportBytes(bytes: Uint8Array, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new ExportDecodeError(
      `${path} is an Excel workbook (.xlsx), not a text export: save it as CSV UTF-8 (or open it in Google Sheets) first.`,
    );
  }
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  if (bytes.includes(0)) throw undecodable(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: an 8-bit code page, told apart by how its non-ASCII bytes are spread.
  }
  if (looksDoubleByte(bytes)) {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw undecodable(path);
    }
  }
  // The Manage FBA Inventory flat file is Windows-1252 (`é` as one byte 0xE9).
  return new TextDecoder('windows-1252').decode(bytes);
}

function undecodable(path: string): ExportDecodeError {
  return new ExportDecodeError(
    `${path} could not be decoded as UTF-8, UTF-16, GB18030 (GBK) or Windows-1252 text. ` +
      'Save it from Excel as "CSV UTF-8", or download it again from Seller Central.',
  );
}

/** UTF-16 without a byte-order mark: ASCII text has a zero in every other byte (after the byte in LE, before in BE). */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) zeroEven++;
    if (bytes[index + 1] === 0) zeroOdd++;
  }
  const pairs = sample / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * True when the non-ASCII bytes come in runs of two or more, as the two bytes of each GBK character do; in a
 * Windows-1252 export a non-ASCII byte is an accented letter standing alone between ASCII ones (`Crème`).
 */
function looksDoubleByte(bytes: Uint8Array): boolean {
  let inRuns = 0;
  let alone = 0;
  let run = 0;
  for (let index = 0; index <= bytes.length; index++) {
    const byte = index < bytes.length ? (bytes[index] ?? 0) : 0;
    if (byte >= 0x80) {
      run++;
      continue;
    }
    if (run === 1) alone++;
    else if (run > 1) inRuns += run;
    run = 0;
  }
  return inRuns > 0 && inRuns >= 4 * alone;
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
