/**
 * SPEC §2a "Cells that cannot be numbers" (issue 9, item 3), at the level of the readers: every money or count cell
 * reads as a finite number or a reason, and every quoted cell is bounded.
 */
import fc from 'fast-check';
import { costsFromRows } from '../../src/core/costs/costs';
import { type DataIssue } from '../../src/core/model';
import { parseCount, parseMoney, plainDecimal } from '../../src/core/parse';
import { dataIssuesTable, QUOTE_LIMIT } from '../../src/core/summary/table';

describe('a money or count cell is a finite number or a Data Issue, never NaN or Infinity', () => {
  it.each(['e5', 'E-3', '1e309', '1e999', '-1e309', '$1e400', '9'.repeat(400), '(1e999)', '1e400%'])(
    'a money cell reading %s is a Data Issue, not NaN',
    (text) => {
      expect(parseMoney(text)).toMatchObject({ ok: false, reason: 'notANumber' });
      expect(parseCount(text)).toMatchObject({ ok: false });
    },
  );

  it('typed number cells that are NaN, Infinity or beyond 2^53 are Data Issues', () => {
    for (const cell of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e300])
      expect(parseMoney(cell).ok).toBe(false);
    expect(parseMoney(1e15)).toEqual({ ok: true, value: 1e15 });
  });

  it('exponents after digits still read: 1e-5, 2.5E3', () => {
    expect(parseMoney('1e-5')).toEqual({ ok: true, value: 0.00001 });
    expect(parseCount('2.5E3')).toEqual({ ok: true, value: 2500 });
  });

  it('the plain-decimal fast path gives way for a number too long to carry', () => {
    expect(plainDecimal('9'.repeat(400))).toBeNull();
    expect(plainDecimal('1234.5')).toBe(1234.5);
  });

  it('property: for any string in a money or count cell, the reader returns a finite number or a failure', () => {
    const numberish = fc
      .array(fc.constantFrom(...'0123456789-+.,$()% eEUSD'.split(''), '9'.repeat(320)), { maxLength: 10 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), numberish), (text) => {
        for (const parsed of [parseMoney(text), parseCount(text)]) {
          if (parsed.ok && parsed.value !== null) expect(Number.isFinite(parsed.value)).toBe(true);
        }
        const plain = plainDecimal(text);
        if (plain !== null) expect(Number.isFinite(plain)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('a Costs unit_cost of 400 digits is a Data Issue, not Infinity', () => {
    const read = costsFromRows(
      [
        ['sku', 'unit_cost'],
        ['MUG-01', '9'.repeat(400)],
        ['LAMP-3', 1e300],
      ],
      'Costs',
      'UTC',
    );
    expect(read.issues.map((issue) => [issue.key, issue.reason.key])).toEqual([
      ['MUG-01', 'issue.costs.badNumber'],
      ['LAMP-3', 'issue.costs.badNumber'],
    ]);
    expect(read.table.bySku.size).toBe(0);
  });
});

describe('a Data Issue quotes at most about 100 characters of a cell', () => {
  const huge = 'x'.repeat(50_000);
  const issue: DataIssue = {
    sheet: 'Orders',
    row: 2,
    key: huge,
    reason: { key: 'issue.notANumber', params: { column: 'item-price', value: huge } },
  };

  it.each(['en', 'zh'] as const)(
    'a 50,000-character cell is quoted as 100 characters and an ellipsis (%s)',
    (language) => {
      const [row] = dataIssuesTable([issue], language).rows;
      const [, , key, reason] = row ?? [];
      expect(key).toBe(`${'x'.repeat(QUOTE_LIMIT - 1)}…`);
      expect(String(reason)).toContain(`${'x'.repeat(QUOTE_LIMIT - 1)}…`);
      expect(String(reason).length).toBeLessThan(QUOTE_LIMIT + 120);
    },
  );

  it('a short cell is quoted whole, and an emoji at the cut is never split', () => {
    const short = {
      ...issue,
      key: 'SKU-1',
      reason: { key: 'issue.notANumber', params: { column: 'c', value: 'n/a' } },
    };
    expect(dataIssuesTable([short], 'en').rows[0]?.[3]).toBe('Row left out: c is “n/a”, not a number.');
    const emoji = '😀'.repeat(150);
    const cut = String(dataIssuesTable([{ ...issue, key: emoji }], 'en').rows[0]?.[2]);
    expect(Array.from(cut)).toHaveLength(QUOTE_LIMIT);
    expect(cut.endsWith('😀…')).toBe(true);
  });
});
