/**
 * Order lines hold revenue in whole cents and the last-updated time in epoch seconds (model.ts, issue 17: 169 → 137
 * bytes a line). Neither may change a number or an order: cents / 100 is exactly the dollar amount the readers
 * rounded to before, and seconds keep every millisecond and the order of any two instants.
 */
import fc from 'fast-check';
import { epochSecondsOf, roundCents, wholeCentsOf } from '../../src/core/parse';

/** The rounding the readers used before cents were kept, written out here as the reference. */
function dollarsAsBefore(amount: number): number {
  const cents = Math.round(Math.abs(amount) * 100 * (1 + Number.EPSILON * 4));
  return cents === 0 ? 0 : (Math.sign(amount) * cents) / 100;
}

const amounts = fc.oneof(
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  // Amounts as exports write them: whole cents, and products of a price and a quantity.
  fc.integer({ min: -100_000_000, max: 100_000_000 }).map((cents) => cents / 100),
  fc
    .tuple(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 50 }))
    .map(([cents, quantity]) => (cents / 100) * quantity),
);

describe('revenue in whole cents', () => {
  it('is a whole number whose hundredth is, to the last bit, the amount rounded as before', () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        const cents = wholeCentsOf(amount);
        expect(Number.isInteger(cents)).toBe(true);
        expect(cents / 100).toBe(dollarsAsBefore(amount));
        expect(roundCents(amount)).toBe(dollarsAsBefore(amount));
      }),
    );
  });

  it('rounds half away from zero on the decimal value (hand-worked)', () => {
    expect(wholeCentsOf(29.99 * 3)).toBe(8997);
    expect(wholeCentsOf(1.005)).toBe(101);
    expect(wholeCentsOf(-1.005)).toBe(-101);
    expect(wholeCentsOf(-0.001)).toBe(0);
    expect(wholeCentsOf(49.99 - Math.abs(-5))).toBe(4499);
  });
});

describe('last-updated in epoch seconds', () => {
  const instants = fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 });

  it('keeps every millisecond: seconds × 1000 rounds back to the same instant', () => {
    fc.assert(
      fc.property(instants, (epochMs) => {
        expect(Math.round(epochSecondsOf(epochMs) * 1000)).toBe(epochMs);
      }),
    );
  });

  it('keeps the order of any two instants, so the later copy of a line still wins', () => {
    fc.assert(
      fc.property(instants, instants, (a, b) => {
        expect(Math.sign(epochSecondsOf(a) - epochSecondsOf(b))).toBe(Math.sign(a - b));
      }),
    );
  });

  it('is a whole number for a whole second (what an export writes), a fraction otherwise', () => {
    expect(epochSecondsOf(Date.UTC(2026, 4, 9, 10, 0, 0))).toBe(1778320800);
    expect(Number.isInteger(epochSecondsOf(Date.UTC(2026, 4, 9, 10, 0, 0)))).toBe(true);
    expect(epochSecondsOf(Date.UTC(2026, 4, 9, 10, 0, 0, 250))).toBe(1778320800.25);
    expect(epochSecondsOf(-1500)).toBe(-1.5);
  });
});
