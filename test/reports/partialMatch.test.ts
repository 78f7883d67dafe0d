/**
 * A partial header match (issue 14): a header with under half of an export's signature columns only looks like that
 * export. It is listed ("looks like … (n of m columns): map it to use it") and not counted until the user maps it or
 * confirms it; a confirmed one counts exactly as a full match.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type CellGrid } from '../../src/core/cell';
import { translate } from '../../src/core/i18n';
import {
  confirmationHolds,
  decodeMappings,
  encodeMappings,
  forgetSheet,
  headerFingerprint,
  type PartialConfirmation,
  upsertConfirmation,
  upsertMapping,
  upsertPeriod,
} from '../../src/core/mapping';
import {
  detectReport,
  isPartialMatch,
  PARTIAL_MATCH_BELOW,
  readSource,
  reportDefinition,
} from '../../src/core/reports';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { detectKnownReport, runPipeline, type SourceGrid } from '../../src/core/summary/pipeline';
import { contextFor, FIXTURES } from './helpers';

const REQUIRED = ['amazon-order-id', 'purchase-date', 'sku', 'quantity', 'item-price'];
/** Five of All Orders' 17 signature columns: the issue's ERP table, 5 / 17 = 29%. */
const FIVE_SIGNATURE = ['order-status', 'currency', 'asin', 'product-name', 'ship-country'];
const ERP_HEADER = [...REQUIRED, ...FIVE_SIGNATURE, '仓库'];
const ERP_ROWS: CellGrid = [
  ERP_HEADER,
  [
    '111-0000001-0000001',
    '2026-03-02T18:00:00Z',
    'MUG-01',
    '2',
    '39.98',
    'Shipped',
    'USD',
    'B0M',
    'Mug',
    'US',
    '深圳',
  ],
  [
    '111-0000002-0000002',
    '2026-03-03T18:00:00Z',
    'CUP-02',
    '1',
    '12.50',
    'Shipped',
    'USD',
    'B0C',
    'Cup',
    'US',
    '深圳',
  ],
];

function pipeline(sources: SourceGrid[], language: 'en' | 'zh' = 'en') {
  return runPipeline({
    sources,
    costsRows: null,
    settings: { ...DEFAULT_SETTINGS },
    spreadsheetTimeZone: 'America/Los_Angeles',
    detect: detectKnownReport,
    language,
  });
}

