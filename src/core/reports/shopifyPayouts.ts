/**
 * Shopify Payments transactions export (Finance › Payouts › Export transactions, `payment_transactions_export_*.csv`):
 * one row per charge, refund, adjustment or dispute, with the gross `Amount`, the processing `Fee` Shopify keeps and
 * the `Net` paid out. Header as public parsers of real files give it: `Transaction Date, Type, Order, Card Brand,
 * Card Source, Payout Status, Payout Date, Payout ID, Available On, Amount, Fee, Net, Checkout, Payment Method Name,
 * Presentment Amount, Presentment Currency, Currency` (EU stores add `VAT`; older files lack `Payout ID` and the
 * presentment columns): docs/EXPORTS-SOURCES.md.
 *
 * It is Shopify's payments source (SPEC §2b): the processing fee of each charge, and refunds on their day. A fee
 * belongs to an order, not to a SKU: the summary spreads it over the order's lines by their share of its revenue
 * (FeeFact.spreadOverOrder). `Amount` on a charge is what the buyer paid, tax and shipping included, so it is not
 * revenue (the orders export owns that); on a refund it is what went back to the buyer, tax and shipping included too,
 * which Shopify does not split here — the refund is counted whole (a known overstatement of the product refund when
 * shipping or tax was refunded, said in the README).
 */
import { type FeeType, type PayoutCategory } from '../model';
import { addFees, paymentsLineKey } from './feeFacts';
import { PayoutBlocks } from './payouts';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';
import { OtherMarketLines } from './usMarket';

/** What each transaction type is: its Reconciliation category for the gross Amount, and its fee type for profit. */
const TRANSACTION_TYPES: Readonly<Record<string, { payout: PayoutCategory; fee: FeeType | null }>> = {
  // The buyer's payment: the sale the orders export counts.
  charge: { payout: 'principal', fee: null },
  refund: { payout: 'refunds', fee: 'refund' },
  // A chargeback and its reversal.
  dispute: { payout: 'refunds', fee: 'refund' },
  // Money held back or released by Shopify: not income, not a cost.
  reserve: { payout: 'transfers', fee: null },
  // The payout to the bank, when the export lists it.
  payout: { payout: 'transfers', fee: null },
  // Fee corrections, failed-payout returns: Shopify's own adjustments.
  adjustment: { payout: 'fees', fee: 'other' },
};

export const shopifyPayouts: ReportDefinition = {
  type: 'shopify-payouts',
  channel: 'shopify',
  labelKey: 'report.shopifyPayouts',
  periodReport: false,
  requiredHeaders: ['transaction date', 'type', 'order', 'amount', 'fee', 'net'],
  signatureHeaders: [
    'card brand',
    'card source',
    'payout status',
    'payout date',
    'payout id',
    'available on',
    'checkout',
    'payment method name',
    'presentment amount',
    'presentment currency',
    'currency',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const dateColumn = sheet.column('transaction date');
    const typeColumn = sheet.column('type');
    const orderColumn = sheet.column('order');
    const amountColumn = sheet.column('amount');
    const feeColumn = sheet.column('fee');
    const netColumn = sheet.column('net');
    const currencyColumn = sheet.column('currency');
    const payoutIdColumn = sheet.column('payout id');
    const otherMarkets = new OtherMarketLines(sheet);
    const payouts = new PayoutBlocks(sheet, 'shopify', 'report.shopifyPayouts');
    // SPEC §2a: a payments line is keyed by every column of the line that says what it is.
    const lineTextColumns = [
      typeColumn,
      orderColumn,
      payoutIdColumn,
      sheet.column('checkout'),
      currencyColumn,
    ];

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderColumn);
      const typeText = row.text(typeColumn);
      const type = typeText.toLowerCase();
      const posted = row.requiredMoment(dateColumn);
      const amount = row.moneyOrZero(amountColumn);
      // Shopify writes the fee it keeps as a positive number (Net = Amount − Fee); a charge is negative here.
      const fee = -Math.abs(row.moneyOrZero(feeColumn));
      const net = row.moneyOrZero(netColumn);
      if (row.failed || posted === null) continue;
      const currency = row.text(currencyColumn).toUpperCase() || 'USD';
      const line = { subBlock: row.text(payoutIdColumn), currency, day: posted.date };
      // Own keys only: a type written `constructor` or `toString` is an unknown type, not an Object method.
      const kind = Object.prototype.hasOwnProperty.call(TRANSACTION_TYPES, type)
        ? TRANSACTION_TYPES[type]
        : undefined;
      // Each payout's lines add up to what it paid: the Net of every line.
      payouts.addLineTotal(dataRow, line, net);
      payouts.add(dataRow, line, 'fees', fee);
      if (kind) payouts.add(dataRow, line, kind.payout, amount);
      else payouts.addUnknown(dataRow, line, typeText, amount);
      if (type === 'charge') payouts.addOrderPrincipal(dataRow, line, row.text(orderColumn), amount);
      if (!otherMarkets.admitsUsDollars(currency, amount)) continue;
      const orderId = row.text(orderColumn);
      const amounts: Array<readonly [FeeType, number]> = [['other', fee]];
      // An unknown type is counted as a fee, so profit is not overstated, and listed (PayoutBlocks).
      const feeType = kind ? kind.fee : 'other';
      if (feeType !== null) amounts.push([feeType, amount]);
      addFees(
        sheet,
        {
          channel: 'shopify',
          date: posted.date,
          orderId,
          sku: '',
          dataRow,
          line: paymentsLineKey(row, posted, lineTextColumns, [amountColumn, feeColumn, netColumn]),
          spreadOverOrder: orderId !== '',
        },
        amounts,
      );
    }
    otherMarkets.finish();
    payouts.finish();
    return sheet.result();
  },
};
