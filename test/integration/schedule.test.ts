/**
 * Issue 6 on the built add-on (dist/main.js) in the local Apps Script world: the schedule menu actions, the
 * time-driven run (no active spreadsheet: it opens the workbook it stored), the lock, the deadline, the Settings
 * record, the KPI Dashboard cells and the Looker Studio link.
 *
 * The script's own Date is the host clock (test/gas-world README), so the exports are dated relative to the real
 * "today" in Los Angeles, and the world's clock (which the trigger event reports) starts at the real time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { addDays, isoDateInZone } from '../../src/core/time';

const ZONE = 'America/Los_Angeles';
const ORDERS_HEADER =
  readFileSync(resolve(__dirname, '../../samples/amazon-all-orders-2026-03-03.txt'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)[0]
    ?.split('\t') ?? [];
const ADS_HEADER =
  readFileSync(resolve(__dirname, '../../samples/sp-advertised-product-daily.csv'), 'utf8')
    .split(/\r?\n/)[0]
    ?.split(',') ?? [];

function row(header: readonly string[], values: Record<string, string>): string[] {
  return header.map((name) => values[name.trim()] ?? '');
}

/** "Jul 11, 2026" as the ads console writes it. */
function consoleDate(iso: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(8, 10)}, ${iso.slice(0, 4)}`;
}

interface Workbook {
  world: GasWorld;
  script: Record<string, (...args: unknown[]) => unknown>;
  yesterday: string;
  twoDaysAgo: string;
}

/**
 * Amazon orders: yesterday MUG-01 ×1 at $20 and ×2 at $40 less a $5 promotion ($55, 3 units); two days ago ×4 at
 * $80. Ads: yesterday $11 spend / $44 sales, two days ago $9 / $16. Targets: ACoS 30% (company), revenue $50 a day.
 * Order times are 20:00 UTC, the same calendar day in Los Angeles in summer and in winter.
 */
function workbook(
  options: { schedule?: string; worldNow?: Date; activeSpreadsheetInTriggers?: boolean } = {},
): Workbook {
  const world = new GasWorld({
    spreadsheetTimeZone: ZONE,
    now: options.worldNow ?? new Date(),
    activeSpreadsheetInTriggers: options.activeSpreadsheetInTriggers ?? false,
  });
  const today = isoDateInZone(Date.now(), ZONE);
  const yesterday = addDays(today, -1);
  const twoDaysAgo = addDays(today, -2);
  const order = (id: string, day: string, quantity: string, price: string, discount = ''): string[] =>
    row(ORDERS_HEADER, {
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
      'item-promotion-discount': discount,
    });
  world.addSheet('All Orders', [
    ORDERS_HEADER,
    order('112-0000001-0000001', yesterday, '1', '20.00'),
    order('112-0000002-0000002', yesterday, '2', '40.00', '-5.00'),
    order('112-0000003-0000003', twoDaysAgo, '4', '80.00'),
  ]);
  const ad = (day: string, spend: string, sales: string): string[] =>
    row(ADS_HEADER, {
      Date: consoleDate(day),
      Currency: 'USD',
      'Campaign Name': 'Mugs - Auto',
      'Ad Group Name': 'Auto targets',
      'Advertised SKU': 'MUG-01',
      'Advertised ASIN': 'B0MUG00001',
      Impressions: '1000',
      Clicks: '20',
      Spend: spend,
      '7 Day Total Sales': sales,
      '7 Day Advertised SKU Sales': sales,
      '7 Day Other SKU Sales': '$0.00',
    });
  world.addSheet('SP advertised product', [
    ADS_HEADER,
    ad(yesterday, '$11.00', '$44.00'),
    ad(twoDaysAgo, '$9.00', '$16.00'),
  ]);
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['reporting_time_zone', ZONE],
      ['refresh_schedule', options.schedule ?? 'daily'],
      ['refresh_hour', 6],
    ],
    'typed',
  );
  world.addSheet(
    'Targets',
    [
      ['metric', 'scope', 'scope_value', 'period', 'target', 'direction', 'tolerance'],
      ['acos', 'company', '', '', '30%', 'lower', '10%'],
      ['revenue', 'company', '', 'day', '50', 'higher', '10%'],
    ],
    'typed',
  );
  const script = loadDist(world);
  script.onOpen?.({ authMode: 'FULL' });
  return { world, script, yesterday, twoDaysAgo };
}

function settingValue(world: GasWorld, key: string): Cell | undefined {
  return world.sheetValues('Settings').find((cells) => cells[0] === key)?.[1];
}

function hasSheet(world: GasWorld, name: string): boolean {
  return world.spreadsheet.getSheetByName(name) !== null;
}

describe('scheduling the refresh', () => {
  it('installs one trigger daily at the Settings hour in the reporting zone, and installing again replaces it', () => {
    const { world } = workbook();
    world.clickMenuItem('Schedule automatic refresh');
    const first = world.triggers.map((t) => t.uid);
    world.clickMenuItem('Schedule automatic refresh');
    // One clock trigger, and the change trigger that lets an unchanged workbook skip (issue 17).
    expect(world.triggers.map((t) => t.eventType)).toEqual(['CLOCK', 'ON_CHANGE']);
    const trigger = world.triggers[0];
    expect(first).not.toContain(trigger?.uid);
    expect(trigger?.handlerFunction).toBe('runScheduledRefresh');
    expect(trigger?.schedule).toEqual({ atHour: 6, everyDays: 1 });
    expect(trigger?.timeZone).toBe(ZONE);
    // One stored workbook id per live trigger, and the change mark's record.
    const stored = Object.keys(world.userProperties.getProperties()).sort();
    expect(stored).toEqual(
      [
        `sellerKpi.refreshWorkbook.${trigger?.uid}`,
        `sellerKpi.changeWorkbook.${world.triggers[1]?.uid}`,
        `sellerKpi.changeWatch.${world.spreadsheet.getId()}`,
      ].sort(),
    );
    expect(world.userProperties.getProperty(`sellerKpi.refreshWorkbook.${trigger?.uid}`)).toBe(
      world.spreadsheet.getId(),
    );
    expect(world.ui.alerts.at(-1)?.prompt).toContain('between 06:00 and 06:59 (America/Los_Angeles)');
  });

  it('installs an hourly trigger when Settings say hourly', () => {
    const { world } = workbook({ schedule: 'hourly' });
    world.clickMenuItem('Schedule automatic refresh');
    expect(world.triggers.filter((t) => t.eventType === 'CLOCK').map((t) => t.schedule)).toEqual([
      { everyHours: 1 },
    ]);
  });

  it('removing leaves no trigger, no stored id, and Settings say off', () => {
    const { world } = workbook();
    world.clickMenuItem('Schedule automatic refresh');
    world.clickMenuItem('Stop automatic refresh');
    expect(world.triggers).toHaveLength(0);
    expect(world.userProperties.getKeys()).toEqual([]);
    expect(settingValue(world, 'refresh_schedule')).toBe('off');
    world.clickMenuItem('Stop automatic refresh');
    expect(world.ui.alerts.at(-1)?.prompt).toBe('There was no automatic refresh to stop in this workbook.');
  });

  it('asks for the full spreadsheets scope, which SpreadsheetApp.openById needs in a trigger', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../dist/appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
  });
});

describe('a scheduled run', () => {
  it('finds its workbook without an active spreadsheet: it opens the id it stored, builds, and records the run there', () => {
    const { world } = workbook();
    world.clickMenuItem('Schedule automatic refresh');
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');
    // The record lands in this workbook's Settings, which only SpreadsheetApp.openById(stored id) could reach.
    expect(String(settingValue(world, 'last_run_at'))).toMatch(/ America\/Los_Angeles$/);
    expect(settingValue(world, 'last_run_error')).toBe('');
    expect(world.sheetValues('KPI Summary').length).toBeGreaterThan(1);
    // Document properties (the sidebar's mappings) are out of reach without a document: the known exports are still
    // built, and Data Issues says that mapped sheets were left out rather than dropping them silently.
    const reasons = world.sheetValues('Data Issues').map((cells) => cells.join(' '));
    expect(
      reasons.some((text) => text.includes('Sheets mapped in the sidebar could not be read in this run')),
    ).toBe(true);
  });

  it('keeps its trigger and does not throw when the stored workbook cannot be opened (deleted, or access lost)', () => {
    const { world } = workbook();
    world.clickMenuItem('Schedule automatic refresh');
    const uid = world.triggers[0]?.uid ?? '';
    const installed = world.triggers.map((trigger) => trigger.uid);
    world.userProperties.setProperty(`sellerKpi.refreshWorkbook.${uid}`, 'an-id-that-cannot-be-opened');
    expect(() => world.fireTimeTrigger(uid)).not.toThrow();
    // Deleted and unreachable look alike, and a passing server error must not cost the user the schedule.
    expect(world.triggers.map((trigger) => trigger.uid)).toEqual(installed);
    expect(hasSheet(world, 'KPI Summary')).toBe(false);
  });

  it('rebuilds summary and dashboard and records the run in Settings', () => {
    const { world, yesterday } = workbook({ activeSpreadsheetInTriggers: true });
    world.clickMenuItem('Schedule automatic refresh');
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');
    expect(hasSheet(world, 'KPI Summary')).toBe(true);
    const summary = world.sheetValues('KPI Summary');
    expect(summary.length).toBeGreaterThan(1);
    expect(settingValue(world, 'last_run_error')).toBe('');
    expect(settingValue(world, 'last_run_rows_read')).toBeGreaterThanOrEqual(5);
    expect(settingValue(world, 'last_run_rows_written')).toBe(summary.length - 1);
    expect(String(settingValue(world, 'last_run_at'))).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d America\/Los_Angeles$/,
    );
    expect(typeof settingValue(world, 'last_run_duration_s')).toBe('number');

    // The dashboard against the hand-worked figures.
    const dashboard = world.sheetValues('KPI Dashboard');
    const section = dashboard.findIndex((cells) => cells[0] === `Yesterday · ${yesterday}`);
    expect(section).toBeGreaterThan(0);
    const total = dashboard.findIndex((cells, index) => index > section && cells[0] === 'Total');
    expect(dashboard[total]?.slice(1, 6)).toEqual([55, 3, 11, 0.25, 0.2]);
    expect(dashboard[total + 1]?.slice(1, 5)).toEqual([50, '', '', 0.3]);
    expect(dashboard[total + 2]?.slice(1, 5)).toEqual(['GREEN', '', '', 'GREEN']);
    const week = dashboard.findIndex((cells) => String(cells[0]).startsWith('Last 7 days'));
    const weekTotal = dashboard.findIndex((cells, index) => index > week && cells[0] === 'Total');
    // ACoS 20 / 60 from sums: 33.33% misses 30% by more than 3 points.
    expect(dashboard[weekTotal]?.slice(1, 5)).toEqual([135, 7, 20, 0.333333]);
    expect(dashboard[weekTotal + 2]?.[4]).toBe('RED');
    expect(world.sheetNumberFormats('KPI Dashboard')[total]?.[4]).toBe('0.00%');
  });

  it('uses the active spreadsheet when Apps Script gives the trigger one', () => {
    const { world } = workbook({ activeSpreadsheetInTriggers: true });
    world.clickMenuItem('Schedule automatic refresh');
    world.userProperties.deleteAllProperties();
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');
    expect(hasSheet(world, 'KPI Dashboard')).toBe(true);
  });

  it('does not write while another build holds the lock, and says so in Settings', () => {
    const { world } = workbook();
    world.clickMenuItem('Schedule automatic refresh');
    // No document in the trigger: its lease is checked under the script lock (src/gas/buildLock.ts), held here throughout.
    const release = world.holdLockElsewhere('script');
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');
    release();
    expect(hasSheet(world, 'KPI Summary')).toBe(false);
    expect(hasSheet(world, 'KPI Dashboard')).toBe(false);
    expect(settingValue(world, 'last_run_error')).toBe(
      'Skipped: another build of this workbook was running. Nothing was written.',
    );
    expect(settingValue(world, 'last_run_rows_written')).toBe(0);
  });

  it('without a document, still does not write while a build of the same workbook runs (its lease is held)', () => {
    const { world } = workbook();
    world.clickMenuItem('Schedule automatic refresh');
    // What a menu build of this workbook, running now in another execution, has written.
    const leaseKey = `sellerKpi.buildLease.${world.spreadsheet.getId()}`;
    world.scriptProperties.setProperty(leaseKey, `${Date.now() + 60_000}|menu-build`);
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');
    expect(hasSheet(world, 'KPI Summary')).toBe(false);
    expect(String(settingValue(world, 'last_run_error'))).toMatch(/^Skipped/);
    // The other run's lease is left to it.
    expect(world.scriptProperties.getProperty(leaseKey)).toMatch(/\|menu-build$/);
  });

  it("is not held up by another workbook's build, nor by the lease of a run that died", () => {
    const { world } = workbook();
    world.clickMenuItem('Schedule automatic refresh');
    world.scriptProperties.setProperty(
      'sellerKpi.buildLease.another-workbook',
      `${Date.now() + 60_000}|other`,
    );
    const leaseKey = `sellerKpi.buildLease.${world.spreadsheet.getId()}`;
    world.scriptProperties.setProperty(leaseKey, `${Date.now() - 1}|died`);
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');
    expect(world.sheetValues('KPI Summary').length).toBeGreaterThan(1);
    expect(settingValue(world, 'last_run_error')).toBe('');
    // Its own lease is gone when it ends.
    expect(world.scriptProperties.getProperty(leaseKey)).toBeNull();
  });

  it('does not write while a menu build holds the document lock (trigger with an active document)', () => {
    const { world } = workbook({ activeSpreadsheetInTriggers: true });
    world.clickMenuItem('Schedule automatic refresh');
    const release = world.holdLockElsewhere('document');
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');
    release();
    expect(hasSheet(world, 'KPI Summary')).toBe(false);
    expect(String(settingValue(world, 'last_run_error'))).toMatch(/^Skipped/);
  });

  it('stops before writing when the run nears the time limit, leaving the previous summary and dashboard whole', () => {
    // The trigger fired 5½ minutes ago by the event's clock: past the 5-minute budget the build gets.
    const { world, script, yesterday } = workbook({
      worldNow: new Date(Date.now() - 330_000),
      activeSpreadsheetInTriggers: true,
    });
    world.clickMenuItem('Schedule automatic refresh');
    script.buildKpiSummary?.();
    const summaryBefore = world.sheetValues('KPI Summary');
    const dashboardBefore = world.sheetValues('KPI Dashboard');
    // New data that a finished build would show, pasted by the user (the change trigger marks it).
    const header = world.sheetValues('All Orders')[0] ?? [];
    const extra = header.map((name) => {
      const values: Record<string, string> = {
        'amazon-order-id': '112-0000009-0000009',
        'purchase-date': `${yesterday}T20:30:00+00:00`,
        'last-updated-date': `${yesterday}T21:00:00+00:00`,
        'order-status': 'Shipped',
        'sales-channel': 'Amazon.com',
        sku: 'MUG-01',
        quantity: '5',
        currency: 'USD',
        'item-price': '100.00',
      };
      return values[String(name)] ?? '';
    });
    world.userPaste('All Orders', 5, [extra], 'typed');
    world.fireTimeTrigger(world.triggers[0]?.uid ?? '');
    expect(world.sheetValues('KPI Summary')).toEqual(summaryBefore);
    expect(world.sheetValues('KPI Dashboard')).toEqual(dashboardBefore);
    expect(String(settingValue(world, 'last_run_error'))).toMatch(/^Stopped before writing/);
    expect(settingValue(world, 'last_run_rows_written')).toBe(0);
  });
});

describe('Looker Studio', () => {
  it('opens a dialog whose link carries the spreadsheet id, the KPI Summary gid and the template id', () => {
    const { world, script } = workbook();
    script.buildKpiSummary?.();
    const settings = world.spreadsheet.getSheetByName('Settings');
    settings?.getRange(6, 1, 1, 2).setValues([['looker_template_report_id', 'tpl-123']]);
    world.clickMenuItem('Open in Looker Studio');
    const dialog = world.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('Open in Looker Studio');
    const href = /href="([^"]+)"/.exec(dialog?.html ?? '')?.[1]?.replace(/&amp;/g, '&') ?? '';
    const url = new URL(href);
    const gid = world.spreadsheet.getSheetByName('KPI Summary')?.getSheetId();
    expect(url.searchParams.get('ds.ds0.spreadsheetId')).toBe(world.spreadsheet.getId());
    expect(url.searchParams.get('ds.ds0.worksheetId')).toBe(String(gid));
    expect(url.searchParams.get('c.reportId')).toBe('tpl-123');
    expect(url.searchParams.get('ds.ds0.connector')).toBe('googleSheets');
  });
});
