/**
 * `npm run bench`: the built add-on's `buildKpiSummary()` on a large workbook in the local Apps Script world
 * (test/gas-world): an Amazon All Orders export of 10,000 and 100,000 lines plus a Sponsored Products
 * advertised-product report, pasted as text. For each size it reports, as the median of several runs:
 * - the bare one-pass group-by over the same cells (the floor, see bareGroupBy);
 * - the build core (src/core/summary/pipeline.ts on the same cells, no spreadsheet I/O) and its ratio to that floor;
 * - buildKpiSummary() of dist/main.js in the world, and the spreadsheet calls it made;
 * - the heap the parsed facts hold (the build's peak: every fact is alive from its sheet's parse until summarize
 *   ends) and the heap the core's result holds, each measured after a forced GC, and the bytes per input row.
 *
 * Targets (issue 4), each printed as PASS or NO: core ratio under 5 at 100k rows; spreadsheet calls independent of the
 * row count; memory in proportion to the rows (bytes of parsed facts per input row at 100k no more than at 10k, with 20%
 * for noise).
 * Heap figures need `--expose-gc` (the npm script passes it to tsx); without it the memory target is not judged.
 * Then the KPI custom-function benchmark (scripts/bench-functions.ts) runs.
 */
import { type Cell } from '../test/gas-world';
import { GasWorld, loadDist } from '../test/gas-world';
import { benchFunctions } from './bench-functions';
import { estimateAmazonFees } from '../src/core/costs/feeEstimate';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { type ParseResult } from '../src/core/reports';
import { detectKnownReport, type PipelineResult, runPipeline } from '../src/core/summary/pipeline';
import { ADS_DAYS, ADS_SKUS, adsReport, allOrders } from './benchData';

/** Runs of each in-process measurement; the median is reported (the first runs pay for JIT compilation). */
const CORE_RUNS = 7;
/** Runs of the whole build in the simulated world (seconds each, so fewer). */
const WORLD_RUNS = 3;
const CORE_RATIO_TARGET = 5;
/** Bytes per input row may grow this much from 10k to 100k rows before memory counts as growing faster than rows. */
const MEMORY_NOISE_ALLOWANCE = 1.2;

interface GroupTotals {
  units: number;
  revenue: number;
  spend: number;
  orderIds: Set<string>;
}

function groupOf(groups: Map<string, GroupTotals>, key: string): GroupTotals {
  let group = groups.get(key);
  if (!group) {
    group = { units: 0, revenue: 0, spend: 0, orderIds: new Set() };
    groups.set(key, group);
  }
  return group;
}

/**
 * The floor any build must pay: one pass over the cells the KPI Summary needs — order id, SKU, purchase-date text,
 * quantity and item price of every order line, date, SKU and spend of every ad row — grouping by day × SKU and
 * summing units, revenue and spend, with distinct order ids per group (the `orders` column needs them). No rules:
 * no detection, no time zone (the day is the first 10 characters of the text), no validation, no dedupe, no costs or
 * fees. Plain `Number()` stands in for number parsing. Neither padded nor trimmed: this is how one would write the
 * shortest correct-looking group-by by hand, so the ratio says what the rules and the care cost.
 */
