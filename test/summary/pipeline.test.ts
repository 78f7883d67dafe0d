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
  'merchant-order-id',
  'fulfillment-channel',
  'order-channel',
  'ship-service-level',
  'product-name',
  'asin',
  'item-status',
  'item-tax',
  'shipping-price',
  'ship-promotion-discount',
  'ship-country',
  'is-business-order',
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

  it('counts fees once when a Date Range report and a Settlement report cover the same days (one payments source)', () => {
    const dateRangeHeader = [
      'date/time',
      'settlement id',
      'type',
      'order id',
      'sku',
      'description',
      'quantity',
      'marketplace',
      'fulfillment',
      'product sales',
      'promotional rebates',
      'selling fees',
      'fba fees',
      'other transaction fees',
      'other',
      'total',
    ];
    const settlementHeader = [
      'settlement-id',
      'settlement-start-date',
      'settlement-end-date',
      'deposit-date',
      'total-amount',
      'currency',
      'transaction-type',
      'order-id',
      'marketplace-name',
      'amount-type',
      'amount-description',
      'amount',
      'posted-date-time',
      'sku',
      'quantity-purchased',
    ];
    const settlementLine = (postedUtc: string, description: string, amount: string) => [
      '5492',
      '',
      '',
      '',
      '',
      '',
      'Order',
      '114-1',
      'Amazon.com',
      'ItemFees',
      description,
      amount,
      postedUtc,
      'MUG-01',
      '1',
    ];
    const result = build([
      {
        sheetName: 'Orders',
        rows: [
          ORDERS_HEADER,
          [
            '114-1',
            '2025-06-08T20:00:00+00:00',
            '2025-06-08T21:00:00+00:00',
            'Shipped',
            'Amazon.com',
            'MUG-01',
            '1',
            'USD',
            '20.00',
            '0',
          ],
          [
            '114-2',
            '2025-06-20T20:00:00+00:00',
            '2025-06-20T21:00:00+00:00',
            'Shipped',
            'Amazon.com',
            'MUG-01',
            '1',
            'USD',
            '20.00',
            '0',
          ],
        ],
      },
      {
        sheetName: 'Date Range',
        rows: [
          dateRangeHeader,
          [
            'Jun 8, 2025 1:00:00 PM PDT',
            '5492',
            'Order',
            '114-1',
            'MUG-01',
            'Mug',
            '1',
            'amazon.com',
            'Amazon',
            '20',
            '0',
            '-3.00',
            '-3.54',
            '0',
            '0',
            '13.46',
          ],
        ],
      },
      {
        sheetName: 'Settlement',
        rows: [
          settlementHeader,
          // The same two fees of order 114-1, posted the next day in UTC: inside the Date Range report's period.
          settlementLine('2025-06-09 05:23:19 UTC', 'Commission', '-3.00'),
          settlementLine('2025-06-09 05:23:19 UTC', 'FBAPerUnitFulfillmentFee', '-3.54'),
          // A fee of 20 June, after the Date Range report's period: the settlement is the only source there.
          settlementLine('2025-06-20 22:00:00 UTC', 'Commission', '-3.00'),
        ],
      },
    ]);
    const feesByDay = new Map(result.summary.rows.map((row) => [row.date, row.fees]));
    // 8 June: 3.00 + 3.54 from the Date Range report alone, not 13.08 with the settlement's copy of the same money.
    expect(feesByDay.get('2025-06-08')).toBe(6.54);
    expect(feesByDay.get('2025-06-20')).toBe(3);
    const leftOut = result.issues.filter(
      (issue) => issue.reason.key === 'issue.settlementCoveredByDateRange',
    );
    expect(leftOut).toEqual([
      {
        sheet: 'Settlement',
        row: 0,
        key: 'Settlement',
        reason: { key: 'issue.settlementCoveredByDateRange', params: { lines: 2 } },
      },
    ]);
  });
});
