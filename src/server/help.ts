import { translate } from '../core/i18n';
import { userLanguage } from '../gas/settings';

/** Menu: a short help dialog in the user's language. */
export function showHelp(): void {
  const language = userLanguage(SpreadsheetApp.getActiveSpreadsheet());
  const ui = SpreadsheetApp.getUi();
  ui.alert(translate(language, 'help.title'), translate(language, 'help.body'), ui.ButtonSet.OK);
}
