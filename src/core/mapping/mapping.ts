/**
 * A user's mapping of one sheet: which column holds each model field. Columns are named by their header text
 * (normalised), so the mapping survives inserted or reordered columns; the sheet is named by its id, so it survives a
 * rename of the tab.
 */
import { type Cell } from '../cell';
import { CHANNELS, type Channel } from '../model';
import { normaliseHeader } from '../parse';
import { type ReportPeriod } from '../reports/types';
import { isIsoDate } from '../time';
import {
  type FieldId,
  fieldsOf,
  isPeriodKind,
  MAPPING_KINDS,
  type MappingKind,
  ONE_OF_REQUIRED,
} from './fields';

export interface SheetMapping {
  /** `Sheet.getSheetId()`: stable across renames (a deleted and re-created sheet gets a new id). */
  sheetId: number;
  /** The name when the mapping was saved: a fallback when the id is gone, and what a user reads. */
  sheetName: string;
  kind: MappingKind;
  /** The channel every row belongs to, unless a mapped `channel` column says otherwise for a row. */
  channel: Channel;
  /** 1-based row number of the header row, as Sheets shows it. */
  headerRow: number;
  /** Field → normalised header text of the column that holds it. */
  columns: Partial<Record<FieldId, string>>;
  /** The stated period of a period report (traffic, inventory snapshot); null for the others. */
  period: ReportPeriod | null;
  /**
   * The zone the sheet's times are written in, when it is not the marketplace's: `Asia/Shanghai` for an ERP export
   * in 北京时间, `Etc/UTC` for one in UTC. Absent: marketplace time (站点时间), read in the reporting time zone like
   * every export's time without a zone (SPEC §2). Times with an offset are that instant whatever this says.
   */
  timeZone?: MappingTimeZone;
}

/** The zones a mapping may state besides marketplace time (SPEC §2c: 北京时间 = Asia/Shanghai; LingXing's UTC). */
export const MAPPING_TIME_ZONES = ['Asia/Shanghai', 'Etc/UTC'] as const;
export type MappingTimeZone = (typeof MAPPING_TIME_ZONES)[number];

export function isMappingTimeZone(value: unknown): value is MappingTimeZone {
  return (MAPPING_TIME_ZONES as readonly unknown[]).includes(value);
}

/**
 * The period a user stated for a known period report (Business Report by child item, FBA inventory snapshot): the
 * export has no date column, so the sidebar asks (SPEC §2). Kept by sheet id like a mapping.
 */
export interface StatedPeriod {
  sheetId: number;
  sheetName: string;
  period: ReportPeriod;
}

/** True when `period` is two ISO days, the first not after the second. */
export function isValidPeriod(period: ReportPeriod | null | undefined): period is ReportPeriod {
  return !!period && isIsoDate(period.from) && isIsoDate(period.to) && period.from <= period.to;
}

export function statedPeriodFromJson(value: unknown): StatedPeriod | null {
  if (typeof value !== 'object' || value === null) return null;
  const { sheetId, sheetName, period } = value as Record<string, unknown>;
  if (typeof sheetId !== 'number' || !Number.isInteger(sheetId) || typeof sheetName !== 'string') return null;
  if (typeof period !== 'object' || period === null) return null;
  const { from, to } = period as Record<string, unknown>;
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  const clean = { from, to };
  return isValidPeriod(clean) ? { sheetId, sheetName, period: clean } : null;
}

/** SPEC §2 looks for a header row in the first 15 rows; a mapped sheet may say where it is in the same window. */
export const MAX_HEADER_ROW = 15;

/** Why a mapping cannot be saved yet. The sidebar shows each one next to the form, in the user's language. */
export type MappingProblem =
  | { code: 'missingField'; field: FieldId }
  | { code: 'missingOneOf'; fields: readonly FieldId[] }
  | { code: 'unknownHeader'; field: FieldId; header: string }
  | { code: 'sameColumnTwice'; header: string }
  | { code: 'periodMissing' }
  | { code: 'periodInvalid' }
  | { code: 'headerRowInvalid' };

/** The normalised headers of row `headerRow` (1-based); blanks kept as "" so positions line up with the row. */
export function headersAt(rows: readonly (readonly Cell[])[], headerRow: number): string[] {
  return (rows[headerRow - 1] ?? []).map(normaliseHeader);
}

/**
 * The likeliest header row among the first 15: the one with the most text cells, the earliest on a tie. A preamble
 * line ("Report generated on …") has one cell; data rows have numbers and dates, which are not counted.
 */
