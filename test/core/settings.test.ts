import { translate } from '../../src/core/i18n';
import { DEFAULT_SETTINGS, settingsFromRows } from '../../src/core/settings';

describe('reading the Settings sheet', () => {
  it('reads each setting by its key, whatever the row order and case', () => {
    const { settings, problems } = settingsFromRows([
      ['key', 'value'],
      ['REFRESH_HOUR', 7],
      ['fx_usd_cny', 7.12],
      ['reporting_time_zone', 'Asia/Shanghai'],
      ['language', 'zh'],
      ['looker_template_report_id', 'a1b2c3d4-0000-1111-2222-333344445555'],
    ]);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      refreshHour: 7,
      fxUsdCny: 7.12,
      reportingTimeZone: 'Asia/Shanghai',
      language: 'zh',
      lookerTemplateReportId: 'a1b2c3d4-0000-1111-2222-333344445555',
    });
  });

  it('keeps the default for every unreadable value and says why in both languages', () => {
    const { settings, problems } = settingsFromRows([
      ['reporting_time_zone', 'Pacific'],
      ['base_currency', 'EUR'],
      ['fx_usd_cny', '#N/A'],
      ['language', 'fr'],
      ['looker_template_report_id', 'x"><script>'],
      ['refresh_schedule', 'weekly'],
      ['refresh_hour', 25],
    ]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((problem) => problem.setting)).toEqual([
      'reporting_time_zone',
      'base_currency',
      'fx_usd_cny',
      'language',
      'looker_template_report_id',
      'refresh_schedule',
      'refresh_hour',
    ]);
    for (const problem of problems) {
      expect(translate('en', problem.message.key, problem.message.params)).toContain(problem.setting);
      expect(translate('zh', problem.message.key, problem.message.params)).toContain(problem.setting);
    }
    expect(translate('en', problems[6]?.message.key ?? '', problems[6]?.message.params)).toBe(
      'Settings › refresh_hour: "25" is not an hour from 0 to 23; the default is used.',
    );
  });
});

describe('implausible Settings values (SPEC §2a, issue 9 item 10)', () => {
  it.each([
    ['Infinity', Number.POSITIVE_INFINITY],
    ['1e400 typed as text', '1e400'],
    ['1e-320 typed', 1e-320],
    ['0x10 as text', '0x10'],
    ['the inverse rate 0.14', 0.14],
    ['a misplaced point 72', 72],
    ['text Infinity', 'Infinity'],
  ])('fx_usd_cny %s is a Data Issue and the default (no rate) is used', (_name, value) => {
    const { settings, problems } = settingsFromRows([['fx_usd_cny', value]]);
    expect(settings.fxUsdCny).toBeNull();
    expect(problems.map((problem) => problem.setting)).toEqual(['fx_usd_cny']);
    const message = problems[0]?.message;
    expect(translate('en', message?.key ?? '', message?.params)).toContain('fx_usd_cny');
    expect(translate('zh', message?.key ?? '', message?.params)).toContain('fx_usd_cny');
  });

  it('a rate typed as text or with a currency mark reads as the rate', () => {
    expect(settingsFromRows([['fx_usd_cny', '7.12']]).settings.fxUsdCny).toBe(7.12);
    expect(settingsFromRows([['fx_usd_cny', ' 7.2 ']]).settings.fxUsdCny).toBe(7.2);
  });

  it('a rate outside the plausible range says the range', () => {
    const { problems } = settingsFromRows([['fx_usd_cny', 72]]);
    expect(translate('en', problems[0]?.message.key ?? '', problems[0]?.message.params)).toContain('2–20');
  });

  it('refresh_hour 0x10 and 1e1 are refused, not read as 16 and 10', () => {
    for (const hour of ['0x10', '1e1', ' 7.0'])
      expect(settingsFromRows([['refresh_hour', hour]]).problems.map((problem) => problem.setting)).toEqual([
        'refresh_hour',
      ]);
    expect(settingsFromRows([['refresh_hour', ' 7 ']]).settings.refreshHour).toBe(7);
  });
});

describe('the last good USD→CNY rate (issue 10)', () => {
  const rows = (fx: string | number): (string | number)[][] => [
    ['key', 'value'],
    ['fx_usd_cny', fx],
    ['fx_last_good_rate', 7.18],
    ['fx_last_good_date', '2026-11-28'],
  ];

  it('stands in for a live rate that cannot be read, and says so', () => {
    const read = settingsFromRows(rows('#N/A'));
    expect([read.settings.fxUsdCny, read.fxFromLastGood]).toEqual([7.18, true]);
    expect(read.problems.map((problem) => problem.message.key)).toEqual([
      'settings.problem.fxUsdCny',
      'settings.problem.fxLastGood',
    ]);
  });

  it('never replaces a typed rate outside the plausible range: that is refused and CNY stays blank', () => {
    const read = settingsFromRows(rows(0.139));
    expect([read.settings.fxUsdCny, read.fxFromLastGood]).toEqual([null, false]);
  });

  it('is not used when the live rate reads', () => {
    expect(settingsFromRows(rows(7.25))).toMatchObject({
      settings: { fxUsdCny: 7.25 },
      fxFromLastGood: false,
    });
  });
});
