/**
 * Worked examples per function, each figure with its source. Amounts are checked to the cent (toBeCloseTo(x, 2)
 * or exactly) against hand-worked arithmetic.
 */
import { KPI_FUNCTIONS } from '../../src/functions';
import { inverseNormalCdf, normalCdf } from '../../src/core/kpi/normal';
import { fulfillmentFee, referralFee, sizeTier } from '../../src/core/kpi/fees';

type Fn = (...args: unknown[]) => unknown;
const fn = (name: string): Fn => {
  const spec = KPI_FUNCTIONS.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`no ${name}`);
  return spec.run as unknown as Fn;
};

describe('advertising ratios', () => {
  // Source article: ACoS = 广告花费 ÷ 广告销售额; TACoS = 广告花费 ÷ 总销售额. $250 spend, $1,000 ad sales,
  // $4,000 total sales → ACoS 25%, TACoS 6.25%, ROAS 4.
  it('computes ACoS, TACoS and ROAS for one campaign', () => {
    expect(fn('KPI_ACOS')(250, 1000)).toBe(0.25);
    expect(fn('KPI_TACOS')(250, 4000)).toBe(0.0625);
    expect(fn('KPI_ROAS')(1000, 250)).toBe(4);
  });

  // Amazon Ads glossary definitions: CPC = spend / clicks, CTR = clicks / impressions, CVR = orders / clicks.
  it('computes CPC, CTR and CVR', () => {
    expect(fn('KPI_CPC')(250, 200)).toBe(1.25);
    expect(fn('KPI_CTR')(200, 50000)).toBe(0.004);
    expect(fn('KPI_CVR')(24, 200)).toBe(0.12);
  });

  it('shows an undefined ratio as blank, never as 0', () => {
    expect(fn('KPI_ACOS')(40, 0)).toBe('');
    expect(fn('KPI_ROAS')(100, 0)).toBe('');
    expect(fn('KPI_CTR')(0, 0)).toBe('');
    // Spend with no sales is undefined; no spend with sales is a true 0%.
    expect(fn('KPI_ACOS')(0, 100)).toBe(0);
  });
});

describe('unit economics', () => {
  // Hand-worked: price 29.99, COGS 6.50, FBA 5.04, referral 15% (4.4985), first leg 1.20, duty 7.5% of COGS
  // (0.4875), ad cost 3.00, return loss 0.60 → 29.99 − 6.5 − 5.04 − 4.4985 − 1.2 − 0.4875 − 3 − 0.6 = 8.664.
  it('subtracts every cost part from the price', () => {
    expect(fn('KPI_UNIT_PROFIT')(29.99, 6.5, 5.04, 0.15, 1.2, 0.075, 3, 0.6)).toBeCloseTo(8.664, 10);
    // Without the optional parts: 29.99 − 6.5 − 5.04 − 4.4985 = 13.9515.
    expect(fn('KPI_UNIT_PROFIT')(29.99, 6.5, 5.04, 0.15)).toBeCloseTo(13.9515, 10);
  });

  // Break-even ACoS = profit before ads / price: (8.664 + 3) / 29.99 = 0.388930…; target at 10% margin: 0.288930…
  it('derives break-even and target ACoS from unit profit before ads', () => {
    const breakEven = fn('KPI_BREAKEVEN_ACOS')(29.99, 6.5, 5.04, 0.15, 1.2, 0.075, 0.6) as number;
    expect(breakEven).toBeCloseTo(11.664 / 29.99, 12);
    expect(fn('KPI_TARGET_ACOS')(29.99, 6.5, 5.04, 0.15, 0.1, 1.2, 0.075, 0.6)).toBeCloseTo(
      11.664 / 29.99 - 0.1,
      12,
    );
    expect(fn('KPI_BREAKEVEN_ACOS')(0, 6.5, 5.04, 0.15)).toBe('');
  });

  // Landed cost: 6.50 + 1.20 + 6.50 × 7.5% = 8.1875.
  it('computes landed cost with duty on the goods value', () => {
    expect(fn('KPI_LANDED_COST')(6.5, 1.2, 0.075)).toBeCloseTo(8.1875, 10);
    expect(fn('KPI_LANDED_COST')(6.5, 1.2, 0.075, 0.3)).toBeCloseTo(8.4875, 10);
  });

  it('computes margin and ROI', () => {
    expect(fn('KPI_MARGIN')(8.664, 29.99)).toBeCloseTo(0.288896, 6);
    expect(fn('KPI_ROI')(8.664, 8.1875)).toBeCloseTo(1.058198, 6);
  });
});

