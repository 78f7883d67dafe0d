/**
 * The KPI custom functions on Sheets values: each takes what Sheets passes (a value or a 2-D range per argument)
 * and returns a value or a same-shaped range (broadcast.ts has the rules). Pure: anything from Apps Script (the
 * user's language, today's date) is passed in by src/functions.
 */
import { type KpiStatus, kpiStatus } from '../targets/status';
import {
  booleanParam,
  dateParam,
  type KpiCell,
  type KpiResult,
  mapCells,
  mapCellsAcrossList,
  numberParam,
  type Param,
  textParam,
} from './broadcast';
import { REPLENISHMENT_DEFAULTS } from '../inventory/defaults';
import { daysUntilStockout, reorderQuantity } from '../inventory/replenishment';
import { addDays, epochFromWallClock } from '../time';
import { KpiInputError } from './errors';
import { fulfillmentFee, referralFee, sizeTier } from './fees';
import {
  breakEvenAcos,
  landedCost,
  lifetimeValue,
  ratio,
  reorderPoint,
  safetyStock,
  targetAcos,
  unitProfit,
  type UnitCostParts,
} from './metrics';

/** A number that must lie in a range (inclusive unless stated), checked per cell so the message can point at it. */
function boundedNumber(
  name: string,
  check: (value: number) => boolean,
  limits: string,
  fallback?: number,
): Param<number> {
  const base = fallback === undefined ? numberParam(name) : numberParam(name, fallback);
  return {
    name,
    onBlank: base.onBlank,
    read(value, position) {
      const number = base.read(value, position);
      if (!check(number))
        throw new KpiInputError('fn.error.outOfRange', { arg: name, value: number, limits }, position);
      return number;
    },
  };
}

const nonNegative = (name: string, fallback?: number): Param<number> =>
  boundedNumber(name, (value) => value >= 0, '≥ 0', fallback);
/** An optional input that must be ≥ 0 when given (a standard deviation, a mean), undefined when blank. */
function optionalNonNegative(name: string): Param<number | undefined> {
  const base = numberParam(name, undefined);
  return {
    name,
    onBlank: undefined,
    read(value, position) {
      const number = base.read(value, position) as number;
      if (number < 0)
        throw new KpiInputError('fn.error.outOfRange', { arg: name, value: number, limits: '≥ 0' }, position);
      return number;
    },
  };
}
const positive = (name: string): Param<number> => boundedNumber(name, (value) => value > 0, '> 0');
const fraction = (name: string, fallback?: number): Param<number> =>
  boundedNumber(name, (value) => value >= 0 && value <= 1, '0 – 1 (0% – 100%)', fallback);

/** Two-argument ratios: blank where the denominator is 0. */
function ratioFunction(numerator: string, denominator: string) {
  return (numeratorArg: unknown, denominatorArg: unknown): KpiResult =>
    mapCells(
      [numberParam(numerator), numberParam(denominator)] as const,
      [numeratorArg, denominatorArg],
      ratio,
    );
}

// Advertising. Definitions: Amazon Ads glossary (ACoS = ad spend / attributed sales; ROAS = its inverse;
// CPC = spend / clicks; CTR = clicks / impressions; conversion rate = orders / clicks) and the source article
// (ACoS = 广告花费 ÷ 广告销售额, TACoS = 广告花费 ÷ 总销售额).
export const kpiAcos = ratioFunction('ad_spend', 'ad_sales');
export const kpiTacos = ratioFunction('ad_spend', 'total_sales');
export const kpiRoas = ratioFunction('ad_sales', 'ad_spend');
export const kpiCpc = ratioFunction('spend', 'clicks');
export const kpiCtr = ratioFunction('clicks', 'impressions');
export const kpiCvr = ratioFunction('orders', 'clicks');

// Profitability ratios.
export const kpiMargin = ratioFunction('profit', 'revenue');
export const kpiRoi = ratioFunction('profit', 'cost');

