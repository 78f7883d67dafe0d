/**
 * Each read of the Settings sheet is a round trip to Google's servers (PLATFORM §3): a menu action or sidebar call
 * reads it once and takes the user's language from that same read.
 */
import { GasWorld, loadDist } from '../gas-world';

type Script = Record<string, (...args: unknown[]) => unknown>;

function settingsReadsOf(action: string): number {
  const world = new GasWorld({ userLocale: 'zh_CN', fxRateUsdCny: 7.1 });
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['language', 'en'],
    ],
    'text',
  );
  world.addSheet('Notes', [['not', 'an export']], 'text');
  const script = loadDist(world) as unknown as Script;
  world.calls.reset();
  world.runExecution(() => script[action]?.());
  return world.calls.log().filter((call) => call.sheet === 'Settings' && call.method === 'getValues').length;
}

describe('the Settings sheet', () => {
  it.each([
    'sidebarLoad',
    'showMappingSidebar',
    'showHelp',
    'openLookerStudio',
    'fillTargetsFromActuals',
    'buildKpiSummary',
    'createCostsTemplate',
  ])('is read once by %s', (action) => {
    expect(settingsReadsOf(action)).toBe(1);
  });

  it('is read twice by the sidebar build: once for the sheet list, once by the build itself', () => {
    expect(settingsReadsOf('sidebarBuildSummary')).toBe(2);
  });

  it('gets a sidebar save as one write for the changed row and one for all missing keys, formula kept live', () => {
    const world = new GasWorld({ userLocale: 'en_US', fxRateUsdCny: 7.1 });
    world.addSheet(
      'Settings',
      [
        ['key', 'value'],
        ['language', 'en'],
      ],
      'text',
    );
    const script = loadDist(world) as unknown as Script;
    world.calls.reset();
    world.runExecution(() =>
      script.sidebarSaveSettings?.({
        reportingTimeZone: 'Asia/Shanghai',
        baseCurrency: 'USD',
        fxSource: 'live',
        fxFixedRate: null,
        language: 'zh',
        lookerTemplateReportId: '',
        refreshHour: 7,
      }),
    );
    const writes = world.calls
      .log()
      .filter((call) => call.sheet === 'Settings' && call.method === 'setValues');
    expect(writes).toHaveLength(2);
    expect(world.sheetValues('Settings')).toEqual([
      ['key', 'value'],
      ['language', 'zh'],
      ['reporting_time_zone', 'Asia/Shanghai'],
      ['base_currency', 'USD'],
      ['fx_usd_cny', 7.1],
      ['looker_template_report_id', ''],
      ['refresh_hour', 7],
    ]);
    expect(world.sheetFormulas('Settings')[4]?.[1]).toBe('=GOOGLEFINANCE("CURRENCY:USDCNY")');
  });

  it('saves a setting into the row a build reads when a user repeated its key', () => {
    const world = new GasWorld({ userLocale: 'en_US' });
    world.addSheet(
      'Settings',
      [
        ['key', 'value'],
        ['language', 'en'],
        ['reporting_time_zone', 'America/Los_Angeles'],
        ['Language', 'en'],
      ],
      'text',
    );
    const script = loadDist(world) as unknown as Script;
    const state = world.runExecution(() =>
      script.sidebarSaveSettings?.({
        reportingTimeZone: 'America/Los_Angeles',
        baseCurrency: 'USD',
        fxSource: 'fixed',
        fxFixedRate: 7.2,
        language: 'zh',
        lookerTemplateReportId: '',
        refreshHour: 6,
      }),
    ) as { language: string; settings: { values: { language: string } } };
    expect(state.settings.values.language).toBe('zh');
    expect(state.language).toBe('zh');
  });
});
