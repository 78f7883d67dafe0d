/**
 * The levels of the method (SPEC §3a, issue 13 item 1): category and owner from the Products sheet on every KPI
 * Summary row, "(none)" with one Data Issue for SKUs without them, Targets scoped to a category or an owner as real
 * groupings of SKUs, and the dashboard's month-to-date level blocks with attainment (达成率) beside the status.
 */
import { type Cell } from '../../src/core/cell';
import { levelBlocks, levelGrid } from '../../src/core/dashboard/levels';
import {
  levelsFromProducts,
  NO_LEVEL,
  readLevels,
  skusWithoutProductsIssue,
} from '../../src/core/levels/levels';
import { productsFromGrid } from '../../src/core/inventory/products';
import { summaryTable } from '../../src/core/summary/table';
import { targetsFromGrid } from '../../src/core/targets/targets';
import { summaryRow } from '../dashboard/fixtures';

const ZONES = { reportingTimeZone: 'America/Los_Angeles', spreadsheetTimeZone: 'America/Los_Angeles' };
/** 2026-07-12 08:00 in Los Angeles: month to date is 07-01…07-11, 11 of July's 31 days. */
const NOW = Date.parse('2026-07-12T15:00:00Z');

const PRODUCTS: Cell[][] = [
  ['sku', 'name', 'category', 'brand', 'owner'],
  ['MUG-01', 'Mug', 'Kitchen', 'Acme', 'Li Wei'],
  ['LAMP-3', 'Lamp', 'Lighting', 'Acme', 'Anna'],
  // A row the build added and nobody filled in yet: the SKU is in "(none)" like one without a row.
  ['CANDLE-7', '', '', '', ''],
];

const ROWS = [
  summaryRow('2026-07-03', 'amazon', 'MUG-01', {
    units: 10,
    revenue: 200,
    adSpend: 30,
    adSales: 150,
    grossProfit: 80,
  }),
  summaryRow('2026-07-10', 'shopify', 'MUG-01', { units: 5, revenue: 100, grossProfit: 40 }),
  summaryRow('2026-07-05', 'amazon', 'LAMP-3', {
    units: 2,
    revenue: 120,
    adSpend: 40,
    adSales: 80,
    grossProfit: 30,
  }),
  summaryRow('2026-07-06', 'amazon', 'CANDLE-7', { units: 3, revenue: 45, grossProfit: null }),
  summaryRow('2026-07-07', 'amazon', 'NEW-9', { units: 1, revenue: 10, grossProfit: null }),
  // June is outside month to date.
  summaryRow('2026-06-30', 'amazon', 'MUG-01', { units: 50, revenue: 1000, grossProfit: 400 }),
];

describe('levels from the Products sheet', () => {
  const products = productsFromGrid(PRODUCTS, ZONES);
  const levels = levelsFromProducts(products);

  it('gives each SKU its category and owner, and "(none)" without a row or with blank cells', () => {
    expect(levels.of('MUG-01')).toEqual({ category: 'Kitchen', owner: 'Li Wei' });
    expect(levels.of('CANDLE-7')).toEqual({ category: NO_LEVEL, owner: NO_LEVEL });
    expect(levels.of('NEW-9')).toEqual({ category: NO_LEVEL, owner: NO_LEVEL });
  });

  it('appends category and owner after net_profit_cny on the KPI Summary', () => {
    const table = summaryTable(ROWS.slice(0, 1), 7.2, levels);
    expect(table.header.slice(-4)).toEqual(['net_profit', 'net_profit_cny', 'category', 'owner']);
    expect(table.rows[0]?.slice(-2)).toEqual(['Kitchen', 'Li Wei']);
    expect(table.formats.slice(-2)).toEqual(['text', 'text']);
  });

  it('counts the SKUs without category or owner in one Data Issue, never the channel rows without a SKU', () => {
    const issue = skusWithoutProductsIssue(
      [...ROWS.map((row) => row.sku), '', 'NEW-9'],
      products,
      'Products',
    );
    expect(issue).toEqual({
      sheet: 'Products',
      row: 0,
      key: '',
      reason: { key: 'issue.levels.skusWithoutProduct', params: { count: 2, skus: 'CANDLE-7, NEW-9' } },
    });
    expect(skusWithoutProductsIssue(['MUG-01', 'LAMP-3', ''], products, 'Products')).toBeNull();
  });

  it('a workbook without a Products sheet puts every SKU in "(none)"', () => {
    const read = readLevels(null, ZONES);
    expect(read.levels.of('MUG-01')).toEqual({ category: NO_LEVEL, owner: NO_LEVEL });
    expect(read.products.bySku.size).toBe(0);
  });
});

