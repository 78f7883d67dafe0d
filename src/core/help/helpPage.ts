/**
 * The Help dialog's page (issue 14): what to do first, the menu, the sheets written, each KPI_ function with one
 * example, and where the data comes from. Pure: the server passes the registry's menu items and functions, so the
 * page lists exactly what this build registers; every inserted text is escaped (sheet and report names included).
 */
import { escapeHtml } from '../dashboard/lookerLink';
import { type Language, translate } from '../i18n';
import { OWNED_SHEETS } from '../sheetNames';

export interface HelpMenuItem {
  /** The handler name the menu stores: it picks the item's description, `help.menu.<handler>`. */
  handler: string;
  labelKey: string;
}

export interface HelpFunction {
  name: string;
  summary: string;
  example: string;
}

export interface HelpInput {
  language: Language;
  /** In menu order. */
  menu: readonly HelpMenuItem[];
  functions: readonly HelpFunction[];
  /** The message keys of the exports the add-on recognises. */
  reportLabelKeys: readonly string[];
  /** The newest Amazon fee table's dates (rateCard.ts), so an old table shows its age here too. */
  feeTableLines: readonly string[];
}

/** Dialogs are sandboxed iframes of a fixed size: one readable column, long formulas allowed to wrap. */
const STYLE =
  '<style>body{font-family:Arial,sans-serif;font-size:13px;line-height:1.5;margin:12px;color:#202124}' +
  'h2{font-size:15px;margin:18px 0 6px}ul{padding-left:18px;margin:4px 0}li{margin:3px 0}' +
  'code{font-family:monospace;background:#f1f3f4;padding:0 3px;overflow-wrap:anywhere}' +
  '.fn{margin:6px 0}.fn div{margin-left:12px}</style>';

export function helpPage(input: HelpInput): string {
  const { language } = input;
  const t = (key: string, params: Record<string, string | number> = {}): string =>
    escapeHtml(translate(language, key, params));
  const label = (handler: string): string | null => {
    const item = input.menu.find((entry) => entry.handler === handler);
    return item ? translate(language, item.labelKey) : null;
  };
  const build = label('buildKpiSummary') ?? translate(language, 'menu.buildSummary');
  const sample = label('loadSampleData');
  const start = t('help.start', { build }) + (sample ? ` ${t('help.startSample', { sample })}` : '');

  const menu = input.menu.map(
    (item) => `<li><b>${t(item.labelKey)}</b> — ${t(`help.menu.${item.handler}`)}</li>`,
  );
  const sheets = (Object.keys(OWNED_SHEETS) as (keyof typeof OWNED_SHEETS)[]).map(
    (key) => `<li><b>${escapeHtml(OWNED_SHEETS[key])}</b> — ${t(`help.sheet.${key}`)}</li>`,
  );
  const functions = input.functions.map(
    (fn) =>
      `<div class="fn"><code>${escapeHtml(fn.name)}</code> ${escapeHtml(fn.summary)}` +
      `<div><code>${escapeHtml(fn.example)}</code></div></div>`,
  );
  const reports = [...new Set(input.reportLabelKeys.map((key) => translate(language, key)))].map(
    (name) => `<li>${escapeHtml(name)}</li>`,
  );
  const map = label('showMappingSidebar') ?? translate(language, 'menu.openSidebar');
  return [
    STYLE,
    `<h2>${t('help.heading.start')}</h2>`,
    `<p>${start}</p>`,
    `<h2>${t('help.heading.menu')}</h2>`,
    `<ul>${menu.join('')}</ul>`,
    `<h2>${t('help.heading.sheets')}</h2>`,
    `<ul>${sheets.join('')}</ul>`,
    `<p>${t('help.sheetsNote')}</p>`,
    `<h2>${t('help.heading.functions')}</h2>`,
    `<p>${t('help.functionsNote')}</p>`,
    functions.join(''),
    `<h2>${t('help.heading.data')}</h2>`,
    `<p>${t('help.data', { map })}</p>`,
    `<ul>${reports.join('')}</ul>`,
    ...input.feeTableLines.map((line) => `<p>${escapeHtml(line)}</p>`),
  ].join('\n');
}
