/**
 * The state every fake service shares: the current authorization mode, the fake clock, the call counter and what the
 * user saw. Kept separate from index.ts so the services do not import the world (no import cycles).
 */

export type AuthModeName = 'FULL' | 'LIMITED' | 'NONE' | 'CUSTOM_FUNCTION';

/** What a call needs. See `permissionError` for which modes allow what. */
export type Capability =
  | 'readDocument'
  | 'writeDocument'
  | 'menu'
  | 'dialog'
  | 'readProperties'
  | 'writeProperties'
  | 'triggers'
  | 'otherDocuments'
  /** UrlFetchApp: needs authorization (FULL); custom functions may fetch too (guides/sheets/custom-functions). */
  | 'externalRequests';

/**
 * Which AuthMode may do what. Sources: editor-auth-lifecycle.md (M: workspace-add-ons/concepts/) for NONE ("menus
 * only"), LIMITED (document + properties, no sidebars) and FULL; guides/sheets/custom-functions.md for
 * CUSTOM_FUNCTION (Spreadsheet read-only, Properties readable, no UI, no triggers).
 */
const ALLOWED: Record<AuthModeName, ReadonlySet<Capability>> = {
  FULL: new Set<Capability>([
    'readDocument',
    'writeDocument',
    'menu',
    'dialog',
    'readProperties',
    'writeProperties',
    'triggers',
    'otherDocuments',
    'externalRequests',
  ]),
  LIMITED: new Set<Capability>([
    'readDocument',
    'writeDocument',
    'menu',
    'readProperties',
    'writeProperties',
  ]),
  NONE: new Set<Capability>(['menu']),
  CUSTOM_FUNCTION: new Set<Capability>(['readDocument', 'readProperties', 'externalRequests']),
};

export function isAllowed(mode: AuthModeName, capability: Capability): boolean {
  return ALLOWED[mode].has(capability);
}

/**
 * "You do not have permission to call X" is the wording Apps Script uses when a custom function or an unauthorized
 * mode reaches a service it may not use (PLATFORM §1; seen as "Exception: You do not have permission to call
 * setValues" and "...to call SpreadsheetApp.openById" in user reports).
 */
export function permissionError(callName: string, requiredScope?: string): Error {
  const scope = requiredScope ? ` Required permissions: ${requiredScope}` : '';
  return new Error(`You do not have permission to call ${callName}.${scope}`);
}

export interface CallRecord {
  kind: 'read' | 'write';
  method: string;
  sheet: string | null;
  /** Cells the call read or wrote (a Range's rows × columns); 0 for calls that move no cell (getLastRow, insertSheet). */
  cells: number;
}

export interface SheetCallCounts {
  total: number;
  reads: number;
  writes: number;
}

/**
 * Counts what would be a round trip to Google's servers. Batching reads and writes is the main performance rule of
 * Apps Script (guides/support/best-practices: "Use batch operations"), so tests assert on these numbers.
 */
export class CallCounter {
  private records: CallRecord[] = [];

  get total(): number {
    return this.records.length;
  }
  get reads(): number {
    return this.records.filter((record) => record.kind === 'read').length;
  }
  get writes(): number {
    return this.records.filter((record) => record.kind === 'write').length;
  }
  bySheet(name: string): SheetCallCounts {
    const mine = this.records.filter((record) => record.sheet === name);
    const reads = mine.filter((record) => record.kind === 'read').length;
    return { total: mine.length, reads, writes: mine.length - reads };
  }
  /** How many times one method (e.g. "setValues") was called, on any sheet. */
  byMethod(method: string): number {
    return this.records.filter((record) => record.method === method).length;
  }
  /**
   * Cells moved by the calls that match (every call when no filter): what a read or write costs beyond its round
   * trip, since Sheets serialises every cell of the Range whether the script uses it or not.
   */
  cells(filter: { kind?: 'read' | 'write'; sheet?: string; method?: string } = {}): number {
    let cells = 0;
    for (const record of this.records) {
      if (filter.kind !== undefined && record.kind !== filter.kind) continue;
      if (filter.sheet !== undefined && record.sheet !== filter.sheet) continue;
      if (filter.method !== undefined && record.method !== filter.method) continue;
      cells += record.cells;
    }
    return cells;
  }
  /** Cells read by every content read (getValues, getDisplayValues, getFormulas, getNumberFormats…). */
  get cellsRead(): number {
    return this.cells({ kind: 'read' });
  }
  /** Every call in order, for a failing test to print. */
  log(): readonly CallRecord[] {
    return [...this.records];
  }
  reset(): void {
    this.records = [];
  }
  record(kind: 'read' | 'write', method: string, sheet: string | null, cells = 0): void {
    this.records.push({ kind, method, sheet, cells });
  }
}

