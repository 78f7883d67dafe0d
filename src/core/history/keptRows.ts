/**
 * Frozen rows written once a day (issue 17, item 4). The KPI Summary begins with the frozen days' rows (withFrozenRows:
 * KPI History first, sorted before every live day), and they never change between freezes. Writing them again in
 * every build is what made years of history expensive: with 66 frozen months a build wrote 4.4 million cells, all but
 * 260,000 of them the same as before (`npm run bench`, years of history). So a build writes only the rows below them
 * when the sheet already holds them:
 * - the last whole write of the KPI Summary was made this reporting day, with the same `frozen_through`, the same
 *   number of frozen rows and the same header (Settings `kpi_summary_frozen_written` records it);
 * - the sheet's header and its first and last frozen rows are still the ones written (a sort, a deleted row, a paste
 *   over them or a renamed column is seen there), checked by two small reads (writeTableBelowKeptRows).
 * Otherwise, and in a "Keep history up to …" run, the whole sheet is written and the record renewed. The first build
 * of each reporting day therefore writes every row again: a hand edit inside the frozen rows lasts until then at most.
 */
import { type Cell, isDateCell } from '../cell';
import { type IsoDate } from '../model';

/** What a whole write of the KPI Summary left at its top. */
export interface FrozenRowsWritten {
  through: IsoDate;
  rows: number;
  /** A hash of the header row written with them (a release that adds a column writes everything again). */
  header: string;
  /** The reporting day of that write. */
  day: IsoDate;
}

/** The Settings text for `written`: readable, and parsed back by frozenRowsWrittenOf. */
export function frozenRowsWrittenText(written: FrozenRowsWritten): string {
  return `through ${written.through} · rows ${written.rows} · header ${written.header} · written ${written.day}`;
}

/** The record in Settings, or null for "" or anything the add-on did not write. */
export function frozenRowsWrittenOf(text: string): FrozenRowsWritten | null {
  const match =
    /^through (\d{4}-\d\d-\d\d) · rows (\d+) · header ([0-9a-f]{8}) · written (\d{4}-\d\d-\d\d)$/.exec(
      text.trim(),
    );
  if (!match) return null;
  const [, through, rows, header, day] = match;
  if (!through || !rows || !header || !day) return null;
  return { through, rows: Number(rows), header, day };
}

/**
 * A 32-bit FNV-1a hash of the header cells, as 8 hex digits: only to tell one header from another, never security.
 * Written by hand: a few lines, where a hashing library would add to the bundle every custom-function call loads.
 */
export function headerHash(header: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = header.join('\u0001');
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** True when the build may write below the frozen rows instead of the whole KPI Summary (see the file comment). */
export function mayKeepFrozenRows(recorded: FrozenRowsWritten | null, now: FrozenRowsWritten): boolean {
  return (
    recorded !== null &&
    now.rows > 0 &&
    recorded.through === now.through &&
    recorded.rows === now.rows &&
    recorded.header === now.header &&
    recorded.day === now.day
  );
}

/**
 * Whether a KPI Summary row read back from the sheet is `written`: the same cell for cell, a date cell (Sheets turns
 * the `yyyy-MM-dd` text the add-on writes into a date, PLATFORM §9) read as the day it shows in the spreadsheet's zone.
 */
export function isRowAsWritten(
  read: readonly Cell[],
  written: readonly Cell[],
  dayOfDate: (date: Date) => IsoDate,
): boolean {
  if (read.length !== written.length) return false;
  for (let index = 0; index < written.length; index++) {
    const cell = read[index];
    const expected = written[index];
    if (isDateCell(cell)) {
      if (Number.isNaN(cell.getTime()) || dayOfDate(cell) !== expected) return false;
    } else if (cell !== expected) {
      return false;
    }
  }
  return true;
}
