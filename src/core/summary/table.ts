/**
 * The KPI Summary and Data Issues sheets as tables of cells (SPEC §3). Pure, so `npm start` writes the same columns
 * to CSV that the add-on writes to the sheet.
 */
import { type Cell } from '../cell';
import { type Language, MESSAGES, type MessageParams, translate } from '../i18n';
import { type SkuLevels, NO_LEVEL } from '../levels/levels';
import { type DataIssue } from '../model';
import { roundCents } from '../parse';
import { type SummaryRow } from './types';

/** How a column is stored; the same names as the sheet adapter's ColumnFormat (src/gas/sheets.ts). */
export type SummaryColumnFormat = 'text' | 'date' | 'integer' | 'money' | 'percent' | 'number';

export interface SummaryTable {
  header: readonly string[];
  formats: readonly SummaryColumnFormat[];
  rows: Cell[][];
  /** Formats of particular rows (index into `rows`) where they differ from their columns' (a second block). */
  rowFormats?: ReadonlyMap<number, readonly SummaryColumnFormat[]>;
}

interface ColumnSpec {
  name: string;
  format: SummaryColumnFormat;
  value: (row: SummaryRow, fxUsdCny: number | null, levels: SkuLevels) => Cell;
}

/** A ratio as a fraction, blank (never 0) when the denominator is 0 or the numerator unknown (SPEC §1, §3). */
export function ratio(numerator: number | null, denominator: number): Cell {
  if (numerator === null || denominator === 0) return '';
  return Math.round((numerator / denominator) * 1e6) / 1e6;
}

/*
 * Money is kept unrounded through the sums and rounded to cents only when it becomes a cell, by the readers' rule
 * (roundCents: half away from zero on the decimal value, $10.075 → 10.08), so a figure does not depend on where it
 * was rounded.
 */
const money = (amount: number | null): Cell => (amount === null ? '' : roundCents(amount));

/**
 * Columns of the KPI Summary, in order. Looker Studio's data source is built on these names: renaming or reordering
 * one breaks users' reports, so new columns go at the end.
 */
const SUMMARY_COLUMNS: readonly ColumnSpec[] = [
  { name: 'date', format: 'date', value: (row) => row.date },
  { name: 'channel', format: 'text', value: (row) => row.channel },
  { name: 'sku', format: 'text', value: (row) => row.sku },
  { name: 'units', format: 'integer', value: (row) => row.units },
  { name: 'orders', format: 'integer', value: (row) => row.orders },
  { name: 'revenue', format: 'money', value: (row) => roundCents(row.revenue) },
  { name: 'ad_spend', format: 'money', value: (row) => roundCents(row.adSpend) },
  { name: 'ad_sales', format: 'money', value: (row) => roundCents(row.adSales) },
  { name: 'ad_clicks', format: 'integer', value: (row) => row.adClicks },
  { name: 'ad_impressions', format: 'integer', value: (row) => row.adImpressions },
  { name: 'returned_units', format: 'integer', value: (row) => row.returnedUnits },
  { name: 'acos', format: 'percent', value: (row) => ratio(row.adSpend, row.adSales) },
  { name: 'tacos', format: 'percent', value: (row) => ratio(row.adSpend, row.revenue) },
  { name: 'cogs', format: 'money', value: (row) => money(row.cogs) },
  { name: 'fees', format: 'money', value: (row) => money(row.fees) },
  // 1 = estimated from the fee tables, 0 = from payments reports, blank = unknown: a number, so Looker can sum it.
  {
    name: 'fees_estimated',
    format: 'integer',
    value: (row) => (row.fees === null ? '' : row.feesEstimated ? 1 : 0),
  },
  { name: 'gross_profit', format: 'money', value: (row) => money(row.grossProfit) },
  { name: 'margin', format: 'percent', value: (row) => ratio(row.grossProfit, row.revenue) },
  { name: 'refunds', format: 'money', value: (row) => roundCents(row.refunds ?? 0) },
  { name: 'reimbursements', format: 'money', value: (row) => roundCents(row.reimbursements ?? 0) },
  // Head office reads profit in yuan: the USD figure at the Settings rate of the build.
  {
    name: 'gross_profit_cny',
    format: 'money',
    value: (row, fx) => (row.grossProfit === null || fx === null ? '' : roundCents(row.grossProfit * fx)),
  },
  // SPEC §2b: after every ad type the channel's reports give; blank when gross profit is.
  { name: 'net_profit', format: 'money', value: (row) => money(netProfitOf(row)) },
  {
    name: 'net_profit_cny',
    format: 'money',
    value: (row, fx) => {
      const netProfit = netProfitOf(row);
      return netProfit === null || fx === null ? '' : roundCents(netProfit * fx);
    },
  },
  // SPEC §3a: the levels of the method as Looker Studio filters, from the Products sheet; "(none)" without a row.
  { name: 'category', format: 'text', value: (row, _fx, levels) => levels.of(row.sku).category },
  { name: 'owner', format: 'text', value: (row, _fx, levels) => levels.of(row.sku).owner },
];