export interface MenuItemRecord {
  kind: 'item';
  label: string;
  functionName: string;
}
export interface MenuSeparatorRecord {
  kind: 'separator';
}
export interface SubMenuRecord {
  kind: 'subMenu';
  label: string;
  items: MenuEntryRecord[];
}
export type MenuEntryRecord = MenuItemRecord | MenuSeparatorRecord | SubMenuRecord;

export interface MenuRecord {
  /** 'addon' for createAddonMenu (shown under Extensions › <add-on name>), 'custom' for createMenu(title). */
  kind: 'addon' | 'custom';
  title: string;
  items: MenuEntryRecord[];
}

export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: string;
}

export interface HtmlShownRecord {
  kind: 'sidebar' | 'modalDialog' | 'modelessDialog';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface PromptAnswer {
  button: string;
  text: string;
}

/** What the user saw and the answers they will give. Tests read it and queue answers in it. */
export class UiLog {
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: AlertRecord[] = [];
  readonly shown: HtmlShownRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  /** Buttons the next alerts return, first in first out; when empty an alert returns OK (or YES for YES_NO). */
  readonly alertAnswers: string[] = [];
  readonly promptAnswers: PromptAnswer[] = [];

  get sidebars(): HtmlShownRecord[] {
    return this.shown.filter((entry) => entry.kind === 'sidebar');
  }
  get dialogs(): HtmlShownRecord[] {
    return this.shown.filter((entry) => entry.kind !== 'sidebar');
  }
  /** The add-on menu (the last one added), or undefined if onOpen never added it. */
  get addonMenu(): MenuRecord | undefined {
    return [...this.menus].reverse().find((menu) => menu.kind === 'addon');
  }
  /** label → function name of every item of every menu, sub-menus flattened. */
  menuItems(): Map<string, string> {
    const items = new Map<string, string>();
    const visit = (entries: MenuEntryRecord[]): void => {
      for (const entry of entries) {
        if (entry.kind === 'item') items.set(entry.label, entry.functionName);
        else if (entry.kind === 'subMenu') visit(entry.items);
      }
    };
    for (const menu of this.menus) visit(menu.items);
    return items;
  }
  reset(): void {
    for (const list of [this.menus, this.alerts, this.prompts, this.shown, this.toasts]) list.length = 0;
  }
}

export interface Runtime {
  authMode: AuthModeName;
  /** Fake clock, epoch ms. Utilities.sleep, lock waits and cache expiry advance or read it; nothing waits for real. */
  now: number;
  readonly calls: CallCounter;
  readonly ui: UiLog;
  readonly logs: string[];
  /** True while fireTimeTrigger runs a handler: there is no UI to show anything in. */
  inTrigger: boolean;
  /** False while a time trigger runs in an add-on whose triggers have no active document (PLATFORM §2). */
  documentAvailable: boolean;
  scriptTimeZone: string;
  userLocale: string;
  /** The OAuth scopes of the manifest, when known (loadDist reads dist/appsscript.json). */
  oauthScopes: readonly string[] | null;
  /** Throws the real-looking error when the current mode lacks `capability`. */
  require(capability: Capability, callName: string): void;
}
