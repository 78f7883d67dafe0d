/**
 * `buildKpiSummary()`: the menu action and the pipeline a scheduled trigger calls (SPEC §3–4). It reads top to bottom
 * (SPEC §2a "All or nothing", STYLE "The build reads top to bottom"):
 * 1. take the workbook's build lock (src/gas/buildLock.ts);
 * 2. read the workbook once into a snapshot: Settings, mappings, Costs, Targets in one getValues each, and of every
 *    source sheet its top rows, then only the columns its report reads (readSource);
 * 3. compute every output from the snapshot in the pure core, and check each table in full;
 * 4. only then write: KPI Summary, Data Issues, the registered outputs (KPI Dashboard), the Costs template.
 * A failure before step 4, or a run that would pass its deadline, leaves every owned sheet exactly as it was, and the
 * user is told what failed and where in their language. New outputs (inventory, review) are one more BuildOutput.
 */
import { type CellGrid } from '../core/cell';
import { estimateAmazonFees } from '../core/costs/feeEstimate';
import { COSTS_TEMPLATE_HEADER } from '../core/costs/costs';
import { type Language, translate } from '../core/i18n';
import { type DataIssue } from '../core/model';
import { HEADER_SEARCH_ROWS } from '../core/reports';
import { columnsToRead } from '../core/reports/columns';
import { type ParseContext } from '../core/reports/types';
import { clearReadingPosition, readingPosition, readingSheet } from '../core/parse/position';
import { lastSummaryDay, rowsWithoutProfit } from '../core/history/history';
import { type IsoDate } from '../core/model';
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings } from '../core/settings';
import { isOwnedSheet, OWNED_SHEETS, type OwnedSheetName } from '../core/sheetNames';
import {
  type DetectedReport,
  detectKnownReport,
  type PipelineResult,
  runPipeline,
  type SourceGrid,
  type SourceSummary,
} from '../core/summary/pipeline';
import { type FrozenHistory } from '../core/history/history';
import { summaryTable } from '../core/summary/table';
import { type SummaryRow } from '../core/summary/types';
import { historyForBuild, historyWrites, keepHistoryPlan } from './historySheet';
import { acquireBuildLock } from '../gas/buildLock';
import { noteWorkbookBuilt } from '../gas/changeWatch';
import { type BuildMappings, mappingsForBuild } from '../gas/mappingStore';
import { readSettings, settingsLanguage, settingsSheet, userLanguage } from '../gas/settings';
import {
  checkTable,
  findOwnedSheet,
  type OutputTable,
  OutputCheckError,
  readColumnsBelow,
  readSheetTop,
  readSheetValues,
  writeTable,
} from '../gas/sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Apps Script stops a run at 6 minutes (quotas page, PLATFORM §2). The default leaves 45 s for the writes, which
 * are the slow part of a large build.
 */
export const DEFAULT_BUILD_DEADLINE_MS = 315_000;
/** How long to wait for another build's lock before telling the user (LockService.tryLock). */
const LOCK_WAIT_MS = 5_000;

/** Everything a build reads, read once under the lock before anything is computed. */
export interface WorkbookSnapshot {
  settings: Settings;
  language: Language;
  /** Problems found while reading (unreadable Settings values, mappings out of reach): listed first in Data Issues. */
  setupIssues: DataIssue[];
  spreadsheetTimeZone: string;
  sources: SourceGrid[];
  /** Cells of the Costs sheet, or null when the workbook has none yet (the build then creates the template). */
  costsRows: CellGrid | null;
  /** Cells of the Targets sheet, or null when there is none. */
  targetsRows: CellGrid | null;
  /** Cells of the Products sheet (SPEC §3a), or null when there is none yet (the inventory output creates it). */
  productsRows: CellGrid | null;
  /** Cells of the KPI Review sheet (SPEC §4a), whose action, owner and due cells the rebuild keeps; null when none. */
  reviewRows: CellGrid | null;
  /** Cells of the KPI History sheet (issue 17: the frozen days), or null when nothing was ever frozen. */
  historyRows: CellGrid | null;
}

/** What an output is computed from: the snapshot, the KPI Summary computed from it, and the facts it was made of. */
export interface OutputContext {
  snapshot: WorkbookSnapshot;
  rows: readonly SummaryRow[];
  issues: readonly DataIssue[];
  pipeline: PipelineResult;
}

/** The write of one computed and checked output, run in the write phase. */
export type OutputWrite = (spreadsheet: Spreadsheet) => void;

