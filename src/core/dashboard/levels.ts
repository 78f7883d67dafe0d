/**
 * The KPI Dashboard's level blocks (SPEC §3a, issue 13): month to date per company, channel, category and owner, in
 * the method's order, each line with revenue and net profit against target with attainment (达成率) beside the
 * status, and ACoS with its status. A block is rows below the period blocks, laid out like them (12 columns, values,
 * formats and colours of one shape) so the dashboard is still written in one call each.
 */
import { type Cell } from '../cell';
import { type Language, translate } from '../i18n';
import { dailyByScope, judgeMetric, type JudgedMetric, type LevelScope, scopeKey } from '../levels/judge';
import { type Level, LEVELS, NO_LEVEL, type SkuLevels } from '../levels/levels';
import { CHANNELS, type IsoDate } from '../model';
import { type SummaryRow } from '../summary/types';
import { type MetricId } from '../targets/metrics';
import { type TargetRow, targetScopeKey } from '../targets/targets';
import { isoDateInZone } from '../time';
import { type DashboardGrid, DASHBOARD_WIDTH, NO_COLOUR, STATUS_COLOURS, statusLabel } from './layout';
import { dashboardPeriods } from './model';

/** The metrics of a level line: the two amounts a level is answerable for, then the ad ratio. */
export const LEVEL_METRICS = ['revenue', 'net_profit', 'acos'] as const satisfies readonly MetricId[];
type LevelMetric = (typeof LEVEL_METRICS)[number];

export interface LevelLine extends LevelScope {
  cells: Record<LevelMetric, JudgedMetric>;
}

export interface LevelBlock {
  level: Level;
  from: IsoDate;
  to: IsoDate;
  lines: LevelLine[];
}

/**
 * The level blocks for month to date (yesterday's month up to yesterday in the reporting zone, as the dashboard's
 * month column). A scope gets a line when it sold or advertised in the month or has a target of its own to miss; the
 * lines of a level are by revenue, largest first, "(none)" last.
 */
export function levelBlocks(
  rows: readonly SummaryRow[],
  targets: readonly TargetRow[],
  levels: SkuLevels,
  options: { now: number; reportingTimeZone: string },
): LevelBlock[] {
  const month = dashboardPeriods(isoDateInZone(options.now, options.reportingTimeZone))[2];
  if (!month) return [];
  const byScope = dailyByScope(rows, levels, month.from, month.to);
  const judged = (scope: LevelScope): LevelLine => {
    const daily = byScope.get(scopeKey(scope))?.daily;
    const cells = {} as Record<LevelMetric, JudgedMetric>;
    for (const metric of LEVEL_METRICS)
      cells[metric] = judgeMetric(targets, metric, scope, month.days, 'month', daily);
    return { ...scope, cells };
  };
  return LEVELS.map((level) => {
    const scopes = new Map<string, LevelScope>();
    if (level === 'company') scopes.set('', { level, value: '' });
    for (const entry of byScope.values())
      if (entry.level === level) scopes.set(targetScopeKey(entry.value), { level, value: entry.value });
    for (const target of targets) {
      if (target.scope !== level || target.window !== null) continue;
      const key = level === 'channel' ? target.scopeValue : targetScopeKey(target.scopeValue);
      if (level === 'channel' && !CHANNELS.some((channel) => channel === key)) continue;
      if (!scopes.has(key)) scopes.set(key, { level, value: target.scopeValue });
    }
    const lines = [...scopes.values()].map(judged);
    lines.sort(
      (a, b) =>
        Number(a.value === NO_LEVEL) - Number(b.value === NO_LEVEL) ||
        (b.cells.revenue.actual ?? 0) - (a.cells.revenue.actual ?? 0) ||
        a.value.localeCompare(b.value),
    );
    return { level, from: month.from, to: month.to, lines };
  });
}

const HEADER_COLOUR = '#e8eaed';
const FORMAT = { text: '@', money: '#,##0.00', percent: '0.00%' } as const;

/**
 * The level blocks as dashboard rows in `language`. `moneyRate` is the dashboard's money rate (1 for USD, the Settings
 * rate when it shows yuan), so the level blocks read in the same currency as the blocks above.
 */
export function levelGrid(
  blocks: readonly LevelBlock[],
  language: Language,
  moneyRate: number,
): DashboardGrid {
  const t = (key: string, params: Record<string, string | number> = {}): string =>
    translate(language, key, params);
  const grid: DashboardGrid = { values: [], formats: [], backgrounds: [] };
  const push = (cells: { value: Cell; format?: string; colour?: string }[], rowColour?: string): void => {
    const values: Cell[] = [];
    const formats: string[] = [];
    const backgrounds: string[] = [];
    for (let column = 0; column < DASHBOARD_WIDTH; column++) {
      const cell = cells[column];
      values.push(cell?.value ?? '');
      formats.push(cell?.format ?? FORMAT.text);
      backgrounds.push(cell?.colour ?? rowColour ?? NO_COLOUR);
    }
    grid.values.push(values);
    grid.formats.push(formats);
    grid.backgrounds.push(backgrounds);
  };
  const round = (value: number | null, factor: number): Cell =>
    value === null ? '' : Math.round(value * factor) / factor;
  const money = (value: number | null): Cell => round(value === null ? null : value * moneyRate, 100);
  const percent = (value: number | null): Cell => round(value, 1e6);
  const status = (cell: JudgedMetric): { value: Cell; colour?: string } => ({
    value: statusLabel(language, cell.status),
    colour: cell.status === null ? undefined : STATUS_COLOURS[cell.status],
  });
  const scopeLabel = (line: LevelLine): string => {
    if (line.level === 'company') return t('dashboard.scope.total');
    if (line.level === 'channel') return t(`dashboard.channel.${line.value}`);
    return line.value === NO_LEVEL ? t('levels.none') : line.value;
  };

  for (const block of blocks) {
    push([{ value: t(`levels.block.${block.level}`, { from: block.from, to: block.to }) }], HEADER_COLOUR);
    push(
      [
        t(`levels.level.${block.level}`),
        t('dashboard.metric.revenue'),
        t('dashboard.row.target'),
        t('levels.attainment'),
        t('dashboard.row.status'),
        t('dashboard.metric.net_profit'),
        t('dashboard.row.target'),
        t('levels.attainment'),
        t('dashboard.row.status'),
        t('dashboard.metric.acos'),
        t('dashboard.row.target'),
        t('dashboard.row.status'),
      ].map((value) => ({ value })),
      HEADER_COLOUR,
    );
    if (block.lines.length === 0) push([{ value: t('dashboard.none') }]);
    for (const line of block.lines) {
      const { revenue, net_profit: netProfit, acos } = line.cells;
      push([
        { value: scopeLabel(line) },
        { value: money(revenue.actual), format: FORMAT.money },
        { value: money(revenue.target), format: FORMAT.money },
        { value: percent(revenue.attainment), format: FORMAT.percent },
        status(revenue),
        { value: money(netProfit.actual), format: FORMAT.money },
        { value: money(netProfit.target), format: FORMAT.money },
        { value: percent(netProfit.attainment), format: FORMAT.percent },
        status(netProfit),
        { value: percent(acos.actual), format: FORMAT.percent },
        { value: percent(acos.target), format: FORMAT.percent },
        status(acos),
      ]);
    }
    push([]);
  }
  if (blocks.length > 0) push([{ value: t('levels.note') }]);
  return grid;
}
