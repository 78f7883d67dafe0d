/**
 * Order exports (Amazon All Orders, Shopify, Walmart, TikTok Shop) read from their real-format fixtures. Expected
 * figures are worked out by hand from the fixture rows; days are in America/Los_Angeles.
 */
import { type Fact, type OrderLineFact } from '../../src/core/model';
import { readSource } from '../../src/core/reports';
import { asTypedCells, contextFor, loadFixture, readFixture, SHOPIFY_ORDERS_HEADER } from './helpers';

function orderLines(facts: Fact[]): OrderLineFact[] {
  return facts.filter((fact): fact is OrderLineFact => fact.kind === 'orderLine');
}

function line(facts: Fact[], orderId: string, sku: string): OrderLineFact | undefined {
  return orderLines(facts).find((fact) => fact.orderId === orderId && fact.sku === sku);
}

describe('Amazon All Orders, classic 32 columns', () => {
  const { detection, result } = readFixture('amazon-all-orders-classic.txt');

  it('is recognised with every signature header', () => {
    expect(detection).toEqual({
      type: 'amazon-all-orders',
      confidence: 1,
      signature: { found: 17, total: 17 },
      headerRowIndex: 0,
    });
  });

  it('revenue is item-price minus the promotion discount, whatever the sign of the discount', () => {
    // Row 2: item-price 50.0 (line total, qty 2), item-promotion-discount -5.0 → 45.00.
    expect(line(result.facts, '111-0000001-0000001', 'SKU-A')).toMatchObject({
      quantity: 2,
      revenueCents: 4500,
    });
    // Row 3: 19.99 with the discount written positive, 2.0 → 17.99.
    expect(line(result.facts, '111-0000002-0000002', 'SKU-B')).toMatchObject({
      quantity: 1,
      revenueCents: 1799,
    });
  });

  it('a purchase-date with an offset counts on its day in the reporting time zone', () => {
    // 2026-05-09T03:10:00+00:00 is 2026-05-08 20:10 in Los Angeles (PDT, UTC−7).
    expect(line(result.facts, '111-0000002-0000002', 'SKU-B')?.date).toBe('2026-05-08');
    // 2026-05-10T06:59:59+00:00 is 23:59:59 on 2026-05-09 in Los Angeles.
    expect(line(result.facts, '111-0000004-0000004', 'SKU-B')?.date).toBe('2026-05-09');
  });

  it('lastUpdatedSeconds is the instant of last-updated-date, in epoch seconds', () => {
    expect(line(result.facts, '111-0000001-0000001', 'SKU-A')?.lastUpdatedSeconds).toBe(
      Date.UTC(2026, 4, 9, 10, 0, 0) / 1000,
    );
  });

  it('not a sale yet: a Pending line with a blank item-price is left out and counted in one Data Issue; a Cancelled one is marked cancelled', () => {
    expect(line(result.facts, '111-0000003-0000003', 'SKU-A')).toBeUndefined();
    expect(result.issues).toContainEqual({
      sheet: 'amazon-all-orders-classic.txt',
      row: 0,
      key: 'amazon-all-orders-classic.txt',
      reason: { key: 'issue.pendingWithoutPrice', params: { lines: 1 } },
    });
    expect(result.rowsExcluded).toBe(2);
    expect(line(result.facts, '111-0000004-0000004', 'SKU-B')).toMatchObject({
      state: 'cancelled',
      revenueCents: 0,
    });
  });

  it('a Non-Amazon (multi-channel) order line is not Amazon revenue', () => {
    expect(orderLines(result.facts).some((fact) => fact.orderId === '111-0000005-0000005')).toBe(false);
    expect(result.issues).toContainEqual({
      sheet: 'amazon-all-orders-classic.txt',
      row: 0,
      key: 'amazon-all-orders-classic.txt',
      reason: { key: 'issue.nonAmazonOrderLines', params: { count: 1 } },
    });
  });

  it('an unreadable row becomes a Data Issue with its sheet row, order id and reason', () => {
    expect(result.issues).toContainEqual({
      sheet: 'amazon-all-orders-classic.txt',
      row: 7,
      key: '111-0000006-0000006',
      reason: { key: 'issue.notADate', params: { column: 'purchase-date', value: 'not a date' } },
    });
    expect(result.issues).toContainEqual({
      sheet: 'amazon-all-orders-classic.txt',
      row: 8,
      key: '111-0000007-0000007',
      reason: { key: 'issue.notANumber', params: { column: 'quantity', value: 'two' } },
    });
    expect(orderLines(result.facts)).toHaveLength(3);
  });

  it('blank trailing rows are not data', () => {
    // 7 data rows; the empty row after them is neither read nor reported.
    expect(result.rowsRead).toBe(7);
    expect(result.dateRange).toEqual({ from: '2026-05-08', to: '2026-05-09' });
  });
});

