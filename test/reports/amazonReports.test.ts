/**
 * Ads, payments, returns, inventory and Business Reports read from their real-format fixtures, with the figures worked
 * out by hand from the fixture rows. Days are in America/Los_Angeles.
 */
import { type Fact, type FeeFact } from '../../src/core/model';
import { readSource } from '../../src/core/reports';
import { asTypedCells, contextFor, loadFixture, readFixture } from './helpers';

function ofKind<K extends Fact['kind']>(facts: Fact[], kind: K): Extract<Fact, { kind: K }>[] {
  return facts.filter((fact): fact is Extract<Fact, { kind: K }> => fact.kind === kind);
}

function feesByType(facts: Fact[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const fee of ofKind(facts, 'fee') as FeeFact[]) {
    totals[fee.feeType] = Math.round(((totals[fee.feeType] ?? 0) + fee.amount) * 100) / 100;
  }
  return totals;
}

describe('Sponsored Products advertised product report, daily', () => {
  const { detection, result } = readFixture('amazon-sp-advertised-product-daily.csv');

  it('headers with trailing spaces match; one AdFact per date, campaign, ad group and SKU', () => {
    expect(detection.type).toBe('amazon-sp-advertised-product');
    expect(ofKind(result.facts, 'ad')).toEqual([
      expect.objectContaining({
        date: '2026-09-01',
        campaign: 'SP - Cast Net - Exact',
        adGroup: 'Exact 1',
        sku: 'SKU-A',
        // "$16.12", "$1,234.50", "1,204" impressions.
        spend: 16.12,
        sales: 1234.5,
        clicks: 31,
        impressions: 1204,
        orders: 3,
        units: 4,
      }),
      expect.objectContaining({
        date: '2026-09-02',
        sku: 'SKU-A',
        spend: 11,
        sales: 0,
        clicks: 22,
        impressions: 980,
      }),
      expect.objectContaining({
        date: '2026-09-02',
        sku: 'SKU-B',
        spend: 0.95,
        sales: 19.99,
        orders: 1,
        units: 1,
      }),
    ]);
  });

  it('a spend that is not a number leaves the row out with a Data Issue', () => {
    expect(result.issues).toEqual([
      {
        sheet: 'amazon-sp-advertised-product-daily.csv',
        row: 5,
        key: 'SP - Auto',
        reason: { key: 'issue.notANumber', params: { column: 'Spend', value: 'n/a' } },
      },
    ]);
  });
});

describe('Sponsored Products advertised product report over a date range', () => {
  it('a summary row over several days gives no ad spend and one Data Issue per sheet; a one-day row counts', () => {
    const { detection, result } = readFixture('amazon-sp-advertised-product-summary.csv');
    expect(detection.type).toBe('amazon-sp-advertised-product');
    // Rows 2 and 3 cover Sep 01–07; row 4 covers Sep 08 only.
    expect(ofKind(result.facts, 'ad')).toEqual([
      expect.objectContaining({ date: '2026-09-08', sku: 'SKU-B', spend: 1.2, sales: 39.98, clicks: 2 }),
    ]);
    expect(result.issues).toEqual([
      {
        sheet: 'amazon-sp-advertised-product-summary.csv',
        row: 0,
        key: 'amazon-sp-advertised-product-summary.csv',
        reason: { key: 'issue.adReportNotDaily', params: { count: 2, from: '2026-09-01', to: '2026-09-07' } },
      },
    ]);
  });

  it('the unified 2025/26 report reads its one-cell date range and unguarded money the same way', () => {
    const { detection, result } = readFixture('amazon-sp-advertised-product-unified.csv');
    expect(detection).toMatchObject({ type: 'amazon-sp-advertised-product-unified', confidence: 1 });
    // "Jul 30, 2026 - Jul 30, 2026": Total cost 4.37, Sales 16.45, 5 clicks, 412 impressions, 1 purchase, 1 unit.
    expect(ofKind(result.facts, 'ad')).toEqual([
      expect.objectContaining({
        date: '2026-07-30',
        campaign: 'Pliers - Broad',
        adGroup: 'AG Pliers',
        sku: 'BSCGRFT-PLIER-1PC',
        spend: 4.37,
        sales: 16.45,
        clicks: 5,
        impressions: 412,
        orders: 1,
        units: 1,
      }),
    ]);
    expect(result.issues.map((issue) => issue.reason)).toEqual([
      { key: 'issue.adReportNotDaily', params: { count: 1, from: '2026-07-06', to: '2026-07-29' } },
    ]);
  });
});

