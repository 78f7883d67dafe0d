/**
 * The scheduled refresh (SPEC §4, issue 6): one time-driven trigger per workbook that rebuilds the KPI Summary and
 * the KPI Dashboard, daily at the hour in Settings (reporting time zone) or hourly — Editor add-ons may not run a
 * time-driven trigger more often than once an hour, and may have only one trigger of each type per user per
 * document (M: workspace-add-ons/concepts/editor-triggers.md).
 *
 * Finding the workbook: the time-driven event object carries no spreadsheet (M: guides/triggers/event-objects.md,
 * only triggerUid and the clock fields), and whether getActiveSpreadsheet() answers inside an add-on's clock trigger
 * is not documented. So installing stores the spreadsheet id under the trigger's unique id in the user's
 * properties (per user and script, readable without a document); a run uses the active spreadsheet when there is
 * one and otherwise opens the stored id. SpreadsheetApp.openById needs the full `spreadsheets` scope:
 * `spreadsheets.currentonly` only covers the document the add-on is open in (editor-scopes.md), which is why the
 * manifest asks for it (docs/LOOKER-STUDIO.md, "Why the add-on asks for access to spreadsheets").
 */
import { type CellGrid } from '../core/cell';
import { type RunRecord, lastRunRows, runTimeText } from '../core/dashboard/lastRun';
import { type Language, translate } from '../core/i18n';
import {
  type ChangeWatch,
  EMPTY_WATCH,
  minutesOf,
  nearsQuota,
  refreshDecision,
  usedInLastDay,
  withChange,
  withRun,
} from '../core/schedule/changeWatch';
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings, settingsFromRows } from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { epochFromWallClock } from '../core/time';
import { allChangeWatches, deleteChangeWatch, readChangeWatch, updateChangeWatch } from '../gas/changeWatch';
import { readSettings, type SettingsEntry, settingsLanguage, writeSettingsEntries } from '../gas/settings';
import { findOwnedSheet, readSheetValues } from '../gas/sheets';
import { type ScheduleBudgetView } from '../ui/protocol';
import { type BuildResult, buildMessage, runBuild } from './build';
import { withDashboardInstant } from './dashboard';
import { sendScheduledDigest } from './digest';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trigger's function name, stored with every installed trigger: renaming it orphans users' schedules. */
export const REFRESH_HANDLER = 'runScheduledRefresh';
/** The change trigger's function name (issue 17), stored with every installed change trigger: do not rename. */
export const CHANGE_HANDLER = 'recordWorkbookChange';
const WORKBOOK_PROPERTY_PREFIX = 'sellerKpi.refreshWorkbook.';
/** The workbook of each change trigger, by its unique id, like the refresh trigger's (see workbookIdOfChange). */
const CHANGE_WORKBOOK_PREFIX = 'sellerKpi.changeWorkbook.';
/** The Settings row of the schedule's trigger time in the last 24 hours, written with each run's record. */
const TRIGGER_TIME_FORMAT = '0.0';
/**
 * Apps Script stops an execution at 6 minutes (quotas page). The build gets 5 minutes from the moment the trigger
 * fired and stops before writing if it would pass them, leaving time for the writes and the Settings record.
 */
export const SCHEDULED_BUILD_BUDGET_MS = 300_000;

export interface InstalledSchedule {
  schedule: 'daily' | 'hourly';
  hour: number;
  timeZone: string;
  triggerUid: string;
}

/**
 * Removes this user's refresh trigger(s) and change trigger(s) of `spreadsheet` (getUserTriggers is per document)
 * and the workbook ids they stored; returns how many refresh triggers there were. The change mark and trigger-time
 * record stay: a re-install keeps counting the day's use.
 */
function removeScheduleTriggers(spreadsheet: Spreadsheet): number {
  const properties = PropertiesService.getUserProperties();
  let refreshes = 0;
  for (const trigger of ScriptApp.getUserTriggers(spreadsheet)) {
    const handler = trigger.getHandlerFunction();
    if (handler === REFRESH_HANDLER) {
      properties.deleteProperty(WORKBOOK_PROPERTY_PREFIX + trigger.getUniqueId());
      refreshes += 1;
    } else if (handler === CHANGE_HANDLER) {
      properties.deleteProperty(CHANGE_WORKBOOK_PREFIX + trigger.getUniqueId());
    } else continue;
    ScriptApp.deleteTrigger(trigger);
  }
  return refreshes;
}

