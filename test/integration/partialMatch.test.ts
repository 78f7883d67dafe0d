/**
 * A partial header match on the built add-on (issue 14), end to end in the local Apps Script world: the sheet is not
 * counted and has its Data Issue; "Count it as …" in the sidebar stores a confirmation that survives rebuilds and
 * counts the sheet exactly as the export; a different header on that sheet later is not counted on its strength.
 */
import { type Cell, GasWorld, loadDist } from '../gas-world';

type Script = Record<string, (...args: unknown[]) => unknown>;

/** The issue's ERP table: All Orders' five required columns and five of its 17 signature columns (29%). */
const ERP_HEADER = [
  'amazon-order-id',
  'purchase-date',
  'sku',
  'quantity',
  'item-price',
  'order-status',
  'currency',
  'asin',
  'product-name',
  'ship-country',
  '仓库',
];
const ERP_ROWS: Cell[][] = [
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

/** A full All Orders download beside it (every column of the current layout), with one line: LAMP-3, $35.00. */
const ALL_ORDERS: Cell[][] = [
  [
    'amazon-order-id',
    'merchant-order-id',
    'purchase-date',
    'last-updated-date',
    'order-status',
    'fulfillment-channel',
    'sales-channel',
    'order-channel',
    'ship-service-level',
    'product-name',
    'sku',
    'asin',
    'item-status',
    'quantity',
    'currency',
    'item-price',
    'item-tax',
    'shipping-price',
    'shipping-tax',
    'gift-wrap-price',
    'gift-wrap-tax',
    'item-promotion-discount',
    'ship-promotion-discount',
    'ship-city',
    'ship-state',
    'ship-postal-code',
    'ship-country',
    'promotion-ids',
    'is-business-order',
  ],
  [
    '111-0000009-0000009',
    '',
    '2026-03-04T18:00:00Z',
    '2026-03-04T19:00:00Z',
    'Shipped',
    'Amazon',
    'Amazon.com',
    '',
    'Standard',
    'Lamp',
    'LAMP-3',
    'B0L',
    'Shipped',
    '1',
    'USD',
    '35.00',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    'Austin',
    'TX',
    '78701',
    'US',
    '',
    'false',
  ],
];

interface Summary {
  sheetId: number;
  name: string;
  status: string;
  reportLabel: string | null;
  signature?: { found: number; total: number } | null;
  partialConfirmed?: boolean;
}

function workbook(locale = 'en_US', withFullExport = true) {
  const world = new GasWorld({
    userLocale: locale,
    spreadsheetTimeZone: 'America/Los_Angeles',
    fxRateUsdCny: 7.2,
    now: new Date('2026-03-10T16:00:00Z'),
  });
  const sheet = world.addSheet('ERP orders', ERP_ROWS, 'text');
  if (withFullExport) world.addSheet('All Orders', ALL_ORDERS, 'text');
  const script = loadDist(world) as unknown as Script;
  const load = (): Summary | undefined =>
    (world.runExecution(() => script.sidebarLoad?.()) as { sheets: Summary[] }).sheets.find(
      (entry) => entry.name === 'ERP orders',
    );
  const build = (): { skus: string[]; revenue: number; issues: string[] } => {
    world.runExecution(() => script.buildKpiSummary?.());
    const summary = world.sheetValues('KPI Summary');
    const header = (summary[0] ?? []).map(String);
    const rows = summary.slice(1).filter((row) => row[0] !== '');
    return {
      skus: rows.map((row) => String(row[header.indexOf('sku')])),
      revenue:
        Math.round(rows.reduce((sum, row) => sum + Number(row[header.indexOf('revenue')]), 0) * 100) / 100,
      issues: world
        .sheetValues('Data Issues')
        .slice(1)
        .filter((row) => row[0] === 'ERP orders')
        .map((row) => String(row[3])),
    };
  };
  return { world, sheet, script, load, build };
}

const PARTIAL_ISSUE =
  'Looks like Amazon All Orders report (5 of 17 columns): map it to use it. None of its 2 rows are counted until ' +
  'you map it, or confirm it is this export, with Seller KPI › Map sheets….';

describe('a partial header match on the built add-on', () => {
  it('is not counted until confirmed, then counts through rebuilds, and not once its header changes', () => {
    const { world, sheet, script, load, build } = workbook();

    expect(load()).toMatchObject({
      status: 'partial',
      reportLabel: 'Amazon All Orders report',
      signature: { found: 5, total: 17 },
    });
    const before = build();
    expect(before.skus).toEqual(['LAMP-3']);
    expect(before.revenue).toBe(35);
    expect(before.issues).toEqual([PARTIAL_ISSUE]);

    const answer = world.runExecution(() => script.sidebarConfirmPartial?.(sheet.getSheetId(), true)) as {
      message: string;
      sheets: Summary[];
    };
    expect(answer.message).toBe('“ERP orders” is counted as Amazon All Orders report from the next build.');
    expect(answer.sheets.find((entry) => entry.name === 'ERP orders')).toMatchObject({
      status: 'known',
      partialConfirmed: true,
      signature: { found: 5, total: 17 },
    });

    // Two rebuilds: the confirmation is stored in the document, not in the run. 39.98 + 12.50 + 35.00 = 87.48.
    for (let run = 0; run < 2; run++) {
      const after = build();
      expect(after.skus.sort()).toEqual(['CUP-02', 'LAMP-3', 'MUG-01']);
      expect(after.revenue).toBe(87.48);
      expect(after.issues).toEqual([]);
    }

    // Another table pasted over it: one more column in the header. The old answer does not cover it.
    sheet.getRange(1, ERP_HEADER.length + 1).setValue('利润');
    expect(load()).toMatchObject({ status: 'partial', signature: { found: 5, total: 17 } });
    const changed = build();
    expect(changed.skus).toEqual(['LAMP-3']);
    expect(changed.issues).toEqual([PARTIAL_ISSUE]);
  });

  it('alone in the workbook, the build says it was not counted and what to do, instead of “no export found”', () => {
    const { world, script } = workbook('en_US', false);
    const answer = world.runExecution(() => script.sidebarBuildSummary?.()) as { message: string };
    expect(answer.message).toBe(
      'Nothing was counted: “ERP orders” looks like Amazon All Orders report (5 of 17 columns): map it to use it, ' +
        'or confirm it, with Seller KPI › Map sheets….',
    );
  });

  it('“Stop counting it” withdraws the confirmation and nothing else', () => {
    const { world, sheet, script, load, build } = workbook();
    world.runExecution(() => script.sidebarConfirmPartial?.(sheet.getSheetId(), true));
    expect(build().revenue).toBe(87.48);
    const answer = world.runExecution(() => script.sidebarConfirmPartial?.(sheet.getSheetId(), false)) as {
      message: string;
    };
    expect(answer.message).toBe('“ERP orders” is no longer counted as Amazon All Orders report.');
    expect(load()?.status).toBe('partial');
    expect(build().skus).toEqual(['LAMP-3']);
  });

  it('may be mapped instead, and the mapping then says what it is', () => {
    const { world, sheet, script, load, build } = workbook();
    const detail = world.runExecution(() =>
      script.sidebarSheetDetail?.(sheet.getSheetId(), null, 'orders'),
    ) as {
      sheet: Summary;
      mapping: Record<string, unknown> | null;
    };
    expect(detail.sheet.status).toBe('partial');
    expect(detail.mapping).not.toBeNull();
    world.runExecution(() =>
      script.sidebarSaveMapping?.({
        ...detail.mapping,
        columns: {
          orderId: 'amazon-order-id',
          date: 'purchase-date',
          sku: 'sku',
          quantity: 'quantity',
          revenue: 'item-price',
        },
      }),
    );
    expect(load()?.status).toBe('mapped');
    expect(build().revenue).toBe(87.48);
  });

  it('refuses “Count it as …” for a sheet that is no partial match', () => {
    const { world, script } = workbook();
    const other = world.addSheet(
      'Notes',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      'text',
    );
    expect(() => world.runExecution(() => script.sidebarConfirmPartial?.(other.getSheetId(), true))).toThrow(
      'This sheet no longer partly matches an export; refresh the list.',
    );
  });

  it('speaks Chinese in a Chinese workbook', () => {
    const { world, sheet, script, load, build } = workbook('zh_CN');
    const label = load()?.reportLabel ?? '';
    expect(label).not.toBe('');
    expect(build().issues).toEqual([
      `看起来像${label}（17 列中有 5 列相符）：映射后才能使用。在“卖家 KPI › 映射工作表…”中映射它或确认它就是这份报表之前，其中的 2 行均不计入。`,
    ]);
    const answer = world.runExecution(() => script.sidebarConfirmPartial?.(sheet.getSheetId(), true)) as {
      message: string;
    };
    expect(answer.message).toBe(`工作表“ERP orders”将从下次生成起按${label}计入。`);
  });
});

describe('a confirmation and the scheduled refresh', () => {
  /** Waits on the host clock, which the script's Date reads: a change in the millisecond of a build counts as unread. */
  function pauseMs(ms: number): void {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // busy wait: these tests are synchronous
    }
  }

  it('is a change: the next scheduled run builds instead of skipping as unchanged', () => {
    const world = new GasWorld({ spreadsheetTimeZone: 'America/Los_Angeles' });
    const sheet = world.addSheet('ERP orders', ERP_ROWS, 'text');
    world.addSheet('All Orders', ALL_ORDERS, 'text');
    world.addSheet(
      'Settings',
      [
        ['key', 'value'],
        ['refresh_schedule', 'hourly'],
      ],
      'typed',
    );
    const script = loadDist(world) as unknown as Script;
    script.onOpen?.({ authMode: 'FULL' });
    world.clickMenuItem('Schedule automatic refresh');
    const refresh = world.triggers.find((trigger) => trigger.eventType === 'CLOCK')?.uid ?? '';
    const lastRunError = (): string =>
      String(world.sheetValues('Settings').find((cells) => cells[0] === 'last_run_error')?.[1] ?? '');
    const revenue = (): number => {
      const summary = world.sheetValues('KPI Summary');
      const column = (summary[0] ?? []).indexOf('revenue');
      return Math.round(summary.slice(1).reduce((sum, row) => sum + Number(row[column] || 0), 0) * 100) / 100;
    };
    const issues = (): string[] => world.sheetValues('Data Issues').map((row) => String(row[3]));

    world.fireTimeTrigger(refresh);
    expect(revenue()).toBe(35);
    world.fireTimeTrigger(refresh);
    expect(lastRunError()).toMatch(/^Skipped: nothing changed/);

    pauseMs(2);
    world.runExecution(() => script.sidebarConfirmPartial?.(sheet.getSheetId(), true));
    world.fireTimeTrigger(refresh);
    expect(lastRunError()).toBe('');
    // A scheduled run here reaches no document properties, so like the mappings the confirmation is not read: the
    // sheet stays out with its Data Issue, and the run says why (the build from the menu counts it).
    expect(revenue()).toBe(35);
    expect(issues()).toContainEqual(expect.stringMatching(/^Sheets mapped in the sidebar could not be read/));
    expect(issues()).toContainEqual(expect.stringMatching(/^Looks like Amazon All Orders report \(5 of 17/));
    world.runExecution(() => script.buildKpiSummary?.());
    expect(revenue()).toBe(87.48);
  });
});