describe('Amazon All Orders: a line without a quantity', () => {
  // Row 2 is sold (Shipped, item-price 25.00) but its quantity is blank: counting it would add $25.00 with 0 units,
  // which Seller Central never shows, so it is left out and listed. Row 3, a Cancelled line, may leave it blank.
  const header = [
    'amazon-order-id',
    'purchase-date',
    'order-status',
    'sku',
    'quantity',
    'item-price',
    'merchant-order-id',
    'last-updated-date',
    'fulfillment-channel',
    'sales-channel',
    'order-channel',
    'ship-service-level',
    'product-name',
    'asin',
    'item-status',
    'currency',
    'item-tax',
    'shipping-price',
    'item-promotion-discount',
    'ship-promotion-discount',
    'ship-country',
    'is-business-order',
  ];
  const rows = [
    header,
    ['111-0000009-0000009', '2026-05-08T23:36:26+00:00', 'Shipped', 'SKU-A', '', '25.00'],
    ['111-0000010-0000010', '2026-05-08T23:40:00+00:00', 'Cancelled', 'SKU-A', '', ''],
  ];
  const read = readSource(rows, contextFor('All Orders'));

  it('is a Data Issue when the line was sold, and a cancelled line stays as it is', () => {
    expect(read?.result.issues).toEqual([
      {
        sheet: 'All Orders',
        row: 2,
        key: '111-0000009-0000009',
        reason: { key: 'issue.missingValue', params: { column: 'quantity' } },
      },
    ]);
    expect(
      orderLines(read?.result.facts ?? []).map((fact) => [fact.orderId, fact.quantity, fact.state]),
    ).toEqual([['111-0000010-0000010', 0, 'cancelled']]);
  });
});

describe('Amazon All Orders, current 33 columns with BOM', () => {
  const { detection, result } = readFixture('amazon-all-orders-current.txt');

  it('reads the same columns by name although url is gone and cpf/signature columns were added', () => {
    expect(detection.type).toBe('amazon-all-orders');
    // 74.97 − |−7.5| = 67.47 for three units; the SKU 00501 stays text.
    expect(line(result.facts, '112-0000008-0000008', '00501')).toMatchObject({
      quantity: 3,
      revenueCents: 6747,
    });
    // The Pending line of the classic file, now Shipped with its price and a later last-updated-date.
    expect(line(result.facts, '111-0000003-0000003', 'SKU-A')).toMatchObject({
      revenueCents: 3000,
      lastUpdatedSeconds: Date.UTC(2026, 4, 11, 8, 0, 0) / 1000,
    });
  });
});

