/**
 * Calendar days and wall clocks in IANA time zones, on top of Intl (Apps Script V8 ships full ICU). Hand-written
 * rather than a date library because every custom-function call loads the whole bundle, and these few functions are
 * all the add-on needs.
 */
import { type IsoDate } from './model';

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock a person in `zone` sees at the instant `epochMs`. */
export function wallClockInZone(epochMs: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

/** Offset of `zone` from UTC at `epochMs`, in minutes (Los Angeles in summer: −420). */
export function zoneOffsetMinutes(epochMs: number, zone: string): number {
  const clock = wallClockInZone(epochMs, zone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/**
 * The instant when the wall clock in `zone` shows the given time. In the hour repeated when clocks go back this is the
 * first occurrence; a time inside the hour skipped when clocks go forward (which no clock shows) is read with the
 * offset in force before the change, i.e. moved forward by the change, as the clocks were.
 */
export function epochFromWallClock(clock: WallClock, zone: string): number {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  // Every instant that shows `clock` is within 14 hours of `asUtc` and uses the offset in force a day before or a day
  // after it: no zone changes its offset twice within two days. Both hemispheres alike (taking the offset at `asUtc`
  // itself would pick the later occurrence east of UTC: Lord Howe, Europe).
  const offsetBefore = zoneOffsetMinutes(asUtc - DAY_MS, zone);
  const offsetAfter = zoneOffsetMinutes(asUtc + DAY_MS, zone);
  const earlierOffsetInstant = asUtc - offsetBefore * 60000;
  if (offsetBefore === offsetAfter) return earlierOffsetInstant;
  const laterOffsetInstant = asUtc - offsetAfter * 60000;
  const showing = [earlierOffsetInstant, laterOffsetInstant].filter((instant) =>
    isSameWallClock(wallClockInZone(instant, zone), clock),
  );
  return showing.length > 0 ? Math.min(...showing) : earlierOffsetInstant;
}

const DAY_MS = 86_400_000;

function isSameWallClock(a: WallClock, b: WallClock): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `yyyy-MM-dd` of a wall clock. */
export function isoDateOf(clock: Pick<WallClock, 'year' | 'month' | 'day'>): IsoDate {
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** The calendar day in `zone` at the instant `epochMs`. */
export function isoDateInZone(epochMs: number, zone: string): IsoDate {
  return isoDateOf(wallClockInZone(epochMs, zone));
}

/** `iso` shifted by `days` calendar days (negative for earlier). */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const [year, month, day] = iso.split('-').map(Number);
  const shifted = new Date(Date.UTC(year ?? NaN, (month ?? NaN) - 1, (day ?? NaN) + days));
  return isoDateOf({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Whole days from `from` to `to` (`to` − `from`). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const toUtc = (iso: IsoDate): number => {
    const [year, month, day] = iso.split('-').map(Number);
    return Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN);
  };
  return Math.round((toUtc(to) - toUtc(from)) / 86400000);
}

/** True for a real `yyyy-MM-dd` calendar day. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}
