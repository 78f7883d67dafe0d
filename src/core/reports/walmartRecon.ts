/**
 * Walmart Seller Center Payments / reconciliation ("recon") report: one row per amount of a transaction, typed by
 * Transaction Type (Sale, Refund, Adjustment, Dispute Settlement, PaymentSummary) and Amount Type (EXPORTS §8).
 *
 * Like the Amazon payments reports it supplies fees, refunds and reimbursements only (SPEC §2 "One source per
 * measure"): a sale's `Product Price` is the revenue the Walmart orders export already counts, taxes are collected for
 * the buyer and remitted, and the PaymentSummary row is the payout total of the period, not a transaction.
 *
 * Amount Types beyond the three EXPORTS §8 lists were taken from public parsers of the real file (a reconciliation of
 * a real 5,035-row report lists `WFS Inbound Fee`, `WFS Inventory Fee/Reimbursement`, `Promo Code`, `Total Walmart
 * Funded Savings`, `SEM Marketing Fee`, `Other tax (Fees)`, `Walmart Product Advertising`, `Product tax`, `Product tax
 * withheld`). An Amount Type none of the rules below recognises is listed in Data Issues, never guessed into a total.
 */
import { type FeeType, type PayoutCategory } from '../model';
import { addFees, paymentsLineKey } from './feeFacts';
import { PayoutBlocks } from './payouts';
import { SheetReader } from './sheetReader';
import { OtherMarketLines } from './usMarket';
import { type ReportDefinition } from './types';

/** What one recon amount is: a fee type, `notAFee` (sales, taxes), or `unknown` (an Amount Type not yet seen). */
type ReconAmount = FeeType | 'notAFee' | 'unknown';

export const walmartRecon: ReportDefinition = {
  type: 'walmart-recon',
  channel: 'walmart',
  labelKey: 'report.walmartRecon',
  periodReport: false,
  // None of these is a column of the Walmart orders export (PO#, Order Date, Qty, SKU, Item Cost…), and the orders
  // export's required `po#`/`item cost` are not columns here, so neither can be taken for the other.
  requiredHeaders: ['transaction posted timestamp', 'transaction type', 'amount', 'amount type'],
  signatureHeaders: [
    'period start date',
    'period end date',
    'total payable',
    'currency',
    'transaction key',
    'transaction description',
    'customer order #',
    'purchase order #',
    'purchase order line #',
    'ship qty',
    'commission rate',
    'partner item id',
    'partner gtin',
    'partner item name',
    'fulfillment type',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const postedColumn = sheet.column('transaction posted timestamp');
    const transactionTypeColumn = sheet.column('transaction type');
    const descriptionColumn = sheet.column('transaction description');
    const amountColumn = sheet.column('amount');
    const amountTypeColumn = sheet.column('amount type');
    // The PO is the order id the Walmart orders export uses (its PO# column), so fees and sales share one key.
    const purchaseOrderColumn = sheet.column('purchase order #');
    const customerOrderColumn = sheet.column('customer order #');
    const skuColumn = sheet.column('partner item id');
    const currencyColumn = sheet.column('currency');
    const otherMarkets = new OtherMarketLines(sheet);
    // SPEC §2a: a payments line is keyed by every column of the line that says what it is.
    const lineTextColumns = [
      'transaction key',
      'transaction type',
      'transaction description',
      'customer order #',
      'customer order line #',
      'purchase order #',
      'purchase order line #',
      'amount type',
      'ship qty',
      'transaction reason description',
      'partner item id',
    ].map((name) => sheet.column(name));

    const totalPayableColumn = sheet.column('total payable');
    const periodStartColumn = sheet.column('period start date');
    const periodEndColumn = sheet.column('period end date');
    const payouts = new PayoutBlocks(sheet, 'walmart', 'report.walmartRecon');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, purchaseOrderColumn, customerOrderColumn, descriptionColumn);
      const transactionType = row.text(transactionTypeColumn).toLowerCase();
      const amountType = row.text(amountTypeColumn).toLowerCase();
      // Walmart US pays in dollars; the lines below the summary leave the currency blank.
      const currency = row.text(currencyColumn).toUpperCase() || 'USD';
      // The payout total of the period (Total Payable), like the Settlement report's summary row: not a transaction,
      // but the total the period's lines must add up to (SPEC §2b).
      if (transactionType === 'paymentsummary') {
        const total = row.money(totalPayableColumn);
        const from = row.moment(periodStartColumn);
        const to = row.moment(periodEndColumn);
        if (total !== null && !row.failed) {
          payouts.stateTotal(
            dataRow,
            { currency },
            total,
            from && to ? { from: from.date, to: to.date } : null,
          );
        }
        continue;
      }
      // A line with neither type nor amount is not a transaction (one public parser meets a `Number of Lines in file`
      // line under the header).
      if (transactionType === '' && amountType === '' && row.text(amountColumn) === '') continue;
      const posted = row.requiredMoment(postedColumn);
      const amount = row.money(amountColumn);
      if (amount === null && !row.failed) {
        row.fail({ key: 'issue.missingValue', params: { column: sheet.headerText(amountColumn) } });
      }
      if (row.failed || posted === null || amount === null) continue;
      const description = row.text(descriptionColumn).toLowerCase();
      const kind = reconAmountKind(transactionType, amountType, description, amount);
      const line = { currency, day: posted.date };
      // An unknown Amount Type is listed row by row below; here it is only tallied as `other`.
      payouts.add(dataRow, line, payoutCategoryOf(kind, transactionType, amountType), amount);
      if (transactionType === 'sale' && amountType === 'product price') {
        payouts.addOrderPrincipal(dataRow, line, row.text(purchaseOrderColumn), amount);
      }
      if (!otherMarkets.admitsUsDollars(currency, amount)) continue;
      if (kind === 'notAFee') continue;
      if (kind === 'unknown') {
        row.fail({
          key: 'issue.walmartRecon.unknownAmountType',
          params: {
            amountType: row.text(amountTypeColumn),
            transactionType: row.text(transactionTypeColumn),
          },
        });
        continue;
      }
      addFees(
        sheet,
        {
          channel: 'walmart',
          date: posted.date,
          orderId: row.text(purchaseOrderColumn),
          sku: row.text(skuColumn),
          dataRow,
          line: paymentsLineKey(row, posted, lineTextColumns, [amountColumn]),
        },
        [[kind, amount]],
      );
    }
    otherMarkets.finish();
    payouts.finish();
    return sheet.result();
  },
};

