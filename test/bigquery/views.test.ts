/**
 * The views of sql/views, created by the build on the BigQuery flavour and run in DuckDB by the double (issue 15,
 * items 3 and 5): their numbers equal the KPI Summary's on the same two-month workbook — each row of kpi_daily to the
 * cent and its ratios as the sheet's, each level rollup as the add-on's own metrics (src/core/targets/metrics.ts)
 * compute it from the KPI Summary's cells — and January's Amazon totals equal figures worked by hand.
 */
import { type Cell, type GasWorld } from '../gas-world';
import { addRow, emptyTotals, type MeasureTotals, metricValue } from '../../src/core/targets/metrics';
import { addDays } from '../../src/core/time';
import { bigQueryDist, buildIn, DATASET, PROJECT, sheetDay, workbook } from './workbook';

type ViewRow = Record<string, string | number | boolean | null>;

let world: GasWorld;
let sheet: Record<string, Cell>[];
beforeAll(async () => {
  world = workbook();
  buildIn(world, await bigQueryDist());
  const [header, ...rows] = world.sheetValues('KPI Summary');
  sheet = rows.map((row) =>
    Object.fromEntries((header ?? []).map((name, index) => [String(name), row[index] ?? ''])),
  );
}, 180_000);

function view(name: string, where = ''): ViewRow[] {
  return world.bigQuery.select(`SELECT * FROM \`${PROJECT}.${DATASET}.${name}\` ${where}`);
}

const cents = (value: unknown): number => Math.round(Number(value) * 100);
const numberOrNull = (cell: Cell | undefined): number | null =>
  cell === '' || cell === undefined ? null : Number(cell);

describe('BigQuery views against the KPI Summary', () => {
  it('kpi_daily has every KPI Summary row with the same money to the cent and the same ratios', () => {
    const rows = view('kpi_daily');
    expect(rows).toHaveLength(sheet.length);
    const byKey = new Map(rows.map((row) => [`${row['date']}|${row['channel']}|${row['sku']}`, row]));
    for (const line of sheet) {
      const row = byKey.get(`${sheetDay(line['date'])}|${line['channel']}|${line['sku']}`);
      expect(row).toBeDefined();
      for (const money of [
        'revenue',
        'ad_spend',
        'ad_sales',
        'cogs',
        'fees',
        'gross_profit',
        'net_profit',
        'gross_profit_cny',
      ])
        expect([money, row?.[money] === null ? null : cents(row?.[money])]).toEqual([
          money,
          line[money] === '' ? null : cents(line[money]),
        ]);
      for (const count of ['units', 'orders', 'returned_units', 'ad_clicks'])
        expect(Number(row?.[count])).toBe(Number(line[count]));
      // The sheet rounds a ratio to 6 decimals; the view divides the cents the sheet shows.
      for (const ratio of ['acos', 'tacos', 'margin']) {
        const expected = numberOrNull(line[ratio]);
        if (expected === null) expect([ratio, row?.[ratio]]).toEqual([ratio, null]);
        else expect(Number(row?.[ratio])).toBeCloseTo(expected, 5);
      }
    }
  });

  describe.each(['channel', 'category', 'owner'])('kpi_by_%s', (level) => {
    function monday(day: string): string {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      return addDays(day, -((weekday + 6) % 7));
    }
    const periodOf: Record<string, (day: string) => string> = {
      day: (day) => day,
      week: monday,
      month: (day) => `${day.slice(0, 7)}-01`,
    };

    it('equals, for every day, week and month, the totals and ratios the add-on derives from the KPI Summary', () => {
      const expected = new Map<string, { totals: MeasureTotals; cogs: number; refunds: number }>();
      for (const line of sheet) {
        for (const grain of ['day', 'week', 'month']) {
          const key = `${grain}|${periodOf[grain]?.(sheetDay(line['date']))}|${String(line[level])}`;
          const entry = expected.get(key) ?? { totals: emptyTotals(), cogs: 0, refunds: 0 };
          addRow(entry.totals, {
            revenue: Number(line['revenue']),
            units: Number(line['units']),
            adSpend: Number(line['ad_spend']),
            adSales: Number(line['ad_sales']),
            returnedUnits: Number(line['returned_units']),
            grossProfit: numberOrNull(line['gross_profit']),
          });
          entry.cogs += Number(line['cogs'] || 0);
          entry.refunds += Number(line['refunds'] || 0);
          expected.set(key, entry);
        }
      }
      const rows = view(`kpi_by_${level}`);
      expect(rows).toHaveLength(expected.size);
      for (const row of rows) {
        const entry = expected.get(`${row['grain']}|${row['period_start']}|${row[level]}`);
        expect(entry).toBeDefined();
        const totals = entry?.totals ?? emptyTotals();
        expect(cents(row['revenue'])).toBe(Math.round(totals.revenue * 100));
        expect(cents(row['ad_spend'])).toBe(Math.round(totals.adSpend * 100));
        expect(cents(row['cogs'])).toBe(Math.round((entry?.cogs ?? 0) * 100));
        expect(Number(row['units'])).toBe(totals.units);
        const profit = metricValue(totals, 'gross_profit');
        expect(row['gross_profit'] === null ? null : cents(row['gross_profit'])).toBe(
          profit === null ? null : Math.round(profit * 100),
        );
        for (const metric of ['acos', 'tacos', 'margin', 'net_margin', 'return_rate'] as const) {
          const value = metricValue(totals, metric);
          if (value === null) expect([metric, row[metric]]).toEqual([metric, null]);
          else expect(Number(row[metric])).toBeCloseTo(value, 9);
        }
      }
    });
  });

  it('January on Amazon, worked by hand', () => {
    const [january] = view('kpi_by_channel', "WHERE grain = 'month' AND period_start = DATE '2026-01-01'");
    // MUG-01: units (d mod 3) + 1 over 31 days = 62 × $20 = $1,240.00; LAMP-3: 15 even days × $45.50 = $682.50;
    // NOCOST-9: days 5, 10 … 30 = 6 × $9.99 = $59.94. Revenue $1,982.44.
    expect(january?.['revenue']).toBe('1982.44');
    expect(january?.['units']).toBe('83');
    // Spend: MUG-01 $1.25 × (d mod 4 + 1) = $1.25 × 79 = $98.75; LAMP-3 16 odd days × $3.10 = $49.60. $148.35.
    // Ad sales: MUG-01 $10 × (d mod 3) = $10 × 31 = $310.00.
    expect(january?.['ad_spend']).toBe('148.35');
    expect(january?.['ad_sales']).toBe('310');
    // ACoS 148.35 / 310 = 0.478548…; TACoS 148.35 / 1,982.44 = 0.074832…
    expect(Number(january?.['acos'])).toBeCloseTo(148.35 / 310, 12);
    expect(Number(january?.['tacos'])).toBeCloseTo(148.35 / 1982.44, 12);
  });

  it('weeks start on Monday', () => {
    const weeks = view('kpi_by_channel', "WHERE grain = 'week' ORDER BY period_start").map(
      (row) => row['period_start'],
    );
    expect(weeks[0]).toBe('2025-12-29');
    expect(weeks[1]).toBe('2026-01-05');
    // Thursday 1 January to Saturday 28 February: the weeks of 29 December … 23 February.
    expect(weeks).toHaveLength(9);
  });
});
