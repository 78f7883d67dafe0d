/**
 * Stock snapshots from the inventory facts (SPEC §3b): each dated (the report's day, the stated day, else the build
 * day), one per channel × SKU × day, and the latest per channel × SKU is the current stock.
 *
 * Counting once: a snapshot's rows for one SKU add up within one download (a 3PL listing a SKU in two warehouses), but
 * the same day's stock in two downloads — a sheet pasted twice, a block appended below with its header, or two reports
 * of the same stock (Manage FBA Inventory and the FBA Inventory report) — is one stock, never summed: one download is
 * taken, the one that says most (the age bands, the report's own units shipped), then the later block.
 */
import { type Channel, type InventoryFact, type IsoDate, type SnapshotDateSource } from '../model';

export interface StockSnapshot {
  channel: Channel;
  sku: string;
  date: IsoDate;
  dateSource: SnapshotDateSource;
  availableUnits: number;
  inboundUnits: number;
  reservedUnits: number;
  unsellableUnits: number;
  reportedUnits7: number | null;
  reportedUnits30: number | null;
  reportedUnits90: number | null;
  unitsAgedOver180: number | null;
  reportedSellThrough: number | null;
  /** Sheet (and block) the stock was taken from, for the notes. */
  sheet: string;
}

interface Download {
  snapshot: StockSnapshot;
  /** Sheet + block: the identity of one download. */
  origin: string;
}

const OPTIONAL_FIELDS = [
  'reportedUnits7',
  'reportedUnits30',
  'reportedUnits90',
  'unitsAgedOver180',
  'reportedSellThrough',
] as const;

function addOptional(sum: number | null, value: number | undefined): number | null {
  return value === undefined ? sum : (sum ?? 0) + value;
}

function richness(snapshot: StockSnapshot): number {
  return OPTIONAL_FIELDS.filter((field) => snapshot[field] !== null).length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every snapshot per channel × SKU × day, sorted by channel, SKU and day. */
export function stockSnapshots(facts: readonly InventoryFact[], buildDay: IsoDate): StockSnapshot[] {
  const downloads = new Map<string, Map<string, Download>>();
  for (const fact of facts) {
    const date = fact.snapshotDate ?? buildDay;
    const key = `${fact.channel}\u0000${fact.sku}\u0000${date}`;
    const origin = `${fact.source.sheet}\u0000${fact.source.block ?? ''}`;
    let byOrigin = downloads.get(key);
    if (!byOrigin) downloads.set(key, (byOrigin = new Map()));
    const existing = byOrigin.get(origin);
    if (!existing) {
      byOrigin.set(origin, {
        origin,
        snapshot: {
          channel: fact.channel,
          sku: fact.sku,
          date,
          dateSource: fact.snapshotDateSource ?? 'buildDay',
          availableUnits: fact.availableUnits,
          inboundUnits: fact.inboundUnits,
          reservedUnits: fact.reservedUnits,
          unsellableUnits: fact.unsellableUnits,
          reportedUnits7: fact.reportedUnits7 ?? null,
          reportedUnits30: fact.reportedUnits30 ?? null,
          reportedUnits90: fact.reportedUnits90 ?? null,
          unitsAgedOver180: fact.unitsAgedOver180 ?? null,
          reportedSellThrough: fact.reportedSellThrough ?? null,
          sheet: fact.source.sheet,
        },
      });
      continue;
    }
    const stock = existing.snapshot;
    stock.availableUnits += fact.availableUnits;
    stock.inboundUnits += fact.inboundUnits;
    stock.reservedUnits += fact.reservedUnits;
    stock.unsellableUnits += fact.unsellableUnits;
    stock.reportedUnits7 = addOptional(stock.reportedUnits7, fact.reportedUnits7);
    stock.reportedUnits30 = addOptional(stock.reportedUnits30, fact.reportedUnits30);
    stock.reportedUnits90 = addOptional(stock.reportedUnits90, fact.reportedUnits90);
    stock.unitsAgedOver180 = addOptional(stock.unitsAgedOver180, fact.unitsAgedOver180);
    // A ratio does not add up: two rows of one SKU keep the first row's.
    stock.reportedSellThrough ??= fact.reportedSellThrough ?? null;
  }

  const chosen: StockSnapshot[] = [];
  for (const byOrigin of downloads.values()) {
    const ranked = [...byOrigin.values()].sort(
      (a, b) =>
        richness(b.snapshot) - richness(a.snapshot) ||
        // Later block first ('' is the first download of a sheet, then '1', '2'…), then the sheet name: a result
        // that never depends on the order of tabs.
        compareText(b.origin, a.origin),
    );
    const best = ranked[0];
    if (!best) continue;
    const snapshot = { ...best.snapshot };
    // What the chosen download does not say, another download of the same day may.
    for (const field of OPTIONAL_FIELDS) {
      if (snapshot[field] !== null) continue;
      snapshot[field] = ranked.find((download) => download.snapshot[field] !== null)?.snapshot[field] ?? null;
    }
    chosen.push(snapshot);
  }
  return chosen.sort(
    (a, b) => compareText(a.channel, b.channel) || compareText(a.sku, b.sku) || compareText(a.date, b.date),
  );
}

/** The latest snapshot of each channel × SKU: its current stock. */
export function currentSnapshots(snapshots: readonly StockSnapshot[]): StockSnapshot[] {
  const latest = new Map<string, StockSnapshot>();
  for (const snapshot of snapshots) {
    const key = `${snapshot.channel}\u0000${snapshot.sku}`;
    const current = latest.get(key);
    if (!current || snapshot.date > current.date) latest.set(key, snapshot);
  }
  return [...latest.values()];
}