/** Whether this user's change trigger of `spreadsheet` is still installed. */
function hasChangeTrigger(spreadsheet: Spreadsheet): boolean {
  return ScriptApp.getUserTriggers(spreadsheet).some(
    (trigger) => trigger.getHandlerFunction() === CHANGE_HANDLER,
  );
}

/** Removes the schedule of `spreadsheet`: its triggers and what they stored; returns how many refresh triggers. */
export function removeRefreshTriggers(spreadsheet: Spreadsheet): number {
  const removed = removeScheduleTriggers(spreadsheet);
  deleteChangeWatch(spreadsheet.getId());
  return removed;
}

/**
 * Installs the change trigger that marks `spreadsheet` changed when a user edits or pastes (issue 17), and starts
 * the watch from now: a build that started before this moment may have missed a change, so the next run builds.
 * An add-on may have one change trigger per user per document besides its clock trigger (editor-triggers.md). When
 * it cannot be installed (the 20-trigger cap of the quotas page), the schedule still runs, building every time.
 */
function installChangeTrigger(spreadsheet: Spreadsheet): void {
  let uid: string;
  try {
    uid = ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(spreadsheet).onChange().create().getUniqueId();
  } catch (error) {
    console.warn(`Seller KPI: no change trigger, every scheduled run will build: ${String(error)}`);
    updateChangeWatch(spreadsheet.getId(), (watch) => ({ ...(watch ?? EMPTY_WATCH), watchingSince: null }));
    return;
  }
  PropertiesService.getUserProperties().setProperty(CHANGE_WORKBOOK_PREFIX + uid, spreadsheet.getId());
  const since = Date.now();
  updateChangeWatch(spreadsheet.getId(), (watch) => ({ ...(watch ?? EMPTY_WATCH), watchingSince: since }));
}

/**
 * Installs the one refresh trigger of `spreadsheet`, replacing any earlier one (installing twice leaves one). The
 * schedule comes from Settings; "off" there means the user has not chosen, and a menu click asks for daily.
 */
export function installRefreshTrigger(spreadsheet: Spreadsheet, settings: Settings): InstalledSchedule {
  removeScheduleTriggers(spreadsheet);
  const schedule = settings.refreshSchedule === 'hourly' ? 'hourly' : 'daily';
  const builder = ScriptApp.newTrigger(REFRESH_HANDLER).timeBased();
  const trigger =
    schedule === 'hourly'
      ? builder.everyHours(1).create()
      : // ClockTriggerBuilder.inTimezone: the hour is read in the reporting zone, not the script's (Etc/UTC).
        builder.atHour(settings.refreshHour).everyDays(1).inTimezone(settings.reportingTimeZone).create();
  PropertiesService.getUserProperties().setProperty(
    WORKBOOK_PROPERTY_PREFIX + trigger.getUniqueId(),
    spreadsheet.getId(),
  );
  installChangeTrigger(spreadsheet);
  return {
    schedule,
    hour: settings.refreshHour,
    timeZone: settings.reportingTimeZone,
    triggerUid: trigger.getUniqueId(),
  };
}

/** Makes the installed trigger match `settings`: none for "off", else the one daily or hourly trigger. */
export function applyRefreshSchedule(spreadsheet: Spreadsheet, settings: Settings): void {
  if (settings.refreshSchedule === 'off') removeRefreshTriggers(spreadsheet);
  else installRefreshTrigger(spreadsheet, settings);
}

function scheduleEntry(value: Settings['refreshSchedule']): SettingsEntry {
  return [SETTING_KEYS.refreshSchedule, value, '@'];
}

/**
 * The sidebar's view of the trigger-time budget (issue 17). The quota is the user's, across all their workbooks and
 * scripts: the figure is the larger of what this user's triggers of this add-on spent in all their workbooks (their
 * records, read now, include change-trigger runs since the last scheduled run) and what Settings recorded for this
 * workbook (whoever's schedule it is). Other scripts' use cannot be seen, hence the warning from 80%.
 */
export function scheduleBudgetView(settings: Settings, language: Language): ScheduleBudgetView {
  let ownMs = 0;
  try {
    const now = Date.now();
    for (const watch of allChangeWatches()) ownMs += usedInLastDay(watch.usage, now).ms;
  } catch (error) {
    console.warn(`Seller KPI: trigger-time records unreadable: ${String(error)}`);
  }
  const usedMinutes = Math.max(minutesOf(ownMs), settings.triggerTime24hMinutes ?? 0);
  const quotaMinutes = settings.triggerQuotaMinutes;
  return {
    usedMinutes,
    quotaMinutes,
    warning: nearsQuota(usedMinutes, quotaMinutes)
      ? translate(language, 'schedule.quotaNear', { used: usedMinutes.toFixed(1), quota: quotaMinutes })
      : null,
  };
}

