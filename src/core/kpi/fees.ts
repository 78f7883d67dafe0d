/**
 * Amazon US fees from the dated tables in data/fees/ (their source, effective dates and coverage are in the files
 * and in docs/FEES.md). Nothing is precomputed at load time: a lookup walks a few dozen rows.
 *
 * No silent fallback: a date that no schedule covers, a peak band no published figure confirms, are errors naming
 * what is missing (issue 16), never the nearest table's number.
 */
import fulfillmentData from '../../../data/fees/amazon-us-fba-fulfillment.json';
import referralData from '../../../data/fees/amazon-us-referral.json';
import { KpiInputError } from './errors';
import { roundCents } from '../parse/number';

interface TierRule {
  id: string;
  maxLongest?: number;
  maxMedian?: number;
  maxShortest?: number;
  maxLengthGirth?: number;
  maxWeight?: number;
  weightBasis: string;
}

interface RateRow {
  tier: string;
  /** Inclusive upper bound of the band, in lb; absent for the open-ended last tier. */
  upTo?: number;
  /** One fee per price band of the schedule, in the order of `priceBands`. */
  fee: number[];
  /** Above this weight (lb) the fee grows by `perStep` for every started `step` lb. */
  above?: number;
  step?: number;
  perStep?: number;
}

interface PriceBand {
  id: string;
  below?: number;
  upTo?: number;
}

interface PeakBand {
  tier: string;
  upTo: number;
  from?: number;
  /** The peak amount added to the non-peak fee of this band. */
  surcharge: number;
  /** The schedule's price band ids this amount is confirmed for; other price bands have no known peak rate. */
  priceBands: string[];
}

interface PeakWindow {
  from: string;
  to: string;
  label: string;
  /** True when the amounts are derived (e.g. "same increase as last year") rather than Amazon's own rate card. */
  provisional: boolean;
  bands: PeakBand[];
}

interface FulfillmentSchedule {
  id: string;
  effectiveFrom: string;
  effectiveTo?: string;
  tiers: TierRule[];
  priceBands: PriceBand[];
  rates: RateRow[];
  peak?: PeakWindow;
}

/** A percentage added to the fulfilment fee from a date (the 2026 fuel and logistics surcharge). */
interface FeeSurcharge {
  id: string;
  label: string;
  from: string;
  to?: string;
  rate: number;
}

const FULFILLMENT_SCHEDULES: readonly FulfillmentSchedule[] = fulfillmentData.schedules;
const FULFILLMENT_SURCHARGES: readonly FeeSurcharge[] = fulfillmentData.surcharges;
const DIMENSIONAL_DIVISOR = fulfillmentData.sizeTierRules.dimensionalWeightDivisor;
const BULKY_MINIMUM_SIDE = fulfillmentData.sizeTierRules.bulkyMinimumSideInches;

interface DatedSchedule {
  id: string;
  effectiveFrom: string;
  effectiveTo?: string;
}

/** "2025 (2025-01-15 – 2026-01-14), 2026 (2026-01-15 – 2027-01-14)": what an out-of-range date is told. */
function coveredSeasons(schedules: readonly DatedSchedule[]): string {
  return schedules
    .map((schedule) => `${schedule.id} (${schedule.effectiveFrom} – ${schedule.effectiveTo ?? '…'})`)
    .join(', ');
}

/** Fee tables are dated by the day the fee applies (Amazon charges fulfilment fees on the ship date). */
function scheduleFor<T extends DatedSchedule>(schedules: readonly T[], date: string, table: string): T {
  // Called once per cell: a 10,000-row range mostly repeats one date, so remember the last answer.
  const cached = lastSchedule.get(schedules);
  if (cached && cached.date === date) return cached.schedule as T;
  const match = schedules.find(
    (schedule) => schedule.effectiveFrom <= date && (!schedule.effectiveTo || date <= schedule.effectiveTo),
  );
  if (!match) {
    throw new KpiInputError('fees.error.noTable', { table, date, seasons: coveredSeasons(schedules) });
  }
  lastSchedule.set(schedules, { date, schedule: match });
  return match;
}

const lastSchedule = new Map<readonly unknown[], { date: string; schedule: unknown }>();

export interface PackageMeasures {
  /** Unit weight in pounds (Amazon has used the unit weight, without packaging, since 2024). */
  weightLb: number;
  /** The three sides in inches, any order. */
  sides: readonly [number, number, number];
}

export interface SizeTierResult {
  tier: string;
  /** The weight the fee is charged on, in lb: unit weight or the greater of unit and dimensional weight. */
  shippingWeightLb: number;
  schedule: FulfillmentSchedule;
}

/** Sides sorted longest first. */
function sortedSides(sides: readonly [number, number, number]): [number, number, number] {
  return [...sides].sort((a, b) => b - a) as [number, number, number];
}

