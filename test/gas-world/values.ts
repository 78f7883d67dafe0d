/**
 * How a cell is stored and how user input becomes a stored cell. Sheets parses a string written with setValue(s)
 * exactly like text typed into the cell (PLATFORM §9): numbers lose leading zeros and thousands separators, "12%"
 * becomes 0.12, "3-4" becomes a date. Only the plain-text format "@" or a leading apostrophe keeps the text.
 * The parsing follows the en_US spreadsheet locale, the only one the world models.
 */
import { isAnyRealmDate, serialFromWallTime, serialOfInstant, wallClockAt } from './dates';

/** A date/time cell: the serial day number Sheets keeps (days since 1899-12-30, time as the fraction). */
export class SerialDate {
  constructor(readonly serial: number) {}
}

/** One stored cell. null is an empty cell. */
export type StoredCell = string | number | boolean | SerialDate | null;

/** What a cell holds after a write: the value, plus the formula and the number format the input implied. */
export interface ParsedInput {
  value: StoredCell;
  formula?: string;
  /** Sheets switches an unformatted cell to a matching format when you type "12%", "$5", "9/1/2026"… */
  impliedFormat?: string;
}

/** `Range.getNumberFormat()` of a cell nobody formatted [mem: reported as "0.###############" by Apps Script]. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const PLAIN_TEXT_FORMAT = '@';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((month) => lower.startsWith(month));
  if (index < 0) return null;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][index];
  // "Sep", "Sept" and "September" are months; "Septx" is not.
  return full?.startsWith(lower) || lower === 'sept' ? index + 1 : null;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay;
}

/** Two-digit years: Sheets reads 00-29 as 20xx and 30-99 as 19xx [mem: the spreadsheet-editor convention]. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

interface TimeOfDay {
  ms: number;
  hasSeconds: boolean;
}

function parseTimeOfDay(text: string): TimeOfDay | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(
    text.trim(),
  );
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] ? Number(match[3]) : 0;
  const millis = match[4] ? Number(match[4].padEnd(3, '0')) : 0;
  const meridiem = match[5]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { ms: ((hour * 60 + minute) * 60 + second) * 1000 + millis, hasSeconds: match[3] !== undefined };
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  iso: boolean;
}

function parseDatePart(text: string, currentYear: number): DateParts | null {
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), iso: true };
  // en_US is month first: "9/1/2026", "9-1-26", and without a year "3-4" or "9/1" (this year).
  match = /^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(text);
  if (match) {
    const year = match[4] ? fullYear(match[4]) : currentYear;
    return { year, month: Number(match[1]), day: Number(match[3]), iso: false };
  }
  // "Sep 1, 2026", "September 1 2026", "Sep 1"
  match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/.exec(text);
  if (match) {
    const month = monthFromName(match[1] ?? '');
    if (month === null) return null;
    const year = match[3] ? Number(match[3]) : currentYear;
    return { year, month, day: Number(match[2]), iso: false };
  }
  // "1 Sep 2026", "1-Sep-2026"
  match = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?(?:[\s-,]+(\d{4}))?$/.exec(text);
  if (match) {
    const month = monthFromName(match[2] ?? '');
    if (month === null) return null;
    const year = match[3] ? Number(match[3]) : currentYear;
    return { year, month, day: Number(match[1]), iso: false };
  }
  return null;
}

function parseDateTime(text: string, currentYear: number): ParsedInput | null {
  const time = parseTimeOfDay(text);
  if (time) {
    return {
      value: new SerialDate(time.ms / 86_400_000),
      impliedFormat: time.hasSeconds ? 'h:mm:ss am/pm' : 'h:mm am/pm',
    };
  }
  // A date, optionally followed by a time ("2026-09-01 13:45", "9/1/2026 1:45 PM", ISO "T").
  const split = /^(.+?)(?:[T\s]+(\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?\s*(?:[ap]\.?m\.?)?))?$/i.exec(text);
  if (!split) return null;
  const date = parseDatePart((split[1] ?? '').trim(), currentYear);
  if (!date || !validDate(date.year, date.month, date.day)) return null;
  let ms = Date.UTC(date.year, date.month - 1, date.day);
  let format = date.iso ? 'yyyy-mm-dd' : 'M/d/yyyy';
  if (split[2]) {
    const timeOfDay = parseTimeOfDay(split[2]);
    if (!timeOfDay) return null;
    ms += timeOfDay.ms;
    format += ' H:mm:ss';
  }
  return { value: new SerialDate(serialFromWallTime(ms)), impliedFormat: format };
}

const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i;

function parseNumber(text: string): ParsedInput | null {
  let body = text;
  let negative = false;
  let percent = false;
  let currency = false;
  if (body.startsWith('-') || body.startsWith('+')) {
    negative = body.startsWith('-');
    body = body.slice(1).trim();
  }
  if (body.startsWith('$')) {
    currency = true;
    body = body.slice(1).trim();
    if (!negative && body.startsWith('-')) {
      negative = true;
      body = body.slice(1).trim();
    }
  }
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  if (body === '' || !/\d/.test(body) || !PLAIN_NUMBER.test(body)) return null;
  if (currency && percent) return null;
  const grouped = body.includes(',');
  let value = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  if (percent) value = value / 100;
  if (negative) value = -value;
  const decimals = /\.(\d+)/.exec(body)?.[1]?.length ?? 0;
  if (percent) return { value, impliedFormat: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
  if (currency) return { value, impliedFormat: '"$"#,##0.00' };
  if (grouped) return { value, impliedFormat: decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' };
  if (/e/i.test(body)) return { value, impliedFormat: '0.00E+00' };
  return { value };
}

/**
 * A string as Sheets reads it when typed into a cell of format `cellFormat` in a workbook whose "today" falls in
 * `currentYear`.
 */
