/**
 * runBuild(), the entry a scheduled trigger calls, from the TypeScript sources with the local Apps Script world's
 * services as globals: a run past its deadline writes nothing and leaves the previous KPI Summary as it was.
 */
import { join, resolve } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { runBuild } from '../../src/server/build';
import { GasWorld } from '../gas-world';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');

function installGlobals(world: GasWorld): () => void {
  const globals = world.globals();
  const saved = new Map<string, unknown>();
  for (const [name, service] of Object.entries(globals)) {
    if (name === 'console') continue;
    saved.set(name, (globalThis as Record<string, unknown>)[name]);
    (globalThis as Record<string, unknown>)[name] = service;
  }
  return () => {
    for (const [name, value] of saved) (globalThis as Record<string, unknown>)[name] = value;
  };
}

describe('runBuild() deadline', () => {
  it('stops before writing when the deadline has passed, keeping the previous summary', () => {
    const world = new GasWorld({
      spreadsheetTimeZone: 'America/Los_Angeles',
      now: new Date('2026-03-05T16:00:00Z'),
    });
    world.addSheet('All Orders', readExportFile(join(SAMPLES, 'amazon-all-orders-2026-03-04.txt')), 'text');
    const restore = installGlobals(world);
    try {
      const spreadsheet = world.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
      const first = world.runExecution(() => runBuild(spreadsheet));
      expect(first.status).toBe('built');
      // 4 KPI Summary rows: 3 Mar LAMP-3 and MUG-01, 4 Mar 00501 and MUG-01.
      expect(first.rowsWritten).toBe(4);
      const before = world.sheetValues('KPI Summary');

      world.addSheet(
        'More orders',
        readExportFile(join(SAMPLES, 'amazon-all-orders-2026-03-03.txt')),
        'text',
      );
      let clock = 0;
      // Each read of the clock is 400 s later: the check before writing finds the run past a 300 s deadline.
      const late = world.runExecution(() =>
        runBuild(spreadsheet, { deadlineMs: 300_000, now: () => (clock += 400_000) }),
      );
      expect(late.status).toBe('deadline');
      expect(late.rowsWritten).toBe(0);
      expect(late.rowsRead).toBeGreaterThan(first.rowsRead);
      expect(world.sheetValues('KPI Summary')).toEqual(before);
      expect(world.holdsLock('document')).toBe(false);
    } finally {
      restore();
    }
  });
});
