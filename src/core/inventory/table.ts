/**
 * The Inventory sheet (for people: bilingual headers and statuses, notes in the user's language, most urgent first)
 * and the KPI Inventory sheet (for Looker Studio: long format, snake_case headers, status as a code, one row per
 * snapshot day × channel × SKU) of SPEC §3b, as tables writeTable writes in one setValues each.
 */
import { type Cell } from '../cell';
import { type Language, translate } from '../i18n';
import { type IsoDate } from '../model';
import { type InventoryLine } from './inventory';

/** A column format as src/gas/sheets.ts names them (kept here as strings: the core imports nothing from gas/). */
export type InventoryColumnFormat = 'text' | 'date' | 'integer' | 'number' | 'percent';

export interface InventoryTable {
  header: string[];
  formats: InventoryColumnFormat[];
  rows: Cell[][];
}

interface Column {
  /** Message key of the header (its text holds both languages). */
  key: string;
  format: InventoryColumnFormat;
  value(line: InventoryLine, language: Language): Cell;
}

const blank = (value: number | string | null): Cell => (value === null ? '' : value);
const day = (value: IsoDate | null): Cell => value ?? '';

export const INVENTORY_COLUMNS: readonly Column[] = [
  { key: 'status', format: 'text', value: (line) => bilingual(`inventory.status.${line.status}`) },
  { key: 'channel', format: 'text', value: (line) => line.channel },
  { key: 'sku', format: 'text', value: (line) => line.sku },
  { key: 'snapshotDate', format: 'date', value: (line) => line.snapshotDate },
  {
    key: 'dateSource',
    format: 'text',
    value: (line) => bilingual(`inventory.dateSource.${line.dateSource}`),
  },
  { key: 'available', format: 'integer', value: (line) => line.availableUnits },
  { key: 'inbound', format: 'integer', value: (line) => line.inboundUnits },
  { key: 'reserved', format: 'integer', value: (line) => line.reservedUnits },
  { key: 'unitsPerDay7', format: 'number', value: (line) => blank(line.demand.perDay[7]) },
  { key: 'unitsPerDay30', format: 'number', value: (line) => blank(line.demand.perDay[30]) },
  { key: 'unitsPerDay90', format: 'number', value: (line) => blank(line.demand.perDay[90]) },
  { key: 'sd90', format: 'number', value: (line) => blank(line.demand.sd90) },
  { key: 'demandDays', format: 'integer', value: (line) => line.demand.days[90] },
  { key: 'stockoutDaysExcluded', format: 'integer', value: (line) => line.demand.stockoutDaysExcluded },
  {
    key: 'demandSource',
    format: 'text',
    value: (line) => bilingual(`inventory.demandSource.${line.demand.source}`),
  },
  { key: 'daysOfSupply', format: 'number', value: (line) => blank(line.daysOfSupply) },
  { key: 'daysOfSupplyWithInbound', format: 'number', value: (line) => blank(line.daysOfSupplyWithInbound) },
  { key: 'stockoutDate', format: 'date', value: (line) => day(line.stockoutDate) },
  { key: 'stockoutDateWithInbound', format: 'date', value: (line) => day(line.stockoutDateWithInbound) },
  { key: 'leadTime', format: 'number', value: (line) => line.parameters.leadTimeDays },
  { key: 'leadTimeSd', format: 'number', value: (line) => line.parameters.leadTimeSdDays },
  { key: 'serviceLevel', format: 'percent', value: (line) => line.parameters.serviceLevel },
  { key: 'safetyStock', format: 'number', value: (line) => blank(line.safetyStock) },
  { key: 'reorderPoint', format: 'number', value: (line) => blank(line.reorderPoint) },
  { key: 'orderBy', format: 'date', value: (line) => day(line.orderByDate) },
  { key: 'targetDays', format: 'number', value: (line) => line.parameters.targetDaysOfSupply },
  { key: 'casePack', format: 'integer', value: (line) => line.parameters.casePack },
  { key: 'moq', format: 'integer', value: (line) => line.parameters.moq },
  { key: 'reorderQty', format: 'integer', value: (line) => blank(line.reorderQuantity) },
  { key: 'sellThrough90', format: 'number', value: (line) => blank(line.sellThrough90) },
  { key: 'turnover90', format: 'number', value: (line) => blank(line.turnover90) },
  { key: 'daysOfInventory', format: 'number', value: (line) => blank(line.daysOfInventory) },
  { key: 'agedOver180', format: 'integer', value: (line) => blank(line.unitsAgedOver180) },
  {
    key: 'notes',
    format: 'text',
    value: (line, language) =>
      line.notes.map((note) => translate(language, note.key, note.params)).join(' · '),
  },
];

/** A label in both languages, for a China–US team reading one sheet: `REORDER NOW · 立即补货`. */
function bilingual(key: string): string {
  const en = translate('en', key);
  const zh = translate('zh', key);
  return en === zh ? en : `${en} · ${zh}`;
}

export function inventorySheetTable(lines: readonly InventoryLine[], language: Language): InventoryTable {
  return {
    header: INVENTORY_COLUMNS.map((column) => bilingual(`inventory.column.${column.key}`)),
    formats: INVENTORY_COLUMNS.map((column) => column.format),
    rows: lines.map((line) => INVENTORY_COLUMNS.map((column) => column.value(line, language))),
  };
}

/** SPEC §3b: the KPI Inventory sheet's columns, in order. */
export const KPI_INVENTORY_HEADER = [
  'snapshot_date',
  'channel',
  'sku',
  'available',
  'inbound',
  'units_per_day_30',
  'days_of_supply',
  'reorder_qty',
  'status',
] as const;

export function kpiInventoryTable(lines: readonly InventoryLine[]): InventoryTable {
  return {
    header: [...KPI_INVENTORY_HEADER],
    formats: ['date', 'text', 'text', 'integer', 'integer', 'number', 'number', 'integer', 'text'],
    rows: lines.map((line) => [
      line.snapshotDate,
      line.channel,
      line.sku,
      line.availableUnits,
      line.inboundUnits,
      blank(line.demand.perDay[30]),
      blank(line.daysOfSupply),
      blank(line.reorderQuantity),
      line.status,
    ]),
  };
}