/** Levels for a table built without a Products sheet: every SKU in "(none)". */
const NO_LEVELS: SkuLevels = { of: () => ({ category: NO_LEVEL, owner: NO_LEVEL }) };

/** Gross profit less ad spend (SPEC §2b), null when gross profit is unknown. */
export function netProfitOf(row: SummaryRow): number | null {
  return row.grossProfit === null ? null : row.grossProfit - row.adSpend;
}

const SUMMARY_HEADER: readonly string[] = SUMMARY_COLUMNS.map((column) => column.name);

export function summaryTable(
  rows: readonly SummaryRow[],
  fxUsdCny: number | null,
  levels: SkuLevels = NO_LEVELS,
): SummaryTable {
  return {
    header: SUMMARY_HEADER,
    formats: SUMMARY_COLUMNS.map((column) => column.format),
    rows: rows.map((row) => SUMMARY_COLUMNS.map((column) => column.value(row, fxUsdCny, levels))),
  };
}

/** The Data Issues sheet: sheet, row, key and the reason in the user's language. Row 0 (whole sheet) is blank. */
export function dataIssuesTable(issues: readonly DataIssue[], language: Language): SummaryTable {
  return {
    header: [
      translate(language, 'issues.header.sheet'),
      translate(language, 'issues.header.row'),
      translate(language, 'issues.header.key'),
      translate(language, 'issues.header.reason'),
    ],
    formats: ['text', 'integer', 'text', 'text'],
    rows: issues.map((issue) => [
      issue.sheet,
      issue.row > 0 ? issue.row : '',
      quotedCellText(issue.key),
      reasonText(issue, language),
    ]),
  };
}

/**
 * How much of a cell a Data Issue quotes (SPEC §2a: about 100 characters). Enough to recognise an order id, a SKU or
 * a mistyped amount; a 50,000-character paste quoted whole would overflow the reason cell, which Sheets caps at
 * 50,000 characters, and stop the build.
 */
export const QUOTE_LIMIT = 100;

/**
 * `text` cut to QUOTE_LIMIT characters, the cut marked with an ellipsis. Counted in code points, so an emoji or a
 * CJK extension character in a product name is never split in half.
 */
export function quotedCellText(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  const codePoints = Array.from(text);
  return codePoints.length <= QUOTE_LIMIT ? text : `${codePoints.slice(0, QUOTE_LIMIT - 1).join('')}…`;
}

/**
 * The one place where text from cells enters a reason: readers put the whole cell text into a message's parameters
 * (cell text, column headers, setting values), and it is cut here, so every reason is bounded whoever raised it.
 */
function quotedParams(params: MessageParams): MessageParams {
  const quoted: MessageParams = {};
  for (const [name, value] of Object.entries(params))
    quoted[name] = typeof value === 'string' ? quotedCellText(value) : value;
  return quoted;
}

/**
 * The reason in the user's language. A key missing from the catalogue (a report module's new message) shows as the
 * raw key with its parameters rather than failing a whole scheduled build over one line of Data Issues.
 */
function reasonText(issue: DataIssue, language: Language): string {
  const params = quotedParams(issue.reason.params ?? {});
  if (MESSAGES[issue.reason.key]) return translate(language, issue.reason.key, params);
  const detail = Object.entries(params)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(', ');
  return detail ? `${issue.reason.key} (${detail})` : issue.reason.key;
}
