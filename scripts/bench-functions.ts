/**
 * Times every KPI custom function on 10,000-row ranges through the BUILT dist/main.js, loaded the way Apps Script
 * runs it (one plain script in its own global scope), so it measures what ships. `scripts/bench.ts` calls
 * benchFunctions(); run alone with `npx tsx scripts/bench-functions.ts` after `npm run build`.
 *
 * Node's V8 is faster than Apps Script's servers; the Apps Script limit is 30 s per call (PLATFORM §1), so the
 * target is "well under a second" here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createContext, Script } from 'node:vm';

export interface FunctionBenchmark {
  name: string;
  rows: number;
  ms: number;
}

type ScriptFunction = (...args: unknown[]) => unknown;

const ROWS = 10000;

/** A column of `rows` values made by `value(i)`. */
const column = (value: (row: number) => unknown, rows = ROWS): unknown[][] =>
  Array.from({ length: rows }, (_, row) => [value(row)]);

/** Realistic, varied inputs: one column per argument (a single value where a user would type one). */
function benchmarkArguments(): Record<string, unknown[]> {
  const price = column((i) => 9 + (i % 60));
  const cogs = column((i) => 2 + (i % 13));
  const spend = column((i) => i % 97);
  const sales = column((i) => (i % 89) * 4);
  const clicks = column((i) => i % 300);
  const weight = column((i) => 0.1 + (i % 400) / 10);
  const side = (base: number) => column((i) => base + (i % 30));
  return {
    KPI_ACOS: [spend, sales],
    KPI_TACOS: [spend, sales],
    KPI_ROAS: [sales, spend],
    KPI_CPC: [spend, clicks],
    KPI_CTR: [clicks, column((i) => 1000 + i)],
    KPI_CVR: [column((i) => i % 20), clicks],
    KPI_UNIT_PROFIT: [price, cogs, column(() => 5.04), 0.15, 1.2, 0.075, column((i) => i % 4), 0.6, 0],
    KPI_BREAKEVEN_ACOS: [price, cogs, column(() => 5.04), 0.15, 1.2, 0.075, 0.6, 0],
    KPI_TARGET_ACOS: [price, cogs, column(() => 5.04), 0.15, 0.1, 1.2, 0.075, 0.6, 0],
    KPI_MARGIN: [spend, sales],
    KPI_ROI: [spend, cogs],
    KPI_LANDED_COST: [cogs, 1.2, 0.075, 0],
    KPI_REFERRAL_FEE: [
      price,
      column((i) => ['Home and Kitchen', 'Jewelry', 'Clothing and Accessories', '玩具'][i % 4]),
      '2026-03-01',
    ],
    KPI_FBA_FEE: [weight, side(3), side(2), side(0.5), price, '2026-03-01', false],
    KPI_SIZE_TIER: [weight, side(3), side(2), side(0.5), '2026-03-01'],
    KPI_INVENTORY_TURNOVER: [sales, cogs],
    KPI_DAYS_OF_SUPPLY: [sales, cogs],
    KPI_SELL_THROUGH: [sales, cogs],
    KPI_SAFETY_STOCK: [cogs, column((i) => 5 + (i % 40)), column((i) => 0.8 + (i % 19) / 100), price, 3],
    KPI_REORDER_POINT: [cogs, 30, column((i) => i % 100)],
    KPI_RETURN_RATE: [spend, sales],
    KPI_ODR: [spend, sales],
    KPI_LTV: [price, 2.5, 3, 0.35],
    KPI_CAC: [spend, clicks],
    KPI_LTV_CAC: [sales, spend],
    KPI_FX_SENSITIVITY: [price, 7.1, [[-0.05, -0.02, 0, 0.02, 0.05]]],
    KPI_STATUS: [column((i) => (i % 50) / 100), 0.25, false, 0.1, 'en'],
  };
}

/** Loads dist/main.js into a fresh V8 context with the one service the KPI functions read (the sheet's locale). */
function loadBuiltScript(distDir: string): Record<string, ScriptFunction> {
  const source = readFileSync(join(distDir, 'main.js'), 'utf8');
  const context = createContext({
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => 'en_US' }) },
  });
  new Script(source, { filename: 'main.js' }).runInContext(context);
  return context as Record<string, ScriptFunction>;
}

export function benchFunctions(distDir = resolve(__dirname, '..', 'dist')): FunctionBenchmark[] {
  const script = loadBuiltScript(distDir);
  const results: FunctionBenchmark[] = [];
  for (const [name, args] of Object.entries(benchmarkArguments())) {
    const fn = script[name];
    if (typeof fn !== 'function') throw new Error(`dist/main.js has no ${name}: rebuild with npm run build`);
    // No warm-up: a recalculation may land on a fresh Apps Script instance, so the first call is what users wait for.
    const started = process.hrtime.bigint();
    const result = fn(...args);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (!Array.isArray(result) || result.length !== ROWS)
      throw new Error(`${name} did not return ${ROWS} rows`);
    results.push({ name, rows: ROWS, ms: Math.round(ms * 10) / 10 });
  }
  return results;
}

if (require.main === module) {
  const results = benchFunctions();
  for (const { name, rows, ms } of results)
    console.log(`${name.padEnd(24)} ${rows} rows  ${ms.toFixed(1)} ms`);
}
