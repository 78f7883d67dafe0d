/**
 * What every report module needs to walk a sheet: columns by header name, data rows below the header (blank rows
 * skipped silently: they are not data), typed cell reads that turn a bad cell into a Data Issue, and the ParseResult.
 */
import { type Cell, type RowsRead, type SheetRows } from '../cell';
import { type DataIssue, type Fact, type IsoDate, type MessageRef, type SourceRef } from '../model';
import {
  cellText,
  type DayOrder,
  dayInZone,
  decideDayOrder,
  epochOfIsoWithOffset,
  type Moment,
  normaliseHeader,
  type Parsed,
  type ParseFailure,
  parseCount,
  parseDayRange,
  parseDecimal,
  parseMoment,
  plainDecimal,
  type DayRange,
} from '../parse';
import { findBlocks, RowRole, type SheetBlocks } from './blocks';
import { sheetRowsOf } from './columns';
import { readingRow } from '../parse/position';
import {
  type Detection,
  type ParseContext,
  type ParseResult,
  type ReportPeriod,
  type ReportType,
} from './types';

const ISSUE_KEY_OF_FAILURE: Readonly<Record<ParseFailure, string>> = {
  notANumber: 'issue.notANumber',
  notUsDollars: 'issue.notUsDollars',
  notAWholeNumber: 'issue.notAWholeNumber',
  notADate: 'issue.notADate',
  ambiguousDate: 'issue.ambiguousDate',
  notABoolean: 'issue.notABoolean',
  notADateRange: 'issue.notADateRange',
};

/**
 * Distinct texts remembered per column. Columns of repeated values (the ad report's day, `$0.40`, `1,204`) stay far
 * below it; a column of unique texts stops adding at this size, so memory stays bounded.
 */
const COLUMN_MEMO_LIMIT = 4096;

type CellParser<T> = (text: string) => Parsed<T | null>;

/**
 * The day order each export documents for its numeric days, used when a column's values do not decide (SPEC §2a).
 * US Seller Central writes US dates: Business Report by date `8/3/26`, inventory and ledger `04/07/2026`
 * (EXPORTS §1, §10); Walmart's US-only Seller Center `4/29/2026` (EXPORTS §8); TikTok Shop US
 * `03/01/2026 10:00:00 AM` (EXPORTS §8 quirk 4; its SEA files are day-first, but their `25/06/2026` values decide
 * the column by themselves, and their lines are not in US dollars anyway). Left out, and so decided by values alone:
 * the Settlement V2 flat file, whose one seen `posted-date` (`09/06/25` beside `2025-06-09`) is day-first and
 * unconfirmed (EXPORTS §4); exports that write ISO or month-name dates have no numeric days to order.
 */
const DOCUMENTED_DAY_ORDER: Readonly<Partial<Record<ReportType, DayOrder>>> = {
  'amazon-business-report-date': 'monthFirst',
  'amazon-fba-inventory': 'monthFirst',
  // Inventory Ledger `05/13/2026` and the FBA Inventory report's `4/11/2021` dates (EXPORTS §10; help GKT9YKCHXMSDVJKB).
  'amazon-inventory-ledger-summary': 'monthFirst',
  'amazon-inventory-ledger-detail': 'monthFirst',
  'amazon-fba-inventory-planning': 'monthFirst',
  // The classic Ads console and the Date Range report also write US `M/D/YY` days (EXPORTS, fixture checklist).
  'amazon-sp-advertised-product': 'monthFirst',
  // The classic Sponsored Display and Sponsored Brands downloads share the Sponsored Products day format.
  'amazon-sd-advertised-product': 'monthFirst',
  'amazon-sb-campaign': 'monthFirst',
  'amazon-sp-search-term': 'monthFirst',
  'amazon-sp-targeting': 'monthFirst',
  'amazon-date-range-transactions': 'monthFirst',
  'walmart-orders': 'monthFirst',
  'walmart-recon': 'monthFirst',
  'tiktok-orders': 'monthFirst',
};

