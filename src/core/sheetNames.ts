/**
 * The sheets the add-on owns (SPEC §3). Names are fixed (not translated) so that formulas, Looker Studio and
 * colleagues in either language refer to the same tab; their contents are shown in the user's language.
 */
export const OWNED_SHEETS = {
  summary: 'KPI Summary',
  dashboard: 'KPI Dashboard',
  dataIssues: 'Data Issues',
  settings: 'Settings',
  costs: 'Costs',
  targets: 'Targets',
  /** SPEC §3a: one row per SKU; created on first use, then only added to (the user's values are kept). */
  products: 'Products',
  /** SPEC §3b: stock health and replenishment per channel × SKU, for people. */
  inventory: 'Inventory',
  /** SPEC §3b: the long-format table for Looker Studio (its gid is kept across rebuilds). */
  kpiInventory: 'KPI Inventory',
  /** Each payments report block's own total against the sum of its lines by category (SPEC §2b). */
  reconciliation: 'Reconciliation',
  /** SPEC §4a: the weekly and monthly review per level, with the team's action, owner and due cells kept. */
  review: 'KPI Review',
  /**
   * Issue 17: the KPI Summary rows of the days "Keep history up to …" froze (src/core/history/history.ts). Hidden, so
   * nobody edits it by accident; a user may unhide and read it.
   */
  history: 'KPI History',
} as const;

export type OwnedSheetName = (typeof OWNED_SHEETS)[keyof typeof OWNED_SHEETS];

/** True for a sheet the add-on writes: never read as a source export. */
export function isOwnedSheet(name: string): boolean {
  return Object.values(OWNED_SHEETS).some((owned) => owned.toLowerCase() === name.trim().toLowerCase());
}
