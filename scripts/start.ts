/**
 * `npm start`: the add-on's build on export files instead of sheets, with no Google account. Reads the sample exports
 * in samples/ (or the files and folders named on the command line, from the folder the command is run in), runs the
 * same core as `buildKpiSummary()`, prints the KPI table by channel, the stock at risk and the Data Issues, and writes
 * what the KPI Summary and Data Issues sheets would hold to kpi-summary.csv and data-issues.csv.
 *
 * `npm start -- --help` lists the options. Exit codes: 0 done, 1 no readable export, 2 a command-line mistake; every
 * failure is one sentence on stderr, never a stack trace.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { type Cell, type CellGrid } from '../src/core/cell';
import { estimateAmazonFees } from '../src/core/costs/feeEstimate';
import { type Language, translate } from '../src/core/i18n';
import { buildInventory } from '../src/core/inventory/inventory';
import { settingsFromRows } from '../src/core/settings';
import {
  detectKnownReport,
  type PipelineResult,
  runPipeline,
  type SourceGrid,
} from '../src/core/summary/pipeline';
import { isoDateInZone } from '../src/core/time';
import { CliFailure, languageBeforeReading, parseCliArguments, userFolder } from './lib/cliArguments';
import { type InputFile, listFiles, PROGRESS_BYTES, readInputFile } from './lib/cliInputs';
import { say } from './lib/cliMessages';
import { channelsWithAdReports, formatTable, kpiTable } from './lib/kpiTable';
import { ExportDecodeError } from './lib/readExportFile';

const samplesFolder = resolve(__dirname, '..', 'samples');

function main(argv: readonly string[]): number {
  const folder = userFolder(process.env, process.cwd());
  let language = languageBeforeReading(argv, process.env);
  try {
    const options = parseCliArguments(argv, folder, language);
    if (options.help) {
      console.log(say(language, 'help'));
      return 0;
    }
    const named = {
      costsFile: options.costsFile,
      settingsFile: options.settingsFile,
      productsFile: options.productsFile,
    };
    const paths = options.paths.length > 0 ? options.paths : [samplesFolder];
    const explicit = [named.costsFile, named.settingsFile, named.productsFile].filter(
      (path): path is string => path !== null,
    );
    const files = [
      ...new Set([...listFiles(paths, folder, language), ...listFiles(explicit, folder, language)]),
    ];
    const inputs = files.map((file) =>
      readInputFile(file, folder, named, (shown, bytes) =>
        console.error(say(language, 'progress', { file: shown, megabytes: (bytes / 1048576).toFixed(0) })),
      ),
    );

    const table = (kind: InputFile['holds']): CellGrid | null =>
      inputs.find((input) => input.holds === kind)?.rows ?? null;
    const settingsRows = table('Settings');
    const { settings, problems } = settingsFromRows(settingsRows ?? []);
    language =
      options.language ?? (settings.language === 'zh' ? 'zh' : settings.language === 'en' ? 'en' : language);
    if (options.timeZone) settings.reportingTimeZone = options.timeZone;

    const exports = inputs.filter((input) => input.holds === 'export');
    if (exports.length === 0) throw noReadableExport(inputs, language);

    // --count-partial: what the sidebar's "Count it as …" does for one sheet, for every file of this run.
    const sources: SourceGrid[] = exports.map((input) => ({
      sheetName: input.sheetName,
      rows: input.rows,
      ...(options.countPartial ? { partialCounted: 'always' as const } : {}),
    }));
    // The build on 100,000 lines takes a second or two: said, so a large download does not look like a hang.
    const exportBytes = exports.reduce((sum, input) => sum + input.bytes, 0);
    if (exportBytes > PROGRESS_BYTES) {
      const rowCount = exports.reduce((sum, input) => sum + input.rows.length, 0);
      console.error(say(language, 'progress.build', { rows: rowCount }));
    }

    const started = performance.now();
    const result = runPipeline({
      sources,
      costsRows: table('Costs'),
      // No Products file: no "add a Products row" issue, which only a workbook's Products sheet can act on.
      productsRows: table('Products') ?? undefined,
      settings,
      // Files have no spreadsheet zone: their text is read as it would be in a workbook set to the reporting zone.
      spreadsheetTimeZone: settings.reportingTimeZone,
      detect: detectKnownReport,
      feeEstimator: estimateAmazonFees,
      language,
    });
    const elapsedMs = performance.now() - started;

    console.log(
      say(language, 'title', {
        zone: settings.reportingTimeZone,
        fx: settings.fxUsdCny ?? say(language, 'title.noRate'),
      }) + '\n',
    );
    printFiles(
      inputs,
      result,
      language,
      problems.map((problem) => translate(language, problem.message.key, problem.message.params)),
    );
    printKpis(result, language);
    printStockAtRisk(result, settings.reportingTimeZone, settings.fxUsdCny, language);
    printIssues(result, language);
    writeOutputs(result, options.outDir, folder, elapsedMs, language);
    return 0;
  } catch (error) {
    if (error instanceof CliFailure) {
      console.error(error.message);
      return error.exitCode;
    }
    // A file in no encoding we can read (or an .xlsx): its message says which and what to do.
    if (error instanceof ExportDecodeError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

/** Exit code 1 with the reason for each file: what the user gave and why none of it is an export. */
function noReadableExport(inputs: readonly InputFile[], language: Language): CliFailure {
  const reasons = inputs.map((input) => {
    switch (input.holds) {
      case 'empty':
        return say(language, 'fail.reason.empty', { file: input.shown });
      case 'unknown':
      case 'export':
        return say(language, 'fail.reason.unknown', { file: input.shown });
      default:
        return say(language, 'fail.reason.onlyTables', {
          file: input.shown,
          table: say(language, `table.${input.holds}`),
        });
    }
  });
  return new CliFailure(
    1,
    say(language, 'fail.noExport', {
      files: say(language, 'fail.files', { count: inputs.length }),
      reasons: reasons.join(language === 'zh' ? '；' : '; '),
    }),
  );
}

