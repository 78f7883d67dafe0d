import { type CostTable, costsFromRows, EMPTY_COST_TABLE } from '../../src/core/costs/costs';
import { estimateAmazonFees } from '../../src/core/costs/feeEstimate';
import { type Fact } from '../../src/core/model';
import { type SummarizeOptions, summarize } from '../../src/core/summary/summarize';
import { ad, dailyTotal, fee, orderLine, returned, searchTerm } from './facts';

const NO_COSTS: SummarizeOptions = { costs: EMPTY_COST_TABLE, fxUsdCny: null };

function costs(rows: (string | number)[][]): CostTable {
  const result = costsFromRows(
    [['sku', 'unit_cost', 'currency', 'first_leg_per_unit', 'duty_rate', 'effective_from'], ...rows],
    'Costs',
    'America/Los_Angeles',
  );
  expect(result.issues).toEqual([]);
  return result.table;
}

function only<T>(list: readonly T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

describe('order lines', () => {
  it('a Pending order line later Shipped counts once, with the shipped price', () => {
    const pending = orderLine({ lastUpdated: Date.parse('2026-03-02T10:00:00Z'), revenue: 18.5 });
    const shipped = orderLine({
      lastUpdated: Date.parse('2026-03-03T08:00:00Z'),
      revenue: 19.99,
      source: { sheet: 'All Orders (later download)' },
      row: 7,
    });
    for (const facts of [
      [pending, shipped],
      [shipped, pending],
    ]) {
      const { rows, stats } = summarize(facts, NO_COSTS);
      const row = only(rows);
      expect(row).toMatchObject({ date: '2026-03-02', units: 1, orders: 1, revenue: 19.99 });
      expect(stats.orderLinesSuperseded).toBe(1);
    }
  });

  it('the same export pasted into two sheets counts once', () => {
    const first = [
      orderLine({ orderId: 'A', revenue: 20 }),
      orderLine({ orderId: 'B', revenue: 15, sku: 'CUP-02' }),
    ];
    const second = first.map((line) => ({
      ...line,
      source: { sheet: 'All Orders (2)' },
      row: line.row,
    }));
    const { rows } = summarize([...first, ...second], NO_COSTS);
    expect(rows.map((row) => [row.sku, row.units, row.revenue])).toEqual([
      ['CUP-02', 1, 15],
      ['MUG-01', 1, 20],
    ]);
  });

  it('two lines of one SKU in one order are both counted when their line keys differ (Shopify lists a SKU added twice)', () => {
    const facts = [
      orderLine({ channel: 'shopify', orderId: '#1001', quantity: 1, revenue: 10 }),
      orderLine({
        channel: 'shopify',
        orderId: '#1001',
        lineKey: 'MUG-01#2',
        quantity: 2,
        revenue: 18,
        source: { sheet: 'All Orders' },
        row: 3,
      }),
    ];
    expect(only(summarize(facts, NO_COSTS).rows)).toMatchObject({ units: 3, orders: 1, revenue: 28 });
  });

  it('a cancelled order is not revenue, and a Pending order later Cancelled is not either', () => {
    const facts = [
      orderLine({ orderId: 'A', quantity: 2, revenue: 39.98 }),
      orderLine({ orderId: 'B', quantity: 1, revenue: 30, state: 'cancelled' }),
      orderLine({ orderId: 'C', quantity: 1, revenue: 25, lastUpdated: 1 }),
      orderLine({ orderId: 'C', quantity: 1, revenue: 0, lastUpdated: 2, state: 'cancelled' }),
    ];
    const { rows, stats } = summarize(facts, NO_COSTS);
    expect(only(rows)).toMatchObject({ units: 2, orders: 1, revenue: 39.98 });
    expect(stats.cancelledOrderLines).toBe(2);
  });

  it('orders count distinct order ids per date, channel and SKU', () => {
    const facts = [
      orderLine({ orderId: 'A', sku: 'MUG-01' }),
      orderLine({ orderId: 'A', sku: 'CUP-02' }),
      orderLine({ orderId: 'B', sku: 'MUG-01', quantity: 3, revenue: 60 }),
    ];
    const rows = summarize(facts, NO_COSTS).rows;
    expect(rows.map((row) => [row.sku, row.orders, row.units])).toEqual([
      ['CUP-02', 1, 1],
      ['MUG-01', 2, 4],
    ]);
  });
});

describe('advertising', () => {
  it('search-term spend never adds to ad spend', () => {
    const { rows, stats } = summarize([ad({ spend: 5.25 }), searchTerm({ spend: 5.25 })], NO_COSTS);
    expect(only(rows)).toMatchObject({ adSpend: 5.25, adSales: 40, adClicks: 10, adImpressions: 1000 });
    expect(stats.searchTermRowsNotAdded).toBe(1);
  });

  it('an advertised-product report pasted twice counts its spend once', () => {
    const again = ad({ source: { sheet: 'SP Advertised (copy)' }, row: 2 });
    const other = ad({ adGroup: 'Exact', spend: 2.5, sales: 0, clicks: 3, impressions: 200 });
    const { rows, stats } = summarize([ad(), again, other], NO_COSTS);
    expect(only(rows)).toMatchObject({ adSpend: 7.5, adSales: 40, adClicks: 13, adImpressions: 1200 });
    expect(stats.adRowsDuplicate).toBe(1);
  });

  it('a Sponsored Products and a Sponsored Display row of one campaign name, ad group, SKU and day are two spends', () => {
    const display = ad({
      adProduct: 'sponsoredDisplay',
      spend: 3,
      source: { sheet: 'SD Advertised' },
      row: 2,
    });
    const { rows, stats } = summarize([ad(), display], NO_COSTS);
    expect(only(rows)).toMatchObject({ adSpend: 8 });
    expect(stats.adRowsDuplicate).toBe(0);
  });

  it('advertising payments lines are not more ad spend nor fees', () => {
    const { rows } = summarize(
      [ad(), fee({ feeType: 'advertisingCharge', amount: -5, orderId: '', sku: '' })],
      NO_COSTS,
    );
    const skuRow = rows.find((row) => row.sku === 'MUG-01');
    expect(skuRow).toMatchObject({ adSpend: 5 });
    expect(rows).toHaveLength(1);
    expect(skuRow?.fees).toBe(0);
  });
});

describe('one source per measure', () => {
  it('Business Report by date fills only days without order exports', () => {
    const facts: Fact[] = [
      orderLine({ date: '2026-03-02', revenue: 20 }),
      orderLine({ date: '2026-03-04', orderId: 'X', revenue: 30 }),
      // Shopify orders do not cover Amazon days.
      orderLine({
        channel: 'shopify',
        date: '2026-03-01',
        orderId: '#1',
        revenue: 12,
        source: { sheet: 'Shopify' },
        row: 2,
      }),
      dailyTotal({ date: '2026-03-01', revenue: 100, units: 5, orders: 4 }),
      dailyTotal({ date: '2026-03-02', revenue: 999, units: 99, orders: 99 }),
      // Inside the All Orders export's range with no order that day: covered, not filled.
      dailyTotal({ date: '2026-03-03', revenue: 999, units: 99, orders: 99 }),
      dailyTotal({ date: '2026-03-05', revenue: 80, units: 4, orders: 3 }),
    ];
    const { rows, stats } = summarize(facts, NO_COSTS);
    expect(rows.map((row) => [row.date, row.channel, row.sku, row.units, row.orders, row.revenue])).toEqual([
      ['2026-03-01', 'amazon', '', 5, 4, 100],
      ['2026-03-01', 'shopify', 'MUG-01', 1, 1, 12],
      ['2026-03-02', 'amazon', 'MUG-01', 1, 1, 20],
      ['2026-03-04', 'amazon', 'MUG-01', 1, 1, 30],
      ['2026-03-05', 'amazon', '', 4, 3, 80],
    ]);
    expect(stats).toMatchObject({ dailyTotalsUsed: 2, dailyTotalsCovered: 2 });
  });

  it('a stated order-export coverage wins over the days that happen to have orders', () => {
    const facts = [orderLine({ date: '2026-03-02' }), dailyTotal({ date: '2026-03-06' })];
    const coverage = [{ channel: 'amazon' as const, from: '2026-03-01', to: '2026-03-07' }];
    const { rows } = summarize(facts, { ...NO_COSTS, orderCoverage: coverage });
    expect(rows.map((row) => row.date)).toEqual(['2026-03-02']);
  });

  it('period reports are never daily revenue', () => {
    const facts: Fact[] = [
      orderLine({ revenue: 20 }),
      {
        kind: 'periodTraffic',
        channel: 'amazon',
        sku: 'MUG-01',
        asin: 'B0TEST',
        sessions: 100,
        pageViews: 150,
        unitsOrdered: 9,
        orderedSales: 180,
        source: { sheet: 'Business Report (child)' },
        row: 2,
      },
    ];
    const { rows, stats } = summarize(facts, NO_COSTS);
    expect(only(rows)).toMatchObject({ units: 1, revenue: 20 });
    expect(stats.periodFactsNotDaily).toBe(1);
  });
});

describe('returns and refunds', () => {
  it('returned units count on the return day and are not taken off revenue', () => {
    const { rows } = summarize(
      [orderLine({ quantity: 2, revenue: 40 }), returned({ date: '2026-03-05' })],
      NO_COSTS,
    );
    expect(rows.map((row) => [row.date, row.units, row.revenue, row.returnedUnits])).toEqual([
      ['2026-03-02', 2, 40, 0],
      ['2026-03-05', 0, 0, 1],
    ]);
  });

  it('two equal return rows in one sheet are two returns; the same report pasted again adds nothing', () => {
    const first = [
      returned({ source: { sheet: 'Returns' }, row: 2 }),
      returned({ source: { sheet: 'Returns' }, row: 3 }),
    ];
    const copy = [returned({ source: { sheet: 'Returns (2)' }, row: 2 })];
    const { rows, stats } = summarize([...first, ...copy], NO_COSTS);
    expect(only(rows).returnedUnits).toBe(2);
    expect(stats.returnRowsDuplicate).toBe(1);
  });

  it('refunds are their own measure from payments reports', () => {
    const facts = [orderLine({ revenue: 20 }), fee({ feeType: 'refund', amount: -20, date: '2026-03-02' })];
    expect(only(summarize(facts, NO_COSTS).rows)).toMatchObject({ revenue: 20, refunds: 20 });
  });
});

describe('fees', () => {
  it('payments-report fees are costs; lines without a SKU land on the channel row with an empty SKU', () => {
    const facts = [
      orderLine({ quantity: 2, revenue: 39.98 }),
      fee({ feeType: 'referral', amount: -6 }),
      fee({ feeType: 'fulfilment', amount: -7.08 }),
      // A refunded commission comes back positive and lowers the fees.
      fee({ feeType: 'referral', amount: 0.5, orderId: 'R' }),
      fee({ feeType: 'storage', amount: -12.4, orderId: '', sku: '' }),
    ];
    const { rows } = summarize(facts, NO_COSTS);
    expect(rows.map((row) => [row.sku, row.fees, row.feesEstimated])).toEqual([
      ['', 12.4, false],
      ['MUG-01', 12.58, false],
    ]);
  });

  it('the same payments report pasted twice counts its fees once', () => {
    const lines = [fee({ amount: -3 }), fee({ feeType: 'fulfilment', amount: -3.54 })];
    const copy = lines.map((line) => ({
      ...line,
      source: { sheet: 'Transactions (2)' },
      row: line.row,
    }));
    const row = only(summarize([orderLine(), ...lines, ...copy], NO_COSTS).rows);
    expect(row.fees).toBeCloseTo(6.54, 10);
  });

  it('days no payments report covers get estimated Amazon fees, marked as estimated', () => {
    const table = costsFromRows(
      [
        ['sku', 'unit_cost', 'currency', 'category', 'weight_lb', 'length_in', 'width_in', 'height_in'],
        ['MUG-01', 5, 'USD', 'Home & Kitchen', 0.4, 8, 5, 0.5],
      ],
      'Costs',
      'UTC',
    ).table;
    // 2026 tables: referral 15% × $19.99 = $2.9985 → $3.00; FBA small standard 0.4 lb, $10–$50 band: $3.54.
    const facts = [orderLine({ quantity: 2, revenue: 39.98 })];
    const { rows } = summarize(facts, { costs: table, fxUsdCny: null, feeEstimator: estimateAmazonFees });
    const row = only(rows);
    expect(row.feesEstimated).toBe(true);
    expect(row.fees).toBeCloseTo(13.08, 10);
    // cogs 2 × $5 = $10; gross profit 39.98 − 10 − 13.08 = 16.90.
    expect(row.grossProfit).toBeCloseTo(16.9, 10);
  });

  it('a day a payments report covers is never estimated, even for a SKU without fee lines', () => {
    const facts = [
      orderLine({ sku: 'CUP-02', orderId: 'A' }),
      fee({ sku: 'MUG-01', date: '2026-03-01' }),
      fee({ sku: 'MUG-01', date: '2026-03-03' }),
    ];
    const estimator = jest.fn(() => ({ fees: 99 }));
    const { rows } = summarize(facts, { ...NO_COSTS, feeEstimator: estimator });
    expect(rows.find((row) => row.sku === 'CUP-02')).toMatchObject({ fees: 0, feesEstimated: false });
    expect(estimator).not.toHaveBeenCalled();
  });

  it('without category and dimensions Amazon fees stay unknown and are reported', () => {
    const { rows, issues } = summarize([orderLine(), orderLine({ date: '2026-03-03', orderId: 'B' })], {
      costs: costs([['MUG-01', 5, 'USD', 0, 0, '']]),
      fxUsdCny: null,
      feeEstimator: estimateAmazonFees,
    });
    expect(rows.map((row) => [row.fees, row.grossProfit])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(issues).toEqual([
      { sheet: '', row: 0, key: 'amazon MUG-01', reason: { key: 'issue.fees.noCategory' } },
    ]);
  });
});

describe('costs and profit', () => {
  it('gross profit is revenue − landed cost − fees, before ads', () => {
    const facts = [
      orderLine({ quantity: 2, revenue: 39.98 }),
      fee({ amount: -6 }),
      fee({ feeType: 'fulfilment', amount: -2.5 }),
      ad({ spend: 9 }),
    ];
    // Landed cost per unit: 5 + 1 first leg + 25% duty on 5 = 7.25; cogs 14.50; fees 8.50; 39.98 − 14.50 − 8.50 = 16.98.
    const row = only(
      summarize(facts, { costs: costs([['MUG-01', 5, 'USD', 1, '25%', '']]), fxUsdCny: null }).rows,
    );
    expect(row.cogs).toBeCloseTo(14.5, 10);
    expect(row.fees).toBeCloseTo(8.5, 10);
    expect(row.grossProfit).toBeCloseTo(16.98, 10);
    expect(row.adSpend).toBe(9);
  });

  it('a CNY cost is converted at the Settings rate', () => {
    // ¥36 + ¥7.20 first leg at 7.2 = $5 + $1; duty 10% of $5 = $0.50; 3 units × $6.50 = $19.50.
    const row = only(
      summarize([orderLine({ quantity: 3, revenue: 60 }), fee({ amount: -9 })], {
        costs: costs([['MUG-01', 36, 'CNY', 7.2, 0.1, '']]),
        fxUsdCny: 7.2,
      }).rows,
    );
    expect(row.cogs).toBeCloseTo(19.5, 10);
    expect(row.grossProfit).toBeCloseTo(31.5, 10);
  });

  it('a CNY cost without an FX rate leaves cogs blank and says why', () => {
    const { rows, issues } = summarize([orderLine(), fee()], {
      costs: costs([['MUG-01', 36, 'CNY', 0, 0, '']]),
      fxUsdCny: null,
    });
    expect(only(rows)).toMatchObject({ cogs: null, grossProfit: null });
    expect(issues).toEqual([{ sheet: 'Costs', row: 2, key: 'MUG-01', reason: { key: 'issue.costs.noFx' } }]);
  });

  it('a SKU with sales but no cost is listed in Data Issues, once', () => {
    const facts = [
      orderLine({ sku: 'NEW-9' }),
      orderLine({ sku: 'NEW-9', date: '2026-03-03', orderId: 'B' }),
      fee(),
      fee({ date: '2026-03-03' }),
    ];
    const { rows, issues } = summarize(facts, {
      costs: costs([['MUG-01', 5, 'USD', 0, 0, '']]),
      fxUsdCny: null,
    });
    expect(rows.every((row) => row.sku !== 'NEW-9' || row.cogs === null)).toBe(true);
    expect(issues).toEqual([
      { sheet: 'Costs', row: 0, key: 'NEW-9', reason: { key: 'issue.costs.missing' } },
    ]);
  });

  it('the cost in force on the sale day is used (effective-dated costs)', () => {
    const table = costs([
      ['MUG-01', 5, 'USD', 0, 0, '2026-01-01'],
      ['MUG-01', 6, 'USD', 0, 0, '2026-03-03'],
    ]);
    const facts = [
      orderLine({ date: '2026-03-02' }),
      orderLine({ date: '2026-03-03', orderId: 'B' }),
      fee({ date: '2026-03-02' }),
      fee({ date: '2026-03-03' }),
    ];
    expect(summarize(facts, { costs: table, fxUsdCny: null }).rows.map((row) => row.cogs)).toEqual([5, 6]);
    const early = summarize([orderLine({ date: '2025-12-31' }), fee({ date: '2025-12-31' })], {
      costs: table,
      fxUsdCny: null,
    });
    expect(early.issues.map((issue) => issue.reason.key)).toEqual(['issue.costs.notYetEffective']);
  });
});

describe('the profit chain (SPEC §2b)', () => {
  const MUG_AT_5 = costs([['MUG-01', 5, 'USD', 1, '25%', '']]);

  it('a refund on the day of the sale takes the sale back: gross = revenue − refunds − fees − cogs', () => {
    // Sold 1 × 19.99: referral −3.00, FBA −3.54. Refunded the same day: principal −19.99, commission given back +3.00
    // less the refund administration fee −0.60 (Settlement RefundCommission). Landed cost 7.25 (5 + 1 + 25% of 5).
    // fees = 3.00 + 3.54 − 3.00 + 0.60 = 4.14; gross = 19.99 − 19.99 − 4.14 − 7.25 = −11.39; net after 2.00 ads −13.39.
    const facts = [
      orderLine({ quantity: 1, revenue: 19.99 }),
      fee({ amount: -3, line: 'sale commission' }),
      fee({ feeType: 'fulfilment', amount: -3.54, line: 'sale fba' }),
      fee({ feeType: 'refund', amount: -19.99, line: 'refund principal' }),
      fee({ amount: 3, line: 'refund commission' }),
      fee({ amount: -0.6, line: 'refund admin fee' }),
      ad({ spend: 2 }),
    ];
    const row = only(summarize(facts, { costs: MUG_AT_5, fxUsdCny: null }).rows);
    expect(row.refunds).toBeCloseTo(19.99, 10);
    expect(row.fees).toBeCloseTo(4.14, 10);
    expect(row.grossProfit).toBeCloseTo(-11.39, 10);
    expect((row.grossProfit ?? Number.NaN) - row.adSpend).toBeCloseTo(-13.39, 10);
  });

  it('a unit returned SELLABLE gives its landed cost back on the return day; a damaged one gives nothing', () => {
    const facts = [
      orderLine({ quantity: 2, revenue: 40 }),
      fee({ amount: -6 }),
      returned({ date: '2026-03-05', disposition: 'SELLABLE', licensePlate: 'LPN1' }),
      returned({ date: '2026-03-05', disposition: 'CUSTOMER_DAMAGED', licensePlate: 'LPN2' }),
    ];
    const { rows } = summarize(facts, { costs: MUG_AT_5, fxUsdCny: null });
    // Sale day: cogs 2 × 7.25 = 14.50; return day: −1 × 7.25 (the sellable unit only), no fees that day.
    expect(rows.map((row) => [row.date, row.returnedUnits, row.cogs, row.grossProfit])).toEqual([
      ['2026-03-02', 0, 14.5, 40 - 14.5 - 6],
      ['2026-03-05', 2, -7.25, 7.25],
    ]);
  });

  it('a reimbursement for lost stock adds to gross profit on its row', () => {
    const facts = [fee({ feeType: 'reimbursement', amount: 12, sku: 'MUG-01', orderId: '' })];
    expect(only(summarize(facts, { costs: MUG_AT_5, fxUsdCny: null }).rows)).toMatchObject({
      reimbursements: 12,
      grossProfit: 12,
    });
  });

  it('shipping credits given back are not a product refund (revenue leaves shipping out)', () => {
    const facts = [
      orderLine({ revenue: 20 }),
      fee({ feeType: 'shippingCredit', amount: -4.99 }),
      fee({ amount: -3 }),
    ];
    expect(only(summarize(facts, { costs: MUG_AT_5, fxUsdCny: null }).rows)).toMatchObject({
      refunds: 0,
      fees: 3,
      grossProfit: 20 - 3 - 7.25,
    });
  });
});

describe('determinism', () => {
  it('rows are sorted by date, channel and SKU and a second run gives the same result', () => {
    const facts: Fact[] = [
      orderLine({ channel: 'walmart', sku: 'B', date: '2026-03-02', orderId: 'W1' }),
      orderLine({ channel: 'amazon', sku: 'B', date: '2026-03-02', orderId: 'A1' }),
      orderLine({ channel: 'amazon', sku: 'A', date: '2026-03-02', orderId: 'A2' }),
      orderLine({ channel: 'amazon', sku: 'A', date: '2026-03-01', orderId: 'A3' }),
    ];
    const first = summarize(facts, NO_COSTS);
    expect(first.rows.map((row) => `${row.date} ${row.channel} ${row.sku}`)).toEqual([
      '2026-03-01 amazon A',
      '2026-03-02 amazon A',
      '2026-03-02 amazon B',
      '2026-03-02 walmart B',
    ]);
    expect(summarize([...facts].reverse(), NO_COSTS)).toEqual(first);
  });
});
