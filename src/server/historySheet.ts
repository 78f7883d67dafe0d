/**
 * The KPI History sheet's part in a build (issue 17, item 4; the rules in src/core/history/history.ts): which frozen
 * rows a build uses, and the write of a "Keep history up to …" run. Kept apart from the menu action
 * (src/server/history.ts), which runs the build, so that the build does not import its caller.
 */
import { type CellGrid } from '../core/cell';
import { translate, type Language } from '../core/i18n';
import {
  type FrozenHistory,
  frozenHistory,
  frozenThroughOf,
  historyFromTable,
  historyTable,
  type HistoryTable,
  historyUpTo,
  readHistorySheet,
} from '../core/history/history';
import {
  frozenRowsWrittenOf,
  frozenRowsWrittenText,
  headerHash,
  isRowAsWritten,
  mayKeepFrozenRows,
} from '../core/history/keptRows';
import { type DataIssue, type IsoDate } from '../core/model';
import { SETTING_KEYS, type Settings } from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { type SummaryTable } from '../core/summary/table';
import { isoDateInZone } from '../core/time';
import { writeSettingsEntries } from '../gas/settings';
import {
  checkTable,
  type ColumnFormat,
  findOwnedSheet,
  type OutputTable,
  writeTable,
  writeTableBelowKeptRows,
} from '../gas/sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What a build needs to know of the history: the frozen rows it uses, and what it found wrong. */
export interface HistoryForBuild {
  history: FrozenHistory | null;
  issues: DataIssue[];
}

/**
 * The frozen rows a build uses, from the KPI History sheet's cells and Settings (`settingUnreadable`: the Settings
 * value was refused, so the sheet's own day stands). `summaryHeader` is the KPI Summary header this release writes.
 */
export function historyForBuild(
  historyRows: CellGrid | null,
  settings: Settings,
  settingUnreadable: boolean,
  spreadsheetTimeZone: string,
  summaryHeader: readonly string[],
): HistoryForBuild {
  const sheet = readHistorySheet(historyRows, (date) => isoDateInZone(date.getTime(), spreadsheetTimeZone));
  const { through, issues } = frozenThroughOf(settings.frozenThrough, settingUnreadable, sheet);
  if (through === null) return { history: null, issues };
  const read = frozenHistory(sheet, through, summaryHeader);
  return { history: read.history, issues: [...issues, ...read.issues] };
}

/** A "Keep history up to …" run: the history its first computation uses, and how to make the second one's. */
export interface KeepHistoryPlan {
  /** The held history cut at the new day, for the computation whose rows are frozen. */
  before: FrozenHistory | null;
  /** The new KPI History sheet and the history the outputs are computed with (null: no history kept). */
  after(summary: SummaryTable): { table: HistoryTable | null; history: FrozenHistory | null };
}

export function keepHistoryPlan(
  held: FrozenHistory | null,
  through: IsoDate | null,
  language: Language,
): KeepHistoryPlan {
  return {
    before: historyUpTo(held, through),
    after(summary) {
      if (through === null) return { table: null, history: null };
      const table = historyTable(summary, through, translate(language, 'history.note'));
      return { table, history: historyFromTable(table, through) };
    },
  };
}

/**
 * The KPI History sheet as an output table: dates, channels, SKUs and levels as plain text (read back exactly, never
 * a Date in the spreadsheet's zone), figures as the KPI Summary formats them. Row 1 is the `frozen_through` row, so
 * the table's header is that row and the KPI Summary header its first data row.
 */
export function historyOutputTable(
  table: HistoryTable,
  summaryFormats: readonly ColumnFormat[],
): OutputTable {
  return {
    header: table.header,
    formats: summaryFormats.map((format) => (format === 'date' ? 'text' : format)),
    rows: table.rows,
  };
}

