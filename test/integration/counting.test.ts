/**
 * The counting rules of SPEC §2a (issue 9), each on the built dist/ in the local Apps Script world: exports pasted the
 * way users paste them (appended below in one tab, with and without the header row), a Pending line with no price,
 * lines of other marketplaces and currencies, copies of one line in any tab order, coverage of aggregate days, and a
 * TikTok row that only looks like the description row. Expected figures are worked out by hand beside each test.
 */
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { SHOPIFY_ORDERS_HEADER } from '../reports/helpers';

const ALL_ORDERS_HEADER = [
  'amazon-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'sales-channel',
  'sku',
  'item-status',
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
  'item-tax',
  'shipping-price',
  'ship-promotion-discount',
  'ship-country',
  'is-business-order',
];

/** One All Orders line; `at` is the purchase instant, last-updated an hour later. */
function amazonLine(
  orderId: string,
  sku: string,
  at: string,
  quantity: string,
  price: string,
  overrides: { status?: string; salesChannel?: string; currency?: string; updated?: string } = {},
): Cell[] {
  const updated = overrides.updated ?? at.replace('T10:', 'T11:');
  return [
    orderId,
    at,
    updated,
    overrides.status ?? 'Shipped',
    overrides.salesChannel ?? 'Amazon.com',
    sku,
    overrides.status ?? 'Shipped',
    quantity,
    overrides.currency ?? (price === '' ? '' : 'USD'),
    price,
    '',
  ];
}

/** Ten lines over 2026-03-02..04 (Los Angeles days): 12 units, $202.92 — the figures of issue 9. */
const TEN_LINES: Cell[][] = [
  amazonLine('111-0000001-0000001', 'MUG-01', '2026-03-02T18:00:00Z', '1', '19.99'),
  amazonLine('111-0000002-0000002', 'MUG-01', '2026-03-02T19:00:00Z', '2', '39.98'),
  amazonLine('111-0000003-0000003', 'CUP-02', '2026-03-02T20:00:00Z', '1', '12.50'),
  amazonLine('111-0000004-0000004', 'CUP-02', '2026-03-03T18:00:00Z', '1', '12.50'),
  amazonLine('111-0000005-0000005', 'LAMP-3', '2026-03-03T19:00:00Z', '1', '35.00'),
  amazonLine('111-0000006-0000006', 'MUG-01', '2026-03-03T20:00:00Z', '1', '19.99'),
  amazonLine('111-0000007-0000007', 'CUP-02', '2026-03-04T18:00:00Z', '2', '25.00'),
  amazonLine('111-0000008-0000008', 'MUG-01', '2026-03-04T19:00:00Z', '1', '19.99'),
  amazonLine('111-0000009-0000009', 'CUP-02', '2026-03-04T20:00:00Z', '1', '12.50'),
  amazonLine('111-0000010-0000010', 'MUG-01', '2026-03-04T21:00:00Z', '1', '5.47'),
];

function shownDay(cell: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: workbookZone }).format(cell);
}

function workbook(sheets: Record<string, Cell[][]>): GasWorld {
  const world = new GasWorld({
    spreadsheetTimeZone: workbookZone,
    fxRateUsdCny: 7.2,
    now: new Date('2026-03-10T16:00:00Z'),
  });
  for (const [name, rows] of Object.entries(sheets)) world.addSheet(name, rows, 'text');
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['fx_usd_cny', '7.2'],
    ],
    'typed',
  );
  return world;
}

interface Totals {
  units: number;
  revenue: number;
  returnedUnits: number;
}