// Inventory: turnover = COGS / average inventory value (source article: 库存周转率 = 销售成本 ÷ 平均库存价值);
// sell-through = units sold / average units on hand (Amazon's FBA sell-through uses the trailing 90 days of both).
export const kpiInventoryTurnover = ratioFunction('cogs', 'avg_inventory_value');
export const kpiSellThrough = ratioFunction('units_sold', 'avg_units_on_hand');
/** Days of supply = units on hand / average daily units sold; blank (not 0, not ∞) when nothing sells. */
export const kpiDaysOfSupply = ratioFunction('on_hand_units', 'avg_daily_units');

// Customer: return rate = returned / sold units (SPEC §2: over a period, that period's returns over its sales);
// ODR = orders with a defect / orders (Amazon target: under 1%); CAC = acquisition spend / new customers.
export const kpiReturnRate = ratioFunction('returned_units', 'sold_units');
export const kpiOdr = ratioFunction('defective_orders', 'orders');
export const kpiCac = ratioFunction('marketing_spend', 'new_customers');
export const kpiLtvCac = ratioFunction('ltv', 'cac');

const costPartParams = {
  firstLeg: nonNegative('first_leg', 0),
  dutyRate: nonNegative('duty_rate', 0),
  adCost: nonNegative('ad_cost', 0),
  returnLoss: nonNegative('return_loss', 0),
  other: numberParam('other', 0),
};

// A negative price is a typing error, never a sale (issue 9): refused with the argument's name, like a negative cost.
const unitCoreParams = [
  nonNegative('price'),
  nonNegative('cogs'),
  nonNegative('fba_fee'),
  fraction('referral_rate'),
] as const;

export function kpiUnitProfit(
  price: unknown,
  cogs: unknown,
  fbaFee: unknown,
  referralRate: unknown,
  firstLeg?: unknown,
  dutyRate?: unknown,
  adCost?: unknown,
  returnLoss?: unknown,
  other?: unknown,
): KpiResult {
  const p = costPartParams;
  return mapCells(
    [...unitCoreParams, p.firstLeg, p.dutyRate, p.adCost, p.returnLoss, p.other] as const,
    [price, cogs, fbaFee, referralRate, firstLeg, dutyRate, adCost, returnLoss, other],
    (priceValue, cogsValue, fee, rate, firstLegValue, duty, ad, returns, otherValue) =>
      unitProfit(priceValue, cogsValue, fee, rate, {
        firstLeg: firstLegValue,
        dutyRate: duty,
        adCost: ad,
        returnLoss: returns,
        other: otherValue,
      }),
  );
}

const partsWithoutAds = (
  firstLeg: number,
  dutyRate: number,
  returnLoss: number,
  other: number,
): UnitCostParts => ({
  firstLeg,
  dutyRate,
  adCost: 0,
  returnLoss,
  other,
});

export function kpiBreakevenAcos(
  price: unknown,
  cogs: unknown,
  fbaFee: unknown,
  referralRate: unknown,
  firstLeg?: unknown,
  dutyRate?: unknown,
  returnLoss?: unknown,
  other?: unknown,
): KpiResult {
  const p = costPartParams;
  return mapCells(
    [...unitCoreParams, p.firstLeg, p.dutyRate, p.returnLoss, p.other] as const,
    [price, cogs, fbaFee, referralRate, firstLeg, dutyRate, returnLoss, other],
    (priceValue, cogsValue, fee, rate, firstLegValue, duty, returns, otherValue) =>
      breakEvenAcos(
        priceValue,
        cogsValue,
        fee,
        rate,
        partsWithoutAds(firstLegValue, duty, returns, otherValue),
      ),
  );
}

