/**
 * The fast paths of the build (issue 4) give exactly what the general code gives. Each property generates inputs the
 * fast path takes (and checks that it does take them, so the property cannot pass vacuously) and compares with the
 * general reader or with Intl, around the clock changes of zones with whole-hour, half-hour and 45-minute rules.
 */
import fc from 'fast-check';
import {
  dayInZone,
  daysSinceEpoch,
  epochOfIsoWithOffset,
  epochOfLocalTime,
  parseMoment,
  parseMomentGeneral,
} from '../../src/core/parse/date';
import { parseDecimal, parseDecimalGeneral } from '../../src/core/parse/number';
import { cleanText, cleanTextGeneral, isLowerCaseOf } from '../../src/core/parse/text';
import {
  epochFromWallClock,
  isoDateInZone,
  isoDateOf,
  type WallClock,
  wallClockInZone,
  zoneOffsetMinutes,
} from '../../src/core/time';

/** Whole-hour DST (US), no DST (Shanghai; it had DST 1986–1991), +05:30 (Kolkata), 30-minute DST (Lord Howe). */
const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'Asia/Shanghai',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
] as const;

const LA = { reportingTimeZone: 'America/Los_Angeles', spreadsheetTimeZone: 'America/Los_Angeles' };
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Instants where `zone`'s offset changes in `fromYear`..`toYear`, found with Intl (noon to noon, then halving). */
function offsetChanges(zone: string, fromYear: number, toYear: number): number[] {
  const changes: number[] = [];
  let previous = Date.UTC(fromYear, 0, 1, 12);
  let previousOffset = zoneOffsetMinutes(previous, zone);
  for (let day = previous + DAY_MS; day < Date.UTC(toYear + 1, 0, 1); day += DAY_MS) {
    const offset = zoneOffsetMinutes(day, zone);
    if (offset !== previousOffset) {
      let before = previous;
      let after = day;
      while (after - before > MINUTE_MS) {
        const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
        if (zoneOffsetMinutes(middle, zone) === previousOffset) before = middle;
        else after = middle;
      }
      changes.push(after);
    }
    previous = day;
    previousOffset = offset;
  }
  return changes;
}

const CHANGES: readonly number[] = ZONES.flatMap((zone) => [
  ...offsetChanges(zone, 1986, 1991),
  ...offsetChanges(zone, 2024, 2027),
]);

it('the clock changes searched for are there (Lord Howe changes at a half hour of UTC)', () => {
  expect(CHANGES.length).toBeGreaterThan(40);
  expect(CHANGES).toContain(Date.UTC(2026, 2, 8, 10)); // Los Angeles springs forward at 02:00 PST.
  expect(CHANGES).toContain(Date.UTC(2026, 9, 3, 15, 30)); // Lord Howe: 02:00 at +10:30 becomes 02:30 at +11.
  expect(CHANGES).toContain(Date.UTC(2026, 3, 4, 15)); // Lord Howe: 02:00 at +11 goes back to 01:30.
});

/** An instant within six hours of a clock change, or anywhere in 1970–2100, to the millisecond. */
const instants = fc.oneof(
  fc
    .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -6 * HOUR_MS, max: 6 * HOUR_MS }))
    .map(([change, shift]) => change + shift),
  fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
);
const zones = fc.constantFrom(...ZONES);

describe('the day of an instant in the reporting zone, cached per hour of offset', () => {
  it('property: equals the day Intl gives', () => {
    fc.assert(
      fc.property(instants, zones, (epochMs, zone) => {
        expect(dayInZone(epochMs, zone)).toBe(isoDateInZone(epochMs, zone));
      }),
      { numRuns: 5000 },
    );
  });

  it('every millisecond boundary around a half-hour change is on the right day', () => {
    const zone = 'Australia/Lord_Howe';
    // 2026-10-03 15:30 UTC: the change; local midnight falls at 13:30 UTC (+10:30) the same day.
    for (const epochMs of [
      Date.UTC(2026, 9, 3, 13, 29, 59, 999),
      Date.UTC(2026, 9, 3, 13, 30),
      Date.UTC(2026, 9, 3, 15, 29, 59, 999),
      Date.UTC(2026, 9, 3, 15, 30),
      Date.UTC(2026, 9, 4, 12, 59, 59, 999),
      Date.UTC(2026, 9, 4, 13),
    ])
      expect(dayInZone(epochMs, zone)).toBe(isoDateInZone(epochMs, zone));
  });
});

