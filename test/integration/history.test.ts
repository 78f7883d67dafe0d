/**
 * Frozen history (issue 17, item 4) on the built dist/ in the local Apps Script world, from the menu: "Keep history up
 * to…" freezes the KPI Summary of the sample workbook through 2026-03-02; the user deletes every raw row of those days;
 * a rebuild gives the same KPI Summary in the same sheet (gid), and unfreezing computes those days again from what the
 * raw sheets still hold.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type Cell, GasWorld, loadDist } from '../gas-world';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');
const FROZEN_THROUGH = '2026-03-02';
const MENU = { build: 'Build KPI summary', keep: 'Keep history up to…' };

/** The column that dates each sample's rows; Shopify's later rows of an order inherit its first row's day. */
const DATE_COLUMN: Record<string, string> = {
  'amazon-all-orders-2026-03-03': 'purchase-date',
  'amazon-all-orders-2026-03-04': 'purchase-date',
  'amazon-date-range-transactions': 'date/time',
  'amazon-fba-customer-returns': 'return-date',
  'shopify-orders': 'Created at',
  'sp-advertised-product-daily': 'Date',
  'sp-search-term-daily': 'Date',
  'tiktok-shop-orders': 'Created Time',
  'walmart-orders': 'Order Date',
};
/**
 * The script reads the real clock (the world fakes none for Date.now), so "today" in the menu's words is today in Los
 * Angeles, worked out here the same way.
 */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
const DAY_MS = 86_400_000;
const dayAfter = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The Los Angeles day a sample's date cell names, or null for a cell that is no date (TikTok's description row). */
function dayOf(text: string): string | null {
  const pad = (value: string | number): string => String(value).padStart(2, '0');
  if (/^\d{4}-\d{2}-\d{2}T/.test(text))
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(text));
  const iso = /^(\d{4}-\d{2}-\d{2}) /.exec(text);
  if (iso) return iso[1] ?? null;
  const named = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})/.exec(text);
  if (named) return `${named[3]}-${pad(MONTHS.indexOf(named[1] ?? '') + 1)}-${pad(named[2] ?? '')}`;
  const us = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(text.trim());
  if (us) return `${us[3]}-${us[1]}-${us[2]}`;
  return null;
}

/** An export without its rows dated on or before `through`, as a user deleting them would leave it. */
function withoutRowsUpTo(name: string, rows: Cell[][], through: string): Cell[][] {
  const column = DATE_COLUMN[name] ?? '';
  const headerIndex = rows.findIndex((row) => row.includes(column));
  if (headerIndex < 0) throw new Error(`${name}: no ${column} column`);
  const header = rows[headerIndex] ?? [];
  const at = header.indexOf(column);
  const nameAt = header.indexOf('Name');
  let inherited: string | null = null;
  return rows.filter((row, index) => {
    if (index <= headerIndex) return true;
    let day = dayOf(String(row[at] ?? ''));
    if (name === 'shopify-orders') {
      if (day === null && String(row[nameAt] ?? '') !== '') day = inherited;
      inherited = day;
    }
    return day === null || day > through;
  });
}

function sampleExports(): { name: string; rows: Cell[][] }[] {
  return readdirSync(SAMPLES)
    .sort()
    .filter((file) => /\.(csv|txt)$/.test(file) && file !== 'Settings.csv' && file !== 'Costs.csv')
    .map((file) => ({ name: file.replace(/\.[^.]+$/, ''), rows: readExportFile(join(SAMPLES, file)) }));
}

function workbook(
  exportsOf: { name: string; rows: Cell[][] }[],
  locale = 'en_US',
  spreadsheetTimeZone = 'America/Los_Angeles',
): GasWorld {
  const world = new GasWorld({
    spreadsheetTimeZone,
    userLocale: locale,
    fxRateUsdCny: 7.2,
    now: new Date('2026-03-05T16:00:00Z'),
  });
  for (const { name, rows } of exportsOf) world.addSheet(name, rows, 'text');
  world.addSheet(
    'Settings',
    [
      ['key', 'value'],
      ['reporting_time_zone', 'America/Los_Angeles'],
      ['fx_usd_cny', '=GOOGLEFINANCE("CURRENCY:USDCNY")'],
    ],
    'typed',
  );
  world.addSheet('Costs', readExportFile(join(SAMPLES, 'Costs.csv')), 'text');
  const script = loadDist(world) as unknown as Record<string, (event: unknown) => unknown>;
  world.authMode = 'LIMITED';
  world.runExecution(() => script.onOpen?.({ authMode: 'LIMITED' }));
  return world;
}

