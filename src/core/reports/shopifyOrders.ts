/**
 * Shopify orders export (CSV): one row per line item; order-level cells (Created at, Financial Status, Cancelled at,
 * Currency) are filled only on an order's first row, and later rows of the same `Name` inherit them (SPEC §2).
 */
import { type Moment, roundCents } from '../parse';
import { OrderLineMerger } from './orderLines';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

interface OrderLevelCells {
  /** Sheet row of the order's first row, which holds these cells. */
  sheetRow: number;
  created: Moment | null;
  financialStatus: string;
  cancelledAt: string;
  currency: string;
}

/**
 * `voided`: "an unpaid (payment authorized but not captured) order was manually canceled" (Shopify Admin API,
 * OrderDisplayFinancialStatus): no sale took place. `refunded` orders were sales; refunds are their own measure and
 * are not subtracted from revenue (SPEC §2), so they stay.
 */
const CANCELLED_FINANCIAL_STATUSES = new Set(['voided']);

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
    const lines = new OrderLineMerger();

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
      const sku = row.requiredText(skuColumn);
      const quantity = row.count(quantityColumn);
      const unitPrice = row.money(priceColumn);
      const lineDiscount = row.moneyOrZero(discountColumn);
      if (quantity === null && !row.failed) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
      }
      if (unitPrice === null && !row.failed) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(priceColumn) } });
      }
      if (row.failed || order.created === null || quantity === null || unitPrice === null) continue;
      lines.add({
        kind: 'orderLine',
        channel: 'shopify',
        orderId,
        sku,
        date: order.created.date,
        lastUpdated: null,
        cancelled: order.cancelledAt !== '' || CANCELLED_FINANCIAL_STATUSES.has(order.financialStatus),
        quantity,
        revenue: roundCents(unitPrice * quantity - Math.abs(lineDiscount)),
        currency: order.currency || 'USD',
        source: { sheet: context.sheetName, row: dataRow.sheetRow },
      });
    }
    lines.addAllTo(sheet);
    return sheet.result();
  },
};
