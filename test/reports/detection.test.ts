import { type CellGrid } from '../../src/core/cell';
import { normaliseHeader } from '../../src/core/parse';
import { detectReport, readSource, REPORTS, reportDefinition } from '../../src/core/reports';
import { contextFor, loadFixture } from './helpers';

/** Every Ads console fixture: Sponsored Products, Display and Brands, classic and unified, daily and summary. */
const AD_FIXTURES = [
  'amazon-sp-advertised-product-daily.csv',
  'amazon-sp-advertised-product-summary.csv',
  'amazon-sp-advertised-product-unified.csv',
  'amazon-sp-search-term.csv',
  'amazon-sd-advertised-product-daily.csv',
  'amazon-sd-advertised-product-summary.csv',
  'amazon-sd-advertised-product-unified.csv',
  'amazon-sb-campaign-daily.csv',
  'amazon-sb-campaign-summary.csv',
  'amazon-sb-campaign-unified.csv',
];

const ALL_ORDERS_HEADER = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'sku',
  'quantity',
  'item-price',
];

describe('detecting an export from its header row', () => {
  it('every report type has one definition, and required headers are normalised names', () => {
    const types = REPORTS.map((report) => report.type);
    expect(new Set(types).size).toBe(types.length);
    for (const report of REPORTS) {
      expect(reportDefinition(report.type)).toBe(report);
      for (const name of [...report.requiredHeaders, ...report.signatureHeaders]) {
        expect(name).toBe(name.trim().toLowerCase());
      }
    }
  });

  it('Chinese header labels are normalised like a header cell, and every required column has one (SPEC §2c)', () => {
    const translated = REPORTS.flatMap((report) => report.translatedHeaders ?? []);
    expect(translated.length).toBeGreaterThanOrEqual(5);
    for (const headers of translated) {
      expect(headers.requiredHeaders.every((aliases) => aliases.length > 0)).toBe(true);
      for (const aliases of [...headers.requiredHeaders, ...headers.signatureHeaders]) {
        for (const name of aliases) expect(normaliseHeader(name)).toBe(name);
      }
    }
  });

  it('a Chinese header row is detected as the English twin, and says it was Chinese', () => {
    const header = [
      '日期',
      '广告活动名称',
      '广告组名称',
      '广告SKU',
      '展示量',
      '点击量',
      '花费',
      '7天总销售额',
    ];
    expect(detectReport([header])).toEqual({
      type: 'amazon-sp-advertised-product',
      confidence: 1 / 13,
      // 7天总销售额 is the one signature column of the thirteen.
      signature: { found: 1, total: 13 },
      headerRowIndex: 0,
      headerLanguage: 'zh',
    });
    expect(detectReport([header.slice(0, -1)])).toBeNull();
  });

  it('finds the header below a preamble of up to 14 rows', () => {
    const preamble: CellGrid = Array.from({ length: 14 }, (_, index) => [`Report line ${index}`]);
    expect(detectReport([...preamble, ALL_ORDERS_HEADER])?.headerRowIndex).toBe(14);
    // Row 16 is past the first 15 rows: not a header.
    expect(detectReport([...preamble, [''], ALL_ORDERS_HEADER])).toBeNull();
  });

  it('matches names, not positions: reordered and added columns are fine', () => {
    const reordered = [...ALL_ORDERS_HEADER].reverse();
    expect(detectReport([['extra-column', ...reordered, 'order-item-id']])?.type).toBe('amazon-all-orders');
  });

  it('ignores case, surrounding spaces, trailing tabs, a BOM and NBSP in header names', () => {
    const header = ALL_ORDERS_HEADER.map((name) => name.toUpperCase());
    header[0] = '\uFEFFAmazon-Order-Id ';
    header[5] = ' SKU\t';
    header[6] = 'quantity\u00A0';
    expect(detectReport([header])?.type).toBe('amazon-all-orders');
  });

  it('reads an en dash in a Business Report header as a hyphen (UK file)', () => {
    const header = [
      '(Parent) ASIN',
      '(Child) ASIN',
      'Title',
      'Sessions \u2013 Total',
      'Units Ordered',
      'Ordered Product Sales',
      // The report's other usual columns, after the ones the row fills: a header with too few of them is only a
      // partial match, which is not read.
      'Session Percentage \u2013 Total',
      'Page Views \u2013 Total',
      'Page Views Percentage \u2013 Total',
      'Featured Offer (Buy Box) Percentage',
      'Unit Session Percentage',
      'Total Order Items',
    ];
    const grid: CellGrid = [header, ['B0P', 'B0C', 'Net', '1,000', '10', '$100.00']];
    const read = readSource(grid, contextFor('UK', { period: { from: '2026-01-01', to: '2026-01-31' } }));
    expect(read?.detection.type).toBe('amazon-business-report-child');
    expect(read?.result.facts[0]).toMatchObject({ sessions: 1000, unitsOrdered: 10, orderedSales: 100 });
  });

  it('an unknown sheet is not a source: null, never a guess', () => {
    expect(
      detectReport([
        ['Date', 'Notes'],
        ['2026-01-01', 'hello'],
      ]),
    ).toBeNull();
    expect(detectReport([])).toBeNull();
    // One required header missing (item-price): not All Orders.
    expect(detectReport([ALL_ORDERS_HEADER.filter((name) => name !== 'item-price')])).toBeNull();
  });

  it('confidence is the share of signature headers found', () => {
    const detection = detectReport([ALL_ORDERS_HEADER]);
    const signature = reportDefinition('amazon-all-orders')?.signatureHeaders ?? [];
    // merchant-order-id, last-updated-date and order-status are signature headers.
    expect(detection?.confidence).toBeCloseTo(3 / signature.length, 10);
    expect(detectReport(loadFixture('amazon-all-orders-classic.txt'))?.confidence).toBe(1);
  });

  it('tells the Business Report by child item from the one by date', () => {
    expect(detectReport(loadFixture('amazon-business-report-child.csv'))?.type).toBe(
      'amazon-business-report-child',
    );
    expect(detectReport(loadFixture('amazon-business-report-date.csv'))?.type).toBe(
      'amazon-business-report-date',
    );
  });

  it('tells the classic, unified and search-term Ads reports apart', () => {
    expect(detectReport(loadFixture('amazon-sp-advertised-product-daily.csv'))?.type).toBe(
      'amazon-sp-advertised-product',
    );
    expect(detectReport(loadFixture('amazon-sp-advertised-product-summary.csv'))?.type).toBe(
      'amazon-sp-advertised-product',
    );
    expect(detectReport(loadFixture('amazon-sp-advertised-product-unified.csv'))?.type).toBe(
      'amazon-sp-advertised-product-unified',
    );
    expect(detectReport(loadFixture('amazon-sp-search-term.csv'))?.type).toBe('amazon-sp-search-term');
  });

  it('tells every ad type and console apart: each ad fixture is its own report, never another ad type', () => {
    const expected: Record<string, string> = {
      'amazon-sp-advertised-product-daily.csv': 'amazon-sp-advertised-product',
      'amazon-sp-advertised-product-summary.csv': 'amazon-sp-advertised-product',
      'amazon-sp-advertised-product-unified.csv': 'amazon-sp-advertised-product-unified',
      'amazon-sp-search-term.csv': 'amazon-sp-search-term',
      'amazon-sd-advertised-product-daily.csv': 'amazon-sd-advertised-product',
      'amazon-sd-advertised-product-summary.csv': 'amazon-sd-advertised-product',
      'amazon-sd-advertised-product-unified.csv': 'amazon-sd-advertised-product-unified',
      'amazon-sb-campaign-daily.csv': 'amazon-sb-campaign',
      'amazon-sb-campaign-summary.csv': 'amazon-sb-campaign',
      'amazon-sb-campaign-unified.csv': 'amazon-sb-campaign-unified',
    };
    expect(Object.keys(expected)).toEqual(AD_FIXTURES);
    const detected = Object.fromEntries(
      Object.keys(expected).map((fixture) => [fixture, detectReport(loadFixture(fixture))?.type]),
    );
    expect(detected).toEqual(expected);
  });

  it('a Sponsored Products sheet with only its required columns is still Sponsored Products', () => {
    // The unified console lets the user pick columns; with none of the signature columns every candidate scores 0,
    // and the Sponsored Brands campaign report must not take the sheet even when it carries an `Ad product` column.
    const unifiedMinimal = [
      'Campaign name',
      'Ad group name',
      'Advertised product SKU',
      'Impressions',
      'Clicks',
      'Total cost',
      'Ad product',
    ];
    expect(detectReport([unifiedMinimal])?.type).toBe('amazon-sp-advertised-product-unified');
    const classicMinimal = [
      'Campaign Name',
      'Ad Group Name',
      'Advertised SKU',
      'Impressions',
      'Clicks',
      'Spend',
    ];
    expect(detectReport([classicMinimal])?.type).toBe('amazon-sp-advertised-product');
  });

  it('an ad report missing any one of its optional columns is still the same report', () => {
    // Consoles let users hide columns, and older downloads lack newer ones: whichever column is gone, no other ad
    // type may take the sheet (that would lose or double its spend).
    for (const fixture of AD_FIXTURES) {
      const grid = loadFixture(fixture);
      const detection = detectReport(grid);
      if (!detection) throw new Error(`${fixture} was not recognised`);
      const { type } = detection;
      // The search term fixture has a title line above its header.
      const header = grid[detection.headerRowIndex] ?? [];
      const required = reportDefinition(type)?.requiredHeaders ?? [];
      for (const column of header) {
        if (required.includes(normaliseHeader(column))) continue;
        const without = header.filter((name) => name !== column);
        expect({ fixture, without: column, type: detectReport([without])?.type }).toEqual({
          fixture,
          without: column,
          type,
        });
      }
    }
  });

  it('Sponsored Display and Brands need their 14-day sales; a unified campaign report needs its Ad product', () => {
    const [sdHeader = []] = loadFixture('amazon-sd-advertised-product-daily.csv');
    // Without `14 Day Total Sales ` the sheet reads as an advertised-product report: the same per-SKU spend.
    expect(detectReport([sdHeader.filter((name) => name !== '14 Day Total Sales ')])?.type).toBe(
      'amazon-sp-advertised-product',
    );
    // A Sponsored Products campaign report (7-day attribution) is not a Sponsored Brands report.
    const spCampaign = ['Date', 'Campaign Name', 'Impressions', 'Clicks', 'Spend', '7 Day Total Sales '];
    expect(detectReport([spCampaign])).toBeNull();
    // A unified campaign report without an `Ad product` column cannot tell Sponsored Brands from the others.
    const [campaignHeader = []] = loadFixture('amazon-sb-campaign-unified.csv');
    expect(detectReport([campaignHeader.filter((name) => name !== 'Ad product')])).toBeNull();
  });

  it('the add-on’s own sheets are never sources, whatever they hold', () => {
    const grid = loadFixture('amazon-all-orders-classic.txt');
    expect(readSource(grid, contextFor('KPI Summary'))).toBeNull();
    expect(readSource(grid, contextFor(' data issues '))).toBeNull();
    expect(readSource(grid, contextFor('Orders May'))?.detection.type).toBe('amazon-all-orders');
  });
});

