/**
 * The lock one build of a workbook holds while it reads and writes the add-on's sheets.
 *
 * LockService.getDocumentLock() serialises builds of one workbook, but it needs a document context, and a
 * time-driven run may have none (PLATFORM §2: the event carries no spreadsheet; the run then opens its workbook by
 * id). The script lock is no substitute: it is shared by every user and workbook of a published add-on, so holding it
 * for a whole build would make scheduled runs everywhere skip one another. So every build also takes a lease named
 * after its workbook in the script properties; the script lock is held only for the milliseconds of checking and
 * setting that lease, and the lease expires by itself after the longest possible run, should a run die holding it.
 */
const LEASE_PREFIX = 'sellerKpi.buildLease.';
/** Apps Script stops any run at 6 minutes (PLATFORM §2); a lease older than that belongs to a dead run. */
const LEASE_MS = 6.5 * 60 * 1000;

export interface BuildLock {
  release(): void;
}

function takeLease(spreadsheetId: string, waitMs: number, now: () => number): BuildLock | null {
  const scriptLock = LockService.getScriptLock();
  if (!scriptLock.tryLock(waitMs)) return null;
  const properties = PropertiesService.getScriptProperties();
  const key = LEASE_PREFIX + spreadsheetId;
  const token = `${now()}:${Math.random().toString(36).slice(2)}`;
  try {
    const held = properties.getProperty(key);
    const heldUntil = held ? Number(held.split('|')[0]) : 0;
    if (heldUntil > now()) return null;
    properties.setProperty(key, `${now() + LEASE_MS}|${token}`);
  } finally {
    scriptLock.releaseLock();
  }
  return {
    release(): void {
      // Only this run's own lease is removed: after an expiry another run may have taken the key.
      if (properties.getProperty(key)?.endsWith(`|${token}`)) properties.deleteProperty(key);
    },
  };
}

/** The build lock of `spreadsheet`, or null when another build of it is running (after waiting up to `waitMs`). */
export function acquireBuildLock(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  waitMs: number,
  now: () => number = Date.now,
): BuildLock | null {
  const documentLock = LockService.getDocumentLock();
  if (documentLock && !documentLock.tryLock(waitMs)) return null;
  const lease = takeLease(spreadsheet.getId(), waitMs, now);
  if (!lease) {
    documentLock?.releaseLock();
    return null;
  }
  return {
    release(): void {
      lease.release();
      documentLock?.releaseLock();
    },
  };
}
