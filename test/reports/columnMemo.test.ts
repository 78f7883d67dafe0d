/**
 * The row reader remembers what the general readers made of each distinct text of a column (issue 4: speed). These
 * tests hold it to reading every row as if nothing were remembered: a repeated bad text is reported on every row, and
 * a column with more distinct texts than the memo keeps still reads each one right.
 */
import { type AdFact } from '../../src/core/model';
import { parseDecimal, parseMoment } from '../../src/core/parse';
import { readSource } from '../../src/core/reports';
import { contextFor } from './helpers';

const HEADER = [
  'Date',
  'Campaign Name',
  'Ad Group Name',
  'Advertised SKU',
  'Impressions',
  'Clicks',
  'Spend',
  'Start Date',
  'End Date',
  'Portfolio name',
  'Currency',
  'Advertised ASIN',
  'Click-Thru Rate (CTR)',
  'Cost Per Click (CPC)',
  '7 Day Total Sales',
  'Total Advertising Cost of Sales (ACOS)',
  'Total Return on Advertising Spend (ROAS)',
  '7 Day Total Orders (#)',
  '7 Day Total Units (#)',
  '7 Day Conversion Rate',
];

function adRows(count: number, row: (index: number) => string[]): string[][] {
  return [HEADER, ...Array.from({ length: count }, (_, index) => row(index))];
}

function readAds(rows: string[][]) {
  const read = readSource(rows, contextFor('SP advertised product'));
  if (!read) throw new Error('not recognised');
  return read.result;
}

describe('the column memo of the row reader', () => {
  it('reports a repeated unreadable text on every row it is in, and reads a repeated good text on every row', () => {
    const rows = adRows(4, (index) => [
      index % 2 === 0 ? 'Sep 01, 2026' : 'Sep 31, 2026',
      'Campaign',
      'Group',
      `SKU-${index}`,
      '1,204',
      '3',
      index < 2 ? '$1.50' : 'n/a',
    ]);
    const result = readAds(rows);
    expect(result.issues.map((issue) => [issue.row, issue.reason.key, issue.reason.params?.value])).toEqual([
      [3, 'issue.notADate', 'Sep 31, 2026'],
      [4, 'issue.notANumber', 'n/a'],
      [5, 'issue.notADate', 'Sep 31, 2026'],
    ]);
    expect(result.facts.map((fact) => [(fact as AdFact).date, (fact as AdFact).spend])).toEqual([
      ['2026-09-01', 1.5],
    ]);
  });

  it('reads every text right in a column of more distinct texts than it remembers', () => {
    const count = 6000;
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const day = (index: number): string => {
      const date = new Date(Date.UTC(2010, 0, 1 + index));
      const dayOfMonth = String(date.getUTCDate()).padStart(2, '0');
      return `${months[date.getUTCMonth()] ?? ''} ${dayOfMonth}, ${date.getUTCFullYear()}`;
    };
    const spend = (index: number): string => `$${(index / 100).toFixed(2)}`;
    const rows = adRows(count, (index) => [
      day(index),
      'Campaign',
      'Group',
      'SKU-1',
      '10',
      '1',
      spend(index),
    ]);
    const facts = readAds(rows).facts as AdFact[];
    expect(facts).toHaveLength(count);
    const zones = contextFor('SP advertised product');
    facts.forEach((fact, index) => {
      const moment = parseMoment(day(index), zones);
      const amount = parseDecimal(spend(index));
      expect(moment.ok && moment.value?.date).toBe(fact.date);
      expect(amount.ok && amount.value).toBe(fact.spend);
    });
  });
});
