import { defineMessages } from '../catalogue';

/** Why lines were left out by the counting rules of SPEC §2a (each line once, US dollars only, no price yet). */
export const countingMessages = defineMessages({
  'issue.blockOtherLayout': {
    en:
      'A header row with other columns starts here; its rows below ({rows}) were not counted, because they cannot be ' +
      'read with the first header’s columns. Paste each download with a different layout into a tab of its own.',
    zh:
      '此处开始了一个列不同的表头行，其下方的 {rows} 行未计入（无法按第一个表头的列读取）。' +
      '请把布局不同的下载文件分别粘贴到单独的工作表中。',
  },
  'issue.otherMarketLines': {
    en:
      'Lines of {market} left out: {lines}, amount {amount}. Only US-dollar lines of the US marketplace are counted; ' +
      'nothing is ever added up across currencies.',
    zh: '{market} 的行未计入：{lines} 行，金额 {amount}。只统计美国站点的美元数据，不同币种的金额绝不相加。',
  },
  'issue.pendingWithoutPrice': {
    en:
      'Pending lines with no price yet: {lines}. Amazon prices an order line once payment clears; until then it is ' +
      'not a sale and adds neither units nor revenue. Download the report again later to count them.',
    zh:
      '待处理（Pending）且尚无价格的订单行：{lines}。亚马逊在付款确认后才给订单行定价，在此之前它还不是销售，' +
      '不计入销量和销售额。稍后重新下载报告即可计入。',
  },
  'issue.negativeQuantity': {
    en: 'Row left out: {column} is {quantity}; a sold quantity cannot be negative.',
    zh: '此行未计入：{column} 为 {quantity}；销售数量不能为负数。',
  },
  'issue.negativePrice': {
    en: 'Row left out: {column} is {price}; a sale price cannot be negative (refunds come from payments reports).',
    zh: '此行未计入：{column} 为 {price}；销售价格不能为负数（退款来自付款报告）。',
  },
  'issue.zeroQuantityWithPrice': {
    en: 'Row left out: {column} is 0 but the line has a price; it is unclear how many units were sold.',
    zh: '此行未计入：{column} 为 0，但该行有价格，无法确定卖出了多少件。',
  },
  'issue.dailyTotalsCoveredByOrders': {
    en:
      'Days not used: {days}. An order export covers these days, and its order lines are the more detailed source ' +
      'of the same sales; adding both would count them twice.',
    zh: '未使用的天数：{days} 天。订单导出已覆盖这些日期，其订单行是同一批销售更详细的来源；两者相加会重复计算。',
  },
});
