/**
 * Sponsored Products "Advertised product" report from the Ads console (classic format, CSV or XLSX): spend and
 * attributed results per campaign, ad group and advertised SKU. Daily (`Date`) or Summary (`Start Date`/`End Date`)
 * (EXPORTS §2b). This is the one source of ad spend (SPEC §2 "Ad spend counts once").
 */
import { AdDays } from './adDays';
import { SheetReader } from './sheetReader';
import { type ReportDefinition } from './types';

export const amazonSpAdvertisedProduct: ReportDefinition = {
  type: 'amazon-sp-advertised-product',
  channel: 'amazon',
  labelKey: 'report.amazonSpAdvertisedProduct',
  periodReport: false,
  requiredHeaders: ['campaign name', 'ad group name', 'advertised sku', 'impressions', 'clicks', 'spend'],
  signatureHeaders: [
    'date',
    'start date',
    'end date',
    'portfolio name',
    'currency',
    'advertised asin',
    'click-thru rate (ctr)',
    'cost per click (cpc)',
    '7 day total sales',
    'total advertising cost of sales (acos)',
    'total return on advertising spend (roas)',
    '7 day total orders (#)',
    '7 day total units (#)',
    '7 day conversion rate',
  ],
  parse(rows, detection, context) {
    const sheet = new SheetReader(rows, detection, context);
    const days = new AdDays(sheet, {
      date: sheet.column('date'),
      start: sheet.column('start date'),
      end: sheet.column('end date'),
      range: -1,
    });
    const campaignColumn = sheet.column('campaign name');
    const adGroupColumn = sheet.column('ad group name');
    const skuColumn = sheet.column('advertised sku');
    const spendColumn = sheet.column('spend');
    // Sponsored Products attribute 7 days (Sponsored Brands 14); a non-US console adds the currency to the name.
    const salesColumn = sheet.columnStartingWith('7 day total sales', '14 day total sales');
    const ordersColumn = sheet.columnStartingWith('7 day total orders', '14 day total orders');
    const unitsColumn = sheet.columnStartingWith('7 day total units', '14 day total units');
    const clicksColumn = sheet.column('clicks');
    const impressionsColumn = sheet.column('impressions');

    for (const dataRow of sheet.dataRows()) {
      const row = sheet.row(dataRow, campaignColumn);
      const date = days.dayOf(row);
      if (date === null) continue;
      const campaign = row.requiredText(campaignColumn);
      const sku = row.requiredText(skuColumn);
      const fact = {
        kind: 'ad' as const,
        channel: 'amazon' as const,
        date,
        campaign,
        adGroup: row.text(adGroupColumn),
        sku,
        spend: row.moneyOrZero(spendColumn),
        sales: row.moneyOrZero(salesColumn),
        clicks: row.countOrZero(clicksColumn),
        impressions: row.countOrZero(impressionsColumn),
        orders: row.countOrZero(ordersColumn),
        units: row.countOrZero(unitsColumn),
        source: { sheet: context.sheetName, row: dataRow.sheetRow },
      };
      if (!row.failed) sheet.addFact(fact);
    }
    days.finish();
    return sheet.result();
  },
};
