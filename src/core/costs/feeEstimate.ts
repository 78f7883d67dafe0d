/**
 * Estimated Amazon fees for days no payments report covers: the referral fee of the SKU's category and the FBA
 * fulfilment fee of its size, from the dated fee tables of the KPI functions (src/core/kpi/fees.ts, data/fees/).
 *
 * Assumptions, stated because the facts do not carry them: every Amazon unit is fulfilled by Amazon (All Orders rows
 * of merchant-fulfilled orders would be over-charged the FBA fee), and the price of a unit is the day's average
 * (revenue / units) for that SKU. Other channels have no fee tables here: their fees come only from payments reports.
 *
 * The fulfilment fee is what Amazon charges on the day: the holiday peak amount in its window and the 3.5% fuel and
 * logistics surcharge from 2026-04-17 (data/fees/). A day no fee table covers, or a peak band whose rate is unknown,
 * leaves the estimate blank with the reason as a Data Issue: never the nearest table's number.
 */
import { type CostEntry, type PackageDimensions } from './costs';
import { fulfillmentFee, type ReferralLine, referralFeeOnLine, referralLine } from '../kpi/fees';
import { type FeeEstimate, type FeeEstimateRequest, type FeeEstimator } from '../summary/summarize';

function kpiErrorReason(error: unknown): FeeEstimate | null {
  // KpiInputError carries a catalogue key; checked by shape because the bundle and tests may have two class objects.
  if (typeof error === 'object' && error !== null && 'key' in error && 'params' in error) {
    const { key, params } = error as { key: unknown; params: unknown };
    if (typeof key === 'string' && typeof params === 'object' && params !== null) {
      return { unknown: { key, params: params as Record<string, string | number> } };
    }
  }
  return null;
}

export interface AmazonFeeEstimateOptions {
  /** false leaves the fuel and logistics surcharge out of the fulfilment fee (what a what-if without it shows). */
  fuelSurcharge: boolean;
}

/** The summary's fee estimator; `estimateAmazonFees` below is the one the build uses (surcharge included). */
export function makeAmazonFeeEstimator(options: AmazonFeeEstimateOptions): FeeEstimator {
  return (request) => estimate(request, options);
}

/** What Amazon charges per unit sold at `unitPrice` on `date`: the referral fee's line and the fulfilment fee. */
export interface AmazonUnitFees {
  referral: ReferralLine;
  fulfilment: number;
}

/** A cost row that names what the fee tables need: a referral category and the package dimensions. */
export type FeeCostEntry = CostEntry & { dimensions: PackageDimensions };

export function hasFeeInputs(cost: CostEntry | null): cost is FeeCostEntry {
  return !!cost && cost.category !== '' && !!cost.dimensions;
}

/**
 * The per-unit fees of one unit: the one place that decides how the fee tables are asked (surcharge by option, the
 * peak amount by the date's window). The summary's estimate multiplies it by the units; the BigQuery flavour lists it
 * per price piece for SQL to multiply (src/bigquery/raw/kpiInputs.ts). Throws KpiInputError as the tables do.
 */
export function amazonUnitFees(
  cost: FeeCostEntry,
  unitPrice: number,
  date: string,
  options: AmazonFeeEstimateOptions,
): AmazonUnitFees {
  // The referral table first: when both fail, the reason is the one the estimate always gave.
  const referral = referralLine(unitPrice, cost.category, date);
  const { weightLb, lengthIn, widthIn, heightIn } = cost.dimensions;
  const fulfilment = fulfillmentFee({
    weightLb,
    sides: [lengthIn, widthIn, heightIn],
    price: unitPrice,
    date,
    peak: undefined,
    fuelSurcharge: options.fuelSurcharge,
  });
  return { referral, fulfilment: fulfilment.fee };
}

function estimate(request: FeeEstimateRequest, options: AmazonFeeEstimateOptions): FeeEstimate {
  if (request.channel !== 'amazon') return { unknown: { key: 'issue.fees.noPayments' }, scope: 'channel' };
  const cost = request.cost;
  if (!hasFeeInputs(cost) || request.units <= 0) {
    return { unknown: { key: 'issue.fees.noCategory' } };
  }
  const unitPrice = request.revenue / request.units;
  try {
    const unit = amazonUnitFees(cost, unitPrice, request.date, options);
    return { fees: request.units * (referralFeeOnLine(unit.referral, unitPrice) + unit.fulfilment) };
  } catch (error) {
    const reason = kpiErrorReason(error);
    if (reason) return reason;
    throw error;
  }
}

/** How the build estimates: Amazon's fees as charged on the day, surcharge included. */
export const BUILD_FEE_OPTIONS: AmazonFeeEstimateOptions = { fuelSurcharge: true };

/** Amazon's fees as charged on the day, surcharge included. */
export const estimateAmazonFees: FeeEstimator = makeAmazonFeeEstimator(BUILD_FEE_OPTIONS);
