/**
 * Shopify orders export (CSV): one row per line item; order-level cells (Created at, Financial Status, Cancelled at,
 * Currency) are filled only on an order's first row, and later rows of the same `Name` inherit them (SPEC §2).
 */
import { type OrderLineState } from '../model';
import { type Moment, wholeCentsOf } from '../parse';
import { LineKeysByPlace } from './orderLines';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';
import { OtherMarketLines } from './usMarket';

interface OrderLevelCells {
  /** Sheet row of the order's first row, which holds these cells. */
  sheetRow: number;
  created: Moment | null;
  financialStatus: string;
  cancelledAt: string;
  currency: string;
}

export const shopifyOrders: ReportDefinition = {
  type: 'shopify-orders',
  channel: 'shopify',
  labelKey: 'report.shopifyOrders',
  periodReport: false,
  requiredHeaders: ['name', 'created at', 'lineitem quantity', 'lineitem price', 'lineitem sku'],
  signatureHeaders: [
    'email',
    'financial status',
    'paid at',
    'fulfillment status',
    'currency',
    'subtotal',
    'total',
    'discount code',
    'lineitem name',
    'lineitem discount',
    'cancelled at',
    'billing name',
    'shipping name',
    'vendor',
    'id',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const nameColumn = sheet.column('name');
    const createdAtColumn = sheet.column('created at');
    const financialStatusColumn = sheet.column('financial status');
    const cancelledAtColumn = sheet.column('cancelled at');
    const currencyColumn = sheet.column('currency');
    const quantityColumn = sheet.column('lineitem quantity');
    const priceColumn = sheet.column('lineitem price');
    const discountColumn = sheet.column('lineitem discount');
    const skuColumn = sheet.column('lineitem sku');
    const orders = new Map<string, OrderLevelCells>();
    const otherMarkets = new OtherMarketLines(sheet);
    const lineKeys = new LineKeysByPlace();

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, nameColumn);
      const orderId = row.requiredText(nameColumn);
      if (row.failed) continue;
      let order = orders.get(orderId);
      if (row.text(createdAtColumn) !== '' || !order) {
        // The order's first row: its order-level cells apply to the rows below with the same Name.
        order = {
          sheetRow: dataRow.sheetRow,
          created: row.requiredMoment(createdAtColumn),
          financialStatus: row.text(financialStatusColumn).toLowerCase(),
          cancelledAt: row.text(cancelledAtColumn),
          currency: row.text(currencyColumn),
        };
        orders.set(orderId, order);
      }
      if (order.created === null && !row.failed) {
        // A later row inherits the first row's Created at; when that one could not be read, this row has no day either.
        row.fail({ key: 'issue.orderFirstRowUnreadable', params: { row: order.sheetRow } });
      }
      // A line without a SKU cannot be costed: it is a Data Issue, so SPEC §2a's Lineitem name key is never needed.
      const sku = row.requiredText(skuColumn);
      const quantity = row.count(quantityColumn);
      const unitPrice = row.money(priceColumn);
      const lineDiscount = row.moneyOrZero(discountColumn);
      if (row.failed || order.created === null) continue;
      if (quantity === null) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
      } else if (unitPrice === null) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(priceColumn) } });
      } else if (quantity < 0) {
        row.fail({
          key: 'issue.negativeQuantity',
          params: { column: sheet.headerText(quantityColumn), quantity },
        });
      } else if (unitPrice < 0) {
        row.fail({
          key: 'issue.negativePrice',
          params: { column: sheet.headerText(priceColumn), price: unitPrice },
        });
      } else if (quantity === 0 && unitPrice > 0) {
        row.fail({
          key: 'issue.zeroQuantityWithPrice',
          params: { column: sheet.headerText(quantityColumn) },
        });
      }
      if (row.failed || quantity === null || unitPrice === null) continue;
      const revenueCents = wholeCentsOf(unitPrice * quantity - Math.abs(lineDiscount));
      if (!otherMarkets.admitsUsDollars(order.currency, revenueCents / 100)) continue;
      sheet.addFact({
        kind: 'orderLine',
        channel: 'shopify',
        orderId,
        // SPEC §2a: Name + Lineitem sku, and the row's place among the order's rows of that SKU (orderLines.ts).
        lineKey: lineKeys.next(orderId, dataRow.block, sku, order.sheetRow === dataRow.sheetRow),
        sku,
        date: order.created.date,
        lastUpdatedSeconds: null,
        state: shopifyState(order),
        quantity,
        revenueCents,
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      });
    }
    otherMarkets.finish();
    return sheet.result();
  },
};

/**
 * Financial Status values (Shopify Admin, OrderDisplayFinancialStatus): pending, authorized, partially_paid, paid,
 * partially_refunded, refunded, voided, expired. `voided`: "an unpaid (payment authorized but not captured) order was
 * manually canceled": no sale took place, like an order with `Cancelled at`. A refunded order was a sale; its refund is
 * its own measure (SPEC §2), so it stays revenue — but it is a later state than paid when two copies disagree.
 */
function shopifyState(order: OrderLevelCells): OrderLineState {
  if (order.cancelledAt !== '' || order.financialStatus === 'voided') return 'cancelled';
  if (order.financialStatus === 'refunded' || order.financialStatus === 'partially_refunded')
    return 'refunded';
  if (order.financialStatus === 'pending' || order.financialStatus === 'authorized') return 'pending';
  return 'sold';
}
