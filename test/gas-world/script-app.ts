/**
 * ScriptApp: enums, authorization info, time-driven triggers and spreadsheet (open, edit, change) triggers, with the
 * Editor add-on restrictions (M: workspace-add-ons/concepts/editor-triggers.md): one trigger of each type per user per
 * document, triggers only for the file the add-on is used in, and time-driven triggers no more often than once per
 * hour. Quota: 20 triggers per user per script (quotas page).
 */
import { assertTimeZone } from './dates';
import { type AuthModeName, type Runtime } from './runtime';

export const AUTH_MODE = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const satisfies Record<AuthModeName, AuthModeName>;
export const TRIGGER_SOURCE = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
export const EVENT_TYPE = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const AUTHORIZATION_STATUS = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;

export const TRIGGER_LIMIT_PER_USER = 20;
/** [mem] The message Apps Script gives at the 20-trigger cap. */
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/** ClockTriggerBuilder.md: everyMinutes accepts 1, 5, 10, 15 or 30; everyHours 1, 2, 4, 6, 8 or 12. */
const ALLOWED_MINUTES = [1, 5, 10, 15, 30];
const ALLOWED_HOURS = [1, 2, 4, 6, 8, 12];

/** The event types the world's triggers have (ScriptApp.EventType); spreadsheet triggers watch their document. */
export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';

export interface TriggerRecord {
  uid: string;
  handlerFunction: string;
  eventType: TriggerEventType;
  /** The spreadsheet the add-on was used in when the trigger was made (add-on triggers belong to one file). */
  documentId: string | null;
  timeZone: string;
  schedule: ClockSchedule;
}

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  at?: number;
  after?: number;
}

export class FakeTrigger {
  constructor(private readonly record: TriggerRecord) {}
  getUniqueId(): string {
    return this.record.uid;
  }
  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }
  getEventType(): string {
    return EVENT_TYPE[this.record.eventType];
  }
  getTriggerSource(): string {
    return this.record.eventType === 'CLOCK' ? TRIGGER_SOURCE.CLOCK : TRIGGER_SOURCE.SPREADSHEETS;
  }
  /** Clock triggers have no source id; a spreadsheet trigger's is the spreadsheet's id. */
  getTriggerSourceId(): string | null {
    return this.record.eventType === 'CLOCK' ? null : this.record.documentId;
  }
}

export interface TriggerHost {
  readonly runtime: Runtime;
  readonly triggers: TriggerRecord[];
  /** The id of the spreadsheet the script is being used in right now, or null (a trigger with no document). */
  currentDocumentId(): string | null;
  /** Editor add-on restrictions apply (true for this project). */
  readonly isAddOn: boolean;
  newTriggerUid(): string;
}

class FakeClockTriggerBuilder {
  private readonly schedule: ClockSchedule = {};
  private timeZone: string;

  constructor(
    private readonly host: TriggerHost,
    private readonly handlerFunction: string,
  ) {
    this.timeZone = host.runtime.scriptTimeZone;
  }

  everyMinutes(minutes: number): this {
    if (!ALLOWED_MINUTES.includes(minutes)) {
      throw new Error(`Invalid argument: minutes. Allowed values are ${ALLOWED_MINUTES.join(', ')}.`);
    }
    this.schedule.everyMinutes = minutes;
    return this;
  }
  everyHours(hours: number): this {
    if (!ALLOWED_HOURS.includes(hours)) {
      throw new Error(`Invalid argument: hours. Allowed values are ${ALLOWED_HOURS.join(', ')}.`);
    }
    this.schedule.everyHours = hours;
    return this;
  }
  everyDays(days: number): this {
    if (!Number.isInteger(days) || days < 1) throw new Error('Invalid argument: days');
    this.schedule.everyDays = days;
    return this;
  }
  everyWeeks(weeks: number): this {
    if (!Number.isInteger(weeks) || weeks < 1) throw new Error('Invalid argument: weeks');
    this.schedule.everyWeeks = weeks;
    return this;
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
    this.schedule.atHour = hour;
    return this;
  }
  /** Runs within ±15 minutes of this minute (ClockTriggerBuilder.md). */
  nearMinute(minute: number): this {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new Error('Invalid argument: minute');
    this.schedule.nearMinute = minute;
    return this;
  }
  inTimezone(timeZone: string): this {
    assertTimeZone(timeZone);
    this.timeZone = timeZone;
    return this;
  }
  at(date: Date): this {
    this.schedule.at = date.getTime();
    return this;
  }
  after(durationMilliseconds: number): this {
    this.schedule.after = durationMilliseconds;
    return this;
  }