function keepHistory(world: GasWorld, answer: string, confirm: 'YES' | 'NO' = 'YES'): string[] {
  const alertsBefore = world.ui.alerts.length;
  world.ui.promptAnswers.push({ button: 'OK', text: answer });
  world.ui.alertAnswers.push(confirm);
  world.clickMenuItem(MENU.keep);
  return world.ui.alerts.slice(alertsBefore).map((alert) => alert.prompt);
}

function setting(world: GasWorld, key: string): Cell | undefined {
  return world.sheetValues('Settings').find((row) => row[0] === key)?.[1];
}

function issuesAbout(world: GasWorld, fragment: string): Cell[][] {
  return world.sheetValues('Data Issues').filter((row) => String(row[3]).includes(fragment));
}

function summaryGid(world: GasWorld): number {
  const sheet = world.spreadsheet.getSheetByName('KPI Summary');
  if (!sheet) throw new Error('no KPI Summary');
  return sheet.getSheetId();
}

describe('Keep history up to… on dist/', () => {
  it('freeze, delete the raw rows of those days, rebuild: the same KPI Summary in the same sheet; unfreeze: recomputed', () => {
    const exportsOf = sampleExports();
    const world = workbook(exportsOf);
    world.clickMenuItem(MENU.build);
    const built = world.sheetValues('KPI Summary');
    const gid = summaryGid(world);
    const outputsBefore: Record<string, Cell[][]> = Object.fromEntries(
      ['KPI Dashboard', 'KPI Review', 'Products'].map((name) => [name, world.sheetValues(name)]),
    );
    const frozenDays = built
      .slice(1)
      .filter((row) => (row[0] as Date) < new Date('2026-03-03T00:00:00-08:00'));
    expect(frozenDays.length).toBeGreaterThan(3);

    const said = keepHistory(world, FROZEN_THROUGH);
    // The suggestion: the last day of the month before last.
    const suggested = dayAfter(`${dayAfter(`${TODAY.slice(0, 7)}-01`, -1).slice(0, 7)}-01`, -1);
    expect(world.ui.prompts.at(-1)?.prompt).toContain(`leave it empty for ${suggested} (the current`);
    expect(said[0]).toMatch(/^Keep every KPI Summary row up to 2026-03-02 in KPI History\?/);
    expect(said[1]).toMatch(
      new RegExp(`^KPI History now keeps ${frozenDays.length} KPI Summary rows up to 2026-03-02\\.`),
    );
    // Freezing changes no figure; KPI History holds the frozen rows under the header, hidden from view.
    expect(world.sheetValues('KPI Summary')).toEqual(built);
    const history = world.sheetValues('KPI History');
    expect(history[0]?.slice(0, 2)).toEqual(['frozen_through', FROZEN_THROUGH]);
    expect(history[1]).toEqual(built[0]);
    expect(history.length - 2).toBe(frozenDays.length);
    expect(world.spreadsheet.getSheetByName('KPI History')?.isSheetHidden()).toBe(true);
    expect(setting(world, 'frozen_through')).toBe(FROZEN_THROUGH);
    // Every raw sheet that holds rows of the frozen days says so, and how many it holds.
    const ordersIssue = issuesAbout(world, 'dated on or before 2026-03-02').find(
      (row) => row[0] === 'amazon-all-orders-2026-03-03',
    );
    // Three orders of 2026-03-02 and one cancelled at 01:30 UTC on the 3rd, which is 17:30 on the 2nd in Los Angeles.
    expect(ordersIssue?.[3]).toMatch(/^4 rows of this sheet are dated on or before 2026-03-02/);

    // The user deletes every raw row of the frozen days (the sheets keep their headers).
    const trimmed = exportsOf.map(({ name, rows }) => ({
      name,
      rows: withoutRowsUpTo(name, rows, FROZEN_THROUGH),
    }));
    const removed = exportsOf.reduce(
      (sum, { rows }, index) => sum + rows.length - (trimmed[index]?.rows.length ?? 0),
      0,
    );
    expect(removed).toBeGreaterThan(10);
    // Each tab is replaced by its remaining rows (the deletion is counted as a call, which nothing here looks at).
    for (const { name, rows } of trimmed) {
      const tab = world.spreadsheet.getSheetByName(name);
      if (tab) world.runExecution(() => world.spreadsheet.deleteSheet(tab));
      world.addSheet(name, rows, 'text');
    }
    const alerts = world.ui.alerts.length;
    world.calls.reset();
    world.clickMenuItem(MENU.build);
    // KPI History is read in one call, its whole grid (the frozen_through row, the header, the rows), and not written.
    const historyCalls = world.calls.log().filter((call) => call.sheet === 'KPI History');
    expect(historyCalls.filter((call) => call.method === 'getValues')).toEqual([
      {
        kind: 'read',
        method: 'getValues',
        sheet: 'KPI History',
        cells: (2 + frozenDays.length) * (built[0]?.length ?? 0),
      },
    ]);
    expect(historyCalls.filter((call) => call.kind === 'write')).toEqual([]);
    expect(world.ui.alerts.length).toBe(alerts);
    expect(world.ui.toasts.at(-1)?.message).toMatch(/^KPI Summary built: /);
    expect(world.sheetValues('KPI Summary')).toEqual(built);
    expect(summaryGid(world)).toBe(gid);
    expect(issuesAbout(world, 'dated on or before')).toEqual([]);
    // The outputs computed from the KPI Summary rows read the frozen ones as they read computed ones.
    for (const name of ['KPI Dashboard', 'KPI Review', 'Products'])
      expect({ name, cells: world.sheetValues(name) }).toEqual({ name, cells: outputsBefore[name] });

    // Unfreeze: every day is computed from the raw sheets again, which no longer hold 2026-03-02.
    const unfrozen = keepHistory(world, 'none');
    expect(unfrozen[0]).toMatch(/^Keep no history \(now up to 2026-03-02\)\?.*cannot come back/);
    expect(world.spreadsheet.getSheetByName('KPI History')).toBeNull();
    expect(setting(world, 'frozen_through')).toBe('');
    const never = workbook(trimmed);
    never.clickMenuItem(MENU.build);
    expect(world.sheetValues('KPI Summary')).toEqual(never.sheetValues('KPI Summary'));
    expect(world.sheetValues('KPI Summary').length).toBe(built.length - frozenDays.length);
    expect(summaryGid(world)).toBe(gid);
  });

  it('in a Shanghai workbook (date cells shown in Asia/Shanghai, days counted in Los Angeles): the same rows frozen, the same round trip', () => {
    const exportsOf = sampleExports();
    const losAngeles = workbook(exportsOf);
    losAngeles.clickMenuItem(MENU.build);
    const world = workbook(exportsOf, 'en_US', 'Asia/Shanghai');
    world.clickMenuItem(MENU.build);
    const built = world.sheetValues('KPI Summary');
    // A KPI Summary date cell is midnight of its day in the spreadsheet's zone: read back there, it names that day.
    const shanghaiDay = (cell: Cell): string =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(cell as Date);
    const frozenDays = built.slice(1).filter((row) => shanghaiDay(row[0] as Cell) <= FROZEN_THROUGH);
    // The same reporting days as in the Los Angeles workbook, so the same rows are frozen.
    expect(built.length).toBe(losAngeles.sheetValues('KPI Summary').length);
    const losAngelesFrozen = losAngeles
      .sheetValues('KPI Summary')
      .slice(1)
      .filter((row) => (row[0] as Date) < new Date('2026-03-03T00:00:00-08:00'));
    expect(frozenDays.length).toBeGreaterThan(3);
    expect(frozenDays.length).toBe(losAngelesFrozen.length);

    const said = keepHistory(world, FROZEN_THROUGH);
    expect(said[1]).toMatch(
      new RegExp(`^KPI History now keeps ${frozenDays.length} KPI Summary rows up to 2026-03-02\\.`),
    );
    // The order cancelled at 01:30 UTC on the 3rd is 17:30 on the 2nd in Los Angeles: frozen, whatever the sheet shows.
    const ordersIssue = issuesAbout(world, 'dated on or before 2026-03-02').find(
      (row) => row[0] === 'amazon-all-orders-2026-03-03',
    );
    expect(ordersIssue?.[3]).toMatch(/^4 rows of this sheet are dated on or before 2026-03-02/);

    for (const { name, rows } of exportsOf) {
      const tab = world.spreadsheet.getSheetByName(name);
      if (tab) world.runExecution(() => world.spreadsheet.deleteSheet(tab));
      world.addSheet(name, withoutRowsUpTo(name, rows, FROZEN_THROUGH), 'text');
    }
    world.clickMenuItem(MENU.build);
    expect(world.sheetValues('KPI Summary')).toEqual(built);
    expect(issuesAbout(world, 'dated on or before')).toEqual([]);
  });

  it('appends when moved later and recomputes the days after an earlier day from the raw rows still there', () => {
    const world = workbook(sampleExports());
    world.clickMenuItem(MENU.build);
    const built = world.sheetValues('KPI Summary');
    keepHistory(world, '2026-03-02');
    const first = world.sheetValues('KPI History').length;
    keepHistory(world, '2026-03-03');
    expect(keepHistory(world, '2026-03-03')).toEqual([
      'History is already kept up to 2026-03-03. Nothing was changed.',
    ]);
    expect(world.sheetValues('KPI History').length).toBeGreaterThan(first);
    expect(world.sheetValues('KPI History')[0]?.[1]).toBe('2026-03-03');
    expect(world.sheetValues('KPI Summary')).toEqual(built);
    const back = keepHistory(world, '2026-03-02');
    expect(back[0]).toMatch(/^Keep history only up to 2026-03-02 instead of 2026-03-03\?/);
    expect(world.sheetValues('KPI History').length).toBe(first);
    expect(world.sheetValues('KPI Summary')).toEqual(built);
  });

  it('reads a KPI History kept by an older release by column name: its missing columns blank, none misplaced', () => {
    const world = workbook(sampleExports());
    world.clickMenuItem(MENU.build);
    const built = world.sheetValues('KPI Summary');
    keepHistory(world, FROZEN_THROUGH);
    // An older release: no category and owner columns yet, and sku written before channel.
    const kept = world.sheetValues('KPI History');
    const header = (kept[1] ?? []).map(String);
    const olderHeader = [
      'date',
      'sku',
      'channel',
      ...header.filter((name) => !['date', 'sku', 'channel', 'category', 'owner'].includes(name)),
    ];
    const older = [
      (kept[0] ?? []).slice(0, olderHeader.length),
      ...kept
        .slice(1)
        .map((row, index) =>
          index === 0 ? olderHeader : olderHeader.map((name) => row[header.indexOf(name)] ?? ''),
        ),
    ];
    const tab = world.spreadsheet.getSheetByName('KPI History');
    if (tab) world.runExecution(() => world.spreadsheet.deleteSheet(tab));
    world.addSheet('KPI History', older, 'text');
    world.clickMenuItem(MENU.build);

    const levels = [header.indexOf('category'), header.indexOf('owner')];
    const frozenCount = kept.length - 2;
    const expected = built.map((row, index) =>
      index >= 1 && index <= frozenCount
        ? row.map((cell, column) => (levels.includes(column) ? '' : cell))
        : row,
    );
    expect(world.sheetValues('KPI Summary')).toEqual(expected);
    expect(
      issuesAbout(world, 'was kept before the KPI Summary had the columns category, owner'),
    ).toHaveLength(1);
  });

  it("with frozen_through mistyped in Settings, says what the build keeps: the KPI History sheet's own day", () => {
    const world = workbook(sampleExports());
    world.clickMenuItem(MENU.build);
    keepHistory(world, FROZEN_THROUGH);
    const row = world.sheetValues('Settings').findIndex((cells) => cells[0] === 'frozen_through');
    world.userPaste('Settings', row + 1, [['frozen_through', '2026-03-0x']]);
    world.ui.promptAnswers.push({ button: 'CANCEL', text: '' });
    world.clickMenuItem(MENU.keep);
    expect(world.ui.prompts.at(-1)?.prompt).toMatch(
      /^History is kept up to 2026-03-02: those days come from KPI History\./,
    );
  });

  it('refuses a day not yet complete, a day the KPI Summary does not have, and text that is no day; changes nothing', () => {
    const world = workbook(sampleExports());
    world.clickMenuItem(MENU.build);
    const before = world.sheetValues('KPI Summary');
    expect(keepHistory(world, TODAY)[0]).toBe(
      `${TODAY} is not a complete day yet: the last complete day is ${dayAfter(TODAY, -1)}. Nothing was changed.`,
    );
    expect(keepHistory(world, '2026-03-20')[0]).toMatch(
      /^The KPI Summary has no day after 2026-03-04, so 2026-03-20 cannot be kept/,
    );
    expect(keepHistory(world, 'none')[0]).toBe('No history is kept, as before. Nothing was changed.');
    expect(keepHistory(world, 'last month')[0]).toMatch(/^“last month” is not a day in the form yyyy-MM-dd/);
    // Answering No to the confirmation, or Cancel to the question, changes nothing either.
    keepHistory(world, '2026-03-02', 'NO');
    world.ui.promptAnswers.push({ button: 'CANCEL', text: '2026-03-02' });
    world.clickMenuItem(MENU.keep);
    expect(world.spreadsheet.getSheetByName('KPI History')).toBeNull();
    expect(world.sheetValues('KPI Summary')).toEqual(before);
  });

  it('asks and answers in Chinese for a Chinese user', () => {
    const world = workbook(sampleExports(), 'zh_CN');
    world.clickMenuItem('生成 KPI 汇总');
    world.ui.promptAnswers.push({ button: 'OK', text: '2026-03-02' });
    world.clickMenuItem('保留历史数据至…');
    const said = world.ui.alerts.slice(-2).map((alert) => alert.prompt);
    expect(world.ui.prompts.at(-1)?.title).toBe('保留历史数据至…');
    expect(said[1]).toMatch(/^KPI History 现已保存截至 2026-03-02 的 \d+ 行 KPI Summary。/);
  });
});

