/**
 * Seller Central and the Ads console in Chinese (SPEC §2c, issue 12): each Chinese fixture (headers exactly as
 * EXPORTS §9 gives them, sources in docs/EXPORTS-SOURCES.md) is recognised as its English twin's report and read to
 * the same facts as the English fixture of the same numbers. Figures are worked out by hand from the fixture rows;
 * days are America/Los_Angeles.
 */
import { type CellGrid } from '../../src/core/cell';
import { EMPTY_COST_TABLE } from '../../src/core/costs/costs';
import { translate } from '../../src/core/i18n';
import { type Fact } from '../../src/core/model';
import { detectReport, readSource } from '../../src/core/reports';
import { businessReportByChildLabels } from '../../src/core/reports/amazonBusinessReportByChild';
import { SheetReader } from '../../src/core/reports/sheetReader';
import { summarize } from '../../src/core/summary/summarize';
import { contextFor, loadFixture, readFixture } from './helpers';

const SEPTEMBER = { period: { from: '2026-09-01', to: '2026-09-30' } };

/** Facts without their source (sheet names differ between the twins), in the reader's order. */
function factsWithoutSource(facts: readonly Fact[]): Omit<Fact, 'source' | 'row'>[] {
  return facts.map((fact) => {
    const { source, row, ...rest } = fact;
    void source;
    void row;
    return rest;
  });
}

/** The Chinese fixture and its English twin read alike: same report type, same facts, same rows with issues. */
const TWINS: ReadonlyArray<{ chinese: string; english: string; type: string }> = [
  {
    chinese: 'amazon-business-report-child-zh.csv',
    english: 'amazon-business-report-child.csv',
    type: 'amazon-business-report-child',
  },
  {
    chinese: 'amazon-business-report-child-zh-2022.csv',
    english: 'amazon-business-report-child-no-sku.csv',
    type: 'amazon-business-report-child',
  },
  {
    chinese: 'amazon-business-report-child-zh-2019.csv',
    english: 'amazon-business-report-child.csv',
    type: 'amazon-business-report-child',
  },
  {
    chinese: 'amazon-business-report-date-zh.csv',
    english: 'amazon-business-report-date.csv',
    type: 'amazon-business-report-date',
  },
  {
    chinese: 'amazon-sp-advertised-product-daily-zh.csv',
    english: 'amazon-sp-advertised-product-daily.csv',
    type: 'amazon-sp-advertised-product',
  },
  {
    chinese: 'amazon-sp-search-term-zh.csv',
    english: 'amazon-sp-search-term.csv',
    type: 'amazon-sp-search-term',
  },
  {
    chinese: 'amazon-sp-targeting-zh.csv',
    english: 'amazon-sp-targeting.csv',
    type: 'amazon-sp-targeting',
  },
];

describe('a Chinese export is its English twin', () => {
  it.each(TWINS)('$chinese is detected as $type, in Chinese, and read to the facts of $english', (twin) => {
    const chinese = readFixture(twin.chinese, SEPTEMBER);
    const english = readFixture(twin.english, SEPTEMBER);
    expect(chinese.detection).toMatchObject({ type: twin.type, headerLanguage: 'zh' });
    expect(english.detection.type).toBe(twin.type);
    expect(english.detection.headerLanguage).toBeUndefined();
    expect(chinese.result.facts.length).toBeGreaterThan(0);
    expect(factsWithoutSource(chinese.result.facts)).toEqual(factsWithoutSource(english.result.facts));
    expect(chinese.result.issues.map((issue) => [issue.row, issue.reason.key])).toEqual(
      english.result.issues.map((issue) => [issue.row, issue.reason.key]),
    );
    expect(chinese.result.dateRange).toEqual(english.result.dateRange);
  });
});

