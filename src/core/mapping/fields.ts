/**
 * The model fields a user can map a sheet's columns to, per kind of fact (src/core/model.ts). A sheet the add-on does
 * not recognise is read by naming, for each field, the column that holds it; the column is found again by its header
 * name on every build (never by position), so a user may insert or reorder columns after mapping.
 */

/** What a mapped sheet holds; each kind becomes one fact kind of the data model. */
export type MappingKind = 'orders' | 'ads' | 'returns' | 'periodTraffic' | 'inventory';
export const MAPPING_KINDS: readonly MappingKind[] = [
  'orders',
  'ads',
  'returns',
  'periodTraffic',
  'inventory',
];

/** How a column's cells are read. */
export type FieldValueType =
  /** Text kept exactly as written (trimmed); a number cell becomes its digits (`501` stays `501`). */
  | 'text'
  /** A date or timestamp: converted to a calendar day in the reporting time zone. */
  | 'date'
  /** A count; `1,204` reads as 1204. */
  | 'count'
  /** Money in the export's currency: `$1,234.56`, `(55.00)`. */
  | 'money';

export type FieldId =
  | 'orderId'
  | 'sku'
  | 'date'
  | 'quantity'
  | 'revenue'
  | 'unitPrice'
  | 'discount'
  | 'status'
  | 'currency'
  | 'channel'
  | 'store'
  | 'campaign'
  | 'adGroup'
  | 'spend'
  | 'sales'
  | 'clicks'
  | 'impressions'
  | 'orders'
  | 'units'
  | 'asin'
  | 'sessions'
  | 'pageViews'
  | 'unitsOrdered'
  | 'orderedSales'
  | 'availableUnits'
  | 'inboundUnits'
  | 'reservedUnits'
  | 'unsellableUnits'
  | 'price';

export interface FieldSpec {
  id: FieldId;
  valueType: FieldValueType;
  /** A required field must be mapped before the mapping can be saved. */
  required: boolean;
  /**
   * Headers, normalised (trimmed, lower-case), that suggest this field when the sidebar opens an unmapped sheet:
   * the names used by common exports and by Chinese ERP / spreadsheet templates. Only a suggestion; the user decides.
   */
  suggestedHeaders: readonly string[];
}

/**
 * Orders need either the line total or a unit price (revenue = unit price × quantity): exports differ in which they
 * give. `ONE_OF_REQUIRED` names such alternatives; `required` stays false on both.
 */
export const ONE_OF_REQUIRED: Readonly<Partial<Record<MappingKind, readonly (readonly FieldId[])[]>>> = {
  orders: [['revenue', 'unitPrice']],
};

const field = (
  id: FieldId,
  valueType: FieldValueType,
  required: boolean,
  suggestedHeaders: readonly string[],
): FieldSpec => ({ id, valueType, required, suggestedHeaders });

