/** Large, realistic exports for `npm run bench`: an Amazon All Orders export and an advertised-product report. */

const ALL_ORDERS_HEADER =
  'amazon-order-id merchant-order-id purchase-date last-updated-date order-status fulfillment-channel sales-channel ' +
  'order-channel ship-service-level product-name sku asin item-status quantity currency item-price item-tax ' +
  'shipping-price shipping-tax gift-wrap-price gift-wrap-tax item-promotion-discount ship-promotion-discount ship-city ' +
  'ship-state ship-postal-code ship-country promotion-ids cpf is-business-order purchase-order-number ' +
  'price-designation signature-confirmation-recommended';
const ADS_HEADER = [
  'Date',
  'Portfolio name',
  'Currency',
  'Campaign Name',
  'Ad Group Name',
  'Retailer',
  'Country',
  'Advertised SKU',
  'Advertised ASIN',
  'Impressions',
  'Clicks',
  'Click-Thru Rate (CTR)',
  'Cost Per Click (CPC)',
  'Spend',
  '7 Day Total Sales ',
  'Total Advertising Cost of Sales (ACOS) ',
  'Total Return on Advertising Spend (ROAS)',
  '7 Day Total Orders (#)',
  '7 Day Total Units (#)',
  '7 Day Conversion Rate',
  '7 Day Advertised SKU Units (#)',
  '7 Day Other SKU Units (#)',
  '7 Day Advertised SKU Sales ',
  '7 Day Other SKU Sales ',
];
export const ADS_SKUS = 200;
export const ADS_DAYS = 90;
const SKUS = ADS_SKUS;
const DAYS = ADS_DAYS;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isoDay(dayIndex: number): string {
  return new Date(Date.UTC(2026, 0, 1 + dayIndex)).toISOString().slice(0, 10);
}

/**
 * A realistic All Orders export: `lines` order lines over 90 days and 200 SKUs, a few cancelled and pending. With
 * `onlyColumns`, the other columns are left blank below the header (as the build reads the sheet), so that 400,000
 * lines fit in the bench's memory.
 */
export function allOrders(lines: number, onlyColumns?: ReadonlySet<string>): string[][] {
  const header = ALL_ORDERS_HEADER.split(' ');
  const rows: string[][] = [header];
  for (let index = 0; index < lines; index++) {
    const day = index % DAYS;
    const sku = `SKU-${String(index % SKUS).padStart(4, '0')}`;
    const quantity = 1 + (index % 3);
    const price = (9.99 + (index % SKUS) * 0.25) * quantity;
    // Times vary to the second across the export, as real purchase times do: a parser that memoised timestamps
    // would gain nothing here that it would not gain on a seller's own report.
    const hour = 8 + (index % 12);
    const minute = Math.floor(index / DAYS) % 60;
    const second = Math.floor(index / (DAYS * 60)) % 60;
    const clock = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}`;
    const status = index % 50 === 0 ? 'Cancelled' : index % 37 === 0 ? 'Pending' : 'Shipped';
    const cells: Record<string, string> = {
      'amazon-order-id': `112-${String(1000000 + Math.floor(index / 2)).padStart(7, '0')}-${String(index).padStart(7, '0')}`,
      'purchase-date': `${isoDay(day)}T${clock}+00:00`,
      'last-updated-date': `${isoDay(day)}T${String(hour + 2).padStart(2, '0')}${clock.slice(2)}+00:00`,
      'order-status': status,
      'fulfillment-channel': 'Amazon',
      'sales-channel': 'Amazon.com',
      'ship-service-level': 'Standard',
      'product-name': `Product ${sku} with a long descriptive Amazon title, Color Black, Pack of ${quantity}`,
      sku,
      asin: `B0${String(index % SKUS).padStart(8, '0')}`,
      'item-status': status === 'Cancelled' ? 'Cancelled' : 'Shipped',
      quantity: String(quantity),
      currency: status === 'Cancelled' ? '' : 'USD',
      'item-price': status === 'Cancelled' ? '' : price.toFixed(2),
      'item-tax': (price * 0.08).toFixed(2),
      'shipping-price': '0.0',
      'item-promotion-discount': index % 10 === 0 ? '-1.00' : '',
      'ship-city': 'SEATTLE',
      'ship-state': 'WA',
      'ship-postal-code': '98101',
      'ship-country': 'US',
      'is-business-order': 'false',
    };
    rows.push(header.map((name) => (onlyColumns && !onlyColumns.has(name) ? '' : (cells[name] ?? ''))));
  }
  return asDeserialised(rows);
}

/**
 * The cells as getValues hands them over: strings deserialised from the Sheets service, each one flat. Strings built
 * here by template literals are V8 ropes, which every reader (the build and the bare group-by alike) would pay to
 * flatten on first use, an artefact no real workbook has.
 */
function asDeserialised(rows: string[][]): string[][] {
  return JSON.parse(JSON.stringify(rows)) as string[][];
}

/** One advertised-product row per SKU per day. */
export function adsReport(): string[][] {
  const rows: string[][] = [ADS_HEADER];
  for (let day = 0; day < DAYS; day++) {
    const date = new Date(Date.UTC(2026, 0, 1 + day));
    const shown = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, '0')}, ${date.getUTCFullYear()}`;
    for (let sku = 0; sku < SKUS; sku++) {
      const spend = 2 + (sku % 17) * 0.5;
      const sales = (sku % 5) * 12.5;
      rows.push([
        shown,
        'Main',
        'USD',
        `Campaign ${sku % 20}`,
        `Group ${sku}`,
        'Amazon',
        'United States',
        `SKU-${String(sku).padStart(4, '0')}`,
        `B0${String(sku).padStart(8, '0')}`,
        '1,204',
        '30',
        '2.49%',
        '$0.40',
        `$${spend.toFixed(2)}`,
        `$${sales.toFixed(2)}`,
        '',
        '',
        '1',
        '1',
        '3.33%',
        '1',
        '0',
        `$${sales.toFixed(2)}`,
        '$0.00',
      ]);
    }
  }
  return asDeserialised(rows);
}
