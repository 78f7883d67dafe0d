/**
 * Issue 17 item 3 on the built add-on (dist/main.js) in the local Apps Script world: the change trigger installed with
 * the schedule, the mark a user's change sets and a build clears, the scheduled run of an unchanged workbook that
 * reads only the mark and Settings and writes only its record, the manual build that always builds, the rolling
 * 24-hour trigger-time record and the sidebar's quota warning.
 *
 * The script's own Date is the host clock (test/gas-world README): orders are dated yesterday in Los Angeles by the
 * real clock, and records are seeded relative to Date.now().
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Cell, GasWorld, loadDist } from '../gas-world';
import { startWebhookServer } from '../gas-world/webhook-server';
import { addDays, isoDateInZone } from '../../src/core/time';

const ZONE = 'America/Los_Angeles';
const HOUR = 3_600_000;
const ORDERS_HEADER =
  readFileSync(resolve(__dirname, '../../samples/amazon-all-orders-2026-03-03.txt'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)[0]
    ?.split('\t') ?? [];

const yesterday = addDays(isoDateInZone(Date.now(), ZONE), -1);

/** One shipped All Orders line of MUG-01 yesterday at 20:00 UTC (the same day in Los Angeles). */
function order(id: string, quantity: string, price: string): string[] {
  const values: Record<string, string> = {
    'amazon-order-id': id,
    'purchase-date': `${yesterday}T20:00:00+00:00`,
    'last-updated-date': `${yesterday}T21:00:00+00:00`,
    'order-status': 'Shipped',
    'fulfillment-channel': 'Amazon',
    'sales-channel': 'Amazon.com',
    sku: 'MUG-01',
    asin: 'B0MUG00001',
    'item-status': 'Shipped',
    quantity,
    currency: 'USD',
    'item-price': price,
  };
  return ORDERS_HEADER.map((name) => values[name.trim()] ?? '');
}

/** Waits on the host clock, which the script's Date reads (the world's clock is not the script's). */
function pauseMs(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy wait: Jest tests here are synchronous
  }
}

interface Workbook {
  world: GasWorld;
  script: Record<string, (...args: unknown[]) => unknown>;
  refreshUid: string;
}

/** Yesterday: 1 mug at $20 and 2 at $40 ($60, 3 units); an hourly schedule turned on from the menu. */
function scheduledWorkbook(
  schedule: 'hourly' | 'daily' = 'hourly',
  moreSettings: [string, string | number][] = [],
): Workbook {
  const world = new GasWorld({ spreadsheetTimeZone: ZONE });
  world.addSheet('All Orders', [
    ORDERS_HEADER,
    order('112-0000001-0000001', '1', '20.00'),
    order('112-0000002-0000002', '2', '40.00'),
  ]);
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['reporting_time_zone', ZONE],
      ['refresh_schedule', schedule],
      ['refresh_hour', 6],
      ...moreSettings,
    ],
    'typed',
  );
  const script = loadDist(world);
  script.onOpen?.({ authMode: 'FULL' });
  world.clickMenuItem('Schedule automatic refresh');
  const refresh = world.triggers.find((trigger) => trigger.eventType === 'CLOCK');
  return { world, script, refreshUid: refresh?.uid ?? '' };
}

function setting(world: GasWorld, key: string): Cell | undefined {
  return world.sheetValues('Settings').find((cells) => cells[0] === key)?.[1];
}

function watchKey(world: GasWorld): string {
  return `sellerKpi.changeWatch.${world.spreadsheet.getId()}`;
}

interface StoredWatch {
  watchingSince: number | null;
  changedAt: number | null;
  builtFrom: number | null;
  builtDay: string | null;
  builtZone: string | null;
  usage: [number, number, number][];
}

function storedWatch(world: GasWorld): StoredWatch {
  return JSON.parse(world.userProperties.getProperty(watchKey(world)) ?? 'null') as StoredWatch;
}

/** Yesterday's revenue in the KPI Summary (column `revenue`). */
function revenue(world: GasWorld): number {
  const [header, ...rows] = world.sheetValues('KPI Summary');
  const at = (header ?? []).indexOf('revenue');
  return rows.reduce((sum, row) => sum + Number(row[at] ?? 0), 0);
}

