/**
 * Chinese ERP order and profit exports (LingXing 领星, Mabang 马帮, Dianxiaomi 店小秘) recognised from their header row,
 * so the sidebar's mapping form arrives filled in with the export's own column names and the time zone its times are
 * written in (SPEC §2c). Only a suggestion: the user checks it and saves it like any mapping.
 *
 * Headers, EXPORTS §9.3 (no ERP publishes its export columns; each list is what was seen, and what was not seen is
 * left to the general suggestions of fields.ts):
 * - LingXing order export (订单导出): `订单号`, `订购日期`, `订单状态`, `MSKU`, `店铺` [F ×1, code index 70155170088].
 *   Its order times come as 订购时间（站点时间）/（utc时间） pairs in the OpenAPI docs [D], so LingXing writes
 *   marketplace time unless a header says otherwise.
 * - LingXing profit report by order (利润报表-订单): `店铺名`, `MSKU`, `销售额`, `结算时间`, `订单号`… [D, OpenAPI
 *   `__docs_Finance_bdOrder.md`]; the export is assumed to reuse the API's descriptions [I]. `币种`, `销量` come from
 *   its order-profit (MSKU) report [D].
 * - Mabang order export: `订单编号`, `店铺名`, `平台SKU数量`, `发货时间`, `SKU` [F, code index 56254906589]. No sales
 *   column was seen. No statement of its time zone was found.
 * - Dianxiaomi order export: `订单号`, `SKU`, `产品规格` [F ×1, code index 15000038497]. No time zone statement found.
 */
import { normaliseHeader } from '../parse';
import { type FieldId, fieldsOf, type MappingKind } from './fields';
import { type MappingTimeZone } from './mapping';

export const ERP_IDS = ['lingxing', 'mabang', 'dianxiaomi'] as const;
export type ErpId = (typeof ERP_IDS)[number];
export const ERP_EXPORTS = ['orders', 'profit'] as const;
export type ErpExport = (typeof ERP_EXPORTS)[number];

/**
 * How the time zone of a suggested mapping was decided, for the sidebar to say: a header names it
 * (`订购时间（北京时间）`); the ERP documents it (LingXing: 站点时间 unless a header says otherwise); or nothing says it
 * and the user must choose (marketplace time until they do).
 */
export const ZONE_SOURCES = ['header', 'erpDefault', 'unknown'] as const;
export type ZoneSource = (typeof ZONE_SOURCES)[number];

interface ErpPresetSpec {
  erp: ErpId;
  export: ErpExport;
  /** Every one of these columns (any of its labels) must be in the header row. */
  identifiedBy: readonly (readonly string[])[];
  /** Field → the export's labels for it, preferred first. */
  columns: Partial<Record<FieldId, readonly string[]>>;
  /** The zone of its times when no header states one; null when the ERP does not say. */
  defaultZone: 'marketplace' | null;
}

const PRESETS: readonly ErpPresetSpec[] = [
  {
    erp: 'lingxing',
    export: 'profit',
    identifiedBy: [['订单号'], ['MSKU'], ['结算时间'], ['店铺名']],
    columns: {
      orderId: ['订单号'],
      sku: ['MSKU'],
      date: ['结算时间'],
      quantity: ['销量'],
      revenue: ['销售额'],
      currency: ['币种'],
      store: ['店铺名'],
    },
    defaultZone: 'marketplace',
  },
  {
    erp: 'lingxing',
    export: 'orders',
    identifiedBy: [['订单号'], ['MSKU'], ['店铺', '店铺名']],
    columns: {
      orderId: ['订单号'],
      sku: ['MSKU'],
      // The API's zone-labelled pairs (站点时间 / utc时间) and the MCF docs' 发货时间（北京时间） [D].
      date: ['订购日期', '订购时间（站点时间）', '订购时间（utc时间）', '发货时间（北京时间）'],
      quantity: ['数量', '销量'],
      revenue: ['销售额'],
      status: ['订单状态'],
      currency: ['币种'],
      store: ['店铺', '店铺名'],
    },
    defaultZone: 'marketplace',
  },
  {
    erp: 'mabang',
    export: 'orders',
    identifiedBy: [['订单编号'], ['店铺名'], ['平台SKU数量']],
    columns: {
      orderId: ['订单编号'],
      sku: ['SKU'],
      date: ['发货时间'],
      quantity: ['平台SKU数量'],
      store: ['店铺名'],
    },
    defaultZone: null,
  },
  {
    erp: 'dianxiaomi',
    export: 'orders',
    identifiedBy: [['订单号'], ['SKU'], ['产品规格']],
    columns: { orderId: ['订单号'], sku: ['SKU'] },
    defaultZone: null,
  },
];

