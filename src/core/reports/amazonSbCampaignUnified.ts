/**
 * The unified-reporting "Campaign" report of the Amazon Ads console (2025/26), read for its Sponsored Brands rows:
 * one row per campaign (and day, with `Date`; or one `Date range` cell), `Total cost`/`Sales`/`Purchases`/
 * `Units sold`, and an `Ad product` column that says which ad type each campaign is. Sponsored Brands rows have no
 * SKU and go on the channel's row (SPEC §2b). Sponsored Products and Display rows of the same report are left out,
 * counted in one Data Issue: their spend is read per SKU from the advertised-product reports, and a campaign total
 * beside them would count it twice.
 *
 * PARTLY UNCONFIRMED (docs/EXPORTS-SOURCES.md): the `Ad product` column and the campaign-only columns are known from
 * third-party parsers of the file, not from a copy of it; the values of `Ad product` were not seen, so any spelling
 * of "Sponsored Brands" (`Sponsored Brands`, `SPONSORED_BRANDS`, `SB`, `SBV`) is taken. A campaign report without an
 * `Ad product` column cannot tell Sponsored Brands from the others and is not recognised.
 */
import { AdDays, readAdRows } from './adDays';
import { leftOutAsSpendSplit } from './amazonSbBreakdown';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

/** The ad product written in letters only, lower case: `Sponsored Brands`, `SPONSORED_BRANDS` → `sponsoredbrands`. */
function isSponsoredBrands(adProduct: string): boolean {
  const letters = adProduct.toLowerCase().replace(/[^a-z]/g, '');
  return letters.startsWith('sponsoredbrand') || letters === 'sb' || letters === 'sbv';
}

/** Rows of other ad products, per ad product as the report writes it. */
class OtherAdProductRows {
  private readonly rowsByAdProduct = new Map<string, number>();

  constructor(private readonly sheet: SheetReader) {}

  leaveOut(adProduct: string): void {
    this.sheet.excludeRow();
    this.rowsByAdProduct.set(adProduct, (this.rowsByAdProduct.get(adProduct) ?? 0) + 1);
  }

  finish(): void {
    if (this.rowsByAdProduct.size === 0) return;
    const adProducts = [...this.rowsByAdProduct.keys()].map((name) => name || '—').join(', ');
    const count = [...this.rowsByAdProduct.values()].reduce((sum, rows) => sum + rows, 0);
    this.sheet.addIssue(0, this.sheet.context.sheetName, {
      key: 'issue.campaignRowsOfSkuAdProducts',
      params: { count, adProducts },
    });
  }
}

export const amazonSbCampaignUnified: ReportDefinition = {
  type: 'amazon-sb-campaign-unified',
  channel: 'amazon',
  labelKey: 'report.amazonSbCampaignUnified',
  periodReport: false,
  requiredHeaders: ['campaign name', 'ad product', 'impressions', 'clicks', 'total cost'],
  // Only columns an advertised-product report never has: on such a sheet this report scores 0 and, with fewer
  // required headers, loses even a tie, so it can never take a Sponsored Products or Display sheet.
  signatureHeaders: [
    'country',
    'state',
    'type',
    'campaign status',
    'campaign bid strategy',
    'campaign budget amount',
    'top-of-search impression share (is)',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    if (leftOutAsSpendSplit(sheet)) return sheet.result();
    const days = new AdDays(sheet, {
      date: sheet.column('date'),
      start: -1,
      end: -1,
      range: sheet.column('date range'),
    });
    const adProductColumn = sheet.column('ad product');
    const otherAdProducts = new OtherAdProductRows(sheet);
    readAdRows(
      sheet,
      'sponsoredBrands',
      {
        days,
        campaign: sheet.column('campaign name'),
        // No ad group and no SKU: the summary keys the row by date + campaign and puts it on the channel row.
        adGroup: -1,
        sku: null,
        spend: sheet.column('total cost'),
        sales: sheet.column('sales'),
        orders: sheet.column('purchases'),
        units: sheet.column('units sold'),
        clicks: sheet.column('clicks'),
        impressions: sheet.column('impressions'),
        currency: sheet.column('budget currency'),
      },
      (row) => {
        const adProduct = row.text(adProductColumn);
        if (isSponsoredBrands(adProduct)) return false;
        otherAdProducts.leaveOut(adProduct);
        return true;
      },
    );
    otherAdProducts.finish();
    return sheet.result();
  },
};
