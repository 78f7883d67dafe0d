/**
 * The mapping sidebar's server side: the menu items that open it and the `google.script.run` targets it calls. Every
 * answer is plain JSON in the user's language (PLATFORM §4); user mistakes come back as readable errors (sidebarRpc).
 */
import { rateCardLines } from '../core/kpi/rateCard';
import { type CellGrid } from '../core/cell';
import { translate, type Language } from '../core/i18n';
import {
  confirmationHolds,
  describeProblem,
  guessHeaderRow,
  headerFingerprint,
  headersAt,
  isPeriodKind,
  isValidPeriod,
  MAPPING_KINDS,
  mappedDetection,
  mappedReportDefinition,
  mappingFromJson,
  type MappingKind,
  type PartialConfirmation,
  previewTable,
  type SheetMapping,
  suggestMapping,
  validateMapping,
} from '../core/mapping';
import {
  type HeaderLanguage,
  type ParseContext,
  type ParseResult,
  type ReportDefinition,
} from '../core/reports/types';
import { isPartialMatch } from '../core/reports';
import { isOwnedSheet } from '../core/sheetNames';
import { detectKnownReport } from '../core/summary/pipeline';
import { cellText } from '../core/parse';
import { type Settings } from '../core/settings';
import { markInputsChanged } from '../gas/changeWatch';
import { readDigestSecret } from '../gas/digest';
import {
  forgetConfirmation,
  forgetSavedSheet,
  readMappings,
  saveConfirmation,
  saveMapping,
  savePeriod,
  sheetOfMapping,
} from '../gas/mappingStore';
import { readSettings, readSettingsWithFxSource, settingsLanguage, userLanguage } from '../gas/settings';
import { readSheetValues } from '../gas/sheets';
import {
  type ActionResult,
  type DayRange,
  type HeaderOption,
  type MappingPreview,
  type SheetDetail,
  type SettingsForm,
  type SheetSummary,
  type SidebarState,
} from '../ui/protocol';
import { buildMessage, runBuild } from './build';
import { scheduleBudgetView } from './schedule';
import { saveSettingsForm, settingsView } from './settings';
import { UserFacingError } from './sidebarRpc';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The page built from src/ui/pages/Sidebar (dist/Sidebar.html). */
const SIDEBAR_PAGE = 'Sidebar';

/** Menu: opens the sidebar on the sheet list; `tab` 'settings' opens it on the settings form. */
export function openSidebar(tab: 'sheets' | 'settings' = 'sheets'): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const language = userLanguage(spreadsheet);
  const output = HtmlService.createHtmlOutputFromFile(SIDEBAR_PAGE).setTitle(
    translate(language, 'sidebar.title'),
  );
  // A constant marker read by the page once loaded: which tab to show first. No data is ever spliced into the HTML.
  if (tab === 'settings') output.append('<div id="initial-tab" data-tab="settings" hidden></div>');
  SpreadsheetApp.getUi().showSidebar(output);
}

export function showMappingSidebar(): void {
  openSidebar('sheets');
}

export function showSettingsSidebar(): void {
  openSidebar('settings');
}

interface Workbook {
  spreadsheet: Spreadsheet;
  settings: Settings;
  language: Language;
}

/** The active workbook with its Settings sheet read once: the language comes from the same read. */
function openWorkbook(settings?: Settings): Workbook {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const read = settings ?? readSettings(spreadsheet).settings;
  return { spreadsheet, settings: read, language: settingsLanguage(read) };
}

function contextFor(workbook: Workbook, sheetName: string, period: DayRange | null): ParseContext {
  return {
    sheetName,
    reportingTimeZone: workbook.settings.reportingTimeZone,
    spreadsheetTimeZone: workbook.spreadsheet.getSpreadsheetTimeZone(),
    period,
  };
}