describe('Targets scoped to a category or an owner', () => {
  const TARGETS: Cell[][] = [
    ['metric', 'scope', 'scope_value', 'period', 'target'],
    ['revenue', 'category', 'kitchen ', 'month', 3100],
    ['net_profit', 'owner', 'Li Wei', 'month', 620],
    ['acos', 'company', '', '', '25%'],
    ['units', 'role', 'operations', 'day', 5],
  ];

  it('reads category and owner as scopes of their own; role stays the owner_role label', () => {
    const { targets, problems } = targetsFromGrid(TARGETS, 'America/Los_Angeles');
    expect(problems).toEqual([]);
    expect(targets.map((target) => [target.scope, target.scopeValue])).toEqual([
      ['category', 'kitchen'],
      ['owner', 'Li Wei'],
      ['company', ''],
      ['owner_role', 'operations'],
    ]);
  });

  /*
   * Month to date 07-01…07-11 (11 days of 31):
   * Kitchen = MUG-01: revenue 200 + 100 = 300; target 3100 × 11/31 = 1100; attainment 300 / 1100 = 27.27% → RED
   *   (short by 800, beyond 10% of 1100).
   * Li Wei = MUG-01: net profit (80 − 30) + (40 − 0) = 90; target 620 × 11/31 = 220; attainment 90 / 220 = 40.91%.
   * ACoS has no category target: the company's 25% applies (a ratio means the same at every level); Kitchen's
   *   30 / 150 = 20% → GREEN, Lighting's 40 / 80 = 50% → RED; no attainment for a ratio.
   * "(none)" = CANDLE-7 + NEW-9: revenue 45 + 10 = 55, no profit known.
   */
  it('judges the month-to-date level blocks pro rata, with attainment beside the status', () => {
    const { targets } = targetsFromGrid(TARGETS, 'America/Los_Angeles');
    const levels = levelsFromProducts(productsFromGrid(PRODUCTS, ZONES));
    const blocks = levelBlocks(ROWS, targets, levels, {
      now: NOW,
      reportingTimeZone: ZONES.reportingTimeZone,
    });
    expect(blocks.map((block) => block.level)).toEqual(['company', 'channel', 'category', 'owner']);
    const category = blocks[2];
    expect(category?.from).toBe('2026-07-01');
    expect(category?.to).toBe('2026-07-11');
    expect(category?.lines.map((line) => line.value)).toEqual(['Kitchen', 'Lighting', NO_LEVEL]);
    const kitchen = category?.lines[0]?.cells;
    expect(kitchen?.revenue.actual).toBe(300);
    expect(kitchen?.revenue.target).toBeCloseTo(1100, 9);
    expect(kitchen?.revenue.attainment).toBeCloseTo(300 / 1100, 12);
    expect(kitchen?.revenue.status).toBe('RED');
    expect(kitchen?.acos.actual).toBeCloseTo(0.2, 12);
    expect(kitchen?.acos.status).toBe('GREEN');
    expect(kitchen?.acos.attainment).toBeNull();
    expect(category?.lines[1]?.cells.acos.status).toBe('RED');
    // Lighting has no revenue target of its own: amounts never fall back to the company's.
    expect(category?.lines[1]?.cells.revenue.target).toBeNull();
    expect(category?.lines[2]?.cells.revenue.actual).toBe(55);
    expect(category?.lines[2]?.cells.net_profit.actual).toBeNull();

    const liWei = blocks[3]?.lines.find((line) => line.value === 'Li Wei')?.cells.net_profit;
    expect(liWei?.actual).toBe(90);
    expect(liWei?.target).toBeCloseTo(220, 9);
    expect(liWei?.attainment).toBeCloseTo(90 / 220, 12);
    expect(liWei?.status).toBe('RED');

    // The company line: 300 + 120 + 55 = 475 of revenue, June left out.
    expect(blocks[0]?.lines.map((line) => line.cells.revenue.actual)).toEqual([475]);
  });

  it('lays the level blocks out in both languages, attainment as a percent beside the status', () => {
    const { targets } = targetsFromGrid(TARGETS, 'America/Los_Angeles');
    const levels = levelsFromProducts(productsFromGrid(PRODUCTS, ZONES));
    const blocks = levelBlocks(ROWS, targets, levels, {
      now: NOW,
      reportingTimeZone: ZONES.reportingTimeZone,
    });
    const en = levelGrid(blocks, 'en', 1);
    const kitchenRow = en.values.find((row) => row[0] === 'Kitchen');
    expect(kitchenRow?.slice(0, 5)).toEqual(['Kitchen', 300, 1100, 0.272727, 'RED']);
    expect(en.formats[en.values.indexOf(kitchenRow ?? [])]?.[3]).toBe('0.00%');
    expect(en.values.some((row) => row[0] === 'By category — month to date (2026-07-01 to 2026-07-11)')).toBe(
      true,
    );
    const zh = levelGrid(blocks, 'zh', 7.2);
    expect(zh.values.some((row) => row[0] === '按品类 — 本月至今（2026-07-01 至 2026-07-11）')).toBe(true);
    expect(zh.values.find((row) => row[0] === '品类')?.[3]).toBe('达成率');
    // Yuan at the dashboard's rate: 300 × 7.2 = 2160.
    expect(zh.values.find((row) => row[0] === 'Kitchen')?.[1]).toBe(2160);
    expect(zh.values.find((row) => row[0] === '(none，未分配)')?.[1]).toBe(396);
    for (const grid of [en, zh]) for (const row of grid.values) expect(row).toHaveLength(12);
  });
});
