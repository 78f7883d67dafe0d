import { defineMessages } from '../catalogue';

/**
 * The menu, the mapping sidebar and its settings form. The sidebar's script bundles this part, so its static text
 * needs no server round trip; text that depends on data (a report's name) is translated by the server.
 */
export const uiMessages = defineMessages({
  'menu.openSidebar': { en: 'Map sheets…', zh: '映射工作表…' },
  'menu.settings': { en: 'Settings…', zh: '设置…' },
  'menu.loadSampleData': { en: 'Try with sample data', zh: '用示例数据试用' },
  'menu.removeSampleData': { en: 'Remove sample data', zh: '移除示例数据' },

  'sidebar.title': { en: 'Seller KPI', zh: '卖家 KPI' },
  'sidebar.loading': { en: 'Loading…', zh: '正在加载…' },
  'sidebar.working': { en: 'Working…', zh: '正在处理…' },
  'sidebar.tabs': { en: 'Sidebar sections', zh: '侧边栏分区' },
  'sidebar.tab.sheets': { en: 'Sheets', zh: '工作表' },
  'sidebar.tab.settings': { en: 'Settings', zh: '设置' },
  'sidebar.error.server': { en: 'The add-on could not answer: {detail}', zh: '插件无法响应：{detail}' },
  'sidebar.error.sheetGone': {
    en: 'The sheet “{sheet}” no longer exists. Refresh the list.',
    zh: '工作表“{sheet}”已不存在，请刷新列表。',
  },
  'sidebar.error.sheetNotFound': {
    en: 'That sheet no longer exists. Refresh the list.',
    zh: '该工作表已不存在，请刷新列表。',
  },
  'sidebar.error.invalidMapping': {
    en: 'The mapping cannot be saved yet: {problems}',
    zh: '映射尚不能保存：{problems}',
  },
  'sidebar.error.notAMapping': { en: 'The form sent no readable mapping.', zh: '表单未提交有效的映射。' },
  'sidebar.error.knownReport': {
    en: 'This sheet is already recognised as {report}: it needs no mapping.',
    zh: '此工作表已被识别为{report}，无需映射。',
  },
  'sidebar.error.ownedSheet': {
    en: 'The add-on writes this sheet itself; it cannot be a source.',
    zh: '此工作表由插件生成，不能作为数据源。',
  },
  'sidebar.error.notPartial': {
    en: 'This sheet no longer partly matches an export; refresh the list.',
    zh: '此工作表已不再部分匹配某份报表，请刷新列表。',
  },
  'sidebar.error.busy': {
    en: 'Another change is being saved in this workbook. Try again in a few seconds.',
    zh: '本工作簿正在保存其他更改，请几秒后重试。',
  },

  // The first screen's one sentence (issue 14): what to do next, above the one button that does it.
  'sidebar.firstStep.none': {
    en: 'Paste an export from Amazon, Shopify, Walmart or TikTok Shop into a new tab (or choose “{sample}” in the menu), then build.',
    zh: '把亚马逊、Shopify、沃尔玛或 TikTok Shop 的导出数据粘贴到一个新标签页（或在菜单中选择「{sample}」），然后点击生成。',
  },
  'sidebar.firstStep.partial': {
    en: '“{sheet}” looks like an export but is not counted yet: open it below to map it or count it as it is, then build.',
    zh: '工作表“{sheet}”看起来像导出报表，但尚未计入：请在下方打开它，映射各列或直接按该报表计入，然后点击生成。',
  },
  'sidebar.firstStep.ready': {
    en: '{count} {count|sheet|sheets} will be counted: build to update KPI Summary and the dashboard.',
    zh: '将统计 {count} 个工作表：点击生成即可更新 KPI Summary 和看板。',
  },
  'sidebar.sheets.heading': { en: 'Sheets in this workbook', zh: '本工作簿中的工作表' },
  'sidebar.sheets.refresh': { en: 'Refresh list', zh: '刷新列表' },
  'sidebar.sheets.none': { en: 'This workbook has no sheets to read.', zh: '本工作簿没有可读取的工作表。' },
  'sidebar.sheet.known': { en: '{report} ({confidence}% match)', zh: '{report}（匹配度 {confidence}%）' },
  'sidebar.sheet.mapped': { en: 'Mapped: {kind}', zh: '已映射：{kind}' },
  'sidebar.sheet.notMapped': { en: 'Not mapped', zh: '未映射' },
  // A header with under half of an export's signature columns (issue 14): named, and not counted until mapped or
  // confirmed.
  'sidebar.sheet.partial': {
    en: 'Looks like {report} ({found} of {total} columns): map it to use it',
    zh: '看起来像{report}（{total} 列中有 {found} 列相符）：映射后才能使用',
  },
  'sidebar.sheet.partialConfirmed': {
    en: '{report} ({found} of {total} columns), counted as you confirmed',
    zh: '{report}（{total} 列中有 {found} 列相符），已按您的确认计入',
  },
  'sidebar.partial.explain': {
    en: 'Not counted yet. Map its columns below; or, if it is this export with some columns left out, count it as it is.',
    zh: '尚未计入。请在下方映射各列；如果它就是这份报表、只是少了一些列，也可以直接按该报表计入。',
  },
  'sidebar.partial.confirm': { en: 'Count it as {report}', zh: '按{report}计入' },
  'sidebar.partial.confirmed': {
    en: '“{sheet}” is counted as {report} from the next build.',
    zh: '工作表“{sheet}”将从下次生成起按{report}计入。',
  },
  'sidebar.partial.withdraw': { en: 'Stop counting it', zh: '不再计入' },
  'sidebar.partial.withdrawn': {
    en: '“{sheet}” is no longer counted as {report}.',
    zh: '工作表“{sheet}”不再按{report}计入。',
  },
  'sidebar.sheet.owned': { en: 'Written by the add-on', zh: '由插件生成' },
  'sidebar.sheet.empty': { en: 'Empty sheet', zh: '空工作表' },
  'sidebar.sheet.rows': { en: '{rows} {rows|row|rows}', zh: '{rows} 行' },
  'sidebar.sheet.dateRange': { en: '{from} to {to}', zh: '{from} 至 {to}' },
  'sidebar.sheet.period': { en: 'Period {from} to {to}', zh: '周期 {from} 至 {to}' },
  'sidebar.sheet.issues': {
    en: '{count} {count|row|rows} cannot be read',
    zh: '{count} 行无法读取',
  },
  'sidebar.sheet.open': { en: 'Open {sheet}', zh: '打开 {sheet}' },
  'sidebar.build': { en: 'Build the KPI summary now', zh: '立即生成 KPI 汇总' },
  'sidebar.build.done': {
    en: 'KPI Summary built: {rows} {rows|row|rows}, {issues} data {issues|issue|issues}.',
    zh: 'KPI 汇总已生成：{rows} 行，{issues} 条数据问题。',
  },

  'sidebar.mapping.heading': { en: 'Sheet “{sheet}”', zh: '工作表“{sheet}”' },
  'sidebar.mapping.back': { en: 'Back to the sheet list', zh: '返回工作表列表' },
  'sidebar.mapping.kind': { en: 'This sheet holds', zh: '此工作表内容' },
  'sidebar.mapping.channel': { en: 'Sales channel', zh: '销售渠道' },
  'sidebar.mapping.headerRow': { en: 'Header row', zh: '表头所在行' },
  'sidebar.mapping.columns': { en: 'Which column holds each field', zh: '各字段对应的列' },
  'sidebar.mapping.notMapped': { en: '— not mapped —', zh: '— 不映射 —' },
  'sidebar.mapping.required': { en: '{field} (required)', zh: '{field}（必填）' },
  'sidebar.mapping.period': { en: 'Period this report covers', zh: '报表所覆盖的周期' },
  'sidebar.mapping.periodFrom': { en: 'From', zh: '开始日期' },
  'sidebar.mapping.periodTo': { en: 'To', zh: '结束日期' },
  'sidebar.mapping.preview': {
    en: 'Preview: the first rows as the add-on reads them',
    zh: '预览：插件读取的前几行',
  },
  'sidebar.mapping.previewRow': { en: 'Row', zh: '行' },
  'sidebar.mapping.previewNone': { en: 'No row can be read yet.', zh: '暂无可读取的行。' },
  'sidebar.mapping.previewRowsRead': {
    en: '{rows} data rows in the sheet, {issues} cannot be read.',
    zh: '工作表共有 {rows} 行数据，其中 {issues} 行无法读取。',
  },
  'sidebar.mapping.previewIssue': { en: 'Row {row}: {reason}', zh: '第 {row} 行：{reason}' },
  'sidebar.mapping.problems': { en: 'Before saving', zh: '保存前请处理' },
  'sidebar.mapping.save': { en: 'Save mapping', zh: '保存映射' },
  'sidebar.mapping.saved': { en: 'Mapping of “{sheet}” saved.', zh: '工作表“{sheet}”的映射已保存。' },
  'sidebar.mapping.remove': { en: 'Remove mapping', zh: '删除映射' },
  'sidebar.mapping.removed': { en: 'Mapping of “{sheet}” removed.', zh: '工作表“{sheet}”的映射已删除。' },
  'sidebar.mapping.knownReport': {
    en: 'Recognised as {report}. The add-on reads it without a mapping.',
    zh: '已识别为{report}，插件无需映射即可读取。',
  },
  'sidebar.mapping.ownedSheet': {
    en: 'The add-on writes this sheet; it is not read as a source.',
    zh: '此工作表由插件生成，不作为数据源读取。',
  },
  'sidebar.mapping.emptySheet': { en: 'This sheet is empty.', zh: '此工作表为空。' },
  'sidebar.mapping.cancelled': { en: 'cancelled', zh: '已取消' },

  'sidebar.period.save': { en: 'Save period', zh: '保存周期' },
  'sidebar.period.saved': { en: 'Period of “{sheet}” saved.', zh: '工作表“{sheet}”的周期已保存。' },
  'sidebar.period.needed': {
    en: 'This report has no date column: state the period it covers.',
    zh: '此报表没有日期列，请填写其覆盖的周期。',
  },

  'mapping.kind.orders': { en: 'Orders (one row per order line)', zh: '订单（每行一个订单商品）' },
  'mapping.kind.ads': { en: 'Advertising (per day and SKU)', zh: '广告（按日期和 SKU）' },
  'mapping.kind.returns': { en: 'Returns', zh: '退货' },
  'mapping.kind.periodTraffic': {
    en: 'Traffic for a period (like the Business Report)',
    zh: '周期流量（如业务报告）',
  },
  'mapping.kind.inventory': { en: 'Inventory snapshot', zh: '库存快照' },

  'mapping.channel.amazon': { en: 'Amazon', zh: '亚马逊' },
  'mapping.channel.shopify': { en: 'Shopify', zh: 'Shopify' },
  'mapping.channel.walmart': { en: 'Walmart', zh: '沃尔玛' },
  'mapping.channel.tiktok': { en: 'TikTok Shop', zh: 'TikTok Shop' },

  'mapping.field.orderId': { en: 'Order id', zh: '订单号' },
  'mapping.field.sku': { en: 'SKU', zh: 'SKU' },
  'mapping.field.date': { en: 'Date', zh: '日期' },
  'mapping.field.quantity': { en: 'Quantity', zh: '数量' },
  'mapping.field.revenue': { en: 'Revenue (line total)', zh: '销售额（行合计）' },
  'mapping.field.unitPrice': { en: 'Unit price', zh: '单价' },
  'mapping.field.discount': { en: 'Discount', zh: '折扣' },
  'mapping.field.status': { en: 'Status (cancelled?)', zh: '状态（是否取消）' },
  'mapping.field.currency': { en: 'Currency', zh: '币种' },
  'mapping.field.channel': { en: 'Channel per row', zh: '每行的渠道' },
  'mapping.field.campaign': { en: 'Campaign', zh: '广告活动' },
  'mapping.field.adGroup': { en: 'Ad group', zh: '广告组' },
  'mapping.field.spend': { en: 'Ad spend', zh: '广告花费' },
  'mapping.field.sales': { en: 'Ad sales', zh: '广告销售额' },
  'mapping.field.clicks': { en: 'Clicks', zh: '点击量' },
  'mapping.field.impressions': { en: 'Impressions', zh: '曝光量' },
  'mapping.field.orders': { en: 'Orders', zh: '订单数' },
  'mapping.field.units': { en: 'Units', zh: '件数' },
  'mapping.field.asin': { en: 'ASIN', zh: 'ASIN' },
  'mapping.field.sessions': { en: 'Sessions', zh: '会话数' },
  'mapping.field.pageViews': { en: 'Page views', zh: '页面浏览量' },
  'mapping.field.unitsOrdered': { en: 'Units ordered', zh: '已订购件数' },
  'mapping.field.orderedSales': { en: 'Ordered product sales', zh: '已订购商品销售额' },
  'mapping.field.availableUnits': { en: 'Available units', zh: '可售数量' },
  'mapping.field.inboundUnits': { en: 'Inbound units', zh: '在途数量' },
  'mapping.field.reservedUnits': { en: 'Reserved units', zh: '预留数量' },
  'mapping.field.unsellableUnits': { en: 'Unsellable units', zh: '不可售数量' },
  'mapping.field.price': { en: 'Price', zh: '价格' },

  'mapping.problem.missingField': { en: '{field} is required.', zh: '“{field}”为必填项。' },
  'mapping.problem.missingOneOf': { en: 'Map {fields}.', zh: '请映射{fields}。' },
  'mapping.problem.or': { en: ' or ', zh: '或' },
  'mapping.problem.unknownHeader': {
    en: 'The column “{header}” chosen for {field} is not in the header row.',
    zh: '为“{field}”选择的列“{header}”不在表头行中。',
  },
  'mapping.problem.sameColumnTwice': {
    en: 'The column “{header}” is chosen for two fields.',
    zh: '列“{header}”被选给了两个字段。',
  },
  'mapping.problem.periodMissing': {
    en: 'State the period this report covers.',
    zh: '请填写报表覆盖的周期。',
  },
  'mapping.problem.periodInvalid': {
    en: 'The period needs two dates, the first not after the second.',
    zh: '周期需要两个日期，且开始日期不晚于结束日期。',
  },
  'mapping.problem.headerRowInvalid': {
    en: 'The header row must be one of the first 15 rows.',
    zh: '表头必须位于前 15 行之内。',
  },
  'mapping.issue.notADate': { en: '{column}: “{value}” is not a date.', zh: '{column}：“{value}”不是日期。' },
  'mapping.issue.notANumber': {
    en: '{column}: “{value}” is not a number.',
    zh: '{column}：“{value}”不是数字。',
  },
  'mapping.issue.notAWholeNumber': {
    en: '{column}: “{value}” is not a whole number.',
    zh: '{column}：“{value}”不是整数。',
  },
  'mapping.issue.blank': { en: '{column} is blank.', zh: '“{column}”为空。' },
  'mapping.issue.columnGone': {
    en: 'The mapped column “{column}” is no longer in the header row: the sheet was left out. Map it again.',
    zh: '已映射的列“{column}”已不在表头行中，此工作表未被读取，请重新映射。',
  },
  'mapping.issue.unknownChannel': {
    en: 'Channel “{value}” is not Amazon, Shopify, Walmart or TikTok Shop.',
    zh: '渠道“{value}”不是亚马逊、Shopify、沃尔玛或 TikTok Shop。',
  },

  'sidebar.settings.heading': { en: 'Workbook settings', zh: '工作簿设置' },
  'sidebar.settings.timeZone': { en: 'Reporting time zone', zh: '报表时区' },
  'sidebar.settings.timeZoneHelp': {
    en: 'The days KPIs are counted in. Amazon US uses Pacific time (America/Los_Angeles).',
    zh: 'KPI 按此时区计算日期。亚马逊美国站使用太平洋时间（America/Los_Angeles）。',
  },
  'sidebar.settings.baseCurrency': { en: 'Base currency', zh: '本位币' },
  'sidebar.settings.fxSource': { en: 'USD → CNY rate', zh: '美元兑人民币汇率' },
  'sidebar.settings.fxLive': { en: 'Live rate (GOOGLEFINANCE)', zh: '实时汇率（GOOGLEFINANCE）' },
  'sidebar.settings.fxFixed': { en: 'Fixed rate', zh: '固定汇率' },
  'sidebar.settings.fxRate': { en: 'CNY per USD', zh: '每美元兑人民币' },
  'sidebar.settings.fxCurrent': { en: 'Rate now: {rate}', zh: '当前汇率：{rate}' },
  'sidebar.settings.fxUnavailable': { en: 'The rate cannot be read right now.', zh: '暂时无法读取汇率。' },
  'sidebar.settings.language': { en: 'Language', zh: '语言' },
  'sidebar.settings.languageAuto': {
    en: 'Automatic (Google account language)',
    zh: '自动（跟随 Google 账号语言）',
  },
  'sidebar.settings.languageEn': { en: 'English', zh: 'English（英文）' },
  'sidebar.settings.languageZh': { en: '简体中文 (Simplified Chinese)', zh: '简体中文' },
  'sidebar.settings.looker': { en: 'Looker Studio template report id', zh: 'Looker Studio 模板报表 ID' },
  'sidebar.settings.lookerHelp': {
    en: 'Optional: the id in the template report’s URL (…/reporting/<id>/…).',
    zh: '可选：模板报表网址中的 ID（…/reporting/<ID>/…）。',
  },
  'sidebar.settings.refreshSchedule': { en: 'Automatic refresh', zh: '定时刷新' },
  'sidebar.settings.refreshOff': { en: 'Off', zh: '关闭' },
  'sidebar.settings.refreshDaily': { en: 'Daily, at the hour below', zh: '每天（下方设置的整点）' },
  'sidebar.settings.refreshHourly': {
    en: 'Every hour (the most add-ons may run)',
    zh: '每小时（插件允许的最高频率）',
  },
  'sidebar.settings.refreshHour': {
    en: 'Daily refresh hour (reporting time zone)',
    zh: '每日刷新时间（报表时区）',
  },
  'sidebar.settings.hour': { en: '{hour}:00', zh: '{hour}:00' },
  'sidebar.settings.save': { en: 'Save settings', zh: '保存设置' },
  'sidebar.settings.saved': { en: 'Settings saved.', zh: '设置已保存。' },
  'sidebar.settings.sheetProblems': {
    en: 'Some values in the Settings sheet could not be read and were replaced by defaults: {problems}',
    zh: '“Settings”工作表中的部分值无法读取，已使用默认值：{problems}',
  },
  'settings.error.timeZone': { en: '“{zone}” is not a time zone.', zh: '“{zone}”不是有效的时区。' },
  'settings.error.fxRate': {
    en: 'The fixed rate must be yuan per US dollar, between 2 and 20 (for example 7.2).',
    zh: '固定汇率必须是每美元兑人民币的数值，介于 2 到 20 之间（例如 7.2）。',
  },
  'settings.error.refreshHour': {
    en: 'The refresh hour must be 0 to 23.',
    zh: '刷新时间必须在 0 到 23 之间。',
  },
  'settings.error.lookerId': {
    en: 'The report id may hold only letters, digits and dashes.',
    zh: '报表 ID 只能包含字母、数字和连字符。',
  },
  'settings.error.invalid': {
    en: 'The settings form sent unreadable values.',
    zh: '设置表单提交的值无法读取。',
  },
});
