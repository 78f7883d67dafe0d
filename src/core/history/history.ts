/**
 * Frozen history (issue 17, item 4): years of KPI Summary in one workbook. A workbook holds 10 million cells, so a
 * seller cannot keep every raw export forever. "Keep history up to …" copies the KPI Summary rows of the days up to a
 * date into the KPI History sheet and records that date as Settings `frozen_through`; from then on those days come
 * from KPI History and are never recomputed, later days from the raw sheets, and the KPI Summary holds both, so
 * Looker Studio keeps one continuous table while the old raw rows may be deleted.
 *
 * The KPI History sheet (an owned sheet, hidden): row 1 `frozen_through | yyyy-MM-dd | note`, row 2 the KPI Summary
 * header as the build that froze the rows wrote it, then one row per frozen KPI Summary row, every cell as it was
 * (category, owner, the CNY columns at that build's rate). Rows are mapped back by column name, so a release that
 * appends a KPI Summary column gives frozen rows a blank there rather than a neighbour's value.
 *
 * What is frozen is a day, not an order: a fact (order line, ad row, return, payments line, Business Report day) dated
 * on or before `frozen_through` is left out of the computation, wherever it sits, and counted in one Data Issue per
 * sheet; a refund or return dated after it counts on its own day as it always did (SPEC §2b). So a day's figures
 * never change once frozen, and later days are computed from later facts only, whether the old raw rows are still
 * there or deleted: the invariant tested in test/history/history.property.test.ts.
 */
import { type Cell, type CellGrid, isBlankCell, isDateCell } from '../cell';
import { CHANNELS, type Channel, type DataIssue, type Fact, type IsoDate } from '../model';
import { OWNED_SHEETS } from '../sheetNames';
import { type SummaryTable } from '../summary/table';
import { type SummaryRow } from '../summary/types';
import { addDays, isIsoDate } from '../time';

/** Column A of the KPI History sheet's first row: the marker that the sheet is the add-on's. */
export const HISTORY_THROUGH_LABEL = 'frozen_through';
/** Rows above the frozen rows: the `frozen_through` row and the header row. */
export const HISTORY_TOP_ROWS = 2;

/** The frozen part of a KPI Summary, as a build uses it. */
export interface FrozenHistory {
  /** Days up to and including this one come from the history and are never recomputed. */
  through: IsoDate;
  /** The frozen KPI Summary rows, as cells in the current KPI Summary header's order, sorted as the build sorts. */
  cells: Cell[][];
  /** The same rows as figures, for the outputs computed from the summary (dashboard, review, inventory demand). */
  rows: SummaryRow[];
}

/** The KPI History sheet as read: what it holds, before Settings say how much of it counts. */
export interface HistorySheet {
  /** The day the sheet was frozen through; null when the sheet is missing, empty or not readable. */
  through: IsoDate | null;
  header: string[];
  /** Frozen rows with their 1-based sheet row, for Data Issues. */
  rows: { row: number; cells: Cell[] }[];
  problems: DataIssue[];
}

const HISTORY_SHEET = OWNED_SHEETS.history;

/** A day stored as text by the add-on; a Date cell only if someone typed over it, read as the day it shows. */
function dayOf(cell: Cell | undefined, dayOfDate: (date: Date) => IsoDate): IsoDate | null {
  // Not instanceof: a Date Apps Script hands over (or the test world's vm context) may come from another realm.
  if (isDateCell(cell)) return Number.isNaN(cell.getTime()) ? null : dayOfDate(cell);
  const text = String(cell ?? '').trim();
  return isIsoDate(text) ? text : null;
}

/**
 * The KPI History sheet's cells (one getValues), or null for a workbook without one. `dayOfDate` reads a Date cell
 * as the day the spreadsheet shows (PLATFORM §9): the add-on writes text, but a user may have typed a date.
 */
