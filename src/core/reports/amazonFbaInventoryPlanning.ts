/**
 * FBA Inventory report (the Inventory Planning page's download, GET_FBA_INVENTORY_PLANNING_DATA; EXPORTS §5b, §9 1f):
 * about a hundred columns per SKU, with the report's own `snapshot-date`, available and inbound units, the reserved
 * total, units shipped over 7/30/60/90 days, inventory age bands and Amazon's 90-day sell-through.
 *
 * Column names: the SP-API file writes `inv-age-181-to-270-days` where Seller Central's help page (GKT9YKCHXMSDVJKB)
 * spells `inventory-age-…`; both are read. Newer files carry a second set of age bands (`inv-age-181-to-330-days`,
 * `inv-age-331-to-365-days`) beside the first: only one set is added up, never both. A Chinese-UI download is only
 * partly translated (EXPORTS §9 1f): `sku`, `asin` and `available` stay English, the rest below has its Chinese label.
 */
import { type InventoryFact } from '../model';
import { labelsFrom } from './headerLabels';
import { snapshotDayOf } from './inventorySnapshot';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

const LABELS = labelsFrom({
  snapshotDate: { en: ['snapshot-date'], zh: ['快照日期'] },
  sku: { en: ['sku'], zh: ['sku'] },
  asin: { en: ['asin'], zh: ['asin'] },
  fnsku: { en: ['fnsku'], zh: ['fnsku'] },
  productName: { en: ['product-name'], zh: ['商品名称'] },
  available: { en: ['available'], zh: ['available'] },
  inbound: { en: ['inbound-quantity'], zh: ['入库数量'] },
  inboundWorking: { en: ['inbound-working'], zh: ['入库-处理中'] },
  inboundShipped: { en: ['inbound-shipped'], zh: ['入库-已发出'] },
  inboundReceived: { en: ['inbound-received'], zh: ['入库-已接收'] },
  reserved: { en: ['total reserved quantity', 'reserved-quantity'], zh: ['预留总数量'] },
  unfulfillable: { en: ['unfulfillable-quantity'], zh: ['不可售数量'] },
  unitsShipped7: { en: ['units-shipped-t7'], zh: ['配送商品数量（过去 7 天）'] },
  unitsShipped30: { en: ['units-shipped-t30'], zh: ['配送商品数量（过去 30 天）'] },
  unitsShipped90: { en: ['units-shipped-t90'], zh: ['配送商品数量（过去 90 天）'] },
  age181to270: { en: ['inv-age-181-to-270-days', 'inventory-age-181-to-270-days'], zh: ['库龄 181-270 天'] },
  age271to365: { en: ['inv-age-271-to-365-days', 'inventory-age-271-to-365-days'], zh: ['库龄 271-365 天'] },
  age181to330: { en: ['inv-age-181-to-330-days', 'inventory-age-181-to-330-days'], zh: [] },
  age331to365: { en: ['inv-age-331-to-365-days', 'inventory-age-331-to-365-days'], zh: [] },
  age365plus: { en: ['inv-age-365-plus-days', 'inventory-age-365-plus-days'], zh: ['库龄 365 天以上'] },
  sellThrough: { en: ['sell-through'], zh: ['售出率'] },
  daysOfSupply: { en: ['days-of-supply'], zh: ['供货天数'] },
  yourPrice: { en: ['your-price'], zh: ['您的价格'] },
  recommendedAction: { en: ['recommended-action'], zh: ['建议操作'] },
});

type Field = Parameters<typeof LABELS.of>[0];

const REQUIRED: readonly Field[] = ['snapshotDate', 'sku', 'asin', 'available'];
const SIGNATURE: readonly Field[] = [
  'fnsku',
  'productName',
  'inbound',
  'reserved',
  'unfulfillable',
  'unitsShipped7',
  'unitsShipped30',
  'unitsShipped90',
  'age181to270',
  'age271to365',
  'age365plus',
  'sellThrough',
  'daysOfSupply',
  'yourPrice',
  'recommendedAction',
];

export const amazonFbaInventoryPlanning: ReportDefinition = {
  type: 'amazon-fba-inventory-planning',
  channel: 'amazon',
  labelKey: 'report.amazonFbaInventoryPlanning',
  // Every row states its snapshot day: nothing to ask the user.
  periodReport: false,
  requiredHeaders: LABELS.english(REQUIRED),
  signatureHeaders: LABELS.english(SIGNATURE),
  translatedHeaders: [LABELS.chinese(REQUIRED, SIGNATURE)],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const column = (field: Field): number => sheet.column(...LABELS.of(field));
    const snapshotColumn = column('snapshotDate');
    const skuColumn = column('sku');
    const asinColumn = column('asin');
    const availableColumn = column('available');
    const inboundColumn = column('inbound');
    const inboundStages = [column('inboundWorking'), column('inboundShipped'), column('inboundReceived')];
    const reservedColumn = column('reserved');
    const unfulfillableColumn = column('unfulfillable');
    const shippedColumns = {
      reportedUnits7: column('unitsShipped7'),
      reportedUnits30: column('unitsShipped30'),
      reportedUnits90: column('unitsShipped90'),
    };
    const firstAgeSet = [column('age181to270'), column('age271to365'), column('age365plus')];
    const secondAgeSet = [column('age181to330'), column('age331to365'), column('age365plus')];
    const ageColumns = firstAgeSet.slice(0, 2).some((index) => index >= 0) ? firstAgeSet : secondAgeSet;
    const hasAges = ageColumns.some((index) => index >= 0);
    const sellThroughColumn = column('sellThrough');
    const priceColumn = column('yourPrice');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, skuColumn, asinColumn);
      const snapshot = row.moment(snapshotColumn);
      // `inbound-quantity` = working + shipped + received (the help page's definition); the stages when it is absent.
      const inbound =
        inboundColumn >= 0
          ? row.countOrZero(inboundColumn)
          : inboundStages.reduce((sum, index) => sum + row.countOrZero(index), 0);
      const optional: Partial<InventoryFact> = {};
      for (const [field, index] of Object.entries(shippedColumns) as [
        keyof typeof shippedColumns,
        number,
      ][]) {
        if (index < 0) continue;
        const units = row.count(index);
        if (units !== null) optional[field] = units;
      }
      if (hasAges)
        optional.unitsAgedOver180 = ageColumns.reduce((sum, index) => sum + row.countOrZero(index), 0);
      if (sellThroughColumn >= 0) {
        const sellThrough = row.money(sellThroughColumn);
        if (sellThrough !== null) optional.reportedSellThrough = sellThrough;
      }
      const fact: InventoryFact = {
        kind: 'inventory',
        channel: 'amazon',
        sku: row.requiredText(skuColumn),
        asin: row.text(asinColumn),
        availableUnits: row.countOrZero(availableColumn),
        inboundUnits: inbound,
        reservedUnits: row.countOrZero(reservedColumn),
        unsellableUnits: row.countOrZero(unfulfillableColumn),
        price: row.money(priceColumn),
        ...optional,
        ...snapshotDayOf(snapshot?.date ?? null, context),
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      };
      if (!row.failed) sheet.addFact(fact);
    }
    return sheet.result();
  },
};
