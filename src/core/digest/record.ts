/**
 * The last delivery of the daily digest, recorded in the Settings sheet (SPEC §4a: time, service, HTTP status,
 * error), and the rule for when a scheduled refresh sends the day's digest. Add-ons get no failure e-mails (PLATFORM
 * §2), so these rows are where a team learns the chat stayed silent, and why.
 */
import { type Cell } from '../cell';
import { runTimeText } from '../dashboard/lastRun';
import { type IsoDate } from '../model';
import { type RefreshSchedule, SETTING_KEYS, type Settings } from '../settings';
import { epochFromWallClock, isoDateInZone, wallClockInZone } from '../time';
import { type Delivery } from './delivery';
import { type DigestService } from './services';

/** The first word of `last_digest_status`: what a later run reads to know whether today's digest went out. */
export type DigestOutcome = 'ok' | 'failed';

export interface DigestRecord {
  atMs: number;
  service: DigestService;
  delivery: Delivery;
}

/**
 * `ok · feishu · HTTP 200 · 1 attempt` or `failed · slack · HTTP 500 · 3 attempts`: one cell a person reads and a
 * later run parses by its first word. HTTP 0 means no answer came (the error says why).
 */
export function digestStatusText(service: DigestService, delivery: Delivery): string {
  const outcome: DigestOutcome = delivery.ok ? 'ok' : 'failed';
  const attempts = `${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'}`;
  return `${outcome} · ${service} · HTTP ${delivery.status} · ${attempts}`;
}

/** The Settings rows of a delivery, as [key, value, number format] (writeSettingsEntries), all plain text. */
export function lastDigestRows(record: DigestRecord, zone: string): [string, Cell, string][] {
  return [
    [SETTING_KEYS.lastDigestAt, runTimeText(record.atMs, zone), '@'],
    [SETTING_KEYS.lastDigestStatus, digestStatusText(record.service, record.delivery), '@'],
    [SETTING_KEYS.lastDigestError, record.delivery.error, '@'],
  ];
}

/**
 * The day in `zone` of a recorded time (`2026-07-12 06:14:03 America/Los_Angeles`, read in its own zone), or null
 * when it is not such a time. The reporting zone may have changed since it was written.
 */
export function recordedDay(text: string, zone: string): IsoDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (\S+)$/.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, recordZone] = match;
  try {
    const epoch = epochFromWallClock(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second),
      },
      recordZone ?? '',
    );
    return Number.isFinite(epoch) ? isoDateInZone(epoch, zone) : null;
  } catch {
    // Not a zone Intl knows: the time cannot be placed.
    return null;
  }
}

/** True when Settings says today's digest (in the reporting zone) already reached the chat. */
export function deliveredToday(settings: Settings, nowMs: number): boolean {
  const zone = settings.reportingTimeZone;
  return (
    settings.lastDigestStatus.startsWith('ok') &&
    recordedDay(settings.lastDigestAt, zone) === isoDateInZone(nowMs, zone)
  );
}

/**
 * Whether the scheduled refresh that just built should send the digest. Once a day: not when today's went out
 * already; a failed one is tried again by the next refresh, which may find the service back. An hourly refresh sends
 * from the digest hour on (reporting zone); a daily refresh runs once, so it sends after its build whatever the hour
 * (the sidebar says so): otherwise a refresh hour before the digest hour would never send at all.
 */
export function digestDue(settings: Settings, schedule: RefreshSchedule, nowMs: number): boolean {
  if (settings.digestService === 'off' || settings.digestUrl === '' || schedule === 'off') return false;
  if (deliveredToday(settings, nowMs)) return false;
  if (schedule === 'daily') return true;
  return wallClockInZone(nowMs, settings.reportingTimeZone).hour >= settings.digestHour;
}
