/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs, all recorded in the world's UiLog.
 * Rules: menus work in every mode that has a UI (NONE included: editor-auth-lifecycle.md, "menus only");
 * sidebars and dialogs need FULL ("LIMITED … can't display sidebars", dialogs.md); custom functions and time
 * triggers have no UI at all.
 */
import { type MenuEntryRecord, type Runtime } from './runtime';

type Ui = GoogleAppsScript.Base.Ui;
type HtmlOutputLike = {
  getContent(): string;
  getTitle(): string;
  getWidth(): number | null;
  getHeight(): number | null;
};

/** Ui.Button and Ui.ButtonSet as strings: the add-on compares them with ===, which works with the real enums too. */
export const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

/** The add-on's name as shown under Extensions; createAddonMenu() menus carry it [the store listing sets it]. */
const ADDON_MENU_TITLE = 'Seller KPI';

export class FakeMenu {
  private readonly items: MenuEntryRecord[] = [];
  constructor(
    private readonly runtime: Runtime,
    private readonly kind: 'addon' | 'custom',
    private readonly title: string,
  ) {}

  addItem(caption: string, functionName: string): this {
    if (typeof functionName !== 'string' || functionName === '')
      throw new Error('Invalid argument: functionName');
    this.items.push({ kind: 'item', label: String(caption), functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.items.push({ kind: 'subMenu', label: menu.title, items: menu.entries() });
    return this;
  }
  addToUi(): void {
    const existing = this.runtime.ui.menus.findIndex(
      (menu) => menu.kind === this.kind && menu.title === this.title,
    );
    const record = { kind: this.kind, title: this.title, items: this.entries() };
    // Re-adding a menu with the same title replaces it, as onOpen does on every open.
    if (existing >= 0) this.runtime.ui.menus.splice(existing, 1, record);
    else this.runtime.ui.menus.push(record);
  }
  entries(): MenuEntryRecord[] {
    return this.items.map((entry) => ({ ...entry }));
  }
}

export class FakePromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): string {
    return this.button;
  }
}

export class FakeUi implements Pick<
  Ui,
  | 'createAddonMenu'
  | 'createMenu'
  | 'alert'
  | 'prompt'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog'
> {
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;

  constructor(private readonly runtime: Runtime) {}

  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return new FakeMenu(this.runtime, 'addon', ADDON_MENU_TITLE) as unknown as GoogleAppsScript.Base.Menu;
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new FakeMenu(this.runtime, 'custom', caption) as unknown as GoogleAppsScript.Base.Menu;
  }

  /** alert(prompt) · alert(prompt, buttons) · alert(title, prompt, buttons); answers come from ui.alertAnswers. */
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    this.runtime.require('dialog', 'Ui.alert');
    const [title, prompt, buttons] = splitDialogArguments(args);
    this.runtime.ui.alerts.push({ title, prompt, buttons });
    const answer =
      this.runtime.ui.alertAnswers.shift() ?? (buttons.startsWith('YES') ? BUTTON.YES : BUTTON.OK);
    return answer as unknown as GoogleAppsScript.Base.Button;
  }
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    this.runtime.require('dialog', 'Ui.prompt');
    const [title, prompt, buttons] = splitDialogArguments(args);
    this.runtime.ui.prompts.push({ title, prompt, buttons });
    const answer = this.runtime.ui.promptAnswers.shift() ?? { button: BUTTON.OK, text: '' };
    return new FakePromptResponse(
      answer.text,
      answer.button,
    ) as unknown as GoogleAppsScript.Base.PromptResponse;
  }
  showSidebar(userInterface: object): void {
    this.show('sidebar', userInterface, 'Ui.showSidebar');
  }
  showModalDialog(userInterface: object, title: string): void {
    this.show('modalDialog', userInterface, 'Ui.showModalDialog', title);
  }
  showModelessDialog(userInterface: object, title: string): void {
    this.show('modelessDialog', userInterface, 'Ui.showModelessDialog', title);
  }

  private show(
    kind: 'sidebar' | 'modalDialog' | 'modelessDialog',
    content: object,
    callName: string,
    title?: string,
  ): void {
    this.runtime.require('dialog', callName);
    const output = content as Partial<HtmlOutputLike>;
    if (typeof output.getContent !== 'function')
      throw new Error(`Invalid argument: userInterface (${callName})`);
    this.runtime.ui.shown.push({
      kind,
      title: title ?? output.getTitle?.() ?? '',
      html: output.getContent(),
      // Add-on sidebars are a fixed 300 px wide whatever setWidth says (dialogs.md): record null for them.
      width: kind === 'sidebar' ? null : (output.getWidth?.() ?? null),
      height: kind === 'sidebar' ? null : (output.getHeight?.() ?? null),
    });
  }
}

function splitDialogArguments(args: unknown[]): [title: string, prompt: string, buttons: string] {
  const texts = args.filter((arg) => typeof arg === 'string' && !(arg in BUTTON_SET)) as string[];
  const buttons =
    (args.find((arg) => typeof arg === 'string' && arg in BUTTON_SET) as string | undefined) ?? BUTTON_SET.OK;
  if (texts.length >= 2) return [texts[0] ?? '', texts[1] ?? '', buttons];
  return ['', texts[0] ?? '', buttons];
}
