/**
 * The contract between the report modules (one file per known export under src/core/reports/) and the summary build.
 * A module recognises its export from the header row and turns rows into facts of the data model (src/core/model.ts).
 */
import { type CellGrid } from '../cell';
import { type Channel, type DataIssue, type Fact, type IsoDate } from '../model';

export type ReportType =
  | 'amazon-all-orders'
  | 'amazon-sp-advertised-product'
  | 'amazon-sp-advertised-product-unified'
  | 'amazon-sp-search-term'
  | 'amazon-sd-advertised-product'
  | 'amazon-sd-advertised-product-unified'
  | 'amazon-sb-campaign'
  | 'amazon-sb-campaign-unified'
  | 'amazon-business-report-child'
  | 'amazon-business-report-date'
  | 'amazon-fba-returns'
  | 'amazon-fba-inventory'
  | 'amazon-date-range-transactions'
  | 'amazon-settlement-v2'
  | 'shopify-orders'
  | 'walmart-orders'
  | 'tiktok-orders'
  | 'walmart-recon'
  | 'tiktok-settlement'
  /** A sheet the user mapped column by column in the sidebar. */
  | 'mapped';

/** A stated period for a report without a date column (Business Report by child item, inventory snapshot). */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

export interface ParseContext {
  sheetName: string;
  /** IANA zone whose calendar days the summary uses; default America/Los_Angeles (Amazon US days). */
  reportingTimeZone: string;
  /** IANA zone of the spreadsheet: Date cells arrive at midnight of the shown day in this zone (PLATFORM §9). */
  spreadsheetTimeZone: string;
  /** The period the user stated for a period report, when there is one. */
  period: ReportPeriod | null;
}

export interface Detection {
  type: ReportType;
  /** 0..1: the share of the export's signature headers found (1 = every signature header present). */
  confidence: number;
  /** 0-based index, in the rows handed to detection, of the header row. */
  headerRowIndex: number;
}

export interface ParseResult {
  facts: Fact[];
  issues: DataIssue[];
  /** Data rows seen below the header (read or not). */
  rowsRead: number;
  /**
   * Data rows left out by a documented rule and counted in a sheet-level Data Issue (another marketplace or currency,
   * no price yet, a block of another layout). Rows read = rows giving facts + rows listed one by one + these.
   */
  rowsExcluded: number;
  /** Every day with a dated fact or line, sorted: the days an order export covers (SPEC §2a "Coverage"). */
  days: IsoDate[];
  /** Periods the report states it covers (a settlement's start to end date), beyond its days. */
  statedCoverage: ReportPeriod[];
  /** First and last day of the dated facts, or null for a period report or an empty sheet. */
  dateRange: ReportPeriod | null;
}

export interface ReportDefinition {
  type: ReportType;
  channel: Channel;
  /** i18n key of the export's name as a user knows it ("Amazon All Orders report"). */
  labelKey: string;
  /** True for reports without a date per row: they never feed daily revenue (SPEC §2). */
  periodReport: boolean;
  /** Normalised header names (trimmed, lower-case) that must all be present for a match. */
  requiredHeaders: readonly string[];
  /** Further headers typical of the export; each one found raises the confidence. */
  signatureHeaders: readonly string[];
  /** Reads every row below `detection.headerRowIndex`; never throws for a bad row: it becomes a DataIssue. */
  parse(rows: CellGrid, detection: Detection, context: ParseContext): ParseResult;
}