/** Menu: Schedule automatic refresh. */
export function scheduleRefresh(): InstalledSchedule {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = readSettings(spreadsheet);
  const language = settingsLanguage(settings);
  const installed = installRefreshTrigger(spreadsheet, settings);
  // Settings tells the truth about what is installed.
  if (settings.refreshSchedule !== installed.schedule)
    writeSettingsEntries(spreadsheet, [scheduleEntry(installed.schedule)]);
  const message =
    installed.schedule === 'hourly'
      ? translate(language, 'schedule.installedHourly')
      : translate(language, 'schedule.installedDaily', {
          hour: String(installed.hour).padStart(2, '0'),
          zone: installed.timeZone,
        });
  const ui = SpreadsheetApp.getUi();
  ui.alert(translate(language, 'schedule.title'), message, ui.ButtonSet.OK);
  return installed;
}

/** Menu: Stop automatic refresh. */
export function unscheduleRefresh(): number {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = readSettings(spreadsheet);
  const language = settingsLanguage(settings);
  const removed = removeRefreshTriggers(spreadsheet);
  if (settings.refreshSchedule !== 'off') writeSettingsEntries(spreadsheet, [scheduleEntry('off')]);
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    translate(language, 'schedule.title'),
    translate(language, removed > 0 ? 'schedule.removed' : 'schedule.nothingToRemove'),
    ui.ButtonSet.OK,
  );
  return removed;
}

/** The fields of the time-driven event object this handler reads (M: guides/triggers/event-objects.md). */
export interface TimeDrivenEvent {
  triggerUid?: string;
  year?: number;
  month?: number;
  'day-of-month'?: number;
  hour?: number;
  minute?: number;
  second?: number;
  timezone?: string;
}

/**
 * When the trigger fired, from the event's clock fields (wall clock in the trigger's zone). The 6-minute limit runs
 * from the execution's start, which is never earlier than this, so counting from here is on the safe side.
 */
export function firedAt(event: TimeDrivenEvent | undefined, fallback: number): number {
  if (!event || event.year === undefined || event.month === undefined || event['day-of-month'] === undefined)
    return fallback;
  try {
    const fired = epochFromWallClock(
      {
        year: event.year,
        month: event.month,
        day: event['day-of-month'],
        hour: event.hour ?? 0,
        minute: event.minute ?? 0,
        second: event.second ?? 0,
      },
      event.timezone || 'Etc/UTC',
    );
    return Number.isFinite(fired) ? Math.min(fired, fallback) : fallback;
  } catch {
    return fallback;
  }
}

/** The workbook a run belongs to: the active one when Apps Script provides it, else the id stored at install. */
function workbookOf(event: TimeDrivenEvent | undefined): Spreadsheet | null {
  let active: Spreadsheet | null = null;
  try {
    active = SpreadsheetApp.getActiveSpreadsheet();
  } catch {
    active = null;
  }
  if (active) return active;
  const uid = event?.triggerUid;
  const id = uid ? PropertiesService.getUserProperties().getProperty(WORKBOOK_PROPERTY_PREFIX + uid) : null;
  return id ? SpreadsheetApp.openById(id) : null;
}

/**
 * openById fails when the workbook was deleted or this user lost access, and also on a passing server error; the two
 * look alike here, so the trigger is kept (the next run may work) and the failure goes to the execution log.
 */
function openWorkbookOf(event: TimeDrivenEvent | undefined): Spreadsheet | null | 'unreachable' {
  try {
    return workbookOf(event);
  } catch (error) {
    console.error(`Seller KPI: the scheduled run could not open its workbook: ${String(error)}`);
    return 'unreachable';
  }
}

/** A trigger whose workbook is unknown can never do anything: delete it rather than fail every hour unseen. */
function deleteOrphanTrigger(uid: string | undefined): void {
  if (!uid) return;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === uid) ScriptApp.deleteTrigger(trigger);
  }
}

function outcomeOf(result: BuildResult, language: Language): Pick<RunRecord, 'outcome' | 'message'> {
  switch (result.status) {
    case 'built':
      return { outcome: 'ok', message: '' };
    case 'locked':
      return { outcome: 'skipped', message: translate(language, 'schedule.skippedLocked') };
    case 'deadline':
      return { outcome: 'timedOut', message: translate(language, 'schedule.timedOut') };
    case 'noSources':
      return { outcome: 'failed', message: translate(language, 'build.noSources') };
    case 'failed':
      // The same words the menu shows: what failed and where, and that nothing was written.
      return { outcome: 'failed', message: buildMessage(result) };
  }
}