export function guessHeaderRow(rows: readonly (readonly Cell[])[]): number {
  let best = 1;
  let bestCount = 0;
  rows.slice(0, MAX_HEADER_ROW).forEach((row, index) => {
    const textCells = row.filter(
      (cell) => typeof cell === 'string' && cell.trim() !== '' && !/^[-+$\d.,%()\s]+$/.test(cell),
    ).length;
    if (textCells > bestCount) {
      best = index + 1;
      bestCount = textCells;
    }
  });
  return best;
}

/** A first mapping for `kind`: each field gets the first unused header among its suggested names. */
export function suggestColumns(
  kind: MappingKind,
  headers: readonly string[],
): Partial<Record<FieldId, string>> {
  const available = new Set(headers.filter((header) => header !== ''));
  const columns: Partial<Record<FieldId, string>> = {};
  for (const spec of fieldsOf(kind)) {
    const match = spec.suggestedHeaders.find((name) => available.has(name));
    if (match !== undefined) {
      columns[spec.id] = match;
      available.delete(match);
    }
  }
  return columns;
}

/** Every reason `mapping` cannot be used with a sheet whose header row is `headers`; empty when it can. */
export function validateMapping(mapping: SheetMapping, headers: readonly string[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!Number.isInteger(mapping.headerRow) || mapping.headerRow < 1 || mapping.headerRow > MAX_HEADER_ROW) {
    problems.push({ code: 'headerRowInvalid' });
  }
  const present = new Set(headers.filter((header) => header !== ''));
  const fields = fieldsOf(mapping.kind);
  for (const spec of fields) {
    const header = mapping.columns[spec.id];
    if (header === undefined || header === '') {
      if (spec.required) problems.push({ code: 'missingField', field: spec.id });
    } else if (!present.has(header)) {
      problems.push({ code: 'unknownHeader', field: spec.id, header });
    }
  }
  for (const alternatives of ONE_OF_REQUIRED[mapping.kind] ?? []) {
    if (!alternatives.some((id) => mapping.columns[id]))
      problems.push({ code: 'missingOneOf', fields: alternatives });
  }
  const seen = new Set<string>();
  for (const spec of fields) {
    const header = mapping.columns[spec.id];
    if (!header) continue;
    // One column read as two fields (revenue and unit price) is always a slip, and would double-count.
    if (seen.has(header)) problems.push({ code: 'sameColumnTwice', header });
    seen.add(header);
  }
  // An Inventory sheet with a date column dates its own snapshots (SPEC §3b): no period to state.
  const datesItself = mapping.kind === 'inventory' && !!mapping.columns.date;
  if (isPeriodKind(mapping.kind) && !(datesItself && !mapping.period)) {
    if (!mapping.period) problems.push({ code: 'periodMissing' });
    else if (
      !isIsoDate(mapping.period.from) ||
      !isIsoDate(mapping.period.to) ||
      mapping.period.from > mapping.period.to
    ) {
      problems.push({ code: 'periodInvalid' });
    }
  }
  return problems;
}

/**
 * A stored or client-sent mapping checked field by field: properties and `google.script.run` hand over plain JSON, so
 * nothing about its shape can be assumed. Returns null for anything that is not a mapping; fields of another kind and
 * unknown fields are dropped.
 */
export function mappingFromJson(value: unknown): SheetMapping | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { sheetId, sheetName, kind, channel, headerRow, columns, period, timeZone } = record;
  if (typeof sheetId !== 'number' || !Number.isInteger(sheetId)) return null;
  if (typeof sheetName !== 'string') return null;
  if (typeof kind !== 'string' || !(MAPPING_KINDS as readonly string[]).includes(kind)) return null;
  if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) return null;
  if (typeof headerRow !== 'number' || !Number.isInteger(headerRow)) return null;
  if (typeof columns !== 'object' || columns === null) return null;
  const mappingKind = kind as MappingKind;
  const cleanColumns: Partial<Record<FieldId, string>> = {};
  for (const spec of fieldsOf(mappingKind)) {
    const header = (columns as Record<string, unknown>)[spec.id];
    if (typeof header === 'string' && header !== '') cleanColumns[spec.id] = normaliseHeader(header);
  }
  let cleanPeriod: ReportPeriod | null = null;
  if (isPeriodKind(mappingKind) && typeof period === 'object' && period !== null) {
    const { from, to } = period as Record<string, unknown>;
    if (typeof from === 'string' && typeof to === 'string') cleanPeriod = { from, to };
  }
  return {
    sheetId,
    sheetName,
    kind: mappingKind,
    channel: channel as Channel,
    headerRow,
    columns: cleanColumns,
    period: cleanPeriod,
    // An unknown zone is dropped (marketplace time) rather than refusing the whole mapping.
    ...(isMappingTimeZone(timeZone) ? { timeZone } : {}),
  };
}