describe('the change trigger goes with the schedule', () => {
  it('is installed beside the clock trigger, stores its workbook, and goes when the schedule is stopped', () => {
    const { world } = scheduledWorkbook();
    expect(world.triggers.map((trigger) => [trigger.eventType, trigger.handlerFunction])).toEqual([
      ['CLOCK', 'runScheduledRefresh'],
      ['ON_CHANGE', 'recordWorkbookChange'],
    ]);
    const change = world.triggers[1];
    expect(world.userProperties.getProperty(`sellerKpi.changeWorkbook.${change?.uid}`)).toBe(
      world.spreadsheet.getId(),
    );
    expect(storedWatch(world).watchingSince).toEqual(expect.any(Number));
    // Scheduling again replaces both: still one trigger of each type (editor-triggers.md).
    world.clickMenuItem('Schedule automatic refresh');
    expect(world.triggers.map((trigger) => trigger.eventType)).toEqual(['CLOCK', 'ON_CHANGE']);
    world.clickMenuItem('Stop automatic refresh');
    expect(world.triggers).toEqual([]);
    expect(world.userProperties.getKeys()).toEqual([]);
  });
});

describe('a scheduled run of an unchanged workbook', () => {
  it('reads nothing but the mark and Settings, writes only its record, and says since when nothing changed', () => {
    const { world, refreshUid } = scheduledWorkbook();
    world.fireTimeTrigger(refreshUid);
    expect(setting(world, 'last_run_error')).toBe('');
    const built = storedWatch(world).builtFrom ?? 0;
    const summary = world.sheetValues('KPI Summary');
    const dashboard = world.sheetValues('KPI Dashboard');
    expect(revenue(world)).toBe(60);

    world.calls.reset();
    world.fireTimeTrigger(refreshUid);
    // One read of one sheet (getDataRange, then its getValues): Settings, where the add-on's own changes are stamped
    // and the record goes.
    expect(world.calls.log().filter((call) => call.kind === 'read')).toEqual([
      { kind: 'read', method: 'getDataRange', sheet: 'Settings', cells: 0 },
      { kind: 'read', method: 'getValues', sheet: 'Settings', cells: expect.any(Number) },
    ]);
    expect(new Set(world.calls.log().map((call) => call.sheet))).toEqual(new Set(['Settings']));
    expect(world.calls.total).toBeLessThanOrEqual(5);
    expect(world.sheetValues('KPI Summary')).toEqual(summary);
    expect(world.sheetValues('KPI Dashboard')).toEqual(dashboard);
    const since = isoDateInZone(built, ZONE);
    expect(String(setting(world, 'last_run_error'))).toMatch(
      new RegExp(
        `^Skipped: nothing changed since ${since} \\d\\d:\\d\\d:\\d\\d America/Los_Angeles\\. The KPI sheets`,
      ),
    );
    expect(setting(world, 'last_run_rows_read')).toBe(0);
    expect(setting(world, 'last_run_rows_written')).toBe(0);
    expect(setting(world, 'trigger_time_24h_min')).toEqual(expect.any(Number));
  });

  it('says it in Chinese when Settings ask for Chinese', () => {
    const { world, refreshUid } = scheduledWorkbook();
    world.userPaste('Settings', 5, [['language', 'zh']], 'typed');
    pauseMs(2);
    world.fireTimeTrigger(refreshUid);
    world.fireTimeTrigger(refreshUid);
    expect(String(setting(world, 'last_run_error'))).toMatch(/^已跳过：自 .+ 以来没有任何更改。/);
  });
});

