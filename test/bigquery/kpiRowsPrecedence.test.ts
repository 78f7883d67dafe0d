/**
 * Issue 15, item 4: the precedence rule of sql/views/kpi_rows.sql, which Looker Studio and every other view read —
 * for each day × channel the workbook's KPI Summary holds, its rows stand and the Drive folder's rows of that day and
 * channel are left out; the folder serves every other day × channel. Run in DuckDB through the double's GoogleSQL
 * translation (test/gas-world/bigquery-sql.ts), on rows written directly into the two tables.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUMMARY_FIELDS } from '../../src/bigquery/schema';
import { DUCKDB_PRELUDE, DUCKDB_TYPE, type BigQueryType, toDuckDbSql } from '../gas-world/bigquery-sql';

const PROJECT = 'p';
const DATASET = 'd';

interface Row {
  date: string;
  channel: string;
  sku: string;
  units: number;
  revenueCents: number;
  adSpendCents: number;
}

let db: DuckDBConnection;
beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
  for (const statement of DUCKDB_PRELUDE) await db.run(statement);
  await db.run(`CREATE SCHEMA ${DATASET}`);
  const columns = SUMMARY_FIELDS.map(
    (field) => `"${field.name}" ${DUCKDB_TYPE[field.type as BigQueryType]}`,
  ).join(', ');
  await db.run(`CREATE TABLE ${DATASET}.kpi_summary (${columns})`);
  await db.run(`CREATE TABLE ${DATASET}.raw_kpi_summary (${columns})`);
  // The file as views.ts fills it in (views.ts itself imports .sql files, which only the bundler reads).
  const view = readFileSync(join(__dirname, '..', '..', 'sql', 'views', 'kpi_rows.sql'), 'utf8')
    .replace(/\{\{project\}\}/g, PROJECT)
    .replace(/\{\{dataset\}\}/g, DATASET)
    .trim();
  await db.run(`CREATE VIEW ${DATASET}.kpi_rows AS ${toDuckDbSql(view)}`);
});
afterAll(() => db.closeSync());

function values(row: Row): string {
  const money = (cents: number): string => (cents / 100).toFixed(2);
  const byName: Record<string, string> = {
    date: `DATE '${row.date}'`,
    channel: `'${row.channel}'`,
    sku: `'${row.sku}'`,
    units: String(row.units),
    orders: String(row.units),
    revenue: money(row.revenueCents),
    ad_spend: money(row.adSpendCents),
    category: "'(none)'",
    owner: "'(none)'",
  };
  return `(${SUMMARY_FIELDS.map((field) => byName[field.name] ?? (field.mode === 'REQUIRED' ? '0' : 'NULL')).join(', ')})`;
}

async function kpiRows(workbook: readonly Row[], folder: readonly Row[]) {
  await db.run(`DELETE FROM ${DATASET}.kpi_summary`);
  await db.run(`DELETE FROM ${DATASET}.raw_kpi_summary`);
  if (workbook.length > 0)
    await db.run(`INSERT INTO ${DATASET}.kpi_summary VALUES ${workbook.map(values).join(', ')}`);
  if (folder.length > 0)
    await db.run(`INSERT INTO ${DATASET}.raw_kpi_summary VALUES ${folder.map(values).join(', ')}`);
  const read = await db.runAndReadAll(
    `SELECT CAST("date" AS VARCHAR) AS day, channel, sku, units, CAST(revenue AS VARCHAR) AS revenue,
      CAST(ad_spend AS VARCHAR) AS ad_spend, source FROM ${DATASET}.kpi_rows`,
  );
  return read.getRowObjectsJson() as {
    day: string;
    channel: string;
    sku: string;
    units: string;
    revenue: string;
    ad_spend: string;
    source: string;
  }[];
}

const row = fc.record({
  date: fc.constantFrom('2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'),
  channel: fc.constantFrom('amazon', 'shopify', 'walmart'),
  sku: fc.constantFrom('MUG-01', 'LAMP-3', '00501', ''),
  units: fc.integer({ min: 0, max: 9 }),
  revenueCents: fc.integer({ min: 0, max: 100_000 }),
  adSpendCents: fc.integer({ min: 0, max: 5_000 }),
});
/** One export's KPI rows: one row per day × channel × SKU, as both the KPI Summary and raw_kpi_summary have. */
const exportRows = fc.uniqueArray(row, {
  selector: (r) => `${r.date}|${r.channel}|${r.sku}`,
  maxLength: 30,
});

