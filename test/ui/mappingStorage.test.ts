/**
 * Mappings survive the 9 KB-per-value cap of document properties: whatever is saved (dozens of sheets, Chinese and
 * emoji names, long headers) comes back identical, and no value written is ever over the cap.
 */
import fc from 'fast-check';
import {
  decodeMappings,
  encodeMappings,
  isMappingKey,
  MAPPINGS_INDEX_KEY,
  MAX_PROPERTY_VALUE_BYTES,
  type SheetMapping,
  splitByUtf8Bytes,
  staleMappingKeys,
  type StatedPeriod,
  utf8Length,
} from '../../src/core/mapping';
import { fieldsOf, MAPPING_KINDS } from '../../src/core/mapping/fields';
import { CHANNELS } from '../../src/core/model';
import { normaliseHeader } from '../../src/core/parse';

// Mappings store headers normalised as detection compares them (src/core/parse normaliseHeader).
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 });
const isoDay = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const mappingArbitrary: fc.Arbitrary<SheetMapping> = fc
  .record({
    sheetId: fc.integer({ min: 0, max: 2_000_000_000 }),
    sheetName: text,
    kind: fc.constantFrom(...MAPPING_KINDS),
    channel: fc.constantFrom(...CHANNELS),
    headerRow: fc.integer({ min: 1, max: 15 }),
    from: isoDay,
    to: isoDay,
    headers: fc.array(
      text.map((header) => normaliseHeader(header)).filter((header) => header !== ''),
      {
        minLength: 10,
        maxLength: 10,
      },
    ),
  })
  .map(({ sheetId, sheetName, kind, channel, headerRow, from, to, headers }) => {
    const columns: SheetMapping['columns'] = {};
    fieldsOf(kind).forEach((field, index) => {
      const header = headers[index];
      if (header) columns[field.id] = header;
    });
    const period = kind === 'periodTraffic' || kind === 'inventory' ? { from, to } : null;
    return { sheetId, sheetName, kind, channel, headerRow, columns, period };
  });

const periodArbitrary: fc.Arbitrary<StatedPeriod> = fc
  .record({ sheetId: fc.integer({ min: 0, max: 2_000_000_000 }), sheetName: text, a: isoDay, b: isoDay })
  .map(({ sheetId, sheetName, a, b }) => ({
    sheetId,
    sheetName,
    period: a <= b ? { from: a, to: b } : { from: b, to: a },
  }));

describe('mapping storage in document properties', () => {
  it('round-trips any set of dozens of mappings, with every value under 9 KB', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(mappingArbitrary, {
          minLength: 0,
          maxLength: 60,
          selector: (mapping) => mapping.sheetId,
        }),
        fc.uniqueArray(periodArbitrary, { maxLength: 10, selector: (stated) => stated.sheetId }),
        (mappings, periods) => {
          const properties = encodeMappings({ mappings, periods });
          for (const value of Object.values(properties)) {
            expect(utf8Length(value)).toBeLessThanOrEqual(MAX_PROPERTY_VALUE_BYTES);
          }
          expect(Object.keys(properties).every(isMappingKey)).toBe(true);
          const decoded = decodeMappings(properties);
          expect(decoded.problems).toEqual([]);
          expect(decoded.mappings).toEqual(mappings);
          expect(decoded.periods).toEqual(periods);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('needs several chunks for 60 mappings with long Chinese headers, and reads them back', () => {
    const longHeader = '已订购商品销售额（含税，美元）'.repeat(6);
    const mappings: SheetMapping[] = Array.from({ length: 60 }, (_, index) => ({
      sheetId: index,
      sheetName: `订单导出 ${index}`,
      kind: 'orders',
      channel: 'amazon',
      headerRow: 1,
      columns: {
        orderId: `${longHeader} a`,
        sku: `${longHeader} b`,
        date: `${longHeader} c`,
        quantity: 'qty',
        revenue: 'rev',
      },
      period: null,
    }));
    const properties = encodeMappings({ mappings, periods: [] });
    expect(Object.keys(properties).length).toBeGreaterThan(4);
    expect(decodeMappings(properties).mappings).toEqual(mappings);
  });

  it('lists the chunks of a longer earlier save for deletion, and never the index or unrelated keys', () => {
    const many = encodeMappings({
      mappings: Array.from({ length: 40 }, (_, index) => ({
        sheetId: index,
        sheetName: '销售'.repeat(100),
        kind: 'returns' as const,
        channel: 'walmart' as const,
        headerRow: 1,
        columns: { sku: 'sku', date: 'date', quantity: 'qty' },
        period: null,
      })),
      periods: [],
    });
    const few = encodeMappings({ mappings: [], periods: [] });
    const stale = staleMappingKeys([...Object.keys(many), 'lastRun', 'sellerKpi.schedule'], few);
    expect(stale.length).toBe(Object.keys(many).length - Object.keys(few).length);
    expect(stale).not.toContain(MAPPINGS_INDEX_KEY);
    expect(stale).not.toContain('lastRun');
  });

  it('refuses torn storage instead of half-reading it', () => {
    const properties = encodeMappings({
      mappings: Array.from({ length: 30 }, (_, index) => ({
        sheetId: index,
        sheetName: 'x'.repeat(500),
        kind: 'ads' as const,
        channel: 'amazon' as const,
        headerRow: 1,
        columns: { date: 'date', campaign: 'campaign', sku: 'sku', spend: 'spend' },
        period: null,
      })),
      periods: [],
    });
    const { ['sellerKpi.mappings.1']: _dropped, ...torn } = properties;
    const decoded = decodeMappings(torn);
    expect(decoded.mappings).toEqual([]);
    expect(decoded.problems).toEqual(['Mapping chunk 1 is missing']);
  });

  it('splits text on characters, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.integer({ min: 4, max: 64 }),
        (value, max) => {
          const pieces = splitByUtf8Bytes(value, max);
          expect(pieces.join('')).toBe(value);
          for (const piece of pieces) {
            expect(utf8Length(piece)).toBeLessThanOrEqual(max);
            expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(piece)).toBe(false);
          }
          expect(utf8Length(value)).toBe(Buffer.byteLength(value, 'utf8'));
        },
      ),
    );
  });
});
