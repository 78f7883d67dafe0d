/**
 * Mappings (and periods stated for known period reports) in document properties. Apps Script caps a property value at 9 KB (and a store at 500 KB; PLATFORM §2,
 * reference/properties quotas), and a workbook may hold dozens of mapped sheets, so all mappings are written as one
 * JSON document split into chunks below that cap, plus an index key saying how many chunks make the current document.
 * Pure: the adapter in src/gas/mappingStore.ts reads and writes the key/value pairs.
 */
import { type PartialConfirmation, partialConfirmationFromJson } from './confirmation';
import { mappingFromJson, type SheetMapping, type StatedPeriod, statedPeriodFromJson } from './mapping';

export const MAPPINGS_INDEX_KEY = 'sellerKpi.mappings';
const CHUNK_KEY_PREFIX = 'sellerKpi.mappings.';
const STORAGE_VERSION = 1;

/** The documented cap. Counted in UTF-8 bytes: sheet names and headers are often Chinese, three bytes a character. */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
/** Chunks stay well under the cap so that a different byte count on Google's side (key included?) cannot matter. */
const CHUNK_BYTES = 8 * 1024;

interface MappingsIndex {
  version: number;
  chunks: number;
  /** Length of the whole document in UTF-16 units: a torn or stale set of chunks is detected, not half-read. */
  length: number;
}

export function chunkKey(index: number): string {
  return `${CHUNK_KEY_PREFIX}${index}`;
}

/** True for a key this module writes. */
export function isMappingKey(key: string): boolean {
  return key === MAPPINGS_INDEX_KEY || /^sellerKpi\.mappings\.\d+$/.test(key);
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Splits `text` into pieces of at most `maxBytes` UTF-8 bytes, never inside a character (surrogate pairs stay whole). */
export function splitByUtf8Bytes(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const character of text) {
    const bytes = utf8Length(character);
    if (currentBytes + bytes > maxBytes && current !== '') {
      pieces.push(current);
      current = '';
      currentBytes = 0;
    }
    current += character;
    currentBytes += bytes;
  }
  if (current !== '' || pieces.length === 0) pieces.push(current);
  return pieces;
}

/** What the sidebar saves per workbook. */
export interface StoredSheets {
  mappings: SheetMapping[];
  periods: StatedPeriod[];
  /** Partial header matches the user confirmed as their export (confirmation.ts); absent in documents saved before. */
  confirmations?: PartialConfirmation[];
}

/** The properties that store `store`: the index key and its chunks. Every value is below the 9 KB cap. */
export function encodeMappings(store: StoredSheets): Record<string, string> {
  const document = JSON.stringify({
    version: STORAGE_VERSION,
    mappings: store.mappings,
    periods: store.periods,
    confirmations: store.confirmations ?? [],
  });
  const chunks = splitByUtf8Bytes(document, CHUNK_BYTES);
  const index: MappingsIndex = { version: STORAGE_VERSION, chunks: chunks.length, length: document.length };
  const properties: Record<string, string> = { [MAPPINGS_INDEX_KEY]: JSON.stringify(index) };
  chunks.forEach((chunk, position) => {
    properties[chunkKey(position)] = chunk;
  });
  for (const value of Object.values(properties)) {
    if (utf8Length(value) > MAX_PROPERTY_VALUE_BYTES)
      throw new Error('A mapping property value would exceed 9 KB');
  }
  return properties;
}

/** Chunk keys left over from a longer previous document: delete them after writing `written`. */
export function staleMappingKeys(existingKeys: readonly string[], written: Record<string, string>): string[] {
  return existingKeys.filter((key) => isMappingKey(key) && !(key in written));
}

export interface DecodedMappings extends StoredSheets {
  confirmations: PartialConfirmation[];
  /** Why stored mappings could not be read (English, for the execution log); empty when all is well. */
  problems: string[];
}

