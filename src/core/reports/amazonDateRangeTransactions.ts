/**
 * Payments > Reports Repository "Date Range" transaction report (CSV, all fields quoted, BOM, a preamble of about 7
 * lines before the header): one row per money movement with its amounts split into columns (EXPORTS §6).
 *
 * It supplies fees, refunds and reimbursements only. Its `product sales`/`quantity` describe the same sales as the
 * order exports and are not read (SPEC §2 "One source per measure"); taxes are collected and remitted for the buyer and
 * are not the seller's money; `Transfer` rows move the balance to the bank and are not a fee.
 */
import { type FeeType } from '../model';
import { addFees, paymentsLineKey } from './feeFacts';
import { SheetReader } from './sheetReader';
import { OtherMarketLines } from './usMarket';
import { type ReportDefinition } from './types';

export const amazonDateRangeTransactions: ReportDefinition = {
  type: 'amazon-date-range-transactions',
  channel: 'amazon',
  labelKey: 'report.amazonDateRangeTransactions',
  periodReport: false,
  requiredHeaders: ['date/time', 'type', 'order id', 'sku', 'total'],
  signatureHeaders: [
    'settlement id',
    'description',
    'quantity',
    'marketplace',
    'fulfillment',
    'order city',
    'product sales',
    'shipping credits',
    'promotional rebates',
    'selling fees',
    'fba fees',
    'other transaction fees',
    'other',
    'transaction status',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const dateColumn = sheet.column('date/time');
    const typeColumn = sheet.column('type');
    const orderIdColumn = sheet.column('order id');
    const skuColumn = sheet.column('sku');
    const descriptionColumn = sheet.column('description');
    const productSalesColumn = sheet.column('product sales');
    const refundedShippingColumns = [sheet.column('shipping credits'), sheet.column('gift wrap credits')];
    const promotionColumn = sheet.column('promotional rebates');
    const sellingFeesColumn = sheet.column('selling fees');
    const fbaFeesColumn = sheet.column('fba fees');
    const otherColumns = [sheet.column('other transaction fees'), sheet.column('other')];
    const totalColumn = sheet.column('total');
    const marketplaceColumn = sheet.column('marketplace');
    const otherMarkets = new OtherMarketLines(sheet);
    // SPEC §2a: a Date Range line is keyed by every column of the line (the buyer's address columns add nothing).
    const lineTextColumns = [
      'settlement id',
      'type',
      'order id',
      'sku',
      'description',
      'quantity',
      'marketplace',
      'fulfillment',
      'transaction status',
    ].map((name) => sheet.column(name));
    const lineMoneyColumns = [
      'product sales',
      'product sales tax',
      'shipping credits',
      'shipping credits tax',
      'gift wrap credits',
      'giftwrap credits tax',
      'regulatory fee',
      'tax on regulatory fee',
      'promotional rebates',
      'promotional rebates tax',
      'marketplace withheld tax',
      'selling fees',
      'fba fees',
      'other transaction fees',
      'other',
      'total',
    ].map((name) => sheet.column(name));

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn, descriptionColumn);
      const type = row.text(typeColumn).toLowerCase();
      if (type === 'transfer') continue;
      const posted = row.requiredMoment(dateColumn);
      const description = row.text(descriptionColumn).toLowerCase();
      const amounts: Array<readonly [FeeType, number]> = [];
      if (type === 'order' || type === 'refund') {
        if (type === 'refund') {
          // The buyer gets back what they paid for the product: product sales net of the promotion given back, as
          // revenue is product sales after promotions (SPEC §2b). Shipping and gift wrap are not revenue.
          amounts.push(['refund', row.moneyOrZero(productSalesColumn) + row.moneyOrZero(promotionColumn)]);
          for (const column of refundedShippingColumns)
            amounts.push(['shippingCredit', row.moneyOrZero(column)]);
        } else {
          amounts.push(['promotion', row.moneyOrZero(promotionColumn)]);
        }
        amounts.push(['referral', row.moneyOrZero(sellingFeesColumn)]);
        amounts.push(['fulfilment', row.moneyOrZero(fbaFeesColumn)]);
        for (const column of otherColumns) amounts.push(['other', row.moneyOrZero(column)]);
      } else {
        amounts.push([feeTypeOfNonOrderRow(type, description), row.moneyOrZero(totalColumn)]);
      }
      if (row.failed || posted === null) continue;
      // "All amounts in USD, unless specified" (the preamble): a North America account's amazon.ca / amazon.com.mx
      // lines are in their own currency and marketplace (SPEC §2a).
      const marketplace = row.text(marketplaceColumn);
      if (marketplace !== '' && marketplace.toLowerCase() !== 'amazon.com') {
        otherMarkets.leaveOut(marketplace, row.moneyOrZero(totalColumn));
        continue;
      }
      addFees(
        sheet,
        {
          channel: 'amazon',
          date: posted.date,
          orderId: row.text(orderIdColumn),
          sku: row.text(skuColumn),
          dataRow,
          line: paymentsLineKey(row, posted, lineTextColumns, lineMoneyColumns),
        },
        amounts,
      );
    }
    otherMarkets.finish();
    return sheet.result();
  },
};

function feeTypeOfNonOrderRow(type: string, description: string): FeeType {
  // "Cost of Advertising": the ad spend invoiced again; a charge, never more spend (SPEC §2 "Ad spend").
  if (description.includes('cost of advertising')) return 'advertisingCharge';
  if (description.includes('storage')) return 'storage';
  // Adjustments are Amazon paying back: FBA Inventory Reimbursement (lost, damaged, customer return not received).
  if (type === 'adjustment' || description.includes('reimbursement')) return 'reimbursement';
  if (type.includes('refund') || type.includes('chargeback') || type.includes('a-to-z')) return 'refund';
  return 'other';
}
