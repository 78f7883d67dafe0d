/**
 * The KPI Review (SPEC §4a, issue 13 item 2), worked by hand: Monday-to-Sunday weeks in the reporting zone, the
 * week against the week before and the 4-week average, the month against the month before, per level; a RED week
 * flagged; a SKU whose owner changed mid-month counted for its owner on the Products sheet now; the team's cells kept
 * by key.
 */
import { type Cell } from '../../src/core/cell';
import { productsFromGrid } from '../../src/core/inventory/products';
import { levelsFromProducts } from '../../src/core/levels/levels';
import { buildReview, reviewPeriods, type ReviewRow } from '../../src/core/review/review';
import { keptEntries, REVIEW_COLUMNS, reviewHeader, reviewTable } from '../../src/core/review/table';
import { type SummaryRow } from '../../src/core/summary/types';
import { targetsFromGrid } from '../../src/core/targets/targets';
import { daysOf } from '../../src/core/targets/resolve';
import { summaryRow } from '../dashboard/fixtures';

const ZONES = { reportingTimeZone: 'America/Los_Angeles', spreadsheetTimeZone: 'America/Los_Angeles' };
/** A Wednesday: the last complete week is Monday 07-06 to Sunday 07-12, the last complete month June. */
const TODAY = '2026-07-15';

const PRODUCTS: Cell[][] = [
  ['sku', 'name', 'category', 'brand', 'owner'],
  ['MUG-01', 'Mug', 'Kitchen', 'Acme', 'Li Wei'],
  // LAMP-3 was Bob's until 15 June and is Anna's now: the sheet only knows Anna.
  ['LAMP-3', 'Lamp', 'Lighting', 'Acme', 'Anna'],
];

const ROWS: SummaryRow[] = [
  // MUG-01: $100 a day (2 units) from Monday 06-08 to Sunday 07-05, then $60 a day in the week reviewed.
  ...daysOf('2026-06-08', '2026-07-05').map((day) =>
    summaryRow(day, 'amazon', 'MUG-01', { units: 2, revenue: 100, grossProfit: 40 }),
  ),
  ...daysOf('2026-07-06', '2026-07-12').map((day) =>
    summaryRow(day, 'amazon', 'MUG-01', { units: 1, revenue: 60, grossProfit: 20 }),
  ),
  // LAMP-3 on Shopify: $40 a day in May, $50 a day in June.
  ...daysOf('2026-05-01', '2026-05-31').map((day) =>
    summaryRow(day, 'shopify', 'LAMP-3', { units: 1, revenue: 40, grossProfit: 10 }),
  ),
  ...daysOf('2026-06-01', '2026-06-30').map((day) =>
    summaryRow(day, 'shopify', 'LAMP-3', { units: 1, revenue: 50, grossProfit: 12 }),
  ),
];

const TARGETS: Cell[][] = [
  ['metric', 'scope', 'scope_value', 'period', 'target'],
  ['revenue', 'category', 'Kitchen', 'week', 600],
];

function review(): ReviewRow[] {
  const levels = levelsFromProducts(productsFromGrid(PRODUCTS, ZONES));
  const { targets } = targetsFromGrid(TARGETS, ZONES.spreadsheetTimeZone);
  return buildReview(ROWS, targets, levels, TODAY);
}

function find(rows: ReviewRow[], period: string, level: string, value: string, metric: string): ReviewRow {
  const row = rows.find(
    (candidate) =>
      candidate.period === period &&
      candidate.scope.level === level &&
      candidate.scope.value === value &&
      candidate.metric === metric,
  );
  if (!row) throw new Error(`no ${period} ${level} ${value} ${metric} row`);
  return row;
}

