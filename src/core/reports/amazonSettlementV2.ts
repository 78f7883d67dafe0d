/**
 * Settlement report V2 flat file (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2, TAB): one row per amount, typed by
 * transaction-type / amount-type / amount-description (EXPORTS §4). Its first data row is the settlement summary
 * (only id, dates, total and currency filled): not a transaction.
 *
 * Like the Date Range report it supplies fees, refunds and reimbursements only: order `ItemPrice` amounts are the
 * sales the order exports already count, withheld taxes are the buyer's, and reserve amounts are money held back and
 * released, not a cost.
 */
import { type FeeType, type PayoutCategory } from '../model';
import { addFees, paymentsLineKey } from './feeFacts';
import { PayoutBlocks } from './payouts';
import { SheetReader } from './sheetReader';
import { isUsDollars, OtherMarketLines } from './usMarket';
import { type ReportDefinition } from './types';

const SHIPPING_PARTS = new Set(['shipping', 'giftwrap']);
const TAX_PARTS = new Set(['tax', 'shippingtax', 'giftwraptax']);
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

    const totalColumn = sheet.column('total-amount');
    const payouts = new PayoutBlocks(sheet, 'amazon', 'report.amazonSettlementV2');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn, descriptionColumn);
      const transactionType = row.text(transactionTypeColumn).toLowerCase();
      const amountType = row.text(amountTypeColumn).toLowerCase();
      const description = row.text(descriptionColumn).toLowerCase();
      // A new settlement id is a new download even without a header row between (SPEC §2a "Blocks").
      const subBlock = row.text(settlementIdColumn);
      const currency = row.text(currencyColumn) || 'USD';
      if (transactionType === '' && amountType === '' && description === '') {
        // The settlement's summary row: its start and end date are the days the settlement covers, posting or not
        // (SPEC §2a "Coverage"), and its total-amount is what the settlement pays out (SPEC §2b).
        const start = row.moment(startColumn);
        const end = row.moment(endColumn);
        const period =
          start !== null && end !== null && start.date <= end.date
            ? { from: start.date, to: end.date }
            : null;
        if (period) sheet.coverPeriod(period);
        const total = row.money(totalColumn);
        if (total !== null && !row.failed) payouts.stateTotal(dataRow, { subBlock, currency }, total, period);
        continue;
      }
      const posted =
        postedDateTimeColumn >= 0 && row.text(postedDateTimeColumn) !== ''
          ? row.requiredMoment(postedDateTimeColumn)
          : row.requiredMoment(postedDateColumn);
      const amount = row.moneyOrZero(amountColumn);
      if (row.failed || posted === null) continue;
      const line = { subBlock, currency, day: posted.date };
      const kind = settlementLineKind(transactionType, amountType, description);
      if (kind.payout === 'unknown') {
        payouts.addUnknown(
          dataRow,
          line,
          `${row.text(transactionTypeColumn)} / ${row.text(amountTypeColumn)} / ${row.text(descriptionColumn)}`,
          amount,
        );
      } else {
        payouts.add(dataRow, line, kind.payout, amount);
      }
      if (
        transactionType === 'order' &&
        (amountType === 'itemprice' || amountType === 'promotion') &&
        description === 'principal'
      ) {
        payouts.addOrderPrincipal(dataRow, line, row.text(orderIdColumn), amount);
      }
      if (kind.fee === null) continue;
      const marketplace = row.text(marketplaceColumn);
      const otherMarketplace = marketplace !== '' && marketplace.toLowerCase() !== 'amazon.com';
      if (otherMarketplace || !isUsDollars(currency)) {
        otherMarkets.leaveOut(otherMarketplace ? `${marketplace} ${currency}`.trim() : currency, amount);
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
          line: paymentsLineKey(row, posted, lineTextColumns, [amountColumn]),
          subBlock,
        },
        [[kind.fee, amount]],
      );
    }
    otherMarkets.finish();
    payouts.finish();
    return sheet.result();
  },
};

/** What a settlement amount is: its reconciliation category, and the fee type the summary counts it as (if any). */
interface SettlementLineKind {
  payout: PayoutCategory | 'unknown';
  fee: FeeType | null;
}

/**
 * Every settlement amount by transaction-type / amount-type / amount-description (EXPORTS §4), in one table: order
 * `ItemPrice` amounts are the sales the order exports already count, withheld taxes are the buyer's, reserves are money
 * held back and released, not a cost. An amount none of these rules knows is `unknown`: `other` in the
 * Reconciliation sheet with a Data Issue, and still counted as a fee, as before, so that profit is not overstated.
 */
function settlementLineKind(
  transactionType: string,
  amountType: string,
  description: string,
): SettlementLineKind {
  const isOrder = transactionType === 'order';
  if (amountType === 'itemprice') {
    if (description === 'principal')
      return isOrder ? { payout: 'principal', fee: null } : { payout: 'refunds', fee: 'refund' };
    if (SHIPPING_PARTS.has(description))
      return { payout: 'shippingCredits', fee: isOrder ? null : 'shippingCredit' };
    if (TAX_PARTS.has(description)) return { payout: 'taxesCollected', fee: null };
    return { payout: 'unknown', fee: null };
  }
  if (amountType === 'itemwithheldtax') return { payout: 'taxesWithheld', fee: null };
  if (amountType === 'itemfees') {
    if (REFERRAL_FEES.has(description)) return { payout: 'fees', fee: 'referral' };
    if (description.startsWith('fba')) return { payout: 'fees', fee: 'fulfilment' };
    return { payout: 'fees', fee: 'other' };
  }
  // A refund gives the promotion back with the principal: the refund is what the buyer paid for the product (§2b).
  if (amountType === 'promotion') {
    if (isOrder) return { payout: 'promotions', fee: 'promotion' };
    return description === 'principal'
      ? { payout: 'refunds', fee: 'refund' }
      : { payout: 'shippingCredits', fee: 'shippingCredit' };
  }
  if (description.includes('reserve')) return { payout: 'transfers', fee: null };
  if (description.includes('cost of advertising') || amountType.includes('cost of advertising')) {
    return { payout: 'advertising', fee: 'advertisingCharge' };
  }
  if (amountType.includes('reimbursement') || description.includes('reimbursement')) {
    return { payout: 'reimbursements', fee: 'reimbursement' };
  }
  if (description.includes('storage')) return { payout: 'fees', fee: 'storage' };
  if (transactionType.includes('refund') || transactionType.includes('chargeback'))
    return { payout: 'refunds', fee: 'refund' };
  // Subscription Fee, Inbound Transportation Fee, Removal Fee … under other-transaction.
  if (description.includes('fee') || amountType.includes('fee')) return { payout: 'fees', fee: 'other' };
  return { payout: 'unknown', fee: 'other' };
}
