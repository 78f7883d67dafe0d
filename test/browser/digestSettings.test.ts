/**
 * The daily digest's fields in the sidebar's Settings tab (SPEC §4a, issue 13 item 3), in Chromium against the built
 * add-on: the signing secret goes to the document's properties, is shown only as a mask, and never comes back to the
 * page, a cell or a log; a URL that is not the service's webhook is refused on the server.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Locator } from 'playwright-core';
import { GasWorld, loadDist } from '../gas-world';
import { openSidebar, screenshot, type SidebarHarness } from './harness';

type Script = Record<string, (...args: unknown[]) => unknown>;

const SECRET = 'feishu-signing-secret-Zq81';
const SECRET_PROPERTY = 'sellerKpi.digestSecret';
const FEISHU_URL = 'https://open.feishu.cn/open-apis/bot/v2/hook/f-token';

function newWorld(locale: string): { world: GasWorld; script: Script } {
  const world = new GasWorld({ userLocale: locale, fxRateUsdCny: 7.1 });
  const script = loadDist(world) as unknown as Script;
  return { world, script };
}

function settingsSidebarHtml(world: GasWorld, script: Script, label: string): string {
  world.authMode = 'LIMITED';
  world.runExecution(() => script.onOpen?.({ authMode: 'LIMITED' }));
  world.clickMenuItem(label);
  const shown = world.ui.sidebars.at(-1);
  if (!shown) throw new Error('No sidebar was shown');
  return shown.html;
}

async function until(check: () => Promise<void> | void, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

const textOf = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? '';

/** Every cell of every sheet, as text. */
function allCells(world: GasWorld): string {
  return world.spreadsheet
    .getSheets()
    .map((sheet) => JSON.stringify(world.sheetValues(sheet.getName())))
    .join('\n');
}

let harness: SidebarHarness | null = null;

beforeAll(() => {
  expect(existsSync(resolve(__dirname, '../../dist/Sidebar.html'))).toBe(true);
});

afterEach(async () => {
  if (harness) {
    expect(harness.pageErrors).toEqual([]);
    await harness.close();
  }
  harness = null;
});

describe('the digest settings in Chromium', () => {
  it('saves service, URL, language and hour to Settings and the secret to document properties only, masked', async () => {
    const { world, script } = newWorld('en_US');
    harness = await openSidebar(world, script, settingsSidebarHtml(world, script, 'Settings…'));
    const { page } = harness;
    await until(async () => expect(await page.getByLabel('Chat service').inputValue()).toBe('off'));
    // Off: no URL to type, no secret to show.
    expect(await page.getByLabel('Webhook URL').isDisabled()).toBe(true);
    expect(await page.locator('#digest-secret-field').isHidden()).toBe(true);

    await page.getByLabel('Chat service').selectOption('feishu');
    expect(await page.locator('#digest-secret-field').isVisible()).toBe(true);
    expect(await textOf(page.locator('#digest-url-help'))).toContain('https://open.feishu.cn/');
    await page.getByLabel('Webhook URL').fill(FEISHU_URL);
    await page.getByLabel('Signing secret').fill(SECRET);
    // A password field: typed characters are not shown.
    expect(await page.getByLabel('Signing secret').getAttribute('type')).toBe('password');
    await page.getByLabel('Digest written in').selectOption('zh');
    await page.getByLabel('Send from').selectOption('8');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await until(async () => expect((await textOf(page.getByRole('status'))).trim()).toBe('Settings saved.'));

    const settings = new Map(world.sheetValues('Settings').map((row) => [row[0], row[1]]));
    expect(settings.get('digest_service')).toBe('feishu');
    expect(settings.get('digest_url')).toBe(FEISHU_URL);
    expect(settings.get('digest_language')).toBe('zh');
    expect(settings.get('digest_hour')).toBe(8);
    expect(world.documentProperties.getProperty(SECRET_PROPERTY)).toBe(SECRET);

    // Re-rendered from the server's answer: the field is empty with a mask, and says a secret is saved.
    await until(async () =>
      expect(await page.getByLabel('Signing secret').getAttribute('placeholder')).toBe('••••••••'),
    );
    expect(await page.getByLabel('Signing secret').inputValue()).toBe('');
    expect(await textOf(page.locator('#digest-secret-help'))).toBe(
      'A secret is saved (hidden). Leave blank to keep it.',
    );
    await screenshot(page, '20-digest-settings-en');
    expect(await page.content()).not.toContain(SECRET);
    expect(JSON.stringify(world.runExecution(() => script.sidebarLoad?.()))).not.toContain(SECRET);
    expect(allCells(world)).not.toContain(SECRET);
    expect(world.logs.join('\n')).not.toContain(SECRET);

    // Saving again with the field blank keeps the secret; the checkbox removes it.
    await page.getByRole('button', { name: 'Save settings' }).click();
    await until(async () =>
      expect(harness?.calls.filter((call) => call.name === 'sidebarSaveSettings')).toHaveLength(2),
    );
    await until(async () => expect((await textOf(page.getByRole('status'))).trim()).toBe('Settings saved.'));
    expect(world.documentProperties.getProperty(SECRET_PROPERTY)).toBe(SECRET);
    await page.getByLabel('Remove the saved secret').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await until(async () =>
      expect(await textOf(page.locator('#digest-secret-help'))).toBe(
        'No secret saved. Needed when the bot’s security setting is “signature”.',
      ),
    );
    expect(world.documentProperties.getProperty(SECRET_PROPERTY)).toBeNull();
  });

  it('refuses a URL of another service on the server, in Chinese, and saves nothing', async () => {
    const { world, script } = newWorld('zh_CN');
    harness = await openSidebar(world, script, settingsSidebarHtml(world, script, '设置…'));
    const { page } = harness;
    await until(async () => expect(await page.getByLabel('群聊服务').inputValue()).toBe('off'));
    await page.getByLabel('群聊服务').selectOption('dingtalk');
    await page.getByLabel('Webhook 地址').fill('https://hooks.slack.com/services/T000/B000/XXXX');
    await page.getByLabel('签名密钥（加签）').fill('SECdingtalk');
    await page.getByRole('button', { name: '保存设置' }).click();
    await until(async () =>
      expect((await textOf(page.getByRole('alert'))).trim()).toBe(
        'DingTalk（钉钉）的 Webhook 地址必须以 https://oapi.dingtalk.com/ 开头',
      ),
    );
    await screenshot(page, '21-digest-settings-zh-refused');
    expect(world.documentProperties.getProperty(SECRET_PROPERTY)).toBeNull();
    expect(allCells(world)).not.toContain('hooks.slack.com');
  });
});