/**
 * A report label from another part of the catalogue; the report type if that part lacks it, rather than no list.
 * A report recognised from a Chinese header says so (`业务报告…（中文）`, SPEC §2c), so a user sees which download
 * it was read as.
 */
function reportLabel(
  language: Language,
  definition: ReportDefinition,
  headerLanguage?: HeaderLanguage,
): string {
  let label: string;
  try {
    label = translate(language, definition.labelKey);
  } catch {
    return definition.type;
  }
  return headerLanguage === 'zh'
    ? translate(language, 'report.recognisedInChinese', { report: label })
    : label;
}

interface SavedForSheets {
  mappings: SheetMapping[];
  periods: Map<number, DayRange>;
  confirmations: PartialConfirmation[];
}

function savedForSheets(spreadsheet: Spreadsheet): SavedForSheets {
  const { mappings, periods, confirmations } = readMappings();
  const byId = new Map<number, DayRange>();
  for (const stated of periods) {
    const sheet = sheetOfMapping(spreadsheet, stated);
    if (sheet) byId.set(sheet.getSheetId(), stated.period);
  }
  return { mappings, periods: byId, confirmations };
}

/** What was saved for `sheet`: by id, else by the saved name (as the build finds it, sheetOfMapping). */
function savedOfSheet<Saved extends { sheetId: number; sheetName: string }>(
  saved: readonly Saved[],
  sheet: Sheet,
): Saved | null {
  return (
    saved.find((entry) => entry.sheetId === sheet.getSheetId()) ??
    saved.find((entry) => entry.sheetName === sheet.getName()) ??
    null
  );
}

function mappingOfSheet(saved: SavedForSheets, sheet: Sheet): SheetMapping | null {
  return savedOfSheet(saved.mappings, sheet);
}

/** What the sheet list says about one sheet, from its cells (read once by the caller). */
function summarizeSheet(
  workbook: Workbook,
  saved: SavedForSheets,
  sheet: Sheet,
  rows: CellGrid,
): SheetSummary {
  const name = sheet.getName();
  const base: SheetSummary = {
    sheetId: sheet.getSheetId(),
    name,
    status: 'unmapped',
    reportLabel: null,
    confidence: null,
    mappingKind: null,
    periodReport: false,
    rowsRead: null,
    issueCount: null,
    dateRange: null,
    period: null,
  };
  if (isOwnedSheet(name)) return { ...base, status: 'owned' };
  const mapping = mappingOfSheet(saved, sheet);
  if (mapping) {
    const result = mappedReportDefinition(mapping).parse(
      rows,
      mappedDetection(mapping),
      contextFor(workbook, name, mapping.period),
    );
    return {
      ...base,
      status: 'mapped',
      mappingKind: mapping.kind,
      periodReport: isPeriodKind(mapping.kind),
      ...counts(result),
      period: mapping.period,
    };
  }
  if (rows.length === 0) return { ...base, status: 'empty' };
  const known = detectKnownReport(rows, name);
  if (!known) return base;
  const recognised = {
    reportLabel: reportLabel(workbook.language, known.definition, known.detection.headerLanguage),
    confidence: Math.round(known.detection.confidence * 100),
    signature: known.detection.signature ?? null,
  };
  // A partial header match counts once confirmed for this very header, as the build decides (src/core/summary).
  const confirmation = savedOfSheet(saved.confirmations, sheet);
  const partial = isPartialMatch(known.detection);
  if (partial && !(confirmation && confirmationHolds(confirmation, rows, known.detection))) {
    return { ...base, status: 'partial', ...recognised };
  }
  const period = saved.periods.get(sheet.getSheetId()) ?? null;
  const result = known.definition.parse(rows, known.detection, contextFor(workbook, name, period));
  return {
    ...base,
    status: 'known',
    ...recognised,
    partialConfirmed: partial,
    periodReport: known.definition.periodReport,
    ...counts(result),
    period,
  };
}

