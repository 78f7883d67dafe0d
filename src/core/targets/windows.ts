/**
 * Seasonal windows: date ranges with their own targets, because a Prime Day ACoS or a Black Friday revenue judged
 * against the all-year number would be RED or GREEN for reasons nobody needs told.
 */
import { type IsoDate } from '../model';
import { addDays, isoDateOf } from '../time';

export interface SeasonalWindow {
  /** As the user named it, e.g. `prime_day`, `bfcm`, `618`. */
  name: string;
  /** First and last day, inclusive, in the reporting time zone; null only for windows whose dates are computed. */
  start: IsoDate | null;
  end: IsoDate | null;
}

const BFCM_NAMES = new Set(['bfcm', 'black_friday_cyber_monday', 'black_friday', 'cyber_week', 'cyber_5']);

/** Normalised window name: `Black Friday–Cyber Monday` → `black_friday_cyber_monday`. */
export function normaliseWindowName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s\-–—/&]+/g, '_')
    .replace(/_+/g, '_');
}

/** True for the names that mean Black Friday through Cyber Monday, whose dates can be computed for any year. */
export function isBlackFridayWindow(name: string): boolean {
  return BFCM_NAMES.has(normaliseWindowName(name));
}

/**
 * Black Friday to Cyber Monday of `year`: US Thanksgiving is the fourth Thursday of November, Black Friday the day
 * after, Cyber Monday three days after that (2026: Nov 27 – Nov 30).
 */
export function blackFridayCyberMonday(year: number): { start: IsoDate; end: IsoDate } {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  const blackFriday = isoDateOf({ year, month: 11, day: firstThursday + 21 + 1 });
  return { start: blackFriday, end: addDays(blackFriday, 3) };
}

/**
 * Prime Day has no rule: Amazon announces its dates each year (2025: July 8–11), so a prime_day window needs the
 * dates typed in. Only Black Friday–Cyber Monday is computed when its dates are blank.
 */
export function windowCovers(window: SeasonalWindow, day: IsoDate): boolean {
  if (window.start !== null && window.end !== null) return window.start <= day && day <= window.end;
  if (!isBlackFridayWindow(window.name)) return false;
  const { start, end } = blackFridayCyberMonday(Number(day.slice(0, 4)));
  return start <= day && day <= end;
}

/** Length in days, used to prefer the narrower of two overlapping windows. */
export function windowLength(window: SeasonalWindow, day: IsoDate): number {
  const start = window.start ?? blackFridayCyberMonday(Number(day.slice(0, 4))).start;
  const end = window.end ?? blackFridayCyberMonday(Number(day.slice(0, 4))).end;
  return Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`);
}