export function readHistorySheet(grid: CellGrid | null, dayOfDate: (date: Date) => IsoDate): HistorySheet {
  const empty: HistorySheet = { through: null, header: [], rows: [], problems: [] };
  if (grid === null || grid.length === 0) return empty;
  const top = grid[0] ?? [];
  const through = String(top[0] ?? '').trim() === HISTORY_THROUGH_LABEL ? dayOf(top[1], dayOfDate) : null;
  if (through === null) {
    return {
      ...empty,
      problems: [
        { sheet: HISTORY_SHEET, row: 1, key: HISTORY_THROUGH_LABEL, reason: { key: 'history.unreadable' } },
      ],
    };
  }
  const header = (grid[1] ?? []).map((cell) => String(cell).trim());
  const rows: HistorySheet['rows'] = [];
  for (let index = HISTORY_TOP_ROWS; index < grid.length; index++) {
    const cells = grid[index] ?? [];
    if (cells.every(isBlankCell)) continue;
    rows.push({ row: index + 1, cells: cells.slice() });
  }
  return { through, header, rows, problems: [] };
}

/**
 * How much of the history counts this build. Settings `frozen_through` says how far the user froze; the sheet says
 * how far it holds rows. Earlier in Settings than in the sheet: the days in between are unfrozen (recomputed from the
 * raw sheets). Later in Settings: only what the sheet holds can be frozen, and a Data Issue says so. Settings blank
 * with a history sheet: nothing is frozen (the user took the date out), said once. Settings unreadable (a typo):
 * the sheet's own day, so that a typo never turns days whose raw rows were deleted into zeros.
 */
export function frozenThroughOf(
  setting: IsoDate | null,
  settingUnreadable: boolean,
  sheet: HistorySheet,
): { through: IsoDate | null; issues: DataIssue[] } {
  const issues: DataIssue[] = [...sheet.problems];
  const held = sheet.through;
  if (settingUnreadable) return { through: held, issues };
  if (setting === null) {
    if (held !== null && sheet.rows.length > 0)
      issues.push({
        sheet: OWNED_SHEETS.settings,
        row: 0,
        key: HISTORY_THROUGH_LABEL,
        reason: { key: 'history.settingBlank', params: { held } },
      });
    return { through: null, issues };
  }
  if (held === null) {
    issues.push({
      sheet: OWNED_SHEETS.settings,
      row: 0,
      key: HISTORY_THROUGH_LABEL,
      reason: { key: 'history.nothingHeld', params: { setting } },
    });
    return { through: null, issues };
  }
  if (setting > held) {
    issues.push({
      sheet: OWNED_SHEETS.settings,
      row: 0,
      key: HISTORY_THROUGH_LABEL,
      reason: { key: 'history.settingLater', params: { setting, held } },
    });
    return { through: held, issues };
  }
  return { through: setting, issues };
}

/** Order of KPI Summary rows: date, channel, SKU, by code unit, as summarize sorts its groups. */
export function compareSummaryKeys(
  a: { date: string; channel: string; sku: string },
  b: { date: string; channel: string; sku: string },
): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.channel !== b.channel) return a.channel < b.channel ? -1 : 1;
  return a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
}

/** A stored number; '' (blank) → null; anything else → undefined (the row is unreadable). */
function storedNumber(cell: Cell | undefined): number | null | undefined {
  if (cell === undefined || isBlankCell(cell)) return null;
  return typeof cell === 'number' && Number.isFinite(cell) ? cell : undefined;
}

/** Columns a frozen row cannot be read without. */
const REQUIRED_COLUMNS = ['date', 'channel', 'sku'] as const;

/**
 * The frozen rows up to `through`, laid out under `currentHeader` by column name (a column the history lacks is
 * blank), with their figures. A row that cannot be read (a hand edit) is left out and listed; so are columns the
 * history lacks, once.
 */