/** This user's change mark and trigger-time record of `spreadsheet`; null when unreadable (the run then builds). */
function readWatchSafely(spreadsheet: Spreadsheet): ChangeWatch | null {
  try {
    return readChangeWatch(spreadsheet.getId());
  } catch (error) {
    console.warn(`Seller KPI: the change mark could not be read; building: ${String(error)}`);
    return null;
  }
}

/**
 * The Settings row of the trigger time this user's triggers spent on the workbook in the last 24 hours, this run
 * included up to now (its full time is stored when it ends, see runScheduledRefresh).
 */
function triggerTimeEntry(watch: ChangeWatch | null, startedAt: number): SettingsEntry {
  const now = Date.now();
  const usage = withRun(watch?.usage ?? [], startedAt, now - startedAt, now);
  return [SETTING_KEYS.triggerTime24hMinutes, minutesOf(usedInLastDay(usage, now).ms), TRIGGER_TIME_FORMAT];
}

/**
 * A scheduled run of a workbook nobody changed (issue 17): it reads the change mark (user properties, no sheet), and
 * only when the mark allows a skip the Settings sheet — once, since the add-on's own input changes are stamped there
 * and the record is written into it —, then writes only its last-run record and trigger time. Null: build.
 */
function unchangedRun(
  spreadsheet: Spreadsheet,
  startedAt: number,
  watch: ChangeWatch | null,
): RunRecord | null {
  if (refreshDecision(watch, Date.now()).build) return null;
  try {
    // The mark is only as good as its watcher: a change trigger deleted by hand (script.google.com › My Triggers)
    // leaves the record in place, and every change since went unseen. One ScriptApp call, no sheet read.
    if (!hasChangeTrigger(spreadsheet)) return null;
    const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.settings);
    if (!sheet) return null;
    const rows: CellGrid = readSheetValues(sheet);
    const { settings } = settingsFromRows(rows);
    const decision = refreshDecision(watch, Date.now(), settings.inputsChangedAtMs);
    if (decision.build) return null;
    const zone = settings.reportingTimeZone;
    const record: RunRecord = {
      startedAtMs: startedAt,
      finishedAtMs: Date.now(),
      rowsRead: 0,
      rowsWritten: 0,
      outcome: 'skipped',
      message: translate(settingsLanguage(settings), 'schedule.skippedUnchanged', {
        since: runTimeText(decision.unchangedSince, zone),
      }),
    };
    writeSettingsEntries(
      spreadsheet,
      [...lastRunRows(record, zone), triggerTimeEntry(watch, startedAt)],
      rows,
    );
    // The KPI sheets are today's already, so a digest that falls due in this hour is sent from them.
    sendScheduledDigest(spreadsheet, startedAt, settings);
    return record;
  } catch (error) {
    console.warn(`Seller KPI: the skip check failed; building: ${String(error)}`);
    return null;
  }
}

/**
 * Rebuilds summary and dashboard of `spreadsheet` within `budgetMs` of `startedAt`, and records the run in Settings
 * whatever happened. Returns the record.
 */
