/**
 * Amazon fee tables that are right today and say so when they are not (issue 16): the 2026/27 holiday peak picked by
 * date, the 3.5% fuel and logistics surcharge from 2026-04-17, no silent fallback outside the covered seasons, and
 * the rules where public sources disagree. Every figure is worked by hand in the comment above its test.
 */
import { KPI_FUNCTIONS } from '../../src/functions';
import { estimateAmazonFees, makeAmazonFeeEstimator } from '../../src/core/costs/feeEstimate';
import { costInForce, costsFromRows } from '../../src/core/costs/costs';
import { buildDashboard } from '../../src/core/dashboard/model';
import { dashboardGrid } from '../../src/core/dashboard/layout';
import { translate } from '../../src/core/i18n';
import { fulfillmentFee, provisionalRateCard } from '../../src/core/kpi/fees';
import { rateCardLines } from '../../src/core/kpi/rateCard';
import { summarize } from '../../src/core/summary/summarize';
import { type SummaryRow } from '../../src/core/summary/types';
import { orderLine } from '../summary/facts';

type Fn = (...args: unknown[]) => unknown;
const fn = (name: string): Fn => {
  const spec = KPI_FUNCTIONS.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`no ${name}`);
  return spec.run as unknown as Fn;
};
const fbaFee = fn('KPI_FBA_FEE');

// Amazon's own 2026 example: small standard (13.8 × 9 × 0.7 in, 0.18 lb = the 2–4 oz band), $8.99 (under $10):
// $2.49 non-peak, $2.68 in the 2026/27 peak (+0.19, the same increase as 2025/26).
const AMAZON_EXAMPLE = [0.18, 13.8, 9, 0.7, 8.99] as const;

describe('the 2026/27 holiday peak (Oct 15, 2026 – Jan 14, 2027)', () => {
  it('a blank peak picks the peak rate by date: Amazon’s example is $2.68 before the surcharge', () => {
    expect(fbaFee(...AMAZON_EXAMPLE, '2026-11-02', '', '', false)).toBe(2.68);
    expect(fbaFee(...AMAZON_EXAMPLE, '2026-10-14', '', '', false)).toBe(2.49);
    expect(fbaFee(...AMAZON_EXAMPLE, '2026-10-15', '', '', false)).toBe(2.68);
    expect(fbaFee(...AMAZON_EXAMPLE, '2027-01-14', '', '', false)).toBe(2.68);
  });

  // With the surcharge (the default): 2.68 × 3.5% = 0.0938 → $0.09 → $2.77.
  it('adds the fuel and logistics surcharge on top of the peak fee', () => {
    expect(fbaFee(...AMAZON_EXAMPLE, '2026-11-02')).toBe(2.77);
    expect(fbaFee(...AMAZON_EXAMPLE, '2026-11-02', 'peak', 'in/lb', 'exclude')).toBe(2.68);
  });

  // Large bulky 40 × 15 × 10 in, 20 lb: dimensional 6,000 / 139 = 43.17 lb → 43 started lb above 1 lb; over $50:
  // 9.35 + 43 × 0.38 = 25.69; peak + 1.04 = 26.73; surcharge 26.73 × 3.5% = 0.9356 → 0.94 → 27.67.
  it('prices a large bulky item in peak with the 2025/26 increase and the surcharge', () => {
    const box = { weightLb: 20, sides: [40, 15, 10] as [number, number, number], price: 80 };
    expect(fulfillmentFee({ ...box, date: '2026-09-01', peak: undefined, fuelSurcharge: false }).fee).toBe(
      25.69,
    );
    expect(fulfillmentFee({ ...box, date: '2026-12-01', peak: undefined, fuelSurcharge: false }).fee).toBe(
      26.73,
    );
    expect(fulfillmentFee({ ...box, date: '2026-12-01', peak: undefined })).toMatchObject({
      fee: 27.67,
      tier: 'large_bulky',
      peakApplied: true,
      surchargeAmount: 0.94,
    });
  });

  it('a band whose peak rate no source confirms is an error saying the rate is unknown, not a guess', () => {
    // The 2026 small bulky tier did not exist in 2025/26, so no "same increase as last year" exists for it.
    expect(() => fbaFee(7.9, 24, 7.5, 6, 60, '2026-11-02')).toThrow(
      /2026\/27 holiday peak rate for small_bulky .* is unknown/,
    );
    // Small standard 4–6 oz under $10: the 2025/26 increase is published for $10 and up only.
    expect(() => fbaFee(0.3, 8, 5, 0.5, 8, '2026-11-02')).toThrow(/rate for small_standard .* is unknown/);
    // The user may still ask for the non-peak fee on purpose: 2026 small bulky 7.55 + 7 × 0.38 = 10.21, no surcharge.
    expect(fbaFee(7.9, 24, 7.5, 6, 60, '2026-11-02', false, '', false)).toBe(10.21);
  });

  it('flags the 2026/27 peak card as provisional, and only it', () => {
    expect(provisionalRateCard('2026-11-02')).toEqual({
      label: '2026/27 holiday peak',
      from: '2026-10-15',
      to: '2027-01-14',
    });
    expect(provisionalRateCard('2026-10-14')).toBeNull();
    expect(provisionalRateCard('2025-11-20')).toBeNull();
  });
});

