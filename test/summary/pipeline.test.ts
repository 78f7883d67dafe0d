import { translate } from '../../src/core/i18n';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { detectKnownReport, runPipeline } from '../../src/core/summary/pipeline';

const ORDERS_HEADER = [
  'amazon-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'sales-channel',
  'sku',
  'quantity',
  'currency',
  'item-price',
  'item-promotion-discount',
];

function build(sources: { sheetName: string; rows: (string | number)[][] }[]) {
  return runPipeline({
    sources,
    costsRows: null,
    settings: { ...DEFAULT_SETTINGS },
    spreadsheetTimeZone: 'America/Los_Angeles',
    detect: detectKnownReport,
    language: 'en',
  });
}

describe('the build pipeline over whole sheets', () => {
  it('lists a sheet it does not recognise in Data Issues and keeps its rows out of the totals', () => {
    const result = build([
      {
        sheetName: 'All Orders',
        rows: [
          ORDERS_HEADER,
          [
            '111-1',
            '2026-03-02T20:00:00+00:00',
            '2026-03-02T21:00:00+00:00',
            'Shipped',
            'Amazon.com',
            'MUG-01',
            '2',
            'USD',
            '39.98',
            '0',
          ],
        ],
      },
      {
        sheetName: 'ERP export',
        rows: [
          ['单号', '金额'],
          ['A-1', '100'],
        ],
      },
      {
        sheetName: 'Sheet1',
        rows: [
          ['', ''],
          ['', ''],
        ],
      },
    ]);
    expect(result.summary.rows.map((row) => [row.sku, row.revenue])).toEqual([['MUG-01', 39.98]]);
    const unrecognised = result.issues.filter((issue) => issue.reason.key === 'issue.sheetNotRecognised');
    // An empty sheet is nothing to report; the ERP export is.
    expect(unrecognised.map((issue) => issue.sheet)).toEqual(['ERP export']);
    expect(translate('en', unrecognised[0]?.reason.key ?? '', unrecognised[0]?.reason.params)).toContain(
      'none of its rows are in the summary (rows: 2)',
    );
    expect(result.sources.find((source) => source.sheet === 'ERP export')?.type).toBeNull();
  });
});
