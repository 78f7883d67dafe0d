/**
 * The KPI Dashboard sheet as a grid: values, number formats and background colours of the same shape, so the sheet
 * is written with one setNumberFormats, one setValues and one setBackgrounds (PLATFORM §3: every call is a round
 * trip). Text cells get the plain-text format "@", so a SKU such as 00501 or =X stays exactly as exported.
 */
import { type Cell } from '../cell';
import { type Language, translate } from '../i18n';
import { type MetricId, METRICS } from '../targets/metrics';

import { wallClockInZone } from '../time';
import {
  type DashboardCell,
  type DashboardModel,
  type DashboardStatus,
  type LineScope,
  PROFIT_COVERAGE_FOR_GREEN,
} from './model';

/** Columns: a label, the ten metrics, profit coverage. The top-SKU tables fit in the same width. */
export const DASHBOARD_WIDTH = 12;

const FORMAT = {
  text: '@',
  money: '#,##0.00',
  integer: '#,##0',
  percent: '0.00%',
} as const;

/** Sheets' conditional-formatting palette (light green, yellow, red) so the colours read like Sheets' own. */
export const STATUS_COLOURS: Readonly<Record<DashboardStatus, string>> = {
  GREEN: '#b7e1cd',
  AMBER: '#fce8b2',
  RED: '#f4c7c3',
  // Sheets' light grey: not judged yet, neither good nor bad.
  INCOMPLETE: '#d9d9d9',
};
/** Section titles and column headers. */
const HEADER_COLOUR = '#e8eaed';
/** Apps Script's setBackgrounds resets a cell with white rather than null, which is what a fresh cell shows. */
export const NO_COLOUR = '#ffffff';

export interface DashboardGrid {
  values: Cell[][];
  formats: string[][];
  backgrounds: string[][];
}

function metricFormat(metric: MetricId): string {
  if (metric === 'units') return FORMAT.integer;
  return metric === 'revenue' || metric === 'ad_spend' || metric === 'gross_profit' || metric === 'net_profit'
    ? FORMAT.money
    : FORMAT.percent;
}

/** Money to the cent and ratios to 6 decimals, so a sheet shows 1,234.56 and not 1234.5600000000002. */
function rounded(value: number | null, format: string): Cell {
  if (value === null) return '';
  const factor = format === FORMAT.percent ? 1e6 : format === FORMAT.money ? 100 : 1e6;
  return Math.round(value * factor) / factor;
}

class GridBuilder {
  readonly grid: DashboardGrid = { values: [], formats: [], backgrounds: [] };

  row(cells: { value: Cell; format?: string; colour?: string }[], rowColour?: string): void {
    const values: Cell[] = [];
    const formats: string[] = [];
    const backgrounds: string[] = [];
    for (let column = 0; column < DASHBOARD_WIDTH; column++) {
      const cell = cells[column];
      values.push(cell?.value ?? '');
      formats.push(cell?.format ?? FORMAT.text);
      backgrounds.push(cell?.colour ?? rowColour ?? NO_COLOUR);
    }
    this.grid.values.push(values);
    this.grid.formats.push(formats);
    this.grid.backgrounds.push(backgrounds);
  }

  text(texts: string[], rowColour?: string): void {
    this.row(
      texts.map((value) => ({ value })),
      rowColour,
    );
  }

  blank(): void {
    this.row([]);
  }
}

function timeText(epochMs: number, zone: string): string {
  const clock = wallClockInZone(epochMs, zone);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)} ${pad(clock.hour)}:${pad(clock.minute)}`;
}

export function statusLabel(language: Language, status: DashboardStatus | null): string {
  return status === null ? '' : translate(language, `dashboard.status.${status}`);
}

function colourOf(status: DashboardStatus | null): string | undefined {
  return status === null ? undefined : STATUS_COLOURS[status];
}

/** At most five names, then how many more: a line of text, not a table. */
function listed(names: readonly string[], none: string): string {
  if (names.length === 0) return none;
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} (+${names.length - 5})` : shown;
}