function shippingWeight(weightLb: number, sorted: readonly [number, number, number], basis: string): number {
  if (basis === 'unit') return weightLb;
  const [longest, median, shortest] = sorted;
  const minimum = basis === 'dimensional_min_2in' ? BULKY_MINIMUM_SIDE : 0;
  const dimensional =
    (longest * Math.max(median, minimum) * Math.max(shortest, minimum)) / DIMENSIONAL_DIVISOR;
  return Math.max(weightLb, dimensional);
}

/**
 * The Amazon size tier: the first tier (smallest first) whose side, length + girth and weight limits the item fits.
 * Weight limits are checked on the tier's own weight basis (unit weight for small standard, dimensional weight
 * for the others), as in Amazon's size-tier table.
 */
export function sizeTier(measures: PackageMeasures, date: string): SizeTierResult {
  const schedule = scheduleFor(FULFILLMENT_SCHEDULES, date, 'FBA');
  const sorted = sortedSides(measures.sides);
  const [longest, median, shortest] = sorted;
  const lengthGirth = longest + 2 * (median + shortest);
  for (const rule of schedule.tiers) {
    const weight = shippingWeight(measures.weightLb, sorted, rule.weightBasis);
    const fits =
      (rule.maxLongest === undefined || longest <= rule.maxLongest) &&
      (rule.maxMedian === undefined || median <= rule.maxMedian) &&
      (rule.maxShortest === undefined || shortest <= rule.maxShortest) &&
      (rule.maxLengthGirth === undefined || lengthGirth <= rule.maxLengthGirth) &&
      (rule.maxWeight === undefined || weight <= rule.maxWeight);
    // The last tier (extra-large 150+ lb) has no limits, so every item finds a tier.
    if (fits) return { tier: rule.id, shippingWeightLb: weight, schedule };
  }
  throw new KpiInputError('fees.error.noTable', {
    table: 'FBA',
    date,
    seasons: coveredSeasons(FULFILLMENT_SCHEDULES),
  });
}

function priceBandIndex(bands: readonly PriceBand[], price: number): number {
  const index = bands.findIndex(
    (band) =>
      (band.below !== undefined && price < band.below) ||
      (band.upTo !== undefined && price <= band.upTo) ||
      (band.below === undefined && band.upTo === undefined),
  );
  return index < 0 ? bands.length - 1 : index;
}

/** Shipping weights are compared after rounding to 1e-9 lb so 0.1 + 0.2 style float noise never changes a band. */
const clean = (weight: number): number => Math.round(weight * 1e9) / 1e9;

export interface FulfillmentFeeInput extends PackageMeasures {
  /** The item's sales price in USD, which picks the price band (low-price FBA under $10; 2026: $10-$50, over $50). */
  price: number;
  /** The ship date, `yyyy-mm-dd`. */
  date: string;
  /** true: add the holiday peak amount; false: never; undefined: when the date is in the schedule's peak window. */
  peak: boolean | undefined;
  /** false leaves out the dated surcharges (3.5% fuel and logistics from 2026-04-17); default: by date. */
  fuelSurcharge?: boolean;
}

export interface FulfillmentFee {
  /** What Amazon charges per unit: the fulfilment fee with the peak amount and the surcharges that apply. */
  fee: number;
  tier: string;
  shippingWeightLb: number;
  peakApplied: boolean;
  /** The surcharge part of `fee` in USD (0 when none applies or it was left out). */
  surchargeAmount: number;
}

function peakAmount(
  window: PeakWindow,
  tier: string,
  weight: number,
  priceBand: PriceBand,
  input: FulfillmentFeeInput,
): number {
  const band = window.bands.find(
    (candidate) =>
      candidate.tier === tier &&
      weight > (candidate.from ?? 0) &&
      weight <= candidate.upTo &&
      candidate.priceBands.includes(priceBand.id),
  );
  if (!band) {
    throw new KpiInputError('fees.error.peakRateUnknown', {
      season: window.label,
      tier,
      weight: roundCents(weight),
      price: input.price,
    });
  }
  return band.surcharge;
}

/** The surcharges in force on `date` (a fee table's `surcharges`, dated like the schedules). */
function surchargesOn(date: string): FeeSurcharge[] {
  return FULFILLMENT_SURCHARGES.filter(
    (surcharge) => surcharge.from <= date && (!surcharge.to || date <= surcharge.to),
  );
}

/**
 * The FBA fulfilment fee per unit for orders on Amazon.com (non-apparel, non-dangerous goods): the size tier's
 * band for the price, plus the holiday peak amount in its window, plus the dated surcharges on that fee.
 */