describe('Sponsored Products search term report', () => {
  const { detection, result } = readFixture('amazon-sp-search-term.csv');

  it('the header is found below the title line', () => {
    expect(detection).toMatchObject({ type: 'amazon-sp-search-term', headerRowIndex: 1 });
  });

  it('search term rows feed search-term analysis only, never ad spend', () => {
    expect(ofKind(result.facts, 'ad')).toEqual([]);
    expect(ofKind(result.facts, 'searchTerm')).toEqual([
      expect.objectContaining({
        date: '2026-09-01',
        targeting: 'cast net',
        searchTerm: 'cast net 3ft',
        spend: 16.12,
      }),
      // A shopper's text that starts with "=" is kept exactly.
      expect.objectContaining({ targeting: 'close-match', searchTerm: '=bait net', spend: 0.95, clicks: 1 }),
      expect.objectContaining({
        date: '2026-09-02',
        targeting: 'asin="B0CKPQNSHN"',
        spend: 1.1,
        sales: 19.99,
        orders: 1,
      }),
    ]);
  });
});

describe('FBA customer returns', () => {
  const { result } = readFixture('amazon-fba-returns.txt');

  it('returned units count on the return-date in the reporting time zone', () => {
    // 2025-06-06T03:10:00+00:00 is 2025-06-05 20:10 in Los Angeles.
    expect(ofKind(result.facts, 'return')).toEqual([
      expect.objectContaining({
        date: '2025-06-05',
        orderId: '114-2962899-5762619',
        sku: 'LVA1004-UPC',
        quantity: 1,
      }),
      expect.objectContaining({ date: '2025-06-05', orderId: '114-1111111-2222222', quantity: 2 }),
    ]);
  });

  it('a return without a SKU is a Data Issue', () => {
    expect(result.issues).toEqual([
      {
        sheet: 'amazon-fba-returns.txt',
        row: 4,
        key: '114-3333333-4444444',
        reason: { key: 'issue.missingValue', params: { column: 'sku' } },
      },
    ]);
  });
});

describe('Manage FBA Inventory (cp1252)', () => {
  it('reads a stock snapshot per SKU; inbound is working + shipped + receiving', () => {
    const { detection, result } = readFixture('amazon-fba-inventory.txt');
    expect(detection).toMatchObject({ type: 'amazon-fba-inventory', confidence: 1 });
    expect(ofKind(result.facts, 'inventory')).toEqual([
      // 10 + 40 + 0 inbound; your-price 26.00.
      expect.objectContaining({
        sku: 'SKU-A',
        availableUnits: 277,
        inboundUnits: 50,
        reservedUnits: 20,
        unsellableUnits: 3,
        price: 26,
      }),
      expect.objectContaining({ sku: 'SKU-B', availableUnits: 0, inboundUnits: 12, price: null }),
    ]);
    expect(result.dateRange).toBeNull();
  });
});

describe('Date Range transaction report (2025+, 7-line preamble)', () => {
  const { detection, result } = readFixture('amazon-date-range-transactions.csv');

  it('the header is found on line 8 below the preamble', () => {
    expect(detection).toMatchObject({
      type: 'amazon-date-range-transactions',
      headerRowIndex: 7,
      confidence: 1,
    });
  });

  it('fees by type, on the posted day; product sales are not revenue; Transfer rows are not a fee', () => {
    // referral: −2.24 (Jun 8) − 154.47 (Jun 9) + 1.79 (refund, Jun 10) = −154.92
    // fulfilment: −4.85 − 9.70 = −14.55; other: −0.30; promotion: −10.00
    // refund: product sales −14.90 on the Refund row; advertisingCharge −45.67; storage −12.34; reimbursement +18.50
    expect(feesByType(result.facts)).toEqual({
      referral: -154.92,
      fulfilment: -14.55,
      other: -0.3,
      promotion: -10,
      refund: -14.9,
      advertisingCharge: -45.67,
      storage: -12.34,
      reimbursement: 18.5,
    });
    expect(ofKind(result.facts, 'orderLine')).toEqual([]);
    expect(result.facts.some((fact) => fact.row === 13)).toBe(false);
  });

  it('a "Mon D, YYYY h:mm:ss AM PDT" time is converted to the reporting day', () => {
    const fees = ofKind(result.facts, 'fee');
    // Jun 10, 2025 11:00:00 PM PDT: the Cost of Advertising line.
    expect(fees.find((fee) => fee.feeType === 'advertisingCharge')?.date).toBe('2025-06-10');
    expect(fees.find((fee) => fee.row === 9)?.date).toBe('2025-06-08');
  });

  it('a bad date/time is a Data Issue', () => {
    expect(result.issues.map((issue) => [issue.row, issue.key, issue.reason.key])).toEqual([
      [16, '114-7777777-8888888', 'issue.notADate'],
    ]);
  });
});