export function kpiTargetAcos(
  price: unknown,
  cogs: unknown,
  fbaFee: unknown,
  referralRate: unknown,
  targetMargin: unknown,
  firstLeg?: unknown,
  dutyRate?: unknown,
  returnLoss?: unknown,
  other?: unknown,
): KpiResult {
  const p = costPartParams;
  return mapCells(
    [...unitCoreParams, numberParam('target_margin'), p.firstLeg, p.dutyRate, p.returnLoss, p.other] as const,
    [price, cogs, fbaFee, referralRate, targetMargin, firstLeg, dutyRate, returnLoss, other],
    (priceValue, cogsValue, fee, rate, margin, firstLegValue, duty, returns, otherValue) =>
      targetAcos(
        priceValue,
        cogsValue,
        fee,
        rate,
        margin,
        partsWithoutAds(firstLegValue, duty, returns, otherValue),
      ),
  );
}

export function kpiLandedCost(
  cogs: unknown,
  firstLeg: unknown,
  dutyRate: unknown,
  other?: unknown,
): KpiResult {
  return mapCells(
    [
      nonNegative('cogs'),
      nonNegative('first_leg'),
      nonNegative('duty_rate'),
      numberParam('other', 0),
    ] as const,
    [cogs, firstLeg, dutyRate, other],
    landedCost,
  );
}

/** Context the Apps Script layer supplies: the default date for dated fee tables, and how to read a date cell. */
export interface FeeContext {
  /** Today in the marketplace's time zone, `yyyy-mm-dd`. */
  today: string;
  /** The spreadsheet's time zone: a date cell is the day it shows there (see dateParam). Default Etc/UTC. */
  timeZone?: string;
}

export function kpiReferralFee(
  context: FeeContext,
  price: unknown,
  category: unknown,
  date?: unknown,
): KpiResult {
  return mapCells(
    [
      nonNegative('price'),
      textParam('category'),
      dateParam('date', context.today, context.timeZone),
    ] as const,
    [price, category, date],
    (priceValue, categoryName, day) => referralFee(priceValue, categoryName, day ?? context.today),
  );
}

const INCHES_PER_CM = 1 / 2.54;
const POUNDS_PER_KG = 2.2046226218;

/** "in/lb" (default, Amazon US units) or "cm/kg" (what Chinese factories quote). */
function unitsParam(): Param<string> {
  const base = textParam('units', 'in/lb');
  return {
    name: 'units',
    onBlank: base.onBlank,
    read(value, position) {
      const text = base.read(value, position).toLowerCase().replace(/\s+/g, '');
      if (text === 'in/lb' || text === 'in' || text === 'lb') return 'in/lb';
      if (text === 'cm/kg' || text === 'cm' || text === 'kg' || text === 'metric') return 'cm/kg';
      throw new KpiInputError('fn.error.unknownUnits', { value: text }, position);
    },
  };
}

const measureParams = [
  positive('weight'),
  positive('length'),
  positive('width'),
  positive('height'),
] as const;

function toImperial(
  weight: number,
  length: number,
  width: number,
  height: number,
  units: string,
): { weightLb: number; sides: [number, number, number] } {
  if (units === 'cm/kg') {
    return {
      weightLb: weight * POUNDS_PER_KG,
      sides: [length * INCHES_PER_CM, width * INCHES_PER_CM, height * INCHES_PER_CM],
    };
  }
  return { weightLb: weight, sides: [length, width, height] };
}

const PEAK_WORDS = { yes: ['true', 'peak', 'yes'], no: ['false', 'non-peak', 'nonpeak', 'no'] } as const;
const SURCHARGE_WORDS = { yes: ['true', 'yes', 'include'], no: ['false', 'no', 'exclude', 'none'] } as const;

export function kpiFbaFee(
  context: FeeContext,
  weight: unknown,
  length: unknown,
  width: unknown,
  height: unknown,
  price: unknown,
  date?: unknown,
  peak?: unknown,
  units?: unknown,
  fuelSurcharge?: unknown,
): KpiResult {
  return mapCells(
    [
      ...measureParams,
      nonNegative('price'),
      dateParam('date', context.today, context.timeZone),
      booleanParam('peak', undefined, PEAK_WORDS),
      unitsParam(),
      booleanParam('fuel_surcharge', true, SURCHARGE_WORDS),
    ] as const,
    [weight, length, width, height, price, date, peak, units, fuelSurcharge],
    (weightValue, lengthValue, widthValue, heightValue, priceValue, day, peakValue, unitSystem, surcharge) =>
      fulfillmentFee({
        ...toImperial(weightValue, lengthValue, widthValue, heightValue, unitSystem),
        price: priceValue,
        date: day ?? context.today,
        peak: peakValue,
        fuelSurcharge: surcharge !== false,
      }).fee,
  );
}

