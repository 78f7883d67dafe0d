/**
 * The contract between the report modules (one file per known export under src/core/reports/) and the summary build.
 * A module recognises its export from the header row and turns rows into facts of the data model (src/core/model.ts).
 */
import { type RowsRead } from '../cell';
import { type Channel, type DataIssue, type Fact, type IsoDate } from '../model';

export type ReportType =
  | 'amazon-all-orders'
  | 'amazon-sp-advertised-product'
  | 'amazon-sp-advertised-product-unified'
  | 'amazon-sp-search-term'
  | 'amazon-sp-targeting'
  | 'amazon-sd-advertised-product'
  | 'amazon-sd-advertised-product-unified'
  | 'amazon-sb-campaign'
  | 'amazon-sb-campaign-unified'
  | 'amazon-business-report-child'
  | 'amazon-business-report-date'
  | 'amazon-fba-returns'
  | 'amazon-fba-inventory'
  | 'amazon-fba-inventory-planning'
  | 'amazon-restock-inventory'
  | 'amazon-inventory-ledger-summary'
  | 'amazon-inventory-ledger-detail'
  | 'amazon-date-range-transactions'
  | 'amazon-settlement-v2'
  | 'shopify-orders'
  | 'shopify-payouts'
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
  /**
   * The columns (0-based) the build read below the header rows, when it read only some (src/core/reports/columns.ts);
   * absent: every column is there. Asking for a header outside them is a bug that would read blanks, so it throws.
   */
  columnsRead?: ReadonlySet<number>;
  /** Told each column a parse asks for: the dry run on the header rows that decides what to read (columns.ts). */
  onColumn?: (column: number) => void;
}

/** The language of an export's header row: Seller Central and the Ads console write the user's UI language (SPEC §2c). */
export type HeaderLanguage = 'en' | 'zh';

/**
 * One column of an export's header in another language, as every label it has had (generations, spellings),
 * normalised like the English names; a header row has the column when it has any one of them.
 */
export type HeaderAliases = readonly string[];

/** An export's required and signature columns in another language (SPEC §2c, EXPORTS §9). */
export interface TranslatedHeaders {
  language: Exclude<HeaderLanguage, 'en'>;
  requiredHeaders: readonly HeaderAliases[];
  signatureHeaders: readonly HeaderAliases[];
  /** Columns of another export: a header row that has one is not this export (a Chinese child-item report has 日期). */
  absentHeaders?: readonly HeaderAliases[];
}

export interface Detection {
  type: ReportType;
  /** The language the header row was recognised in; absent means English. */
  headerLanguage?: HeaderLanguage;
  /** 0..1: the share of the export's signature headers found (1 = every signature header present). */
  confidence: number;
  /**
   * The export's signature headers found and how many it has: the "n of m columns" behind the confidence. Absent for
   * a mapped sheet, which has no signature.
   */
  signature?: { found: number; total: number };
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
  /** Columns of another export: a header row that has one is not this export (the targeting report has no search term). */
  absentHeaders?: readonly string[];
  /** The same export with its header in another language: detected as this report type, read by the same parse. */
  translatedHeaders?: readonly TranslatedHeaders[];
  /** Reads every row below `detection.headerRowIndex`; never throws for a bad row: it becomes a DataIssue. */
  parse(rows: RowsRead, detection: Detection, context: ParseContext): ParseResult;
}