describe('speed', () => {
  it('reads every row of a 100,000-row All Orders report', () => {
    const [header, ...rows] = loadFixture('amazon-all-orders-current.txt');
    const template = rows[1] ?? [];
    const headerRow = header ?? [];
    const purchaseColumn = headerRow.indexOf('purchase-date');
    const updatedColumn = headerRow.indexOf('last-updated-date');
    const orderColumn = headerRow.indexOf('amazon-order-id');
    const start = Date.UTC(2026, 0, 1);
    const grid: CellGrid = [headerRow];
    for (let index = 0; index < 100_000; index++) {
      const row = [...template];
      // One order every 47 seconds over two months: every timestamp distinct.
      row[purchaseColumn] = new Date(start + index * 47_000).toISOString().replace('.000Z', '+00:00');
      row[updatedColumn] = new Date(start + index * 47_000 + 3_600_000)
        .toISOString()
        .replace('.000Z', '+00:00');
      row[orderColumn] = `112-${String(index).padStart(7, '0')}-0000001`;
      grid.push(row);
    }
    // Speed is measured by `npm run bench`, not asserted here: this checks that every one of the rows is read.
    const read = readSource(grid, contextFor('Orders'));
    expect(read?.result.facts).toHaveLength(100_000);
    expect(read?.result.issues).toEqual([]);
  });
});
