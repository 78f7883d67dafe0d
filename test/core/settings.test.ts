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
