/**
 * The Walmart Payments (recon) report and the TikTok Shop income (settlement) export: fees, refunds and
 * reimbursements only, on the posted / settled day, charges negative (as the Amazon payments reports).
 */
import { type CellGrid } from '../../src/core/cell';
import { type Fact, type FeeFact } from '../../src/core/model';
import { detectReport, readSource } from '../../src/core/reports';
import { asTypedCells, contextFor, loadFixture, readFixture } from './helpers';

function fees(facts: Fact[]): FeeFact[] {
  return facts.filter((fact): fact is FeeFact => fact.kind === 'fee');
}

function feesByType(facts: Fact[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const fee of fees(facts)) {
    totals[fee.feeType] = Math.round(((totals[fee.feeType] ?? 0) + fee.amount) * 100) / 100;
  }
  return totals;
}

describe('Walmart Payments / recon report', () => {
  const { detection, result } = readFixture('walmart-recon.csv');

  it('is detected as the recon report, not as the orders export', () => {
    expect(detection).toMatchObject({ type: 'walmart-recon', headerRowIndex: 0, confidence: 1 });
    expect(detectReport(loadFixture('walmart-orders.csv'))?.type).toBe('walmart-orders');
  });

  it('fees by type, hand-worked from the fixture', () => {
    // referral: −3.75 −3.75 (two sale lines, Commission on Product) +3.75 (paid back on the refund) = −3.75
    // fulfilment: −8.23 (Walmart Shipping Label Service Charge) −3.45 (WFS Fulfillment fee) = −11.68
    // refund: −24.99 (Refund, Product Price); reimbursement: +12.00 (WFS LostInventory) +20.00 (Dispute won) = 32.00
    // storage: −1.20 (WFS StorageFee); other: −2.00 (WFS Return Processing Fee)
    // advertisingCharge: −4.07 (SEM Marketing Fee); promotion: −1.00 (Promo Code)
    // Not fees: the PaymentSummary row, sale Product Price 24.99 × 2, Product tax 2.06, Walmart Funded Savings 0.50.
    expect(feesByType(result.facts)).toEqual({
      referral: -3.75,
      fulfilment: -11.68,
      refund: -24.99,
      reimbursement: 32,
      storage: -1.2,
      other: -2,
      advertisingCharge: -4.07,
      promotion: -1,
    });
    expect(fees(result.facts).every((fact) => fact.channel === 'walmart')).toBe(true);
    expect(result.facts.filter((fact) => fact.kind !== 'fee').map((fact) => fact.kind)).toEqual([
      'payoutBlock',
    ]);
  });

  it('a sale line carries its PO (the orders export’s order id), its Partner Item Id and its posted day', () => {
    expect(fees(result.facts)[0]).toEqual({
      kind: 'fee',
      channel: 'walmart',
      date: '2026-04-30',
      orderId: '108829812345001',
      sku: 'WM-A',
      feeType: 'referral',
      amount: -3.75,
      line: expect.stringContaining('Commission on Product') as unknown,
      source: { sheet: 'walmart-recon.csv' },
      row: 4,
    });
    expect(result.dateRange).toEqual({ from: '2026-04-30', to: '2026-05-04' });
  });

  it('an unknown Amount Type and a bad posted date are Data Issues; the PaymentSummary row is not', () => {
    expect(result.issues.map((issue) => [issue.row, issue.key, issue.reason])).toEqual([
      [
        19,
        '108829812345010',
        {
          key: 'issue.walmartRecon.unknownAmountType',
          params: { amountType: 'Mystery Charge', transactionType: 'Adjustment' },
        },
      ],
      [
        20,
        '108829812345011',
        {
          key: 'issue.notADate',
          params: { column: 'Transaction Posted Timestamp', value: '13/45/2026' },
        },
      ],
    ]);
    expect(result.rowsRead).toBe(19);
  });
});

