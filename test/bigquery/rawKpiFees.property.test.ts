/**
 * Issue 15, item 4: the Amazon fees SQL estimates for the Drive folder's KPI rows (fee cards of kpiInputs.ts, applied
 * by sql/staging/raw_kpi_summary.sql: per unit, the fulfilment fee plus the referral line's fee rounded to the cent)
 * equal the build's own estimate (estimateAmazonFees: referralFee + fulfillmentFee on the day's average price) for any
 * referral category, package, day of the fee tables (holiday peaks and the 2026 surcharge included), price — prices on
 * a tier or band bound too — and units; unknown (NULL) exactly where the build's estimate is unknown.
 */
import fc from 'fast-check';
import referralData from '../../data/fees/amazon-us-referral.json';
import { type CostEntry, type CostTable } from '../../src/core/costs/costs';
import { estimateAmazonFees } from '../../src/core/costs/feeEstimate';
import { EMPTY_PRODUCTS } from '../../src/core/inventory/products';
import { addDays } from '../../src/core/time';
import { type KpiOrderLine, runKpiSql } from './rawDuckDb';

const CATEGORIES = referralData.schedules[1]?.categories.map((category) => category.en) ?? [];
/** Every price bound of the fee tables, where a piece starts or ends. */
const BOUNDS = [10, 15, 20, 50, 100, 200, 250, 300, 500, 1000, 1500, 5000];

const saleCase = fc.record({
  category: fc.constantFrom(...CATEGORIES, 'Not a category'),
  weightLb: fc.double({ min: 0.05, max: 60, noNaN: true }),
  sides: fc.tuple(
    fc.double({ min: 0.2, max: 40, noNaN: true }),
    fc.double({ min: 0.2, max: 30, noNaN: true }),
    fc.double({ min: 0.2, max: 20, noNaN: true }),
  ),
  // From before the first fee table (2025-01-15) to after the last (2027-01-14).
  day: fc.integer({ min: 0, max: 760 }).map((offset) => addDays('2025-01-05', offset)),
  units: fc.integer({ min: 1, max: 4 }),
  unitPriceCents: fc.oneof(
    fc.integer({ min: 1, max: 600_000 }),
    fc.constantFrom(...BOUNDS).map((bound) => bound * 100),
    fc.constantFrom(...BOUNDS).map((bound) => bound * 100 + 1),
    fc.constantFrom(...BOUNDS).map((bound) => bound * 100 - 1),
  ),
});

const cents = (value: unknown): string | null =>
  value === null || value === undefined ? null : Number(value).toFixed(2);

describe('Amazon fees of the Drive folder KPI rows', () => {
  it('property: SQL on the fee cards gives the build estimate to the cent, or NULL where it has none', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(saleCase, { minLength: 1, maxLength: 25 }), async (cases) => {
        const bySku = new Map<string, CostEntry[]>();
        const lines: KpiOrderLine[] = [];
        cases.forEach((sale, index) => {
          const sku = `SKU-${index}`;
          bySku.set(sku, [
            {
              sku,
              unitCost: 1,
              currency: 'USD',
              firstLegPerUnit: 0,
              firstLegCurrency: 'USD',
              dutyRate: 0,
              effectiveFrom: null,
              category: sale.category,
              dimensions: {
                weightLb: sale.weightLb,
                lengthIn: sale.sides[0],
                widthIn: sale.sides[1],
                heightIn: sale.sides[2],
              },
              row: index + 2,
            },
          ]);
          lines.push({
            channel: 'amazon',
            orderId: `order-${index}`,
            sku,
            date: sale.day,
            state: 'sold',
            quantity: sale.units,
            revenue: ((sale.unitPriceCents * sale.units) / 100).toFixed(2),
          });
        });
        const costs: CostTable = { bySku };
        const rows = await runKpiSql(lines, { costs, fxUsdCny: 7.1, products: EMPTY_PRODUCTS });
        const bySkuRow = new Map(rows.map((row) => [String(row['sku']), row]));
        for (const [index, sale] of cases.entries()) {
          const sku = `SKU-${index}`;
          const line = lines[index] as KpiOrderLine;
          const estimate = estimateAmazonFees({
            channel: 'amazon',
            sku,
            date: sale.day,
            units: sale.units,
            revenue: Number(line.revenue),
            cost: bySku.get(sku)?.[0] ?? null,
          });
          const expected = 'fees' in estimate ? cents(estimate.fees) : null;
          expect([sku, sale, cents(bySkuRow.get(sku)?.['fees'])]).toEqual([sku, sale, expected]);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
