/**
 * Workbook settings (SPEC §3 "Settings"): stored as key/value rows in the Settings sheet so a user can read and edit
 * them there as well as in the sidebar. Keys are matched by name, never by position.
 */
import { type Cell, isBlankCell } from './cell';
import { type DigestLanguage } from './digest/payloads';
import { DIGEST_SERVICES, type DigestService, WEBHOOK_URL_PREFIXES } from './digest/services';
import { type Language } from './i18n';
import { type IsoDate, type MessageRef } from './model';
import { parseDecimal } from './parse/number';
import { isIsoDate } from './time';

export type LanguageSetting = 'auto' | Language;
export type RefreshSchedule = 'off' | 'daily' | 'hourly';
export type DigestServiceSetting = 'off' | DigestService;

export interface Settings {
  /** IANA zone whose calendar days the KPIs use. Amazon US reports its days in Pacific time. */
  reportingTimeZone: string;
  baseCurrency: 'USD' | 'CNY';
  /** USD→CNY rate read from the Settings sheet (a live GOOGLEFINANCE formula by default); null when unreadable. */
  fxUsdCny: number | null;
  language: LanguageSetting;
  /** Looker Studio template report id used as `c.reportId`, or "" for none. */
  lookerTemplateReportId: string;
  refreshSchedule: RefreshSchedule;
  /** Hour of day (0–23, reporting time zone) of the daily refresh. */
  refreshHour: number;
  /**
   * The daily trigger-time quota of the account in minutes (issue 17): 90 consumer, 360 Google Workspace
   * (src/core/schedule/changeWatch.ts says why a script cannot tell which); the sidebar warns near it.
   */
  triggerQuotaMinutes: number;
  /** The schedule's trigger time in the last 24 hours, as the last scheduled run recorded it; null before any. */
  triggerTime24hMinutes: number | null;
  /**
   * When the add-on itself last changed what a build reads (a sidebar save, targets filled in): script writes fire no
   * change trigger, so a scheduled run compares this stamp with its last build. Null: none recorded.
   */
  inputsChangedAtMs: number | null;
  /** The team chat the daily digest goes to (SPEC §4a); 'off' sends nothing. */
  digestService: DigestServiceSetting;
  /** The bot's incoming-webhook URL, under one of the service's WEBHOOK_URL_PREFIXES; "" when none. */
  digestUrl: string;
  digestLanguage: DigestLanguage;
  /** Hour of day (0–23, reporting time zone) from which a scheduled refresh sends the day's digest. */
  digestHour: number;
  /** The last delivery, as the add-on recorded it (src/core/digest/record.ts); "" when none yet. */
  lastDigestAt: string;
  lastDigestStatus: string;
  lastDigestError: string;
  /**
   * The BigQuery flavour (issue 15): the Google Cloud project and dataset a build loads into, "" for none (then nothing
   * is loaded), and the dataset's location (US, EU, asia-east1 …), fixed when the dataset is created.
   */
  bigQueryProjectId: string;
  bigQueryDataset: string;
  bigQueryLocation: string;
  /** The last load into BigQuery, as the add-on recorded it (src/bigquery/run.ts); "" when none yet. */
  lastBigQueryLoadAt: string;
  lastBigQueryLoadStatus: string;
  lastBigQueryLoadDetail: string;
  /**
   * The Drive folder of raw export files loaded straight into BigQuery and parsed there (issue 15, item 4;
   * src/bigquery/raw): its id, "" for none. A folder's address (…/drive/folders/<id>) is read as its id.
   */
  bigQueryRawFolderId: string;
  /** The last load of that folder, as the add-on recorded it; "" when none yet. */
  lastBigQueryRawLoadAt: string;
  lastBigQueryRawLoadStatus: string;
  lastBigQueryRawLoadDetail: string;
  /**
   * The last day kept in the KPI History sheet (issue 17): days up to it come from there and are never recomputed;
   * null = nothing frozen. Set by the menu's "Keep history up to …", which writes KPI History in the same run.
   */
  frozenThrough: IsoDate | null;
  /**
   * What the last whole write of the KPI Summary left at its top (issue 17, src/core/history/keptRows.ts): the frozen
   * rows, their header and the reporting day of that write; "" when none. Later builds of that day write only below.
   */
  summaryFrozenWritten: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  reportingTimeZone: 'America/Los_Angeles',
  baseCurrency: 'USD',
  fxUsdCny: null,
  language: 'auto',
  lookerTemplateReportId: '',
  refreshSchedule: 'off',
  refreshHour: 6,
  triggerQuotaMinutes: 90,
  triggerTime24hMinutes: null,
  inputsChangedAtMs: null,
  digestService: 'off',
  digestUrl: '',
  digestLanguage: 'both',
  // The reader: a team lead in Shenzhen who opens the chat at 9:00.
  digestHour: 9,
  lastDigestAt: '',
  lastDigestStatus: '',
  lastDigestError: '',
  bigQueryProjectId: '',
  bigQueryDataset: '',
  // BigQuery's own default for a dataset created without a location (datasets#create-dataset).
  bigQueryLocation: 'US',
  lastBigQueryLoadAt: '',
  lastBigQueryLoadStatus: '',
  lastBigQueryLoadDetail: '',
  bigQueryRawFolderId: '',
  lastBigQueryRawLoadAt: '',
  lastBigQueryRawLoadStatus: '',
  lastBigQueryRawLoadDetail: '',
  frozenThrough: null,
  summaryFrozenWritten: '',
};

