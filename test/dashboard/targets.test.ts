import { kpiStatus } from '../../src/core/targets/status';
import { parseTargetNumber, targetsFromGrid } from '../../src/core/targets/targets';
import { resolveTarget } from '../../src/core/targets/resolve';
import { blackFridayCyberMonday, windowCovers } from '../../src/core/targets/windows';
import { TARGETS_GRID } from './fixtures';

describe('GREEN / AMBER / RED against a target', () => {
  it('is GREEN on or above a higher-is-better target, AMBER within the tolerance, RED beyond', () => {
    expect(kpiStatus(400, 400, 'higher', 0.1)).toBe('GREEN');
    expect(kpiStatus(360, 400, 'higher', 0.1)).toBe('AMBER');
    expect(kpiStatus(359.99, 400, 'higher', 0.1)).toBe('RED');
  });

  it('reads the tolerance relative to the target for lower-is-better ratios: 10% of a 30% ACoS is 3 points', () => {
    expect(kpiStatus(0.3, 0.3, 'lower', 0.1)).toBe('GREEN');
    expect(kpiStatus(0.33, 0.3, 'lower', 0.1)).toBe('AMBER');
    expect(kpiStatus(0.3301, 0.3, 'lower', 0.1)).toBe('RED');
  });

  it('does not judge an undefined actual or a missing target', () => {
    expect(kpiStatus(null, 0.3, 'lower')).toBeNull();
    expect(kpiStatus(0.2, null, 'lower')).toBeNull();
  });

  it('meets a target that floating point misses by a hair (0.1 + 0.2 against 0.3)', () => {
    expect(kpiStatus(0.1 + 0.2, 0.3, 'lower', 0)).toBe('GREEN');
  });
});

describe('seasonal windows', () => {
  it('computes Black Friday to Cyber Monday from Thanksgiving, the fourth Thursday of November', () => {
    expect(blackFridayCyberMonday(2025)).toEqual({ start: '2025-11-28', end: '2025-12-01' });
    expect(blackFridayCyberMonday(2026)).toEqual({ start: '2026-11-27', end: '2026-11-30' });
  });

  it('covers the computed BFCM days of any year when the dates are left blank', () => {
    const bfcm = { name: 'bfcm', start: null, end: null };
    expect(windowCovers(bfcm, '2026-11-26')).toBe(false);
    expect(windowCovers(bfcm, '2026-11-27')).toBe(true);
    expect(windowCovers(bfcm, '2026-11-30')).toBe(true);
    expect(windowCovers(bfcm, '2026-12-01')).toBe(false);
    expect(windowCovers(bfcm, '2025-12-01')).toBe(true);
  });
});

describe('the Targets sheet', () => {
  it('reads the worked example: percent text, dollar text, channel names in any case, computed BFCM', () => {
    const { targets, problems } = targetsFromGrid(TARGETS_GRID, 'America/Los_Angeles');
    expect(problems).toEqual([]);
    expect(targets).toHaveLength(10);
    const amazonRevenue = targets.find((t) => t.scope === 'channel');
    expect(amazonRevenue).toMatchObject({
      scopeValue: 'amazon',
      period: 'week',
      target: 2100,
      tolerance: 0.1,
    });
    const acos = targets.find((t) => t.metric === 'acos' && t.window === null);
    expect(acos).toMatchObject({ target: 0.3, direction: 'lower', sheetRow: 5 });
    expect(targets.find((t) => t.window?.name === 'bfcm')?.window).toEqual({
      name: 'bfcm',
      start: null,
      end: null,
    });
    expect(targets.find((t) => t.window?.name === 'prime_day' && t.metric === 'revenue')?.window).toEqual({
      name: 'prime_day',
      start: '2026-07-07',
      end: '2026-07-10',
    });
  });

  it('reads a window date typed as a Date cell in a Shanghai workbook as the day the sheet shows', () => {
    // Sheets hands a Shanghai date cell over as 16:00 UTC of the day before (PLATFORM §9).
    const grid = [
      ['metric', 'period', 'target', 'window', 'window_start', 'window_end'],
      ['revenue', 'day', 900, '618', new Date('2026-06-14T16:00:00Z'), new Date('2026-06-17T16:00:00Z')],
    ];
    const { targets } = targetsFromGrid(grid, 'Asia/Shanghai');
    expect(targets[0]?.window).toEqual({ name: '618', start: '2026-06-15', end: '2026-06-18' });
  });

  it('leaves out and reports rows it cannot read, with their sheet row numbers', () => {
    const grid = [
      ['metric', 'scope', 'scope_value', 'period', 'target'],
      ['profitability', 'company', '', 'day', 1],
      ['revenue', 'company', '', '', 100],
      ['acos', 'channel', '', '', 0.3],
      ['', '', '', '', ''],
      ['acos', 'company', '', '', 'thirty'],
      ['revenue', 'company', '', 'day', 100],
    ];
    const { targets, problems } = targetsFromGrid(grid, 'UTC');
    expect(targets.map((t) => t.sheetRow)).toEqual([7]);
    expect(problems.map((p) => [p.sheetRow, p.messageKey])).toEqual([
      [2, 'targets.problem.metric'],
      [3, 'targets.problem.periodNeeded'],
      [4, 'targets.problem.scopeValue'],
      [6, 'targets.problem.target'],
    ]);
  });

  it('parses numbers as typed: 25% is 0.25, $1,200 is 1200, text is not a number', () => {
    expect(parseTargetNumber('25%')).toBe(0.25);
    expect(parseTargetNumber('$1,200')).toBe(1200);
    expect(parseTargetNumber(' 0.3 ')).toBe(0.3);
    expect(parseTargetNumber('thirty')).toBeNull();
  });
});

