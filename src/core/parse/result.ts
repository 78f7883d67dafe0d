/**
 * A parsed cell value or the reason it could not be read. Parsers never throw: a bad cell becomes a Data Issue with
 * this reason, and the row is left out of the totals (SPEC §2 "Nothing is lost silently").
 */
export type ParseFailure =
  /** Text where a number belongs (`abc`, `12..5`, `1.234,56`). */
  | 'notANumber'
  /**
   * An amount written in another currency (`￥12.00`, `JP¥5,000`, `€9.99`, `CA$5.00`) where US dollars belong: never
   * read as dollars (SPEC §2a "US dollars of the US marketplace only").
   */
  | 'notUsDollars'
  /** A count with a fraction (`1.5` units). */
  | 'notAWholeNumber'
  /** Text that is no date or timestamp format this add-on knows, or an impossible day (`2026-02-30`). */
  | 'notADate'
  /** `05/06/2026` in a column whose values and report leave open whether it is May 6 or June 5. */
  | 'ambiguousDate'
  /** Not `true`/`false`/`yes`/`no`. */
  | 'notABoolean'
  /** A date range whose end is before its start, or that is not two days joined by a dash. */
  | 'notADateRange';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure; text: string };

export function parsedValue<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function parseFailure<T>(reason: ParseFailure, text: string): Parsed<T> {
  return { ok: false, reason, text };
}