function printFiles(
  inputs: readonly InputFile[],
  result: PipelineResult,
  language: Language,
  settingsProblems: readonly string[],
): void {
  console.log(say(language, 'files.heading'));
  for (const input of inputs) {
    const file = input.shown;
    if (input.holds === 'Costs') {
      console.log(`  ${say(language, 'file.costs', { file, skus: result.costs.bySku.size })}`);
    } else if (input.holds === 'Products') {
      console.log(`  ${say(language, 'file.products', { file, skus: result.products.bySku.size })}`);
    } else if (input.holds === 'Settings') {
      console.log(`  ${say(language, 'file.settings', { file })}`);
      for (const problem of settingsProblems)
        console.log(`  ${say(language, 'file.settingsProblem', { problem })}`);
    } else if (input.holds === 'empty') {
      console.log(`  ${say(language, 'file.empty', { file })}`);
    } else {
      const source = result.sources.find((candidate) => candidate.sheet === input.sheetName);
      if (source?.partial && source.labelKey) {
        const report = translate(language, source.labelKey);
        console.log(`  ${say(language, 'file.partial', { file, report, ...source.partial })}`);
        continue;
      }
      if (!source || source.type === null) {
        console.log(`  ${say(language, 'file.unknown', { file })}`);
        continue;
      }
      // Rows with issues: listed one by one in Data Issues, or left out by a documented rule (another marketplace,
      // no price yet) and counted in one sheet-level issue. The rest went into the figures.
      const listed = new Set(
        result.issues
          .filter((issue) => issue.sheet === input.sheetName && issue.row > 0)
          .map((issue) => issue.row),
      );
      const withIssues = Math.min(source.rows, listed.size + source.rowsExcluded);
      const range = source.dateRange
        ? say(language, 'file.range', { from: source.dateRange.from, to: source.dateRange.to })
        : say(language, 'file.noDates');
      console.log(
        `  ${say(language, 'file.export', {
          file,
          report: source.labelKey ? translate(language, source.labelKey) : source.type,
          range,
          rows: source.rows,
          counted: source.rows - withIssues,
          withIssues,
        })}`,
      );
    }
  }
}

function printKpis(result: PipelineResult, language: Language): void {
  const rows = result.summary.rows;
  if (rows.length === 0) {
    console.log(`\n${say(language, 'kpi.none')}`);
    return;
  }
  const { header, lines } = kpiTable({
    rows,
    ordersByChannel: result.summary.ordersByChannel,
    adCovered: channelsWithAdReports(result.sources, result.facts),
    language,
  });
  console.log(
    `\n${say(language, 'kpi.heading', { from: rows[0]?.date ?? '', to: rows[rows.length - 1]?.date ?? '' })}`,
  );
  console.log(formatTable(header, lines));
  console.log(say(language, 'kpi.notes'));
}

