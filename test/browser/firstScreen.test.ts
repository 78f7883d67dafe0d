/**
 * The sidebar's first screen (issue 14): one sentence saying what to do, one button doing it, and nothing wider than
 * the 300 px an add-on sidebar gets (PLATFORM §4), in both languages. Screenshots go to test-artifacts/sidebar/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { GasWorld, loadDist } from '../gas-world';
import { openSidebar, screenshot, type SidebarHarness } from './harness';

type Script = Record<string, (...args: unknown[]) => unknown>;

const SHOPIFY = Papa.parse<string[]>(
  readFileSync(resolve(__dirname, '../../samples/shopify-orders.csv'), 'utf8'),
  { skipEmptyLines: true },
).data;

/** A tab name with no break opportunity: the kind of thing that pushes a narrow page sideways. */
const LONG_NAME = 'Orders_export_2026_03_01_to_2026_03_31_all_marketplaces_final_v2';

function sidebarFromMenu(world: GasWorld, script: Script, label: string): string {
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
    none: 'Paste an export from Amazon, Shopify, Walmart or TikTok Shop into a new tab (or choose “Try with sample data” in the menu), then build.',
    ready: '1 sheet will be counted: build to update KPI Summary and the dashboard.',
    build: 'Build the KPI summary now',
  },
  {
    locale: 'zh_CN',
    menu: '映射工作表…',
    none: '把亚马逊、Shopify、沃尔玛或 TikTok Shop 的导出数据粘贴到一个新标签页（或在菜单中选择「用示例数据试用」），然后点击生成。',
    ready: '将统计 1 个工作表：点击生成即可更新 KPI Summary 和看板。',
    build: '立即生成 KPI 汇总',
  },
];

describe('the sidebar’s first screen at 300 px', () => {
  it.each(CASES)(
    'says what to do in one sentence with one button, no wider than the sidebar ($locale)',
    async (c) => {
      const world = new GasWorld({ userLocale: c.locale, fxRateUsdCny: 7.1 });
      world.addSheet(LONG_NAME, [['']]);
      const script = loadDist(world) as unknown as Script;
      harness = await openSidebar(world, script, sidebarFromMenu(world, script, c.menu));
      const { page } = harness;
      const firstStep = page.locator('#first-step');
      await until(async () => expect((await firstStep.textContent()) ?? '').toBe(c.none));
      // The sentence is the first thing in the view and the button that follows it is the build.
      expect(
        await page.evaluate(() => {
          const view = document.getElementById('sheet-list-view');
          return [view?.firstElementChild?.id, view?.children[1]?.id];
        }),
      ).toEqual(['first-step', 'build']);
      await screenshot(page, `first-screen-empty-${c.locale}`);
      const overflow = () =>
        page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
      const empty = await overflow();
      expect(empty.client).toBe(300);
      expect(empty.scroll).toBeLessThanOrEqual(empty.client);

      // Pasting an export and refreshing turns the sentence into what the build will count; the button builds.
      world.addSheet('Shopify', SHOPIFY);
      await page.locator('#refresh').click();
      await until(async () => expect((await firstStep.textContent()) ?? '').toBe(c.ready));
      await page.getByRole('button', { name: c.build }).click();
      await until(() => expect(harness?.calls.map((call) => call.name)).toContain('sidebarBuildSummary'));
      await until(() => expect(world.sheetValues('KPI Summary').length).toBeGreaterThan(1));
      await until(async () => expect((await page.getByRole('status').textContent()) ?? '').not.toBe(''));
      await screenshot(page, `first-screen-built-${c.locale}`);
      const built = await overflow();
      expect(built.scroll).toBeLessThanOrEqual(built.client);
    },
  );
});
