/** A mapped sheet read like a known export: values through the shared cell parsers, bad rows as Data Issues. */
import {
  mappedDetection,
  mappedReportDefinition,
  type SheetMapping,
  validateMapping,
  headersAt,
} from '../../src/core/mapping';
import { type CellGrid } from '../../src/core/cell';

const context = (period: { from: string; to: string } | null = null) => ({
  sheetName: 'Mapped',
  reportingTimeZone: 'America/Los_Angeles',
  spreadsheetTimeZone: 'Asia/Shanghai',
  period,
});

function read(mapping: SheetMapping, rows: CellGrid, period: { from: string; to: string } | null = null) {
  return mappedReportDefinition(mapping).parse(rows, mappedDetection(mapping), context(period));
}

const base = { sheetId: 7, sheetName: 'Mapped', channel: 'amazon' as const, headerRow: 1, period: null };

describe('a mapped sheet', () => {
  it('reads ad rows with money and counts as exported, an offset timestamp on its Los Angeles day', () => {
    const mapping: SheetMapping = {
      ...base,
      kind: 'ads',
      columns: {
        date: 'day',
        campaign: 'campaign',
        sku: 'sku',
        spend: 'cost',
        sales: 'sales',
        clicks: 'clicks',
      },
    };
    const rows: CellGrid = [
      ['Day', 'Campaign', 'SKU', 'Cost', 'Sales', 'Clicks'],
      ['2026-03-02T03:00:00+00:00', 'Auto – mugs', '00501', '$1,204.50', '(3.00)', '1,204'],
      ['2026-03-02', 'Manual', 'MUG-3-4', '12.345', '', ''],
      ['2026-03-03', 'Manual', 'MUG-3-4', 'twelve', '', ''],
    ];
    const result = read(mapping, rows);
    expect(result.facts).toEqual([
      expect.objectContaining({
        kind: 'ad',
        date: '2026-03-01',
        sku: '00501',
        spend: 1204.5,
        sales: -3,
        clicks: 1204,
        source: { sheet: 'Mapped' },
        row: 2,
      }),
      expect.objectContaining({ date: '2026-03-02', spend: 12.345, sales: 0, clicks: 0, impressions: 0 }),
    ]);
    expect(result.issues).toEqual([
      {
        sheet: 'Mapped',
        row: 4,
        key: 'MUG-3-4',
        reason: { key: 'mapping.issue.notANumber', params: { column: 'Cost', value: 'twelve' } },
      },
    ]);
    expect(result.dateRange).toEqual({ from: '2026-03-01', to: '2026-03-02' });
  });

  it('gives period traffic the period the user stated, and no date range', () => {
    const mapping: SheetMapping = {
      ...base,
      kind: 'periodTraffic',
      columns: { sku: 'sku', sessions: 'sessions' },
      period: { from: '2026-03-01', to: '2026-03-31' },
    };
    const result = read(
      mapping,
      [
        ['SKU', 'Sessions'],
        ['A', '12,131'],
      ],
      mapping.period,
    );
    expect(result.facts).toEqual([
      expect.objectContaining({
        kind: 'periodTraffic',
        sessions: 12131,
        period: { from: '2026-03-01', to: '2026-03-31' },
      }),
    ]);
    expect(result.dateRange).toBeNull();
  });

  it('is refused before saving when a required field, the price, or the period is missing', () => {
    const orders: SheetMapping = {
      ...base,
      kind: 'orders',
      columns: { orderId: 'id', date: 'date', quantity: 'qty' },
    };
    expect(validateMapping(orders, headersAt([['Id', 'Date', 'Qty']], 1))).toEqual([
      { code: 'missingField', field: 'sku' },
      { code: 'missingOneOf', fields: ['revenue', 'unitPrice'] },
    ]);
    const stock: SheetMapping = {
      ...base,
      kind: 'inventory',
      columns: { sku: 'sku', availableUnits: 'sku' },
    };
    expect(validateMapping(stock, ['sku'])).toEqual([
      { code: 'sameColumnTwice', header: 'sku' },
      { code: 'periodMissing' },
    ]);
  });

  it('leaves the sheet out with one issue when a mapped column was renamed since', () => {
    const mapping: SheetMapping = {
      ...base,
      kind: 'returns',
      columns: { date: 'date', sku: 'sku', quantity: 'qty' },
    };
    const result = read(mapping, [
      ['Date', 'SKU', 'Units'],
      ['2026-03-01', 'A', '1'],
    ]);
    expect(result.facts).toEqual([]);
    expect(result.issues).toEqual([
      {
        sheet: 'Mapped',
        row: 0,
        key: '',
        reason: { key: 'mapping.issue.columnGone', params: { column: 'qty' } },
      },
    ]);
  });
});
