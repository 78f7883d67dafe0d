/**
 * Chinese ERP exports in the sidebar (SPEC §2c, issue 12 item 3): a LingXing, Mabang or Dianxiaomi order or profit
 * export's header fills the mapping form in, with the zone its times are written in, and the mapped sheet reads
 * those times in that zone and its store column as the channel where the store's name says one. Headers are the ones
 * EXPORTS §9.3 lists (sources in docs/EXPORTS-SOURCES.md); the numbers are made up and worked by hand.
 */
import { type CellGrid } from '../../src/core/cell';
import { translate } from '../../src/core/i18n';
import {
  headersAt,
  mappedDetection,
  mappedReportDefinition,
  mappingFromJson,
  type SheetMapping,
  suggestMapping,
} from '../../src/core/mapping';

const context = {
  sheetName: 'ERP',
  reportingTimeZone: 'America/Los_Angeles',
  spreadsheetTimeZone: 'Asia/Shanghai',
  period: null,
};

function suggestionFor(header: readonly string[]) {
  return suggestMapping('orders', headersAt([[...header]], 1));
}

function mappingFor(rows: CellGrid): SheetMapping {
  const suggestion = suggestMapping('orders', headersAt(rows, 1));
  return {
    sheetId: 1,
    sheetName: 'ERP',
    kind: 'orders',
    channel: 'amazon',
    headerRow: 1,
    columns: suggestion.columns,
    period: null,
    ...(suggestion.timeZone ? { timeZone: suggestion.timeZone } : {}),
  };
}

function read(mapping: SheetMapping, rows: CellGrid) {
  return mappedReportDefinition(mapping).parse(rows, mappedDetection(mapping), context);
}

/** A LingXing order export: the UI export's known columns (EXPORTS §9.3), then quantity, sales and currency. */
const LINGXING_ORDERS: CellGrid = [
  ['店铺', '订单号', '订购日期', '订单状态', 'MSKU', 'ASIN', '数量', '销售额', '币种'],
  [
    'FishersCove-US',
    '113-0000001-0000001',
    '2026-03-02 09:00:00',
    'Shipped',
    'NET-3FT',
    'B096MCMDPL',
    '2',
    '$39.98',
    'USD',
  ],
  ['沃尔玛旗舰店', 'W-1002', '2026-03-02 23:30:00', 'Shipped', 'NET-4FT', '', '1', 'US$25.00', 'USD'],
  [
    'FishersCove-US',
    '113-0000003-0000003',
    '2026-03-03 08:00:00',
    'Canceled',
    'NET-3FT',
    'B096MCMDPL',
    '1',
    '$19.99',
    'USD',
  ],
  [
    'FishersCove-US',
    '113-0000004-0000004',
    '2026-03-03 10:00:00',
    'Shipped',
    'NET-3FT',
    'B096MCMDPL',
    '1',
    '￥140.00',
    'CNY',
  ],
];

