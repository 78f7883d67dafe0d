/**
 * Menu: "Try with sample data" and "Remove sample data" (issue 14). Loading pastes each bundled sample export into a
 * `Sample – …` tab as plain text (as File › Import does with conversion off: "00501" stays a SKU, not 501) and
 * builds; removing deletes exactly those tabs, takes back the Products rows the samples added while nobody has
 * filled them in, and builds again, so every output is what it would be had the samples never been there.
 */
import { SAMPLE_EXPORTS } from 'seller-kpi-samples';
import { translate } from '../core/i18n';
import { parseSampleRecord, type SampleRecord, sampleTabName } from '../core/samples';
import { OWNED_SHEETS, type OwnedSheetName } from '../core/sheetNames';
import { userLanguage } from '../gas/settings';
import { ensureSheetSize, findOwnedSheet } from '../gas/sheets';
import { buildKpiSummary, buildMessage, runBuild } from './build';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property holding the SampleRecord while sample tabs exist. */
const RECORD_KEY = 'sellerKpi.sampleData';

/** Sheets a build writes whole: those the samples created are taken away on removal and built again if needed. */
const BUILT_OUTPUTS: readonly OwnedSheetName[] = [
  OWNED_SHEETS.summary,
  OWNED_SHEETS.dashboard,
  OWNED_SHEETS.dataIssues,
  OWNED_SHEETS.inventory,
  OWNED_SHEETS.kpiInventory,
  OWNED_SHEETS.reconciliation,
  OWNED_SHEETS.review,
];

/** The user's sheets a build may create empty (Costs' template, Products): taken away again while still empty. */
const EDITABLE_CREATED: readonly OwnedSheetName[] = [
  OWNED_SHEETS.costs,
  OWNED_SHEETS.products,
  OWNED_SHEETS.targets,
];

/** The Products sheet's SKUs, or null without the sheet or a `sku` column. */
function productSkus(spreadsheet: Spreadsheet): string[] | null {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.products);
  if (!sheet || sheet.getLastRow() < 1) return null;
  const values = sheet.getRange(1, 1, sheet.getLastRow(), Math.max(sheet.getLastColumn(), 1)).getValues();
  const column = (values[0] ?? []).findIndex((cell) => String(cell).trim().toLowerCase() === 'sku');
  if (column < 0) return null;
  return values.slice(1).map((row) => String(row[column] ?? '').trim());
}

/**
 * The sample tabs the workbook holds: exactly the names the bundled samples give, compared as Sheets does
 * (case-insensitively), never a prefix match, so a user's own "Sample – …" tab is never taken for one.
 */
export function sampleTabs(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet[] {
  const names = new Set(SAMPLE_EXPORTS.map((sample) => sampleTabName(sample.file).toLowerCase()));
  return spreadsheet.getSheets().filter((sheet) => names.has(sheet.getName().toLowerCase()));
}

export function loadSampleData(): unknown {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties();
  const earlier = parseSampleRecord(properties.getProperty(RECORD_KEY));
  const skusBefore = productSkus(spreadsheet);
  const sheetsBefore = [...BUILT_OUTPUTS, ...EDITABLE_CREATED].filter((name) =>
    findOwnedSheet(spreadsheet, name),
  );
  for (const sample of SAMPLE_EXPORTS) {
    const name = sampleTabName(sample.file);
    if (spreadsheet.getSheetByName(name)) continue;
    const width = sample.rows.reduce((widest, row) => Math.max(widest, row.length), 1);
    const rows = sample.rows.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? ''));
    const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
    ensureSheetSize(sheet, rows.length, width);
    const range = sheet.getRange(1, 1, rows.length, width);
    // Plain text first: setValues parses strings as typed (PLATFORM §9), which would turn SKU 00501 into 501.
    range.setNumberFormat('@');
    range.setValues(rows);
  }
  const result = buildKpiSummary();
  const skusAfter = productSkus(spreadsheet) ?? [];
  const known = new Set(skusBefore ?? []);
  const record: SampleRecord = {
    productSkusAdded: [
      ...new Set([...(earlier?.productSkusAdded ?? []), ...skusAfter.filter((sku) => !known.has(sku))]),
    ],
    sheetsCreated: earlier
      ? earlier.sheetsCreated
      : [...BUILT_OUTPUTS, ...EDITABLE_CREATED].filter((name) => !sheetsBefore.includes(name)),
  };
  properties.setProperty(RECORD_KEY, JSON.stringify(record));
  return result;
}

