import { defineMessages } from '../catalogue';

/** Inventory health and replenishment (issue 11, SPEC §3b): the Inventory sheet, its statuses and notes. */
export const inventoryMessages = defineMessages({
  'report.amazonRestockInventory': {
    en: 'Restock Inventory report',
    zh: '补货库存报告（Restock Inventory）',
  },
  'report.amazonFbaInventoryPlanning': {
    en: 'FBA Inventory report (inventory planning)',
    zh: '亚马逊物流库存报告（库存规划）',
  },
  'report.amazonInventoryLedgerSummary': {
    en: 'Inventory Ledger report, summary view',
    zh: '库存分类账报告（汇总视图）',
  },
  'report.amazonInventoryLedgerDetail': {
    en: 'Inventory Ledger report, detail view',
    zh: '库存分类账报告（详细视图）',
  },

  'dashboard.stock.title': {
    en: 'Stock at risk on {today}: {count} {count|SKU|SKUs} — the Inventory sheet has every SKU and its figures',
    zh: '{today} 有断货风险的 SKU：{count} 个——全部 SKU 及其数据见 Inventory 表',
  },
  'dashboard.stock.channel': { en: 'Channel', zh: '渠道' },
  'dashboard.stock.status': { en: 'Status', zh: '状态' },
  'dashboard.stock.available': { en: 'Available', zh: '可售' },
  'dashboard.stock.inbound': { en: 'Inbound', zh: '在途' },
  'dashboard.stock.orderBy': { en: 'Order by', zh: '最晚下单日' },
  'dashboard.stock.reorderQty': { en: 'Reorder qty', zh: '建议补货量' },
  'dashboard.stock.stockout': { en: 'Stockout (with inbound)', zh: '预计断货日（含在途）' },
  'dashboard.stock.overstock': {
    en: 'Overstock tied up at landed cost: {currency} {value} (OVERSTOCK SKUs without a cost, not counted: {withoutCost}).',
    zh: '积压库存占用资金（到仓成本）：{currency} {value}（无成本的积压 SKU 未计入：{withoutCost} 个）。',
  },
  'dashboard.stock.sellingRate': {
    en: 'Selling rate (动销率) {from} – {to}: {rate} — {sold} of {inStock} {inStock|SKU|SKUs} in stock sold at least one unit.',
    zh: '动销率（{from} – {to}）：{rate}——有库存的 {inStock} 个 SKU 中有 {sold} 个至少卖出一件。',
  },
  'dashboard.stock.sellingRateUnknown': {
    en: 'Selling rate (动销率): no SKU is in stock.',
    zh: '动销率：没有有库存的 SKU。',
  },
  'dashboard.stock.turnover': {
    en:
      'Inventory turnover month to date: {turnover} (COGS ÷ stock on hand at cost); the stock is {days} {days|day|days} of ' +
      'this month’s sales.',
    zh: '本月至今库存周转：{turnover}（销货成本 ÷ 在库库存成本）；现有库存相当于本月 {days} 天的销量。',
  },
  'dashboard.stock.turnoverUnknown': {
    en: 'Inventory turnover month to date: not known (no sales costed this month, or stock without a cost).',
    zh: '本月至今库存周转：未知（本月无可计成本的销售，或有库存缺少成本）。',
  },
  'inventory.status.out_of_stock': { en: 'OUT OF STOCK', zh: '断货' },
  'inventory.status.reorder_now': { en: 'REORDER NOW', zh: '立即补货' },
  'inventory.status.reorder_soon': { en: 'REORDER SOON', zh: '即将补货' },
  'inventory.status.ok': { en: 'OK', zh: '正常' },
  'inventory.status.overstock': { en: 'OVERSTOCK', zh: '库存积压' },

  'inventory.dateSource.report': { en: "report's date", zh: '报告自带日期' },
  'inventory.dateSource.stated': { en: 'stated in the sidebar', zh: '侧边栏填写的日期' },
  'inventory.dateSource.buildDay': { en: 'build day (no date stated)', zh: '生成当天（未填写日期）' },

  'inventory.demandSource.orders': { en: 'orders', zh: '订单' },
  'inventory.demandSource.ledger': { en: 'inventory ledger shipments', zh: '库存分类账发货' },
  'inventory.demandSource.report': { en: "report's units shipped", zh: '报告自带发货件数' },
  'inventory.demandSource.none': { en: 'no sales data', zh: '无销量数据' },

  'inventory.column.status': { en: 'Status', zh: '状态' },
  'inventory.column.channel': { en: 'Channel', zh: '渠道' },
  'inventory.column.sku': { en: 'SKU', zh: 'SKU' },
  'inventory.column.snapshotDate': { en: 'Snapshot date', zh: '库存快照日期' },
  'inventory.column.dateSource': { en: 'Date from', zh: '日期来源' },
  'inventory.column.available': { en: 'Available', zh: '可售库存' },
  'inventory.column.inbound': { en: 'Inbound', zh: '在途（入库中）' },
  'inventory.column.reserved': { en: 'Reserved', zh: '预留' },
  'inventory.column.unitsPerDay7': { en: 'Units/day 7d', zh: '近 7 天日均销量' },
  'inventory.column.unitsPerDay30': { en: 'Units/day 30d', zh: '近 30 天日均销量' },
  'inventory.column.unitsPerDay90': { en: 'Units/day 90d', zh: '近 90 天日均销量' },
  'inventory.column.sd90': { en: 'Daily units σd (90d)', zh: '日销量标准差 σd（90 天）' },
  'inventory.column.demandDays': { en: 'Days counted (90d)', zh: '计入天数（90 天）' },
  'inventory.column.stockoutDaysExcluded': { en: 'Stockout days left out', zh: '剔除的断货天数' },
  'inventory.column.demandSource': { en: 'Demand from', zh: '销量来源' },
  'inventory.column.daysOfSupply': { en: 'Days of supply', zh: '可售天数' },
  'inventory.column.daysOfSupplyWithInbound': { en: 'Days of supply incl. inbound', zh: '含在途可售天数' },
  'inventory.column.stockoutDate': { en: 'Stockout date', zh: '预计断货日' },
  'inventory.column.stockoutDateWithInbound': { en: 'Stockout date incl. inbound', zh: '含在途预计断货日' },
  'inventory.column.leadTime': { en: 'Lead time (days)', zh: '补货周期（天）' },
  'inventory.column.leadTimeSd': { en: 'Lead time σ (days)', zh: '补货周期标准差（天）' },
  'inventory.column.serviceLevel': { en: 'Service level', zh: '服务水平' },
  'inventory.column.safetyStock': { en: 'Safety stock', zh: '安全库存' },
  'inventory.column.reorderPoint': { en: 'Reorder point', zh: '补货点' },
  'inventory.column.orderBy': { en: 'Order by', zh: '最晚下单日' },
  'inventory.column.targetDays': { en: 'Target days of supply', zh: '目标可售天数' },
  'inventory.column.casePack': { en: 'Case pack', zh: '箱规' },
  'inventory.column.moq': { en: 'MOQ', zh: '起订量' },
  'inventory.column.reorderQty': { en: 'Suggested qty', zh: '建议补货量' },
  'inventory.column.sellThrough90': { en: 'Sell-through 90d', zh: '90 天售出率' },
  'inventory.column.turnover90': { en: 'Inventory turnover 90d', zh: '90 天库存周转率' },
  'inventory.column.daysOfInventory': { en: 'Days of inventory', zh: '库存周转天数' },
  'inventory.column.agedOver180': { en: 'Units aged >180 days', zh: '库龄超 180 天件数' },
  'inventory.column.notes': { en: 'Notes', zh: '说明' },

  'inventory.note.buildDay': {
    en: 'snapshot date not stated: the build day is used (state it in the sidebar)',
    zh: '未填写快照日期：按生成当天计算（请在侧边栏填写）',
  },
  'inventory.note.noProductRow': {
    en: 'not on the Products sheet yet: a row was added for it',
    zh: 'Products 表中尚无此 SKU：已为其新增一行',
  },
  'inventory.note.defaults': { en: 'defaults used: {parameters}', zh: '使用默认值：{parameters}' },
  'inventory.note.productProblems': {
    en: 'Products cells not usable (default used): {cells}',
    zh: 'Products 表中无法使用的单元格（已用默认值）：{cells}',
  },
  'inventory.note.demandLedger': {
    en: 'no order export for this channel: demand from the Inventory Ledger customer shipments',
    zh: '此渠道没有订单导出：销量取自库存分类账的买家发货',
  },
  'inventory.note.demandReport': {
    en: "no order export for this channel: demand from the report's own units shipped (no σd)",
    zh: '此渠道没有订单导出：销量取自报告自带的发货件数（无 σd）',
  },
  'inventory.note.noDemand': {
    en: 'no sales data for this channel: no demand, safety stock or suggested quantity',
    zh: '此渠道没有销量数据：无法计算销量、安全库存和建议补货量',
  },
  'inventory.note.coveredTo': {
    en: 'orders read up to {date}: later days are not counted',
    zh: '订单数据截至 {date}：之后的日期未计入',
  },
  'inventory.note.stockoutDays': {
    en: '{days} stockout days left out of demand (Inventory Ledger)',
    zh: '已从销量中剔除 {days} 个断货日（库存分类账）',
  },
  'inventory.note.onHandFromSnapshot': {
    en: 'no Inventory Ledger: average on hand taken from this snapshot',
    zh: '没有库存分类账：平均库存按本次快照计算',
  },
  'inventory.note.noCost': {
    en: 'no cost on the Costs sheet: no turnover',
    zh: 'Costs 表中没有成本：无法计算周转率',
  },
});
