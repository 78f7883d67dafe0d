/**
 * The Targets sheet (SPEC §3): one target per row, columns matched by header name (any order, extra columns
 * ignored). A row with a window name is a seasonal target that replaces the base target on the days of its window.
 */
import { type Cell, isBlankCell, isDateCell } from '../cell';
import { type IsoDate } from '../model';
import { isIsoDate, isoDateInZone } from '../time';
import { type Direction, type MetricId, defaultDirection, isRatioMetric, parseMetric } from './metrics';
import { DEFAULT_TOLERANCE } from './status';
import { type SeasonalWindow, isBlackFridayWindow, normaliseWindowName } from './windows';

/**
 * Where a target applies. `category` and `owner` are the levels of SPEC §3a, groupings of SKUs by the Products sheet;
 * `owner_role` is a role's name on a company metric (the person answerable for ACoS), a label, not a grouping.
 */
export type TargetScope = 'company' | 'channel' | 'category' | 'owner' | 'sku' | 'owner_role';
/** The length of time an additive target is for. Ratio targets hold for any period and may leave it blank. */
export type TargetPeriod = 'day' | 'week' | 'month';

export interface TargetRow {
  /** 1-based row in the Targets sheet, for messages. */
  sheetRow: number;
  metric: MetricId;
  scope: TargetScope;
  /** Channel id, SKU or role name; "" for company. */
  scopeValue: string;
  period: TargetPeriod | null;
  /** Amount per period (USD, units) or a fraction for ratios (0.25 = 25%). */
  target: number;
  direction: Direction;
  /** Relative band for AMBER (0.1 = within 10% of the target). */
  tolerance: number;
  window: SeasonalWindow | null;
}

/** The Targets sheet's header, in the order a new sheet gets it. */
export const TARGET_COLUMNS = [
  'metric',
  'scope',
  'scope_value',
  'period',
  'target',
  'direction',
  'tolerance',
  'window',
  'window_start',
  'window_end',
] as const;
export type TargetColumn = (typeof TARGET_COLUMNS)[number];

/** A row the parser could not use: a message key of the dashboard catalogue part and its parameters. */
export interface TargetProblem {
  sheetRow: number;
  messageKey: string;
  params: Record<string, string>;
}

const SCOPES: Readonly<Record<string, TargetScope>> = {
  company: 'company',
  total: 'company',
  channel: 'channel',
  sku: 'sku',
  category: 'category',
  // Issue 13: "owner" is the operator (运营) of the Products sheet, a real grouping; a role label stays owner_role.
  owner: 'owner',
  operator: 'owner',
  owner_role: 'owner_role',
  role: 'owner_role',
};

const PERIODS: Readonly<Record<string, TargetPeriod>> = {
  day: 'day',
  daily: 'day',
  week: 'week',
  weekly: 'week',
  month: 'month',
  monthly: 'month',
};

function textOf(cell: Cell | undefined): string {
  if (cell === undefined || isBlankCell(cell)) return '';
  return String(cell).trim();
}

/**
 * How a category or owner name is compared between the Targets and Products sheets: "Kitchen " and "kitchen" are one
 * category to the people who typed them.
 */
export function targetScopeKey(name: string): string {
  return name.trim().toLowerCase();
}

/** A number cell, or text such as `$1,200`, `25%` or `0.25`; null when it is not a number. */
export function parseTargetNumber(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.trim().replace(/[$,\s]/g, '');
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1) : text;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(body)) return null;
  const value = Number(body);
  return percent ? value / 100 : value;
}

/**
 * A day typed in the sheet: a Date cell is read as the calendar day the sheet shows, which is its wall clock in the
 * spreadsheet's time zone (a Shanghai workbook hands over 16:00 UTC of the day before, PLATFORM §9).
 */
