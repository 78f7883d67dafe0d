/**
 * Dates and timestamps as the exports write them, read into the calendar day of the reporting time zone (SPEC §2):
 * - with an offset or zone (`2026-05-08T23:36:26+00:00`, `Jun 8, 2025 10:23:05 PM PDT`, `2026-09-01 10:00:00 -0400`,
 *   `2025-06-09 05:23:19 UTC`): that instant, whose day is taken in the reporting zone;
 * - a time without zone (`03/01/2026 10:00:00 AM`, TikTok Shop US): the marketplace's local time, read in the reporting
 *   zone, so its day is the day written;
 * - a date without time (`Sep 01, 2026`, `8/3/26`, `4/29/2026`, `2026/06/12`): that calendar day, no instant;
 * - a Date cell: the wall clock the sheet shows, i.e. its wall clock in the spreadsheet's zone (PLATFORM §9: a workbook
 *   in Asia/Shanghai hands over 16:00 UTC of the day before for a date cell), then read like the text it came from.
 *   Midnight is a date-only cell; any other time is a local time.
 */
import { type Cell, isDateCell } from '../cell';
import { type IsoDate } from '../model';
import {
  epochFromWallClock,
  isoDateInZone,
  isoDateOf,
  type WallClock,
  wallClockInZone,
  zoneOffsetMinutes,
} from '../time';
import { type Parsed, parseFailure, parsedValue } from './result';
import { cleanText } from './text';

export interface TimeZones {
  /** IANA zone whose calendar days the facts use. */
  reportingTimeZone: string;
  /** IANA zone of the spreadsheet: Date cells carry its wall clock. */
  spreadsheetTimeZone: string;
}

/** A point or day of a row: its calendar day in the reporting zone, and the instant when the export gave a time. */
export interface Moment {
  date: IsoDate;
  epochMs: number | null;
}

export interface DayRange {
  from: IsoDate;
  to: IsoDate;
}

/**
 * How a column writes numeric days (SPEC §2a "Dates that could be day-first"): `03/01/2026` is March 1 month-first
 * (US exports) and January 3 day-first (TikTok Shop SEA, EXPORTS §8). A column is read one way as a whole; null when
 * neither its values nor its report decide, and then a value that reads both ways is not guessed.
 */
export type DayOrder = 'monthFirst' | 'dayFirst';

/** The two leading numbers of a numeric day (`25/06/2026`, `8/3/26 10:00`), before any regex of the full formats. */
const NUMERIC_DAY_START = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2}/;

/**
 * What one cleaned text says about its column's order: `dayFirst` when its first number cannot be a month (above 12)
 * but its second can, `monthFirst` the other way round, null when it says nothing (both 12 or below, not a numeric
 * day, or a typo such as `13/45/2026` that no order can read).
 */
export function dayOrderEvidence(text: string): DayOrder | null {
  const numbers = NUMERIC_DAY_START.exec(text);
  if (!numbers) return null;
  const first = Number(numbers[1]);
  const second = Number(numbers[2]);
  if (first > 12 && second <= 12) return 'dayFirst';
  if (second > 12 && first <= 12) return 'monthFirst';
  return null;
}

/**
 * The order of a column from its texts (SPEC §2a): any first number above 12 makes it day-first, any second number
 * above 12 month-first. When the values say both (a typo beside real days), they cannot decide and the report's
 * documented order does; with none, `documented` (the report's known format, or null) decides too.
 */
export function decideDayOrder(texts: Iterable<string>, documented: DayOrder | null): DayOrder | null {
  let dayFirstSeen = false;
  let monthFirstSeen = false;
  for (const text of texts) {
    const evidence = dayOrderEvidence(text);
    if (evidence === 'dayFirst') dayFirstSeen = true;
    else if (evidence === 'monthFirst') monthFirstSeen = true;
    if (dayFirstSeen && monthFirstSeen) return documented;
  }
  return dayFirstSeen ? 'dayFirst' : monthFirstSeen ? 'monthFirst' : documented;
}

/**
 * US and UTC zone abbreviations the US exports print (Date Range report: `PDT`/`PST`). Others are refused rather than
 * guessed: `CST` is also China Standard Time, but no US export writes it that way.
 */
