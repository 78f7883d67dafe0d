/**
 * The Costs sheet (SPEC §3): per SKU the unit cost and its currency, first-leg freight per unit, duty rate and the day
 * the cost takes effect, plus optional category and package dimensions used to estimate Amazon fees when no payments
 * report covers a day. A SKU may have several rows: the row in force on a sale day is the one with the latest
 * `effective_from` on or before that day (a new purchase batch at a new price does not rewrite past profit).
 */
import { type Cell, type CellGrid, isBlankCell, isDateCell } from '../cell';
import { type DataIssue, type IsoDate } from '../model';
import { isPlausibleCellNumber } from '../parse/number';
import { readingRow, readingSheet } from '../parse/position';
import { isIsoDate, isoDateOf, wallClockInZone } from '../time';

export type CostCurrency = 'USD' | 'CNY';

/** Package facts for the fee tables: weight in pounds, dimensions in inches (Amazon US units). */
export interface PackageDimensions {
  weightLb: number;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
}

export interface CostEntry {
  sku: string;
  unitCost: number;
  currency: CostCurrency;
  firstLegPerUnit: number;
  firstLegCurrency: CostCurrency;
  /** Fraction of the unit cost (0.25 = 25%), the way US duty is assessed on the declared goods value. */
  dutyRate: number;
  /** First sale day the row applies to; null = always (until a dated row takes over). */
  effectiveFrom: IsoDate | null;
  /** Amazon referral-fee category, as the fee table names it; "" when not given. */
  category: string;
  dimensions: PackageDimensions | null;
  /** 1-based row in the Costs sheet, for Data Issues. */
  row: number;
}

/**
 * Column names of the Costs sheet, matched after trimming and ignoring case. Only the first word counts, so a user may
 * write "unit_cost 单位成本" or "unit_cost (CNY or USD)" as the header.
 */
