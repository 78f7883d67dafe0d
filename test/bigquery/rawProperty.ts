/**
 * What the raw-export properties of issue 15, item 4 share (raw*.property.test.ts): a generated export file is written
 * into a fresh folder with a copy of its lines in reverse order; the staging script (rawDuckDb.ts) runs once on the
 * file alone and once on the file beside a second download of it and the reordered copy; and the TypeScript readers
 * read the file alone for summarize(), the KPI Summary build. Each property file says only what is its own: the export
 * it generates, the files beside it, and which columns it compares; the comparisons stay in the property.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type Cell } from '../../src/core/cell';
import { type KpiInputs } from '../../src/bigquery/raw/kpiInputs';
import { type CostTable, costsFromRows, EMPTY_COST_TABLE } from '../../src/core/costs/costs';
import { estimateAmazonFees } from '../../src/core/costs/feeEstimate';
import { EMPTY_PRODUCTS } from '../../src/core/inventory/products';
import { type Channel, type Fact } from '../../src/core/model';
import { type ReportType, readSource } from '../../src/core/reports';
import { type Coverage, summarize } from '../../src/core/summary/summarize';
import { summaryTable } from '../../src/core/summary/table';
import {
  type KpiRow,
  type LocalExportFile,
  NO_KPI_INPUTS,
  runStaging,
  type StagingResult,
} from './rawDuckDb';

/** The reporting time zone of every property: Los Angeles, where a day's midnight is not UTC's. */
/**
 * After this long a DuckDB property starts no new run (fast-check `interruptAfterTimeLimit`), inside Jest's 120 s
 * per test. Alone each property takes 20–35 s, but on a busy 2-core machine one took over 120 s, and a real failure's
 * shrinking can outlast Jest's limit too, which then reports a timeout with no counterexample. A run interrupted
 * before any failure passes with the runs it made; a failure is reported with its counterexample as far as it was
 * shrunk (checked with a failing property whose shrinking the limit cut short).
 */
export const PROPERTY_TIME_LIMIT_MS = 90_000;

export const ZONE = 'America/Los_Angeles';

const SAMPLES = join(__dirname, '..', '..', 'samples');

/** The two sample All Orders days the Amazon payments reports' fees fall on (Date Range, Settlement V2). */
export const AMAZON_SAMPLE_ORDERS: readonly LocalExportFile[] = [
  { fileId: 'orders-03-03', path: join(SAMPLES, 'amazon-all-orders-2026-03-03.txt') },
  { fileId: 'orders-03-04', path: join(SAMPLES, 'amazon-all-orders-2026-03-04.txt') },
];

/** Landed costs of the Amazon samples' SKUs, with the category and size the FBA fee estimate reads. */
export const AMAZON_SAMPLE_COSTS: CostTable = costsFromRows(
  [
    ['sku', 'unit_cost', 'currency', 'category', 'weight_lb', 'length_in', 'width_in', 'height_in'],
    ['MUG-01', 4.2, 'USD', 'Home & Kitchen', 0.9, 6, 4, 4],
    ['LAMP-3', 12, 'USD', 'Electronics Accessories', 3, 14, 8, 6],
    ['00501', 3, 'USD', 'Toys & Games', 0.3, 5, 3, 0.5],
  ],
  'Costs',
  ZONE,
).table;

/** One generated export file. */
export interface GeneratedExport {
  /** Its Drive file id; the copies are `<fileId>-again` (the same file) and `<fileId>-reordered`. */
  fileId: string;
  /** Its name in the run's folder (the loader recognises an export by its header, never by its name). */
  fileName: string;
  /** Its lines as generated. */
  lines: readonly string[];
  /** The whole file for an order of its lines (header, preamble …). */
  text: (lines: readonly string[]) => string;
}

export interface StagingRuns {
  /** The exports alone (beside the context files). */
  alone: StagingResult;
  /** Each export beside a second download of it and, unless left out, a copy with its lines in reverse order. */
  withCopies: StagingResult;
  /** The files of the run alone, context first: what the TypeScript readers read. */
  files: LocalExportFile[];
}