describe('Shopify orders', () => {
  const { detection, result } = readFixture('shopify-orders.csv');

  it('is recognised', () => {
    expect(detection).toMatchObject({ type: 'shopify-orders', confidence: 1, headerRowIndex: 0 });
  });

  it('revenue = Lineitem price × Lineitem quantity − Lineitem discount', () => {
    // #1001: 29.99 × 2 − 5.00 = 54.98.
    expect(line(result.facts, '#1001', 'SKU-A')).toMatchObject({
      quantity: 2,
      revenueCents: 5498,
      state: 'sold',
    });
  });

  it('later rows of the same Name inherit Created at, status and currency from the first row', () => {
    // Row 3 has only Name and the Lineitem cells: 15.00 × 1 on #1001's day, counted as the first row's US dollars.
    expect(line(result.facts, '#1001', 'SKU-B')).toMatchObject({
      date: '2024-05-01',
      revenueCents: 1500,
      state: 'sold',
    });
  });

  it('a later row of a Canadian-dollar order inherits its currency: the whole order is left out under CAD', () => {
    const rows = [
      [...SHOPIFY_ORDERS_HEADER],
      ['#3001', 'paid', 'CAD', '2024-05-01 10:00:00 -0400', '1', '20.00', 'SKU-A'],
      ['#3001', '', '', '', '2', '5.00', 'SKU-B'],
      ['#3002', 'paid', 'USD', '2024-05-01 11:00:00 -0400', '1', '7.50', 'SKU-A'],
    ];
    const read = readSource(rows, contextFor('Shopify'));
    expect(orderLines(read?.result.facts ?? []).map((fact) => fact.orderId)).toEqual(['#3002']);
    expect(read?.result.issues).toEqual([
      {
        sheet: 'Shopify',
        row: 0,
        key: 'CAD',
        reason: { key: 'issue.otherMarketLines', params: { market: 'CAD', lines: 2, amount: '30.00' } },
      },
    ]);
  });

  it('Created at with an offset counts on its Los Angeles day', () => {
    // 2024-05-02 01:30:00 -0400 = 05:30 UTC = 2024-05-01 22:30 PDT.
    expect(line(result.facts, '#1002', 'SKU-A')?.date).toBe('2024-05-01');
  });

  it('a refunded order is still a sale (refunds are their own measure); Cancelled at or voided cancels', () => {
    expect(line(result.facts, '#1002', 'SKU-A')).toMatchObject({ state: 'refunded', revenueCents: 2999 });
    expect(line(result.facts, '#1004', 'SKU-C')).toMatchObject({ state: 'cancelled' });
  });

  it('two rows of one SKU in one order are two order lines, keyed by their place among the order’s rows', () => {
    // #1003: 3 × 15.00 and 1 × 15.00, both cancelled (Cancelled at is set on the first row).
    expect(orderLines(result.facts).filter((fact) => fact.orderId === '#1003')).toEqual([
      expect.objectContaining({
        sku: 'SKU-B',
        lineKey: 'SKU-B',
        quantity: 3,
        revenueCents: 4500,
        state: 'cancelled',
      }),
      expect.objectContaining({
        sku: 'SKU-B',
        lineKey: 'SKU-B#2',
        quantity: 1,
        revenueCents: 1500,
        state: 'cancelled',
      }),
    ]);
  });

  it('a line item without a SKU is a Data Issue', () => {
    expect(result.issues).toEqual([
      {
        sheet: 'shopify-orders.csv',
        row: 8,
        key: '#1005',
        reason: { key: 'issue.missingValue', params: { column: 'Lineitem sku' } },
      },
    ]);
  });
});

describe('Shopify orders: an order whose first row cannot be read', () => {
  // #2001's first row has an unreadable Created at; its second row has none of its own (Shopify writes order-level
  // cells on the first row only) and inherits the unreadable one. Neither row may vanish without a Data Issue.
  const rows = [
    [...SHOPIFY_ORDERS_HEADER],
    ['#2001', 'paid', 'USD', 'yesterday', '1', '10.00', 'SKU-A'],
    ['#2001', '', '', '', '2', '5.00', 'SKU-B'],
    ['#2002', 'paid', 'USD', '2024-05-01 10:00:00 -0400', '1', '7.50', 'SKU-A'],
  ];
  const read = readSource(rows, contextFor('Shopify'));

  it('lists the inheriting row too, with its row number and the order name, and keeps the other orders', () => {
    expect(read?.result.issues).toEqual([
      {
        sheet: 'Shopify',
        row: 2,
        key: '#2001',
        reason: { key: 'issue.notADate', params: { column: 'Created at', value: 'yesterday' } },
      },
      {
        sheet: 'Shopify',
        row: 3,
        key: '#2001',
        reason: { key: 'issue.orderFirstRowUnreadable', params: { row: 2 } },
      },
    ]);
    expect(
      orderLines(read?.result.facts ?? []).map((fact) => [fact.orderId, fact.sku, fact.revenueCents]),
    ).toEqual([['#2002', 'SKU-A', 750]]);
  });
});