/**
 * What the general readers made of each distinct text of one column. Within one sheet the time zones are fixed, so
 * every reader is a function of the text alone and a remembered result is the result. Results are shared between
 * rows: a Moment must not be changed by its reader (none is).
 */
class ColumnMemo<T> {
  private readonly byText = new Map<string, Parsed<T | null>>();

  read(text: string, parse: CellParser<T>): Parsed<T | null> {
    let parsed = this.byText.get(text);
    if (parsed === undefined) {
      parsed = parse(text);
      if (this.byText.size < COLUMN_MEMO_LIMIT) this.byText.set(text, parsed);
    }
    return parsed;
  }
}

export interface DataRow {
  /** 0-based index of the row in the rows read (its cells: SheetRows.cell). */
  rowIndex: number;
  /** 1-based row number a user sees in Sheets. */
  sheetRow: number;
  /** The export block the row belongs to ('' for the first; see blocks.ts). */
  block: string;
}

export class SheetReader {
  private readonly columnIndexes = new Map<string, number>();
  private readonly headerTexts: string[];
  private readonly facts: Fact[] = [];
  private readonly issues: DataIssue[] = [];
  private firstDay: IsoDate | null = null;
  private lastDay: IsoDate | null = null;
  /** Every day a dated fact or a noted line falls on: an order export covers these (SPEC §2a "Coverage"). */
  private readonly days = new Set<IsoDate>();
  private lastNotedDay: IsoDate | null = null;
  private readonly coverage: ReportPeriod[] = [];
  private rowsRead = 0;
  private rowsExcluded = 0;
  private readonly blocks: SheetBlocks;
  /** The rows as read (a grid, or a sheet read in column runs: see SheetRows). */
  readonly rows: SheetRows;

  constructor(
    rowsRead: RowsRead,
    private readonly detection: Detection,
    readonly context: ParseContext,
  ) {
    const rows = sheetRowsOf(rowsRead);
    this.rows = rows;
    const header = rows.row(detection.headerRowIndex) ?? [];
    this.headerTexts = header.map((cell) => cellText(cell));
    header.forEach((cell, index) => {
      const name = normaliseHeader(cell);
      if (name !== '' && !this.columnIndexes.has(name)) this.columnIndexes.set(name, index);
    });
    this.blocks = findBlocks(rows, detection.headerRowIndex, context.columnsRead);
    for (const { sheetRow, rows: leftOut } of this.blocks.otherLayouts) {
      this.rowsRead += leftOut;
      this.rowsExcluded += leftOut;
      this.addIssue(sheetRow, context.sheetName, {
        key: 'issue.blockOtherLayout',
        params: { rows: leftOut },
      });
    }
  }

  /** Index of the first of `names` (normalised header names) present in the header, or -1. */
  column(...names: string[]): number {
    for (const name of names) {
      const index = this.columnIndexes.get(name);
      if (index !== undefined) return this.used(index);
    }
    return -1;
  }

  /**
   * Index of the first header starting with one of `prefixes`: Ads attribution columns carry a window and, outside
   * the US, a currency (`7 Day Total Sales (₹)`; Sponsored Brands `14 Day Total Sales`).
   */
  columnStartingWith(...prefixes: string[]): number {
    for (const prefix of prefixes) {
      for (const [name, index] of this.columnIndexes) if (name.startsWith(prefix)) return this.used(index);
    }
    return -1;
  }

  /**
   * A column the parse reads: told to the dry run that plans the build's reads, and refused when the build did not
   * read it (its cells would all look blank, and the numbers would be silently wrong).
   */
  private used(index: number): number {
    const { columnsRead, onColumn } = this.context;
    if (columnsRead && !columnsRead.has(index))
      throw new Error(`${this.context.sheetName}: column "${this.headerText(index)}" was not read`);
    onColumn?.(index);
    return index;
  }

  /** The header text of a column as the sheet shows it, for messages. */
  headerText(column: number): string {
    return this.headerTexts[column] ?? '';
  }