describe('the 3.5% fuel and logistics surcharge from 2026-04-17', () => {
  // Large standard 10 × 6 × 3 in, 0.8 lb → dimensional 1.295 lb → 1.25–1.5 lb band, $10–$50: $5.42.
  // From Apr 17: 5.42 × 3.5% = 0.1897 → 0.19 → $5.61.
  const box = { weightLb: 0.8, sides: [10, 6, 3] as [number, number, number], price: 24.99, peak: undefined };
  it('starts on April 17, 2026, and is 3.5% of the fee rounded to the cent', () => {
    expect(fulfillmentFee({ ...box, date: '2026-04-16' }).fee).toBe(5.42);
    expect(fulfillmentFee({ ...box, date: '2026-04-17' })).toMatchObject({
      fee: 5.61,
      surchargeAmount: 0.19,
    });
  });

  // Large standard 12 × 8 × 4 in at 5.1 lb, $30: 6.97 + 9 × 0.08 = 7.69; 7.69 × 3.5% = 0.26915 → 0.27 → $7.96.
  it('applies to the weight-step part of the fee too', () => {
    const heavy = { weightLb: 5.1, sides: [12, 8, 4] as [number, number, number], price: 30, peak: false };
    expect(fulfillmentFee({ ...heavy, date: '2026-06-01' }).fee).toBe(7.96);
  });

  // 2026 small bulky 24 × 7.5 × 6 in, 7.9 lb, $60: 10.21; 10.21 × 3.5% = 0.35735 → 0.36 → $10.57.
  it('is left out when the fuel_surcharge argument is FALSE', () => {
    expect(fbaFee(7.9, 24, 7.5, 6, 60, '2026-06-01')).toBe(10.57);
    expect(fbaFee(7.9, 24, 7.5, 6, 60, '2026-06-01', '', '', false)).toBe(10.21);
    expect(() => fbaFee(7.9, 24, 7.5, 6, 60, '2026-06-01', '', '', 'maybe')).toThrow(/fuel_surcharge/);
  });

  // Referral fee unchanged by the surcharge: 15% × $19.99 → $3.00 per unit. FBA small standard 0.4 lb (6–8 oz),
  // $10–$50: 3.54 + 3.54 × 3.5% (0.1239 → 0.12) = 3.66. Two units: 2 × (3.00 + 3.66) = 13.32; without: 13.08.
  it('is in the KPI Summary’s fee estimates, and can be left out there too', () => {
    const table = costsFromRows(
      [
        ['sku', 'unit_cost', 'currency', 'category', 'weight_lb', 'length_in', 'width_in', 'height_in'],
        ['MUG-01', 5, 'USD', 'Home & Kitchen', 0.4, 8, 5, 0.5],
      ],
      'Costs',
      'UTC',
    ).table;
    const cost = costInForce(table, 'MUG-01', '2026-06-01');
    const request = {
      channel: 'amazon' as const,
      sku: 'MUG-01',
      date: '2026-06-01',
      units: 2,
      revenue: 39.98,
      cost,
    };
    expect(estimateAmazonFees(request)).toEqual({ fees: expect.closeTo(13.32, 10) as number });
    expect(makeAmazonFeeEstimator({ fuelSurcharge: false })(request)).toEqual({
      fees: expect.closeTo(13.08, 10) as number,
    });
  });
});

describe('no silent fallback outside the covered seasons', () => {
  const seasons = /2025 \(2025-01-15 – 2026-01-14\), 2026 \(2026-01-15 – 2027-01-14\)/;

  it('a date no table covers is an error naming the date and the covered seasons, in every fee function', () => {
    expect(() => fbaFee(...AMAZON_EXAMPLE, '2027-01-15')).toThrow(/covers 2027-01-15/);
    expect(() => fbaFee(...AMAZON_EXAMPLE, '2027-01-15')).toThrow(seasons);
    expect(() => fbaFee(...AMAZON_EXAMPLE, '2024-12-31', false)).toThrow(seasons);
    expect(() => fn('KPI_REFERRAL_FEE')(20, 'Home and Kitchen', '2027-06-01')).toThrow(
      /referral fee table covers 2027-06-01/,
    );
    expect(() => fn('KPI_SIZE_TIER')(1, 10, 6, 3, '2027-06-01')).toThrow(seasons);
  });

  it('a day no table covers leaves the build’s fee estimate blank with a Data Issue naming the date', () => {
    const table = costsFromRows(
      [
        ['sku', 'unit_cost', 'currency', 'category', 'weight_lb', 'length_in', 'width_in', 'height_in'],
        ['MUG-01', 5, 'USD', 'Home & Kitchen', 0.4, 8, 5, 0.5],
      ],
      'Costs',
      'UTC',
    ).table;
    const { rows, issues } = summarize([orderLine({ date: '2027-01-20', quantity: 1, revenue: 19.99 })], {
      costs: table,
      fxUsdCny: null,
      feeEstimator: estimateAmazonFees,
    });
    expect(rows.map((row) => [row.date, row.fees, row.grossProfit])).toEqual([['2027-01-20', null, null]]);
    expect(issues).toHaveLength(1);
    const reason = issues[0]?.reason;
    expect(reason?.key).toBe('fees.error.noTable');
    const text = translate('en', reason?.key ?? '', reason?.params ?? {});
    expect(text).toMatch(/covers 2027-01-20/);
    expect(text).toMatch(seasons);
    expect(translate('zh', reason?.key ?? '', reason?.params ?? {})).toMatch(/没有覆盖 2027-01-20/);
  });
});

