/**
 * The tables the BigQuery flavour loads after a build (issue 15, item 2): their schemas, and how a build's KPI
 * Summary and facts become their rows. Pure, so the same rows are tested without Apps Script.
 *
 * Every table is partitioned by day on its `date` column (BigQuery: "time-unit column-partitioned tables",
 * cloud.google.com/bigquery/docs/partitioned-tables#date_timestamp_partitioned_tables), so a rebuild replaces whole
 * days and a Looker Studio date filter reads only its days.
 * - `kpi_summary`: the KPI Summary sheet's rows exactly as written (money rounded to cents as the cells are), without
 *   the ratio columns, which the views re-derive from sums (SPEC §1: ratios are never summed or averaged).
 * - The facts as the build read them, one row per source row, with the sheet and row they came from: `order_lines`,
 *   `ad_rows`, `fee_lines`, `returns`, `inventory_snapshots`. These are before the counting rules (SPEC §2a: copies of
 *   one line in two exports are both here), for tracing a KPI back to its rows; the KPI numbers are `kpi_summary`'s.
 * Money is NUMERIC (exact decimal, 9 digits after the point: data-types#decimal_types), never FLOAT64.
 */
import { type Cell } from '../core/cell';
import {
  type AdFact,
  type Fact,
  type FeeFact,
  type InventoryFact,
  type IsoDate,
  type OrderLineFact,
  type ReturnFact,
  type SourceRef,
} from '../core/model';
import { type SummaryTable } from '../core/summary/table';
import { type TableFieldSchema } from './client';

export type LoadedTableName =
  'kpi_summary' | 'order_lines' | 'ad_rows' | 'fee_lines' | 'returns' | 'inventory_snapshots';

/** A row as loaded (NEWLINE_DELIMITED_JSON): NUMERIC and INT64 as decimal text, DATE as yyyy-MM-dd. */
export type LoadRow = Record<string, string | boolean | null>;

export interface LoadedTable {
  name: LoadedTableName;
  description: string;
  fields: readonly TableFieldSchema[];
  /** Which days of this table a build holds (and so replaces): the KPI Summary's days, or the days of read facts. */
  group: 'summary' | 'facts';
}

const required = (name: string, type: string, description?: string): TableFieldSchema => ({
  name,
  type,
  mode: 'REQUIRED',
  ...(description ? { description } : {}),
});
const nullable = (name: string, type: string, description?: string): TableFieldSchema => ({
  name,
  type,
  mode: 'NULLABLE',
  ...(description ? { description } : {}),
});

const SOURCE_FIELDS: readonly TableFieldSchema[] = [
  required('source_sheet', 'STRING', 'The workbook sheet the row was read from'),
  required('source_row', 'INTEGER', 'The 1-based sheet row'),
  nullable(
    'source_block',
    'STRING',
    'The export block inside the sheet (SPEC §2a "Blocks"), when not the first',
  ),
];

/**
 * The KPI Summary columns loaded, by their sheet header names (src/core/summary/table.ts): the sheet's own columns
 * minus acos, tacos and margin, which are ratios.
 */
export const SUMMARY_FIELDS: readonly TableFieldSchema[] = [
  required('date', 'DATE'),
  required('channel', 'STRING'),
  required('sku', 'STRING'),
  required('units', 'INTEGER'),
  required('orders', 'INTEGER'),
  required('revenue', 'NUMERIC'),
  required('ad_spend', 'NUMERIC'),
  required('ad_sales', 'NUMERIC'),
  required('ad_clicks', 'INTEGER'),
  required('ad_impressions', 'INTEGER'),
  required('returned_units', 'INTEGER'),
  nullable(
    'cogs',
    'NUMERIC',
    'Landed cost of the units sold less SELLABLE returns; NULL when the SKU has no cost',
  ),
  nullable('fees', 'NUMERIC', 'Marketplace fees (positive = cost); NULL when unknown'),
  nullable('fees_estimated', 'INTEGER', '1 = estimated from the fee tables, 0 = from payments reports'),
  nullable('gross_profit', 'NUMERIC', 'Before advertising (SPEC §2b); NULL when cogs or fees are unknown'),
  required('refunds', 'NUMERIC'),
  required('reimbursements', 'NUMERIC'),
  nullable('gross_profit_cny', 'NUMERIC', 'At the Settings USD→CNY rate of the build'),
  nullable('net_profit', 'NUMERIC', 'gross_profit − ad_spend'),
  nullable('net_profit_cny', 'NUMERIC'),
  required('category', 'STRING'),
  required('owner', 'STRING'),
];

