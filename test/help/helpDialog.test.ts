/**
 * The Help dialog (issue 14) on the built dist/ in the local Apps Script world: clicked from the menu in each
 * language, it shows every menu item, every sheet the add-on writes, each KPI_ function with its example and where
 * the data comes from, all from the registry this build has.
 */
import { escapeHtml } from '../../src/core/dashboard/lookerLink';
import { helpPage } from '../../src/core/help/helpPage';
import { type Language, MESSAGES, translate } from '../../src/core/i18n';
import { OWNED_SHEETS } from '../../src/core/sheetNames';
import { KPI_FUNCTIONS } from '../../src/functions';
import { SURFACE } from '../../src/registry';
import { type HandlerSpec } from '../../src/surface';
import { GasWorld, loadDist } from '../gas-world';

type Script = Record<string, (...args: unknown[]) => unknown>;

const MENU = SURFACE.filter((entry): entry is HandlerSpec => entry.kind !== 'customFunction' && !!entry.menu);

function helpFromMenu(locale: string): { title: string; html: string; width: number | null } {
  const world = new GasWorld({ userLocale: locale });
  const script = loadDist(world) as unknown as Script;
  world.authMode = 'LIMITED';
  world.runExecution(() => script.onOpen?.({ authMode: 'LIMITED' }));
  world.clickMenuItem(locale.startsWith('zh') ? '帮助' : 'Help');
  const dialog = world.ui.dialogs.at(-1);
  if (!dialog) throw new Error('Help showed no dialog');
  expect(world.ui.alerts).toEqual([]);
  return { title: dialog.title, html: dialog.html, width: dialog.width };
}

/** The dialog's visible text: tags dropped, entities decoded, so tests compare words as a user reads them. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe.each<[string, Language]>([
  ['en_US', 'en'],
  ['zh_CN', 'zh'],
])('the Help dialog from the menu (%s)', (locale, language) => {
  const dialog = helpFromMenu(locale);
  const text = textOf(dialog.html);

  it('is a modal dialog titled in the user’s language, wide enough for a formula', () => {
    expect(dialog.title).toBe(translate(language, 'help.title'));
    expect(dialog.width).toBe(640);
  });

  it('names every menu item with what it does, in menu order', () => {
    const positions = MENU.sort((a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0)).map((handler) => {
      const line = `${translate(language, handler.menu?.labelKey ?? '')} — ${translate(language, `help.menu.${handler.name}`)}`;
      expect(text).toContain(line);
      return text.indexOf(line);
    });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('names every sheet the add-on writes', () => {
    for (const [key, name] of Object.entries(OWNED_SHEETS))
      expect(text).toContain(`${name} — ${translate(language, `help.sheet.${key}`)}`);
  });

  it('shows each KPI_ function with its summary and one example formula', () => {
    expect(KPI_FUNCTIONS.length).toBeGreaterThan(10);
    for (const fn of KPI_FUNCTIONS) {
      expect(text).toContain(`${fn.name} ${fn.summary}`);
      expect(text).toContain(fn.example);
    }
  });

  it('says where the data comes from and which exports are recognised, with the fee table’s dates', () => {
    expect(text).toContain(
      translate(language, 'help.data', { map: translate(language, 'menu.openSidebar') }),
    );
    expect(text).toContain(translate(language, 'report.shopifyOrders'));
    expect(text).toContain(translate(language, 'report.tiktokSettlement'));
    expect(text).toMatch(
      language === 'en' ? /Amazon fee tables: newest rate card/ : /亚马逊费用表：最新费率表/,
    );
  });
});

describe('the Help page', () => {
  it('has a description in both languages for every menu item the registry adds', () => {
    for (const handler of MENU) {
      const entry = MESSAGES[`help.menu.${handler.name}`];
      expect({ handler: handler.name, described: !!entry?.en && !!entry.zh }).toEqual({
        handler: handler.name,
        described: true,
      });
    }
  });

  it('escapes every inserted text, so a summary with markup stays text', () => {
    const html = helpPage({
      language: 'en',
      menu: [],
      functions: [{ name: 'KPI_X', summary: '<img src=x onerror=alert(1)>', example: '=KPI_X(A1<B1)' }],
      reportLabelKeys: [],
      feeTableLines: [],
    });
    expect(html).toContain(escapeHtml('<img src=x onerror=alert(1)>'));
    expect(html).toContain('=KPI_X(A1&lt;B1)');
    expect(html).not.toContain('<img');
  });
});
