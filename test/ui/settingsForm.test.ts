/** The sidebar's Settings form holds a fixed rate to the build's rule (issue 9 case 10): 2–20 yuan per dollar. */
import { checkedSettings } from '../../src/server/settings';

const FORM = {
  reportingTimeZone: 'America/Los_Angeles',
  baseCurrency: 'USD',
  fxSource: 'fixed',
  fxFixedRate: 7.2,
  language: 'auto',
  lookerTemplateReportId: '',
  refreshSchedule: 'off',
  refreshHour: 6,
};

describe('the Settings form’s fixed rate', () => {
  it('takes a real USD→CNY rate', () => {
    expect(checkedSettings(FORM).fxFixedRate).toBe(7.2);
  });

  it.each([0.139, 72, 0, -7.2, Number.POSITIVE_INFINITY])(
    'refuses %p: the build would refuse it too',
    (rate) => {
      expect(() => checkedSettings({ ...FORM, fxFixedRate: rate })).toThrow(
        expect.objectContaining({ key: 'settings.error.fxRate' }),
      );
    },
  );
});
