/**
 * The whole build on cell grids, with no Apps Script in it: detect each source, parse it, read the Costs sheet,
 * summarize, and lay out the KPI Summary and Data Issues tables. `buildKpiSummary()` (src/server/build.ts) feeds it
 * the grids it read from the workbook; `npm start` feeds it the grids of export files. Same code, same numbers.
 */
import { type CellGrid, isBlankCell, type RowsRead } from '../cell';
import { costsFromRows, type CostTable, EMPTY_COST_TABLE } from '../costs/costs';
import { type Language, translate } from '../i18n';
import { confirmationHolds, type PartialConfirmation } from '../mapping/confirmation';
import { type Channel, type DataIssue, type Fact, type IsoDate } from '../model';
import {
  type Detection,
  type ParseContext,
  type ReportDefinition,
  type ReportPeriod,
  type ReportType,
} from '../reports/types';
import { detectReport, isPartialMatch, reportDefinition } from '../reports';
import { sheetRowsOf } from '../reports/columns';
import { readLevels, type SkuLevels, skusWithoutProductsIssue } from '../levels/levels';
import { type ProductsTable } from '../inventory/products';
import { daysAfter, factsAfter, type FrozenHistory, withFrozenRows } from '../history/history';
import { type Settings } from '../settings';
import { OWNED_SHEETS } from '../sheetNames';
import { ordersInPayouts, type Reconciliation, reconcile } from '../reconciliation/reconciliation';
import { type Coverage, coverageOfDays, type FeeEstimator, summarize, type SummaryResult } from './summarize';
import { dataIssuesTable, summaryTable, type SummaryTable } from './table';

/** A recognised export: which report module reads it and how sure detection is. */
export interface DetectedReport {
  definition: ReportDefinition;
  detection: Detection;
}

/** Finds the report a grid holds (header row in its first 15 rows, SPEC §2), or null when it is no known export. */
export type ReportDetector = (rows: CellGrid, sheetName: string) => DetectedReport | null;

/** The known exports of src/core/reports, found by their header row. */
export const detectKnownReport: ReportDetector = (rows) => {
  const detection = detectReport(rows);
  const definition = detection ? reportDefinition(detection.type) : undefined;
  return detection && definition ? { definition, detection } : null;
};

export interface SourceGrid {
  sheetName: string;
  /** The sheet's rows as read: a grid, or its top rows and the columns read below them (see columnsRead). */
  rows: RowsRead;
  /** Set for a sheet the user mapped in the sidebar: no detection, the mapping says what it is. */
  mapped?: DetectedReport & { period: ReportPeriod | null };
  /** The stated period of a period report (sidebar), when not mapped. */
  period?: ReportPeriod | null;
  /**
   * Whether a partial header match (src/core/reports, isPartialMatch) counts: the user's sidebar confirmation, which
   * holds only for the export and header row it was given for, or 'always' (`npm start --count-partial`). Absent: a
   * partial match is listed in Data Issues and not counted.
   */
  partialCounted?: 'always' | Pick<PartialConfirmation, 'type' | 'header'>;
  /**
   * Set when only these columns were read below the sheet's top rows (src/core/reports/columns.ts): the others hold
   * blanks in `rows`, and the parse is told so.
   */
  columnsRead?: ReadonlySet<number>;
  /** Rows the sheet has, when `rows` holds fewer (an unrecognised sheet is read only as far as its header search). */
  sheetRows?: number;
}

/** What the build did with one sheet, for the result object, the toast and `npm start`'s honest listing. */
export interface SourceSummary {
  sheet: string;
  /** null when the sheet is no known export (and was not mapped), or only looks like one and was not confirmed. */
  type: ReportType | null;
  labelKey: string | null;
  channel: Channel | null;
  confidence: number;
  /** Data rows below the header (read or not). */
  rows: number;
  /** Rows left out by a documented rule, each counted in a sheet-level Data Issue (SPEC §2a). */
  rowsExcluded: number;
  facts: number;
  issues: number;
  dateRange: { from: IsoDate; to: IsoDate } | null;
  /**
   * Set for a partial header match left out (type null): the export it looks like (its labelKey above) and the
   * signature columns found of how many.
   */
  partial?: { found: number; total: number };
}

