/**
 * Issue 15, item 4: the SPEC §2/§2a rules written in SQL (sql/staging) count what the TypeScript readers count, on the
 * real-format fixtures and samples of the exports the Drive-folder path loads. Each file is loaded into DuckDB as a
 * BigQuery CSV load would stage it (rawDuckDb.ts), the very script sent to BigQuery runs on it, and its parsed lines,
 * winners and Data Issues are compared with the TypeScript reader's facts, summarize()'s winners and its issues.
 */
import { join } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { EMPTY_COST_TABLE } from '../../src/core/costs/costs';
import { type AdFact, type DataIssue, type Fact, type OrderLineFact } from '../../src/core/model';
import { readSource } from '../../src/core/reports';
import { summarize } from '../../src/core/summary/summarize';
import { type LocalExportFile, runStaging, type StagingResult } from './rawDuckDb';

const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');
const SAMPLES = join(__dirname, '..', '..', 'samples');

/** Every real-format file of the five exports the Drive-folder path loads. */
const EXPORT_FILES: readonly LocalExportFile[] = [
  { fileId: 'fixture-amazon-all-orders-classic', path: join(FIXTURES, 'amazon-all-orders-classic.txt') },
  { fileId: 'fixture-amazon-all-orders-current', path: join(FIXTURES, 'amazon-all-orders-current.txt') },
  { fileId: 'fixture-shopify-orders', path: join(FIXTURES, 'shopify-orders.csv') },
  { fileId: 'fixture-walmart-orders', path: join(FIXTURES, 'walmart-orders.csv') },
  { fileId: 'fixture-tiktok-orders', path: join(FIXTURES, 'tiktok-orders.csv') },
  { fileId: 'fixture-sp-daily', path: join(FIXTURES, 'amazon-sp-advertised-product-daily.csv') },
  { fileId: 'fixture-sp-summary', path: join(FIXTURES, 'amazon-sp-advertised-product-summary.csv') },
  { fileId: 'fixture-sp-daily-zh', path: join(FIXTURES, 'amazon-sp-advertised-product-daily-zh.csv') },
  { fileId: 'sample-amazon-03-03', path: join(SAMPLES, 'amazon-all-orders-2026-03-03.txt') },
  { fileId: 'sample-amazon-03-04', path: join(SAMPLES, 'amazon-all-orders-2026-03-04.txt') },
  { fileId: 'sample-shopify', path: join(SAMPLES, 'shopify-orders.csv') },
  { fileId: 'sample-walmart', path: join(SAMPLES, 'walmart-orders.csv') },
  { fileId: 'sample-tiktok', path: join(SAMPLES, 'tiktok-shop-orders.csv') },
  { fileId: 'sample-sp-daily', path: join(SAMPLES, 'sp-advertised-product-daily.csv') },
];

/** The TypeScript reader's result on one file, the file id standing for the sheet name. */
function typeScriptRead(file: LocalExportFile) {
  const read = readSource(readExportFile(file.path), {
    sheetName: file.fileId,
    reportingTimeZone: 'America/Los_Angeles',
    spreadsheetTimeZone: 'America/Los_Angeles',
    period: null,
  });
  if (!read) throw new Error(`${file.path} was not recognised`);
  return read.result;
}

const cents = (amount: number | string): string => Number(amount).toFixed(2);

/** A fact as the SQL states its line: last-updated in epoch ms, revenue in dollars. */
function asStated(fact: OrderLineFact): Parameters<typeof orderLineKey>[0] {
  return {
    ...fact,
    lastUpdated: fact.lastUpdatedSeconds === null ? null : Math.round(fact.lastUpdatedSeconds * 1000),
    revenue: fact.revenueCents / 100,
  };
}

/** An order line as both sides can state it. Shopify's place keys are numbered by content in SQL (see its .sql). */
function orderLineKey(line: {
  channel: string;
  orderId: string;
  lineKey: string;
  sku: string;
  date: string;
  lastUpdated: number | null;
  state: string;
  quantity: number;
  revenue: number | string;
}): string {
  const lineKey = line.channel === 'shopify' ? '' : line.lineKey;
  return [
    line.channel,
    line.orderId,
    lineKey,
    line.sku,
    line.date,
    line.lastUpdated ?? '',
    line.state,
    line.quantity,
    cents(line.revenue),
  ].join(' | ');
}

function adRowKey(row: {
  date: string;
  campaign: string;
  adGroup: string;
  sku: string;
  spend: number | string;
  sales: number | string;
  clicks: number | string;
  impressions: number | string;
  orders: number | string;
  units: number | string;
}): string {
  return [
    row.date,
    row.campaign,
    row.adGroup,
    row.sku,
    cents(row.spend),
    cents(row.sales),
    row.clicks,
    row.impressions,
    row.orders,
    row.units,
  ].join(' | ');
}

