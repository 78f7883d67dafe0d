/**
 * Skipping unchanged work (issue 17, item 3): whether a scheduled refresh may leave the KPI sheets as they are, and
 * how much of the daily trigger-time quota the schedule has used. Pure: the adapter (src/gas/changeWatch.ts) keeps
 * the state in the user's properties and src/server/schedule.ts acts on the answers.
 *
 * Platform facts the rules stand on:
 * - An installable change trigger runs "when a user makes any change in a spreadsheet, including formatting edits
 *   and modifications to the spreadsheet itself (such as adding a row)"; Editor add-ons may install one (one
 *   trigger of each type, per user, per document) (M: workspace-add-ons/concepts/editor-triggers.md).
 * - "Script executions and API requests don't cause triggers to run" (M: guides/triggers/installable-triggers.md):
 *   the build's own writes never mark the workbook changed, and neither do the add-on's other writes (a sidebar
 *   save, targets filled from actuals), which therefore stamp Settings themselves (INPUTS_CHANGED_KEY).
 * - Installable triggers "always run under the account of the person who created them" (same page): the change
 *   trigger and the time-driven trigger of one user share that user's properties, which a time-driven run can read
 *   without a document (PLATFORM §2: document properties may be out of reach there).
 * - Recalculation is not a user's change, so a live GOOGLEFINANCE rate moving does not fire the change trigger; the
 *   dates a dashboard counts from ("yesterday", "month to date") move at midnight with nothing changed at all. Hence
 *   the first scheduled run of each reporting day builds whatever the mark says.
 * - Triggers' total runtime is capped per user per day: 90 minutes on consumer accounts, 6 hours on Google
 *   Workspace (quotas page, PLATFORM §2), and every trigger execution counts, the change trigger's too.
 */
import { type IsoDate } from '../model';
import { isIsoDate, isoDateInZone } from '../time';

const HOUR_MS = 3_600_000;
/**
 * Hour buckets kept: the current hour and the 24 before it, so "the last 24 hours" is summed over 24 to 25 hours —
 * on the side of saying too much, never too little. Bounded: 25 entries whatever the number of runs.
 */
export const USAGE_BUCKETS = 25;

/** Trigger time spent in one clock hour: [hour since the epoch, milliseconds, runs]. */
export type UsageBucket = [hour: number, ms: number, runs: number];

/** What one user's triggers know about one workbook. All times are epoch milliseconds. */
export interface ChangeWatch {
  /** When this user's change trigger was installed; changes before it were not seen. Null: no change trigger. */
  watchingSince: number | null;
  /** The last user change the trigger reported (formatting alone does not count). Null: none seen yet. */
  changedAt: number | null;
  /** When the last build that wrote the KPI sheets started (before it took its lock and read anything). */
  builtFrom: number | null;
  /** That build's reporting day (yyyy-MM-dd in builtZone) and the reporting zone it counted days in. */
  builtDay: IsoDate | null;
  builtZone: string | null;
  /** Trigger time of this workbook's scheduled runs and change-trigger runs, per clock hour, oldest first. */
  usage: UsageBucket[];
}

export const EMPTY_WATCH: Readonly<ChangeWatch> = {
  watchingSince: null,
  changedAt: null,
  builtFrom: null,
  builtDay: null,
  builtZone: null,
  usage: [],
};

function timeOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * The state from its stored JSON. Anything unreadable is dropped to "not known", which never skips a build: a
 * corrupted record costs one build, never a stale KPI Summary.
 */
export function parseChangeWatch(stored: string | null): ChangeWatch | null {
  if (stored === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return { ...EMPTY_WATCH, usage: [] };
  }
  if (typeof raw !== 'object' || raw === null) return { ...EMPTY_WATCH, usage: [] };
  const record = raw as Record<string, unknown>;
  const day = typeof record.builtDay === 'string' && isIsoDate(record.builtDay) ? record.builtDay : null;
  const zone = typeof record.builtZone === 'string' && record.builtZone !== '' ? record.builtZone : null;
  const usage: UsageBucket[] = [];
  if (Array.isArray(record.usage)) {
    for (const entry of record.usage as unknown[]) {
      if (!Array.isArray(entry)) continue;
      const [hour, ms, runs] = entry as unknown[];
      if (
        Number.isInteger(hour) &&
        typeof ms === 'number' &&
        Number.isFinite(ms) &&
        ms >= 0 &&
        Number.isInteger(runs) &&
        (runs as number) >= 0
      )
        usage.push([hour as number, ms, runs as number]);
    }
  }
  return {
    watchingSince: timeOrNull(record.watchingSince),
    changedAt: timeOrNull(record.changedAt),
    builtFrom: timeOrNull(record.builtFrom),
    builtDay: day,
    builtZone: zone,
    usage: usage.sort((a, b) => a[0] - b[0]).slice(-USAGE_BUCKETS),
  };
}

export function serializeChangeWatch(watch: ChangeWatch): string {
  return JSON.stringify(watch);
}

