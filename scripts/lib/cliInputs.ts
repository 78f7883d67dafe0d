/**
 * What `npm start` reads: the files under the paths the user named, each one read into a grid and told apart — an
 * export (a source sheet), or one of the add-on's own tables kept as a file (Costs, Settings, Products), recognised by
 * its header as the add-on recognises its sheets by name. A user's `my costs 2026.csv` is the Costs table because its
 * header says `sku, unit_cost, …`, not because of its name.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { type CellGrid } from '../../src/core/cell';
import { type Language } from '../../src/core/i18n';
import { isBlankCell } from '../../src/core/cell';
import { SETTING_KEYS, settingKeyOf } from '../../src/core/settings';
import { detectKnownReport } from '../../src/core/summary/pipeline';
import { CliFailure } from './cliArguments';
import { say } from './cliMessages';
import { readExportFile } from './readExportFile';

/** Above this size a file takes seconds to read and decode: the user is told it is being read (issue 14). */
export const PROGRESS_BYTES = 10 * 1024 * 1024;

export type OwnTable = 'Costs' | 'Settings' | 'Products';

export interface InputFile {
  path: string;
  /** As the user would write it: relative to their folder when it is inside it. */
  shown: string;
  /** The sheet name it stands for: the file name without its extension. */
  sheetName: string;
  rows: CellGrid;
  bytes: number;
  /** What the file holds, decided by its header. */
  holds: 'export' | 'unknown' | 'empty' | OwnTable;
}

export interface NamedTables {
  costsFile: string | null;
  settingsFile: string | null;
  productsFile: string | null;
}

/**
 * The files to read under `paths`: a folder's .csv/.tsv/.txt files one level deep, in name order (the order sheets
 * would have in a workbook); a file named explicitly whatever its extension. Fails with exit code 1 on a path that
 * does not exist or a folder with nothing to read.
 */
export function listFiles(paths: readonly string[], folder: string, language: Language): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const shown = shownPath(path, folder);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new CliFailure(1, say(language, 'fail.notFound', { path: shown, cwd: folder }));
    }
    if (stats.isDirectory()) {
      const inside = readdirSync(path)
        .sort()
        .map((name) => join(path, name))
        .filter((file) => /\.(csv|txt|tsv)$/i.test(file) && statSync(file).isFile());
      if (inside.length === 0) throw new CliFailure(1, say(language, 'fail.emptyFolder', { path: shown }));
      files.push(...inside);
    } else if (stats.isFile()) {
      files.push(path);
    } else {
      throw new CliFailure(1, say(language, 'fail.notAFile', { path: shown }));
    }
  }
  return files;
}

/** Reads one file (see readExportFile for encodings) and decides what it holds. */
export function readInputFile(
  path: string,
  folder: string,
  named: NamedTables,
  onLargeFile: (shown: string, bytes: number) => void,
): InputFile {
  const shown = shownPath(path, folder);
  const bytes = statSync(path).size;
  if (bytes > PROGRESS_BYTES) onLargeFile(shown, bytes);
  const rows = readExportFile(path);
  const sheetName = basename(path, extname(path));
  return { path, shown, sheetName, rows, bytes, holds: whatItHolds(path, rows, named) };
}

function whatItHolds(path: string, rows: CellGrid, named: NamedTables): InputFile['holds'] {
  if (path === named.costsFile) return 'Costs';
  if (path === named.settingsFile) return 'Settings';
  if (path === named.productsFile) return 'Products';
  if (!rows.some((row) => row.some((cell) => !isBlankCell(cell)))) return 'empty';
  if (detectKnownReport(rows, basename(path))) return 'export';
  return ownTableOf(rows) ?? 'unknown';
}

/** The SPEC §3 columns the add-on reads these tables by; a header cell may carry a note after a space (`unit_cost (CNY)`). */
function headerNames(rows: CellGrid): Set<string> {
  const header = rows.find((row) => row.some((cell) => !isBlankCell(cell))) ?? [];
  return new Set(
    header.map(
      (cell) =>
        String(cell)
          .trim()
          .toLowerCase()
          .split(/[\s(（]/)[0] ?? '',
    ),
  );
}

const SETTINGS_KEYS: ReadonlySet<string> = new Set(Object.values(SETTING_KEYS));

export function ownTableOf(rows: CellGrid): OwnTable | null {
  const header = headerNames(rows);
  if (header.has('sku') && header.has('unit_cost')) return 'Costs';
  if (header.has('sku') && (header.has('category') || header.has('owner') || header.has('lead_time_days'))) {
    return 'Products';
  }
  // Settings is key/value rows: a known key in column A of any row.
  if (rows.some((row) => SETTINGS_KEYS.has(settingKeyOf(row[0])))) return 'Settings';
  return null;
}

function shownPath(path: string, folder: string): string {
  const inside = relative(folder, path);
  return inside !== '' && !inside.startsWith('..') ? inside : path;
}
