import { translate, type Language } from '../core/i18n';
import { userLanguageFromLocale } from '../gas/locale';
import { type HandlerSpec } from '../surface';

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
