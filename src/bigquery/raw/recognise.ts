/**
 * Which known export a Drive file is, from its first lines only, and how a BigQuery load job must read it: detection
 * is src/core/reports' own (detectReport on the first rows, header found in the first 15, SPEC §2), so a file is
 * recognised exactly as the same export pasted into a sheet would be. The load then skips the preamble and the header
 * (skipLeadingRows), splits on the export's delimiter (TAB for Amazon flat files, whose fields are never quoted; comma
 * with RFC 4180 quotes otherwise) and names the columns from the header (stagingColumns.ts).
 */
import { type CellGrid } from '../../core/cell';
import { detectReport, HEADER_SEARCH_ROWS, isPartialMatch, type ReportType } from '../../core/reports';
import { rawExportOf } from './exports';
import { stagingColumns } from './stagingColumns';

export interface LoadPlan {
  type: ReportType;
  /** Lines before the first data line: the preamble and the header (the load job's skipLeadingRows). */
  skipLeadingRows: number;
  delimiter: '\t' | ',';
  /** Amazon flat files write a `"` as plain text; CSV exports quote fields that hold a comma or a quote. */
  quoted: boolean;
  /** Staging column names in the file's column order. */
  columns: string[];
}

export type Recognition =
  | { outcome: 'plan'; plan: LoadPlan }
  /** A known export the Drive-folder path does not load (payments, inventory …): the sheet path reads it. */
  | { outcome: 'notLoaded'; type: ReportType }
  /**
   * A header with under half of an export's signature columns only looks like it (issue 14: a sheet like it counts
   * once the user confirms it in the sidebar). A Drive file has no such step: it is listed, never loaded.
   */
  | { outcome: 'partial'; type: ReportType; confidence: number }
  | { outcome: 'unknown' };

/** Splits one CSV line into cells (RFC 4180: `"` quotes a cell, `""` inside is a quote). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (inQuotes) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') inQuotes = false;
      else cell += char;
    } else if (char === '"') inQuotes = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

function countOf(text: string, character: string): number {
  return text.split(character).length - 1;
}

/**
 * TAB-delimited when the busiest of the first lines (the header, not a one-cell title line above it) has more TABs than
 * commas: the rule `npm start` applies to the same files (scripts/lib/readExportFile.ts).
 */
function delimiterOf(lines: readonly string[]): '\t' | ',' {
  const headerLike = lines
    .filter((line) => line.trim() !== '')
    .reduce(
      (best, line) =>
        countOf(line, '\t') + countOf(line, ',') > countOf(best, '\t') + countOf(best, ',') ? line : best,
      '',
    );
  return countOf(headerLike, '\t') > countOf(headerLike, ',') ? '\t' : ',';
}

/**
 * The load plan of a file from the text of its beginning (a few kilobytes are enough: the header is in the first 15
 * lines). A byte-order mark is dropped, as detection ignores it; line breaks may be CRLF.
 */
export function recogniseExport(head: string): Recognition {
  const lines = head
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, HEADER_SEARCH_ROWS);
  const delimiter = delimiterOf(lines);
  const grid: CellGrid = lines.map((line) => (delimiter === '\t' ? line.split('\t') : csvCells(line)));
  const detection = detectReport(grid);
  if (!detection) return { outcome: 'unknown' };
  if (isPartialMatch(detection))
    return { outcome: 'partial', type: detection.type, confidence: detection.confidence };
  const rawExport = rawExportOf(detection.type);
  if (!rawExport) return { outcome: 'notLoaded', type: detection.type };
  const header = (grid[detection.headerRowIndex] ?? []).map((cell) => (typeof cell === 'string' ? cell : ''));
  return {
    outcome: 'plan',
    plan: {
      type: detection.type,
      skipLeadingRows: detection.headerRowIndex + 1,
      delimiter,
      quoted: delimiter === ',',
      columns: stagingColumns(detection.type, header),
    },
  };
}
