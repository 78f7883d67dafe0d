import { translate, type Language } from '../core/i18n';
import { userLanguageFromLocale } from '../gas/locale';
import { userLanguage } from '../gas/settings';
import { type HandlerSpec } from '../surface';
import { failureSentence, safeUserLanguage } from './sidebarRpc';

/** What onOpen/onInstall receive; absent when someone runs the function by hand in the script editor. */
export type OpenEvent = Pick<GoogleAppsScript.Events.SheetsOnOpen, 'authMode'> | undefined;

/**
 * The menu's language. In AuthMode.NONE (the add-on is installed but not yet used in this file) the Settings sheet may
 * not be read, so only the account locale counts; in LIMITED and FULL the language chosen in Settings wins
 * (editor-auth-lifecycle: LIMITED may read the bound document). Google's own add-on samples test
 * `e.authMode == ScriptApp.AuthMode.NONE` the same way. Without an event nothing is assumed.
 */
export function menuLanguage(event: OpenEvent): Language {
  const fromLocale = userLanguageFromLocale();
  if (!event || event.authMode === undefined || event.authMode === ScriptApp.AuthMode.NONE) return fromLocale;
  try {
    return userLanguage(SpreadsheetApp.getActiveSpreadsheet());
  } catch {
    // A read refused in an unexpected mode must never cost the user the menu.
    return fromLocale;
  }
}

/**
 * Adds the add-on menu. Runs in every AuthMode (NONE when the add-on is installed but not yet used in this file):
 * it only builds the menu, from the registry's menu handlers, and touches no document or property.
 */
export function addAddonMenu(
  menuHandlers: readonly HandlerSpec[],
  language: Language = userLanguageFromLocale(),
): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  const ordered = menuHandlers
    .filter((handler) => handler.menu)
    .sort((a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0));
  for (const handler of ordered) {
    if (handler.menu?.separatorBefore) menu.addSeparator();
    menu.addItem(translate(language, handler.menu?.labelKey ?? ''), handler.name);
  }
  menu.addToUi();
}

/**
 * A menu item's handler whose failure reaches the user as an alert in their language instead of Apps Script's raw
 * error bar ("TypeError: …" in English). What the handler returns on success is passed through.
 */
export function menuAction(handler: () => unknown): () => unknown {
  return () => {
    try {
      return handler();
    } catch (error: unknown) {
      const language = safeUserLanguage();
      const ui = SpreadsheetApp.getUi();
      ui.alert(translate(language, 'app.name'), failureSentence(error, language), ui.ButtonSet.OK);
      return undefined;
    }
  };
}
