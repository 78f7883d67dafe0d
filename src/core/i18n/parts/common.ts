import { defineMessages } from '../catalogue';

export const commonMessages = defineMessages({
  'app.name': { en: 'Seller KPI', zh: '卖家 KPI' },
  'error.unexpected': { en: 'Something went wrong: {detail}', zh: '出现错误：{detail}' },
  'menu.help': { en: 'Help', zh: '帮助' },
  'help.title': { en: 'Seller KPI — help', zh: '卖家 KPI — 帮助' },
  'settings.problem.reportingTimeZone': {
    en: 'Settings › {setting}: "{value}" is not a time zone such as America/Los_Angeles; the default is used.',
    zh: '设置 › {setting}：“{value}”不是有效的时区（例如 America/Los_Angeles），已使用默认值。',
  },
  'settings.problem.baseCurrency': {
    en: 'Settings › {setting}: "{value}" is not USD or CNY; the default is used.',
    zh: '设置 › {setting}：“{value}”不是 USD 或 CNY，已使用默认值。',
  },
  'settings.problem.fxUsdCny': {
    en: 'Settings › {setting}: "{value}" is not a USD→CNY rate; CNY amounts are left blank until it is.',
    zh: '设置 › {setting}：“{value}”不是有效的美元兑人民币汇率；在修正之前，人民币金额留空。',
  },
  'settings.problem.language': {
    en: 'Settings › {setting}: "{value}" is not auto, en or zh; the default is used.',
    zh: '设置 › {setting}：“{value}”不是 auto、en 或 zh，已使用默认值。',
  },
  'settings.problem.refreshSchedule': {
    en: 'Settings › {setting}: "{value}" is not off, daily or hourly; the default is used.',
    zh: '设置 › {setting}：“{value}”不是 off、daily 或 hourly，已使用默认值。',
  },
  'settings.problem.refreshHour': {
    en: 'Settings › {setting}: "{value}" is not an hour from 0 to 23; the default is used.',
    zh: '设置 › {setting}：“{value}”不是 0 到 23 之间的整点，已使用默认值。',
  },
  'settings.problem.lookerTemplateReportId': {
    en: 'Settings › {setting}: "{value}" is not a Looker Studio report id.',
    zh: '设置 › {setting}：“{value}”不是有效的 Looker Studio 报表 ID。',
  },
  'issue.mappingsUnavailable': {
    en:
      'Sheets mapped in the sidebar could not be read in this run (the saved mappings are not reachable from a ' +
      'scheduled run here); they were left out of this summary. Build from the menu to include them.',
    zh: '本次运行无法读取侧边栏中映射的工作表（定时运行无法访问已保存的映射），这些工作表未计入本次汇总。请从菜单手动生成以包含它们。',
  },
});
