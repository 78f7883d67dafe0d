/**
 * runBuild()'s phases from the TypeScript sources in the local Apps Script world (SPEC §2a "All or nothing"): an
 * output whose computing throws writes nothing, and a write the platform refuses halfway says which sheets were
 * already rewritten. Fault injection needs the sources (an injected output); the same rules on dist/ are in
 * buildRules.test.ts.
 */
import { join, resolve } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type BuildOutput, buildMessage, runBuild } from '../../src/server/build';
import '../../src/server/dashboard';
import { checkCells } from '../../src/gas/sheets';
import { GasWorld } from '../gas-world';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function installGlobals(world: GasWorld): () => void {
  const saved = new Map<string, unknown>();
  for (const [name, service] of Object.entries(world.globals())) {
    if (name === 'console') continue;
    saved.set(name, (globalThis as Record<string, unknown>)[name]);
    (globalThis as Record<string, unknown>)[name] = service;
  }
  return () => {
    for (const [name, value] of saved) (globalThis as Record<string, unknown>)[name] = value;
  };
}

function withWorld(test: (world: GasWorld, spreadsheet: Spreadsheet) => void, userLocale = 'en_US'): void {
  // A failed build also goes to the execution log (console.error); the tests read the result instead.
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const world = new GasWorld({
    spreadsheetTimeZone: 'America/Los_Angeles',
    userLocale,
    now: new Date('2026-03-05T16:00:00Z'),
  });
  world.addSheet('All Orders', readExportFile(join(SAMPLES, 'amazon-all-orders-2026-03-04.txt')), 'text');
  const restore = installGlobals(world);
  try {
    test(world, world.spreadsheet as unknown as Spreadsheet);
  } finally {
    restore();
    log.mockRestore();
  }
}

const OWNED = ['KPI Summary', 'Data Issues', 'KPI Dashboard', 'Costs'];
const snapshot = (world: GasWorld): unknown =>
  OWNED.map((name) => [name, world.sheetValues(name), world.sheetNumberFormats(name)]);

const failingOutput: BuildOutput = {
  sheet: 'Targets',
  compute: () => {
    throw new Error('injected failure');
  },
};

describe('runBuild() all or nothing', () => {
  it.each([
    [
      'en_US',
      'The build stopped before writing anything: every sheet it writes is as it was. Where: computing the sheet “Targets”. What failed: injected failure',
    ],
    [
      'zh_CN',
      '生成在写入前停止，所有由插件写入的工作表均保持原样。位置：计算工作表“Targets”时。失败原因：injected failure',
    ],
  ])(
    'an output whose computing throws leaves every owned sheet as it was, and says so (%s)',
    (locale, message) => {
      withWorld((world, spreadsheet) => {
        expect(world.runExecution(() => runBuild(spreadsheet)).status).toBe('built');
        const before = snapshot(world);
        world.addSheet('More', readExportFile(join(SAMPLES, 'amazon-all-orders-2026-03-03.txt')), 'text');
        world.calls.reset();
        const failed = world.runExecution(() => runBuild(spreadsheet, { outputs: [failingOutput] }));
        expect(failed.status).toBe('failed');
        expect(failed.rowsWritten).toBe(0);
        expect(world.calls.log().filter((call) => call.kind === 'write')).toEqual([]);
        expect(snapshot(world)).toEqual(before);
        expect(buildMessage(failed)).toBe(message);
        expect(world.holdsLock('document')).toBe(false);
      }, locale);
    },
  );

  it('a NaN in an output is found before the first write, naming the sheet and row', () => {
    withWorld((world, spreadsheet) => {
      const failed = world.runExecution(() =>
        runBuild(spreadsheet, {
          outputs: [
            {
              sheet: 'KPI Dashboard',
              compute: () => {
                // An output checks its cells as it computes them (as the dashboard does): a NaN from a bad sum is refused.
                checkCells('KPI Dashboard', [['ok'], [Number.NaN]], 1);
                return null;
              },
            },
          ],
        }),
      );
      expect(failed.status).toBe('failed');
      expect(world.spreadsheet.getSheetByName('KPI Summary')).toBeNull();
      expect(buildMessage(failed)).toContain('checking the sheet “KPI Dashboard” before writing it, row 2');
    });
  });

  it('a write the platform refuses halfway names the sheets already rewritten', () => {
    withWorld((world, spreadsheet) => {
      const failed = world.runExecution(() =>
        runBuild(spreadsheet, {
          outputs: [
            {
              sheet: 'Targets',
              compute: () => () => {
                throw new Error('Service Spreadsheets timed out while accessing document');
              },
            },
          ],
        }),
      );
      expect(failed.status).toBe('failed');
      expect(failed.failure?.written).toEqual(['KPI Summary', 'Data Issues', 'KPI Dashboard']);
      expect(buildMessage(failed)).toBe(
        'Writing the sheet “Targets” failed: Service Spreadsheets timed out while accessing document. Sheets already ' +
          'rewritten in this run: KPI Summary, Data Issues, KPI Dashboard. Build again to bring them all up to date.',
      );
    });
  });
});
