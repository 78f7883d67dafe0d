/**
 * Where the sidebar's mappings live: document properties of the workbook (they travel with the file and are shared by
 * everyone who edits it), chunked below the 9 KB-per-value cap by src/core/mapping/storage.ts.
 */
import {
  decodeMappings,
  type DecodedMappings,
  encodeMappings,
  forgetSheet,
  isMappingKey,
  mappedDetection,
  mappedReportDefinition,
  type PartialConfirmation,
  type SheetMapping,
  type StatedPeriod,
  staleMappingKeys,
  type StoredSheets,
  upsertConfirmation,
  upsertMapping,
  upsertPeriod,
} from '../core/mapping';
import { type Detection, type ReportDefinition, type ReportPeriod } from '../core/reports/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** A lock wait short enough for a click in the sidebar; a build holding the lock makes the user retry. */
const LOCK_WAIT_MS = 5000;

function documentProperties(): Properties {
  // Null outside a published add-on or a bound script (PLATFORM §2): a setup error, not a user's.
  const properties = PropertiesService.getDocumentProperties();
  if (!properties) throw new Error('Document properties are not available to this script');
  return properties;
}

/** Every saved mapping and stated period (one properties read). */
export function readMappings(): DecodedMappings {
  return decodeMappings(documentProperties().getProperties());
}

/**
 * Applies `change` to the saved mappings under the document lock, so two people saving in two sidebars at once
 * cannot drop each other's mapping. Returns false when the lock could not be had (a build is running).
 */
export function updateMappings(change: (store: StoredSheets) => StoredSheets): boolean {
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(LOCK_WAIT_MS)) return false;
  try {
    const properties = documentProperties();
    const stored = properties.getProperties();
    const { mappings, periods, confirmations } = decodeMappings(stored);
    const next = change({ mappings, periods, confirmations });
    const written = encodeMappings(next);
    // One write for the new index and chunks (the index names how many chunks are current), then the chunks a longer
    // earlier document left behind: a reader between the two calls already ignores them.
    properties.setProperties(written, false);
    for (const key of staleMappingKeys(Object.keys(stored).filter(isMappingKey), written)) {
      properties.deleteProperty(key);
    }
    return true;
  } finally {
    lock?.releaseLock();
  }
}

export function saveMapping(mapping: SheetMapping): boolean {
  return updateMappings((store) => upsertMapping(store, mapping));
}

export function savePeriod(stated: StatedPeriod): boolean {
  return updateMappings((store) => upsertPeriod(store, stated));
}

/** Counts a partial header match as its export (issue 14), for the header row the confirmation names. */
export function saveConfirmation(confirmation: PartialConfirmation): boolean {
  return updateMappings((store) => upsertConfirmation(store, confirmation));
}

/** Withdraws a sheet's confirmation and nothing else: its stated period stays. */
export function forgetConfirmation(sheetId: number): boolean {
  return updateMappings((store) => ({
    ...store,
    confirmations: (store.confirmations ?? []).filter((existing) => existing.sheetId !== sheetId),
  }));
}

/** Removes the mapping, stated period or confirmation of a sheet. */
export function forgetSavedSheet(sheetId: number): boolean {
  return updateMappings((store) => forgetSheet(store, sheetId));
}

/** The sheet a mapping names: by id (survives a rename), else by the saved name. */
export function sheetOfMapping(
  spreadsheet: Spreadsheet,
  mapping: Pick<SheetMapping, 'sheetId' | 'sheetName'>,
): Sheet | null {
  const sheets = spreadsheet.getSheets();
  return (
    sheets.find((sheet) => sheet.getSheetId() === mapping.sheetId) ??
    sheets.find((sheet) => sheet.getName() === mapping.sheetName) ??
    null
  );
}

/** A mapped sheet ready for the summary build: read its values, then `definition.parse(rows, detection, context)`. */
export interface MappedSource {
  /** The sheet's current name (after a rename, not the saved one). */
  sheetName: string;
  definition: ReportDefinition;
  detection: Detection;
  /** ParseContext.period for a period report; null for dated kinds. */
  period: ReportPeriod | null;
  mapping: SheetMapping;
}

/** What the summary build needs from the saved mappings, read with one properties call. */
export interface BuildMappings {
  /** Every mapped sheet that still exists; a mapping whose sheet was deleted stays stored until the user removes it. */
  sources: MappedSource[];
  /** Periods users stated for known period reports (Business Report by child item, FBA inventory), by sheet name. */
  periods: Map<string, ReportPeriod>;
  /** Partial header matches users confirmed as their export, by sheet name (found by id first, like mappings). */
  confirmations: Map<string, PartialConfirmation>;
}

/**
 * The mappings for `buildKpiSummary()`: a mapped sheet is then read exactly like a known export. Sheets are found by
 * id first, so a renamed tab keeps its mapping and its stated period.
 */
export function mappingsForBuild(spreadsheet: Spreadsheet): BuildMappings {
  const { mappings, periods: stated, confirmations: confirmed } = readMappings();
  const sources: MappedSource[] = [];
  for (const mapping of mappings) {
    const sheet = sheetOfMapping(spreadsheet, mapping);
    if (!sheet) continue;
    sources.push({
      sheetName: sheet.getName(),
      definition: mappedReportDefinition(mapping),
      detection: mappedDetection(mapping),
      period: mapping.period,
      mapping,
    });
  }
  const periods = new Map<string, ReportPeriod>();
  for (const entry of stated) {
    const sheet = sheetOfMapping(spreadsheet, entry);
    if (sheet) periods.set(sheet.getName(), entry.period);
  }
  const confirmations = new Map<string, PartialConfirmation>();
  for (const confirmation of confirmed) {
    const sheet = sheetOfMapping(spreadsheet, confirmation);
    if (sheet) confirmations.set(sheet.getName(), confirmation);
  }
  return { sources, periods, confirmations };
}