/**
 * Runs the property's body in a fresh temporary folder, removed afterwards however the property ends (the folder
 * holds every run's files: each run overwrites them).
 */
export async function inTemporaryFolder(
  prefix: string,
  body: (folder: string) => Promise<void>,
): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  try {
    await body(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Writes the exports into `folder` and stages them alone and beside their copies (the copies of each export follow
 * it, as a folder lists a second download beside the first).
 */
export async function stageAloneAndWithCopies(
  folder: string,
  exports: readonly GeneratedExport[],
  options: {
    /** Files staged beside the exports in both runs (the orders a payments report's fees fall on). */
    context?: readonly LocalExportFile[];
    kpiInputs?: KpiInputs;
    /** Whether the copies include one with the lines in reverse order (default true). */
    reordered?: boolean;
  } = {},
): Promise<StagingRuns> {
  const context = options.context ?? [];
  const files: LocalExportFile[] = [...context];
  const copies: LocalExportFile[] = [...context];
  for (const generated of exports) {
    const path = join(folder, generated.fileName);
    writeFileSync(path, generated.text(generated.lines));
    files.push({ fileId: generated.fileId, path });
    copies.push({ fileId: generated.fileId, path }, { fileId: `${generated.fileId}-again`, path });
    if (options.reordered ?? true) {
      const reordered = join(folder, generated.fileName.replace(/(\.[a-z]+)?$/, '-reordered$1'));
      writeFileSync(reordered, generated.text([...generated.lines].reverse()));
      copies.push({ fileId: `${generated.fileId}-reordered`, path: reordered });
    }
  }
  const kpiInputs = options.kpiInputs ?? NO_KPI_INPUTS;
  return {
    alone: await runStaging(files, ZONE, kpiInputs),
    withCopies: await runStaging(copies, ZONE, kpiInputs),
    files,
  };
}

/**
 * The facts the TypeScript readers read from the files (each file's id standing for its sheet name), and the payments
 * coverage runPipeline gives `payments` (pipeline.ts): the period the report states (a settlement's), else its first
 * to last posted day.
 */
export function readFacts(
  files: readonly LocalExportFile[],
  payments?: { report: ReportType; channel: Channel },
): { facts: Fact[]; paymentsCoverage: Coverage[] } {
  const paymentsCoverage: Coverage[] = [];
  const facts = files.flatMap((file) => {
    const read = readSource(readExportFile(file.path), {
      sheetName: file.fileId,
      reportingTimeZone: ZONE,
      spreadsheetTimeZone: ZONE,
      period: null,
    });
    if (!read) throw new Error(`${file.path} was not recognised`);
    if (payments && read.detection.type === payments.report) {
      const stated = read.result.statedCoverage.map((period) => ({ channel: payments.channel, ...period }));
      if (stated.length > 0) paymentsCoverage.push(...stated);
      else if (read.result.dateRange)
        paymentsCoverage.push({ channel: payments.channel, ...read.result.dateRange });
    }
    return read.result.facts;
  });
  return { facts, paymentsCoverage };
}

/** The KPI columns a payments property compares, by their raw_kpi_summary names. */
export type PaymentsColumn =
  'units' | 'fees' | 'fees_estimated' | 'refunds' | 'reimbursements' | 'gross_profit';

/** Every payments column, for a report that has reimbursements. */
export const PAYMENTS_COLUMNS: readonly PaymentsColumn[] = [
  'units',
  'fees',
  'fees_estimated',
  'refunds',
  'reimbursements',
  'gross_profit',
];

/** A payments report of one channel, the files its fees fall on and the costs its profit is computed with. */
export interface PaymentsExport {
  report: ReportType;
  channel: Channel;
  /** The channel's sample orders, staged and read beside the report. */
  orders: readonly LocalExportFile[];
  costs: CostTable;
  columns: readonly PaymentsColumn[];
}

/** The rows of a payments property, one text per date × SKU of the channel, as the SQL and the build give them. */
export interface PaymentsRows {
  alone: string[];
  withCopies: string[];
  build: string[];
}

/**
 * A KPI Summary cell in the text the SQL's row gives: blank (unknown) as NULL, fees_estimated as 1/0, money and units
 * to the cent. The cells are summaryTable's, the values the sheet holds (rounded to the cent: an unrounded fee share
 * of −0.003 printed "-0.00" where the sheet and the SQL hold 0.00).
 */
function summaryCellText(column: PaymentsColumn, cell: Cell | undefined): string {
  if (cell === '' || cell === undefined) return 'NULL';
  return column === 'fees_estimated' ? String(cell) : Number(cell).toFixed(2);
}

/**
 * A payments report staged alone and beside its copies, and the KPI Summary build of the same report: the channel's
 * rows of each, the columns of `payments` to the cent (fees_estimated as 0/1).
 */
export async function paymentsRows(
  folder: string,
  generated: GeneratedExport,
  payments: PaymentsExport,
): Promise<PaymentsRows> {
  const runs = await stageAloneAndWithCopies(folder, [generated], {
    context: payments.orders,
    kpiInputs: { costs: payments.costs, fxUsdCny: null, products: EMPTY_PRODUCTS },
  });
  const sqlRows = (rows: readonly KpiRow[]): string[] =>
    rows
      .filter((row) => row['channel'] === payments.channel)
      .map((row) =>
        [
          row['date'],
          row['sku'],
          ...payments.columns.map((column) =>
            row[column] === null ? 'NULL' : Number(row[column]).toFixed(column.startsWith('fees_') ? 0 : 2),
          ),
        ].join(' '),
      )
      .sort();
  const { facts, paymentsCoverage } = readFacts(runs.files, payments);
  const summary = summarize(facts, {
    costs: payments.costs,
    fxUsdCny: null,
    feeEstimator: estimateAmazonFees,
    paymentsCoverage,
  }).rows;
  const table = summaryTable(summary, null);
  const at = (name: string): number => table.header.indexOf(name);
  return {
    alone: sqlRows(runs.alone.kpiRows),
    withCopies: sqlRows(runs.withCopies.kpiRows),
    build: table.rows
      .filter((row) => row[at('channel')] === payments.channel)
      .map((row) =>
        [
          row[at('date')],
          row[at('sku')],
          ...payments.columns.map((column) => summaryCellText(column, row[at(column)])),
        ].join(' '),
      )
      .sort(),
  };
}

/** The ad columns an ads property compares, per date × SKU, to the cent. */
const AD_COLUMNS = ['ad_spend', 'ad_sales', 'ad_clicks', 'ad_impressions'] as const;

/**
 * Ad reports staged alone and beside their copies, and the KPI Summary build of the same reports (no costs): the ad
 * columns of every row.
 */
export async function adRows(
  folder: string,
  reports: readonly GeneratedExport[],
): Promise<{ alone: string[]; withCopies: string[]; build: string[] }> {
  const runs = await stageAloneAndWithCopies(folder, reports);
  const sqlRows = (rows: readonly KpiRow[]): string[] =>
    rows
      .map((row) =>
        [row['date'], row['sku'], ...AD_COLUMNS.map((column) => Number(row[column]).toFixed(2))].join(' '),
      )
      .sort();
  const summary = summarize(readFacts(runs.files).facts, { costs: EMPTY_COST_TABLE, fxUsdCny: null }).rows;
  return {
    alone: sqlRows(runs.alone.kpiRows),
    withCopies: sqlRows(runs.withCopies.kpiRows),
    build: summary
      .map((row) =>
        [row.date, row.sku, row.adSpend, row.adSales, row.adClicks, row.adImpressions]
          .map((value) => (typeof value === 'number' ? value.toFixed(2) : value))
          .join(' '),
      )
      .sort(),
  };
}