describe('the change mark', () => {
  it('is set by a user’s paste, makes the next run build the new rows, and is cleared by that build', () => {
    const { world, refreshUid } = scheduledWorkbook();
    world.fireTimeTrigger(refreshUid);
    const before = storedWatch(world);
    world.userPaste('All Orders', 4, [order('112-0000003-0000003', '4', '80.00')]);
    pauseMs(2);
    const marked = storedWatch(world);
    expect(marked.changedAt).toBeGreaterThanOrEqual(before.builtFrom ?? Infinity);
    // The change trigger's own run counts against the quota too.
    const runs = (watch: StoredWatch): number => watch.usage.reduce((sum, bucket) => sum + bucket[2], 0);
    expect(runs(marked)).toBe(runs(before) + 1);

    world.calls.reset();
    world.fireTimeTrigger(refreshUid);
    expect(world.calls.bySheet('All Orders').reads).toBeGreaterThan(0);
    expect(revenue(world)).toBe(140);
    expect(setting(world, 'last_run_error')).toBe('');
    expect(storedWatch(world).builtFrom).toBeGreaterThanOrEqual(marked.changedAt ?? Infinity);

    world.calls.reset();
    world.fireTimeTrigger(refreshUid);
    expect(world.calls.bySheet('All Orders').total).toBe(0);
    expect(String(setting(world, 'last_run_error'))).toMatch(/^Skipped: nothing changed/);
  });

  it('is set by a sheet deleted or added, but not by formatting alone', () => {
    const { world, refreshUid } = scheduledWorkbook();
    world.fireTimeTrigger(refreshUid);
    world.fireChangeEvent('FORMAT');
    world.fireTimeTrigger(refreshUid);
    expect(String(setting(world, 'last_run_error'))).toMatch(/^Skipped/);

    world.userAddSheet('Notes', [['a note']]);
    world.fireTimeTrigger(refreshUid);
    expect(setting(world, 'last_run_error')).toBe('');
    world.userDeleteSheet('Notes');
    world.calls.reset();
    world.fireTimeTrigger(refreshUid);
    expect(world.calls.bySheet('All Orders').reads).toBeGreaterThan(0);
  });

  it('is not set by the add-on’s own writes: a build, a run record', () => {
    const { world, script, refreshUid } = scheduledWorkbook();
    script.buildKpiSummary?.();
    expect(storedWatch(world).changedAt).toBeNull();
    world.fireTimeTrigger(refreshUid);
    expect(storedWatch(world).changedAt).toBeNull();
    expect(String(setting(world, 'last_run_error'))).toMatch(/^Skipped/);
  });

  it('is cleared by a manual build, and a manual build always builds', () => {
    const { world, script, refreshUid } = scheduledWorkbook();
    world.fireTimeTrigger(refreshUid);
    world.fireTimeTrigger(refreshUid);
    expect(String(setting(world, 'last_run_error'))).toMatch(/^Skipped/);
    // Unchanged, yet the menu's build reads and writes everything.
    world.calls.reset();
    script.buildKpiSummary?.();
    expect(world.calls.bySheet('All Orders').reads).toBeGreaterThan(0);
    expect(world.calls.bySheet('KPI Summary').writes).toBeGreaterThan(0);

    world.userPaste('All Orders', 4, [order('112-0000003-0000003', '4', '80.00')]);
    // The user builds a moment later: a change in the very millisecond a build starts counts as unread.
    pauseMs(2);
    world.clickMenuItem('Build KPI summary');
    expect(revenue(world)).toBe(140);
    world.calls.reset();
    world.fireTimeTrigger(refreshUid);
    expect(world.calls.bySheet('All Orders').total).toBe(0);
  });

  it('does not cover the add-on’s own input changes; those are stamped in Settings and rebuild', () => {
    const { world, refreshUid } = scheduledWorkbook();
    world.fireTimeTrigger(refreshUid);
    // Targets filled from the KPI Summary: a script write, which no change trigger sees.
    world.clickMenuItem('Fill targets from the last 30 days');
    expect(String(setting(world, 'inputs_changed_at'))).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    world.calls.reset();
    world.fireTimeTrigger(refreshUid);
    expect(world.calls.bySheet('Targets').reads).toBeGreaterThan(0);
    expect(setting(world, 'last_run_error')).toBe('');
  });

  it('does not skip on a new reporting day: the first run after midnight builds', () => {
    const { world, refreshUid } = scheduledWorkbook();
    world.fireTimeTrigger(refreshUid);
    const watch = storedWatch(world);
    world.userProperties.setProperty(
      watchKey(world),
      JSON.stringify({ ...watch, builtDay: addDays(watch.builtDay ?? yesterday, -1) }),
    );
    world.calls.reset();
    world.fireTimeTrigger(refreshUid);
    expect(world.calls.bySheet('All Orders').reads).toBeGreaterThan(0);
    expect(setting(world, 'last_run_error')).toBe('');
  });

  it('cannot be trusted once the change trigger was deleted by hand: every run builds', () => {
    const { world, refreshUid } = scheduledWorkbook();
    world.fireTimeTrigger(refreshUid);
    // Deleted from script.google.com › My Triggers: the record stays, nothing marks changes any more.
    world.triggers.splice(
      world.triggers.findIndex((trigger) => trigger.eventType === 'ON_CHANGE'),
      1,
    );
    world.calls.reset();
    world.fireTimeTrigger(refreshUid);
    expect(world.calls.bySheet('All Orders').reads).toBeGreaterThan(0);
    expect(setting(world, 'last_run_error')).toBe('');
  });

  it('leaves a schedule of the previous release (no change trigger) building every time, its time recorded', () => {
    const { world, refreshUid } = scheduledWorkbook();
    // What the previous release installed: the clock trigger and its workbook id only.
    const change = world.triggers.findIndex((trigger) => trigger.eventType === 'ON_CHANGE');
    world.triggers.splice(change, 1);
    world.userProperties.deleteProperty(watchKey(world));
    world.fireTimeTrigger(refreshUid);
    world.calls.reset();
    world.fireTimeTrigger(refreshUid);
    expect(world.calls.bySheet('All Orders').reads).toBeGreaterThan(0);
    expect(setting(world, 'last_run_error')).toBe('');
    expect(storedWatch(world).watchingSince).toBeNull();
    expect(storedWatch(world).usage.reduce((sum, bucket) => sum + bucket[2], 0)).toBe(2);
  });
});

