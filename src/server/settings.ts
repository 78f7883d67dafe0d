/**
 * The settings form of the sidebar: what it shows and how a save is checked before it reaches the Settings sheet.
 * The sheet stays the one place settings live, so a user may also edit it by hand.
 */
import {
  DIGEST_SERVICES,
  type DigestService,
  SIGNING_SERVICES,
  WEBHOOK_URL_PREFIXES,
} from '../core/digest/services';
import { type Language, translate } from '../core/i18n';
import {
  isPlausibleFxUsdCny,
  isValidLookerReportId,
  isValidTimeZone,
  isWebhookUrlOf,
} from '../core/settings';
import { saveDigestSecret } from '../gas/digest';
import {
  type DigestSettings,
  type EditableSettings,
  type SettingsWithFxSource,
  writeSettings,
} from '../gas/settings';
import { type SettingsView } from '../ui/protocol';
import { applyRefreshSchedule } from './schedule';
import { UserFacingError } from './sidebarRpc';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The form's view of settings already read (readSettingsWithFxSource), its problems in `language`. Of the digest's
 * signing secret the page learns only whether one is saved (`digestSecretSaved`), never the secret.
 */
export function settingsView(
  { settings, problems, fxSource }: SettingsWithFxSource,
  language: Language,
  digestSecretSaved: boolean,
): SettingsView {
  return {
    values: {
      reportingTimeZone: settings.reportingTimeZone,
      baseCurrency: settings.baseCurrency,
      fxSource,
      fxFixedRate: fxSource === 'fixed' ? settings.fxUsdCny : null,
      language: settings.language,
      lookerTemplateReportId: settings.lookerTemplateReportId,
      refreshSchedule: settings.refreshSchedule,
      refreshHour: settings.refreshHour,
      digest: {
        service: settings.digestService,
        url: settings.digestUrl,
        language: settings.digestLanguage,
        hour: settings.digestHour,
      },
    },
    currentFxRate: settings.fxUsdCny,
    problems: problems.map((problem) => translate(language, problem.message.key, problem.message.params)),
    digest: {
      secretSaved: digestSecretSaved,
      lastAt: settings.lastDigestAt,
      lastStatus: settings.lastDigestStatus,
      lastError: settings.lastDigestError,
    },
  };
}

/** What a save does to the saved signing secret: a blank field keeps it (the page never has it to send back). */
export type SecretChange = { kind: 'keep' } | { kind: 'set'; secret: string } | { kind: 'clear' };

/** A service's name in an error, in both languages: the error's language is chosen after it is thrown. */
const SERVICE_NAMES: Readonly<Record<DigestService, string>> = {
  feishu: 'Feishu / Lark（飞书）',
  dingtalk: 'DingTalk（钉钉）',
  wecom: 'WeCom（企业微信）',
  slack: 'Slack',
};

/** The digest part of the form, checked; null when the form has none (the digest's settings are then kept). */
function checkedDigest(value: unknown): { digest: DigestSettings; secret: SecretChange } | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) throw new UserFacingError('settings.error.invalid');
  const form = value as Record<string, unknown>;
  const service = form.service === 'off' ? 'off' : DIGEST_SERVICES.find((known) => known === form.service);
  if (!service) throw new UserFacingError('settings.error.invalid');
  const url = typeof form.url === 'string' ? form.url.trim() : '';
  // The manifest's urlFetchWhitelist lists exactly these prefixes: any other URL would be refused at send time.
  const urlFits =
    service === 'off'
      ? url === '' || DIGEST_SERVICES.some((known) => isWebhookUrlOf(known, url))
      : isWebhookUrlOf(service, url);
  if (!urlFits) {
    const shown = service === 'off' ? DIGEST_SERVICES : [service];
    throw new UserFacingError('settings.error.digestUrl', {
      service: shown.map((known) => SERVICE_NAMES[known]).join(', '),
      prefixes: shown.flatMap((known) => WEBHOOK_URL_PREFIXES[known]).join(', '),
    });
  }
  const language = form.language;
  if (language !== 'en' && language !== 'zh' && language !== 'both')
    throw new UserFacingError('settings.error.invalid');
  const hour = form.hour;
  if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new UserFacingError('settings.error.refreshHour');
  const typed = typeof form.secret === 'string' ? form.secret.trim() : '';
  let secret: SecretChange = form.clearSecret === true ? { kind: 'clear' } : { kind: 'keep' };
  // Only Feishu and DingTalk sign; a secret typed for another service has nothing to sign and is not kept.
  if (typed !== '' && service !== 'off' && SIGNING_SERVICES.includes(service)) {
    if (!/^\S{1,200}$/.test(typed)) throw new UserFacingError('settings.error.digestSecret');
    // DingTalk's 加签 secret starts with SEC (PLATFORM §10); the access token pasted by mistake does not.
    if (service === 'dingtalk' && !typed.startsWith('SEC'))
      throw new UserFacingError('settings.error.dingtalkSecret');
    secret = { kind: 'set', secret: typed };
  }
  return { digest: { service, url, language, hour }, secret };
}

