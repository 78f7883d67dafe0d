/**
 * The sidebar as a user meets it: the built page in headless Chromium, the built server in the local Apps Script
 * world. Screenshots of each state go to test-artifacts/sidebar/.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Locator } from 'playwright-core';
import { GasWorld, loadDist } from '../gas-world';
import { openSidebar, screenshot, type SidebarHarness } from './harness';

type Script = Record<string, (...args: unknown[]) => unknown>;

/** An ERP export the add-on does not know: a preamble line, Chinese headers, text cells as pasted. */
const ERP_ORDERS = [
  ['导出时间 2026-03-05'],
  ['订单号', 'SKU', '下单时间', '数量', '单价', '折扣', '状态'],
  ['A-1001', '00501', '2026-03-01 10:00:00', '2', '$19.99', '1.00', 'Shipped'],
  ['A-1002', 'MUG-3-4', '03/01/2026 11:30:00 PM', '1', '25.00', '', 'Shipped'],
  ['A-1003', '00501', '2026-03-02 09:00:00', '3', '19.99', '(2.00)', 'Cancelled'],
  ['A-1004', 'MUG-3-4', 'not a date', '1', '25', '', 'Shipped'],
];

function newWorld(locale = 'en_US'): { world: GasWorld; script: Script } {
  const world = new GasWorld({ userLocale: locale, fxRateUsdCny: 7.1 });
  world.addSheet('ERP orders', ERP_ORDERS, 'text');
  const script = loadDist(world) as unknown as Script;
  return { world, script };
}

/** Opens the add-on menu as Sheets would, clicks `label`, and returns the HTML the sidebar was given. */
function sidebarHtmlFromMenu(world: GasWorld, script: Script, label: string): string {
  world.authMode = 'LIMITED';
  world.runExecution(() => script.onOpen?.({ authMode: 'LIMITED' }));
  world.clickMenuItem(label);
  const shown = world.ui.sidebars.at(-1);
  if (!shown) throw new Error('No sidebar was shown');
  return shown.html;
}

/** KPI Summary rows as objects keyed by header; dates as yyyy-MM-dd whatever the cell type. */
function summaryRecords(world: GasWorld): Record<string, unknown>[] {
  const [header, ...rows] = world.sheetValues('KPI Summary');
  const zone = world.spreadsheet.getSpreadsheetTimeZone();
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) =>
      Object.fromEntries(
        (header ?? []).map((name, index) => {
          const cell = row[index];
          const value =
            Object.prototype.toString.call(cell) === '[object Date]'
              ? new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(cell as Date)
              : cell;
          return [String(name), value];
        }),
      ),
    );
}

/**
 * Retries a Jest assertion until it passes or `timeoutMs` runs out: the page updates when the server answers, so a
 * check made at once would race it (playwright-core has no auto-waiting expect of its own).
 */
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
  // test/global-setup.js builds dist/ once per Jest run; this suite needs the page and the server from that build.
  expect(existsSync(resolve(__dirname, '../../dist/Sidebar.html'))).toBe(true);
});

afterEach(async () => {
  if (harness) {
    expect(harness.pageErrors).toEqual([]);
    await harness.close();
  }
  harness = null;
});