describe('Walmart orders', () => {
  const { result } = readFixture('walmart-orders.csv');

  it('Order Date M/D/YYYY is that calendar day; Item Cost is the line price; lines of one unit are keyed by PO# + Line#', () => {
    // PO …001 lines 1 and 2: WM-A 1 × 24.99 each on 2026-04-29; the summary adds them up to 2 units, 49.98.
    expect(orderLines(result.facts).filter((fact) => fact.orderId === '108829812345001')).toEqual([
      expect.objectContaining({
        lineKey: '1',
        sku: 'WM-A',
        date: '2026-04-29',
        quantity: 1,
        revenueCents: 2499,
      }),
      expect.objectContaining({
        lineKey: '2',
        sku: 'WM-A',
        date: '2026-04-29',
        quantity: 1,
        revenueCents: 2499,
      }),
    ]);
  });

  it('Status Cancelled marks the line cancelled', () => {
    expect(line(result.facts, '108829812345002', 'WM-B')).toMatchObject({
      state: 'cancelled',
      date: '2026-04-30',
    });
  });

  it('an impossible date is a Data Issue', () => {
    expect(result.issues).toEqual([
      {
        sheet: 'walmart-orders.csv',
        row: 5,
        key: '108829812345003',
        reason: { key: 'issue.notADate', params: { column: 'Order Date', value: '13/45/2026' } },
      },
    ]);
  });
});

describe('TikTok Shop orders', () => {
  const { detection, result } = readFixture('tiktok-orders.csv');

  it('is recognised despite the BOM, and the description row 2 is not data', () => {
    expect(detection).toMatchObject({ type: 'tiktok-orders', headerRowIndex: 0 });
    expect(result.issues).toEqual([]);
    expect(orderLines(result.facts)).toHaveLength(3);
  });

  it('trailing TABs are trimmed from ids', () => {
    expect(orderLines(result.facts).map((fact) => fact.orderId)).toEqual([
      '583870900000000001',
      '583870900000000002',
      '583870900000000003',
    ]);
  });

  it('seller discounts reduce revenue, platform discounts do not (TikTok pays them to the seller)', () => {
    // Before discount 40.00, seller discount 6.00, platform discount 4.00 → 34.00 (after-discount column says 30.00).
    expect(line(result.facts, '583870900000000001', 'TT-A')).toMatchObject({
      quantity: 2,
      revenueCents: 3400,
    });
    // 20.00 − seller 2.00 = 18.00.
    expect(line(result.facts, '583870900000000003', 'TT-A')).toMatchObject({ revenueCents: 1800 });
  });

  it('a timestamp without a zone is marketplace local time', () => {
    // 03/01/2026 11:59:59 PM stays on 1 March; 03/02/2026 12:00:01 AM is 2 March.
    expect(line(result.facts, '583870900000000002', 'TT-B')).toMatchObject({
      date: '2026-03-01',
      state: 'cancelled',
    });
    expect(line(result.facts, '583870900000000003', 'TT-A')?.date).toBe('2026-03-02');
  });
});

describe.each(['America/Los_Angeles', 'Asia/Shanghai'])(
  'typed cells in a spreadsheet in %s',
  (spreadsheetTimeZone) => {
    it.each([
      'amazon-all-orders-classic.txt',
      'amazon-all-orders-current.txt',
      'shopify-orders.csv',
      'walmart-orders.csv',
      'tiktok-orders.csv',
    ])('%s gives the same facts as its text cells', (fixture) => {
      const context = contextFor(fixture, { spreadsheetTimeZone });
      const asText = readSource(loadFixture(fixture), context);
      const typed = readSource(asTypedCells(loadFixture(fixture), spreadsheetTimeZone), context);
      expect(typed?.detection).toEqual(asText?.detection);
      expect(typed?.result.facts).toEqual(asText?.result.facts);
      expect(typed?.result.issues.map((issue) => [issue.row, issue.key, issue.reason.key])).toEqual(
        asText?.result.issues.map((issue) => [issue.row, issue.key, issue.reason.key]),
      );
    });
  },
);