export const MAPPING_FIELDS: Readonly<Record<MappingKind, readonly FieldSpec[]>> = {
  orders: [
    field('orderId', 'text', true, [
      'order id',
      'order-id',
      // Amazon's own name, kept by ERP tables cut from an All Orders report (issue 14's partial match).
      'amazon-order-id',
      'order number',
      'order no',
      'name',
      '订单号',
      '订单编号',
    ]),
    field('sku', 'text', true, [
      'sku',
      'seller sku',
      'merchant sku',
      'lineitem sku',
      'item sku',
      '商品sku',
      '货号',
    ]),
    field('date', 'date', true, [
      'date',
      'order date',
      'purchase date',
      'purchase-date',
      'created at',
      '日期',
      '下单时间',
      '订单日期',
    ]),
    field('quantity', 'count', true, ['quantity', 'qty', 'units', 'lineitem quantity', '数量', '销量']),
    field('revenue', 'money', false, [
      'revenue',
      'item price',
      'item-price',
      'line total',
      'sales',
      'amount',
      '销售额',
      '金额',
    ]),
    field('unitPrice', 'money', false, [
      'unit price',
      'price',
      'lineitem price',
      'item price per unit',
      '单价',
    ]),
    field('discount', 'money', false, [
      'discount',
      'promotion discount',
      'item-promotion-discount',
      'lineitem discount',
      '折扣',
      '优惠',
    ]),
    field('status', 'text', false, [
      'status',
      'order status',
      'order-status',
      'financial status',
      '状态',
      '订单状态',
    ]),
    field('currency', 'text', false, ['currency', '币种', '货币']),
    field('channel', 'text', false, [
      'channel',
      'sales channel',
      'sales-channel',
      'platform',
      '渠道',
      '平台',
    ]),
    // A store name (ERP exports: LingXing `店铺`, Mabang `店铺名`): the row's channel when the name says one
    // (`Amazon-US`, `沃尔玛店`), else the mapping's channel. Unlike `channel`, a name that says none is no problem.
    field('store', 'text', false, ['store', 'store name', 'shop', '店铺', '店铺名', '店铺名称']),
  ],
  ads: [
    field('date', 'date', true, ['date', 'day', 'start date', '日期']),
    field('campaign', 'text', true, ['campaign', 'campaign name', '广告活动', '广告活动名称']),
    field('adGroup', 'text', false, ['ad group', 'ad group name', '广告组', '广告组名称']),
    field('sku', 'text', true, ['sku', 'advertised sku', '广告sku']),
    field('spend', 'money', true, ['spend', 'cost', 'ad spend', '花费', '广告花费']),
    field('sales', 'money', false, ['sales', '7 day total sales', 'ad sales', '广告销售额']),
    field('clicks', 'count', false, ['clicks', '点击', '点击量']),
    field('impressions', 'count', false, ['impressions', '曝光', '曝光量', '展示量']),
    field('orders', 'count', false, ['orders', '7 day total orders (#)', '订单', '广告订单']),
    field('units', 'count', false, ['units', '7 day total units (#)', '广告销量']),
  ],
  returns: [
    field('date', 'date', true, ['date', 'return date', 'return-date', '退货日期', '日期']),
    field('sku', 'text', true, ['sku', '商品sku']),
    field('quantity', 'count', true, ['quantity', 'qty', 'returned units', '数量', '退货数量']),
    field('orderId', 'text', false, ['order id', 'order-id', '订单号']),
  ],
  periodTraffic: [
    field('sku', 'text', true, ['sku']),
    field('asin', 'text', false, ['asin', '(child) asin', 'child asin']),
    field('sessions', 'count', true, ['sessions', 'sessions - total', '会话', '访客']),
    field('pageViews', 'count', false, ['page views', 'page views - total', '浏览量']),
    field('unitsOrdered', 'count', false, ['units ordered', '已订购商品数量', '销量']),
    field('orderedSales', 'money', false, ['ordered product sales', '已订购商品销售额', '销售额']),
  ],
  inventory: [
    field('sku', 'text', true, ['sku', 'seller sku']),
    field('asin', 'text', false, ['asin']),
    field('availableUnits', 'count', true, [
      'available',
      'afn-fulfillable-quantity',
      'fulfillable',
      '可售',
      '可售数量',
    ]),
    field('inboundUnits', 'count', false, ['inbound', 'afn-inbound-shipped-quantity', '在途', '入库中']),
    field('reservedUnits', 'count', false, ['reserved', 'afn-reserved-quantity', '预留']),
    field('unsellableUnits', 'count', false, ['unsellable', 'afn-unsellable-quantity', '不可售']),
    field('price', 'money', false, ['price', 'your-price', '价格']),
    // The snapshot's own day, when the sheet has one (a 3PL's stock date); else the day stated in the sidebar.
    field('date', 'date', false, ['date', 'snapshot date', 'snapshot-date', '日期', '快照日期', '库存日期']),
  ],
};

/** Kinds without a date per row: the user states the period (SPEC §2), and they never feed daily revenue. */
export function isPeriodKind(kind: MappingKind): boolean {
  return kind === 'periodTraffic' || kind === 'inventory';
}

export function fieldsOf(kind: MappingKind): readonly FieldSpec[] {
  return MAPPING_FIELDS[kind];
}

/** The message key of a field's label in the sidebar (`mapping.field.orderId`). */
export function fieldLabelKey(id: FieldId): string {
  return `mapping.field.${id}`;
}

export function kindLabelKey(kind: MappingKind): string {
  return `mapping.kind.${kind}`;
}