/** The stock section (issue 11): what to reorder by when, overstock at cost, 动销率, turnover this month. */
function stockRows(
  out: GridBuilder,
  model: DashboardModel,
  t: (key: string, params?: Record<string, string | number>) => string,
  money: (value: number | null) => Cell,
): void {
  const stock = model.stock;
  if (!stock) return;
  out.text([t('dashboard.stock.title', { today: model.today, count: stock.atRiskCount })], HEADER_COLOUR);
  out.text(
    [
      '#',
      'SKU',
      t('dashboard.stock.channel'),
      t('dashboard.stock.status'),
      t('dashboard.stock.available'),
      t('dashboard.stock.inbound'),
      t('dashboard.stock.orderBy'),
      t('dashboard.stock.reorderQty'),
      t('dashboard.stock.stockout'),
    ],
    HEADER_COLOUR,
  );
  if (stock.atRisk.length === 0) out.text(['', t('dashboard.none')]);
  stock.atRisk.forEach((line, index) => {
    const colour = line.status === 'reorder_soon' ? STATUS_COLOURS.AMBER : STATUS_COLOURS.RED;
    out.row([
      { value: index + 1, format: FORMAT.integer },
      { value: line.sku },
      { value: t(`dashboard.channel.${line.channel}`) },
      { value: t(`inventory.status.${line.status}`), colour },
      { value: line.availableUnits, format: FORMAT.integer },
      { value: line.inboundUnits, format: FORMAT.integer },
      { value: line.orderByDate ?? '' },
      { value: line.reorderQuantity ?? '', format: FORMAT.integer },
      { value: line.stockoutDateWithInbound ?? '' },
    ]);
  });
  const overstock = money(stock.overstockValue);
  out.text([
    t('dashboard.stock.overstock', {
      value: typeof overstock === 'number' ? overstock.toFixed(2) : '',
      currency: model.money.currency,
      withoutCost: stock.overstockSkusWithoutCost,
    }),
  ]);
  out.text([
    stock.sellingRate === null
      ? t('dashboard.stock.sellingRateUnknown')
      : t('dashboard.stock.sellingRate', {
          rate: `${(stock.sellingRate * 100).toFixed(1)}%`,
          sold: stock.skusInStockSold,
          inStock: stock.skusInStock,
          from: stock.from,
          to: stock.to,
        }),
  ]);
  out.text([
    stock.turnover === null || stock.daysOfInventory === null
      ? t('dashboard.stock.turnoverUnknown')
      : t('dashboard.stock.turnover', {
          turnover: stock.turnover.toFixed(2),
          days: stock.daysOfInventory.toFixed(0),
        }),
  ]);
  out.blank();
}

