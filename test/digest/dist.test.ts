/**
 * The daily digest on the built add-on (dist/), in the local Apps Script world with the local webhook server (issue
 * 13, item 3): "Send digest now" from the menu and the send after a scheduled refresh, through the manifest's scope
 * and urlFetchWhitelist, signed as each service checks it, recorded in Settings; a failed delivery changes no KPI
 * sheet and never fails the build; the signing secret reaches no cell, log or dialog.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { utf8Bytes } from '../../src/core/digest/payloads';
import { WEBHOOK_URL_PREFIXES } from '../../src/core/digest/services';
import { addDays, isoDateInZone } from '../../src/core/time';
import { type Cell, EXTERNAL_REQUEST_SCOPE, GasWorld, loadDist } from '../gas-world';
import { startWebhookServer, type WebhookServer } from '../gas-world/webhook-server';

const ZONE = 'America/Los_Angeles';
const SECRET = 'feishu-secret-7Hq2';
const SECRET_PROPERTY = 'sellerKpi.digestSecret';
const FEISHU_URL = 'https://open.feishu.cn/open-apis/bot/v2/hook/f-token';
const SLACK_URL = 'https://hooks.slack.com/services/T000/B000/XXXX';
const ORDERS_HEADER =
  readFileSync(resolve(__dirname, '../../samples/amazon-all-orders-2026-03-03.txt'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)[0]
    ?.split('\t') ?? [];

let server: WebhookServer;
beforeAll(async () => {
  server = await startWebhookServer();
  await server.configure({
    feishu: { token: 'f-token', secret: SECRET },
    slack: { path: 'T000/B000/XXXX' },
  });
});
afterAll(() => server.stop());

/**
 * Yesterday (Los Angeles) MUG-01 ×3 for $55 and two days ago ×4 for $80; a $50 daily revenue target. The script's
 * Date is the host clock, so the days are relative to the real today.
 */
function workbook(digest: Record<string, Cell>, activeSpreadsheetInTriggers = true) {
  const world = new GasWorld({ spreadsheetTimeZone: ZONE, activeSpreadsheetInTriggers });
  const yesterday = addDays(isoDateInZone(Date.now(), ZONE), -1);
  const order = (id: string, day: string, quantity: string, price: string): string[] =>
    ORDERS_HEADER.map(
      (name) =>
        ({
          'amazon-order-id': id,
          'purchase-date': `${day}T20:00:00+00:00`,
          'last-updated-date': `${day}T21:00:00+00:00`,
          'order-status': 'Shipped',
          'fulfillment-channel': 'Amazon',
          'sales-channel': 'Amazon.com',
          sku: 'MUG-01',
          asin: 'B0MUG00001',
          'item-status': 'Shipped',
          quantity,
          currency: 'USD',
          'item-price': price,
        })[name.trim()] ?? '',
    );
  world.addSheet('All Orders', [
    ORDERS_HEADER,
    order('112-0000001-0000001', yesterday, '3', '55.00'),
    order('112-0000002-0000002', addDays(yesterday, -1), '4', '80.00'),
  ]);
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['reporting_time_zone', ZONE],
      ['refresh_schedule', 'hourly'],
      ...Object.entries(digest),
    ],
    'typed',
  );
  world.addSheet(
    'Targets',
    [
      ['metric', 'scope', 'scope_value', 'period', 'target', 'direction', 'tolerance'],
      ['revenue', 'company', '', 'day', '50', 'higher', '10%'],
    ],
    'typed',
  );
  const script = loadDist(world);
  server.route(world);
  script.onOpen?.({ authMode: 'FULL' });
  return { world, script, yesterday };
}

function setting(world: GasWorld, key: string): Cell | undefined {
  return world.sheetValues('Settings').find((cells) => cells[0] === key)?.[1];
}

/** Every sheet but Settings (where the digest records its delivery), cell by cell. */
function kpiSheets(world: GasWorld): Record<string, Cell[][]> {
  return Object.fromEntries(
    world.spreadsheet
      .getSheets()
      .map((sheet) => sheet.getName())
      .filter((name) => name !== 'Settings')
      .map((name) => [name, world.sheetValues(name)]),
  );
}

/** Everything a person or a log could see: every cell, every log line, every dialog. */
function everythingShown(world: GasWorld): string {
  const cells = world.spreadsheet
    .getSheets()
    .map((sheet) => JSON.stringify(world.sheetValues(sheet.getName())));
  return [...cells, ...world.logs, JSON.stringify(world.ui.alerts), JSON.stringify(world.ui.toasts)].join(
    '\n',
  );
}

describe('the manifest', () => {
  it('asks for script.external_request and whitelists exactly the four services’ webhook hosts', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../dist/appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
      urlFetchWhitelist: string[];
    };
    expect(manifest.oauthScopes).toContain(EXTERNAL_REQUEST_SCOPE);
    expect([...manifest.urlFetchWhitelist].sort()).toEqual(Object.values(WEBHOOK_URL_PREFIXES).flat().sort());
  });
});