/** The Reconciliation category of a recon amount, from what the summary makes of it (reconAmountKind). */
function payoutCategoryOf(kind: ReconAmount, transactionType: string, amountType: string): PayoutCategory {
  switch (kind) {
    case 'notAFee':
      if (amountType.includes('tax'))
        return amountType.includes('withheld') ? 'taxesWithheld' : 'taxesCollected';
      // A sale's Product Price and Walmart-funded savings are the sale price; another "… Price" is shipping.
      if (amountType === 'product price' || amountType.includes('walmart funded')) return 'principal';
      return transactionType === 'sale' ? 'shippingCredits' : 'other';
    case 'refund':
      return 'refunds';
    case 'shippingCredit':
      return 'shippingCredits';
    case 'promotion':
      return 'promotions';
    case 'advertisingCharge':
      return 'advertising';
    case 'reimbursement':
      return 'reimbursements';
    case 'unknown':
      return 'other';
    default:
      return 'fees';
  }
}

/** The fee type of one recon amount (all texts lower-case); charges are negative in the report, as on Amazon. */
function reconAmountKind(
  transactionType: string,
  amountType: string,
  description: string,
  amount: number,
): ReconAmount {
  // Product Price (and any other "… Price" the buyer pays, such as shipping) is the sale itself on a Sale: the orders
  // export's revenue. On a Refund or an adjustment it is money given back to the buyer.
  if (amountType.endsWith('price')) {
    if (transactionType === 'sale') return 'notAFee';
    // Product Price given back is the product refund; a shipping price given back is not revenue's (SPEC §2b).
    return amountType === 'product price' ? 'refund' : 'shippingCredit';
  }
  // "Commission on Product": Walmart's referral fee (negative on a sale, paid back positive on a refund).
  if (amountType.includes('commission')) return 'referral';
  // Product tax, Product tax withheld, Other tax: collected for the buyer and remitted, not the seller's money.
  if (amountType.includes('tax')) return 'notAFee';
  // Walmart-funded savings are Walmart paying the seller the discount it gave the buyer: part of the sale price.
  if (amountType.includes('walmart funded')) return 'notAFee';
  // Seller promo codes: discounts the revenue side owns; counted nowhere twice (as the Amazon `promotion` lines).
  if (amountType.includes('promo')) return 'promotion';
  // SEM Marketing Fee, Walmart Product Advertising: ad spend invoiced, a charge and never more spend (SPEC §2).
  if (amountType.includes('advertising') || amountType.includes('marketing')) return 'advertisingCharge';
  if (amountType.includes('fee') || amountType.includes('reimbursement')) {
    const text = `${amountType} ${description}`;
    if (text.includes('storage')) return 'storage';
    // Shipping labels bought through Walmart, WFS fulfilment and inbound fees: shipping the seller pays.
    if (
      text.includes('fulfillment fee') ||
      text.includes('fulfilment fee') ||
      text.includes('shipping label') ||
      text.includes('inbound')
    ) {
      return 'fulfilment';
    }
    // A dispute Walmart settles against the seller takes the sale back (as Amazon's chargebacks); one it settles for
    // the seller, and any other credit of the Fee/Reimbursement kind (lost or damaged WFS inventory), pays back.
    if (transactionType === 'dispute settlement' && amount < 0) return 'refund';
    return amount > 0 ? 'reimbursement' : 'other';
  }
  return 'unknown';
}