describe('the mapping form filled in from a Chinese ERP export', () => {
  it('LingXing order export: order id, MSKU, date, quantity, sales, status, currency and store; marketplace time', () => {
    const suggestion = suggestionFor(LINGXING_ORDERS[0] as string[]);
    expect(suggestion).toEqual({
      columns: {
        orderId: '订单号',
        sku: 'msku',
        date: '订购日期',
        quantity: '数量',
        revenue: '销售额',
        status: '订单状态',
        currency: '币种',
        store: '店铺',
      },
      preset: { erp: 'lingxing', export: 'orders' },
      zoneSource: 'erpDefault',
      zoneHeader: null,
    });
  });

  it('a column that states 北京时间 sets the zone to Asia/Shanghai', () => {
    const suggestion = suggestionFor(['订单号', 'MSKU', '店铺', '发货时间（北京时间）', '数量', '销售额']);
    expect(suggestion).toMatchObject({
      columns: { orderId: '订单号', sku: 'msku', date: '发货时间（北京时间）', store: '店铺' },
      timeZone: 'Asia/Shanghai',
      zoneSource: 'header',
      zoneHeader: '发货时间（北京时间）',
    });
  });

  it('a column that states 站点时间 keeps marketplace time', () => {
    const suggestion = suggestionFor(['订单号', 'MSKU', '店铺', '订购时间（站点时间）', '数量', '销售额']);
    expect(suggestion).toMatchObject({ columns: { date: '订购时间（站点时间）' }, zoneSource: 'header' });
    expect(suggestion.timeZone).toBeUndefined();
  });

  it('LingXing profit report by order: 结算时间 is the date, 店铺名 the store, 币种 the currency', () => {
    const suggestion = suggestionFor([
      '店铺名',
      '国家',
      '结算编号',
      'MSKU',
      'asin',
      '订单类型',
      '销售额',
      '平台费',
      '结算时间',
      '订单号',
      '销量',
      '币种',
    ]);
    expect(suggestion).toMatchObject({
      preset: { erp: 'lingxing', export: 'profit' },
      columns: {
        orderId: '订单号',
        sku: 'msku',
        date: '结算时间',
        quantity: '销量',
        revenue: '销售额',
        currency: '币种',
        store: '店铺名',
      },
      zoneSource: 'erpDefault',
    });
  });

  it('Mabang order export: 订单编号, SKU, 发货时间, 平台SKU数量, 店铺名; its zone is not stated, so the user is asked', () => {
    const suggestion = suggestionFor([
      '订单编号',
      '店铺名',
      '订单商品名称',
      '平台SKU数量',
      '发货时间',
      '国家',
      '所属地区（省/州）',
      '所属城市',
      'SKU',
    ]);
    expect(suggestion).toEqual({
      columns: {
        orderId: '订单编号',
        sku: 'sku',
        date: '发货时间',
        quantity: '平台sku数量',
        store: '店铺名',
      },
      preset: { erp: 'mabang', export: 'orders' },
      zoneSource: 'unknown',
      zoneHeader: null,
    });
  });

  it('Dianxiaomi order export: 订单号 and SKU from its preset, the rest from the general names', () => {
    const suggestion = suggestionFor(['订单号', 'SKU', '产品规格', '下单时间', '数量', '单价']);
    expect(suggestion).toMatchObject({
      preset: { erp: 'dianxiaomi', export: 'orders' },
      columns: { orderId: '订单号', sku: 'sku', date: '下单时间', quantity: '数量', unitPrice: '单价' },
      zoneSource: 'unknown',
    });
  });

  it("a table cut from an All Orders report keeps Amazon's names: amazon-order-id is the order id", () => {
    const header = [
      'amazon-order-id',
      'purchase-date',
      'sku',
      'quantity',
      'item-price',
      'order-status',
      'currency',
    ];
    expect(suggestionFor(header)).toMatchObject({
      preset: null,
      columns: {
        orderId: 'amazon-order-id',
        date: 'purchase-date',
        sku: 'sku',
        quantity: 'quantity',
        revenue: 'item-price',
        status: 'order-status',
        currency: 'currency',
      },
    });
  });

  it('an export of no known ERP gets the general suggestions and no preset', () => {
    expect(suggestionFor(['订单号', 'SKU', '下单时间', '数量', '单价'])).toMatchObject({
      preset: null,
      columns: { orderId: '订单号', sku: 'sku', date: '下单时间', quantity: '数量', unitPrice: '单价' },
    });
  });
});

