/**
 * The built dist/main.js (built by Jest's global setup, test/global-setup.js) loaded in the local Apps Script world
 * in custom-function mode, called with values and ranges the way Sheets passes them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { GasWorld, loadDist } from '../gas-world';
import { KPI_FUNCTIONS } from '../../src/functions';

const mainPath = join(resolve(__dirname, '../..'), 'dist', 'main.js');

/** A scalar call for every function, with its expected result (hand-worked, see worked-examples.test.ts). */
const SCALAR_CALLS: Record<string, { args: unknown[]; expected: unknown }> = {
  KPI_ACOS: { args: [250, 1000], expected: 0.25 },
  KPI_TACOS: { args: [250, 4000], expected: 0.0625 },
  KPI_ROAS: { args: [1000, 250], expected: 4 },
  KPI_CPC: { args: [250, 200], expected: 1.25 },
  KPI_CTR: { args: [200, 50000], expected: 0.004 },
  KPI_CVR: { args: [24, 200], expected: 0.12 },
  KPI_UNIT_PROFIT: { args: [29.99, 6.5, 5.04, 0.15, 1.2, 0.075, 3, 0.6], expected: 8.664 },
  KPI_BREAKEVEN_ACOS: { args: [29.99, 6.5, 5.04, 0.15, 1.2, 0.075, 0.6], expected: 11.664 / 29.99 },
  KPI_TARGET_ACOS: { args: [29.99, 6.5, 5.04, 0.15, 0.1, 1.2, 0.075, 0.6], expected: 11.664 / 29.99 - 0.1 },
  KPI_MARGIN: { args: [25, 100], expected: 0.25 },
  KPI_ROI: { args: [25, 50], expected: 0.5 },
  KPI_LANDED_COST: { args: [6.5, 1.2, 0.075], expected: 8.1875 },
  KPI_REFERRAL_FEE: { args: [29.99, 'Home and Kitchen', '2026-03-01'], expected: 4.5 },
  KPI_FBA_FEE: { args: [7.9, 24, 7.5, 6, 60, '2025-06-01'], expected: 12.27 },
  KPI_SIZE_TIER: { args: [7.9, 24, 7.5, 6, '2026-03-01'], expected: 'small_bulky' },
  KPI_INVENTORY_TURNOVER: { args: [120000, 30000], expected: 4 },
  KPI_DAYS_OF_SUPPLY: { args: [1200, 40], expected: 30 },
  KPI_SELL_THROUGH: { args: [900, 400], expected: 2.25 },
  KPI_SAFETY_STOCK: { args: [12, 30, 0.95], expected: 108.11081223306 },
  KPI_REORDER_POINT: { args: [40, 30, 108], expected: 1308 },
  // 90 days × 4 + 23 − 40 = 343 → 29 cartons of 12 = 348 (above the MOQ of 100).
  KPI_REORDER_QTY: { args: [4, 45, 23, 40, 0, 90, 12, 100], expected: 348 },
  // 105 units at 10 a day last 10 whole days: out on 2026-03-11, midnight in the world's Los Angeles (PDT since 8 March).
  KPI_STOCKOUT_DATE: { args: [105, 10, '2026-03-01'], expected: new Date('2026-03-11T07:00:00Z') },
  KPI_RETURN_RATE: { args: [12, 400], expected: 0.03 },
  KPI_ODR: { args: [3, 1200], expected: 0.0025 },
  KPI_LTV: { args: [45, 2.5, 3, 0.35], expected: 118.125 },
  KPI_CAC: { args: [5000, 200], expected: 25 },
  KPI_LTV_CAC: { args: [118.125, 25], expected: 4.725 },
  KPI_FX_SENSITIVITY: { args: [10000, 7.1, [[-0.05, 0, 0.05]]], expected: [[67450, 71000, 74550]] },
  KPI_STATUS: { args: [0.28, 0.25, false, 0.15], expected: 'AMBER' },
};

function expectSame(actual: unknown, expected: unknown): void {
  if (expected instanceof Date) {
    // The script's Date comes from the world's realm: compare the instant, not the object.
    expect(Object.prototype.toString.call(actual)).toBe('[object Date]');
    expect((actual as Date).getTime()).toBe(expected.getTime());
  } else if (typeof expected === 'number') {
    expect(actual).toBeCloseTo(expected, 9);
  } else if (Array.isArray(expected)) {
    const rows = actual as unknown[][];
    (expected as unknown[][]).forEach((row, r) => row.forEach((cell, c) => expectSame(rows[r]?.[c], cell)));
  } else {
    expect(actual).toBe(expected);
  }
}