/** The mappings stored in `properties` (all document properties, or just the mapping keys). */
export function decodeMappings(properties: Readonly<Record<string, string>>): DecodedMappings {
  const indexText = properties[MAPPINGS_INDEX_KEY];
  if (indexText === undefined) return { ...emptyStore(), problems: [] };
  let index: MappingsIndex;
  try {
    index = JSON.parse(indexText) as MappingsIndex;
  } catch {
    return { ...emptyStore(), problems: ['The mapping index is not JSON'] };
  }
  if (index.version !== STORAGE_VERSION || !Number.isInteger(index.chunks) || index.chunks < 1) {
    return { ...emptyStore(), problems: [`Unsupported mapping index ${indexText}`] };
  }
  let document = '';
  for (let position = 0; position < index.chunks; position++) {
    const chunk = properties[chunkKey(position)];
    if (chunk === undefined) return { ...emptyStore(), problems: [`Mapping chunk ${position} is missing`] };
    document += chunk;
  }
  if (document.length !== index.length) {
    return { ...emptyStore(), problems: ['The mapping chunks do not add up to the stored length'] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return { ...emptyStore(), problems: ['The stored mappings are not JSON'] };
  }
  const {
    mappings: list,
    periods: periodList,
    confirmations: confirmationList,
  } = parsed as { mappings?: unknown; periods?: unknown; confirmations?: unknown };
  if (!Array.isArray(list)) return { ...emptyStore(), problems: ['The stored mappings are not a list'] };
  const mappings: SheetMapping[] = [];
  const problems: string[] = [];
  list.forEach((entry: unknown, position) => {
    const mapping = mappingFromJson(entry);
    if (mapping) mappings.push(mapping);
    else problems.push(`Stored mapping ${position} is not readable and was skipped`);
  });
  const periods: StatedPeriod[] = [];
  (Array.isArray(periodList) ? periodList : []).forEach((entry: unknown, position) => {
    const stated = statedPeriodFromJson(entry);
    if (stated) periods.push(stated);
    else problems.push(`Stored period ${position} is not readable and was skipped`);
  });
  const confirmations: PartialConfirmation[] = [];
  (Array.isArray(confirmationList) ? confirmationList : []).forEach((entry: unknown, position) => {
    const confirmation = partialConfirmationFromJson(entry);
    if (confirmation) confirmations.push(confirmation);
    else problems.push(`Stored confirmation ${position} is not readable and was skipped`);
  });
  return { mappings, periods, confirmations, problems };
}

function emptyStore(): Required<StoredSheets> {
  return { mappings: [], periods: [], confirmations: [] };
}

/**
 * `store` with the mapping of `mapping.sheetId` replaced (or added); a sheet has a mapping or a stated period, and a
 * mapping replaces a confirmation too (the mapping then says what the sheet is).
 */
export function upsertMapping(store: StoredSheets, mapping: SheetMapping): StoredSheets {
  return {
    mappings: [...store.mappings.filter((existing) => existing.sheetId !== mapping.sheetId), mapping],
    periods: store.periods.filter((existing) => existing.sheetId !== mapping.sheetId),
    confirmations: (store.confirmations ?? []).filter((existing) => existing.sheetId !== mapping.sheetId),
  };
}

/** A stated period keeps a confirmation: a confirmed partial Business Report by child item still needs its period. */
export function upsertPeriod(store: StoredSheets, stated: StatedPeriod): StoredSheets {
  return {
    mappings: store.mappings.filter((existing) => existing.sheetId !== stated.sheetId),
    periods: [...store.periods.filter((existing) => existing.sheetId !== stated.sheetId), stated],
    confirmations: store.confirmations ?? [],
  };
}

/** `store` with the sheet's confirmation replaced (or added); a confirmed sheet is no mapped sheet. */
export function upsertConfirmation(store: StoredSheets, confirmation: PartialConfirmation): StoredSheets {
  return {
    mappings: store.mappings.filter((existing) => existing.sheetId !== confirmation.sheetId),
    periods: store.periods,
    confirmations: [
      ...(store.confirmations ?? []).filter((existing) => existing.sheetId !== confirmation.sheetId),
      confirmation,
    ],
  };
}

/** `store` without anything saved for `sheetId`. */
export function forgetSheet(store: StoredSheets, sheetId: number): StoredSheets {
  return {
    mappings: store.mappings.filter((existing) => existing.sheetId !== sheetId),
    periods: store.periods.filter((existing) => existing.sheetId !== sheetId),
    confirmations: (store.confirmations ?? []).filter((existing) => existing.sheetId !== sheetId),
  };
}
