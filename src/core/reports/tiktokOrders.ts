/**
 * TikTok Shop "All orders" export (sheet OrderSKUList): one row per SKU of an order. Row 2 describes each column in
 * words ("Platform unique order ID."), ids and times end in a TAB, and US times carry no zone (`03/01/2026 10:00:00 AM`,
 * the marketplace's local time) (EXPORTS §8).
 */
import { type OrderLineState } from '../model';
import { wholeCentsOf } from '../parse';
import { LineKeysByPlace } from './orderLines';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

const ORDER_ID = /^\d+$/;
const CANCELLED_STATUSES = new Set(['canceled', 'cancelled']);

export const tiktokOrders: ReportDefinition = {
  type: 'tiktok-orders',
  channel: 'tiktok',
  labelKey: 'report.tiktokOrders',
  periodReport: false,
  requiredHeaders: [
    'order id',
    'order status',
    'seller sku',
    'quantity',
    'sku subtotal after discount',
    'created time',
  ],
  signatureHeaders: [
    'order substatus',
    'cancelation/return type',
    'cancellation/return type',
    'sku id',
    'product name',
    'variation',
    'sku unit original price',
    'sku subtotal before discount',
    'sku platform discount',
    'sku seller discount',
    'shipping fee after discount',
    'order amount',
    'paid time',
    'cancelled time',
    'fulfillment type',
    'tracking id',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const orderIdColumn = sheet.column('order id');
    const statusColumn = sheet.column('order status');
    const skuIdColumn = sheet.column('sku id');
    const skuColumn = sheet.column('seller sku');
    const quantityColumn = sheet.column('quantity');
    const beforeDiscountColumn = sheet.column('sku subtotal before discount');
    const sellerDiscountColumn = sheet.column('sku seller discount');
    const platformDiscountColumn = sheet.column('sku platform discount');
    const afterDiscountColumn = sheet.column('sku subtotal after discount');
    const createdColumn = sheet.column('created time');
    const lineKeysByPlace = new LineKeysByPlace();
    let firstDataRow = true;

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn);
      const orderIdText = row.text(orderIdColumn);
      // Row 2 describes each column in words ("Platform unique order ID."). Only a row that reads so is skipped: an
      // order id never holds a space, and a blank one is a data row with a missing value, listed (issue 9).
      const describesColumns = firstDataRow && /\s/.test(orderIdText) && !ORDER_ID.test(orderIdText);
      firstDataRow = false;
      if (describesColumns) {
        sheet.notADataRow();
        continue;
      }
      const orderId = row.requiredText(orderIdColumn);
      const sku = row.requiredText(skuColumn);
      const created = row.requiredMoment(createdColumn);
      const quantity = row.count(quantityColumn);
      const afterDiscount = row.money(afterDiscountColumn);
      const beforeDiscount = row.money(beforeDiscountColumn);
      const sellerDiscount = row.money(sellerDiscountColumn);
      const platformDiscount = row.moneyOrZero(platformDiscountColumn);
      const state = tiktokState(row.text(statusColumn).toLowerCase());
      if (row.failed || created === null) continue;
      const subtotal = beforeDiscount ?? afterDiscount;
      if (quantity === null) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
      } else if (state !== 'cancelled') {
        const priceColumn = beforeDiscount !== null ? beforeDiscountColumn : afterDiscountColumn;
        if (quantity < 0) {
          row.fail({
            key: 'issue.negativeQuantity',
            params: { column: sheet.headerText(quantityColumn), quantity },
          });
        } else if (subtotal !== null && subtotal < 0) {
          row.fail({
            key: 'issue.negativePrice',
            params: { column: sheet.headerText(priceColumn), price: subtotal },
          });
        } else if (quantity === 0 && subtotal !== null && subtotal > 0) {
          row.fail({
            key: 'issue.zeroQuantityWithPrice',
            params: { column: sheet.headerText(quantityColumn) },
          });
        }
      }
      if (row.failed || quantity === null) continue;
      // Revenue after the SELLER's discounts only: a platform-funded discount is paid back to the seller by TikTok
      // Shop, so the seller's product sales are the subtotal before discount minus the seller discount. When the
      // before/seller columns are missing, the after-discount subtotal plus the platform discount is the same amount.
      const revenue =
        beforeDiscount !== null
          ? beforeDiscount - Math.abs(sellerDiscount ?? 0)
          : (afterDiscount ?? 0) + Math.abs(platformDiscount);
      const skuId = row.text(skuIdColumn);
      sheet.addFact({
        kind: 'orderLine',
        channel: 'tiktok',
        orderId,
        // SPEC §2a: Order ID + SKU ID (one row per SKU of an order).
        lineKey: skuId !== '' ? skuId : lineKeysByPlace.next(orderId, dataRow.block, sku),
        sku,
        date: created.date,
        lastUpdatedSeconds: null,
        state,
        quantity,
        revenueCents: wholeCentsOf(revenue),
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      });
    }
    return sheet.result();
  },
};

/**
 * Order Status values of the export: Unpaid, On hold, Awaiting shipment / To ship, Awaiting collection, Shipped /
 * In transit, Delivered, Completed, Canceled (also spelled Cancelled).
 */
function tiktokState(status: string): OrderLineState {
  if (CANCELLED_STATUSES.has(status)) return 'cancelled';
  if (status === 'unpaid') return 'pending';
  return 'sold';
}