export const LOADED_TABLES: readonly LoadedTable[] = [
  {
    name: 'kpi_summary',
    description: 'Seller KPI: the KPI Summary sheet, one row per day × channel × SKU (USD)',
    fields: SUMMARY_FIELDS,
    group: 'summary',
  },
  {
    name: 'order_lines',
    description:
      'Seller KPI: order lines as read from the order exports, before the counting rules of SPEC §2a',
    fields: [
      required('date', 'DATE', 'Purchase day in the reporting time zone'),
      required('channel', 'STRING'),
      required('order_id', 'STRING'),
      required('line_key', 'STRING'),
      required('sku', 'STRING'),
      required('state', 'STRING', 'pending, sold, refunded or cancelled'),
      required('quantity', 'INTEGER'),
      required('revenue', 'NUMERIC'),
      required('currency', 'STRING'),
      nullable('last_updated', 'TIMESTAMP'),
      ...SOURCE_FIELDS,
    ],
    group: 'facts',
  },
  {
    name: 'ad_rows',
    description: 'Seller KPI: advertising rows as read from the ads reports',
    fields: [
      required('date', 'DATE'),
      required('channel', 'STRING'),
      required('ad_product', 'STRING'),
      required('campaign', 'STRING'),
      required('ad_group', 'STRING'),
      required('sku', 'STRING'),
      required('spend', 'NUMERIC'),
      required('sales', 'NUMERIC'),
      required('clicks', 'INTEGER'),
      required('impressions', 'INTEGER'),
      required('orders', 'INTEGER'),
      required('units', 'INTEGER'),
      ...SOURCE_FIELDS,
    ],
    group: 'facts',
  },
  {
    name: 'fee_lines',
    description: 'Seller KPI: money lines as read from the payments reports (charges negative)',
    fields: [
      required('date', 'DATE'),
      required('channel', 'STRING'),
      required('order_id', 'STRING'),
      required('sku', 'STRING'),
      required('fee_type', 'STRING'),
      required('amount', 'NUMERIC'),
      required('spread_over_order', 'BOOLEAN'),
      ...SOURCE_FIELDS,
    ],
    group: 'facts',
  },
  {
    name: 'returns',
    description: 'Seller KPI: returned units as read from the returns reports, on the return day',
    fields: [
      required('date', 'DATE'),
      required('channel', 'STRING'),
      required('order_id', 'STRING'),
      required('sku', 'STRING'),
      required('quantity', 'INTEGER'),
      required('license_plate', 'STRING'),
      required('disposition', 'STRING'),
      ...SOURCE_FIELDS,
    ],
    group: 'facts',
  },
  {
    name: 'inventory_snapshots',
    description:
      'Seller KPI: stock snapshot lines, on the snapshot day (or the build day when the report gives none)',
    fields: [
      required('date', 'DATE', 'The snapshot day'),
      required('date_source', 'STRING', 'report, stated (in the sidebar) or buildDay'),
      required('channel', 'STRING'),
      required('sku', 'STRING'),
      required('asin', 'STRING'),
      required('available_units', 'INTEGER'),
      required('inbound_units', 'INTEGER'),
      required('reserved_units', 'INTEGER'),
      required('unsellable_units', 'INTEGER'),
      nullable('price', 'NUMERIC'),
      ...SOURCE_FIELDS,
    ],
    group: 'facts',
  },
];

/**
 * The KPI Summary rows of the Drive folder's facts, computed in BigQuery (sql/staging/raw_kpi_summary.sql, issue 15
 * item 4): the KPI Summary's loaded columns exactly, so the views read both as one (sql/views/kpi_rows.sql). Created by
 * the load step too, empty, because the views read it whether or not Settings name a Drive folder.
 */
