/**
 * "Try with sample data" and "Remove sample data" (issue 14) on the built dist/ in the local Apps Script world:
 * the samples arrive as clearly named tabs and are built at once; removing them gives back every output a workbook
 * that never had them would show — the KPI Summary, Data Issues, the dashboard, Reconciliation, Products and the rest.
 */
import { readExportFile } from '../../scripts/lib/readExportFile';
import { sampleExports } from '../../scripts/lib/sampleExports';
import { type Cell } from '../../src/core/cell';
import { sampleTabName } from '../../src/core/samples';
import { GasWorld, loadDist } from '../gas-world';
import { resolve } from 'node:path';

type Script = Record<string, (...args: unknown[]) => unknown>;

const NOW = new Date('2026-03-05T16:00:00Z');
/** The user's own export: the sample Shopify orders under a tab name of their own. */
const OWN_ORDERS = readExportFile(resolve(__dirname, '../../samples/shopify-orders.csv'));
const SAMPLE_TABS = sampleExports().map((sample) => sampleTabName(sample.file));

function workbook(locale = 'en_US', own = true): { world: GasWorld; script: Script } {
  const world = new GasWorld({ userLocale: locale, fxRateUsdCny: 7.2, now: NOW });
  if (own) world.addSheet('My Shopify orders', OWN_ORDERS, 'text');
  const script = loadDist(world) as unknown as Script;
  world.authMode = 'LIMITED';
  world.runExecution(() => script.onOpen?.({ authMode: 'LIMITED' }));
  return { world, script };
}

function sheetNames(world: GasWorld): string[] {
  return world.spreadsheet.getSheets().map((sheet) => sheet.getName());
}

/**
 * Every sheet's cells, except the Settings rows a build stamps with its own time and duration (last run): those
 * differ between any two builds, samples or not.
 */
const TIMED = new Set(['last_run_at', 'last_run_duration_s']);

function everyOutput(world: GasWorld): Record<string, Cell[][]> {
  return Object.fromEntries(
    sheetNames(world)
      .sort()
      .map((name) => {
        const values = world.sheetValues(name);
        return [name, name === 'Settings' ? values.filter((row) => !TIMED.has(String(row[0]))) : values];
      }),
  );
}

describe('sample data from the menu', () => {
  it('creates one clearly named tab per sample export, as text, and builds from them', () => {
    const { world } = workbook();
    world.clickMenuItem('Try with sample data');
    expect(SAMPLE_TABS).toContain('Sample – amazon-all-orders-2026-03-03');
    expect(SAMPLE_TABS).toHaveLength(9);
    for (const name of SAMPLE_TABS) expect(sheetNames(world)).toContain(name);
    // SKU 00501 stays text in the pasted tab, as an import without conversion keeps it.
    const orders = world.sheetValues('Sample – amazon-all-orders-2026-03-03');
    expect(orders.some((row) => row.includes('00501'))).toBe(true);
    const channels = new Set(
      world
        .sheetValues('KPI Summary')
        .slice(1)
        .map((row) => row[1]),
    );
    expect([...channels].sort()).toEqual(['amazon', 'shopify', 'tiktok', 'walmart']);
    expect(world.sheetValues('KPI Dashboard').length).toBeGreaterThan(10);
  });

  it('removes exactly those tabs and every row they added: each output equals a workbook that never had them', () => {
    // Both workbooks hold the user's own export and a tab of theirs whose name starts like a sample's.
    const notes = [['my own tab, whose name starts like a sample’s']];
    const never = workbook();
    never.world.addSheet('Sample notes', notes);
    never.world.clickMenuItem('Build KPI summary');

    const { world } = workbook();
    world.addSheet('Sample notes', notes);
    world.clickMenuItem('Build KPI summary');
    world.clickMenuItem('Try with sample data');
    const loaded = everyOutput(world);
    expect(loaded['KPI Summary']).not.toEqual(everyOutput(never.world)['KPI Summary']);
    // The samples' SKUs were appended to the user's Products sheet and a Reconciliation sheet appeared.
    expect(loaded.Products?.length).toBeGreaterThan(everyOutput(never.world).Products?.length ?? 0);
    expect(loaded.Reconciliation).toBeDefined();
    world.clickMenuItem('Remove sample data');

    for (const name of SAMPLE_TABS) expect(sheetNames(world)).not.toContain(name);
    expect(sheetNames(world)).toContain('Sample notes');
    const after = everyOutput(world);
    expect(Object.keys(after)).toEqual(Object.keys(everyOutput(never.world)));
    expect(after).toEqual(everyOutput(never.world));
  });

  it('in a workbook with nothing else, removal takes away the sheets the samples built (Chinese menu)', () => {
    const { world } = workbook('zh_CN', false);
    const before = sheetNames(world);
    world.clickMenuItem('用示例数据试用');
    expect(sheetNames(world)).toContain('KPI Summary');
    world.clickMenuItem('移除示例数据');
    expect(world.ui.alerts.at(-1)?.prompt).toBe(
      '已移除 9 个示例标签页及由其生成的工作表：没有您自己的导出数据可供生成。',
    );
    // Settings stays: every build creates it first, samples or not (the FX rate the user may have set lives there).
    expect(sheetNames(world).filter((name) => name !== 'Settings')).toEqual(before);
  });

  it('refuses to keep history while the samples are loaded, whose days would stay frozen after removal', () => {
    const { world } = workbook();
    world.clickMenuItem('Try with sample data');
    const summary = world.sheetValues('KPI Summary');
    world.ui.promptAnswers.push({ button: 'OK', text: '2026-03-02' });
    world.clickMenuItem('Keep history up to…');
    expect(world.ui.alerts.at(-1)?.prompt).toBe(
      'Sample data is loaded (9 tabs named “Sample – …”): its days would be frozen with yours and stay in the KPI ' +
        'Summary after the samples are removed. Choose Remove sample data first. Nothing was changed.',
    );
    expect(sheetNames(world)).not.toContain('KPI History');
    expect(world.sheetValues('KPI Summary')).toEqual(summary);
    // Once they are removed, the user's own export can be kept as usual.
    world.clickMenuItem('Remove sample data');
    world.ui.promptAnswers.push({ button: 'OK', text: '2026-03-02' });
    world.ui.alertAnswers.push('YES');
    world.clickMenuItem('Keep history up to…');
    expect(sheetNames(world)).toContain('KPI History');
  });

  it('says so when there is nothing to remove', () => {
    const { world } = workbook();
    world.clickMenuItem('Remove sample data');
    expect(world.ui.alerts.at(-1)?.prompt).toBe('There are no “Sample – …” tabs to remove.');
  });
});