export function refreshWorkbook(spreadsheet: Spreadsheet, startedAt: number, budgetMs: number): RunRecord {
  const clockStart = Date.now();
  const elapsedBefore = Math.max(0, clockStart - startedAt);
  const watch = readWatchSafely(spreadsheet);
  const skipped = unchangedRun(spreadsheet, startedAt, watch);
  if (skipped) return skipped;
  let settings: Settings | null = null;
  let language: Language = 'en';
  let record: RunRecord;
  try {
    settings = readSettings(spreadsheet).settings;
    language = settingsLanguage(settings);
    // Negative when the trigger fired more than the budget ago: the build then reads, computes and stops unwritten.
    const result = withDashboardInstant(startedAt + elapsedBefore, () =>
      runBuild(spreadsheet, { deadlineMs: budgetMs - elapsedBefore }),
    );
    language = result.language;
    const written = result.status === 'built';
    record = {
      startedAtMs: startedAt,
      finishedAtMs: startedAt + elapsedBefore + (Date.now() - clockStart),
      rowsRead: result.rowsRead,
      rowsWritten: written ? result.rowsWritten : 0,
      ...outcomeOf(result, language),
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    record = {
      startedAtMs: startedAt,
      finishedAtMs: startedAt + elapsedBefore + (Date.now() - clockStart),
      rowsRead: null,
      rowsWritten: null,
      outcome: 'failed',
      message: translate(language, 'schedule.failed', { detail }),
    };
  }
  // When Settings could not even be read, the record is still written (in the default zone) if the sheet takes it.
  const zone = settings?.reportingTimeZone ?? DEFAULT_SETTINGS.reportingTimeZone;
  try {
    writeSettingsEntries(spreadsheet, [...lastRunRows(record, zone), triggerTimeEntry(watch, startedAt)]);
  } catch (error) {
    // Nowhere left to tell the user: the execution log (Stackdriver, appsscript.json) keeps it.
    console.error(`Seller KPI: could not record the run in Settings: ${String(error)}`);
  }
  // The day's digest to the team chat (SPEC §4a) after a refresh that built: outside the build and its lock, after
  // the run's record, so a failed delivery is only ever its own record in Settings (last_digest_…), never the run's.
  if (record.outcome === 'ok') sendScheduledDigest(spreadsheet, startedAt);
  return record;
}

/** Trigger: the scheduled refresh. Never throws: add-on triggers send no failure e-mail, so Settings says it. */
export function runScheduledRefresh(event?: TimeDrivenEvent): RunRecord | null {
  const startedAt = firedAt(event, Date.now());
  const spreadsheet = openWorkbookOf(event);
  if (spreadsheet === 'unreachable') return null;
  if (!spreadsheet) {
    console.warn(`Seller KPI: no workbook stored for trigger ${event?.triggerUid ?? '(none)'}; removing it.`);
    deleteOrphanTrigger(event?.triggerUid);
    return null;
  }
  const record = refreshWorkbook(spreadsheet, startedAt, SCHEDULED_BUILD_BUDGET_MS);
  recordTriggerTime(spreadsheet.getId(), startedAt);
  return record;
}

/**
 * Adds this execution's time, from `startedAt` to now, to the workbook's trigger-time record. The record is kept for
 * a schedule of the previous release too (no change trigger, so it never skips), whose runs count all the same.
 */
function recordTriggerTime(spreadsheetId: string, startedAt: number): void {
  try {
    updateChangeWatch(spreadsheetId, (watch) => {
      const now = Date.now();
      const base = watch ?? EMPTY_WATCH;
      return { ...base, usage: withRun(base.usage, startedAt, now - startedAt, now) };
    });
  } catch (error) {
    console.warn(`Seller KPI: the trigger time of this run could not be recorded: ${String(error)}`);
  }
}

/** The fields of the change event this handler reads (M: guides/triggers/event-objects.md, Sheets "Change"). */
export interface ChangeEvent {
  changeType?: string;
  triggerUid?: string;
  source?: { getId(): string } | null;
}

/**
 * The workbook a change event belongs to: the id stored at install under the trigger's id (a property read, no
 * Sheets call), else the event's `source`.
 */
function workbookIdOfChange(event: ChangeEvent | undefined): string | null {
  const uid = event?.triggerUid;
  const stored = uid ? PropertiesService.getUserProperties().getProperty(CHANGE_WORKBOOK_PREFIX + uid) : null;
  if (stored) return stored;
  try {
    return event?.source?.getId() ?? null;
  } catch {
    return null;
  }
}

/**
 * Trigger (issue 17): a user changed the workbook — an edit, a paste, rows or sheets added or removed. Marks it
 * changed for the next scheduled run and records this run's own trigger time, which counts against the daily quota
 * like the refresh's. A formatting-only change (changeType FORMAT) marks nothing: the build reads values, and a
 * number format never changes what getValues returns. Kept to a few property calls: it runs on every edit. Never
 * throws: add-on triggers send no failure e-mail.
 */
export function recordWorkbookChange(event?: ChangeEvent): void {
  const startedAt = Date.now();
  try {
    const spreadsheetId = workbookIdOfChange(event);
    if (!spreadsheetId) return;
    const formattingOnly = event?.changeType === 'FORMAT';
    updateChangeWatch(spreadsheetId, (watch) => {
      // No record: the schedule was stopped (it deletes the record with its triggers); nothing to mark.
      if (!watch) return null;
      const marked = formattingOnly ? watch : withChange(watch, startedAt);
      const now = Date.now();
      return { ...marked, usage: withRun(marked.usage, startedAt, now - startedAt, now) };
    });
  } catch (error) {
    console.error(`Seller KPI: the change could not be recorded: ${String(error)}`);
  }
}