describe('where public sources disagree, Amazon’s written rule (data file notes)', () => {
  // Dimensional weight is not rounded to 0.1 lb: 10 × 7 × 2 = 140 / 139 = 1.007 lb → the 1–1.25 lb band, 2026
  // $10–$50: $5.04 (rounded to 1.0 lb it would be the ≤ 1 lb band, $4.60).
  it('uses the dimensional weight unrounded', () => {
    const box = { weightLb: 0.5, sides: [10, 7, 2] as [number, number, number], price: 20, peak: false };
    expect(fulfillmentFee({ ...box, date: '2026-03-01' }).fee).toBe(5.04);
  });

  // No 2-inch minimum on large standard: 17 × 13 × 0.9 in, 0.3 lb → dimensional 198.9 / 139 = 1.431 lb → 1.25–1.5 lb,
  // $10–$50: $5.42 (with the minimum, 17 × 13 × 2 / 139 = 3.18 lb would cost $7.05).
  it('applies the 2-inch minimum side only to bulky and extra-large items', () => {
    const flat = { weightLb: 0.3, sides: [17, 13, 0.9] as [number, number, number], price: 20, peak: false };
    expect(fulfillmentFee({ ...flat, date: '2026-03-01' })).toMatchObject({
      fee: 5.42,
      tier: 'large_standard',
    });
  });
});

describe('tables that age visibly', () => {
  it('the sidebar and Help name the newest rate card, its peak (provisional) and the surcharge, in both languages', () => {
    expect(rateCardLines('en')).toEqual([
      'Amazon fee tables: newest rate card 2026, 2026-01-15 – 2027-01-14.',
      'Holiday peak 2026-10-15 – 2027-01-14 (provisional: amounts derived from Amazon’s announcement, not from its own rate card).',
      'Fuel and logistics surcharge 3.5% on the FBA fee from 2026-04-17.',
    ]);
    expect(rateCardLines('zh')[0]).toBe('亚马逊费用表：最新费率表 2026，2026-01-15 至 2027-01-14。');
    expect(rateCardLines('zh')[1]).toMatch(/^节假日旺季 2026-10-15 至 2027-01-14（暂定/);
  });

  const row = (date: string, feesEstimated: boolean): SummaryRow =>
    ({
      date,
      channel: 'amazon',
      sku: 'MUG-01',
      units: 1,
      orders: 1,
      revenue: 19.99,
      adSpend: 0,
      adSales: 0,
      adClicks: 0,
      adImpressions: 0,
      returnedUnits: 0,
      cogs: 5,
      fees: 6.7,
      feesEstimated,
      grossProfit: 8.29,
    }) as unknown as SummaryRow;

  // Today 2026-11-30 in Los Angeles: the dashboard shows Nov 1–29. Two estimated days in the provisional peak, one
  // day with reported fees: "days: 2".
  it('the KPI Dashboard says on how many days fees were estimated from the provisional card', () => {
    const now = Date.parse('2026-11-30T20:00:00Z');
    const rows = [
      row('2026-11-02', true),
      row('2026-11-03', true),
      row('2026-11-03', true),
      row('2026-11-04', false),
    ];
    const model = buildDashboard(rows, [], { now, reportingTimeZone: 'America/Los_Angeles' });
    expect(model.provisionalFeeDays).toEqual([{ from: '2026-10-15', to: '2027-01-14', days: 2 }]);
    const text = dashboardGrid(model, 'en').values.map((cells) => String(cells[0]));
    expect(text).toContain(
      'Estimated Amazon fees on days of a provisional rate card (2026-10-15 – 2027-01-14), days: 2. The amounts are derived from Amazon’s announcement; a payments report for those days replaces them.',
    );
    const none = buildDashboard([row('2026-11-04', false)], [], {
      now,
      reportingTimeZone: 'America/Los_Angeles',
    });
    expect(none.provisionalFeeDays).toEqual([]);
  });
});
