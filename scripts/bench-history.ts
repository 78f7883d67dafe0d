/**
 * `npm run bench`, years of history (issue 17, item 4): what a build costs when the KPI Summary holds frozen months
 * beside the live ones. The workbook is the bench's 10,000-line one (90 live days) with a KPI History sheet of
 * `months` frozen months before them, 80 KPI Summary rows a day (the README's arithmetic: a month is 2,400 rows), made
 * from a real KPI Summary row of the first build with its day and SKU changed. Settings `frozen_through` is the last
 * frozen day, as "Keep history up to …" leaves it.
 *
 * It reports, per build: the cells read and written (every frozen row is read from KPI History and written again to
 * the KPI Summary), the world's time and the add-on's own. The world's time is not Sheets' (Google's servers move
 * cells far slower than this double), so the cell counts are the figures to carry to a real workbook.
 */
import { type Cell, GasWorld } from '../test/gas-world';
import { adsReport, allOrders } from './benchData';
import { loadInNodeRealm, WorldClock } from './lib/nodeRealm';

/** KPI Summary rows a day in the README's arithmetic (80 SKU × channel rows). */
const SUMMARY_ROWS_PER_DAY = 80;
/** The last frozen day: the day before the bench's live exports begin (2026-01-01). */
const FROZEN_THROUGH = '2025-12-31';

export interface HistoryBuild {
  months: number;
  frozenRows: number;
  summaryRows: number;
  cellsRead: number;
  cellsWritten: number;
  worldMs: number;
  ownMs: number;
}

function isoDay(epochDay: number): string {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

/** The frozen days: `months` × 30 days ending on FROZEN_THROUGH. */
function frozenDays(months: number): string[] {
  const last = Date.parse(`${FROZEN_THROUGH}T00:00:00Z`) / 86_400_000;
  const days: string[] = [];
  for (let day = last - months * 30 + 1; day <= last; day++) days.push(isoDay(day));
  return days;
}

/** A KPI History sheet: the `frozen_through` row, the KPI Summary header, then `template` for every day × SKU. */
function historySheet(header: readonly Cell[], template: readonly Cell[], months: number): Cell[][] {
  const dateAt = header.indexOf('date');
  const skuAt = header.indexOf('sku');
  if (dateAt < 0 || skuAt < 0) throw new Error('KPI Summary header without date or sku');
  const rows: Cell[][] = [['frozen_through', FROZEN_THROUGH, 'bench'], [...header]];
  for (const day of frozenDays(months)) {
    for (let sku = 0; sku < SUMMARY_ROWS_PER_DAY; sku++) {
      const row = [...template];
      row[dateAt] = day;
      row[skuAt] = `SKU-${String(sku).padStart(4, '0')}`;
      rows.push(row);
    }
  }
  return rows;
}

/** Builds of a workbook with `months` frozen months: the median of `runs` builds after a first one. */
export function measureHistory(months: number, runs = 3): HistoryBuild {
  const world = new GasWorld({ spreadsheetTimeZone: 'America/Los_Angeles', fxRateUsdCny: 7.2 });
  world.addSheet('All Orders', allOrders(10_000), 'text');
  world.addSheet('SP advertised product', adsReport(), 'text');
  const clock = new WorldClock();
  const script = loadInNodeRealm(world, clock);
  const build = script.buildKpiSummary;
  if (!build) throw new Error('dist/main.js has no buildKpiSummary: run npm run build');
  build();
  const summary = world.sheetValues('KPI Summary');
  const [header, template] = summary;
  if (!header || !template) throw new Error('the first build wrote no KPI Summary row');
  world.addSheet('KPI History', historySheet(header, template, months), 'text');
  // As the menu action leaves it: a `frozen_through` row below the other settings.
  world.userPaste('Settings', world.sheetValues('Settings').length + 1, [['frozen_through', FROZEN_THROUGH]]);
  const samples: Omit<HistoryBuild, 'months' | 'frozenRows'>[] = [];
  for (let attempt = 0; attempt <= runs; attempt++) {
    world.calls.reset();
    clock.ns = 0n;
    const started = process.hrtime.bigint();
    const result = build() as { status: string; rowsWritten: number };
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 'built') throw new Error(`build ended with status ${result.status}`);
    const worldMs = Number(clock.ns) / 1e6;
    // The first build with the history in place also reads it for the first time: its time is not taken.
    if (attempt > 0)
      samples.push({
        summaryRows: result.rowsWritten,
        cellsRead: world.calls.cells({ kind: 'read' }),
        cellsWritten: world.calls.cells({ kind: 'write' }),
        worldMs,
        ownMs: ms - worldMs,
      });
  }
  const median = (pick: (sample: (typeof samples)[number]) => number): number => {
    const sorted = samples.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
  };
  return {
    months,
    frozenRows: frozenDays(months).length * SUMMARY_ROWS_PER_DAY,
    summaryRows: median((sample) => sample.summaryRows),
    cellsRead: median((sample) => sample.cellsRead),
    cellsWritten: median((sample) => sample.cellsWritten),
    worldMs: median((sample) => sample.worldMs),
    ownMs: median((sample) => sample.ownMs),
  };
}

export function printHistory(builds: readonly HistoryBuild[]): void {
  console.log(
    '\nYears of history (10,000 live order lines, 90 live days; frozen months of 2,400 KPI Summary rows):',
  );
  for (const build of builds) {
    console.log(
      `  ${String(build.months).padStart(3)} frozen months (${build.frozenRows} rows) → ${build.summaryRows} KPI ` +
        `Summary rows; cells read ${build.cellsRead}, written ${build.cellsWritten}; world ` +
        `${build.worldMs.toFixed(0)} ms, add-on's own ${build.ownMs.toFixed(0)} ms`,
    );
  }
}
