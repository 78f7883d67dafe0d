/**
 * SPEC §2 "US dollars of the US marketplace only" for a mapped ERP sheet, on the built add-on in a Los Angeles and a
 * Shanghai workbook: a line whose currency column names another currency is left out with one Data Issue per
 * currency, even when its amount carries no currency sign (`CNY` beside `140.00` was counted as $140.00).
 */
import { type Cell, GasWorld, loadDist } from '../gas-world';

type Script = Record<string, (...args: unknown[]) => unknown>;

/** A LingXing-style order export, times in marketplace time (no zone written). */
const ERP_ROWS: Cell[][] = [
  ['订单号', 'MSKU', '订购日期', '数量', '销售额', '币种'],
  ['113-0000001-0000001', 'NET-3FT', '2026-03-02 09:00:00', '2', '39.98', 'USD'],
  ['113-0000002-0000002', 'NET-3FT', '2026-03-02 10:00:00', '1', '140.00', 'CNY'],
  ['113-0000003-0000003', 'NET-4FT', '2026-03-03 11:00:00', '1', '24.99', ''],
];

describe.each(['America/Los_Angeles', 'Asia/Shanghai'])('a mapped order sheet in a %s workbook', (zone) => {
  it('counts its dollar lines and lists the yuan line under CNY with its amount', () => {
    const world = new GasWorld({
      spreadsheetTimeZone: zone,
      fxRateUsdCny: 7.2,
      now: new Date('2026-03-10T16:00:00Z'),
    });
    const sheet = world.addSheet('ERP orders', ERP_ROWS, 'text');
    const script = loadDist(world) as unknown as Script;
    const detail = world.runExecution(() =>
      script.sidebarSheetDetail?.(sheet.getSheetId(), null, 'orders'),
    ) as { mapping: Record<string, unknown> | null };
    world.runExecution(() =>
      script.sidebarSaveMapping?.({
        ...detail.mapping,
        columns: {
          orderId: '订单号',
          sku: 'msku',
          date: '订购日期',
          quantity: '数量',
          revenue: '销售额',
          currency: '币种',
        },
      }),
    );
    world.runExecution(() => script.buildKpiSummary?.());

    const summary = world.sheetValues('KPI Summary');
    const header = (summary[0] ?? []).map(String);
    const column = (name: string) => header.indexOf(name);
    const rows = summary
      .slice(1)
      .filter((row) => row[0] !== '')
      .map((row) => [
        String(row[column('sku')]),
        Number(row[column('units')]),
        Number(row[column('revenue')]),
      ]);
    // Hand-worked: NET-3FT 2 units 39.98 (the CNY line's 140.00 is not dollars); NET-4FT 24.99 (blank = dollars).
    expect(rows).toEqual([
      ['NET-3FT', 2, 39.98],
      ['NET-4FT', 1, 24.99],
    ]);
    const issues = world
      .sheetValues('Data Issues')
      .filter((row) => row[0] === 'ERP orders')
      .map((row) => [String(row[2]), String(row[3])]);
    expect(issues).toEqual([
      [
        'CNY',
        'Lines of CNY left out: 1, amount 140.00. Only US-dollar lines of the US marketplace are counted; ' +
          'nothing is ever added up across currencies.',
      ],
    ]);
  });
});
