/**
 * Property (issue 15, item 4): the unified Ads console's Sponsored Products advertised-product report and campaign
 * report in the Drive folder count each ad row once and put it where the KPI Summary build does. Random reports
 * (one-day and several-day `Date range` cells, campaigns, ad groups and SKUs repeated with other figures, another
 * currency's rows, campaign rows of Sponsored Brands in two spellings and of Sponsored Products): the two reports
 * alone, beside a second download of each and beside copies with their rows in another order give the same KPI rows,
 * and the KPI Summary's (summarize()) ad columns. Each run stages DuckDB twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { adRows, type GeneratedExport, inTemporaryFolder, PROPERTY_TIME_LIMIT_MS } from './rawProperty';

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

describe('the unified Ads console’s reports in the Drive folder count once', () => {
  it('the reports alone, beside second downloads and reordered copies, give the KPI Summary build’s ad columns', async () => {
    await inTemporaryFolder('raw-unified-ads-', async (folder) => {
      await fc.assert(
        fc.asyncProperty(fc.array(adRow, { minLength: 1, maxLength: 12 }), async (rows) => {
          const report = (fileId: string, header: string, campaignReport: boolean): GeneratedExport => ({
            fileId,
            fileName: `${fileId}.csv`,
            lines: reportLines(rows, campaignReport),
            text: (lines) => `${[header, ...lines].join('\n')}\n`,
          });
          const ads = await adRows(folder, [
            report('sp', SP.line, false),
            report('campaigns', SB.line.replace(',Date,', ',Date range,'), true),
          ]);
          expect(ads.withCopies).toEqual(ads.alone);
          expect(ads.alone).toEqual(ads.build);
        }),
        { numRuns: 8, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
      );
    });
  }, 120_000);
});