/**
 * Deletes the Products rows of `skus` that still hold only what the build wrote (SKU and name): a row the user has
 * filled in (category, owner, lead time…) is theirs now and stays. Rows go bottom-up, so positions stay valid.
 */
function removeUntouchedProductRows(spreadsheet: Spreadsheet, skus: ReadonlySet<string>): void {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.products);
  if (!sheet || sheet.getLastRow() < 2 || skus.size === 0) return;
  const values = sheet.getRange(1, 1, sheet.getLastRow(), Math.max(sheet.getLastColumn(), 1)).getValues();
  const header = (values[0] ?? []).map((cell) => String(cell).trim().toLowerCase());
  const skuColumn = header.indexOf('sku');
  if (skuColumn < 0) return;
  const untouched = (row: unknown[]): boolean =>
    skus.has(String(row[skuColumn] ?? '').trim()) &&
    row.every((cell, column) => header[column] === 'sku' || header[column] === 'name' || cell === '');
  for (let index = values.length - 1; index >= 1; index--) {
    if (!untouched(values[index] ?? [])) continue;
    // Contiguous runs in one call: the sample SKUs were appended together.
    let first = index;
    while (first - 1 >= 1 && untouched(values[first - 1] ?? [])) first--;
    sheet.deleteRows(first + 1, index - first + 1);
    index = first;
  }
}

export function removeSampleData(): unknown {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const language = userLanguage(spreadsheet);
  const ui = SpreadsheetApp.getUi();
  const title = translate(language, 'app.name');
  const properties = PropertiesService.getDocumentProperties();
  const record = parseSampleRecord(properties.getProperty(RECORD_KEY));
  const tabs = sampleTabs(spreadsheet);
  if (tabs.length === 0 && !record) {
    ui.alert(title, translate(language, 'samples.none'), ui.ButtonSet.OK);
    return null;
  }
  for (const sheet of tabs) spreadsheet.deleteSheet(sheet);
  if (record) removeUntouchedProductRows(spreadsheet, new Set(record.productSkusAdded));
  const created = new Set(record?.sheetsCreated ?? []);
  for (const name of EDITABLE_CREATED) {
    const sheet = created.has(name) ? findOwnedSheet(spreadsheet, name) : null;
    if (sheet && sheet.getLastRow() <= 1) spreadsheet.deleteSheet(sheet);
  }
  // Outputs the samples brought into being go too: the build below creates again those the user's own exports need
  // (a Reconciliation sheet exists only once a payments report has been seen; with no export left, nothing is built).
  for (const name of BUILT_OUTPUTS) {
    const sheet = created.has(name) ? findOwnedSheet(spreadsheet, name) : null;
    if (sheet) spreadsheet.deleteSheet(sheet);
  }
  properties.deleteProperty(RECORD_KEY);
  const result = runBuild(spreadsheet);
  if (result.status === 'noSources') {
    ui.alert(
      title,
      translate(language, 'samples.removedNothingLeft', { count: tabs.length }),
      ui.ButtonSet.OK,
    );
  } else if (result.status === 'built') {
    spreadsheet.toast(translate(language, 'samples.removed', { count: tabs.length }), title, 10);
  } else {
    ui.alert(title, buildMessage(result), ui.ButtonSet.OK);
  }
  return result;
}
