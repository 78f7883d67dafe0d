/**
 * Where the change mark and the trigger-time record live (src/core/schedule/changeWatch.ts): one JSON value per
 * workbook in the current user's properties.
 *
 * Why user properties: the time-driven run must surely read the mark, and it may have no document — PLATFORM §2:
 * `getDocumentProperties()` returns null outside a document, and whether an add-on's clock trigger has one is not
 * documented (the local world gives it none, and the sidebar's mappings are already reported unreadable there).
 * User properties need no document (M: reference/properties/properties-service), and the change trigger and the
 * clock trigger both run as the user who installed them (M: guides/triggers/installable-triggers.md, "Installable
 * triggers always run under the account of the person who created them"), so they share this store. Script
 * properties are shared by every user of a published add-on and capped at 500 KB in all (PLATFORM §2): no place for
 * a lasting per-workbook value. One value stays far below the 9 KB a property may hold: 25 usage buckets and five
 * times, about 1 KB.
 */
import {
  type ChangeWatch,
  parseChangeWatch,
  serializeChangeWatch,
  withBuild,
} from '../core/schedule/changeWatch';
import { SETTING_KEYS } from '../core/settings';
import { writeSettingsEntries } from './settings';

const WATCH_PREFIX = 'sellerKpi.changeWatch.';
/**
 * Two change-trigger runs of one burst of edits can overlap; the user lock keeps their read-and-write of the record
 * apart. It is held for a few property calls only, and waited for briefly: a run that cannot get it still writes,
 * since a lost change mark would cost a stale KPI Summary and a lost usage entry only a slightly low figure.
 */
const LOCK_WAIT_MS = 2_000;

export function readChangeWatch(spreadsheetId: string): ChangeWatch | null {
  return parseChangeWatch(PropertiesService.getUserProperties().getProperty(WATCH_PREFIX + spreadsheetId));
}

/**
 * Replaces the record of `spreadsheetId` with what `update` makes of it (null: delete it), under the user lock.
 * Returns the new record.
 */
export function updateChangeWatch(
  spreadsheetId: string,
  update: (watch: ChangeWatch | null) => ChangeWatch | null,
): ChangeWatch | null {
  const lock = LockService.getUserLock();
  const locked = lock.tryLock(LOCK_WAIT_MS);
  try {
    const properties = PropertiesService.getUserProperties();
    const key = WATCH_PREFIX + spreadsheetId;
    const next = update(parseChangeWatch(properties.getProperty(key)));
    if (next === null) properties.deleteProperty(key);
    else properties.setProperty(key, serializeChangeWatch(next));
    return next;
  } finally {
    if (locked) lock.releaseLock();
  }
}

export function deleteChangeWatch(spreadsheetId: string): void {
  PropertiesService.getUserProperties().deleteProperty(WATCH_PREFIX + spreadsheetId);
}

/**
 * The records of every workbook in which this user runs the schedule: the daily quota is the user's, shared by all
 * of them (and by any other script of theirs, which no script can see).
 */
export function allChangeWatches(): ChangeWatch[] {
  const stored = PropertiesService.getUserProperties().getProperties();
  const watches: ChangeWatch[] = [];
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(WATCH_PREFIX)) continue;
    const watch = parseChangeWatch(value);
    if (watch) watches.push(watch);
  }
  return watches;
}

/**
 * Records that a build which started at `startedAt` wrote the KPI sheets, counting days in `zone`: the mark is
 * cleared for changes before that moment. Only where this user watches the workbook (a user without a schedule keeps
 * no record). Never throws: the build has already written, and a lost note costs one more build, never a stale one.
 */
export function noteWorkbookBuilt(spreadsheetId: string, startedAt: number, zone: string): void {
  try {
    if (readChangeWatch(spreadsheetId) === null) return;
    updateChangeWatch(spreadsheetId, (watch) => (watch ? withBuild(watch, startedAt, zone) : null));
  } catch (error) {
    console.warn(`Seller KPI: the build could not be noted for the schedule: ${String(error)}`);
  }
}

/**
 * Stamps Settings (`inputs_changed_at`, ISO 8601 UTC text) with the moment the add-on itself changed what a build
 * reads — a sidebar save, a mapping, targets filled in. Script writes fire no change trigger (installable-triggers.md,
 * "Script executions and API requests don't cause triggers to run"), and the user who saves may not be the one whose
 * schedule runs, so the stamp goes where every scheduled run looks: the Settings sheet it reads before skipping.
 * Never throws: the change itself is saved; a lost stamp could only delay a rebuild until the reporting day turns.
 */
export function markInputsChanged(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  try {
    writeSettingsEntries(spreadsheet, [[SETTING_KEYS.inputsChangedAtMs, new Date().toISOString(), '@']]);
  } catch (error) {
    console.warn(`Seller KPI: the change could not be stamped in Settings: ${String(error)}`);
  }
}