/**
 * The writes of a "Keep history up to …" run, first in the write phase: the KPI History sheet (emptied when no
 * history is kept), then Settings `frozen_through`. If the platform fails the second, the sheet holds more than
 * Settings say and the next build uses the Settings day (frozenThroughOf), which is the state before the run.
 */
export function historyWrites(
  table: HistoryTable | null,
  through: IsoDate | null,
  summaryFormats: readonly ColumnFormat[],
): { sheet: (typeof OWNED_SHEETS)['history' | 'settings']; write: (spreadsheet: Spreadsheet) => void }[] {
  const output = table ? historyOutputTable(table, summaryFormats) : null;
  if (output) checkTable(OWNED_SHEETS.history, output);
  return [
    {
      sheet: OWNED_SHEETS.history,
      write: (spreadsheet) => {
        const existing = findOwnedSheet(spreadsheet, OWNED_SHEETS.history);
        if (!output) {
          // No history kept: the sheet goes, so no stale rows can be read back by a later Settings edit.
          if (existing) spreadsheet.deleteSheet(existing);
          return;
        }
        const sheet = writeTable(spreadsheet, OWNED_SHEETS.history, output);
        // Hidden when created, so nobody edits it by accident; a user who unhides it keeps it shown.
        if (!existing) sheet.hideSheet();
      },
    },
    {
      sheet: OWNED_SHEETS.settings,
      write: (spreadsheet) =>
        writeSettingsEntries(spreadsheet, [[SETTING_KEYS.frozenThrough, through ?? '', '@']]),
    },
  ];
}

/** What the KPI Summary's write needs to know of the build (src/core/history/keptRows.ts). */
export interface SummaryWriteContext {
  /** The frozen rows this build's table begins with; null when none. */
  history: FrozenHistory | null;
  /** Write the whole sheet whatever Settings record (a "Keep history up to …" run). */
  wholeSheet: boolean;
  settings: Settings;
  spreadsheetTimeZone: string;
  /** The build's reporting day (today in the reporting time zone). */
  day: IsoDate;
}

/**
 * The KPI Summary's write (table checked by the caller): the rows below the frozen ones when the sheet already holds
 * those from a whole write of the same day (keptRows.ts), else the whole table and then, when what it records
 * changed, Settings `kpi_summary_frozen_written` (so once a day with history, never without). One write of the build:
 * the record belongs to the KPI Summary, and a failure of either names the KPI Summary.
 */
export function summaryWrite(
  table: SummaryTable,
  context: SummaryWriteContext,
): { sheet: (typeof OWNED_SHEETS)['summary']; write: (spreadsheet: Spreadsheet) => void } {
  const { history, settings } = context;
  const frozenRows = history?.cells.length ?? 0;
  const now = history
    ? { through: history.through, rows: frozenRows, header: headerHash(table.header), day: context.day }
    : null;
  const dayOfDate = (date: Date): IsoDate => isoDateInZone(date.getTime(), context.spreadsheetTimeZone);
  return {
    sheet: OWNED_SHEETS.summary,
    write: (spreadsheet) => {
      const keep =
        !context.wholeSheet &&
        now !== null &&
        mayKeepFrozenRows(frozenRowsWrittenOf(settings.summaryFrozenWritten), now) &&
        writeTableBelowKeptRows(spreadsheet, OWNED_SHEETS.summary, table, {
          kept: frozenRows,
          holds: (first, last) =>
            isRowAsWritten(first, table.rows[0] ?? [], dayOfDate) &&
            isRowAsWritten(last, table.rows[frozenRows - 1] ?? [], dayOfDate),
        });
      if (keep) return;
      writeTable(spreadsheet, OWNED_SHEETS.summary, table);
      const record = now !== null && frozenRows > 0 ? frozenRowsWrittenText(now) : '';
      if (record !== settings.summaryFrozenWritten)
        writeSettingsEntries(spreadsheet, [[SETTING_KEYS.summaryFrozenWritten, record, '@']]);
    },
  };
}
