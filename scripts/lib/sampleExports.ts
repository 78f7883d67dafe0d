/**
 * The sample exports the menu's "Try with sample data" pastes (issue 14): every export file of samples/, read as text
 * cells exactly as `npm start` and the integration tests read them, so the tabs it creates hold what those tests
 * check by hand (samples/README.md). Costs.csv and Settings.csv are left out: they are the user's own sheets with
 * fixed names, which sample data must never overwrite and could not give back exactly on removal.
 *
 * scripts/build.ts turns the list into the module `seller-kpi-samples` inside dist/main.js (parsed here at build
 * time, so the bundle carries no CSV parser); Node, tsc and Jest resolve the same name to
 * scripts/lib/sampleExportsModule.ts.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readExportFile } from './readExportFile';

export interface SampleExport {
  /** The file name in samples/, which names the tab (src/core/samples.ts). */
  file: string;
  rows: string[][];
}

export const SAMPLES_DIR = resolve(__dirname, '..', '..', 'samples');
const NOT_EXPORTS = new Set(['Costs.csv', 'Settings.csv']);

export function sampleExports(dir: string = SAMPLES_DIR): SampleExport[] {
  return readdirSync(dir)
    .filter((file) => /\.(csv|txt)$/i.test(file) && !NOT_EXPORTS.has(file))
    .sort()
    .map((file) => ({
      file,
      rows: readExportFile(join(dir, file)).map((row) => row.map((cell) => String(cell))),
    }));
}

/** The generated module's source: one JSON literal, the smallest form esbuild keeps as it is. */
export function sampleModuleSource(dir: string = SAMPLES_DIR): string {
  return `export const SAMPLE_EXPORTS = ${JSON.stringify(sampleExports(dir))};\n`;
}
