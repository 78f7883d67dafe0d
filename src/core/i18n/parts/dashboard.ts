import { defineMessages } from '../catalogue';

/** KPI Dashboard, Targets, scheduled refresh and Looker Studio (issue 6). */
export const dashboardMessages = defineMessages({
  'dashboard.title': { en: 'KPI Dashboard', zh: 'KPI 看板' },
  'dashboard.asOf': {
    en: 'As of {date} ({zone}); built {time}. Periods count complete days up to yesterday.',
    zh: '统计截至 {date}（{zone}）；生成于 {time}。各期间只统计到昨天为止的完整天。',
  },
  'dashboard.asOfLastData': {
    en:
      'As of {date}, the last day with data ({zone}); built {time}. The exports end before yesterday, so every ' +
      'period ends on {date}: paste newer exports and build again to see yesterday.',
    zh: '统计截至 {date}，即数据的最后一天（{zone}）；生成于 {time}。导出数据在昨天之前就已结束，因此各期间都截至 {date}：粘贴更新的导出数据并重新生成即可看到昨天。',
  },
  'dashboard.legend': {
    en: 'GREEN = target met · AMBER = missed by no more than the tolerance · RED = missed by more',
    zh: '绿 = 达到目标 · 黄 = 未达标但在容差范围内 · 红 = 未达标且超出容差',
  },
  'dashboard.noTargets': {
    en: 'No targets yet: fill the Targets sheet, or use the menu "Fill targets from the last 30 days".',
    zh: '尚未设置目标：请填写 Targets 表，或使用菜单「用近 30 天数据填写目标」。',
  },
  'dashboard.period.yesterday': { en: 'Yesterday · {from}', zh: '昨天 · {from}' },
  'dashboard.period.last7': { en: 'Last 7 days · {from} – {to}', zh: '近 7 天 · {from} – {to}' },
  'dashboard.period.mtd': { en: 'Month to date · {from} – {to}', zh: '本月至今 · {from} – {to}' },
  'dashboard.periodToLastData.yesterday': {
    en: 'Last day with data · {from}',
    zh: '数据最后一天 · {from}',
  },
  'dashboard.periodToLastData.last7': {
    en: '7 days to the last day with data · {from} – {to}',
    zh: '截至数据最后一天的 7 天 · {from} – {to}',
  },
  'dashboard.periodToLastData.mtd': {
    en: 'Month to the last day with data · {from} – {to}',
    zh: '当月截至数据最后一天 · {from} – {to}',
  },
  'dashboard.column.scope': { en: 'Channel', zh: '渠道' },
  'dashboard.column.coverage': { en: 'Profit coverage', zh: '利润覆盖率' },
  'dashboard.column.profitAfterAds': { en: 'Profit after ads', zh: '广告后利润' },
  'dashboard.column.acosStatus': { en: 'ACoS status', zh: 'ACoS 状态' },
  'dashboard.column.acosLast7': { en: 'ACoS last 7 days', zh: '近 7 天 ACoS' },
  'dashboard.column.acosPrevious7': { en: 'ACoS previous 7 days', zh: '前 7 天 ACoS' },
  'dashboard.column.drift': { en: 'Change (points)', zh: '变化（百分点）' },
  'dashboard.column.adSales': { en: 'Ad sales', zh: '广告销售额' },
  'dashboard.column.acosTarget': { en: 'ACoS target', zh: 'ACoS 目标' },
  'dashboard.metric.revenue': { en: 'Revenue', zh: '销售额' },
  'dashboard.metric.units': { en: 'Units', zh: '销量（件）' },
  'dashboard.metric.ad_spend': { en: 'Ad spend', zh: '广告花费' },
  'dashboard.metric.acos': { en: 'ACoS', zh: 'ACoS（广告销售成本比）' },
  'dashboard.metric.tacos': { en: 'TACoS', zh: 'TACoS（总广告销售比）' },
  'dashboard.metric.return_rate': { en: 'Return rate', zh: '退货率' },
  'dashboard.metric.gross_profit': { en: 'Gross profit', zh: '毛利' },
  'dashboard.metric.margin': { en: 'Margin', zh: '毛利率' },
  'dashboard.metric.net_profit': { en: 'Net profit', zh: '净利润' },
  'dashboard.metric.net_margin': { en: 'Net margin', zh: '净利率' },
  'dashboard.status.INCOMPLETE': { en: 'INCOMPLETE', zh: '不完整（待补数据）' },
  'dashboard.moneyInCny': {
    en: 'Money in CNY at the Settings rate {rate} (targets are typed in USD and converted at the same rate).',
    zh: '金额按设置中的汇率 {rate} 折算为人民币（目标值以美元填写，按同一汇率折算）。',
  },
  'dashboard.reconciliation.unexplained': {
    en: 'Reconciliation: {blocks} payments report {blocks|block does|blocks do} not add up to {blocks|its|their} own total — see the Reconciliation sheet and Data Issues.',
    zh: '对账：有 {blocks} 个付款报告数据块的明细与其总额不符——请查看 Reconciliation 工作表与数据问题表。',
  },
  'dashboard.profitIncomplete': {
    en:
      '{scope}: profit is known for {coverage} of revenue, so no profit status is GREEN. SKUs sold without a cost: ' +
      '{skus}. Channels without a fee source: {channels}.',
    zh: '{scope}：仅 {coverage} 的销售额有可知利润，因此利润类状态不会显示为绿。无成本的 SKU：{skus}。无费用来源的渠道：{channels}。',
  },
  'dashboard.fxSensitivity': {
    en:
      'Net profit month to date: ${usd} = ¥{cny} at {rate}; ¥{down} if the rate falls 5%, ¥{up} if it rises 5% ' +
      '(KPI_FX_SENSITIVITY).',
    zh: '本月至今净利润：${usd} = ¥{cny}（汇率 {rate}）；汇率下跌 5% 时为 ¥{down}，上涨 5% 时为 ¥{up}（汇率敏感性，KPI_FX_SENSITIVITY）。',
  },
  'dashboard.owner': { en: '{metric} (owner: {role})', zh: '{metric}（负责：{role}）' },
  'dashboard.scope.total': { en: 'Total', zh: '合计' },
  'dashboard.channel.amazon': { en: 'Amazon', zh: '亚马逊' },
  'dashboard.channel.shopify': { en: 'Shopify', zh: 'Shopify' },
  'dashboard.channel.walmart': { en: 'Walmart', zh: '沃尔玛' },
  'dashboard.channel.tiktok': { en: 'TikTok Shop', zh: 'TikTok Shop' },
  'dashboard.row.target': { en: '   target', zh: '   目标' },
  'dashboard.row.status': { en: '   status', zh: '   状态' },
  // The one vocabulary of statuses: the dashboard, KPI Review, the digest and KPI_STATUS all say these words.
  'dashboard.status.GREEN': { en: 'GREEN', zh: '绿（达标）' },
  'dashboard.status.AMBER': { en: 'AMBER', zh: '黄（预警）' },
  'dashboard.status.RED': { en: 'RED', zh: '红（未达标）' },
  'dashboard.windows': {
    en: 'Seasonal targets used on some days: {windows}',
    zh: '部分日期使用了季节性目标：{windows}',
  },
  'dashboard.topProfit.title': {
    en: 'Top SKUs by gross profit · {from} – {to}',
    zh: '毛利最高的 SKU · {from} – {to}',
  },
  'dashboard.topDrift.title': {
    en: 'SKUs whose ACoS rose most · {from} – {to} against {previousFrom} – {previousTo}',
    zh: 'ACoS 上升最多的 SKU · {from} – {to} 对比 {previousFrom} – {previousTo}',
  },
  'dashboard.none': { en: '(none)', zh: '（无）' },
  'dashboard.notes.ratios': {
    en: 'Ratios are computed from sums over the period (ACoS = total ad spend ÷ total ad sales), never averaged.',
    zh: '比率均按期间合计计算（ACoS = 广告花费合计 ÷ 广告销售额合计），从不对比率取平均。',
  },
  'dashboard.notes.profit': {
    en:
      'Gross profit is before ads and counts only SKUs with known costs and fees; profit coverage is their share of ' +
      'revenue, and margin divides by that revenue only.',
    zh: '毛利为广告前毛利，只包含已知成本和费用的 SKU；利润覆盖率是这些 SKU 占销售额的比例，毛利率也只除以这部分销售额。',
  },
  'dashboard.targetsProblem': {
    en: 'Targets row {row} was ignored: {reason}',
    zh: 'Targets 表第 {row} 行已忽略：{reason}',
  },
  'targets.problem.header': {
    en: 'the header row needs at least the columns "metric" and "target"',
    zh: '表头至少需要 "metric" 和 "target" 两列',
  },
  'targets.problem.metric': {
    en: 'unknown metric "{value}" (revenue, units, ad_spend, acos, tacos, return_rate, gross_profit, margin)',
    zh: '未知指标 "{value}"（可用：revenue、units、ad_spend、acos、tacos、return_rate、gross_profit、margin）',
  },
  'targets.problem.scope': {
    en: 'unknown scope "{value}" (company, channel, category, owner, sku or owner_role)',
    zh: '未知范围 "{value}"（可用：company、channel、category、owner、sku、owner_role）',
  },
  'targets.problem.scopeValue': {
    en: 'scope {scope} needs a scope_value (the channel, category, owner, SKU or role)',
    zh: '范围 {scope} 需要填写 scope_value（渠道、品类、负责人、SKU 或岗位）',
  },
  'targets.problem.period': {
    en: 'unknown period "{value}" (day, week or month)',
    zh: '未知周期 "{value}"（可用：day、week、month）',
  },
  'targets.problem.periodNeeded': {
    en: '{metric} is an amount per period: fill period with day, week or month',
    zh: '{metric} 是按周期累计的数值：请在 period 填写 day、week 或 month',
  },
  'targets.problem.target': { en: 'target "{value}" is not a number', zh: '目标值 "{value}" 不是数字' },
  'targets.problem.direction': {
    en: 'direction "{value}" is not higher or lower',
    zh: '方向 "{value}" 不是 higher 或 lower',
  },
  'targets.problem.tolerance': {
    en: 'tolerance "{value}" is not a fraction such as 0.1 or 10%',
    zh: '容差 "{value}" 不是 0.1 或 10% 这样的比例',
  },
  'targets.problem.window': {
    en: 'window "{value}" needs window_start and window_end dates (yyyy-mm-dd), start first',
    zh: '季节窗口 "{value}" 需要填写 window_start 和 window_end 日期（yyyy-mm-dd），开始日期在前',
  },
  'targets.filled': {
    en: 'Added {count} targets from the actuals of {from} – {to}. Review them in the Targets sheet.',
    zh: '已根据 {from} – {to} 的实际数据添加 {count} 条目标，请在 Targets 表中检查。',
  },
  'targets.nothingToFill': {
    en: 'No targets added: every metric already has a base target, or the last 30 days have no data.',
    zh: '未添加目标：每个指标都已有基础目标，或近 30 天没有数据。',
  },
  'targets.title': { en: 'Targets', zh: '目标' },
  'menu.scheduleRefresh': { en: 'Schedule automatic refresh', zh: '设置定时刷新' },
  'menu.removeSchedule': { en: 'Stop automatic refresh', zh: '停止定时刷新' },
  'menu.fillTargets': { en: 'Fill targets from the last 30 days', zh: '用近 30 天数据填写目标' },
  'menu.openLooker': { en: 'Open in Looker Studio', zh: '在 Looker Studio 中打开' },
  'schedule.title': { en: 'Automatic refresh', zh: '定时刷新' },
  'schedule.installedDaily': {
    en:
      'The KPI Summary and Dashboard will be rebuilt every day between {hour}:00 and {hour}:59 ({zone}); Google ' +
      'picks the minute. Each run is recorded in Settings (last_run_…).',
    zh: 'KPI 汇总和看板将在每天 {hour}:00 至 {hour}:59（{zone}）之间自动重建，具体分钟由 Google 决定。每次运行的结果记录在 Settings 表（last_run_…）。',
  },
  'schedule.installedHourly': {
    en:
      'The KPI Summary and Dashboard will be rebuilt every hour (add-ons may not run more often). A run skips ' +
      'the rebuild when nothing was changed since the last build on the same reporting day. Each run is recorded ' +
      'in Settings (last_run_…), with the trigger time used in the last 24 hours (trigger_time_24h_min).',
    zh: 'KPI 汇总和看板将每小时自动重建一次（插件最多每小时运行一次）。如果自同一报告日的上次构建以来没有任何更改，该次运行会跳过重建。每次运行的结果记录在 Settings 表（last_run_…），并记录最近 24 小时使用的触发器时间（trigger_time_24h_min）。',
  },
  'schedule.removed': { en: 'Automatic refresh stopped.', zh: '已停止定时刷新。' },
  'schedule.nothingToRemove': {
    en: 'There was no automatic refresh to stop in this workbook.',
    zh: '本工作簿没有需要停止的定时刷新。',
  },
  'schedule.skippedLocked': {
    en: 'Skipped: another build of this workbook was running. Nothing was written.',
    zh: '已跳过：本工作簿的另一次构建正在运行，未写入任何内容。',
  },
  'schedule.timedOut': {
    en:
      'Stopped before writing: the build was about to pass the 6-minute limit of Apps Script. The previous KPI ' +
      'Summary and Dashboard are unchanged. Move old rows out of the source sheets to make the build faster.',
    zh: '已在写入前停止：构建即将超过 Apps Script 的 6 分钟限制。之前的 KPI 汇总和看板保持不变。请把旧数据移出源表以加快构建。',
  },
  'schedule.failed': { en: 'Failed: {detail}', zh: '失败：{detail}' },
  // Issue 17: a scheduled run of a workbook nobody changed reads only its change mark and writes only this record.
  'schedule.skippedUnchanged': {
    en: 'Skipped: nothing changed since {since}. The KPI sheets are as that build left them.',
    zh: '已跳过：自 {since} 以来没有任何更改。KPI 各表保持该次构建的结果。',
  },
  'schedule.quotaNear': {
    en:
      'Automatic refresh has used {used} of the {quota} minutes of trigger time Google allows this account per ' +
      "day. Past it, Google stops running the add-on's triggers until the quota resets. Choose a daily " +
      'refresh, or if this is a Google Workspace account (6 hours a day), set trigger_quota_min to 360 in Settings.',
    zh:
      '定时刷新已使用 {used} 分钟触发器时间，Google 允许此账号每天 {quota} 分钟。超出后，Google 会停止运行插件的触发器，直到配额重置。' +
      '请改为每天刷新一次；如果这是 Google Workspace 账号（每天 6 小时），请在 Settings 表中把 trigger_quota_min 设为 360。',
  },
  'settings.problem.triggerQuotaMinutes': {
    en: 'Settings › {setting}: "{value}" is not a whole number of minutes from 1 to 1440; 90 is used.',
    zh: '设置 › {setting}：“{value}”不是 1 到 1440 之间的整数分钟，已使用 90。',
  },
  'looker.title': { en: 'Open in Looker Studio', zh: '在 Looker Studio 中打开' },
  'looker.intro': {
    en:
      'This link creates a Looker Studio report whose data source is the "KPI Summary" sheet of this workbook ' +
      '(spreadsheet {spreadsheetId}, sheet id {gid}).',
    zh: '此链接会创建一个 Looker Studio 报告，数据源为本工作簿的「KPI Summary」表（表格 {spreadsheetId}，工作表 ID {gid}）。',
  },
  'looker.template': {
    en: 'It copies your template report {reportId}.',
    zh: '报告将复制您的模板报告 {reportId}。',
  },
  'looker.noTemplate': {
    en:
      'No template report is set (Settings → looker_template_report_id), so Looker Studio starts with a default ' +
      'table.',
    zh: '未设置模板报告（Settings → looker_template_report_id），Looker Studio 将以默认表格开始。',
  },
  'looker.ratios': {
    en:
      'Ratios must be calculated fields from sums, e.g. ACoS = SUM(ad_spend) / SUM(ad_sales): averaging the ' +
      'acos column is wrong. The README lists them all.',
    zh: '比率必须用合计计算的字段，例如 ACoS = SUM(ad_spend) / SUM(ad_sales)：对 acos 列取平均是错误的。README 中列出了全部计算字段。',
  },
  'looker.open': { en: 'Open Looker Studio', zh: '打开 Looker Studio' },
  'looker.noSummary': {
    en: 'There is no "KPI Summary" sheet yet: build the KPI Summary first.',
    zh: '还没有「KPI Summary」表：请先构建 KPI 汇总。',
  },
});
