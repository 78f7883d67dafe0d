import fc from 'fast-check';
import { translate } from '../../src/core/i18n';
import {
  cellText,
  normaliseHeader,
  parseBoolean,
  parseCount,
  parseDayRange,
  parseDecimal,
  parseMoment,
  parsePercent,
  roundCents,
} from '../../src/core/parse';
import { REPORTS } from '../../src/core/reports';
import { epochFromWallClock } from '../../src/core/time';

const LOS_ANGELES = { reportingTimeZone: 'America/Los_Angeles', spreadsheetTimeZone: 'America/Los_Angeles' };
const SHANGHAI_SHEET = { reportingTimeZone: 'America/Los_Angeles', spreadsheetTimeZone: 'Asia/Shanghai' };

describe('numbers as exports write them', () => {
  it.each([
    ['$12,905.25', 12905.25],
    ['"$1,234.50"'.slice(1, -1), 1234.5],
    ['(55.00)', -55],
    ['($55.00)', -55],
    ['-5.0', -5],
    ['-$5.00', -5],
    ['$-5.00', -5],
    ['108.61', 108.61],
    ['1,204', 1204],
    ['="123"', 123],
    ['25.0\t', 25],
    ['\uFEFF 7 ', 7],
    ['USD 12.00', 12],
    ['12.5%', 0.125],
    ['1.0436%', 0.010436],
    ['0.1148%', 0.001148],
  ])('%j is %d', (text, expected) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: expected });
  });

  it('a number cell is itself; a typed percent cell is already a fraction', () => {
    expect(parseDecimal(1234.56)).toEqual({ ok: true, value: 1234.56 });
    expect(parsePercent(0.1202)).toEqual({ ok: true, value: 0.1202 });
  });

  it('empty is null, not zero', () => {
    expect(parseDecimal('')).toEqual({ ok: true, value: null });
    expect(parseDecimal('  \t')).toEqual({ ok: true, value: null });
    expect(parseCount('')).toEqual({ ok: true, value: null });
  });

  it.each(['abc', 'n/a', '1.234,56', '12..5', '$', '1,23', true])(
    '%j is an error value, not a throw',
    (cell) => {
      expect(parseDecimal(cell)).toMatchObject({ ok: false, reason: 'notANumber' });
    },
  );

  it('a count with a fraction is refused', () => {
    expect(parseCount('1.5')).toEqual({ ok: false, reason: 'notAWholeNumber', text: '1.5' });
    expect(parseCount('"1,204"'.slice(1, -1))).toEqual({ ok: true, value: 1204 });
  });

  it('booleans', () => {
    expect(parseBoolean('true')).toEqual({ ok: true, value: true });
    expect(parseBoolean('False')).toEqual({ ok: true, value: false });
    expect(parseBoolean('Yes')).toEqual({ ok: true, value: true });
    expect(parseBoolean(false)).toEqual({ ok: true, value: false });
    expect(parseBoolean('')).toEqual({ ok: true, value: null });
    expect(parseBoolean('maybe')).toMatchObject({ ok: false, reason: 'notABoolean' });
  });

  it('property: an amount formatted as US money text reads back as the amount', () => {
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const amount = cents / 100;
        const text = money.format(amount);
        const accounting = amount < 0 ? `(${money.format(-amount)})` : text;
        expect(parseDecimal(text)).toEqual({ ok: true, value: amount });
        expect(parseDecimal(accounting)).toEqual({ ok: true, value: amount });
      }),
    );
  });

  it('property: a percent with up to 4 decimals reads back as the exact fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (tenThousandths) => {
        const percentText = `${(tenThousandths / 10_000).toFixed(4)}%`;
        expect(parseDecimal(percentText)).toEqual({ ok: true, value: Number(`${tenThousandths}e-6`) });
      }),
    );
  });

  it('property: parsing never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => parseDecimal(text)).not.toThrow();
        expect(() => parseMoment(text, LOS_ANGELES)).not.toThrow();
        expect(() => parseDayRange(text, LOS_ANGELES)).not.toThrow();
      }),
    );
  });

  it('roundCents rounds half away from zero on the decimal value', () => {
    expect(roundCents(29.99 * 3)).toBe(89.97);
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(-1.005)).toBe(-1.01);
    expect(roundCents(-0.001)).toBe(0);
  });
});