const sorted = (keys: string[]): string[] => [...keys].sort();

function sqlOrderLines(result: StagingResult, copies = true): string[] {
  return (copies ? result.orderLineCopies : result.orderLines).map((line) =>
    orderLineKey({
      channel: line.channel,
      orderId: line.order_id,
      lineKey: line.line_key,
      sku: line.sku,
      date: line.date,
      lastUpdated: line.last_updated_ms === null ? null : Number(line.last_updated_ms),
      state: line.state,
      quantity: Number(line.quantity),
      revenue: line.revenue,
    }),
  );
}

function sqlAdRows(result: StagingResult, copies = true): string[] {
  return (copies ? result.adRowCopies : result.adRows).map((row) =>
    adRowKey({ ...row, adGroup: row.ad_group }),
  );
}

/** The Data Issues both sides give for one file, as `reason | key | count | amount | from | to`. */
function typeScriptIssues(issues: readonly DataIssue[]): string[] {
  return issues.map((issue) => {
    const params = issue.reason.params ?? {};
    switch (issue.reason.key) {
      case 'issue.nonAmazonOrderLines':
        return `nonAmazon | | ${params.count}`;
      case 'issue.pendingWithoutPrice':
        return `pendingWithoutPrice | | ${params.lines}`;
      case 'issue.otherMarketLines':
        return `otherMarket | ${params.market} | ${params.lines} | ${params.amount}`;
      case 'issue.adReportNotDaily':
        return `notDaily | | ${params.count} | | ${params.from} | ${params.to}`;
      default:
        return `${issue.reason.key} | ${issue.key} | 1`;
    }
  });
}

function sqlIssues(result: StagingResult, fileId: string): string[] {
  return result.issues
    .filter((issue) => issue.source_file === fileId)
    .map((issue) => {
      if (issue.reason.startsWith('issue.'))
        return `${issue.reason} | ${issue.row_key ?? ''} | ${issue.line_count}`;
      if (issue.reason === 'otherMarket')
        return `otherMarket | ${issue.value ?? ''} | ${issue.line_count} | ${cents(issue.amount ?? 0)}`;
      if (issue.reason === 'notDaily')
        return `notDaily | | ${issue.line_count} | | ${issue.first_day ?? ''} | ${issue.last_day ?? ''}`;
      return `${issue.reason} | | ${issue.line_count}`;
    });
}

/** KPI Summary measures per date × channel × SKU that order lines and ad rows decide, from summarize(). */
function typeScriptSummary(facts: readonly Fact[]): string[] {
  return summarize(facts, { costs: EMPTY_COST_TABLE, fxUsdCny: null }).rows.map((row) =>
    [
      row.date,
      row.channel,
      row.sku,
      row.units,
      row.orders,
      cents(row.revenue),
      cents(row.adSpend),
      cents(row.adSales),
      row.adClicks,
      row.adImpressions,
    ].join(' | '),
  );
}

/** The same measures from the SQL winners: cancelled winners count for nothing; orders are distinct order ids. */
function sqlSummary(result: StagingResult): string[] {
  interface Group {
    units: number;
    orders: Set<string>;
    revenue: number;
    adSpend: number;
    adSales: number;
    adClicks: number;
    adImpressions: number;
  }
  const groups = new Map<string, Group>();
  const groupOf = (date: string, channel: string, sku: string): Group => {
    const key = [date, channel, sku].join(' | ');
    let group = groups.get(key);
    if (!group) {
      group = {
        units: 0,
        orders: new Set(),
        revenue: 0,
        adSpend: 0,
        adSales: 0,
        adClicks: 0,
        adImpressions: 0,
      };
      groups.set(key, group);
    }
    return group;
  };
  for (const line of result.orderLines) {
    if (line.state === 'cancelled') continue;
    const group = groupOf(line.date, line.channel, line.sku);
    group.units += Number(line.quantity);
    group.orders.add(line.order_id);
    group.revenue += Number(line.revenue);
  }
  for (const row of result.adRows) {
    const group = groupOf(row.date, row.channel, row.sku);
    group.adSpend += Number(row.spend);
    group.adSales += Number(row.sales);
    group.adClicks += Number(row.clicks);
    group.adImpressions += Number(row.impressions);
  }
  return [...groups].map(([key, group]) =>
    [
      key,
      group.units,
      group.orders.size,
      cents(group.revenue),
      cents(group.adSpend),
      cents(group.adSales),
      group.adClicks,
      group.adImpressions,
    ].join(' | '),
  );
}

