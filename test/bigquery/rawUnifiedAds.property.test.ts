/**
 * Property (issue 15, item 4): the unified Ads console's Sponsored Products advertised-product report and campaign
 * report in the Drive folder count each ad row once and put it where the KPI Summary build does. Random reports
 * (one-day and several-day `Date range` cells, campaigns, ad groups and SKUs repeated with other figures, another
 * currency's rows, campaign rows of Sponsored Brands in two spellings and of Sponsored Products): the two reports
 * alone, beside a second download of each and beside copies with their rows in another order give the same KPI rows,
 * and the KPI Summary's (summarize()) ad columns. Each run stages DuckDB twice.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { EMPTY_COST_TABLE } from '../../src/core/costs/costs';
import { readSource } from '../../src/core/reports';
import { summarize } from '../../src/core/summary/summarize';
import { type KpiRow, type LocalExportFile, runStaging } from './rawDuckDb';

const ZONE = 'America/Los_Angeles';
const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');

function headerOf(fixture: string): { line: string; names: string[] } {
  const line = readFileSync(join(FIXTURES, fixture), 'utf8').split(/\r?\n/)[0] ?? '';
  return { line, names: line.split(',') };
}

const SP = headerOf('amazon-sp-advertised-product-unified.csv');
const SB = headerOf('amazon-sb-campaign-unified.csv');

const adRow = fc.record({
  campaignReport: fc.boolean(),
  adProduct: fc.constantFrom('Sponsored Brands', 'SPONSORED_BRANDS', 'Sponsored Products'),
  day: fc.integer({ min: 1, max: 3 }),
  days: fc.constantFrom(1, 1, 1, 2),
  campaign: fc.constantFrom('Cast Nets', 'Pliers'),
  adGroup: fc.constantFrom('Group 1', 'Group 2'),
  sku: fc.constantFrom('SKU-A', 'SKU-B'),
  currency: fc.constantFrom('USD', 'USD', 'USD', 'CAD'),
  impressions: fc.integer({ min: 0, max: 5_000 }),
  clicks: fc.integer({ min: 0, max: 50 }),
  spendCents: fc.integer({ min: 0, max: 9_999 }),
  salesCents: fc.integer({ min: 0, max: 20_000 }),
  orders: fc.integer({ min: 0, max: 5 }),
});

type AdRow = typeof adRow extends fc.Arbitrary<infer T> ? T : never;

const money = (cents: number): string => (cents / 100).toFixed(2);

function reportLines(rows: readonly AdRow[], campaignReport: boolean): string[] {
  const header = campaignReport ? SB : SP;
  return rows
    .filter((row) => row.campaignReport === campaignReport)
    .map((row) => {
      const from = `Sep 0${row.day}, 2026`;
      const to = `Sep 0${row.day + row.days - 1}, 2026`;
      const cells: Record<string, string> = {
        'Budget currency': row.currency,
        'Date range': `"${from} - ${to}"`,
        'Campaign name': `${row.adProduct === 'Sponsored Products' ? 'SP' : 'SB'} - ${row.campaign}`,
        'Ad product': row.adProduct,
        'Ad group name': row.adGroup,
        'Advertised product SKU': row.sku,
        Impressions: String(row.impressions),
        Clicks: String(row.clicks),
        'Total cost': money(row.spendCents),
        Sales: money(row.salesCents),
        Purchases: String(row.orders),
        'Units sold': String(row.orders),
      };
      // The campaign fixture has a `Date` column: this report writes `Date range` instead.
      return header.names
        .map((name) => (name === 'Date' ? cells['Date range'] : (cells[name] ?? '')))
        .join(',');
    });
}

const COLUMNS = ['ad_spend', 'ad_sales', 'ad_clicks', 'ad_impressions'] as const;

function adsOf(rows: readonly KpiRow[]): string[] {
  return rows
    .map((row) =>
      [row['date'], row['sku'], ...COLUMNS.map((column) => Number(row[column]).toFixed(2))].join(' '),
    )
    .sort();
}

describe('the unified Ads console’s reports in the Drive folder count once', () => {
  it('the reports alone, beside second downloads and reordered copies, give the KPI Summary build’s ad columns', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'raw-unified-ads-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(adRow, { minLength: 1, maxLength: 12 }), async (rows) => {
          const files: LocalExportFile[] = [];
          const copies: LocalExportFile[] = [];
          for (const [name, header, campaignReport] of [
            ['sp', SP.line, false],
            ['campaigns', SB.line.replace(',Date,', ',Date range,'), true],
          ] as const) {
            const lines = reportLines(rows, campaignReport);
            const path = join(folder, `${name}.csv`);
            const reordered = join(folder, `${name}-reordered.csv`);
            writeFileSync(path, `${[header, ...lines].join('\n')}\n`);
            writeFileSync(reordered, `${[header, ...[...lines].reverse()].join('\n')}\n`);
            files.push({ fileId: name, path });
            copies.push(
              { fileId: name, path },
              { fileId: `${name}-again`, path },
              { fileId: `${name}-reordered`, path: reordered },
            );
          }
          const once = await runStaging(files, ZONE);
          const thrice = await runStaging(copies, ZONE);
          expect(adsOf(thrice.kpiRows)).toEqual(adsOf(once.kpiRows));
          const facts = files.flatMap((file) => {
            const read = readSource(readExportFile(file.path), {
              sheetName: file.fileId,
              reportingTimeZone: ZONE,
              spreadsheetTimeZone: ZONE,
              period: null,
            });
            if (!read) throw new Error(`${file.path} was not recognised`);
            return read.result.facts;
          });
          const summary = summarize(facts, { costs: EMPTY_COST_TABLE, fxUsdCny: null }).rows;
          expect(adsOf(once.kpiRows)).toEqual(
            summary
              .map((row) =>
                [row.date, row.sku, row.adSpend, row.adSales, row.adClicks, row.adImpressions]
                  .map((value) => (typeof value === 'number' ? value.toFixed(2) : value))
                  .join(' '),
              )
              .sort(),
          );
        }),
        { numRuns: 8 },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
