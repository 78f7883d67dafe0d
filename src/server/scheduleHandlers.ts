/**
 * The registry entries of issue 6 (schedule, targets, Looker Studio) and of the daily digest (issue 13), spread into
 * APP_HANDLERS by handlers.ts. Names are stored by menus and installed triggers: do not rename.
 */
import { type HandlerSpec } from '../surface';
import { sendDigestNow } from './digest';
import { openLookerStudio } from './looker';
import {
  CHANGE_HANDLER,
  recordWorkbookChange,
  REFRESH_HANDLER,
  runScheduledRefresh,
  scheduleRefresh,
  unscheduleRefresh,
} from './schedule';
import { fillTargetsFromActuals } from './targets';

export const DASHBOARD_MENU_HANDLERS: HandlerSpec[] = [
  {
    kind: 'menu',
    name: 'fillTargetsFromActuals',
    description: 'Menu: adds first targets to the Targets sheet from the last 30 days of the KPI Summary.',
    parameters: [],
    run: fillTargetsFromActuals,
    menu: { labelKey: 'menu.fillTargets', order: 300, separatorBefore: true },
  },
  {
    kind: 'menu',
    name: 'openLookerStudio',
    description: 'Menu: shows a Looker Studio link (Linking API) on the KPI Summary sheet.',
    parameters: [],
    run: openLookerStudio,
    menu: { labelKey: 'menu.openLooker', order: 310 },
  },
  {
    kind: 'menu',
    name: 'scheduleRefresh',
    description:
      'Menu: installs the one time-driven trigger that rebuilds the KPI Summary and Dashboard (replaces any earlier one).',
    parameters: [],
    run: scheduleRefresh,
    menu: { labelKey: 'menu.scheduleRefresh', order: 400, separatorBefore: true },
  },
  {
    kind: 'menu',
    name: 'unscheduleRefresh',
    description: 'Menu: removes the automatic refresh trigger of this workbook.',
    parameters: [],
    run: unscheduleRefresh,
    menu: { labelKey: 'menu.removeSchedule', order: 410 },
  },
  {
    kind: 'menu',
    name: 'sendDigestNow',
    description:
      'Menu: sends the daily digest (yesterday against target, movers, stock at risk) to the team chat set in Settings.',
    parameters: [],
    run: sendDigestNow,
    menu: { labelKey: 'menu.sendDigest', order: 420 },
  },
];

export const SCHEDULE_TRIGGER_HANDLERS: HandlerSpec[] = [
  {
    kind: 'trigger',
    name: REFRESH_HANDLER,
    description:
      'Time-driven trigger: rebuilds the KPI Summary and Dashboard of the workbook it was installed in and records the run in Settings.',
    parameters: ['e'],
    run: runScheduledRefresh,
  },
  {
    kind: 'trigger',
    name: CHANGE_HANDLER,
    description:
      'Change trigger (installed with the schedule): marks the workbook changed when a user edits or pastes, so a scheduled refresh of an unchanged workbook skips the build.',
    parameters: ['e'],
    run: recordWorkbookChange,
  },
];