/** The form's values checked one by one (they arrive as plain JSON from the page). */
export function checkedSettings(value: unknown): EditableSettings & { digestSecret: SecretChange } {
  if (typeof value !== 'object' || value === null) throw new UserFacingError('settings.error.invalid');
  const form = value as Record<string, unknown>;
  const zone = typeof form.reportingTimeZone === 'string' ? form.reportingTimeZone.trim() : '';
  if (!isValidTimeZone(zone)) throw new UserFacingError('settings.error.timeZone', { zone });
  const baseCurrency = form.baseCurrency;
  if (baseCurrency !== 'USD' && baseCurrency !== 'CNY') throw new UserFacingError('settings.error.invalid');
  const fxSource = form.fxSource;
  if (fxSource !== 'live' && fxSource !== 'fixed') throw new UserFacingError('settings.error.invalid');
  const rate = typeof form.fxFixedRate === 'number' ? form.fxFixedRate : Number.NaN;
  // The build's rule (src/core/settings.ts): a rate outside 2–20 is an inverse rate or a misplaced decimal point.
  if (fxSource === 'fixed' && !isPlausibleFxUsdCny(rate)) throw new UserFacingError('settings.error.fxRate');
  const language = form.language;
  if (language !== 'auto' && language !== 'en' && language !== 'zh')
    throw new UserFacingError('settings.error.invalid');
  const lookerId = typeof form.lookerTemplateReportId === 'string' ? form.lookerTemplateReportId.trim() : '';
  if (!isValidLookerReportId(lookerId)) throw new UserFacingError('settings.error.lookerId');
  const schedule = form.refreshSchedule;
  if (schedule !== 'off' && schedule !== 'daily' && schedule !== 'hourly') {
    throw new UserFacingError('settings.error.invalid');
  }
  const hour = form.refreshHour;
  if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new UserFacingError('settings.error.refreshHour');
  }
  const digest = checkedDigest(form.digest);
  return {
    reportingTimeZone: zone,
    baseCurrency,
    fxSource,
    fxFixedRate: fxSource === 'fixed' ? rate : null,
    language,
    lookerTemplateReportId: lookerId,
    refreshSchedule: schedule,
    refreshHour: hour,
    ...(digest ? { digest: digest.digest } : {}),
    digestSecret: digest?.secret ?? { kind: 'keep' },
  };
}

/**
 * Saves the form, then brings the refresh trigger in line with what was saved: Settings is where the schedule is
 * chosen, so a new hour or time zone moves the installed trigger and "off" removes it (SPEC §4: one trigger).
 */
export function saveSettingsForm(spreadsheet: Spreadsheet, value: unknown): void {
  const { digestSecret, ...edited } = checkedSettings(value);
  const before = writeSettings(spreadsheet, edited);
  if (digestSecret.kind === 'set') saveDigestSecret(digestSecret.secret);
  else if (digestSecret.kind === 'clear') saveDigestSecret(null);
  const scheduleChanged =
    edited.refreshSchedule !== before.refreshSchedule ||
    (edited.refreshSchedule === 'daily' &&
      (edited.refreshHour !== before.refreshHour || edited.reportingTimeZone !== before.reportingTimeZone));
  if (scheduleChanged) {
    applyRefreshSchedule(spreadsheet, {
      ...before,
      refreshSchedule: edited.refreshSchedule,
      refreshHour: edited.refreshHour,
      reportingTimeZone: edited.reportingTimeZone,
    });
  }
}
