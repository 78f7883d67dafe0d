/**
 * What the stock reports share (SPEC §3b): the day a snapshot stands for. A report that states it (FBA Inventory's
 * `snapshot-date`) is taken at its word; otherwise the day the user stated in the sidebar (the last day of the stated
 * period: a snapshot is the stock at the end of it); otherwise none, and the build day stands in (src/core/inventory
 * says so on the Inventory sheet).
 */
import { type InventoryFact, type IsoDate } from '../model';
import { type ParseContext } from './types';

export type SnapshotDay = Pick<InventoryFact, 'snapshotDate' | 'snapshotDateSource'>;

/** The snapshot day of a report without a date of its own: the stated one, else nothing (the build day). */
export function statedSnapshotDay(context: ParseContext): SnapshotDay {
  return context.period ? { snapshotDate: context.period.to, snapshotDateSource: 'stated' } : {};
}

/** The report's own day when a row has one, else the stated day. */
export function snapshotDayOf(reportDay: IsoDate | null, context: ParseContext): SnapshotDay {
  return reportDay !== null
    ? { snapshotDate: reportDay, snapshotDateSource: 'report' }
    : statedSnapshotDay(context);
}
