/** The sidebar's server functions on the built script, without a browser: stated periods and saved mappings. */
import { GasWorld, loadDist } from '../gas-world';

type Script = Record<string, (...args: unknown[]) => unknown>;

const BUSINESS_REPORT_CHILD = [
  [
    '(Parent) ASIN',
    '(Child) ASIN',
    'Title',
    'SKU',
    'Sessions - Total',
    'Session Percentage - Total',
    'Page Views - Total',
    'Page Views Percentage - Total',
    'Featured Offer (Buy Box) Percentage',
    'Units Ordered',
    'Unit Session Percentage',
    'Ordered Product Sales',
    'Total Order Items',
  ],
  [
    'B0CKPQNSHN',
    'B096MCMDPL',
    'Cast Net',
    '5K-SC4U-PO06',
    '12,131',
    '12.02%',
    '17,004',
    '12.57%',
    '99.80%',
    '683',
    '5.63%',
    '$12,905.25',
    '668',
  ],
];

describe('sidebar server functions', () => {
  it('asks for and keeps the period of a known period report, by sheet id across a rename', () => {
    const world = new GasWorld();
    const sheet = world.addSheet('BR child', BUSINESS_REPORT_CHILD, 'text');
    const script = loadDist(world) as unknown as Script;
    type Summary = { name: string; status: string; periodReport: boolean; period: unknown; rowsRead: number };
    const load = () => world.runExecution(() => script.sidebarLoad?.()) as { sheets: Summary[] };
    const before = load().sheets.find((entry) => entry.name === 'BR child');
    expect(before).toMatchObject({ status: 'known', periodReport: true, period: null, rowsRead: 1 });

    world.runExecution(() =>
      script.sidebarSavePeriod?.(sheet.getSheetId(), { from: '2026-03-01', to: '2026-03-31' }),
    );
    sheet.setName('Business report March');
    const after = load().sheets.find((entry) => entry.name === 'Business report March');
    expect(after?.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });

    expect(() =>
      world.runExecution(() =>
        script.sidebarSavePeriod?.(sheet.getSheetId(), { from: '2026-03-31', to: '2026-03-01' }),
      ),
    ).toThrow('The period needs two dates, the first not after the second.');
  });

  it('refuses to map a sheet the add-on already recognises, in the language chosen in Settings', () => {
    const world = new GasWorld({ userLocale: 'en_US' });
    world.addSheet(
      'Settings',
      [
        ['key', 'value'],
        ['language', 'zh'],
      ],
      'text',
    );
    const sheet = world.addSheet('BR child', BUSINESS_REPORT_CHILD, 'text');
    const script = loadDist(world) as unknown as Script;
    const mapping = {
      sheetId: sheet.getSheetId(),
      sheetName: 'BR child',
      kind: 'periodTraffic',
      channel: 'amazon',
      headerRow: 1,
      columns: { sku: 'sku', sessions: 'sessions - total' },
      period: { from: '2026-03-01', to: '2026-03-31' },
    };
    expect(() => world.runExecution(() => script.sidebarSaveMapping?.(mapping))).toThrow(
      /^此工作表已被识别为.+，无需映射。$/,
    );
    expect(world.documentProperties.getKeys()).toEqual([]);
  });
});