describe('Amazon US referral fees', () => {
  // Amazon "Selling on Amazon fee schedule" (help 200336920): Home and Kitchen 15%, minimum $0.30.
  it('applies the category rate or the $0.30 minimum, whichever is greater', () => {
    expect(referralFee(29.99, 'Home and Kitchen', '2026-03-01')).toBe(4.5);
    expect(referralFee(1.5, 'home & kitchen', '2025-06-01')).toBe(0.3);
    expect(referralFee(29.99, '家居厨房', '2026-03-01')).toBe(4.5);
  });

  // 15% of $6.70 is exactly $1.005: rounded half-up like every other cent in the add-on, not down by float noise.
  it('rounds a fee of exactly half a cent up, as the export readers and the KPI Summary do', () => {
    expect(referralFee(6.7, 'Home and Kitchen', '2026-03-01')).toBe(1.01);
  });

  // Clothing and Accessories: 5% up to $15, 10% $15–$20, 17% above $20, on the whole price.
  it('picks the apparel rate from the whole price', () => {
    expect(referralFee(14.99, 'Clothing and Accessories', '2026-03-01')).toBe(0.75);
    expect(referralFee(19.99, 'Clothing and Accessories', '2026-03-01')).toBe(2);
    expect(referralFee(25, 'Clothing and Accessories', '2026-03-01')).toBe(4.25);
  });

  // Jewelry: 20% of the portion up to $250, 5% of the portion above → $300: 50 + 2.50 = $52.50.
  // Electronics Accessories: 15% up to $100, 8% above → $150: 15 + 4 = $19.00.
  it('applies portion-based rates band by band', () => {
    expect(referralFee(300, 'Jewelry', '2026-03-01')).toBe(52.5);
    expect(referralFee(150, 'Electronics Accessories', '2025-06-01')).toBe(19);
  });

  it('names an unknown category in the error', () => {
    expect(() => fn('KPI_REFERRAL_FEE')(20, 'Spaceships', '2026-03-01')).toThrow(/Spaceships/);
  });
});

