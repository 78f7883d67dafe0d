import { defineMessages } from '../catalogue';

/**
 * Messages about Amazon's dated fee tables (data/fees/, docs/FEES.md): a date or band no table covers, and how old
 * the newest rate card is, shown by the fee functions, the KPI Summary's Data Issues, the sidebar, Help and the
 * KPI Dashboard.
 */
export const feesMessages = defineMessages({
  'fees.error.noTable': {
    en: 'no Amazon {table} fee table covers {date}. Covered seasons: {seasons}. No fee is guessed for other dates; see docs/FEES.md to add the next rate card.',
    zh: '没有覆盖 {date} 的亚马逊 {table} 费用表。已覆盖的费用季：{seasons}。其他日期不做估算；新增下一年费率表的方法见 docs/FEES.md。',
  },
  'fees.error.peakRateUnknown': {
    en: 'the {season} rate for {tier} at {weight} lb and price ${price} is unknown: no published figure confirms it, so no fee is guessed. Pass peak = FALSE only if you want the non-peak fee.',
    zh: '{season}期间 {tier}、{weight} 磅、售价 ${price} 的费率未知：没有公开数据可以核实，因此不做估算。只有在需要非旺季费用时才将 peak 设为 FALSE。',
  },
  'fees.error.impossibleDate': {
    en: '{arg} is {value}, a date that does not exist.',
    zh: '{arg} 为 {value}，这个日期不存在。',
  },
  'fees.card.tables': {
    en: 'Amazon fee tables: newest rate card {schedule}, {from} – {to}.',
    zh: '亚马逊费用表：最新费率表 {schedule}，{from} 至 {to}。',
  },
  'fees.card.peak': {
    en: 'Holiday peak {from} – {to}.',
    zh: '节假日旺季 {from} 至 {to}。',
  },
  'fees.card.peakProvisional': {
    en: 'Holiday peak {from} – {to} (provisional: amounts derived from Amazon’s announcement, not from its own rate card).',
    zh: '节假日旺季 {from} 至 {to}（暂定：金额根据亚马逊公告推算，并非亚马逊公布的费率表）。',
  },
  'fees.card.surcharge': {
    en: 'Fuel and logistics surcharge {rate}% on the FBA fee from {from}.',
    zh: '自 {from} 起 FBA 配送费加收 {rate}% 燃油及物流附加费。',
  },
  'fees.dashboard.provisional': {
    en: 'Estimated Amazon fees on days of a provisional rate card ({from} – {to}), days: {days}. The amounts are derived from Amazon’s announcement; a payments report for those days replaces them.',
    zh: '使用暂定费率表（{from} 至 {to}）估算亚马逊费用的天数：{days}。金额根据亚马逊公告推算；导入这些日期的付款报告后将以实际费用替换。',
  },
});
