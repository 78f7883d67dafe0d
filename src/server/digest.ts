/**
 * The daily digest's server side (SPEC §4a, issue 13 item 3): the note built from the workbook as the last build
 * left it, sent through the one adapter (src/gas/digest.ts) to the chat service Settings names, and the delivery
 * recorded in Settings. Sent from the menu ("Send digest now") and after a scheduled refresh (src/server/schedule.ts),
 * outside the build's lock and after its writes: a digest never changes a KPI sheet and never fails a build.
 */
import { type Cell, isBlankCell, isDateCell } from '../core/cell';
import { digestContent, type DigestContent, type DigestInput } from '../core/digest/content';
import { deliver, type Delivery, withoutSecrets } from '../core/digest/delivery';
import { digestRequest, type WebhookRequest } from '../core/digest/payloads';
import { type DigestRecord, digestDue, lastDigestRows } from '../core/digest/record';
import { type DigestService, SIGNING_SERVICES } from '../core/digest/services';
import { type Language, translate } from '../core/i18n';
import { KPI_INVENTORY_HEADER } from '../core/inventory/table';
import { daysUntilStockout, type InventoryStatus } from '../core/inventory/replenishment';
import { readLevels } from '../core/levels/levels';
import { CHANNELS, type Channel, type IsoDate } from '../core/model';
import { type Settings } from '../core/settings';
import { OWNED_SHEETS } from '../core/sheetNames';
import { targetsFromGrid } from '../core/targets/targets';
import { addDays, isoDateInZone } from '../core/time';
import { hmacBase64, pause, postWebhook, readDigestSecret } from '../gas/digest';
import { readSettings, settingsLanguage, writeSettingsEntries } from '../gas/settings';
import { findOwnedSheet, readSheetValues } from '../gas/sheets';
import { readSummaryRows } from './targets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The SKUs at stockout risk as the last build's KPI Inventory sheet lists them: each SKU's newest snapshot. */
function stockFromKpiInventory(spreadsheet: Spreadsheet): DigestInput['stock'] {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.kpiInventory);
  if (!sheet) return [];
  const [header, ...rows] = readSheetValues(sheet);
  const names = (header ?? []).map((cell) => String(cell).trim());
  const at = (name: (typeof KPI_INVENTORY_HEADER)[number]): number => names.indexOf(name);
  const zone = spreadsheet.getSpreadsheetTimeZone();
  // A date cell is the day it shows in the spreadsheet's zone (PLATFORM §9).
  const dayOf = (cell: Cell | undefined): IsoDate =>
    isDateCell(cell) ? isoDateInZone(cell.getTime(), zone) : String(cell ?? '').slice(0, 10);
  const newest = new Map<string, { day: IsoDate; line: DigestInput['stock'][number] }>();
  for (const row of rows) {
    const channel = String(row[at('channel')] ?? '') as Channel;
    const sku = String(row[at('sku')] ?? '');
    if (!CHANNELS.includes(channel) || sku === '') continue;
    const day = dayOf(row[at('snapshot_date')]);
    const available = row[at('available')];
    const perDay = row[at('units_per_day_30')];
    // The stockout day as the Inventory sheet computes it (src/core/inventory/inventory.ts): snapshot + ⌊available ÷ d⌋.
    const daysLeft =
      typeof available === 'number' && typeof perDay === 'number' && !isBlankCell(perDay)
        ? daysUntilStockout(available, perDay)
        : null;
    const key = `${channel}\u0000${sku}`;
    const known = newest.get(key);
    if (known && known.day >= day) continue;
    newest.set(key, {
      day,
      line: {
        channel,
        sku,
        status: String(row[at('status')] ?? '') as InventoryStatus,
        stockoutDate: daysLeft === null ? null : addDays(day, daysLeft),
      },
    });
  }
  return [...newest.values()].map((entry) => entry.line);
}

/** Lines of the Data Issues sheet below its header. */
function dataIssueCount(spreadsheet: Spreadsheet): number {
  const sheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.dataIssues);
  if (!sheet) return 0;
  return readSheetValues(sheet)
    .slice(1)
    .filter((row) => row.some((cell) => !isBlankCell(cell))).length;
}

/**
 * What the note is made of, read from the sheets the last build wrote (one read each): the KPI Summary rows, the
 * Targets, the Products sheet's levels, the KPI Inventory's newest snapshot, the Data Issues. Null when there is no
 * KPI Summary yet.
 */
export function digestInputFromWorkbook(
  spreadsheet: Spreadsheet,
  settings: Settings,
  now: number,
): DigestInput | null {
  if (!findOwnedSheet(spreadsheet, OWNED_SHEETS.summary)) return null;
  const spreadsheetTimeZone = spreadsheet.getSpreadsheetTimeZone();
  const targetsSheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.targets);
  const productsSheet = findOwnedSheet(spreadsheet, OWNED_SHEETS.products);
  return {
    rows: readSummaryRows(spreadsheet),
    targets: targetsSheet ? targetsFromGrid(readSheetValues(targetsSheet), spreadsheetTimeZone).targets : [],
    levels: readLevels(productsSheet ? readSheetValues(productsSheet) : null, {
      reportingTimeZone: settings.reportingTimeZone,
      spreadsheetTimeZone,
    }).levels,
    today: isoDateInZone(now, settings.reportingTimeZone),
    stock: stockFromKpiInventory(spreadsheet),
    dataIssues: dataIssueCount(spreadsheet),
    workbookUrl: spreadsheet.getUrl(),
  };
}

