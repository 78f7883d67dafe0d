/**
 * The daily digest's settings (SPEC §4a, issue 13 item 3): read from the Settings sheet with the same care as the
 * other keys, checked on the server when the sidebar saves them, and the rule for when a scheduled refresh sends.
 */
import { type Delivery } from '../../src/core/digest/delivery';
import { deliveredToday, digestDue, lastDigestRows, recordedDay } from '../../src/core/digest/record';
import { translate } from '../../src/core/i18n';
import { DEFAULT_SETTINGS, type Settings, settingsFromRows } from '../../src/core/settings';
import { checkedSettings } from '../../src/server/settings';

const FEISHU_URL = 'https://open.feishu.cn/open-apis/bot/v2/hook/f-token-123';

describe('the digest’s Settings keys', () => {
  it('reads service, URL, language, hour and the last delivery', () => {
    const { settings, problems } = settingsFromRows([
      ['key', 'value'],
      ['digest_service', 'Feishu'],
      ['digest_url', FEISHU_URL],
      ['digest_language', 'zh'],
      ['digest_hour', '8'],
      ['last_digest_at', '2026-07-12 09:03:11 Asia/Shanghai'],
      ['last_digest_status', 'ok · feishu · HTTP 200 · 1 attempt'],
      ['last_digest_error', ''],
    ]);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      digestService: 'feishu',
      digestUrl: FEISHU_URL,
      digestLanguage: 'zh',
      digestHour: 8,
      lastDigestAt: '2026-07-12 09:03:11 Asia/Shanghai',
      lastDigestStatus: 'ok · feishu · HTTP 200 · 1 attempt',
    });
  });

  it('keeps the default for every unreadable value, says why in both languages, and never quotes a hook’s token', () => {
    const { settings, problems } = settingsFromRows([
      ['digest_service', 'teams'],
      ['digest_language', 'fr'],
      ['digest_hour', '0x10'],
      ['last_digest_at', 'yesterday'],
    ]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((problem) => problem.setting)).toEqual([
      'digest_service',
      'digest_language',
      'digest_hour',
      'last_digest_at',
    ]);
    for (const problem of problems)
      for (const language of ['en', 'zh'] as const)
        expect(translate(language, problem.message.key, problem.message.params)).toContain(problem.setting);

    // A Slack URL under Feishu would be refused by the manifest's whitelist at send time: refused now instead.
    const wrong = settingsFromRows([
      ['digest_service', 'feishu'],
      ['digest_url', 'https://hooks.slack.com/services/T000/B000/SECRETPART'],
    ]);
    expect(wrong.settings.digestUrl).toBe('');
    const said = translate('en', wrong.problems[0]?.message.key ?? '', wrong.problems[0]?.message.params);
    expect(said).toBe(
      'Settings › digest_url: "https://hooks.slack.com/…" is not a webhook URL of the chosen service; no digest is ' +
        'sent until it is.',
    );
    expect(said).not.toContain('SECRETPART');
  });
});

describe('the last delivery and when a scheduled refresh sends', () => {
  const delivered: Delivery = { ok: true, status: 200, attempts: 1, error: '' };
  // 2026-07-12 10:30 in Los Angeles (UTC−7).
  const tenThirty = Date.UTC(2026, 6, 12, 17, 30);
  const on = (changes: Partial<Settings>): Settings => ({
    ...DEFAULT_SETTINGS,
    digestService: 'slack',
    digestUrl: 'https://hooks.slack.com/services/T/B/X',
    digestHour: 9,
    ...changes,
  });

  it('records time, service, HTTP status and error as text rows', () => {
    const failed: Delivery = { ok: false, status: 500, attempts: 3, error: 'HTTP 500 internal error' };
    expect(
      lastDigestRows({ atMs: tenThirty, service: 'wecom', delivery: failed }, 'America/Los_Angeles'),
    ).toEqual([
      ['last_digest_at', '2026-07-12 10:30:00 America/Los_Angeles', '@'],
      ['last_digest_status', 'failed · wecom · HTTP 500 · 3 attempts', '@'],
      ['last_digest_error', 'HTTP 500 internal error', '@'],
    ]);
  });

  it('reads a recorded time in its own zone: 01:00 in Shanghai is the day before in Los Angeles', () => {
    expect(recordedDay('2026-07-13 01:00:00 Asia/Shanghai', 'America/Los_Angeles')).toBe('2026-07-12');
    expect(recordedDay('2026-07-13 01:00:00 Mars/Olympus', 'America/Los_Angeles')).toBeNull();
    expect(recordedDay('', 'America/Los_Angeles')).toBeNull();
  });

  it('sends once a day: from the digest hour with an hourly refresh, after any daily refresh, never when off', () => {
    expect(digestDue(on({ digestHour: 10 }), 'hourly', tenThirty)).toBe(true);
    expect(digestDue(on({ digestHour: 11 }), 'hourly', tenThirty)).toBe(false);
    expect(digestDue(on({ digestHour: 11 }), 'daily', tenThirty)).toBe(true);
    expect(digestDue(on({ digestService: 'off' }), 'daily', tenThirty)).toBe(false);
    expect(digestDue(on({ digestUrl: '' }), 'daily', tenThirty)).toBe(false);

    const [at, status] = lastDigestRows(
      { atMs: tenThirty - 3_600_000, service: 'slack', delivery: delivered },
      'America/Los_Angeles',
    );
    const sentAtNine = on({ lastDigestAt: String(at?.[1]), lastDigestStatus: String(status?.[1]) });
    expect(deliveredToday(sentAtNine, tenThirty)).toBe(true);
    expect(digestDue(sentAtNine, 'hourly', tenThirty)).toBe(false);
    // The next day it is due again; a failure today is tried again by the next refresh.
    expect(digestDue(sentAtNine, 'hourly', tenThirty + 86_400_000)).toBe(true);
    expect(
      digestDue(
        { ...sentAtNine, lastDigestStatus: 'failed · slack · HTTP 500 · 3 attempts' },
        'hourly',
        tenThirty,
      ),
    ).toBe(true);
  });
});

