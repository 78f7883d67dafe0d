/**
 * The record of the last scheduled or manual refresh, shown as key/value rows in the Settings sheet: add-ons get no
 * failure e-mails (PLATFORM §2, editor-triggers.md), so Settings is where a user learns a run failed.
 */
import { type Cell } from '../cell';
import { wallClockInZone } from '../time';

export const LAST_RUN_KEYS = {
  at: 'last_run_at',
  durationSeconds: 'last_run_duration_s',
  rowsRead: 'last_run_rows_read',
  rowsWritten: 'last_run_rows_written',
  error: 'last_run_error',
} as const;

export type RunOutcome = 'ok' | 'skipped' | 'timedOut' | 'failed';

export interface RunRecord {
  startedAtMs: number;
  finishedAtMs: number;
  rowsRead: number | null;
  rowsWritten: number | null;
  outcome: RunOutcome;
  /** The user-facing message for anything but ok; "" when the run succeeded. */
  message: string;
}

/** `2026-07-12 06:14:03 America/Los_Angeles`: a text Sheets will not turn into a date in another zone. */
export function runTimeText(epochMs: number, zone: string): string {
  const clock = wallClockInZone(epochMs, zone);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)} ${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)} ${zone}`;
}

/** The Settings rows for a run, as [key, value, number format] in a fixed order. */
export function lastRunRows(record: RunRecord, zone: string): [string, Cell, string][] {
  const seconds = Math.round((record.finishedAtMs - record.startedAtMs) / 100) / 10;
  return [
    [LAST_RUN_KEYS.at, runTimeText(record.startedAtMs, zone), '@'],
    [LAST_RUN_KEYS.durationSeconds, seconds, '0.0'],
    [LAST_RUN_KEYS.rowsRead, record.rowsRead ?? '', '0'],
    [LAST_RUN_KEYS.rowsWritten, record.rowsWritten ?? '', '0'],
    [LAST_RUN_KEYS.error, record.message, '@'],
  ];
}
