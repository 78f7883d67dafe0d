import { translate } from '../../src/core/i18n';
/**
 * The add-on menu in every auth mode, run from the built script in the local Apps Script world: in NONE nothing but
 * the menu may be touched (the world throws on any document or properties call), in LIMITED the chosen language wins.
 */
import { SURFACE } from '../../src/registry';
import { GasWorld, loadDist } from '../gas-world';

type Script = Record<string, (...args: unknown[]) => unknown>;

function workbook(
  locale: string,
  chosenLanguage: 'auto' | 'en' | 'zh' | null,
): { world: GasWorld; script: Script } {
  const world = new GasWorld({ userLocale: locale });
  if (chosenLanguage)
    world.addSheet(
      'Settings',
      [
        ['key', 'value'],
        ['language', chosenLanguage],
      ],
      'text',
    );
  return { world, script: loadDist(world) as unknown as Script };
}

function openAs(
  world: GasWorld,
  script: Script,
  mode: 'NONE' | 'LIMITED' | 'FULL',
  handler = 'onOpen',
): string[] {
  world.authMode = mode;
  world.runExecution(() => script[handler]?.({ authMode: mode }));
  return [...world.ui.menuItems().keys()];
}

describe('the add-on menu', () => {
  it('opens in AuthMode.NONE from the account locale alone, touching no document or property', () => {
    const { world, script } = workbook('zh_CN', 'en');
    const reads = world.calls.total;
    const labels = openAs(world, script, 'NONE');
    expect(labels).toEqual(expect.arrayContaining(['映射工作表…', '设置…', '帮助']));
    expect(world.calls.total).toBe(reads);
  });

  it('uses the language chosen in Settings once the add-on may read the workbook (LIMITED, FULL, onInstall)', () => {
    const { world, script } = workbook('zh_CN', 'en');
    expect(openAs(world, script, 'LIMITED')).toEqual(
      expect.arrayContaining(['Map sheets…', 'Settings…', 'Help']),
    );
    expect(openAs(world, script, 'FULL', 'onInstall')).toEqual(
      expect.arrayContaining(['Map sheets…', 'Settings…']),
    );
  });

  it('follows the locale when the language is automatic', () => {
    const { world, script } = workbook('en_US', 'auto');
    expect(openAs(world, script, 'LIMITED')).toEqual(expect.arrayContaining(['Map sheets…', 'Settings…']));
  });

  it('puts the sidebar first and Settings and Help last, with every registered item', () => {
    const { world, script } = workbook('en_US', null);
    const labels = openAs(world, script, 'LIMITED');
    expect(labels[0]).toBe('Map sheets…');
    expect(labels.slice(-2)).toEqual(['Settings…', 'Help']);
    const menuEntries = SURFACE.filter((entry) => 'menu' in entry && entry.menu);
    expect(labels).toHaveLength(menuEntries.length);
  });

  it('opens the sidebar from the menu as a 300-px sidebar titled in the chosen language', () => {
    const { world, script } = workbook('en_US', 'zh');
    openAs(world, script, 'LIMITED');
    world.clickMenuItem('映射工作表…');
    const shown = world.ui.sidebars.at(-1);
    expect(shown?.title).toBe('卖家 KPI');
    expect(shown?.html).toContain('id="sheet-list-view"');
    expect(shown?.html).not.toContain('data-tab="settings"');
    world.clickMenuItem('设置…');
    expect(world.ui.sidebars.at(-1)?.html).toContain('data-tab="settings"');
  });

  it('tells the user in their language when a menu item fails, instead of a raw error', () => {
    const { world, script } = workbook('zh_CN', null);
    // A transient server failure, as Apps Script reports it ("Service Spreadsheets failed while accessing document").
    world.spreadsheet.insertSheet = () => {
      throw new Error('Service Spreadsheets failed while accessing document with id 1.');
    };
    openAs(world, script, 'LIMITED');
    expect(() => world.clickMenuItem('创建成本表')).not.toThrow();
    const alert = world.ui.alerts.at(-1);
    expect(alert?.title).toBe('卖家 KPI');
    expect(alert?.prompt).toMatch(/^出现错误：.*Service Spreadsheets failed/);
  });

  it("takes a user's 'costs' tab for the Costs sheet: sheet names are unique ignoring case", () => {
    const { world, script } = workbook('en_US', null);
    world.addSheet('costs', [['sku']], 'text');
    openAs(world, script, 'LIMITED');
    world.clickMenuItem('Create Costs sheet');
    expect(world.ui.alerts.at(-1)?.prompt).toBe(translate('en', 'build.costsExists'));
    expect(world.spreadsheet.getSheets().map((sheet) => sheet.getName())).not.toContain('Costs');
  });
});