describe('Send digest now', () => {
  it('posts yesterday’s figures to Feishu in both languages, signed so the server accepts them, and records it', async () => {
    const { world, yesterday } = workbook({
      digest_service: 'feishu',
      digest_url: FEISHU_URL,
      digest_language: 'both',
    });
    world.documentProperties.setProperty(SECRET_PROPERTY, SECRET);
    world.clickMenuItem('Build KPI summary');
    const before = (await server.requests()).length;
    world.clickMenuItem('Send digest now');

    const received = (await server.requests()).slice(before);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.service).toBe('feishu');
    expect(request?.status).toBe(200);
    expect(JSON.parse(request?.answer ?? '{}')).toMatchObject({ code: 0 });
    const body = JSON.parse(request?.body ?? '{}') as Record<string, unknown>;
    expect(body).toHaveProperty('sign');
    expect(Math.abs(Number(body.timestamp) * 1000 - Date.now())).toBeLessThan(60_000);
    expect(request?.body).toContain(`Seller KPI — ${yesterday}`);
    expect(request?.body).toContain(`每日 KPI 晨报 — ${yesterday}`);
    // $55 against the $50 daily target.
    expect(request?.body).toContain('$55.00 / target $50.00');
    expect(request?.body).toContain(world.spreadsheet.getUrl());
    expect(request?.body).not.toContain(SECRET);

    expect(world.ui.alerts.at(-1)?.prompt).toBe(
      `The digest for ${yesterday} was delivered to Feishu / Lark.`,
    );
    expect(String(setting(world, 'last_digest_at'))).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d America\/Los_Angeles$/,
    );
    expect(setting(world, 'last_digest_status')).toBe('ok · feishu · HTTP 200 · 1 attempt');
    expect(setting(world, 'last_digest_error')).toBe('');
    expect(everythingShown(world)).not.toContain(SECRET);
  });

  it('says in Chinese that the digest is off when Settings names no service, and sends nothing', async () => {
    const { world } = workbook({ language: 'zh' });
    const before = (await server.requests()).length;
    world.clickMenuItem('立即发送每日晨报');
    expect(world.ui.alerts.at(-1)?.prompt).toBe(
      '每日晨报尚未开启。请在“设置…”中选择群聊服务并填写 Webhook 地址，然后再发送。',
    );
    expect(await server.requests()).toHaveLength(before);
    expect(world.urlFetches).toEqual([]);
  });
});

describe('the digest after a scheduled refresh', () => {
  it('a webhook failing with 500 after every retry leaves the KPI sheets as built, the run ok, the error in Settings', async () => {
    const { world } = workbook({ digest_service: 'slack', digest_url: SLACK_URL, digest_hour: 0 });
    world.clickMenuItem('Schedule automatic refresh');
    await server.script('slack', ['error500', 'error500', 'error500']);
    const before = (await server.requests()).length;
    const clock = world.now.getTime();
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');

    // The build itself went through and says so.
    expect(setting(world, 'last_run_error')).toBe('');
    expect(world.sheetValues('KPI Summary').length).toBeGreaterThan(1);
    // Three tries, with the 2 s and 4 s pauses between them on the world's clock.
    const received = (await server.requests()).slice(before);
    expect(received.map((request) => request.status)).toEqual([500, 500, 500]);
    expect(world.now.getTime() - clock).toBeGreaterThanOrEqual(6000);
    expect(setting(world, 'last_digest_status')).toBe('failed · slack · HTTP 500 · 3 attempts');
    expect(setting(world, 'last_digest_error')).toBe('HTTP 500 internal error');

    // A failing send from the menu changes no sheet but the Settings record either.
    const built = kpiSheets(world);
    await server.script('slack', ['error500', 'error500', 'error500']);
    world.clickMenuItem('Send digest now');
    expect(kpiSheets(world)).toEqual(built);
    expect(world.ui.alerts.at(-1)?.prompt).toBe(
      'The digest could not be delivered to Slack: HTTP 500 internal error. Settings keeps this in last_digest_error.',
    );
  });

  it('goes once a day: the next hourly refresh after a delivery sends nothing', async () => {
    const { world } = workbook({ digest_service: 'slack', digest_url: SLACK_URL, digest_hour: 0 });
    world.clickMenuItem('Schedule automatic refresh');
    const uid = world.triggers[0]?.uid ?? '';
    const before = (await server.requests()).length;
    world.fireTimeTrigger(uid);
    expect(setting(world, 'last_digest_status')).toBe('ok · slack · HTTP 200 · 1 attempt');
    world.fireTimeTrigger(uid);
    expect((await server.requests()).slice(before).map((request) => request.service)).toEqual(['slack']);
  });

  it('a run that cannot read the document’s properties records why the signed digest was not sent', async () => {
    const { world } = workbook({ digest_service: 'feishu', digest_url: FEISHU_URL, digest_hour: 0 }, false);
    world.documentProperties.setProperty(SECRET_PROPERTY, SECRET);
    world.clickMenuItem('Schedule automatic refresh');
    const before = (await server.requests()).length;
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');
    expect(setting(world, 'last_run_error')).toBe('');
    expect(String(setting(world, 'last_digest_error'))).toMatch(/^Not sent: the signing secret is kept/);
    expect(await server.requests()).toHaveLength(before);
    expect(everythingShown(world)).not.toContain(SECRET);
  });
});

describe('payload sizes in Apps Script', () => {
  it('counts UTF-8 bytes as an encoder does, without TextEncoder (Apps Script has none)', () => {
    for (const text of ['', 'ACoS 25.0%', '每日 KPI 晨报', 'é', '📦 SKU', 'a\uD800b'])
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});
