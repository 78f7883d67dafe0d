/**
 * Time-zone arithmetic for the world. Sheets stores a date as a serial number of days since 1899-12-30 at the
 * wall-clock time the cell shows; Apps Script turns it into a JS Date at that wall-clock time in the SPREADSHEET's
 * zone (PLATFORM §9). Everything here goes through Intl so any IANA zone works, independent of the host TZ.
 */

const MS_PER_DAY = 86_400_000;
/** Date.UTC(1899, 11, 30): day 0 of the Sheets (and Lotus/Excel-compatible) serial calendar. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 = Monday … 7 = Sunday (the time-driven event object's convention). */
  isoWeekday: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what we want: Apps Script rejects it too.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall clock in `timeZone` at the instant `epochMs`. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs)))
    fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    year: fields.era === 'BC' ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
    isoWeekday: WEEKDAYS[fields.weekday ?? ''] ?? 0,
  };
}

/** Milliseconds to add to UTC to get the wall clock of `timeZone` at `epochMs` (+8 h for Asia/Shanghai). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(epochMs, timeZone);
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond,
  );
  return asUtc - epochMs;
}

/**
 * The instant whose wall clock in `timeZone` is the given "wall time expressed as UTC milliseconds". In a DST gap
 * the later offset wins, and in an overlap the earlier instant, close to what Sheets shows for such cells.
 */
export function instantOfWallTime(wallAsUtcMs: number, timeZone: string): number {
  const firstGuess = wallAsUtcMs - zoneOffsetMs(wallAsUtcMs, timeZone);
  const offset = zoneOffsetMs(firstGuess, timeZone);
  return wallAsUtcMs - offset;
}

export function serialFromWallTime(wallAsUtcMs: number): number {
  return (wallAsUtcMs - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

export function wallTimeFromSerial(serial: number): number {
  // Sheets keeps times to the millisecond at most; rounding hides binary fractions of the day.
  return Math.round(SERIAL_EPOCH_UTC + serial * MS_PER_DAY);
}

/** The serial a JS Date becomes when written to a sheet in `timeZone`. */
export function serialOfInstant(epochMs: number, timeZone: string): number {
  return serialFromWallTime(epochMs + zoneOffsetMs(epochMs, timeZone));
}

/** The JS Date Apps Script returns for a serial in a sheet of `timeZone`. */
export function instantOfSerial(serial: number, timeZone: string): number {
  return instantOfWallTime(wallTimeFromSerial(serial), timeZone);
}

/** True for a Date from any realm (the add-on runs in a vm context, so `instanceof Date` is unreliable). */
export function isAnyRealmDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Throws like Apps Script does for an unknown zone id rather than silently using UTC. */
export function assertTimeZone(timeZone: string): void {
  try {
    partsFormatter(timeZone);
  } catch {
    throw new Error(`Invalid argument: timeZone (${timeZone})`);
  }
}

/** English month and weekday names, as Sheets number formats and Java's SimpleDateFormat print them (en_US). */
export const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
export const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
