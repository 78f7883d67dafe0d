/**
 * The stock readers of issue 11 on their real headers (EXPORTS §5b, §9 1f, §10; sources in docs/EXPORTS-SOURCES.md):
 * each export detected with no setup and read into inventory or ledger facts, figures checked against the fixture.
 */
import { type Fact } from '../../src/core/model';
import { contextFor, readFixture } from '../reports/helpers';
import { readSource } from '../../src/core/reports';
import { mappedReportDefinition, mappedDetection } from '../../src/core/mapping/reader';

function ofKind<K extends Fact['kind']>(facts: readonly Fact[], kind: K): Extract<Fact, { kind: K }>[] {
  return facts.filter((fact): fact is Extract<Fact, { kind: K }> => fact.kind === kind);
}

describe('Restock Inventory report', () => {
  it('is detected and read: reserved = FC transfer + FC processing + customer order, its 30-day units kept', () => {
    const { detection, result } = readFixture('amazon-restock-inventory.csv');
    expect(detection).toMatchObject({ type: 'amazon-restock-inventory', confidence: 1 });
    expect(result.issues).toEqual([]);
    const [a, b] = ofKind(result.facts, 'inventory');
    // SKU-A: Available 300, Inbound 50 (= 10 working + 40 shipped), reserved 5 + 10 + 5 = 20, unfulfillable 3.
    expect(a).toMatchObject({
      sku: 'SKU-A',
      availableUnits: 300,
      inboundUnits: 50,
      reservedUnits: 20,
      unsellableUnits: 3,
      reportedUnits30: 60,
      price: 26,
    });
    // No date in the file and none stated: the build day stands in, so the fact carries no date.
    expect(a?.snapshotDate).toBeUndefined();
    expect(b).toMatchObject({ sku: 'SKU-B', availableUnits: 0, inboundUnits: 12, reportedUnits30: 30 });
  });

  it('takes the day stated in the sidebar (the end of the stated period) as its snapshot day', () => {
    const { result } = readFixture('amazon-restock-inventory.csv', {
      period: { from: '2026-03-01', to: '2026-03-09' },
    });
    expect(ofKind(result.facts, 'inventory')[0]).toMatchObject({
      snapshotDate: '2026-03-09',
      snapshotDateSource: 'stated',
    });
  });
});

describe('FBA Inventory report (inventory planning)', () => {
  it('reads its own snapshot day, inbound-quantity, the reserved total and one set of age bands', () => {
    const { detection, result } = readFixture('amazon-fba-inventory-planning.csv');
    expect(detection.type).toBe('amazon-fba-inventory-planning');
    expect(result.issues).toEqual([]);
    const [a, c] = ofKind(result.facts, 'inventory');
    // 2026-03-09T07:00:00Z is midnight of March 9 in Los Angeles. Aged > 180: 25 + 10 + 5 = 40 (the 181–330 and
    // 331–365 bands of the same file, 35 + 5, describe the same units and are not added).
    expect(a).toMatchObject({
      sku: 'SKU-A',
      snapshotDate: '2026-03-09',
      snapshotDateSource: 'report',
      availableUnits: 300,
      inboundUnits: 50,
      reservedUnits: 20,
      unsellableUnits: 3,
      reportedUnits7: 14,
      reportedUnits30: 60,
      reportedUnits90: 170,
      unitsAgedOver180: 40,
      reportedSellThrough: 0.7,
    });
    expect(c).toMatchObject({ sku: 'SKU-C', availableUnits: 80, unitsAgedOver180: 80, reportedUnits30: 0 });
  });

  it('a Chinese-UI download (partly translated) is the same report with the same figures', () => {
    const { detection, result } = readFixture('amazon-fba-inventory-planning-zh.csv');
    expect(detection).toMatchObject({ type: 'amazon-fba-inventory-planning', headerLanguage: 'zh' });
    expect(result.issues).toEqual([]);
    expect(ofKind(result.facts, 'inventory')[0]).toMatchObject({
      sku: 'SKU-A',
      snapshotDate: '2026-03-09',
      availableUnits: 300,
      inboundUnits: 50,
      reservedUnits: 20,
      reportedUnits30: 60,
      reportedUnits90: 170,
      unitsAgedOver180: 40,
    });
  });
});

