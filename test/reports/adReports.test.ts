/**
 * Sponsored Display and Sponsored Brands reports (issue 10, item 2), classic and unified console, read from their
 * real-format fixtures (headers and sources in docs/EXPORTS-SOURCES.md). Every figure is worked out by hand from the
 * fixture rows; days are America/Los_Angeles.
 */
import { type AdFact, type Fact } from '../../src/core/model';
import { readSource } from '../../src/core/reports';
import { EMPTY_COST_TABLE } from '../../src/core/costs/costs';
import { summarize } from '../../src/core/summary/summarize';
import { contextFor, loadFixture, readFixture } from './helpers';

function adFacts(facts: readonly Fact[]): AdFact[] {
  return facts.filter((fact): fact is AdFact => fact.kind === 'ad');
}

/** The fixture read as if pasted into a tab named `sheetName`. */
function factsOf(fixture: string, sheetName: string, grid = loadFixture(fixture)): Fact[] {
  const read = readSource(grid, contextFor(sheetName));
  if (!read) throw new Error(`${fixture} was not recognised`);
  return read.result.facts;
}

/**
 * Ad spend per summary row, `date|sku` → dollars to the cent as the KPI Summary shows it, through summarize() (which
 * dedupes ad rows, SPEC §2a).
 */
function spendByRow(facts: readonly Fact[]): Record<string, number> {
  const { rows } = summarize(facts, { costs: EMPTY_COST_TABLE, fxUsdCny: null });
  return Object.fromEntries(
    rows
      .filter((row) => row.adSpend !== 0)
      .map((row) => [`${row.date}|${row.sku}`, Math.round(row.adSpend * 100) / 100]),
  );
}

describe('Sponsored Display advertised product report (classic console), daily', () => {
  const { detection, result } = readFixture('amazon-sd-advertised-product-daily.csv');

  it('one AdFact per day, campaign, ad group and SKU, with 14-day totals (views and clicks), not the click twins', () => {
    expect(detection.type).toBe('amazon-sd-advertised-product');
    expect(adFacts(result.facts)).toEqual([
      // "$7.44"; `14 Day Total Sales ` $29.98 (its `- (Click)` twin is $14.99); "2,480" impressions, not the
      // "1,912" viewable ones.
      expect.objectContaining({
        date: '2026-09-01',
        campaign: 'SD - Views Remarketing',
        adGroup: 'Remarketing 30d',
        sku: 'SKU-A',
        spend: 7.44,
        sales: 29.98,
        clicks: 9,
        impressions: 2480,
        orders: 2,
        units: 2,
      }),
      expect.objectContaining({
        date: '2026-09-02',
        sku: 'SKU-A',
        spend: 2.61,
        sales: 0,
        clicks: 3,
        impressions: 1105,
      }),
      expect.objectContaining({
        date: '2026-09-02',
        campaign: 'SD - Contextual',
        sku: 'SKU-B',
        spend: 3.2,
        sales: 19.99,
        clicks: 4,
        impressions: 640,
        orders: 1,
        units: 1,
      }),
    ]);
  });

  it('a Canadian-dollar row is left out with one Data Issue giving its amount', () => {
    expect(result.issues).toEqual([
      {
        sheet: 'amazon-sd-advertised-product-daily.csv',
        row: 0,
        key: 'CAD',
        reason: { key: 'issue.otherMarketLines', params: { market: 'CAD', lines: 1, amount: '1.50' } },
      },
    ]);
    expect(result).toMatchObject({ rowsRead: 4, rowsExcluded: 1 });
  });

  it('pasted twice (two tabs, and appended below with its header) counts once through summarize()', () => {
    const once = factsOf('amazon-sd-advertised-product-daily.csv', 'SD Sep');
    const grid = loadFixture('amazon-sd-advertised-product-daily.csv');
    const twiceInTwoTabs = [...once, ...factsOf('amazon-sd-advertised-product-daily.csv', 'SD Sep (2)')];
    const twiceInOneTab = factsOf('amazon-sd-advertised-product-daily.csv', 'SD Sep', [...grid, ...grid]);
    const expected = { '2026-09-01|SKU-A': 7.44, '2026-09-02|SKU-A': 2.61, '2026-09-02|SKU-B': 3.2 };
    expect(spendByRow(once)).toEqual(expected);
    expect(spendByRow(twiceInTwoTabs)).toEqual(expected);
    expect(spendByRow(twiceInOneTab)).toEqual(expected);
  });
});