/** A wall clock near a clock change in `zone`, possibly one that is skipped or repeated there. */
const wallClocksNearChanges = fc
  .tuple(
    fc.constantFrom(...CHANGES),
    fc.integer({ min: -3 * 60, max: 3 * 60 }),
    fc.integer({ min: 0, max: 59 }),
    zones,
  )
  .map(([change, minutes, second, zone]): [WallClock, string] => {
    const clock = wallClockInZone(change + minutes * MINUTE_MS, zone);
    return [{ ...clock, second }, zone];
  });

describe('the instant of a wall clock in the reporting zone, cached per local hour', () => {
  it('property: equals epochFromWallClock (first of a repeated time, a skipped time at the later offset)', () => {
    fc.assert(
      fc.property(wallClocksNearChanges, ([clock, zone]) => {
        expect(epochOfLocalTime(clock, zone)).toBe(epochFromWallClock(clock, zone));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Date cells: the wall clock the sheet shows, cached per hour of offset', () => {
  it('property: a Date cell reads as its Intl wall clock in the spreadsheet zone', () => {
    fc.assert(
      fc.property(instants, zones, zones, (epochMs, spreadsheetTimeZone, reportingTimeZone) => {
        const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
        const shown = wallClockInZone(wholeSeconds, spreadsheetTimeZone);
        const midnight = shown.hour === 0 && shown.minute === 0 && shown.second === 0;
        expect(parseMoment(new Date(wholeSeconds), { spreadsheetTimeZone, reportingTimeZone })).toEqual({
          ok: true,
          value: {
            date: isoDateOf(shown),
            epochMs: midnight ? null : epochFromWallClock(shown, reportingTimeZone),
          },
        });
      }),
      { numRuns: 3000 },
    );
  });
});

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `yyyy-MM-ddTHH:mm:ss±hh:mm` of an instant seen at a fixed offset. */
function isoWithOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}

describe('the ISO-with-offset fast path', () => {
  const wholeSecondInstants = instants.map((epochMs) => Math.floor(epochMs / 1000) * 1000);
  const offsets = fc.integer({ min: -14 * 60, max: 14 * 60 });

  it('property: takes every Amazon-shaped timestamp and reads it as the general formats do', () => {
    fc.assert(
      fc.property(wholeSecondInstants, offsets, zones, zones, (epochMs, offset, reporting, spreadsheet) => {
        const text = isoWithOffset(epochMs, offset);
        const timeZones = { reportingTimeZone: reporting, spreadsheetTimeZone: spreadsheet };
        expect(epochOfIsoWithOffset(text)).toBe(epochMs);
        expect(parseMoment(text, timeZones)).toEqual(parseMomentGeneral(text, timeZones));
        expect(parseMoment(text, timeZones)).toEqual({
          ok: true,
          value: { date: isoDateInZone(epochMs, reporting), epochMs },
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('property: a timestamp with one character changed reads as the general formats read it', () => {
    const alphabet = fc.constantFrom(...'0123456789+-:T Zt./\u00A0\uFEFF'.split(''));
    fc.assert(
      fc.property(
        wholeSecondInstants,
        offsets,
        fc.nat({ max: 24 }),
        alphabet,
        zones,
        (epochMs, offset, position, replacement, zone) => {
          const original = isoWithOffset(epochMs, offset);
          const text = original.slice(0, position) + replacement + original.slice(position + 1);
          const timeZones = { reportingTimeZone: zone, spreadsheetTimeZone: zone };
          expect(parseMoment(text, timeZones)).toEqual(parseMomentGeneral(text, timeZones));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses what the general formats refuse: an offset beyond 14 hours, an impossible day', () => {
    expect(epochOfIsoWithOffset('2026-05-08T23:36:26+15:00')).toBeNull();
    expect(parseMoment('2026-05-08T23:36:26+15:00', LA).ok).toBe(false);
    expect(epochOfIsoWithOffset('2026-02-29T10:00:00+00:00')).toBeNull();
    expect(parseMoment('2026-02-29T10:00:00+00:00', LA).ok).toBe(false);
  });

  it('property: its day count is what Date.UTC counts', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(2999, 11, 31)),
          noInvalidDate: true,
        }),
        (date) => {
          const year = date.getUTCFullYear();
          const month = date.getUTCMonth() + 1;
          const day = date.getUTCDate();
          expect(daysSinceEpoch(year, month, day) * DAY_MS).toBe(Date.UTC(year, month - 1, day));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the clean-text fast path', () => {
  it('property: cleanText gives what the general clean-up gives, for any text', () => {
    const debris = fc.constantFrom(
      ' ',
      '\t',
      '\uFEFF',
      '\u00A0',
      '\u202F',
      '="',
      '"',
      '=',
      '\n',
      'é',
      '\u3000',
    );
    const pieces = fc.oneof(fc.string({ unit: 'grapheme-ascii' }), debris, fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        expect(cleanText(text)).toBe(cleanTextGeneral(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the cells of an order export unchanged', () => {
    for (const text of ['112-1234567-1234567', 'SKU-0001', '25.00', 'Shipped', 'Amazon.com', 'a b'])
      expect(cleanText(text)).toBe(text);
    expect(cleanText(' SKU-0001\t')).toBe('SKU-0001');
    expect(cleanText('="00123"')).toBe('00123');
  });
});

describe('the plain-decimal fast path', () => {
  it('property: parseDecimal reads plain decimals as the general reader does, −0 as 0', () => {
    const plain = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^\d{1,12}$/),
        fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: undefined }),
      )
      .map(
        ([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`,
      );
    fc.assert(
      fc.property(plain, (text) => {
        const fast = parseDecimal(text);
        expect(fast).toEqual(parseDecimalGeneral(text));
        expect(fast.ok && fast.value !== null && Object.is(fast.value, -0)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: any number-like text reads as the general reader reads it', () => {
    const numberish = fc
      .array(fc.constantFrom(...'0123456789-+.,$()% eEUSD"¥￥'.split('')), { maxLength: 12 })
      .map((characters) => characters.join(''));
    fc.assert(
      fc.property(numberish, (text) => {
        expect(parseDecimal(text)).toEqual(parseDecimalGeneral(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('-0.00 is 0, 25.0 is 25, 5. and 1,5 are not plain', () => {
    expect(parseDecimal('-0.00')).toEqual({ ok: true, value: 0 });
    expect(Object.is((parseDecimal('-0.00') as { value: number }).value, 0)).toBe(true);
    expect(parseDecimal('25.0')).toEqual({ ok: true, value: 25 });
    expect(parseDecimal('5.').ok).toBe(false);
    expect(parseDecimal('1,5').ok).toBe(false);
  });
});

/** Amounts as the exports group them: `1,100.15`, `0.50`, `12,905.25`, and the number they stand for. */
const groupedAmount = fc.integer({ min: 0, max: 99_999_999_99 }).map((cents) => {
  const whole = Math.floor(cents / 100).toLocaleString('en-US');
  const text = `${whole}.${String(cents % 100).padStart(2, '0')}`;
  return { text, value: cents / 100 };
});

describe('amounts as Seller Central and the Ads console write them in Chinese (EXPORTS §9.1c, §9.2)', () => {
  it('property: `US$`, `US $`, `$` and CSV quotes around an amount all read as that amount', () => {
    fc.assert(
      fc.property(
        groupedAmount,
        fc.constantFrom('US$', 'US $', '$', ''),
        fc.boolean(),
        (amount, mark, quoted) => {
          const written = quoted ? `"${mark}${amount.text}"` : `${mark}${amount.text}`;
          expect(parseDecimal(written)).toEqual({ ok: true, value: amount.value });
          expect(parseDecimal(written)).toEqual(parseDecimalGeneral(written));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: yen, yuan and other currencies are never read as dollars: the reason says so', () => {
    fc.assert(
      fc.property(
        groupedAmount,
        fc.constantFrom('￥', '¥', 'JP¥', 'CN¥', '€', '£', 'CA$', 'C$', 'MX$', 'RMB ', 'CNY '),
        fc.boolean(),
        (amount, mark, negative) => {
          const written = `${negative ? '-' : ''}${mark}${amount.text}`;
          expect(parseDecimal(written)).toEqual({ ok: false, reason: 'notUsDollars', text: written });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('year-first days of Chinese-UI reports (`2026/9/1`, `2026-9-1`)', () => {
  it('property: read as that day whatever day order the column was given, padded or not', () => {
    const day = fc.date({
      min: new Date(Date.UTC(1990, 0, 1)),
      max: new Date(Date.UTC(2099, 11, 31)),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        day,
        fc.constantFrom('/', '-'),
        fc.boolean(),
        fc.constantFrom('monthFirst', 'dayFirst', null, undefined),
        (when, separator, padded, order) => {
          const year = when.getUTCFullYear();
          const month = when.getUTCMonth() + 1;
          const date = when.getUTCDate();
          const pad = (value: number): string => (padded ? String(value).padStart(2, '0') : String(value));
          const written = `${year}${separator}${pad(month)}${separator}${pad(date)}`;
          const iso = isoDateOf({ year, month, day: date });
          expect(parseMoment(written, LA, order as 'monthFirst' | 'dayFirst' | null | undefined)).toEqual({
            ok: true,
            value: { date: iso, epochMs: null },
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isLowerCaseOf (the All Orders statuses and sales channel without a lower-case copy)', () => {
  const WORDS = ['cancelled', 'pending', 'non-amazon', 'amazon.com', 'k', 'i'] as const;
  /** A word in any casing, sometimes with one letter swapped for a look-alike whose lower case is ASCII or longer. */
  const writtenWord = fc
    .tuple(fc.constantFrom(...WORDS), fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.nat(20))
    .map(([word, upper, swapAt]) => {
      const cased = [...word].map((letter, index) => (upper[index] ? letter.toUpperCase() : letter)).join('');
      const swapped = cased
        .replace(/k/i, swapAt % 3 === 0 ? '\u212A' : 'k')
        .replace(/i/i, (letter) => (swapAt % 5 === 0 ? '\u0130' : letter));
      return swapAt % 7 === 0 ? `${swapped} ` : swapped;
    });

  it('property: the same answer as toLowerCase() === word, for any text', () => {
    let matched = 0;
    fc.assert(
      fc.property(
        fc.oneof(writtenWord, fc.string(), fc.string({ unit: 'binary' })),
        fc.constantFrom(...WORDS),
        (text, word) => {
          const expected = text.toLowerCase() === word;
          if (expected) matched++;
          expect(isLowerCaseOf(text, word)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
    // The generator must reach the matching case, Kelvin sign included, or the property says little.
    expect(matched).toBeGreaterThan(100);
    expect(isLowerCaseOf('\u212A', 'k')).toBe(true);
    expect(isLowerCaseOf('Cancelled', 'cancelled')).toBe(true);
    expect(isLowerCaseOf('Cancelled ', 'cancelled')).toBe(false);
  });
});