describe('Amazon US FBA fulfilment fees', () => {
  // Amazon's 2025 peak-fee announcement (via Supply Chain Dive, 2025-08): baby cot, large bulky, $12.27 non-peak,
  // $13.31 peak. Dimensions 24 × 7.5 × 6 in, 7.9 lb (Amazon's FBA pricing page example): dimensional weight with
  // the 2-inch minimum 1,080 / 139 = 7.77 lb < 7.9 lb → 8 lb → 9.61 + 7 × 0.38 = 12.27; peak +1.04.
  it('matches Amazon’s large bulky example in 2025, non-peak and peak', () => {
    const cot = { weightLb: 7.9, sides: [24, 7.5, 6] as [number, number, number], price: 60 };
    expect(fulfillmentFee({ ...cot, date: '2025-06-01', peak: undefined })).toMatchObject({
      fee: 12.27,
      tier: 'large_bulky',
    });
    expect(fulfillmentFee({ ...cot, date: '2025-11-20', peak: undefined }).fee).toBe(13.31);
    expect(fulfillmentFee({ ...cot, date: '2025-11-20', peak: false }).fee).toBe(12.27);
  });

  // Same announcement: monitor, extra-large 50–70 lb, $51.37 → $54.18 = 40.12 + 15 × 0.75 (66 lb), peak +2.81.
  it('matches Amazon’s extra-large 50–70 lb example', () => {
    const monitor = { weightLb: 65.5, sides: [60, 20, 5] as [number, number, number], price: 200 };
    expect(fulfillmentFee({ ...monitor, date: '2025-06-01', peak: false }).fee).toBe(51.37);
    expect(fulfillmentFee({ ...monitor, date: '2025-06-01', peak: true }).fee).toBe(54.18);
  });

  // Same announcement: mobile device case, small standard, $3.15 → $3.34 (2–4 oz band, price $10 and up).
  it('matches Amazon’s small standard example', () => {
    const phoneCase = { weightLb: 3 / 16, sides: [7, 4, 0.6] as [number, number, number], price: 15 };
    expect(fulfillmentFee({ ...phoneCase, date: '2025-06-01', peak: undefined }).fee).toBe(3.15);
    expect(fulfillmentFee({ ...phoneCase, date: '2025-12-01', peak: undefined }).fee).toBe(3.34);
  });

  // 2026 rate card (effective 2026-01-15): large standard, 10 × 6 × 3 in, 0.8 lb → dimensional 180/139 = 1.295 lb
  // → 1.25–1.5 lb band: $5.42 at $10–$50, $4.60 under $10, $5.68 over $50.
  it('uses dimensional weight and the 2026 price bands for large standard items', () => {
    const box = {
      weightLb: 0.8,
      sides: [10, 6, 3] as [number, number, number],
      date: '2026-03-01',
      peak: false,
    };
    expect(fulfillmentFee({ ...box, price: 24.99 }).fee).toBe(5.42);
    expect(fulfillmentFee({ ...box, price: 9.99 }).fee).toBe(4.6);
    expect(fulfillmentFee({ ...box, price: 50.01 }).fee).toBe(5.68);
    // 2025: one rate for $10 and up.
    expect(fulfillmentFee({ ...box, price: 60, date: '2025-06-01' }).fee).toBe(5.37);
  });

  // Large standard 3–20 lb: base + $0.08 per started 4 oz above 3 lb. 2026 $10–$50: 12 × 8 × 4 in (dimensional
  // 384/139 = 2.76 lb) at 5.1 lb → 2.1 lb above 3 lb = 9 started steps → 6.97 + 0.72 = 7.69.
  it('adds the per-4-oz increment above 3 lb', () => {
    const heavy = {
      weightLb: 5.1,
      sides: [12, 8, 4] as [number, number, number],
      date: '2026-03-01',
      peak: false,
    };
    expect(fulfillmentFee({ ...heavy, price: 30 })).toMatchObject({ fee: 7.69, tier: 'large_standard' });
  });

  it('puts the 2026 small bulky tier between large standard and large bulky', () => {
    // 2026: 24 × 7.5 × 6 in, 7.9 lb → small bulky (≤ 37 × 28 × 20 in): 7.55 + 7 × 0.38 = 10.21.
    expect(sizeTier({ weightLb: 7.9, sides: [24, 7.5, 6] }, '2026-03-01').tier).toBe('small_bulky');
    expect(
      fulfillmentFee({ weightLb: 7.9, sides: [24, 7.5, 6], price: 60, date: '2026-03-01', peak: false }).fee,
    ).toBe(10.21);
    expect(sizeTier({ weightLb: 7.9, sides: [24, 7.5, 6] }, '2025-03-01').tier).toBe('large_bulky');
  });

  it('classifies small standard on unit weight and dimensions only', () => {
    // 0.75 in thick and 16 oz: small standard; 0.8 in thick: large standard.
    expect(sizeTier({ weightLb: 1, sides: [15, 12, 0.75] }, '2026-03-01').tier).toBe('small_standard');
    expect(sizeTier({ weightLb: 1, sides: [15, 12, 0.8] }, '2026-03-01').tier).toBe('large_standard');
  });

  it('refuses a peak fee the sourced table does not have, and dates before the tables', () => {
    // Small standard 6–8 oz peak amount is not confirmed by a published figure.
    expect(() => fn('KPI_FBA_FEE')(0.45, 8, 5, 0.5, 20, '2025-11-01')).toThrow(/peak = FALSE/);
    expect(fn('KPI_FBA_FEE')(0.45, 8, 5, 0.5, 20, '2025-11-01', false)).toBe(3.33);
    expect(() => fn('KPI_FBA_FEE')(0.45, 8, 5, 0.5, 20, '2024-06-01')).toThrow(/2025-01-15/);
  });

  it('accepts centimetres and kilograms', () => {
    // 25.4 × 15.24 × 7.62 cm = 10 × 6 × 3 in; 0.362874 kg = 0.8 lb.
    expect(fn('KPI_FBA_FEE')(0.362874, 25.4, 15.24, 7.62, 24.99, '2026-03-01', false, 'cm/kg')).toBe(5.42);
  });
});