export function frozenHistory(
  sheet: HistorySheet,
  through: IsoDate,
  currentHeader: readonly string[],
): { history: FrozenHistory; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const columnOf = new Map<string, number>();
  sheet.header.forEach((name, index) => {
    if (name !== '' && !columnOf.has(name)) columnOf.set(name, index);
  });
  const missingRequired = REQUIRED_COLUMNS.filter((name) => !columnOf.has(name));
  if (missingRequired.length > 0) {
    issues.push({
      sheet: HISTORY_SHEET,
      row: 2,
      key: missingRequired.join(', '),
      reason: { key: 'history.headerUnreadable' },
    });
    return { history: { through, cells: [], rows: [] }, issues };
  }
  const missing = currentHeader.filter((name) => !columnOf.has(name));
  if (missing.length > 0 && sheet.rows.length > 0) {
    issues.push({
      sheet: HISTORY_SHEET,
      row: 2,
      key: missing.join(', '),
      reason: { key: 'history.columnsBlank', params: { columns: missing.join(', ') } },
    });
  }
  const at = (cells: readonly Cell[], name: string): Cell | undefined => {
    const index = columnOf.get(name);
    return index === undefined ? undefined : cells[index];
  };
  const kept: { cells: Cell[]; row: SummaryRow }[] = [];
  for (const { row, cells } of sheet.rows) {
    const date = String(at(cells, 'date') ?? '').trim();
    if (isIsoDate(date) && date > through) continue;
    const figures = summaryRowOf(cells, at);
    if (!figures) {
      issues.push({ sheet: HISTORY_SHEET, row, key: date, reason: { key: 'history.rowUnreadable' } });
      continue;
    }
    const laidOut = currentHeader.map((name): Cell => {
      const cell = at(cells, name);
      return cell === undefined ? '' : cell;
    });
    kept.push({ cells: laidOut, row: figures });
  }
  kept.sort((a, b) => compareSummaryKeys(a.row, b.row));
  return {
    history: { through, cells: kept.map((entry) => entry.cells), rows: kept.map((entry) => entry.row) },
    issues,
  };
}

/**
 * A frozen row's figures, read back from the cells the KPI Summary wrote (money already in cents: a frozen day's
 * totals are the sums of its rounded cells, as Looker Studio sums them). Undefined when a cell is not what the add-on
 * wrote there.
 */
function summaryRowOf(
  cells: readonly Cell[],
  at: (cells: readonly Cell[], name: string) => Cell | undefined,
): SummaryRow | undefined {
  const date = String(at(cells, 'date') ?? '').trim();
  const channel = String(at(cells, 'channel') ?? '').trim();
  const skuCell = at(cells, 'sku');
  if (!isIsoDate(date) || !CHANNELS.includes(channel as Channel) || typeof skuCell !== 'string')
    return undefined;
  const numbers: Record<string, number | null> = {};
  for (const name of [
    'units',
    'orders',
    'revenue',
    'ad_spend',
    'ad_sales',
    'ad_clicks',
    'ad_impressions',
    'returned_units',
    'cogs',
    'fees',
    'fees_estimated',
    'gross_profit',
    'refunds',
    'reimbursements',
  ]) {
    const value = storedNumber(at(cells, name));
    if (value === undefined) return undefined;
    numbers[name] = value;
  }
  const count = (name: string): number => numbers[name] ?? 0;
  return {
    date,
    channel: channel as Channel,
    sku: skuCell,
    units: count('units'),
    orders: count('orders'),
    revenue: count('revenue'),
    adSpend: count('ad_spend'),
    adSales: count('ad_sales'),
    adClicks: count('ad_clicks'),
    adImpressions: count('ad_impressions'),
    returnedUnits: count('returned_units'),
    cogs: numbers.cogs ?? null,
    fees: numbers.fees ?? null,
    feesEstimated: numbers.fees_estimated === 1,
    grossProfit: numbers.gross_profit ?? null,
    refunds: count('refunds'),
    reimbursements: count('reimbursements'),
  };
}

/** Facts that make KPI Summary rows: each has the day it counts on. Stock and period facts are not daily rows. */
type DailyFact = Extract<Fact, { kind: 'orderLine' | 'ad' | 'searchTerm' | 'return' | 'fee' | 'dailyTotal' }>;
const DAILY_KINDS: ReadonlySet<Fact['kind']> = new Set<Fact['kind']>([
  'orderLine',
  'ad',
  'searchTerm',
  'return',
  'fee',
  'dailyTotal',
]);
function isDaily(fact: Fact): fact is DailyFact {
  return DAILY_KINDS.has(fact.kind);
}

/**
 * The facts dated after `through`, which the build computes; those on or before it are left out and counted in one
 * Data Issue per sheet (rows, not facts: one payments row may give two facts).
 */
export function factsAfter(facts: readonly Fact[], through: IsoDate): { live: Fact[]; issues: DataIssue[] } {
  const live: Fact[] = [];
  const frozenRows = new Map<string, Set<string>>();
  // Indexed, not for…of: over 100,000 facts the iterator's result objects were measured at 5 MB a pass (issue 17).
  for (let index = 0; index < facts.length; index++) {
    const fact = facts[index] as Fact;
    if (!isDaily(fact) || fact.date > through) {
      live.push(fact);
      continue;
    }
    let rows = frozenRows.get(fact.source.sheet);
    if (!rows) frozenRows.set(fact.source.sheet, (rows = new Set()));
    rows.add(`${fact.source.block ?? ''}\u0000${fact.row}`);
  }
  const issues: DataIssue[] = [...frozenRows].map(([sheet, rows]) => ({
    sheet,
    row: 0,
    key: sheet,
    reason: { key: 'history.rawRowsFrozen', params: { rows: rows.size, through } },
  }));
  return { live, issues };
}