/**
 * The SKUs to reorder (issue 11): the Inventory sheet's figures for the stock reports among the files, as of today in
 * the reporting zone, with the Products file's lead times when one is given.
 */
function printStockAtRisk(
  result: PipelineResult,
  zone: string,
  fxUsdCny: number | null,
  language: Language,
): void {
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
    `\n${say(language, 'stock.heading', { atRisk: atRisk.length, skus: inventory.current.length })}`,
  );
  if (atRisk.length === 0) {
    console.log(say(language, 'stock.none'));
    return;
  }
  const header = [
    say(language, 'kpi.channel'),
    say(language, 'stock.sku'),
    say(language, 'stock.status'),
    say(language, 'stock.available'),
    say(language, 'stock.inbound'),
    say(language, 'stock.orderBy'),
    say(language, 'stock.reorderQty'),
    say(language, 'stock.stockout'),
  ];
  const lines = atRisk.map((line) => [
    line.channel,
    line.sku,
    line.status.replace(/_/g, ' ').toUpperCase(),
    String(line.availableUnits),
    String(line.inboundUnits),
    line.orderByDate ?? '—',
    line.reorderQuantity === null ? '—' : String(line.reorderQuantity),
    line.stockoutDateWithInbound ?? '—',
  ]);
  console.log(formatTable(header, lines));
}

/** The Data Issues sheet's rows, grouped under the sheet they are about (the build's own ones last). */
function printIssues(result: PipelineResult, language: Language): void {
  const rows = result.issuesTable.rows;
  if (rows.length === 0) {
    console.log(`\n${say(language, 'issues.none')}`);
    return;
  }
  console.log(`\n${say(language, 'issues.heading', { count: rows.length })}`);
  const bySheet = new Map<string, (readonly Cell[])[]>();
  for (const row of rows) {
    const sheet = String(row[0] ?? '');
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), row]);
  }
  const sheets = [...bySheet.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0));
  for (const sheet of sheets) {
    const issues = bySheet.get(sheet) ?? [];
    console.log(
      say(language, 'issues.sheet', {
        sheet: sheet === '' ? say(language, 'issues.wholeBuild') : sheet,
        count: issues.length,
      }),
    );
    for (const [, rowNumber, key, reason] of issues) {
      const where =
        rowNumber === '' || rowNumber === 0
          ? ''
          : `${say(language, 'issues.row', { row: String(rowNumber) })}  `;
      const about = String(key ?? '') === sheet || String(key ?? '') === '' ? '' : `${String(key)}: `;
      console.log(`    ${where}${about}${String(reason ?? '')}`);
    }
  }
}

function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((row) => [...row]) });
}

function writeOutputs(
  result: PipelineResult,
  outDir: string,
  folder: string,
  elapsedMs: number,
  language: Language,
): void {
  const summaryPath = join(outDir, 'kpi-summary.csv');
  const issuesPath = join(outDir, 'data-issues.csv');
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(summaryPath, csvText(result.summaryTable.header, result.summaryTable.rows) + '\n');
    writeFileSync(issuesPath, csvText(result.issuesTable.header, result.issuesTable.rows) + '\n');
  } catch (error) {
    const detail =
      (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
    throw new CliFailure(1, say(language, 'fail.cannotWrite', { dir: outDir, detail }));
  }
  const shown = (path: string): string => {
    const inside = relative(folder, path);
    return inside !== '' && !inside.startsWith('..') ? inside : path;
  };
  console.log(
    '\n' +
      say(language, 'written', {
        summaryRows: result.summaryTable.rows.length,
        summaryPath: shown(summaryPath),
        issueRows: result.issuesTable.rows.length,
        issuesPath: shown(issuesPath),
        rows: result.rowsRead,
        ms: elapsedMs.toFixed(0),
      }),
  );
}

// A reader that stops early (`npm start | head`, `seller-kpi … | less` quit) closes the pipe: the rest of the table
// has nowhere to go, which is the user's choice, not a failure. Node reports it as an unhandled EPIPE 'error' event
// with a stack trace; end quietly instead, with the exit code the run had (a pipeline's status is the last command's).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = main(process.argv.slice(2));
