/**
 * Business Report "Sales and Traffic" by date (CSV): one aggregate row per day, dates like `8/3/26`. It fills only
 * the days no order export covers (SPEC §2 "One source per measure"); the summary decides that. In Chinese the
 * labels differ and the days are year-first (`2026/9/1`, EXPORTS §9.1c), which the date reader never takes for
 * day-first or month-first.
 */
import { labelsFrom } from './headerLabels';
import { type ReportDefinition } from './types';
import { SheetReader } from './sheetReader';

/**
 * English (EXPORTS §1) and Chinese labels (EXPORTS §9.1b). Only the old Chinese generation was seen, in one Chinese
 * seller group's loader of about 2020–21 [F, code index 48479502952 and 48202446183]; it is listed first. No current
 * (2024+) Chinese by-date header was found: the current child-item labels (`会话数 - 总计`, `页面浏览量 - 总计`,
 * `订单商品总数`, `商品会话百分比`, `推荐报价（推荐报价展示位）百分比`) are accepted as well, unconfirmed [M].
 */
const labels = labelsFrom({
  date: { en: ['Date'], zh: ['日期'] },
  orderedSales: { en: ['Ordered Product Sales'], zh: ['已订购商品销售额'] },
  unitsOrdered: { en: ['Units Ordered'], zh: ['已订购商品数量'] },
  totalOrderItems: { en: ['Total Order Items'], zh: ['订单商品种类数', '订单商品总数'] },
  sessions: { en: ['Sessions - Total', 'Sessions'], zh: ['买家访问次数', '会话数 - 总计'] },
  pageViews: { en: ['Page Views - Total', 'Page Views'], zh: ['页面浏览次数', '页面浏览量 - 总计'] },
  buyBoxPercentage: {
    en: ['Featured Offer (Buy Box) Percentage'],
    zh: ['购买按钮赢得率', '推荐报价（推荐报价展示位）百分比'],
  },
  unitSessionPercentage: { en: ['Unit Session Percentage'], zh: ['订单商品数量转化率', '商品会话百分比'] },
  averageOfferCount: { en: ['Average Offer Count'], zh: ['平均在售商品数量'] },
  orderedSalesB2b: {
    en: ['Ordered Product Sales - B2B'],
    zh: ['已订购商品的销售额 – B2B', '已订购商品销售额 - B2B'],
  },
  // Not a by-date column: a Chinese child-item report of generation B has `日期` beside its ASINs (EXPORTS §9.1a).
  childAsin: { en: ['(Child) ASIN'], zh: ['（子）ASIN', '(子) ASIN', '子ASIN'] },
});

const REQUIRED = ['date', 'orderedSales', 'unitsOrdered'] as const;
const SIGNATURE = [
  'totalOrderItems',
  'sessions',
  'pageViews',
  'buyBoxPercentage',
  'unitSessionPercentage',
  'averageOfferCount',
  'orderedSalesB2b',
] as const;

export const amazonBusinessReportByDate: ReportDefinition = {
  type: 'amazon-business-report-date',
  channel: 'amazon',
  labelKey: 'report.amazonBusinessReportDate',
  periodReport: false,
  requiredHeaders: labels.english(REQUIRED),
  signatureHeaders: labels.english(SIGNATURE),
  translatedHeaders: [labels.chinese(REQUIRED, SIGNATURE, ['childAsin'])],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const dateColumn = sheet.column(...labels.of('date'));
    const salesColumn = sheet.column(...labels.of('orderedSales'));
    const unitsColumn = sheet.column(...labels.of('unitsOrdered'));
    const ordersColumn = sheet.column(...labels.of('totalOrderItems'));
    const sessionsColumn = sheet.column(...labels.of('sessions'));
    const pageViewsColumn = sheet.column(...labels.of('pageViews'));

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, dateColumn);
      const day = row.requiredMoment(dateColumn);
      const fact = {
        revenue: row.moneyOrZero(salesColumn),
        units: row.countOrZero(unitsColumn),
        orders: row.countOrZero(ordersColumn),
        sessions: sessionsColumn >= 0 ? row.count(sessionsColumn) : null,
        pageViews: pageViewsColumn >= 0 ? row.count(pageViewsColumn) : null,
      };
      if (row.failed || day === null) continue;
      sheet.addFact({
        kind: 'dailyTotal',
        channel: 'amazon',
        date: day.date,
        ...fact,
        row: dataRow.sheetRow,
        source: sheet.sourceOf(dataRow),
      });
    }
    return sheet.result();
  },
};