export interface DigestSent {
  record: DigestRecord;
  /** The day the note was about; null when it could not be made. */
  day: IsoDate | null;
}

function failed(error: string): Delivery {
  return { ok: false, status: 0, attempts: 0, error };
}

/** The note and its delivery, or the reason there was none; never throws. */
function deliverDigest(
  spreadsheet: Spreadsheet,
  settings: Settings,
  service: DigestService,
  language: Language,
  now: number,
): { delivery: Delivery; content: DigestContent | null } {
  let content: DigestContent;
  let request: WebhookRequest;
  try {
    let secret: string | null = null;
    if (SIGNING_SERVICES.includes(service)) {
      const read = readDigestSecret();
      // The secret lives in the document's properties only (SPEC §4a); a run that cannot reach them cannot sign.
      if (!read.reachable)
        return { delivery: failed(translate(language, 'digest.error.noSecretAccess')), content: null };
      secret = read.secret;
    }
    const input = digestInputFromWorkbook(spreadsheet, settings, now);
    if (!input) return { delivery: failed(translate(language, 'digest.error.noSummary')), content: null };
    content = digestContent(input);
    // Signed at the moment of sending: Feishu and DingTalk refuse a timestamp over an hour old (PLATFORM §10).
    request = digestRequest(
      service,
      settings.digestUrl,
      secret,
      content,
      settings.digestLanguage,
      Date.now(),
      hmacBase64,
    );
  } catch (error) {
    // The error's own words may quote the URL (its token) but never the secret, which no message is built from.
    const detail = withoutSecrets(error instanceof Error ? error.message : String(error), settings.digestUrl);
    return { delivery: failed(translate(language, 'digest.error.prepare', { detail })), content: null };
  }
  return { delivery: deliver(service, request, postWebhook, pause), content };
}

/**
 * Builds and sends the digest to the service in `settings` and records the delivery in Settings (last_digest_…).
 * Never throws: a failure is the record's error. The caller has checked that the digest is on.
 */
export function sendDigest(
  spreadsheet: Spreadsheet,
  settings: Settings,
  service: DigestService,
  now: number,
): DigestSent {
  const language = settingsLanguage(settings);
  const { delivery, content } = deliverDigest(spreadsheet, settings, service, language, now);
  const record: DigestRecord = { atMs: now, service, delivery };
  try {
    writeSettingsEntries(spreadsheet, lastDigestRows(record, settings.reportingTimeZone));
  } catch (error) {
    // Nowhere left to tell the user: the execution log keeps it. The record holds no secret (delivery.ts).
    console.error(`Seller KPI: could not record the digest in Settings: ${String(error)}`);
  }
  return { record, day: content?.day ?? null };
}

/** Apps Script ends an execution at 6 minutes (PLATFORM §2). */
const EXECUTION_LIMIT_MS = 360_000;
/**
 * Time a delivery is given: a webhook answers within a second or two, and the retries pause 2 s and 4 s
 * (delivery.ts); a minute leaves room for one slow answer. With less left, the run is not risked mid-request.
 */
export const DIGEST_TIME_NEEDED_MS = 60_000;

/**
 * After a scheduled refresh that built: sends the day's digest when it is due (src/core/digest/record.ts), unless
 * too little of the execution's 6 minutes is left, which is recorded instead. Never throws.
 */
export function sendScheduledDigest(
  spreadsheet: Spreadsheet,
  startedAt: number,
  settingsAsRead?: Settings,
): DigestSent | null {
  try {
    // Read again after a build: it may have changed Settings (the FX memory), and a record is written next to it. A
    // run that skipped the build (issue 17) passes what it read, so deciding costs no second read.
    const settings = settingsAsRead ?? readSettings(spreadsheet).settings;
    const now = Date.now();
    const service = settings.digestService;
    if (service === 'off' || !digestDue(settings, settings.refreshSchedule, now)) return null;
    if (now - startedAt > EXECUTION_LIMIT_MS - DIGEST_TIME_NEEDED_MS) {
      const record: DigestRecord = {
        atMs: now,
        service,
        delivery: failed(translate(settingsLanguage(settings), 'digest.error.noTime')),
      };
      writeSettingsEntries(spreadsheet, lastDigestRows(record, settings.reportingTimeZone));
      return { record, day: null };
    }
    return sendDigest(spreadsheet, settings, service, now);
  } catch (error) {
    console.error(`Seller KPI: the scheduled digest could not be sent: ${String(error)}`);
    return null;
  }
}

/** Menu: Send digest now. Sends the note for yesterday from the last build and says what happened. */
export function sendDigestNow(): DigestSent | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = readSettings(spreadsheet);
  const language = settingsLanguage(settings);
  const ui = SpreadsheetApp.getUi();
  const title = translate(language, 'digest.send.title');
  const service = settings.digestService;
  if (service === 'off' || settings.digestUrl === '') {
    ui.alert(title, translate(language, 'digest.send.off'), ui.ButtonSet.OK);
    return null;
  }
  const sent = sendDigest(spreadsheet, settings, service, Date.now());
  const serviceName = translate(language, `digest.service.${service}`);
  ui.alert(
    title,
    sent.record.delivery.ok
      ? translate(language, 'digest.send.ok', { day: sent.day ?? '', service: serviceName })
      : translate(language, 'digest.send.failed', {
          service: serviceName,
          error: sent.record.delivery.error,
        }),
    ui.ButtonSet.OK,
  );
  return sent;
}
