import { defineMessages } from '../catalogue';

/**
 * The Help dialog (issue 14): what to do first, each menu item (`help.menu.<handler name>`), each sheet the add-on
 * writes (`help.sheet.<OWNED_SHEETS key>`), the KPI_ functions and where the data comes from.
 */
export const helpMessages = defineMessages({
  'help.heading.start': { en: 'Start here', zh: '从这里开始' },
  'help.start': {
    en:
      'Paste an export from Amazon, Shopify, Walmart or TikTok Shop into a new tab, then choose “{build}” in ' +
      'this menu.',
    zh: '把亚马逊、Shopify、沃尔玛或 TikTok Shop 的导出数据粘贴到一个新标签页，然后在本菜单中选择「{build}」。',
  },
  'help.startSample': {
    en: 'To look around first, choose “{sample}”.',
    zh: '想先看看效果，可以选择「{sample}」。',
  },
  'help.heading.menu': { en: 'The menu (Extensions › Seller KPI)', zh: '菜单（扩展程序 › 卖家 KPI）' },
  'help.heading.sheets': { en: 'Sheets the add-on writes', zh: '插件生成的工作表' },
  'help.sheetsNote': {
    en: 'Each build rewrites them; do not type into KPI Summary, Data Issues or KPI Dashboard. Costs, Targets, Settings and Products are yours to edit.',
    zh: '每次生成都会重写这些表；请勿在 KPI Summary、Data Issues 或 KPI Dashboard 中手动输入。Costs、Targets、Settings 和 Products 由您填写。',
  },
  'help.heading.functions': { en: 'KPI functions', zh: 'KPI 函数' },
  'help.functionsNote': {
    en: 'Type =KPI_ in any cell to see them with their arguments. Each takes numbers or ranges; an example:',
    zh: '在任意单元格中输入 =KPI_ 即可看到全部函数及其参数。参数可以是数字或区域；每个函数附一个示例（说明为英文，括号内为中文术语）：',
  },
  'help.heading.data': { en: 'Where the data comes from', zh: '数据从哪里来' },
  'help.data': {
    en:
      'Only from the tabs of this workbook: the add-on reads the exports you paste or import, recognises them by ' +
      'their header row, and never connects to Amazon, Shopify, Walmart or TikTok Shop. A table it does not ' +
      'recognise (an ERP export) is counted once you map its columns in “{map}”; one with under half of an ' +
      'export’s usual columns shows there as “looks like …” and is counted once you map it or confirm it. Costs ' +
      'come from the Costs sheet, the USD→CNY rate from Settings. Your data stays in your own Google account. ' +
      'Exports it recognises:',
    zh: '只来自本工作簿的标签页：插件读取您粘贴或导入的导出数据，按表头识别报表类型，从不连接亚马逊、Shopify、沃尔玛或 TikTok Shop。无法识别的表（如 ERP 导出）在「{map}」中映射列之后即会统计；常见列不到一半的表在那里显示为“看起来像…”，映射或确认之后才会统计。成本来自 Costs 表，美元兑人民币汇率来自 Settings 表。数据始终保存在您自己的 Google 账号中。可识别的导出报表：',
  },

  'help.menu.showMappingSidebar': {
    en: 'Lists every tab with what was recognised; map a table the add-on does not know.',
    zh: '列出每个标签页及其识别结果；为插件不认识的表映射列。',
  },
  'help.menu.buildKpiSummary': {
    en: 'Reads every export and rewrites KPI Summary, Data Issues, the dashboard and the other outputs.',
    zh: '读取全部导出数据，重写 KPI Summary、Data Issues、看板及其他输出表。',
  },
  'help.menu.createCostsTemplate': {
    en: 'Creates the Costs sheet: unit cost, first-leg freight and duty per SKU, with the day each applies from.',
    zh: '创建 Costs 表：按 SKU 填写单位成本、头程运费、关税及生效日期。',
  },
  'help.menu.loadSampleData': {
    en: 'Adds “Sample – …” tabs with example exports and builds, so you can see every output at once.',
    zh: '添加若干「Sample – …」示例导出标签页并生成，立即看到全部输出。',
  },
  'help.menu.removeSampleData': {
    en: 'Deletes exactly those “Sample – …” tabs and builds again without them.',
    zh: '只删除这些「Sample – …」标签页，并在没有它们的情况下重新生成。',
  },
  'help.menu.fillTargetsFromActuals': {
    en: 'Adds first targets to the Targets sheet from the last 30 days of the KPI Summary.',
    zh: '根据 KPI Summary 近 30 天的数据，在 Targets 表中填写初始目标。',
  },
  'help.menu.openLookerStudio': {
    en: 'Shows a link that opens the KPI Summary in Looker Studio.',
    zh: '显示一个链接，在 Looker Studio 中打开 KPI Summary。',
  },
  'help.menu.scheduleRefresh': {
    en: 'Builds every day at the hour set in Settings, without anyone opening the file.',
    zh: '每天在设置中指定的时间自动生成，无需打开文件。',
  },
  'help.menu.unscheduleRefresh': {
    en: 'Stops the daily build of this workbook.',
    zh: '停止本工作簿的每日自动生成。',
  },
  'help.menu.sendDigestNow': {
    en: 'Sends the daily digest to the team chat set in Settings now.',
    zh: '立即把每日晨报发送到设置中指定的团队群聊。',
  },
  'help.menu.showSettingsSidebar': {
    en: 'Time zone, currency, USD→CNY rate, language, digest and refresh hour.',
    zh: '时区、币种、美元兑人民币汇率、语言、晨报和刷新时间。',
  },
  'help.menu.showHelp': { en: 'This page.', zh: '本页。' },

  'help.sheet.summary': {
    en: 'One row per day × channel × SKU: units, orders, revenue, ads, returns, costs, fees and profit.',
    zh: '每天 × 渠道 × SKU 一行：销量、订单、销售额、广告、退货、成本、费用和利润。',
  },
  'help.sheet.dashboard': {
    en: 'Yesterday, the last 7 days and month to date against your targets, top SKUs and stock at risk.',
    zh: '昨天、近 7 天和本月至今对照目标的完成情况，以及头部 SKU 和库存风险。',
  },
  'help.sheet.dataIssues': {
    en: 'Every row that could not be read or counted, with its sheet, row and why.',
    zh: '每一条无法读取或统计的行，注明所在工作表、行号和原因。',
  },
  'help.sheet.settings': {
    en: 'Your settings; the menu’s Settings… edits them.',
    zh: '您的设置；可通过菜单「设置…」修改。',
  },
  'help.sheet.costs': {
    en: 'Your landed costs per SKU; profit is blank for SKUs without one.',
    zh: '您填写的各 SKU 到岸成本；没有成本的 SKU 利润留空。',
  },
  'help.sheet.targets': {
    en: 'Your targets per metric, channel, SKU or season; the dashboard colours against them.',
    zh: '您按指标、渠道、SKU 或季节设置的目标；看板据此显示颜色。',
  },
  'help.sheet.products': {
    en: 'One row per SKU with its category and owner; your values are kept.',
    zh: '每个 SKU 一行，含品类和负责人；您填写的内容会保留。',
  },
  'help.sheet.inventory': {
    en: 'Stock health and when to reorder, per channel and SKU (needs a stock report).',
    zh: '按渠道和 SKU 显示库存健康度及补货时间（需要库存报表）。',
  },
  'help.sheet.kpiInventory': {
    en: 'The same stock figures as one long table, for Looker Studio.',
    zh: '同样的库存数据，整理为一张长表，供 Looker Studio 使用。',
  },
  'help.sheet.reconciliation': {
    en: 'Each payments report’s own total against the sum of its lines.',
    zh: '每份付款报告自身的总额与其明细之和的对照。',
  },
  'help.sheet.review': {
    en: 'The weekly and monthly review per level; your action, owner and due cells are kept.',
    zh: '按层级的周度与月度复盘；您填写的行动、负责人和截止日期会保留。',
  },
});