describe('the Settings form’s digest fields, checked on the server', () => {
  const FORM = {
    reportingTimeZone: 'America/Los_Angeles',
    baseCurrency: 'USD',
    fxSource: 'live',
    fxFixedRate: null,
    language: 'auto',
    lookerTemplateReportId: '',
    refreshSchedule: 'hourly',
    refreshHour: 6,
  };
  const digest = (changes: Record<string, unknown>) => ({
    ...FORM,
    digest: {
      service: 'feishu',
      url: FEISHU_URL,
      language: 'both',
      hour: 9,
      secret: '',
      clearSecret: false,
      ...changes,
    },
  });

  it('takes a webhook URL of the chosen service and keeps the saved secret when the field is blank', () => {
    const checked = checkedSettings(digest({ url: `  ${FEISHU_URL} ` }));
    expect(checked.digest).toEqual({ service: 'feishu', url: FEISHU_URL, language: 'both', hour: 9 });
    expect(checked.digestSecret).toEqual({ kind: 'keep' });
    expect(checkedSettings(digest({ secret: 'abc123' })).digestSecret).toEqual({
      kind: 'set',
      secret: 'abc123',
    });
    expect(checkedSettings(digest({ clearSecret: true })).digestSecret).toEqual({ kind: 'clear' });
  });

  it.each([
    ['another service’s host', 'https://oapi.dingtalk.com/robot/send?access_token=x'],
    ['plain http', 'http://open.feishu.cn/open-apis/bot/v2/hook/x'],
    ['a look-alike host', 'https://open.feishu.cn.example.com/hook/x'],
    ['nothing', ''],
  ])('refuses %s, naming the prefix the URL must start with', (_, url) => {
    expect(() => checkedSettings(digest({ url }))).toThrow(
      expect.objectContaining({
        key: 'settings.error.digestUrl',
        params: expect.objectContaining({ prefixes: 'https://open.feishu.cn/, https://open.larksuite.com/' }),
      }),
    );
  });

  it('refuses a DingTalk secret without SEC (the access token pasted by mistake) and a secret with spaces', () => {
    const dingtalk = { service: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=d' };
    expect(() => checkedSettings(digest({ ...dingtalk, secret: 'd-token' }))).toThrow(
      expect.objectContaining({ key: 'settings.error.dingtalkSecret' }),
    );
    expect(checkedSettings(digest({ ...dingtalk, secret: 'SECabc' })).digestSecret).toEqual({
      kind: 'set',
      secret: 'SECabc',
    });
    expect(() => checkedSettings(digest({ secret: 'two words' }))).toThrow(
      expect.objectContaining({ key: 'settings.error.digestSecret' }),
    );
  });

  it('keeps no secret for a service that does not sign, and leaves the digest alone in a form without it', () => {
    const slack = { service: 'slack', url: 'https://hooks.slack.com/services/T/B/X', secret: 'typed' };
    expect(checkedSettings(digest(slack)).digestSecret).toEqual({ kind: 'keep' });
    expect(checkedSettings(FORM).digest).toBeUndefined();
  });
});
