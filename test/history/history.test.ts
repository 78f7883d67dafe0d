/**
 * Frozen history (issue 17, item 4) in the pure core: which days are frozen, how KPI History's rows come back into the
 * KPI Summary (by column name, so a header that changed between releases puts nothing in the wrong column), which
 * raw rows are ignored, and the suggested day.
 */
import { type Cell } from '../../src/core/cell';
import {
  factsAfter,
  frozenHistory,
  frozenThroughOf,
  historyFromTable,
  historyTable,
  historyUpTo,
  type HistorySheet,
  lastSummaryDay,
  readHistorySheet,
  rowsWithoutProfit,
  suggestedFrozenThrough,
  withFrozenRows,
} from '../../src/core/history/history';
import { translate } from '../../src/core/i18n';
import { settingsFromRows } from '../../src/core/settings';
import { summaryTable } from '../../src/core/summary/table';
import { type SummaryRow } from '../../src/core/summary/types';
import { ad, fee, orderLine, returned } from '../summary/facts';

const noDates = (): string => {
  throw new Error('no Date cell expected');
};

function row(overrides: Partial<SummaryRow>): SummaryRow {
  return {
    date: '2026-01-10',
    channel: 'amazon',
    sku: 'MUG-01',
    units: 2,
    orders: 2,
    revenue: 39.98,
    adSpend: 5.5,
    adSales: 19.99,
    adClicks: 11,
    adImpressions: 900,
    returnedUnits: 0,
    cogs: 10.2,
    fees: 8.4,
    feesEstimated: false,
    grossProfit: 21.38,
    refunds: 0,
    reimbursements: 0,
    ...overrides,
  };
}

describe('which days are frozen', () => {
  const held: HistorySheet = {
    through: '2026-01-31',
    header: ['date', 'channel', 'sku'],
    rows: [{ row: 3, cells: ['2026-01-10', 'amazon', 'MUG-01'] }],
    problems: [],
  };

  it('takes the Settings day when KPI History holds it (the usual case)', () => {
    expect(frozenThroughOf('2026-01-31', false, held)).toEqual({ through: '2026-01-31', issues: [] });
  });

  it('unfreezes the days after an earlier Settings day, with no issue: the user moved it back', () => {
    expect(frozenThroughOf('2026-01-15', false, held)).toEqual({ through: '2026-01-15', issues: [] });
  });

  it('freezes no further than KPI History holds, and says so, when Settings name a later day', () => {
    const { through, issues } = frozenThroughOf('2026-02-28', false, held);
    expect(through).toBe('2026-01-31');
    expect(issues.map((issue) => issue.reason)).toEqual([
      { key: 'history.settingLater', params: { setting: '2026-02-28', held: '2026-01-31' } },
    ]);
  });

  it('keeps the held days frozen when the Settings value cannot be read (a typo must not turn them into zeros)', () => {
    expect(frozenThroughOf(null, true, held).through).toBe('2026-01-31');
  });

  it('freezes nothing when Settings hold no day, saying that KPI History is not used', () => {
    const { through, issues } = frozenThroughOf(null, false, held);
    expect(through).toBeNull();
    expect(issues[0]?.reason).toEqual({ key: 'history.settingBlank', params: { held: '2026-01-31' } });
  });

  it('freezes nothing when Settings name a day but there is no KPI History', () => {
    const { through, issues } = frozenThroughOf('2026-01-31', false, readHistorySheet(null, noDates));
    expect(through).toBeNull();
    expect(issues[0]?.reason.key).toBe('history.nothingHeld');
  });

  it('does not use a KPI History whose first row is not frozen_through and a day', () => {
    const sheet = readHistorySheet(
      [
        ['date', 'channel'],
        ['2026-01-10', 'amazon'],
      ],
      noDates,
    );
    expect(sheet.through).toBeNull();
    expect(sheet.problems[0]?.reason.key).toBe('history.unreadable');
    expect(frozenThroughOf('2026-01-31', false, sheet).through).toBeNull();
  });
});