/**
 * An owned sheet the build rewrites besides KPI Summary and Data Issues (the KPI Dashboard registers itself). Its
 * compute runs before any write and must be pure apart from the write it returns; that write must not fail on our
 * data, so compute checks what it will write. Null: nothing to write this time.
 */
export interface BuildOutput {
  sheet: OwnedSheetName;
  compute(context: OutputContext): OutputWrite | null;
}

export interface BuildOptions {
  /** Milliseconds from the start after which nothing is written; default DEFAULT_BUILD_DEADLINE_MS. */
  deadlineMs?: number;
  /** Clock, injectable for tests; default Date.now. */
  now?: () => number;
  /** Outputs computed and written after the registered ones (tests inject one here). */
  outputs?: readonly BuildOutput[];
  /**
   * "Keep history up to …" (issue 17): freeze the KPI Summary through this day (an earlier day than now unfreezes
   * the days after it; null keeps no history), writing KPI History and Settings `frozen_through` with the outputs.
   * Absent: the history stays as it is.
   */
  keepHistoryThrough?: IsoDate | null;
}

export type BuildStatus = 'built' | 'locked' | 'deadline' | 'noSources' | 'failed';

/** Why a build stopped unexpectedly, and where. */
export interface BuildFailure {
  /**
   * read: reading the workbook; parse: the core reading a source or the Costs sheet (sheet and row from
   * src/core/parse/position.ts); compute: computing an output (sheet) or the summary (null); check: a cell of an output
   * Sheets would refuse; write: a write itself failed, after the sheets in `written` were rewritten.
   */
  phase: 'read' | 'parse' | 'compute' | 'check' | 'write';
  /** The sheet being read, computed or written; null when not known. */
  sheet: string | null;
  /** 1-based row of that sheet; null when not known. */
  row: number | null;
  /** The error's own words (from the platform or the code, in English). */
  detail: string;
  written: OwnedSheetName[];
}

export interface BuildResult {
  status: BuildStatus;
  rowsRead: number;
  /** KPI Summary data rows written (0 when nothing was written). */
  rowsWritten: number;
  /** Data Issues found (written when status is 'built'). */
  issues: number;
  durationMs: number;
  sources: SourceSummary[];
  costsTemplateCreated: boolean;
  language: Language;
  /** The rows written, for callers that show or chart them; empty when nothing was written. */
  summaryRows: SummaryRow[];
  /** Set when status is 'failed'. */
  failure?: BuildFailure;
  /** Set by a "Keep history up to …" run that wrote: the day kept through and the KPI Summary rows kept. */
  history?: { through: IsoDate | null; rows: number; rowsWithoutProfit: number };
}

/** Outputs other features register at load time, computed and written by every build (menu or trigger). */
const registeredOutputs: BuildOutput[] = [];
export function registerOutput(output: BuildOutput): void {
  if (!registeredOutputs.includes(output)) registeredOutputs.push(output);
}

/**
 * Work after every sheet is written, still under the build lock (the BigQuery load registers one, src/bigquery/run.ts):
 * given what was written and when the run started, so it can keep within the execution's 6 minutes. It must not throw:
 * the workbook is already built, and what it does records its own outcome.
 */
export type AfterWriteStep = (
  spreadsheet: Spreadsheet,
  build: { snapshot: WorkbookSnapshot; pipeline: PipelineResult; startedAt: number; now: () => number },
) => void;
const afterWriteSteps: AfterWriteStep[] = [];
export function registerAfterWrite(step: AfterWriteStep): void {
  if (!afterWriteSteps.includes(step)) afterWriteSteps.push(step);
}

