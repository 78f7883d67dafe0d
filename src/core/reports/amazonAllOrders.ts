/**
 * Amazon All Orders report (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL), TAB flat file: one row per order
 * item. Classic 32 columns and the current 33 (no `url`, plus `cpf` and `signature-confirmation-recommended`): columns
 * are found by name, so both read the same (EXPORTS §3).
 */
import { roundCents } from '../parse';
import { type ReportDefinition } from './types';
import { SheetReader } from './sheetReader';

const NON_AMAZON_SALES_CHANNEL = 'non-amazon';

export const amazonAllOrders: ReportDefinition = {
  type: 'amazon-all-orders',
  channel: 'amazon',
  labelKey: 'report.amazonAllOrders',
  periodReport: false,
  requiredHeaders: ['amazon-order-id', 'purchase-date', 'sku', 'quantity', 'item-price'],
  signatureHeaders: [
    'merchant-order-id',
    'last-updated-date',
    'order-status',
    'fulfillment-channel',
    'sales-channel',
    'order-channel',
    'ship-service-level',
    'product-name',
    'asin',
    'item-status',
    'currency',
    'item-tax',
    'shipping-price',
    'item-promotion-discount',
    'ship-promotion-discount',
    'ship-country',
    'is-business-order',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const orderIdColumn = sheet.column('amazon-order-id');
    const skuColumn = sheet.column('sku');
    const purchaseDateColumn = sheet.column('purchase-date');
    const lastUpdatedColumn = sheet.column('last-updated-date');
    const orderStatusColumn = sheet.column('order-status');
    const itemStatusColumn = sheet.column('item-status');
    const salesChannelColumn = sheet.column('sales-channel');
    const quantityColumn = sheet.column('quantity');
    const currencyColumn = sheet.column('currency');
    const itemPriceColumn = sheet.column('item-price');
    const promotionDiscountColumn = sheet.column('item-promotion-discount');
    let nonAmazonLines = 0;

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn);
      // Multi-channel fulfilment: Amazon ships another channel's order (Shopify, Walmart…). That channel's own export
      // carries the sale; counting it here would count it twice and call it Amazon's (SPEC §2 "Revenue").
      if (row.text(salesChannelColumn).toLowerCase() === NON_AMAZON_SALES_CHANNEL) {
        nonAmazonLines++;
        continue;
      }
      const orderId = row.requiredText(orderIdColumn);
      const sku = row.requiredText(skuColumn);
      const purchased = row.requiredMoment(purchaseDateColumn);
      const lastUpdated = row.moment(lastUpdatedColumn);
      const quantity = row.count(quantityColumn);
      const itemPrice = row.money(itemPriceColumn);
      const promotionDiscount = row.money(promotionDiscountColumn) ?? 0;
      const orderStatus = row.text(orderStatusColumn).toLowerCase();
      const cancelled =
        orderStatus === 'cancelled' || row.text(itemStatusColumn).toLowerCase() === 'cancelled';
      // A sold line always has a quantity; valuing one without it would add revenue with no units. A Cancelled line
      // counts for nothing either way.
      if (quantity === null && !row.failed && !cancelled) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
      }
      // Amazon leaves item-price (and currency) blank on some Pending and Cancelled lines; elsewhere a blank price is
      // a line this add-on cannot value.
      if (itemPrice === null && !row.failed && !cancelled && orderStatus !== 'pending') {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(itemPriceColumn) } });
      }
      if (row.failed || purchased === null) continue;
      sheet.addFact({
        kind: 'orderLine',
        channel: 'amazon',
        orderId,
        sku,
        date: purchased.date,
        lastUpdated: lastUpdated?.epochMs ?? null,
        cancelled,
        quantity: quantity ?? 0,
        // item-price is the line total; the promotion discount is written negative in some files and positive in
        // others, and is always a reduction (SPEC §2).
        revenue: roundCents((itemPrice ?? 0) - Math.abs(promotionDiscount)),
        currency: row.text(currencyColumn) || 'USD',
        source: { sheet: context.sheetName, row: dataRow.sheetRow },
      });
    }
    if (nonAmazonLines > 0) {
      sheet.addIssue(0, context.sheetName, {
        key: 'issue.nonAmazonOrderLines',
        params: { count: nonAmazonLines },
      });
    }
    return sheet.result();
  },
};
