/**
 * `npm start`: the add-on's build on export files instead of sheets, with no Google account. Reads the sample exports
 * in samples/ (or the files and folders named on the command line), runs the same core as `buildKpiSummary()`,
 * prints the KPI table by channel and the Data Issues, and writes what the KPI Summary and Data Issues sheets would
 * hold to out/kpi-summary.csv and out/data-issues.csv.
 *
 * A file named Costs.csv is read as the Costs sheet and Settings.csv as the Settings sheet, as in a workbook.
 *   npm start                         the samples
 *   npm start -- ~/Downloads/*.txt    your own exports (add Costs.csv / Settings.csv for profit and FX)
 *   npm start -- --lang zh samples    Data Issues in Chinese
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { type Cell, type CellGrid } from '../src/core/cell';
import { estimateAmazonFees } from '../src/core/costs/feeEstimate';
import { type Language, translate } from '../src/core/i18n';
import { CHANNELS, type Channel } from '../src/core/model';
import { settingsFromRows } from '../src/core/settings';
import { roundCents } from '../src/core/parse';
import { OWNED_SHEETS } from '../src/core/sheetNames';
import { detectKnownReport, runPipeline, type SourceGrid } from '../src/core/summary/pipeline';
import { type SummaryRow } from '../src/core/summary/types';
import { ExportDecodeError, readExportFile } from './lib/readExportFile';
import { buildInventory } from '../src/core/inventory/inventory';
import { type PipelineResult } from '../src/core/summary/pipeline';
import { isoDateInZone } from '../src/core/time';

const root = resolve(__dirname, '..');

interface Arguments {
  paths: string[];
  language: Language | null;
}

function parseArguments(argv: readonly string[]): Arguments {
  const paths: string[] = [];
  let language: Language | null = null;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--lang') {
      const value = argv[++index];
      if (value !== 'en' && value !== 'zh') throw new Error('--lang takes en or zh');
      language = value;
    } else {
      paths.push(argument);
    }
  }
  return { paths: paths.length > 0 ? paths : [join(root, 'samples')], language };
}

/** Export files under the given paths: folders are read one level deep, in name order (the order sheets would have). */
function exportFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    if (statSync(absolute).isDirectory()) {
      for (const name of readdirSync(absolute).sort()) {
        const file = join(absolute, name);
        if (statSync(file).isFile() && /\.(csv|txt|tsv)$/i.test(name)) files.push(file);
      }
    } else {
      files.push(absolute);
    }
  }
  return files;
}

function sheetNameOf(file: string): string {
  return basename(file, extname(file));
}

const usd = (amount: number): string =>
  amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (numerator: number, denominator: number): string =>
  denominator === 0 ? '—' : `${((numerator / denominator) * 100).toFixed(1)}%`;

interface ChannelTotals {
  revenue: number;
  units: number;
  orders: number;
  adSpend: number;
  adSales: number;
  returnedUnits: number;
  grossProfit: number;
  /** Gross profit − ad spend over the rows whose gross profit is known (SPEC §2b). */
  netProfit: number;
  /** Known fees and refunds (payments reports or estimates), positive = money out. */
  fees: number;
  refunds: number;
  /** Revenue of the rows whose gross profit is known: the margin's denominator. */
  revenueWithProfit: number;
  rowsWithUnits: number;
  rowsWithoutProfit: number;
}

function totalsByChannel(rows: readonly SummaryRow[]): Map<Channel | 'total', ChannelTotals> {
  const totals = new Map<Channel | 'total', ChannelTotals>();
  const blank = (): ChannelTotals => ({
    revenue: 0,
    units: 0,
    orders: 0,
    adSpend: 0,
    adSales: 0,
    returnedUnits: 0,
    grossProfit: 0,
    netProfit: 0,
    fees: 0,
    refunds: 0,
    revenueWithProfit: 0,
    rowsWithUnits: 0,
    rowsWithoutProfit: 0,
  });
  for (const row of rows) {
    for (const key of [row.channel, 'total'] as const) {
      const total = totals.get(key) ?? blank();
      total.revenue += row.revenue;
      total.units += row.units;
      total.orders += row.orders;
      total.adSpend += row.adSpend;
      total.adSales += row.adSales;
      total.returnedUnits += row.returnedUnits;
      total.fees += row.fees ?? 0;
      total.refunds += row.refunds ?? 0;
      if (row.grossProfit === null) total.rowsWithoutProfit++;
      else {
        total.grossProfit += row.grossProfit;
        total.netProfit += row.grossProfit - row.adSpend;
        total.revenueWithProfit += row.revenue;
      }
      if (row.units !== 0) total.rowsWithUnits++;
      totals.set(key, total);
    }
  }
  return totals;
}