describe('Business Report by child item in Chinese (EXPORTS §9.1a)', () => {
  it('generation C: `US$12,905.25`, quoted `"12,131"` sessions and `"17,004"` page views read as numbers', () => {
    const { result } = readFixture('amazon-business-report-child-zh.csv', SEPTEMBER);
    expect(result.facts[0]).toMatchObject({
      kind: 'periodTraffic',
      sku: '5K-SC4U-PO06',
      asin: 'B096MCMDPL',
      sessions: 12131,
      pageViews: 17004,
      unitsOrdered: 683,
      orderedSales: 12905.25,
      period: SEPTEMBER.period,
    });
    expect(result.issues).toEqual([]);
  });

  it('`转化率 - 总计` is the session percentage column: conversion is found under `商品会话百分比` only', () => {
    const rows = loadFixture('amazon-business-report-child-zh.csv');
    const sheet = new SheetReader(
      rows,
      { type: 'amazon-business-report-child', confidence: 1, headerRowIndex: 0 },
      contextFor('zh'),
    );
    const header = (rows[0] ?? []).map(String);
    const at = (label: string): number => header.findIndex((cell) => cell.replace('\uFEFF', '') === label);
    expect(sheet.column(...businessReportByChildLabels.of('unitSessionPercentage'))).toBe(
      at('商品会话百分比'),
    );
    expect(sheet.column(...businessReportByChildLabels.of('sessionPercentage'))).toBe(at('转化率 - 总计'));
    expect(businessReportByChildLabels.of('unitSessionPercentage')).not.toContain('转化率 - 总计');
    // The "all columns" variant's `转化率 - 移动应用 - B2B` is no field at all: labels are matched whole.
    for (const field of [
      'sessions',
      'sessionPercentage',
      'pageViews',
      'unitSessionPercentage',
      'unitsOrdered',
      'orderedSales',
    ] as const) {
      expect(businessReportByChildLabels.of(field)).not.toContain('转化率 - 移动应用 - b2b');
    }
  });

  it('a `转化率 - 总计` cell is never read: text in it raises no issue and changes no fact', () => {
    const rows = loadFixture('amazon-business-report-child-zh.csv').map((row, index) =>
      index === 0 ? row : row.map((cell, column) => (column === 6 ? 'not a rate' : cell)),
    );
    const read = readSource(rows, contextFor('zh', SEPTEMBER));
    expect(read?.result.issues).toEqual([]);
    expect(read?.result.facts[1]).toMatchObject({
      sessions: 950,
      pageViews: 1310,
      unitsOrdered: 41,
      orderedSales: 861.59,
    });
  });

  it('reads trailing spaces, ASCII parentheses and an en dash in the Chinese headers (EXPORTS §9.1a quirks)', () => {
    const rows: CellGrid = [
      [
        '(父) ASIN',
        '(子) ASIN',
        '标题 ',
        'SKU',
        '会话数 – 总计',
        '页面浏览量 - 总计 ',
        '推荐报价（推荐报价展示位）百分比 ',
        '已订购商品数量',
        '已订购商品销售额 ',
      ],
      ['B0P', 'B0C', '网', 'SKU-1', '"1,034"', '1,500', '99.00%', '85', 'US $1,100.15'],
    ];
    const read = readSource(rows, contextFor('quirks', SEPTEMBER));
    expect(read?.detection).toMatchObject({ type: 'amazon-business-report-child', headerLanguage: 'zh' });
    // 1,034 sessions with quotes a plain-text CSV keeps; `US $1,100.15` with a space after US.
    expect(read?.result.facts).toEqual([
      expect.objectContaining({
        sku: 'SKU-1',
        asin: 'B0C',
        sessions: 1034,
        pageViews: 1500,
        unitsOrdered: 85,
        orderedSales: 1100.15,
      }),
    ]);
  });

  it('the "all columns" variant (mobile app and browser columns, the inconsistent 转化率 labels) reads its totals', () => {
    const rows: CellGrid = [
      [
        '（父）ASIN',
        '（子）ASIN',
        '标题',
        'SKU',
        '会话数 - 移动应用',
        '会话百分比 - 移动应用',
        '转化率 - 移动应用 - B2B',
        '会话百分比 - 浏览器',
        '会话百分比 - 浏览器 - B2B',
        '会话数 - 总计',
        '转化率 - 总计',
        '页面浏览量 - 总计',
        '已订购商品数量',
        '商品会话百分比',
        '已订购商品销售额',
      ],
      [
        'B0P',
        'B0C',
        '网',
        'SKU-1',
        '600',
        '2.00%',
        '0.50%',
        '1.10%',
        '0.20%',
        '"1,034"',
        '3.12%',
        '"1,400"',
        '85',
        '8.22%',
        'US$1,100.15',
      ],
    ];
    const read = readSource(rows, contextFor('all columns', SEPTEMBER));
    expect(read?.detection).toMatchObject({ type: 'amazon-business-report-child', headerLanguage: 'zh' });
    // Sessions are the total (1,034), not the mobile app's 600; 85 / 1,034 = 8.22% is the conversion column.
    expect(read?.result.facts[0]).toMatchObject({
      sessions: 1034,
      pageViews: 1400,
      unitsOrdered: 85,
      orderedSales: 1100.15,
    });
  });

  it('generation B has `日期` beside its ASINs and is still the child-item report, not the by-date one', () => {
    expect(detectReport(loadFixture('amazon-business-report-child-zh-2022.csv'))?.type).toBe(
      'amazon-business-report-child',
    );
  });
});

