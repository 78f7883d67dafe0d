/**
 * The local Apps Script world: an in-memory Sheets workbook and the Apps Script services an Editor add-on uses,
 * as strict as the real ones (PLATFORM §9). Integration tests load the BUILT dist/main.js into it with gas-local
 * and call the globals exactly as Sheets would. See README.md for what is copied from Sheets and what is not.
 */
import gasLocal from 'gas-local';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Context } from 'node:vm';
import { format as formatLogArguments } from 'node:util';
import { assertTimeZone, wallClockAt } from './dates';
import { FakeHtmlService } from './html';
import {
  CallCounter,
  UiLog,
  isAllowed,
  permissionError,
  type AuthModeName,
  type Capability,
  type Runtime,
} from './runtime';
import { FakeBigQueryService } from './bigquery';
import { FakeDriveApp } from './drive';
import { AUTH_MODE, FakeScriptApp, type TriggerHost, type TriggerRecord } from './script-app';
import { FakeCache, FakeLock, FakeProperties, FakeSession, LockTable, type LockKind } from './services';
import { FakeSheet, FakeSpreadsheet, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './spreadsheet';
import { FakeUi } from './ui';
import { FakeUrlFetchApp, type FetchRecord } from './url-fetch';
import { FakeUtilities } from './utilities';
import { DEFAULT_NUMBER_FORMAT } from './values';

export { CallCounter, UiLog } from './runtime';
export type {
  AuthModeName,
  MenuRecord,
  MenuEntryRecord,
  HtmlShownRecord,
  AlertRecord,
  ToastRecord,
} from './runtime';
export { FakeSpreadsheet, FakeSheet, FakeRange, MESSAGES } from './spreadsheet';
export { LOCK_TIMEOUT_MESSAGE, PROPERTY_VALUE_LIMIT_BYTES, PROPERTY_STORE_LIMIT_BYTES } from './services';
export { TOO_MANY_TRIGGERS } from './script-app';
export { EXTERNAL_REQUEST_SCOPE, type FetchRecord } from './url-fetch';
export { BIGQUERY_SCOPE, FakeBigQueryService, LOAD_JOBS_PER_TABLE_PER_DAY } from './bigquery';
export { DRIVE_READONLY_SCOPE, FakeDriveApp, MAX_BLOB_BYTES } from './drive';

/** What getValues returns for one cell. */
export type Cell = string | number | boolean | Date;

/** The Sheets "Change" event's changeType values (M: guides/triggers/event-objects.md). */
export type ChangeType =
  | 'EDIT'
  | 'INSERT_ROW'
  | 'INSERT_COLUMN'
  | 'REMOVE_ROW'
  | 'REMOVE_COLUMN'
  | 'INSERT_GRID'
  | 'REMOVE_GRID'
  | 'FORMAT'
  | 'OTHER';

export interface WorldOptions {
  /** The workbook's zone (File › Settings). Default America/Los_Angeles, a US seller's usual setting. */
  spreadsheetTimeZone?: string;
  spreadsheetName?: string;
  /** Session.getActiveUserLocale(), e.g. "zh_CN". Default "en_US". */
  userLocale?: string;
  /** appsscript.json timeZone. Default: the manifest's zone when loadDist finds one, else "Etc/UTC". */
  scriptTimeZone?: string;
  /** What =GOOGLEFINANCE("CURRENCY:USDCNY") shows; without it the formula shows "#N/A". */
  fxRateUsdCny?: number;
  /** The fake clock's start. Default: the real time at construction. */
  now?: Date;
  /** Default false: an add-on's time trigger has no active spreadsheet (PLATFORM §2, open question). */
  activeSpreadsheetInTriggers?: boolean;
  userEmail?: string;
  /** Print Logger/console output as well as recording it in world.logs. */
  echoLogs?: boolean;
}

type ScriptFunction = (...args: unknown[]) => unknown;

const REPO_ROOT = resolve(__dirname, '..', '..');
const FULL_SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export class GasWorld {
  readonly spreadsheet: FakeSpreadsheet;
  readonly calls: CallCounter;
  readonly ui: UiLog;
  /** Everything Logger.log and console.* printed, in order. */
  readonly logs: string[];
  readonly triggers: TriggerRecord[] = [];
  readonly scriptApp: FakeScriptApp;
  readonly documentProperties: FakeProperties;
  readonly scriptProperties: FakeProperties;
  readonly userProperties: FakeProperties;
  readonly scriptCache: FakeCache;
  readonly documentCache: FakeCache;
  readonly userCache: FakeCache;
  /** The folder HtmlService reads files from; loadDist sets it. */
  distDir = join(REPO_ROOT, 'dist');
  /**
   * The manifest's urlFetchWhitelist (loadDist reads it from dist/appsscript.json); null = none, nothing checked.
   * UrlFetchApp enforces it on the URL the script asks for.
   */
  urlFetchWhitelist: readonly string[] | null = null;
  /** Where UrlFetchApp sends a real service's URL: a prefix → a local server's base URL (test/gas-world/url-fetch.ts). */
  readonly urlFetchRoutes = new Map<string, string>();
  /** Every UrlFetchApp.fetch call, in order, with the status it got (null when it got none). */
  readonly urlFetches: FetchRecord[] = [];
  /**
   * The manifest's enabled advanced services by userSymbol (loadDist reads dependencies.enabledAdvancedServices): a
   * service the manifest does not enable is no global at all, as in Apps Script (guides/services/advanced).
   */
  advancedServices: readonly string[] = [];
  /** The BigQuery double (test/gas-world/bigquery.ts); the script sees it as `BigQuery` when the manifest enables it. */
  readonly bigQuery: FakeBigQueryService;
  /** Drive's folders and files as DriveApp shows them (test/gas-world/drive.ts). */
  readonly drive: FakeDriveApp;

  private readonly runtime: Runtime;
  private readonly options: WorldOptions;
  private readonly locks = new LockTable();
  private fxRate: number | undefined;
  private scriptContext: Context | null = null;
  private triggerSequence = 0;

  constructor(options: WorldOptions = {}) {
    this.options = options;
    this.fxRate = options.fxRateUsdCny;
    const calls = new CallCounter();
    const ui = new UiLog();
    const logs: string[] = [];
    const scriptTimeZone = options.scriptTimeZone ?? 'Etc/UTC';
    assertTimeZone(scriptTimeZone);
    const runtime: Runtime = {
      authMode: 'FULL',
      now: (options.now ?? new Date()).getTime(),
      calls,
      ui,
      logs,
      inTrigger: false,
      documentAvailable: true,
      scriptTimeZone,
      userLocale: options.userLocale ?? 'en_US',
      oauthScopes: null,
      require(capability: Capability, callName: string): void {
        if (!isAllowed(runtime.authMode, capability)) throw permissionError(callName);
      },
    };
    this.runtime = runtime;
    this.calls = calls;
    this.ui = ui;
    this.logs = logs;
    const env = {
      runtime,
      fxRateUsdCny: () => this.fxRate,
      isCustomFunction: (name: string) => this.isScriptFunction(name),
    };
    this.spreadsheet = new FakeSpreadsheet(
      env,
      spreadsheetIdFor(runtime.now),
      options.spreadsheetName ?? 'Seller KPI test workbook',
      options.spreadsheetTimeZone ?? 'America/Los_Angeles',
      'en_US',
    );
    // A new workbook has one sheet, "Sheet1".
    this.spreadsheet.createSheet('Sheet1', NEW_SHEET_ROWS, NEW_SHEET_COLUMNS);
    const host: TriggerHost = {
      runtime,
      triggers: this.triggers,
      currentDocumentId: () => (runtime.documentAvailable ? this.spreadsheet.getId() : null),
      isAddOn: true,
      newTriggerUid: () => {
        this.triggerSequence += 1;
        return String(4034124084959907503n + BigInt(this.triggerSequence * 7919));
      },
    };
    this.scriptApp = new FakeScriptApp(host);
    this.documentProperties = new FakeProperties(runtime, 'document');
    this.scriptProperties = new FakeProperties(runtime, 'script');
    this.userProperties = new FakeProperties(runtime, 'user');
    this.scriptCache = new FakeCache(runtime);
    this.documentCache = new FakeCache(runtime);
    this.userCache = new FakeCache(runtime);
    this.bigQuery = new FakeBigQueryService(runtime, options.userEmail ?? 'seller@example.com');
    this.drive = new FakeDriveApp(runtime);
  }

  get authMode(): AuthModeName {
    return this.runtime.authMode;
  }
  set authMode(mode: AuthModeName) {
    if (!(mode in AUTH_MODE)) throw new Error(`Unknown auth mode ${String(mode)}`);
    this.runtime.authMode = mode;
  }
  /** The fake clock. */
  get now(): Date {
    return new Date(this.runtime.now);
  }
  advanceClock(ms: number): void {
    this.runtime.now += ms;
  }
  set fxRateUsdCny(rate: number | undefined) {
    this.fxRate = rate;
  }
  get fxRateUsdCny(): number | undefined {
    return this.fxRate;
  }
  /** appsscript.json oauthScopes, when known. openById needs the full spreadsheets scope. */
  get oauthScopes(): readonly string[] | null {
    return this.runtime.oauthScopes;
  }
  set oauthScopes(scopes: readonly string[] | null) {
    this.runtime.oauthScopes = scopes;
  }
  get scriptTimeZone(): string {
    return this.runtime.scriptTimeZone;
  }
  set scriptTimeZone(zone: string) {
    assertTimeZone(zone);
    this.runtime.scriptTimeZone = zone;
  }
  get userLocale(): string {
    return this.runtime.userLocale;
  }
  set userLocale(locale: string) {
    this.runtime.userLocale = locale;
  }

  /** The Apps Script globals for gas-local. A fresh object each time; the services behind it are shared. */
  globals(): Record<string, unknown> {
    const runtime = this.runtime;
    // The service objects below are handed to the script, which calls their methods unbound.
    const world = this as GasWorld;
    const ui = new FakeUi(runtime);
    const spreadsheetApp = {
      AuthMode: AUTH_MODE,
      getActiveSpreadsheet: (): FakeSpreadsheet | null =>
        world.activeSpreadsheet('SpreadsheetApp.getActiveSpreadsheet'),
      getActive: (): FakeSpreadsheet | null => world.activeSpreadsheet('SpreadsheetApp.getActive'),
      getActiveSheet: (): FakeSheet | null =>
        world.activeSpreadsheet('SpreadsheetApp.getActiveSheet')?.getActiveSheet() ?? null,
      openById: (id: string): FakeSpreadsheet => world.openOther('SpreadsheetApp.openById', id),
      openByUrl: (url: string): FakeSpreadsheet =>
        world.openOther('SpreadsheetApp.openByUrl', /\/d\/([^/]+)/.exec(url)?.[1] ?? url),
      getUi: (): FakeUi => {
        if (runtime.authMode === 'CUSTOM_FUNCTION') throw permissionError('SpreadsheetApp.getUi');
        // [mem] Apps Script's message when a trigger or the editor has no open UI.
        if (runtime.inTrigger) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
        return ui;
      },
      /** Nothing is pending in memory; kept uncounted so tests measure getValues/setValues batching. */
      flush: (): void => undefined,
    };
    const propertiesService = {
      getDocumentProperties: (): FakeProperties | null => {
        runtime.require('readProperties', 'PropertiesService.getDocumentProperties');
        // Null outside a document (PLATFORM §2: "works only in a published add-on or bound script, else null").
        return runtime.documentAvailable ? world.documentProperties : null;
      },
      getScriptProperties: (): FakeProperties => {
        runtime.require('readProperties', 'PropertiesService.getScriptProperties');
        return world.scriptProperties;
      },
      getUserProperties: (): FakeProperties => {
        runtime.require('readProperties', 'PropertiesService.getUserProperties');
        return world.userProperties;
      },
    };
    const lockService = {
      // "null … if the script is not contained in a document" (reference/lock/lock-service#getDocumentLock).
      getDocumentLock: (): FakeLock | null =>
        runtime.documentAvailable ? new FakeLock(runtime, world.locks, 'document') : null,
      getScriptLock: (): FakeLock => new FakeLock(runtime, world.locks, 'script'),
      getUserLock: (): FakeLock => new FakeLock(runtime, world.locks, 'user'),
    };
    const cacheService = {
      getScriptCache: (): FakeCache => world.scriptCache,
      getDocumentCache: (): FakeCache | null => (runtime.documentAvailable ? world.documentCache : null),
      getUserCache: (): FakeCache => world.userCache,
    };
    const echo = this.options.echoLogs === true;
    const record = (level: string, args: unknown[]): void => {
      const line = formatLogArguments(...args);
      runtime.logs.push(level === 'log' ? line : `[${level}] ${line}`);
      if (echo) console.log(line);
    };
    const logger = {
      log(...args: unknown[]) {
        record('log', args);
        return logger;
      },
      getLog: (): string => runtime.logs.join('\n'),
      clear: (): void => {
        runtime.logs.length = 0;
      },
    };
    const scriptConsole = {
      log: (...args: unknown[]) => record('log', args),
      info: (...args: unknown[]) => record('info', args),
      warn: (...args: unknown[]) => record('warn', args),
      error: (...args: unknown[]) => record('error', args),
    };
    return {
      SpreadsheetApp: spreadsheetApp,
      PropertiesService: propertiesService,
      LockService: lockService,
      ScriptApp: this.scriptApp,
      Session: new FakeSession(runtime, {
        email: this.options.userEmail ?? 'seller@example.com',
        effectiveEmail: this.options.userEmail ?? 'seller@example.com',
      }),
      Utilities: new FakeUtilities(runtime),
      DriveApp: this.drive,
      UrlFetchApp: new FakeUrlFetchApp(runtime, {
        whitelist: () => world.urlFetchWhitelist,
        routes: world.urlFetchRoutes,
        log: world.urlFetches,
      }),
      HtmlService: new FakeHtmlService(
        () => this.distDir,
        () => this.scriptContext,
      ),
      CacheService: cacheService,
      Logger: logger,
      console: scriptConsole,
      ...Object.fromEntries(this.advancedServices.map((symbol) => [symbol, this.bigQuery])),
    };
  }

  /**
   * Seeds a raw sheet like a user pasting an export: 'text' keeps every string as text (File › Import with
   * "convert text to numbers and dates" off), 'typed' parses each string like typing. Not counted as calls.
   */
  addSheet(
    name: string,
    rows: (string | number | boolean | Date | null)[][],
    mode: 'text' | 'typed' = 'text',
  ): FakeSheet {
    const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
    const sheet = this.spreadsheet.createSheet(
      name,
      Math.max(NEW_SHEET_ROWS, rows.length),
      Math.max(NEW_SHEET_COLUMNS, width),
    );
    rows.forEach((row, index) => sheet.seedRow(index + 1, row, mode));
    return sheet;
  }

  /** The data area of a sheet as getValues would return it, without counting a call. */
  sheetValues(name: string): Cell[][] {
    return this.inspect(name, (sheet, row, column) => sheet.cellValue(row, column));
  }
  sheetFormulas(name: string): string[][] {
    return this.inspect(name, (sheet, row, column) => sheet.metaAt(row, column)?.formula ?? '');
  }
  sheetNumberFormats(name: string): string[][] {
    return this.inspect(
      name,
      (sheet, row, column) => sheet.metaAt(row, column)?.numberFormat ?? DEFAULT_NUMBER_FORMAT,
    );
  }

  private inspect<T>(name: string, read: (sheet: FakeSheet, row: number, column: number) => T): T[][] {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}" in the world.`);
    const lastRow = sheet.lastRowIndex();
    const lastColumn = sheet.lastColumnIndex();
    const grid: T[][] = [];
    for (let row = 1; row <= lastRow; row += 1) {
      const line: T[] = [];
      for (let column = 1; column <= lastColumn; column += 1) line.push(read(sheet, row, column));
      grid.push(line);
    }
    return grid;
  }

  /**
   * Simulates another execution (another user's menu click, a trigger) holding a lock. Returns the release function.
   */
  holdLockElsewhere(kind: LockKind): () => void {
    if (this.locks.holder(kind) === 'this') throw new Error(`This execution already holds the ${kind} lock.`);
    this.locks.take(kind, 'elsewhere');
    return () => this.locks.release(kind, 'elsewhere');
  }
  /** True while the current (test-driven) execution holds `kind`. */
  holdsLock(kind: LockKind): boolean {
    return this.locks.holder(kind) === 'this';
  }

  /** Runs one execution of the loaded script: like Apps Script, its locks are released when it ends. */
  runExecution<T>(body: () => T): T {
    try {
      return body();
    } finally {
      this.locks.releaseAllOfThisExecution();
    }
  }

  /**
   * Fires an installed time-driven trigger: the handler runs in FULL with the time-driven event object
   * (M: guides/triggers/event-objects.md), with no UI and — unless activeSpreadsheetInTriggers — no active
   * spreadsheet. Returns what the handler returned.
   */
  fireTimeTrigger(uid: string): unknown {
    const trigger = this.triggers.find((record) => record.uid === uid);
    if (!trigger) throw new Error(`No trigger with id ${uid}.`);
    const handler = this.scriptFunction(trigger.handlerFunction);
    const wall = wallClockAt(this.runtime.now, trigger.timeZone);
    const event = {
      authMode: AUTH_MODE.FULL,
      triggerUid: trigger.uid,
      year: wall.year,
      month: wall.month,
      'day-of-month': wall.day,
      'day-of-week': wall.isoWeekday,
      'week-of-year': isoWeek(wall.year, wall.month, wall.day),
      hour: wall.hour,
      minute: wall.minute,
      second: wall.second,
      timezone: trigger.timeZone,
    };
    return this.withContext(
      {
        authMode: 'FULL',
        inTrigger: true,
        documentAvailable: this.options.activeSpreadsheetInTriggers === true,
      },
      () => handler(event),
    );
  }

  /**
   * A user's change to the workbook, as Sheets reports it to installable change triggers: every ON_CHANGE trigger of
   * this spreadsheet runs in FULL with the Sheets "Change" event object (authMode, changeType, source, triggerUid,
   * user; M: guides/triggers/event-objects.md). Only the user* methods below call it: the script's own writes never
   * do, as in Apps Script ("Script executions and API requests don't cause triggers to run",
   * M: guides/triggers/installable-triggers.md). Like a clock trigger, no active spreadsheet unless
   * activeSpreadsheetInTriggers (undocumented for add-ons); the event's `source` is always there.
   */
  fireChangeEvent(changeType: ChangeType): void {
    const watching = this.triggers.filter(
      (record) => record.eventType === 'ON_CHANGE' && record.documentId === this.spreadsheet.getId(),
    );
    for (const trigger of watching) {
      const handler = this.scriptFunction(trigger.handlerFunction);
      const event = {
        authMode: AUTH_MODE.FULL,
        changeType,
        source: this.spreadsheet,
        triggerUid: trigger.uid,
        user: { getEmail: () => this.options.userEmail ?? 'seller@example.com' },
      };
      this.withContext(
        {
          authMode: 'FULL',
          inTrigger: true,
          documentAvailable: this.options.activeSpreadsheetInTriggers === true,
        },
        () => handler(event),
      );
    }
  }

  /** A user pastes or types `rows` from (firstRow, firstColumn): no script call counted; change triggers see EDIT. */
  userPaste(
    sheetName: string,
    firstRow: number,
    rows: (string | number | boolean | Date | null)[][],
    mode: 'text' | 'typed' = 'text',
    firstColumn = 1,
  ): void {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}" in the world.`);
    rows.forEach((row, index) => sheet.seedRow(firstRow + index, row, mode, firstColumn));
    this.fireChangeEvent('EDIT');
  }

  /** A user adds a tab and pastes an export into it: change triggers see INSERT_GRID, then EDIT. */
  userAddSheet(
    name: string,
    rows: (string | number | boolean | Date | null)[][],
    mode: 'text' | 'typed' = 'text',
  ): FakeSheet {
    const sheet = this.addSheet(name, []);
    this.fireChangeEvent('INSERT_GRID');
    this.userPaste(name, 1, rows, mode);
    return sheet;
  }

  /** A user deletes a tab: change triggers see REMOVE_GRID. */
  userDeleteSheet(name: string): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}" in the world.`);
    this.spreadsheet.removeSheetAsUser(sheet);
    this.fireChangeEvent('REMOVE_GRID');
  }

  /** Clicks an item of a recorded menu by its label: menu items run in FULL (editor-auth-lifecycle.md). */
  clickMenuItem(label: string): unknown {
    const functionName = this.ui.menuItems().get(label);
    if (functionName === undefined) {
      throw new Error(`No menu item "${label}". Items: ${[...this.ui.menuItems().keys()].join(', ')}`);
    }
    const handler = this.scriptFunction(functionName);
    return this.withContext({ authMode: 'FULL', inTrigger: false, documentAvailable: true }, () => handler());
  }

  /** Loads the script's context; used by loadDist. */
  attachScript(context: Context, distDir: string): void {
    this.scriptContext = context;
    this.distDir = distDir;
  }

  private withContext<T>(
    state: { authMode: AuthModeName; inTrigger: boolean; documentAvailable: boolean },
    body: () => T,
  ): T {
    const saved = {
      authMode: this.runtime.authMode,
      inTrigger: this.runtime.inTrigger,
      documentAvailable: this.runtime.documentAvailable,
    };
    Object.assign(this.runtime, state);
    try {
      return this.runExecution(body);
    } finally {
      Object.assign(this.runtime, saved);
    }
  }

  private scriptFunction(name: string): ScriptFunction {
    const context = this.scriptContext;
    if (!context) throw new Error('No script loaded: call loadDist(world) first.');
    const candidate: unknown = (context as Record<string, unknown>)[name];
    // Apps Script's message when a trigger or menu names a function that does not exist.
    if (typeof candidate !== 'function') throw new Error(`Script function not found: ${name}`);
    return candidate as ScriptFunction;
  }

  private isScriptFunction(name: string): boolean {
    const context = this.scriptContext as Record<string, unknown> | null;
    if (!context) return false;
    const lower = name.toLowerCase();
    // Custom-function names ignore case (custom-functions.md).
    return Object.keys(context).some(
      (key) => key.toLowerCase() === lower && typeof context[key] === 'function',
    );
  }

  private activeSpreadsheet(callName: string): FakeSpreadsheet | null {
    this.runtime.require('readDocument', callName);
    return this.runtime.documentAvailable ? this.spreadsheet : null;
  }

  private openOther(callName: string, id: string): FakeSpreadsheet {
    this.runtime.require('otherDocuments', callName);
    const scopes = this.runtime.oauthScopes;
    // spreadsheets.currentonly does not cover openById (PLATFORM §2/§5): only the full scope does.
    if (scopes && !scopes.includes(FULL_SPREADSHEETS_SCOPE))
      throw permissionError(callName, FULL_SPREADSHEETS_SCOPE);
    // [mem] the message Apps Script gives for an id it cannot open.
    if (id !== this.spreadsheet.getId()) {
      throw new Error(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    }
    return this.spreadsheet;
  }
}