export function fulfillmentFee(input: FulfillmentFeeInput): FulfillmentFee {
  const { tier, shippingWeightLb, schedule } = sizeTier(input, input.date);
  const weight = clean(shippingWeightLb);
  const row = schedule.rates.find(
    (rate) => rate.tier === tier && (rate.upTo === undefined || weight <= rate.upTo),
  );
  if (!row) {
    throw new KpiInputError('fees.error.noTable', {
      table: 'FBA',
      date: input.date,
      seasons: coveredSeasons(FULFILLMENT_SCHEDULES),
    });
  }
  const bandIndex = priceBandIndex(schedule.priceBands, input.price);
  let fee = row.fee[bandIndex] ?? row.fee[row.fee.length - 1] ?? 0;
  if (row.above !== undefined && row.step && row.perStep && weight > row.above) {
    fee += Math.ceil(clean((weight - row.above) / row.step)) * row.perStep;
  }
  const peakWindow = schedule.peak;
  const inWindow = !!peakWindow && peakWindow.from <= input.date && input.date <= peakWindow.to;
  const wantPeak = input.peak ?? inWindow;
  if (wantPeak) {
    if (!peakWindow) {
      throw new KpiInputError('fn.error.noPeakTable', { date: input.date, schedule: schedule.id });
    }
    const priceBand = schedule.priceBands[bandIndex] as PriceBand;
    fee += peakAmount(peakWindow, tier, weight, priceBand, input);
  }
  const beforeSurcharges = roundCents(fee);
  // Amazon: the surcharge is a percentage of the fulfilment fee (peak included), not of the sale price. How it
  // rounds is not published; each surcharge is taken to the cent, half up (assumption stated in the data file).
  const surchargeAmount =
    input.fuelSurcharge === false
      ? 0
      : surchargesOn(input.date).reduce(
          (sum, surcharge) => sum + roundCents(beforeSurcharges * surcharge.rate),
          0,
        );
  return {
    fee: roundCents(beforeSurcharges + surchargeAmount),
    tier,
    shippingWeightLb,
    peakApplied: wantPeak,
    surchargeAmount: roundCents(surchargeAmount),
  };
}

/** A fee table whose amounts are derived rather than Amazon's own card, as the dashboard and sidebar name it. */
export interface ProvisionalRateCard {
  label: string;
  from: string;
  to: string;
}

/**
 * The provisional table a fee estimate for `date` uses, if any (today: the 2026/27 holiday peak, derived from
 * Amazon's "same increase as last year"); null for a sourced table or a date no table covers.
 */
export function provisionalRateCard(date: string): ProvisionalRateCard | null {
  for (const schedule of FULFILLMENT_SCHEDULES) {
    const peak = schedule.peak;
    if (peak && peak.provisional && peak.from <= date && date <= peak.to) {
      return { label: peak.label, from: peak.from, to: peak.to };
    }
  }
  return null;
}

/** The newest fee table's dates, for the sidebar and Help: a user sees at a glance how old the tables are. */
export interface NewestRateCard {
  schedule: string;
  from: string;
  /** The last day it covers ('' when open-ended). */
  to: string;
  peak: ProvisionalRateCard | null;
  peakProvisional: boolean;
  surcharges: { label: string; from: string; ratePercent: number }[];
}

export function newestRateCard(): NewestRateCard {
  const newest = FULFILLMENT_SCHEDULES.reduce((latest, schedule) =>
    schedule.effectiveFrom > latest.effectiveFrom ? schedule : latest,
  );
  const peak = newest.peak;
  return {
    schedule: newest.id,
    from: newest.effectiveFrom,
    to: newest.effectiveTo ?? '',
    peak: peak ? { label: peak.label, from: peak.from, to: peak.to } : null,
    peakProvisional: !!peak && peak.provisional,
    surcharges: FULFILLMENT_SURCHARGES.map((surcharge) => ({
      label: surcharge.label,
      from: surcharge.from,
      ratePercent: Math.round(surcharge.rate * 1000) / 10,
    })),
  };
}

interface ReferralTier {
  upTo?: number;
  rate: number;
}

interface ReferralCategory {
  id: string;
  en: string;
  zh: string;
  aliases: string[];
  basis: string;
  tiers: ReferralTier[];
  minimumFee: number | null;
}

interface ReferralSchedule {
  id: string;
  effectiveFrom: string;
  effectiveTo?: string;
  categories: ReferralCategory[];
}

const REFERRAL_SCHEDULES: readonly ReferralSchedule[] = referralData.schedules;

/** "Home & Kitchen", "home and kitchen" and "HOME_KITCHEN" all name the same category. */
function categoryKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\s_,.\-/]+/g, ' ')
    .trim();
}

