import { defineMessages } from '../catalogue';

/** The daily digest sent to the team's chat (SPEC §4a): the morning note's title, sections and lines. */
export const digestMessages = defineMessages({
  'digest.title': { en: 'Seller KPI — {day}', zh: '每日 KPI 晨报 — {day}' },
  'digest.section.kpis': { en: 'Yesterday against target', zh: '昨日指标与目标' },
  'digest.section.movers': {
    en: 'Biggest movers (revenue, against the same day last week)',
    zh: '变化最大的 SKU（销售额，对比上周同日）',
  },
  'digest.section.stock': { en: 'Stockout risk', zh: '断货风险' },
  'digest.section.issues': { en: 'Data Issues', zh: '数据问题' },
  'digest.target': { en: 'target', zh: '目标' },
  'digest.mover': { en: '{sku}: {revenue} (was {before})', zh: '{sku}：{revenue}（上周同日 {before}）' },
  'digest.stockRisk': {
    en: '{sku} on {channel}: {status}, stockout {date}',
    zh: '{sku}（{channel}）：{status}，预计断货 {date}',
  },
  'digest.more': {
    en: '… and {count} more in the Inventory sheet',
    zh: '…… 另有 {count} 个，见 Inventory 表',
  },
  'digest.issues': {
    en: '{count} lines in Data Issues: figures may be incomplete until they are fixed',
    zh: 'Data Issues 中有 {count} 条：修正前数据可能不完整',
  },
  'digest.link': { en: 'Open the workbook: {url}', zh: '打开工作簿：{url}' },
});
