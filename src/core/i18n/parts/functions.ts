import { defineMessages } from '../catalogue';

/** Messages of the KPI custom functions: errors shown as the `#ERROR!` tooltip, and KPI_STATUS labels. */
export const functionsMessages = defineMessages({
  'fn.error.where': {
    en: '{fn}: {message} (row {row}, column {column} of the range)',
    zh: '{fn}：{message}（区域第 {row} 行第 {column} 列）',
  },
  'fn.error.plain': { en: '{fn}: {message}', zh: '{fn}：{message}' },
  'fn.error.textNotNumber': {
    en: '{arg} must be a number, but got the text "{value}". Text is not converted: use VALUE() or Format → Number.',
    zh: '{arg} 必须是数字，但收到文本“{value}”。文本不会自动转换：请用 VALUE() 或“格式 → 数字”。',
  },
  'fn.error.notNumber': {
    en: '{arg} must be a number, but got {value}.',
    zh: '{arg} 必须是数字，但收到 {value}。',
  },
  'fn.error.notText': {
    en: '{arg} must be text, but got {value}.',
    zh: '{arg} 必须是文本，但收到 {value}。',
  },
  'fn.error.notBoolean': {
    en: '{arg} must be TRUE or FALSE (or one of: {words}), but got "{value}".',
    zh: '{arg} 必须是 TRUE 或 FALSE（或：{words}），但收到“{value}”。',
  },
  'fn.error.notDate': {
    en: '{arg} must be a date cell or yyyy-mm-dd text, but got "{value}".',
    zh: '{arg} 必须是日期单元格或 yyyy-mm-dd 文本，但收到“{value}”。',
  },
  'fn.error.notRange': {
    en: '{arg} is not a rectangular range.',
    zh: '{arg} 不是矩形区域。',
  },
  'fn.error.shape': {
    en: 'ranges must have the same shape, but {arg1} is {shape1} and {arg2} is {shape2}.',
    zh: '各区域的形状必须相同，但 {arg1} 是 {shape1}，{arg2} 是 {shape2}。',
  },
  'fn.error.listNeedsColumn': {
    en: 'with a list of {list}, the other arguments must be single values or one column, not {shape}.',
    zh: '{list} 为列表时，其他参数必须是单个值或单列区域，而不是 {shape}。',
  },
  'fn.error.outOfRange': {
    en: '{arg} must be {limits}, but got {value}.',
    zh: '{arg} 必须为 {limits}，但收到 {value}。',
  },
  'fn.error.needsArgument': {
    en: '{arg} is required when {because} is given.',
    zh: '填写了 {because} 时必须同时填写 {arg}。',
  },
  'fn.error.unknownCategory': {
    en: 'unknown Amazon referral fee category "{category}". See docs/FUNCTIONS.md for the category names.',
    zh: '未知的亚马逊佣金类目“{category}”。类目名称见 docs/FUNCTIONS.md。',
  },
  'fn.error.unknownUnits': {
    en: 'units must be "in/lb" or "cm/kg", but got "{value}".',
    zh: 'units 必须是 "in/lb" 或 "cm/kg"，但收到“{value}”。',
  },
  'fn.error.unknownLanguage': {
    en: 'language must be "en" or "zh", but got "{value}".',
    zh: 'language 必须是 "en" 或 "zh"，但收到“{value}”。',
  },
  'fn.error.noFeeTable': {
    en: 'no Amazon {table} fee table covers {date}; the tables start on {from}.',
    zh: '没有覆盖 {date} 的亚马逊 {table} 费用表；费用表从 {from} 开始。',
  },
  'fn.error.noPeakTable': {
    en: 'no holiday peak fee table for {date} (fee schedule {schedule}). Pass peak = FALSE for the non-peak fee.',
    zh: '{date}（费用表 {schedule}）没有旺季配送费表。如需非旺季费用，请将 peak 设为 FALSE。',
  },
  'fn.error.peakNotCovered': {
    en: 'the peak surcharge for {tier} at {weight} lb and price ${price} is not in the sourced table. Pass peak = FALSE for the non-peak fee.',
    zh: '已核实的旺季附加费表中没有 {tier}、{weight} 磅、售价 ${price} 的数据。如需非旺季费用，请将 peak 设为 FALSE。',
  },
});
