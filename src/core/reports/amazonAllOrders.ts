/**
 * Amazon All Orders report (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL), TAB flat file: one row per order
 * item. Classic 32 columns and the current 33 (no `url`, plus `cpf` and `signature-confirmation-recommended`): columns
 * are found by name, so both read the same (EXPORTS §3).
 */
import { type OrderLineState } from '../model';
import { epochSecondsOf, isLowerCaseOf, wholeCentsOf } from '../parse';
import { type ReportDefinition } from './types';
import { SheetReader } from './sheetReader';
import { isUsDollars, OtherMarketLines } from './usMarket';

const NON_AMAZON_SALES_CHANNEL = 'non-amazon';
/** The US marketplace's sales channel; `Amazon.ca` and `Amazon.com.mx` share a North America unified account. */
const US_SALES_CHANNEL = 'amazon.com';

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
    const otherMarkets = new OtherMarketLines(sheet);
    let nonAmazonLines = 0;
    let pendingWithoutPrice = 0;

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn);
      const salesChannel = row.text(salesChannelColumn);
      // Multi-channel fulfilment: Amazon ships another channel's order (Shopify, Walmart…). That channel's own export
      // carries the sale; counting it here would count it twice and call it Amazon's (SPEC §2 "Revenue").
      if (isLowerCaseOf(salesChannel, NON_AMAZON_SALES_CHANNEL)) {
        nonAmazonLines++;
        sheet.excludeRow();
        continue;
      }
      const currency = row.text(currencyColumn);
      const otherMarketplace = salesChannel !== '' && !isLowerCaseOf(salesChannel, US_SALES_CHANNEL);
      if (otherMarketplace || !isUsDollars(currency)) {
        const itemPrice = row.money(itemPriceColumn);
        // An unreadable price is that row's own Data Issue; the row is not also counted as left out.
        if (row.failed) continue;
        otherMarkets.leaveOut(
          otherMarketplace ? `${salesChannel} ${currency}`.trim() : currency,
          itemPrice ?? 0,
        );
        continue;
      }
      const orderId = row.requiredText(orderIdColumn);
      const sku = row.requiredText(skuColumn);
      const purchaseDay = row.requiredDay(purchaseDateColumn);
      const lastUpdated = row.instant(lastUpdatedColumn);
      const quantity = row.count(quantityColumn);
      const itemPrice = row.money(itemPriceColumn);
      const promotionDiscount = row.money(promotionDiscountColumn) ?? 0;
      const orderStatus = row.text(orderStatusColumn);
      const state: OrderLineState =
        isLowerCaseOf(orderStatus, 'cancelled') || isLowerCaseOf(row.text(itemStatusColumn), 'cancelled')
          ? 'cancelled'
          : isLowerCaseOf(orderStatus, 'pending')
            ? 'pending'
            : 'sold';
      if (row.failed || purchaseDay === null) continue;
      if (state !== 'cancelled') {
        // A Cancelled line counts for nothing whatever its cells say (Amazon writes quantity 0, price blank).
        if (quantity === null) {
          row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(quantityColumn) } });
        } else if (quantity < 0) {
          row.fail({
            key: 'issue.negativeQuantity',
            params: { column: sheet.headerText(quantityColumn), quantity },
          });
        } else if (itemPrice === null && state === 'pending') {
          // Not a sale yet (SPEC §2a): Amazon prices a Pending line only once payment is authorised. Its day is still
          // a day the export covers.
          pendingWithoutPrice++;
          sheet.excludeRow();
          sheet.noteDay(purchaseDay);
          continue;
        } else if (itemPrice === null) {
          row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(itemPriceColumn) } });
        } else if (itemPrice < 0) {
          row.fail({
            key: 'issue.negativePrice',
            params: { column: sheet.headerText(itemPriceColumn), price: itemPrice },
          });
        } else if (quantity === 0 && itemPrice > 0) {
          row.fail({
            key: 'issue.zeroQuantityWithPrice',
            params: { column: sheet.headerText(quantityColumn) },
          });
        }
        if (row.failed) continue;
      }
      sheet.addFact({
        kind: 'orderLine',
        channel: 'amazon',
        orderId,
        lineKey: sku,
        sku,
        date: purchaseDay,
        lastUpdatedSeconds: lastUpdated === null ? null : epochSecondsOf(lastUpdated),
        state,
        quantity: quantity ?? 0,
        // item-price is the line total; the promotion discount is written negative in some files and positive in
        // others, and is always a reduction (SPEC §2).
        revenueCents: wholeCentsOf((itemPrice ?? 0) - Math.abs(promotionDiscount)),
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      });
    }
    if (nonAmazonLines > 0) {
      sheet.addIssue(0, context.sheetName, {
        key: 'issue.nonAmazonOrderLines',
        params: { count: nonAmazonLines },
      });
    }
    if (pendingWithoutPrice > 0) {
      sheet.addIssue(0, context.sheetName, {
        key: 'issue.pendingWithoutPrice',
        params: { lines: pendingWithoutPrice },
      });
    }
    otherMarkets.finish();
    return sheet.result();
  },
};