describe('which target a period is judged against', () => {
  const { targets } = targetsFromGrid(TARGETS_GRID, 'America/Los_Angeles');
  const week = [
    '2026-07-05',
    '2026-07-06',
    '2026-07-07',
    '2026-07-08',
    '2026-07-09',
    '2026-07-10',
    '2026-07-11',
  ];

  it('turns a monthly revenue target into a daily rate and uses the Prime Day target on Prime Day days', () => {
    // 3 ordinary days × 12,400 / 31 + 4 Prime Day days × 1,000 = 1,200 + 4,000.
    const resolved = resolveTarget(targets, {
      metric: 'revenue',
      scope: 'company',
      scopeValue: '',
      days: week,
      preferredPeriod: 'week',
    });
    expect(resolved?.target).toBeCloseTo(5200, 9);
    expect(resolved?.windows).toEqual(['prime_day']);
    expect(resolved?.direction).toBe('higher');
  });

  it('weights a ratio target by each day’s denominator, as the summed actual is weighted', () => {
    const adSales: Record<string, number> = { '2026-07-08': 400, '2026-07-11': 160 };
    const resolved = resolveTarget(targets, {
      metric: 'acos',
      scope: 'channel',
      scopeValue: 'amazon',
      days: week,
      preferredPeriod: 'week',
      dailyWeight: (day) => adSales[day] ?? 0,
    });
    // (400 × 45% + 160 × 30%) / 560 = 228 / 560.
    expect(resolved?.target).toBeCloseTo(228 / 560, 12);
  });

  it('does not lend a company amount target to a channel, but does lend a ratio target', () => {
    const request = {
      scope: 'channel' as const,
      scopeValue: 'shopify',
      days: week,
      preferredPeriod: 'week' as const,
    };
    expect(resolveTarget(targets, { ...request, metric: 'revenue' })).toBeNull();
    expect(resolveTarget(targets, { ...request, metric: 'tacos' })?.target).toBe(0.15);
  });

  it('leaves a period unjudged when one of its days has no target at all', () => {
    const { targets: onlyWindow } = targetsFromGrid(
      [
        ['metric', 'period', 'target', 'window', 'window_start', 'window_end'],
        ['revenue', 'day', 1000, 'prime_day', '2026-07-07', '2026-07-10'],
      ],
      'UTC',
    );
    const request = {
      metric: 'revenue' as const,
      scope: 'company' as const,
      scopeValue: '',
      preferredPeriod: 'day' as const,
    };
    expect(resolveTarget(onlyWindow, { ...request, days: ['2026-07-08'] })?.target).toBe(1000);
    expect(resolveTarget(onlyWindow, { ...request, days: week })).toBeNull();
  });
});