describe('TikTok Shop income / settlement export', () => {
  const { detection, result } = readFixture('tiktok-settlement.csv');

  it('is detected as the settlement export (id header with trailing spaces), not as the orders export', () => {
    expect(detection).toMatchObject({ type: 'tiktok-settlement', headerRowIndex: 0 });
    expect(detectReport(loadFixture('tiktok-orders.csv'))?.type).toBe('tiktok-orders');
  });

  it('fees by type, hand-worked from the fixture; revenue columns are not read', () => {
    // Order 583870900000000001, settled 2026/03/03: commission −2.72 (referral), Seller shipping fee −2.50
    // (fulfilment), Transaction fee −1.02 + Affiliate commission −0.61 = −1.63 (other).
    // Refund 583870900000000003, settled 2026/03/05: refund subtotal −18.00, commission paid back +1.44.
    // Logistics reimbursement +5.25; GMV Payment for TikTok Ads −30.00 (the ad spend, charged: not more spend).
    // referral = −2.72 + 1.44 = −1.28. Total revenue 34.00 is the orders export's, not a fee.
    expect(feesByType(result.facts)).toEqual({
      referral: -1.28,
      fulfilment: -2.5,
      other: -1.63,
      refund: -18,
      reimbursement: 5.25,
      advertisingCharge: -30,
    });
  });

  it('fees go to the channel row (no SKU) on the settled day, keyed by the order id without its TAB', () => {
    const orderFees = fees(result.facts).filter((fee) => fee.orderId === '583870900000000001');
    expect(orderFees.map((fee) => [fee.date, fee.sku, fee.feeType, fee.amount])).toEqual([
      ['2026-03-03', '', 'referral', -2.72],
      ['2026-03-03', '', 'fulfilment', -2.5],
      ['2026-03-03', '', 'other', -1.63],
    ]);
    expect(fees(result.facts).every((fact) => fact.channel === 'tiktok')).toBe(true);
    expect(result.facts.filter((fact) => fact.kind !== 'fee').map((fact) => fact.kind)).toEqual([
      'payoutBlock',
    ]);
  });

  it('an unreadable settled time is a Data Issue and the row is left out', () => {
    expect(result.issues.map((issue) => [issue.row, issue.key, issue.reason])).toEqual([
      [
        6,
        '583870900000000004',
        { key: 'issue.notADate', params: { column: 'Order settled time', value: 'soon' } },
      ],
    ]);
    expect(fees(result.facts).some((fee) => fee.orderId === '583870900000000004')).toBe(false);
  });

  it('reads the 2026 US headers (Order/Adjustment ID, Transaction type, Referral fee, sales tax on it)', () => {
    const us = readFixture('tiktok-settlement-us-2026.csv');
    expect(us.detection.type).toBe('tiktok-settlement');
    // Referral fee −2.00; Transaction fee −0.75 + Sales tax on referral fees −0.16 = −0.91; shipping −1.55.
    // Customer-paid shipping fee 5.99 is what the buyer paid: not a fee.
    expect(feesByType(us.result.facts)).toEqual({ referral: -2, other: -0.91, fulfilment: -1.55 });
    expect(fees(us.result.facts)[0]?.date).toBe('2026-06-12');
    expect(us.result.issues).toEqual([]);
  });

  it('a settlement row without a settled time is listed, not counted', () => {
    const grid: CellGrid = [
      [
        'Order/adjustment ID',
        'Type',
        'Order settled time',
        'Total settlement amount',
        'Transaction fee',
        'Transaction type',
        'Order created time',
        'Currency',
        'Total revenue',
        'Subtotal before discounts',
        'Seller discounts',
        'Refund subtotal after seller discounts',
        'Total Fees',
        'TikTok Shop commission fee',
        'Referral fee',
        'Seller shipping fee',
        'Affiliate commission',
      ],
      ['583870900000000009', 'Order', '', '9.70', '-0.30'],
    ];
    const read = readSource(grid, contextFor('Income'));
    expect(read?.result.facts).toEqual([]);
    expect(read?.result.issues.map((issue) => issue.reason)).toEqual([
      { key: 'issue.missingValue', params: { column: 'Order settled time' } },
    ]);
  });
});

