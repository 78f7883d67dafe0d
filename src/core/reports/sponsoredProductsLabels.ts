/**
 * The column labels of the classic Ads console's Sponsored Products reports (advertised product, search term,
 * targeting) in English and Chinese. The three reports come from one console and share one vocabulary, so they share
 * this table; each report picks its required and signature columns from it.
 *
 * Chinese labels, EXPORTS §9.2 [F ×4: code index 62351873928 and 61931557399 (one project's maps of four reports),
 * 56787873242, 56690725607, 55823608774, 1883261723]: the current set (about 2024–2026) first, then the older set
 * (about 2019–2021: `点击率(CTR)`, `每次点击成本(CPC)`, `广告成本销售比(ACOS)`, `投入产出比(ROAS)`/`(RoAS)`, `展现量`)
 * [F ×2: 17029382387, 22231822651]. Spaces matter and are kept as the console writes them: `点击率 (CTR)` has one,
 * `7天总订单数(#)` has none. English labels: EXPORTS §2; the targeting report's `Top-of-search Impression Share` is
 * from one third-party loader of the downloaded file (code index 54491808673), its Chinese twin
 * `搜索结果首页首位展示量份额` from EXPORTS §9.2.
 */
import { labelsFrom } from './headerLabels';

export const sponsoredProductsLabels = labelsFrom({
  date: { en: ['Date'], zh: ['日期'] },
  startDate: { en: ['Start Date'], zh: ['开始日期'] },
  endDate: { en: ['End Date'], zh: ['结束日期'] },
  portfolio: { en: ['Portfolio name'], zh: ['广告组合名称'] },
  currency: { en: ['Currency'], zh: ['货币'] },
  campaign: { en: ['Campaign Name'], zh: ['广告活动名称'] },
  adGroup: { en: ['Ad Group Name'], zh: ['广告组名称'] },
  retailer: { en: ['Retailer'], zh: ['零售商'] },
  country: { en: ['Country'], zh: ['国家/地区'] },
  advertisedSku: { en: ['Advertised SKU'], zh: ['广告SKU'] },
  // One alias list writes `广告 ASIN` with a space (EXPORTS §9.2).
  advertisedAsin: { en: ['Advertised ASIN'], zh: ['广告ASIN', '广告 ASIN'] },
  targeting: { en: ['Targeting'], zh: ['投放'] },
  matchType: { en: ['Match Type'], zh: ['匹配类型'] },
  searchTerm: { en: ['Customer Search Term'], zh: ['客户搜索词'] },
  impressions: { en: ['Impressions'], zh: ['展示量', '展现量'] },
  topOfSearchShare: { en: ['Top-of-search Impression Share'], zh: ['搜索结果首页首位展示量份额'] },
  clicks: { en: ['Clicks'], zh: ['点击量'] },
  clickThroughRate: { en: ['Click-Thru Rate (CTR)'], zh: ['点击率 (CTR)', '点击率(CTR)'] },
  costPerClick: { en: ['Cost Per Click (CPC)'], zh: ['单次点击成本 (CPC)', '每次点击成本(CPC)'] },
  spend: { en: ['Spend'], zh: ['花费'] },
  // The current label carries the suffix 总计; the brief's guess `广告投入产出比(ACOS)` is not the current string.
  acos: {
    en: ['Total Advertising Cost of Sales (ACOS)'],
    zh: ['广告投入产出比 (ACOS) 总计', '广告成本销售比(ACOS)'],
  },
  roas: {
    en: ['Total Return on Advertising Spend (ROAS)'],
    zh: ['总广告投资回报率 (ROAS)', '投入产出比(ROAS)', '投入产出比(RoAS)'],
  },
  sales: { en: ['7 Day Total Sales'], zh: ['7天总销售额'] },
  orders: { en: ['7 Day Total Orders (#)'], zh: ['7天总订单数(#)'] },
  units: { en: ['7 Day Total Units (#)'], zh: ['7天总销售量(#)'] },
  conversionRate: { en: ['7 Day Conversion Rate'], zh: ['7天的转化率'] },
});
