/**
 * Tables that age visibly (issue 16), on the built dist/ in the local Apps Script world: the Help dialog and the
 * sidebar's first answer name the newest Amazon rate card's dates in the user's language.
 */
import { GasWorld, loadDist } from '../gas-world';

type Script = Record<string, (...args: unknown[]) => unknown>;

describe('the newest fee table’s dates on dist/', () => {
  it('the Help dialog ends with the newest rate card, its provisional peak and the surcharge', () => {
    const world = new GasWorld();
    const script = loadDist(world) as Script;
    world.runExecution(() => script.showHelp?.());
    const prompt = world.ui.dialogs.at(-1)?.html ?? '';
    expect(prompt).toContain('Amazon fee tables: newest rate card 2026, 2026-01-15 – 2027-01-14.');
    expect(prompt).toContain('Holiday peak 2026-10-15 – 2027-01-14 (provisional');
    expect(prompt).toContain('Fuel and logistics surcharge 3.5% on the FBA fee from 2026-04-17.');
  });

  it('the sidebar receives the same lines in Chinese for a Chinese user', () => {
    const world = new GasWorld({ userLocale: 'zh_CN' });
    const script = loadDist(world) as Script;
    const state = world.runExecution(() => script.sidebarLoad?.()) as { feeTables?: string[] };
    expect(state.feeTables?.[0]).toBe('亚马逊费用表：最新费率表 2026，2026-01-15 至 2027-01-14。');
    expect(state.feeTables).toHaveLength(3);
  });
});