describe.each(['America/Los_Angeles', 'Asia/Shanghai'])(
  'typed cells in a spreadsheet in %s',
  (spreadsheetTimeZone) => {
    it.each(['walmart-recon.csv', 'tiktok-settlement.csv', 'tiktok-settlement-us-2026.csv'])(
      '%s gives the same facts as its text cells',
      (fixture) => {
        const context = contextFor(fixture, { spreadsheetTimeZone });
        const asText = readSource(loadFixture(fixture), context);
        const typed = readSource(asTypedCells(loadFixture(fixture), spreadsheetTimeZone), context);
        expect(typed?.detection).toEqual(asText?.detection);
        expect(typed?.result.facts).toEqual(asText?.result.facts);
        expect(typed?.result.issues.map((issue) => [issue.row, issue.key, issue.reason.key])).toEqual(
          asText?.result.issues.map((issue) => [issue.row, issue.key, issue.reason.key]),
        );
      },
    );
  },
);

describe('refunds in the Amazon payments reports (SPEC §2b)', () => {
  it('a Date Range refund is the product sales given back net of the promotion given back; shipping is not', () => {
    const header = [
      'date/time',
      'settlement id',
      'type',
      'order id',
      'sku',
      'description',
      'quantity',
      'marketplace',
      'product sales',
      'shipping credits',
      'gift wrap credits',
      'promotional rebates',
      'selling fees',
      'fba fees',
      'other transaction fees',
      'other',
      'total',
    ];
    // Paid 24.99 − 5.00 promotion + 4.99 shipping; all given back: −24.99 + 5.00 = −19.99 product, −4.99 shipping;
    // commission 3.75 given back less the 0.75 administration fee.
    const row = [
      'Mar 9, 2026 9:00:00 AM PST',
      '1',
      'Refund',
      '111-1',
      'MUG-01',
      'Mug',
      '1',
      'amazon.com',
      '-24.99',
      '-4.99',
      '0',
      '5.00',
      '3.00',
      '0',
      '0',
      '0',
      '-16.98',
    ];
    const read = readSource([header, row], contextFor('Transactions'));
    expect(feesByType(read?.result.facts ?? [])).toEqual({
      refund: -19.99,
      shippingCredit: -4.99,
      referral: 3,
    });
  });

  it('a Settlement refund takes its Principal and its Promotion Principal as the refund, Shipping apart', () => {
    const header = [
      'settlement-id',
      'transaction-type',
      'order-id',
      'marketplace-name',
      'amount-type',
      'amount-description',
      'amount',
      'posted-date-time',
      'sku',
      'settlement-start-date',
      'settlement-end-date',
      'deposit-date',
      'total-amount',
      'currency',
      'merchant-order-id',
      'adjustment-id',
      'shipment-id',
      'fulfillment-id',
      'posted-date',
      'order-item-code',
      'quantity-purchased',
    ];
    const line = (amountType: string, description: string, amount: string): string[] => [
      '9',
      'Refund',
      '111-1',
      'Amazon.com',
      amountType,
      description,
      amount,
      '2026-03-09 17:00:00 UTC',
      'MUG-01',
    ];
    const read = readSource(
      [
        header,
        line('ItemPrice', 'Principal', '-24.99'),
        line('ItemPrice', 'Shipping', '-4.99'),
        line('Promotion', 'Principal', '5.00'),
        line('ItemFees', 'Commission', '3.75'),
        line('ItemFees', 'RefundCommission', '-0.75'),
      ],
      contextFor('Settlement'),
    );
    expect(feesByType(read?.result.facts ?? [])).toEqual({
      refund: -19.99,
      shippingCredit: -4.99,
      referral: 3,
    });
  });
});