const total = (rows: readonly { revenue: string | number }[]): number =>
  Math.round(rows.reduce((sum, r) => sum + Number(r.revenue) * 100, 0));

describe('kpi_rows: the workbook and the Drive folder as one, nothing counted twice', () => {
  it('a day × channel the KPI Summary holds shows only its rows; the folder fills the others (hand-worked)', async () => {
    const rows = await kpiRows(
      [
        {
          date: '2026-03-02',
          channel: 'amazon',
          sku: 'MUG-01',
          units: 2,
          revenueCents: 4000,
          adSpendCents: 0,
        },
      ],
      [
        // The same sale in the folder: left out, the workbook holds amazon on 2026-03-02.
        {
          date: '2026-03-02',
          channel: 'amazon',
          sku: 'MUG-01',
          units: 2,
          revenueCents: 4000,
          adSpendCents: 0,
        },
        // Another SKU of that day and channel: left out too (the day is the workbook's for the channel as a whole).
        {
          date: '2026-03-02',
          channel: 'amazon',
          sku: 'LAMP-3',
          units: 1,
          revenueCents: 4550,
          adSpendCents: 310,
        },
        // Another channel that day, and amazon another day: the folder's.
        {
          date: '2026-03-02',
          channel: 'shopify',
          sku: 'MUG-01',
          units: 1,
          revenueCents: 2400,
          adSpendCents: 0,
        },
        {
          date: '2026-03-03',
          channel: 'amazon',
          sku: 'MUG-01',
          units: 1,
          revenueCents: 1999,
          adSpendCents: 125,
        },
      ],
    );
    expect(rows.map((r) => `${r.day} ${r.channel} ${r.sku} ${r.revenue} ${r.source}`).sort()).toEqual([
      '2026-03-02 amazon MUG-01 40.000000000 workbook',
      '2026-03-02 shopify MUG-01 24.000000000 drive_folder',
      '2026-03-03 amazon MUG-01 19.990000000 drive_folder',
    ]);
    // 40.00 + 24.00 + 19.99
    expect(total(rows)).toBe(8399);
  });

  it('property: the same export both pasted (any of its days × channels) and in the folder totals as the export alone', async () => {
    await fc.assert(
      fc.asyncProperty(exportRows, fc.func(fc.boolean()), async (rows, pasted) => {
        const held = rows.filter((r) => pasted(`${r.date}|${r.channel}`));
        const result = await kpiRows(held, rows);
        expect(total(result)).toBe(total(rows.map((r) => ({ revenue: r.revenueCents / 100 }))));
        expect(result).toHaveLength(rows.length);
        // Each day × channel comes from one source only.
        const sources = new Map<string, Set<string>>();
        for (const r of result) {
          const key = `${r.day}|${r.channel}`;
          sources.set(key, (sources.get(key) ?? new Set()).add(r.source));
        }
        for (const set of sources.values()) expect(set.size).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it('property: whatever both hold, each day × channel the workbook has keeps exactly the workbook rows', async () => {
    await fc.assert(
      fc.asyncProperty(exportRows, exportRows, async (workbook, folder) => {
        const result = await kpiRows(workbook, folder);
        const workbookDays = new Set(workbook.map((r) => `${r.date}|${r.channel}`));
        const expected = [...workbook, ...folder.filter((r) => !workbookDays.has(`${r.date}|${r.channel}`))];
        expect(total(result)).toBe(total(expected.map((r) => ({ revenue: r.revenueCents / 100 }))));
        expect(result.filter((r) => r.source === 'workbook')).toHaveLength(workbook.length);
      }),
      { numRuns: 60 },
    );
  });
});
