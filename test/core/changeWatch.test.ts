/**
 * The skip rule and the 24-hour trigger-time record of issue 17 (src/core/schedule/changeWatch.ts), with hand-worked
 * times: 2026-07-12 is a summer day, Los Angeles is UTC−7 then, so 07:00 UTC is midnight there.
 */
import fc from 'fast-check';
import {
  type ChangeWatch,
  EMPTY_WATCH,
  inWindow,
  minutesOf,
  nearsQuota,
  parseChangeWatch,
  refreshDecision,
  serializeChangeWatch,
  USAGE_BUCKETS,
  usedInLastDay,
  withBuild,
  withChange,
  withRun,
} from '../../src/core/schedule/changeWatch';
import { settingsFromRows } from '../../src/core/settings';

const LA = 'America/Los_Angeles';
const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;

/** Watched from 08:00 UTC, built at 09:00 UTC (02:00 in Los Angeles on 2026-07-12). */
const watched: ChangeWatch = withBuild(
  { ...EMPTY_WATCH, watchingSince: at('2026-07-12T08:00:00Z') },
  at('2026-07-12T09:00:00Z'),
  LA,
);

describe('whether a scheduled run may skip the build', () => {
  it('skips when nothing changed since a build of the same reporting day, and says since when', () => {
    expect(watched.builtDay).toBe('2026-07-12');
    expect(refreshDecision(watched, at('2026-07-12T10:05:00Z'))).toEqual({
      build: false,
      unchangedSince: at('2026-07-12T09:00:00Z'),
    });
  });

  it('builds after a user change reported at or after the build started, not for one before it', () => {
    const during = withChange(watched, at('2026-07-12T09:00:00Z'));
    expect(refreshDecision(during, at('2026-07-12T10:05:00Z'))).toEqual({ build: true, reason: 'changed' });
    const before = withChange(watched, at('2026-07-12T08:59:59Z'));
    expect(refreshDecision(before, at('2026-07-12T10:05:00Z')).build).toBe(false);
  });

  it('builds once the reporting day turns, at midnight in the build’s zone and not in UTC', () => {
    // 06:59 UTC on the 13th is still 23:59 on the 12th in Los Angeles; 07:00 UTC is the 13th there.
    expect(refreshDecision(watched, at('2026-07-13T06:59:00Z')).build).toBe(false);
    expect(refreshDecision(watched, at('2026-07-13T07:00:00Z'))).toEqual({ build: true, reason: 'newDay' });
  });

  it('never skips without a change trigger (a schedule of the previous release), nor before a first build', () => {
    expect(refreshDecision(null, at('2026-07-12T10:00:00Z'))).toEqual({ build: true, reason: 'notWatching' });
    expect(refreshDecision({ ...watched, watchingSince: null }, at('2026-07-12T10:00:00Z')).build).toBe(true);
    expect(
      refreshDecision(
        { ...EMPTY_WATCH, watchingSince: at('2026-07-12T08:00:00Z') },
        at('2026-07-12T10:00:00Z'),
      ),
    ).toEqual({ build: true, reason: 'neverBuilt' });
  });

  it('builds when the watch began after the last build: a change in between was not seen', () => {
    const reinstalled = { ...watched, watchingSince: at('2026-07-12T09:30:00Z') };
    expect(refreshDecision(reinstalled, at('2026-07-12T10:00:00Z'))).toEqual({
      build: true,
      reason: 'watchStartedAfterBuild',
    });
  });

  it('builds when the add-on itself changed an input (Settings stamp) since the build', () => {
    const now = at('2026-07-12T10:00:00Z');
    expect(refreshDecision(watched, now, at('2026-07-12T09:10:00Z'))).toEqual({
      build: true,
      reason: 'addOnChange',
    });
    expect(refreshDecision(watched, now, at('2026-07-12T08:10:00Z')).build).toBe(false);
    expect(refreshDecision(watched, now, null).build).toBe(false);
  });

  it('reads a damaged record as unknown, which builds', () => {
    expect(refreshDecision(parseChangeWatch('{not json'), at('2026-07-12T10:00:00Z')).build).toBe(true);
    expect(refreshDecision(parseChangeWatch('{"watchingSince":"soon"}'), 0).build).toBe(true);
    expect(parseChangeWatch(serializeChangeWatch(watched))).toEqual(watched);
  });
});

