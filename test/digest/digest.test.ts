/**
 * The daily digest (SPEC §4a, issue 13 items 3–4, the parts built so far): the note's content from the KPI Summary
 * rows, its payload for each service within that service's limits, and its delivery through the local Apps Script
 * world's UrlFetchApp to a real HTTP server that checks each service's signature as the service does, throttles and
 * fails on request — so the retries and the error records are exercised for real.
 */
import { createHmac } from 'node:crypto';
import { digestContent, type DigestContent } from '../../src/core/digest/content';
import { deliver, MAX_ATTEMPTS, withoutSecrets, type HttpPost } from '../../src/core/digest/delivery';
import {
  DIGEST_SERVICES,
  digestRequest,
  type DigestService,
  type HmacBase64,
  SIZE_LIMIT_BYTES,
  SLACK_LIMITS,
  utf8Bytes,
  WEBHOOK_URL_PREFIXES,
} from '../../src/core/digest/payloads';
import { NO_LEVEL } from '../../src/core/levels/levels';
import { targetsFromGrid } from '../../src/core/targets/targets';
import { GasWorld, EXTERNAL_REQUEST_SCOPE } from '../gas-world';
import { startWebhookServer, type WebhookServer } from '../gas-world/webhook-server';
import { summaryRow } from '../dashboard/fixtures';

const NO_LEVELS = { of: () => ({ category: NO_LEVEL, owner: NO_LEVEL }) };

/** Node's HMAC, as the services compute it. */
const nodeHmac: HmacBase64 = (key, message) =>
  createHmac('sha256', key).update(message, 'utf8').digest('base64');

/*
 * Yesterday 2026-07-11: Amazon A-1 $250 (ad spend 40 of ad sales 160, gross profit 80) and Shopify B-2 $100 (gross
 * profit 30). Company: revenue 350 against a $300 daily target → GREEN; net profit (80 − 40) + 30 = 70; ACoS
 * 40 / 160 = 25.0%; TACoS 40 / 350 = 11.4%. A week before (07-04) A-1 sold $100: the biggest mover is A-1 (+150),
 * then B-2 (+100, from 0).
 */
function content(): DigestContent {
  const { targets } = targetsFromGrid(
    [
      ['metric', 'scope', 'period', 'target'],
      ['revenue', 'company', 'day', 300],
    ],
    'America/Los_Angeles',
  );
  return digestContent({
    rows: [
      summaryRow('2026-07-11', 'amazon', 'A-1', {
        units: 10,
        revenue: 250,
        adSpend: 40,
        adSales: 160,
        grossProfit: 80,
      }),
      summaryRow('2026-07-11', 'shopify', 'B-2', { units: 4, revenue: 100, grossProfit: 30 }),
      summaryRow('2026-07-04', 'amazon', 'A-1', { units: 4, revenue: 100, grossProfit: 30 }),
    ],
    targets,
    levels: NO_LEVELS,
    today: '2026-07-12',
    stock: [
      { channel: 'amazon', sku: 'A-1', status: 'reorder_now', stockoutDate: '2026-07-30' },
      { channel: 'amazon', sku: 'C-3', status: 'ok', stockoutDate: null },
    ],
    dataIssues: 3,
    workbookUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
  });
}

describe('the digest’s content', () => {
  it('reads yesterday’s company and channel KPIs against target, the movers, stock at risk and Data Issues', () => {
    const note = content();
    expect(note.day).toBe('2026-07-11');
    const company = note.lines[0]?.cells;
    expect(company?.revenue.actual).toBe(350);
    expect(company?.revenue.status).toBe('GREEN');
    expect(company?.net_profit.actual).toBe(70);
    expect(company?.acos.actual).toBeCloseTo(0.25, 12);
    expect(company?.tacos.actual).toBeCloseTo(40 / 350, 12);
    expect(note.lines.map((line) => line.scope.value)).toEqual(['', 'amazon', 'shopify']);
    expect(note.movers.map((mover) => [mover.sku, mover.revenue, mover.revenueWeekBefore])).toEqual([
      ['A-1', 250, 100],
      ['B-2', 100, 0],
    ]);
    expect(note.stockRisks.map((risk) => risk.sku)).toEqual(['A-1']);
  });
});

describe.each(DIGEST_SERVICES)('the %s payload', (service) => {
  const url = `${WEBHOOK_URL_PREFIXES[service][0]}hook/abc`;

  it.each(['en', 'zh', 'both'] as const)(
    'in %s fits the service’s limits and says the figures',
    (language) => {
      const request = digestRequest(service, url, 'SECdemo', content(), language, Date.now(), nodeHmac);
      const body = JSON.parse(request.payload) as Record<string, unknown>;
      if (service === 'feishu' || service === 'dingtalk')
        expect(utf8Bytes(request.payload)).toBeLessThanOrEqual(SIZE_LIMIT_BYTES[service]);
      if (service === 'wecom') {
        const markdown = body.markdown as { content: string };
        expect(utf8Bytes(markdown.content)).toBeLessThanOrEqual(SIZE_LIMIT_BYTES.wecom);
      }
      if (service === 'slack') {
        const blocks = body.blocks as { type: string; text: { text: string } }[];
        expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
        for (const block of blocks)
          expect(Array.from(block.text.text).length).toBeLessThanOrEqual(
            block.type === 'header' ? SLACK_LIMITS.headerChars : SLACK_LIMITS.sectionChars,
          );
      }
      const said = request.payload;
      expect(said).toContain('$350.00');
      expect(said).toContain('25.0%');
      if (language !== 'en') expect(said).toContain('每日 KPI 晨报 — 2026-07-11');
      if (language !== 'zh') expect(said).toContain('Seller KPI — 2026-07-11');
    },
  );
});

