/**
 * The KPI Dashboard as one of the build's outputs (SPEC §3): computed from the build's snapshot (the Targets sheet read
 * with the rest of the workbook) and the KPI Summary rows before anything is written, and written in the build's write
 * phase, under its lock, only when every output could be computed.
 */
import { type DashboardGrid, dashboardGrid } from '../core/dashboard/layout';
import { levelBlocks, levelGrid } from '../core/dashboard/levels';
import { buildDashboard } from '../core/dashboard/model';
import { OWNED_SHEETS } from '../core/sheetNames';
import { targetsFromGrid } from '../core/targets/targets';
import { checkCells, ensureSheetSize, getOrCreateSheet, OutputCheckError } from '../gas/sheets';
import { type BuildOutput, type OutputContext, registerOutput } from './build';
import { computeInventory } from './inventoryFigures';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `below` under `above`: the level blocks (issue 13) after the dashboard's own sections. */
function appendGrid(above: DashboardGrid, below: DashboardGrid): DashboardGrid {
  return {
    values: [...above.values, ...below.values],
    formats: [...above.formats, ...below.formats],
    backgrounds: [...above.backgrounds, ...below.backgrounds],
  };
}

/** The dashboard's cells from the snapshot: pure, so a failure here happens before any write. */
export function computeDashboardGrid(context: OutputContext, now: number): DashboardGrid {
  const { snapshot } = context;
  // No Targets sheet means no targets yet.
  const { targets, problems } =
    snapshot.targetsRows === null
      ? { targets: [], problems: [] }
      : targetsFromGrid(snapshot.targetsRows, snapshot.spreadsheetTimeZone);
  const model = buildDashboard(context.rows, targets, {
    now,
    reportingTimeZone: snapshot.settings.reportingTimeZone,
    targetProblems: problems,
    unexplainedPayoutBlocks: context.pipeline.reconciliation?.unexplainedBlocks ?? 0,
    fxUsdCny: snapshot.settings.fxUsdCny,
    baseCurrency: snapshot.settings.baseCurrency,
    // The Inventory sheet's figures, computed once per build (src/server/inventoryFigures.ts), for the stock section.
    inventory: { lines: computeInventory(context, now).current, costs: context.pipeline.costs },
  });
  const grid = appendGrid(
    dashboardGrid(model, snapshot.language),
    levelGrid(
      levelBlocks(context.rows, targets, context.pipeline.levels, {
        now,
        reportingTimeZone: snapshot.settings.reportingTimeZone,
      }),
      snapshot.language,
      model.money.rate,
    ),
  );
  const width = grid.values[0]?.length ?? 1;
  grid.values.forEach((row, index) => {
    const shape = [row.length, grid.formats[index]?.length, grid.backgrounds[index]?.length];
    if (shape.some((length) => length !== undefined && length > width))
      throw new OutputCheckError(
        OWNED_SHEETS.dashboard,
        index + 1,
        `${shape.join('/')} cells, wider than ${width}`,
      );
  });
  checkCells(OWNED_SHEETS.dashboard, grid.values, 1);
  return grid;
}

/**
 * Rewrites the dashboard in place: one setNumberFormats, one setValues, one setBackgrounds over the larger of the new
 * and the previous size, so nothing of a longer previous dashboard is left behind.
 */
export function writeDashboard(spreadsheet: Spreadsheet, grid: DashboardGrid): number {
  const sheet = getOrCreateSheet(spreadsheet, OWNED_SHEETS.dashboard);
  const width = grid.values[0]?.length ?? 1;
  const height = Math.max(grid.values.length, sheet.getLastRow(), 1);
  const fullWidth = Math.max(width, sheet.getLastColumn());
  ensureSheetSize(sheet, height, fullWidth);
  const pad = <T>(row: T[] | undefined, filler: T): T[] => {
    const out = row ? row.slice() : [];
    while (out.length < fullWidth) out.push(filler);
    return out;
  };
  const values = Array.from({ length: height }, (_, index) => pad(grid.values[index], ''));
  const formats = Array.from({ length: height }, (_, index) => pad(grid.formats[index], '@'));
  const backgrounds = Array.from({ length: height }, (_, index) => pad(grid.backgrounds[index], '#ffffff'));
  const range = sheet.getRange(1, 1, height, fullWidth);
  range.setNumberFormats(formats);
  range.setValues(values);
  range.setBackgrounds(backgrounds);
  return grid.values.length;
}

/**
 * The instant the dashboard's "today" is taken from. A scheduled run sets it to the moment its trigger fired; a
 * menu build leaves it null and uses the clock.
 */
let dashboardInstant: number | null = null;
export function withDashboardInstant<T>(instant: number, body: () => T): T {
  dashboardInstant = instant;
  try {
    return body();
  } finally {
    dashboardInstant = null;
  }
}

export const dashboardOutput: BuildOutput = {
  sheet: OWNED_SHEETS.dashboard,
  compute(context) {
    const grid = computeDashboardGrid(context, dashboardInstant ?? Date.now());
    return (spreadsheet) => {
      writeDashboard(spreadsheet, grid);
    };
  },
};

// Registering is pure (no Apps Script call), so it is safe at load time, even for onOpen in AuthMode.NONE.
registerOutput(dashboardOutput);
