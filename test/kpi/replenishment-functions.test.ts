/**
 * KPI_REORDER_QTY and KPI_STOCKOUT_DATE (issue 11, item 5): the Inventory sheet's rules as functions, through the same
 * code (src/core/inventory/replenishment.ts). Figures worked by hand in each comment.
 */
import { kpiReorderQty, kpiStockoutDate } from '../../src/core/kpi/functions';

describe('KPI_REORDER_QTY', () => {
  it('orders whole case packs, at least the MOQ', () => {
    // 90 × 1 + 5 − 80 = 15 needed; the MOQ of 100 lifts it; 100 / 12 → 9 cartons = 108.
    expect(kpiReorderQty(1, 45, 5, 80, 0, 90, 12, 100)).toBe(108);
  });

  it('is 0 when stock and inbound cover the target: the MOQ applies only to an order', () => {
    // 90 × 4 + 23 − 300 − 100 = −17.
    expect(kpiReorderQty(4, 45, 23, 300, 100, 90, 12, 100)).toBe(0);
  });

  it('takes the Inventory sheet’s defaults for blank arguments: no inbound, 90 days, single units, no MOQ', () => {
    // 90 × 2 + 10 − 50 = 140.
    expect(kpiReorderQty(2, 45, 10, 50)).toBe(140);
  });

  it('refuses a case pack below 1 and negative stock, naming the argument', () => {
    expect(() => kpiReorderQty(2, 45, 10, 50, 0, 90, 0)).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ arg: 'case_pack' }) }),
    );
    expect(() => kpiReorderQty(2, 45, 10, -1)).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ arg: 'on_hand' }) }),
    );
  });
});

describe('KPI_STOCKOUT_DATE', () => {
  const context = { today: '2026-03-01', timeZone: 'Asia/Shanghai' };

  it('is the day the stock runs out, as midnight of that day in the spreadsheet’s zone', () => {
    // 105 / 10 = 10 whole days from 1 March: 11 March, 00:00 in Shanghai = 10 March 16:00 UTC.
    expect(kpiStockoutDate(context, 105, 10)).toEqual(new Date('2026-03-10T16:00:00Z'));
    expect(kpiStockoutDate(context, 105, 10, '2026-04-01')).toEqual(new Date('2026-04-10T16:00:00Z'));
  });

  it('is blank when nothing sells, and today when nothing is left', () => {
    expect(kpiStockoutDate(context, 50, 0)).toBe('');
    expect(kpiStockoutDate(context, 0, 3)).toEqual(new Date('2026-02-28T16:00:00Z'));
  });
});
