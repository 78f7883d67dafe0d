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
        refreshSchedule: 'off',
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
      ['refresh_schedule', 'off'],
      ['refresh_hour', 7],
      // The save's stamp, with the missing keys (issue 17: script writes fire no change trigger).
      ['inputs_changed_at', expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)],
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
        refreshSchedule: 'off',
        refreshHour: 6,
      }),
    ) as { language: string; settings: { values: { language: string } } };
    expect(state.settings.values.language).toBe('zh');
    expect(state.language).toBe('zh');
  });
});

describe('the schedule chosen in the settings form', () => {
  const form = (refreshSchedule: string, refreshHour: number, reportingTimeZone = 'America/Los_Angeles') => ({
    reportingTimeZone,
    baseCurrency: 'USD',
    fxSource: 'fixed',
    fxFixedRate: 7.2,
    language: 'en',
    lookerTemplateReportId: '',
    refreshSchedule,
    refreshHour,
  });

  it('installs one daily trigger at the chosen hour in the reporting zone, moves it, and removes it for "off"', () => {
    const world = new GasWorld({ userLocale: 'en_US' });
    const script = loadDist(world) as unknown as Script;
    world.runExecution(() => script.sidebarSaveSettings?.(form('daily', 9)));
    // The clock trigger, then the change trigger that goes with it (issue 17).
    expect(world.triggers.map((trigger) => trigger.eventType)).toEqual(['CLOCK', 'ON_CHANGE']);
    expect(world.triggers[0]?.schedule).toMatchObject({ atHour: 9, everyDays: 1 });
    expect(world.triggers[0]?.timeZone).toBe('America/Los_Angeles');

    world.runExecution(() => script.sidebarSaveSettings?.(form('daily', 5, 'America/New_York')));
    expect(world.triggers).toHaveLength(2);
    expect(world.triggers[0]?.schedule).toMatchObject({ atHour: 5, everyDays: 1 });
    expect(world.triggers[0]?.timeZone).toBe('America/New_York');

    world.runExecution(() => script.sidebarSaveSettings?.(form('hourly', 5, 'America/New_York')));
    expect(world.triggers).toHaveLength(2);
    expect(world.triggers[0]?.schedule).toMatchObject({ everyHours: 1 });

    world.runExecution(() => script.sidebarSaveSettings?.(form('off', 5, 'America/New_York')));
    expect(world.triggers).toHaveLength(0);
  });

  it('leaves the triggers alone when a save changes nothing about the schedule', () => {
    const world = new GasWorld({ userLocale: 'en_US' });
    const script = loadDist(world) as unknown as Script;
    world.runExecution(() => script.sidebarSaveSettings?.(form('daily', 9)));
    const uids = world.triggers.map((trigger) => trigger.uid);
    world.runExecution(() => script.sidebarSaveSettings?.({ ...form('daily', 9), language: 'zh' }));
    expect(world.triggers.map((trigger) => trigger.uid)).toEqual(uids);
  });
});