/** Lays the model out for people, in `language`. */
export function dashboardGrid(model: DashboardModel, language: Language): DashboardGrid {
  const t = (key: string, params: Record<string, string | number> = {}): string =>
    translate(language, key, params);
  const out = new GridBuilder();
  const metricHeader = (metric: MetricId): string => {
    const label = t(`dashboard.metric.${metric}`);
    const owner = model.owners[metric];
    return owner ? t('dashboard.owner', { metric: label, role: owner }) : label;
  };
  const scopeLabel = (scope: LineScope): string =>
    scope === 'total' ? t('dashboard.scope.total') : t(`dashboard.channel.${scope}`);
  // Money in the base currency: USD amounts (and the targets, typed in USD) times the Settings rate for CNY.
  const money = (value: number | null): Cell =>
    rounded(value === null ? null : value * model.money.rate, FORMAT.money);
  const valueOf = (value: number | null, format: string): Cell =>
    format === FORMAT.money ? money(value) : rounded(value, format);

  out.text([t('dashboard.title')], HEADER_COLOUR);
  out.text([
    model.dataEndsBeforeYesterday
      ? t('dashboard.asOfLastData', {
          date: model.asOf,
          zone: model.timeZone,
          time: timeText(model.builtAtMs, model.timeZone),
        })
      : t('dashboard.asOf', {
          date: model.today,
          zone: model.timeZone,
          time: timeText(model.builtAtMs, model.timeZone),
        }),
  ]);
  out.text([t('dashboard.legend')]);
  if (model.money.currency === 'CNY') out.text([t('dashboard.moneyInCny', { rate: model.money.rate })]);
  if (model.unexplainedPayoutBlocks > 0) {
    out.row([
      {
        value: t('dashboard.reconciliation.unexplained', { blocks: model.unexplainedPayoutBlocks }),
        colour: STATUS_COLOURS.RED,
      },
    ]);
  }
  if (model.targetCount === 0) out.text([t('dashboard.noTargets')]);
  out.blank();

  for (const block of model.blocks) {
    const { period } = block;
    // Periods that end on an old export's last day are not "yesterday" or "to date": their titles say where they end.
    const titleKey = model.dataEndsBeforeYesterday
      ? `dashboard.periodToLastData.${period.id}`
      : `dashboard.period.${period.id}`;
    out.text([t(titleKey, { from: period.from, to: period.to })], HEADER_COLOUR);
    out.text(
      [t('dashboard.column.scope'), ...METRICS.map(metricHeader), t('dashboard.column.coverage')],
      HEADER_COLOUR,
    );
    const windows = new Set<string>();
    for (const line of block.lines) {
      const cells = METRICS.map((metric): DashboardCell => line.cells[metric]);
      cells.forEach((cell) => cell.windows.forEach((name) => windows.add(name)));
      out.row([
        { value: scopeLabel(line.scope) },
        ...cells.map((cell, index) => {
          const format = metricFormat(METRICS[index] as MetricId);
          return { value: valueOf(cell.actual, format), format, colour: colourOf(cell.status) };
        }),
        { value: rounded(line.profitCoverage, FORMAT.percent), format: FORMAT.percent },
      ]);
      out.row([
        { value: t('dashboard.row.target') },
        ...cells.map((cell, index) => {
          const format = metricFormat(METRICS[index] as MetricId);
          return { value: valueOf(cell.target, format), format };
        }),
      ]);
      out.row([
        { value: t('dashboard.row.status') },
        ...cells.map((cell) => ({
          value: statusLabel(language, cell.status),
          colour: colourOf(cell.status),
        })),
      ]);
    }
    if (windows.size > 0) out.text([t('dashboard.windows', { windows: [...windows].join(', ') })]);
    // Why profit is incomplete, for the lines a profit status could not be GREEN on.
    for (const line of block.lines) {
      if (line.profitCoverage === null || line.profitCoverage >= PROFIT_COVERAGE_FOR_GREEN) continue;
      const { skusWithoutCost, channelsWithoutFees } = line.missingProfit;
      out.text([
        t('dashboard.profitIncomplete', {
          scope: scopeLabel(line.scope),
          coverage: `${(line.profitCoverage * 100).toFixed(1)}%`,
          skus: listed(skusWithoutCost, t('dashboard.none')),
          channels: listed(
            channelsWithoutFees.map((channel) => t(`dashboard.channel.${channel}`)),
            t('dashboard.none'),
          ),
        }),
      ]);
    }
    out.blank();
  }
  if (model.netProfitCny) {
    const fx = model.netProfitCny;
    out.text([
      t('dashboard.fxSensitivity', {
        usd: fx.netProfitUsd.toFixed(2),
        rate: fx.rate,
        cny: fx.atRate.toFixed(2),
        down: fx.rateDown5.toFixed(2),
        up: fx.rateUp5.toFixed(2),
      }),
    ]);
    out.blank();
  }

  if (model.stock) stockRows(out, model, t, money);

  const last7 = model.blocks[1]?.period;
  out.text([t('dashboard.topProfit.title', { from: last7?.from ?? '', to: last7?.to ?? '' })], HEADER_COLOUR);
  out.text(
    [
      '#',
      'SKU',
      t('dashboard.metric.revenue'),
      t('dashboard.metric.units'),
      t('dashboard.metric.gross_profit'),
      t('dashboard.metric.ad_spend'),
      t('dashboard.column.profitAfterAds'),
      t('dashboard.metric.margin'),
      t('dashboard.metric.acos'),
      t('dashboard.column.acosStatus'),
    ],
    HEADER_COLOUR,
  );
  if (model.topProfit.length === 0) out.text(['', t('dashboard.none')]);
  model.topProfit.forEach((line, index) =>
    out.row([
      { value: index + 1, format: FORMAT.integer },
      { value: line.sku },
      { value: money(line.revenue), format: FORMAT.money },
      { value: line.units, format: FORMAT.integer },
      { value: money(line.grossProfit), format: FORMAT.money },
      { value: money(line.adSpend), format: FORMAT.money },
      { value: money(line.profitAfterAds), format: FORMAT.money },
      { value: rounded(line.margin, FORMAT.percent), format: FORMAT.percent },
      {
        value: rounded(line.acos, FORMAT.percent),
        format: FORMAT.percent,
        colour: colourOf(line.acosStatus),
      },
      { value: statusLabel(language, line.acosStatus), colour: colourOf(line.acosStatus) },
    ]),
  );
  out.blank();

  out.text(
    [
      t('dashboard.topDrift.title', {
        from: last7?.from ?? '',
        to: last7?.to ?? '',
        previousFrom: model.previousWeek.from,
        previousTo: model.previousWeek.to,
      }),
    ],
    HEADER_COLOUR,
  );
  out.text(
    [
      '#',
      'SKU',
      t('dashboard.column.acosLast7'),
      t('dashboard.column.acosPrevious7'),
      t('dashboard.column.drift'),
      t('dashboard.metric.ad_spend'),
      t('dashboard.column.adSales'),
      t('dashboard.column.acosTarget'),
      t('dashboard.column.acosStatus'),
    ],
    HEADER_COLOUR,
  );
  if (model.topDrift.length === 0) out.text(['', t('dashboard.none')]);
  model.topDrift.forEach((line, index) =>
    out.row([
      { value: index + 1, format: FORMAT.integer },
      { value: line.sku },
      {
        value: rounded(line.acosLast7, FORMAT.percent),
        format: FORMAT.percent,
        colour: colourOf(line.acosStatus),
      },
      { value: rounded(line.acosPrevious7, FORMAT.percent), format: FORMAT.percent },
      { value: rounded(line.drift, FORMAT.percent), format: FORMAT.percent },
      { value: money(line.adSpend), format: FORMAT.money },
      { value: money(line.adSales), format: FORMAT.money },
      { value: rounded(line.acosTarget, FORMAT.percent), format: FORMAT.percent },
      { value: statusLabel(language, line.acosStatus), colour: colourOf(line.acosStatus) },
    ]),
  );
  out.blank();
  out.text([t('dashboard.notes.ratios')]);
  out.text([t('dashboard.notes.profit')]);
  for (const card of model.provisionalFeeDays) out.text([t('fees.dashboard.provisional', card)]);
  for (const problem of model.targetProblems) {
    out.text([
      t('dashboard.targetsProblem', { row: problem.sheetRow, reason: t(problem.messageKey, problem.params) }),
    ]);
  }
  return out.grid;
}
