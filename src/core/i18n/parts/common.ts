import { defineMessages } from '../catalogue';

export const commonMessages = defineMessages({
  'app.name': { en: 'Seller KPI', zh: '卖家 KPI' },
  'error.unexpected': { en: 'Something went wrong: {detail}', zh: '出现错误：{detail}' },
  'menu.help': { en: 'Help', zh: '帮助' },
  'help.title': { en: 'Seller KPI — help', zh: '卖家 KPI — 帮助' },
  'help.body': {
    en:
      'KPI functions: type =KPI_ in a cell to see them all (ACoS, TACoS, ROAS, unit profit, fees, inventory…).\n' +
      'Paste report exports (Amazon, Shopify, Walmart, TikTok Shop) into sheets of this workbook; the add-on ' +
      'detects them by their header row. Your data stays in your own Google account.',
    zh:
      'KPI 函数：在单元格中输入 =KPI_ 即可看到全部函数（ACoS、TACoS、ROAS、单件利润、费用、库存……）。\n' +
      '把各平台导出的报表（亚马逊、Shopify、沃尔玛、TikTok Shop）粘贴到本工作簿的工作表中，插件会按表头自动识别。' +
      '数据始终保存在您自己的 Google 账号中。',
  },
});
