/**
 * The KPI table `npm start` prints: one line per channel and a total, summed from the KPI Summary rows (the same rows
 * Looker Studio sums), except orders, which are distinct orders of the channel rather than a sum of per-SKU counts.
 */
import { type Language } from '../../src/core/i18n';
import { CHANNELS, type Channel, type Fact } from '../../src/core/model';
import { roundCents } from '../../src/core/parse';
import { type ReportType } from '../../src/core/reports/types';
import { type SourceSummary } from '../../src/core/summary/pipeline';
import { type SummaryRow } from '../../src/core/summary/types';
import { say } from './cliMessages';

interface ChannelTotals {
  revenue: number;
  units: number;
  adSpend: number;
  adSales: number;
  returnedUnits: number;
  grossProfit: number;
  /** Gross profit − ad spend over the rows whose gross profit is known. */
  netProfit: number;
  /** Known fees and refunds (payments reports or estimates), positive = money out. */
  fees: number;
  refunds: number;
  /** Revenue of the rows whose gross profit is known: the margin's denominator. */
  revenueWithProfit: number;
  rowsWithUnits: number;
  rowsWithoutProfit: number;
}

/** The ad reports whose rows carry spend: a channel none of them covers has unknown ad spend, not zero. */
const AD_SPEND_REPORTS: ReadonlySet<ReportType> = new Set<ReportType>([
  'amazon-sp-advertised-product',
  'amazon-sp-advertised-product-unified',
  'amazon-sd-advertised-product',
  'amazon-sd-advertised-product-unified',
  'amazon-sb-campaign',
  'amazon-sb-campaign-unified',
]);

/** Channels an ad report covers: a recognised ad report of the channel, or ad rows from a mapped sheet. */
export function channelsWithAdReports(
  sources: readonly SourceSummary[],
  facts: readonly Fact[],
): Set<Channel> {
  const covered = new Set<Channel>();
  for (const source of sources) {
    if (source.type !== null && source.channel !== null && AD_SPEND_REPORTS.has(source.type)) {
      covered.add(source.channel);
    }
  }
  for (const fact of facts) if (fact.kind === 'ad') covered.add(fact.channel);
  return covered;
}

function totalsByChannel(rows: readonly SummaryRow[]): Map<Channel | 'total', ChannelTotals> {
  const totals = new Map<Channel | 'total', ChannelTotals>();
  const blank = (): ChannelTotals => ({
    revenue: 0,
    units: 0,
    adSpend: 0,
    adSales: 0,
    returnedUnits: 0,
    grossProfit: 0,
    netProfit: 0,
    fees: 0,
    refunds: 0,
    revenueWithProfit: 0,
    rowsWithUnits: 0,
    rowsWithoutProfit: 0,
  });
  for (const row of rows) {
    for (const key of [row.channel, 'total'] as const) {
      const total = totals.get(key) ?? blank();
      total.revenue += row.revenue;
      total.units += row.units;
      total.adSpend += row.adSpend;
      total.adSales += row.adSales;
      total.returnedUnits += row.returnedUnits;
      total.fees += row.fees ?? 0;
      total.refunds += row.refunds ?? 0;
      if (row.grossProfit === null) total.rowsWithoutProfit++;
      else {
        total.grossProfit += row.grossProfit;
        total.netProfit += row.grossProfit - row.adSpend;
        total.revenueWithProfit += row.revenue;
      }
      if (row.units !== 0) total.rowsWithUnits++;
      totals.set(key, total);
    }
  }
  return totals;
}

const money = (amount: number): string =>
  roundCents(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (numerator: number, denominator: number): string =>
  denominator === 0 ? '—' : `${((numerator / denominator) * 100).toFixed(1)}%`;

export interface KpiTableInput {
  rows: readonly SummaryRow[];
  ordersByChannel: ReadonlyMap<Channel, number>;
  adCovered: ReadonlySet<Channel>;
  language: Language;
}

/** Header and lines of the KPI table; `—` where a figure is not known, `*` where it covers only part of the rows. */
export function kpiTable(input: KpiTableInput): { header: string[]; lines: string[][] } {
  const { language } = input;
  const totals = totalsByChannel(input.rows);
  const header = [
    say(language, 'kpi.channel'),
    say(language, 'kpi.orders'),
    say(language, 'kpi.units'),
    say(language, 'kpi.revenue'),
    say(language, 'kpi.adSpend'),
    say(language, 'kpi.acos'),
    say(language, 'kpi.tacos'),
    say(language, 'kpi.returns'),
    say(language, 'kpi.refunds'),
    say(language, 'kpi.fees'),
    say(language, 'kpi.grossProfit'),
    say(language, 'kpi.margin'),
    say(language, 'kpi.netProfit'),
  ];
  const lines: string[][] = [];
  const present = CHANNELS.filter((channel) => totals.has(channel));
  for (const key of [...present, 'total'] as const) {
    const total = totals.get(key);
    if (!total) continue;
    const channels = key === 'total' ? present : [key];
    const orders = channels.reduce((sum, channel) => sum + (input.ordersByChannel.get(channel) ?? 0), 0);
    // Unknown is not zero: without an ad report a channel's spend is not known, and the total's TACoS would set
    // known spend against revenue that includes channels whose spend is unknown.
    const adsKnown = channels.length > 0 && channels.every((channel) => input.adCovered.has(channel));
    const someAds = channels.some((channel) => input.adCovered.has(channel));
    const profitKnown = total.rowsWithoutProfit === 0;
    const someProfit = total.revenueWithProfit !== 0 || total.rowsWithoutProfit < total.rowsWithUnits;
    const partial = profitKnown ? '' : '*';
    lines.push([
      key === 'total' ? say(language, 'kpi.total') : key,
      String(orders),
      String(total.units),
      money(total.revenue),
      someAds ? `${money(total.adSpend)}${adsKnown ? '' : '*'}` : '—',
      someAds ? percent(total.adSpend, total.adSales) : '—',
      adsKnown ? percent(total.adSpend, total.revenue) : '—',
      String(total.returnedUnits),
      money(total.refunds),
      money(total.fees),
      someProfit ? `${money(total.grossProfit)}${partial}` : '—',
      someProfit ? `${percent(total.grossProfit, total.revenueWithProfit)}${partial}` : '—',
      someProfit && someAds ? `${money(total.netProfit)}${partial || (adsKnown ? '' : '*')}` : '—',
    ]);
  }
  return { header, lines };
}

/** Columns padded to their widest cell: the first left-aligned, figures right-aligned. */
export function formatTable(header: readonly string[], lines: readonly (readonly string[])[]): string {
  const width = (text: string): number =>
    [...text].reduce((sum, ch) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((title, column) =>
    Math.max(width(title), ...lines.map((line) => width(line[column] ?? ''))),
  );
  const pad = (cell: string, column: number): string => {
    const room = ' '.repeat(Math.max(0, (widths[column] ?? 0) - width(cell)));
    return column === 0 ? cell + room : room + cell;
  };
  const format = (cells: readonly string[]): string => cells.map(pad).join('  ').trimEnd();
  return [format(header), widths.map((each) => '-'.repeat(each)).join('  '), ...lines.map(format)].join('\n');
}