describe('the daily digest on a skipped run', () => {
  it('goes out from the KPI sheets as they are when it falls due in an hour that skipped the build', async () => {
    const server = await startWebhookServer();
    try {
      await server.configure({ slack: { path: 'T000/B000/XXXX' } });
      const { world, script, refreshUid } = scheduledWorkbook('hourly', [
        ['digest_service', 'slack'],
        ['digest_url', 'https://hooks.slack.com/services/T000/B000/XXXX'],
        ['digest_hour', 0],
      ]);
      server.route(world);
      // Built from the menu (which sends no digest), then an hourly run with nothing changed.
      script.buildKpiSummary?.();
      world.fireTimeTrigger(refreshUid);
      expect(String(setting(world, 'last_run_error'))).toMatch(/^Skipped: nothing changed/);
      expect(setting(world, 'last_digest_status')).toBe('ok · slack · HTTP 200 · 1 attempt');
      expect((await server.requests()).map((request) => request.service)).toEqual(['slack']);
    } finally {
      server.stop();
    }
  });
});

describe('trigger time in the last 24 hours', () => {
  it('rolls: 50 minutes spent 30 hours ago drop out, 30 minutes 2 hours ago still count', () => {
    const { world, refreshUid } = scheduledWorkbook();
    const hourNow = Math.floor(Date.now() / HOUR);
    const watch = storedWatch(world);
    world.userProperties.setProperty(
      watchKey(world),
      JSON.stringify({
        ...watch,
        usage: [
          [hourNow - 30, 50 * 60_000, 1],
          [hourNow - 2, 30 * 60_000, 1],
        ],
      }),
    );
    world.fireTimeTrigger(refreshUid);
    const minutes = Number(setting(world, 'trigger_time_24h_min'));
    // 30 minutes plus this run's own seconds.
    expect(minutes).toBeGreaterThanOrEqual(30);
    expect(minutes).toBeLessThan(31);
    expect(storedWatch(world).usage.map((bucket) => bucket[0])).toEqual([hourNow - 2, hourNow]);
  });

  it('warns in the sidebar from 80% of the quota, and a Workspace quota in Settings moves the warning', () => {
    const { world, script } = scheduledWorkbook();
    const hourNow = Math.floor(Date.now() / HOUR);
    world.userProperties.setProperty(
      watchKey(world),
      JSON.stringify({ ...storedWatch(world), usage: [[hourNow - 1, 75 * 60_000, 60]] }),
    );
    const state = script.sidebarLoad?.() as {
      scheduleBudget: { warning: string | null; usedMinutes: number };
    };
    expect(state.scheduleBudget.usedMinutes).toBe(75);
    expect(state.scheduleBudget.warning).toBe(
      'Automatic refresh has used 75.0 of the 90 minutes of trigger time Google allows this account per day. Past ' +
        "it, Google stops running the add-on's triggers until the quota resets. Choose a daily refresh, or if this " +
        'is a Google Workspace account (6 hours a day), set trigger_quota_min to 360 in Settings.',
    );
    world.userPaste('Settings', 5, [['trigger_quota_min', 360]], 'typed');
    const workspace = script.sidebarLoad?.() as { scheduleBudget: { warning: string | null } };
    expect(workspace.scheduleBudget.warning).toBeNull();
    world.userPaste('Settings', 5, [['language', 'zh']], 'typed');
    world.userPaste('Settings', 6, [['trigger_quota_min', 90]], 'typed');
    const chinese = script.sidebarLoad?.() as { scheduleBudget: { warning: string | null } };
    expect(chinese.scheduleBudget.warning).toMatch(
      /^定时刷新已使用 75\.0 分钟触发器时间，Google 允许此账号每天 90 分钟。/,
    );
  });
});