describe('a mapped ERP sheet', () => {
  it('LingXing order lines in marketplace time: their written day, the store naming Walmart as the channel', () => {
    const result = read(mappingFor(LINGXING_ORDERS), LINGXING_ORDERS);
    expect(result.facts).toEqual([
      expect.objectContaining({
        orderId: '113-0000001-0000001',
        channel: 'amazon',
        date: '2026-03-02',
        quantity: 2,
        revenueCents: 3998,
        state: 'sold',
      }),
      expect.objectContaining({
        orderId: 'W-1002',
        channel: 'walmart',
        date: '2026-03-02',
        revenueCents: 2500,
      }),
      expect.objectContaining({ orderId: '113-0000003-0000003', state: 'cancelled' }),
    ]);
    // The yuan amount is not read as dollars: the row is listed, with the reason.
    expect(result.issues).toEqual([
      {
        sheet: 'ERP',
        row: 5,
        key: '113-0000004-0000004',
        reason: { key: 'mapping.issue.notUsDollars', params: { column: '销售额', value: '￥140.00' } },
      },
    ]);
    const [issue] = result.issues;
    expect(issue && translate('zh', issue.reason.key, issue.reason.params)).toBe(
      '销售额：“￥140.00”是其他币种的金额，不是美元。',
    );
  });

  it('a line whose currency column names another currency is left out and counted under that currency, even when its amount has no symbol (SPEC §2: US dollars only)', () => {
    const rows: CellGrid = [
      ['订单号', 'MSKU', '订购日期', '数量', '销售额', '币种'],
      ['113-1', 'NET-3FT', '2026-03-02 09:00:00', '1', '19.99', 'USD'],
      ['113-2', 'NET-3FT', '2026-03-02 10:00:00', '1', '140.00', 'CNY'],
      ['113-3', 'NET-3FT', '2026-03-02 11:00:00', '2', '280.50', 'cny'],
      ['113-4', 'NET-3FT', '2026-03-02 12:00:00', '1', '24.99', ''],
      ['113-5', 'NET-3FT', '2026-03-02 13:00:00', '1', '30.00', 'CAD'],
    ];
    const result = read(
      {
        ...mappingFor(rows),
        columns: {
          orderId: '订单号',
          sku: 'msku',
          date: '订购日期',
          quantity: '数量',
          revenue: '销售额',
          currency: '币种',
        },
      },
      rows,
    );
    // Blank is the export's own currency, which a US seller's ERP writes in dollars.
    expect(
      result.facts.map((fact) => (fact.kind === 'orderLine' ? [fact.orderId, fact.revenueCents] : null)),
    ).toEqual([
      ['113-1', 1999],
      ['113-4', 2499],
    ]);
    // Rows in = rows counted + rows listed + rows excluded (SPEC §2a): 5 = 2 + 0 + 3.
    expect(result.rowsRead).toBe(5);
    expect(result.rowsExcluded).toBe(3);
    // One issue per currency, with its lines and amount in that currency (140.00 + 280.50).
    expect(result.issues).toEqual([
      {
        sheet: 'ERP',
        row: 0,
        key: 'CNY',
        reason: { key: 'issue.otherMarketLines', params: { market: 'CNY', lines: 2, amount: '420.50' } },
      },
      {
        sheet: 'ERP',
        row: 0,
        key: 'CAD',
        reason: { key: 'issue.otherMarketLines', params: { market: 'CAD', lines: 1, amount: '30.00' } },
      },
    ]);
  });

  it('times in 北京时间 move to the Los Angeles day: 09:00 in Beijing is 17:00 the day before in Los Angeles', () => {
    const rows: CellGrid = [
      ['订单号', 'MSKU', '店铺', '发货时间（北京时间）', '数量', '销售额'],
      ['113-1', 'NET-3FT', 'FishersCove-US', '2026-03-02 09:00:00', '1', '19.99'],
      // 17:00 Beijing is 01:00 in Los Angeles the same day (PST, UTC−8; Beijing UTC+8).
      ['113-2', 'NET-3FT', 'FishersCove-US', '2026-03-02 17:00:00', '1', '19.99'],
      // A day without a time has no instant to move: it stays the day written.
      ['113-3', 'NET-3FT', 'FishersCove-US', '2026-03-04', '1', '19.99'],
    ];
    const mapping = mappingFor(rows);
    expect(mapping.timeZone).toBe('Asia/Shanghai');
    expect(read(mapping, rows).facts.map((fact) => ('date' in fact ? fact.date : null))).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-04',
    ]);
    // The same sheet confirmed as marketplace time keeps every written day.
    const { timeZone, ...marketplace } = mapping;
    void timeZone;
    expect(read(marketplace, rows).facts.map((fact) => ('date' in fact ? fact.date : null))).toEqual([
      '2026-03-02',
      '2026-03-02',
      '2026-03-04',
    ]);
  });

  it('a stored mapping keeps its zone; an unknown zone is dropped (marketplace time), not the whole mapping', () => {
    const stored = { ...mappingFor(LINGXING_ORDERS), timeZone: 'Asia/Shanghai' };
    expect(mappingFromJson(JSON.parse(JSON.stringify(stored)))?.timeZone).toBe('Asia/Shanghai');
    const odd = mappingFromJson({ ...stored, timeZone: 'Mars/Olympus_Mons' });
    expect(odd).not.toBeNull();
    expect(odd && 'timeZone' in odd).toBe(false);
  });
});