describe('Business Report by date in Chinese (EXPORTS §9.1b, §9.1c)', () => {
  it('reads year-first days `2026/8/3` and `US$1,204.50`: 57 units, 52 order items, 1,310 sessions', () => {
    const { result } = readFixture('amazon-business-report-date-zh.csv');
    expect(result.facts[0]).toMatchObject({
      kind: 'dailyTotal',
      date: '2026-08-03',
      revenue: 1204.5,
      units: 57,
      orders: 52,
      sessions: 1310,
      pageViews: 2024,
    });
    expect(result.dateRange).toEqual({ from: '2026-08-03', to: '2026-08-05' });
  });

  it('`2026/9/1` and `2026-9-1` are September 1 in a column whose other days are year-first too', () => {
    const rows: CellGrid = [
      [
        '日期',
        '已订购商品销售额',
        '已订购商品数量',
        '订单商品种类数',
        '买家访问次数',
        '页面浏览次数',
        '购买按钮赢得率',
        '订单商品数量转化率',
        '平均在售商品数量',
        '已订购商品的销售额 – B2B',
      ],
      ['2026/9/1', 'US$10.00', '1', '1'],
      ['2026-9-2', 'US$20.00', '2', '2'],
      ['2026/12/1', 'US$30.00', '3', '3'],
    ];
    const read = readSource(rows, contextFor('by date'));
    expect(read?.result.issues).toEqual([]);
    expect(read?.result.facts.map((fact) => ('date' in fact ? fact.date : null))).toEqual([
      '2026-09-01',
      '2026-09-02',
      '2026-12-01',
    ]);
  });

  it('a `￥` amount is refused, with a Data Issue saying it is not US dollars, and the day is left out', () => {
    const rows: CellGrid = [
      [
        '日期',
        '已订购商品销售额',
        '已订购商品数量',
        '订单商品种类数',
        '买家访问次数',
        '页面浏览次数',
        '购买按钮赢得率',
        '订单商品数量转化率',
        '平均在售商品数量',
        '已订购商品的销售额 – B2B',
      ],
      ['2026/9/1', '￥7,200.00', '10', '9'],
      ['2026/9/2', '¥72.00', '1', '1'],
      ['2026/9/3', 'US$1,100.15', '11', '10'],
    ];
    const read = readSource(rows, contextFor('人民币'));
    expect(read?.result.facts).toEqual([
      expect.objectContaining({ date: '2026-09-03', revenue: 1100.15, units: 11 }),
    ]);
    expect(read?.result.issues).toEqual([
      {
        sheet: '人民币',
        row: 2,
        key: '2026/9/1',
        reason: { key: 'issue.notUsDollars', params: { column: '已订购商品销售额', value: '￥7,200.00' } },
      },
      {
        sheet: '人民币',
        row: 3,
        key: '2026/9/2',
        reason: { key: 'issue.notUsDollars', params: { column: '已订购商品销售额', value: '¥72.00' } },
      },
    ]);
    const [first] = read?.result.issues ?? [];
    expect(first && translate('en', first.reason.key, first.reason.params)).toBe(
      'Row left out: 已订购商品销售额 is “￥7,200.00”, an amount in another currency. Only US dollars of the US ' +
        'marketplace are counted; amounts are never converted or summed across currencies.',
    );
  });
});