describe('the KPI functions as shipped in dist/main.js', () => {
  let world: GasWorld;
  let script: Record<string, (...args: unknown[]) => unknown>;

  beforeAll(() => {
    world = new GasWorld();
    script = loadDist(world);
    world.authMode = 'CUSTOM_FUNCTION';
  });

  it('declares every function at top level with its named parameters and @customfunction JSDoc', () => {
    const source = readFileSync(mainPath, 'utf8');
    const file = ts.createSourceFile('main.js', source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
    const declared = new Map(
      file.statements
        .filter(ts.isFunctionDeclaration)
        .map((declaration) => [declaration.name?.text ?? '', declaration]),
    );
    for (const spec of KPI_FUNCTIONS) {
      const declaration = declared.get(spec.name);
      expect(declaration).toBeDefined();
      if (!declaration) continue;
      expect(declaration.parameters.map((p) => p.name.getText(file))).toEqual(
        spec.parameters.map((p) => p.name),
      );
      const jsDoc = ts.getJSDocCommentsAndTags(declaration)[0]?.getFullText(file) ?? '';
      expect(jsDoc).toContain('@customfunction');
      expect(jsDoc).toContain(spec.summary);
      for (const parameter of spec.parameters) expect(jsDoc).toContain(`${parameter.name} `);
    }
  });

  it('has a test call for every function', () => {
    expect(Object.keys(SCALAR_CALLS).sort()).toEqual(KPI_FUNCTIONS.map((spec) => spec.name).sort());
  });

  it.each(Object.entries(SCALAR_CALLS))('%s computes a single value', (name, { args, expected }) => {
    const fn = script[name];
    expect(fn).toBeDefined();
    expectSame(fn?.(...args), expected);
  });

  it.each(Object.entries(SCALAR_CALLS).filter(([name]) => name !== 'KPI_FX_SENSITIVITY'))(
    '%s computes a column range cell by cell, with a blank row blank',
    (name, { args, expected }) => {
      // The first argument as a 3×1 range (value, blank, value); the others spread as single values.
      const [first, ...rest] = args;
      const result = script[name]?.([[first], [''], [first]], ...rest) as unknown[][];
      expect(result).toHaveLength(3);
      expectSame(result[0]?.[0], expected);
      expect(result[1]).toEqual(['']);
      expectSame(result[2]?.[0], expected);
    },
  );

  it('throws an error naming the argument, as Sheets shows it in #ERROR!', () => {
    expect(() => script.KPI_ACOS?.([[10], ['ten']], [[100], [100]])).toThrow(
      'KPI_ACOS: ad_spend must be a number, but got the text "ten". Text is not converted: use VALUE() or Format → Number. (row 2, column 1 of the range)',
    );
  });

  it('shows KPI_STATUS labels in Chinese when asked', () => {
    expect(script.KPI_STATUS?.([[0.2], [0.3]], 0.25, false, 0.1, 'zh')).toEqual([
      ['绿（达标）'],
      ['红（未达标）'],
    ]);
  });

  it('spreads FX shocks across a row for each amount of a column', () => {
    const rows = script.KPI_FX_SENSITIVITY?.([[100], [200]], 7, [[-0.1, 0.1]]) as number[][];
    expect(rows.map((row) => row.map((value) => Math.round(value * 100) / 100))).toEqual([
      [630, 770],
      [1260, 1540],
    ]);
  });

  // Its speed is measured by `npm run bench` (scripts/bench-functions.ts), not asserted here.
  it('computes a 10,000-row range in one call, row by row', () => {
    const rows = 10000;
    const spend = Array.from({ length: rows }, (_, i) => [i % 97]);
    const sales = Array.from({ length: rows }, (_, i) => [(i % 89) * 4]);
    const result = script.KPI_ACOS?.(spend, sales) as unknown[][];
    expect(result).toHaveLength(rows);
    expect(result[1]?.[0]).toBe(0.25);
  });
});
