/**
 * Menu: Help (issue 14), a modal dialog in the user's language built from the registry, so it lists exactly the
 * menu items and KPI_ functions this build has. Like the Looker dialog, the page is a string with every inserted text
 * escaped (src/core/help/helpPage.ts); it needs no script, so it is not one of the inlined pages under src/ui/pages.
 */
import { KPI_FUNCTIONS } from '../functions';
import { helpPage, type HelpMenuItem } from '../core/help/helpPage';
import { translate } from '../core/i18n';
import { rateCardLines } from '../core/kpi/rateCard';
import { REPORTS } from '../core/reports';
import { userLanguage } from '../gas/settings';
import { type HandlerSpec } from '../surface';

/** The dialog's size: wide enough for a formula on one line, tall enough to show the start and the menu at once. */
const WIDTH = 640;
const HEIGHT = 560;

/** The menu handlers in menu order, as onOpen adds them. */
export function helpMenuItems(menuHandlers: readonly HandlerSpec[]): HelpMenuItem[] {
  return menuHandlers
    .filter((handler) => handler.menu)
    .sort((a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0))
    .map((handler) => ({ handler: handler.name, labelKey: handler.menu?.labelKey ?? '' }));
}

/** Shows the dialog and returns its page (the tests read it). */
export function showHelp(menuHandlers: readonly HandlerSpec[]): string {
  const language = userLanguage(SpreadsheetApp.getActiveSpreadsheet());
  const html = helpPage({
    language,
    menu: helpMenuItems(menuHandlers),
    functions: KPI_FUNCTIONS,
    reportLabelKeys: REPORTS.map((report) => report.labelKey),
    feeTableLines: rateCardLines(language),
  });
  const output = HtmlService.createHtmlOutput(html).setWidth(WIDTH).setHeight(HEIGHT);
  SpreadsheetApp.getUi().showModalDialog(output, translate(language, 'help.title'));
  return html;
}
