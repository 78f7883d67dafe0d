/**
 * A partial header match in the sidebar at 300 px (issue 14): the sheet list says "looks like … (n of m columns): map
 * it to use it", the sheet's page offers the mapping form and "Count it as …", and the confirmation makes the sheet
 * count. Both languages, no horizontal overflow. Screenshots go to test-artifacts/sidebar/.
 */
import { GasWorld, loadDist } from '../gas-world';
import { openSidebar, screenshot, type SidebarHarness } from './harness';

type Script = Record<string, (...args: unknown[]) => unknown>;

/** The issue's ERP table: All Orders' five required columns and five of its 17 signature columns (29%). */
const ERP_ROWS = [
  [
    'amazon-order-id',
    'purchase-date',
    'sku',
    'quantity',
    'item-price',
    'order-status',
    'currency',
    'asin',
    'product-name',
    'ship-country',
    '仓库',
  ],
  [
    '111-0000001-0000001',
    '2026-03-02T18:00:00Z',
    'MUG-01',
    '2',
    '39.98',
    'Shipped',
    'USD',
    'B0M',
    'Mug',
    'US',
    '深圳',
  ],
];

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

let harness: SidebarHarness | null = null;

afterEach(async () => {
  if (harness) {
    expect(harness.pageErrors).toEqual([]);
    await harness.close();
  }
  harness = null;
});

const CASES = [
  {
    locale: 'en_US',
    menu: 'Map sheets…',
    line: 'Looks like Amazon All Orders report (5 of 17 columns): map it to use it',
    firstStep:
      '“ERP orders” looks like an export but is not counted yet: open it below to map it or count it as it is, then build.',
    ready: '1 sheet will be counted: build to update KPI Summary and the dashboard.',
    confirm: 'Count it as Amazon All Orders report',
    confirmed: 'Amazon All Orders report (5 of 17 columns), counted as you confirmed',
  },
  {
    locale: 'zh_CN',
    menu: '映射工作表…',
    line: '（17 列中有 5 列相符）：映射后才能使用',
    firstStep:
      '工作表“ERP orders”看起来像导出报表，但尚未计入：请在下方打开它，映射各列或直接按该报表计入，然后点击生成。',
    ready: '将统计 1 个工作表：点击生成即可更新 KPI Summary 和看板。',
    confirm: '按',
    confirmed: '（17 列中有 5 列相符），已按您的确认计入',
  },
];

describe('a partial header match in the sidebar at 300 px', () => {
  it.each(CASES)('says “looks like …”, offers mapping or “Count it as …”, and fits ($locale)', async (c) => {
    const world = new GasWorld({ userLocale: c.locale, fxRateUsdCny: 7.1 });
    const sheet = world.addSheet('ERP orders', ERP_ROWS, 'text');
    const script = loadDist(world) as unknown as Script;
    world.authMode = 'LIMITED';
    world.runExecution(() => script.onOpen?.({ authMode: 'LIMITED' }));
    world.clickMenuItem(c.menu);
    const html = world.ui.sidebars.at(-1)?.html;
    if (!html) throw new Error('No sidebar was shown');
    harness = await openSidebar(world, script, html);
    const { page } = harness;
    const overflow = () =>
      page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));

    const entry = page.locator(`[data-sheet-id="${sheet.getSheetId()}"]`);
    await until(async () => expect((await entry.textContent()) ?? '').toContain(c.line));
    // Not counted: the first sentence says so and where to go, instead of asking for an export.
    expect(await page.locator('#first-step').textContent()).toBe(c.firstStep);
    const list = await overflow();
    expect(list.client).toBe(300);
    expect(list.scroll).toBeLessThanOrEqual(list.client);
    await screenshot(page, `partial-list-${c.locale}`);

    await entry.click();
    const notice = page.locator('#partial-match');
    await until(async () => expect((await notice.textContent()) ?? '').toContain(c.line));
    // The two ways forward: the mapping form below, and the button that counts the sheet as it is.
    await until(async () => expect(await page.locator('#save-mapping').count()).toBe(1));
    const confirm = page.locator('#confirm-partial');
    expect((await confirm.textContent()) ?? '').toContain(c.confirm);
    const detail = await overflow();
    expect(detail.scroll).toBeLessThanOrEqual(detail.client);
    const box = await confirm.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(300);
    await screenshot(page, `partial-detail-${c.locale}`);

    await confirm.click();
    await until(() => expect(harness?.calls.map((call) => call.name)).toContain('sidebarConfirmPartial'));
    await until(async () => expect((await entry.textContent()) ?? '').toContain(c.confirmed));
    expect(await page.locator('#first-step').textContent()).toBe(c.ready);
    const after = await overflow();
    expect(after.scroll).toBeLessThanOrEqual(after.client);
  });
});