  /**
   * Every non-blank row below the header, repeated header rows and their preambles left out (blocks.ts). Once, like a
   * generator. Written out rather than as a generator, whose every row costs a new result object: this one reuses one
   * (parsing 100,000 order lines allocates 4 MB less, 37 → 33), and one DataRow for every row (4 MB less again).
   */
  dataRows(): Iterable<DataRow> {
    let index = this.detection.headerRowIndex;
    // One DataRow for every row, like the result object: no caller keeps a row past its turn of the loop.
    const dataRow: DataRow = { rowIndex: 0, sheetRow: 0, block: '' };
    const step: IteratorYieldResult<DataRow> = { done: false, value: dataRow };
    const sheetRows = this.rows;
    const next = (): IteratorResult<DataRow> => {
      while (++index < sheetRows.length) {
        if (sheetRows.isBlankRow(index)) continue;
        if (this.blocks.roleOf(index) !== RowRole.data) continue;
        this.rowsRead++;
        readingRow(index + 1);
        dataRow.rowIndex = index;
        dataRow.sheetRow = index + 1;
        dataRow.block = this.blocks.blockOf(index);
        return step;
      }
      return { done: true, value: undefined };
    };
    const rows: IterableIterator<DataRow> = { next, [Symbol.iterator]: () => rows };
    return rows;
  }

  /** The shared SourceRef of each block label met (model.ts: one per block, not one per fact). */
  private readonly sourceOfBlock = new Map<string, SourceRef>();

  /**
   * Where a fact of `dataRow` came from (its row is `dataRow.sheetRow`). `subBlock` splits the row's block further
   * where the export says a new download begins without a header (a new settlement id).
   */
  sourceOf(dataRow: DataRow, subBlock = ''): SourceRef {
    const block = subBlock === '' ? dataRow.block : `${dataRow.block}/${subBlock}`;
    let source = this.sourceOfBlock.get(block);
    if (source === undefined) {
      const { sheetName } = this.context;
      source = Object.freeze(block === '' ? { sheet: sheetName } : { sheet: sheetName, block });
      this.sourceOfBlock.set(block, source);
    }
    return source;
  }

  /** The row the reader just got is not data after all (TikTok's description row): it is not counted as read. */
  notADataRow(): void {
    this.rowsRead--;
  }

  /**
   * A row left out by a documented rule (another marketplace, no price yet…) that one sheet-level Data Issue counts:
   * the accounting of SPEC §2a (rows read = rows counted + rows listed + rows excluded) needs the number.
   */
  excludeRow(): void {
    this.rowsExcluded++;
  }

  /** The report states the days it covers (a settlement's own period), beyond the days of its lines. */
  coverPeriod(period: ReportPeriod): void {
    this.coverage.push(period);
  }

  /** Counts the data rows without reading them (a sheet that cannot be used yet still shows how many rows it has). */
  skipAllRows(): void {
    for (const dataRow of this.dataRows()) void dataRow;
  }

  private readonly rowReader = new RowReader(this);
  private readonly decimalMemos = new Map<number, ColumnMemo<number>>();
  private readonly countMemos = new Map<number, ColumnMemo<number>>();
  private readonly momentMemos = new Map<number, ColumnMemo<Moment>>();
  private readonly dayRangeMemos = new Map<number, ColumnMemo<DayRange>>();
  private readonly momentParsers = new Map<number, CellParser<Moment>>();
  readonly parseDayRangeText: CellParser<DayRange> = (text) => parseDayRange(text, this.context);

  /**
   * The reader of a column's timestamp and day texts, with the column's day order (SPEC §2a: one order for the whole
   * column) decided on first use by one scan of its texts below the header, so report modules need no change.
   */
  momentParser(column: number): CellParser<Moment> {
    let parser = this.momentParsers.get(column);
    if (!parser) {
      const dayOrder = decideDayOrder(
        this.columnTexts(column),
        DOCUMENTED_DAY_ORDER[this.detection.type] ?? null,
      );
      parser = (text) => parseMoment(text, this.context, dayOrder);
      this.momentParsers.set(column, parser);
    }
    return parser;
  }

  /** The cleaned texts of a column below the header (typed cells have no day order to tell). */
  private *columnTexts(column: number): Generator<string> {
    for (let index = this.detection.headerRowIndex + 1; index < this.rows.length; index++) {
      const cell = this.rows.cell(index, column);
      if (typeof cell === 'string' && cell !== '') yield cellText(cell);
    }
  }

