/**
 * Invariants of the KPI functions, checked on generated inputs (fast-check).
 */
import fc from 'fast-check';
import { KPI_FUNCTIONS } from '../../src/functions';
import { inverseNormalCdf, normalCdf } from '../../src/core/kpi/normal';
import { fulfillmentFee } from '../../src/core/kpi/fees';

type Fn = (...args: unknown[]) => unknown;
const fn = (name: string): Fn => {
  const spec = KPI_FUNCTIONS.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`no ${name}`);
  return spec.run as unknown as Fn;
};

const money = fc.double({ min: 0.01, max: 1e6, noNaN: true, noDefaultInfinity: true });
const rate = fc.double({ min: 0, max: 0.5, noNaN: true, noDefaultInfinity: true });

describe('invariants', () => {
  it('ACoS × ROAS = 1 whenever both are defined', () => {
    fc.assert(
      fc.property(money, money, (spend, sales) => {
        const acos = fn('KPI_ACOS')(spend, sales) as number;
        const roas = fn('KPI_ROAS')(sales, spend) as number;
        expect(acos * roas).toBeCloseTo(1, 12);
      }),
    );
  });

  it('unit profit falls one-for-one with every additive cost part', () => {
    const partIndex = fc.constantFrom(1, 2, 4, 6, 7, 8); // cogs, fba_fee, first_leg, ad_cost, return_loss, other
    fc.assert(
      fc.property(money, money, money, rate, partIndex, money, (price, cogs, fee, referral, index, extra) => {
        const args: unknown[] = [price, cogs, fee, referral, 1, 0, 2, 0.5, 0.25];
        const before = fn('KPI_UNIT_PROFIT')(...args) as number;
        args[index] = (args[index] as number) + extra;
        const after = fn('KPI_UNIT_PROFIT')(...args) as number;
        // COGS also carries duty (rate 0 here), so every part moves profit by exactly its own amount.
        expect(before - after).toBeCloseTo(extra, 6);
      }),
    );
  });

  it('break-even ACoS leaves zero profit when spent on ads', () => {
    fc.assert(
      fc.property(money, money, money, rate, (price, cogs, fee, referral) => {
        const breakEven = fn('KPI_BREAKEVEN_ACOS')(price, cogs, fee, referral) as number;
        // A loss-making product has a negative break-even ACoS: no ad spend can reach zero profit.
        fc.pre(breakEven >= 0);
        const profit = fn('KPI_UNIT_PROFIT')(price, cogs, fee, referral, 0, 0, breakEven * price) as number;
        expect(profit).toBeCloseTo(0, 6 - Math.max(0, Math.round(Math.log10(price))));
      }),
    );
  });

  it('range results equal cell-by-cell results, and a scalar spreads over a range', () => {
    const cell = fc.oneof(money, fc.constant(0), fc.constant(''));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(cell, { minLength: 48, maxLength: 48 }),
        fc.array(cell, { minLength: 48, maxLength: 48 }),
        (rows, columns, left, right) => {
          const grid = (values: unknown[]): unknown[][] =>
            Array.from({ length: rows }, (_, r) => values.slice(r * columns, (r + 1) * columns));
          for (const name of ['KPI_ACOS', 'KPI_MARGIN', 'KPI_DAYS_OF_SUPPLY', 'KPI_RETURN_RATE']) {
            const ranged = fn(name)(grid(left), grid(right)) as unknown[][];
            const scalarSpread = fn(name)(grid(left), right[0]) as unknown[][];
            for (let r = 0; r < rows; r++) {
              for (let c = 0; c < columns; c++) {
                if (rows === 1 && columns === 1) continue;
                expect(ranged[r]?.[c]).toEqual(fn(name)(grid(left)[r]?.[c], grid(right)[r]?.[c]));
                expect(scalarSpread[r]?.[c]).toEqual(fn(name)(grid(left)[r]?.[c], right[0]));
              }
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('z(p) inverts Φ across the service levels a seller would use', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), (p) => {
        const z = inverseNormalCdf(p);
        expect(Math.abs(normalCdf(z) - p)).toBeLessThan(1e-14 + 1e-12 * Math.min(p, 1 - p));
      }),
    );
  });

  it('safety stock grows with the service level', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 0.998, noNaN: true }), (level) => {
        const lower = fn('KPI_SAFETY_STOCK')(10, 20, level) as number;
        const higher = fn('KPI_SAFETY_STOCK')(10, 20, level + 0.001) as number;
        expect(higher).toBeGreaterThan(lower);
      }),
    );
  });

  it('the FBA fee never falls as the unit weight rises (same box, same price band, same date)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 149, noNaN: true }),
        fc.double({ min: 0.001, max: 20, noNaN: true }),
        fc.constantFrom('2025-06-01', '2026-06-01'),
        (weight, extra, date) => {
          const box = { sides: [20, 15, 10] as [number, number, number], price: 30, date, peak: false };
          const light = fulfillmentFee({ ...box, weightLb: weight }).fee;
          const heavy = fulfillmentFee({ ...box, weightLb: weight + extra }).fee;
          expect(heavy).toBeGreaterThanOrEqual(light);
        },
      ),
    );
  });
});

describe('arguments as Sheets passes them', () => {
  it('returns blank where a required input is blank, and uses defaults for blank optional inputs', () => {
    expect(fn('KPI_ACOS')('', 100)).toBe('');
    expect(fn('KPI_ACOS')(undefined, 100)).toBe('');
    expect(fn('KPI_UNIT_PROFIT')(20, 5, 3, 0.15, '', '', '', '', '')).toBe(
      fn('KPI_UNIT_PROFIT')(20, 5, 3, 0.15),
    );
  });

  it('treats a 1×1 range as a value that spreads, and returns a range when any input was a range', () => {
    expect(fn('KPI_ACOS')([[25]], [[100]])).toEqual([[0.25]]);
    expect(fn('KPI_ACOS')([[10], [20]], [[100]])).toEqual([[0.1], [0.2]]);
  });

  it('throws a message naming the argument for text, booleans and dates where a number belongs', () => {
    expect(() => fn('KPI_ACOS')('$1,234.56', 100)).toThrow(
      /KPI_ACOS: ad_spend must be a number.*"\$1,234\.56"/,
    );
    expect(() => fn('KPI_ACOS')(10, [[100], ['n/a']])).toThrow(/ad_sales.*row 2, column 1/);
    expect(() => fn('KPI_CTR')(true, 100)).toThrow(/clicks must be a number, but got TRUE/);
    expect(() => fn('KPI_CPC')(new Date(2026, 0, 1), 100)).toThrow(/spend must be a number, but got date/);
  });

  it('refuses ranges of different shapes', () => {
    expect(() => fn('KPI_ROAS')([[1, 2]], [[1], [2]])).toThrow(/ad_sales is 1×2 and ad_spend is 2×1/);
  });
});
