/**
 * SPEC §2a "Dates that could be day-first" (issue 9, item 8): a column of numeric days is read day-first or
 * month-first as a whole, decided by its values, else by the report's documented format, else each ambiguous value is
 * a Data Issue.
 */
import { decideDayOrder, parseMoment } from '../../src/core/parse';
import { SheetReader } from '../../src/core/reports/sheetReader';
import { type Detection, type ReportType } from '../../src/core/reports/types';

const LOS_ANGELES = { reportingTimeZone: 'America/Los_Angeles', spreadsheetTimeZone: 'America/Los_Angeles' };

describe('a column of numeric days is read day-first or month-first as a whole', () => {
  function readDays(type: ReportType, days: string[]) {
    const rows = [['Order ID', 'Created Time'], ...days.map((day, index) => [`O-${index}`, day])];
    const detection: Detection = { type, confidence: 1, headerRowIndex: 0 };
    const reader = new SheetReader(rows, detection, { sheetName: 'Orders', period: null, ...LOS_ANGELES });
    const read: (string | null)[] = [];
    for (const dataRow of reader.dataRows()) {
      const row = reader.row(dataRow, 0);
      read.push(row.moment(1)?.date ?? null);
    }
    return { read, issues: reader.result().issues };
  }

  it('SEA 25/06/2026 makes 05/06/2026 in the same column June 5, not May 6', () => {
    const { read, issues } = readDays('tiktok-orders', ['25/06/2026 13:03:57', '05/06/2026 09:00:00']);
    expect(read).toEqual(['2026-06-25', '2026-06-05']);
    expect(issues).toEqual([]);
  });

  it('06/25/2026 makes 05/06/2026 in the same column May 6', () => {
    expect(readDays('amazon-settlement-v2', ['06/25/2026', '05/06/2026']).read).toEqual([
      '2026-06-25',
      '2026-05-06',
    ]);
  });

  it('a column its values cannot decide follows the report’s documented format (TikTok Shop US: month-first)', () => {
    expect(readDays('tiktok-orders', ['03/01/2026 10:00:00 AM', '03/02/2026 11:00:00 AM']).read).toEqual([
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('when neither values nor report decide, each ambiguous row is a Data Issue (05/05/2026 is not ambiguous)', () => {
    const { read, issues } = readDays('amazon-settlement-v2', ['05/06/2026', '05/05/2026', '2026-05-07']);
    expect(read).toEqual([null, '2026-05-05', '2026-05-07']);
    expect(issues.map((issue) => [issue.row, issue.reason.key, issue.reason.params?.value])).toEqual([
      [2, 'issue.ambiguousDate', '05/06/2026'],
    ]);
  });

  it('decideDayOrder: a first part above 12 decides day-first; values that say both leave it to the report', () => {
    expect(decideDayOrder(['05/06/2026', '25/06/2026'], 'monthFirst')).toBe('dayFirst');
    expect(decideDayOrder(['06/25/2026', '25/06/2026'], 'monthFirst')).toBe('monthFirst');
    expect(decideDayOrder(['06/25/2026', '25/06/2026'], null)).toBeNull();
    // A typo no order can read says nothing: 4/29/2026 stays April 29 beside 13/45/2026.
    expect(decideDayOrder(['4/29/2026', '13/45/2026'], null)).toBe('monthFirst');
    expect(decideDayOrder(['06/25/2026', '2026-06-25'], null)).toBe('monthFirst');
    expect(decideDayOrder(['05/06/2026', 'Jun 5, 2026'], null)).toBeNull();
  });

  it('a lone value keeps its old reading: month-first unless impossible', () => {
    expect(parseMoment('25/06/2026', LOS_ANGELES)).toMatchObject({ ok: true, value: { date: '2026-06-25' } });
    expect(parseMoment('05/06/2026', LOS_ANGELES)).toMatchObject({ ok: true, value: { date: '2026-05-06' } });
  });
});
