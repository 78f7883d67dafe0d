/**
 * Text clean-up shared by every cell reader. Exports carry invisible debris that a person never sees in Sheets but
 * that breaks an equality test: a byte-order mark glued to the first header, trailing TABs after TikTok Shop ids and
 * times (EXPORTS §8), non-breaking spaces from copy-paste out of a browser, and Excel's `="…"` guard around ids in the
 * unified Ads report (EXPORTS §2c).
 */
import { type Cell, isDateCell } from '../cell';

const BYTE_ORDER_MARK = /\uFEFF/g;
const NON_BREAKING_SPACE = /\u00A0|\u202F/g;
/** Excel's text guard: `="00123"` keeps leading zeros when a CSV is opened in Excel. Inner quotes are doubled. */
const EXCEL_TEXT_GUARD = /^="((?:[^"]|"")*)"$/;

/**
 * The text a cell holds, cleaned: BOM removed, NBSP turned into a space, surrounding spaces and tabs trimmed, the `="…"`
 * guard removed. Numbers and booleans become their plain text; a Date becomes its ISO instant (callers that care about
 * dates use parseMoment instead); a blank cell becomes `""`.
 */
export function cellText(cell: Cell | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cleanText(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (isDateCell(cell)) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return '';
}

const INVISIBLE_DEBRIS = /[\uFEFF\u00A0\u202F]/;

export function cleanText(raw: string): string {
  return isAlreadyClean(raw) ? raw : cleanTextGeneral(raw);
}

/**
 * cleanText without its fast path. Exported so a property test can hold the fast path to it; callers use cleanText.
 */
export function cleanTextGeneral(raw: string): string {
  let text = raw;
  // One scan for the rare characters; most cells have none (this runs for every cell of 100,000-row reports).
  if (INVISIBLE_DEBRIS.test(text)) text = text.replace(BYTE_ORDER_MARK, '').replace(NON_BREAKING_SPACE, ' ');
  text = text.trim();
  if (text.charCodeAt(0) === 61 /* = */ && text.charCodeAt(1) === 34 /* " */) {
    const guarded = EXCEL_TEXT_GUARD.exec(text);
    if (guarded) text = (guarded[1] ?? '').replace(/""/g, '"').trim();
  }
  return text;
}

const SPACE = 32;
const TILDE = 126;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;

/**
 * Fast path (every cell of a 100,000-row report passes here): printable ASCII with no space at either end and no
 * `="` at the start is what cleanText returns unchanged, since it holds no BOM, NBSP, TAB or other whitespace to trim
 * and no Excel guard. Order ids, SKUs, amounts, statuses and ISO timestamps all qualify.
 */
function isAlreadyClean(text: string): boolean {
  const last = text.length - 1;
  if (last < 0 || text.charCodeAt(0) === SPACE || text.charCodeAt(last) === SPACE) return false;
  if (text.charCodeAt(0) === EQUALS && text.charCodeAt(1) === DOUBLE_QUOTE) return false;
  for (let index = 0; index <= last; index++) {
    const code = text.charCodeAt(index);
    if (code < SPACE || code > TILDE) return false;
  }
  return true;
}

const ASCII_LAST = 127;
const UPPER_A = 65;
const UPPER_Z = 90;
const TO_LOWER = 32;

/**
 * `text.toLowerCase() === lowerWord` for a lower-case ASCII `lowerWord`, without making the lower-case copy: the All
 * Orders reader asks it of three cells of every order line (sales channel, order and item status). Text with a
 * non-ASCII character goes to toLowerCase itself, whose Unicode rules (`K`, Kelvin sign, lower-cases to `k`; `İ` to two
 * characters) this loop does not repeat. Property-tested against toLowerCase in test/core/fastPaths.test.ts. With
 * isUsDollars' check of `USD` as written, parsing 100,000 order lines allocates 46 MB instead of 54 (issue 17).
 */
export function isLowerCaseOf(text: string, lowerWord: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > ASCII_LAST) return text.toLowerCase() === lowerWord;
  }
  if (text.length !== lowerWord.length) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const lower = code >= UPPER_A && code <= UPPER_Z ? code + TO_LOWER : code;
    if (lower !== lowerWord.charCodeAt(index)) return false;
  }
  return true;
}

const DASHES = /[\u2010-\u2015\u2212]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * A header name as detection compares it: cleaned, lower-case, any dash (en dash in a UK Business Report
 * `Sessions – Total`) turned into a hyphen, runs of spaces collapsed (Ads headers end in a space: `7 Day Total Sales `).
 */
export function normaliseHeader(cell: Cell | null | undefined): string {
  return cellText(cell).replace(DASHES, '-').replace(WHITESPACE_RUN, ' ').toLowerCase();
}