  create(): FakeTrigger {
    const { runtime, triggers } = this.host;
    runtime.require('triggers', 'ScriptApp.newTrigger');
    const schedule = this.schedule;
    const recurring = [
      schedule.everyMinutes,
      schedule.everyHours,
      schedule.everyDays,
      schedule.everyWeeks,
    ].filter((value) => value !== undefined);
    if (
      recurring.length + (schedule.at !== undefined ? 1 : 0) + (schedule.after !== undefined ? 1 : 0) !==
      1
    ) {
      throw new Error(
        'A time-based trigger needs exactly one of everyMinutes/everyHours/everyDays/everyWeeks/at/after.',
      );
    }
    if (
      schedule.atHour !== undefined &&
      schedule.everyDays === undefined &&
      schedule.everyWeeks === undefined
    ) {
      throw new Error('atHour() can only be used with everyDays() or everyWeeks().');
    }
    const documentId = this.host.currentDocumentId();
    if (this.host.isAddOn) {
      // editor-triggers.md: "Time-driven triggers cannot run more frequently than once per hour." [message: inf]
      if (schedule.everyMinutes !== undefined) {
        throw new Error('Add-on time-driven triggers cannot run more frequently than once per hour.');
      }
      assertOneOfItsType(triggers, documentId, 'CLOCK');
    }
    if (triggers.length >= TRIGGER_LIMIT_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
    const record: TriggerRecord = {
      uid: this.host.newTriggerUid(),
      handlerFunction: this.handlerFunction,
      eventType: 'CLOCK',
      documentId,
      timeZone: this.timeZone,
      schedule: { ...schedule },
    };
    triggers.push(record);
    return new FakeTrigger(record);
  }
}

const EVENT_WORDS: Record<TriggerEventType, string> = {
  CLOCK: 'time-driven',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
};

/** editor-triggers.md: "only one trigger of each type, per user, per document". [message: inf] */
function assertOneOfItsType(
  triggers: readonly TriggerRecord[],
  documentId: string | null,
  eventType: TriggerEventType,
): void {
  if (triggers.some((trigger) => trigger.documentId === documentId && trigger.eventType === eventType)) {
    throw new Error(`An add-on can only have one ${EVENT_WORDS[eventType]} trigger per user per document.`);
  }
}

/**
 * SpreadsheetTriggerBuilder (M: reference/script/spreadsheet-trigger-builder): onOpen, onEdit, onChange. An add-on
 * may create one only for the file it is being used in (editor-triggers.md) [message: inf].
 */
class FakeSpreadsheetTriggerBuilder {
  private eventType: TriggerEventType | null = null;

  constructor(
    private readonly host: TriggerHost,
    private readonly handlerFunction: string,
    private readonly spreadsheetId: string,
  ) {}

  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }

  create(): FakeTrigger {
    const { runtime, triggers } = this.host;
    runtime.require('triggers', 'ScriptApp.newTrigger');
    const eventType = this.eventType;
    if (eventType === null) throw new Error('Choose the event (onOpen, onEdit or onChange) before create().');
    if (this.host.isAddOn) {
      if (this.spreadsheetId !== this.host.currentDocumentId()) {
        throw new Error('Add-ons can only create triggers for the file in which the add-on is used.');
      }
      assertOneOfItsType(triggers, this.spreadsheetId, eventType);
    }
    if (triggers.length >= TRIGGER_LIMIT_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
    const record: TriggerRecord = {
      uid: this.host.newTriggerUid(),
      handlerFunction: this.handlerFunction,
      eventType,
      documentId: this.spreadsheetId,
      timeZone: runtime.scriptTimeZone,
      schedule: {},
    };
    triggers.push(record);
    return new FakeTrigger(record);
  }
}

class FakeTriggerBuilder {
  constructor(
    private readonly host: TriggerHost,
    private readonly handlerFunction: string,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.host, this.handlerFunction);
  }
  /** TriggerBuilder.forSpreadsheet(sheet | key): a Spreadsheet or its id. */
  forSpreadsheet(spreadsheet: { getId(): string } | string): FakeSpreadsheetTriggerBuilder {
    const id = typeof spreadsheet === 'string' ? spreadsheet : spreadsheet.getId();
    return new FakeSpreadsheetTriggerBuilder(this.host, this.handlerFunction, id);
  }
}

export class FakeScriptApp {
  readonly AuthMode = AUTH_MODE;
  readonly TriggerSource = TRIGGER_SOURCE;
  readonly EventType = EVENT_TYPE;
  readonly AuthorizationStatus = AUTHORIZATION_STATUS;
  /** Test switch: true after an update that needs scopes the user has not granted (editor-triggers.md). */
  authorizationRequired = false;

  constructor(private readonly host: TriggerHost) {}

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.host.runtime.require('triggers', 'ScriptApp.newTrigger');
    if (typeof functionName !== 'string' || functionName === '')
      throw new Error('Invalid argument: functionName');
    return new FakeTriggerBuilder(this.host, functionName);
  }
  getProjectTriggers(): FakeTrigger[] {
    this.host.runtime.require('triggers', 'ScriptApp.getProjectTriggers');
    return this.host.triggers.map((record) => new FakeTrigger(record));
  }
  /** [inf] Triggers made while this spreadsheet was the add-on's document. */
  getUserTriggers(spreadsheet: { getId(): string }): FakeTrigger[] {
    this.host.runtime.require('triggers', 'ScriptApp.getUserTriggers');
    const id = spreadsheet.getId();
    return this.host.triggers
      .filter((record) => record.documentId === id)
      .map((record) => new FakeTrigger(record));
  }
  deleteTrigger(trigger: { getUniqueId(): string }): void {
    this.host.runtime.require('triggers', 'ScriptApp.deleteTrigger');
    const index = this.host.triggers.findIndex((record) => record.uid === trigger.getUniqueId());
    if (index < 0) throw new Error('The trigger does not exist or has already been deleted.');
    this.host.triggers.splice(index, 1);
  }
  getAuthorizationInfo(_authMode?: string): {
    getAuthorizationStatus(): string;
    getAuthorizationUrl(): string | null;
  } {
    const required = this.authorizationRequired;
    return {
      getAuthorizationStatus: () =>
        required ? AUTHORIZATION_STATUS.REQUIRED : AUTHORIZATION_STATUS.NOT_REQUIRED,
      getAuthorizationUrl: () => (required ? 'https://script.google.com/macros/d/FAKE/authorize' : null),
    };
  }
  getScriptId(): string {
    return 'fake-script-id';
  }
}
