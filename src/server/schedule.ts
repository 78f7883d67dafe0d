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
import { type RunRecord, lastRunRows } from '../core/dashboard/lastRun';
import { type Language, translate } from '../core/i18n';
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings } from '../core/settings';
import { epochFromWallClock } from '../core/time';
import { readSettings, type SettingsEntry, settingsLanguage, writeSettingsEntries } from '../gas/settings';
import { type BuildResult, buildMessage, runBuild } from './build';
import { withDashboardInstant } from './dashboard';
import { sendScheduledDigest } from './digest';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trigger's function name, stored with every installed trigger: renaming it orphans users' schedules. */
export const REFRESH_HANDLER = 'runScheduledRefresh';
const WORKBOOK_PROPERTY_PREFIX = 'sellerKpi.refreshWorkbook.';
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

/** This add-on's refresh triggers of the current user in `spreadsheet` (getUserTriggers is per document). */
function refreshTriggers(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    (trigger) => trigger.getHandlerFunction() === REFRESH_HANDLER,
  );
}

/** Removes the refresh trigger(s) of `spreadsheet` and what they stored; returns how many there were. */
export function removeRefreshTriggers(spreadsheet: Spreadsheet): number {
  const triggers = refreshTriggers(spreadsheet);
  const properties = PropertiesService.getUserProperties();
  for (const trigger of triggers) {
    properties.deleteProperty(WORKBOOK_PROPERTY_PREFIX + trigger.getUniqueId());
    ScriptApp.deleteTrigger(trigger);
  }
  return triggers.length;
}

/**
 * Installs the one refresh trigger of `spreadsheet`, replacing any earlier one (installing twice leaves one). The
 * schedule comes from Settings; "off" there means the user has not chosen, and a menu click asks for daily.
 */
export function installRefreshTrigger(spreadsheet: Spreadsheet, settings: Settings): InstalledSchedule {
  removeRefreshTriggers(spreadsheet);
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

/**
 * Rebuilds summary and dashboard of `spreadsheet` within `budgetMs` of `startedAt`, and records the run in Settings
 * whatever happened. Returns the record.
 */
export function refreshWorkbook(spreadsheet: Spreadsheet, startedAt: number, budgetMs: number): RunRecord {
  const clockStart = Date.now();
  const elapsedBefore = Math.max(0, clockStart - startedAt);
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
    writeSettingsEntries(spreadsheet, lastRunRows(record, zone));
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
  return refreshWorkbook(spreadsheet, startedAt, SCHEDULED_BUILD_BUDGET_MS);
}
