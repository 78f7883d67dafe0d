import { defineMessages } from '../catalogue';

/** Names of the known exports as sellers know them, and the reasons a row of an export could not be read. */
export const reportsMessages = defineMessages({
  'report.amazonAllOrders': { en: 'Amazon All Orders report', zh: '亚马逊所有订单报告（All Orders）' },
  'report.amazonSpAdvertisedProduct': {
    en: 'Sponsored Products advertised product report',
    zh: '商品推广（SP）推广的商品报告',
  },
  'report.amazonSpAdvertisedProductUnified': {
    en: 'Sponsored Products advertised product report (new Ads reporting)',
    zh: '商品推广（SP）推广的商品报告（新版广告报告）',
  },
  'report.amazonSpSearchTerm': {
    en: 'Sponsored Products search term report',
    zh: '商品推广（SP）搜索词报告',
  },
  'report.amazonSpTargeting': {
    en: 'Sponsored Products targeting report',
    zh: '商品推广（SP）投放报告',
  },
  'report.amazonSdAdvertisedProduct': {
    en: 'Sponsored Display advertised product report',
    zh: '展示型推广（SD）推广的商品报告',
  },
  'report.amazonSdAdvertisedProductUnified': {
    en: 'Sponsored Display advertised product report (new Ads reporting)',
    zh: '展示型推广（SD）推广的商品报告（新版广告报告）',
  },
  'report.amazonSbCampaign': {
    en: 'Sponsored Brands campaign report',
    zh: '品牌推广（SB）广告活动报告',
  },
  'report.amazonSbCampaignUnified': {
    en: 'Sponsored Brands campaign report (new Ads reporting)',
    zh: '品牌推广（SB）广告活动报告（新版广告报告）',
  },
  'report.amazonBusinessReportChild': {
    en: 'Business Report: Detail Page Sales and Traffic by Child Item',
    zh: '业务报告：子商品详情页面上的销售量与访问量',
  },
  'report.amazonBusinessReportDate': {
    en: 'Business Report: Sales and Traffic by date',
    zh: '业务报告：按日期的销售量与访问量',
  },
  'report.amazonFbaReturns': { en: 'FBA customer returns report', zh: 'FBA 买家退货报告' },
  'report.amazonFbaInventory': { en: 'Manage FBA Inventory report', zh: '管理亚马逊库存（FBA 库存）报告' },
  'report.amazonDateRangeTransactions': {
    en: 'Amazon Date Range (transaction) report',
    zh: '亚马逊日期范围（交易）报告',
  },
  'report.amazonSettlementV2': {
    en: 'Amazon settlement report (V2 flat file)',
    zh: '亚马逊结算报告（V2 平面文件）',
  },
  'report.shopifyOrders': { en: 'Shopify orders export', zh: 'Shopify 订单导出' },
  'report.walmartOrders': { en: 'Walmart Seller Center orders export', zh: '沃尔玛卖家中心订单导出' },
  'report.tiktokOrders': { en: 'TikTok Shop orders export', zh: 'TikTok Shop 订单导出' },
  'report.walmartRecon': {
    en: 'Walmart Payments (reconciliation) report',
    zh: '沃尔玛付款（对账）报告',
  },
  'report.tiktokSettlement': {
    en: 'TikTok Shop income (settlement) export',
    zh: 'TikTok Shop 收入（结算）导出',
  },

  'issue.notANumber': {
    en: 'Row left out: {column} is “{value}”, not a number.',
    zh: '此行未计入：{column} 为“{value}”，不是数字。',
  },
  'issue.notUsDollars': {
    en:
      'Row left out: {column} is “{value}”, an amount in another currency. Only US dollars of the US marketplace ' +
      'are counted; amounts are never converted or summed across currencies.',
    zh: '此行未计入：{column} 为“{value}”，是其他币种的金额。只统计美国站的美元金额，不换算也不跨币种相加。',
  },
  'issue.notAWholeNumber': {
    en: 'Row left out: {column} is “{value}”, not a whole number.',
    zh: '此行未计入：{column} 为“{value}”，不是整数。',
  },
  'issue.notADate': {
    en: 'Row left out: {column} is “{value}”, not a date or time this add-on can read.',
    zh: '此行未计入：{column} 为“{value}”，不是可识别的日期或时间。',
  },
  'issue.ambiguousDate': {
    en:
      'Row left out: {column} is “{value}”, which could be month/day or day/month, and no value of the column nor ' +
      'the report’s known format decides which. Write it as yyyy-mm-dd, or add the rows that show the order.',
    zh:
      '此行未计入：{column} 为“{value}”，既可能是“月/日”也可能是“日/月”，该列其他值和报表的已知格式都无法判断。' +
      '请改为 yyyy-mm-dd 格式，或补充能判断顺序的行。',
  },
  'issue.notABoolean': {
    en: 'Row left out: {column} is “{value}”, not true/false.',
    zh: '此行未计入：{column} 为“{value}”，不是 true/false。',
  },
  'issue.notADateRange': {
    en: 'Row left out: {column} is “{value}”, not a date range such as “Jul 06, 2026 - Jul 29, 2026”.',
    zh: '此行未计入：{column} 为“{value}”，不是“Jul 06, 2026 - Jul 29, 2026”这样的日期范围。',
  },
  'issue.walmartRecon.unknownAmountType': {
    en:
      'Row left out: Amount Type “{amountType}” ({transactionType}) is not one this add-on knows, so it is not ' +
      'counted as a fee, refund or reimbursement.',
    zh: '此行未计入：金额类型（Amount Type）“{amountType}”（{transactionType}）无法识别，未计为费用、退款或补偿。',
  },
  'issue.missingValue': {
    en: 'Row left out: {column} is empty.',
    zh: '此行未计入：{column} 为空。',
  },
  'issue.orderFirstRowUnreadable': {
    en: 'Row left out: its order’s Created at is on row {row}, which could not be read.',
    zh: '此行未计入：该订单的创建时间（Created at）在第 {row} 行，而该行无法读取。',
  },
  'issue.nonAmazonOrderLines': {
    en:
      'Order lines with sales channel “Non-Amazon”: {count}. Amazon fulfilled these orders for another channel ' +
      '(Multi-Channel Fulfillment): they are not Amazon sales and were not counted; that channel’s own export counts them.',
    zh:
      '销售渠道为“Non-Amazon”的订单行：{count} 行。这是亚马逊为其他渠道的订单发货（多渠道配送 MCF），' +
      '不是亚马逊的销售，未计入；这些销售由该渠道自己的导出统计。',
  },
  'issue.sbReportSplitsSpend': {
    en:
      'This Sponsored Brands report splits spend by {column}, so its {rows} {rows|row was|rows were} not counted: beside the ' +
      'campaign report they would count the same spend twice. Download the Sponsored Brands Campaign report for spend.',
    zh:
      '此品牌推广（SB）报告按“{column}”拆分花费，其 {rows} 行未计入：与广告活动报告同时计入会把同一笔花费算两次。' +
      '请下载品牌推广（SB）广告活动报告以获取花费。',
  },
  'issue.campaignRowsOfSkuAdProducts': {
    en:
      'Campaign rows of {adProducts} left out: {count}. Their spend is read per SKU from the advertised product ' +
      'reports; only Sponsored Brands rows, which have no SKU, are read from a campaign report.',
    zh:
      '{adProducts} 的广告活动行未计入：{count} 行。其花费按 SKU 从推广的商品报告读取；广告活动报告只读取没有 SKU ' +
      '的品牌推广（SB）行。',
  },
  'issue.adReportNotDaily': {
    en:
      'Rows with one total per ad for {from} to {to}: {count}. Such totals cannot be split into days, so they were ' +
      'not counted. Download the report with time unit “Daily” to get daily ad spend.',
    zh:
      '{from} 至 {to} 每个广告一行汇总的行：{count} 行。这些汇总无法拆分到每天，未计入。' +
      '请以时间单位“每日（Daily）”下载该报告，以获得每日广告花费。',
  },
  'issue.periodMissing': {
    en:
      'Sheet “{sheet}” has no date per row: state the period it covers in the sidebar (Map sheets) to use its ' +
      'traffic figures.',
    zh: '工作表“{sheet}”没有每行日期：请在侧边栏（映射工作表）中说明它覆盖的时间段，才能使用其中的流量数据。',
  },
});
