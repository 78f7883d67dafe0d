import { defineMessages } from '../catalogue';

/**
 * The levels of the method (SPEC §3a: company, channel, category, owner — 公司、渠道、品类、负责人) on the dashboard
 * and in Data Issues, and the KPI Review sheet (SPEC §4a).
 */
export const reviewMessages = defineMessages({
  'issue.levels.skusWithoutProduct': {
    en:
      '{count} {count|SKU|SKUs} sold or advertised {count|has|have} no category or owner on the Products sheet, so they are counted under ' +
      '“(none)” in the KPI Summary, the dashboard and the review: {skus}. Fill in their category (your own product ' +
      'line) and owner (the operator answerable for the SKU); the build adds a Products row for each SKU it lacks.',
    zh:
      '{count} 个有销售或广告的 SKU 在 Products 表中没有品类或负责人，在 KPI Summary、看板和复盘表中计入“(none)”：' +
      '{skus}。请填写其 category（自己的产品线）和 owner（负责该 SKU 的运营）；生成时会为缺少的 SKU 自动添加 Products 行。',
  },
  'levels.none': { en: '(none)', zh: '(none，未分配)' },
  'levels.level.company': { en: 'Company', zh: '公司' },
  'levels.level.channel': { en: 'Channel', zh: '渠道' },
  'levels.level.category': { en: 'Category', zh: '品类' },
  'levels.level.owner': { en: 'Owner', zh: '负责人（运营）' },
  'levels.block.company': {
    en: 'Company — month to date ({from} to {to})',
    zh: '公司 — 本月至今（{from} 至 {to}）',
  },
  'levels.block.channel': {
    en: 'By channel — month to date ({from} to {to})',
    zh: '按渠道 — 本月至今（{from} 至 {to}）',
  },
  'levels.block.category': {
    en: 'By category — month to date ({from} to {to})',
    zh: '按品类 — 本月至今（{from} 至 {to}）',
  },
  'levels.block.owner': {
    en: 'By owner — month to date ({from} to {to})',
    zh: '按负责人 — 本月至今（{from} 至 {to}）',
  },
  'levels.attainment': { en: 'Attainment', zh: '达成率' },
  'levels.note': {
    en:
      'Levels: category and owner come from the Products sheet as it is now, so a SKU moved to another owner counts ' +
      'for the new owner over the whole month. Attainment = actual ÷ target, the month’s target pro rata for the ' +
      'days so far; ratios such as ACoS have a status but no attainment.',
    zh:
      '层级说明：品类和负责人取自 Products 表的当前内容，SKU 换了负责人后，整月数据都计入新负责人。' +
      '达成率 = 实际 ÷ 目标，月目标按已过天数折算；ACoS 等比率只显示状态，不计算达成率。',
  },
  'review.period.week': { en: 'Week (Mon–Sun)', zh: '周（周一至周日）' },
  'review.period.month': { en: 'Month', zh: '月' },
  'review.column.period': { en: 'Period', zh: '周期' },
  'review.column.from': { en: 'From', zh: '开始' },
  'review.column.to': { en: 'To', zh: '结束' },
  'review.column.level': { en: 'Level', zh: '层级' },
  'review.column.scope': { en: 'Scope', zh: '范围' },
  'review.column.metric': { en: 'Metric', zh: '指标' },
  'review.column.value': { en: 'Value', zh: '本期' },
  'review.column.previous': { en: 'Previous', zh: '上期' },
  'review.column.change': { en: 'Change', zh: '环比' },
  'review.column.average4': { en: '4-week average', zh: '近 4 周平均' },
  'review.column.changeVsAverage4': { en: 'Change vs 4-week average', zh: '较 4 周平均' },
  'review.column.target': { en: 'Target', zh: '目标' },
  'review.column.attainment': { en: 'Attainment', zh: '达成率' },
  'review.column.status': { en: 'Status', zh: '状态' },
  'review.column.decision': { en: 'Needs a decision', zh: '待决策' },
  'review.column.action': { en: 'action', zh: '行动' },
  'review.column.owner': { en: 'owner', zh: '负责人' },
  'review.column.due': { en: 'due', zh: '截止日期' },
  'review.column.key': { en: 'key', zh: 'key' },
  'review.flag.red': { en: 'RED against target', zh: '未达标（红）' },
  'review.flag.change.week': {
    en: '{change} on the week before (beyond {tolerance})',
    zh: '较上周 {change}（超出 {tolerance}）',
  },
  'review.flag.change.month': {
    en: '{change} on the month before (beyond {tolerance})',
    zh: '较上月 {change}（超出 {tolerance}）',
  },
  'review.flag.changeVsAverage4': {
    en: '{change} on the 4-week average (beyond {tolerance})',
    zh: '较近 4 周平均 {change}（超出 {tolerance}）',
  },
});
