/**
 * What the KPI rows of the Drive folder's facts need from the workbook (issue 15, item 4): the small tables SQL cannot
 * know, computed here by the add-on's own rules and loaded beside the facts, so that BigQuery only joins, multiplies
 * and sums (sql/staging/raw_kpi_summary.sql):
 * - `_seller_kpi_costs`: per SKU and Costs row, the days the row is in force (costInForce: the latest effective_from on
 *   or before the day) and its landed unit cost in USD (landedUnitCostUsd, at the build's USD→CNY rate; NULL when a CNY
 *   cost has no rate);
 * - `_seller_kpi_fee_cards`: per SKU, period and price piece, the Amazon fees of one unit as the build estimates them
 *   (amazonUnitFees): the fulfilment fee, and the referral fee's line (max(base + rate × price, minimum), rounded to the
 *   cent per unit as referralFee rounds it). A period is a stretch of days in which neither the SKU's Costs row nor any
 *   fee table changes (feeTableChangeDays); a piece is one price bound (feePriceBounds) or the open range between two,
 *   where both fees keep one form. So a fee card is a few dozen rows per SKU, whatever the number of sales;
 * - `_seller_kpi_levels`: each Products SKU's category and owner (levelsFromProducts; others are "(none)" in SQL).
 * A SKU without category or dimensions, a day no fee table covers, a peak band without a published rate: no card, so
 * the SQL leaves fees (and profit) NULL, as the KPI Summary leaves them blank.
 */
import { type CostEntry, type CostTable, landedUnitCostUsd } from '../../core/costs/costs';
import { amazonUnitFees, BUILD_FEE_OPTIONS, hasFeeInputs } from '../../core/costs/feeEstimate';
import { type ProductsTable } from '../../core/inventory/products';
import { feePriceBounds, feeTableChangeDays } from '../../core/kpi/fees';
import { levelsFromProducts } from '../../core/levels/levels';
import { type IsoDate } from '../../core/model';
import { addDays } from '../../core/time';
import { type TableSpec } from '../client';
import { decimalText, type LoadRow } from '../schema';

export const KPI_INPUT_TABLES = {
  costs: '_seller_kpi_costs',
  feeCards: '_seller_kpi_fee_cards',
  levels: '_seller_kpi_levels',
} as const;

const field = (name: string, type: string): TableSpec['fields'][number] => ({ name, type, mode: 'NULLABLE' });

export const KPI_INPUT_SPECS: readonly TableSpec[] = [
  {
    tableId: KPI_INPUT_TABLES.costs,
    partitionField: null,
    description:
      'Seller KPI: landed unit cost in USD per SKU and Costs row, from the workbook (for the Drive folder)',
    fields: [
      field('sku', 'STRING'),
      field('from_date', 'DATE'),
      field('to_date', 'DATE'),
      field('landed_unit_cost_usd', 'NUMERIC'),
    ],
  },
  {
    tableId: KPI_INPUT_TABLES.feeCards,
    partitionField: null,
    description: 'Seller KPI: Amazon fees of one unit per SKU, period and price piece, from the fee tables',
    fields: [
      field('sku', 'STRING'),
      field('from_date', 'DATE'),
      field('to_date', 'DATE'),
      field('price_from', 'NUMERIC'),
      field('price_to', 'NUMERIC'),
      field('at_price', 'BOOLEAN'),
      field('fulfilment_fee', 'NUMERIC'),
      field('referral_base', 'NUMERIC'),
      field('referral_rate', 'NUMERIC'),
      field('referral_minimum', 'NUMERIC'),
    ],
  },
  {
    tableId: KPI_INPUT_TABLES.levels,
    partitionField: null,
    description: 'Seller KPI: category and owner per SKU, from the Products sheet',
    fields: [field('sku', 'STRING'), field('category', 'STRING'), field('owner', 'STRING')],
  },
];

/** Each Costs row of a SKU with the days it is in force; a row shadowed by a later one of the same day drops out. */
function costPeriods(
  entries: readonly CostEntry[],
): { entry: CostEntry; from: IsoDate | null; to: IsoDate | null }[] {
  const periods: { entry: CostEntry; from: IsoDate | null; to: IsoDate | null }[] = [];
  for (const [index, entry] of entries.entries()) {
    const next = entries[index + 1];
    // costInForce walks the rows oldest first and keeps the last that has taken effect: of two rows of one day, the later.
    if (next && next.effectiveFrom === entry.effectiveFrom) continue;
    const to = next && next.effectiveFrom !== null ? addDays(next.effectiveFrom, -1) : null;
    periods.push({ entry, from: entry.effectiveFrom, to });
  }
  return periods;
}

