/**
 * What the daily digest says (SPEC §4a, the source article's 每日晨报 to the team chat): yesterday's revenue, net
 * profit, ACoS and TACoS against target with status, for the company and each channel; the biggest movers; the SKUs
 * at stockout risk; the count of Data Issues; a link to the workbook. Pure: it knows no chat service (payloads.ts
 * shapes this for each) and no Apps Script.
 */
import { type Language, translate } from '../i18n';
import { type InventoryStatus } from '../inventory/replenishment';
import { dailyByScope, judgeMetric, type JudgedMetric, type LevelScope, scopeKey } from '../levels/judge';
import { type SkuLevels } from '../levels/levels';
import { CHANNELS, type Channel, type IsoDate } from '../model';
import { type SummaryRow } from '../summary/types';
import { type TargetRow } from '../targets/targets';
import { addDays } from '../time';

/** The digest's metrics, in the order the morning note reads them. */
export const DIGEST_METRICS = ['revenue', 'net_profit', 'acos', 'tacos'] as const;
type DigestMetric = (typeof DIGEST_METRICS)[number];

export interface DigestLine {
  scope: LevelScope;
  cells: Record<DigestMetric, JudgedMetric>;
}

export interface DigestMover {
  sku: string;
  revenue: number;
  /** Revenue on the same weekday a week before: a Monday is compared with a Monday. */
  revenueWeekBefore: number;
}

export interface DigestStockRisk {
  channel: Channel;
  sku: string;
  status: Extract<InventoryStatus, 'out_of_stock' | 'reorder_now'>;
  stockoutDate: IsoDate | null;
}

export interface DigestContent {
  day: IsoDate;
  lines: DigestLine[];
  movers: DigestMover[];
  stockRisks: DigestStockRisk[];
  dataIssues: number;
  workbookUrl: string;
}

/** How many movers and stock risks a note names: a chat message is read on a phone. */
export const DIGEST_LIST_LENGTH = 5;

export interface DigestInput {
  rows: readonly SummaryRow[];
  targets: readonly TargetRow[];
  levels: SkuLevels;
  /** Today in the reporting time zone: the digest is about the day before. */
  today: IsoDate;
  stock: readonly { channel: Channel; sku: string; status: InventoryStatus; stockoutDate: IsoDate | null }[];
  dataIssues: number;
  workbookUrl: string;
}

export function digestContent(input: DigestInput): DigestContent {
  const day = addDays(input.today, -1);
  const weekBefore = addDays(day, -7);
  const byScope = dailyByScope(input.rows, input.levels, weekBefore, day);
  const lineOf = (scope: LevelScope): DigestLine => {
    const daily = byScope.get(scopeKey(scope))?.daily;
    const cells = {} as Record<DigestMetric, JudgedMetric>;
    for (const metric of DIGEST_METRICS)
      cells[metric] = judgeMetric(input.targets, metric, scope, [day], 'day', daily);
    return { scope, cells };
  };
  const channels = CHANNELS.filter((channel) =>
    byScope.get(scopeKey({ level: 'channel', value: channel }))?.daily.has(day),
  );
  const lines = [
    lineOf({ level: 'company', value: '' }),
    ...channels.map((channel) => lineOf({ level: 'channel', value: channel })),
  ];

  const revenueBySku = new Map<string, { revenue: number; revenueWeekBefore: number }>();
  for (const row of input.rows) {
    if (row.sku === '' || (row.date !== day && row.date !== weekBefore)) continue;
    const entry = revenueBySku.get(row.sku) ?? { revenue: 0, revenueWeekBefore: 0 };
    if (row.date === day) entry.revenue += row.revenue;
    else entry.revenueWeekBefore += row.revenue;
    revenueBySku.set(row.sku, entry);
  }
  const movers = [...revenueBySku]
    .map(([sku, figures]) => ({ sku, ...figures }))
    .filter((mover) => Math.abs(mover.revenue - mover.revenueWeekBefore) > 0.005)
    .sort(
      (a, b) =>
        Math.abs(b.revenue - b.revenueWeekBefore) - Math.abs(a.revenue - a.revenueWeekBefore) ||
        a.sku.localeCompare(b.sku),
    )
    .slice(0, DIGEST_LIST_LENGTH);

  const stockRisks: DigestStockRisk[] = [];
  for (const line of input.stock) {
    if (line.status !== 'out_of_stock' && line.status !== 'reorder_now') continue;
    stockRisks.push({
      channel: line.channel,
      sku: line.sku,
      status: line.status,
      stockoutDate: line.stockoutDate,
    });
  }
  return {
    day,
    lines,
    movers,
    stockRisks,
    dataIssues: input.dataIssues,
    workbookUrl: input.workbookUrl,
  };
}