/** Why a scheduled run builds; or that it may skip, and since when nothing changed. */
export type RefreshDecision =
  | { build: false; unchangedSince: number }
  | {
      build: true;
      reason: 'notWatching' | 'neverBuilt' | 'watchStartedAfterBuild' | 'changed' | 'newDay' | 'addOnChange';
    };

/**
 * Whether a scheduled run at `now` may skip building. It may only when this user's change trigger was watching
 * before the last build started (else a change could have gone unseen), no change was reported from the moment that
 * build started (a change made while it was reading may be missing from what it wrote), the add-on itself changed no
 * input since then (`inputsChangedAt`, from Settings; undefined while not read yet), and the reporting day is the one
 * it was built on.
 */
export function refreshDecision(
  watch: ChangeWatch | null,
  now: number,
  inputsChangedAt?: number | null,
): RefreshDecision {
  if (!watch || watch.watchingSince === null) return { build: true, reason: 'notWatching' };
  const { builtFrom, builtDay, builtZone } = watch;
  if (builtFrom === null || builtDay === null || builtZone === null)
    return { build: true, reason: 'neverBuilt' };
  if (watch.watchingSince > builtFrom) return { build: true, reason: 'watchStartedAfterBuild' };
  if (watch.changedAt !== null && watch.changedAt >= builtFrom) return { build: true, reason: 'changed' };
  let today: IsoDate;
  try {
    today = isoDateInZone(now, builtZone);
  } catch {
    return { build: true, reason: 'newDay' };
  }
  if (today !== builtDay) return { build: true, reason: 'newDay' };
  if (inputsChangedAt !== undefined && inputsChangedAt !== null && inputsChangedAt >= builtFrom)
    return { build: true, reason: 'addOnChange' };
  return { build: false, unchangedSince: builtFrom };
}

/** The watch after a user change at `at` (a formatting-only change leaves it as it was). */
export function withChange(watch: ChangeWatch, at: number): ChangeWatch {
  return { ...watch, changedAt: Math.max(watch.changedAt ?? 0, at) };
}

/** The watch after a build that started at `startedAt` and wrote the KPI sheets, counting days in `zone`. */
export function withBuild(watch: ChangeWatch, startedAt: number, zone: string): ChangeWatch {
  // Builds of one workbook hold its build lock (src/gas/buildLock.ts), so the last to finish also started last: its
  // start is the moment the KPI sheets on disk were read from.
  return { ...watch, builtFrom: startedAt, builtDay: isoDateInZone(startedAt, zone), builtZone: zone };
}

/** The usage with one more trigger run of `durationMs` that started at `startedAt`, buckets older than the window dropped. */
export function withRun(
  usage: readonly UsageBucket[],
  startedAt: number,
  durationMs: number,
  now: number,
): UsageBucket[] {
  const hour = Math.floor(startedAt / HOUR_MS);
  const ms = Math.max(0, Math.round(durationMs));
  const next = usage.map((bucket): UsageBucket => [bucket[0], bucket[1], bucket[2]]);
  const bucket = next.find((entry) => entry[0] === hour);
  if (bucket) {
    bucket[1] += ms;
    bucket[2] += 1;
  } else next.push([hour, ms, 1]);
  return inWindow(next, now);
}

/** The buckets inside the window that ends at `now`, oldest first. */
export function inWindow(usage: readonly UsageBucket[], now: number): UsageBucket[] {
  const oldest = Math.floor(now / HOUR_MS) - (USAGE_BUCKETS - 1);
  return usage.filter((bucket) => bucket[0] >= oldest).sort((a, b) => a[0] - b[0]);
}

/** Trigger time used in the last 24 hours (24 to 25 hours, see USAGE_BUCKETS), in milliseconds, and the runs. */
export function usedInLastDay(usage: readonly UsageBucket[], now: number): { ms: number; runs: number } {
  let ms = 0;
  let runs = 0;
  for (const bucket of inWindow(usage, now)) {
    ms += bucket[1];
    runs += bucket[2];
  }
  return { ms, runs };
}

/** Minutes with one decimal, as Settings shows them (`trigger_time_24h_min`). */
export function minutesOf(ms: number): number {
  return Math.round(ms / 6_000) / 10;
}

/**
 * Daily trigger-time quotas (quotas page, "Triggers total runtime"; PLATFORM §2). A script cannot tell a consumer
 * account from a Workspace one reliably (a consumer Google account may use any e-mail address), so Settings holds
 * the quota (`trigger_quota_min`) and defaults to the smaller one: a Workspace user who sets 360 gets the later
 * warning, nobody gets a late one.
 */
export const TRIGGER_QUOTA_MINUTES = { consumer: 90, workspace: 360 } as const;
/** The sidebar warns from this share of the quota on. */
export const QUOTA_WARNING_SHARE = 0.8;

/** True when `usedMinutes` is at or past the warning share of `quotaMinutes`. */
export function nearsQuota(usedMinutes: number, quotaMinutes: number): boolean {
  return quotaMinutes > 0 && usedMinutes >= QUOTA_WARNING_SHARE * quotaMinutes;
}