function printTable(header: readonly string[], lines: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

const KPI_TABLE_HEADER = [
  'channel',
  'revenue',
  'units',
  'orders',
  'ad spend',
  'ACoS',
  'TACoS',
  'returns',
  'fees',
  'refunds',
  'gross profit',
  'margin',
  'net profit',
] as const;

function printKpiTable(lines: readonly (readonly string[])[]): void {
  printTable(KPI_TABLE_HEADER, lines);
  console.log(
    '  gross profit = revenue − refunds − marketplace fees − landed cost (unit cost + first leg + duty) +\n' +
      '  reimbursements, before ads; net profit = gross profit − ad spend (SPEC §2b).\n' +
      '  * = only over the rows whose cost and fees are known (see Data Issues); — = not known at all.',
  );
}

/**
 * The SKUs to reorder (issue 11): the Inventory sheet's figures for the stock reports among the files, as of today in
 * the reporting zone, with the Products file's lead times when one is given.
 */
function printStockAtRisk(result: PipelineResult, zone: string, fxUsdCny: number | null): void {
  const inventory = buildInventory({
    facts: result.facts,
    summaryRows: result.summary.rows,
    products: result.products,
    costs: result.costs,
    fxUsdCny,
    buildDay: isoDateInZone(Date.now(), zone),
  });
  if (inventory.current.length === 0) return;
  const atRisk = inventory.current.filter((line) =>
    ['out_of_stock', 'reorder_now', 'reorder_soon'].includes(line.status),
  );
  console.log(
    `\nStock at risk (${atRisk.length} of ${inventory.current.length} SKUs with stock; all in the Inventory sheet):`,
  );
  if (atRisk.length === 0) {
    console.log('  none');
    return;
  }
  printTable(
    ['channel', 'sku', 'status', 'available', 'inbound', 'order by', 'reorder qty', 'stockout'],
    atRisk.map((line) => [
      line.channel,
      line.sku,
      line.status.replace(/_/g, ' ').toUpperCase(),
      String(line.availableUnits),
      String(line.inboundUnits),
      line.orderByDate ?? '—',
      line.reorderQuantity === null ? '—' : String(line.reorderQuantity),
      line.stockoutDateWithInbound ?? '—',
    ]),
  );
}

function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return Papa.unparse({
    fields: [...header],
    data: rows.map((row) => row.map((cell) => (cell === '' ? '' : cell))),
  });
}

