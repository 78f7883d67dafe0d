/**
 * Issue 9, case 11, on the built dist/main.js in the local Apps Script world (custom-function mode): how the KPI
 * functions read a date cell and which argument values they refuse. A Shanghai workbook is the one that matters:
 * Sheets hands a date cell to a custom function as the instant of its midnight in the spreadsheet's zone, 16:00 UTC
 * of the day before (PLATFORM §1, §9).
 */
import { GasWorld, loadDist } from '../gas-world';

type Script = Record<string, (...args: unknown[]) => unknown>;

function shanghaiWorkbook(): { world: GasWorld; script: Script; dateCell: (text: string) => unknown } {
  const world = new GasWorld({ spreadsheetTimeZone: 'Asia/Shanghai' });
  // Cells typed by a user, read back the way Sheets passes them to a formula.
  world.addSheet('Dates', [['2026-10-14'], ['2026-10-15']], 'typed');
  const script = loadDist(world) as Script;
  world.authMode = 'CUSTOM_FUNCTION';
  const cells = world.sheetValues('Dates');
  const dateCell = (text: string): unknown => cells.find((row) => calendarText(row[0]) === text)?.[0];
  return { world, script, dateCell };
}

/** The day a Date shows in Shanghai, as a check that the world gave the instant Sheets gives. */
function calendarText(value: unknown): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(value as Date);
}

describe('custom-function arguments on dist/ (issue 9, case 11)', () => {
  it('a date cell is read as the day it shows in the spreadsheet’s time zone, so a Shanghai 2026-10-15 is peak', () => {
    const { script, dateCell } = shanghaiWorkbook();
    const peakStart = dateCell('2026-10-15');
    // The world hands over the instant Sheets does: 16:00 UTC of the day before.
    expect((peakStart as Date).toISOString()).toBe('2026-10-14T16:00:00.000Z');
    // Amazon's example item without the surcharge: $2.68 on the first peak day, $2.49 the day before.
    expect(script.KPI_FBA_FEE?.(0.18, 13.8, 9, 0.7, 8.99, peakStart, '', '', false)).toBe(2.68);
    expect(script.KPI_FBA_FEE?.(0.18, 13.8, 9, 0.7, 8.99, dateCell('2026-10-14'), '', '', false)).toBe(2.49);
    expect(script.KPI_SIZE_TIER?.(0.18, 13.8, 9, 0.7, peakStart)).toBe('small_standard');
  });

  it('an impossible date is an error naming the argument', () => {
    const { script } = shanghaiWorkbook();
    expect(() => script.KPI_FBA_FEE?.(0.18, 13.8, 9, 0.7, 8.99, '2025-02-30')).toThrow(
      'KPI_FBA_FEE: date is 2025-02-30, a date that does not exist.',
    );
    expect(() => script.KPI_REFERRAL_FEE?.(20, 'Home and Kitchen', '2026-13-01')).toThrow(
      /date is 2026-13-01/,
    );
  });

  it('a negative price is an error naming the argument', () => {
    const { script } = shanghaiWorkbook();
    expect(() => script.KPI_UNIT_PROFIT?.(-29.99, 6.5, 5.04, 0.15)).toThrow(
      'KPI_UNIT_PROFIT: price must be ≥ 0, but got -29.99.',
    );
    expect(() => script.KPI_FBA_FEE?.(0.18, 13.8, 9, 0.7, -1, '2026-06-01')).toThrow(
      /KPI_FBA_FEE: price must be ≥ 0/,
    );
    expect(() => script.KPI_REFERRAL_FEE?.(-5, 'Home and Kitchen', '2026-06-01')).toThrow(
      /price must be ≥ 0/,
    );
    expect(() => script.KPI_BREAKEVEN_ACOS?.([[29.99], [-1]], 6.5, 5.04, 0.15)).toThrow(
      /price must be ≥ 0, but got -1\. \(row 2, column 1 of the range\)/,
    );
  });

  it('a negative standard deviation is an error naming the argument', () => {
    const { script } = shanghaiWorkbook();
    expect(() => script.KPI_SAFETY_STOCK?.(-12, 30, 0.95)).toThrow(
      /daily_demand_sd must be ≥ 0, but got -12/,
    );
    expect(() => script.KPI_SAFETY_STOCK?.(12, 30, 0.95, 40, -5)).toThrow(
      /lead_time_sd must be ≥ 0, but got -5/,
    );
    expect(() => script.KPI_SAFETY_STOCK?.(12, 30, 0.95, -40, 5)).toThrow(/avg_daily_units must be ≥ 0/);
  });

  it('a service level outside (0, 1) is an error naming the argument', () => {
    const { script } = shanghaiWorkbook();
    for (const level of [0, 1, 1.2, -0.5, 95]) {
      expect(() => script.KPI_SAFETY_STOCK?.(12, 30, level)).toThrow(
        new RegExp(`service_level must be > 0 and < 1 .*, but got ${String(level).replace('.', '\\.')}\\.`),
      );
    }
    // Just inside both ends works: 1.6448536 × 12 × √30 = 108.11 at 95%.
    expect(script.KPI_SAFETY_STOCK?.(12, 30, 0.95)).toBeCloseTo(108.1108, 4);
    expect(typeof script.KPI_SAFETY_STOCK?.(12, 30, 0.0001)).toBe('number');
  });
});
