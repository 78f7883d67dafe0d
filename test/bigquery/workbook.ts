/**
 * A two-month workbook for the BigQuery tests (issue 15): Amazon All Orders for every day of January and February
 * 2026, Sponsored Products rows for two SKUs, FBA returns, Costs, Products and Settings naming a BigQuery project and
 * dataset. The figures follow a rule per day (day d of the period: 1 … 59) so a test can recompute any of them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { buildAll } from '../../scripts/build';

export const PROJECT = 'seller-kpi-demo';
export const DATASET = 'seller_kpi';
export const ZONE = 'America/Los_Angeles';

export const DAYS: string[] = Array.from({ length: 59 }, (_, index) =>
  new Date(Date.UTC(2026, 0, 1 + index)).toISOString().slice(0, 10),
);

const ORDERS_HEADER = [
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
  'merchant-order-id',
  'fulfillment-channel',
  'order-channel',
  'ship-service-level',
  'product-name',
  'asin',
  'item-tax',
  'shipping-price',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-country',
  'is-business-order',
];

/** Day d: MUG-01 d % 3 + 1 units at $20.00 each; LAMP-3 one unit at $45.50 on even days; NOCOST-9 $9.99 on days ≡ 0 mod 5. */
export function orderRows(priceOf: (sku: string, day: string) => number = defaultPrice): Cell[][] {
  const rows: Cell[][] = [ORDERS_HEADER];
  DAYS.forEach((day, index) => {
    const d = index + 1;
    const line = (n: number, sku: string, quantity: number): void => {
      rows.push([
        `111-${String(d).padStart(7, '0')}-000000${n}`,
        `${day}T20:00:00+00:00`,
        `${day}T21:00:00+00:00`,
        'Shipped',
        'Amazon.com',
        sku,
        'Shipped',
        String(quantity),
        'USD',
        (priceOf(sku, day) * quantity).toFixed(2),
      ]);
    };
    line(1, 'MUG-01', (d % 3) + 1);
    if (d % 2 === 0) line(2, 'LAMP-3', 1);
    if (d % 5 === 0) line(3, 'NOCOST-9', 1);
  });
  return rows;
}

function defaultPrice(sku: string): number {
  return sku === 'MUG-01' ? 20 : sku === 'LAMP-3' ? 45.5 : 9.99;
}

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
];

/** Day d: MUG-01 spend $1.25 × (d % 4 + 1), sales $10 × (d % 3); LAMP-3 spend $3.10 on odd days, no sales. */
export function adRows(): Cell[][] {
  const rows: Cell[][] = [ADS_HEADER];
  const us = new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  DAYS.forEach((day, index) => {
    const d = index + 1;
    const date = us.format(new Date(`${day}T12:00:00Z`));
    const row = (sku: string, spend: number, sales: number): Cell[] => [
      date,
      'Home',
      'USD',
      `SP - ${sku}`,
      'Group 1',
      'Amazon',
      'United States',
      sku,
      'B000000000',
      String(100 + d),
      String(d % 7),
      '',
      '',
      `$${spend.toFixed(2)}`,
      `$${sales.toFixed(2)}`,
      '',
      '',
      String(d % 3),
      String(d % 3),
    ];
    rows.push(row('MUG-01', 1.25 * ((d % 4) + 1), 10 * (d % 3)));
    if (d % 2 === 1) rows.push(row('LAMP-3', 3.1, 0));
  });
  return rows;
}

const RETURNS_HEADER = [
  'return-date',
  'order-id',
  'sku',
  'asin',
  'fnsku',
  'product-name',
  'quantity',
  'fulfillment-center-id',
  'detailed-disposition',
  'reason',
  'status',
  'license-plate-number',
  'customer-comments',
];

/** A MUG-01 return a week after days 3, 13, 23 …: SELLABLE every other one. */
export function returnRows(): Cell[][] {
  const rows: Cell[][] = [RETURNS_HEADER];
  for (let d = 3; d + 7 <= DAYS.length; d += 10) {
    rows.push([
      `${DAYS[d + 6]}T15:00:00+00:00`,
      `111-${String(d).padStart(7, '0')}-0000001`,
      'MUG-01',
      'B000000000',
      'X000000000',
      'Mug',
      '1',
      'LEX1',
      d % 20 === 3 ? 'SELLABLE' : 'CUSTOMER_DAMAGED',
      'UNWANTED_ITEM',
      'Unit returned to inventory',
      `LPN${d}`,
      '',
    ]);
  }
  return rows;
}

export function workbook(options: { settings?: Cell[][] } = {}): GasWorld {
  const world = new GasWorld({
    spreadsheetTimeZone: ZONE,
    fxRateUsdCny: 7.2,
    now: new Date('2026-03-02T16:00:00Z'),
  });
  world.addSheet('All Orders', orderRows(), 'text');
  world.addSheet('SP Advertised Product', adRows(), 'text');
  world.addSheet('FBA Returns', returnRows(), 'text');
  world.addSheet(
    'Costs',
    [
      [
        'sku',
        'unit_cost',
        'currency',
        'first_leg_per_unit',
        'first_leg_currency',
        'duty_rate',
        'effective_from',
        'category',
        'weight_lb',
        'length_in',
        'width_in',
        'height_in',
      ],
      ['MUG-01', '4.00', 'USD', '1.00', 'USD', '0%', '2025-01-01', 'Home & Kitchen', '0.4', '8', '5', '0.5'],
      ['LAMP-3', '12.00', 'USD', '2.50', 'USD', '0%', '2025-01-01', 'Home & Kitchen', '1.2', '10', '6', '4'],
    ],
    'text',
  );
  world.addSheet(
    'Products',
    [
      ['sku', 'name', 'category', 'brand', 'owner'],
      ['MUG-01', 'Mug', 'Kitchen', 'Acme', 'Li Wei'],
      ['LAMP-3', 'Lamp', 'Lighting', 'Acme', 'Zhang Min'],
      ['NOCOST-9', 'Sample', 'Kitchen', 'Acme', 'Li Wei'],
    ],
    'text',
  );
  world.addSheet(
    'Settings',
    options.settings ?? [
      ['key', 'value'],
      ['fx_usd_cny', '7.2'],
      ['language', 'en'],
      ['bigquery_project_id', PROJECT],
      ['bigquery_dataset', DATASET],
      ['bigquery_location', 'US'],
    ],
    'typed',
  );
  world.bigQuery.grantRoles(PROJECT);
  return world;
}

let flavourDir: string | null = null;

/** The BigQuery flavour of dist/, built once per test file into a folder of its own. */
export async function bigQueryDist(): Promise<string> {
  if (!flavourDir) {
    const dir = mkdtempSync(join(tmpdir(), 'seller-kpi-bq-'));
    await buildAll({ bigQuery: true, outDir: dir });
    flavourDir = dir;
  }
  return flavourDir;
}

export function buildIn(world: GasWorld, distDir: string): unknown {
  const script = loadDist(world, distDir);
  const buildKpiSummary = script.buildKpiSummary;
  if (!buildKpiSummary) throw new Error('no buildKpiSummary in the bundle');
  return buildKpiSummary();
}

/** The Settings sheet's value of a key. */
export function settingOf(world: GasWorld, key: string): Cell | undefined {
  return world.sheetValues('Settings').find((row) => row[0] === key)?.[1];
}

/** A date cell of an output sheet as yyyy-MM-dd: Date cells show the workbook zone's wall clock. */
export function sheetDay(cell: Cell | undefined): string {
  if (cell instanceof Date) return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(cell);
  return String(cell ?? '');
}
