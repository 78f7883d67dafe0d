/**
 * Loading scripts into the world with gas-local: a small hand-written script for triggers and templates, and the
 * real build output (dist/main.js) for onOpen.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GasWorld, loadDist } from './index';

const TRIGGER_SCRIPT = `
function installHourly() {
  return ScriptApp.newTrigger('refreshSummary').timeBased().everyHours(1).create().getUniqueId();
}
function refreshSummary(e) {
  var active = SpreadsheetApp.getActiveSpreadsheet();
  var uiError = '';
  try { SpreadsheetApp.getUi(); } catch (error) { uiError = error.message; }
  return {
    event: e,
    hasActive: active !== null,
    documentProperties: PropertiesService.getDocumentProperties() !== null,
    uiError: uiError,
    isDate: Object.prototype.toString.call(new Date()) === '[object Date]'
  };
}
function lockAndForget() {
  LockService.getScriptLock().waitLock(1000);
  return true;
}
function KPI_DOUBLE(value) { return value * 2; }
function include(name) { return '<b>' + name + '</b>'; }
`;

describe('a hand-written script in the world', () => {
  let scriptDir: string;

  beforeAll(() => {
    scriptDir = mkdtempSync(join(tmpdir(), 'gas-world-'));
    writeFileSync(join(scriptDir, 'Code.js'), TRIGGER_SCRIPT);
    writeFileSync(
      join(scriptDir, 'Panel.html'),
      '<h1><?= title ?></h1><?!= include("part") ?><? for (var i = 0; i < 2; i++) { ?>*<? } ?>',
    );
  });
  afterAll(() => rmSync(scriptDir, { recursive: true, force: true }));

  it('fires a time trigger in FULL with the documented event fields, no UI and no active spreadsheet', () => {
    const world = new GasWorld({ now: new Date('2026-03-02T09:30:15Z'), scriptTimeZone: 'Asia/Shanghai' });
    const script = loadDist(world, scriptDir);
    const uid = script.installHourly?.() as string;
    world.authMode = 'NONE';
    const result = world.fireTimeTrigger(uid) as Record<string, unknown>;
    expect(world.authMode).toBe('NONE');
    expect(result.event).toEqual({
      authMode: 'FULL',
      triggerUid: uid,
      year: 2026,
      month: 3,
      'day-of-month': 2,
      'day-of-week': 1,
      'week-of-year': 10,
      hour: 17,
      minute: 30,
      second: 15,
      timezone: 'Asia/Shanghai',
    });
    expect(result.hasActive).toBe(false);
    expect(result.documentProperties).toBe(false);
    expect(result.uiError).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('gives the trigger the active spreadsheet when configured so', () => {
    const world = new GasWorld({ activeSpreadsheetInTriggers: true });
    const script = loadDist(world, scriptDir);
    const uid = script.installHourly?.() as string;
    expect((world.fireTimeTrigger(uid) as Record<string, unknown>).hasActive).toBe(true);
  });

  it('says "Script function not found" for a trigger whose handler is gone', () => {
    const world = new GasWorld();
    loadDist(world, scriptDir);
    const trigger = world.scriptApp.newTrigger('renamedHandler').timeBased().everyHours(1).create();
    expect(() => world.fireTimeTrigger(trigger.getUniqueId())).toThrow(
      'Script function not found: renamedHandler',
    );
  });

  it('releases a lock the script forgot to release when its execution ends', () => {
    const world = new GasWorld();
    const script = loadDist(world, scriptDir);
    expect(script.lockAndForget?.()).toBe(true);
    expect(world.holdsLock('script')).toBe(false);
  });

  it('knows the script\'s custom functions, so their formulas are not "#NAME?"', () => {
    const world = new GasWorld();
    loadDist(world, scriptDir);
    world.addSheet('Calc', [['=kpi_double(2)', '=NOPE(2)']], 'typed');
    expect(world.sheetValues('Calc')).toEqual([['#ERROR!', '#NAME?']]);
  });

  it("evaluates an HTML template with escaped and raw prints and the script's helpers", () => {
    const world = new GasWorld();
    loadDist(world, scriptDir);
    const html = world.globals().HtmlService as GoogleAppsScript.HTML.HtmlService;
    const template = html.createTemplateFromFile('Panel');
    template.title = 'A & B';
    expect(template.evaluate().getContent()).toBe('<h1>A &amp; B</h1><b>part</b>**');
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });
});

describe('the built add-on (dist/main.js) in the world', () => {
  const root = resolve(__dirname, '..', '..');

  it('adds the add-on menu from onOpen in AuthMode.NONE without touching the document', () => {
    const world = new GasWorld({ userLocale: 'en_US' });
    const script = loadDist(world);
    world.authMode = 'NONE';
    script.onOpen?.({ authMode: 'NONE' });
    const menu = world.ui.addonMenu;
    expect(menu?.items.length).toBeGreaterThan(0);
    expect([...world.ui.menuItems().values()]).toContain('showHelp');
    expect(world.calls.total).toBe(0);
    // The world grants exactly the scopes the shipped manifest asks for.
    const manifest = JSON.parse(readFileSync(join(root, 'dist', 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    expect([...(world.oauthScopes ?? [])].sort()).toEqual([...manifest.oauthScopes].sort());
  });
});