function orderLineFacts(facts: readonly Fact[]): OrderLineFact[] {
  return facts.filter((fact): fact is OrderLineFact => fact.kind === 'orderLine');
}

function adFacts(facts: readonly Fact[]): AdFact[] {
  return facts.filter((fact): fact is AdFact => fact.kind === 'ad');
}

describe('raw exports parsed in SQL (sql/staging) count what the TypeScript readers count', () => {
  let all: StagingResult;
  const reads = new Map(EXPORT_FILES.map((file) => [file.fileId, typeScriptRead(file)]));

  beforeAll(async () => {
    all = await runStaging(EXPORT_FILES);
  }, 120_000);

  it.each(EXPORT_FILES.map((file) => [file.fileId, file] as const))(
    '%s: the same order lines and ad rows, to the cent and the day',
    (fileId) => {
      const facts = reads.get(fileId)?.facts ?? [];
      const ofFile = {
        ...all,
        orderLineCopies: all.orderLineCopies.filter((line) => line.source_file === fileId),
        adRowCopies: all.adRowCopies.filter((row) => row.source_file === fileId),
      };
      expect(sorted(sqlOrderLines(ofFile))).toEqual(
        sorted(orderLineFacts(facts).map((fact) => orderLineKey(asStated(fact)))),
      );
      expect(sorted(sqlAdRows(ofFile))).toEqual(sorted(adFacts(facts).map(adRowKey)));
      expect(facts.length).toBeGreaterThan(0);
    },
  );

  it.each(EXPORT_FILES.map((file) => [file.fileId] as const))(
    '%s: the same Data Issues (reason and row key, left-out lines counted per file)',
    (fileId) => {
      const issues = reads.get(fileId)?.issues ?? [];
      expect(sorted(sqlIssues(all, fileId))).toEqual(sorted(typeScriptIssues(issues)));
    },
  );

  it('every file together: the same winners per date, channel and SKU as the KPI Summary build', () => {
    const facts = EXPORT_FILES.flatMap((file) => reads.get(file.fileId)?.facts ?? []);
    expect(sorted(sqlSummary(all))).toEqual(sorted(typeScriptSummary(facts)));
  });

  it('the sample exports give the hand-worked totals of samples/README.md', () => {
    const samples = (channel: string) =>
      all.orderLines.filter(
        (line) =>
          line.channel === channel && line.source_file.startsWith('sample-') && line.state !== 'cancelled',
      );
    const total = (lines: { revenue: string }[]) =>
      cents(lines.reduce((sum, line) => sum + Number(line.revenue), 0));
    const amazon = samples('amazon');
    // 54.97 + 12.99 + 19.99 (Pending on 3 Mar, Shipped in the later download: once) + 35.00 + 59.97 + 25.98.
    expect(total(amazon)).toBe('208.90');
    expect(amazon.reduce((sum, line) => sum + Number(line.quantity), 0)).toBe(11);
    expect(total(samples('shopify'))).toBe('95.00');
    expect(total(samples('walmart'))).toBe('55.49');
    // (22 − 2 seller discount) + 40: the platform's discount is paid back to the seller.
    expect(total(samples('tiktok'))).toBe('60.00');
    const spend = all.adRows.filter((row) => row.source_file === 'sample-sp-daily');
    expect(cents(spend.reduce((sum, row) => sum + Number(row.spend), 0))).toBe('45.70');
  });
});

describe('re-pasted duplicates: a file loaded twice counts once, with the same winners as the KPI Summary build', () => {
  it.each([
    ['amazon-all-orders-classic.txt'],
    ['shopify-orders.csv'],
    ['walmart-orders.csv'],
    ['tiktok-orders.csv'],
    ['amazon-sp-advertised-product-daily.csv'],
  ])(
    '%s in two files',
    async (name) => {
      const files = [
        { fileId: 'first-download', path: join(FIXTURES, name) },
        { fileId: 'second-download', path: join(FIXTURES, name) },
      ];
      const once = await runStaging(files.slice(0, 1));
      const twice = await runStaging(files);
      expect(sorted(sqlSummary(twice))).toEqual(sorted(sqlSummary(once)));
      const facts = files.flatMap((file) => typeScriptRead(file).facts);
      expect(sorted(sqlSummary(twice))).toEqual(sorted(typeScriptSummary(facts)));
      expect(twice.orderLines.length + twice.adRows.length).toBe(once.orderLines.length + once.adRows.length);
    },
    120_000,
  );
});
