import { GasWorld, MESSAGES } from './index';

type Globals = {
  SpreadsheetApp: { getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet };
};

function activeSpreadsheet(world: GasWorld): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return (world.globals() as unknown as Globals).SpreadsheetApp.getActiveSpreadsheet();
}

describe('the world copies how Sheets stores what a script writes', () => {
  it('turns the ZIP "00501" into the number 501, as typing it would', () => {
    const world = new GasWorld();
    const sheet = activeSpreadsheet(world).getSheetByName('Sheet1');
    sheet?.getRange('A1').setValues([['00501']]);
    expect(world.sheetValues('Sheet1')).toEqual([[501]]);
  });

  it('refuses a cell of more than 50,000 characters, as Sheets does; 50,000 exactly is kept', () => {
    const world = new GasWorld();
    const sheet = activeSpreadsheet(world).getSheetByName('Sheet1');
    sheet?.getRange('A1').setNumberFormat('@');
    sheet?.getRange('A1').setValues([['x'.repeat(50_000)]]);
    expect(String(world.sheetValues('Sheet1')[0]?.[0])).toHaveLength(50_000);
    expect(() => sheet?.getRange('A1').setValues([['x'.repeat(50_001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell (Sheet1!A1).',
    );
  });

  it('keeps "00501" as text in a cell formatted as plain text "@"', () => {
    const world = new GasWorld();
    const range = activeSpreadsheet(world).getSheets()[0]?.getRange(1, 1);
    range?.setNumberFormat('@');
    range?.setValue('00501');
    expect(range?.getValue()).toBe('00501');
  });

  it('parses money, percentages, booleans and apostrophes like a user typing', () => {
    const world = new GasWorld({ now: new Date('2026-05-10T12:00:00Z') });
    const range = activeSpreadsheet(world).getSheets()[0]?.getRange(1, 1, 1, 7);
    range?.setValues([['1,204', '$1,234.56', '12%', 'TRUE', 'false', "'00501", "'=SUM(A1)"]]);
    expect(range?.getValues()).toEqual([[1204, 1234.56, 0.12, true, false, '00501', '=SUM(A1)']]);
    expect(range?.getDisplayValues()).toEqual([
      ['1,204', '$1,234.56', '12%', 'TRUE', 'FALSE', '00501', '=SUM(A1)'],
    ]);
  });

  it('reads "3-4" as March 4 of the current year and ISO, US and named dates as dates', () => {
    const world = new GasWorld({ spreadsheetTimeZone: 'Etc/UTC', now: new Date('2026-05-10T12:00:00Z') });
    const range = activeSpreadsheet(world).getSheets()[0]?.getRange(1, 1, 1, 4);
    range?.setValues([['3-4', '2026-09-01', '9/1/2026', 'Sep 1, 2026']]);
    const [row] = range?.getValues() ?? [];
    expect(row?.map((cell) => (cell as Date).toISOString())).toEqual([
      '2026-03-04T00:00:00.000Z',
      '2026-09-01T00:00:00.000Z',
      '2026-09-01T00:00:00.000Z',
      '2026-09-01T00:00:00.000Z',
    ]);
    expect(range?.getDisplayValues()[0]?.[1]).toBe('2026-09-01');
    expect(range?.getDisplayValues()[0]?.[2]).toBe('9/1/2026');
  });

  it('gives back a date-only cell of a Shanghai workbook as 16:00 UTC of the day before', () => {
    const world = new GasWorld({ spreadsheetTimeZone: 'Asia/Shanghai' });
    world.addSheet('Orders', [['2026-09-01']], 'typed');
    const cell = world.sheetValues('Orders')[0]?.[0] as Date;
    expect(cell.toISOString()).toBe('2026-08-31T16:00:00.000Z');
  });

  it('stores a written JS Date at the wall-clock time of the spreadsheet zone', () => {
    const world = new GasWorld({ spreadsheetTimeZone: 'America/Los_Angeles' });
    const range = activeSpreadsheet(world).getSheets()[0]?.getRange('B2');
    // 07:00 UTC on Sep 1 is midnight in Los Angeles (PDT, UTC-7).
    range?.setValue(new Date('2026-09-01T07:00:00Z'));
    expect(range?.getDisplayValue()).toBe('9/1/2026');
    expect((range?.getValue() as Date).toISOString()).toBe('2026-09-01T07:00:00.000Z');
    // The stored wall clock stays when the workbook's zone changes; the instant read back moves.
    activeSpreadsheet(world).setSpreadsheetTimeZone('Asia/Shanghai');
    expect((range?.getValue() as Date).toISOString()).toBe('2026-08-31T16:00:00.000Z');
  });

  it('keeps a formula, shows the configured USD/CNY rate for GOOGLEFINANCE and evaluates plain arithmetic', () => {
    const world = new GasWorld({ fxRateUsdCny: 7.1234 });
    const range = activeSpreadsheet(world).getSheets()[0]?.getRange(1, 1, 1, 4);
    range?.setValues([['=GOOGLEFINANCE("CURRENCY:USDCNY")', '=(10-4)/3', '=A1*2', '=NOSUCHFN(1)']]);
    expect(range?.getValues()).toEqual([[7.1234, 2, '#ERROR!', '#NAME?']]);
    expect(world.sheetFormulas('Sheet1')[0]).toEqual([
      '=GOOGLEFINANCE("CURRENCY:USDCNY")',
      '=(10-4)/3',
      '=A1*2',
      '=NOSUCHFN(1)',
    ]);
  });

  it('writes null and "" as empty cells that read back as ""', () => {
    const world = new GasWorld();
    const range = activeSpreadsheet(world).getSheets()[0]?.getRange(1, 1, 1, 3);
    range?.setValues([[1, null, '']]);
    expect(range?.getValues()).toEqual([[1, '', '']]);
    expect(activeSpreadsheet(world).getSheets()[0]?.getLastColumn()).toBe(1);
  });

  it('refuses values Sheets cannot hold: undefined, objects, NaN', () => {
    const world = new GasWorld();
    const range = activeSpreadsheet(world).getSheets()[0]?.getRange(1, 1);
    expect(() => range?.setValues([[undefined]])).toThrow(/Cannot write undefined/);
    expect(() => range?.setValue({ amount: 1 })).toThrow(/Cannot write object/);
    expect(() => range?.setValue(Number.NaN)).toThrow(/NaN/);
  });
});

describe('the world throws where Sheets throws', () => {
  it('rejects a range beyond the 1000 × 26 of a new sheet until the sheet grows', () => {
    const world = new GasWorld();
    const sheet = activeSpreadsheet(world).insertSheet('Big');
    expect(() => sheet.getRange(1001, 1)).toThrow(MESSAGES.outsideSheet);
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow(MESSAGES.outsideSheet);
    sheet.insertRowsAfter(1000, 500);
    sheet.insertColumnsAfter(26, 1);
    expect(sheet.getRange(1500, 27).getA1Notation()).toBe('AA1500');
    expect(sheet.getMaxRows()).toBe(1500);
  });

  it("grows a sheet for a user's paste past its edge (a 33-column export into a new tab), not for a script", () => {
    const world = new GasWorld();
    const header = Array.from({ length: 33 }, (_, index) => `column ${index + 1}`);
    world.userAddSheet('Pasted', [header]);
    world.userPaste('Pasted', 1200, [['last row']]);
    const sheet = activeSpreadsheet(world).getSheetByName('Pasted');
    expect(sheet?.getMaxColumns()).toBe(33);
    expect(sheet?.getMaxRows()).toBe(1200);
    expect(sheet?.getRange(1, 1, 1, 33).getValues()).toEqual([header]);
    expect(sheet?.getRange(1200, 1).getValue()).toBe('last row');
    // A script's write past the edge still throws.
    expect(() => sheet?.getRange(1, 34)).toThrow(MESSAGES.outsideSheet);
  });

  it('rejects setValues whose rows or columns do not match the range, with the real messages', () => {
    const world = new GasWorld();
    const range = activeSpreadsheet(world).getSheets()[0]?.getRange(1, 1, 2, 3);
    expect(() => range?.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range?.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(world.sheetValues('Sheet1')).toEqual([]);
  });

  it('refuses a second sheet whose name differs only in case', () => {
    const world = new GasWorld();
    activeSpreadsheet(world).insertSheet('KPI Summary');
    expect(() => activeSpreadsheet(world).insertSheet('kpi summary')).toThrow(
      'A sheet with the name "kpi summary" already exists. Please enter another name.',
    );
  });

  it('finds sheets by exact name only', () => {
    const world = new GasWorld();
    activeSpreadsheet(world).insertSheet('KPI Summary');
    expect(activeSpreadsheet(world).getSheetByName('kpi summary')).toBeNull();
    expect(activeSpreadsheet(world).getSheetByName('KPI Summary')?.getName()).toBe('KPI Summary');
  });

  it('gives a deleted and re-created sheet a new id, and refuses the stale Sheet object', () => {
    const world = new GasWorld();
    const spreadsheet = activeSpreadsheet(world);
    const first = spreadsheet.insertSheet('Dashboard');
    const firstId = first.getSheetId();
    spreadsheet.deleteSheet(first);
    const second = spreadsheet.insertSheet('Dashboard');
    expect(second.getSheetId()).not.toBe(firstId);
    expect(() => first.getRange(1, 1).getValues()).toThrow(/deleted/);
  });

  it('inserts a sheet at a 0-based index and makes it active', () => {
    const world = new GasWorld();
    const spreadsheet = activeSpreadsheet(world);
    const sheet = spreadsheet.insertSheet('First', 0);
    expect(sheet.getIndex()).toBe(1);
    expect(spreadsheet.getActiveSheet().getName()).toBe('First');
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1']);
  });
});

describe('the world counts round trips', () => {
  it('counts each getValues and setValues once, per sheet, and can be reset', () => {
    const world = new GasWorld();
    world.addSheet('Orders', [
      ['order-id', 'units'],
      ['111-1', '2'],
    ]);
    expect(world.calls.total).toBe(0);
    const orders = activeSpreadsheet(world).getSheetByName('Orders');
    const values = orders?.getDataRange().getValues();
    orders?.getRange(1, 3, 2, 1).setValues([['seen'], [true]]);
    expect(values).toEqual([
      ['order-id', 'units'],
      ['111-1', '2'],
    ]);
    expect(world.calls.bySheet('Orders')).toEqual({ total: 3, reads: 2, writes: 1 });
    expect(world.calls.byMethod('getValues')).toBe(1);
    world.calls.reset();
    expect(world.calls.total).toBe(0);
  });

  it('does not count inspection helpers', () => {
    const world = new GasWorld();
    world.addSheet('Raw', [['a']]);
    world.sheetValues('Raw');
    world.sheetFormulas('Raw');
    world.sheetNumberFormats('Raw');
    expect(world.calls.total).toBe(0);
  });

  it('handles a 100,000-row sheet in one read and one write', () => {
    const world = new GasWorld();
    const rows = Array.from({ length: 100_000 }, (_, index) => [`SKU-${index}`, String(index), '2026-09-01']);
    const started = Date.now();
    world.addSheet('Big', rows, 'text');
    const big = activeSpreadsheet(world).getSheetByName('Big');
    const values = big?.getDataRange().getValues() ?? [];
    big?.getRange(1, 4, values.length, 1).setValues(values.map((row) => [row[1]]));
    expect(values.length).toBe(100_000);
    expect(world.sheetValues('Big')[99_999]?.[3]).toBe(99_999);
    expect(world.calls.total).toBe(3);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('styles and formats are recorded per cell', () => {
  it('returns backgrounds, number formats and display values that were set', () => {
    const world = new GasWorld();
    const range = activeSpreadsheet(world).getSheets()[0]?.getRange('A1:B1');
    range?.setValues([[0.256, 1234.5]]);
    range?.setNumberFormats([['0.0%', '#,##0.00']]);
    range?.setBackgrounds([['#ff0000', null]]);
    range?.setFontWeight('bold');
    expect(range?.getDisplayValues()).toEqual([['25.6%', '1,234.50']]);
    expect(range?.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    expect(world.sheetNumberFormats('Sheet1')).toEqual([['0.0%', '#,##0.00']]);
  });
});
