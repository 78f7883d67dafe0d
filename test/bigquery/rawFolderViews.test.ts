/**
 * Issue 15, item 4 on dist/ (the BigQuery flavour) in the local world: the Drive folder's export files reach the KPI
 * model, the views and Looker Studio. The two-month workbook (January–February 2026, test/bigquery/workbook.ts) is
 * built with a folder of the March samples; the views then return the workbook's rows for its days and the folder's
 * KPI rows (computed in BigQuery from the folder's facts and the workbook's Costs, fee tables and Products) for March,
 * and the Looker Studio BigQuery link points at kpi_daily, which holds them. Pasting the same March exports into the
 * workbook as well changes no total: those days become the workbook's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type GasWorld, loadDist } from '../gas-world';
import { bigQueryDist, buildIn, DATASET, PROJECT, settingOf, sheetDay, workbook } from './workbook';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const FOLDER_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz_march-exports';
const AMAZON_FILES = ['amazon-all-orders-2026-03-03.txt', 'amazon-all-orders-2026-03-04.txt'];

type ViewRow = Record<string, string | number | boolean | null>;

function marchWorkbook(options: { pasteAmazon: boolean }): GasWorld {
  const world = workbook({
    settings: [
      ['key', 'value'],
      ['fx_usd_cny', '7.2'],
      ['language', 'en'],
      ['bigquery_project_id', PROJECT],
      ['bigquery_dataset', DATASET],
      ['bigquery_location', 'US'],
      ['bigquery_raw_folder_id', FOLDER_ID],
    ],
  });
  const folder = world.drive.addFolder(FOLDER_ID, 'March exports');
  for (const name of AMAZON_FILES)
    world.drive.addFile(folder, name, 'text/plain', readFileSync(join(SAMPLES, name)));
  world.drive.addFile(folder, 'shopify.csv', 'text/csv', readFileSync(join(SAMPLES, 'shopify-orders.csv')));
  world.drive.addFile(
    folder,
    'sp.csv',
    'text/csv',
    readFileSync(join(SAMPLES, 'sp-advertised-product-daily.csv')),
  );
  // The seller also pastes the same Amazon downloads into the workbook.
  if (options.pasteAmazon)
    for (const name of AMAZON_FILES)
      world.addSheet(name.replace('.txt', ''), readExportFile(join(SAMPLES, name)), 'text');
  return world;
}

function view(world: GasWorld, name: string, where = ''): ViewRow[] {
  return world.bigQuery.select(`SELECT * FROM \`${PROJECT}.${DATASET}.${name}\` ${where}`);
}

const cents = (value: unknown): string | null => (value === null ? null : Number(value).toFixed(2));

let dist: string;
let folderOnly: GasWorld;
beforeAll(async () => {
  dist = await bigQueryDist();
  folderOnly = marchWorkbook({ pasteAmazon: false });
  buildIn(folderOnly, dist);
}, 180_000);

describe('Drive folder exports in the views and Looker Studio', () => {
  it('kpi_daily holds the workbook rows for its days and the folder KPI rows for March, each saying where it came from', () => {
    expect(settingOf(folderOnly, 'last_bigquery_raw_load_status')).toBe('loaded');
    const rows = view(folderOnly, 'kpi_daily');
    const sources = new Set(rows.map((row) => `${String(row['date']).slice(0, 7)} ${String(row['source'])}`));
    expect([...sources].sort()).toEqual(['2026-01 workbook', '2026-02 workbook', '2026-03 drive_folder']);
    // What the folder's rows leave blank is said as the KPI Summary says it: 00501 has no Costs row (so no cogs, and no
    // fee inputs for its Amazon fees); Shopify's fees come only from payments reports.
    const issues = folderOnly
      .sheetValues('Data Issues')
      .map((cells) => `${String(cells[0])} | ${String(cells[2])} | ${String(cells[3])}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'Costs | 00501 | SKU has sales but no row in the Costs sheet: cogs and gross profit are blank.',
        expect.stringMatching(/^ \| shopify \| No payments report covers these days/),
        ' | amazon 00501 | No payments report covers these days; add category, weight and dimensions in the Costs sheet to estimate Amazon fees. Fees and gross profit are blank.',
      ]),
    );
  });

  it('the folder row of MUG-01 on Amazon, 2026-03-04, has the hand-worked KPI figures', () => {
    const [row] = view(
      folderOnly,
      'kpi_daily',
      "WHERE date = DATE '2026-03-04' AND channel = 'amazon' AND sku = 'MUG-01'",
    );
    expect(row).toBeDefined();
    expect(row?.['source']).toBe('drive_folder');
    expect([Number(row?.['units']), Number(row?.['orders']), cents(row?.['revenue'])]).toEqual([
      3,
      1,
      '59.97',
    ]);
    // The workbook's Costs: 4.00 + 1.00 first leg, no duty = 5.00 a unit; × 3.
    expect(cents(row?.['cogs'])).toBe('15.00');
    // Per unit at 19.99: referral 15% (Home & Kitchen) 2.9985 → 3.00; FBA small standard (8 × 5 × 0.5 in, 0.4 lb: the
    // 0.5 lb row), 2026 card, $10–50 band: 3.54, no surcharge before 2026-04-17. (3.00 + 3.54) × 3 = 19.62, estimated.
    expect(cents(row?.['fees'])).toBe('19.62');
    expect(Number(row?.['fees_estimated'])).toBe(1);
    // 59.97 − 19.62 − 15.00 = 25.35; × 7.2 = 182.52.
    expect(cents(row?.['gross_profit'])).toBe('25.35');
    expect(cents(row?.['gross_profit_cny'])).toBe('182.52');
    expect([row?.['category'], row?.['owner']]).toEqual(['Kitchen', 'Li Wei']);
    // No returns or payments reports in the folder path: 0, as on a KPI Summary day without them.
    expect([cents(row?.['refunds']), Number(row?.['returned_units'])]).toEqual(['0.00', 0]);
  });

  it('kpi_by_channel: March from the folder (samples/README.md: Amazon 208.90, Shopify 95.00), January unchanged', () => {
    const months = view(folderOnly, 'kpi_by_channel', "WHERE grain = 'month'");
    const revenue = (month: string, channel: string): string | null =>
      cents(
        months.find((row) => String(row['period_start']) === month && row['channel'] === channel)?.[
          'revenue'
        ] ?? null,
      );
    expect(revenue('2026-03-01', 'amazon')).toBe('208.90');
    expect(revenue('2026-03-01', 'shopify')).toBe('95.00');
    // January is the workbook's: the KPI Summary sheet's own Amazon revenue of that month.
    const january = folderOnly
      .sheetValues('KPI Summary')
      .slice(1)
      .filter((cells) => String(cells[1]) === 'amazon' && sheetDay(cells[0]).startsWith('2026-01'))
      .reduce((sum, cells) => sum + Number(cells[5]), 0);
    expect(january).toBeGreaterThan(0);
    expect(revenue('2026-01-01', 'amazon')).toBe(cents(january));
  });

  it("the Looker Studio BigQuery link opens kpi_daily, the view holding the folder's rows", () => {
    const script = loadDist(folderOnly, dist);
    const dialog = script.openLookerStudio?.() as { bigQueryLink: string };
    const link = new URL(dialog.bigQueryLink);
    expect(link.searchParams.get('ds.ds0.connector')).toBe('bigQuery');
    expect(link.searchParams.get('ds.ds0.tableId')).toBe('kpi_daily');
    expect(link.searchParams.get('ds.ds0.datasetId')).toBe(DATASET);
    expect(view(folderOnly, 'kpi_daily', "WHERE source = 'drive_folder'").length).toBeGreaterThan(0);
  });

  it("the same Amazon exports pasted into the workbook too: March totals unchanged, those days now the workbook's", () => {
    const both = marchWorkbook({ pasteAmazon: true });
    buildIn(both, dist);
    const march = (world: GasWorld) =>
      view(
        world,
        'kpi_by_channel',
        "WHERE grain = 'month' AND period_start = DATE '2026-03-01' ORDER BY channel",
      ).map((row) => [
        row['channel'],
        cents(row['revenue']),
        Number(row['units']),
        cents(row['fees']),
        cents(row['cogs']),
      ]);
    expect(march(both)).toEqual(march(folderOnly));
    const amazonMarch = view(both, 'kpi_daily', "WHERE channel = 'amazon' AND date >= DATE '2026-03-01'");
    expect(new Set(amazonMarch.map((row) => row['source']))).toEqual(new Set(['workbook']));
    const shopifyMarch = view(both, 'kpi_daily', "WHERE channel = 'shopify'");
    expect(new Set(shopifyMarch.map((row) => row['source']))).toEqual(new Set(['drive_folder']));
  }, 180_000);

  it('files removed from the folder leave the views at the next build; the workbook rows stay', () => {
    const world = marchWorkbook({ pasteAmazon: false });
    buildIn(world, dist);
    expect(view(world, 'kpi_daily', "WHERE source = 'drive_folder'").length).toBeGreaterThan(0);
    world.drive.getFolderById(FOLDER_ID).files.splice(0);
    buildIn(world, dist);
    expect(settingOf(world, 'last_bigquery_raw_load_status')).toBe('empty');
    expect(view(world, 'kpi_daily', "WHERE source = 'drive_folder'")).toEqual([]);
    expect(world.bigQuery.tableRows(DATASET, 'raw_order_lines')).toEqual([]);
    expect(view(world, 'kpi_daily', "WHERE source = 'workbook'").length).toBeGreaterThan(0);
  }, 180_000);
});