/** The key in column A of the Settings sheet for each setting. */
export const SETTING_KEYS: Readonly<Record<keyof Settings, string>> = {
  reportingTimeZone: 'reporting_time_zone',
  baseCurrency: 'base_currency',
  fxUsdCny: 'fx_usd_cny',
  language: 'language',
  lookerTemplateReportId: 'looker_template_report_id',
  refreshSchedule: 'refresh_schedule',
  refreshHour: 'refresh_hour',
  triggerQuotaMinutes: 'trigger_quota_min',
  triggerTime24hMinutes: 'trigger_time_24h_min',
  inputsChangedAtMs: 'inputs_changed_at',
  digestService: 'digest_service',
  digestUrl: 'digest_url',
  digestLanguage: 'digest_language',
  digestHour: 'digest_hour',
  lastDigestAt: 'last_digest_at',
  lastDigestStatus: 'last_digest_status',
  lastDigestError: 'last_digest_error',
  bigQueryProjectId: 'bigquery_project_id',
  bigQueryDataset: 'bigquery_dataset',
  bigQueryLocation: 'bigquery_location',
  lastBigQueryLoadAt: 'last_bigquery_load_at',
  lastBigQueryLoadStatus: 'last_bigquery_load_status',
  lastBigQueryLoadDetail: 'last_bigquery_load_detail',
  bigQueryRawFolderId: 'bigquery_raw_folder_id',
  lastBigQueryRawLoadAt: 'last_bigquery_raw_load_at',
  lastBigQueryRawLoadStatus: 'last_bigquery_raw_load_status',
  lastBigQueryRawLoadDetail: 'last_bigquery_raw_load_detail',
  frozenThrough: 'frozen_through',
  summaryFrozenWritten: 'kpi_summary_frozen_written',
};

/** The live rate a new Settings sheet gets (PLATFORM §6: a GOOGLEFINANCE formula by default, SPEC §3). */
export const DEFAULT_FX_FORMULA = '=GOOGLEFINANCE("CURRENCY:USDCNY")';

/** True when `zone` is an IANA time zone the runtime knows (Apps Script V8 has full ICU). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/**
 * Yuan per US dollar that can be a real rate. The rate was pegged at 8.28 from 1994 to 2005 and has stayed between
 * 6.0 and 7.4 since 2008 (People's Bank of China central parity); the bounds leave room for decades of drift either
 * way while still catching the two typing mistakes that would silently scale every CNY figure: the inverse rate
 * (CNY→USD, about 0.14) and a misplaced decimal point (72, 0.72). Outside them the rate is refused, not used.
 */
export const FX_USD_CNY_RANGE = { low: 2, high: 20 } as const;

export function isPlausibleFxUsdCny(rate: number): boolean {
  return Number.isFinite(rate) && rate >= FX_USD_CNY_RANGE.low && rate <= FX_USD_CNY_RANGE.high;
}

/**
 * The last good USD→CNY rate the add-on saw, with its day (issue 10): kept in Settings by each build that read a live
 * rate, used when the live rate cannot be read (GOOGLEFINANCE shows #N/A or is still loading), and said so.
 */