export const RAW_KPI_TABLE = 'raw_kpi_summary';
export const RAW_KPI_TABLE_SPEC = {
  tableId: RAW_KPI_TABLE,
  fields: SUMMARY_FIELDS,
  partitionField: 'date',
  description:
    'Seller KPI: KPI Summary rows of the Drive folder exports, computed in BigQuery (no refunds, payments fees or returns)',
} as const;

/**
 * The small table that says what is loaded: per table and day, the fingerprint of the rows loaded and their count.
 * Written in the same transaction as the data, so it can never say a day landed when it did not.
 */
export const LOAD_STATE_TABLE = '_seller_kpi_load_state';
export const LOAD_STATE_FIELDS: readonly TableFieldSchema[] = [
  required('table_name', 'STRING'),
  required('day', 'DATE'),
  required('fingerprint', 'STRING'),
  required('row_count', 'INTEGER'),
  required('loaded_at', 'TIMESTAMP'),
];

/** The unpartitioned table a table's changed days are uploaded to before the transaction moves them in. */
export function stagingTableOf(name: string): string {
  return `_seller_kpi_staging_${name}`;
}

/**
 * A number as NUMERIC or INT64 text: at most 9 decimals (NUMERIC's scale), no exponent. Binary floats such as
 * 0.1 + 0.2 would otherwise be sent with 17 digits and fail the load ("Invalid NUMERIC value").
 */
export function decimalText(value: number): string {
  // toFixed writes an exponent from 1e21 on; no amount of a seller's money comes near it.
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) throw new Error(`Not an amount: ${value}`);
  const fixed = value.toFixed(9).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

function integerText(value: number): string {
  if (!Number.isInteger(value)) throw new Error(`Not a whole number: ${value}`);
  return String(value);
}

function sourceColumns({ source, row }: { source: SourceRef; row: number }): LoadRow {
  return { source_sheet: source.sheet, source_row: integerText(row), source_block: source.block ?? null };
}

/** One KPI Summary row as loaded, from the cells the sheet holds (blank → NULL). */
export function summaryLoadRows(table: SummaryTable): LoadRow[] {
  const index = new Map(table.header.map((name, position) => [name, position]));
  return table.rows.map((cells) => {
    const row: LoadRow = {};
    for (const field of SUMMARY_FIELDS) {
      const position = index.get(field.name);
      if (position === undefined) throw new Error(`The KPI Summary has no column ${field.name}`);
      row[field.name] = loadValue(cells[position] ?? '', field);
    }
    return row;
  });
}

function loadValue(cell: Cell, field: TableFieldSchema): string | null {
  if (cell === '' || cell === null) {
    if (field.mode === 'REQUIRED') throw new Error(`The KPI Summary's ${field.name} is blank`);
    return null;
  }
  if (field.type === 'NUMERIC') return decimalText(Number(cell));
  if (field.type === 'INTEGER') return integerText(Number(cell));
  if (cell instanceof Date) throw new Error(`Unexpected date in ${field.name}`);
  return String(cell);
}

function orderLineRow(fact: OrderLineFact): LoadRow {
  return {
    date: fact.date,
    channel: fact.channel,
    order_id: fact.orderId,
    line_key: fact.lineKey,
    sku: fact.sku,
    state: fact.state,
    quantity: integerText(fact.quantity),
    revenue: decimalText(fact.revenueCents / 100),
    // Every line counted is in US dollars (OrderLineFact); the column says so for a reader of the table.
    currency: 'USD',
    last_updated:
      fact.lastUpdatedSeconds === null
        ? null
        : new Date(Math.round(fact.lastUpdatedSeconds * 1000)).toISOString(),
    ...sourceColumns(fact),
  };
}

function adRow(fact: AdFact): LoadRow {
  return {
    date: fact.date,
    channel: fact.channel,
    ad_product: fact.adProduct,
    campaign: fact.campaign,
    ad_group: fact.adGroup,
    sku: fact.sku,
    spend: decimalText(fact.spend),
    sales: decimalText(fact.sales),
    clicks: integerText(fact.clicks),
    impressions: integerText(fact.impressions),
    orders: integerText(fact.orders),
    units: integerText(fact.units),
    ...sourceColumns(fact),
  };
}