describe('size limits', () => {
  /** 400 SKUs at stockout risk and five very long SKUs among the movers: far more than WeCom's 4,096 bytes. */
  function huge(): DigestContent {
    const note = content();
    return {
      ...note,
      stockRisks: Array.from({ length: 400 }, (_, index) => ({
        channel: 'amazon' as const,
        sku: `SKU-长名字-${String(index).padStart(4, '0')}`,
        status: 'out_of_stock' as const,
        stockoutDate: null,
      })),
      movers: Array.from({ length: 5 }, (_, index) => ({
        sku: `M-${'x'.repeat(600)}-${index}`,
        revenue: 1000 + index,
        revenueWeekBefore: 10,
      })),
    };
  }

  it.each(DIGEST_SERVICES)(
    '%s: cuts lines, never the title or the link, to stay under its limit',
    (service) => {
      const request = digestRequest(
        service,
        `${WEBHOOK_URL_PREFIXES[service][0]}hook/abc`,
        null,
        huge(),
        'both',
        Date.now(),
        nodeHmac,
      );
      const measured =
        service === 'wecom'
          ? utf8Bytes((JSON.parse(request.payload) as { markdown: { content: string } }).markdown.content)
          : utf8Bytes(request.payload);
      if (service !== 'slack') expect(measured).toBeLessThanOrEqual(SIZE_LIMIT_BYTES[service]);
      // Ten 600-character movers (five per language) are over 6,000 bytes: WeCom's note had to drop some, and so
      // did each of Slack's movers sections (3,000 characters each).
      const movers = (request.payload.match(/M-x{600}/g) ?? []).length;
      if (service === 'wecom' || service === 'slack') expect(movers).toBeLessThan(10);
      else expect(movers).toBe(10);
      expect(request.payload).toContain('docs.google.com/spreadsheets/d/abc/edit');
      expect(request.payload).toContain('2026-07-11');
    },
  );
});