export interface PipelineInput {
  /** Problems found before any source was read (unreadable Settings, mappings out of reach): listed first. */
  setupIssues?: readonly DataIssue[];
  sources: readonly SourceGrid[];
  /** Cells of the Costs sheet, or null when the workbook has none yet. */
  costsRows: CellGrid | null;
  /**
   * Cells of the Products sheet (SPEC §3a), or null when the workbook has none yet: each SKU's category and owner for
   * the KPI Summary's level columns, and one Data Issue for the SKUs without them. Left out (undefined) by callers
   * that do not deal in levels (a test of one report): every SKU is then "(none)" with no issue raised.
   */
  productsRows?: CellGrid | null;
  settings: Settings;
  /** Zone of the spreadsheet (Date cells show its wall clock); for files read by `npm start`, the reporting zone. */
  spreadsheetTimeZone: string;
  detect: ReportDetector;
  feeEstimator?: FeeEstimator;
  language: Language;
  /**
   * The frozen days (issue 17, src/core/history/history.ts): their KPI Summary rows come from KPI History, the facts
   * dated on or before `through` are left out (one Data Issue per sheet), and coverage counts later days only.
   */
  history?: FrozenHistory | null;
}

export interface PipelineResult {
  summary: SummaryResult;
  /** The Reconciliation sheet (SPEC §2b), or null when no payments report was read. */
  reconciliation: Reconciliation | null;
  /**
   * Every fact read from every source, before the counting rules: outputs beyond the KPI Summary (reconciliation,
   * inventory, review) are computed from them. Alive anyway until summarize ends, so keeping them costs no peak memory.
   */
  facts: readonly Fact[];
  sources: SourceSummary[];
  /** Every Data Issue: unreadable rows of each source, Costs sheet problems, then summary problems. */
  issues: DataIssue[];
  rowsRead: number;
  summaryTable: SummaryTable;
  issuesTable: SummaryTable;
  costs: CostTable;
  /** Each SKU's category and owner from the Products sheet (SPEC §3a), for the level blocks and the review. */
  levels: SkuLevels;
  /** The Products sheet as read (its rows by SKU), empty when the workbook has none. */
  products: ProductsTable;
}

const ORDER_EXPORTS: ReadonlySet<ReportType> = new Set<ReportType>([
  'amazon-all-orders',
  'shopify-orders',
  'walmart-orders',
  'tiktok-orders',
]);

const PAYMENTS_REPORTS: ReadonlySet<ReportType> = new Set<ReportType>([
  'amazon-date-range-transactions',
  'amazon-settlement-v2',
  'walmart-recon',
  'tiktok-settlement',
  'shopify-payouts',
]);

/**
 * One payments source per channel and day (SPEC §2: measures are never summed across two reports that describe the
 * same money). A Date Range transaction report and a Settlement report of the same days list the same fees under
 * different names ("selling fees" vs Commission lines), so row-level dedupe cannot see it. The Date Range report wins
 * on the days it covers: it is the one Seller Central's Payments › Reports Repository gives for any period, while a
 * settlement spans its own 14-day cycle and carries reserve lines. Settlement fees on those days are left out and
 * counted in one Data Issue per sheet.
 */
export function oneFeeSourcePerDay(
  facts: Fact[],
  settlementSheets: ReadonlySet<string>,
  dateRangeCoverage: readonly Coverage[],
  issues: DataIssue[],
): Fact[] {
  if (settlementSheets.size === 0 || dateRangeCoverage.length === 0) return facts;
  // The report's whole period counts, not only days with a fee: the two reports may post one fee on neighbouring days.
  const covered = (channel: string, date: string): boolean =>
    dateRangeCoverage.some((range) => range.channel === channel && range.from <= date && date <= range.to);
  const leftOut = new Map<string, number>();
  const kept = facts.filter((fact) => {
    if (fact.kind !== 'fee' || !settlementSheets.has(fact.source.sheet)) return true;
    if (!covered(fact.channel, fact.date)) return true;
    leftOut.set(fact.source.sheet, (leftOut.get(fact.source.sheet) ?? 0) + 1);
    return false;
  });
  for (const [sheet, lines] of leftOut) {
    issues.push({
      sheet,
      row: 0,
      key: sheet,
      reason: { key: 'issue.settlementCoveredByDateRange', params: { lines } },
    });
  }
  return kept;
}

