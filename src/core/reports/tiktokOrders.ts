/**
 * TikTok Shop "All orders" export (sheet OrderSKUList): one row per SKU of an order. Row 2 describes each column in
 * words ("Platform unique order ID."), ids and times end in a TAB, and US times carry no zone (`03/01/2026 10:00:00 AM`,
 * the marketplace's local time) (EXPORTS §8).
 */
import { roundCents } from '../parse';
import { OrderLineMerger } from './orderLines';
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
    const skuColumn = sheet.column('seller sku');
    const quantityColumn = sheet.column('quantity');
    const beforeDiscountColumn = sheet.column('sku subtotal before discount');
    const sellerDiscountColumn = sheet.column('sku seller discount');
    const platformDiscountColumn = sheet.column('sku platform discount');
    const afterDiscountColumn = sheet.column('sku subtotal after discount');
    const createdColumn = sheet.column('created time');
    const lines = new OrderLineMerger();
    let firstDataRow = true;

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn);
      const describesColumns = firstDataRow && !ORDER_ID.test(row.text(orderIdColumn));
      firstDataRow = false;
      if (describesColumns) continue;
      const orderId = row.requiredText(orderIdColumn);
      const sku = row.requiredText(skuColumn);
      const created = row.requiredMoment(createdColumn);
      const quantity = row.count(quantityColumn);
      const afterDiscount = row.money(afterDiscountColumn);
      const beforeDiscount = row.money(beforeDiscountColumn);
      const sellerDiscount = row.money(sellerDiscountColumn);
      const platformDiscount = row.moneyOrZero(platformDiscountColumn);
      if (quantity === null && !row.failed) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
      }
      if (row.failed || created === null || quantity === null) continue;
      // Revenue after the SELLER's discounts only: a platform-funded discount is paid back to the seller by TikTok
      // Shop, so the seller's product sales are the subtotal before discount minus the seller discount. When the
      // before/seller columns are missing, the after-discount subtotal plus the platform discount is the same amount.
      const revenue =
        beforeDiscount !== null
          ? beforeDiscount - Math.abs(sellerDiscount ?? 0)
          : (afterDiscount ?? 0) + Math.abs(platformDiscount);
      lines.add({
        kind: 'orderLine',
        channel: 'tiktok',
        orderId,
        sku,
        date: created.date,
        lastUpdated: null,
        cancelled: CANCELLED_STATUSES.has(row.text(statusColumn).toLowerCase()),
        quantity,
        revenue: roundCents(revenue),
        currency: 'USD',
        source: { sheet: context.sheetName, row: dataRow.sheetRow },
      });
    }
    lines.addAllTo(sheet);
    return sheet.result();
  },
};
