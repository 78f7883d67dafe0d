/**
 * Property (issue 15, item 4): Sponsored Display and Sponsored Brands reports in the Drive folder count each ad row
 * once and put it where the KPI Summary build does. Random Daily reports of the classic console (campaigns, ad groups
 * and SKUs repeated with other figures, another currency's rows): the two reports alone, beside a second download of
 * each and beside copies with their rows in another order give the same KPI rows, and the KPI Summary's (summarize())
 * ad columns. Each run stages DuckDB twice (about a second each), so the run count is small.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { adRows, type GeneratedExport, inTemporaryFolder, PROPERTY_TIME_LIMIT_MS } from './rawProperty';

const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');

/** The header line of a fixture, as written, and its column names (its one quoted name holds a comma). */
function headerOf(fixture: string): { line: string; names: string[] } {
  const line = readFileSync(join(FIXTURES, fixture), 'utf8').split(/\r?\n/)[0] ?? '';
  const names = [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((match) => (match[1] ?? match[2] ?? '').trim());
  return { line, names };
}

const SD = headerOf('amazon-sd-advertised-product-daily.csv');
const SB = headerOf('amazon-sb-campaign-daily.csv');

const adRow = fc.record({
  brands: fc.boolean(),
  day: fc.integer({ min: 1, max: 3 }),
  campaign: fc.constantFrom('Remarketing', 'Contextual'),
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

const money = (cents: number): string => `$${(cents / 100).toFixed(2)}`;

/** The rows of one report in its header's column order; columns the row does not name are blank. */
function reportLines(rows: readonly AdRow[], brands: boolean): string[] {
  const header = brands ? SB : SD;
  return rows
    .filter((row) => row.brands === brands)
    .map((row) => {
      const cells: Record<string, string> = {
        Date: `"Sep 0${row.day}, 2026"`,
        Currency: row.currency,
        'Campaign Name': `${brands ? 'SB' : 'SD'} - ${row.campaign}`,
        'Ad Group Name': row.adGroup,
        'Advertised SKU': row.sku,
        Impressions: String(row.impressions),
        Clicks: String(row.clicks),
        Spend: money(row.spendCents),
        '14 Day Total Sales': money(row.salesCents),
        '14 Day Total Orders (#)': String(row.orders),
        '14 Day Total Units (#)': String(row.orders),
        // The `- (Click)` twin holds another figure: it must never be read for the total.
        '14 Day Total Sales - (Click)': money(Math.floor(row.salesCents / 2)),
      };
      return header.names.map((name) => cells[name] ?? '').join(',');
    });
}

describe('Sponsored Display and Brands reports in the Drive folder count once', () => {
  it('the reports alone, beside second downloads and reordered copies, give the KPI Summary build’s ad columns', async () => {
    await inTemporaryFolder('raw-ads-', async (folder) => {
      await fc.assert(
        fc.asyncProperty(fc.array(adRow, { minLength: 1, maxLength: 12 }), async (rows) => {
          const report = (fileId: string, header: string, brands: boolean): GeneratedExport => ({
            fileId,
            fileName: `${fileId}.csv`,
            lines: reportLines(rows, brands),
            text: (lines) => `${[header, ...lines].join('\n')}\n`,
          });
          const ads = await adRows(folder, [report('sd', SD.line, false), report('sb', SB.line, true)]);
          expect(ads.withCopies).toEqual(ads.alone);
          expect(ads.alone).toEqual(ads.build);
        }),
        { numRuns: 8, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
      );
    });
  }, 120_000);
});
