/**
 * Settlement report V2 flat file (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2, TAB): one row per amount, typed by
 * transaction-type / amount-type / amount-description (EXPORTS §4). Its first data row is the settlement summary
 * (only id, dates, total and currency filled): not a transaction.
 *
 * Like the Date Range report it supplies fees, refunds and reimbursements only: order `ItemPrice` amounts are the
 * sales the order exports already count, withheld taxes are the buyer's, and reserve amounts are money held back and
 * released, not a cost.
 */
import { type FeeType } from '../model';
import { addFees, paymentsLineKey } from './feeFacts';
import { SheetReader } from './sheetReader';
import { isUsDollars, OtherMarketLines } from './usMarket';
import { type ReportDefinition } from './types';

const REFUNDED_SHIPPING_PARTS = new Set(['shipping', 'giftwrap']);
const REFERRAL_FEES = new Set(['commission', 'refundcommission', 'variableclosingfee', 'fixedclosingfee']);

export const amazonSettlementV2: ReportDefinition = {
  type: 'amazon-settlement-v2',
  channel: 'amazon',
  labelKey: 'report.amazonSettlementV2',
  periodReport: false,
  requiredHeaders: ['settlement-id', 'transaction-type', 'amount-type', 'amount-description', 'amount'],
  signatureHeaders: [
    'settlement-start-date',
    'settlement-end-date',
    'deposit-date',
    'total-amount',
    'currency',
    'order-id',
    'merchant-order-id',
    'adjustment-id',
    'shipment-id',
    'marketplace-name',
    'fulfillment-id',
    'posted-date',
    'posted-date-time',
    'order-item-code',
    'sku',
    'quantity-purchased',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const transactionTypeColumn = sheet.column('transaction-type');
    const amountTypeColumn = sheet.column('amount-type');
    const descriptionColumn = sheet.column('amount-description');
    const amountColumn = sheet.column('amount');
    const orderIdColumn = sheet.column('order-id');
    const skuColumn = sheet.column('sku');
    // posted-date-time carries a zone (`2025-06-09 05:23:19 UTC`); posted-date alone has a format seen as `09/06/25`
    // (day first) in one file, so it is only the fallback.
    const postedDateTimeColumn = sheet.column('posted-date-time');
    const postedDateColumn = sheet.column('posted-date');
    const settlementIdColumn = sheet.column('settlement-id');
    const startColumn = sheet.column('settlement-start-date');
    const endColumn = sheet.column('settlement-end-date');
    const currencyColumn = sheet.column('currency');
    const marketplaceColumn = sheet.column('marketplace-name');
    const otherMarkets = new OtherMarketLines(sheet);
    // SPEC §2a: a settlement line is keyed by its settlement id and every column of the line.
    const lineTextColumns = [
      'settlement-id',
      'transaction-type',
      'order-id',
      'merchant-order-id',
      'adjustment-id',
      'shipment-id',
      'marketplace-name',
      'amount-type',
      'amount-description',
      'fulfillment-id',
      'order-item-code',
      'merchant-order-item-id',
      'merchant-adjustment-item-id',
      'sku',
      'quantity-purchased',
      'promotion-id',
    ].map((name) => sheet.column(name));

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn, descriptionColumn);
      const transactionType = row.text(transactionTypeColumn).toLowerCase();
      const amountType = row.text(amountTypeColumn).toLowerCase();
      const description = row.text(descriptionColumn).toLowerCase();
      if (transactionType === '' && amountType === '' && description === '') {
        // The settlement's summary row: its start and end date are the days the settlement covers, posting or not
        // (SPEC §2a "Coverage").
        const start = row.moment(startColumn);
        const end = row.moment(endColumn);
        if (start !== null && end !== null && start.date <= end.date)
          sheet.coverPeriod({ from: start.date, to: end.date });
        continue;
      }
      const feeType = settlementFeeType(transactionType, amountType, description);
      if (feeType === null) continue;
      const currency = row.text(currencyColumn);
      const marketplace = row.text(marketplaceColumn);
      const otherMarketplace = marketplace !== '' && marketplace.toLowerCase() !== 'amazon.com';
      if (otherMarketplace || !isUsDollars(currency)) {
        const amount = row.moneyOrZero(amountColumn);
        if (!row.failed)
          otherMarkets.leaveOut(otherMarketplace ? `${marketplace} ${currency}`.trim() : currency, amount);
        continue;
      }
      const posted =
        postedDateTimeColumn >= 0 && row.text(postedDateTimeColumn) !== ''
          ? row.requiredMoment(postedDateTimeColumn)
          : row.requiredMoment(postedDateColumn);
      const amount = row.moneyOrZero(amountColumn);
      if (row.failed || posted === null) continue;
      addFees(
        sheet,
        {
          channel: 'amazon',
          date: posted.date,
          orderId: row.text(orderIdColumn),
          sku: row.text(skuColumn),
          dataRow,
          line: paymentsLineKey(row, posted, lineTextColumns, [amountColumn]),
          // A new settlement id is a new download even without a header row between (SPEC §2a "Blocks").
          subBlock: row.text(settlementIdColumn),
        },
        [[feeType, amount]],
      );
    }
    otherMarkets.finish();
    return sheet.result();
  },
};

/** The fee type of one settlement amount, or null for amounts that are not fees (sales, taxes, reserves). */
function settlementFeeType(transactionType: string, amountType: string, description: string): FeeType | null {
  if (amountType === 'itemprice') {
    if (transactionType === 'order') return null;
    if (description === 'principal') return 'refund';
    return REFUNDED_SHIPPING_PARTS.has(description) ? 'shippingCredit' : null;
  }
  // A refund gives the promotion back with the principal: the refund is what the buyer paid for the product (§2b).
  if (amountType === 'promotion' && transactionType !== 'order') {
    return description === 'principal' ? 'refund' : 'shippingCredit';
  }
  if (amountType === 'itemwithheldtax' || description.includes('reserve')) return null;
  if (amountType === 'itemfees') {
    if (REFERRAL_FEES.has(description)) return 'referral';
    if (description.startsWith('fba')) return 'fulfilment';
    return 'other';
  }
  if (amountType === 'promotion') return 'promotion';
  if (description.includes('cost of advertising') || amountType.includes('cost of advertising')) {
    return 'advertisingCharge';
  }
  if (amountType.includes('reimbursement') || description.includes('reimbursement')) return 'reimbursement';
  if (description.includes('storage')) return 'storage';
  if (transactionType.includes('refund') || transactionType.includes('chargeback')) return 'refund';
  return 'other';
}
