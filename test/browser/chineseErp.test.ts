/**
 * A Chinese ERP export mapped through the sidebar (issue 12, item 3), the built page in headless Chromium and the built
 * server in the local Apps Script world: a LingXing order export arrives with its columns and its 北京时间 zone filled
 * in, the user saves, and its lines reach the KPI Summary on their Los Angeles day; a Chinese Business Report beside it
 * is listed as recognised in Chinese. Screenshots go to test-artifacts/sidebar/.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Locator } from 'playwright-core';
import { GasWorld, loadDist } from '../gas-world';
import { loadFixture } from '../reports/helpers';
import { openSidebar, screenshot, type SidebarHarness } from './harness';

type Script = Record<string, (...args: unknown[]) => unknown>;

/**
 * LingXing order export columns (EXPORTS §9.3: 订单号, 订单状态, MSKU, 店铺; 发货时间（北京时间） from its docs), with
 * quantity, sales and currency columns whose exact names were not seen. Times are Beijing time: 09:00 on Mar 2 in
 * Beijing is 17:00 on Mar 1 in Los Angeles; 20:00 on Mar 2 is 04:00 on Mar 2.
 */
const LINGXING_ORDERS = [
  ['店铺', '订单号', '发货时间（北京时间）', '订单状态', 'MSKU', '数量', '销售额', '币种'],
  [
    'FishersCove-US',
    '113-0000001-0000001',
    '2026-03-02 09:00:00',
    'Shipped',
    'NET-3FT',
    '2',
    'US$39.98',
    'USD',
  ],
  [
    'FishersCove-US',
    '113-0000002-0000002',
    '2026-03-02 20:00:00',
    'Shipped',
    'NET-3FT',
    '1',
    'US$19.99',
    'USD',
  ],
  ['沃尔玛旗舰店', 'W-1003', '2026-03-02 20:00:00', 'Shipped', 'NET-4FT', '1', 'US$25.00', 'USD'],
];

function sidebarHtmlFromMenu(world: GasWorld, script: Script): string {
  world.authMode = 'LIMITED';
  world.runExecution(() => script.onOpen?.({ authMode: 'LIMITED' }));
  world.clickMenuItem('Map sheets…');
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

const visible = (locator: Locator): Promise<void> => locator.waitFor({ state: 'visible', timeout: 10000 });
const textOf = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? '';

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

describe('a Chinese ERP export in the sidebar', () => {
  it('arrives filled in with its 北京时间 zone, is saved, and its lines reach the KPI Summary on their LA day', async () => {
    const world = new GasWorld({
      userLocale: 'en_US',
      fxRateUsdCny: 7.1,
      spreadsheetTimeZone: 'America/Los_Angeles',
    });
    world.addSheet('领星订单', LINGXING_ORDERS, 'text');
    world.addSheet('业务报告', loadFixture('amazon-business-report-date-zh.csv'), 'text');
    const script = loadDist(world) as unknown as Script;
    harness = await openSidebar(world, script, sidebarHtmlFromMenu(world, script));
    const { page } = harness;

    // The Chinese Business Report is known, and the list says it was recognised in Chinese.
    await until(async () =>
      expect(await textOf(page.getByRole('button', { name: /^业务报告:/ }))).toContain(
        'Business Report: Sales and Traffic by date (Chinese)',
      ),
    );
    await page.getByRole('button', { name: /^领星订单: Not mapped/ }).click();
    await visible(page.getByRole('heading', { name: 'Sheet “领星订单”' }));
    await until(async () =>
      expect(await textOf(page.locator('#erp-preset'))).toContain(
        'This looks like a LingXing (领星) order export: its columns are filled in below.',
      ),
    );
    expect(await textOf(page.locator('#erp-preset'))).toContain(
      'Its times are Beijing time (北京时间, Asia/Shanghai), as its column “发货时间（北京时间）” says.',
    );
    expect(await page.getByLabel('Order id (required)').inputValue()).toBe('订单号');
    expect(await page.getByLabel('SKU (required)').inputValue()).toBe('msku');
    expect(await page.getByLabel('Date (required)').inputValue()).toBe('发货时间（北京时间）');
    expect(await page.getByLabel('Quantity (required)').inputValue()).toBe('数量');
    expect(await page.getByLabel('Revenue (line total)').inputValue()).toBe('销售额');
    expect(await page.getByLabel('Currency', { exact: true }).inputValue()).toBe('币种');
    expect(await page.getByLabel('Store', { exact: true }).inputValue()).toBe('店铺');
    expect(await page.getByLabel('Times in this sheet are').inputValue()).toBe('Asia/Shanghai');
    // The preview shows the first line on its Los Angeles day.
    const preview = page.locator('#mapping-preview table');
    await until(async () =>
      expect(await textOf(preview.locator('tbody tr').first())).toContain('2026-03-01'),
    );
    await screenshot(page, '20-erp-preset');

    await until(async () =>
      expect(await page.getByRole('button', { name: 'Save mapping' }).isEnabled()).toBe(true),
    );
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await until(async () =>
      expect((await textOf(page.getByRole('status'))).trim()).toBe('Mapping of “领星订单” saved.'),
    );
    await page.getByRole('button', { name: 'Build the KPI summary now' }).click();
    await until(async () => expect(world.sheetValues('KPI Summary').length).toBeGreaterThan(1), 30000);

    const [header = [], ...rows] = world.sheetValues('KPI Summary');
    const at = (name: string): number => header.map(String).indexOf(name);
    const day = (cell: unknown): string =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(cell as Date);
    const lines = rows
      .filter((row) => row[at('sku')] === 'NET-3FT' || row[at('sku')] === 'NET-4FT')
      .map((row) => [
        day(row[at('date')]),
        row[at('channel')],
        row[at('sku')],
        row[at('units')],
        row[at('revenue')],
      ]);
    expect(lines).toEqual([
      ['2026-03-01', 'amazon', 'NET-3FT', 2, 39.98],
      ['2026-03-02', 'amazon', 'NET-3FT', 1, 19.99],
      // The store 沃尔玛旗舰店 names Walmart: its line is Walmart's.
      ['2026-03-02', 'walmart', 'NET-4FT', 1, 25],
    ]);
  });
});
