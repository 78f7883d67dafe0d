import { defineMessages } from '../catalogue';

/**
 * The build's own failures (SPEC §2a "All or nothing": what failed and where, in the user's language) and the
 * Settings values the build refuses as implausible.
 */
export const buildMessages = defineMessages({
  'build.failed': {
    en: 'The build stopped before writing anything: every sheet it writes is as it was. Where: {where}. What failed: {detail}',
    zh: '生成在写入前停止，所有由插件写入的工作表均保持原样。位置：{where}。失败原因：{detail}',
  },
  'build.failedWriting': {
    en: 'Writing the sheet “{sheet}” failed: {detail}. Sheets already rewritten in this run: {written}. Build again to bring them all up to date.',
    zh: '写入工作表“{sheet}”失败：{detail}。本次已重写的工作表：{written}。请重新生成，使所有工作表保持一致。',
  },
  'build.where.sheetRow': { en: 'sheet “{sheet}”, row {row}', zh: '工作表“{sheet}”第 {row} 行' },
  'build.where.sheet': { en: 'sheet “{sheet}”', zh: '工作表“{sheet}”' },
  'build.where.reading': { en: 'reading the workbook', zh: '读取工作簿时' },
  'build.where.computing': { en: 'computing the KPI Summary', zh: '计算 KPI 汇总时' },
  'build.where.output': { en: 'computing the sheet “{sheet}”', zh: '计算工作表“{sheet}”时' },
  'build.where.outputRow': {
    en: 'checking the sheet “{sheet}” before writing it, row {row}',
    zh: '写入前检查工作表“{sheet}”第 {row} 行时',
  },
  'build.none': { en: 'none', zh: '无' },

  'settings.problem.fxLastGood': {
    en: 'Settings › fx_usd_cny could not be read (the live rate may be unavailable or still loading): the last good rate the add-on saw, {rate} on {date}, was used instead.',
    zh: '设置 › fx_usd_cny 无法读取（实时汇率可能暂不可用或仍在加载）：已改用插件上次读到的有效汇率 {rate}（{date}）。',
  },
  'settings.problem.fxUsdCnyOutOfRange': {
    en: 'Settings › {setting}: "{value}" is outside {low}–{high}, the range a USD→CNY rate can be (was it typed the wrong way round, or with the decimal point moved?); CNY amounts are left blank until it is fixed.',
    zh: '设置 › {setting}：“{value}”超出美元兑人民币汇率的合理范围 {low}–{high}（是否方向填反或小数点错位？）；在修正之前，人民币金额留空。',
  },
});
