/**
 * Numbers as the exports write them, as text (`"$12,905.25"`, `(55.00)`, `"1,204"`, `12.02%`) or as typed number cells
 * (after a paste with conversion on, Sheets stores `12.02%` as 0.1202 and `$1,234.56` as 1234.56).
 */
import { type Cell, isDateCell } from '../cell';
import { cleanText } from './text';
import { type Parsed, parseFailure, parsedValue } from './result';

/**
 * Plain US digits: `1234.5`, `1,234.50`, `.5`, `1e-5`. A comma must group thousands, so the EU `1.234,56` of European
 * settlement files is refused rather than misread as 1.234. An exponent needs digits before it: `e5` and `E-3` alone
 * would be Number's NaN.
 */
const US_DIGITS = /^(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?$/i;

/**
 * The largest magnitude a money, count or ratio cell may hold: 2^53 − 1, beyond which counts are no longer exact.
 * No seller's amount comes near it (it is nine quadrillion dollars), and staying below it keeps every sum and product
 * the build makes of such cells finite (9e15 × 1e6 rows is still far below Number.MAX_VALUE), so `1e309` or a
 * 400-digit paste is a Data Issue instead of an Infinity that Sheets refuses to store.
 */
export const MAX_CELL_MAGNITUDE = Number.MAX_SAFE_INTEGER;

/** True for a number the build can carry: finite and within MAX_CELL_MAGNITUDE. */
export function isPlausibleCellNumber(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_CELL_MAGNITUDE;
}
/**
 * Currency marks the US exports put around amounts: `$` (Business Report), `USD 12.00` (TikTok Shop), and `US$` of
 * Seller Central in Chinese (`US$1,100.15`, EXPORTS §9.1c), also seen with a space (`US $`).
 */
const CURRENCY_MARK = /^(?:US\s?\$|\$|USD\s*)|(?:\s*USD)$/i;

/**
 * Marks of another currency: yen and yuan (`￥`, `¥`, `JP¥5,000` of a Japanese store, EXPORTS §9.1c), euro, pound,
 * rupee, a dollar of another country (`CA$`, `C$`, `MX$`, `A$`), and currency codes. Looked for only once a cell has
 * failed to read as US dollars, to say why.
 */
const OTHER_CURRENCY_MARK =
  /(?:[A-Za-z]{1,3}\s?)?[¥￥€£₹]|\b(?:CNY|RMB|JPY|EUR|GBP|CAD|MXN|AUD|INR)\b|元|(?<![A-Za-z])(?!US\s?\$)[A-Za-z]{1,3}(?=\s?\$)/gi;

interface NumberText {
  digits: string;
  negative: boolean;
  percent: boolean;
}

/** Splits sign, parentheses, currency and percent marks from the digits; null when nothing number-like is left. */
function splitNumberText(text: string): NumberText | null {
  let rest = text;
  let negative = false;
  let percent = false;
  // Accounting negatives: `(55.00)` and `($55.00)`.
  // A CSV opened as plain text keeps the quotes around a grouped count: `"1,034"` (EXPORTS §9.1c).
  if (rest.length > 2 && rest.startsWith('"') && rest.endsWith('"')) rest = rest.slice(1, -1).trim();
  if (rest.startsWith('(') && rest.endsWith(')')) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  if (rest.endsWith('%')) {
    percent = true;
    rest = rest.slice(0, -1).trim();
  }
  // The sign can sit before or after the currency mark: `-$5.00`, `$-5.00`.
  for (let pass = 0; pass < 2; pass++) {
    if (rest.startsWith('-') || rest.startsWith('+') || rest.startsWith('\u2212')) {
      if (rest[0] !== '+') negative = !negative;
      rest = rest.slice(1).trim();
    }
    const withoutCurrency = rest.replace(CURRENCY_MARK, '');
    if (withoutCurrency === rest) break;
    rest = withoutCurrency.trim();
  }
  if (rest === '' || rest === '.' || !US_DIGITS.test(rest)) return null;
  return { digits: rest.replace(/,/g, ''), negative, percent };
}

/** True when `text` is a number once another currency's mark is taken away: an amount, but not in US dollars. */
function isOtherCurrency(text: string): boolean {
  OTHER_CURRENCY_MARK.lastIndex = 0;
  if (!OTHER_CURRENCY_MARK.test(text)) return false;
  return splitNumberText(text.replace(OTHER_CURRENCY_MARK, '').trim()) !== null;
}

function numberFromText(parts: NumberText): number {
  // Shifting the decimal point in the text keeps 1.0436% exactly 0.010436 (dividing by 100 would not).
  const magnitude =
    parts.percent && !/e/i.test(parts.digits)
      ? Number(`${parts.digits}e-2`)
      : Number(parts.digits) / (parts.percent ? 100 : 1);
  return parts.negative && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * An amount or any decimal: `$1,234.56`, `(55.00)`, `-5.0`, `108.61`, a number cell. A trailing `%` is accepted and
 * turned into a fraction (so a percent column read as a number gives the same value as the typed cell). Blank → null.
 */
export function parseDecimal(cell: Cell | null | undefined): Parsed<number | null> {
  if (typeof cell === 'number')
    return isPlausibleCellNumber(cell) ? parsedValue(cell) : parseFailure('notANumber', String(cell));
  if (cell === null || cell === undefined) return parsedValue(null);
  if (typeof cell === 'boolean' || isDateCell(cell)) return parseFailure('notANumber', String(cell));
  const text = cleanText(cell);
  if (text === '') return parsedValue(null);
  const plain = plainDecimal(text);
  if (plain !== null) return parsedValue(plain);
  return parseDecimalText(text);
}

/** The general reading of cleaned, non-empty text (signs, currency, parentheses, grouping, percent). */
function parseDecimalText(text: string): Parsed<number | null> {
  const parts = splitNumberText(text);
  if (!parts) return parseFailure(isOtherCurrency(text) ? 'notUsDollars' : 'notANumber', text);
  const value = numberFromText(parts);
  return isPlausibleCellNumber(value) ? parsedValue(value) : parseFailure('notANumber', text);
}

/**
 * parseDecimal without its plain-decimal fast path: every text through the general reader. Exported so a property
 * test can hold the fast path to it; callers use parseDecimal.
 */
export function parseDecimalGeneral(cell: Cell | null | undefined): Parsed<number | null> {
  if (typeof cell !== 'string') return parseDecimal(cell);
  const text = cleanText(cell);
  return text === '' ? parsedValue(null) : parseDecimalText(text);
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;
const POINT = 46;

/**
 * Fast path for what the order exports write in every row (`25.00`, `-1.00`, `3`): an optional minus, digits, and an
 * optional point followed by digits. For these the general reader ends in the same Number() of the same digits, with
 * the sign applied after, so −0 comes out as 0 there and here. Null for anything else. Such a text is already clean
 * (cleanText returns it unchanged), so a caller may try it on a raw cell before cleaning. Too many digits to be a
 * plausible cell (isPlausibleCellNumber) is null too, so the general reader gives the reason.
 */
export function plainDecimal(text: string): number | null {
  const start = text.charCodeAt(0) === MINUS ? 1 : 0;
  let index = start;
  while (index < text.length && isDigit(text.charCodeAt(index))) index++;
  if (index === start) return null;
  if (index < text.length) {
    if (text.charCodeAt(index) !== POINT) return null;
    const fractionStart = ++index;
    while (index < text.length && isDigit(text.charCodeAt(index))) index++;
    if (index === fractionStart || index < text.length) return null;
  }
  const value = Number(text);
  if (!isPlausibleCellNumber(value)) return null;
  return value === 0 ? 0 : value;
}

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

/** Money: the same as parseDecimal (kept as its own name so a column's meaning reads at the call site). */
export const parseMoney = parseDecimal;

/**
 * A ratio as a fraction: `12.5%` → 0.125, `1.0436%` → 0.010436, a typed percent cell (already a fraction) as it is.
 * Text without a `%` sign is taken as already a fraction, like the number cell it would become.
 */
export const parsePercent = parseDecimal;

/** A count of units, orders, sessions: `"1,204"`, `3`, a number cell. A fraction is refused. Blank → null. */
export function parseCount(cell: Cell | null | undefined): Parsed<number | null> {
  const parsed = parseDecimal(cell);
  if (!parsed.ok || parsed.value === null) return parsed;
  if (!Number.isInteger(parsed.value)) return parseFailure('notAWholeNumber', cellTextForError(cell));
  return parsed;
}

/** `true`/`false` (All Orders is-business-order), `Yes`/`No` (inventory listing flags), a checkbox cell. */
export function parseBoolean(cell: Cell | null | undefined): Parsed<boolean | null> {
  if (typeof cell === 'boolean') return parsedValue(cell);
  if (cell === null || cell === undefined) return parsedValue(null);
  const text = typeof cell === 'string' ? cleanText(cell).toLowerCase() : String(cell);
  if (text === '') return parsedValue(null);
  if (text === 'true' || text === 'yes' || text === 'y') return parsedValue(true);
  if (text === 'false' || text === 'no' || text === 'n') return parsedValue(false);
  return parseFailure('notABoolean', text);
}

function cellTextForError(cell: Cell | null | undefined): string {
  return typeof cell === 'string' ? cleanText(cell) : String(cell);
}

/** Rounds money to whole cents, so that 29.98 × 3 is 89.94 and not 89.94000000000001. */
export function roundCents(amount: number): number {
  return wholeCentsOf(amount) / 100;
}

/**
 * Money as a whole number of cents, rounded as roundCents rounds (roundCents(x) is exactly wholeCentsOf(x) / 100).
 * Kept where many amounts are stored: a whole number is held inside the object that holds it, where a fractional
 * dollar amount costs a heap number of its own (issue 17: 16 bytes of every order line).
 */
export function wholeCentsOf(amount: number): number {
  // Half away from zero on the decimal value: 1.005 is stored as 1.00499…, so nudge by a relative epsilon first.
  const cents = Math.round(Math.abs(amount) * 100 * (1 + Number.EPSILON * 4));
  return cents === 0 ? 0 : Math.sign(amount) * cents;
}