/** A build that stops: carried from the phase that failed to runBuild's result. */
class BuildStopped extends Error {
  constructor(readonly failure: BuildFailure) {
    super(failure.detail);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The saved sidebar mappings, or none with a Data Issue saying so when document properties cannot be reached (a
 * scheduled run without a document context): the known exports are still built rather than the whole run failing.
 */
function readBuildMappings(spreadsheet: Spreadsheet, issues: DataIssue[]): BuildMappings {
  try {
    return mappingsForBuild(spreadsheet);
  } catch {
    issues.push({ sheet: '', row: 0, key: '', reason: { key: 'issue.mappingsUnavailable' } });
    return { sources: [], periods: new Map(), confirmations: new Map() };
  }
}

/**
 * A source sheet as the build needs it (issue 17): its top rows in full, where detection finds the header; then, for
 * a known export or a mapped sheet, only the columns its parse reads (src/core/reports/columns.ts), one call per
 * run (contiguous, or joined over a narrow gap: columnRuns); an unrecognised sheet is not read further (its Data
 * Issue needs only its row count).
 */
function readSource(
  source: GoogleAppsScript.Spreadsheet.Sheet,
  mapping: DetectedReport | null,
  context: ParseContext,
): Pick<SourceGrid, 'rows' | 'columnsRead' | 'sheetRows'> {
  const headerRows = Math.max(HEADER_SEARCH_ROWS, (mapping?.detection.headerRowIndex ?? 0) + 1);
  const top = readSheetTop(source, headerRows);
  const found = mapping ?? detectKnownReport(top.rows, context.sheetName);
  if (!found) return { rows: top.rows, sheetRows: top.lastRow };
  const columns = columnsToRead(found.definition, found.detection, top.rows, context);
  const rows = readColumnsBelow(source, top, columns);
  return columns === null ? { rows } : { rows, columnsRead: new Set(columns) };
}

/**
 * Phase 2: the workbook read once. Every sheet the add-on does not own is a source; the owned sheets the outputs need
 * (Settings, Costs, Targets) are read here too, so nothing is read after computing starts.
 */
function readWorkbook(spreadsheet: Spreadsheet): WorkbookSnapshot {
  let sheet: string | null = OWNED_SHEETS.settings;
  try {
    const { settings, problems } = readSettings(spreadsheet);
    const setupIssues: DataIssue[] = problems.map((problem) => ({
      sheet: OWNED_SHEETS.settings,
      row: 0,
      key: problem.setting,
      reason: problem.message,
    }));
    sheet = null;
    const mappings = readBuildMappings(spreadsheet, setupIssues);
    const mapped = new Map(mappings.sources.map((source) => [source.sheetName, source]));
    const sources: SourceGrid[] = [];
    const spreadsheetTimeZone = spreadsheet.getSpreadsheetTimeZone();
    for (const source of spreadsheet.getSheets()) {
      const name = source.getName();
      if (isOwnedSheet(name)) continue;
      sheet = name;
      const mapping = mapped.get(name);
      const period = mapping?.period ?? mappings.periods.get(name) ?? null;
      const context = {
        sheetName: name,
        reportingTimeZone: settings.reportingTimeZone,
        spreadsheetTimeZone,
        period,
      };
      sources.push({
        sheetName: name,
        ...readSource(source, mapping ?? null, context),
        mapped: mapping
          ? { definition: mapping.definition, detection: mapping.detection, period: mapping.period }
          : undefined,
        period: mappings.periods.get(name) ?? null,
        partialCounted: mappings.confirmations.get(name),
      });
    }
    const ownedRows = (name: OwnedSheetName): CellGrid | null => {
      sheet = name;
      const owned = findOwnedSheet(spreadsheet, name);
      return owned ? readSheetValues(owned) : null;
    };
    const costsRows = ownedRows(OWNED_SHEETS.costs);
    const targetsRows = ownedRows(OWNED_SHEETS.targets);
    const productsRows = ownedRows(OWNED_SHEETS.products);
    const reviewRows = ownedRows(OWNED_SHEETS.review);
    const historyRows = ownedRows(OWNED_SHEETS.history);
    sheet = null;
    return {
      settings,
      language: settingsLanguage(settings),
      setupIssues,
      spreadsheetTimeZone,
      sources,
      costsRows,
      targetsRows,
      productsRows,
      reviewRows,
      historyRows,
    };
  } catch (error) {
    throw new BuildStopped({ phase: 'read', sheet, row: null, detail: errorText(error), written: [] });
  }
}

/**
 * A report's parse, run as the reading of its sheet, so that an unexpected throw inside it is reported with the sheet
 * and the row being read (src/core/parse/position.ts).
 */
function locatedReport(found: DetectedReport): DetectedReport {
  const { definition } = found;
  return {
    ...found,
    definition: {
      ...definition,
      parse: (rows, detection, context) =>
        readingSheet(context.sheetName, () => definition.parse(rows, detection, context)),
    },
  };
}

interface ComputedBuild {
  pipeline: PipelineResult;
  writes: { sheet: OwnedSheetName; write: OutputWrite }[];
  costsTemplateCreated: boolean;
  history?: BuildResult['history'];
}

/** A table checked now and written in the write phase. */
function tableWrite(name: OwnedSheetName, table: OutputTable): { sheet: OwnedSheetName; write: OutputWrite } {
  checkTable(name, table);
  return { sheet: name, write: (spreadsheet) => writeTable(spreadsheet, name, table) };
}

/** Phase 3: every output from the snapshot, in the pure core; nothing is written here. */
function computeOutputs(
  snapshot: WorkbookSnapshot,
  extraOutputs: readonly BuildOutput[],
  keepHistoryThrough?: IsoDate | null,
): ComputedBuild {
  let computing: OwnedSheetName | null = null;
  try {
    clearReadingPosition();
    computing = OWNED_SHEETS.history;
    const held = historyForBuild(
      snapshot.historyRows,
      snapshot.settings,
      snapshot.setupIssues.some((issue) => issue.key === SETTING_KEYS.frozenThrough),
      snapshot.spreadsheetTimeZone,
      summaryTable([], null).header,
    );
    computing = null;
    const run = (history: FrozenHistory | null): PipelineResult =>
      runPipeline({
        setupIssues: [...snapshot.setupIssues, ...held.issues],
        history,
        sources: snapshot.sources.map((source) =>
          source.mapped
            ? { ...source, mapped: { ...locatedReport(source.mapped), period: source.mapped.period } }
            : source,
        ),
        costsRows: snapshot.costsRows,
        productsRows: snapshot.productsRows,
        settings: snapshot.settings,
        spreadsheetTimeZone: snapshot.spreadsheetTimeZone,
        detect: (rows, sheetName) => {
          const found = detectKnownReport(rows, sheetName);
          return found ? locatedReport(found) : null;
        },
        feeEstimator: estimateAmazonFees,
        language: snapshot.language,
      });
    const kept =
      keepHistoryThrough === undefined
        ? null
        : keepHistory(held.history, keepHistoryThrough, run, snapshot.language);
    const pipeline = kept?.pipeline ?? run(held.history);
    computing = OWNED_SHEETS.summary;
    const writes = [...(kept?.writes ?? []), tableWrite(OWNED_SHEETS.summary, pipeline.summaryTable)];
    computing = OWNED_SHEETS.dataIssues;
    writes.push(tableWrite(OWNED_SHEETS.dataIssues, pipeline.issuesTable));
    const context: OutputContext = {
      snapshot,
      rows: pipeline.summary.rows,
      issues: pipeline.issues,
      pipeline,
    };
    for (const output of [...registeredOutputs, ...extraOutputs]) {
      computing = output.sheet;
      const write = output.compute(context);
      if (write) writes.push({ sheet: output.sheet, write });
    }
    const costsTemplateCreated = snapshot.costsRows === null;
    if (costsTemplateCreated) {
      computing = OWNED_SHEETS.costs;
      writes.push(tableWrite(OWNED_SHEETS.costs, costsTemplate()));
    }
    return { pipeline, writes, costsTemplateCreated, history: kept?.history };
  } catch (error) {
    if (error instanceof BuildStopped) throw error;
    const detail = errorText(error);
    if (error instanceof OutputCheckError)
      throw new BuildStopped({ phase: 'check', sheet: error.sheet, row: error.row, detail, written: [] });
    const reading = computing === null ? readingPosition() : null;
    if (reading) {
      const row = reading.row > 0 ? reading.row : null;
      throw new BuildStopped({ phase: 'parse', sheet: reading.sheet, row, detail, written: [] });
    }
    throw new BuildStopped({ phase: 'compute', sheet: computing, row: null, detail, written: [] });
  }
}

/**
 * A "Keep history up to …" run computes twice: once with the history cut at the new day, whose KPI Summary rows up to
 * that day are the ones frozen (days between an earlier freeze and the new day are computed from the raw sheets
 * first); then with the new history, exactly as every later build will compute, so that the run writes what the next
 * build would. A day the KPI Summary does not reach cannot be frozen: raw rows pasted later for it would be ignored.
 */
function keepHistory(
  held: FrozenHistory | null,
  through: IsoDate | null,
  run: (history: FrozenHistory | null) => PipelineResult,
  language: Language,
): { pipeline: PipelineResult; writes: ComputedBuild['writes']; history: BuildResult['history'] } {
  const plan = keepHistoryPlan(held, through, language);
  const first = run(plan.before);
  const last = lastSummaryDay(first.summaryTable);
  if (through !== null && (last === null || through > last)) {
    const detail = `KPI Summary has no day after ${last ?? '(none)'}; ${through} cannot be kept`;
    throw new BuildStopped({ phase: 'compute', sheet: OWNED_SHEETS.history, row: null, detail, written: [] });
  }
  const { table, history } = plan.after(first.summaryTable);
  const pipeline = run(history);
  return {
    pipeline,
    writes: historyWrites(table, through, first.summaryTable.formats),
    history: {
      through,
      rows: history?.rows.length ?? 0,
      rowsWithoutProfit: history ? rowsWithoutProfit(history.rows, history.through) : 0,
    },
  };
}

/**
 * Phase 4. Apps Script has no transaction across calls: each setValues is applied on its own (SpreadsheetApp may
 * bundle pending changes until flush, which delays them but does not make them all-or-nothing), and a call that
 * throws does not undo the calls before it. So the writes are made unable to fail on our data (every table was
 * checked in phase 3), and if the platform still fails one (quota, a sheet deleted meanwhile), the user is told which
 * sheets were already rewritten so the next build brings them all back in step.
 */
function writeOutputs(spreadsheet: Spreadsheet, writes: ComputedBuild['writes']): void {
  const written: OwnedSheetName[] = [];
  for (const { sheet, write } of writes) {
    try {
      write(spreadsheet);
    } catch (error) {
      throw new BuildStopped({ phase: 'write', sheet, row: null, detail: errorText(error), written });
    }
    written.push(sheet);
  }
}

/** The language for a run that could not read Settings under the lock: the one chosen there, if readable. */
function languageWithoutSnapshot(spreadsheet: Spreadsheet): Language {
  try {
    return settingsLanguage(readSettings(spreadsheet).settings);
  } catch {
    return settingsLanguage(DEFAULT_SETTINGS);
  }
}

export function runBuild(spreadsheet: Spreadsheet, options: BuildOptions = {}): BuildResult {
  const now = options.now ?? Date.now;
  const started = now();
  // When this build began, before its lock and reads, on the real clock: changes from then on make the next
  // scheduled run build again (issue 17, src/core/schedule/changeWatch.ts).
  const readFrom = Date.now();
  const deadlineMs = options.deadlineMs ?? DEFAULT_BUILD_DEADLINE_MS;
  const result = (status: BuildStatus, language: Language): BuildResult => ({
    status,
    rowsRead: 0,
    rowsWritten: 0,
    issues: 0,
    durationMs: now() - started,
    sources: [],
    costsTemplateCreated: false,
    language,
    summaryRows: [],
  });

  const lock = acquireBuildLock(spreadsheet, LOCK_WAIT_MS);
  if (!lock) return result('locked', languageWithoutSnapshot(spreadsheet));
  let language: Language | null = null;
  try {
    // The first build creates Settings with its live GOOGLEFINANCE rate (issue 10), so CNY costs convert with no
    // user action. It is an input the build reads, not an output it overwrites, so creating it before the snapshot
    // keeps the all-or-nothing rule; flush() asks Sheets to compute the formula before the read (it may still be
    // loading: the rate is then unreadable once, and the Data Issue says so).
    if (!findOwnedSheet(spreadsheet, OWNED_SHEETS.settings)) {
      settingsSheet(spreadsheet);
      SpreadsheetApp.flush();
    }
    const snapshot = readWorkbook(spreadsheet);
    language = snapshot.language;
    const computed = computeOutputs(snapshot, options.outputs ?? [], options.keepHistoryThrough);
    const { pipeline } = computed;
    const outcome: BuildResult = {
      ...result('built', language),
      rowsRead: pipeline.rowsRead,
      issues: pipeline.issues.length,
      sources: pipeline.sources,
    };
    if (!pipeline.sources.some((source) => source.type !== null)) {
      return { ...outcome, status: 'noSources', durationMs: now() - started };
    }
    if (now() - started > deadlineMs) {
      return { ...outcome, status: 'deadline', durationMs: now() - started };
    }
    writeOutputs(spreadsheet, computed.writes);
    for (const step of afterWriteSteps) step(spreadsheet, { snapshot, pipeline, startedAt: started, now });
    noteWorkbookBuilt(spreadsheet.getId(), readFrom, snapshot.settings.reportingTimeZone);
    return {
      ...outcome,
      rowsWritten: pipeline.summaryTable.rows.length,
      summaryRows: pipeline.summary.rows,
      costsTemplateCreated: computed.costsTemplateCreated,
      ...(computed.history ? { history: computed.history } : {}),
      durationMs: now() - started,
    };
  } catch (error) {
    if (!(error instanceof BuildStopped)) throw error;
    // Also in the execution log, where a developer looks for what a user reports.
    console.error(`Seller KPI: build failed (${error.failure.phase}): ${error.failure.detail}`);
    return { ...result('failed', language ?? languageWithoutSnapshot(spreadsheet)), failure: error.failure };
  } finally {
    lock.release();
  }
}

/** A Costs sheet with its header row only; SKU, currency and category columns are plain text (SKUs like 00501). */
function costsTemplate(): OutputTable {
  const textColumns: readonly string[] = ['sku', 'currency', 'first_leg_currency', 'category'];
  return {
    header: COSTS_TEMPLATE_HEADER,
    formats: COSTS_TEMPLATE_HEADER.map((column) =>
      textColumns.includes(column) ? 'text' : column === 'effective_from' ? 'date' : 'number',
    ),
    // Blank rows carry the formats down the sheet, so a SKU typed as 00501 stays text.
    rows: Array.from({ length: COSTS_TEMPLATE_FORMATTED_ROWS }, () => COSTS_TEMPLATE_HEADER.map(() => '')),
  };
}

function writeCostsTemplate(spreadsheet: Spreadsheet): void {
  writeTable(spreadsheet, OWNED_SHEETS.costs, costsTemplate());
}

const COSTS_TEMPLATE_FORMATTED_ROWS = 500;

/** The message a user reads after a build, in their language. */
export function buildMessage(result: BuildResult): string {
  const seconds = (result.durationMs / 1000).toFixed(1);
  switch (result.status) {
    case 'built':
      return translate(result.language, 'build.done', {
        rowsWritten: result.rowsWritten,
        rowsRead: result.rowsRead,
        seconds,
        issues: result.issues,
      });
    case 'locked':
      return translate(result.language, 'build.locked');
    case 'deadline':
      return translate(result.language, 'build.deadline', { seconds });
    case 'noSources': {
      // A sheet that only looks like an export (issue 14) is why nothing counted: said, not "no export found".
      const partial = result.sources.find((source) => source.partial && source.labelKey);
      return partial?.partial && partial.labelKey
        ? translate(result.language, 'build.noSourcesPartial', {
            sheet: partial.sheet,
            report: translate(result.language, partial.labelKey),
            ...partial.partial,
          })
        : translate(result.language, 'build.noSources');
    }
    case 'failed':
      return failureMessage(result.language, result.failure);
  }
}

/** What failed and where, in the user's language (SPEC §2a "All or nothing"). */
function failureMessage(language: Language, failure: BuildFailure | undefined): string {
  if (!failure) return translate(language, 'build.failed', { where: '', detail: '' });
  const { phase, sheet, row, detail } = failure;
  if (phase === 'write') {
    const written =
      failure.written.length > 0 ? failure.written.join(', ') : translate(language, 'build.none');
    return translate(language, 'build.failedWriting', { sheet: sheet ?? '', detail, written });
  }
  let where: string;
  if (sheet === null) {
    where = translate(language, phase === 'read' ? 'build.where.reading' : 'build.where.computing');
  } else if (phase === 'compute') {
    where = translate(language, 'build.where.output', { sheet });
  } else if (phase === 'check' && row !== null) {
    where = translate(language, 'build.where.outputRow', { sheet, row });
  } else {
    where =
      row === null
        ? translate(language, 'build.where.sheet', { sheet })
        : translate(language, 'build.where.sheetRow', { sheet, row });
  }
  return translate(language, 'build.failed', { where, detail });
}

/** Menu: Build KPI summary. Shows the outcome as a toast, or an alert when the user must act. */
export function buildKpiSummary(): BuildResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const result = runBuild(spreadsheet);
  const message = buildMessage(result);
  const title = translate(result.language, 'app.name');
  if (result.status === 'built' && !result.costsTemplateCreated) {
    spreadsheet.toast(message, title, 10);
  } else {
    const detail = result.costsTemplateCreated
      ? `${message}\n\n${translate(result.language, 'build.costsCreated')}`
      : message;
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, detail, ui.ButtonSet.OK);
  }
  return result;
}

/** Menu: Create Costs sheet (the template a build also creates on first use). */
export function createCostsTemplate(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const language = userLanguage(spreadsheet);
  const ui = SpreadsheetApp.getUi();
  if (findOwnedSheet(spreadsheet, OWNED_SHEETS.costs)) {
    ui.alert(translate(language, 'app.name'), translate(language, 'build.costsExists'), ui.ButtonSet.OK);
    return;
  }
  writeCostsTemplate(spreadsheet);
  ui.alert(translate(language, 'app.name'), translate(language, 'build.costsCreated'), ui.ButtonSet.OK);
}
