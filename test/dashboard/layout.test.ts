import { dashboardGrid, DASHBOARD_WIDTH, STATUS_COLOURS } from '../../src/core/dashboard/layout';
import { buildDashboard } from '../../src/core/dashboard/model';
import { escapeHtml, lookerStudioLink } from '../../src/core/dashboard/lookerLink';
import { lastRunRows } from '../../src/core/dashboard/lastRun';
import { targetsFromGrid } from '../../src/core/targets/targets';
import { NOW, ROWS, TARGETS_GRID, ZONE } from './fixtures';

const { targets } = targetsFromGrid(TARGETS_GRID, ZONE);
const model = buildDashboard(ROWS, targets, { now: NOW, reportingTimeZone: ZONE });

function rowStarting(values: unknown[][], label: string, after = 0): number {
  const index = values.findIndex((row, i) => i >= after && row[0] === label);
  if (index < 0) throw new Error(`no row "${label}"`);
  return index;
}

describe('the KPI Dashboard grid', () => {
  const grid = dashboardGrid(model, 'en');

  it('has values, formats and colours of one shape, twelve columns wide', () => {
    expect(grid.values.length).toBe(grid.formats.length);
    expect(grid.values.length).toBe(grid.backgrounds.length);
    for (const rows of [grid.values, grid.formats, grid.backgrounds])
      for (const row of rows) expect(row).toHaveLength(DASHBOARD_WIDTH);
  });

  it('shows yesterday’s total with its target and status, coloured by status', () => {
    const section = rowStarting(grid.values, 'Yesterday · 2026-07-11');
    const total = rowStarting(grid.values, 'Total', section);
    expect(grid.values[section + 1]?.slice(0, 3)).toEqual([
      'Channel',
      'Revenue',
      'Units (owner: operations)',
    ]);
    expect(grid.values[total]?.slice(0, 9)).toEqual([
      'Total',
      370,
      14,
      40,
      0.25,
      0.108108,
      0.071429,
      80,
      0.32,
    ]);
    expect(grid.values[total + 1]?.slice(0, 9)).toEqual(['   target', 400, 5, '', 0.3, 0.15, 0.05, '', 0.3]);
    expect(grid.values[total + 2]?.slice(1, 9)).toEqual([
      'AMBER',
      'GREEN',
      '',
      'GREEN',
      'GREEN',
      'RED',
      '',
      // The 32% margin meets its 30% target, but Shopify's revenue has no cost: profit covers 250 of 370 (67.6%),
      // so the status is INCOMPLETE, never GREEN (issue 10).
      'INCOMPLETE',
    ]);
    expect(grid.backgrounds[total + 2]?.[8]).toBe(STATUS_COLOURS.INCOMPLETE);
    expect(grid.values.flat()).toContainEqual(
      'Total: profit is known for 67.6% of revenue, so no profit status is GREEN. SKUs sold without a cost: ' +
        'S-1. Channels without a fee source: Shopify.',
    );
    expect(grid.backgrounds[total]?.[1]).toBe(STATUS_COLOURS.AMBER);
    expect(grid.backgrounds[total]?.[6]).toBe(STATUS_COLOURS.RED);
    expect(grid.formats[total]?.slice(0, 5)).toEqual(['@', '#,##0.00', '#,##0', '#,##0.00', '0.00%']);
  });

  it('names the seasonal window used and lists top SKUs with SKU text kept as text', () => {
    expect(grid.values.some((row) => row[0] === 'Seasonal targets used on some days: prime_day')).toBe(true);
    const skuRow = grid.values.findIndex((row) => row[1] === '00501');
    expect(skuRow).toBeGreaterThan(0);
    expect(grid.formats[skuRow]?.[1]).toBe('@');
    expect(grid.values[skuRow]?.slice(0, 7)).toEqual([2, '00501', 50, 2, 20, 5, 15]);
  });

  it('speaks Chinese when the user’s language is Chinese', () => {
    const zh = dashboardGrid(model, 'zh');
    expect(zh.values[0]?.[0]).toBe('KPI 看板');
    const total = rowStarting(zh.values, '合计');
    expect(zh.values[total + 2]?.[1]).toBe('黄（预警）');
    expect(zh.values.some((row) => row[0] === '昨天 · 2026-07-11')).toBe(true);
  });

  it('says in both languages when the exports end before yesterday, and titles periods by their last day', () => {
    const late = buildDashboard(
      ROWS.filter((row) => row.date !== '2026-07-12'),
      targets,
      { now: Date.parse('2026-07-20T15:00:00Z'), reportingTimeZone: ZONE },
    );
    const en = dashboardGrid(late, 'en').values.map((row) => row[0]);
    expect(en[1]).toMatch(/^As of 2026-07-11, the last day with data \(America\/Los_Angeles\);/);
    expect(en[1]).toContain('every period ends on 2026-07-11');
    expect(en).toContain('Last day with data · 2026-07-11');
    expect(en).toContain('Month to the last day with data · 2026-07-01 – 2026-07-11');
    expect(en).not.toContain('Yesterday · 2026-07-11');
    const zh = dashboardGrid(late, 'zh').values.map((row) => row[0]);
    expect(zh[1]).toMatch(/^统计截至 2026-07-11，即数据的最后一天/);
    expect(zh).toContain('数据最后一天 · 2026-07-11');
    // Up to date exports keep the usual words.
    expect(grid.values[1]?.[0]).toMatch(/^As of 2026-07-12 \(America\/Los_Angeles\); built /);
  });

  it('reports unreadable Targets rows in the user’s language at the bottom', () => {
    const { targets: some, problems } = targetsFromGrid(
      [
        ['metric', 'target'],
        ['profitability', 1],
      ],
      ZONE,
    );
    const withProblems = buildDashboard(ROWS, some, {
      now: NOW,
      reportingTimeZone: ZONE,
      targetProblems: problems,
    });
    const values = dashboardGrid(withProblems, 'en').values;
    expect(values[values.length - 1]?.[0]).toMatch(
      /^Targets row 2 was ignored: unknown metric "profitability"/,
    );
    expect(values.some((row) => String(row[0]).startsWith('No targets yet'))).toBe(true);
  });
});

