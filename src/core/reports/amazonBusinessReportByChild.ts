/**
 * Business Report "Detail Page Sales and Traffic By Child Item" (CSV with BOM): traffic and ordered sales per child
 * ASIN for the period chosen when downloading, which the file itself does not state. It has no date per row, so it
 * never feeds daily revenue; its facts carry the period the user states in the sidebar (SPEC §2 "Period reports").
 * Seller Central in Chinese writes the same report with Chinese labels (SPEC §2c): same reader, same facts.
 */
import { labelsFrom } from './headerLabels';
import { type ReportDefinition } from './types';
import { SheetReader } from './sheetReader';

/**
 * English (EXPORTS §1) and Chinese labels (EXPORTS §9.1a) of the columns. Chinese has three generations, all kept:
 * C, current (about 2024–2026) [F ×5: code index 52026696126, 56787873242, 70380242674, 58111275364, 51827850431];
 * B (about 2021–2023, en dash separators) [F ×2: 17029382387, 41719624458]; A (about 2018–2021) [F ×6: 13006606103,
 * 56141520292, 15928418138, 22444008620, 28068119579, 2418773160]. Each list gives C, then B, then A where they
 * differ. `转化率 - 总计` is where English has Session Percentage – Total (the sample row holds 3.12% beside 1,034
 * sessions), so it is the session percentage here and nothing else; conversion is `商品会话百分比`.
 */
export const businessReportByChildLabels = labelsFrom({
  parentAsin: { en: ['(Parent) ASIN'], zh: ['（父）ASIN', '(父) ASIN'] },
  childAsin: { en: ['(Child) ASIN'], zh: ['（子）ASIN', '(子) ASIN', '子ASIN'] },
  title: { en: ['Title'], zh: ['标题', '商品名称'] },
  sku: { en: ['SKU'], zh: ['SKU'] },
  // Older English files: plain `Sessions`/`Page Views`; a UK file writes `Sessions – Total` (normalised to a hyphen).
  sessions: {
    en: ['Sessions - Total', 'Sessions'],
    zh: ['会话数 - 总计', '会话次数 – 总计', '买家访问次数'],
  },
  sessionPercentage: {
    en: ['Session Percentage - Total', 'Session Percentage'],
    zh: ['转化率 - 总计', '会话百分比 – 总计', '买家访问次数百分比'],
  },
  pageViews: { en: ['Page Views - Total', 'Page Views'], zh: ['页面浏览量 - 总计', '页面浏览次数'] },
  pageViewsPercentage: {
    en: ['Page Views Percentage - Total'],
    zh: ['页面浏览量百分比 - 总计', '页面浏览次数百分比'],
  },
  buyBoxPercentage: {
    en: ['Featured Offer (Buy Box) Percentage'],
    zh: ['推荐报价（推荐报价展示位）百分比', '推荐报价（购买按钮）百分比', '购买按钮赢得率'],
  },
  unitSessionPercentage: { en: ['Unit Session Percentage'], zh: ['商品会话百分比', '订单商品数量转化率'] },
  totalOrderItems: { en: ['Total Order Items'], zh: ['订单商品总数', '订单商品种类数'] },
  unitsOrderedB2b: { en: ['Units Ordered - B2B'], zh: ['已订购商品数量 - B2B', '订购数量 – B2B'] },
  orderedSalesB2b: {
    en: ['Ordered Product Sales - B2B'],
    zh: ['已订购商品销售额 - B2B', '已订购商品的销售额 – B2B'],
  },
  unitsOrdered: { en: ['Units Ordered'], zh: ['已订购商品数量'] },
  orderedSales: { en: ['Ordered Product Sales'], zh: ['已订购商品销售额'] },
});

const labels = businessReportByChildLabels;

const REQUIRED = ['childAsin', 'unitsOrdered', 'orderedSales'] as const;
const SIGNATURE = [
  'parentAsin',
  'title',
  'sku',
  'sessions',
  'sessionPercentage',
  'pageViews',
  'pageViewsPercentage',
  'buyBoxPercentage',
  'unitSessionPercentage',
  'totalOrderItems',
  'unitsOrderedB2b',
  'orderedSalesB2b',
] as const;

export const amazonBusinessReportByChild: ReportDefinition = {
  type: 'amazon-business-report-child',
  channel: 'amazon',
  labelKey: 'report.amazonBusinessReportChild',
  periodReport: true,
  requiredHeaders: labels.english(REQUIRED),
  signatureHeaders: labels.english(SIGNATURE),
  translatedHeaders: [labels.chinese(REQUIRED, SIGNATURE)],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    if (context.period === null) {
      // Without the period the numbers cannot be compared with anything; the user states it once in the sidebar.
      sheet.skipAllRows();
      sheet.addIssue(0, context.sheetName, {
        key: 'issue.periodMissing',
        params: { sheet: context.sheetName },
      });
      return sheet.result();
    }
    const period = context.period;
    const childAsinColumn = sheet.column(...labels.of('childAsin'));
    // The no-SKU variant of the report: the child ASIN then stands in for the SKU.
    const skuColumn = sheet.column(...labels.of('sku'));
    const sessionsColumn = sheet.column(...labels.of('sessions'));
    const pageViewsColumn = sheet.column(...labels.of('pageViews'));
    const unitsColumn = sheet.column(...labels.of('unitsOrdered'));
    const salesColumn = sheet.column(...labels.of('orderedSales'));

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, skuColumn, childAsinColumn);
      const asin = row.requiredText(childAsinColumn);
      const sku = skuColumn >= 0 ? row.requiredText(skuColumn) : asin;
      const fact = {
        kind: 'periodTraffic' as const,
        channel: 'amazon' as const,
        sku,
        asin,
        sessions: row.countOrZero(sessionsColumn),
        pageViews: row.countOrZero(pageViewsColumn),
        unitsOrdered: row.countOrZero(unitsColumn),
        orderedSales: row.moneyOrZero(salesColumn),
        period: { from: period.from, to: period.to },
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      };
      if (!row.failed) sheet.addFact(fact);
    }
    return sheet.result();
  },
};
