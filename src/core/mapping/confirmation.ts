/**
 * "Count it anyway" for a partial header match (issue 14): a sheet whose header has under half of an export's
 * signature columns is not counted (src/core/reports, PARTIAL_MATCH_BELOW) until the user maps it or confirms in the
 * sidebar that it is that export. The confirmation is stored beside the mappings (storage.ts) and names the sheet by
 * id, the export, and the header row it was given for: a different header pasted on that sheet later is a different
 * table, and is not counted on the strength of an answer about another one.
 */
import { type CellGrid } from '../cell';
import { normaliseHeader } from '../parse';
import { REPORTS } from '../reports';
import { type Detection, type ReportType } from '../reports/types';

export interface PartialConfirmation {
  /** `Sheet.getSheetId()`: stable across renames, like a mapping's. */
  sheetId: number;
  /** The name when confirmed: the fallback when the id is gone, and what a user reads. */
  sheetName: string;
  /** The export the user confirmed the sheet is. */
  type: ReportType;
  /** headerFingerprint() of the header row the user confirmed. */
  header: string;
}

/**
 * A short, stable key of a header row: its normalised cells (trimmed, lower-case, SPEC §2), blanks at the end dropped,
 * hashed with 32-bit FNV-1a and prefixed by the column count. Storing the hash rather than the header keeps a
 * confirmation a few dozen bytes under the 9 KB property cap whatever the header's length; two different headers share
 * a key with a chance of about one in four billion.
 */
export function headerFingerprint(rows: CellGrid, headerRowIndex: number): string {
  const cells = (rows[headerRowIndex] ?? []).map((cell) => normaliseHeader(cell));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  const text = cells.join('\u001f');
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${cells.length}:${hash.toString(16).padStart(8, '0')}`;
}

/** True when `confirmation` was given for this export and this very header row. */
export function confirmationHolds(
  confirmation: Pick<PartialConfirmation, 'type' | 'header'>,
  rows: CellGrid,
  detection: Detection,
): boolean {
  return (
    confirmation.type === detection.type &&
    confirmation.header === headerFingerprint(rows, detection.headerRowIndex)
  );
}

/** A stored confirmation checked field by field (document properties hold plain JSON); null when unreadable. */
export function partialConfirmationFromJson(value: unknown): PartialConfirmation | null {
  if (typeof value !== 'object' || value === null) return null;
  const { sheetId, sheetName, type, header } = value as Record<string, unknown>;
  if (typeof sheetId !== 'number' || !Number.isInteger(sheetId) || typeof sheetName !== 'string') return null;
  if (typeof type !== 'string' || !REPORTS.some((report) => report.type === type)) return null;
  if (typeof header !== 'string' || header === '') return null;
  return { sheetId, sheetName, type: type as ReportType, header };
}