function counts(result: ParseResult): Pick<SheetSummary, 'rowsRead' | 'issueCount' | 'dateRange'> {
  return { rowsRead: result.rowsRead, issueCount: result.issues.length, dateRange: result.dateRange };
}

/** Every sheet of the workbook in tab order, each read with one getValues. */
function sheetSummaries(workbook: Workbook): SheetSummary[] {
  const saved = savedForSheets(workbook.spreadsheet);
  return workbook.spreadsheet.getSheets().map((sheet) => {
    const rows = isOwnedSheet(sheet.getName()) ? [] : readSheetValues(sheet);
    return summarizeSheet(workbook, saved, sheet, rows);
  });
}

function findSheet(spreadsheet: Spreadsheet, sheetId: unknown): Sheet {
  const sheet =
    typeof sheetId === 'number'
      ? spreadsheet.getSheets().find((candidate) => candidate.getSheetId() === sheetId)
      : null;
  if (!sheet) throw new UserFacingError('sidebar.error.sheetNotFound');
  return sheet;
}

/** Header options of one row: value is what a mapping stores, label what the sheet shows; blanks and repeats dropped. */
function headerOptions(rows: CellGrid, headerRow: number): HeaderOption[] {
  const labels = (rows[headerRow - 1] ?? []).map((cell) => cellText(cell));
  const seen = new Set<string>();
  const options: HeaderOption[] = [];
  headersAt(rows, headerRow).forEach((value, index) => {
    if (value === '' || seen.has(value)) return;
    seen.add(value);
    options.push({ value, label: labels[index] ?? value });
  });
  return options;
}

// ---- RPC targets (registered in handlers.ts, wrapped by sidebarRpc) ----

export function sidebarLoad(): SidebarState {
  const read = readSettingsWithFxSource(SpreadsheetApp.getActiveSpreadsheet());
  const workbook = openWorkbook(read.settings);
  return {
    language: workbook.language,
    sheets: sheetSummaries(workbook),
    settings: settingsView(read, workbook.language, digestSecretSaved()),
    feeTables: rateCardLines(workbook.language),
    scheduleBudget: scheduleBudgetView(read.settings, workbook.language),
  };
}

export function sidebarSheetDetail(
  sheetId: number,
  headerRow: number | null,
  kind: MappingKind | null,
): SheetDetail {
  const workbook = openWorkbook();
  const sheet = findSheet(workbook.spreadsheet, sheetId);
  const rows = isOwnedSheet(sheet.getName()) ? [] : readSheetValues(sheet);
  const saved = savedForSheets(workbook.spreadsheet);
  const summary = summarizeSheet(workbook, saved, sheet, rows);
  const savedMapping = mappingOfSheet(saved, sheet);
  if (summary.status !== 'mapped' && summary.status !== 'unmapped' && summary.status !== 'partial') {
    return { sheet: summary, headerRow: 1, headers: [], mapping: null, saved: false };
  }
  const chosenKind = kind !== null && MAPPING_KINDS.includes(kind) ? kind : (savedMapping?.kind ?? 'orders');
  const chosenRow =
    typeof headerRow === 'number' && Number.isInteger(headerRow) && headerRow >= 1
      ? headerRow
      : (savedMapping?.headerRow ?? guessHeaderRow(rows));
  const keepSaved =
    savedMapping !== null && savedMapping.kind === chosenKind && savedMapping.headerRow === chosenRow;
  // A sheet not mapped yet (or asked for another kind or header row) gets a suggestion: an ERP export's own columns
  // and the zone its times are in (SPEC §2c), then the general header names.
  const suggestion = suggestMapping(chosenKind, headersAt(rows, chosenRow));
  const mapping: SheetMapping = keepSaved
    ? { ...savedMapping, sheetName: sheet.getName() }
    : {
        sheetId: sheet.getSheetId(),
        sheetName: sheet.getName(),
        kind: chosenKind,
        channel: savedMapping?.channel ?? 'amazon',
        headerRow: chosenRow,
        columns: suggestion.columns,
        period: isPeriodKind(chosenKind) ? (savedMapping?.period ?? null) : null,
        ...(suggestion.timeZone ? { timeZone: suggestion.timeZone } : {}),
      };
  return {
    sheet: summary,
    headerRow: chosenRow,
    headers: headerOptions(rows, chosenRow),
    mapping,
    saved: keepSaved,
    erpPreset:
      suggestion.preset && !keepSaved
        ? {
            ...suggestion.preset,
            zoneSource: suggestion.zoneSource,
            zoneHeader:
              suggestion.zoneHeader === null ? null : shownHeader(rows, chosenRow, suggestion.zoneHeader),
          }
        : null,
  };
}