describe('Sponsored Display advertised product report (classic console), summary', () => {
  it('a row over Sep 01–07 gives no daily spend and the one Data Issue; the one-day row counts', () => {
    const { detection, result } = readFixture('amazon-sd-advertised-product-summary.csv');
    expect(detection.type).toBe('amazon-sd-advertised-product');
    expect(adFacts(result.facts)).toEqual([
      expect.objectContaining({
        date: '2026-09-08',
        sku: 'SKU-B',
        spend: 3.2,
        sales: 19.99,
        clicks: 4,
        impressions: 640,
      }),
    ]);
    expect(result.issues).toEqual([
      {
        sheet: 'amazon-sd-advertised-product-summary.csv',
        row: 0,
        key: 'amazon-sd-advertised-product-summary.csv',
        reason: { key: 'issue.adReportNotDaily', params: { count: 1, from: '2026-09-01', to: '2026-09-07' } },
      },
    ]);
  });
});

describe('Sponsored Brands campaign report (classic console), daily', () => {
  const { detection, result } = readFixture('amazon-sb-campaign-daily.csv');

  it('one AdFact per day and campaign, with no ad group and no SKU', () => {
    expect(detection.type).toBe('amazon-sb-campaign');
    expect(adFacts(result.facts)).toEqual([
      // `14 Day Total Sales ` $124.05 (the `- (Click)` twin is $113.26); "3,150" impressions.
      expect.objectContaining({
        date: '2026-09-01',
        campaign: 'SB - Brand Store - Cast Nets',
        adGroup: '',
        sku: '',
        spend: 46.2,
        sales: 124.05,
        clicks: 42,
        impressions: 3150,
        orders: 5,
        units: 6,
      }),
      // A vCPM video campaign: "5,200" impressions, not the "3,900" viewable ones.
      expect.objectContaining({
        date: '2026-09-01',
        campaign: 'SB - Video - Bait Nets',
        adGroup: '',
        sku: '',
        spend: 15.6,
        sales: 39.98,
        clicks: 18,
        impressions: 5200,
        orders: 2,
        units: 2,
      }),
      expect.objectContaining({
        date: '2026-09-02',
        campaign: 'SB - Brand Store - Cast Nets',
        sku: '',
        spend: 38.15,
        sales: 0,
        clicks: 35,
        impressions: 2890,
      }),
    ]);
    expect(result.issues).toEqual([]);
  });

  it('spend lands on the channel row (empty SKU) and a second paste counts once', () => {
    const once = factsOf('amazon-sb-campaign-daily.csv', 'SB Sep');
    const grid = loadFixture('amazon-sb-campaign-daily.csv');
    // 46.20 + 15.60 on Sep 01; 38.15 on Sep 02.
    const expected = { '2026-09-01|': 61.8, '2026-09-02|': 38.15 };
    expect(spendByRow(once)).toEqual(expected);
    expect(spendByRow([...once, ...factsOf('amazon-sb-campaign-daily.csv', 'SB Sep (2)')])).toEqual(expected);
    expect(spendByRow(factsOf('amazon-sb-campaign-daily.csv', 'SB Sep', [...grid, ...grid]))).toEqual(
      expected,
    );
  });

  it('a keyword-level Sponsored Brands report (same spend split by keyword) is left out whole, with one issue', () => {
    const grid = loadFixture('amazon-sb-campaign-daily.csv');
    const [header = [], ...rows] = grid;
    const keywordReport = [
      ['Ad Group Name', 'Targeting', ...header],
      ...rows.map((row) => ['Brand AG', 'cast net', ...row]),
    ];
    const read = readSource(keywordReport, contextFor('SB keywords'));
    expect(read?.detection.type).toBe('amazon-sb-campaign');
    expect(read?.result.facts).toEqual([]);
    expect(read?.result).toMatchObject({ rowsRead: 3, rowsExcluded: 3 });
    expect(read?.result.issues.map((issue) => issue.reason)).toEqual([
      { key: 'issue.sbReportSplitsSpend', params: { column: 'Ad Group Name', rows: 3 } },
    ]);
  });
});

describe('Sponsored Brands campaign report (classic console), summary', () => {
  it('a row over Sep 01–07 gives no daily spend and the one Data Issue; the one-day row counts', () => {
    const { detection, result } = readFixture('amazon-sb-campaign-summary.csv');
    expect(detection.type).toBe('amazon-sb-campaign');
    expect(adFacts(result.facts)).toEqual([
      expect.objectContaining({
        date: '2026-09-08',
        campaign: 'SB - Video - Bait Nets',
        sku: '',
        spend: 12.3,
        sales: 19.99,
        clicks: 11,
        impressions: 4100,
      }),
    ]);
    expect(result.issues.map((issue) => issue.reason)).toEqual([
      { key: 'issue.adReportNotDaily', params: { count: 1, from: '2026-09-01', to: '2026-09-07' } },
    ]);
  });
});

