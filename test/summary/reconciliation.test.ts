/**
 * The Reconciliation sheet (SPEC §2b): each payments report block reconciles to its own total to the cent, a lost
 * line shows exactly its amount, and payments principal is compared with order-export revenue for the same orders.
 */
import { join, resolve } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type Cell, type CellGrid } from '../../src/core/cell';
import { RECONCILIATION_HEADER } from '../../src/core/reconciliation/reconciliation';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { detectKnownReport, runPipeline, type SourceGrid } from '../../src/core/summary/pipeline';
import { loadFixture } from '../reports/helpers';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');

function build(sources: SourceGrid[]) {
  return runPipeline({
    sources,
    costsRows: null,
    settings: { ...DEFAULT_SETTINGS },
    spreadsheetTimeZone: 'America/Los_Angeles',
    detect: detectKnownReport,
    language: 'en',
  });
}

const column = (name: string): number => RECONCILIATION_HEADER.indexOf(name);

/** The block rows (first table) of the Reconciliation sheet: sheet, currency, report total, unexplained. */
function blocks(rows: readonly (readonly Cell[])[]): (Cell | undefined)[][] {
  const end = rows.findIndex((row) => row[0] === '');
  return (end < 0 ? rows : rows.slice(0, end)).map((row) => [
    row[column('sheet')],
    row[column('currency')],
    row[column('report_total')],
    row[column('unexplained')],
  ]);
}