/** Per schedule, every accepted spelling → category. Built on first use, not at load time. */
const categoryIndexes = new Map<ReferralSchedule, Map<string, ReferralCategory>>();

function findCategory(schedule: ReferralSchedule, name: string): ReferralCategory | undefined {
  let index = categoryIndexes.get(schedule);
  if (!index) {
    index = new Map();
    for (const category of schedule.categories) {
      for (const spelling of [category.id, category.en, category.zh, ...category.aliases]) {
        index.set(categoryKey(spelling), category);
      }
    }
    categoryIndexes.set(schedule, index);
  }
  return index.get(categoryKey(name));
}

/**
 * The referral fee of one item before rounding, as a straight line around `price`: max(base + rate × price, minimum).
 * Every basis is such a line between its tier bounds — `portion` charges each tier's rate on the part of the price
 * inside it, so above a bound the lower tiers add a fixed amount (base); the others charge one tier's rate on the whole
 * price (base 0). The one form serves referralFee below and the BigQuery flavour, where SQL evaluates the same line for
 * each day's average price of a SKU (src/bigquery/raw/kpiInputs.ts), so the rule is written once.
 */
export interface ReferralLine {
  base: number;
  rate: number;
  /** The per-item minimum, 0 for categories without one. */
  minimum: number;
}

export function referralLine(price: number, category: string, date: string): ReferralLine {
  const schedule = scheduleFor(REFERRAL_SCHEDULES, date, 'referral');
  const match = findCategory(schedule, category);
  if (!match) throw new KpiInputError('fn.error.unknownCategory', { category: category.slice(0, 60) });
  const minimum = match.minimumFee ?? 0;
  if (match.basis !== 'portion') {
    const tier = match.tiers.find((candidate) => candidate.upTo === undefined || price <= candidate.upTo);
    return { base: 0, rate: tier?.rate ?? 0, minimum };
  }
  // A price at or below 0 has no part in any tier: no fee but the minimum.
  if (price <= 0) return { base: 0, rate: 0, minimum };
  let base = 0;
  let lower = 0;
  for (const tier of match.tiers) {
    const upper = tier.upTo ?? Infinity;
    if (price <= upper) return { base: base - lower * tier.rate, rate: tier.rate, minimum };
    base += (upper - lower) * tier.rate;
    lower = upper;
  }
  return { base, rate: 0, minimum };
}

/** The Amazon US referral fee for one item: max(rate(s) × total sales price, per-item minimum), to the cent. */
export function referralFee(price: number, category: string, date: string): number {
  return referralFeeOnLine(referralLine(price, category, date), price);
}

/** The referral fee of one item at `price` on its line, to the cent (half away from zero, as every amount here). */
export function referralFeeOnLine(line: ReferralLine, price: number): number {
  return roundCents(Math.max(line.base + line.rate * price, line.minimum));
}

/**
 * The prices at which the fees of one item may change form on `date`: the fulfilment schedule's price bands and the
 * category's referral tier bounds. Between two of them (and at each one) referralLine is one line and the fulfilment
 * fee one amount, which is what lets a fee card list a few price pieces instead of every price.
 */
export function feePriceBounds(category: string, date: string): number[] {
  const bounds = new Set<number>();
  for (const band of scheduleFor(FULFILLMENT_SCHEDULES, date, 'FBA').priceBands) {
    if (band.below !== undefined) bounds.add(band.below);
    if (band.upTo !== undefined) bounds.add(band.upTo);
  }
  const match = findCategory(scheduleFor(REFERRAL_SCHEDULES, date, 'referral'), category);
  for (const tier of match?.tiers ?? []) if (tier.upTo !== undefined) bounds.add(tier.upTo);
  return [...bounds].sort((a, b) => a - b);
}

/**
 * The days on which some fee table changes (a schedule starts, or the day after one ends; a peak window or a surcharge
 * starts or ends), sorted: between two of them every fee of an item is the same on each day. The first is the first
 * day any table covers; from the last on, none does.
 */
export function feeTableChangeDays(): string[] {
  const days = new Set<string>();
  const dayAfter = (day: string): string =>
    new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const dated: { from: string; to?: string }[] = [
    ...FULFILLMENT_SCHEDULES.map((schedule) => ({ from: schedule.effectiveFrom, to: schedule.effectiveTo })),
    ...REFERRAL_SCHEDULES.map((schedule) => ({ from: schedule.effectiveFrom, to: schedule.effectiveTo })),
    ...FULFILLMENT_SCHEDULES.flatMap((schedule) => (schedule.peak ? [schedule.peak] : [])),
    ...FULFILLMENT_SURCHARGES,
  ];
  for (const { from, to } of dated) {
    days.add(from);
    if (to) days.add(dayAfter(to));
  }
  return [...days].sort();
}