export function costRows(costs: CostTable, fxUsdCny: number | null): LoadRow[] {
  const rows: LoadRow[] = [];
  for (const [sku, entries] of costs.bySku) {
    for (const { entry, from, to } of costPeriods(entries)) {
      const unitCost = landedUnitCostUsd(entry, fxUsdCny);
      rows.push({
        sku,
        from_date: from,
        to_date: to,
        landed_unit_cost_usd: unitCost === null ? null : decimalText(unitCost),
      });
    }
  }
  return rows;
}

/** A price piece: one bound (`at`), or the open range between two (null = no bound on that side). */
type PricePiece = { at: number } | { above: number | null; below: number | null };

function pricePieces(bounds: readonly number[]): PricePiece[] {
  const pieces: PricePiece[] = [];
  let previous: number | null = null;
  for (const bound of bounds) {
    pieces.push({ above: previous, below: bound }, { at: bound });
    previous = bound;
  }
  pieces.push({ above: previous, below: null });
  return pieces;
}

/** A price inside the piece, at which both fees have the piece's form. */
function pricePicked(piece: PricePiece): number {
  if ('at' in piece) return piece.at;
  if (piece.above === null) return (piece.below ?? 1) - 1;
  if (piece.below === null) return piece.above + 1;
  return (piece.above + piece.below) / 2;
}

/**
 * What the fee tables answer, or null when they refuse (KpiInputError: a catalogue key and its parameters, checked by
 * shape as feeEstimate.ts does); any other error is a fault and is thrown.
 */
function askFeeTables<T>(ask: () => T): T | null {
  try {
    return ask();
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'key' in error && 'params' in error) return null;
    throw error;
  }
}

export function feeCardRows(costs: CostTable): LoadRow[] {
  const changeDays = feeTableChangeDays();
  const rows: LoadRow[] = [];
  for (const [sku, entries] of costs.bySku) {
    for (const { entry, from, to } of costPeriods(entries)) {
      if (!hasFeeInputs(entry)) continue;
      for (const [index, periodStart] of changeDays.entries()) {
        const nextChange = changeDays[index + 1];
        // From the last change day on, no fee table covers a day: no card.
        if (nextChange === undefined) break;
        const start = from !== null && from > periodStart ? from : periodStart;
        const periodEnd = addDays(nextChange, -1);
        const end = to !== null && to < periodEnd ? to : periodEnd;
        if (start > end) continue;
        const bounds = askFeeTables(() => feePriceBounds(entry.category, start));
        for (const piece of bounds ? pricePieces(bounds) : []) {
          const price = pricePicked(piece);
          const unit = askFeeTables(() => amazonUnitFees(entry, price, start, BUILD_FEE_OPTIONS));
          // No table for these days, an unknown category, a peak band without a rate: fees stay unknown (NULL).
          if (!unit) continue;
          const isPoint = 'at' in piece;
          rows.push({
            sku,
            from_date: start,
            to_date: end,
            price_from: isPoint
              ? decimalText(piece.at)
              : piece.above === null
                ? null
                : decimalText(piece.above),
            price_to: isPoint
              ? decimalText(piece.at)
              : piece.below === null
                ? null
                : decimalText(piece.below),
            at_price: isPoint,
            fulfilment_fee: decimalText(unit.fulfilment),
            referral_base: decimalText(unit.referral.base),
            referral_rate: decimalText(unit.referral.rate),
            referral_minimum: decimalText(unit.referral.minimum),
          });
        }
      }
    }
  }
  return rows;
}

export function levelRows(products: ProductsTable): LoadRow[] {
  const levels = levelsFromProducts(products);
  return [...products.bySku.keys()].map((sku) => ({ sku, ...levels.of(sku) }));
}

/** The three tables' rows for one build. */
export interface KpiInputs {
  costs: CostTable;
  fxUsdCny: number | null;
  products: ProductsTable;
}

export function kpiInputRows(inputs: KpiInputs): Map<string, LoadRow[]> {
  return new Map([
    [KPI_INPUT_TABLES.costs, costRows(inputs.costs, inputs.fxUsdCny)],
    [KPI_INPUT_TABLES.feeCards, feeCardRows(inputs.costs)],
    [KPI_INPUT_TABLES.levels, levelRows(inputs.products)],
  ]);
}