/** The header as the sheet shows it, for a normalised header name of row `headerRow`. */
function shownHeader(rows: CellGrid, headerRow: number, normalised: string): string {
  return headerOptions(rows, headerRow).find((option) => option.value === normalised)?.label ?? normalised;
}

/** The mapping the client sent, checked: it crosses the wire as plain JSON. */
function receivedMapping(value: unknown): SheetMapping {
  const mapping = mappingFromJson(value);
  if (!mapping) throw new UserFacingError('sidebar.error.notAMapping');
  return mapping;
}

export function sidebarPreviewMapping(draft: SheetMapping): MappingPreview {
  const workbook = openWorkbook();
  const mapping = receivedMapping(draft);
  const sheet = findSheet(workbook.spreadsheet, mapping.sheetId);
  const rows = readSheetValues(sheet);
  const problems = validateMapping(mapping, headersAt(rows, mapping.headerRow));
  const empty: MappingPreview = {
    problems: [],
    columns: [],
    rows: [],
    issues: [],
    rowsRead: 0,
    issueCount: 0,
  };
  const describe = problems.map((problem) => describeProblem(workbook.language, problem));
  // Only column problems stop the preview: the rows read the same whatever period is stated.
  if (problems.some((problem) => problem.code !== 'periodMissing' && problem.code !== 'periodInvalid')) {
    return { ...empty, problems: describe };
  }
  const result = mappedReportDefinition(mapping).parse(
    rows,
    mappedDetection(mapping),
    contextFor(workbook, sheet.getName(), mapping.period),
  );
  return { ...previewTable(mapping.kind, result, workbook.language), problems: describe };
}

export function sidebarSaveMapping(draft: SheetMapping): ActionResult {
  const workbook = openWorkbook();
  const received = receivedMapping(draft);
  const sheet = findSheet(workbook.spreadsheet, received.sheetId);
  const mapping: SheetMapping = { ...received, sheetName: sheet.getName() };
  if (isOwnedSheet(sheet.getName())) throw new UserFacingError('sidebar.error.ownedSheet');
  const rows = readSheetValues(sheet);
  const known = detectKnownReport(rows, sheet.getName());
  // A partial match may be mapped: the mapping then says what the sheet is (and replaces any confirmation).
  if (known && !isPartialMatch(known.detection)) {
    throw new UserFacingError('sidebar.error.knownReport', {
      report: reportLabel(workbook.language, known.definition),
    });
  }
  const problems = validateMapping(mapping, headersAt(rows, mapping.headerRow));
  if (problems.length > 0) {
    throw new UserFacingError('sidebar.error.invalidMapping', {
      problems: problems.map((problem) => describeProblem(workbook.language, problem)).join(' '),
    });
  }
  if (!saveMapping(mapping)) throw new UserFacingError('sidebar.error.busy');
  markInputsChanged(workbook.spreadsheet);
  return {
    message: translate(workbook.language, 'sidebar.mapping.saved', { sheet: sheet.getName() }),
    sheets: sheetSummaries(workbook),
  };
}

