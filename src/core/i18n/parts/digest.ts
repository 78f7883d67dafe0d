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

  // The chat services by the names their users know them by.
  'digest.service.feishu': { en: 'Feishu / Lark', zh: '飞书 / Lark' },
  'digest.service.dingtalk': { en: 'DingTalk', zh: '钉钉' },
  'digest.service.wecom': { en: 'WeCom', zh: '企业微信' },
  'digest.service.slack': { en: 'Slack', zh: 'Slack' },

  // Menu: Send digest now, and what it answers.
  'menu.sendDigest': { en: 'Send digest now', zh: '立即发送每日晨报' },
  'digest.send.title': { en: 'Daily digest', zh: '每日晨报' },
  'digest.send.off': {
    en: 'The digest is off. Choose a chat service and its webhook URL in Settings (menu › Settings…), then send again.',
    zh: '每日晨报尚未开启。请在“设置…”中选择群聊服务并填写 Webhook 地址，然后再发送。',
  },
  'digest.send.ok': {
    en: 'The digest for {day} was delivered to {service}.',
    zh: '{day} 的晨报已发送到{service}。',
  },
  'digest.send.failed': {
    en: 'The digest could not be delivered to {service}: {error}. Settings keeps this in last_digest_error.',
    zh: '晨报未能发送到{service}：{error}。该错误已记录在 Settings 表的 last_digest_error 中。',
  },
  'digest.error.noSummary': {
    en: 'There is no KPI Summary yet: build it first (menu › Build KPI summary).',
    zh: '还没有 KPI 汇总，请先生成（菜单 › 生成 KPI 汇总）。',
  },
  'digest.error.noSecretAccess': {
    en:
      'Not sent: the signing secret is kept in this workbook’s document properties, which this run could not ' +
      'read. Use “Send digest now” from the menu.',
    zh: '未发送：签名密钥保存在本工作簿的文档属性中，本次运行无法读取。请从菜单使用“立即发送每日晨报”。',
  },
  'digest.error.noTime': {
    en: 'Not sent: this scheduled run had too little of its 6 minutes left; the next scheduled refresh sends it.',
    zh: '未发送：本次定时运行剩余时间不足（上限 6 分钟），下一次定时刷新时会发送。',
  },
  'digest.error.prepare': {
    en: 'The digest could not be prepared: {detail}',
    zh: '无法生成晨报：{detail}',
  },

  // Settings sheet values that cannot be read (src/core/settings.ts).
  'settings.problem.digestService': {
    en: 'Settings › {setting}: "{value}" is not off, feishu, dingtalk, wecom or slack; the digest stays off.',
    zh: '设置 › {setting}：“{value}”不是 off、feishu、dingtalk、wecom 或 slack，每日晨报保持关闭。',
  },
  'settings.problem.digestUrl': {
    en: 'Settings › {setting}: "{value}" is not a webhook URL of the chosen service; no digest is sent until it is.',
    zh: '设置 › {setting}：“{value}”不是所选服务的 Webhook 地址；修正之前不会发送晨报。',
  },
  'settings.problem.digestLanguage': {
    en: 'Settings › {setting}: "{value}" is not en, zh or both; the default is used.',
    zh: '设置 › {setting}：“{value}”不是 en、zh 或 both，已使用默认值。',
  },
  'settings.problem.digestHour': {
    en: 'Settings › {setting}: "{value}" is not an hour from 0 to 23; the default is used.',
    zh: '设置 › {setting}：“{value}”不是 0 到 23 之间的整点，已使用默认值。',
  },
  'settings.problem.lastDigestAt': {
    en: 'Settings › {setting}: "{value}" is not a time the add-on wrote; the next scheduled refresh sends the digest.',
    zh: '设置 › {setting}：“{value}”不是插件记录的时间；下一次定时刷新时会发送晨报。',
  },

  // The sidebar's Settings tab.
  'sidebar.settings.digestHeading': { en: 'Daily digest to the team chat', zh: '每日晨报推送到团队群' },
  'sidebar.settings.digestService': { en: 'Chat service', zh: '群聊服务' },
  'sidebar.settings.digestOff': { en: 'Off', zh: '关闭' },
  'sidebar.settings.digestUrl': { en: 'Webhook URL', zh: 'Webhook 地址' },
  'sidebar.settings.digestUrlHelp': {
    en: 'The bot’s incoming-webhook address; it starts with {prefixes}',
    zh: '机器人的 Webhook 地址，以 {prefixes} 开头',
  },
  'sidebar.settings.digestSecret': { en: 'Signing secret', zh: '签名密钥（加签）' },
  'sidebar.settings.digestSecretSaved': {
    en: 'A secret is saved (hidden). Leave blank to keep it.',
    zh: '已保存密钥（不显示）。留空则保留原密钥。',
  },
  'sidebar.settings.digestSecretNone': {
    en: 'No secret saved. Needed when the bot’s security setting is “signature”.',
    zh: '尚未保存密钥。机器人安全设置选择“加签”时需要填写。',
  },
  'sidebar.settings.digestSecretClear': { en: 'Remove the saved secret', zh: '删除已保存的密钥' },
  'sidebar.settings.digestLanguage': { en: 'Digest written in', zh: '晨报语言' },
  'sidebar.settings.digestLanguageEn': { en: 'English', zh: '英文' },
  'sidebar.settings.digestLanguageZh': { en: 'Chinese', zh: '中文' },
  'sidebar.settings.digestLanguageBoth': {
    en: 'Both (Chinese, then English)',
    zh: '中英双语（先中文后英文）',
  },
  'sidebar.settings.digestHour': { en: 'Send from', zh: '发送时间（起）' },
  'sidebar.settings.digestHourHelp': {
    en:
      'Sent once a day after the scheduled refresh: with an hourly refresh, the first one at or after this hour ' +
      '(reporting time zone); with a daily refresh, that refresh. “Send digest now” in the menu sends it at once.',
    zh: '每天在定时刷新后发送一次：每小时刷新时，在此时刻（报表时区）或之后的第一次刷新后发送；每天刷新时，在该次刷新后发送。菜单中的“立即发送每日晨报”可随时发送。',
  },
  'sidebar.settings.digestLast': { en: 'Last digest: {at} — {status}', zh: '上次晨报：{at} — {status}' },
  'sidebar.settings.digestLastError': { en: 'Error: {error}', zh: '错误：{error}' },
  'sidebar.settings.digestNever': { en: 'No digest sent yet.', zh: '尚未发送过晨报。' },

  // The settings form checked on the server (src/server/settings.ts).
  'settings.error.digestUrl': {
    en: 'The webhook URL for {service} must start with {prefixes}',
    zh: '{service}的 Webhook 地址必须以 {prefixes} 开头',
  },
  'settings.error.digestSecret': {
    en: 'The signing secret must be one line without spaces, at most 200 characters.',
    zh: '签名密钥必须是一行、不含空格，且不超过 200 个字符。',
  },
  'settings.error.dingtalkSecret': {
    en: 'A DingTalk signing secret starts with SEC (robot security settings › signature).',
    zh: '钉钉的加签密钥以 SEC 开头（机器人安全设置 › 加签）。',
  },
});