/** What the header of a time column says about its zone (LingXing writes it in parentheses: `（站点时间）`). */
const ZONE_IN_HEADER: readonly { pattern: RegExp; zone: MappingTimeZone | 'marketplace' }[] = [
  { pattern: /站点时间/, zone: 'marketplace' },
  { pattern: /北京时间/, zone: 'Asia/Shanghai' },
  { pattern: /utc\s*时间|\(utc\)/i, zone: 'Etc/UTC' },
];

export interface SuggestedMapping {
  columns: Partial<Record<FieldId, string>>;
  /** The zone of the sheet's times; absent = marketplace time. */
  timeZone?: MappingTimeZone;
  /** The ERP export the header row was recognised as, or null. */
  preset: { erp: ErpId; export: ErpExport } | null;
  zoneSource: ZoneSource;
  /** The header that stated the zone, when one did. */
  zoneHeader: string | null;
}

/** The ERP export whose columns `headers` (normalised) has, or null. The first match wins (the most specific first). */
export function detectErpPreset(headers: readonly string[]): ErpPresetSpec | null {
  const present = new Set(headers);
  return (
    PRESETS.find((preset) =>
      preset.identifiedBy.every((labels) => labels.some((label) => present.has(normaliseHeader(label)))),
    ) ?? null
  );
}

/** The zone a time column's header states, or null when it states none. */
export function zoneStatedBy(header: string): MappingTimeZone | 'marketplace' | null {
  return ZONE_IN_HEADER.find(({ pattern }) => pattern.test(header))?.zone ?? null;
}

/**
 * A first mapping of `kind` for a sheet whose normalised header row is `headers`: an ERP preset's own columns first,
 * then each remaining field's general suggestions (fields.ts), no column used twice; and the zone of its times.
 */
export function suggestMapping(kind: MappingKind, headers: readonly string[]): SuggestedMapping {
  const available = new Set(headers.filter((header) => header !== ''));
  const preset = kind === 'orders' ? detectErpPreset(headers) : null;
  const columns: Partial<Record<FieldId, string>> = {};
  const take = (field: FieldId, labels: readonly string[]): void => {
    if (columns[field] !== undefined) return;
    const match = labels.map((label) => normaliseHeader(label)).find((name) => available.has(name));
    if (match === undefined) return;
    columns[field] = match;
    available.delete(match);
  };
  for (const spec of fieldsOf(kind)) take(spec.id, preset?.columns[spec.id] ?? []);
  for (const spec of fieldsOf(kind)) take(spec.id, spec.suggestedHeaders);

  const dateHeader = columns.date ?? null;
  const stated = dateHeader === null ? null : zoneStatedBy(dateHeader);
  const zone = stated ?? preset?.defaultZone ?? null;
  const zoneSource: ZoneSource = stated ? 'header' : zone ? 'erpDefault' : 'unknown';
  return {
    columns,
    ...(zone !== null && zone !== 'marketplace' ? { timeZone: zone } : {}),
    preset: preset ? { erp: preset.erp, export: preset.export } : null,
    zoneSource,
    zoneHeader: stated ? dateHeader : null,
  };
}
