/**
 * Fixture loading and the "typed paste" twin of a fixture: the same export as Sheets would store it after a paste with
 * conversion on (numbers as numbers, percents as fractions, days and zone-less times as Date cells at that wall clock
 * in the spreadsheet's zone, PLATFORM §9).
 */
import { join } from 'node:path';
import { readExportFile } from '../../scripts/lib/readExportFile';
import { type Cell, type CellGrid } from '../../src/core/cell';
import { cleanText, parseDecimal } from '../../src/core/parse';
import { readSource } from '../../src/core/reports';
import { type ParseContext } from '../../src/core/reports/types';
import { epochFromWallClock } from '../../src/core/time';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');

/**
 * Shopify's order-export columns, enough of them that a sheet is recognised as the whole export and not a partial
 * match: the tests' inline rows fill the first seven (Name … Lineitem sku).
 */
export const SHOPIFY_ORDERS_HEADER: readonly string[] = [
  'Name',
  'Financial Status',
  'Currency',
  'Created at',
  'Lineitem quantity',
  'Lineitem price',
  'Lineitem sku',
  'Email',
  'Paid at',
  'Fulfillment Status',
  'Subtotal',
  'Total',
  'Discount Code',
  'Lineitem name',
  'Lineitem discount',
  'Cancelled at',
  'Billing Name',
  'Shipping Name',
  'Vendor',
  'Id',
];

export function loadFixture(name: string): CellGrid {
  return readExportFile(join(FIXTURES, name));
}

export function contextFor(sheetName: string, overrides: Partial<ParseContext> = {}): ParseContext {
  return {
    sheetName,
    reportingTimeZone: 'America/Los_Angeles',
    spreadsheetTimeZone: 'America/Los_Angeles',
    period: null,
    ...overrides,
  };
}

/** Reads a fixture as text cells; fails the test when the fixture is not recognised. */
export function readFixture(name: string, overrides: Partial<ParseContext> = {}) {
  const read = readSource(loadFixture(name), contextFor(name, overrides));
  if (!read) throw new Error(`${name} was not recognised`);
  return read;
}

const DATE_ONLY = [/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/, /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LOCAL_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/;
/**
 * Digit strings Sheets would turn into a number and lose digits of: over 15 significant digits (TikTok order ids) or
 * a leading zero (SKU `00501`). A seller pasting those with conversion on loses them before any reader sees the sheet;
 * the twin keeps them as text so that the comparison is about the reader.
 */
const LONG_DIGITS = /^(?:\d{16,}|0\d+)$/;

/** What a Sheets typed paste (en_US locale) would store for one text cell of an export. */
export function typedCell(text: Cell, spreadsheetTimeZone: string): Cell {
  if (typeof text !== 'string') return text;
  const clean = cleanText(text);
  if (clean === '') return '';
  if (text.trim().startsWith('="')) return clean; // the formula's result is the text inside
  if (clean.startsWith('=')) return text; // shopper text pasted as plain text
  if (clean === 'true' || clean === 'false') return clean === 'true';
  if (LONG_DIGITS.test(clean)) return text;
  const slashDate = DATE_ONLY[0]?.exec(clean);
  if (slashDate) {
    const year = Number(slashDate[3]) + (slashDate[3]?.length === 2 ? 2000 : 0);
    return dateCell(year, Number(slashDate[1]), Number(slashDate[2]), 0, 0, 0, spreadsheetTimeZone) ?? text;
  }
  const namedDate = DATE_ONLY[1]?.exec(clean);
  if (namedDate) {
    const month = MONTHS.indexOf(namedDate[1] ?? '') + 1;
    if (month > 0)
      return (
        dateCell(Number(namedDate[3]), month, Number(namedDate[2]), 0, 0, 0, spreadsheetTimeZone) ?? text
      );
  }
  const local = LOCAL_DATE_TIME.exec(clean);
  if (local) {
    const hour = (Number(local[4]) % 12) + (local[7] === 'PM' ? 12 : 0);
    const cell = dateCell(
      Number(local[3]),
      Number(local[1]),
      Number(local[2]),
      hour,
      Number(local[5]),
      Number(local[6]),
      spreadsheetTimeZone,
    );
    if (cell) return cell;
  }
  const number = parseDecimal(clean);
  if (number.ok && number.value !== null) return number.value;
  return text;
}

function dateCell(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: string,
): Date | null {
  // Sheets leaves an impossible day (13/45/2026) as the text it was.
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    return null;
  }
  return new Date(epochFromWallClock({ year, month, day, hour, minute, second }, zone));
}

export function asTypedCells(grid: CellGrid, spreadsheetTimeZone: string): CellGrid {
  return grid.map((row) => row.map((cell) => typedCell(cell, spreadsheetTimeZone)));
}
