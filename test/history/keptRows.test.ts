import fc from 'fast-check';
import {
  type FrozenRowsWritten,
  frozenRowsWrittenOf,
  frozenRowsWrittenText,
  headerHash,
  isRowAsWritten,
  mayKeepFrozenRows,
} from '../../src/core/history/keptRows';
import { isoDateInZone } from '../../src/core/time';

const WRITTEN: FrozenRowsWritten = { through: '2026-03-02', rows: 6, header: '007659eb', day: '2026-11-29' };

describe('the record of the KPI Summary frozen rows written (Settings kpi_summary_frozen_written)', () => {
  it('reads back what it writes, and nothing else', () => {
    expect(frozenRowsWrittenText(WRITTEN)).toBe(
      'through 2026-03-02 · rows 6 · header 007659eb · written 2026-11-29',
    );
    expect(frozenRowsWrittenOf(frozenRowsWrittenText(WRITTEN))).toEqual(WRITTEN);
    for (const text of [
      '',
      'through 2026-03-02 · rows 6',
      'yes',
      'through 2026-03-02 · rows six · header 007659eb · written 2026-11-29',
    ])
      expect(frozenRowsWrittenOf(text)).toBeNull();
  });

  it('round-trips any record (fast-check)', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.nat(10_000_000), fc.array(fc.string()), day, (through, rows, header, written) => {
        const record = { through, rows, header: headerHash(header), day: written };
        expect(frozenRowsWrittenOf(frozenRowsWrittenText(record))).toEqual(record);
      }),
    );
  });

  it('tells headers apart, including a column appended by a later release', () => {
    const header = ['date', 'channel', 'sku', 'units'];
    expect(headerHash(header)).toMatch(/^[0-9a-f]{8}$/);
    expect(headerHash(header)).toBe(headerHash([...header]));
    expect(headerHash([...header, 'returned_units'])).not.toBe(headerHash(header));
    expect(headerHash(['date', 'channel', 'units', 'sku'])).not.toBe(headerHash(header));
  });

  it('keeps the frozen rows only for the same history, header and reporting day as the last whole write', () => {
    expect(mayKeepFrozenRows(WRITTEN, { ...WRITTEN })).toBe(true);
    expect(mayKeepFrozenRows(null, WRITTEN)).toBe(false);
    expect(mayKeepFrozenRows(WRITTEN, { ...WRITTEN, through: '2026-03-01' })).toBe(false);
    expect(mayKeepFrozenRows(WRITTEN, { ...WRITTEN, rows: 7 })).toBe(false);
    expect(mayKeepFrozenRows(WRITTEN, { ...WRITTEN, header: '00000000' })).toBe(false);
    // The first build of the next reporting day writes everything again.
    expect(mayKeepFrozenRows(WRITTEN, { ...WRITTEN, day: '2026-11-30' })).toBe(false);
    expect(mayKeepFrozenRows({ ...WRITTEN, rows: 0 }, { ...WRITTEN, rows: 0 })).toBe(false);
  });
});

describe('a KPI Summary row read back is the row written', () => {
  const written = ['2026-03-02', 'amazon', '00501', 1, 12.99, '(none)', ''];
  const losAngeles = (date: Date): string => isoDateInZone(date.getTime(), 'America/Los_Angeles');
  const shanghai = (date: Date): string => isoDateInZone(date.getTime(), 'Asia/Shanghai');

  it('reads a date cell as the day it shows in the spreadsheet zone', () => {
    // Midnight of 2026-03-02 in Los Angeles, as Sheets turns the written text into a date there.
    const read = [new Date('2026-03-02T08:00:00Z'), 'amazon', '00501', 1, 12.99, '(none)', ''];
    expect(isRowAsWritten(read, written, losAngeles)).toBe(true);
    // The same instant is already the 2nd at 16:00 in Shanghai; midnight of the 2nd there is the 1st 16:00 UTC.
    expect(isRowAsWritten([new Date('2026-03-01T16:00:00Z'), ...read.slice(1)], written, shanghai)).toBe(
      true,
    );
    expect(isRowAsWritten([new Date('2026-03-01T16:00:00Z'), ...read.slice(1)], written, losAngeles)).toBe(
      false,
    );
  });

  it('refuses any other cell, a wider or narrower row, and an invalid date', () => {
    const read = [new Date('2026-03-02T08:00:00Z'), 'amazon', '00501', 1, 12.99, '(none)', ''];
    expect(isRowAsWritten([...read.slice(0, 2), '501', ...read.slice(3)], written, losAngeles)).toBe(false);
    expect(isRowAsWritten([...read.slice(0, 4), 12.98, ...read.slice(5)], written, losAngeles)).toBe(false);
    expect(isRowAsWritten([...read.slice(0, 6), 0], written, losAngeles)).toBe(false);
    expect(isRowAsWritten(read.slice(0, 6), written, losAngeles)).toBe(false);
    expect(isRowAsWritten([...read, ''], written, losAngeles)).toBe(false);
    expect(isRowAsWritten([new Date(NaN), ...read.slice(1)], written, losAngeles)).toBe(false);
  });
});
