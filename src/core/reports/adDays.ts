/**
 * The day of an Ads console row. A Daily report (time unit Daily) has a `Date` column; a Summary report has
 * `Start Date`/`End Date` (unified 2025/26 format: one `Date range` cell). A row over several days is a sum over
 * the range that cannot be split into days without inventing numbers, so it yields no daily fact; a range of one day
 * is that day. The rows over a range are listed once per sheet as a Data Issue that tells the user which report to
 * download instead (SPEC §2: nothing is lost silently).
 */
import { type AdFact, type AdProduct, type IsoDate, type SearchTermFact } from '../model';
import { type RowReader, type SheetReader } from './sheetReader';
import { sponsoredProductsLabels } from './sponsoredProductsLabels';
import { OtherMarketLines } from './usMarket';

export interface AdDayColumns {
  date: number;
  start: number;
  end: number;
  range: number;
}

export class AdDays {
  private rangeRows = 0;
  private rangeFrom: IsoDate | null = null;
  private rangeTo: IsoDate | null = null;

  constructor(
    private readonly sheet: SheetReader,
    private readonly columns: AdDayColumns,
  ) {}

  /** The row's day; null when the row covers several days (noted) or could not be read (issue recorded). */
  dayOf(row: RowReader): IsoDate | null {
    const { date, start, end, range } = this.columns;
    if (date >= 0) return row.requiredMoment(date)?.date ?? null;
    let from: IsoDate | null;
    let to: IsoDate | null;
    if (range >= 0) {
      const days = row.dayRange(range);
      if (days === null && !row.failed) {
        row.fail({ key: 'issue.missingValue', params: { column: this.sheet.headerText(range) } });
      }
      from = days?.from ?? null;
      to = days?.to ?? null;
    } else {
      from = row.requiredMoment(start)?.date ?? null;
      to = row.requiredMoment(end)?.date ?? null;
    }
    if (row.failed || from === null || to === null) return null;
    if (from === to) return from;
    this.rangeRows++;
    if (this.rangeFrom === null || from < this.rangeFrom) this.rangeFrom = from;
    if (this.rangeTo === null || to > this.rangeTo) this.rangeTo = to;
    return null;
  }

  /** Adds the one sheet-level issue about rows over a range, if there were any. */
  finish(): void {
    if (this.rangeRows === 0 || this.rangeFrom === null || this.rangeTo === null) return;
    this.sheet.addIssue(0, this.sheet.context.sheetName, {
      key: 'issue.adReportNotDaily',
      params: { count: this.rangeRows, from: this.rangeFrom, to: this.rangeTo },
    });
  }
}

/** The columns the classic Ads console's Sponsored Products reports share (advertised product and search term). */
export interface ClassicConsoleColumns {
  days: AdDays;
  campaign: number;
  adGroup: number;
  spend: number;
  sales: number;
  orders: number;
  clicks: number;
  impressions: number;
}

/**
 * The columns of a classic console Sponsored Products report, found under their English or Chinese labels
 * (sponsoredProductsLabels.ts). English attribution columns are matched by prefix: a non-US console adds its currency
 * to the name (`7 Day Total Sales (₹)`) and Sponsored Brands attribute 14 days. Chinese ones are matched whole.
 */
export function classicConsoleColumns(sheet: SheetReader): ClassicConsoleColumns {
  const labels = sponsoredProductsLabels;
  const englishSales = sheet.columnStartingWith('7 day total sales', '14 day total sales');
  const englishOrders = sheet.columnStartingWith('7 day total orders', '14 day total orders');
  return {
    days: classicConsoleDays(sheet),
    campaign: sheet.column(...labels.of('campaign')),
    adGroup: sheet.column(...labels.of('adGroup')),
    spend: sheet.column(...labels.of('spend')),
    sales: englishSales >= 0 ? englishSales : sheet.column(...labels.of('sales')),
    orders: englishOrders >= 0 ? englishOrders : sheet.column(...labels.of('orders')),
    clicks: sheet.column(...labels.of('clicks')),
    impressions: sheet.column(...labels.of('impressions')),
  };
}

/**
 * The attributed-results columns of the classic console's Sponsored Display and Sponsored Brands reports, which
 * attribute 14 days (EXPORTS §2b). Each `14 Day Total …` column has a `… - (Click)` twin that counts click-attributed
 * results only; the totals (views and clicks) are what the console shows as sales and orders, so they are taken by
 * their exact names, never by a prefix that could land on the twin. A column the report lacks reads as 0.
 */
export interface FourteenDayColumns {
  sales: number;
  orders: number;
  units: number;
}

export function fourteenDayColumns(sheet: SheetReader): FourteenDayColumns {
  return {
    sales: sheet.column('14 day total sales'),
    orders: sheet.column('14 day total orders (#)'),
    units: sheet.column('14 day total units (#)'),
  };
}

