/**
 * The KPI Review sheet as one of the build's outputs (SPEC §4a): computed from the snapshot — the KPI Summary rows,
 * the Targets sheet, the levels of the Products sheet and the previous KPI Review sheet, read under the build's lock —
 * before anything is written, so the team's action, owner and due cells are put back in the same single write that
 * rewrites the figures.
 */
import { buildReview } from '../core/review/review';
import { keptEntries, reviewTable } from '../core/review/table';
import { OWNED_SHEETS } from '../core/sheetNames';
import { targetsFromGrid } from '../core/targets/targets';
import { isoDateInZone } from '../core/time';
import { checkTable, type OutputTable, writeTable } from '../gas/sheets';
import { type BuildOutput, type OutputContext, registerOutput } from './build';

/** The review table of a build as of `now` (ms): pure, no Apps Script call. */
export function computeReviewTable(context: OutputContext, now: number): OutputTable {
  const { snapshot } = context;
  const targets =
    snapshot.targetsRows === null
      ? []
      : targetsFromGrid(snapshot.targetsRows, snapshot.spreadsheetTimeZone).targets;
  const today = isoDateInZone(now, snapshot.settings.reportingTimeZone);
  const rows = buildReview(context.rows, targets, context.pipeline.levels, today);
  const kept = keptEntries(snapshot.reviewRows);
  // A Date cell is the day it shows in the spreadsheet's zone (PLATFORM §9); written back as that day's text.
  const spreadsheetDay = (date: Date): string => isoDateInZone(date.getTime(), snapshot.spreadsheetTimeZone);
  return reviewTable(rows, snapshot.language, kept, spreadsheetDay);
}

export const reviewOutput: BuildOutput = {
  sheet: OWNED_SHEETS.review,
  compute(context) {
    const table = computeReviewTable(context, Date.now());
    checkTable(OWNED_SHEETS.review, table);
    return (spreadsheet) => {
      writeTable(spreadsheet, OWNED_SHEETS.review, table);
    };
  },
};

// Registering is pure (no Apps Script call), so it is safe at load time, even for onOpen in AuthMode.NONE.
registerOutput(reviewOutput);