function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

function spreadsheetIdFor(seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '1';
  let state = seed % 2147483647 || 1;
  while (id.length < 44) {
    state = (state * 48271) % 2147483647;
    id += alphabet[state % alphabet.length];
  }
  return id;
}

interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  urlFetchWhitelist?: string[];
  dependencies?: {
    enabledAdvancedServices?: { userSymbol?: string; serviceId?: string; version?: string }[];
  };
}

/**
 * Loads the built dist/ (default: <repo>/dist) into the world with gas-local and returns the script's globals.
 * Each function called through the returned object is one execution: the world's current authMode applies, and
 * locks taken during it are released when it returns, as in Apps Script.
 */
export function loadDist(
  world: GasWorld,
  distDir: string = join(REPO_ROOT, 'dist'),
): Record<string, ScriptFunction> {
  if (!existsSync(distDir) || !readdirSync(distDir).some((name) => name.endsWith('.js'))) {
    throw new Error(`No script in ${distDir}: run "npx tsx scripts/build.ts" first.`);
  }
  const manifestPath = join(distDir, 'appsscript.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (manifest.oauthScopes) world.oauthScopes = manifest.oauthScopes;
    if (manifest.urlFetchWhitelist) world.urlFetchWhitelist = manifest.urlFetchWhitelist;
    if (manifest.timeZone && world.scriptTimeZone === 'Etc/UTC') world.scriptTimeZone = manifest.timeZone;
    // Only the BigQuery v2 service is modelled; another entry names a service the world cannot give.
    world.advancedServices = (manifest.dependencies?.enabledAdvancedServices ?? []).map((service) => {
      if (service.serviceId !== 'bigquery' || service.version !== 'v2' || !service.userSymbol)
        throw new Error(
          `The world models the BigQuery v2 advanced service only, not ${JSON.stringify(service)}`,
        );
      return service.userSymbol;
    });
  }
  const context = gasLocal.require(distDir, world.globals(), { filter: (path) => path.endsWith('.js') });
  world.attachScript(context, distDir);
  return new Proxy(context as Record<string, ScriptFunction>, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as ScriptFunction;
      return (...args: unknown[]) => world.runExecution(() => fn(...args));
    },
  });
}