describe('Settings frozen_through', () => {
  it('reads a yyyy-MM-dd text and refuses anything else with a problem', () => {
    expect(settingsFromRows([['frozen_through', '2026-01-31']]).settings.frozenThrough).toBe('2026-01-31');
    expect(settingsFromRows([['frozen_through', '']]).settings.frozenThrough).toBeNull();
    const typo = settingsFromRows([['frozen_through', '2026-02-30']]);
    expect(typo.settings.frozenThrough).toBeNull();
    expect(typo.problems.map((problem) => problem.setting)).toEqual(['frozen_through']);
    // A Date cell's day depends on the spreadsheet's zone, which Settings are read without: refused, never guessed.
    const dateCell = settingsFromRows([['frozen_through', new Date('2026-01-31T08:00:00Z')]]);
    expect(dateCell.settings.frozenThrough).toBeNull();
    expect(dateCell.problems).toHaveLength(1);
  });
});

describe('KPI History back into the KPI Summary', () => {
  const table = summaryTable(
    [
      row({ date: '2026-01-10' }),
      row({ date: '2026-01-31', channel: 'shopify', sku: '00501', cogs: null, grossProfit: null }),
      row({ date: '2026-02-01', sku: 'LAMP-3' }),
    ],
    7.2,
  );

  it('keeps the rows up to the day, every cell as the KPI Summary wrote it, under its header', () => {
    const kept = historyTable(table, '2026-01-31', 'note');
    expect(kept.header.slice(0, 3)).toEqual(['frozen_through', '2026-01-31', 'note']);
    expect(kept.header).toHaveLength(table.header.length);
    expect(kept.rows[0]).toEqual(table.header);
    expect(kept.rows.slice(1)).toEqual(table.rows.slice(0, 2));
  });

  it('reads back the same cells and the same figures (money in cents, as Looker Studio sums the cells)', () => {
    const history = historyFromTable(historyTable(table, '2026-01-31', 'note'), '2026-01-31');
    expect(history.cells).toEqual(table.rows.slice(0, 2));
    expect(history.rows).toEqual([
      row({ date: '2026-01-10' }),
      row({ date: '2026-01-31', channel: 'shopify', sku: '00501', cogs: null, grossProfit: null }),
    ]);
    // A frozen row read back lays out the same table again, cent for cent.
    expect(summaryTable(history.rows, 7.2).rows).toEqual(table.rows.slice(0, 2));
  });

  it('puts frozen rows before the computed ones: all are dated earlier, so the build’s order holds', () => {
    const history = historyFromTable(historyTable(table, '2026-01-31', 'note'), '2026-01-31');
    const live = summaryTable([row({ date: '2026-02-01', sku: 'LAMP-3' })], 7.2);
    expect(withFrozenRows(live, history)).toEqual(table);
    expect(lastSummaryDay(table)).toBe('2026-02-01');
    expect(lastSummaryDay(summaryTable([], 7.2))).toBeNull();
  });

  it('maps a history kept by an older release by name: a column it lacks is blank, never a neighbour’s value', () => {
    const header = table.header.filter(
      (name) => name !== 'category' && name !== 'owner' && name !== 'margin',
    );
    // The older release also wrote its columns in another order: sku before channel.
    const older = [
      'date',
      'sku',
      'channel',
      ...header.filter((name) => !['date', 'sku', 'channel'].includes(name)),
    ];
    const full = table.rows[0] ?? [];
    const olderRow = older.map((name) => full[table.header.indexOf(name)] as Cell);
    const sheet = readHistorySheet([['frozen_through', '2026-01-31', 'note'], older, olderRow], noDates);
    const { history, issues } = frozenHistory(sheet, '2026-01-31', table.header);
    expect(history.cells).toEqual([
      table.header.map((name) =>
        ['category', 'owner', 'margin'].includes(name) ? '' : full[table.header.indexOf(name)],
      ),
    ]);
    expect(history.rows).toEqual([row({ date: '2026-01-10' })]);
    expect(issues.map((issue) => issue.reason)).toEqual([
      { key: 'history.columnsBlank', params: { columns: 'margin, category, owner' } },
    ]);
  });

  it('leaves out a row someone typed over, listing it with its sheet row; the others still count', () => {
    const kept = historyTable(table, '2026-01-31', 'note');
    const grid: Cell[][] = [kept.header, ...kept.rows];
    const units = table.header.indexOf('units');
    grid[2] = (grid[2] ?? []).map((cell, index) => (index === units ? 'two' : cell));
    const sheet = readHistorySheet(grid, noDates);
    const { history, issues } = frozenHistory(sheet, '2026-01-31', table.header);
    expect(history.rows.map((frozen) => frozen.date)).toEqual(['2026-01-31']);
    expect(issues).toEqual([
      { sheet: 'KPI History', row: 3, key: '2026-01-10', reason: { key: 'history.rowUnreadable' } },
    ]);
  });

  it('uses only the rows up to an earlier day (unfrozen by hand) and cuts a held history the same way', () => {
    const kept = historyTable(table, '2026-01-31', 'note');
    const sheet = readHistorySheet([kept.header, ...kept.rows], noDates);
    const { history } = frozenHistory(sheet, '2026-01-20', table.header);
    expect(history.rows.map((frozen) => frozen.date)).toEqual(['2026-01-10']);
    const full = historyFromTable(kept, '2026-01-31');
    expect(historyUpTo(full, '2026-01-20')).toEqual(history);
    expect(historyUpTo(full, '2026-03-01')).toBe(full);
    expect(historyUpTo(full, null)).toBeNull();
  });

  it('counts the kept rows with sales but no gross profit, which stay blank once frozen', () => {
    const history = historyFromTable(historyTable(table, '2026-01-31', 'note'), '2026-01-31');
    expect(rowsWithoutProfit(history.rows, '2026-01-31')).toBe(1);
  });
});

