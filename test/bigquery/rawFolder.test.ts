/**
 * Issue 15, item 4 on dist/ (the BigQuery flavour): a Drive folder of real-format export files, named in Settings by
 * bigquery_raw_folder_id, is loaded after a build into per-file staging tables of the BigQuery double (load jobs of the
 * files as downloaded) and parsed there by the staging SQL into raw_order_lines, raw_ad_rows and raw_issues; what the
 * user must know goes to Data Issues and Settings. The double runs the SQL in DuckDB (test/gas-world/bigquery.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '../../src/core/i18n';
import { settingsFromRows } from '../../src/core/settings';
import { type GasWorld, DRIVE_READONLY_SCOPE } from '../gas-world';
import { bigQueryDist, buildIn, DATASET, PROJECT, settingOf, workbook } from './workbook';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');
const FOLDER_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz_raw-exports';

function rawWorkbook(): GasWorld {
  const world = workbook({
    settings: [
      ['key', 'value'],
      ['fx_usd_cny', '7.2'],
      ['language', 'en'],
      ['bigquery_project_id', PROJECT],
      ['bigquery_dataset', DATASET],
      ['bigquery_location', 'US'],
      ['bigquery_raw_folder_id', `https://drive.google.com/drive/folders/${FOLDER_ID}`],
    ],
  });
  const folder = world.drive.addFolder(FOLDER_ID, 'Exports');
  const add = (path: string, name: string, type: string): void => {
    world.drive.addFile(folder, name, type, readFileSync(path));
  };
  add(join(SAMPLES, 'amazon-all-orders-2026-03-03.txt'), 'amazon-all-orders-2026-03-03.txt', 'text/plain');
  add(join(SAMPLES, 'amazon-all-orders-2026-03-04.txt'), 'amazon-all-orders-2026-03-04.txt', 'text/plain');
  // The same download dropped into the folder twice: it counts once.
  add(
    join(SAMPLES, 'amazon-all-orders-2026-03-04.txt'),
    'amazon-all-orders-2026-03-04 (1).txt',
    'text/plain',
  );
  add(join(SAMPLES, 'shopify-orders.csv'), 'orders_export.csv', 'text/csv');
  add(join(SAMPLES, 'walmart-orders.csv'), 'walmart.csv', 'text/csv');
  add(join(SAMPLES, 'tiktok-shop-orders.csv'), 'tiktok.csv', 'text/csv');
  add(join(SAMPLES, 'sp-advertised-product-daily.csv'), 'sp.csv', 'text/csv');
  add(join(FIXTURES, 'amazon-fba-returns.txt'), 'returns.txt', 'text/plain');
  add(join(SAMPLES, 'amazon-date-range-transactions.csv'), 'payments-march.csv', 'text/csv');
  add(join(FIXTURES, 'amazon-sd-advertised-product-daily.csv'), 'sd.csv', 'text/csv');
  // A Sponsored Brands report split by keyword: left out whole (its spend would count twice beside the campaigns).
  const keywords = readFileSync(join(FIXTURES, 'amazon-sb-campaign-daily.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line, index) => `${line},${index === 0 ? 'Keyword Text' : 'cast nets'}`)
    .join('\n');
  world.drive.addFile(folder, 'sb-keywords.csv', 'text/csv', Buffer.from(keywords));
  // A Date Range report with a line of a type the add-on does not know: counted as a fee, and listed.
  const dateRangeHead = readFileSync(join(SAMPLES, 'amazon-date-range-transactions.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(0, 8)
    .join('\n');
  const liquidations =
    `${dateRangeHead}\n"Mar 1, 2026 9:00:00 PM PST","24771830001","Liquidations","","","Liquidations proceeds","",` +
    '"amazon.com","Standard Orders","","","","","","0","0","0","0","0","0","0","0","0","0","0","0","0","0","4.10","4.10"\n';
  world.drive.addFile(folder, 'payments-liquidations.csv', 'text/csv', Buffer.from(liquidations));
  // Payments reports of the other channels and Amazon's settlement (with the Date Range report of its days).
  add(join(FIXTURES, 'walmart-recon.csv'), 'walmart-recon.csv', 'text/csv');
  add(join(FIXTURES, 'shopify-payouts.csv'), 'payment_transactions_export_1.csv', 'text/csv');
  add(join(FIXTURES, 'amazon-settlement-v2.txt'), 'settlement.txt', 'text/plain');
  add(join(FIXTURES, 'amazon-date-range-transactions.csv'), 'payments-june-2025.csv', 'text/csv');
  add(join(SAMPLES, 'Costs.csv'), 'notes.csv', 'text/csv');
  world.drive.addFile(folder, 'big.txt', 'text/plain', Buffer.from('amazon-order-id\n'), {
    size: 60 * 1_048_576,
  });
  world.drive.addFile(
    folder,
    'report.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    Buffer.from('PK'),
  );
  return world;
}

function revenueOf(world: GasWorld, channel: string): string {
  const lines = world.bigQuery
    .tableRows(DATASET, 'raw_order_lines')
    .filter((row) => row['channel'] === channel && row['state'] !== 'cancelled');
  return lines.reduce((sum, row) => sum + Number(row['revenue']), 0).toFixed(2);
}

function dataIssues(world: GasWorld): string[] {
  return world.sheetValues('Data Issues').map((row) => `${String(row[0])} | ${String(row[3] ?? '')}`);
}

let dist: string;
beforeAll(async () => {
  dist = await bigQueryDist();
}, 120_000);

describe('the Drive folder of raw exports, loaded and parsed in BigQuery after a build', () => {
  it('loads each export file into its own staging table and parses them into facts, each line once', () => {
    const world = rawWorkbook();
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_raw_load_status')).toBe('loaded');
    // samples/README.md's hand-worked figures: Amazon 208.90 (the Pending line Shipped in the later download, and the
    // later download's second copy, once), Shopify 95.00, Walmart 55.49, TikTok 60.00, ad spend 45.70.
    expect(revenueOf(world, 'amazon')).toBe('208.90');
    expect(revenueOf(world, 'shopify')).toBe('95.00');
    expect(revenueOf(world, 'walmart')).toBe('55.49');
    expect(revenueOf(world, 'tiktok')).toBe('60.00');
    const spend = world.bigQuery
      .tableRows(DATASET, 'raw_ad_rows')
      .reduce((sum, row) => sum + Number(row['spend']), 0);
    // The samples' Sponsored Products 45.70 and the Sponsored Display fixture's US rows 7.44 + 2.61 + 3.20.
    expect(spend.toFixed(2)).toBe('58.95');
    // The FBA returns fixture: two returns with license plates; its row without a SKU is a Data Issue of the file.
    expect(
      world.bigQuery
        .tableRows(DATASET, 'raw_returns')
        .map((row) => `${String(row['sku'])} ${String(row['quantity'])} ${String(row['disposition'])}`)
        .sort(),
    ).toEqual(['LVA1004-UPC 1 CUSTOMER_DAMAGED', 'LVA1004-UPC 2 SELLABLE']);
    // The Date Range report: its fees, refund and storage by fee type, each line once; the KPI row of MUG-01 on
    // 2026-03-03 takes the refund (19.99) and the selling fee given back (2.50), not an estimate: the report covers
    // 03-02 to 03-03.
    const feeTypes = world.bigQuery
      .tableRows(DATASET, 'raw_fee_lines')
      .map((row) => String(row['fee_type']))
      .sort();
    expect(new Set(feeTypes)).toEqual(
      new Set([
        'referral',
        'fulfilment',
        'storage',
        'refund',
        'promotion',
        'advertisingCharge',
        'other',
        'reimbursement',
      ]),
    );
    const mug = world.bigQuery
      .tableRows(DATASET, 'raw_kpi_summary')
      .find((row) => String(row['date']) === '2026-03-03' && row['sku'] === 'MUG-01');
    expect([mug?.['refunds'], mug?.['fees'], mug?.['fees_estimated']].map(Number)).toEqual([19.99, -2.5, 0]);
    // Sixteen export files, sixteen load jobs into their own staging tables (the build's own load has its own tables).
    const rawLoads = world.bigQuery.jobs().filter((job) => {
      const load = job.configuration['load'] as { destinationTable?: { tableId?: string } } | undefined;
      return load?.destinationTable?.tableId?.startsWith('raw_file_') === true;
    });
    expect(rawLoads).toHaveLength(16);
    const issues = dataIssues(world);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringContaining('big.txt | BigQuery › big.txt is 60.0 MB'),
        expect.stringContaining('report.xlsx | BigQuery › report.xlsx is not a CSV or TXT export'),
        expect.stringContaining('notes.csv | BigQuery › notes.csv'),
      ]),
    );
    // The sample's unreadable quantity (`two`) is a Data Issue of its file, as on the sheet path.
    expect(issues.some((text) => text.startsWith('amazon-all-orders-2026-03-03.txt |'))).toBe(true);
    expect(issues.some((text) => text.startsWith('returns.txt |') && !text.includes('BigQuery ›'))).toBe(
      true,
    );
    expect(issues).toContain(
      'sb-keywords.csv | This Sponsored Brands report splits spend by keyword text, so its 3 rows were not counted: ' +
        'beside the campaign report they would count the same spend twice. Download the Sponsored Brands Campaign ' +
        'report for spend.',
    );
    // LVA1004-UPC sold nothing here but 2 units came back SELLABLE: their cost given back is unknown without a Costs
    // row, which the KPI Summary says too.
    expect(
      world
        .sheetValues('Data Issues')
        .filter((cells) => cells[2] === 'LVA1004-UPC')
        .map((cells) => String(cells[0])),
    ).toEqual(['Costs']);
    // The reader's own messages for an Amount Type the add-on does not know, and for settlement lines on days the
    // Date Range report covers (8 of the fixture settlement's, as the KPI Summary counts them).
    expect(issues).toEqual(
      expect.arrayContaining([
        `walmart-recon.csv | ${translate('en', 'issue.walmartRecon.unknownAmountType', {
          amountType: 'Mystery Charge',
          transactionType: 'Adjustment',
        })}`,
        `settlement.txt | ${translate('en', 'issue.settlementCoveredByDateRange', { lines: 8 })}`,
      ]),
    );
    // Shopify's processing fees on the fixture's day: 2.49 of #1001 spread by revenue over SKU-A and SKU-B (sample
    // order #1001's MUG-01 and CANDLE-7 too, as the KPI Summary keys orders by name), 1.24 of #1002.
    const shopifyFees = world.bigQuery
      .tableRows(DATASET, 'raw_kpi_summary')
      .filter((row) => row['channel'] === 'shopify' && String(row['date']) === '2024-05-01')
      .reduce((sum, row) => sum + Number(row['fees']), 0);
    expect(shopifyFees.toFixed(2)).toBe('3.73');
    expect(issues).toContain(
      'payments-liquidations.csv | Payments lines of a type this add-on does not know (Liquidations): 1, amount 4.10. ' +
        "The Drive folder's KPI rows count them as a fee (so profit is not overstated); tell us the type so it gets " +
        'its own category.',
    );
  }, 300_000);

  it('a second build over the same folder gives the same facts (staging tables replaced, never added to)', () => {
    const world = rawWorkbook();
    buildIn(world, dist);
    const first = world.bigQuery
      .tableRows(DATASET, 'raw_order_lines')
      .map((row) => JSON.stringify(row))
      .sort();
    buildIn(world, dist);
    const second = world.bigQuery
      .tableRows(DATASET, 'raw_order_lines')
      .map((row) => JSON.stringify(row))
      .sort();
    expect(second).toEqual(first);
  }, 300_000);

  it('the flavour asks for read-only Drive access; a folder the user cannot see is a Data Issue, nothing loaded', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    expect(manifest.oauthScopes).toContain(DRIVE_READONLY_SCOPE);
    const world = workbook({
      settings: [
        ['key', 'value'],
        ['language', 'en'],
        ['bigquery_project_id', PROJECT],
        ['bigquery_dataset', DATASET],
        ['bigquery_raw_folder_id', 'NoSuchFolder_0123456789'],
      ],
    });
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_raw_load_status')).toBe('failed');
    expect(
      dataIssues(world).some((text) =>
        text.includes('Drive folder NoSuchFolder_0123456789 could not be opened'),
      ),
    ).toBe(true);
    expect(world.bigQuery.hasTable(DATASET, 'raw_order_lines')).toBe(false);
  }, 300_000);

  it('a file whose load job fails is a Data Issue; the other files are parsed without it', () => {
    const world = rawWorkbook();
    // The fourth file of the folder (Shopify's orders_export.csv) is the fourth raw load.
    world.bigQuery.failNextJob({
      jobType: 'LOAD',
      table: 'raw_file_1FakeDriveFile_0004_x',
      message: 'Bad character',
    });
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_raw_load_status')).toBe('loaded');
    expect(
      dataIssues(world).some((text) =>
        text.startsWith(
          'orders_export.csv | BigQuery › orders_export.csv: the load job failed (Bad character)',
        ),
      ),
    ).toBe(true);
    expect(revenueOf(world, 'shopify')).toBe('0.00');
    expect(revenueOf(world, 'amazon')).toBe('208.90');
  }, 300_000);

  it('a parse still running when the run must stop is recorded as pending in Settings and Data Issues', () => {
    const world = rawWorkbook();
    world.bigQuery.delayNextJob({ jobType: 'QUERY', table: 'raw_order_lines' }, 600_000);
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_raw_load_status')).toBe('pending');
    expect(
      dataIssues(world).some((text) => text.includes('the parse of the export files had not finished')),
    ).toBe(true);
  }, 300_000);
});

describe('Settings › bigquery_raw_folder_id', () => {
  it('takes a folder id or a folder address, and refuses anything else in both languages', () => {
    expect(settingsFromRows([['bigquery_raw_folder_id', FOLDER_ID]]).settings.bigQueryRawFolderId).toBe(
      FOLDER_ID,
    );
    expect(
      settingsFromRows([
        ['bigquery_raw_folder_id', `https://drive.google.com/drive/folders/${FOLDER_ID}?usp=sharing`],
      ]).settings.bigQueryRawFolderId,
    ).toBe(FOLDER_ID);
    const { settings, problems } = settingsFromRows([['bigquery_raw_folder_id', 'my exports']]);
    expect(settings.bigQueryRawFolderId).toBe('');
    const problem = problems[0]?.message;
    expect(problem?.key).toBe('settings.problem.bigQueryRawFolderId');
    expect(translate('en', problem?.key ?? '', problem?.params)).toContain(
      '"my exports" is not a Google Drive folder id',
    );
    expect(translate('zh', problem?.key ?? '', problem?.params)).toContain(
      '“my exports”不是 Google 云端硬盘文件夹 ID',
    );
  });
});
