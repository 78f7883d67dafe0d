/**
 * The KPI Review sheet as a table (SPEC §4a): one row per period × scope × metric, for people, and three columns the
 * team types into — action, owner, due — kept across every rebuild by the row's key (period + scope + metric).
 * Headers carry both languages (like the Inventory sheet), so a colleague who reads the other language, or a change of
 * the Settings language, never loses a column; the key column is language-free.
 *
 * Rows of an earlier week or month that hold the team's notes are kept below the current ones, as they were, so a
 * decision typed last Monday is still there next Monday.
 */
import { type Cell, type CellGrid, isBlankCell, isDateCell } from '../cell';
import { type Language, translate } from '../i18n';
import { NO_LEVEL } from '../levels/levels';
import { type SummaryColumnFormat, type SummaryTable } from '../summary/table';
import { type MetricId, parseMetric } from '../targets/metrics';
import { type ReviewFlag, type ReviewRow } from './review';

/** The columns the user types into: kept by key, never computed (SPEC §4a). */
export const USER_COLUMNS = ['action', 'owner', 'due'] as const;
type UserColumn = (typeof USER_COLUMNS)[number];

type ReviewColumn =
  | 'period'
  | 'from'
  | 'to'
  | 'level'
  | 'scope'
  | 'metric'
  | 'value'
  | 'previous'
  | 'change'
  | 'average4'
  | 'changeVsAverage4'
  | 'target'
  | 'attainment'
  | 'status'
  | 'decision'
  | UserColumn
  | 'key';

export const REVIEW_COLUMNS: readonly ReviewColumn[] = [
  'period',
  'from',
  'to',
  'level',
  'scope',
  'metric',
  'value',
  'previous',
  'change',
  'average4',
  'changeVsAverage4',
  'target',
  'attainment',
  'status',
  'decision',
  'action',
  'owner',
  'due',
  'key',
];

/** "English · 中文" for a header, one text when both are the same. */
function bilingual(key: string): string {
  const en = translate('en', key);
  const zh = translate('zh', key);
  return en === zh ? en : `${en} · ${zh}`;
}

export function reviewHeader(): string[] {
  return REVIEW_COLUMNS.map((column) => bilingual(`review.column.${column}`));
}

/** How a header cell is matched: the whole text or either language's half, without case or spaces around. */
function headerNames(text: string): string[] {
  const whole = text.trim().toLowerCase();
  return [whole, ...whole.split('·').map((part) => part.trim())].filter((name) => name !== '');
}

function columnIndex(header: readonly Cell[], column: ReviewColumn): number {
  const wanted = new Set(headerNames(bilingual(`review.column.${column}`)));
  wanted.add(column.toLowerCase());
  return header.findIndex((cell) => headerNames(String(cell)).some((name) => wanted.has(name)));
}

export interface KeptEntries {
  /** The team's action, owner and due cells by row key, as read (a typed date stays a Date). */
  byKey: Map<string, Record<UserColumn, Cell>>;
  /** The previous sheet's rows with the team's notes, each cell under its column (blank where the sheet had none). */
  rowsByKey: Map<string, Cell[]>;
}

/**
 * What the team typed on the previous KPI Review sheet (null when there is none). A sheet whose key column was
 * deleted by hand keeps nothing: its rows cannot be matched (the sheet's figures change every week).
 */
export function keptEntries(previous: CellGrid | null): KeptEntries {
  const byKey = new Map<string, Record<UserColumn, Cell>>();
  const rowsByKey = new Map<string, Cell[]>();
  const header = previous?.[0];
  if (!previous || !header) return { byKey, rowsByKey };
  const keyAt = columnIndex(header, 'key');
  if (keyAt < 0) return { byKey, rowsByKey };
  const at = REVIEW_COLUMNS.map((column) => columnIndex(header, column));
  const userAt = USER_COLUMNS.map((column) => columnIndex(header, column));
  for (const row of previous.slice(1)) {
    const key = String(row[keyAt] ?? '').trim();
    if (key === '') continue;
    const cells = userAt.map((index) => (index < 0 ? '' : (row[index] ?? '')));
    if (cells.every((cell) => isBlankCell(cell) || (typeof cell === 'string' && cell.trim() === '')))
      continue;
    byKey.set(key, { action: cells[0] ?? '', owner: cells[1] ?? '', due: cells[2] ?? '' });
    rowsByKey.set(
      key,
      at.map((index) => (index < 0 ? '' : (row[index] ?? ''))),
    );
  }
  return { byKey, rowsByKey };
}

function metricFormat(metric: MetricId): SummaryColumnFormat {
  if (metric === 'units') return 'integer';
  return metric === 'revenue' || metric === 'ad_spend' || metric === 'gross_profit' || metric === 'net_profit'
    ? 'money'
    : 'percent';
}