/** The days of a report the build computes: those after `through` (coverage is taken from them alone). */
export function daysAfter(days: readonly IsoDate[], through: IsoDate | null): readonly IsoDate[] {
  return through === null ? days : days.filter((day) => day > through);
}

/**
 * The KPI Summary of a build with frozen history: the frozen rows (all dated up to `through`), then the computed ones
 * (all dated after it), which keeps the build's sort order without sorting again.
 */
export function withFrozenRows(live: SummaryTable, history: FrozenHistory): SummaryTable {
  return { ...live, rows: [...history.cells, ...live.rows] };
}

/** What a "Keep history up to …" writes into the KPI History sheet. */
export interface HistoryTable {
  header: string[];
  /** The KPI Summary header as it is written now (row 2 of the sheet). */
  summaryHeader: readonly string[];
  rows: Cell[][];
}

/**
 * The KPI History sheet for `through`: the rows of a KPI Summary table dated up to it (frozen ones included), under
 * the table's header. `note` is the sentence row 1 carries for a user who unhides the sheet.
 */
export function historyTable(summary: SummaryTable, through: IsoDate, note: string): HistoryTable {
  const dateColumn = summary.header.indexOf('date');
  const width = summary.header.length;
  const top = [HISTORY_THROUGH_LABEL, through, note];
  const header = Array.from({ length: width }, (_, index) => top[index] ?? '');
  const rows: Cell[][] = [summary.header.slice()];
  for (const row of summary.rows) if (String(row[dateColumn] ?? '') <= through) rows.push(row.slice());
  return { header, summaryHeader: summary.header, rows };
}

/**
 * The suggested day for "Keep history up to …": the last day of the month before last, so the current and the
 * previous month stay live. Refunds and returns keep arriving for weeks after a sale (Amazon's return window is 30
 * days from delivery for most items), and a payments report for a month posts its last lines days after it ends.
 */
export function suggestedFrozenThrough(today: IsoDate): IsoDate {
  const firstOfPreviousMonth = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  return addDays(firstOfPreviousMonth, -1);
}

/** The history cut at `through` (an earlier day unfreezes the days after it); null when nothing stays frozen. */
export function historyUpTo(history: FrozenHistory | null, through: IsoDate | null): FrozenHistory | null {
  if (history === null || through === null) return null;
  if (through >= history.through) return history;
  const kept = history.rows.map((row, index) => ({ row, index })).filter(({ row }) => row.date <= through);
  return {
    through,
    cells: kept.map(({ index }) => history.cells[index] ?? []),
    rows: kept.map(({ row }) => row),
  };
}

/**
 * The frozen history a build will read back from `table` once written: the same reader, so a freeze run's outputs
 * and the next build's agree to the cent.
 */
export function historyFromTable(table: HistoryTable, through: IsoDate): FrozenHistory {
  const sheet: HistorySheet = {
    through,
    header: table.summaryHeader.slice(),
    rows: table.rows.slice(1).map((cells, index) => ({ row: index + HISTORY_TOP_ROWS + 1, cells })),
    problems: [],
  };
  return frozenHistory(sheet, through, table.summaryHeader).history;
}

/** The last day a KPI Summary table has, or null when it has no row. */
export function lastSummaryDay(summary: SummaryTable): IsoDate | null {
  const dateColumn = summary.header.indexOf('date');
  let last: IsoDate | null = null;
  for (const row of summary.rows) {
    const day = String(row[dateColumn] ?? '');
    if (last === null || day > last) last = day;
  }
  return last;
}

/** Rows up to `through` with sales but no gross profit (cost or fees unknown): frozen, they stay blank. */
export function rowsWithoutProfit(rows: readonly SummaryRow[], through: IsoDate): number {
  return rows.filter((row) => row.date <= through && row.units !== 0 && row.grossProfit === null).length;
}
