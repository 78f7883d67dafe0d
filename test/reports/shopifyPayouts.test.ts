/**
 * The Shopify Payments transactions export as Shopify's payments source (issue 10, item 3; SPEC §2b): each charge's
 * processing fee spread over its order's lines by revenue share, refunds on their day, each payout reconciled.
 */
import { type FeeFact } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { detectKnownReport, runPipeline } from '../../src/core/summary/pipeline';
import { contextFor, loadFixture, readFixture } from './helpers';

describe('Shopify Payments transactions export', () => {
  const { detection, result } = readFixture('shopify-payouts.csv');

  it('is detected as the payouts export, not as the orders export', () => {
    expect(detection).toMatchObject({ type: 'shopify-payouts', headerRowIndex: 0, confidence: 1 });
  });

  it('reads the fee Shopify keeps as a charge of the order, a refund as money given back, an adjustment as a fee', () => {
    const fees = result.facts.filter((fact): fact is FeeFact => fact.kind === 'fee');
    expect(
      fees.map((fact) => [fact.date, fact.orderId, fact.feeType, fact.amount, fact.spreadOverOrder ?? false]),
    ).toEqual([
      // 10:00:05 −0400 is 07:00 in Los Angeles on 1 May; 01:30:04 −0400 on 2 May is 22:30 on 1 May.
      ['2024-05-01', '#1001', 'other', -2.49, true],
      ['2024-05-01', '#1002', 'other', -1.24, true],
      ['2024-05-04', '#1002', 'refund', -32.39, true],
      ['2024-05-04', '', 'other', -1.5, false],
    ]);
    expect(result.issues).toEqual([]);
  });
});

describe('a Shopify transaction type the add-on does not know', () => {
  it('is an unknown type even when its name is an Object method (constructor, toString)', () => {
    const withType = (type: string) => {
      const rows = loadFixture('shopify-payouts.csv').map((row, index) =>
        index === 4 ? row.map((cell, column) => (column === 1 ? type : cell)) : row,
      );
      const found = detectKnownReport(rows, 'Shopify payouts');
      if (!found) throw new Error('not recognised');
      return found.definition.parse(rows, found.detection, contextFor('Shopify payouts'));
    };
    // Facts as figures: the line key carries the type's own text.
    const figures = (read: ReturnType<typeof withType>) =>
      read.facts.map((fact) => JSON.stringify({ ...fact, line: undefined }));
    const mystery = withType('mystery');
    expect(mystery.issues.length).toBeGreaterThan(0);
    for (const type of ['constructor', 'toString']) {
      const read = withType(type);
      expect(figures(read)).toEqual(figures(mystery));
      expect(read.issues.map((issue) => issue.reason.key)).toEqual(
        mystery.issues.map((issue) => issue.reason.key),
      );
    }
  });
});

describe('Shopify fees and refunds in the summary', () => {
  const result = runPipeline({
    sources: [
      { sheetName: 'Shopify orders', rows: loadFixture('shopify-orders.csv') },
      { sheetName: 'Shopify payouts', rows: loadFixture('shopify-payouts.csv') },
    ],
    costsRows: [
      ['sku', 'unit_cost', 'currency'],
      ['SKU-A', '8.00', 'USD'],
      ['SKU-B', '3.00', 'USD'],
    ],
    settings: { ...DEFAULT_SETTINGS },
    spreadsheetTimeZone: 'America/Los_Angeles',
    detect: detectKnownReport,
    language: 'en',
  });
  const row = (date: string, sku: string) =>
    result.summary.rows.find(
      (summary) => summary.date === date && summary.channel === 'shopify' && summary.sku === sku,
    );

  it('an order of two SKUs with one payout fee: the fee is spread by each SKU’s share of the order’s revenue', () => {
    // #1001: SKU-A 2 × 29.99 − 5.00 = 54.98, SKU-B 15.00; order 69.98. Fee 2.49 → SKU-A 2.49 × 54.98 / 69.98 = 1.9563,
    // SKU-B 2.49 × 15 / 69.98 = 0.5337. #1002 (SKU-A only, 29.99) adds its 1.24 to SKU-A the same day: 3.1963.
    expect(row('2024-05-01', 'SKU-A')?.fees).toBeCloseTo(1.95627 + 1.24, 4);
    expect(row('2024-05-01', 'SKU-B')?.fees).toBeCloseTo(0.53373, 4);
    // Gross profit SKU-B: 15.00 − 0.5337 fees − 3.00 cogs = 11.4663.
    expect(row('2024-05-01', 'SKU-B')?.grossProfit).toBeCloseTo(11.46627, 4);
    expect(row('2024-05-01', 'SKU-A')?.feesEstimated).toBe(false);
  });

  it('a refund counts on its own day on the refunded order’s SKU; an adjustment without an order on the channel row', () => {
    expect(row('2024-05-04', 'SKU-A')).toMatchObject({ refunds: 32.39, units: 0, revenue: 0 });
    expect(row('2024-05-04', '')?.fees).toBeCloseTo(1.5, 10);
  });

  it('each payout reconciles to its net', () => {
    const blocks = (result.reconciliation?.table.rows ?? []).filter(
      (cells) => cells[0] === 'Shopify payouts',
    );
    // Payout 90001: 73.09 + 31.15 = 104.24 = 75.58 + 32.39 principal − 3.73 fees. 90002: −33.89 = −32.39 − 1.50.
    expect(blocks.map((cells) => [cells[5], cells[6], cells[11], cells[12], cells[17]])).toEqual([
      [104.24, 107.97, 0, -3.73, 0],
      [-33.89, 0, -32.39, -1.5, 0],
    ]);
  });
});
