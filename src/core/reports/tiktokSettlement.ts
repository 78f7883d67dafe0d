/**
 * TikTok Shop income / settlement export (Finance › Income, sheet `Order details`): one row per settled order or
 * adjustment, its money split into columns (EXPORTS §8). Headers drift: the id column was seen as
 * `Order/adjustment ID  ` (trailing spaces, removed by header normalisation) and in 2026 as `Order/Adjustment ID`; the
 * row type as `Type` and in 2026 as `Transaction type`. A US unsettled report names the commission `Referral fee`.
 *
 * It supplies fees, refunds and reimbursements only (SPEC §2 "One source per measure"): `Total revenue`, `Subtotal
 * before discounts` and `Seller discounts` describe the sales the TikTok orders export already counts.
 *
 * The rows carry no SKU (one row per order), so fees land on the channel's row with an empty SKU for the settled day,
 * as the Amazon storage fee does: the channel's fees and gross profit are complete, a SKU's are not. Spreading an
 * order's fees over its SKUs would need the orders export and a rule to split them (by revenue?) that TikTok does not
 * publish, so it is not guessed here.
 */
import { type FeeType, type PayoutCategory } from '../model';
import { addFees, paymentsLineKey } from './feeFacts';
import { PayoutBlocks } from './payouts';
import { SheetReader } from './sheetReader';
import { OtherMarketLines } from './usMarket';
import { type ReportDefinition } from './types';