function rounded(value: number | null, format: SummaryColumnFormat): Cell {
  if (value === null) return '';
  const factor = format === 'money' ? 100 : format === 'integer' ? 1e4 : 1e6;
  return Math.round(value * factor) / factor;
}

/** The text of the decision column: every reason, in the user's language. */
function decisionText(row: ReviewRow, language: Language): string {
  const percent = (value: number | null): string =>
    value === null ? '' : `${value > 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
  const tolerance = `±${(row.tolerance * 100).toFixed(0)}%`;
  const reason = (flag: ReviewFlag): string => {
    switch (flag) {
      case 'red':
        return translate(language, 'review.flag.red');
      case 'change':
        return translate(language, `review.flag.change.${row.period}`, {
          change: percent(row.change),
          tolerance,
        });
      case 'changeVsAverage4':
        return translate(language, 'review.flag.changeVsAverage4', {
          change: percent(row.changeVsAverage4),
          tolerance,
        });
    }
  };
  return row.flags.map(reason).join('; ');
}

function scopeText({ scope }: ReviewRow, language: Language): string {
  if (scope.level === 'company') return translate(language, 'dashboard.scope.total');
  if (scope.level === 'channel') return translate(language, `dashboard.channel.${scope.value}`);
  return scope.value === NO_LEVEL ? translate(language, 'levels.none') : scope.value;
}

/** Formats of a row: its metric's format on the figure columns, plain text elsewhere, a typed due date kept a date. */
function rowFormats(valueFormat: SummaryColumnFormat, dueIsDate: boolean): SummaryColumnFormat[] {
  return REVIEW_COLUMNS.map((column) => {
    switch (column) {
      case 'from':
      case 'to':
        return 'date';
      case 'value':
      case 'previous':
      case 'average4':
      case 'target':
        return valueFormat;
      case 'change':
      case 'changeVsAverage4':
      case 'attainment':
        return 'percent';
      case 'due':
        return dueIsDate ? 'date' : 'text';
      default:
        return 'text';
    }
  });
}

/** A kept cell as it goes back: a Date as the `yyyy-MM-dd` day it showed (Sheets reads it back as that date). */
function keptCell(cell: Cell, spreadsheetDay: (date: Date) => string): Cell {
  return isDateCell(cell) ? spreadsheetDay(cell) : cell;
}

/**
 * The sheet: the current review rows with the team's cells put back by key, then the earlier rows that carry notes.
 * `spreadsheetDay` gives the calendar day a Date cell shows in the spreadsheet's zone.
 */
export function reviewTable(
  rows: readonly ReviewRow[],
  language: Language,
  kept: KeptEntries,
  spreadsheetDay: (date: Date) => string,
): SummaryTable {
  const table: Cell[][] = [];
  const formats = new Map<number, readonly SummaryColumnFormat[]>();
  const current = new Set<string>();
  for (const row of rows) {
    current.add(row.key);
    const format = metricFormat(row.metric);
    const user = kept.byKey.get(row.key);
    const cells: Record<ReviewColumn, Cell> = {
      period: translate(language, `review.period.${row.period}`),
      from: row.from,
      to: row.to,
      level: translate(language, `levels.level.${row.scope.level}`),
      scope: scopeText(row, language),
      metric: translate(language, `dashboard.metric.${row.metric}`),
      value: rounded(row.value, format),
      previous: rounded(row.previous, format),
      change: rounded(row.change, 'percent'),
      average4: rounded(row.average4, format),
      changeVsAverage4: rounded(row.changeVsAverage4, 'percent'),
      target: rounded(row.target, format),
      attainment: rounded(row.attainment, 'percent'),
      status: row.status === null ? '' : translate(language, `dashboard.status.${row.status}`),
      decision: decisionText(row, language),
      action: keptCell(user?.action ?? '', spreadsheetDay),
      owner: keptCell(user?.owner ?? '', spreadsheetDay),
      due: keptCell(user?.due ?? '', spreadsheetDay),
      key: row.key,
    };
    formats.set(table.length, rowFormats(format, isDateCell(user?.due)));
    table.push(REVIEW_COLUMNS.map((column) => cells[column]));
  }
  // Earlier periods' rows with the team's notes, as they were; the key's last part names the metric, for formats.
  const dueAt = REVIEW_COLUMNS.indexOf('due');
  for (const [key, cells] of kept.rowsByKey) {
    if (current.has(key)) continue;
    const metric = parseMetric(key.slice(key.lastIndexOf('|') + 1));
    formats.set(table.length, rowFormats(metric ? metricFormat(metric) : 'number', isDateCell(cells[dueAt])));
    table.push(cells.map((cell) => keptCell(cell, spreadsheetDay)));
  }
  return {
    header: reviewHeader(),
    formats: rowFormats('number', false),
    rows: table,
    rowFormats: formats,
  };
}