describe('trigger time in the last 24 hours', () => {
  it('adds runs into hour buckets: 3 runs of 40 s, 75 s and 5 s is 2.0 minutes', () => {
    const now = at('2026-07-12T10:59:00Z');
    let usage = withRun([], at('2026-07-12T09:10:00Z'), 40_000, now);
    usage = withRun(usage, at('2026-07-12T10:10:00Z'), 75_000, now);
    usage = withRun(usage, at('2026-07-12T10:30:00Z'), 5_000, now);
    expect(usage).toEqual([
      [Math.floor(at('2026-07-12T09:10:00Z') / HOUR), 40_000, 1],
      [Math.floor(at('2026-07-12T10:10:00Z') / HOUR), 80_000, 2],
    ]);
    expect(usedInLastDay(usage, now)).toEqual({ ms: 120_000, runs: 3 });
    expect(minutesOf(120_000)).toBe(2);
    expect(minutesOf(2_000)).toBe(0); // 0.033 minutes shows as 0.0
    expect(minutesOf(3_000)).toBe(0.1);
  });

  it('rolls: a run 25 hours back drops out, one 24 hours back still counts', () => {
    const now = at('2026-07-13T10:30:00Z');
    const usage = [
      withRun([], at('2026-07-12T09:30:00Z'), 60_000, at('2026-07-12T09:31:00Z'))[0],
      withRun([], at('2026-07-12T10:30:00Z'), 30_000, at('2026-07-12T10:31:00Z'))[0],
    ].filter((bucket) => bucket !== undefined);
    expect(usedInLastDay(usage, now)).toEqual({ ms: 30_000, runs: 1 });
    expect(inWindow(usage, now)).toHaveLength(1);
  });

  it('warns from 80% of the quota: 72 of 90 minutes, 288 of 360', () => {
    expect(nearsQuota(71.9, 90)).toBe(false);
    expect(nearsQuota(72, 90)).toBe(true);
    expect(nearsQuota(287.9, 360)).toBe(false);
    expect(nearsQuota(288, 360)).toBe(true);
  });

  it('keeps at most 25 buckets and loses no millisecond of the window, for any runs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 72 * 60 }), fc.integer({ min: 0, max: 360_000 })), {
          maxLength: 200,
        }),
        (runs) => {
          const start = at('2026-07-10T00:00:00Z');
          const ordered = [...runs].sort((a, b) => a[0] - b[0]);
          let usage: ReturnType<typeof withRun> = [];
          for (const [minute, ms] of ordered) {
            const startedAt = start + minute * 60_000;
            usage = withRun(usage, startedAt, ms, startedAt + ms);
          }
          const now = start + 72 * HOUR;
          expect(usage.length).toBeLessThanOrEqual(USAGE_BUCKETS);
          const oldestHour = Math.floor(now / HOUR) - (USAGE_BUCKETS - 1);
          const expected = ordered
            .filter(([minute]) => Math.floor((start + minute * 60_000) / HOUR) >= oldestHour)
            .reduce((sum, [, ms]) => sum + ms, 0);
          expect(usedInLastDay(usage, now).ms).toBe(expected);
        },
      ),
    );
  });
});

describe('the Settings keys of the trigger-time budget', () => {
  it('reads the quota in whole minutes (default 90), the recorded use, and the add-on’s ISO stamp', () => {
    const read = settingsFromRows([
      ['key', 'value'],
      ['trigger_quota_min', 360],
      ['trigger_time_24h_min', 12.5],
      ['inputs_changed_at', '2026-07-12T09:10:00.000Z'],
    ]);
    expect(read.settings.triggerQuotaMinutes).toBe(360);
    expect(read.settings.triggerTime24hMinutes).toBe(12.5);
    expect(read.settings.inputsChangedAtMs).toBe(at('2026-07-12T09:10:00Z'));
    expect(read.problems).toEqual([]);
    expect(settingsFromRows([]).settings).toMatchObject({
      triggerQuotaMinutes: 90,
      triggerTime24hMinutes: null,
      inputsChangedAtMs: null,
    });
  });

  it('refuses a quota that is no whole number of minutes in a day, and ignores a stamp not written by the add-on', () => {
    for (const quota of ['1.5 h', 0, 1441, 90.5]) {
      const read = settingsFromRows([
        ['trigger_quota_min', quota],
        ['inputs_changed_at', '12/07/2026'],
      ]);
      expect(read.settings.triggerQuotaMinutes).toBe(90);
      expect(read.settings.inputsChangedAtMs).toBeNull();
      expect(read.problems.map((problem) => problem.message.key)).toEqual([
        'settings.problem.triggerQuotaMinutes',
      ]);
    }
  });
});