describe('delivery through the world’s UrlFetchApp to the local webhook server', () => {
  let server: WebhookServer;
  beforeAll(async () => {
    server = await startWebhookServer();
    await server.configure({
      feishu: { token: 'f-token', secret: 'feishu-secret' },
      dingtalk: { token: 'd-token', secret: 'SECdingtalk' },
      wecom: { key: 'w-key' },
      slack: { path: 'T000/B000/XXXX' },
    });
  });
  afterAll(() => server.stop());

  const URLS: Record<DigestService, string> = {
    feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/f-token',
    dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=d-token',
    wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=w-key',
    slack: 'https://hooks.slack.com/services/T000/B000/XXXX',
  };
  const SECRETS: Record<DigestService, string | null> = {
    feishu: 'feishu-secret',
    dingtalk: 'SECdingtalk',
    wecom: null,
    slack: null,
  };

  /** A world whose manifest lists the services' hosts, with UrlFetchApp and Utilities as the add-on would use them. */
  function world(whitelist: readonly string[] = Object.values(WEBHOOK_URL_PREFIXES).flat()) {
    const gas = new GasWorld();
    gas.oauthScopes = [EXTERNAL_REQUEST_SCOPE];
    gas.urlFetchWhitelist = whitelist;
    server.route(gas);
    const globals = gas.globals() as {
      UrlFetchApp: {
        fetch(url: string, params: object): { getResponseCode(): number; getContentText(): string };
      };
      Utilities: {
        computeHmacSha256Signature(value: string, key: string): number[];
        base64Encode(bytes: number[]): string;
        sleep(ms: number): void;
      };
    };
    const post: HttpPost = (request) => {
      const response = globals.UrlFetchApp.fetch(request.url, {
        method: 'post',
        contentType: request.contentType,
        payload: request.payload,
        muteHttpExceptions: true,
      });
      return { status: response.getResponseCode(), body: response.getContentText() };
    };
    // Apps Script's order: the value first, then the key.
    const hmac: HmacBase64 = (key, message) =>
      globals.Utilities.base64Encode(globals.Utilities.computeHmacSha256Signature(message, key));
    return { gas, post, hmac, sleep: (ms: number) => globals.Utilities.sleep(ms), globals };
  }

  it.each(DIGEST_SERVICES)('%s accepts the signed digest on the first try', async (service) => {
    const { post, hmac, sleep } = world();
    const request = digestRequest(
      service,
      URLS[service],
      SECRETS[service],
      content(),
      'both',
      Date.now(),
      hmac,
    );
    expect(deliver(service, request, post, sleep)).toEqual({ ok: true, status: 200, attempts: 1, error: '' });
    const last = (await server.requests()).at(-1);
    expect(last?.service).toBe(service);
    if (service === 'dingtalk')
      expect(Object.keys(last?.query ?? {}).sort()).toEqual(['access_token', 'sign', 'timestamp']);
    if (service === 'feishu') expect(JSON.parse(last?.body ?? '{}')).toHaveProperty('sign');
  });

  it('Feishu refuses a signature made the other way round (key = secret), as its error 19021 says', () => {
    const { post, sleep } = world();
    const reversed: HmacBase64 = (key, message) => nodeHmac(message === '' ? 'feishu-secret' : key, key);
    const request = digestRequest(
      'feishu',
      URLS.feishu,
      'feishu-secret',
      content(),
      'en',
      Date.now(),
      reversed,
    );
    const delivery = deliver('feishu', request, post, sleep);
    expect(delivery.ok).toBe(false);
    expect(delivery.attempts).toBe(1);
    expect(delivery.error).toContain('19021');
  });

  it('DingTalk refuses a wrong secret with 310000 and a signature older than an hour', () => {
    const { post, hmac, sleep } = world();
    const wrong = digestRequest('dingtalk', URLS.dingtalk, 'SECother', content(), 'zh', Date.now(), hmac);
    expect(deliver('dingtalk', wrong, post, sleep).error).toContain('310000');
    const old = digestRequest(
      'dingtalk',
      URLS.dingtalk,
      'SECdingtalk',
      content(),
      'zh',
      Date.now() - 2 * 3_600_000,
      hmac,
    );
    expect(deliver('dingtalk', old, post, sleep).error).toContain('310000');
  });

  it('a throttled request is tried again after a pause and delivered', async () => {
    const { gas, post, hmac, sleep } = world();
    await server.script('wecom', ['throttle']);
    const clock = gas.now.getTime();
    const request = digestRequest('wecom', URLS.wecom, null, content(), 'zh', Date.now(), hmac);
    expect(deliver('wecom', request, post, sleep)).toEqual({ ok: true, status: 200, attempts: 2, error: '' });
    // Utilities.sleep advanced the world's clock by the first pause.
    expect(gas.now.getTime() - clock).toBe(2000);
  });

  it('gives up after the bounded attempts and records the last error, without the webhook key', async () => {
    const { post, hmac, sleep } = world();
    await server.script('slack', ['error500', 'error500', 'throttle']);
    const request = digestRequest('slack', URLS.slack, null, content(), 'en', Date.now(), hmac);
    const delivery = deliver('slack', request, post, sleep);
    expect(delivery).toEqual({
      ok: false,
      status: 429,
      attempts: MAX_ATTEMPTS,
      error: 'HTTP 429 rate_limited',
    });
  });

  it('a URL outside the manifest’s whitelist never leaves the script; the error names no secret', () => {
    const { gas, post, hmac, sleep } = world(['https://hooks.slack.com/']);
    const request = digestRequest('wecom', URLS.wecom, null, content(), 'zh', Date.now(), hmac);
    const delivery = deliver('wecom', request, post, sleep);
    expect(delivery.ok).toBe(false);
    expect(delivery.status).toBe(0);
    expect(delivery.error).toBe(
      'Request to https://qyapi.weixin.qq.com/… failed because the URL has not been whitelisted in the script manifest.',
    );
    expect(delivery.error).not.toContain('w-key');
    // Nothing reached a server: every attempt stopped at the whitelist.
    expect(gas.urlFetches.every((fetch) => fetch.status === null)).toBe(true);
  });

  it('without muteHttpExceptions a 4xx throws as Apps Script does; without the scope nothing is fetched', () => {
    const { gas, globals } = world();
    expect(() =>
      globals.UrlFetchApp.fetch('https://hooks.slack.com/services/T000/B000/WRONG', {
        method: 'post',
        contentType: 'application/json',
        payload: '{"text":"hi"}',
      }),
    ).toThrow(
      'Request failed for https://hooks.slack.com/services/T000/B000/WRONG returned code 404. Truncated server ' +
        'response: no_service (use muteHttpExceptions option to examine full response)',
    );
    gas.oauthScopes = ['https://www.googleapis.com/auth/spreadsheets'];
    expect(() => globals.UrlFetchApp.fetch(URLS.slack, {})).toThrow(
      `You do not have permission to call UrlFetchApp.fetch. Required permissions: ${EXTERNAL_REQUEST_SCOPE}`,
    );
  });

  it('withoutSecrets keeps the host and drops the hook’s path and query', () => {
    expect(withoutSecrets(`Address unavailable: ${URLS.dingtalk}`, URLS.dingtalk)).toBe(
      'Address unavailable: https://oapi.dingtalk.com/…',
    );
  });
});
