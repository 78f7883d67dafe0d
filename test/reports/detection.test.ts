import { type CellGrid } from '../../src/core/cell';
import { detectReport, readSource, REPORTS, reportDefinition } from '../../src/core/reports';
import { contextFor, loadFixture } from './helpers';

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