describe('the partial-match cut-off', () => {
  it('is half of the signature columns, and every real-format export in the fixtures and samples is above it', () => {
    expect(PARTIAL_MATCH_BELOW).toBe(0.5);
    const folders = [FIXTURES, join(__dirname, '..', '..', 'samples')];
    const scores: number[] = [];
    for (const folder of folders) {
      for (const file of readdirSync(folder).filter((name) => /\.(csv|txt)$/.test(name))) {
        const detection = detectReport(readExportFile(join(folder, file)));
        if (!detection) continue; // Costs.csv and Settings.csv are no exports
        expect([file, isPartialMatch(detection)]).toEqual([file, false]);
        scores.push(detection.confidence);
      }
    }
    expect(scores.length).toBeGreaterThanOrEqual(45);
    // The lowest real export: the Sponsored Brands unified campaign report, 4 of 7 signature columns.
    expect(Math.min(...scores)).toBeCloseTo(4 / 7, 10);
  });

  it('the issue’s ERP table (5 of 17 columns, 29%) is a partial match of All Orders, and is not read', () => {
    const detection = detectReport(ERP_ROWS);
    expect(detection).toMatchObject({ type: 'amazon-all-orders', signature: { found: 5, total: 17 } });
    expect(detection?.confidence).toBeCloseTo(0.294, 3);
    expect(detection && isPartialMatch(detection)).toBe(true);
    expect(readSource(ERP_ROWS, contextFor('ERP'))).toBeNull();
  });

  it('at the boundary: 7 of 14 Sponsored Products columns (50%) count, 6 of 14 (43%) do not', () => {
    const definition = reportDefinition('amazon-sp-advertised-product');
    const signature = definition?.signatureHeaders ?? [];
    expect(signature).toHaveLength(14);
    const header = (found: number): string[] => [
      ...(definition?.requiredHeaders ?? []),
      ...signature.slice(0, found),
    ];
    const atHalf = detectReport([header(7)]);
    expect(atHalf).toMatchObject({
      type: 'amazon-sp-advertised-product',
      signature: { found: 7, total: 14 },
    });
    expect(atHalf && isPartialMatch(atHalf)).toBe(false);
    const below = detectReport([header(6)]);
    expect(below).toMatchObject({ type: 'amazon-sp-advertised-product', signature: { found: 6, total: 14 } });
    expect(below && isPartialMatch(below)).toBe(true);
  });

  it('for any set of All Orders signature columns: partial exactly when under half of them are there', () => {
    const signature = reportDefinition('amazon-all-orders')?.signatureHeaders ?? [];
    fc.assert(
      fc.property(fc.subarray([...signature]), (present) => {
        const detection = detectReport([[...REQUIRED, ...present]]);
        expect(detection?.type).toBe('amazon-all-orders');
        expect(detection?.signature).toEqual({ found: present.length, total: 17 });
        expect(detection && isPartialMatch(detection)).toBe(present.length * 2 < 17);
        const read = readSource([[...REQUIRED, ...present]], contextFor('any'));
        expect(read === null).toBe(present.length * 2 < 17);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a partial match in the build', () => {
  it('is listed in Data Issues with n of m and what to do, and none of its rows are counted', () => {
    const result = pipeline([{ sheetName: 'ERP orders', rows: ERP_ROWS }]);
    expect(result.summary.rows).toEqual([]);
    expect(result.rowsRead).toBe(0);
    expect(result.issues).toEqual([
      {
        sheet: 'ERP orders',
        row: 0,
        key: 'ERP orders',
        reason: {
          key: 'issue.partialMatch',
          params: { report: 'Amazon All Orders report', found: 5, total: 17, rows: 2 },
        },
      },
    ]);
    expect(result.sources[0]).toMatchObject({
      type: null,
      labelKey: 'report.amazonAllOrders',
      partial: { found: 5, total: 17 },
    });
    expect(result.issuesTable.rows[0]?.[3]).toBe(
      'Looks like Amazon All Orders report (5 of 17 columns): map it to use it. None of its 2 rows are counted ' +
        'until you map it, or confirm it is this export, with Seller KPI › Map sheets….',
    );
  });

  it('says so in Chinese', () => {
    const result = pipeline([{ sheetName: 'ERP', rows: ERP_ROWS }], 'zh');
    expect(result.issuesTable.rows[0]?.[3]).toBe(
      `看起来像${translate('zh', 'report.amazonAllOrders')}（17 列中有 5 列相符）：映射后才能使用。` +
        '在“卖家 KPI › 映射工作表…”中映射它或确认它就是这份报表之前，其中的 2 行均不计入。',
    );
  });

  it('once confirmed for its header, counts exactly as the full export with the same rows', () => {
    const detection = detectReport(ERP_ROWS);
    if (!detection) throw new Error('not detected');
    const confirmation = { type: detection.type, header: headerFingerprint(ERP_ROWS, 0) };
    const confirmed = pipeline([{ sheetName: 'ERP', rows: ERP_ROWS, partialCounted: confirmation }]);
    const always = pipeline([{ sheetName: 'ERP', rows: ERP_ROWS, partialCounted: 'always' }]);
    // The same rows under the full header (the other 12 signature columns blank) are a full match.
    const others = (reportDefinition('amazon-all-orders')?.signatureHeaders ?? []).filter(
      (name) => !FIVE_SIGNATURE.includes(name),
    );
    const full = pipeline([{ sheetName: 'ERP', rows: [[...ERP_HEADER, ...others], ...ERP_ROWS.slice(1)] }]);
    expect(full.summary.rows.length).toBe(2);
    // 2 × MUG-01 for 39.98 on March 2, 1 × CUP-02 for 12.50 on March 3 (Los Angeles days).
    expect(full.summary.rows.map((row) => [row.date, row.sku, row.units, row.revenue])).toEqual([
      ['2026-03-02', 'MUG-01', 2, 39.98],
      ['2026-03-03', 'CUP-02', 1, 12.5],
    ]);
    expect(confirmed.summary.rows).toEqual(full.summary.rows);
    expect(always.summary.rows).toEqual(full.summary.rows);
    expect(confirmed.issues.map((issue) => issue.reason.key)).not.toContain('issue.partialMatch');
  });

  it('a confirmation given for another header on that sheet does not count the new one', () => {
    const otherHeader: CellGrid = [[...ERP_HEADER.slice(0, -1), '利润'], ...ERP_ROWS.slice(1)];
    const detection = detectReport(otherHeader);
    if (!detection) throw new Error('not detected');
    const givenForOld = { type: detection.type, header: headerFingerprint(ERP_ROWS, 0) };
    expect(confirmationHolds(givenForOld, otherHeader, detection)).toBe(false);
    const result = pipeline([{ sheetName: 'ERP', rows: otherHeader, partialCounted: givenForOld }]);
    expect(result.summary.rows).toEqual([]);
    expect(result.issues[0]?.reason.key).toBe('issue.partialMatch');
  });
});

describe('the header fingerprint a confirmation is keyed by', () => {
  it('is the same for the same header anywhere, whatever its case, spaces and trailing blanks', () => {
    const moved: CellGrid = [
      ['Report of March'],
      [...ERP_HEADER.map((name) => ` ${name.toUpperCase()}`), '', ''],
    ];
    expect(headerFingerprint(moved, 1)).toBe(headerFingerprint(ERP_ROWS, 0));
    expect(headerFingerprint(ERP_ROWS, 0)).toMatch(/^11:[0-9a-f]{8}$/);
  });

  it('differs when a column is added, removed, renamed or moved', () => {
    const base = headerFingerprint([ERP_HEADER], 0);
    const variants = [
      [...ERP_HEADER, 'note'],
      ERP_HEADER.slice(0, -1),
      [...ERP_HEADER.slice(0, -1), '仓库名'],
      [ERP_HEADER[1] ?? '', ERP_HEADER[0] ?? '', ...ERP_HEADER.slice(2)],
    ];
    for (const header of variants) expect(headerFingerprint([header], 0)).not.toBe(base);
  });
});

describe('confirmations stored beside the mappings', () => {
  const confirmation: PartialConfirmation = {
    sheetId: 7,
    sheetName: 'ERP 订单',
    type: 'amazon-all-orders',
    header: '11:0123abcd',
  };
  const mapping = {
    sheetId: 7,
    sheetName: 'ERP 订单',
    kind: 'orders' as const,
    channel: 'amazon' as const,
    headerRow: 1,
    columns: { orderId: 'amazon-order-id', sku: 'sku', date: 'purchase-date', quantity: 'quantity' },
    period: null,
  };
  const period = { sheetId: 7, sheetName: 'ERP 订单', period: { from: '2026-03-01', to: '2026-03-31' } };

  it('round-trip through the document properties, and a document from before them reads as none', () => {
    const store = upsertConfirmation({ mappings: [], periods: [] }, confirmation);
    expect(decodeMappings(encodeMappings(store))).toEqual({
      mappings: [],
      periods: [],
      confirmations: [confirmation],
      problems: [],
    });
    const older = encodeMappings({ mappings: [], periods: [] });
    expect(decodeMappings(older).confirmations).toEqual([]);
  });

  it('an unreadable stored confirmation is skipped and said, never half-read', () => {
    const properties = encodeMappings({
      mappings: [],
      periods: [],
      confirmations: [confirmation, { ...confirmation, sheetId: 8, type: 'no-such-report' as never }],
    });
    const decoded = decodeMappings(properties);
    expect(decoded.confirmations).toEqual([confirmation]);
    expect(decoded.problems).toEqual(['Stored confirmation 1 is not readable and was skipped']);
  });

  it('a mapping replaces the confirmation, a stated period keeps it, forgetting the sheet drops it', () => {
    const confirmed = upsertConfirmation({ mappings: [], periods: [] }, confirmation);
    expect(upsertMapping(confirmed, mapping).confirmations).toEqual([]);
    expect(upsertPeriod(confirmed, period).confirmations).toEqual([confirmation]);
    expect(forgetSheet(confirmed, 7).confirmations).toEqual([]);
    expect(
      upsertConfirmation(upsertMapping({ mappings: [], periods: [] }, mapping), confirmation).mappings,
    ).toEqual([]);
  });
});