export const tiktokSettlement: ReportDefinition = {
  type: 'tiktok-settlement',
  channel: 'tiktok',
  labelKey: 'report.tiktokSettlement',
  periodReport: false,
  // The orders export has `Order ID` and no settlement amount; this export has neither `Order ID` nor `Seller SKU`,
  // so neither can be taken for the other.
  requiredHeaders: ['order/adjustment id', 'total settlement amount'],
  signatureHeaders: [
    'type',
    'transaction type',
    'order created time',
    'order settled time',
    'currency',
    'total revenue',
    'subtotal before discounts',
    'seller discounts',
    'refund subtotal after seller discounts',
    'total fees',
    'transaction fee',
    'tiktok shop commission fee',
    'referral fee',
    'seller shipping fee',
    'affiliate commission',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const idColumn = sheet.column('order/adjustment id');
    const typeColumn = sheet.column('type', 'transaction type');
    const settledColumn = sheet.column('order settled time');
    const settlementAmountColumn = sheet.column('total settlement amount');
    const refundColumn = sheet.column('refund subtotal after seller discounts');
    const referralColumns = [sheet.column('tiktok shop commission fee'), sheet.column('referral fee')];
    const otherFeeColumns = [
      sheet.column('transaction fee'),
      sheet.column('affiliate commission'),
      // The sales tax some states charge on TikTok's referral fee: the seller's cost, not the buyer's tax.
      sheet.column('sales tax on referral fees'),
    ];
    const sellerShippingColumn = sheet.column('seller shipping fee');
    const currencyColumn = sheet.column('currency');
    const otherMarkets = new OtherMarketLines(sheet);
    // SPEC §2a: a payments line is keyed by every column of the line that says what it is.
    const lineTextColumns = [idColumn, typeColumn, currencyColumn];
    const lineMoneyColumns = [
      settlementAmountColumn,
      refundColumn,
      ...referralColumns,
      ...otherFeeColumns,
      sellerShippingColumn,
      sheet.column('total revenue'),
      sheet.column('total fees'),
    ];

    const payouts = new PayoutBlocks(sheet, 'tiktok', 'report.tiktokSettlement');
    // The parts of an order row that add up to its Total settlement amount (SPEC §2b): product subtotal, the seller's
    // discounts, refunds, shipping the customer paid, and the fees.
    const subtotalColumn = sheet.column('subtotal before discounts');
    const sellerDiscountColumn = sheet.column('seller discounts');
    const totalRevenueColumn = sheet.column('total revenue');
    const customerShippingColumn = sheet.column('customer-paid shipping fee');
    const totalFeesColumn = sheet.column('total fees');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, idColumn);
      const type = row.text(typeColumn).toLowerCase();
      const settled = row.requiredMoment(settledColumn);
      const amounts: Array<readonly [FeeType, number]> = [];
      // Order rows (and refund rows of an order) split their money into columns; the column cells are negative for
      // charges and for money given back to the buyer, as in the Amazon reports.
      if (type === 'order' || type === 'refund' || type === '') {
        amounts.push(['refund', row.moneyOrZero(refundColumn)]);
        for (const column of referralColumns) amounts.push(['referral', row.moneyOrZero(column)]);
        amounts.push(['fulfilment', row.moneyOrZero(sellerShippingColumn)]);
        for (const column of otherFeeColumns) amounts.push(['other', row.moneyOrZero(column)]);
      } else {
        // Adjustments (Logistics reimbursement, GMV Payment for TikTok Ads, deductions): one amount, the settlement.
        amounts.push([feeTypeOfAdjustment(type), row.moneyOrZero(settlementAmountColumn)]);
      }
      if (row.failed || settled === null) continue;
      const currency = row.text(currencyColumn).toUpperCase() || 'USD';
      const line = { currency, day: settled.date };
      const settlement = row.moneyOrZero(settlementAmountColumn);
      payouts.addLineTotal(dataRow, line, settlement);
      if (type === 'order' || type === 'refund' || type === '') {
        const sellerDiscount = row.moneyOrZero(sellerDiscountColumn);
        const principal =
          subtotalColumn >= 0
            ? row.moneyOrZero(subtotalColumn)
            : row.moneyOrZero(totalRevenueColumn) - sellerDiscount;
        const fees =
          totalFeesColumn >= 0
            ? row.moneyOrZero(totalFeesColumn)
            : [...referralColumns, ...otherFeeColumns, sellerShippingColumn].reduce(
                (sum, column) => sum + row.moneyOrZero(column),
                0,
              );
        payouts.add(dataRow, line, 'principal', principal);
        payouts.add(dataRow, line, 'promotions', sellerDiscount);
        payouts.add(dataRow, line, 'refunds', row.moneyOrZero(refundColumn));
        payouts.add(dataRow, line, 'shippingCredits', row.moneyOrZero(customerShippingColumn));
        payouts.add(dataRow, line, 'fees', fees);
        if (type !== 'refund')
          payouts.addOrderPrincipal(dataRow, line, row.text(idColumn), principal + sellerDiscount);
      } else {
        const kind = feeTypeOfAdjustment(type);
        if (kind === 'other') payouts.addUnknown(dataRow, line, row.text(typeColumn), settlement);
        else payouts.add(dataRow, line, ADJUSTMENT_CATEGORY[kind], settlement);
      }
      if (!otherMarkets.admitsUsDollars(currency, settlement)) continue;
      addFees(
        sheet,
        {
          channel: 'tiktok',
          date: settled.date,
          orderId: row.text(idColumn),
          sku: '',
          dataRow,
          line: paymentsLineKey(row, settled, lineTextColumns, lineMoneyColumns),
        },
        amounts,
      );
    }
    otherMarkets.finish();
    payouts.finish();
    return sheet.result();
  },
};

/** Where a known adjustment goes in the Reconciliation sheet. */
const ADJUSTMENT_CATEGORY: Readonly<
  Record<'advertisingCharge' | 'reimbursement' | 'refund', PayoutCategory>
> = {
  advertisingCharge: 'advertising',
  reimbursement: 'reimbursements',
  refund: 'refunds',
};

function feeTypeOfAdjustment(type: string): 'advertisingCharge' | 'reimbursement' | 'refund' | 'other' {
  // "GMV Payment for TikTok Ads": ad spend paid out of the settlement; a charge, never more spend (SPEC §2).
  if (type.includes('ads') || type.includes('advertising')) return 'advertisingCharge';
  if (type.includes('reimbursement') || type.includes('compensation')) return 'reimbursement';
  if (type.includes('refund')) return 'refund';
  return 'other';
}