function parseDay(cell: Cell | undefined, spreadsheetTimeZone: string): IsoDate | null {
  if (cell !== undefined && isDateCell(cell)) return isoDateInZone(cell.getTime(), spreadsheetTimeZone);
  const text = textOf(cell).replace(/\//g, '-');
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return null;
  const iso = `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Reads the Targets sheet's values (header row first). Blank rows are skipped; an unreadable row is left out and
 * reported, never guessed at.
 */
export function targetsFromGrid(
  grid: readonly (readonly Cell[])[],
  spreadsheetTimeZone: string,
): { targets: TargetRow[]; problems: TargetProblem[] } {
  const targets: TargetRow[] = [];
  const problems: TargetProblem[] = [];
  const header = grid[0];
  if (!header) return { targets, problems };
  const columnOf = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = textOf(cell).toLowerCase().replace(/\s+/g, '_');
    if (name && !columnOf.has(name)) columnOf.set(name, index);
  });
  if (!columnOf.has('metric') || !columnOf.has('target')) {
    problems.push({ sheetRow: 1, messageKey: 'targets.problem.header', params: {} });
    return { targets, problems };
  }
  const cellAt = (row: readonly Cell[], column: TargetColumn): Cell | undefined => {
    const index = columnOf.get(column);
    return index === undefined ? undefined : row[index];
  };

  for (let index = 1; index < grid.length; index++) {
    const row = grid[index] ?? [];
    const sheetRow = index + 1;
    if (row.every((cell) => isBlankCell(cell) || textOf(cell) === '')) continue;
    const fail = (messageKey: string, params: Record<string, string> = {}): void => {
      problems.push({ sheetRow, messageKey, params });
    };

    const metricText = textOf(cellAt(row, 'metric'));
    const metric = parseMetric(metricText);
    if (!metric) {
      fail('targets.problem.metric', { value: metricText });
      continue;
    }
    const scopeText = textOf(cellAt(row, 'scope')).toLowerCase().replace(/\s+/g, '_') || 'company';
    const scope = SCOPES[scopeText];
    if (!scope) {
      fail('targets.problem.scope', { value: scopeText });
      continue;
    }
    const rawScopeValue = textOf(cellAt(row, 'scope_value'));
    // Channel ids are lower-case everywhere else; SKUs stay exactly as exported (SPEC §3); a category or owner is
    // matched ignoring case and surrounding spaces (targetScopeKey), as typed by people on two sheets.
    const scopeValue =
      scope === 'channel' ? rawScopeValue.toLowerCase() : scope === 'company' ? '' : rawScopeValue;
    if (scope !== 'company' && scopeValue === '') {
      fail('targets.problem.scopeValue', { scope });
      continue;
    }
    const periodText = textOf(cellAt(row, 'period')).toLowerCase();
    const period = periodText === '' ? null : (PERIODS[periodText] ?? undefined);
    if (period === undefined) {
      fail('targets.problem.period', { value: periodText });
      continue;
    }
    if (period === null && !isRatioMetric(metric)) {
      fail('targets.problem.periodNeeded', { metric });
      continue;
    }
    const target = parseTargetNumber(cellAt(row, 'target'));
    if (target === null) {
      fail('targets.problem.target', { value: textOf(cellAt(row, 'target')) });
      continue;
    }
    const directionText = textOf(cellAt(row, 'direction')).toLowerCase();
    let direction: Direction;
    if (directionText === '') direction = defaultDirection(metric);
    else if (directionText === 'higher' || directionText === 'higher_is_better' || directionText === 'up')
      direction = 'higher';
    else if (directionText === 'lower' || directionText === 'lower_is_better' || directionText === 'down')
      direction = 'lower';
    else {
      fail('targets.problem.direction', { value: directionText });
      continue;
    }
    const toleranceCell = cellAt(row, 'tolerance');
    const tolerance =
      toleranceCell === undefined || textOf(toleranceCell) === ''
        ? DEFAULT_TOLERANCE
        : parseTargetNumber(toleranceCell);
    if (tolerance === null || tolerance < 0) {
      fail('targets.problem.tolerance', { value: textOf(toleranceCell) });
      continue;
    }

    const windowName = textOf(cellAt(row, 'window'));
    let window: SeasonalWindow | null = null;
    if (windowName !== '') {
      const startCell = cellAt(row, 'window_start');
      const endCell = cellAt(row, 'window_end');
      const datesBlank = textOf(startCell) === '' && textOf(endCell) === '';
      if (datesBlank && isBlackFridayWindow(windowName)) {
        window = { name: normaliseWindowName(windowName), start: null, end: null };
      } else {
        const start = parseDay(startCell, spreadsheetTimeZone);
        const end = parseDay(endCell, spreadsheetTimeZone);
        if (start === null || end === null || end < start) {
          fail('targets.problem.window', { value: windowName });
          continue;
        }
        window = { name: normaliseWindowName(windowName), start, end };
      }
    }
    targets.push({ sheetRow, metric, scope, scopeValue, period, target, direction, tolerance, window });
  }
  return { targets, problems };
}
