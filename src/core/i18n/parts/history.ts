import { defineMessages } from '../catalogue';

/** Frozen history (issue 17, item 4): the menu's "Keep history up to …", the KPI History sheet and its Data Issues. */
export const historyMessages = defineMessages({
  'menu.keepHistory': { en: 'Keep history up to…', zh: '保留历史数据至…' },
  'help.menu.keepHistoryUpTo': {
    en: 'Copies the KPI Summary rows up to a date into KPI History; those days are never recomputed, so you may delete their raw rows. An earlier date unfreezes the days after it.',
    zh: '把截至某日的 KPI Summary 行复制到 KPI History；这些日期不再重新计算，之后可以删除对应的原始行。选择更早的日期即解除其后日期的冻结。',
  },
  'help.sheet.history': {
    en: 'hidden: the KPI Summary rows of the days kept by “Keep history up to…”; read it, do not edit it.',
    zh: '隐藏表：由“保留历史数据至…”保存的各日 KPI Summary 行；可以查看，请勿编辑。',
  },
  'history.note': {
    en: 'Written by Seller KPI (Keep history up to…). Do not edit: these rows are the KPI Summary of the days up to this date.',
    zh: '由卖家 KPI（保留历史数据至…）写入。请勿编辑：这些行就是截至该日的 KPI Summary。',
  },
  'history.prompt.title': { en: 'Keep history up to…', zh: '保留历史数据至…' },
  'history.prompt.nothingKept': {
    en: 'No history is kept yet: every day is computed from the raw sheets.',
    zh: '目前未保留历史：每一天都由原始数据表计算。',
  },
  'history.prompt.kept': {
    en: 'History is kept up to {through}: those days come from KPI History.',
    zh: '当前已保留截至 {through} 的历史：这些日期的数据来自 KPI History。',
  },
  'history.prompt.body': {
    en: '{current}\n\nType the last day to keep (yyyy-MM-dd), or leave it empty for {suggested} (the current and the previous month stay live, as refunds and returns keep arriving for weeks). Type “none” to keep no history.',
    zh: '{current}\n\n请输入要保留的最后一天（yyyy-MM-dd），留空则为 {suggested}（本月和上月保持实时计算，因为退款和退货会在数周内陆续到来）。输入 “none” 表示不保留历史。',
  },
  'history.invalidDate': {
    en: '“{value}” is not a day in the form yyyy-MM-dd (for example 2026-01-31). Nothing was changed.',
    zh: '“{value}”不是 yyyy-MM-dd 格式的日期（例如 2026-01-31）。未做任何更改。',
  },
  'history.notComplete': {
    en: '{date} is not a complete day yet: the last complete day is {lastComplete}. Nothing was changed.',
    zh: '{date} 还不是已结束的一天：最后一个完整日是 {lastComplete}。未做任何更改。',
  },
  'history.beyondSummary': {
    en: 'The KPI Summary has no day after {last}, so {date} cannot be kept: choose {last} or earlier (build first if you pasted newer exports). Nothing was changed.',
    zh: 'KPI Summary 中没有 {last} 之后的日期，无法保留至 {date}：请选择 {last} 或更早的日期（如已粘贴更新的导出数据，请先生成）。未做任何更改。',
  },
  'history.sampleDataLoaded': {
    en: 'Sample data is loaded ({sheets} tabs named “Sample – …”): its days would be frozen with yours and stay in the KPI Summary after the samples are removed. Choose Remove sample data first. Nothing was changed.',
    zh: '当前已载入示例数据（{sheets} 个名为“Sample – …”的标签页）：其日期会与您的数据一起被冻结，移除示例数据后仍会留在 KPI Summary 中。请先选择“移除示例数据”。未做任何更改。',
  },
  'history.noSummary': {
    en: 'There is no KPI Summary to keep yet: build it first. Nothing was changed.',
    zh: '还没有可保留的 KPI Summary：请先生成。未做任何更改。',
  },
  'history.unchanged': {
    en: 'History is already kept up to {date}. Nothing was changed.',
    zh: '历史数据已保留至 {date}。未做任何更改。',
  },
  'history.unchangedNone': {
    en: 'No history is kept, as before. Nothing was changed.',
    zh: '与之前一样，未保留历史。未做任何更改。',
  },
  'history.confirmFreeze': {
    en: 'Keep every KPI Summary row up to {date} in KPI History? Those days will never be recomputed: exports pasted later for them are ignored (Data Issues says so), and you may delete their raw rows to free cells. Make sure their costs are filled in first: a gross profit left blank stays blank.',
    zh: '将截至 {date} 的全部 KPI Summary 行保存到 KPI History？这些日期将不再重新计算：之后为这些日期粘贴的导出数据会被忽略（Data Issues 中会注明），您可以删除其原始行以释放单元格。请先确认已填写成本：空白的毛利保存后仍为空白。',
  },
  'history.keptBlankProfit': {
    en: ' {rows} kept {rows|row|rows} with sales {rows|has|have} no gross profit (cost or fees unknown). To fill {rows|it|them}: keep history up to an earlier day, add the costs, build, and keep up to {date} again before deleting raw rows.',
    zh: ' 已保存的行中有 {rows} 行有销售但没有毛利（成本或费用未知）。如需补全：先将历史保留日期改到更早，填写成本并生成，在删除原始行之前再次保留至 {date}。',
  },
  'history.confirmUnfreeze': {
    en: 'Keep history only up to {date} instead of {current}? The days after {date} will be computed again from the raw sheets. Raw rows you already deleted cannot come back: those days will show only what the raw sheets still hold.',
    zh: '将历史保留日期从 {current} 改为 {date}？{date} 之后的日期将重新由原始数据表计算。已删除的原始行无法恢复：这些日期只会显示原始数据表中仍保留的数据。',
  },
  'history.confirmUnfreezeAll': {
    en: 'Keep no history (now up to {current})? Every day will be computed again from the raw sheets, and KPI History emptied. Raw rows you already deleted cannot come back: those days will show only what the raw sheets still hold.',
    zh: '不再保留历史（当前截至 {current}）？每一天都将重新由原始数据表计算，KPI History 将被清空。已删除的原始行无法恢复：这些日期只会显示原始数据表中仍保留的数据。',
  },
  'history.kept': {
    en: 'KPI History now keeps {rows} KPI Summary {rows|row|rows} up to {date}. You may delete raw rows dated on or before {date}; Data Issues lists the sheets that still hold them.',
    zh: 'KPI History 现已保存截至 {date} 的 {rows} 行 KPI Summary。您可以删除日期在 {date} 及之前的原始行；Data Issues 会列出仍包含这些行的工作表。',
  },
  'history.keptNone': {
    en: 'No history is kept now: every day is computed from the raw sheets.',
    zh: '现已不保留历史：每一天都由原始数据表计算。',
  },
  'history.unreadable': {
    en: 'KPI History does not start with frozen_through and a yyyy-MM-dd day, so it is not used: every day is computed from the raw sheets. Use “Keep history up to…” to write it again.',
    zh: 'KPI History 第一行不是 frozen_through 和 yyyy-MM-dd 日期，因此未使用：每一天都由原始数据表计算。请用“保留历史数据至…”重新写入。',
  },
  'history.settingBlank': {
    en: 'Settings › frozen_through is empty, so KPI History (kept up to {held}) is not used: every day is computed from the raw sheets. Use “Keep history up to…” to keep it again.',
    zh: '设置 › frozen_through 为空，因此未使用 KPI History（保留至 {held}）：每一天都由原始数据表计算。请用“保留历史数据至…”重新保留。',
  },
  'history.nothingHeld': {
    en: 'Settings › frozen_through is {setting}, but there is no readable KPI History: every day is computed from the raw sheets. Use “Keep history up to…” to keep history.',
    zh: '设置 › frozen_through 为 {setting}，但没有可读取的 KPI History：每一天都由原始数据表计算。请用“保留历史数据至…”保留历史。',
  },
  'history.settingLater': {
    en: 'Settings › frozen_through is {setting}, but KPI History holds days only up to {held}: days after {held} are computed from the raw sheets. Use “Keep history up to…” to keep more.',
    zh: '设置 › frozen_through 为 {setting}，但 KPI History 只保存到 {held}：{held} 之后的日期由原始数据表计算。请用“保留历史数据至…”保留更多。',
  },
  'history.headerUnreadable': {
    en: 'KPI History row 2 lacks these KPI Summary columns, so its rows cannot be read and are not used.',
    zh: 'KPI History 第 2 行缺少这些 KPI Summary 列，其数据行无法读取，未被使用。',
  },
  'history.columnsBlank': {
    en: 'KPI History was kept before the KPI Summary had the columns {columns}: they are blank on the kept days.',
    zh: 'KPI History 保存时 KPI Summary 还没有 {columns} 列：已保留的日期在这些列为空。',
  },
  'history.rowUnreadable': {
    en: 'This KPI History row is not as the add-on wrote it (a date, a channel, numbers): it is left out of the KPI Summary.',
    zh: '此 KPI History 行与插件写入的不一致（日期、渠道、数字）：已从 KPI Summary 中略去。',
  },
  'history.rawRowsFrozen': {
    en: '{rows} {rows|row|rows} of this sheet {rows|is|are} dated on or before {through}, the days KPI History keeps: ignored. You may delete {rows|it|them}; to count {rows|it|them} again, keep history up to an earlier day.',
    zh: '此表有 {rows} 行的日期在 {through} 或之前（KPI History 保留的日期）：已忽略。您可以删除这些行；如需重新计入，请将历史保留日期改到更早。',
  },
  'settings.problem.frozenThrough': {
    en: 'Settings › {setting}: "{value}" is not a day written as yyyy-MM-dd text; the days KPI History holds stay kept.',
    zh: '设置 › {setting}：“{value}”不是 yyyy-MM-dd 文本格式的日期；KPI History 已保存的日期仍保持保留。',
  },
});