/** Builds from the menu (the built global) and sums the KPI Summary per channel. */
function build(world: GasWorld): { byChannel: Map<string, Totals>; summary: Cell[][]; issues: string[] } {
  const script = loadDist(world);
  const buildKpiSummary = script.buildKpiSummary;
  if (!buildKpiSummary) throw new Error('dist/main.js has no buildKpiSummary');
  buildKpiSummary();
  // Date cells (the summary's date column) as the yyyy-MM-dd day they show in the workbook's zone.
  const summary = world
    .sheetValues('KPI Summary')
    .map((row) => row.map((cell) => (cell instanceof Date ? shownDay(cell) : cell)));
  const header = (summary[0] ?? []).map(String);
  const at = (name: string): number => header.indexOf(name);
  const byChannel = new Map<string, Totals>();
  for (const row of summary.slice(1)) {
    if (row[0] === '') continue;
    const channel = String(row[at('channel')]);
    const totals = byChannel.get(channel) ?? { units: 0, revenue: 0, returnedUnits: 0 };
    totals.units += Number(row[at('units')]);
    totals.revenue = Math.round((totals.revenue + Number(row[at('revenue')])) * 100) / 100;
    totals.returnedUnits += Number(row[at('returned_units')]);
    byChannel.set(channel, totals);
  }
  const issues = world
    .sheetValues('Data Issues')
    .slice(1)
    .map((row) => row.map(String).join(' | '));
  return { byChannel, summary, issues };
}

/**
 * Every rule holds in a Los Angeles and in a Shanghai workbook: the reporting zone stays America/Los_Angeles (Amazon
 * US days); only the spreadsheet's own zone, in which date cells are shown, changes.
 */
let workbookZone = 'America/Los_Angeles';

