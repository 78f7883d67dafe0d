import { defineMessages } from '../catalogue';

/** The KPI summary build: menu, results, Data Issues headers and reasons, the Costs template. */
export const summaryMessages = defineMessages({
  'menu.buildSummary': { en: 'Build KPI summary', zh: '生成 KPI 汇总' },
  'menu.createCostsTemplate': { en: 'Create Costs sheet', zh: '创建成本表' },

  'build.done': {
    en: 'KPI Summary built: {rowsWritten} {rowsWritten|row|rows} from {rowsRead} source {rowsRead|row|rows} in {seconds} s. Data issues: {issues}.',
    zh: 'KPI 汇总已生成：从 {rowsRead} 行源数据得到 {rowsWritten} 行，用时 {seconds} 秒。数据问题：{issues} 条。',
  },
  'build.noSources': {
    en: 'No report exports found. Paste an export (for example Amazon All Orders) into a sheet, with its header row, and build again.',
    zh: '没有找到报表数据。请把导出的报表（例如亚马逊 All Orders）连同表头粘贴到一个工作表中，然后重新生成。',
  },
  'build.noSourcesPartial': {
    en: 'Nothing was counted: “{sheet}” looks like {report} ({found} of {total} columns): map it to use it, or confirm it, with Seller KPI › Map sheets….',
    zh: '没有计入任何数据：工作表“{sheet}”看起来像{report}（{total} 列中有 {found} 列相符）：映射后才能使用，也可以在“卖家 KPI › 映射工作表…”中确认它就是这份报表。',
  },
  'build.locked': {
    en: 'Another KPI build is running in this workbook. Try again in a minute.',
    zh: '本工作簿正在生成 KPI 汇总，请一分钟后再试。',
  },
  'build.deadline': {
    en: 'The build stopped before writing because it would run out of time ({seconds} s used). The previous KPI Summary is unchanged.',
    zh: '生成即将超时（已用 {seconds} 秒），已在写入前停止。之前的 KPI 汇总保持不变。',
  },
  'build.costsCreated': {
    en: 'A Costs sheet was created. Fill in per SKU: unit_cost, currency (USD or CNY), first_leg_per_unit, duty_rate (e.g. 25%), effective_from (date); category and weight_lb, length_in, width_in, height_in let Amazon fees be estimated when no payments report covers a day.',
    zh: '已创建“Costs”成本表。请按 SKU 填写：unit_cost（单位成本）、currency（USD 或 CNY）、first_leg_per_unit（头程运费/件）、duty_rate（关税率，如 25%）、effective_from（生效日期）；填写 category（类目）和 weight_lb、length_in、width_in、height_in（重量/尺寸）后，缺少付款报告的日期可估算亚马逊费用。',
  },
  'build.costsExists': {
    en: 'The Costs sheet already exists; nothing was changed.',
    zh: '“Costs”成本表已存在，未做任何更改。',
  },

  'issues.header.sheet': { en: 'Sheet', zh: '工作表' },
  'issues.header.row': { en: 'Row', zh: '行号' },
  'issues.header.key': { en: 'Key', zh: '标识' },
  'issues.header.reason': { en: 'Reason', zh: '原因' },

  'issue.costs.missing': {
    en: 'SKU has sales but no row in the Costs sheet: cogs and gross profit are blank.',
    zh: '该 SKU 有销售但成本表中没有记录：销售成本和毛利留空。',
  },
  'issue.costs.notYetEffective': {
    en: 'SKU has sales before the earliest effective_from date of its costs: cogs and gross profit are blank for those days.',
    zh: '该 SKU 在成本最早生效日期（effective_from）之前就有销售：这些日期的销售成本和毛利留空。',
  },
  'issue.costs.noFx': {
    en: 'Cost is in CNY but Settings has no USD→CNY rate (fx_usd_cny): cogs and gross profit are blank.',
    zh: '成本以人民币计价，但设置中没有美元兑人民币汇率（fx_usd_cny）：销售成本和毛利留空。',
  },
  'issue.costs.noSku': { en: 'Cost row without a SKU: left out.', zh: '成本行缺少 SKU：已忽略。' },
  'issue.costs.badNumber': {
    en: 'Cost row left out: {column} "{value}" is not a number (rates: 25% or 0.25).',
    zh: '成本行已忽略：{column} 的值“{value}”不是数字（比率请写 25% 或 0.25）。',
  },
  'issue.costs.badCurrency': {
    en: 'Cost row left out: currency "{value}" is not USD or CNY.',
    zh: '成本行已忽略：币种“{value}”不是 USD 或 CNY。',
  },
  'issue.costs.badDate': {
    en: 'Cost row left out: effective_from "{value}" is not a date.',
    zh: '成本行已忽略：生效日期“{value}”不是有效日期。',
  },
  'issue.costs.badDimensions': {
    en: 'Weight or dimensions are not positive numbers: used for cost, not for fee estimates.',
    zh: '重量或尺寸不是正数：仅用于成本，不用于费用估算。',
  },
  'issue.costs.duplicate': {
    en: 'Second cost row for this SKU and effective date (first on row {row}): left out.',
    zh: '该 SKU 在同一生效日期有重复成本行（首行为第 {row} 行）：已忽略。',
  },
  'issue.fees.noPayments': {
    en: 'No payments report covers these days and fees cannot be estimated for this channel: fees and gross profit are blank.',
    zh: '这些日期没有付款报告，且该渠道无法估算费用：费用和毛利留空。',
  },
  'issue.fees.noCategory': {
    en: 'No payments report covers these days; add category, weight and dimensions in the Costs sheet to estimate Amazon fees. Fees and gross profit are blank.',
    zh: '这些日期没有付款报告；请在成本表中填写类目、重量和尺寸以估算亚马逊费用。费用和毛利留空。',
  },
  'issue.fees.estimateFailed': {
    en: 'Amazon fees could not be estimated: {detail}. Fees and gross profit are blank.',
    zh: '无法估算亚马逊费用：{detail}。费用和毛利留空。',
  },
  'issue.source.unreadable': {
    en: 'Sheet could not be read as {report}: {detail}',
    zh: '无法按 {report} 读取该工作表：{detail}',
  },
  'issue.sheetNotRecognised': {
    en:
      'Not recognised as a known export and not mapped, so none of its rows are in the summary (rows: {rows}). If it ' +
      'is an export, map its columns with Seller KPI › Map sheets….',
    zh: '未识别为已知报表，也未映射：其中的行均未计入汇总（共 {rows} 行）。如果这是一份报表，请通过“卖家 KPI › 映射工作表…”映射其列。',
  },
  'issue.partialMatch': {
    en:
      'Looks like {report} ({found} of {total} columns): map it to use it. None of its {rows} {rows|row|rows} are ' +
      'counted until you map it, or confirm it is this export, with Seller KPI › Map sheets….',
    zh: '看起来像{report}（{total} 列中有 {found} 列相符）：映射后才能使用。在“卖家 KPI › 映射工作表…”中映射它或确认它就是这份报表之前，其中的 {rows} 行均不计入。',
  },
  'issue.settlementCoveredByDateRange': {
    en:
      'Settlement lines on days a Date Range transaction report also covers, not counted again (one payments report ' +
      'per day; the Date Range report is used): {lines}.',
    zh: '结算报告中与“日期范围交易报告”重叠日期的行未重复计入（每天只用一份付款报告，以日期范围报告为准）：{lines} 行。',
  },
});