describe('the mapping sidebar in Chromium', () => {
  it('maps an unknown ERP export, saves it, builds, and its rows reach the KPI Summary', async () => {
    const { world, script } = newWorld();
    harness = await openSidebar(world, script, sidebarHtmlFromMenu(world, script, 'Map sheets…'));
    const { page } = harness;

    const erpButton = page.getByRole('button', { name: /^ERP orders: Not mapped/ });
    await visible(erpButton);
    await screenshot(page, '01-sheet-list');

    await erpButton.click();
    await visible(page.getByRole('heading', { name: 'Sheet “ERP orders”' }));
    // The preamble line is skipped: row 2 holds the headers, and the Chinese headers suggest every field.
    await until(async () => expect(await page.getByLabel('Header row').inputValue()).toBe('2'));
    await until(async () => expect(await page.getByLabel('Order id (required)').inputValue()).toBe('订单号'));
    await until(async () => expect(await page.getByLabel('Unit price').inputValue()).toBe('单价'));
    const preview = page.locator('#mapping-preview table');
    // 2 × $19.99 − $1.00 discount = 38.98; the bad date of row 6 is refused.
    await until(async () => expect(await textOf(preview.locator('tbody tr').first())).toContain('38.98'));
    await until(async () => expect(await textOf(preview.locator('tbody tr').nth(1))).toContain('25.00'));
    await until(async () =>
      expect(await textOf(page.locator('#mapping-preview .issues'))).toContain(
        'Row 6: 下单时间: “not a date” is not a date.',
      ),
    );

    // Required fields are checked before saving.
    await page.getByLabel('SKU (required)').selectOption('');
    await until(async () =>
      expect(await textOf(page.locator('#mapping-problems'))).toContain('SKU is required.'),
    );
    await until(async () =>
      expect(await page.getByRole('button', { name: 'Save mapping' }).isDisabled()).toBe(true),
    );
    await screenshot(page, '02-mapping-missing-sku');
    await page.getByLabel('SKU (required)').selectOption('sku');
    await page.getByLabel('Sales channel').selectOption('shopify');
    await until(async () => expect((await textOf(page.locator('#mapping-problems'))).trim()).toBe(''));
    await until(async () =>
      expect(await page.getByRole('button', { name: 'Save mapping' }).isEnabled()).toBe(true),
    );
    await screenshot(page, '03-mapping-ready');

    await page.getByRole('button', { name: 'Save mapping' }).click();
    await until(async () =>
      expect((await textOf(page.getByRole('status'))).trim()).toBe('Mapping of “ERP orders” saved.'),
    );
    await until(async () =>
      expect(await textOf(page.getByRole('button', { name: /^ERP orders: Mapped: Orders/ }))).toContain(
        '4 rows',
      ),
    );

    await page.getByRole('button', { name: 'Build the KPI summary now' }).click();
    await until(
      async () => expect(await textOf(page.getByRole('status'))).toMatch(/KPI|Summary|rows/i),
      30000,
    );
    await screenshot(page, '04-built');

    const rows = summaryRecords(world).filter((row) => row.channel === 'shopify');
    const bySku = new Map(rows.map((row) => [`${String(row.date)} ${String(row.sku)}`, row]));
    expect(bySku.get('2026-03-01 00501')).toMatchObject({ units: 2, orders: 1, revenue: 38.98 });
    expect(bySku.get('2026-03-01 MUG-3-4')).toMatchObject({ units: 1, orders: 1, revenue: 25 });
    // The cancelled line (A-1003) adds nothing; the unreadable one (A-1004) is a Data Issue.
    const revenue = rows.reduce((sum, row) => sum + Number(row.revenue), 0);
    expect(Math.round(revenue * 100)).toBe(6398);
    expect(world.sheetValues('Data Issues').some((row) => row.includes(6) && row.includes('A-1004'))).toBe(
      true,
    );
  });

  it('switches the whole sidebar and the next menu to Chinese when the language is chosen', async () => {
    const { world, script } = newWorld('en_US');
    harness = await openSidebar(world, script, sidebarHtmlFromMenu(world, script, 'Settings…'));
    const { page } = harness;
    await until(async () =>
      expect(await page.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true'),
    );
    await until(async () =>
      expect(await page.getByLabel('Reporting time zone', { exact: true }).inputValue()).toBe(
        'America/Los_Angeles',
      ),
    );
    await screenshot(page, '05-settings-en');

    await page.getByLabel('Language').selectOption('zh');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await until(async () => expect((await textOf(page.getByRole('status'))).trim()).toBe('设置已保存。'));
    await visible(page.getByRole('tab', { name: '工作表' }));
    await until(async () => expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN'));
    await visible(page.getByLabel('报表时区', { exact: true }));
    await page.getByRole('tab', { name: '工作表' }).click();
    await visible(page.getByRole('button', { name: /^ERP orders: 未映射/ }));
    await screenshot(page, '06-settings-zh');

    expect(world.sheetValues('Settings').find((row) => row[0] === 'language')?.[1]).toBe('zh');
    // The FX cell keeps its live formula when another setting is saved.
    const fxRow = world.sheetValues('Settings').findIndex((row) => row[0] === 'fx_usd_cny');
    expect(world.sheetFormulas('Settings')[fxRow]?.[1]).toBe('=GOOGLEFINANCE("CURRENCY:USDCNY")');

    // The next open of the workbook (LIMITED may read the document) shows the menu in Chinese.
    world.authMode = 'LIMITED';
    world.runExecution(() => script.onOpen?.({ authMode: 'LIMITED' }));
    expect([...world.ui.menuItems().keys()]).toEqual(expect.arrayContaining(['映射工作表…', '设置…']));
  });

  it('shows a hostile sheet name and hostile headers as text, never as HTML', async () => {
    const { world, script } = newWorld();
    const hostileName = '<img src=x onerror="window.__pwned=1">';
    const hostileHeader = '<script>window.__pwned=2</script>';
    world.addSheet(
      hostileName,
      [
        [hostileHeader, '<b>SKU</b>', 'Date'],
        ['1', 'A', '2026-03-01'],
      ],
      'text',
    );
    harness = await openSidebar(world, script, sidebarHtmlFromMenu(world, script, 'Map sheets…'));
    const { page } = harness;
    const hostileButton = page.getByRole('button', { name: /^<img src=x/ });
    await until(async () => expect(await textOf(hostileButton)).toContain(hostileName));
    await hostileButton.click();
    await visible(page.getByRole('heading', { name: `Sheet “${hostileName}”` }));
    await until(async () =>
      expect(
        await page.getByLabel('Order id (required)').locator('option', { hasText: hostileHeader }).count(),
      ).toBe(1),
    );
    await screenshot(page, '07-hostile-names');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img, b, main script').count()).toBe(0);
  });

  it('keeps the newest answer when the server answers out of order', async () => {
    const { world, script } = newWorld();
    world.addSheet(
      'Other export',
      [
        ['Order', 'Item', 'When', 'Qty', 'Total'],
        ['B-1', 'X1', '2026-03-03', '1', '9.00'],
      ],
      'text',
    );
    harness = await openSidebar(world, script, sidebarHtmlFromMenu(world, script, 'Map sheets…'));
    const { page } = harness;
    await page.getByRole('button', { name: /^ERP orders/ }).click();
    await until(async () => expect(await textOf(page.locator('#mapping-preview table'))).toContain('38.98'));

    // The first preview (unit price unmapped) answers last; the second (unit price mapped again) answers first.
    harness.delay = (name, index) => (name === 'sidebarPreviewMapping' && index === 1 ? 1500 : 0);
    await page.getByLabel('Unit price').selectOption('');
    await page.getByLabel('Unit price').selectOption('单价');
    await page.waitForTimeout(2000);
    await until(async () => expect((await textOf(page.locator('#mapping-problems'))).trim()).toBe(''));
    await until(async () => expect(await textOf(page.locator('#mapping-preview table'))).toContain('38.98'));

    // A slow detail of the first sheet must not replace the second sheet the user opened meanwhile.
    harness.delay = (name, index) => (name === 'sidebarSheetDetail' && index === 1 ? 1500 : 0);
    await page.getByRole('button', { name: 'Back to the sheet list' }).click();
    await page.getByRole('button', { name: /^ERP orders/ }).click();
    await page
      .getByRole('heading', { name: /ERP orders/ })
      .waitFor({ state: 'detached', timeout: 100 })
      .catch(() => undefined);
    await page.getByRole('button', { name: /^Other export/ }).click();
    await visible(page.getByRole('heading', { name: 'Sheet “Other export”' }));
    await page.waitForTimeout(2000);
    await visible(page.getByRole('heading', { name: 'Sheet “Other export”' }));
    await screenshot(page, '08-out-of-order');
  });

  it('turns server failures into readable messages', async () => {
    const { world, script } = newWorld();
    harness = await openSidebar(world, script, sidebarHtmlFromMenu(world, script, 'Map sheets…'));
    const { page } = harness;
    await page.getByRole('button', { name: /^ERP orders/ }).click();
    await visible(page.locator('#mapping-preview table'));
    const sheet = world.spreadsheet.getSheetByName('ERP orders');
    if (!sheet) throw new Error('sheet missing');
    world.spreadsheet.deleteSheet(sheet);
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await until(async () =>
      expect((await textOf(page.getByRole('alert'))).trim()).toBe(
        'That sheet no longer exists. Refresh the list.',
      ),
    );

    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Reporting time zone', { exact: true }).fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await until(async () =>
      expect((await textOf(page.getByRole('alert'))).trim()).toBe('“Mars/Olympus_Mons” is not a time zone.'),
    );
    await screenshot(page, '09-server-error');
  });

  it('can be used with the keyboard alone', async () => {
    const { world, script } = newWorld();
    harness = await openSidebar(world, script, sidebarHtmlFromMenu(world, script, 'Map sheets…'));
    const { page } = harness;
    await visible(page.getByRole('button', { name: /^ERP orders/ }));
    await page.getByRole('tab', { name: 'Sheets' }).focus();
    await page.keyboard.press('ArrowRight');
    await until(async () =>
      expect(
        await page
          .getByRole('tab', { name: 'Settings' })
          .evaluate((element) => element === document.activeElement),
      ).toBe(true),
    );
    await visible(page.getByRole('tabpanel', { name: 'Settings' }));
    await page.keyboard.press('ArrowLeft');
    // The first screen's build button comes first, then the sheets in order (Sheet1, then ERP orders).
    await page.keyboard.press('Tab');
    await until(async () =>
      expect(
        await page
          .getByRole('button', { name: 'Build the KPI summary now' })
          .evaluate((element) => element === document.activeElement),
      ).toBe(true),
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await until(async () =>
      expect(
        await page
          .getByRole('button', { name: /^ERP orders/ })
          .evaluate((element) => element === document.activeElement),
      ).toBe(true),
    );
    await page.keyboard.press('Enter');
    // Focus moves to the new view's heading, so a screen reader announces where the user is.
    await until(async () =>
      expect(
        await page
          .getByRole('heading', { name: 'Sheet “ERP orders”' })
          .evaluate((element) => element === document.activeElement),
      ).toBe(true),
    );
    await screenshot(page, '10-keyboard');
  });
});