/** The day columns of a classic console report: `Date`/`日期` (Daily) or `Start Date`/`End Date` (Summary). */
export function classicConsoleDays(sheet: SheetReader): AdDays {
  const labels = sponsoredProductsLabels;
  return new AdDays(sheet, {
    date: sheet.column(...labels.of('date')),
    start: sheet.column(...labels.of('startDate')),
    end: sheet.column(...labels.of('endDate')),
    range: -1,
  });
}

/** The columns an ad report's row is read from; -1 for one the report lacks (blank text, 0). */
export interface AdRowColumns {
  days: AdDays;
  campaign: number;
  adGroup: number;
  /** The advertised SKU, which a row must have; null for a report without SKUs (Sponsored Brands' campaigns). */
  sku: number | null;
  spend: number;
  sales: number;
  clicks: number;
  impressions: number;
  orders: number;
  units: number;
  currency: number;
}

/**
 * Every row of an Ads console report of advertised products or campaigns (classic Sponsored Products, Display and
 * Brands; unified advertised product and Brands campaign) as an Amazon ad fact of `adProduct`: one day per row
 * (AdDays), campaign and SKU required, a row in another profile's currency left out (SPEC §2a: an Ads account can hold
 * other countries' profiles, whose spend is not dollars of the US store), and a row `leavesOut` claims (a unified
 * campaign report's other ad products) not read further. One loop for the five reports, which differ in their columns.
 */
export function readAdRows(
  sheet: SheetReader,
  adProduct: AdProduct,
  columns: AdRowColumns,
  leavesOut?: (row: RowReader) => boolean,
): void {
  const otherMarkets = new OtherMarketLines(sheet);
  for (const dataRow of sheet.dataRows()) {
    const row = sheet.row(dataRow, columns.campaign);
    if (leavesOut?.(row)) continue;
    const date = columns.days.dayOf(row);
    if (date === null) continue;
    const campaign = row.requiredText(columns.campaign);
    // No SKU (a Brands campaign): the summary keys the row by date + campaign and puts it on the channel row.
    const sku = columns.sku === null ? '' : row.requiredText(columns.sku);
    const fact: AdFact = {
      kind: 'ad',
      channel: 'amazon',
      adProduct,
      date,
      campaign,
      adGroup: row.text(columns.adGroup),
      sku,
      spend: row.moneyOrZero(columns.spend),
      sales: row.moneyOrZero(columns.sales),
      clicks: row.countOrZero(columns.clicks),
      impressions: row.countOrZero(columns.impressions),
      orders: row.countOrZero(columns.orders),
      units: row.countOrZero(columns.units),
      row: dataRow.sheetRow,
      source: sheet.sourceOf(dataRow),
    };
    if (row.failed) continue;
    if (otherMarkets.admitsUsDollars(row.text(columns.currency), fact.spend)) sheet.addFact(fact);
  }
  columns.days.finish();
  otherMarkets.finish();
}

/**
 * Every row of a Sponsored Products search term report (`searchTerm`: its column) or targeting report (null: the row
 * is every search that matched the target, and names no single search term) as a search term fact: the spend seen
 * from the shopper's side, never added to ad spend. The row's key for Data Issues is its search term, else its target.
 */
export function readSearchTermRows(
  sheet: SheetReader,
  columns: ClassicConsoleColumns,
  key: { targeting: number; searchTerm: number | null },
): void {
  for (const dataRow of sheet.dataRows()) {
    const row = sheet.row(dataRow, key.searchTerm ?? key.targeting, columns.campaign);
    const date = columns.days.dayOf(row);
    if (date === null) continue;
    const campaign = row.requiredText(columns.campaign);
    const adGroup = row.text(columns.adGroup);
    // A targeting report's row is its target, which it must name; a search term report's row is its search term.
    const targeting = key.searchTerm === null ? row.requiredText(key.targeting) : row.text(key.targeting);
    const searchTerm = key.searchTerm === null ? '' : row.requiredText(key.searchTerm);
    const fact: SearchTermFact = {
      kind: 'searchTerm',
      channel: 'amazon',
      date,
      campaign,
      adGroup,
      targeting,
      searchTerm,
      spend: row.moneyOrZero(columns.spend),
      sales: row.moneyOrZero(columns.sales),
      clicks: row.countOrZero(columns.clicks),
      impressions: row.countOrZero(columns.impressions),
      orders: row.countOrZero(columns.orders),
      row: dataRow.sheetRow,
      source: sheet.sourceOf(dataRow),
    };
    if (!row.failed) sheet.addFact(fact);
  }
  columns.days.finish();
}
