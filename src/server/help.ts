import { translate } from '../core/i18n';
import { rateCardLines } from '../core/kpi/rateCard';
import { userLanguage } from '../gas/settings';

/** Menu: a short help dialog in the user's language, ending with the dates of the newest Amazon fee table. */
export function showHelp(): void {
  const language = userLanguage(SpreadsheetApp.getActiveSpreadsheet());
  const ui = SpreadsheetApp.getUi();
  const body = [translate(language, 'help.body'), '', ...rateCardLines(language)].join('\n');
  ui.alert(translate(language, 'help.title'), body, ui.ButtonSet.OK);
}
