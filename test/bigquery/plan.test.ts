/**
 * The pure parts of the BigQuery load (src/bigquery/load.ts, schema.ts, scripts/build.ts): which days a build
 * replaces, how the upload is cut, how numbers are sent as NUMERIC, and the two manifests.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planLoad, uploadPieces } from '../../src/bigquery/load';
import { decimalText, fingerprintOf, type LoadedTableName, type LoadRow } from '../../src/bigquery/schema';
import { bigQueryManifest } from '../../scripts/build';
import { bigQueryDist } from './workbook';

const ROOT = join(__dirname, '..', '..');

function stateKey(table: string, day: string): string {
  return `${table}\u0000${day}`;
}

function summaryRow(date: string, sku: string, revenue: string): LoadRow {
  return { date, sku, revenue };
}

describe('planLoad: the days a build replaces', () => {
  it('replaces a changed day, keeps an unchanged one, empties a day that lost its rows, never touches a day it does not hold', () => {
    const rows = new Map<LoadedTableName, LoadRow[]>([
      ['kpi_summary', [summaryRow('2026-01-01', 'A', '10'), summaryRow('2026-01-02', 'A', '12')]],
      ['order_lines', [{ date: '2026-01-01', sku: 'A' }]],
    ]);
    const loaded = new Map([
      [
        stateKey('kpi_summary', '2026-01-01'),
        fingerprintOf([JSON.stringify(summaryRow('2026-01-01', 'A', '10'))]),
      ],
      [
        stateKey('kpi_summary', '2026-01-02'),
        fingerprintOf([JSON.stringify(summaryRow('2026-01-02', 'A', '11'))]),
      ],
      [
        stateKey('order_lines', '2026-01-01'),
        fingerprintOf([JSON.stringify({ date: '2026-01-01', sku: 'A' })]),
      ],
      // Ads were loaded for the 1st; the workbook has none now (the ads tab was corrected): the day is emptied.
      [stateKey('ad_rows', '2026-01-01'), fingerprintOf(['{"date":"2026-01-01"}'])],
      // A day the workbook no longer holds (its exports were deleted after freezing): left alone.
      [stateKey('order_lines', '2025-12-01'), fingerprintOf(['{"date":"2025-12-01"}'])],
    ]);
    const plan = planLoad(rows, loaded, '2026-03-02T00:00:00.000Z');
    expect(plan.tables.map((table) => [table.name, table.days, table.rows.length])).toEqual([
      ['kpi_summary', ['2026-01-02'], 1],
      ['ad_rows', ['2026-01-01'], 0],
    ]);
    expect(plan.stateRows.map((line) => JSON.parse(line) as Record<string, string>)).toEqual([
      expect.objectContaining({ table_name: 'kpi_summary', day: '2026-01-02', row_count: '1' }),
      expect.objectContaining({
        table_name: 'ad_rows',
        day: '2026-01-01',
        row_count: '0',
        fingerprint: fingerprintOf([]),
      }),
    ]);
  });

  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`);
  const row = fc.record({
    date: day,
    sku: fc.constantFrom('A', 'B', 'C'),
    revenue: fc.integer({ min: 0, max: 9999 }).map(String),
  });
  const build = fc.record({
    kpi: fc.array(row, { maxLength: 30 }),
    orders: fc.array(row, { maxLength: 30 }),
  });
  const asRows = (b: { kpi: LoadRow[]; orders: LoadRow[] }) =>
    new Map<LoadedTableName, LoadRow[]>([
      ['kpi_summary', b.kpi],
      ['order_lines', b.orders],
    ]);
  const applied = (plan: ReturnType<typeof planLoad>, loaded: Map<string, string>): Map<string, string> => {
    const next = new Map(loaded);
    for (const line of plan.stateRows) {
      const state = JSON.parse(line) as { table_name: string; day: string; fingerprint: string };
      next.set(stateKey(state.table_name, state.day), state.fingerprint);
    }
    return next;
  };

  it('is idempotent: after a load, the same build replaces nothing (any rows, any order)', () => {
    fc.assert(
      fc.property(build, (b) => {
        const first = planLoad(asRows(b), new Map(), 't');
        const reordered = { kpi: [...b.kpi].reverse(), orders: [...b.orders].reverse() };
        expect(planLoad(asRows(reordered), applied(first, new Map()), 't').tables).toEqual([]);
      }),
    );
  });

  it('replaces exactly the held days whose rows differ from what was loaded', () => {
    fc.assert(
      fc.property(build, build, (before, after) => {
        const loaded = applied(planLoad(asRows(before), new Map(), 't'), new Map());
        const plan = planLoad(asRows(after), loaded, 't');
        const rowsOn = (rows: LoadRow[], d: string) =>
          rows
            .filter((r) => r.date === d)
            .map((r) => JSON.stringify(r))
            .sort();
        for (const [name, key] of [
          ['kpi_summary', 'kpi'],
          ['order_lines', 'orders'],
        ] as const) {
          const replaced = new Set(plan.tables.find((t) => t.name === name)?.days ?? []);
          const held = new Set(after[key].map((r) => String(r.date)));
          for (const d of new Set([...before[key], ...after[key]].map((r) => String(r.date)))) {
            const differs = JSON.stringify(rowsOn(before[key], d)) !== JSON.stringify(rowsOn(after[key], d));
            // Held by its group (the KPI Summary's days, or any fact table's days) and different: replaced.
            const groupHeld = name === 'kpi_summary' ? held.has(d) : after.orders.some((r) => r.date === d);
            expect([name, d, replaced.has(d)]).toEqual([name, d, groupHeld && differs]);
          }
        }
      }),
    );
  });
});

describe('uploadPieces', () => {
  it('cuts lines into pieces within the limit, losing and reordering nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 60 }),
        fc.integer({ min: 8, max: 200 }),
        (lines, limit) => {
          const pieces = uploadPieces(lines, limit);
          expect(pieces.flatMap((piece) => piece.split('\n'))).toEqual(lines.length === 0 ? [] : lines);
          for (const piece of pieces) {
            const lines = piece.split('\n');
            const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line, 'utf8') + 1, 0);
            // Over the limit only when one line alone is.
            if (lines.length > 1) expect(bytes).toBeLessThanOrEqual(limit);
          }
        },
      ),
    );
  });
});

describe('decimalText: numbers as NUMERIC text', () => {
  it('writes cents exactly and any double within NUMERIC scale (9 decimals), never an exponent', () => {
    expect(decimalText(0.1 + 0.2)).toBe('0.3');
    expect(decimalText(10.075)).toBe('10.075');
    expect(decimalText(-0)).toBe('0');
    expect(() => decimalText(1e21)).toThrow('Not an amount');
    expect(() => decimalText(Number.NaN)).toThrow('Not an amount');
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => {
        expect(Number(decimalText(cents / 100))).toBe(cents / 100);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (value) => {
        const text = decimalText(value);
        expect(text).toMatch(/^-?\d+(\.\d{1,9})?$/);
        expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(5e-10 * Math.max(1, Math.abs(value)));
      }),
    );
  });
});

describe('manifests', () => {
  const repoManifest = readFileSync(join(ROOT, 'appsscript.json'), 'utf8');

  it('the default build copies appsscript.json byte for byte: no BigQuery service, no BigQuery scope', () => {
    expect(readFileSync(join(ROOT, 'dist', 'appsscript.json'), 'utf8')).toBe(repoManifest);
    expect(repoManifest).not.toMatch(/bigquery/i);
  });

  it('the default bundle leaves the BigQuery code out (load, views, staging SQL); the flavour carries it', async () => {
    // Markers of what only the flavour needs: the views' SQL, the load's state table, the client, the load jobs.
    const markers = ['SAFE_DIVIDE', '_seller_kpi_load_state', 'BigQueryClient', 'WRITE_TRUNCATE'];
    const defaultBundle = readFileSync(join(ROOT, 'dist', 'main.js'), 'utf8');
    const flavourBundle = readFileSync(join(await bigQueryDist(), 'main.js'), 'utf8');
    for (const marker of markers) {
      expect([marker, defaultBundle.includes(marker)]).toEqual([marker, false]);
      expect([marker, flavourBundle.includes(marker)]).toEqual([marker, true]);
    }
    // What the flavour adds is most of its size difference, not a rounding error (measured: 456 KB against 545 KB).
    expect(flavourBundle.length - defaultBundle.length).toBeGreaterThan(50_000);
  });

  it('the --bigquery flavour adds the advanced service and the scope, and keeps everything else', () => {
    const flavour = JSON.parse(bigQueryManifest(repoManifest)) as Record<string, unknown>;
    const original = JSON.parse(repoManifest) as Record<string, unknown>;
    expect(flavour['dependencies']).toEqual({
      enabledAdvancedServices: [{ userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' }],
    });
    // Every scope of the default add-on, then the BigQuery scope (the Drive-folder path of item 4 may add its own).
    const scopes = flavour['oauthScopes'] as string[];
    const originalScopes = original['oauthScopes'] as string[];
    expect(scopes.slice(0, originalScopes.length)).toEqual(originalScopes);
    expect(scopes).toContain('https://www.googleapis.com/auth/bigquery');
    const { dependencies: _d, oauthScopes: _s, ...rest } = flavour;
    const { oauthScopes: _o, ...originalRest } = original;
    expect(rest).toEqual(originalRest);
  });
});
