/**
 * The KPI Summary as cells: money is rounded to cents once, when it becomes a cell, the same way the export readers
 * round (half away from zero on the decimal value), so a figure does not depend on where it was rounded.
 */
import { roundCents as readerRoundCents } from '../../src/core/parse';
import { summaryTable } from '../../src/core/summary/table';
import { type SummaryRow } from '../../src/core/summary/types';

const row: SummaryRow = {
  date: '2026-03-02',
  channel: 'amazon',
  sku: 'SKU-A',
  units: 1,
  orders: 1,
  revenue: 25,
  adSpend: 0,
  adSales: 0,
  adClicks: 0,
  adImpressions: 0,
  returnedUnits: 0,
  // One unit at a unit_cost of $10.075 in the Costs sheet.
  cogs: 10.075,
  fees: 5,
  feesEstimated: false,
  // 25 − 10.075 − 5 = 9.925.
  grossProfit: 25 - 10.075 - 5,
  refunds: 0,
  reimbursements: 0,
};

function cellOf(column: string, fxUsdCny: number | null = null): unknown {
  const table = summaryTable([row], fxUsdCny);
  return table.rows[0]?.[table.header.indexOf(column)];
}

describe('KPI Summary cells', () => {
  it('round half a cent away from zero above $1 too: cogs $10.075 → 10.08, gross profit $9.925 → 9.93', () => {
    expect(cellOf('cogs')).toBe(10.08);
    expect(cellOf('gross_profit')).toBe(9.93);
  });

  it('round like the export readers do', () => {
    for (const amount of [10.075, 9.925, -10.075, 1.005, 89.97, 0.004]) {
      const table = summaryTable([{ ...row, revenue: amount }], null);
      expect(table.rows[0]?.[table.header.indexOf('revenue')]).toBe(readerRoundCents(amount));
    }
  });
});