describe('text cells', () => {
  it('trailing tabs, BOM, NBSP and the ="…" guard are removed', () => {
    expect(cellText('583870900000000001\t')).toBe('583870900000000001');
    expect(cellText('="254927681919372"')).toBe('254927681919372');
    expect(cellText('="say ""hi"""')).toBe('say "hi"');
    expect(cellText('\uFEFFName')).toBe('Name');
    expect(cellText('a\u00A0b')).toBe('a b');
  });

  it('header names compare trimmed, lower-case, with dashes as hyphens', () => {
    expect(normaliseHeader('Sessions \u2013 Total')).toBe('sessions - total');
    expect(normaliseHeader('7 Day Total Sales ')).toBe('7 day total sales');
    expect(normaliseHeader('\uFEFF(Parent) ASIN')).toBe('(parent) asin');
  });
});

describe('timestamps and days, read into the reporting time zone', () => {
  function moment(text: string) {
    const parsed = parseMoment(text, LOS_ANGELES);
    if (!parsed.ok || !parsed.value) throw new Error(`${text} did not parse`);
    return parsed.value;
  }

  it('ISO with an offset is that instant, on its Los Angeles day', () => {
    expect(moment('2026-05-08T23:36:26+00:00')).toEqual({
      date: '2026-05-08',
      epochMs: Date.UTC(2026, 4, 8, 23, 36, 26),
    });
    expect(moment('2026-05-09T06:59:59+00:00').date).toBe('2026-05-08');
    expect(moment('2026-05-09T07:00:00+00:00').date).toBe('2026-05-09');
    expect(moment('2026-05-09T03:00:00Z').date).toBe('2026-05-08');
  });

  it.each([
    ['Jun 8, 2025 10:23:05 PM PDT', Date.UTC(2025, 5, 9, 5, 23, 5), '2025-06-08'],
    ['Dec 1, 2017 12:38:23 AM PST', Date.UTC(2017, 11, 1, 8, 38, 23), '2017-12-01'],
    ['Mar 3, 2026 9:00:00 AM EST', Date.UTC(2026, 2, 3, 14, 0, 0), '2026-03-03'],
    ['Jul 4, 2026 1:00:00 AM EDT', Date.UTC(2026, 6, 4, 5, 0, 0), '2026-07-03'],
    ['Jul 4, 2026 1:00:00 AM CDT', Date.UTC(2026, 6, 4, 6, 0, 0), '2026-07-03'],
    ['Jan 4, 2026 1:00:00 AM MST', Date.UTC(2026, 0, 4, 8, 0, 0), '2026-01-04'],
    ['2026-09-01 10:00:00 -0400', Date.UTC(2026, 8, 1, 14, 0, 0), '2026-09-01'],
    ['2024-05-02 01:30:00 -0400', Date.UTC(2024, 4, 2, 5, 30, 0), '2024-05-01'],
    ['2025-06-09 05:23:19 UTC', Date.UTC(2025, 5, 9, 5, 23, 19), '2025-06-08'],
    ['2025-06-09 05:23:19 GMT', Date.UTC(2025, 5, 9, 5, 23, 19), '2025-06-08'],
  ])('%s is that instant, on its Los Angeles day', (text, epochMs, date) => {
    expect(moment(text)).toEqual({ date, epochMs });
  });

  it('a timestamp without a zone is marketplace local time (read in the reporting zone)', () => {
    // 10:00 AM on 1 March in Los Angeles (PST, UTC−8) = 18:00 UTC.
    expect(moment('03/01/2026 10:00:00 AM')).toEqual({
      date: '2026-03-01',
      epochMs: Date.UTC(2026, 2, 1, 18, 0, 0),
    });
    expect(moment('03/01/2026 11:59:59 PM').date).toBe('2026-03-01');
    expect(moment('03/01/2026 12:00:00 AM').epochMs).toBe(Date.UTC(2026, 2, 1, 8, 0, 0));
    // Day-first only when month-first is impossible (TikTok Shop SEA files).
    expect(moment('25/06/2026 13:03:57').date).toBe('2026-06-25');
  });

  it.each([
    ['Sep 01, 2026', '2026-09-01'],
    ['8/3/26', '2026-08-03'],
    ['4/29/2026', '2026-04-29'],
    ['2026/06/12', '2026-06-12'],
    ['2026-06-12', '2026-06-12'],
    ['8 Jun 2025', '2025-06-08'],
  ])('a date without a time, %s, is that calendar day', (text, date) => {
    expect(moment(text)).toEqual({ date, epochMs: null });
  });

  it.each([
    '2026-02-30',
    '13/45/2026',
    'Foo 1, 2026',
    '2026-05-08T25:00:00+00:00',
    '10:00 AM',
    'Jun 8, 2025 10:23 PM XYZ',
  ])('%s is not a date', (text) => {
    expect(parseMoment(text, LOS_ANGELES)).toMatchObject({ ok: false, reason: 'notADate' });
  });

  it('a date range in one cell gives its first and last day', () => {
    expect(parseDayRange('Jul 06, 2026 - Jul 29, 2026', LOS_ANGELES)).toEqual({
      ok: true,
      value: { from: '2026-07-06', to: '2026-07-29' },
    });
    expect(parseDayRange('Jul 29, 2026 - Jul 06, 2026', LOS_ANGELES)).toMatchObject({ ok: false });
  });

  it('a date cell of a spreadsheet in Asia/Shanghai (16:00 UTC the day before) is the day the sheet shows', () => {
    const shownFirstOfSeptember = new Date(Date.UTC(2026, 7, 31, 16, 0, 0));
    expect(parseMoment(shownFirstOfSeptember, SHANGHAI_SHEET)).toEqual({
      ok: true,
      value: { date: '2026-09-01', epochMs: null },
    });
  });

  it('a date-time cell is its shown wall clock, read as local time in the reporting zone', () => {
    // The sheet (Shanghai) shows 1 Mar 2026 10:00:00: the same as the text "03/01/2026 10:00:00 AM".
    const cell = new Date(
      epochFromWallClock({ year: 2026, month: 3, day: 1, hour: 10, minute: 0, second: 0 }, 'Asia/Shanghai'),
    );
    expect(parseMoment(cell, SHANGHAI_SHEET)).toEqual(parseMoment('03/01/2026 10:00:00 AM', SHANGHAI_SHEET));
  });

  it('property: a date cell at midnight in any spreadsheet zone is that calendar day', () => {
    const zones = ['America/Los_Angeles', 'Asia/Shanghai', 'America/New_York', 'UTC', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2035 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom(...zones),
        (year, month, day, zone) => {
          const cell = new Date(
            epochFromWallClock({ year, month, day, hour: 0, minute: 0, second: 0 }, zone),
          );
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(
            parseMoment(cell, { reportingTimeZone: 'America/Los_Angeles', spreadsheetTimeZone: zone }),
          ).toEqual({
            ok: true,
            value: { date: iso, epochMs: null },
          });
        },
      ),
    );
  });

  it('property: an ISO instant with any offset lands on the same day as time.ts says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2015, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }),
        fc.integer({ min: -12, max: 14 }),
        (seconds, offsetHours) => {
          const epochMs = seconds * 1000;
          const local = new Date(epochMs + offsetHours * 3_600_000).toISOString().slice(0, 19);
          const sign = offsetHours < 0 ? '-' : '+';
          const text = `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
          const expectedDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(
            epochMs,
          );
          expect(parseMoment(text, LOS_ANGELES)).toEqual({ ok: true, value: { date: expectedDay, epochMs } });
        },
      ),
    );
  });
});

describe('messages', () => {
  it('every report name and every issue a reader can raise reads in English and Chinese', () => {
    const issueKeys = [
      'issue.notANumber',
      'issue.notAWholeNumber',
      'issue.notADate',
      'issue.notABoolean',
      'issue.notADateRange',
      'issue.missingValue',
      'issue.nonAmazonOrderLines',
      'issue.adReportNotDaily',
      'issue.periodMissing',
    ];
    for (const key of [...issueKeys, ...REPORTS.map((report) => report.labelKey)]) {
      for (const language of ['en', 'zh'] as const) {
        const text = translate(language, key, {
          column: 'sku',
          value: 'x',
          count: 2,
          from: 'a',
          to: 'b',
          sheet: 'S',
        });
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
