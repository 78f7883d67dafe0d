/**
 * Payments > Reports Repository "Date Range" transaction report (CSV, all fields quoted, BOM, a preamble of about 7
 * lines before the header): one row per money movement with its amounts split into columns (EXPORTS §6).
 *
 * It supplies fees, refunds and reimbursements only. Its `product sales`/`quantity` describe the same sales as the
 * order exports and are not read (SPEC §2 "One source per measure"); taxes are collected and remitted for the buyer and
 * are not the seller's money; `Transfer` rows move the balance to the bank and are not a fee.
 */
import { type FeeType, type PayoutCategory } from '../model';
import { addFees, paymentsLineKey } from './feeFacts';
import { PayoutBlocks } from './payouts';
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

    const moneyColumns = ORDER_ROW_COLUMNS.map((spec) => ({
      ...spec,
      column: sheet.column(...spec.headers),
    })).filter((spec) => spec.column >= 0);
    const payouts = new PayoutBlocks(sheet, 'amazon', 'report.amazonDateRangeTransactions');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, orderIdColumn, descriptionColumn);
      const type = row.text(typeColumn).toLowerCase();
      const posted = row.requiredMoment(dateColumn);
      const description = row.text(descriptionColumn).toLowerCase();
      const total = row.moneyOrZero(totalColumn);
      const isRefund = type === 'refund';
      const amounts: Array<readonly [FeeType, number]> = [];
      const parts: Array<readonly [PayoutCategory | 'unknown', number]> = [];
      if (type === 'order' || isRefund) {
        for (const spec of moneyColumns) {
          const amount = row.moneyOrZero(spec.column);
          const kind = isRefund ? spec.refund : spec.order;
          parts.push([kind.payout, amount]);
          if (kind.fee !== null) amounts.push([kind.fee, amount]);
        }
      } else {
        const kind = nonOrderRowKind(type, description);
        parts.push([kind.payout, total]);
        if (kind.fee !== null) amounts.push([kind.fee, total]);
      }
      if (row.failed || posted === null) continue;
      // "All amounts in USD, unless specified" (the preamble): a North America account's amazon.ca / amazon.com.mx
      // lines are in their own currency and marketplace (SPEC §2a); they reconcile in their own currency.
      const marketplace = row.text(marketplaceColumn);
      const otherMarketplace = marketplace !== '' && marketplace.toLowerCase() !== 'amazon.com';
      const line = {
        currency: otherMarketplace ? (MARKETPLACE_CURRENCY[marketplace.toLowerCase()] ?? marketplace) : 'USD',
        day: posted.date,
      };
      payouts.addLineTotal(dataRow, line, total);
      for (const [category, amount] of parts) {
        if (category === 'unknown')
          payouts.addUnknown(dataRow, line, row.text(typeColumn) || description, amount);
        else payouts.add(dataRow, line, category, amount);
      }
      if (type === 'order') {
        const principal = parts.reduce(
          (sum, [category, amount]) =>
            category === 'principal' || category === 'promotions' ? sum + amount : sum,
          0,
        );
        payouts.addOrderPrincipal(dataRow, line, row.text(orderIdColumn), principal);
      }
      if (otherMarketplace) {
        otherMarkets.leaveOut(marketplace, total);
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
    payouts.finish();
    return sheet.result();
  },
};

interface LineKind {
  payout: PayoutCategory | 'unknown';
  fee: FeeType | null;
}

/** The currency of a North America marketplace's lines in a US account's report. */
const MARKETPLACE_CURRENCY: Readonly<Record<string, string>> = { 'amazon.ca': 'CAD', 'amazon.com.mx': 'MXN' };

/**
 * The money columns of Order and Refund rows, each with what it is on an order and on a refund (EXPORTS §6, and the
 * preamble's own definitions): product sales are the sales the order exports count (a refund gives them back, net
 * of the promotion given back, as revenue is after promotions: SPEC §2b); taxes are collected or withheld for the
 * state, not the seller's money; shipping and gift wrap are not revenue; every fee column is a marketplace fee
 * (positive on a refund where Amazon gives the fee back, less its refund administration fee).
 */
const ORDER_ROW_COLUMNS: ReadonlyArray<{ headers: string[]; order: LineKind; refund: LineKind }> = [
  {
    headers: ['product sales'],
    order: { payout: 'principal', fee: null },
    refund: { payout: 'refunds', fee: 'refund' },
  },
  {
    headers: ['promotional rebates'],
    order: { payout: 'promotions', fee: 'promotion' },
    refund: { payout: 'refunds', fee: 'refund' },
  },
  ...['shipping credits', 'gift wrap credits'].map((header) => ({
    headers: [header],
    order: { payout: 'shippingCredits' as const, fee: null },
    refund: { payout: 'shippingCredits' as const, fee: 'shippingCredit' as const },
  })),
  ...[
    'product sales tax',
    'shipping credits tax',
    'giftwrap credits tax',
    'promotional rebates tax',
    'tax on regulatory fee',
    // The 2017 layout's single tax column (EXPORTS §6).
    'sales tax collected',
  ].map((header) => ({
    headers: [header],
    order: { payout: 'taxesCollected' as const, fee: null },
    refund: { payout: 'taxesCollected' as const, fee: null },
  })),
  ...['marketplace withheld tax', 'marketplace facilitator tax'].map((header) => ({
    headers: [header],
    order: { payout: 'taxesWithheld' as const, fee: null },
    refund: { payout: 'taxesWithheld' as const, fee: null },
  })),
  {
    headers: ['selling fees'],
    order: { payout: 'fees', fee: 'referral' },
    refund: { payout: 'fees', fee: 'referral' },
  },
  {
    headers: ['fba fees'],
    order: { payout: 'fees', fee: 'fulfilment' },
    refund: { payout: 'fees', fee: 'fulfilment' },
  },
  ...['other transaction fees', 'other', 'regulatory fee'].map((header) => ({
    headers: [header],
    order: { payout: 'fees' as const, fee: 'other' as const },
    refund: { payout: 'fees' as const, fee: 'other' as const },
  })),
];

/** What a row other than Order and Refund is, by its type and description (its `total` is its amount). */
function nonOrderRowKind(type: string, description: string): LineKind {
  // Transfer: the balance paid to the seller's bank ("To account ending in: 4417"), not income nor a fee.
  if (type === 'transfer') return { payout: 'transfers', fee: null };
  // "Cost of Advertising": the ad spend invoiced again; a charge, never more spend (SPEC §2 "Ad spend").
  if (description.includes('cost of advertising')) return { payout: 'advertising', fee: 'advertisingCharge' };
  if (description.includes('storage')) return { payout: 'fees', fee: 'storage' };
  // Adjustments are Amazon paying back: FBA Inventory Reimbursement (lost, damaged, customer return not received).
  if (type === 'adjustment' || description.includes('reimbursement'))
    return { payout: 'reimbursements', fee: 'reimbursement' };
  if (type.includes('refund') || type.includes('chargeback') || type.includes('a-to-z'))
    return { payout: 'refunds', fee: 'refund' };
  // Service Fee (subscription), FBA Inventory Fee, Amazon Fees, Fee Adjustment…
  if (type.includes('fee') || description.includes('fee')) return { payout: 'fees', fee: 'other' };
  // Not a type this add-on knows: still counted as a fee, as before, so profit is not overstated; listed.
  return { payout: 'unknown', fee: 'other' };
}