describe('Inventory Ledger', () => {
  it('summary view: one fact per day, SKU, disposition and location; shipments made positive', () => {
    const { detection, result } = readFixture('amazon-inventory-ledger-summary.csv');
    expect(detection).toMatchObject({ type: 'amazon-inventory-ledger-summary', confidence: 1 });
    expect(result.issues).toEqual([]);
    const balances = ofKind(result.facts, 'ledgerBalance');
    expect(balances).toHaveLength(5);
    // 03/06/2026 is month-first (US Seller Central), March 6.
    expect(balances[0]).toMatchObject({
      sku: 'SKU-D',
      date: '2026-03-06',
      disposition: 'SELLABLE',
      location: 'US',
      startingBalance: 4,
      endingBalance: 0,
      customerShipments: 4,
    });
  });

  it('detail view: events with their signed quantities', () => {
    const { detection, result } = readFixture('amazon-inventory-ledger-detail.txt');
    expect(detection.type).toBe('amazon-inventory-ledger-detail');
    expect(result.issues).toEqual([]);
    const events = ofKind(result.facts, 'ledgerEvent');
    expect(events.map((event) => [event.date, event.eventType, event.quantity])).toEqual([
      ['2026-03-08', 'Shipments', -1],
      ['2026-03-08', 'Shipments', -1],
      ['2026-03-08', 'Receipts', 50],
      ['2026-03-13', 'Shipments', -3],
    ]);
  });
});

describe('a sheet mapped as Inventory (Walmart WFS, TikTok, a 3PL)', () => {
  const rows = [
    ['Item SKU', 'On hand', 'In transit', 'Stock date'],
    ['WM-1', '40', '100', '2026-03-08'],
  ];
  const mapping = {
    sheetId: 7,
    sheetName: '3PL',
    kind: 'inventory' as const,
    channel: 'walmart' as const,
    headerRow: 1,
    columns: { sku: 'item sku', availableUnits: 'on hand', inboundUnits: 'in transit' },
    period: null,
  };

  it('reads sku, available, inbound and the date column as the snapshot day', () => {
    const withDate = { ...mapping, columns: { ...mapping.columns, date: 'stock date' } };
    const result = mappedReportDefinition(withDate).parse(rows, mappedDetection(withDate), contextFor('3PL'));
    expect(result.facts).toEqual([
      expect.objectContaining({
        kind: 'inventory',
        channel: 'walmart',
        sku: 'WM-1',
        availableUnits: 40,
        inboundUnits: 100,
        snapshotDate: '2026-03-08',
        snapshotDateSource: 'report',
      }),
    ]);
  });

  it('without a date column: the day stated in the sidebar, else none (the build day)', () => {
    const stated = { ...mapping, period: { from: '2026-03-01', to: '2026-03-05' } };
    const withPeriod = mappedReportDefinition(stated).parse(
      rows,
      mappedDetection(stated),
      contextFor('3PL', { period: stated.period }),
    );
    expect(withPeriod.facts[0]).toMatchObject({ snapshotDate: '2026-03-05', snapshotDateSource: 'stated' });
    const none = mappedReportDefinition(mapping).parse(rows, mappedDetection(mapping), contextFor('3PL'));
    expect(none.facts[0]).not.toHaveProperty('snapshotDate');
  });

  it('is never detected as an FBA report by itself (a 3PL sheet with sku and available is no Amazon export)', () => {
    expect(
      readSource(
        [
          ['sku', 'asin', 'available'],
          ['X', 'B0', '3'],
        ],
        contextFor('3PL'),
      ),
    ).toBeNull();
  });
});
