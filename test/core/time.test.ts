import {
  addDays,
  daysBetween,
  epochFromWallClock,
  isIsoDate,
  isoDateInZone,
  zoneOffsetMinutes,
} from '../../src/core/time';

describe('calendar days in time zones', () => {
  it('puts 2026-05-08T23:36:26Z on May 8 in Los Angeles and May 9 in Shanghai', () => {
    const instant = Date.parse('2026-05-08T23:36:26Z');
    expect(isoDateInZone(instant, 'America/Los_Angeles')).toBe('2026-05-08');
    expect(isoDateInZone(instant, 'Asia/Shanghai')).toBe('2026-05-09');
  });

  it('knows Pacific daylight and standard offsets', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-07-01T12:00:00Z'), 'America/Los_Angeles')).toBe(-420);
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-480);
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'Asia/Shanghai')).toBe(480);
  });

  it('turns a Los Angeles wall clock into the instant, across the spring-forward day', () => {
    const clock = { year: 2026, month: 3, day: 8, hour: 10, minute: 0, second: 0 };
    expect(new Date(epochFromWallClock(clock, 'America/Los_Angeles')).toISOString()).toBe(
      '2026-03-08T17:00:00.000Z',
    );
    const beforeChange = { year: 2026, month: 3, day: 8, hour: 1, minute: 30, second: 0 };
    expect(new Date(epochFromWallClock(beforeChange, 'America/Los_Angeles')).toISOString()).toBe(
      '2026-03-08T09:30:00.000Z',
    );
  });

  it('reads midnight in Shanghai as 16:00 UTC of the day before', () => {
    const clock = { year: 2026, month: 9, day: 1, hour: 0, minute: 0, second: 0 };
    expect(new Date(epochFromWallClock(clock, 'Asia/Shanghai')).toISOString()).toBe(
      '2026-08-31T16:00:00.000Z',
    );
  });

  it('shifts and compares calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-01', '2026-11-26')).toBe(25);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});