export function kpiSizeTier(
  context: FeeContext,
  weight: unknown,
  length: unknown,
  width: unknown,
  height: unknown,
  date?: unknown,
  units?: unknown,
): KpiResult {
  return mapCells(
    [...measureParams, dateParam('date', context.today, context.timeZone), unitsParam()] as const,
    [weight, length, width, height, date, units],
    (weightValue, lengthValue, widthValue, heightValue, day, unitSystem) =>
      sizeTier(
        toImperial(weightValue, lengthValue, widthValue, heightValue, unitSystem),
        day ?? context.today,
      ).tier,
  );
}

// z(service level) is infinite at 0 and 1: a level must lie strictly between them (0% and 100% excluded).
const serviceLevelParam = boundedNumber(
  'service_level',
  (value) => value > 0 && value < 1,
  '> 0 and < 1 (0% and 100% excluded), e.g. 95%',
);

export function kpiSafetyStock(
  dailyDemandSd: unknown,
  leadTimeDays: unknown,
  serviceLevel: unknown,
  avgDailyUnits?: unknown,
  leadTimeSd?: unknown,
): KpiResult {
  return mapCells(
    [
      nonNegative('daily_demand_sd'),
      nonNegative('lead_time_days'),
      serviceLevelParam,
      optionalNonNegative('avg_daily_units'),
      optionalNonNegative('lead_time_sd'),
    ] as const,
    [dailyDemandSd, leadTimeDays, serviceLevel, avgDailyUnits, leadTimeSd],
    (sd, leadTime, level, average, leadTimeVariation) => {
      if (leadTimeVariation !== undefined && average === undefined) {
        throw new KpiInputError('fn.error.needsArgument', {
          arg: 'avg_daily_units',
          because: 'lead_time_sd',
        });
      }
      return safetyStock(sd, leadTime, level, average, leadTimeVariation);
    },
  );
}

/**
 * Suggested order quantity, the Inventory sheet's rule (SPEC §3b, src/core/inventory/replenishment.ts):
 * target days of supply × d + safety stock − on hand − inbound, 0 when that is 0 or less, else at least the MOQ and
 * rounded up to whole case packs. `lead_time_days` is in the signature issue 11 fixed so a row reads like the
 * Inventory sheet's columns; the lead time enters the quantity through `safety_stock` (KPI_SAFETY_STOCK), and is
 * checked here like any other argument.
 */
export function kpiReorderQty(
  avgDailyUnits: unknown,
  leadTimeDays: unknown,
  safetyStockUnits: unknown,
  onHand: unknown,
  inbound?: unknown,
  targetDaysOfSupply?: unknown,
  casePack?: unknown,
  moq?: unknown,
): KpiResult {
  return mapCells(
    [
      nonNegative('avg_daily_units'),
      nonNegative('lead_time_days'),
      nonNegative('safety_stock'),
      nonNegative('on_hand'),
      nonNegative('inbound', 0),
      nonNegative('target_days_of_supply', REPLENISHMENT_DEFAULTS.targetDaysOfSupply.value),
      boundedNumber('case_pack', (value) => value >= 1, '≥ 1', REPLENISHMENT_DEFAULTS.casePack.value),
      nonNegative('moq', REPLENISHMENT_DEFAULTS.moq.value),
    ] as const,
    [avgDailyUnits, leadTimeDays, safetyStockUnits, onHand, inbound, targetDaysOfSupply, casePack, moq],
    (daily, _leadTime, safety, available, incoming, targetDays, pack, minimum) =>
      reorderQuantity(daily, safety, available, incoming, {
        targetDaysOfSupply: targetDays,
        casePack: pack,
        moq: minimum,
      }),
  );
}

