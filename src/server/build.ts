/**
 * `buildKpiSummary()`: the menu action and the pipeline a scheduled trigger calls (SPEC §3–4). Reads Settings, the
 * Costs sheet and every other sheet once (one getValues each), computes everything, and only then writes the KPI
 * Summary and Data Issues (one setValues each, sheets grown first), under the workbook's build lock
 * (src/gas/buildLock.ts). A run that would pass its deadline stops before writing, so a near-timeout leaves the
 * previous summary whole.
 */
import { type CellGrid } from '../core/cell';
import { estimateAmazonFees } from '../core/costs/feeEstimate';
import { COSTS_TEMPLATE_HEADER } from '../core/costs/costs';
import { type Language, translate } from '../core/i18n';
import { type DataIssue } from '../core/model';
import { type Settings } from '../core/settings';
import { isOwnedSheet, OWNED_SHEETS } from '../core/sheetNames';
import {
  detectKnownReport,
  runPipeline,
  type SourceGrid,
  type SourceSummary,
} from '../core/summary/pipeline';
import { type SummaryRow } from '../core/summary/types';
import { acquireBuildLock } from '../gas/buildLock';
import { type BuildMappings, mappingsForBuild } from '../gas/mappingStore';
import { readSettings, settingsLanguage, userLanguage } from '../gas/settings';
import { findOwnedSheet, readSheetValues, writeTable } from '../gas/sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Apps Script stops a run at 6 minutes (quotas page, PLATFORM §2). The default leaves 45 s for the writes, which
 * are the slow part of a large build, and for whatever a caller does after the summary.
 */
export const DEFAULT_BUILD_DEADLINE_MS = 315_000;
/** How long to wait for another build's lock before telling the user (LockService.tryLock). */
const LOCK_WAIT_MS = 5_000;

/** What runs after the summary is written, still under the lock (the dashboard build hooks in here). */
export interface AfterSummaryContext {
  spreadsheet: Spreadsheet;
  rows: readonly SummaryRow[];
  settings: Settings;
  language: Language;
  issues: readonly DataIssue[];
}
export type AfterSummary = (context: AfterSummaryContext) => void;

export interface BuildOptions {
  /** Milliseconds from the start after which nothing is written; default DEFAULT_BUILD_DEADLINE_MS. */
  deadlineMs?: number;
  /** Clock, injectable for tests; default Date.now. */
  now?: () => number;
  /** Called in order after the KPI Summary is written (e.g. the KPI Dashboard). */
  afterSummary?: readonly AfterSummary[];
}

export type BuildStatus = 'built' | 'locked' | 'deadline' | 'noSources';

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
}

/** Hooks other features register at load time to run after every build (menu or trigger). */
const registeredAfterSummary: AfterSummary[] = [];
export function registerAfterSummary(hook: AfterSummary): void {
  if (!registeredAfterSummary.includes(hook)) registeredAfterSummary.push(hook);
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
    return { sources: [], periods: new Map() };
  }
}

/** The sheets to read as sources: every sheet the add-on does not own, each read with one getValues. */
function readSources(spreadsheet: Spreadsheet, mappings: BuildMappings): SourceGrid[] {
  const mapped = new Map(mappings.sources.map((source) => [source.sheetName, source]));
  const grids: SourceGrid[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (isOwnedSheet(name)) continue;
    const mapping = mapped.get(name);
    grids.push({
      sheetName: name,
      rows: readSheetValues(sheet),
      mapped: mapping
        ? { definition: mapping.definition, detection: mapping.detection, period: mapping.period }
        : undefined,
      period: mappings.periods.get(name) ?? null,
    });
  }
  return grids;
}

export function runBuild(spreadsheet: Spreadsheet, options: BuildOptions = {}): BuildResult {
  const now = options.now ?? Date.now;
  const started = now();
  const deadlineMs = options.deadlineMs ?? DEFAULT_BUILD_DEADLINE_MS;
  const { settings, problems: settingsProblems } = readSettings(spreadsheet);
  const language = settingsLanguage(settings);
  const empty = (status: BuildStatus): BuildResult => ({
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
  if (!lock) return empty('locked');
  try {
    const costsSheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.costs);
    const costsRows: CellGrid | null = costsSheet ? readSheetValues(costsSheet) : null;
    const setupIssues: DataIssue[] = settingsProblems.map((problem) => ({
      sheet: OWNED_SHEETS.settings,
      row: 0,
      key: problem.setting,
      reason: problem.message,
    }));
    const mappings = readBuildMappings(spreadsheet, setupIssues);
    const pipeline = runPipeline({
      setupIssues,
      sources: readSources(spreadsheet, mappings),
      costsRows,
      settings,
      spreadsheetTimeZone: spreadsheet.getSpreadsheetTimeZone(),
      detect: detectKnownReport,
      feeEstimator: estimateAmazonFees,
      language,
    });
    const result: BuildResult = {
      status: 'built',
      rowsRead: pipeline.rowsRead,
      rowsWritten: 0,
      issues: pipeline.issues.length,
      durationMs: 0,
      sources: pipeline.sources,
      costsTemplateCreated: false,
      language,
      summaryRows: [],
    };
    if (!pipeline.sources.some((source) => source.type !== null)) {
      return { ...result, status: 'noSources', durationMs: now() - started };
    }
    if (now() - started > deadlineMs) {
      return { ...result, status: 'deadline', durationMs: now() - started };
    }

    writeTable(spreadsheet, OWNED_SHEETS.summary, pipeline.summaryTable);
    writeTable(spreadsheet, OWNED_SHEETS.dataIssues, pipeline.issuesTable);
    if (!costsSheet) {
      writeCostsTemplate(spreadsheet);
      result.costsTemplateCreated = true;
    }
    result.rowsWritten = pipeline.summaryTable.rows.length;
    result.summaryRows = pipeline.summary.rows;
    const context: AfterSummaryContext = {
      spreadsheet,
      rows: pipeline.summary.rows,
      settings,
      language,
      issues: pipeline.issues,
    };
    for (const hook of [...registeredAfterSummary, ...(options.afterSummary ?? [])]) hook(context);
    result.durationMs = now() - started;
    return result;
  } finally {
    lock.release();
  }
}

/** A Costs sheet with its header row only; SKU, currency and category columns are plain text (SKUs like 00501). */
function writeCostsTemplate(spreadsheet: Spreadsheet): void {
  const textColumns: readonly string[] = ['sku', 'currency', 'first_leg_currency', 'category'];
  writeTable(spreadsheet, OWNED_SHEETS.costs, {
    header: COSTS_TEMPLATE_HEADER,
    formats: COSTS_TEMPLATE_HEADER.map((column) =>
      textColumns.includes(column) ? 'text' : column === 'effective_from' ? 'date' : 'number',
    ),
    // Blank rows carry the formats down the sheet, so a SKU typed as 00501 stays text.
    rows: Array.from({ length: COSTS_TEMPLATE_FORMATTED_ROWS }, () => COSTS_TEMPLATE_HEADER.map(() => '')),
  });
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
    case 'noSources':
      return translate(result.language, 'build.noSources');
  }
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