/** True when a detected sheet is a partial match the user has not confirmed: listed, never counted (issue 14). */
function partialLeftOut(source: SourceGrid, found: DetectedReport): boolean {
  if (source.mapped || !isPartialMatch(found.detection)) return false;
  const counted = source.partialCounted;
  if (counted === 'always') return false;
  return !counted || !confirmationHolds(counted, sheetRowsOf(source.rows).top, found.detection);
}

/** The export's name in `language`, saying so when its header was recognised in Chinese (SPEC §2c). */
function reportName(language: Language, found: DetectedReport): string {
  const report = translate(language, found.definition.labelKey);
  return found.detection.headerLanguage === 'zh'
    ? translate(language, 'report.recognisedInChinese', { report })
    : report;
}

function hasAnyValue(rows: RowsRead): boolean {
  const read = sheetRowsOf(rows);
  for (let index = 0; index < read.length; index++)
    if (read.row(index)?.some((cell) => !isBlankCell(cell))) return true;
  return false;
}

export function runPipeline(input: PipelineInput): PipelineResult {
  const facts: Fact[] = [];
  const issues: DataIssue[] = [...(input.setupIssues ?? [])];
  const sources: SourceSummary[] = [];
  const orderCoverage: Coverage[] = [];
  const paymentsCoverage: Coverage[] = [];
  const settlementSheets = new Set<string>();
  const dateRangeCoverage: Coverage[] = [];
  let rowsRead = 0;

  for (const source of input.sources) {
    const detected = source.mapped ?? input.detect(sheetRowsOf(source.rows).top, source.sheetName);
    const partial = detected && partialLeftOut(source, detected) ? detected : null;
    const found = partial ? null : detected;
    if (!found) {
      // Listed, never guessed into the totals (SPEC §2): a pasted export that was not recognised must not vanish.
      const sheetRows = source.sheetRows ?? source.rows.length;
      const signature = partial?.detection.signature ?? { found: 0, total: 0 };
      if (partial) {
        issues.push({
          sheet: source.sheetName,
          row: 0,
          key: source.sheetName,
          reason: {
            key: 'issue.partialMatch',
            params: {
              report: reportName(input.language, partial),
              found: signature.found,
              total: signature.total,
              rows: Math.max(0, sheetRows - partial.detection.headerRowIndex - 1),
            },
          },
        });
      } else if (hasAnyValue(source.rows) || sheetRows > source.rows.length) {
        issues.push({
          sheet: source.sheetName,
          row: 0,
          key: source.sheetName,
          reason: { key: 'issue.sheetNotRecognised', params: { rows: sheetRows } },
        });
      }
      sources.push({
        sheet: source.sheetName,
        type: null,
        labelKey: partial?.definition.labelKey ?? null,
        channel: null,
        confidence: partial?.detection.confidence ?? 0,
        rows: 0,
        rowsExcluded: 0,
        facts: 0,
        issues: 0,
        dateRange: null,
        ...(partial ? { partial: signature } : {}),
      });
      continue;
    }
    const context: ParseContext = {
      sheetName: source.sheetName,
      reportingTimeZone: input.settings.reportingTimeZone,
      spreadsheetTimeZone: input.spreadsheetTimeZone,
      period: source.mapped?.period ?? source.period ?? null,
      ...(source.columnsRead ? { columnsRead: source.columnsRead } : {}),
    };
    const parsed = found.definition.parse(source.rows, found.detection, context);
    rowsRead += parsed.rowsRead;
    // A loop, not push(...spread): a 100,000-row export would overflow the call stack's argument limit. Indexed, not
    // for…of: the iterator's result objects were measured at 5 MB a build at 100,000 lines (issue 17).
    const parsedFacts = parsed.facts;
    for (let index = 0; index < parsedFacts.length; index++) facts.push(parsedFacts[index] as Fact);
    for (const issue of parsed.issues) issues.push(issue);
    sources.push({
      sheet: source.sheetName,
      type: found.definition.type,
      labelKey: found.definition.labelKey,
      channel: found.definition.channel,
      confidence: found.detection.confidence,
      rows: parsed.rowsRead,
      rowsExcluded: parsed.rowsExcluded,
      facts: parsed.facts.length,
      issues: parsed.issues.length,
      dateRange: parsed.dateRange,
    });
    const channel = found.definition.channel;
    // An order export covers the days it has lines on and gaps of up to two days between them (SPEC §2a "Coverage"):
    // a quiet weekend, not a month between two stray dates.
    if (ORDER_EXPORTS.has(found.definition.type) || parsed.facts.some((fact) => fact.kind === 'orderLine')) {
      const days = daysAfter(parsed.days, input.history?.through ?? null);
      for (const run of coverageOfDays(channel, days)) orderCoverage.push(run);
    }
    if (PAYMENTS_REPORTS.has(found.definition.type)) {
      // A report that states its period (a settlement's start and end date) covers it, postings or not; otherwise its
      // first to last posted day.
      const stated = parsed.statedCoverage.map((period) => ({ channel, ...period }));
      const covered = stated.length > 0 ? stated : parsed.dateRange ? [{ channel, ...parsed.dateRange }] : [];
      for (const range of covered) {
        paymentsCoverage.push(range);
        if (found.definition.type === 'amazon-date-range-transactions') dateRangeCoverage.push(range);
      }
    }
    if (found.definition.type === 'amazon-settlement-v2') settlementSheets.add(source.sheetName);
  }

  let costs = EMPTY_COST_TABLE;
  if (input.costsRows) {
    const read = costsFromRows(input.costsRows, OWNED_SHEETS.costs, input.spreadsheetTimeZone);
    costs = read.table;
    for (const issue of read.issues) issues.push(issue);
  }

  // Frozen days are never recomputed: their facts stay in `facts` (the Reconciliation reconciles the reports as
  // pasted, the inventory finds its order coverage) but are not summarized.
  const frozen = input.history ?? null;
  const after = frozen ? factsAfter(facts, frozen.through) : { live: facts, issues: [] };
  for (const issue of after.issues) issues.push(issue);
  const computed = summarize(oneFeeSourcePerDay(after.live, settlementSheets, dateRangeCoverage, issues), {
    costs,
    fxUsdCny: input.settings.fxUsdCny,
    feeEstimator: input.feeEstimator,
    orderCoverage,
    paymentsCoverage,
    costsSheetName: OWNED_SHEETS.costs,
    ordersToMatch: ordersInPayouts(facts),
  });
  for (const issue of computed.issues) issues.push(issue);
  const summary = frozen ? { ...computed, rows: [...frozen.rows, ...computed.rows] } : computed;
  const reconciliation = reconcile(facts, summary.revenueOfOrder, input.language);
  for (const issue of reconciliation?.issues ?? []) issues.push(issue);
  const { levels, products } = readLevels(input.productsRows ?? null, {
    reportingTimeZone: input.settings.reportingTimeZone,
    spreadsheetTimeZone: input.spreadsheetTimeZone,
  });
  const unassigned =
    input.productsRows !== undefined &&
    skusWithoutProductsIssue(
      computed.rows.map((row) => row.sku),
      products,
      OWNED_SHEETS.products,
    );
  if (unassigned) issues.push(unassigned);

  return {
    summary,
    reconciliation,
    facts,
    sources,
    issues,
    rowsRead,
    summaryTable: frozen
      ? withFrozenRows(summaryTable(computed.rows, input.settings.fxUsdCny, levels), frozen)
      : summaryTable(computed.rows, input.settings.fxUsdCny, levels),
    issuesTable: dataIssuesTable(issues, input.language),
    costs,
    levels,
    products,
  };
}
