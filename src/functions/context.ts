/**
 * What the KPI functions need from Apps Script, read in the ways a custom function may use.
 * Custom functions run in AuthMode.CUSTOM_FUNCTION: Session is not among the allowed services (PLATFORM §1; Apps
 * Script guide "Custom functions in Google Sheets", section "Using Apps Script services"), but the Spreadsheet
 * service is, read-only. So the language defaults to the spreadsheet's locale (File → Settings → Locale), and a
 * function that shows words (KPI_STATUS) also takes an explicit `language` argument.
 */
import { type Language, languageForLocale } from '../core/i18n';

/** The language for words and error messages when the formula does not name one. */
export function spreadsheetLanguage(): Language {
  try {
    return languageForLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    // Outside a spreadsheet (tests, a script run from the editor) there is no active spreadsheet.
    return 'en';
  }
}

/**
 * The spreadsheet's time zone (File → Settings), in which a date cell argument is read: Sheets hands a date cell to a
 * custom function as the instant of its midnight in this zone. Read with the Spreadsheet service, which custom
 * functions may use read-only; Session.getScriptTimeZone() would give the script's zone (the manifest's Etc/UTC), not
 * the one the user's cells are in (PLATFORM §1, §8).
 */
export function spreadsheetTimeZone(): string {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() || 'Etc/UTC';
  } catch {
    // Outside a spreadsheet (tests, a script run from the editor) there is no active spreadsheet.
    return 'Etc/UTC';
  }
}

/**
 * Today in Amazon US time (America/Los_Angeles), `yyyy-mm-dd`: the default date for dated fee tables. Read once per
 * call; Sheets caches custom-function results, so a formula that must follow the calendar should pass a date.
 */
export function marketplaceToday(now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Los_Angeles',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const part = (type: string): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