describe('Settlement V2 flat file', () => {
  const { detection, result } = readFixture('amazon-settlement-v2.txt');

  it('the summary first row is not a transaction; order ItemPrice, withheld tax and reserves are not fees', () => {
    expect(detection.type).toBe('amazon-settlement-v2');
    // referral: −2.24 + 2.24 − 0.45 = −0.45; fulfilment −4.85; promotion −1.50; refund −14.90 (Refund ItemPrice
    // Principal); storage −8.20; advertisingCharge −45.67; reimbursement +18.50.
    expect(feesByType(result.facts)).toEqual({
      referral: -0.45,
      fulfilment: -4.85,
      promotion: -1.5,
      refund: -14.9,
      storage: -8.2,
      advertisingCharge: -45.67,
      reimbursement: 18.5,
    });
  });

  it('posted-date-time in UTC is taken on the Los Angeles day', () => {
    // 2025-06-09 05:23:19 UTC = 2025-06-08 22:23:19 PDT.
    expect(ofKind(result.facts, 'fee').find((fee) => fee.feeType === 'fulfilment')?.date).toBe('2025-06-08');
  });

  it('an amount that is not a number is a Data Issue', () => {
    expect(result.issues.map((issue) => [issue.row, issue.key, issue.reason.key])).toEqual([
      [16, '1211397397571528201', 'issue.notANumber'],
    ]);
  });
});

describe('Business Report', () => {
  const period = { from: '2026-08-01', to: '2026-08-31' };

  it('by child item gives period traffic with the stated period, never a daily fact', () => {
    const { detection, result } = readFixture('amazon-business-report-child.csv', { period });
    expect(detection).toMatchObject({ type: 'amazon-business-report-child', confidence: 1 });
    expect(ofKind(result.facts, 'periodTraffic')).toEqual([
      expect.objectContaining({
        sku: '5K-SC4U-PO06',
        asin: 'B096MCMDPL',
        sessions: 12131,
        pageViews: 17004,
        unitsOrdered: 683,
        orderedSales: 12905.25,
        period,
      }),
      expect.objectContaining({ sku: '5K-SC4U-PO08', sessions: 950, pageViews: 1310, orderedSales: 861.59 }),
    ]);
    expect(result.facts.every((fact) => fact.kind === 'periodTraffic')).toBe(true);
    expect(result.dateRange).toBeNull();
  });

  it('the no-SKU variant uses the child ASIN as the SKU', () => {
    const { detection, result } = readFixture('amazon-business-report-child-no-sku.csv', { period });
    expect(detection.type).toBe('amazon-business-report-child');
    expect(ofKind(result.facts, 'periodTraffic').map((fact) => fact.sku)).toEqual([
      'B096MCMDPL',
      'B096MCMDPQ',
    ]);
  });

  it('by child item without a stated period asks for one in the sidebar', () => {
    const { result } = readFixture('amazon-business-report-child.csv');
    expect(result.facts).toEqual([]);
    expect(result.rowsRead).toBe(2);
    expect(result.issues).toEqual([
      {
        sheet: 'amazon-business-report-child.csv',
        row: 0,
        key: 'amazon-business-report-child.csv',
        reason: { key: 'issue.periodMissing', params: { sheet: 'amazon-business-report-child.csv' } },
      },
    ]);
  });

  it('by date gives one daily total per day (dates like 8/3/26)', () => {
    const { detection, result } = readFixture('amazon-business-report-date.csv');
    expect(detection.type).toBe('amazon-business-report-date');
    expect(ofKind(result.facts, 'dailyTotal')).toEqual([
      expect.objectContaining({
        date: '2026-08-03',
        revenue: 1204.5,
        units: 57,
        orders: 52,
        sessions: 1310,
        pageViews: 2024,
      }),
      expect.objectContaining({ date: '2026-08-04', revenue: 0, units: 0, sessions: 12 }),
      expect.objectContaining({ date: '2026-08-05', revenue: 399.8, units: 20, orders: 19 }),
    ]);
  });
});

describe.each(['America/Los_Angeles', 'Asia/Shanghai'])(
  'typed cells in a spreadsheet in %s',
  (spreadsheetTimeZone) => {
    it.each([
      'amazon-sp-advertised-product-daily.csv',
      'amazon-sp-advertised-product-summary.csv',
      'amazon-sp-advertised-product-unified.csv',
      'amazon-sp-search-term.csv',
      'amazon-fba-returns.txt',
      'amazon-fba-inventory.txt',
      'amazon-date-range-transactions.csv',
      'amazon-settlement-v2.txt',
      'amazon-business-report-child.csv',
      'amazon-business-report-child-no-sku.csv',
      'amazon-business-report-date.csv',
    ])('%s gives the same facts as its text cells', (fixture) => {
      const context = contextFor(fixture, {
        spreadsheetTimeZone,
        period: { from: '2026-08-01', to: '2026-08-31' },
      });
      const asText = readSource(loadFixture(fixture), context);
      const typed = readSource(asTypedCells(loadFixture(fixture), spreadsheetTimeZone), context);
      expect(typed?.detection).toEqual(asText?.detection);
      expect(typed?.result.facts).toEqual(asText?.result.facts);
      expect(typed?.result.issues.map((issue) => [issue.row, issue.key, issue.reason])).toEqual(
        asText?.result.issues.map((issue) => [issue.row, issue.key, issue.reason]),
      );
    });
  },
);