function bareGroupBy(orders: readonly (readonly Cell[])[], ads: readonly (readonly Cell[])[]): number {
  const groups = new Map<string, GroupTotals>();
  const header = orders[0] ?? [];
  const orderIdAt = header.indexOf('amazon-order-id');
  const dateAt = header.indexOf('purchase-date');
  const skuAt = header.indexOf('sku');
  const quantityAt = header.indexOf('quantity');
  const priceAt = header.indexOf('item-price');
  for (let index = 1; index < orders.length; index++) {
    const row = orders[index] ?? [];
    const group = groupOf(groups, `${String(row[dateAt]).slice(0, 10)}|${String(row[skuAt])}`);
    group.units += Number(row[quantityAt]);
    group.revenue += Number(row[priceAt]) || 0;
    group.orderIds.add(String(row[orderIdAt]));
  }
  const adsHeader = ads[0] ?? [];
  const adDateAt = adsHeader.indexOf('Date');
  const adSkuAt = adsHeader.indexOf('Advertised SKU');
  const spendAt = adsHeader.indexOf('Spend');
  for (let index = 1; index < ads.length; index++) {
    const row = ads[index] ?? [];
    const group = groupOf(groups, `${String(row[adDateAt])}|${String(row[adSkuAt])}`);
    group.spend += Number(String(row[spendAt]).replace(/[$,]/g, ''));
  }
  return groups.size;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * Wall time of one run. With --expose-gc the heap is collected first, so a run does not pay for the garbage of the run
 * before it (the core leaves far more than the group-by: without this, whichever runs second is charged for both).
 */
function timedMs(body: () => unknown): number {
  collectGarbage?.();
  const started = process.hrtime.bigint();
  body();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function medianMs(runs: number, body: () => unknown): number {
  const samples: number[] = [];
  for (let attempt = 0; attempt < runs; attempt++) samples.push(timedMs(body));
  return median(samples);
}

function heapUsedAfterGc(collect: () => void): number {
  // Twice: the first pass can leave objects whose finalisation frees more on the second.
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/** Module-level so what is measured stays reachable while the heap is measured (a local could be optimised away). */
let held: unknown = null;

/** Bytes that `make()`'s value holds once garbage is collected, or null without --expose-gc. */
function heapHeldBy(make: () => unknown): number | null {
  if (!collectGarbage) return null;
  const before = heapUsedAfterGc(collectGarbage);
  held = make();
  const after = heapUsedAfterGc(collectGarbage);
  if (held === null) throw new Error('nothing was made to measure');
  held = null;
  return after - before;
}

/** The facts of every source as the pipeline reads them (detect, then the report module's parse). */
function parseSources(sources: readonly { sheetName: string; rows: Cell[][] }[]): ParseResult[] {
  return sources.map(({ sheetName, rows }) => {
    const found = detectKnownReport(rows, sheetName);
    if (!found) throw new Error(`${sheetName} is no known export`);
    return found.definition.parse(rows, found.detection, {
      sheetName,
      reportingTimeZone: DEFAULT_SETTINGS.reportingTimeZone,
      spreadsheetTimeZone: 'America/Los_Angeles',
      period: null,
    });
  });
}

interface SizeResult {
  lines: number;
  /** Order lines + ad rows: the data rows the build reads. */
  inputRows: number;
  summaryRows: number;
  groupByMs: number;
  /** The pure pipeline (detect, parse, rules, tables) on the same cells: the build minus spreadsheet I/O. */
  coreMs: number;
  /** buildKpiSummary() of the built dist in the world, reads and writes included. */
  buildMs: number;
  /** Spreadsheet calls of each world build: the first creates the add-on's sheets, the later ones rewrite them. */
  calls: number[];
  /** Heap of the parsed facts of both sources: the peak of a build, which must grow in proportion to the rows. */
  factsHeapBytes: number | null;
  /** Heap of the pipeline's result (summary rows, tables, issues): sized by the KPI Summary, not by the input. */
  resultHeapBytes: number | null;
}

function measure(lines: number): SizeResult {
  const world = new GasWorld({ spreadsheetTimeZone: 'America/Los_Angeles', fxRateUsdCny: 7.2 });
  world.addSheet('All Orders', allOrders(lines), 'text');
  world.addSheet('SP advertised product', adsReport(), 'text');
  world.addSheet(
    'Costs',
    [
      ['sku', 'unit_cost', 'currency'],
      ['SKU-0001', '3.20', 'USD'],
    ],
    'text',
  );
  const script = loadDist(world);
  // The cells exactly as getValues hands them to the script (read here without counting a call).
  const orderCells = world.sheetValues('All Orders');
  const adCells = world.sheetValues('SP advertised product');
  const costCells = world.sheetValues('Costs');
  const sources = [
    { sheetName: 'All Orders', rows: orderCells },
    { sheetName: 'SP advertised product', rows: adCells },
  ];
  const pipeline = (): PipelineResult =>
    runPipeline({
      sources,
      costsRows: costCells,
      settings: { ...DEFAULT_SETTINGS, fxUsdCny: 7.2 },
      spreadsheetTimeZone: 'America/Los_Angeles',
      detect: detectKnownReport,
      feeEstimator: estimateAmazonFees,
      language: 'en',
    });
  // Interleaved rather than one block each, so a slow spell of the machine hits both sides of the ratio alike.
  // The samples at 10k run first, so the JIT has warmed up on both sides before the 100k samples are taken.
  const groupBySamples: number[] = [];
  const coreSamples: number[] = [];
  for (let attempt = 0; attempt < CORE_RUNS; attempt++) {
    groupBySamples.push(timedMs(() => bareGroupBy(orderCells, adCells)));
    coreSamples.push(timedMs(pipeline));
  }
  const factsHeapBytes = heapHeldBy(() => parseSources(sources));
  const resultHeapBytes = heapHeldBy(pipeline);

  const buildKpiSummary = script.buildKpiSummary;
  if (!buildKpiSummary) throw new Error('dist/main.js has no buildKpiSummary: run npm run build');
  const calls: number[] = [];
  let summaryRows = 0;
  const buildMs = medianMs(WORLD_RUNS, () => {
    world.calls.reset();
    const result = buildKpiSummary() as { status: string; rowsWritten: number };
    if (result.status !== 'built') throw new Error(`build ended with status ${result.status}`);
    calls.push(world.calls.total);
    summaryRows = result.rowsWritten;
  });
  return {
    lines,
    inputRows: lines + ADS_DAYS * ADS_SKUS,
    summaryRows,
    groupByMs: median(groupBySamples),
    coreMs: median(coreSamples),
    buildMs,
    calls,
    factsHeapBytes,
    resultHeapBytes,
  };
}

const verdict = (pass: boolean): string => (pass ? 'PASS' : 'NO  ');
const ms = (value: number): string => `${value.toFixed(0).padStart(6)} ms`;
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function printSize(result: SizeResult): void {
  const heap =
    result.factsHeapBytes === null || result.resultHeapBytes === null
      ? 'not measured (needs --expose-gc)'
      : `parsed facts ${megabytes(result.factsHeapBytes)} (${(result.factsHeapBytes / result.inputRows).toFixed(0)} ` +
        `bytes per input row), result ${megabytes(result.resultHeapBytes)}`;
  console.log(
    `${String(result.lines).padStart(7)} order lines + ${ADS_DAYS * ADS_SKUS} ad rows → ${result.summaryRows} KPI Summary rows\n` +
      `  bare one-pass group-by      ${ms(result.groupByMs)}   (median of ${CORE_RUNS})\n` +
      `  build core (same cells)     ${ms(result.coreMs)}   ratio ${(result.coreMs / result.groupByMs).toFixed(1)}\n` +
      `  buildKpiSummary() in world  ${ms(result.buildMs)}   (median of ${WORLD_RUNS}; includes the world's simulated ` +
      `getValues/setValues and the dashboard)\n` +
      `  spreadsheet calls per build ${result.calls.join(', ')} (the first build creates the add-on's sheets)\n` +
      `  heap after GC: ${heap}`,
  );
}

function printTargets(small: SizeResult, large: SizeResult): void {
  const ratio = large.coreMs / large.groupByMs;
  // Build by build: the n-th build of a workbook makes the same calls whatever its row count.
  const callsConstant =
    small.calls.length === large.calls.length &&
    small.calls.every((calls, index) => calls === large.calls[index]);
  console.log(
    `\nTargets (issue 4):\n` +
      `  ${verdict(ratio < CORE_RATIO_TARGET)} core ratio at ${large.lines} lines ${ratio.toFixed(1)} (target under ${CORE_RATIO_TARGET})\n` +
      `  ${verdict(callsConstant)} spreadsheet calls ${small.calls.join('/')} at ${small.lines} lines and ` +
      `${large.calls.join('/')} at ${large.lines} (target: independent of the row count)`,
  );
  if (small.factsHeapBytes === null || large.factsHeapBytes === null) {
    console.log('  NO   memory not judged: run with --expose-gc (npm run bench does)');
    return;
  }
  const smallPerRow = small.factsHeapBytes / small.inputRows;
  const largePerRow = large.factsHeapBytes / large.inputRows;
  console.log(
    `  ${verdict(largePerRow <= smallPerRow * MEMORY_NOISE_ALLOWANCE)} memory of the parsed facts ` +
      `${megabytes(small.factsHeapBytes)} → ${megabytes(large.factsHeapBytes)} for ` +
      `${(large.inputRows / small.inputRows).toFixed(1)}× the input rows; ` +
      `${smallPerRow.toFixed(0)} → ${largePerRow.toFixed(0)} bytes per row (target: in proportion to the rows)`,
  );
}

function main(): void {
  console.log(
    'KPI summary build: built dist/main.js in the local Apps Script world, and the same core in-process\n',
  );
  const [small, large] = [10_000, 100_000].map(measure);
  if (!small || !large) return;
  printSize(small);
  printSize(large);
  printTargets(small, large);
  console.log('\nKPI custom functions on 10,000-row ranges:');
  for (const { name, rows, ms: elapsed } of benchFunctions())
    console.log(`  ${name.padEnd(24)} ${rows} rows  ${elapsed.toFixed(1)} ms`);
}

main();
