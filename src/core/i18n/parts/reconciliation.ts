import { defineMessages } from '../catalogue';

/** The Reconciliation sheet's messages (SPEC §2b): lines that do not add up to their report's total. */
export const reconciliationMessages = defineMessages({
  'report.shopifyPayouts': {
    en: 'Shopify Payments transactions export (payouts)',
    zh: 'Shopify Payments 交易导出（回款）',
  },
  'issue.reconciliation.unexplained': {
    en:
      'Reconciliation: {amount} {currency} of this report’s total ({total}) is not explained by its lines. A line ' +
      'was lost (an unreadable amount, rows cut off when pasting) or a line’s total disagrees with its parts: see ' +
      'the Reconciliation sheet.',
    zh:
      '对账：该报告总额（{total}）中有 {amount} {currency} 无法由其各行解释。可能有行丢失（金额无法读取、粘贴时被截断），' +
      '或某行的合计与其明细不一致：请查看 Reconciliation 工作表。',
  },
  'issue.payout.unknownType': {
    en:
      'Payments lines of a type this add-on does not know ({type}): {lines}, amount {amount}. They are in the ' +
      '“other” column of the Reconciliation sheet and counted as a fee; tell us the type so it gets its own category.',
    zh:
      '无法识别类型的付款行（{type}）：{lines} 行，金额 {amount}。已列入 Reconciliation 工作表的“other”列并按费用计入；' +
      '请告诉我们该类型，以便归入正确的类别。',
  },
});
