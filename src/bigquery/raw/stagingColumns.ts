/**
 * The column names of a raw export's staging table. A load job names each CSV column by its place in the schema it
 * is given (the header row itself is skipped), so the schema carries the header's names: normalised as detection
 * compares them (SPEC §2: trimmed, case-insensitive, any dash a hyphen), then every character outside `a-z0-9` as `_`
 * — the characters BigQuery column names take anywhere (cloud.google.com/bigquery/docs/schemas#column_names: letters,
 * numbers and underscores; "flexible" names allow more, but not the parentheses and `#` of `7 Day Total Orders (#)`
 * and `PO#`). A name that would start with a digit gets `c_` before it (`7 Day Total Sales ` → `c_7_day_total_sales`),
 * a blank or all-symbol header `column_<n>`, a repeated one `_2`, `_3`… So the SQL in sql/staging reads
 * `amazon_order_id`, `lineitem_price`, `po`, `c_7_day_total_sales` whatever the file's spelling or column order.
 *
 * Reports whose header is written in the UI's language (the Ads console in Chinese, SPEC §2c) have their Chinese
 * labels named after the English label of the same field, so one SQL reads both.
 */
import { normaliseHeader } from '../../core/parse';
import { type ReportType } from '../../core/reports';
import { sponsoredProductsLabels } from '../../core/reports/sponsoredProductsLabels';

/** Sponsored Products fields the staging SQL reads; their Chinese labels become the English label's column. */
const SPONSORED_PRODUCTS_FIELDS = [
  'date',
  'startDate',
  'endDate',
  'currency',
  'campaign',
  'adGroup',
  'advertisedSku',
  'impressions',
  'clicks',
  'spend',
  'sales',
  'orders',
  'units',
] as const;

/** Normalised header → the English label to name its column after, per report written in the UI's language. */
const TRANSLATED_LABELS: Partial<Record<ReportType, ReadonlyMap<string, string>>> = {
  'amazon-sp-advertised-product': new Map(
    SPONSORED_PRODUCTS_FIELDS.flatMap((field) => {
      const [english, ...others] = sponsoredProductsLabels.of(field);
      return english === undefined ? [] : others.map((label) => [label, english] as const);
    }),
  ),
};

/** A header's column name before repeats are numbered ('' for a header with no letter or digit). */
export function columnNameOf(header: string): string {
  const name = normaliseHeader(header)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(name) ? `c_${name}` : name;
}

/** The staging column name of every header cell, in the header's order. */
export function stagingColumns(type: ReportType, header: readonly string[]): string[] {
  const translated = TRANSLATED_LABELS[type];
  const seen = new Map<string, number>();
  return header.map((cell, index) => {
    const normalised = normaliseHeader(cell);
    const base = columnNameOf(translated?.get(normalised) ?? normalised) || `column_${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}