describe('review periods', () => {
  it('takes the last Monday-to-Sunday week that ended before today and the month before this one', () => {
    expect(reviewPeriods(TODAY)).toEqual({
      week: { from: '2026-07-06', to: '2026-07-12' },
      previousWeek: { from: '2026-06-29', to: '2026-07-05' },
      fourWeeks: { from: '2026-06-08', to: '2026-07-05' },
      month: { from: '2026-06-01', to: '2026-06-30' },
      previousMonth: { from: '2026-05-01', to: '2026-05-31' },
    });
  });

  it('on a Monday reviews the week that ended the night before; on the 1st the month that just ended', () => {
    expect(reviewPeriods('2026-11-30').week).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(reviewPeriods('2026-12-01').month).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(reviewPeriods('2026-03-01').previousMonth).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });
});

describe('review rows', () => {
  /*
   * Kitchen, week 07-06…07-12: 7 × $60 = $420. The week before: 7 × $100 = $700; change (420 − 700) / 700 = −40%.
   * The 4 weeks 06-08…07-05: 28 × $100 = $2,800, a week on average $700: −40% again. Target $600 a week: short by
   * $180, beyond 10% of $600 → RED; attainment 420 / 600 = 70%. Flagged: RED, −40% on the week before, −40% on the
   * 4-week average (both beyond ±10%).
   */
  it('flags a RED week in its category with the change on the week before and on the 4-week average', () => {
    const kitchen = find(review(), 'week', 'category', 'Kitchen', 'revenue');
    expect(kitchen.value).toBe(420);
    expect(kitchen.previous).toBe(700);
    expect(kitchen.change).toBeCloseTo(-0.4, 12);
    expect(kitchen.average4).toBe(700);
    expect(kitchen.changeVsAverage4).toBeCloseTo(-0.4, 12);
    expect(kitchen.target).toBeCloseTo(600, 9);
    expect(kitchen.attainment).toBeCloseTo(0.7, 12);
    expect(kitchen.status).toBe('RED');
    expect(kitchen.flags).toEqual(['red', 'change', 'changeVsAverage4']);
    expect(kitchen.key).toBe('week|2026-07-06|category|Kitchen|revenue');
  });

  /*
   * Margin of Kitchen: week 140 / 420 = 33.33%, week before 280 / 700 = 40%: change (0.3333 − 0.4) / 0.4 = −16.7%,
   * beyond ±10% with no target → flagged for the change only, no status.
   */
  it('compares ratios from the period sums, relative like amounts', () => {
    const margin = find(review(), 'week', 'category', 'Kitchen', 'margin');
    expect(margin.value).toBeCloseTo(1 / 3, 12);
    expect(margin.previous).toBeCloseTo(0.4, 12);
    expect(margin.change).toBeCloseTo(-1 / 6, 12);
    expect(margin.status).toBeNull();
    expect(margin.flags).toEqual(['change', 'changeVsAverage4']);
  });

  /*
   * June for Anna, owner of LAMP-3 on the Products sheet now: 30 × $50 = $1,500 on Shopify, although Bob ran it until
   * 15 June; May 31 × $40 = $1,240; change 260 / 1,240 = +20.97%. There is no row for Bob: the sheet has no history.
   * The company's June adds MUG-01's 23 days (06-08…06-30) × $100 = $2,300: $3,800.
   */
  it('counts a SKU whose owner changed mid-month for its owner on the Products sheet, for the whole month', () => {
    const rows = review();
    const anna = find(rows, 'month', 'owner', 'Anna', 'revenue');
    expect(anna.value).toBe(1500);
    expect(anna.previous).toBe(1240);
    expect(anna.change).toBeCloseTo(260 / 1240, 12);
    expect(anna.average4).toBeNull();
    expect(anna.key).toBe('month|2026-06-01|owner|Anna|revenue');
    expect(rows.some((row) => row.scope.value === 'Bob')).toBe(false);
    expect(find(rows, 'month', 'company', '', 'revenue').value).toBe(3800);
    expect(find(rows, 'month', 'category', 'Kitchen', 'revenue').change).toBeNull();
  });

  it('leaves out metrics with nothing to say (no ads: no ACoS row) and orders levels company → owner', () => {
    const rows = review();
    expect(rows.some((row) => row.metric === 'acos')).toBe(false);
    const weekScopes = rows
      .filter((row) => row.period === 'week' && row.metric === 'revenue')
      .map((row) => `${row.scope.level}:${row.scope.value}`);
    // LAMP-3 sold nothing in the week reviewed but did in the weeks before: its scopes are reviewed (a drop to 0).
    expect(weekScopes).toEqual([
      'company:',
      'channel:amazon',
      'channel:shopify',
      'category:Kitchen',
      'category:Lighting',
      'owner:Anna',
      'owner:Li Wei',
    ]);
    // The week before holds 06-29 and 06-30: $100. The 4 weeks 06-08…06-30: 23 days × $50 = $1,150, $287.50 a week
    // on average. This week $0: −100% on both.
    const lighting = find(rows, 'week', 'category', 'Lighting', 'revenue');
    expect([lighting.value, lighting.previous, lighting.average4, lighting.changeVsAverage4]).toEqual([
      0, 100, 287.5, -1,
    ]);
    expect(lighting.flags).toEqual(['change', 'changeVsAverage4']);
  });
});

