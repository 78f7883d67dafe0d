/**
 * The Reconciliation sheet on the built dist/ in the local Apps Script world (SPEC §2b): written by the build beside
 * the KPI Summary, one row per payments report block with its total explained to the cent, the comparison with
 * order-export revenue below, and a lost line named in Data Issues.
 */
import { join, resolve } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { loadFixture } from '../reports/helpers';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');

function buildWorkbook(zone: string, sheets: Record<string, Cell[][]>): GasWorld {
  const world = new GasWorld({
    spreadsheetTimeZone: zone,
    fxRateUsdCny: 7.2,
    now: new Date('2026-03-10T16:00:00Z'),
  });
  for (const [name, rows] of Object.entries(sheets)) world.addSheet(name, rows, 'text');
  const script = loadDist(world);
  const buildKpiSummary = script.buildKpiSummary;
  if (!buildKpiSummary) throw new Error('dist/main.js has no buildKpiSummary');
  buildKpiSummary();
  return world;
}

function shownDay(cell: Cell, zone: string): Cell {
  return cell instanceof Date ? new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(cell) : cell;
}

describe.each(['America/Los_Angeles', 'Asia/Shanghai'])(
  'the Reconciliation sheet in a %s workbook',
  (zone) => {
    it('explains the sample Date Range report to the cent and compares its orders with the All Orders revenue', () => {
      const world = buildWorkbook(zone, {
        'All Orders 3 Mar': readExportFile(join(SAMPLES, 'amazon-all-orders-2026-03-03.txt')),
        'All Orders 4 Mar': readExportFile(join(SAMPLES, 'amazon-all-orders-2026-03-04.txt')),
        Transactions: readExportFile(join(SAMPLES, 'amazon-date-range-transactions.csv')),
      });
      const rows = world.sheetValues('Reconciliation').map((row) => row.map((cell) => shownDay(cell, zone)));
      expect(rows[0]).toEqual([
        'sheet',
        'report',
        'period_start',
        'period_end',
        'currency',
        'report_total',
        'principal',
        'shipping_credits',
        'taxes_collected',
        'taxes_withheld',
        'promotions',
        'refunds',
        'fees',
        'reimbursements',
        'advertising',
        'transfers',
        'other',
        'unexplained',
      ]);
      expect(rows[1]).toEqual([
        'Transactions',
        'Amazon Date Range (transaction) report',
        '2026-03-02',
        '2026-03-03',
        'USD',
        -99.22,
        107.96,
        0,
        6.64,
        -6.64,
        -5,
        -19.99,
        -41.49,
        0,
        -20.7,
        -120,
        0,
        0,
      ]);
      expect(rows[4]?.slice(0, 8)).toEqual(['amazon', '2026-03', 'USD', 4, 4, 102.96, 102.96, 0]);
      // The comparison's counts are whole numbers, not money.
      expect(world.sheetNumberFormats('Reconciliation')[4]?.slice(3, 5)).toEqual(['0', '0']);
    });

    it('names a settlement whose lines do not add up in Data Issues', () => {
      const world = buildWorkbook(zone, { Settlement: loadFixture('amazon-settlement-v2.txt') });
      const issues = world.sheetValues('Data Issues').map((row) => row.map(String).join(' | '));
      expect(issues).toContainEqual(
        expect.stringMatching(
          /^Settlement \| {2}\| USD \| Reconciliation: -2\.24 USD of this report’s total \(-144\.41\)/,
        ),
      );
    });
  },
);

describe.each(['America/Los_Angeles', 'Asia/Shanghai'])(
  'Shopify fees from the payouts export in a %s workbook',
  (zone) => {
    it('spreads an order’s one processing fee over its two SKUs by revenue share; each payout reconciles', () => {
      const world = buildWorkbook(zone, {
        'Shopify orders': loadFixture('shopify-orders.csv'),
        'Shopify payouts': loadFixture('shopify-payouts.csv'),
      });
      const summary = world.sheetValues('KPI Summary').map((row) => row.map((cell) => shownDay(cell, zone)));
      const header = (summary[0] ?? []).map(String);
      const at = (name: string): number => header.indexOf(name);
      const row = (sku: string) =>
        summary.find((cells) => cells[0] === '2024-05-01' && cells[1] === 'shopify' && cells[2] === sku);
      // #1001: SKU-A 54.98 and SKU-B 15.00 of 69.98; its 2.49 fee → 1.96 and 0.53; #1002 adds 1.24 to SKU-A: 3.20.
      expect(row('SKU-A')?.[at('fees')]).toBe(3.2);
      expect(row('SKU-B')?.[at('fees')]).toBe(0.53);
      expect(row('SKU-B')?.[at('fees_estimated')]).toBe(0);
      const payouts = world.sheetValues('Reconciliation').filter((cells) => cells[0] === 'Shopify payouts');
      expect(payouts.map((cells) => [cells[5], cells[17]])).toEqual([
        [104.24, 0],
        [-33.89, 0],
      ]);
    });
  },
);