const ZONE_ABBREVIATION_OFFSETS: Readonly<Record<string, number>> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  AKST: -540,
  AKDT: -480,
  HST: -600,
};

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const TIME = String.raw`(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d{1,9})?)?\s*(?<meridiem>[AaPp]\.?[Mm]\.?)?`;
const ZONE = String.raw`(?<zone>[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})`;
const TIME_AND_ZONE = String.raw`(?:(?:[Tt]|,?\s+)${TIME})?\s*${ZONE}?`;

/** `2026-05-08T23:36:26+00:00`, `2026-09-01 10:00:00 -0400`, `2025-06-09 05:23:19 UTC`, `2026/06/12`. */
const YEAR_FIRST = new RegExp(
  String.raw`^(?<year>\d{4})[-/.](?<month>\d{1,2})[-/.](?<day>\d{1,2})${TIME_AND_ZONE}$`,
);
/** `03/01/2026 10:00:00 AM`, `8/3/26`, `4/29/2026`. */
const MONTH_FIRST = new RegExp(
  String.raw`^(?<month>\d{1,2})[/.-](?<day>\d{1,2})[/.-](?<year>\d{4}|\d{2})${TIME_AND_ZONE}$`,
);
/** `Jun 8, 2025 10:23:05 PM PDT`, `Sep 01, 2026`, `Mon, Jun 8, 2025`. */
const MONTH_NAME = new RegExp(
  String.raw`^(?:[A-Za-z]{3,9},?\s+)?(?<monthName>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})${TIME_AND_ZONE}$`,
);
/** `8 Jun 2025`, `08-Jun-2025` (settlement and Excel date styles). */
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(?<day>\d{1,2})[\s-](?<monthName>[A-Za-z]{3,9})\.?[\s-],?\s*(?<year>\d{4})${TIME_AND_ZONE}$`,
);
const DATE_FORMATS = [YEAR_FIRST, MONTH_FIRST, MONTH_NAME, DAY_MONTH_NAME];
const RANGE_SEPARATOR = /\s+(?:[-\u2013\u2014]|to)\s+/i;
const NUMERIC_OFFSET = /^(?:(?:UTC|GMT)?)([+-])(\d{1,2}):?(\d{2})?$/i;

interface WrittenTime {
  year: number;
  month: number;
  day: number;
  /** Null for a date without a time. */
  time: { hour: number; minute: number; second: number } | null;
  /** Minutes east of UTC written in the text, or null when the text has no zone (local time). */
  offsetMinutes: number | null;
}

/**
 * Reads a timestamp or a day from a cell. Blank → null; a text no format matches → `notADate`.
 *
 * `dayOrder` is the order of the cell's column (decideDayOrder). Left out, a numeric day is month-first unless that
 * is impossible (`25/06/2026`), for callers that read a single value. Given as null (a column nothing decides), a
 * value that reads both ways (`05/06/2026`) is `ambiguousDate`.
 */
export function parseMoment(
  cell: Cell | null | undefined,
  zones: TimeZones,
  dayOrder?: DayOrder | null,
): Parsed<Moment | null> {
  if (typeof cell === 'string') {
    // The ISO fast path reads the raw cell: a text it accepts is 25 fixed characters with no space or invisible
    // character, which cleanText would return unchanged, so skipping it gives what the general path gives.
    const isoInstant = epochOfIsoWithOffset(cell);
    if (isoInstant !== null)
      return parsedValue({ date: dayInZone(isoInstant, zones.reportingTimeZone), epochMs: isoInstant });
  }
  return parseMomentGeneral(cell, zones, dayOrder);
}

/**
 * parseMoment without its ISO fast path: every format through the general readers. Exported so a property test can
 * hold the fast path to it; callers use parseMoment.
 */
export function parseMomentGeneral(
  cell: Cell | null | undefined,
  zones: TimeZones,
  dayOrder?: DayOrder | null,
): Parsed<Moment | null> {
  if (cell === null || cell === undefined) return parsedValue(null);
  if (isDateCell(cell)) return momentOfDateCell(cell, zones);
  if (typeof cell !== 'string') return parseFailure('notADate', String(cell));
  const text = cleanText(cell);
  if (text === '') return parsedValue(null);
  const written = readWrittenTime(text, dayOrder);
  if (written === 'ambiguous') return parseFailure('ambiguousDate', text);
  if (!written) return parseFailure('notADate', text);
  return parsedValue(momentOfWrittenTime(written, zones.reportingTimeZone));
}

/** `"Jul 06, 2026 - Jul 29, 2026"` (unified Ads report) into its first and last day; one day alone is a one-day range. */
export function parseDayRange(cell: Cell | null | undefined, zones: TimeZones): Parsed<DayRange | null> {
  if (typeof cell === 'string') {
    const text = cleanText(cell);
    if (text === '') return parsedValue(null);
    const ends = text.split(RANGE_SEPARATOR);
    if (ends.length === 2) {
      const from = parseMoment(ends[0], zones);
      const to = parseMoment(ends[1], zones);
      if (!from.ok || !to.ok || !from.value || !to.value) return parseFailure('notADateRange', text);
      if (to.value.date < from.value.date) return parseFailure('notADateRange', text);
      return parsedValue({ from: from.value.date, to: to.value.date });
    }
  }
  const single = parseMoment(cell, zones);
  if (!single.ok) return parseFailure('notADateRange', single.text);
  return parsedValue(single.value ? { from: single.value.date, to: single.value.date } : null);
}

const DIGIT_0 = 48;
const HYPHEN = 45;
const COLON = 58;
const PLUS = 43;
const LETTER_T = 84;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The digits of `text` from `start` to `end` as a number, or -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) {
    const digit = text.charCodeAt(index) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Fast path for the shape of every Amazon flat-file timestamp, `2026-05-08T23:36:26+00:00` (two per row of a
 * 100,000-row All Orders report): read by character codes, without a regex match object or Date.UTC. Null for anything
 * else, which then goes through the general formats; for a text it accepts, the general YEAR_FIRST format gives the
 * same instant (property-tested against parseMomentGeneral).
 */
export function epochOfIsoWithOffset(text: string): number | null {
  if (text.length !== 25) return null;
  const sign = text.charCodeAt(19);
  if (
    text.charCodeAt(4) !== HYPHEN ||
    text.charCodeAt(7) !== HYPHEN ||
    text.charCodeAt(10) !== LETTER_T ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON ||
    text.charCodeAt(22) !== COLON ||
    (sign !== PLUS && sign !== HYPHEN)
  )
    return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  const second = digitsAt(text, 17, 19);
  const offsetHours = digitsAt(text, 20, 22);
  const offsetMinutes = digitsAt(text, 23, 25);
  if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) return null;
  // The general format refuses an offset beyond ±14 hours (offsetOfZone); so must this path.
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return null;
  if (!isRealDay(year, month, day)) return null;
  const offset = (sign === HYPHEN ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return daysSinceEpoch(year, month, day) * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000;
}

/**
 * Epoch seconds of an instant in epoch ms, milliseconds kept as a fraction. A whole second comes out of Math.floor,
 * which V8 hands back as a small integer stored inside the object that holds it; the quotient itself would be a heap
 * number of 16 bytes, and one such value in a field makes V8 box that field in every later object of its shape
 * (measured on 100,000 order lines: 152 → 140 bytes a fact, issue 17).
 */
export function epochSecondsOf(epochMs: number): number {
  const wholeSeconds = Math.floor(epochMs / 1000);
  return wholeSeconds * 1000 === epochMs ? wholeSeconds : epochMs / 1000;
}

/**
 * Days from 1970-01-01 to a day of the proleptic Gregorian calendar (what Date.UTC counts, without its cost): the
 * civil-to-days method of H. Hinnant, http://howardhinnant.github.io/date_algorithms.html#days_from_civil, with the
 * year taken to start in March so that the leap day ends it.
 */
export function daysSinceEpoch(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function readWrittenTime(
  text: string,
  dayOrder: DayOrder | null | undefined,
): WrittenTime | 'ambiguous' | null {
  for (const format of DATE_FORMATS) {
    const match = format.exec(text);
    if (match?.groups) return writtenTimeOf(match.groups, format === MONTH_FIRST ? dayOrder : 'yearOrName');
  }
  return null;
}

/**
 * `order` is how a numeric `a/b/year` day is read (see parseMoment); 'yearOrName' for the formats whose month is
 * unmistakable (year first, a month name).
 */
function writtenTimeOf(
  groups: Record<string, string | undefined>,
  order: DayOrder | null | undefined | 'yearOrName',
): WrittenTime | 'ambiguous' | null {
  let year = Number(groups.year);
  // Two-digit years (`8/3/26` in the Business Report by date) are this century's.
  if (groups.year?.length === 2) year += 2000;
  let month = groups.monthName ? (MONTHS[groups.monthName.toLowerCase()] ?? NaN) : Number(groups.month);
  let day = Number(groups.day);
  if (order === 'dayFirst') {
    [month, day] = [day, month];
  } else if (order === undefined && month > 12 && day <= 12) {
    // A lone value (no column to decide): `25/06/2026 13:03:57`, TikTok Shop's SEA style, is day-first only because
    // the month-first reading is impossible.
    [month, day] = [day, month];
  } else if (order === null && month !== day && month <= 12 && day <= 12) {
    // Neither the column nor its report says which of `05/06/2026`'s numbers is the month: not guessed.
    return 'ambiguous';
  }
  if (!isRealDay(year, month, day)) return null;
  let time: WrittenTime['time'] = null;
  if (groups.hour !== undefined) {
    let hour = Number(groups.hour);
    const minute = Number(groups.minute);
    const second = groups.second === undefined ? 0 : Number(groups.second);
    if (groups.meridiem) {
      if (hour < 1 || hour > 12) return null;
      const afternoon = groups.meridiem[0]?.toLowerCase() === 'p';
      hour = (hour % 12) + (afternoon ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return null;
    time = { hour, minute, second };
  }
  let offsetMinutes: number | null = null;
  if (groups.zone !== undefined) {
    // A zone must be one we know even on a date without a time; there it does not move the day written.
    const offset = offsetOfZone(groups.zone);
    if (offset === null) return null;
    offsetMinutes = time ? offset : null;
  }
  return { year, month, day, time, offsetMinutes };
}

function offsetOfZone(zone: string): number | null {
  const known = ZONE_ABBREVIATION_OFFSETS[zone.toUpperCase()];
  if (known !== undefined) return known;
  const numeric = NUMERIC_OFFSET.exec(zone);
  if (!numeric) return null;
  const hours = Number(numeric[2]);
  const minutes = Number(numeric[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function momentOfWrittenTime(written: WrittenTime, reportingZone: string): Moment {
  const { year, month, day, time } = written;
  if (!time) return { date: isoDateOf({ year, month, day }), epochMs: null };
  if (written.offsetMinutes === null) {
    // No zone: the marketplace's local time, read in the reporting zone. The day is the day written.
    return {
      date: isoDateOf({ year, month, day }),
      epochMs: epochOfLocalTime({ year, month, day, ...time }, reportingZone),
    };
  }
  const epochMs =
    Date.UTC(year, month - 1, day, time.hour, time.minute, time.second) - written.offsetMinutes * 60000;
  return { date: dayInZone(epochMs, reportingZone), epochMs };
}

function momentOfDateCell(cell: Date, zones: TimeZones): Parsed<Moment | null> {
  const epochMs = cell.getTime();
  if (Number.isNaN(epochMs)) return parseFailure('notADate', 'Invalid Date');
  const shown = wallClockCached(epochMs, zones.spreadsheetTimeZone);
  const date = isoDateOf(shown);
  if (shown.hour === 0 && shown.minute === 0 && shown.second === 0)
    return parsedValue({ date, epochMs: null });
  return parsedValue({ date, epochMs: epochOfLocalTime(shown, zones.reportingTimeZone) });
}

/*
 * Speed: Intl.DateTimeFormat.formatToParts costs microseconds, and a 100,000-line All Orders report has two timestamps
 * per line, so offsets are cached. The rules relied on, true of every IANA zone since 1972 (Monrovia's −0:44:30 was
 * the last offset that was not a whole quarter hour), and checked where they can be:
 * - R1: offsets are whole quarter hours (Kolkata +5:30, Kathmandu +5:45, Chatham +12:45) and change only at a whole
 *   quarter hour of UTC: clocks change at a whole local hour or half hour (Lord Howe at 02:00 +10:30 = 15:30 UTC).
 *   So the offset at the start of a UTC quarter hour holds for all of it, and local midnight (hence the day) can only
 *   fall on a quarter-hour boundary. An offset looked up that is not a whole quarter hour is used for that instant
 *   alone and never cached.
 * - R2: an offset never changes twice within an hour. A local hour whose first and last second are 59:59 apart holds
 *   no change, so its other times are its start plus their minutes; a local hour with a change inside (Lord Howe's
 *   02:00–03:00 on the spring day holds a skipped half hour) is converted time by time.
 * Each cache is per zone and emptied past CACHE_LIMIT entries, so memory stays bounded whatever the data.
 */
const QUARTER_HOUR_MS = 900_000;
const QUARTER_HOUR_MINUTES = 15;
const LOCAL_HOUR_SPAN_MS = 3_599_000;
const CACHE_LIMIT = 200_000;
const offsetCaches = new Map<string, Map<number, number>>();
/** Per local hour: the instant of its start, or NaN for an hour that holds a change of offset. */
const localHourCaches = new Map<string, Map<number, number>>();
const dayCaches = new Map<string, Map<number, IsoDate>>();

function cacheFor<V>(caches: Map<string, Map<number, V>>, zone: string): Map<number, V> {
  let cache = caches.get(zone);
  if (!cache || cache.size > CACHE_LIMIT) {
    cache = new Map();
    caches.set(zone, cache);
  }
  return cache;
}

/** The offset of `zone` at `epochMs` in minutes, or null when it is not a whole quarter hour (then use Intl). */
function offsetMinutesAt(epochMs: number, zone: string): number | null {
  const cache = cacheFor(offsetCaches, zone);
  const quarterHour = Math.floor(epochMs / QUARTER_HOUR_MS);
  const cached = cache.get(quarterHour);
  if (cached !== undefined) return cached;
  const offset = zoneOffsetMinutes(quarterHour * QUARTER_HOUR_MS, zone);
  if (offset % QUARTER_HOUR_MINUTES !== 0) return null;
  cache.set(quarterHour, offset);
  return offset;
}

function wallClockCached(epochMs: number, zone: string): WallClock {
  const offset = offsetMinutesAt(epochMs, zone);
  if (offset === null) return wallClockInZone(epochMs, zone);
  const shifted = new Date(epochMs + offset * MINUTE_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** The calendar day in `zone` at `epochMs` (isoDateInZone of time.ts, cached per quarter hour: R1). */
export function dayInZone(epochMs: number, zone: string): IsoDate {
  const cache = cacheFor(dayCaches, zone);
  const quarterHour = Math.floor(epochMs / QUARTER_HOUR_MS);
  let day = cache.get(quarterHour);
  if (day === undefined) {
    if (offsetMinutesAt(epochMs, zone) === null) return isoDateInZone(epochMs, zone);
    day = isoDateOf(wallClockCached(quarterHour * QUARTER_HOUR_MS, zone));
    cache.set(quarterHour, day);
  }
  return day;
}

/** The instant when `zone`'s clocks show `clock` (epochFromWallClock of time.ts, cached per local hour: R2). */
export function epochOfLocalTime(clock: WallClock, zone: string): number {
  const cache = cacheFor(localHourCaches, zone);
  const hourKey = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour) / 3_600_000;
  let hourStart = cache.get(hourKey);
  if (hourStart === undefined) {
    hourStart = epochFromWallClock({ ...clock, minute: 0, second: 0 }, zone);
    const hourEnd = epochFromWallClock({ ...clock, minute: 59, second: 59 }, zone);
    if (hourEnd - hourStart !== LOCAL_HOUR_SPAN_MS) hourStart = NaN;
    cache.set(hourKey, hourStart);
  }
  if (Number.isNaN(hourStart)) return epochFromWallClock(clock, zone);
  return hourStart + clock.minute * MINUTE_MS + clock.second * 1000;
}