export function parseTyped(text: string, cellFormat: string | undefined, currentYear: number): ParsedInput {
  if (text === '') return { value: null };
  // The plain-text format keeps everything verbatim, even "=1+2" and "'abc" [Sheets: Format › Number › Plain text].
  if (cellFormat === PLAIN_TEXT_FORMAT) return { value: text };
  // A leading apostrophe forces text and is not part of the value.
  if (text.startsWith("'")) return { value: text.slice(1) === '' ? null : text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: null, formula: text };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return parseNumber(trimmed) ?? parseDateTime(trimmed, currentYear) ?? { value: text };
}

export type WritableValue = string | number | boolean | Date | null;

/** Rejects what Apps Script cannot store in a cell, with the position so the failing write is easy to find. */
/**
 * Sheets keeps at most 50,000 characters in one cell (PLATFORM §9 "Size limits", support.google.com/drive/answer/37603);
 * a longer write is refused. [mem] The wording is the one Sheets' UI and Apps Script give for it.
 */
export const CELL_CHARACTER_LIMIT = 50_000;

export function assertWritable(value: unknown, where: string): asserts value is WritableValue {
  if (typeof value === 'string' && value.length > CELL_CHARACTER_LIMIT) {
    throw new Error(
      `Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell (${where}).`,
    );
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    // A NaN or Infinity reaching a sheet is always a bug in the add-on's arithmetic; fail loudly [inf: the world's
    // choice, Sheets would show an error value].
    if (!Number.isFinite(value)) throw new Error(`Cannot write the number ${value} to a cell (${where}).`);
    return;
  }
  if (isAnyRealmDate(value)) {
    if (Number.isNaN(value.getTime())) throw new Error(`Cannot write an invalid Date to a cell (${where}).`);
    return;
  }
  const kind = value === undefined ? 'undefined' : Array.isArray(value) ? 'an array' : typeof value;
  throw new Error(
    `Cannot write ${kind} to a cell (${where}): only strings, numbers, booleans, Dates and null.`,
  );
}

/**
 * The year a typed day without one falls in (Sheets reads "3/5" as this year's): one setValues call writes every cell
 * at the same instant, so the wall clock is worked out once per instant and zone, not once per cell (formatToParts per
 * cell made the world's own garbage, ~1 KB a string cell, which the add-on's code was then charged for in the bench's
 * garbage collections).
 */
let lastYear: { nowMs: number; timeZone: string; year: number } | null = null;
function currentYear(nowMs: number, timeZone: string): number {
  if (lastYear === null || lastYear.nowMs !== nowMs || lastYear.timeZone !== timeZone)
    lastYear = { nowMs, timeZone, year: wallClockAt(nowMs, timeZone).year };
  return lastYear.year;
}

/** What a JS value written with setValue(s) becomes in a sheet of `timeZone`. */
export function storedFromWrite(
  value: WritableValue,
  cellFormat: string | undefined,
  timeZone: string,
  nowMs: number,
): ParsedInput {
  if (value === null) return { value: null };
  if (typeof value === 'string') return parseTyped(value, cellFormat, currentYear(nowMs, timeZone));
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  const serial = serialOfInstant(value.getTime(), timeZone);
  const hasTime = Math.abs(serial - Math.floor(serial)) > 1e-9;
  return { value: new SerialDate(serial), impliedFormat: hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy' };
}