function feeRow(fact: FeeFact): LoadRow {
  return {
    date: fact.date,
    channel: fact.channel,
    order_id: fact.orderId,
    sku: fact.sku,
    fee_type: fact.feeType,
    amount: decimalText(fact.amount),
    spread_over_order: fact.spreadOverOrder === true,
    ...sourceColumns(fact),
  };
}

function returnRow(fact: ReturnFact): LoadRow {
  return {
    date: fact.date,
    channel: fact.channel,
    order_id: fact.orderId,
    sku: fact.sku,
    quantity: integerText(fact.quantity),
    license_plate: fact.licensePlate,
    disposition: fact.disposition,
    ...sourceColumns(fact),
  };
}

function inventoryRow(fact: InventoryFact, buildDay: IsoDate): LoadRow {
  return {
    date: fact.snapshotDate ?? buildDay,
    date_source: fact.snapshotDate ? (fact.snapshotDateSource ?? 'report') : 'buildDay',
    channel: fact.channel,
    sku: fact.sku,
    asin: fact.asin,
    available_units: integerText(fact.availableUnits),
    inbound_units: integerText(fact.inboundUnits),
    reserved_units: integerText(fact.reservedUnits),
    unsellable_units: integerText(fact.unsellableUnits),
    price: fact.price === null ? null : decimalText(fact.price),
    ...sourceColumns(fact),
  };
}

/** The rows of every loaded table for one build. `buildDay` dates the snapshots that carry no day of their own. */
export function loadRowsOfBuild(
  summary: SummaryTable,
  facts: readonly Fact[],
  buildDay: IsoDate,
): Map<LoadedTableName, LoadRow[]> {
  const rows = new Map<LoadedTableName, LoadRow[]>(LOADED_TABLES.map((table) => [table.name, []]));
  const add = (name: LoadedTableName, row: LoadRow): void => {
    (rows.get(name) as LoadRow[]).push(row);
  };
  for (const row of summaryLoadRows(summary)) add('kpi_summary', row);
  for (const fact of facts) {
    if (fact.kind === 'orderLine') add('order_lines', orderLineRow(fact));
    else if (fact.kind === 'ad') add('ad_rows', adRow(fact));
    else if (fact.kind === 'fee') add('fee_lines', feeRow(fact));
    else if (fact.kind === 'return') add('returns', returnRow(fact));
    else if (fact.kind === 'inventory') add('inventory_snapshots', inventoryRow(fact, buildDay));
  }
  return rows;
}

/**
 * A day's fingerprint: 64 bits (two 32-bit FNV-1a lanes with different offsets) over its rows' JSON, sorted so that
 * the order of tabs and rows does not matter. Not a security hash: it only tells "these rows differ from the last load".
 */
export function fingerprintOf(lines: readonly string[]): string {
  const sorted = [...lines].sort();
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ 0x5bd1e995;
  for (const line of sorted) {
    for (let index = 0; index < line.length; index += 1) {
      const code = line.charCodeAt(index);
      first = Math.imul(first ^ code, 0x01000193) >>> 0;
      second = Math.imul(second ^ code, 0x01000193 ^ 0x2f) >>> 0;
    }
    first = Math.imul(first ^ 0x0a, 0x01000193) >>> 0;
    second = Math.imul(second ^ 0x0a, 0x01000193 ^ 0x2f) >>> 0;
  }
  return `${first.toString(16).padStart(8, '0')}${second.toString(16).padStart(8, '0')}:${sorted.length}`;
}

/** Each day's rows of one table as NDJSON lines, by day. */
export function linesByDay(rows: readonly LoadRow[]): Map<IsoDate, string[]> {
  const byDay = new Map<IsoDate, string[]>();
  for (const row of rows) {
    const day = String(row['date']);
    const lines = byDay.get(day) ?? [];
    lines.push(JSON.stringify(row));
    byDay.set(day, lines);
  }
  return byDay;
}
