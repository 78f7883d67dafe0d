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
import { addFees } from './feeFacts';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

const REFUNDED_PRICE_PARTS = new Set(['principal', 'shipping', 'giftwrap']);
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

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn, descriptionColumn);
      const transactionType = row.text(transactionTypeColumn).toLowerCase();
      const amountType = row.text(amountTypeColumn).toLowerCase();
      const description = row.text(descriptionColumn).toLowerCase();
      if (transactionType === '' && amountType === '' && description === '') continue;
      const feeType = settlementFeeType(transactionType, amountType, description);
      if (feeType === null) continue;
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
          sheetRow: dataRow.sheetRow,
        },
        [[feeType, amount]],
      );
    }
    return sheet.result();
  },
};

/** The fee type of one settlement amount, or null for amounts that are not fees (sales, taxes, reserves). */
function settlementFeeType(transactionType: string, amountType: string, description: string): FeeType | null {
  if (amountType === 'itemprice') {
    if (transactionType === 'order') return null;
    return REFUNDED_PRICE_PARTS.has(description) ? 'refund' : null;
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