describe('unified console (2025/26)', () => {
  it('Sponsored Display advertised product: Total cost, Sales, Purchases, Units sold per SKU and day', () => {
    const { detection, result } = readFixture('amazon-sd-advertised-product-unified.csv');
    expect(detection.type).toBe('amazon-sd-advertised-product-unified');
    expect(adFacts(result.facts)).toEqual([
      expect.objectContaining({
        date: '2026-09-01',
        campaign: 'SD - Views Remarketing',
        adGroup: 'Remarketing 30d',
        sku: 'SKU-A',
        spend: 7.44,
        sales: 29.98,
        clicks: 9,
        impressions: 2480,
        orders: 2,
        units: 2,
      }),
      expect.objectContaining({
        date: '2026-09-02',
        sku: 'SKU-B',
        spend: 3.2,
        sales: 19.99,
        clicks: 4,
        impressions: 640,
      }),
    ]);
    expect(result.issues).toEqual([]);
  });

  it('Sponsored Display in a one-cell date range over several days is the one Data Issue', () => {
    const [header = [], ...rows] = loadFixture('amazon-sd-advertised-product-unified.csv');
    const dateAt = header.indexOf('Date');
    const rangeHeader = header.map((name, index) => (index === dateAt ? 'Date range' : name));
    const rangeRows = rows.map((row) =>
      row.map((cell, index) => (index === dateAt ? 'Sep 01, 2026 - Sep 07, 2026' : cell)),
    );
    const read = readSource([rangeHeader, ...rangeRows], contextFor('SD range'));
    expect(read?.detection.type).toBe('amazon-sd-advertised-product-unified');
    expect(read?.result.facts).toEqual([]);
    expect(read?.result.issues.map((issue) => issue.reason)).toEqual([
      { key: 'issue.adReportNotDaily', params: { count: 2, from: '2026-09-01', to: '2026-09-07' } },
    ]);
  });

  it('campaign report: Sponsored Brands rows go on the channel row; Products and Display rows are left out', () => {
    const { detection, result } = readFixture('amazon-sb-campaign-unified.csv');
    expect(detection.type).toBe('amazon-sb-campaign-unified');
    expect(adFacts(result.facts)).toEqual([
      expect.objectContaining({
        date: '2026-09-01',
        campaign: 'SB - Brand Store - Cast Nets',
        adGroup: '',
        sku: '',
        spend: 46.2,
        sales: 124.05,
        clicks: 42,
        impressions: 3150,
        orders: 5,
        units: 6,
      }),
      expect.objectContaining({
        date: '2026-09-02',
        sku: '',
        spend: 38.15,
        sales: 0,
        clicks: 35,
        impressions: 2890,
      }),
    ]);
    // The $16.12 Sponsored Products and $7.44 Sponsored Display rows are counted per SKU by their own reports.
    expect(result.issues.map((issue) => issue.reason)).toEqual([
      {
        key: 'issue.campaignRowsOfSkuAdProducts',
        params: { count: 2, adProducts: 'Sponsored Products, Sponsored Display' },
      },
    ]);
    expect(result).toMatchObject({ rowsRead: 4, rowsExcluded: 2 });
  });

  it('a campaign report pasted twice counts its Sponsored Brands spend once', () => {
    const grid = loadFixture('amazon-sb-campaign-unified.csv');
    const expected = { '2026-09-01|': 46.2, '2026-09-02|': 38.15 };
    expect(spendByRow(factsOf('amazon-sb-campaign-unified.csv', 'Campaigns'))).toEqual(expected);
    expect(spendByRow(factsOf('amazon-sb-campaign-unified.csv', 'Campaigns', [...grid, ...grid]))).toEqual(
      expected,
    );
  });
});

describe('every ad type in one workbook', () => {
  it('SP and SD spend stay on their SKUs, SB on the channel row, each counted once', () => {
    const facts = [
      ...factsOf('amazon-sp-advertised-product-daily.csv', 'SP'),
      ...factsOf('amazon-sd-advertised-product-daily.csv', 'SD'),
      ...factsOf('amazon-sb-campaign-daily.csv', 'SB'),
      ...factsOf('amazon-sb-campaign-daily.csv', 'SB again'),
    ];
    // Sep 01: SP SKU-A 16.12 + SD SKU-A 7.44 = 23.56; SB 46.20 + 15.60 = 61.80 on the channel row.
    // Sep 02: SP SKU-A 11.00 + SD 2.61 = 13.61; SP SKU-B 0.95 + SD 3.20 = 4.15; SB 38.15.
    expect(spendByRow(facts)).toEqual({
      '2026-09-01|SKU-A': 23.56,
      '2026-09-01|': 61.8,
      '2026-09-02|SKU-A': 13.61,
      '2026-09-02|SKU-B': 4.15,
      '2026-09-02|': 38.15,
    });
  });
});