describe('the KPI Review sheet keeps the team’s cells', () => {
  const today = (date: Date): string => date.toISOString().slice(0, 10);

  it('puts action, owner and due back by key, and keeps an earlier week’s notes below', () => {
    const rows = review();
    const first = reviewTable(rows, 'en', keptEntries(null), today);
    const header = reviewHeader();
    expect(first.header).toEqual(header);
    expect(header.slice(-4)).toEqual(['action · 行动', 'owner · 负责人', 'due · 截止日期', 'key']);
    const keyAt = REVIEW_COLUMNS.indexOf('key');
    const actionAt = REVIEW_COLUMNS.indexOf('action');
    const kitchenAt = first.rows.findIndex(
      (row) => row[keyAt] === 'week|2026-07-06|category|Kitchen|revenue',
    );
    expect(first.rows[kitchenAt]?.[REVIEW_COLUMNS.indexOf('decision')]).toBe(
      'RED against target; −40.0% on the week before (beyond ±10%); −40.0% on the 4-week average (beyond ±10%)'.replace(
        /−/g,
        '-',
      ),
    );

    // The team types on the sheet (a due date typed becomes a Date cell); an old week's row carries a note too.
    const typed: Cell[][] = [header, ...first.rows.map((row) => [...row])];
    const kitchen = typed[kitchenAt + 1] ?? [];
    kitchen[actionAt] = 'Cut the price to $24.99';
    kitchen[actionAt + 1] = 'Li Wei';
    kitchen[actionAt + 2] = new Date('2026-07-17T00:00:00Z');
    const old = [...kitchen];
    old[keyAt] = 'week|2026-06-29|category|Kitchen|revenue';
    old[actionAt] = 'Restock by air';
    typed.push(old);

    const second = reviewTable(rows, 'zh', keptEntries(typed), today);
    const again = second.rows.find((row) => row[keyAt] === 'week|2026-07-06|category|Kitchen|revenue');
    expect(again?.slice(actionAt, actionAt + 3)).toEqual(['Cut the price to $24.99', 'Li Wei', '2026-07-17']);
    // The zh sheet shows the same row in Chinese; the due cell stays a date.
    expect(again?.[REVIEW_COLUMNS.indexOf('metric')]).toBe('销售额');
    const againAt = second.rows.indexOf(again ?? []);
    expect(second.rowFormats?.get(againAt)?.[actionAt + 2]).toBe('date');
    const carried = second.rows.at(-1);
    expect(carried?.[keyAt]).toBe('week|2026-06-29|category|Kitchen|revenue');
    expect(carried?.[actionAt]).toBe('Restock by air');
    expect(second.rows).toHaveLength(first.rows.length + 1);
  });
});