describe('inventory', () => {
  // Source article: 库存周转率 = 销售成本 ÷ 平均库存价值. $120,000 COGS / $30,000 average inventory = 4 turns.
  it('computes turnover, days of supply and sell-through', () => {
    expect(fn('KPI_INVENTORY_TURNOVER')(120000, 30000)).toBe(4);
    expect(fn('KPI_DAYS_OF_SUPPLY')(1200, 40)).toBe(30);
    expect(fn('KPI_DAYS_OF_SUPPLY')(1200, 0)).toBe('');
    expect(fn('KPI_SELL_THROUGH')(900, 400)).toBe(2.25);
  });

  // Standard normal quantiles (any statistics table; Sheets NORM.S.INV): z(0.95) = 1.644853626951…,
  // z(0.99) = 2.326347874040…, z(0.975) = 1.959963984540…
  it('inverts the normal CDF accurately', () => {
    expect(inverseNormalCdf(0.95)).toBeCloseTo(1.6448536269514722, 12);
    expect(inverseNormalCdf(0.99)).toBeCloseTo(2.3263478740408408, 12);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(inverseNormalCdf(0.5)).toBe(0);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232306167813, 11);
    expect(inverseNormalCdf(1e-9)).toBeCloseTo(-5.997807015007686, 9);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
  });

  // σd = 12 units/day, LT = 30 days, 95%: 1.6448536 × 12 × √30 = 108.1108 units.
  // With d = 40/day and σLT = 5 days: 1.6448536 × √(30 × 144 + 1600 × 25) = 1.6448536 × √44320 = 346.2798.
  it('computes safety stock with and without lead-time variation, and the reorder point', () => {
    expect(fn('KPI_SAFETY_STOCK')(12, 30, 0.95)).toBeCloseTo(108.1108, 4);
    expect(fn('KPI_SAFETY_STOCK')(12, 30, 0.95, 40, 5)).toBeCloseTo(346.2798, 4);
    expect(fn('KPI_REORDER_POINT')(40, 30, 108)).toBe(1308);
    expect(() => fn('KPI_SAFETY_STOCK')(12, 30, 95)).toThrow(/service_level/);
    expect(() => fn('KPI_SAFETY_STOCK')(12, 30, 0.95, '', 5)).toThrow(/avg_daily_units/);
  });
});

describe('customer', () => {
  it('computes return rate, ODR, LTV, CAC and LTV/CAC', () => {
    expect(fn('KPI_RETURN_RATE')(12, 400)).toBe(0.03);
    // Amazon's ODR target is under 1%: 3 / 1200 = 0.25%.
    expect(fn('KPI_ODR')(3, 1200)).toBe(0.0025);
    // 45 × 2.5 × 3 × 35% = 118.125.
    expect(fn('KPI_LTV')(45, 2.5, 3, 0.35)).toBeCloseTo(118.125, 10);
    expect(fn('KPI_LTV')(45, 2.5, 3)).toBeCloseTo(337.5, 10);
    expect(fn('KPI_CAC')(5000, 200)).toBe(25);
    expect(fn('KPI_LTV_CAC')(118.125, 25)).toBeCloseTo(4.725, 10);
  });
});

describe('FX sensitivity and KPI status', () => {
  // Source article: 汇率敏感性测试. $10,000 at 7.10 CNY/USD shocked by −5%, 0, +5% → 67,450 / 71,000 / 74,550.
  it('returns one row per amount with one cell per shock', () => {
    const row = fn('KPI_FX_SENSITIVITY')(10000, 7.1, [[-0.05, 0, 0.05]]) as number[][];
    expect(row).toHaveLength(1);
    expect(row[0]?.map((value) => Math.round(value * 100) / 100)).toEqual([67450, 71000, 74550]);
    const grid = fn('KPI_FX_SENSITIVITY')([[100], [200]], 7, [[-0.1], [0.1]]) as number[][];
    expect(grid.map((r) => r.map((v) => Math.round(v * 100) / 100))).toEqual([
      [630, 770],
      [1260, 1540],
    ]);
  });

  it('rates a KPI against its target with direction and tolerance, in either language', () => {
    const status = fn('KPI_STATUS');
    // ACoS 28% against a 25% target, lower is better, 15% tolerance: band up to 28.75% → AMBER.
    expect(status(0.28, 0.25, false, 0.15, 'en')).toBe('AMBER');
    expect(status(0.3, 0.25, false, 0.15, 'en')).toBe('RED');
    expect(status(0.2, 0.25, false, 0.15, 'zh')).toBe('绿（达标）');
    // Sales 9,500 against 10,000, higher is better, default 10% tolerance → AMBER; 8,000 → RED.
    expect(status(9500, 10000, true, '', 'en')).toBe('AMBER');
    expect(status(8000, 10000, true, '', 'zh')).toBe('红（未达标）');
    expect(status(0.27, 0.3, true, 0.1, 'en')).toBe('AMBER');
  });
});