function main(): void {
  const args = parseArguments(process.argv.slice(2));
  const files = exportFiles(args.paths);
  let costsRows: CellGrid | null = null;
  let settingsRows: CellGrid | null = null;
  let productsRows: CellGrid | null = null;
  const sources: SourceGrid[] = [];
  for (const file of files) {
    const sheetName = sheetNameOf(file);
    let rows: CellGrid;
    try {
      rows = readExportFile(file);
    } catch (error) {
      // A file in no encoding we can read (or an .xlsx): say which and what to do, not a stack trace.
      if (!(error instanceof ExportDecodeError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    if (sheetName.toLowerCase() === OWNED_SHEETS.costs.toLowerCase()) costsRows = rows;
    else if (sheetName.toLowerCase() === OWNED_SHEETS.settings.toLowerCase()) settingsRows = rows;
    // A Products file gives the SKUs' category and owner columns (SPEC §3a), as the Products sheet does.
    else if (sheetName.toLowerCase() === OWNED_SHEETS.products.toLowerCase()) productsRows = rows;
    else sources.push({ sheetName, rows });
  }
  const { settings, problems } = settingsFromRows(settingsRows ?? []);
  const language: Language = args.language ?? (settings.language === 'zh' ? 'zh' : 'en');

  const started = performance.now();
  const result = runPipeline({
    sources,
    costsRows,
    productsRows,
    settings,
    // Files have no spreadsheet zone: their text is read as it would be in a workbook set to the reporting zone.
    spreadsheetTimeZone: settings.reportingTimeZone,
    detect: detectKnownReport,
    feeEstimator: estimateAmazonFees,
    language,
  });
  const elapsedMs = performance.now() - started;

  console.log(
    `Seller KPI — npm start (reporting time zone ${settings.reportingTimeZone}, FX USD→CNY ${settings.fxUsdCny ?? 'not set'})\n`,
  );
  console.log('Files read:');
  for (const file of files) {
    const sheetName = sheetNameOf(file);
    const source = result.sources.find((candidate) => candidate.sheet === sheetName);
    const where = relative(process.cwd(), file) || file;
    if (sheetName.toLowerCase() === OWNED_SHEETS.costs.toLowerCase()) {
      console.log(`  ${where}: the Costs sheet (SKUs with costs: ${result.costs.bySku.size})`);
    } else if (sheetName.toLowerCase() === OWNED_SHEETS.products.toLowerCase()) {
      console.log(`  ${where}: the Products sheet (SKUs listed: ${result.products.bySku.size})`);
    } else if (sheetName.toLowerCase() === OWNED_SHEETS.settings.toLowerCase()) {
      console.log(
        `  ${where}: the Settings sheet${problems.length ? ` — problems: ${problems.join('; ')}` : ''}`,
      );
    } else if (!source || source.type === null) {
      console.log(
        `  ${where}: NOT a known export — skipped (no header row of a known report in its first 15 rows)`,
      );
    } else {
      const label = source.labelKey ? translate('en', source.labelKey) : source.type;
      const range = source.dateRange ? `${source.dateRange.from} … ${source.dateRange.to}` : 'no dates';
      // Issues, not rows left out: one issue can stand for a whole sheet or many rows (Non-Amazon lines).
      console.log(
        `  ${where}: ${label} [${source.type}, confidence ${(source.confidence * 100).toFixed(0)}%] — ` +
          `data rows: ${source.rows}, facts: ${source.facts}, Data Issues: ${source.issues}, ${range}`,
      );
    }
  }

  const rows = result.summary.rows;
  const totals = totalsByChannel(rows);
  const lines: string[][] = [];
  for (const key of [...CHANNELS, 'total'] as const) {
    const total = totals.get(key);
    if (!total) continue;
    const profitKnown = total.rowsWithoutProfit === 0;
    const someProfit = total.revenueWithProfit !== 0 || total.rowsWithoutProfit < total.rowsWithUnits;
    lines.push([
      key,
      usd(roundCents(total.revenue)),
      String(total.units),
      String(total.orders),
      usd(roundCents(total.adSpend)),
      percent(total.adSpend, total.adSales),
      percent(total.adSpend, total.revenue),
      String(total.returnedUnits),
      usd(roundCents(total.fees)),
      usd(roundCents(total.refunds)),
      someProfit ? `${usd(roundCents(total.grossProfit))}${profitKnown ? '' : '*'}` : '—',
      someProfit ? `${percent(total.grossProfit, total.revenueWithProfit)}${profitKnown ? '' : '*'}` : '—',
      someProfit ? `${usd(roundCents(total.netProfit))}${profitKnown ? '' : '*'}` : '—',
    ]);
  }
  if (rows.length === 0) {
    console.log('\nKPI by channel: no dated sales, ads, returns or fees in these files.');
  } else {
    console.log(`\nKPI by channel, ${rows[0]?.date ?? ''} … ${rows[rows.length - 1]?.date ?? ''} (USD):`);
    printKpiTable(lines);
  }
  printStockAtRisk(result, settings.reportingTimeZone, settings.fxUsdCny);

  console.log(`\nData Issues (${result.issues.length}):`);
  for (const row of result.issuesTable.rows) {
    const [sheet, rowNumber, key, reason] = row;
    console.log(
      `  ${String(sheet) || '—'}${rowNumber === '' ? '' : ` row ${String(rowNumber)}`}  ${String(key)}: ${String(reason)}`,
    );
  }

  const outDir = join(root, 'out');
  mkdirSync(outDir, { recursive: true });
  const summaryPath = join(outDir, 'kpi-summary.csv');
  const issuesPath = join(outDir, 'data-issues.csv');
  writeFileSync(summaryPath, csvText(result.summaryTable.header, result.summaryTable.rows) + '\n');
  writeFileSync(issuesPath, csvText(result.issuesTable.header, result.issuesTable.rows) + '\n');
  console.log(
    `\nKPI Summary rows: ${result.summaryTable.rows.length} → ${relative(process.cwd(), summaryPath)}\n` +
      `Data Issues: ${result.issuesTable.rows.length} → ${relative(process.cwd(), issuesPath)}\n` +
      `Source rows read: ${result.rowsRead}, in ${elapsedMs.toFixed(0)} ms.`,
  );
}

main();
