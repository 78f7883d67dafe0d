/**
 * The settings form of the sidebar: what it shows and how a save is checked before it reaches the Settings sheet.
 * The sheet stays the one place settings live, so a user may also edit it by hand.
 */
import { type Language, translate } from '../core/i18n';
import { isPlausibleFxUsdCny, isValidLookerReportId, isValidTimeZone } from '../core/settings';
import { type EditableSettings, type SettingsWithFxSource, writeSettings } from '../gas/settings';
import { type SettingsView } from '../ui/protocol';
import { applyRefreshSchedule } from './schedule';
import { UserFacingError } from './sidebarRpc';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The form's view of settings already read (readSettingsWithFxSource), its problems in `language`. */
export function settingsView(
  { settings, problems, fxSource }: SettingsWithFxSource,
  language: Language,
): SettingsView {
  return {
    values: {
      reportingTimeZone: settings.reportingTimeZone,
      baseCurrency: settings.baseCurrency,
      fxSource,
      fxFixedRate: fxSource === 'fixed' ? settings.fxUsdCny : null,
      language: settings.language,
      lookerTemplateReportId: settings.lookerTemplateReportId,
      refreshSchedule: settings.refreshSchedule,
      refreshHour: settings.refreshHour,
    },
    currentFxRate: settings.fxUsdCny,
    problems: problems.map((problem) => translate(language, problem.message.key, problem.message.params)),
  };
}

/** The form's values checked one by one (they arrive as plain JSON from the page). */
export function checkedSettings(value: unknown): EditableSettings {
  if (typeof value !== 'object' || value === null) throw new UserFacingError('settings.error.invalid');
  const form = value as Record<string, unknown>;
  const zone = typeof form.reportingTimeZone === 'string' ? form.reportingTimeZone.trim() : '';
  if (!isValidTimeZone(zone)) throw new UserFacingError('settings.error.timeZone', { zone });
  const baseCurrency = form.baseCurrency;
  if (baseCurrency !== 'USD' && baseCurrency !== 'CNY') throw new UserFacingError('settings.error.invalid');
  const fxSource = form.fxSource;
  if (fxSource !== 'live' && fxSource !== 'fixed') throw new UserFacingError('settings.error.invalid');
  const rate = typeof form.fxFixedRate === 'number' ? form.fxFixedRate : Number.NaN;
  // The build's rule (src/core/settings.ts): a rate outside 2–20 is an inverse rate or a misplaced decimal point.
  if (fxSource === 'fixed' && !isPlausibleFxUsdCny(rate)) throw new UserFacingError('settings.error.fxRate');
  const language = form.language;
  if (language !== 'auto' && language !== 'en' && language !== 'zh')
    throw new UserFacingError('settings.error.invalid');
  const lookerId = typeof form.lookerTemplateReportId === 'string' ? form.lookerTemplateReportId.trim() : '';
  if (!isValidLookerReportId(lookerId)) throw new UserFacingError('settings.error.lookerId');
  const schedule = form.refreshSchedule;
  if (schedule !== 'off' && schedule !== 'daily' && schedule !== 'hourly') {
    throw new UserFacingError('settings.error.invalid');
  }
  const hour = form.refreshHour;
  if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new UserFacingError('settings.error.refreshHour');
  }
  return {
    reportingTimeZone: zone,
    baseCurrency,
    fxSource,
    fxFixedRate: fxSource === 'fixed' ? rate : null,
    language,
    lookerTemplateReportId: lookerId,
    refreshSchedule: schedule,
    refreshHour: hour,
  };
}

/**
 * Saves the form, then brings the refresh trigger in line with what was saved: Settings is where the schedule is
 * chosen, so a new hour or time zone moves the installed trigger and "off" removes it (SPEC §4: one trigger).
 */
export function saveSettingsForm(spreadsheet: Spreadsheet, value: unknown): void {
  const edited = checkedSettings(value);
  const before = writeSettings(spreadsheet, edited);
  const scheduleChanged =
    edited.refreshSchedule !== before.refreshSchedule ||
    (edited.refreshSchedule === 'daily' &&
      (edited.refreshHour !== before.refreshHour || edited.reportingTimeZone !== before.reportingTimeZone));
  if (scheduleChanged) {
    applyRefreshSchedule(spreadsheet, {
      ...before,
      refreshSchedule: edited.refreshSchedule,
      refreshHour: edited.refreshHour,
      reportingTimeZone: edited.reportingTimeZone,
    });
  }
}
