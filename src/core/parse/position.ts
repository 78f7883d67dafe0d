/**
 * Which sheet and row the build is reading. Readers never throw for a bad cell (result.ts), but code around them can
 * still fail unexpectedly (a bug, a value from the platform out of range); the build then tells the user where it
 * stopped (SPEC §2a "All or nothing": what failed and where). Apps Script runs a build synchronously in one
 * execution, so one module-level position is enough, and noting a row is one assignment, cheap for 100,000 rows.
 */
export interface ReadingPosition {
  sheet: string;
  /** 1-based row a user sees in Sheets; 0 before the first data row. */
  row: number;
}

let current: ReadingPosition | null = null;

/**
 * Runs `read` as the reading of `sheet`. On a normal return the position is cleared, so a later failure (summing,
 * laying out) is not blamed on the last row read; on a throw it stays, for the message.
 */
export function readingSheet<T>(sheet: string, read: () => T): T {
  current = { sheet, row: 0 };
  const result = read();
  current = null;
  return result;
}

/** Notes the row about to be read (inside readingSheet; outside it, e.g. in a unit test, nothing is kept). */
export function readingRow(row: number): void {
  if (current) current.row = row;
}

/** Where the last failed reading stopped, or null when no sheet was being read. */
export function readingPosition(): ReadingPosition | null {
  return current ? { ...current } : null;
}

/** Forgets any position left by an earlier failed build in the same execution. */
export function clearReadingPosition(): void {
  current = null;
}