export const FX_MEMORY_KEYS = { rate: 'fx_last_good_rate', date: 'fx_last_good_date' } as const;

/** An unreadable Settings value: the default was used instead. Shown in Data Issues and the sidebar. */
export interface SettingsProblem {
  /** The key in column A, e.g. `refresh_hour`. */
  setting: string;
  message: MessageRef;
}

/** Looker Studio report ids are UUID-like (letters, digits, dashes); anything else would break the Linking API URL. */
export function isValidLookerReportId(id: string): boolean {
  return /^[A-Za-z0-9-]*$/.test(id);
}

/**
 * True when `url` is a webhook of `service`: under one of its hosts (the manifest's urlFetchWhitelist lists exactly
 * these, so any other URL would be refused by Apps Script at send time) and without spaces or line breaks.
 */
export function isWebhookUrlOf(service: DigestService, url: string): boolean {
  return /^\S+$/.test(url) && WEBHOOK_URL_PREFIXES[service].some((prefix) => url.startsWith(prefix));
}

/**
 * A webhook URL as a message may show it: the host only. Its path and query are the bot's credential (the WeCom key,
 * the DingTalk token, the Feishu hook id), and a Settings problem is copied into Data Issues.
 */
export function webhookHostOnly(url: string): string {
  const origin = /^https?:\/\/[^/?#\s]+/i.exec(url)?.[0];
  return origin ? `${origin}/…` : url.length > 12 ? `${url.slice(0, 12)}…` : url;
}

/** `2026-07-12 06:14:03 America/Los_Angeles`, as runTimeText (src/core/dashboard/lastRun.ts) writes a record's time. */
const RECORD_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+$/;

/** Digits only for a typed hour: Number() would take `0x10` as 16 and `1e1` as 10. */
function hourOf(cell: Cell): number | null {
  const value =
    typeof cell === 'number'
      ? cell
      : /^\d{1,2}$/.test(String(cell).trim())
        ? Number(String(cell).trim())
        : NaN;
  return Number.isInteger(value) && value >= 0 && value <= 23 ? value : null;
}

/** The key a column-A cell names: a user may type ` Language` or `LANGUAGE`. */
export function settingKeyOf(cell: Cell | undefined): string {
  return String(cell ?? '')
    .trim()
    .toLowerCase();
}

/**
 * Reads settings from the Settings sheet's key/value rows (column A key, column B value). Unknown keys are ignored;
 * an unreadable value falls back to the default and is reported, so a typo never silently changes the numbers.
 */
export function settingsFromRows(rows: readonly (readonly Cell[])[]): {
  settings: Settings;
  problems: SettingsProblem[];
  /** True when the rate is the remembered last good one because the Settings rate could not be used. */
  fxFromLastGood: boolean;
} {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const problems: SettingsProblem[] = [];
  const reject = (key: keyof Settings, value: unknown): void => {
    const setting = SETTING_KEYS[key];
    problems.push({
      setting,
      message: { key: `settings.problem.${key}`, params: { setting, value: String(value) } },
    });
  };
  const byKey = new Map<string, Cell>();
  for (const row of rows) {
    const key = settingKeyOf(row[0]);
    if (key) byKey.set(key, row[1] ?? '');
  }
  const text = (key: keyof Settings): string | null => {
    const value = byKey.get(SETTING_KEYS[key]);
    return value === undefined || isBlankCell(value) ? null : String(value).trim();
  };

  const zone = text('reportingTimeZone');
  if (zone !== null) {
    if (isValidTimeZone(zone)) settings.reportingTimeZone = zone;
    else reject('reportingTimeZone', zone);
  }
  const currency = text('baseCurrency')?.toUpperCase() ?? null;
  if (currency === 'USD' || currency === 'CNY') settings.baseCurrency = currency;
  else if (currency !== null) reject('baseCurrency', currency);

  const fx = byKey.get(SETTING_KEYS.fxUsdCny);
  // A rate that is not there or not a number (GOOGLEFINANCE's #N/A, "Loading…"): the case the last good rate is
  // kept for. A number outside the plausible range was typed: it is refused, never replaced behind the user's back.
  let fxUnreadable = fx === undefined || isBlankCell(fx);
  if (fx !== undefined && !isBlankCell(fx)) {
    // The cell readers' rule, not Number(): `0x10` is not 16 and `Infinity` or `1e400` is no rate.
    const rate = parseDecimal(fx);
    fxUnreadable = !rate.ok || rate.value === null;
    if (!rate.ok || rate.value === null) reject('fxUsdCny', fx);
    else if (!isPlausibleFxUsdCny(rate.value)) {
      const setting = SETTING_KEYS.fxUsdCny;
      problems.push({
        setting,
        message: {
          key: 'settings.problem.fxUsdCnyOutOfRange',
          params: { setting, value: String(fx), low: FX_USD_CNY_RANGE.low, high: FX_USD_CNY_RANGE.high },
        },
      });
    } else settings.fxUsdCny = rate.value;
  }

  const language = text('language')?.toLowerCase() ?? null;
  if (language === 'auto' || language === 'en' || language === 'zh') settings.language = language;
  else if (language !== null) reject('language', language);

  const lookerId = text('lookerTemplateReportId') ?? '';
  if (isValidLookerReportId(lookerId)) settings.lookerTemplateReportId = lookerId;
  else reject('lookerTemplateReportId', lookerId);

  const schedule = text('refreshSchedule')?.toLowerCase() ?? null;
  if (schedule === 'off' || schedule === 'daily' || schedule === 'hourly')
    settings.refreshSchedule = schedule;
  else if (schedule !== null) reject('refreshSchedule', schedule);

  const hour = byKey.get(SETTING_KEYS.refreshHour);
  if (hour !== undefined && !isBlankCell(hour)) {
    const value = hourOf(hour);
    if (value !== null) settings.refreshHour = value;
    else reject('refreshHour', hour);
  }
  // The schedule's trigger-time budget (issue 17): whole minutes up to a day's 1,440.
  const quota = byKey.get(SETTING_KEYS.triggerQuotaMinutes);
  if (quota !== undefined && !isBlankCell(quota)) {
    const minutes = parseDecimal(quota);
    if (
      minutes.ok &&
      minutes.value !== null &&
      Number.isInteger(minutes.value) &&
      minutes.value >= 1 &&
      minutes.value <= 1440
    )
      settings.triggerQuotaMinutes = minutes.value;
    else reject('triggerQuotaMinutes', quota);
  }
  const used = parseDecimal(byKey.get(SETTING_KEYS.triggerTime24hMinutes) ?? '');
  if (used.ok && used.value !== null && used.value >= 0) settings.triggerTime24hMinutes = used.value;
  // The add-on writes it as ISO 8601 UTC text; anything else counts as no stamp (a hand edit fires the change trigger).
  const stamp = text('inputsChangedAtMs');
  const stampMs = stamp !== null && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(stamp) ? Date.parse(stamp) : NaN;
  if (Number.isFinite(stampMs)) settings.inputsChangedAtMs = stampMs;

  // The daily digest (SPEC §4a). A URL that is not the chosen service's webhook would only fail at send time, so it
  // is refused here, and the digest stays off until Settings names a service and its URL that belong together.
  const service = text('digestService')?.toLowerCase() ?? null;
  const knownService = DIGEST_SERVICES.find((candidate) => candidate === service);
  if (service === 'off' || knownService) settings.digestService = knownService ?? 'off';
  else if (service !== null) reject('digestService', service);
  const url = text('digestUrl');
  if (url !== null) {
    if (settings.digestService === 'off' || isWebhookUrlOf(settings.digestService, url))
      settings.digestUrl = url;
    else reject('digestUrl', webhookHostOnly(url));
  }
  const digestLanguage = text('digestLanguage')?.toLowerCase() ?? null;
  if (digestLanguage === 'en' || digestLanguage === 'zh' || digestLanguage === 'both')
    settings.digestLanguage = digestLanguage;
  else if (digestLanguage !== null) reject('digestLanguage', digestLanguage);
  const digestHour = byKey.get(SETTING_KEYS.digestHour);
  if (digestHour !== undefined && !isBlankCell(digestHour)) {
    const value = hourOf(digestHour);
    if (value !== null) settings.digestHour = value;
    else reject('digestHour', digestHour);
  }
  // The last delivery is the add-on's own record; a time edited into another shape is not trusted to say "sent today".
  const digestAt = text('lastDigestAt');
  if (digestAt !== null) {
    if (RECORD_TIME.test(digestAt)) settings.lastDigestAt = digestAt;
    else reject('lastDigestAt', digestAt);
  }
  settings.lastDigestStatus = text('lastDigestStatus') ?? '';
  settings.lastDigestError = text('lastDigestError') ?? '';

  // BigQuery (issue 15). Project ids: 6–30 lowercase letters, digits and hyphens, starting with a letter, not ending
  // with a hyphen, optionally behind a "domain:" of a Workspace organisation (cloud.google.com/resource-manager/docs/
  // creating-managing-projects#before_you_begin). Dataset names: letters, digits, underscores, at most 1,024
  // (bigquery/docs/datasets#dataset-naming). A wrong one loads nothing rather than into a place the user did not mean.
  const project = text('bigQueryProjectId');
  if (project !== null) {
    if (/^([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project)) settings.bigQueryProjectId = project;
    else reject('bigQueryProjectId', project);
  }
  const dataset = text('bigQueryDataset');
  if (dataset !== null) {
    if (/^[A-Za-z0-9_]{1,1024}$/.test(dataset)) settings.bigQueryDataset = dataset;
    else reject('bigQueryDataset', dataset);
  }
  const location = text('bigQueryLocation');
  if (location !== null) {
    if (/^[A-Za-z]+[A-Za-z0-9-]*$/.test(location)) settings.bigQueryLocation = location;
    else reject('bigQueryLocation', location);
  }
  settings.lastBigQueryLoadAt = text('lastBigQueryLoadAt') ?? '';
  settings.lastBigQueryLoadStatus = text('lastBigQueryLoadStatus') ?? '';
  settings.lastBigQueryLoadDetail = text('lastBigQueryLoadDetail') ?? '';
  // Drive file and folder ids are letters, digits, `-` and `_` (developers.google.com/drive/api/guides/about-files:
  // "a unique opaque ID"; the ids Drive shows in folder addresses are 19–44 such characters).
  const rawFolder = text('bigQueryRawFolderId');
  if (rawFolder !== null) {
    const id = /\/folders\/([A-Za-z0-9_-]+)/.exec(rawFolder)?.[1] ?? rawFolder;
    if (/^[A-Za-z0-9_-]{10,100}$/.test(id)) settings.bigQueryRawFolderId = id;
    else reject('bigQueryRawFolderId', rawFolder);
  }
  settings.lastBigQueryRawLoadAt = text('lastBigQueryRawLoadAt') ?? '';
  settings.lastBigQueryRawLoadStatus = text('lastBigQueryRawLoadStatus') ?? '';
  settings.lastBigQueryRawLoadDetail = text('lastBigQueryRawLoadDetail') ?? '';
  // Written by the add-on as yyyy-MM-dd text; anything else is reported and the build keeps the days KPI History
  // already holds frozen (src/core/history/history.ts), so a typo never brings deleted raw rows' days back as zeros.
  settings.summaryFrozenWritten = text('summaryFrozenWritten') ?? '';
  const frozenThrough = text('frozenThrough');
  if (frozenThrough !== null) {
    if (typeof byKey.get(SETTING_KEYS.frozenThrough) === 'string' && isIsoDate(frozenThrough))
      settings.frozenThrough = frozenThrough;
    else reject('frozenThrough', frozenThrough);
  }

  // No usable rate: the last good one, if the add-on kept one, rather than CNY figures going blank overnight.
  let fxFromLastGood = false;
  if (settings.fxUsdCny === null && fxUnreadable) {
    const remembered = parseDecimal(byKey.get(FX_MEMORY_KEYS.rate) ?? '');
    const day = String(byKey.get(FX_MEMORY_KEYS.date) ?? '').trim();
    if (remembered.ok && remembered.value !== null && isPlausibleFxUsdCny(remembered.value)) {
      settings.fxUsdCny = remembered.value;
      fxFromLastGood = true;
      problems.push({
        setting: SETTING_KEYS.fxUsdCny,
        message: { key: 'settings.problem.fxLastGood', params: { rate: remembered.value, date: day } },
      });
    }
  }
  return { settings, problems, fxFromLastGood };
}