/**
 * The day the stock runs out at `avg_daily_units` a day, counted from `as_of` (default today in the marketplace's
 * zone): the Inventory sheet's stockout date (src/core/inventory/replenishment.ts daysUntilStockout). Blank when
 * nothing sells: the stock does not run out at that pace.
 */
export function kpiStockoutDate(
  context: FeeContext,
  onHand: unknown,
  avgDailyUnits: unknown,
  asOf?: unknown,
): KpiResult {
  const zone = context.timeZone ?? 'Etc/UTC';
  return mapCells(
    [
      nonNegative('on_hand'),
      nonNegative('avg_daily_units'),
      dateParam('as_of', context.today, zone),
    ] as const,
    [onHand, avgDailyUnits, asOf],
    (available, daily, day): KpiCell => {
      const daysLeft = daysUntilStockout(available, daily);
      if (daysLeft === null) return '';
      const [year, month, date] = addDays(day ?? context.today, daysLeft)
        .split('-')
        .map(Number) as [number, number, number];
      return new Date(epochFromWallClock({ year, month, day: date, hour: 0, minute: 0, second: 0 }, zone));
    },
  );
}

/** Reorder point = average daily units × lead time (days) + safety stock. */
export function kpiReorderPoint(
  avgDailyUnits: unknown,
  leadTimeDays: unknown,
  safetyStockUnits: unknown,
): KpiResult {
  return mapCells(
    [nonNegative('avg_daily_units'), nonNegative('lead_time_days'), nonNegative('safety_stock')] as const,
    [avgDailyUnits, leadTimeDays, safetyStockUnits],
    reorderPoint,
  );
}

export function kpiLtv(
  averageOrderValue: unknown,
  purchaseFrequency: unknown,
  lifetimePeriods: unknown,
  grossMargin?: unknown,
): KpiResult {
  return mapCells(
    [
      nonNegative('avg_order_value'),
      nonNegative('purchase_frequency'),
      nonNegative('lifetime_periods'),
      numberParam('gross_margin', 1),
    ] as const,
    [averageOrderValue, purchaseFrequency, lifetimePeriods, grossMargin],
    lifetimeValue,
  );
}

/**
 * FX sensitivity: `amount × rate × (1 + shock)` for each shock, as a row (one row per amount when amounts are a
 * column). Shows how a USD profit moves in CNY (source article: 汇率敏感性测试).
 */
export function kpiFxSensitivity(amount: unknown, rate: unknown, shocks: unknown): KpiResult {
  return mapCellsAcrossList(
    [numberParam('amount'), positive('rate')] as const,
    [amount, rate],
    boundedNumber('shocks', (value) => value > -1, '> −100%'),
    shocks,
    (shock, amountValue, rateValue) => amountValue * rateValue * (1 + shock),
  );
}

/** KPI_STATUS judges with the same rule as the KPI Dashboard (src/core/targets/status.ts), so the two never disagree. */
export type StatusLabels = Readonly<Record<KpiStatus, string>>;

const DIRECTION_WORDS = {
  yes: ['true', 'higher', 'high', 'up', '越高越好', '高'],
  no: ['false', 'lower', 'low', 'down', '越低越好', '低'],
} as const;

export function kpiStatusLabels(
  labels: StatusLabels,
  actual: unknown,
  target: unknown,
  higherIsBetter: unknown,
  tolerance?: unknown,
): KpiResult {
  return mapCells(
    [
      numberParam('actual'),
      numberParam('target'),
      booleanParam('higher_is_better', true, DIRECTION_WORDS),
      nonNegative('tolerance', 0.1),
    ] as const,
    [actual, target, higherIsBetter, tolerance],
    (actualValue, targetValue, higher, toleranceValue): KpiCell => {
      const status = kpiStatus(
        actualValue,
        targetValue,
        higher === false ? 'lower' : 'higher',
        toleranceValue,
      );
      return status ? labels[status] : '';
    },
  );
}