const COST_COLUMNS = [
  'sku',
  'unit_cost',
  'currency',
  'first_leg_per_unit',
  'first_leg_currency',
  'duty_rate',
  'effective_from',
  'category',
  'weight_lb',
  'length_in',
  'width_in',
  'height_in',
] as const;
export type CostColumn = (typeof COST_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly CostColumn[] = ['sku', 'unit_cost'];

function headerKey(cell: Cell): string {
  return (
    String(cell)
      .trim()
      .toLowerCase()
      .split(/[\s(（]/)[0] ?? ''
  );
}

/**
 * A number typed or pasted: 12.5, "12.5", "$1,204.50", "¥30", "(5.00)". Null when it is not a number, or not one the
 * build can carry (a 400-digit paste is Infinity to Number; see isPlausibleCellNumber).
 */
function numberFromCell(cell: Cell): number | null {
  if (typeof cell === 'number') return isPlausibleCellNumber(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  let text = cell.trim().replace(/[$¥￥,\s]/g, '');
  let sign = 1;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    sign = -1;
    text = parenthesised[1] ?? '';
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const value = sign * Number(text);
  return isPlausibleCellNumber(value) ? value : null;
}

/**
 * A rate as a fraction: 0.25, "0.25" or "25%" → 0.25. Rates above 100% are real (US tariffs on Chinese goods reached
 * 145% in 2025), so 1.45 is accepted; a bare 25 is taken for a typo of 25% and refused rather than read as 2500%.
 */
function rateFromCell(cell: Cell): number | null {
  if (typeof cell === 'string' && cell.trim().endsWith('%')) {
    const points = numberFromCell(cell.trim().slice(0, -1));
    return points === null ? null : points / 100;
  }
  const value = numberFromCell(cell);
  return value === null || value > MAX_DUTY_RATE ? null : value;
}

const MAX_DUTY_RATE = 5;

/**
 * A calendar day from a Date cell or text. A Date cell stands for the day the sheet shows, i.e. its wall clock in the
 * spreadsheet's time zone (PLATFORM §9: a Shanghai workbook hands over 16:00 UTC of the day before).
 */
function isoDateFromCell(cell: Cell, spreadsheetTimeZone: string): IsoDate | null {
  if (isDateCell(cell)) {
    const epoch = cell.getTime();
    return Number.isNaN(epoch) ? null : isoDateOf(wallClockInZone(epoch, spreadsheetTimeZone));
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : null;
  if (!parts) return null;
  const candidate = isoDateOf({ year: Number(parts[0]), month: Number(parts[1]), day: Number(parts[2]) });
  return isIsoDate(candidate) ? candidate : null;
}

function currencyFromCell(cell: Cell): CostCurrency | null {
  const text = String(cell).trim().toUpperCase();
  if (text === '' || text === 'USD' || text === '$' || text === 'US$') return 'USD';
  if (text === 'CNY' || text === 'RMB' || text === '¥' || text === '￥' || text === '人民币') return 'CNY';
  return null;
}

export interface CostTable {
  /** Rows per SKU, oldest effective date first. */
  readonly bySku: ReadonlyMap<string, readonly CostEntry[]>;
}

/** The cost row in force for `sku` on `date`, or null when the SKU has no row that has taken effect by then. */
export function costInForce(table: CostTable, sku: string, date: IsoDate): CostEntry | null {
  const entries = table.bySku.get(sku);
  if (!entries) return null;
  let found: CostEntry | null = null;
  for (const entry of entries) {
    if (entry.effectiveFrom === null || entry.effectiveFrom <= date) found = entry;
  }
  return found;
}

export const EMPTY_COST_TABLE: CostTable = { bySku: new Map() };

export interface CostsReadResult {
  table: CostTable;
  issues: DataIssue[];
  /** False when the sheet has no header row with at least `sku` and `unit_cost`. */
  headerFound: boolean;
}

/**
 * Reads the Costs sheet's cells (one getValues). The header is the first row within the first 15 that names `sku`
 * and `unit_cost`; a row that cannot be read is left out and reported, never guessed.
 */
export function costsFromRows(
  rows: CellGrid,
  sheetName: string,
  spreadsheetTimeZone: string,
): CostsReadResult {
  // Read as the reading of the Costs sheet, so a build that fails here says which row (src/core/parse/position.ts).
  return readingSheet(sheetName, () => readCostRows(rows, sheetName, spreadsheetTimeZone));
}

function readCostRows(rows: CellGrid, sheetName: string, spreadsheetTimeZone: string): CostsReadResult {
  const issues: DataIssue[] = [];
  const headerRowIndex = rows
    .slice(0, 15)
    .findIndex((row) => REQUIRED_COLUMNS.every((column) => row.some((cell) => headerKey(cell) === column)));
  if (headerRowIndex < 0) return { table: EMPTY_COST_TABLE, issues, headerFound: false };
  const header = rows[headerRowIndex] ?? [];
  const columnIndex = new Map<CostColumn, number>();
  header.forEach((cell, index) => {
    const key = headerKey(cell) as CostColumn;
    if ((COST_COLUMNS as readonly string[]).includes(key) && !columnIndex.has(key))
      columnIndex.set(key, index);
  });

  const bySku = new Map<string, CostEntry[]>();
  for (let index = headerRowIndex + 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    const rowNumber = index + 1;
    readingRow(rowNumber);
    const cell = (column: CostColumn): Cell => {
      const at = columnIndex.get(column);
      return at === undefined ? '' : (cells[at] ?? '');
    };
    const sku = String(cell('sku')).trim();
    if (cells.every((value) => isBlankCell(value) || String(value).trim() === '')) continue;
    const report = (key: string, params: Record<string, string | number> = {}): void => {
      issues.push({ sheet: sheetName, row: rowNumber, key: sku, reason: { key, params } });
    };
    if (sku === '') {
      report('issue.costs.noSku');
      continue;
    }
    const unitCost = numberFromCell(cell('unit_cost'));
    if (unitCost === null || unitCost < 0) {
      report('issue.costs.badNumber', { column: 'unit_cost', value: String(cell('unit_cost')) });
      continue;
    }
    const currency = currencyFromCell(cell('currency'));
    const firstLegCurrencyCell = cell('first_leg_currency');
    // A blank first-leg currency means the same currency as the unit cost: freight quotes in China are usually in yuan.
    const firstLegCurrency = isBlankCell(firstLegCurrencyCell)
      ? currency
      : currencyFromCell(firstLegCurrencyCell);
    if (currency === null || firstLegCurrency === null) {
      const bad = currency === null ? cell('currency') : firstLegCurrencyCell;
      report('issue.costs.badCurrency', { value: String(bad) });
      continue;
    }
    const firstLegCell = cell('first_leg_per_unit');
    const firstLegPerUnit = isBlankCell(firstLegCell) ? 0 : numberFromCell(firstLegCell);
    if (firstLegPerUnit === null || firstLegPerUnit < 0) {
      report('issue.costs.badNumber', { column: 'first_leg_per_unit', value: String(firstLegCell) });
      continue;
    }
    const dutyCell = cell('duty_rate');
    const dutyRate = isBlankCell(dutyCell) ? 0 : rateFromCell(dutyCell);
    if (dutyRate === null || dutyRate < 0) {
      report('issue.costs.badNumber', { column: 'duty_rate', value: String(dutyCell) });
      continue;
    }
    const effectiveCell = cell('effective_from');
    const effectiveFrom = isBlankCell(effectiveCell)
      ? null
      : isoDateFromCell(effectiveCell, spreadsheetTimeZone);
    if (!isBlankCell(effectiveCell) && effectiveFrom === null) {
      report('issue.costs.badDate', { value: String(effectiveCell) });
      continue;
    }
    const dimensionCells = (['weight_lb', 'length_in', 'width_in', 'height_in'] as const).map(cell);
    let dimensions: PackageDimensions | null = null;
    if (dimensionCells.every((value) => !isBlankCell(value))) {
      const [weightLb, lengthIn, widthIn, heightIn] = dimensionCells.map(
        (value) => numberFromCell(value) ?? 0,
      ) as [number, number, number, number];
      if ([weightLb, lengthIn, widthIn, heightIn].some((value) => value <= 0)) {
        report('issue.costs.badDimensions');
      } else {
        dimensions = { weightLb, lengthIn, widthIn, heightIn };
      }
    }
    const entry: CostEntry = {
      sku,
      unitCost,
      currency,
      firstLegPerUnit,
      firstLegCurrency,
      dutyRate,
      effectiveFrom,
      category: String(cell('category')).trim(),
      dimensions,
      row: rowNumber,
    };
    const list = bySku.get(sku) ?? [];
    const sameDay = list.find((other) => other.effectiveFrom === effectiveFrom);
    if (sameDay) {
      // Two rows for one SKU and day would make the cost depend on row order: keep the first, report the second.
      report('issue.costs.duplicate', { row: sameDay.row });
      continue;
    }
    list.push(entry);
    bySku.set(sku, list);
  }
  for (const list of bySku.values()) {
    list.sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''));
  }
  return { table: { bySku }, issues, headerFound: true };
}

/** Landed cost of one unit in USD: unit cost + first-leg freight + duty on the unit cost; null when CNY needs a rate. */
export function landedUnitCostUsd(entry: CostEntry, fxUsdCny: number | null): number | null {
  const toUsd = (amount: number, currency: CostCurrency): number | null => {
    if (currency === 'USD' || amount === 0) return amount;
    return fxUsdCny === null ? null : amount / fxUsdCny;
  };
  const unitCost = toUsd(entry.unitCost, entry.currency);
  const firstLeg = toUsd(entry.firstLegPerUnit, entry.firstLegCurrency);
  if (unitCost === null || firstLeg === null) return null;
  return unitCost + firstLeg + unitCost * entry.dutyRate;
}

/** Header of a new Costs sheet; the bilingual explanation is shown when the template is created (summary messages). */
export const COSTS_TEMPLATE_HEADER: readonly string[] = COST_COLUMNS;