describe('Sponsored Products in Chinese (EXPORTS §9.2)', () => {
  it('advertised product: `花费` $16.12 on SKU-A on 2026-09-01, and `n/a` spend refused as in English', () => {
    const { result } = readFixture('amazon-sp-advertised-product-daily-zh.csv');
    expect(result.facts[0]).toMatchObject({
      kind: 'ad',
      adProduct: 'sponsoredProducts',
      date: '2026-09-01',
      campaign: 'SP - Cast Net - Exact',
      sku: 'SKU-A',
      spend: 16.12,
      sales: 1234.5,
      impressions: 1204,
      clicks: 31,
      orders: 3,
      units: 4,
    });
    expect(result.issues).toEqual([
      expect.objectContaining({
        row: 5,
        reason: { key: 'issue.notANumber', params: { column: '花费', value: 'n/a' } },
      }),
    ]);
  });

  it('search term: an auto-campaign row with `-` as its match type reads like any other', () => {
    const { result } = readFixture('amazon-sp-search-term-zh.csv');
    expect(result.facts[1]).toMatchObject({
      targeting: 'close-match',
      searchTerm: '=bait net',
      spend: 0.95,
      clicks: 1,
    });
  });

  it('a Chinese header with 14-day attribution (Sponsored Display / Brands) is not taken for Sponsored Products spend', () => {
    const rows: CellGrid = [
      [
        '日期',
        '货币',
        '广告活动名称',
        '广告组名称',
        '广告SKU',
        '广告ASIN',
        '展示量',
        '点击量',
        '花费',
        '14天总销售额',
      ],
      ['2026/9/1', 'USD', 'SD', 'SD 1', 'SKU-A', 'B0C', '100', '2', '$1.00', '$0.00'],
    ];
    expect(detectReport(rows)).toBeNull();
  });

  it('targeting rows (bare-number percents of an XLSX download) feed search-term analysis, never ad spend', () => {
    const targeting = readFixture('amazon-sp-targeting-zh.csv').result.facts;
    const advertised = readFixture('amazon-sp-advertised-product-daily-zh.csv').result.facts;
    expect(targeting.every((fact) => fact.kind === 'searchTerm')).toBe(true);
    const spendOf = (facts: readonly Fact[]): number =>
      summarize(facts, { costs: EMPTY_COST_TABLE, fxUsdCny: null }).rows.reduce(
        (sum, row) => sum + row.adSpend,
        0,
      );
    // 16.12 + 11.00 + 0.95 from the advertised product report; the targeting report's 16.12 + 2.05 add nothing.
    expect(Math.round(spendOf([...advertised, ...targeting]) * 100) / 100).toBe(28.07);
    expect(spendOf(targeting)).toBe(0);
  });

  it('the targeting and search term reports are told apart by the customer search term column, in both languages', () => {
    expect(detectReport(loadFixture('amazon-sp-targeting-zh.csv'))?.type).toBe('amazon-sp-targeting');
    expect(detectReport(loadFixture('amazon-sp-search-term-zh.csv'))?.type).toBe('amazon-sp-search-term');
    expect(detectReport(loadFixture('amazon-sp-targeting.csv'))?.type).toBe('amazon-sp-targeting');
    expect(detectReport(loadFixture('amazon-sp-search-term.csv'))?.type).toBe('amazon-sp-search-term');
  });
});