describe('raw rows on frozen days', () => {
  it('leaves out every daily fact on or before the day, one Data Issue per sheet counting rows', () => {
    const facts = [
      orderLine({ date: '2026-01-30', source: { sheet: 'All Orders' }, row: 2 }),
      orderLine({ date: '2026-01-31', orderId: 'B', source: { sheet: 'All Orders' }, row: 3 }),
      orderLine({ date: '2026-02-01', orderId: 'C', source: { sheet: 'All Orders' }, row: 4 }),
      ad({ date: '2026-01-31', source: { sheet: 'SP' }, row: 5 }),
      // Two facts of one payments row (its principal and its fee) are one row.
      fee({ date: '2026-01-31', feeType: 'referral', source: { sheet: 'Payments' }, row: 9 }),
      fee({ date: '2026-01-31', feeType: 'fulfilment', source: { sheet: 'Payments' }, row: 9 }),
      // A refund after the day for an order sold before it counts on its own day (SPEC §2b).
      fee({ date: '2026-02-03', feeType: 'refund', amount: -20, source: { sheet: 'Payments' }, row: 12 }),
      returned({ date: '2026-02-02', source: { sheet: 'Returns' }, row: 2 }),
    ];
    const { live, issues } = factsAfter(facts, '2026-01-31');
    expect(live.map((fact) => fact.row)).toEqual([4, 12, 2]);
    expect(issues.map((issue) => [issue.sheet, issue.reason.params?.rows])).toEqual([
      ['All Orders', 2],
      ['SP', 1],
      ['Payments', 1],
    ]);
    expect(translate('en', 'history.rawRowsFrozen', { rows: 2, through: '2026-01-31' })).toBe(
      '2 rows of this sheet are dated on or before 2026-01-31, the days KPI History keeps: ignored. You may delete them; to count them again, keep history up to an earlier day.',
    );
  });
});

describe('the suggested day', () => {
  it.each([
    ['2026-03-05', '2026-01-31'],
    ['2026-03-31', '2026-01-31'],
    ['2026-01-01', '2025-11-30'],
    ['2026-02-15', '2025-12-31'],
    ['2024-04-10', '2024-02-29'],
  ])('on %s is %s: the current and the previous month stay live', (today, suggested) => {
    expect(suggestedFrozenThrough(today)).toBe(suggested);
  });
});