describe('each payments report block reconciles to its own total (SPEC §2b)', () => {
  it.each([
    ['amazon-date-range-transactions.csv', 316.51],
    ['tiktok-settlement.csv', -14.16],
    ['tiktok-settlement-us-2026.csv', 26.53],
  ])('an untouched %s explains its total to the cent', (fixture, total) => {
    const result = build([{ sheetName: fixture, rows: loadFixture(fixture) }]);
    expect(blocks(result.reconciliation?.table.rows ?? [])).toEqual([[fixture, 'USD', total, 0]]);
    expect(result.issues.filter((issue) => issue.reason.key === 'issue.reconciliation.unexplained')).toEqual(
      [],
    );
  });

  it('the sample Date Range report explains its −99.22 by category, the transfer included', () => {
    const result = build([
      {
        sheetName: 'Transactions',
        rows: readExportFile(join(SAMPLES, 'amazon-date-range-transactions.csv')),
      },
    ]);
    const row = result.reconciliation?.table.rows[0] ?? [];
    // Principal 19.99 + 39.98 + 12.99 + 35.00 = 107.96; promotions −5.00; refund −19.99; fees −41.49 (selling,
    // FBA and storage); Cost of Advertising −20.70; the transfer to the bank −120.00; taxes collected and withheld
    // cancel out (6.64 − 6.64). Total −99.22, nothing unexplained.
    expect(
      Object.fromEntries(RECONCILIATION_HEADER.map((name, index) => [name, row[index]]).slice(5)),
    ).toEqual({
      report_total: -99.22,
      principal: 107.96,
      shipping_credits: 0,
      taxes_collected: 6.64,
      taxes_withheld: -6.64,
      promotions: -5,
      refunds: -19.99,
      fees: -41.49,
      reimbursements: 0,
      advertising: -20.7,
      transfers: -120,
      other: 0,
      unexplained: 0,
    });
  });

  it('a settlement whose Commission line cannot be read shows exactly that line as unexplained', () => {
    // The fixture's summary row states −144.41; its readable lines add up to −142.17; the unreadable Commission
    // (amount "abc", a Data Issue of its own) was −2.24.
    const result = build([{ sheetName: 'Settlement', rows: loadFixture('amazon-settlement-v2.txt') }]);
    expect(blocks(result.reconciliation?.table.rows ?? [])).toEqual([['Settlement', 'USD', -144.41, -2.24]]);
    expect(result.issues).toContainEqual({
      sheet: 'Settlement',
      row: 0,
      key: 'USD',
      reason: {
        key: 'issue.reconciliation.unexplained',
        params: { amount: '-2.24', currency: 'USD', total: '-144.41' },
      },
    });
  });

  it('a settlement with one line deleted shows exactly that line’s amount', () => {
    const rows = loadFixture('amazon-settlement-v2.txt');
    // Deleting the storage fee line (−8.20) leaves its −8.20 of the stated total unexplained too: −2.24 − 8.20.
    const withoutStorage = rows.filter((row) => !row.includes('Storage Fee'));
    expect(withoutStorage).toHaveLength(rows.length - 1);
    const result = build([{ sheetName: 'Settlement', rows: withoutStorage }]);
    expect(blocks(result.reconciliation?.table.rows ?? [])).toEqual([['Settlement', 'USD', -144.41, -10.44]]);
  });

  it('a Walmart period whose line has an unreadable date shows that line’s −1.80 as unexplained', () => {
    const result = build([{ sheetName: 'Recon', rows: loadFixture('walmart-recon.csv') }]);
    expect(blocks(result.reconciliation?.table.rows ?? [])).toEqual([['Recon', 'USD', 33.06, -1.8]]);
  });

  it('a Date Range line whose total disagrees with its parts shows the difference', () => {
    const rows: CellGrid = loadFixture('amazon-date-range-transactions.csv').map((row) => [...row]);
    const header = rows.findIndex((row) => row.includes('date/time'));
    const totalColumn = (rows[header] ?? []).indexOf('total');
    const firstLine = rows[header + 1] ?? [];
    // 7.81 written as 7.91: the parts still add up to 7.81, so 0.10 of the total is unexplained.
    expect(firstLine[totalColumn]).toBe('7.81');
    firstLine[totalColumn] = '7.91';
    const result = build([{ sheetName: 'Transactions', rows }]);
    expect(blocks(result.reconciliation?.table.rows ?? [])).toEqual([['Transactions', 'USD', 316.61, 0.1]]);
  });

  it('the same report appended below itself is two blocks, each reconciled', () => {
    const rows = loadFixture('tiktok-settlement.csv');
    const result = build([{ sheetName: 'Income', rows: [...rows, ...rows] }]);
    expect(blocks(result.reconciliation?.table.rows ?? [])).toEqual([
      ['Income', 'USD', -14.16, 0],
      ['Income', 'USD', -14.16, 0],
    ]);
  });

  it('no payments report, no Reconciliation', () => {
    expect(
      build([{ sheetName: 'Orders', rows: loadFixture('shopify-orders.csv') }]).reconciliation,
    ).toBeNull();
  });
});

describe('payments principal against order-export revenue, per channel and month', () => {
  it('the samples: the Date Range report’s four March orders, three of them in the All Orders downloads', () => {
    const sheet = (file: string): SourceGrid => ({
      sheetName: file,
      rows: readExportFile(join(SAMPLES, file)),
    });
    const result = build([
      sheet('amazon-all-orders-2026-03-03.txt'),
      sheet('amazon-all-orders-2026-03-04.txt'),
      sheet('amazon-date-range-transactions.csv'),
    ]);
    const rows = result.reconciliation?.table.rows ?? [];
    const comparisonHeader = rows.findIndex((row) => row[0] === 'channel');
    expect(rows[comparisonHeader]?.slice(0, 8)).toEqual([
      'channel',
      'month',
      'currency',
      'orders_in_payments',
      'orders_matched',
      'payments_principal',
      'order_revenue',
      'difference',
    ]);
    // Principal after promotions: 19.99 (…001), 39.98 − 5.00 (…002), 12.99 (…003), 35.00 (…008) — all four orders are
    // in the All Orders downloads with the same revenue, so the difference is 0.00.
    expect(rows[comparisonHeader + 1]?.slice(0, 8)).toEqual([
      'amazon',
      '2026-03',
      'USD',
      4,
      4,
      102.96,
      102.96,
      0,
    ]);
  });
});