  decimalMemo(column: number): ColumnMemo<number> {
    return memoOf(this.decimalMemos, column);
  }

  countMemo(column: number): ColumnMemo<number> {
    return memoOf(this.countMemos, column);
  }

  momentMemo(column: number): ColumnMemo<Moment> {
    return memoOf(this.momentMemos, column);
  }

  dayRangeMemo(column: number): ColumnMemo<DayRange> {
    return memoOf(this.dayRangeMemos, column);
  }

  /**
   * The reader of one data row; it records the first unreadable cell of the row as a Data Issue keyed by the first
   * non-empty of its key columns. One reader is reused for every row (no allocation per row of a 100,000-row report):
   * use it before asking for the next row.
   */
  row(dataRow: DataRow, keyColumn: number, secondKeyColumn = -1, thirdKeyColumn = -1): RowReader {
    this.rowReader.moveTo(dataRow, keyColumn, secondKeyColumn, thirdKeyColumn);
    return this.rowReader;
  }

  addFact(fact: Fact): void {
    this.facts.push(fact);
    if ('date' in fact) this.noteDay(fact.date);
  }

  addIssue(sheetRow: number, key: string, reason: MessageRef): void {
    this.issues.push({ sheet: this.context.sheetName, row: sheetRow, key, reason });
  }

  noteDay(day: IsoDate): void {
    // Exports list days in runs (sorted by date): a Set lookup only when the day changes.
    if (day !== this.lastNotedDay) {
      this.days.add(day);
      this.lastNotedDay = day;
    }
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;
  }

  result(): ParseResult {
    return {
      facts: this.facts,
      issues: this.issues,
      rowsRead: this.rowsRead,
      rowsExcluded: this.rowsExcluded,
      days: [...this.days].sort(),
      statedCoverage: this.coverage,
      dateRange:
        this.firstDay !== null && this.lastDay !== null ? { from: this.firstDay, to: this.lastDay } : null,
    };
  }
}

export class RowReader {
  /** True once a cell of the row could not be read; the row must then be left out. */
  failed = false;
  private dataRow: DataRow = { rowIndex: 0, sheetRow: 0, block: '' };
  // Up to three key columns as plain fields, not a rest-parameter array: that array was allocated for every row
  // (5.7 MB for 100,000 order lines) and kept by the reader.
  private keyColumn = -1;
  private secondKeyColumn = -1;
  private thirdKeyColumn = -1;

  constructor(private readonly sheet: SheetReader) {}

  moveTo(dataRow: DataRow, keyColumn: number, secondKeyColumn: number, thirdKeyColumn: number): void {
    this.dataRow = dataRow;
    this.keyColumn = keyColumn;
    this.secondKeyColumn = secondKeyColumn;
    this.thirdKeyColumn = thirdKeyColumn;
    this.failed = false;
  }

  /** What identifies the row for a person (order id, SKU, campaign): the first key column that is not empty. */
  key(): string {
    return this.text(this.keyColumn) || this.text(this.secondKeyColumn) || this.text(this.thirdKeyColumn);
  }

  get sheetRow(): number {
    return this.dataRow.sheetRow;
  }

  cell(column: number): Cell {
    return column < 0 ? '' : this.sheet.rows.cell(this.dataRow.rowIndex, column);
  }

  /** Cleaned text (trailing TABs, BOM, `="…"` removed). */
  text(column: number): string {
    return cellText(this.cell(column));
  }

  /** Cleaned text that must not be empty (an order id, a SKU): empty records an issue. */
  requiredText(column: number): string {
    const text = this.text(column);
    if (text === '')
      this.fail({ key: 'issue.missingValue', params: { column: this.sheet.headerText(column) } });
    return text;
  }

  /*
   * The typed reads below try the fast path on the raw text first (a plain decimal, an ISO timestamp: texts cleanText
   * leaves unchanged, read to the same value as the general readers, property-tested in test/core/fastPaths.test.ts),
   * then the column's memo of general readings. A typed (non-text) cell goes straight to the general reader.
   */