export function sidebarRemoveMapping(sheetId: number): ActionResult {
  const workbook = openWorkbook();
  const sheet = findSheet(workbook.spreadsheet, sheetId);
  if (!forgetSavedSheet(sheet.getSheetId())) throw new UserFacingError('sidebar.error.busy');
  markInputsChanged(workbook.spreadsheet);
  return {
    message: translate(workbook.language, 'sidebar.mapping.removed', { sheet: sheet.getName() }),
    sheets: sheetSummaries(workbook),
  };
}

/** The period of a known period report (Business Report by child item, FBA inventory snapshot). */
export function sidebarSavePeriod(sheetId: number, period: DayRange): ActionResult {
  const workbook = openWorkbook();
  const sheet = findSheet(workbook.spreadsheet, sheetId);
  const candidate =
    typeof period === 'object' && period !== null
      ? { from: String(period.from), to: String(period.to) }
      : null;
  if (!isValidPeriod(candidate)) throw new UserFacingError('mapping.problem.periodInvalid');
  if (!savePeriod({ sheetId: sheet.getSheetId(), sheetName: sheet.getName(), period: candidate })) {
    throw new UserFacingError('sidebar.error.busy');
  }
  markInputsChanged(workbook.spreadsheet);
  return {
    message: translate(workbook.language, 'sidebar.period.saved', { sheet: sheet.getName() }),
    sheets: sheetSummaries(workbook),
  };
}

/**
 * "Count it as …" for a sheet whose header partly matches an export (issue 14), or, with `count` false, stop counting
 * it. The confirmation names the export and the header row as they are now: a different header pasted later is not
 * counted on its strength.
 */
export function sidebarConfirmPartial(sheetId: number, count: boolean): ActionResult {
  const workbook = openWorkbook();
  const sheet = findSheet(workbook.spreadsheet, sheetId);
  if (isOwnedSheet(sheet.getName())) throw new UserFacingError('sidebar.error.ownedSheet');
  const rows = readSheetValues(sheet);
  const known = detectKnownReport(rows, sheet.getName());
  const report = known
    ? reportLabel(workbook.language, known.definition, known.detection.headerLanguage)
    : '';
  if (count === false) {
    if (!forgetConfirmation(sheet.getSheetId())) throw new UserFacingError('sidebar.error.busy');
    markInputsChanged(workbook.spreadsheet);
    return {
      message: translate(workbook.language, 'sidebar.partial.withdrawn', { sheet: sheet.getName(), report }),
      sheets: sheetSummaries(workbook),
    };
  }
  if (!known || !isPartialMatch(known.detection)) throw new UserFacingError('sidebar.error.notPartial');
  const confirmation: PartialConfirmation = {
    sheetId: sheet.getSheetId(),
    sheetName: sheet.getName(),
    type: known.detection.type,
    header: headerFingerprint(rows, known.detection.headerRowIndex),
  };
  if (!saveConfirmation(confirmation)) throw new UserFacingError('sidebar.error.busy');
  // What the next build counts has changed: a scheduled run must not skip it as unchanged (changeWatch.ts).
  markInputsChanged(workbook.spreadsheet);
  return {
    message: translate(workbook.language, 'sidebar.partial.confirmed', { sheet: sheet.getName(), report }),
    sheets: sheetSummaries(workbook),
  };
}

export function sidebarBuildSummary(): ActionResult {
  const workbook = openWorkbook();
  const result = runBuild(workbook.spreadsheet);
  return { message: buildMessage(result), sheets: sheetSummaries(workbook) };
}

/** Whether the digest's signing secret is saved: all the page may know of it. */
function digestSecretSaved(): boolean {
  const read = readDigestSecret();
  return read.reachable && read.secret !== null;
}

/** Saves the settings form and answers with the whole state again: a new language re-labels the entire sidebar. */
export function sidebarSaveSettings(values: SettingsForm): SidebarState {
  saveSettingsForm(SpreadsheetApp.getActiveSpreadsheet(), values);
  return sidebarLoad();
}