/** Money as a chat shows it: $1,234.56 (the KPI Summary's USD). */
function money(amount: number | null): string {
  if (amount === null) return '—';
  const sign = amount < 0 ? '-' : '';
  return `${sign}$${Math.abs(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** One section of the note: a heading and its lines, so a service can lay them out as blocks or paragraphs. */
export interface DigestSection {
  heading: string;
  lines: string[];
}

export interface DigestText {
  title: string;
  sections: DigestSection[];
  /** The workbook link line, kept whatever has to be cut to fit. */
  link: string;
}

/** The note in one language; `both` is two of these, one after the other (payloads.ts). */
export function digestText(content: DigestContent, language: Language): DigestText {
  const t = (key: string, params: Record<string, string | number> = {}): string =>
    translate(language, key, params);
  const judged = (cell: JudgedMetric, shown: (value: number | null) => string): string => {
    const target = cell.target === null ? '' : ` / ${t('digest.target')} ${shown(cell.target)}`;
    const status = cell.status === null ? '' : ` ${t(`dashboard.status.${cell.status}`)}`;
    return `${shown(cell.actual)}${target}${status}`;
  };
  const scopeName = (scope: LevelScope): string =>
    scope.level === 'company' ? t('dashboard.scope.total') : t(`dashboard.channel.${scope.value}`);
  const kpis = content.lines.map(
    (line) =>
      `${scopeName(line.scope)} · ${t('dashboard.metric.revenue')} ${judged(line.cells.revenue, money)}` +
      ` · ${t('dashboard.metric.net_profit')} ${judged(line.cells.net_profit, money)}` +
      ` · ACoS ${judged(line.cells.acos, percent)} · TACoS ${judged(line.cells.tacos, percent)}`,
  );
  const movers = content.movers.map((mover) =>
    t('digest.mover', {
      sku: mover.sku,
      revenue: money(mover.revenue),
      before: money(mover.revenueWeekBefore),
    }),
  );
  const risks = content.stockRisks.slice(0, DIGEST_LIST_LENGTH).map((risk) =>
    t('digest.stockRisk', {
      sku: risk.sku,
      channel: t(`dashboard.channel.${risk.channel}`),
      status: t(`inventory.status.${risk.status}`),
      date: risk.stockoutDate ?? '—',
    }),
  );
  if (content.stockRisks.length > DIGEST_LIST_LENGTH)
    risks.push(t('digest.more', { count: content.stockRisks.length - DIGEST_LIST_LENGTH }));
  return {
    title: t('digest.title', { day: content.day }),
    sections: [
      { heading: t('digest.section.kpis'), lines: kpis },
      { heading: t('digest.section.movers'), lines: movers.length > 0 ? movers : [t('dashboard.none')] },
      { heading: t('digest.section.stock'), lines: risks.length > 0 ? risks : [t('dashboard.none')] },
      { heading: t('digest.section.issues'), lines: [t('digest.issues', { count: content.dataIssues })] },
    ],
    link: t('digest.link', { url: content.workbookUrl }),
  };
}