describe.each(['America/Los_Angeles', 'Asia/Shanghai'])('in a %s workbook', (zone) => {
  beforeAll(() => {
    workbookZone = zone;
  });

  describe('each line counts once (SPEC §2a "Line keys", "Blocks")', () => {
    it('one All Orders download counts 12 units and $202.92', () => {
      const { byChannel } = build(workbook({ 'All Orders': [ALL_ORDERS_HEADER, ...TEN_LINES] }));
      expect(byChannel.get('amazon')).toMatchObject({ units: 12, revenue: 202.92 });
    });

    it('the same download appended below in one tab, without its header, counts once', () => {
      const { byChannel } = build(
        workbook({ 'All Orders': [ALL_ORDERS_HEADER, ...TEN_LINES, ...TEN_LINES] }),
      );
      expect(byChannel.get('amazon')).toMatchObject({ units: 12, revenue: 202.92 });
    });

    it('the same download appended below in one tab with its header row counts once', () => {
      const { byChannel } = build(
        workbook({ 'All Orders': [ALL_ORDERS_HEADER, ...TEN_LINES, ALL_ORDERS_HEADER, ...TEN_LINES] }),
      );
      expect(byChannel.get('amazon')).toMatchObject({ units: 12, revenue: 202.92 });
    });

    it('a partial overlap (rows 2–6, then rows 4–10 appended) counts each line once', () => {
      const { byChannel } = build(
        workbook({
          'All Orders': [ALL_ORDERS_HEADER, ...TEN_LINES.slice(0, 5), ...TEN_LINES.slice(2)],
        }),
      );
      expect(byChannel.get('amazon')).toMatchObject({ units: 12, revenue: 202.92 });
    });

    it('a Pending line appended later as Shipped counts once, with the shipped price', () => {
      const pending = amazonLine('111-0000011-0000011', 'MUG-01', '2026-03-04T22:00:00Z', '1', '', {
        status: 'Pending',
        updated: '2026-03-04T22:05:00Z',
      });
      const shipped = amazonLine('111-0000011-0000011', 'MUG-01', '2026-03-04T22:00:00Z', '1', '19.99', {
        updated: '2026-03-05T09:00:00Z',
      });
      const { byChannel } = build(
        workbook({ 'All Orders': [ALL_ORDERS_HEADER, ...TEN_LINES, pending, ALL_ORDERS_HEADER, shipped] }),
      );
      expect(byChannel.get('amazon')).toMatchObject({ units: 13, revenue: 222.91 });
    });

    it('a Shopify order appended twice in one tab counts once, and a SKU listed on two rows of one order counts twice', () => {
      const header: Cell[] = [...SHOPIFY_ORDERS_HEADER];
      const order: Cell[][] = [
        ['#1001', 'paid', 'USD', '2026-03-02 10:00:00 -0800', '1', '24.00', 'MUG-01'],
        // The same variant again with other line properties (an engraving): a second real line.
        ['#1001', '', '', '', '1', '26.00', 'MUG-01'],
        ['#1001', '', '', '', '2', '15.00', 'CANDLE-7'],
      ];
      const { byChannel } = build(workbook({ Shopify: [header, ...order, header, ...order] }));
      // 24 + 26 + 2 × 15 = 80.00, 4 units.
      expect(byChannel.get('shopify')).toMatchObject({ units: 4, revenue: 80 });
    });

    it('FBA returns appended twice in one tab count each returned unit once', () => {
      const header = [
        'return-date',
        'order-id',
        'sku',
        'asin',
        'quantity',
        'detailed-disposition',
        'status',
        'license-plate-number',
        'fnsku',
        'product-name',
        'fulfillment-center-id',
        'reason',
        'customer-comments',
      ];
      const returns: Cell[][] = [
        [
          '2026-03-04T19:00:00+00:00',
          '111-0000002-0000002',
          'MUG-01',
          'B0MUG00001',
          '1',
          'SELLABLE',
          'Unit returned to inventory',
          'LPNAAA000001',
        ],
        [
          '2026-03-04T19:00:00+00:00',
          '111-0000002-0000002',
          'MUG-01',
          'B0MUG00001',
          '1',
          'DEFECTIVE',
          'Unit returned to inventory',
          'LPNAAA000002',
        ],
      ];
      const { byChannel } = build(
        workbook({
          'All Orders': [ALL_ORDERS_HEADER, ...TEN_LINES],
          Returns: [header, ...returns, ...returns],
        }),
      );
      expect(byChannel.get('amazon')).toMatchObject({ returnedUnits: 2 });
    });
  });

  describe('not a sale yet, and lines that cannot be sales (SPEC §2a "Not a sale yet")', () => {
    it('a Pending line with a blank price adds no units and no revenue; one Data Issue per sheet counts such lines', () => {
      const pending = [
        amazonLine('111-0000020-0000020', 'MUG-01', '2026-03-04T22:00:00Z', '3', '', { status: 'Pending' }),
        amazonLine('111-0000021-0000021', 'CUP-02', '2026-03-04T23:00:00Z', '1', '', { status: 'Pending' }),
      ];
      const { byChannel, issues } = build(
        workbook({ 'All Orders': [ALL_ORDERS_HEADER, ...TEN_LINES, ...pending] }),
      );
      expect(byChannel.get('amazon')).toMatchObject({ units: 12, revenue: 202.92 });
      expect(issues.filter((issue) => issue.includes('no price yet'))).toEqual([
        expect.stringMatching(/^All Orders \| {2}\| All Orders \| Pending lines with no price yet: 2\./),
      ]);
    });

    it('quantity 0 with a price, a negative quantity and a negative item price are Data Issues with their rows', () => {
      const bad = [
        amazonLine('111-0000030-0000030', 'MUG-01', '2026-03-04T22:00:00Z', '0', '19.99'),
        amazonLine('111-0000031-0000031', 'MUG-01', '2026-03-04T22:00:00Z', '-1', '19.99'),
        amazonLine('111-0000032-0000032', 'MUG-01', '2026-03-04T22:00:00Z', '1', '(1,234.56)'),
      ];
      const { byChannel, issues } = build(
        workbook({ 'All Orders': [ALL_ORDERS_HEADER, ...TEN_LINES, ...bad] }),
      );
      expect(byChannel.get('amazon')).toMatchObject({ units: 12, revenue: 202.92 });
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^All Orders \| 12 \| 111-0000030-0000030 \| Row left out: quantity is 0 but the line has a price/,
          ),
          expect.stringMatching(/^All Orders \| 13 \| 111-0000031-0000031 \| Row left out: quantity is -1/),
          expect.stringMatching(
            /^All Orders \| 14 \| 111-0000032-0000032 \| Row left out: item-price is -1234.56/,
          ),
        ]),
      );
    });
  });

  describe('US dollars of the US marketplace only (SPEC §2a)', () => {
    it('Amazon.com.mx and Amazon.ca lines of a North America account are left out, one Data Issue per marketplace', () => {
      const foreign = [
        amazonLine('701-0000001-0000001', 'MUG-01', '2026-03-03T18:00:00Z', '1', '1799.00', {
          salesChannel: 'Amazon.com.mx',
          currency: 'MXN',
        }),
        amazonLine('701-0000002-0000002', 'MUG-01', '2026-03-03T19:00:00Z', '2', '1,100.00', {
          salesChannel: 'Amazon.com.mx',
          currency: 'MXN',
        }),
        amazonLine('702-0000001-0000001', 'CUP-02', '2026-03-03T18:00:00Z', '1', '24.99', {
          salesChannel: 'Amazon.ca',
          currency: 'CAD',
        }),
      ];
      const { byChannel, issues } = build(
        workbook({ 'All Orders': [ALL_ORDERS_HEADER, ...TEN_LINES, ...foreign] }),
      );
      expect(byChannel.get('amazon')).toMatchObject({ units: 12, revenue: 202.92 });
      expect(issues).toEqual(
        expect.arrayContaining([
          'All Orders |  | Amazon.com.mx MXN | Lines of Amazon.com.mx MXN left out: 2, amount 2899.00. Only US-dollar lines of the US marketplace are counted; nothing is ever added up across currencies.',
          'All Orders |  | Amazon.ca CAD | Lines of Amazon.ca CAD left out: 1, amount 24.99. Only US-dollar lines of the US marketplace are counted; nothing is ever added up across currencies.',
        ]),
      );
    });

    it('a CAD Shopify order is left out and listed; the USD order counts', () => {
      const header: Cell[] = [...SHOPIFY_ORDERS_HEADER];
      const { byChannel, issues } = build(
        workbook({
          Shopify: [
            header,
            ['#1001', 'paid', 'USD', '2026-03-02 10:00:00 -0800', '1', '24.00', 'MUG-01'],
            ['#1002', 'paid', 'CAD', '2026-03-02 11:00:00 -0800', '1', '32.00', 'MUG-01'],
            ['#1002', '', '', '', '1', '8.00', 'CANDLE-7'],
          ],
        }),
      );
      expect(byChannel.get('shopify')).toMatchObject({ units: 1, revenue: 24 });
      expect(issues).toContainEqual(
        expect.stringMatching(/^Shopify \| {2}\| CAD \| Lines of CAD left out: 2, amount 40.00/),
      );
    });
  });

  describe('a later state wins, whatever the tab order (SPEC §2a)', () => {
    const header: Cell[] = [...SHOPIFY_ORDERS_HEADER];
    const paid: Cell[][] = [
      header,
      ['#1001', 'paid', 'USD', '2026-03-02 10:00:00 -0800', '1', '24.00', 'MUG-01'],
    ];
    const voided: Cell[][] = [
      header,
      ['#1001', 'voided', 'USD', '2026-03-02 10:00:00 -0800', '1', '24.00', 'MUG-01'],
    ];

    it.each([
      ['the voided copy left of the paid one', { 'Shopify (new)': voided, 'Shopify (old)': paid }],
      ['the voided copy right of the paid one', { 'Shopify (old)': paid, 'Shopify (new)': voided }],
    ])('a voided Shopify order is no sale with %s', (_, sheets) => {
      const { byChannel } = build(workbook(sheets));
      expect(byChannel.get('shopify')?.units ?? 0).toBe(0);
      expect(byChannel.get('shopify')?.revenue ?? 0).toBe(0);
    });
  });

  describe('coverage (SPEC §2a "Coverage")', () => {
    const businessHeader = [
      'Date',
      'Ordered Product Sales',
      'Units Ordered',
      'Total Order Items',
      'Sessions - Total',
      'Page Views - Total',
      'Featured Offer (Buy Box) Percentage',
      'Unit Session Percentage',
    ];

    it('an order tab with lines on Jan 15 and Mar 15 does not hide the Business Report days of February', () => {
      const orders = [
        ALL_ORDERS_HEADER,
        amazonLine('111-0000001-0000001', 'MUG-01', '2026-01-15T18:00:00Z', '1', '19.99'),
        amazonLine('111-0000002-0000002', 'MUG-01', '2026-03-15T18:00:00Z', '1', '19.99'),
      ];
      const business = [
        businessHeader,
        ['1/15/26', '$500.00', '20', '18'],
        ['2/10/26', '$300.00', '12', '11'],
        ['2/11/26', '$200.00', '8', '8'],
      ];
      const { summary, issues } = build(workbook({ 'All Orders': orders, 'Business Report': business }));
      const february = summary.filter((row) => String(row[0]).startsWith('2026-02'));
      expect(february.map((row) => [row[0], row[1], row[2], row[3], row[5]])).toEqual([
        ['2026-02-10', 'amazon', '', 12, 300],
        ['2026-02-11', 'amazon', '', 8, 200],
      ]);
      // Jan 15 is covered by an order line: the Business Report day is not used, and says so.
      expect(issues).toContainEqual(
        expect.stringMatching(/^Business Report \| {2}\| Business Report \| Days not used: 1\./),
      );
    });

    it('an order tab covers a quiet weekend between two days with lines (a gap of two days)', () => {
      const orders = [
        ALL_ORDERS_HEADER,
        amazonLine('111-0000001-0000001', 'MUG-01', '2026-03-06T18:00:00Z', '1', '19.99'), // Friday
        amazonLine('111-0000002-0000002', 'MUG-01', '2026-03-09T18:00:00Z', '1', '19.99'), // Monday
      ];
      const business = [businessHeader, ['3/7/26', '$100.00', '4', '4'], ['3/8/26', '$100.00', '4', '4']];
      const { summary } = build(workbook({ 'All Orders': orders, 'Business Report': business }));
      expect(summary.filter((row) => row[2] === '' && row[0] !== '' && row[0] !== 'date')).toEqual([]);
    });

    it('a Settlement report covers its own period: fees are 0, not unknown, on a day of the period without postings', () => {
      const header = [
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
      const settlement: Cell[][] = [
        header,
        [
          '5001',
          '2026-03-01 08:00:00 UTC',
          '2026-03-15 08:00:00 UTC',
          '2026-03-17 08:00:00 UTC',
          '10.00',
          'USD',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ],
        [
          '5001',
          '',
          '',
          '',
          '',
          'USD',
          'Order',
          '111-0000001-0000001',
          'Amazon.com',
          'ItemFees',
          'Commission',
          '-3.00',
          '2026-03-02 19:00:00 UTC',
          'MUG-01',
          '1',
        ],
        [
          '5001',
          '',
          '',
          '',
          '',
          'USD',
          'Order',
          '111-0000004-0000004',
          'Amazon.com',
          'ItemFees',
          'Commission',
          '-1.88',
          '2026-03-06 19:00:00 UTC',
          'CUP-02',
          '1',
        ],
      ];
      const orders = [
        ALL_ORDERS_HEADER,
        amazonLine('111-0000009-0000009', 'CUP-02', '2026-03-04T18:00:00Z', '1', '12.50'),
      ];
      const { summary } = build(workbook({ 'All Orders': orders, Settlement: settlement }));
      const header2 = (summary[0] ?? []).map(String);
      const march4 = summary.find((row) => row[0] === '2026-03-04' && row[2] === 'CUP-02');
      // No posting on Mar 4, but the settlement's period (Mar 1–14, Los Angeles) covers it: fees reported, 0.
      expect(march4?.[header2.indexOf('fees')]).toBe(0);
      expect(march4?.[header2.indexOf('fees_estimated')]).toBe(0);
    });
  });

  describe('the TikTok description row (issue 9, case 9)', () => {
    const header = [
      'Order ID',
      'Order Status',
      'SKU ID',
      'Seller SKU',
      'Quantity',
      'SKU Subtotal Before Discount',
      'SKU Seller Discount',
      'SKU Subtotal After Discount',
      'Created Time',
      'Order Substatus',
      'Cancelation/Return Type',
      'Product Name',
      'Variation',
      'SKU Unit Original Price',
      'SKU Platform Discount',
      'Shipping Fee After Discount',
      'Order Amount',
      'Paid Time',
      'Cancelled Time',
      'Fulfillment Type',
      'Tracking ID',
    ];

    it('only a row that reads as a description is skipped; a data row with a blank Order ID under the header is a Data Issue', () => {
      const { byChannel, issues } = build(
        workbook({
          TikTok: [
            header,
            [
              '',
              'Completed',
              '17299000101\t',
              'MUG-01',
              '1',
              '22.00',
              '2.00',
              '20.00',
              '03/02/2026 10:00:00 AM\t',
            ],
            [
              '576461234500000102\t',
              'Completed',
              '17299000101\t',
              'MUG-01',
              '1',
              '22.00',
              '2.00',
              '20.00',
              '03/02/2026 11:00:00 AM\t',
            ],
          ],
        }),
      );
      expect(byChannel.get('tiktok')).toMatchObject({ units: 1, revenue: 20 });
      expect(issues).toContainEqual('TikTok | 2 |  | Row left out: Order ID is empty.');
    });

    it('the real description row is still skipped and not counted as a data row', () => {
      const { byChannel, issues } = build(
        workbook({
          TikTok: [
            header,
            [
              'Platform unique order ID.',
              'Current order status.',
              '',
              'SKU set by the seller.',
              'Number of units.',
              '',
              '',
              '',
              'Time the order was placed.',
            ],
            [
              '576461234500000102\t',
              'Completed',
              '17299000101\t',
              'MUG-01',
              '1',
              '22.00',
              '2.00',
              '20.00',
              '03/02/2026 11:00:00 AM\t',
            ],
          ],
        }),
      );
      expect(byChannel.get('tiktok')).toMatchObject({ units: 1, revenue: 20 });
      expect(issues.filter((issue) => issue.startsWith('TikTok'))).toEqual([]);
    });
  });

  describe('payments lines without an id: the export block decides (SPEC §2a "Blocks")', () => {
    const preamble: Cell[][] = [
      ['Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions'],
      ['All amounts in USD, unless specified'],
      ['Definitions:'],
    ];
    const header = [
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
      'selling fees',
      'fba fees',
      'other',
      'total',
    ];
    const sale = [
      'Mar 4, 2026 10:15:00 AM PST',
      '24771830001',
      'Order',
      '111-0000007-0000007',
      'CUP-02',
      'Cup',
      '1',
      'amazon.com',
      'Amazon',
      '12.50',
      '-1.88',
      '-3.22',
      '0',
      '7.40',
    ];
    const storage = [
      'Mar 4, 2026 11:00:00 PM PST',
      '24771830001',
      'FBA Inventory Fee',
      '',
      '',
      'FBA storage fee',
      '',
      'amazon.com',
      '',
      '0',
      '0',
      '0',
      '-0.50',
      '-0.50',
    ];
    const orders = [ALL_ORDERS_HEADER, ...TEN_LINES];

    function feesOf(summary: Cell[][]): number {
      const at = (summary[0] ?? []).map(String).indexOf('fees');
      return (
        Math.round(
          summary.slice(1).reduce((sum, row) => sum + (row[0] === '2026-03-04' ? Number(row[at]) : 0), 0) *
            100,
        ) / 100
      );
    }

    it('two equal storage lines in one report are two charges', () => {
      const { summary } = build(
        workbook({ 'All Orders': orders, Transactions: [...preamble, header, sale, storage, storage] }),
      );
      // 1.88 + 3.22 + 0.50 + 0.50 = 6.10.
      expect(feesOf(summary)).toBe(6.1);
    });

    it('the same report appended below with its preamble and header counts once, preamble rows are not data', () => {
      const { summary, issues } = build(
        workbook({
          'All Orders': orders,
          Transactions: [
            ...preamble,
            header,
            sale,
            storage,
            storage,
            ...preamble,
            header,
            sale,
            storage,
            storage,
          ],
        }),
      );
      expect(feesOf(summary)).toBe(6.1);
      expect(issues.filter((issue) => issue.startsWith('Transactions'))).toEqual([]);
    });

    it('a header row with other columns appended below leaves its rows out with one Data Issue', () => {
      const newer = [...header, 'Transaction Status'];
      const { summary, issues } = build(
        workbook({
          'All Orders': orders,
          Transactions: [
            ...preamble,
            header,
            sale,
            storage,
            newer,
            [...sale, 'Released'],
            [...storage, 'Released'],
          ],
        }),
      );
      expect(feesOf(summary)).toBe(5.6);
      expect(issues).toContainEqual(
        expect.stringMatching(
          /^Transactions \| 7 \| Transactions \| A header row with other columns starts here; its rows below \(2\)/,
        ),
      );
    });
  });
});