  money(column: number): number | null {
    const cell = this.cell(column);
    if (typeof cell !== 'string') return this.read(column, parseDecimal(cell));
    const plain = plainDecimal(cell);
    if (plain !== null) return plain;
    return this.read(column, this.sheet.decimalMemo(column).read(cell, parseDecimal));
  }

  /** Money where a blank means nothing (a discount column left empty). */
  moneyOrZero(column: number): number {
    return this.money(column) ?? 0;
  }

  count(column: number): number | null {
    const cell = this.cell(column);
    if (typeof cell !== 'string') return this.read(column, parseCount(cell));
    const plain = plainDecimal(cell);
    if (plain !== null && Number.isInteger(plain)) return plain;
    return this.read(column, this.sheet.countMemo(column).read(cell, parseCount));
  }

  countOrZero(column: number): number {
    return this.count(column) ?? 0;
  }

  moment(column: number): Moment | null {
    const cell = this.cell(column);
    if (typeof cell !== 'string') return this.read(column, parseMoment(cell, this.sheet.context));
    const isoInstant = epochOfIsoWithOffset(cell);
    if (isoInstant !== null)
      return { date: dayInZone(isoInstant, this.sheet.context.reportingTimeZone), epochMs: isoInstant };
    return this.read(column, this.sheet.momentMemo(column).read(cell, this.sheet.momentParser(column)));
  }

  /** A moment that must be there: a blank records an issue. */
  requiredMoment(column: number): Moment | null {
    const moment = this.moment(column);
    if (moment === null && !this.failed) {
      this.fail({ key: 'issue.missingValue', params: { column: this.sheet.headerText(column) } });
    }
    return moment;
  }

  /**
   * The row's day: moment(column)?.date, without a Moment object when the cell is an ISO instant (the All Orders
   * purchase date; with instant() below, two objects less per order line).
   */
  day(column: number): IsoDate | null {
    const cell = this.cell(column);
    if (typeof cell === 'string') {
      const isoInstant = epochOfIsoWithOffset(cell);
      if (isoInstant !== null) return dayInZone(isoInstant, this.sheet.context.reportingTimeZone);
    }
    return this.moment(column)?.date ?? null;
  }

  /** A day that must be there: a blank records an issue (as requiredMoment). */
  requiredDay(column: number): IsoDate | null {
    const day = this.day(column);
    if (day === null && !this.failed) {
      this.fail({ key: 'issue.missingValue', params: { column: this.sheet.headerText(column) } });
    }
    return day;
  }

  /** The row's instant in epoch ms: moment(column)?.epochMs, without a Moment object for an ISO instant. */
  instant(column: number): number | null {
    const cell = this.cell(column);
    if (typeof cell === 'string') {
      const isoInstant = epochOfIsoWithOffset(cell);
      if (isoInstant !== null) return isoInstant;
    }
    return this.moment(column)?.epochMs ?? null;
  }

  dayRange(column: number): DayRange | null {
    const cell = this.cell(column);
    if (typeof cell !== 'string') return this.read(column, parseDayRange(cell, this.sheet.context));
    return this.read(column, this.sheet.dayRangeMemo(column).read(cell, this.sheet.parseDayRangeText));
  }

  /** Records `reason` for this row (once: the first problem is the one a person fixes first). */
  fail(reason: MessageRef): void {
    if (this.failed) return;
    this.failed = true;
    this.sheet.addIssue(this.dataRow.sheetRow, this.key(), reason);
  }

  private read<T>(column: number, parsed: Parsed<T | null>): T | null {
    if (parsed.ok) return parsed.value;
    this.fail({
      key: ISSUE_KEY_OF_FAILURE[parsed.reason],
      params: { column: this.sheet.headerText(column), value: parsed.text },
    });
    return null;
  }
}

function memoOf<T>(memos: Map<number, ColumnMemo<T>>, column: number): ColumnMemo<T> {
  let memo = memos.get(column);
  if (!memo) memos.set(column, (memo = new ColumnMemo()));
  return memo;
}