/** Cells setValues wrote into the KPI Summary since the world's call log was reset. */
function summaryCellsWritten(world: GasWorld): number {
  return world.calls.cells({ kind: 'write', sheet: 'KPI Summary', method: 'setValues' });
}

/** Sets Settings `key` as a user typing it would (a new row below the others when it is not there yet). */
function typeSetting(world: GasWorld, key: string, value: string): void {
  const rows = world.sheetValues('Settings');
  const at = rows.findIndex((row) => row[0] === key);
  world.userPaste('Settings', at < 0 ? rows.length + 1 : at + 1, [[key, value]]);
}

describe('The frozen rows of the KPI Summary are written once a day (issue 17, src/core/history/keptRows.ts)', () => {
  const RECORD = 'kpi_summary_frozen_written';

  /** The sample workbook frozen through FROZEN_THROUGH: its KPI Summary, frozen row count and width. */
  function frozenWorkbook(spreadsheetTimeZone?: string): {
    world: GasWorld;
    built: Cell[][];
    frozen: number;
    width: number;
  } {
    const world = workbook(sampleExports(), 'en_US', spreadsheetTimeZone);
    world.clickMenuItem(MENU.build);
    keepHistory(world, FROZEN_THROUGH);
    const built = world.sheetValues('KPI Summary');
    const frozen = world.sheetValues('KPI History').length - 2;
    return { world, built, frozen, width: built[0]?.length ?? 0 };
  }

  it('a later build of the same day writes only the live rows below the frozen ones, and the sheet is unchanged', () => {
    const { world, built, frozen, width } = frozenWorkbook();
    expect(frozen).toBeGreaterThan(3);
    // The "Keep history up to …" run wrote the whole sheet and recorded it for today.
    expect(setting(world, RECORD)).toMatch(
      new RegExp(`^through ${FROZEN_THROUGH} · rows ${frozen} · header [0-9a-f]{8} · written ${TODAY}$`),
    );
    world.calls.reset();
    world.clickMenuItem(MENU.build);
    expect(summaryCellsWritten(world)).toBe((built.length - 1 - frozen) * width);
    expect(world.sheetValues('KPI Summary')).toEqual(built);
    // Nothing new to record: Settings keeps the record of the whole write.
    expect(setting(world, RECORD)).toMatch(new RegExp(`written ${TODAY}$`));
  });

  it('in a Shanghai workbook the frozen date cells are read back as their days there, and kept', () => {
    const { world, built, frozen, width } = frozenWorkbook('Asia/Shanghai');
    world.calls.reset();
    world.clickMenuItem(MENU.build);
    expect(summaryCellsWritten(world)).toBe((built.length - 1 - frozen) * width);
    expect(world.sheetValues('KPI Summary')).toEqual(built);
  });

  it('writes the whole sheet again when its first or last frozen row is not what was written (a sort, a paste)', () => {
    const { world, built, frozen, width } = frozenWorkbook();
    // A user sorts the KPI Summary by SKU, or pastes over its last frozen row: seen there, not trusted.
    const last = [...(built[frozen] ?? [])];
    last[2] = 'PASTED-OVER';
    world.userPaste('KPI Summary', frozen + 1, [last]);
    world.calls.reset();
    world.clickMenuItem(MENU.build);
    expect(summaryCellsWritten(world)).toBe(built.length * width);
    expect(world.sheetValues('KPI Summary')).toEqual(built);
  });

  it('writes the whole sheet again when its header was edited (Looker Studio reads the fields by name)', () => {
    const { world, built, width } = frozenWorkbook();
    world.userPaste('KPI Summary', 1, [['day', ...(built[0] ?? []).slice(1)]]);
    world.calls.reset();
    world.clickMenuItem(MENU.build);
    expect(summaryCellsWritten(world)).toBe(built.length * width);
    expect(world.sheetValues('KPI Summary')).toEqual(built);
  });

  it('the first build of a new reporting day writes the whole sheet and records the day (a hand edit inside lasts a day at most)', () => {
    const { world, built, frozen, width } = frozenWorkbook();
    const yesterday = String(setting(world, RECORD)).replace(
      /written \S+$/,
      `written ${dayAfter(TODAY, -1)}`,
    );
    typeSetting(world, RECORD, yesterday);
    world.calls.reset();
    world.clickMenuItem(MENU.build);
    expect(summaryCellsWritten(world)).toBe(built.length * width);
    expect(setting(world, RECORD)).toMatch(
      new RegExp(`rows ${frozen} · header [0-9a-f]{8} · written ${TODAY}$`),
    );
    // A record the add-on did not write (or a header of another release) is no record: the whole sheet again.
    typeSetting(world, RECORD, 'through 2026-03-02 · rows 1');
    world.calls.reset();
    world.clickMenuItem(MENU.build);
    expect(summaryCellsWritten(world)).toBe(built.length * width);
  });

  it('blanks live rows left over below when the live days shrink, as a whole write would', () => {
    const { world } = frozenWorkbook();
    world.userDeleteSheet('walmart-orders');
    world.userDeleteSheet('tiktok-shop-orders');
    world.calls.reset();
    world.clickMenuItem(MENU.build);
    const kept = world.sheetValues('KPI Summary');
    expect(summaryCellsWritten(world)).toBeLessThan(kept.length * (kept[0]?.length ?? 0));
    expect(kept.some((row) => row[1] === 'walmart')).toBe(true); // the frozen days still hold Walmart's sales
    // The same sheet as a whole write of the same workbook gives.
    typeSetting(world, RECORD, '');
    world.clickMenuItem(MENU.build);
    expect(world.sheetValues('KPI Summary')).toEqual(kept);
  });

  it("reads a frozen_through day a user typed over as a date (a Date from the host realm, not this script's)", () => {
    const { world, built } = frozenWorkbook();
    // The cell is plain text as the add-on writes it: a user must first give it a date format.
    world.runExecution(() =>
      world.spreadsheet.getSheetByName('KPI History')?.getRange(1, 2).setNumberFormat('yyyy-mm-dd'),
    );
    world.userPaste('KPI History', 1, [['frozen_through', FROZEN_THROUGH]], 'typed');
    expect(world.sheetValues('KPI History')[0]?.[1]).toBeInstanceOf(Date);
    world.clickMenuItem(MENU.build);
    expect(world.sheetValues('KPI Summary')).toEqual(built);
    expect(world.sheetValues('Data Issues').filter((row) => row[0] === 'KPI History')).toEqual([]);
  });

  it('property: whatever live sheets are deleted or pasted again after freezing, writing below the frozen rows gives the KPI Summary a whole write gives', () => {
    const names = sampleExports().map(({ name }) => name);
    fc.assert(
      fc.property(
        fc.subarray(names, { maxLength: names.length - 1 }),
        fc.subarray(names, { maxLength: 2 }),
        (deleted, pastedAgain) => {
          const { world, frozen, width } = frozenWorkbook();
          for (const name of deleted) world.userDeleteSheet(name);
          for (const name of pastedAgain)
            world.userAddSheet(
              `${name} (again)`,
              sampleExports().find((sample) => sample.name === name)?.rows ?? [],
            );
          const rowsBefore = world.sheetValues('KPI Summary').length;
          world.calls.reset();
          world.clickMenuItem(MENU.build);
          const below = world.sheetValues('KPI Summary');
          // Only the rows below the frozen ones were written, leftovers of the longer sheet blanked: one call.
          expect(summaryCellsWritten(world)).toBe((Math.max(rowsBefore, below.length) - 1 - frozen) * width);
          typeSetting(world, RECORD, '');
          world.clickMenuItem(MENU.build);
          expect(world.sheetValues('KPI Summary')).toEqual(below);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('unfreezing writes the whole sheet and clears the record', () => {
    const { world } = frozenWorkbook();
    keepHistory(world, 'none');
    expect(setting(world, RECORD)).toBe('');
  });
});
