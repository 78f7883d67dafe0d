/**
 * A Sponsored Brands report is read for spend only when each row is a whole campaign. The console's keyword, search
 * term, placement and ad group reports carry the same spend again, split by another column; reading one of them beside
 * the campaign report would count the money twice (SPEC §2 "Ad spend counts once"). Their header has the campaign
 * report's columns plus that split, so they are recognised as Sponsored Brands reports and then left out here, whole,
 * with one Data Issue naming the column that gives them away.
 */
import { type SheetReader } from './sheetReader';

/** Columns (normalised names, classic and unified console) that split a campaign's spend into parts. */
const SPEND_SPLIT_COLUMNS = [
  'ad group name',
  'keyword',
  'keyword text',
  'targeting',
  'match type',
  'customer search term',
  'search term',
  'placement type',
  'placement',
  'placement classification',
  'advertised product sku',
  'advertised sku',
] as const;

/** True when the sheet splits spend below the campaign: its rows were then counted as left out, with the issue. */
export function leftOutAsSpendSplit(sheet: SheetReader): boolean {
  const splitColumn = SPEND_SPLIT_COLUMNS.map((name) => sheet.column(name)).find((index) => index >= 0);
  if (splitColumn === undefined) return false;
  let rows = 0;
  for (const dataRow of sheet.dataRows()) {
    void dataRow;
    sheet.excludeRow();
    rows++;
  }
  sheet.addIssue(0, sheet.context.sheetName, {
    key: 'issue.sbReportSplitsSpend',
    params: { column: sheet.headerText(splitColumn), rows },
  });
  return true;
}