describe('the Looker Studio link', () => {
  it('points the Sheets connector at the spreadsheet and the KPI Summary gid, URL-encoded', () => {
    const link = lookerStudioLink({
      spreadsheetId: '1AbC-xyz_9',
      worksheetId: 1234567,
      templateReportId: '',
    });
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe('https://lookerstudio.google.com/reporting/create');
    expect(url.searchParams.get('ds.ds0.connector')).toBe('googleSheets');
    expect(url.searchParams.get('ds.ds0.spreadsheetId')).toBe('1AbC-xyz_9');
    expect(url.searchParams.get('ds.ds0.worksheetId')).toBe('1234567');
    expect(url.searchParams.has('c.reportId')).toBe(false);
  });

  it('adds c.reportId and keeps the template’s fields when a template is set', () => {
    const link = lookerStudioLink({
      spreadsheetId: 'S',
      worksheetId: 0,
      templateReportId: ' abc/def&x ',
      reportName: 'Seller KPI & more',
    });
    expect(link).toContain('c.reportId=abc%2Fdef%26x');
    expect(link).toContain('r.reportName=Seller%20KPI%20%26%20more');
    const url = new URL(link);
    expect(url.searchParams.get('c.reportId')).toBe('abc/def&x');
    expect(url.searchParams.get('ds.ds0.worksheetId')).toBe('0');
    expect(url.searchParams.get('ds.ds0.refreshFields')).toBe('false');
  });

  it('escapes text for the dialog', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('last-run rows for Settings', () => {
  it('records the time in the reporting zone, the duration to a tenth of a second and the counts', () => {
    const rows = lastRunRows(
      {
        startedAtMs: Date.parse('2026-07-12T13:14:03Z'),
        finishedAtMs: Date.parse('2026-07-12T13:14:45.460Z'),
        rowsRead: 1200,
        rowsWritten: 340,
        outcome: 'ok',
        message: '',
      },
      ZONE,
    );
    expect(rows.map(([key, value]) => [key, value])).toEqual([
      ['last_run_at', '2026-07-12 06:14:03 America/Los_Angeles'],
      ['last_run_duration_s', 42.5],
      ['last_run_rows_read', 1200],
      ['last_run_rows_written', 340],
      ['last_run_error', ''],
    ]);
  });
});

describe('profit in yuan and the payout on the dashboard (issue 10)', () => {
  it('shows month-to-date net profit in CNY at the Settings rate and at ±5%', () => {
    const withFx = buildDashboard(ROWS, targets, { now: NOW, reportingTimeZone: ZONE, fxUsdCny: 7.2 });
    const net = withFx.blocks[2]?.lines[0]?.cells.net_profit.actual ?? Number.NaN;
    // KPI_FX_SENSITIVITY's rule: amount × rate × (1 + shock).
    expect(withFx.netProfitCny).toEqual({
      rate: 7.2,
      netProfitUsd: net,
      atRate: net * 7.2,
      rateDown5: net * 7.2 * 0.95,
      rateUp5: net * 7.2 * 1.05,
    });
    const line = dashboardGrid(withFx, 'en')
      .values.map((row) => String(row[0]))
      .find((text) => text.startsWith('Net profit month to date'));
    expect(line).toBe(
      `Net profit month to date: $${net.toFixed(2)} = ¥${(net * 7.2).toFixed(2)} at 7.2; ¥${(net * 7.2 * 0.95).toFixed(2)} if the rate falls 5%, ¥${(net * 7.2 * 1.05).toFixed(2)} if it rises 5% (KPI_FX_SENSITIVITY).`,
    );
  });

  it('base currency CNY shows money (and money targets) in yuan; ratios stay ratios', () => {
    const inCny = buildDashboard(ROWS, targets, {
      now: NOW,
      reportingTimeZone: ZONE,
      fxUsdCny: 7,
      baseCurrency: 'CNY',
    });
    const grid = dashboardGrid(inCny, 'en');
    const section = rowStarting(grid.values, 'Yesterday · 2026-07-11');
    const total = rowStarting(grid.values, 'Total', section);
    // Revenue 370 × 7 = 2590; its 400 target × 7 = 2800; ACoS 25% unchanged.
    expect([grid.values[total]?.[1], grid.values[total + 1]?.[1], grid.values[total]?.[4]]).toEqual([
      2590, 2800, 0.25,
    ]);
    expect(grid.values.map((row) => row[0])).toContainEqual(
      'Money in CNY at the Settings rate 7 (targets are typed in USD and converted at the same rate).',
    );
  });

  it('a payments report that does not add up is a RED line at the top', () => {
    const grid = dashboardGrid(
      buildDashboard(ROWS, targets, { now: NOW, reportingTimeZone: ZONE, unexplainedPayoutBlocks: 2 }),
      'en',
    );
    const row = grid.values.findIndex((cells) =>
      String(cells[0]).startsWith('Reconciliation: 2 payments report'),
    );
    expect(row).toBeGreaterThan(0);
    expect(grid.backgrounds[row]?.[0]).toBe(STATUS_COLOURS.RED);
  });
});
