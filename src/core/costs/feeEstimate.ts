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
import { fulfillmentFee, referralFee } from '../kpi/fees';
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

function estimate(request: FeeEstimateRequest, options: AmazonFeeEstimateOptions): FeeEstimate {
  if (request.channel !== 'amazon') return { unknown: { key: 'issue.fees.noPayments' }, scope: 'channel' };
  const cost = request.cost;
  if (!cost || cost.category === '' || !cost.dimensions || request.units <= 0) {
    return { unknown: { key: 'issue.fees.noCategory' } };
  }
  const unitPrice = request.revenue / request.units;
  try {
    const referralPerUnit = referralFee(unitPrice, cost.category, request.date);
    const { weightLb, lengthIn, widthIn, heightIn } = cost.dimensions;
    const fulfilment = fulfillmentFee({
      weightLb,
      sides: [lengthIn, widthIn, heightIn],
      price: unitPrice,
      date: request.date,
      peak: undefined,
      fuelSurcharge: options.fuelSurcharge,
    });
    return { fees: request.units * (referralPerUnit + fulfilment.fee) };
  } catch (error) {
    const reason = kpiErrorReason(error);
    if (reason) return reason;
    throw error;
  }
}

/** Amazon's fees as charged on the day, surcharge included. */
export const estimateAmazonFees: FeeEstimator = makeAmazonFeeEstimator({ fuelSurcharge: true });
