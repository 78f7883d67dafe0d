import { defineMessages } from '../catalogue';

/**
 * Chinese-language exports and Chinese ERPs (SPEC §2c): how a report recognised from a Chinese header is named, the
 * store and time-zone fields of a mapping, and what the sidebar says when it filled in a mapping from an ERP export.
 * The sidebar page reads this part beside the ui part.
 */
export const chineseMessages = defineMessages({
  'report.recognisedInChinese': { en: '{report} (Chinese)', zh: '{report}（中文）' },

  'mapping.field.store': { en: 'Store', zh: '店铺' },
  'mapping.issue.notUsDollars': {
    en: '{column}: “{value}” is an amount in another currency, not US dollars.',
    zh: '{column}：“{value}”是其他币种的金额，不是美元。',
  },

  'sidebar.mapping.timeZone': { en: 'Times in this sheet are', zh: '此表中的时间为' },
  'sidebar.mapping.timeZone.marketplace': {
    en: 'Marketplace time (站点时间), read in the reporting time zone',
    zh: '站点时间（按报表时区读取）',
  },
  'sidebar.mapping.timeZone.Asia/Shanghai': {
    en: 'Beijing time (北京时间, Asia/Shanghai)',
    zh: '北京时间（Asia/Shanghai）',
  },
  'sidebar.mapping.timeZone.Etc/UTC': { en: 'UTC', zh: 'UTC 时间' },

  'erp.lingxing': { en: 'LingXing (领星)', zh: '领星' },
  'erp.mabang': { en: 'Mabang (马帮)', zh: '马帮' },
  'erp.dianxiaomi': { en: 'Dianxiaomi (店小秘)', zh: '店小秘' },
  'erp.export.orders': { en: 'order export', zh: '订单导出' },
  'erp.export.profit': { en: 'profit report', zh: '利润报表' },
  'sidebar.mapping.erpPreset': {
    en: 'This looks like a {erp} {export}: its columns are filled in below. Check them, then save the mapping.',
    zh: '这看起来是{erp}的{export}：已按其表头填好下方各列。请核对后保存映射。',
  },
  'sidebar.mapping.erpZone.header': {
    en: 'Its times are {zone}, as its column “{header}” says.',
    zh: '其时间为{zone}（列“{header}”注明）。',
  },
  'sidebar.mapping.erpZone.erpDefault': {
    en: '{erp} writes marketplace time (站点时间) unless a column says otherwise.',
    zh: '{erp}默认使用站点时间，除非列名另有注明。',
  },
  'sidebar.mapping.erpZone.unknown': {
    en: 'This export does not say which time zone its times are in: choose it below.',
    zh: '该导出未注明时间所属时区，请在下方选择。',
  },
});
